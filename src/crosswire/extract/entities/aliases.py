"""The alias table: canonical names, types, countries and kinds of well-known news actors."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from crosswire.errors import Errors

# Lowercased aliases that are also ordinary English words: matched only in their exact
# case ("IS", "US", "WHO") and never on an all-caps headline line, where "IS" is a verb.
AMBIGUOUS_WORDS = frozenset({"is", "us", "it", "who", "am", "an", "as", "at", "in", "on", "or", "no"})

# An all-caps alias of at most this many letters is an acronym and matched case-sensitively
# ("UN" is not "un", "AP" is not "ap"); longer ones ("NATO", "SANA") too, because a
# lowercase "sana" or "nato" in English copy is never the organisation.
ACRONYM_RE = re.compile(r"^[A-Z][A-Z.\-]*[A-Z.]$")


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """One row of the alias table."""

    canonical: str
    type: str
    aliases: tuple[str, ...]
    country: str | None
    kind: str


def is_case_sensitive(alias: str) -> bool:
    """Whether an alias must be matched in its exact case.

    Example:
        >>> is_case_sensitive("IS"), is_case_sensitive("Nusra Front")
        (True, False)
    """
    return any(ACRONYM_RE.match(tok) for tok in alias.split())


def is_ambiguous(alias: str) -> bool:
    """Whether an alias is also a common English word ("IS", "US").

    Example:
        >>> is_ambiguous("IS"), is_ambiguous("ISIL")
        (True, False)
    """
    return alias.replace(".", "").lower() in AMBIGUOUS_WORDS


def fold(text: str) -> str:
    """Case-insensitive lookup form: lowercase, straight apostrophes, no leading "the".

    Example:
        >>> fold("The Russian Defence Ministry’s")
        "russian defence ministry's"
    """
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"\s+", " ", text).strip().lower()
    return text[4:] if text.startswith("the ") else text


class AliasTable:
    """Lookup from a surface form to its alias-table entry."""

    def __init__(self, entries: list[AliasEntry]) -> None:
        self.entries = entries
        self._exact: dict[str, AliasEntry] = {}
        self._folded: dict[str, AliasEntry] = {}
        for entry in entries:
            for alias in (entry.canonical, *entry.aliases):
                self._exact.setdefault(alias.replace("\u2019", "'"), entry)
                if not is_case_sensitive(alias):
                    self._folded.setdefault(fold(alias), entry)

    def lookup(self, text: str) -> AliasEntry | None:
        """The entry a surface form names, or None.

        Example:
            >>> load_aliases().lookup("Da’esh").canonical
            'Islamic State of Iraq and the Levant'
        """
        exact = text.replace("\u2019", "'").strip()
        if exact.startswith(("the ", "The ")):
            exact = exact[4:]
        return self._exact.get(exact) or self._folded.get(fold(text))

    def patterns(self) -> Iterator[tuple[str, AliasEntry]]:
        """Every alias (canonical included, curly-apostrophe variants added) with its entry."""
        for entry in self.entries:
            for alias in (entry.canonical, *entry.aliases):
                yield alias, entry
                if "'" in alias:
                    yield alias.replace("'", "\u2019"), entry

    def __len__(self) -> int:
        return len(self.entries)


def parse_aliases(text: str, source: str = "<aliases>") -> AliasTable:
    """Parse alias-table TSV text (``canonical, type, aliases, country, kind``).

    Raises:
        ValueError: a line does not have five tab-separated columns.
    """
    entries = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5 or not cols[0] or not cols[1]:
            raise ValueError(Errors.E203.format(path=source, line=n))
        canonical, type_, aliases, country, kind = (c.strip() for c in cols)
        entries.append(
            AliasEntry(
                canonical=canonical,
                type=type_,
                aliases=tuple(a.strip() for a in aliases.split("|") if a.strip()),
                country=country or None,
                kind=kind,
            )
        )
    return AliasTable(entries)


@functools.lru_cache(maxsize=4)
def load_aliases(path: str | None = None) -> AliasTable:
    """The alias table at ``path``, or the one shipped in ``crosswire/data/aliases.tsv``.

    Example:
        >>> load_aliases().lookup("SANA").canonical
        'Syrian Arab News Agency'
    """
    if path:
        return parse_aliases(Path(path).read_text(encoding="utf-8"), path)
    data = resources.files("crosswire").joinpath("data/aliases.tsv")
    return parse_aliases(data.read_text(encoding="utf-8"), "crosswire/data/aliases.tsv")
