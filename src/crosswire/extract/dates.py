"""Date mentions in a sentence, resolved to ISO dates against the document's publication date."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from crosswire.extract.anaphoric_days import anchor_day, counted_back, counts_from_trigger, is_anaphoric
from crosswire.extract.statement_day import is_deictic, statement_day

# A month-day written without a year takes the anchor's year unless that would put it more
# than this many days after the anchor; then it is last year's. Wires sometimes date copy a
# day or two ahead of the event ("on March 12" filed late on the 11th), hence the slack.
FUTURE_GRACE_DAYS = 7

# Plausible years for a bare four-digit number after a cue ("in 2019"); outside this range
# the number is more likely a count or a model number.
YEAR_MIN, YEAR_MAX = 1900, 2099

# How much worse a coarse date is than a day for ``event_date``: a day-precision expression
# a clause away still beats "in 2019" right beside the trigger.
PRECISION_PENALTY = {"day": 0, "week": 40, "month": 80, "year": 120}
# Per clause boundary (comma, semicolon, dash, parenthesis) between trigger and expression.
BOUNDARY_PENALTY = 60
# An expression attached to another participle ("a truce signed in 2019") is about that.
FOREIGN_CLAUSE_PENALTY = 500

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}
SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

# Months and weekdays are matched capitalised only (news copy capitalises them), which keeps
# the modal "may" and the verb "march" out. Abbreviations only count beside a day or year.
_MONTH_FULL = r"January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_NAME = rf"(?:{_MONTH_FULL})"
_MONTH_ANY = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_WEEKDAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# Capitalised words that are dates, not names: "in Athens Monday", "N soldiers killed Saturday".
DAY_OR_MONTH_NAME = rf"(?:{_WEEKDAY}|{_MONTH_FULL})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d-])"
_NUM = r"(?P<n>\d{1,2}|" + "|".join(k for k in SMALL_NUMBERS if k not in ("a", "an")) + r"|an?)"
_PART_OF_DAY = r"(?:\s+(?:night|morning|afternoon|evening))?"
# "of 1935 Orchard St.": a house number, not a year.
_NOT_AN_ADDRESS = (r"(?!\s+(?:[A-Z][\w.'-]*\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Blvd|Boulevard|"
                   r"Ct|Court|Way|Pl|Place|Hwy|Highway|Pkwy|Parkway|Terrace|Circle|Cir)\b)")
_YEAR_CUES = r"(?i:in|since|during|of|from|until|till|by|throughout|before|after|early|late|mid-?|between)"

# Cues before an expression that make it something other than the event's own date:
# a start point, a deadline, or a bound.
_NOT_EVENT_CUE = re.compile(r"\b(?:since|until|till|by)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$", re.I)
# "a truce signed in 2019", "elections held on Sunday": a participle owns the date.
_FOREIGN_OWNER = re.compile(r"\b(\w+(?:ed|en)|held|made|won|lost|struck|sworn|set|built)\s+(?:\w+\s+)?(?:in|on|at|during)\s+(?:the\s+)?$", re.I)
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|would|'ll|to\s+be|plans?\s+to|planning\s+to|(?:is|are)\s+(?:set|scheduled|due|expected)\s+to|going\s+to)\s+(?:\w+\s+){0,2}$",
    re.I,
)
# How far before an owning participle the trigger may sit and still be what it describes.
OWNER_REACH = 30
_BOUNDARY = re.compile(r"[,;:()\u2013\u2014]|\s-\s")

# A day told only roughly: the event happened about then, so the day is kept at week precision
# and the cue joins the expression (re-resolving the kept text must coarsen it again).
_ROUGHLY = re.compile(
    r"\b(?:on\s+or\s+(?:around|about)|around|about|approximately|roughly|circa|sometime\s+around"
    r"|in\s+the\s+(?:days?|weeks?)\s+(?:before|after|leading\s+up\s+to|preceding|following)"
    r"|(?:shortly|just|days)\s+(?:before|after)|(?:in\s+|during\s+)?the\s+week\s+of)\s+(?:the\s+)?$", re.I)
# "as reported on 5 March", "Reuters reported Tuesday": the day of a report, not of the
# event, which happened on or shortly before it.
# "about" is only rough before a calendar day ("about 12 March"); before a weekday it says what.
_TOPICAL = re.compile(r"\babout\s+(?:the\s+)?$", re.I)
_NAMED_DAY = re.compile(rf"(?:the\s+)?\d|{_MONTH_ANY}")
_REPORTED = re.compile(r"\breported\s+(?:by\s+(?:[\w.'\u2019&-]+\s+){1,4}?)?(?:(?:late|early)\s+)?(?:on\s+)?$", re.I)
_REPORTED_PREFIX = re.compile(r"^reported\s+(?:by\s+.+?\s+(?=on\b|late\b|early\b))?(?:(?:late|early)\s+)?(?:on\s+)?", re.I)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: ``text == sentence[start:end]``; ``date`` is ISO or None."""

    start: int
    end: int
    text: str
    # First day of the period for week/month/year precision, except a day told only roughly
    # ("around 12 March", "reported on 5 March"): that day, with precision "week".
    date: str | None
    precision: str | None  # day | week | month | year
    relative: bool  # True when the anchor was needed to resolve it


