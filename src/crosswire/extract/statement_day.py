"""The day a statement was made, when a sentence dates it: what "yesterday" in reported speech counts from.

"On Monday, the ministry said its jets struck nine targets in the last 24 hours": the strikes
are dated from Monday, not from the report's own day. ``statement_day`` finds the dated
statement whose reported speech holds a relative day; ``extract/dates.py`` resolves it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crosswire.extract.dates import DateMention

# Expressions that count from the moment of speaking ("yesterday", "overnight", "in the
# last 24 hours"): inside reported speech that moment is the statement's, not the report's.
_DEICTIC = re.compile(r"(?:the\s+)?day\s+before\s+yesterday|yesterday|tomorrow|today|tonight|overnight"
                      r"|(?:earlier|later)\s+today|this\s+(?:morning|afternoon|evening)"
                      r"|(?:in|over|during)\s+the\s+(?:last|past)\s+(?:24|twenty-four)\s+hours", re.I)
_SPEECH = (r"(?:said|says|told|announced|reported|stated|claimed|added|confirmed|declared|insisted|noted|"
           r"warned|wrote|tweeted|posted|explained|disclosed|revealed)")
# "On Monday, the ministry said": a statement dated before its verb, at the sentence's start.
_FRONTED = re.compile(r"^\W*(?:(?:late|early)\s+)?(?:on\s+)?(?:the\s+)?$", re.I)
_FRONTED_VERB = re.compile(rf"\s*,?\s*(?:[^\s,;:.!?]+\s+){{0,8}}?{_SPEECH}\b", re.I)
# "said on Monday", "told reporters late on Monday", "said Monday".
_VERB_BEFORE = re.compile(rf"\b{_SPEECH}(?:\s+[\w'\u2019]+){{0,2}}?\s+(?:(?:late|early)\s+)?(?:on\s+)?$", re.I)
# Where the reported speech may end and the reporter's own clause begin ("said on Monday it
# would investigate, and police arrested two men yesterday").
_CLAUSE_BREAK = re.compile(r";|[.!?][\"\u201d]|,\s*(?:and|but|while|whereas|meanwhile)\b|\bmeanwhile\b", re.I)
# Words that put a trailing statement outside the clause before it ("struck yesterday,
# after the ministry said on Monday ...").
_SUBORDINATE = re.compile(r"\b(?:after|before|when|while|as|since|because|until|once|following|but|although)\b", re.I)


def statement_day(text: str, relative: DateMention, mentions: list[DateMention]) -> DateMention | None:
    """The date of the statement whose reported speech holds ``relative``, if the sentence dates one."""
    for said in mentions:
        if said is relative or is_deictic(said.text) or said.precision not in ("day", "week"):
            continue
        if said.start < relative.start and _FRONTED.match(text[:said.start]):
            verb = _FRONTED_VERB.match(text, said.end)
            if verb is not None and verb.end() <= relative.start and not _CLAUSE_BREAK.search(text, verb.end(), relative.start):
                return said
        attached = said.text.lower().startswith("reported") or _VERB_BEFORE.search(text[:said.start])
        if not attached:
            continue
        if relative.start >= said.end:
            if not _CLAUSE_BREAK.search(text, said.end, relative.start):
                return said
            continue
        between = text[relative.end:said.start]
        if re.search(r"[,\"\u201d]", between) and not _SUBORDINATE.search(between):
            return said
    return None


def is_deictic(text: str) -> bool:
    """Whether a date expression counts from the moment of speaking ("yesterday", "overnight")."""
    return _DEICTIC.fullmatch(text) is not None
