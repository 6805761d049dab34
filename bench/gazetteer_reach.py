"""How many gold toponyms the shipped gazetteer can reach at all: the ceiling a GeoNames dump import
could raise the place figures by (the full dump itself cannot be fetched here to measure it).

A gold toponym is reachable when the index holds its GeoNames id, or a candidate of its name
within the places eval's accuracy radius. The rest are misses no ranking can fix; importing
``allCountries.txt`` (``crosswire gazetteer import``) adds villages and districts that may
cover them, and also adds namesakes that make ranking harder, so this is a ceiling, not a gain.

Usage: python bench/gazetteer_reach.py [DATASET_DIR] [--part tune|report]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from crosswire.evaluate.places import ACCURACY_KM, is_scored, read_records
from crosswire.evaluate.splits import select
from crosswire.extract.places.core import haversine_km
from crosswire.extract.places.gazetteer import load_gazetteer


def reach(dataset_dir: Path, part: str | None) -> tuple[int, int]:
    """(scored gold toponyms, those the shipped index can reach by name)."""
    gaz = load_gazetteer()
    ids = {int(i) for i in gaz.ids}
    total = reachable = 0
    for record in select("geoparsing-news", read_records(dataset_dir), part):
        for gold in filter(is_scored, record["toponyms"]):
            total += 1
            if gold.get("geonameid") and int(gold["geonameid"]) in ids:
                reachable += 1
            elif gold.get("lat") is not None and any(
                    haversine_km(c.lat, c.lon, float(gold["lat"]), float(gold["lon"])) <= ACCURACY_KM
                    for c in gaz.lookup(gold["text"])):
                reachable += 1
    return total, reachable


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", default="../shared/eval/geoparsing-news/dev")
    parser.add_argument("--part", default="report")
    args = parser.parse_args()
    total, reachable = reach(Path(args.dataset), args.part)
    print(f"part {args.part}: {total} scored gold toponyms, {reachable} reachable by name in the shipped index, "
          f"{total - reachable} ({(total - reachable) / total:.3f}) not: at most that much for an import to add")


if __name__ == "__main__":
    main()