# A resolver gets the match, the anchor (or None) and the tense, and returns (date, precision).
Resolver = Callable[[re.Match[str], date | None, str | None], tuple[date | None, str]]


def parse_anchor(anchor: str | None) -> date | None:
    """The anchor as a date; None for missing or malformed values (never today's date)."""
    if not anchor:
        return None
    try:
        return date.fromisoformat(anchor.strip()[:10])
    except ValueError:
        return None


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()[:3]]


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _yearless(month: int, day: int, anchor: date | None, tense: str | None) -> date | None:
    """A month-day in the year nearest the anchor, past by default, ahead for future tense."""
    if anchor is None:
        return None
    d = _make(anchor.year, month, day)
    if d is None:
        return None
    if tense == "future":
        if d < anchor - timedelta(days=FUTURE_GRACE_DAYS):
            d = _make(anchor.year + 1, month, day)
    elif d > anchor + timedelta(days=FUTURE_GRACE_DAYS):
        d = _make(anchor.year - 1, month, day)
    return d


def _weekday(m: re.Match[str], anchor: date | None, tense: str | None) -> tuple[date | None, str]:
    if anchor is None:
        return None, "day"
    target = WEEKDAYS[m["wd"].lower()]
    back = (anchor.weekday() - target) % 7  # days back to the most recent such day (0 = today)
    mod = (m["mod"] or "").lower()
    if mod in ("next", "coming") or (tense == "future" and mod != "last"):
        ahead = (target - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead), "day"
    if mod in ("last", "past"):
        back = back or 7  # strictly before the anchor: "last Wednesday" on a Wednesday is a week ago
    return anchor - timedelta(days=back), "day"


def _weekday_of_week(m: re.Match[str], anchor: date | None, tense: str | None) -> tuple[date | None, str]:
    """"Monday last week", "Friday of next week": that weekday in the calendar week before or after."""
    if anchor is None:
        return None, "day"
    shift = -7 if m["wk"].lower() == "last" else 7
    return _monday(anchor) + timedelta(days=shift + WEEKDAYS[m["wd"].lower()]), "day"


def _offset_days(days: int) -> Resolver:
    def resolve(m: re.Match[str], anchor: date | None, tense: str | None) -> tuple[date | None, str]:
        return (anchor + timedelta(days=days) if anchor else None), "day"
    return resolve


def _ago(m: re.Match[str], anchor: date | None, tense: str | None) -> tuple[date | None, str]:
    if anchor is None:
        return None, _UNIT_PRECISION[m["unit"].lower().rstrip("s")]
    n = SMALL_NUMBERS.get(m["n"].lower()) or int(m["n"])
    unit = m["unit"].lower().rstrip("s")
    sign = 1 if m["dir"].lower() in ("later", "after") else -1
    if unit == "day":
        return anchor + timedelta(days=sign * n), "day"
    if unit == "week":
        return _monday(anchor + timedelta(weeks=sign * n)), "week"
    if unit == "month":
        return _add_months(anchor.replace(day=1), sign * n), "month"
    return _make(anchor.year + sign * n, 1, 1), "year"


_UNIT_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _this_last_next(m: re.Match[str], anchor: date | None, tense: str | None) -> tuple[date | None, str]:
    unit = m["unit"].lower()
    precision = "week" if unit == "weekend" else unit
    if anchor is None:
        return None, precision
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m["mod"].lower(), 0)
    if unit == "week":
        return _monday(anchor) + timedelta(weeks=step), "week"
    if unit == "month":
        return _add_months(anchor.replace(day=1), step), "month"
    if unit == "year":
        return _make(anchor.year + step, 1, 1), "year"
    # A weekend is dated by its Saturday. "this/over the weekend" = the latest one started on
    # or before the anchor; "last weekend" said during a weekend means the one before.
    saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
    if step < 0 and anchor.weekday() >= 5:
        saturday -= timedelta(weeks=1)
    elif step > 0:
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7 or 7)
    return saturday, "week"


