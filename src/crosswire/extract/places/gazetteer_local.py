"""A local gazetteer imported from a GeoNames dump: the villages and districts cities500 lacks.

``crosswire gazetteer import AF.txt`` reads GeoNames' full dump format (``allCountries.txt``
or a country file, plain or zipped: tab-separated, 19 columns: geonameid, name, asciiname,
alternatenames, latitude, longitude, feature class, feature code, country code, cc2, admin1,
admin2, admin3, admin4, population, elevation, dem, timezone, modification date) and keeps
populated places (class P) and admin units (ADM1–ADM3) in a compact local file. The index
(:func:`crosswire.extract.places.gazetteer.load_gazetteer`) adds its rows to cities500's. Nothing is
downloaded: the user fetches the dump once and imports it.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from crosswire.extract.places.names import _keep_alternate, normalize_name

HEADER = "# crosswire local gazetteer v1: geonameid name alternates lat lon kind country admin1 population"
GEONAMES_COLUMNS = 19
# Populated places gone or historical are not where today's events happen.
SKIPPED_PLACE_CODES = frozenset({"PPLH", "PPLQ", "PPLCH"})
# ADM3 (sub-districts) are kept as second-level units: their precision reads "admin2", which
# understates rather than overstates how closely a place is known.
ADMIN_KINDS = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin2", "ADMD": "admin2"}


class NotAGeonamesDump(ValueError):
    """The file is not in GeoNames' dump format (no line of 19 tab-separated columns)."""


@dataclass(frozen=True, slots=True)
class LocalRow:
    """One kept GeoNames record."""

    geonames_id: int
    name: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    kind: str  # "city" (any populated place), "admin1" or "admin2"
    country: str
    admin1: str
    population: int

    def line(self) -> str:
        cells = (self.geonames_id, self.name, "|".join(self.alternates), f"{self.lat:.5f}",
                 f"{self.lon:.5f}", self.kind, self.country, self.admin1, self.population)
        return "\t".join(str(c).replace("\t", " ") for c in cells)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import read and kept."""

    lines: int  # records read (blank and comment lines aside)
    malformed: int
    kept: int
    total: int  # rows in the local gazetteer after the import
    path: Path


def default_path() -> Path:
    """The user data directory's gazetteer file ($XDG_DATA_HOME or ~/.local/share)."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "crosswire" / "gazetteer.tsv"


def local_path(configured: str | None = None) -> Path:
    """Where the local gazetteer lives: ``[places] gazetteer`` when set, else :func:`default_path`."""
    if configured is None:
        from crosswire.settings import load_settings

        configured = load_settings().places_gazetteer
    return Path(configured).expanduser() if configured else default_path()


def _text_lines(path: Path) -> Iterator[str]:
    """Lines of a dump, read straight from a GeoNames zip ("AF.zip") when given one."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            if not names:
                raise NotAGeonamesDump(f"{path}: no .txt dump inside the zip")
            with zf.open(names[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8", errors="replace")
        return
    with path.open(encoding="utf-8", errors="replace") as fh:
        yield from fh


def parse_geonames(lines: Iterable[str], countries: frozenset[str] | None = None
                   ) -> Iterator[LocalRow | None]:
    """Kept rows of GeoNames dump lines; None for a malformed line (so callers can count them).

    Example:
        >>> line = "\\t".join(["1", "Kafr Sajnah", "Kafr Sajnah", "Kafr Sajna", "35.6", "36.6",
        ...                   "P", "PPL", "SY", "", "12", "", "", "", "0", "", "300",
        ...                   "Asia/Damascus", "2020-01-01"])
        >>> next(parse_geonames([line])).alternates
        ('Kafr Sajna',)
    """
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) != GEONAMES_COLUMNS or not f[0].isdigit():
            yield None
            continue
        fclass, code, cc = f[6], f[7], f[8]
        if countries and cc not in countries:
            continue
        if fclass == "P" and code not in SKIPPED_PLACE_CODES:
            kind = "city"
        elif fclass == "A" and code in ADMIN_KINDS:
            kind = ADMIN_KINDS[code]
        else:
            continue
        try:
            lat, lon = float(f[4]), float(f[5])
        except ValueError:
            yield None
            continue
        name = f[1].strip()
        seen = {normalize_name(name)}
        alternates = []
        for alt in (f[2], *f[3].split(",")):
            key = normalize_name(alt)
            if key and key not in seen and _keep_alternate(alt.strip()):
                seen.add(key)
                alternates.append(alt.strip())
        yield LocalRow(int(f[0]), name, tuple(alternates), lat, lon, kind, cc, f[10],
                       int(f[14]) if f[14].isdigit() else 0)


def read_local(path: Path) -> list[LocalRow]:
    """The rows of a local gazetteer file (empty when there is none)."""
    if not path.is_file():
        return []
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            if len(f) != 9:
                continue
            rows.append(LocalRow(int(f[0]), f[1], tuple(a for a in f[2].split("|") if a),
                                 float(f[3]), float(f[4]), f[5], f[6], f[7], int(f[8])))
    return rows


def import_geonames(source: Path, dest: Path, countries: frozenset[str] | None = None
                    ) -> ImportSummary:
    """Add a dump's places and admin units to the local gazetteer at ``dest`` (replacing
    earlier rows with the same GeoNames id), written atomically.

    Raises:
        NotAGeonamesDump: no line of the file is a GeoNames record.
    """
    rows = {r.geonames_id: r for r in read_local(dest)}
    counted = [0]

    def counting(lines: Iterable[str]) -> Iterator[str]:
        for line in lines:
            counted[0] += bool(line.strip()) and not line.startswith("#")
            yield line

    malformed = kept = 0
    for row in parse_geonames(counting(_text_lines(source)), countries):
        if row is None:
            malformed += 1
            continue
        rows[row.geonames_id] = row
        kept += 1
    if malformed == counted[0]:  # nothing at all, or nothing but malformed lines
        raise NotAGeonamesDump(f"{source}: no line has GeoNames' {GEONAMES_COLUMNS} tab-separated columns")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(HEADER + "\n")
        for row in sorted(rows.values(), key=lambda r: r.geonames_id):
            fh.write(row.line() + "\n")
    tmp.replace(dest)
    return ImportSummary(counted[0], malformed, kept, len(rows), dest)


def fingerprint(path: Path) -> str:
    """A short tag of a local gazetteer file's state, for the index cache's name."""
    if not path.is_file():
        return ""
    st = path.stat()
    import hashlib

    return hashlib.sha256(f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:10]
