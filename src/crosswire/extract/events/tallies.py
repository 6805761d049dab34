"""Running tolls: counts that add up many happenings, not one happening's dead.

"At least 4,700 civilians have been killed since the invasion", "the deaths of more than 500
demonstrators since October", "180 people have died so far in the violence": each is told beside
today's attack and reads like its toll. On real pages such tallies became rows of their own, a
strike's toll of 6,000, or the toll a following sentence lent a rocket strike.
"""

from __future__ import annotations

import re

from crosswire.records import Event

# A count kept since a day or through a conflict ("at least 4,700 civilians have been killed since
# the invasion", "the deaths of more than 500 demonstrators since October", "180 people have died
# so far in the violence") adds up many happenings: on real pages such tallies became rows of their
# own, or a strike's toll of 6,000.
_SINCE = re.compile(r"\bsince\b|\bso\s+far\b|\bto\s+date\b|\bin\s+(?:the\s+)?(?:past|last)\s+(?:\w+\s+)?"
                    r"(?:years?|months?|weeks?|decades?)\b", re.I)
_PERFECT = re.compile(r"\b(?:have|has)\s+(?:now\s+|already\s+)?(?:been\s+)?(?:killed|died|lost\s+their\s+lives)\b"
                      r"|\b(?:have|has)\s+(?:now\s+|already\s+)?killed\b", re.I)
_RUNNING_CONFLICT = re.compile(r"\b(?:in|during)\s+the\s+(?:[\w-]+\s+){0,3}(?:war|conflict|insurgency|violence|"
                               r"unrest|crisis|uprising|fighting|protests|campaign|offensive|rebellion)\b", re.I)


def running_toll(ev: Event) -> bool:
    """Whether a mention's toll is a running count: kept since a day ("since October"), so far,
    or told in the perfect through a whole conflict ("have been killed in the insurgency")."""
    if ev.fatalities is None or ev.fatalities.low <= 0:
        return False
    text = ev.evidence.text
    toll = text.find(ev.fatalities.text or "\0")
    near = text[toll:] if toll >= 0 else text  # what follows the count: "... since October"
    if (_SINCE.search(text) and _PERFECT.search(text)) or (
            _SINCE.search(near) and re.match(r"(?i)deaths?\b", ev.fatalities.text or "")):
        return True
    return bool(_PERFECT.search(text) and _RUNNING_CONFLICT.search(near))
