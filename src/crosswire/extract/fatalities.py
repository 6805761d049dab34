"""Reported death counts (ranges with victim categories) found in a sentence.

Conventions, chosen so a count is always the text's own figure, never a default:

* Exact and floor phrases ("12", "at least 12", "more than 12", "some 12", "nearly 12")
  give ``low == high == 12``: the figure as stated, as ACLED codes it.
* Ranges ("35-40", "between 10 and 15", "10 to 15") give ``low``/``high`` as written.
* Ceilings ("up to 40", "as many as 40", "no more than 40") give ``low=1, high=40``: the text
  asserts that people died and bounds how many; 1 is the only figure it guarantees.
  "fewer/less than 40" gives ``high=39``.
* Vague quantifiers follow ACLED's published conventions: "tens" 10, "dozens" 12,
  "hundreds" 100, "thousands" 1000; "several"/"many" 10 (ACLED's figure for plural deaths
  with no number). "a few"/"a handful" 3 is crosswire's own (ACLED has no rule for it).
  The phrase is kept in ``text`` so every such figure can be traced.
* A reported zero ("no one was killed", "no casualties") is information: ``low=high=0``.
* ``victims`` is a lower-case plural category (see ``VICTIM_CATEGORIES``); unspecified
  victims ("people", "persons", "others") are None rather than a category of their own.
* Counts of wounded/injured/hurt are returned with ``wounded=True`` and never become
  fatalities; "killed or wounded" (casualties) is not a death count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosswire.extract.counts import _FIGURE, _QUANT, _bounds, parse_figure
from crosswire.records import Fatalities

# Surface noun -> victim category. Anything absent (people, persons, others) maps to None.
VICTIM_CATEGORIES = {
    "civilian": "civilians", "resident": "civilians", "villager": "civilians", "bystander": "civilians",
    "passenger": "civilians", "worshipper": "civilians", "worshiper": "civilians", "pilgrim": "civilians",
    "farmer": "civilians", "shopper": "civilians", "woman": "civilians", "women": "civilians",
    "child": "children", "children": "children", "kid": "children", "minor": "children", "infant": "children",
    "militant": "militants", "terrorist": "militants", "fighter": "militants", "rebel": "militants",
    "insurgent": "militants", "jihadist": "militants", "gunman": "militants", "gunmen": "militants",
    "extremist": "militants", "militiaman": "militants", "militiamen": "militants", "attacker": "militants",
    "assailant": "militants", "combatant": "militants", "separatist": "militants", "bomber": "militants",
    "soldier": "soldiers", "troop": "soldiers", "serviceman": "soldiers", "servicemen": "soldiers",
    "marine": "soldiers", "paratrooper": "soldiers", "conscript": "soldiers", "sailor": "soldiers",
    "police": "police", "policeman": "police", "policemen": "police", "officer": "police",
    "cop": "police", "gendarme": "police", "guard": "police",
    "protester": "protesters", "protestor": "protesters", "demonstrator": "protesters", "marcher": "protesters",
    "journalist": "journalists", "reporter": "journalists",
    "migrant": "migrants", "refugee": "migrants", "prisoner": "prisoners", "inmate": "prisoners",
}
# Words that make an "officer" a soldier rather than a policeman.
MILITARY_WORDS = frozenset({"army", "military", "navy", "air", "force", "defence", "defense"})
# Labels whose following number is an identifier, not a count ("Grade 5", "Resolution 2254").
LABEL_WORDS = frozenset({
    "grade", "resolution", "no", "no.", "number", "article", "route", "highway", "road", "brigade",
    "division", "battalion", "regiment", "flight", "room", "page", "chapter", "section", "level",
    "class", "unit", "platform", "gate", "terminal", "district", "zone", "sector", "camp", "block",
    "building", "floor", "phase", "stage", "round", "paragraph", "item", "aged", "age", "ages",
})
# Filler between a number and the death word may be at most this many words ("36 Syrian
# army soldiers were killed"); longer gaps usually mean the number belongs to something else.
MAX_FILLER_WORDS = 5
# Filler words that show the number counts something other than people.
NON_PERSON_WORDS = frozenset({
    "percent", "per", "cent", "dollars", "euros", "pounds", "km", "kilometres", "kilometers", "miles",
    "metres", "meters", "hours", "minutes", "seconds", "days", "weeks", "months", "years", "times",
    "am", "pm", "a.m.", "p.m.", "tons", "tonnes", "kg", "million", "billion", "sorties", "missions",
    "targets", "vehicles", "trucks", "tanks", "jets", "aircraft", "buildings", "houses", "homes",
    "villages", "towns", "sides", "said", "says", "told", "wounded", "injured", "hurt", "and", "or",
})

# Words that end the noun phrase after a count ("killing 14 civilians and wounding 31").
TAIL_STOP = frozenset({
    "and", "or", "in", "on", "at", "near", "when", "as", "after", "before", "including", "while",
    "during", "with", "from", "of", "inside", "across", "outside", "but", "who", "which", "that",
    "since", "last", "this", "the", "a", "an", "to", "by", "were", "was", "had", "have",
})
# At most this many words of noun phrase are read after "killing 14" for the victim type.
MAX_TAIL_WORDS = 3

# Killing verbs that end "to death" ("beaten to death", "hacked 18 villagers to death").
_TO_DEATH_VERBS = r"beat(?:en)?|beating|stoned|stoning|hacked|hacking|burn(?:ed|t)|burning|clubbed|stabbed|stabbing|tortured|lynched|trampled|crushed"
_DEATH = (
    r"killed|dead|died|slain|murdered|executed|massacred|perished|drowned|beheaded|shot\s+dead|lost\s+their\s+lives"
    rf"|lynched|(?:{_TO_DEATH_VERBS})\s+to\s+death|shot\s+and\s+killed"
    r"|deaths|fatalities|lives\s+(?:were\s+)?lost|bodies\s+(?:were\s+|have\s+been\s+)?(?:found|recovered|discovered)"
)
_AUX = r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|been|reportedly|later|also|all|confirmed)\s+)*"
_DEATH_AFTER = rf"{_AUX}(?:{_DEATH})\b(?!\s+or\s+(?:wounded|injured|hurt))"
_WOUND_AFTER = rf"{_AUX}(?:wounded|injured|hurt)\b"
_FILLER_BAD = "|".join(sorted(NON_PERSON_WORDS | {"killed", "dead", "died", "wounding", "killing"}, key=len, reverse=True))
# Up to MAX_FILLER_WORDS letter-initial words, none of them a unit, verb of saying or conjunction.
_FILLER = r"(?P<filler>(?:(?!(?:%s)\b)[A-Za-z][\w'’.-]*\s+){0,%d}?)" % (_FILLER_BAD.replace(".", r"\."), MAX_FILLER_WORDS)
# A subset aside between the count and the verb: "12 people, including three children, were".
_ASIDE = r"(?:\([^()]{0,40}\)\s+|(?P<head>[A-Za-z]+),\s*(?:including|among\s+them|most\s+of\s+them)\s[^,;]{1,60},\s+)?"
# Deaths after a verb ("killing 14 civilians", "Blast kills 12"); the noun phrase is read after.
_KILL_VERBS = (
    r"killing|killed|kills|shot\s+dead|shooting\s+dead|shoot\s+dead|shot\s+and\s+killed|lynched|lynching"
    r"|executed|executing|beheaded|beheading|massacred|massacring|murdered|murdering"
    rf"|(?:{_TO_DEATH_VERBS})\s+to\s+death"
)
# "lynched and burned 13 suspected gang members": a second verb may share the count.
_VERB_FIRST = re.compile(rf"\b(?:{_KILL_VERBS})(?:\s+and\s+[a-z]+ed)?\s+(?:{_QUANT})", re.I)
# "hacked 18 civilians to death (with machetes)": the count sits between the verb and "to death".
_TO_DEATH = re.compile(rf"\b(?:{_TO_DEATH_VERBS}|burned|burnt)\s+(?:{_QUANT})(?P<np>(?:\s+[A-Za-z][\w'’-]*){{0,3}}?)\s+to\s+death\b", re.I)
# The dead found afterwards ("the bodies of 4 men were found").
_BODIES = re.compile(rf"\bbodies\s+of\s+(?:{_QUANT})\s+{_FILLER}(?:were|have\s+been|had\s+been)\s+"
                     r"(?:found|recovered|discovered|retrieved|pulled|exhumed)\b", re.I)
_WOUND_VERB = re.compile(rf"\b(?:wounding|injuring|wounded|injured)\s+(?:{_QUANT})", re.I)
_LIVES = re.compile(
    rf"\b(?:claim(?:ed|ing|s)?|took|taking|cost(?:ing)?)\s+(?P<of>the\s+lives\s+of\s+)?(?:{_QUANT})(?P<lives>\s+(?:[\w-]+\s+)?lives\b)?", re.I)
_LEFT_DEAD = re.compile(rf"\b(?:left|leaving|leaves)\s+(?:{_QUANT})\s+{_FILLER}dead\b", re.I)
_COUNT_FIRST = re.compile(rf"(?:{_QUANT})\s+{_FILLER}{_ASIDE}{_DEATH_AFTER}", re.I)
_WOUNDED = re.compile(rf"(?:{_QUANT})\s+{_FILLER}{_ASIDE}{_WOUND_AFTER}", re.I)
_TOLL = re.compile(rf"\b(?:death\s+)?toll\b[^.;]{{0,40}}?\b(?:to|at|of|reached|hit)\s+(?:{_QUANT})", re.I)
_ZERO = re.compile(
    rf"\b(?:no\s+one|nobody|none)\s+{_AUX}(?:killed|died|dead)\b"
    rf"|\bno\s+(?:[\w-]+\s+)?(?:civilians|people|soldiers|troops|police|protesters|children|one\s+else)\s+{_AUX}(?:killed|died)\b"
    r"|\bno\s+(?:reported\s+)?(?:casualties|deaths|fatalities|lives\s+(?:were\s+)?lost)\b"
    r"|\bwithout\s+(?:any\s+)?casualties\b|\bkilling\s+no\s+one\b", re.I)
_TAIL_WORD = re.compile(r"\s+([A-Za-z][\w'’-]*)")

# Singular nouns for one person: "a social leader was shot dead", "killing a woman" count 1.
PERSON_NOUNS = frozenset({
    "man", "woman", "boy", "girl", "child", "baby", "infant", "teenager", "youth", "person", "civilian",
    "soldier", "officer", "policeman", "policewoman", "guard", "gendarme", "militant", "fighter", "rebel",
    "commander", "leader", "official", "chief", "politician", "councillor", "councilor", "mayor", "judge",
    "lawyer", "journalist", "reporter", "activist", "student", "classmate", "teacher", "priest", "pastor",
    "imam", "monk", "nun", "farmer", "herder", "shepherd", "fisherman", "trader", "vendor", "merchant",
    "businessman", "manager", "worker", "driver", "guide", "engineer", "doctor", "nurse", "resident",
    "villager", "passer-by", "bystander", "pedestrian", "motorcyclist", "worshipper", "pilgrim", "prisoner",
    "detainee", "suspect", "thief", "robber", "protester", "demonstrator", "member", "candidate", "relative",
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "elder", "refugee", "migrant",
    "shopkeeper", "tailor", "labourer", "laborer", "contractor", "cleric", "scholar", "headman", "bodyguard",
    "policeman", "constable", "sergeant", "lieutenant", "captain", "colonel", "general", "major", "soldier",
    "businesswoman", "landowner", "chairman", "chairperson", "deputy", "lawmaker", "legislator", "senator",
    "councilwoman", "principal", "professor", "photographer", "cameraman", "blogger", "truck driver", "taxi driver",
})
# Words that end a counted group in a list ("7 soldiers and 12 militants were killed").
_GROUP_STOP = r"(?:and|or|were|was|are|is|have|has|had|been|being|killed|dead|died|wounded|injured|hurt|to|in|at|on|by|near|after)"
_GROUP_WORDS = rf"(?:\s+(?!{_GROUP_STOP}\b)[A-Za-z][\w'’.-]*){{1,3}}"
_GROUP_MOD = r"(?:the\s+)?(?:(?:at\s+least|more\s+than|over|some|about|around|nearly|almost)\s+)?"
# A named person in a list ("Marielle Franco and her driver were shot dead"): two or three capitalised words.
_NAME = r"(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})"
_GROUP = rf"{_GROUP_MOD}(?:(?:{_FIGURE}|\b(?:a|an|his|her|their|its)\b){_GROUP_WORDS}|{_NAME})"
_GROUPS = rf"(?P<groups>{_GROUP}(?:\s*,\s*{_GROUP})*\s*,?\s+and\s+{_GROUP})"
# Tolls split over groups: "7 soldiers and 12 militants were killed", "killing 170 civilians and 13 soldiers".
_COORD_FIRST = re.compile(rf"{_GROUPS}\s+{_DEATH_AFTER}", re.I)
_COORD_VERB = re.compile(rf"\b(?:{_KILL_VERBS})\s+{_GROUPS}", re.I)
_GROUP_SPLIT = re.compile(r"\s*,?\s+and\s+|\s*,\s*", re.I)
_ONE_WORDS = r"(?:\w[\w'’-]*\s+){0,3}?"
_PERSON = "|".join(sorted((re.escape(w) for w in PERSON_NOUNS), key=len, reverse=True))
_ONE = rf"\b(?:a|an)\s+(?P<np>{_ONE_WORDS}(?P<person>{_PERSON}))\b"
# One person: "a social leader was shot dead", "killing a woman", "beat a farmer to death".
_ONE_FIRST = re.compile(rf"{_ONE}\s+{_DEATH_AFTER}", re.I)
_ONE_VERB = re.compile(rf"\b(?:{_KILL_VERBS})\s+{_ONE}", re.I)
_ONE_TO_DEATH = re.compile(rf"\b(?:{_TO_DEATH_VERBS}|burned|burnt)\s+{_ONE}\s+to\s+death\b", re.I)
# One person as a singular subject: "the village chief was killed", "Berta Caceres was shot dead".
_ONE_WAS = re.compile(
    rf"(?:\b(?i:a|an|the)\s+(?P<np>(?:[\w'’-]+\s+){{0,3}}?[a-z][\w'’-]*)|(?P<name>\b{_NAME}))\s+"
    r"(?i:(?:was|has\s+been|had\s+been)\s+(?:(?:reportedly|later|also|allegedly)\s+)?"
    r"(?:killed|shot\s+dead|murdered|shot\s+and\s+killed|beheaded|executed|lynched|assassinated"
    rf"|(?:{_TO_DEATH_VERBS})\s+to\s+death))\b")
# A death introduced by these words came before the event ("rioted after a teenager was killed").
PRIOR_WORDS = frozenset({"after", "following", "since", "before"})


@dataclass(frozen=True, slots=True)
class FatalityMention:
    """A count of dead (or, with ``wounded``, of wounded) people: ``text == sentence[start:end]``."""

    start: int
    end: int
    text: str
    low: int
    high: int
    victims: str | None
    wounded: bool
    total: bool = False  # a running total ("the death toll rose to 57") that revises earlier counts


def _victims(words: str) -> str | None:
    tokens = re.findall(r"[a-z]+", words.lower())
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        cat = VICTIM_CATEGORIES.get(tok) or VICTIM_CATEGORIES.get(tok[:-1] if tok.endswith("s") else tok)
        if cat == "police" and tok.startswith("officer") and MILITARY_WORDS & set(tokens[:i]):
            return "soldiers"
        if tok in ("security",) and i + 1 < len(tokens) and tokens[i + 1] in ("forces", "personnel"):
            return "security forces"
        if cat:
            return cat
    return None


def _is_label(text: str, start: int) -> bool:
    """True when the word before ``start`` makes the number an identifier or a date."""
    prev = re.search(r"([\w.]+)\s*$", text[max(0, start - 20):start])
    return bool(prev and prev.group(1).lower() in LABEL_WORDS)


def _filler_ok(filler: str) -> bool:
    words = filler.lower().split()
    return not any(w.strip(".,") in NON_PERSON_WORDS or re.search(r"\d", w) for w in words)


def _tail(text: str, pos: int) -> tuple[int, str] | None:
    """End and words of the noun phrase after a count; None when it counts non-people."""
    end, words = pos, []
    while len(words) < MAX_TAIL_WORDS:
        m = _TAIL_WORD.match(text, end)
        if not m or m.group(1).lower() in TAIL_STOP:
            break
        if m.group(1).lower() in NON_PERSON_WORDS:
            return None
        words.append(m.group(1))
        end = m.end()
    # Only keep the words up to the last victim noun (or none): "killing 12 Syrian soldiers
    # Friday" should not swallow the weekday.
    while words and _victims(words[-1]) is None and words[-1].lower() not in ("people", "persons", "others", "lives"):
        words.pop()
    if not words:
        return pos, ""
    phrase_end = text.index(words[-1], pos) + len(words[-1])
    return phrase_end, " ".join(words)


def _group_sum(groups: str) -> tuple[tuple[int, int], str | None] | None:
    """The summed bounds and shared victim category of "7 soldiers and 12 militants"."""
    low = high = 0
    categories = set()
    parts = _GROUP_SPLIT.split(groups.strip())
    for part in parts:
        if re.fullmatch(_NAME, part) and _victims(part) is None:
            if all(re.fullmatch(_NAME, q) for q in parts):
                return None  # "Hamas and Islamic Jihad": names of groups, not a count of people
            low, high = low + 1, high + 1
            continue
        m = re.match(rf"{_GROUP_MOD}(?P<fig>{_FIGURE}|a|an|his|her|their|its)\s+(?P<np>.+)$", part, re.I)
        if m is None or not _filler_ok(m["np"]):
            return None
        figure = m["fig"].lower()
        if figure in {"a", "an", "his", "her", "their", "its"}:
            if not PERSON_NOUNS & {w.strip(".,;") for w in m["np"].lower().split()}:
                return None
            n = 1
        else:
            n = parse_figure(figure) or 0
            if not n:
                return None
        low, high = low + n, high + n
        categories.add(_victims(m["np"]))
    return (low, high), (categories.pop() if len(categories) == 1 else None)


def _prior(text: str, start: int) -> bool:
    """Whether the words before ``start`` make the death an earlier event ("after a teenager was killed")."""
    prev = re.search(r"([A-Za-z]+)\s*$", text[max(0, start - 12):start])
    return bool(prev and prev.group(1).lower() in PRIOR_WORDS)


def find_fatalities(text: str) -> list[FatalityMention]:
    """Every death (and wounded) count in ``text``, in text order, without overlaps.

    Besides counts ("killing 14 civilians") this reads tolls split over groups, which are
    added up ("7 soldiers and 12 militants were killed" is 19), one named person ("a village
    official was shot dead" is 1), "to death" killings and bodies found. A toll revision
    ("the toll later rose to 18") is marked ``total``. Deaths introduced by "after" or
    "following" are an earlier event's and left out.

    Example:
        >>> [(m.low, m.victims, m.wounded) for m in find_fatalities("killing 14 civilians and wounding 31")]
        [(14, 'civilians', False), (31, None, True)]
    """
    found: list[FatalityMention] = []

    def add(start: int, end: int, bounds: tuple[int, int] | None, victims: str | None, wounded: bool,
            *, total: bool = False, subject: bool = False) -> None:
        if bounds is None or any(start < f.end and f.start < end for f in found):
            return
        if subject and _prior(text, start):
            return
        low, high = min(bounds), max(bounds)
        found.append(FatalityMention(start, end, text[start:end], low, high, victims, wounded, total))

    for m in _ZERO.finditer(text):
        add(m.start(), m.end(), (0, 0), _victims(m.group(0)), False)
    for m in _TOLL.finditer(text):
        add(m.start(), m.end(), _bounds(m), None, False, total=True)
    for pattern, subject in ((_COORD_FIRST, True), (_COORD_VERB, False)):
        for m in pattern.finditer(text):
            summed = _group_sum(m["groups"])
            if summed is not None:
                add(m.start(), m.end(), summed[0], summed[1], False, subject=subject)
    for m in _LIVES.finditer(text):
        if m["of"] or m["lives"]:  # "claimed 5 attacks" is not deaths; "claimed 5 lives" is
            end = m.end() if m["lives"] else (_tail(text, m.end()) or (m.end(), ""))[0]
            add(m.start(), end, _bounds(m), _victims(text[m.start():end]), False)
    for m in _TO_DEATH.finditer(text):
        if _filler_ok(m["np"]):
            add(m.start(), m.end(), _bounds(m), _victims(m["np"]), False)
    for m in _BODIES.finditer(text):
        if _filler_ok(m["filler"] or ""):
            add(m.start(), m.end(), _bounds(m), _victims(m["filler"] or ""), False)
    for pattern, wounded in ((_VERB_FIRST, False), (_WOUND_VERB, True)):
        for m in pattern.finditer(text):
            tail = _tail(text, m.end())
            if tail is not None and not (m["a"] and _is_label(text, m.start("a"))):
                add(m.start(), tail[0], _bounds(m), _victims(tail[1]), wounded)
    for pattern, wounded in ((_LEFT_DEAD, False), (_COUNT_FIRST, False), (_WOUNDED, True)):
        for m in pattern.finditer(text):
            filler = (m["filler"] or "") + (m.groupdict().get("head") or "")
            if not _filler_ok(filler) or (m["a"] and _is_label(text, m.start("a"))):
                continue
            add(m.start(), m.end(), _bounds(m), _victims(filler), wounded, subject=pattern is _COUNT_FIRST)
    for pattern, subject in ((_ONE_FIRST, True), (_ONE_VERB, False), (_ONE_TO_DEATH, False), (_ONE_WAS, True)):
        for m in pattern.finditer(text):
            if _filler_ok(re.sub(r"\b\d+-year-old\b", "", m["np"] or "")):
                add(m.start(), m.end(), (1, 1), _victims(m["np"] or ""), False, subject=subject)
    return sorted(found, key=lambda f: f.start)


def event_fatalities(text: str, trigger_start: int | None = None) -> Fatalities | None:
    """The death count for the event at ``trigger_start`` (nearest), else the first one.

    Wounded counts are never returned.

    Example:
        >>> event_fatalities("Khoja said 36 civilians had been killed.")
        Fatalities(low=36, high=36, victims='civilians', text='36 civilians had been killed')
    """
    deaths = [f for f in find_fatalities(text) if not f.wounded]
    if not deaths:
        return None
    totals = [f for f in deaths if f.total]
    if totals:  # the latest running total revises the counts before it
        best = totals[-1]
        return Fatalities(low=best.low, high=best.high, victims=best.victims, text=best.text)
    if trigger_start is not None:
        def distance(f: FatalityMention) -> int:
            return 0 if f.start <= trigger_start < f.end else min(abs(f.start - trigger_start), abs(f.end - trigger_start))
        best = min(deaths, key=distance)
    else:
        best = deaths[0]
    return Fatalities(low=best.low, high=best.high, victims=best.victims, text=best.text)
