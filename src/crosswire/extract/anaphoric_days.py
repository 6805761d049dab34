"""Relative days that count from another event, not from the report: "four days earlier".

"Ago" counts from the moment of writing, so the publication date resolves it. "Earlier",
"later", "before", "after" and "the day before" count from an event the text has just told:
"The guard was killed on 24 June, while looking into a robbery in which the gang had shot
a clerk four days earlier" puts the shooting on 20 June, whatever day the report came out.
With no such date in the sentence the day cannot be known, and the event stays undated
rather than counted from the publication date. Months and years are coarse enough that the
report's day, close to the events it tells, still dates them ("two years before").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crosswire.extract.dates import DateMention

_ANAPHORIC = re.compile(
    r"the\s+(?:day\s+before|previous\s+day|preceding\s+day)|a\s+day\s+(?:earlier|before)"
    r"|\S+\s+(?:days?|weeks?)\s+(?:earlier|before|later|after)", re.I)
# Words between "two days after" and the event it counts from ("after the bombing").
_LEAD_IN = re.compile(r"^\s*(?:(?:the|a|an|his|her|their|its|that|this)\s+)?(?:[\w-]+\s+){0,2}$", re.I)


def is_anaphoric(text: str) -> bool:
    """Whether a date expression counts from another event ("two days later"), not from now."""
    return _ANAPHORIC.fullmatch(text.strip()) is not None


def counts_from_trigger(text: str, relative: DateMention, trigger_start: int) -> bool:
    """Whether the trigger is the event the expression counts from ("two days after the
    bombing"): the expression then dates something else, and the trigger is that much earlier."""
    if not relative.text.lower().rstrip().endswith(("after", "before")):
        return False
    return trigger_start >= relative.end and _LEAD_IN.match(text[relative.end:trigger_start]) is not None


def counted_back(relative: DateMention) -> DateMention:
    """"two days after [the bombing]", read from the bombing's side: "two days before"."""
    words = relative.text.rsplit(None, 1)
    flipped = {"after": "before", "before": "after"}.get(words[-1].lower(), words[-1])
    return replace(relative, text=f"{words[0]} {flipped}")


def anchor_day(relative: DateMention, mentions: list[DateMention]) -> DateMention | None:
    """The resolved date, earlier in the sentence, that ``relative`` counts from: the nearest
    one before it that is not itself counted from something else."""
    before = [m for m in mentions if m.end <= relative.start and m.date is not None
              and m.precision in ("day", "week") and not is_anaphoric(m.text)]
    return before[-1] if before else None