def _explicit(m: re.Match[str], anchor: date | None, tense: str | None) -> tuple[date | None, str]:
    return _make(int(m["year"]), _month(m["mon"]), int(m["day"])), "day"


def _iso(m: re.Match[str], anchor: date | None, tense: str | None) -> tuple[date | None, str]:
    return _make(int(m["year"]), int(m["mon"]), int(m["day"])), "day"


def _month_day(m: re.Match[str], anchor: date | None, tense: str | None) -> tuple[date | None, str]:
    return _yearless(_month(m["mon"]), int(m["day"]), anchor, tense), "day"


def _month_year(m: re.Match[str], anchor: date | None, tense: str | None) -> tuple[date | None, str]:
    return _make(int(m["year"]), _month(m["mon"]), 1), "month"


def _bare_month(m: re.Match[str], anchor: date | None, tense: str | None) -> tuple[date | None, str]:
    if anchor is None:
        return None, "month"
    month = _month(m["mon"])
    mod = (m["mod"] or "").lower()
    year = anchor.year
    if mod == "last" or (mod != "next" and tense != "future"):
        # Past reading: the latest such month starting on or before the anchor's month
        # ("last March" in March is a year ago, "in March" in March is this one).
        if month > anchor.month or (mod == "last" and month == anchor.month):
            year -= 1
    elif month < anchor.month or (mod == "next" and month == anchor.month):
        year += 1
    return date(year, month, 1), "month"


def _year(m: re.Match[str], anchor: date | None, tense: str | None) -> tuple[date | None, str]:
    return date(int(m["year"]), 1, 1), "year"


def _ordinal_day(m: re.Match[str], anchor: date | None, tense: str | None) -> tuple[date | None, str]:
    if anchor is None:
        return None, "day"
    day = int(m["day"])
    d = _make(anchor.year, anchor.month, day)
    if d is None or d > anchor + timedelta(days=FUTURE_GRACE_DAYS):
        prev = _add_months(anchor.replace(day=1), -1)
        d = _make(prev.year, prev.month, day)
    return d, "day"


# (pattern, resolver, relative). Order matters only for equal-length overlaps: earlier wins.
# The named group ``x`` (when present) is the expression; cue words around it are not.
_RULES: list[tuple[re.Pattern[str], Resolver, bool]] = [
    (re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"), _iso, False),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<mon>{_MONTH_ANY}),?\s+{_YEAR}"), _explicit, False),
    (re.compile(rf"\b(?P<mon>{_MONTH_ANY})\s+{_DAY}(?:,?\s+|\s+of\s+){_YEAR}"), _explicit, False),  # "March 16 of 1968"
    (re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?(?P<mon>{_MONTH_ANY})(?!\s*,?\s*\d)"), _month_day, True),
    (re.compile(rf"\b(?P<mon>{_MONTH_ANY})\s+{_DAY}\b(?!\s*,?\s*\d|-)"), _month_day, True),
    (re.compile(rf"\b(?P<mon>{_MONTH_ANY}),?\s+{_YEAR}"), _month_year, False),
    (re.compile(rf"\b(?:(?i:in|during|of|since|until|by|early|late|mid)\s+|(?i:mid)-|(?P<mod>(?i:last|next|this))\s+)(?P<x>(?P<mon>{_MONTH_FULL})\b)(?!\s*,?\s*\d)"), _bare_month, True),
    (re.compile(rf"\b(?:{_YEAR_CUES})\s+(?:the\s+year\s+)?(?P<x>{_YEAR})(?!\s*(?:%|per\b|people|persons)){_NOT_AN_ADDRESS}"),
     _year, False),
    (re.compile(r"\b(?i:on|by|since|until)\s+the\s+(?P<x>(?P<day>[0-3]?\d)(?:st|nd|rd|th))\b(?=\s*(?:[,.;:!?)]|$)|\s+(?:at|in|when|and|as|but|after|before|with|near)\b)"), _ordinal_day, True),
    (re.compile(rf"\b(?P<wd>{_WEEKDAY})\s+(?:of\s+)?(?P<wk>(?i:last|next))\s+week\b"), _weekday_of_week, True),
    (re.compile(rf"\b(?:(?P<mod>(?i:last|next|this|past|coming))\s+)?(?P<wd>{_WEEKDAY})(?:'s|’s)?{_PART_OF_DAY}\b"), _weekday, True),
    (re.compile(r"\b(?:the\s+)?day\s+before\s+yesterday\b", re.I), _offset_days(-2), True),
    (re.compile(r"\byesterday(?:\s+(?:morning|afternoon|evening))?\b|\blast\s+night\b", re.I), _offset_days(-1), True),
    (re.compile(r"\btomorrow\b", re.I), _offset_days(1), True),
    # "overnight on Saturday" is Saturday night, not last night: the weekday dates it.
    (re.compile(r"\b(?:(?:earlier|later)\s+)?today\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b"
                rf"|\bovernight\b(?!\s+(?:on|into|to)\s+(?:{_WEEKDAY}))"
                r"|\b(?:in|over|during)\s+the\s+(?:last|past)\s+(?:24|twenty-four)\s+hours\b", re.I), _offset_days(0), True),
    (re.compile(r"\bthe\s+(?:day\s+before|previous\s+day|preceding\s+day)\b|\ba\s+day\s+(?:earlier|before)\b", re.I), _offset_days(-1), True),
    (re.compile(rf"\b{_NUM}\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>ago|earlier|before|later|after)\b", re.I), _ago, True),
    (re.compile(r"\b(?:(?:earlier|later)\s+)?(?P<mod>this|last|past|previous|next|coming)\s+(?P<unit>week|month|year|weekend)\b", re.I), _this_last_next, True),
    (re.compile(r"\b(?:over|at|during)\s+(?P<x>the\s+(?P<mod>)(?P<unit>weekend))\b", re.I), _this_last_next, True),
]


