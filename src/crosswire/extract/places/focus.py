"""A document's geographic focus: confident countries/admin1s, anchor points and shared regions."""

from __future__ import annotations

from collections import Counter

from crosswire.extract.places.gazetteer import KIND_CITY, KIND_COUNTRY, Candidate

# Spatial minimality: a reading gains this much per other place name of the document that
# also has a reading in the same admin1 ("Paris" + "Henry County" → both in Tennessee),
# up to SHARED_REGION_CAP names. Swept on dev (see evaluate/places.py).
SHARED_REGION_BONUS = 1.0
SHARED_REGION_CAP = 3
SHARED_REGION_MIN_POPULATION = 1_000  # a hamlet namesake is no evidence for its region


class Focus:
    """Where a document is about: counts of confident countries/admin1s, plus anchor points.

    Shares leave out the mention being scored (``votes[index]``), so a confident but wrong
    reading cannot vote for itself.
    """

    def __init__(self, countries: Counter[str], admins: Counter[tuple[str, str]],
                 anchors: list[tuple[int, float, float]],
                 votes: dict[int, tuple[str, tuple[str, str] | None]] | None = None) -> None:
        self.countries, self.admins = countries, admins
        self.anchors = anchors  # (mention index, lat, lon) of confident point places
        self.votes = votes or {}
        self.region_names: dict[tuple[str, str], set[str]] = {}
        self.keys: list[str] = []
        self.tops: dict[int, Candidate] = {}  # mention index → its first-pass best reading
        self.related: dict[int, set[int]] = {}  # mention index → mentions of its own hierarchy
        self.seed: Counter[str] = Counter()  # countries of the document's demonyms

    def others(self, index: int) -> list[int]:
        """Mentions that may speak for where ``index`` lies: not itself, its repeats or the
        names of its own hierarchy ("Lakes" of "Rumbek (Lakes)" is its context, not a witness)."""
        key = self.keys[index] if index < len(self.keys) else None
        skip = self.related.get(index, set())
        return [i for i in self.tops if i != index and i not in skip
                and (key is None or i >= len(self.keys) or self.keys[i] != key)]

    def add_regions(self, keys: list[str], found: list[list[Candidate]]) -> None:
        """Record which admin1 regions each mention name could lie in."""
        self.keys = keys
        for key, cands in zip(keys, found):
            for c in cands:
                if c.admin1 and c.kind != KIND_COUNTRY and (
                        c.kind != KIND_CITY or c.population >= SHARED_REGION_MIN_POPULATION):
                    self.region_names.setdefault((c.country, c.admin1), set()).add(key)

    def shared(self, index: int, c: Candidate) -> int:
        """How many other mention names could lie in ``c``'s admin1."""
        names = self.region_names.get((c.country, c.admin1))
        if not names or not c.admin1:
            return 0
        return len(names) - (self.keys[index] in names if index < len(self.keys) else 0)

    def shares(self, index: int, country: str, admin: tuple[str, str]) -> tuple[float, float]:
        """The share of other mentions' confident votes for ``country`` and ``admin``.

        A name's repeats are left out with it: three "Alexandria"s each read as Egypt must not
        outvote the "Virginia"s around them.
        """
        key = self.keys[index] if index < len(self.keys) else None
        own = [v for i, v in self.votes.items()
               if i == index or (key is not None and i < len(self.keys) and self.keys[i] == key)]
        total_c = sum(self.countries.values()) - len(own)
        total_a = sum(self.admins.values()) - sum(a is not None for _, a in own)
        c = self.countries.get(country, 0) - sum(k == country for k, _ in own)
        a = self.admins.get(admin, 0) - sum(a == admin for _, a in own)
        return (c / total_c if total_c > 0 else 0.0), (a / total_a if total_a > 0 else 0.0)
