"""Two happenings that are two incidents, by their own telling.

Claims about a July strike and an August one, or about Kramatorsk and Mariupol, answer no
common question: their tolls, doers, places and days are not compared (compare/relations.py).
"""

from __future__ import annotations

from ..records import Happening
from .background import day_of
from .happenings import TERRITORY_OR_DAMAGE, VIOLENT_TYPES, places_fit

# Claims about strikes on consecutive days speak of one campaign ("the Russian strikes"); a week
# later it is another round (the 30 September strikes against those of 5-6 October).
CAMPAIGN_DAYS = 2


def _incident(h: Happening) -> bool:
    return bool(h.acled) and (h.acled.get("event_type") in VIOLENT_TYPES | {"Protests"}
                              or h.acled.get("sub_event_type") in TERRITORY_OR_DAMAGE)


def told_apart(a: Happening, b: Happening) -> bool:
    """Whether two happenings are two incidents by their own telling: days more than
    ``CAMPAIGN_DAYS`` apart (each to the day), or places that cannot be one (two towns farther
    apart than ``NEAR_KM``, two countries). Happenings kept apart only by kind or status (a strike
    told as fact, the same strike denied) are not: that difference is what claims about them
    dispute; nor are a campaign's consecutive days, which claims tell as one ("the strikes").
    Only incidents (violence, protest, a coded ACLED event) are told apart: a statement's or an
    accusation's day is when it was said, not when what it speaks of happened."""
    if not (_incident(a) and _incident(b)):
        return False
    da, db = day_of(a.date or ""), day_of(b.date or "")
    if da and db and a.date_precision in ("day", None) and b.date_precision in ("day", None) \
            and "report" not in (a.date_basis, b.date_basis) and abs((da - db).days) > CAMPAIGN_DAYS:
        return True
    if not a.places or not b.places:
        return False
    return not any(places_fit(x, y) is not False for x in a.places for y in b.places)