def find_dates(text: str, anchor: str | None) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``anchor`` (past-tense reading).

    Args:
        text: A sentence or passage; offsets index it.
        anchor: The document's publication date (ISO) or None for an undated document, in
            which case relative expressions keep ``date=None``.

    Returns:
        Non-overlapping mentions in text order (the longest wins an overlap).

    Example:
        >>> [m.date for m in find_dates("The raid last Wednesday killed 4.", "2015-10-07")]
        ['2015-09-30']
    """
    return [m for m, _ in _scan(text, parse_anchor(anchor), None)]


def _scan(text: str, anchor: date | None, tense: str | None) -> list[tuple[DateMention, re.Match[str]]]:
    found: list[tuple[int, int, int, DateMention, re.Match[str]]] = []
    for order, (pattern, resolve, relative) in enumerate(_RULES):
        for m in pattern.finditer(text):
            group = "x" if "x" in pattern.groupindex and m["x"] is not None else 0
            start, end = m.span(group)
            if start == end:
                continue
            try:
                d, precision = resolve(m, anchor, tense)
            except (ValueError, OverflowError):  # arithmetic past year 9999 or before year 1
                d, precision = None, None
            mention = DateMention(start, end, text[start:end], d.isoformat() if d else None, precision, relative)
            found.append((start, end, order, mention, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[DateMention, re.Match[str]]] = []
    for start, end, _, mention, m in found:
        if all(end <= t.start or start >= t.end for t, _ in taken):
            taken.append((mention, m))
    taken.sort(key=lambda t: t[0].start)
    out: list[tuple[DateMention, re.Match[str]]] = []
    for mention, m in taken:
        if mention.precision == "day":
            floor = out[-1][0].end if out else 0
            before = text[floor:mention.start]
            cue = _REPORTED.search(before) or _ROUGHLY.search(before)
            if cue is not None and _TOPICAL.search(cue.group()) and not _NAMED_DAY.match(mention.text):
                cue = None  # "spoke about Tuesday's attack": what was said, not a rough day
            if cue is not None:
                start = floor + cue.start()
                mention = DateMention(start, mention.end, text[start:mention.end], mention.date, "week",
                                      mention.relative)
        out.append((mention, m))
    return out


def resolve_expression(expr: str, anchor: str | None, *, tense: str | None = None) -> tuple[str | None, str | None]:
    """The (ISO date, precision) of the first date expression in ``expr``; (None, None) if none.

    Example:
        >>> resolve_expression("last Wednesday", "2015-10-07")
        ('2015-09-30', 'day')
    """
    as_of = _AS_OF.fullmatch(expr.strip())
    if as_of is not None:
        said, _ = resolve_expression(as_of["at"], anchor, tense=tense)
        if said is None:
            return None, resolve_expression(as_of["rel"], None, tense=tense)[1]
        return resolve_expression(as_of["rel"], said, tense=tense)
    scanned = _scan(expr, parse_anchor(anchor), tense)
    if not scanned:
        return None, None
    mention = scanned[0][0]
    return mention.date, mention.precision


# A relative day counted from a statement's own day: "<expression>, as of <statement's day>".
_AS_OF = re.compile(r"(?P<rel>.+?),\s+as\s+of\s+(?P<at>.+)", re.S)
def _as_of(text: str, relative: DateMention, said: DateMention, tense: str | None) -> DateMention:
    """``relative`` counted from the statement's day ``said``."""
    at = _REPORTED_PREFIX.sub("", said.text)
    if said.date is None:
        date_, precision = None, relative.precision
    else:
        date_, precision = resolve_expression(relative.text, said.date, tense=tense)
    return DateMention(relative.start, relative.end, f"{relative.text}, as of {at}", date_, precision, True)


