"""Counts read from figures and count phrases: "twenty-five" is 25, "35-40" and "up to 40" are bounds.

What each phrase is worth ("dozens of" 12, "up to 40" 1 to 40, ...) is set out, with where
each figure comes from, in the docstring of ``crosswire.extract.events.fatalities``, which reads
death counts with these patterns.
"""

from __future__ import annotations

import re

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Vague quantifiers -> figure (see crosswire.extract.events.fatalities for where each comes from).
VAGUE = {
    "tens of": 10, "dozens of": 12, "scores of": 20, "hundreds of": 100, "thousands of": 1000,
    "several": 10, "many": 10, "a few": 3, "a handful of": 3,
    # Bare plurals ("dozens were killed", "killing hundreds") are worth the same as with "of".
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
}

# Multiplied forms come first so "two dozen" is not read as "two".
_NUMBER_WORD = (
    r"(?:a|one|two|three|four|five)\s+hundred|(?:two|three|four|five)\s+dozen|half\s+a\s+dozen|a\s+dozen"
    r"|(?:(?:" + "|".join(TENS) + r")(?:[-\s](?:" + "|".join(k for k in UNITS if UNITS[k] < 10) + r"))?"
    r"|" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")(?:\s+hundred)?"
)
# A figure: digits (with thousands commas) or number words. Digits glued to letters or
# hyphens (Su-25, F-16, MiG-29) and ages ("19-year-old") are excluded by the look-arounds;
# a hyphen is allowed only as a range dash before another number ("35-40").
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
# An age written with spaced hyphens, as pre-tokenised corpora print it ("20 - year - old").
_SPACED_AGE = r"(?!\s-\s(?:year|month|week|day)s?\s-\sold)"
_FIGURE = rf"(?:(?<![\w$£€.-])(?:{_DIGITS}){_SPACED_AGE}(?![\w%]|[.,]\d|-(?!\d))|\b(?:{_NUMBER_WORD})\b{_SPACED_AGE}(?!-))"
_FIGURE_B = rf"(?:(?:{_DIGITS})(?![\w%]|[.,]\d|-)|\b(?:{_NUMBER_WORD})\b(?!-))"
_QUANT = (
    rf"(?:(?P<mod>at\s+least|more\s+than|over|upwards\s+of|some|about|around|approximately|roughly|nearly|almost|close\s+to"
    rf"|an\s+estimated|up\s+to|as\s+many\s+as|no\s+more\s+than|at\s+most|fewer\s+than|less\s+than|between)\s+)?"
    rf"(?P<a>{_FIGURE})(?:\s*(?:-|–|to|and|or)\s*(?P<b>{_FIGURE_B}))?"
    rf"|(?P<vague>\b(?:" + "|".join(k.replace(" ", r"\s+") for k in sorted(VAGUE, key=len, reverse=True)) + r"))(?=\s|[.,;:!?)]|$)"
)


def parse_figure(words: str) -> int | None:
    """The integer a figure spells ("1,200", "twenty-five", "two dozen"), or None.

    Example:
        >>> parse_figure("twenty-five")
        25
    """
    w = re.sub(r"\s+", " ", words.strip().lower()).replace(",", "")
    if w.isdigit():
        return int(w)
    if w.endswith("dozen"):
        head = w[: -len("dozen")].strip()
        return 6 if head == "half a" else 12 * (1 if head in ("a", "") else UNITS.get(head, 0)) or None
    if w.endswith("hundred"):
        head = w[: -len("hundred")].strip()
        return 100 * (1 if head == "a" else (parse_figure(head) or 0)) or None
    parts = re.split(r"[- ]", w)
    total = 0
    for part in parts:
        value = TENS.get(part, UNITS.get(part))
        if value is None:
            return None
        total += value
    return total


def _bounds(m: re.Match[str]) -> tuple[int, int] | None:
    """The (low, high) a ``_QUANT`` match states, or None when its figure does not parse."""
    if m["vague"]:
        n = VAGUE[re.sub(r"\s+", " ", m["vague"].lower())]
        return n, n
    a = parse_figure(m["a"])
    if a is None:
        return None
    b = parse_figure(m["b"]) if m["b"] else None
    mod = re.sub(r"\s+", " ", (m["mod"] or "").lower())
    if b is not None:
        return (min(a, b), max(a, b))
    if mod in ("up to", "as many as", "no more than", "at most"):
        return (min(1, a), a)
    if mod in ("fewer than", "less than"):
        return (min(1, a - 1), max(0, a - 1))
    return a, a