# A date the text states outright beats a weekday that cannot be resolved (no anchor date).
UNRESOLVED_PENALTY = 500


def event_date(text: str, trigger_start: int, anchor: str | None, *, tense: str | None = None) -> DateMention | None:
    """The date expression that dates the event whose trigger starts at ``trigger_start``.

    Prefers expressions near the trigger in the same clause and finer precision; skips
    start points and deadlines ("since 2019", "by March") and dates owned by another
    participle ("a truce signed in 2019"). Future tense is read from ``tense`` or, when
    that is None, from a modal just before the trigger ("will meet on Monday"). A relative
    day inside a statement the sentence dates ("On Monday, the ministry said it struck nine
    targets yesterday") counts from the statement's day; its text then reads "yesterday, as
    of Monday", which ``resolve_expression`` resolves the same way.

    Example:
        >>> event_date("Putin said on Tuesday the raid took place last Wednesday.", 37, "2015-10-07").date
        '2015-09-30'
    """
    if tense is None and _FUTURE_CUE.search(text[max(0, trigger_start - 40):trigger_start]):
        tense = "future"
    best: tuple[float, DateMention] | None = None
    scanned = [mention for mention, _ in _scan(text, parse_anchor(anchor), tense)]
    for mention in scanned:
        before = text[max(0, mention.start - 40):mention.start]
        possessive = mention.text.endswith(("'s", "\u2019s"))  # "by Monday's strike" dates the strike
        if _NOT_EVENT_CUE.search(before) and not possessive:
            continue
        lo, hi = sorted((trigger_start, mention.start if mention.start >= trigger_start else mention.end))
        score = float(hi - lo) + BOUNDARY_PENALTY * len(_BOUNDARY.findall(text, lo, hi))
        score += PRECISION_PENALTY.get(mention.precision or "year", 120)
        if not mention.date and not (is_anaphoric(mention.text) and anchor_day(mention, scanned)):
            score += UNRESOLVED_PENALTY  # "after Friday prayers" with nothing to resolve it against
        owner = _FOREIGN_OWNER.search(before)
        if owner:
            # The participle may describe the trigger itself ("the strike carried out on
            # Tuesday"): only a trigger outside the owner's phrase is dated by someone else.
            owner_start = max(0, mention.start - 40) + owner.start(1)
            if not owner_start - OWNER_REACH <= trigger_start < mention.end:
                score += FOREIGN_CLAUSE_PENALTY
        if best is None or score < best[0]:
            best = (score, mention)
    if best is None:
        return None
    chosen = best[1]
    if is_anaphoric(chosen.text):
        at = anchor_day(chosen, scanned)
        if at is None:  # counted from an event this sentence does not date: unknown
            return DateMention(chosen.start, chosen.end, chosen.text, None, chosen.precision, True)
        if counts_from_trigger(text, chosen, trigger_start):  # "rioted on 28 June, a day after a boy was shot"
            chosen = counted_back(chosen)
        return _as_of(text, chosen, at, tense)
    if is_deictic(chosen.text):
        said = statement_day(text, chosen, scanned)
        if said is not None:
            return _as_of(text, chosen, said, tense)
        return chosen
    # "said on Monday that its jets struck targets yesterday": Monday is when it was said;
    # the event the statement tells is dated by the relative day it gives, counted from Monday.
    for relative in scanned:
        if (is_deictic(relative.text) and (relative.start > chosen.end) == (trigger_start > chosen.end)
                and statement_day(text, relative, scanned) is chosen):
            return _as_of(text, relative, chosen, tense)
    return chosen
