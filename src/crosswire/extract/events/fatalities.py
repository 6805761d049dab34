"""Reported death counts (ranges with victim categories) found in a sentence.

Conventions, chosen so a count is always the text's own figure, never a default:

* Exact and floor phrases ("12", "at least 12", "more than 12", "some 12", "nearly 12")
  give ``low == high == 12``: the figure as stated, as ACLED codes it.
* Ranges ("35-40", "between 10 and 15", "10 to 15") give ``low``/``high`` as written.
* Ceilings ("up to 40", "as many as 40", "no more than 40") give ``low=1, high=40``: the text
  asserts that people died and bounds how many; 1 is the only figure it guarantees.
  "fewer/less than 40" gives ``high=39``.
* Vague quantifiers follow ACLED's published conventions: "tens" 10, "dozens" 12,
  "hundreds" 100, "thousands" 1000 (with or without "of"); "several"/"many" 10 (ACLED's
  figure for plural deaths with no number). "a few"/"a handful" 3 is crosswire's own (ACLED
  has no rule for it). The phrase is kept in ``text`` so every such figure can be traced.
* Words count too: "a man was killed", "the officer died", "a 16-year-old" 1; "both" and a
  "double murder" 2; "a family of three" 3. A head count wins over its subset ("11 including
  4 children" is 11); groups add up ("9 soldiers and 5 militiamen" is 14). "An unknown number"
  is not stated (None), as ACLED codes it 0. A report's "Fatalities coded as N" is a total.
* Deaths of an earlier event are not this event's: after "after"/"following"/"over", in a
  grievance ("rioted over the deaths of 2 students"), dated "eight days ago", or told after
  "weeks after". The arrest, charge or release of a suspect carries no count.
* A reported zero ("no one was killed", "no casualties") is information: ``low=high=0``.
* ``victims`` is a lower-case plural category (see ``victims.VICTIM_CATEGORIES``); unspecified
  victims ("people", "persons", "others") are None rather than a category of their own.
* Counts of wounded/injured/hurt are returned with ``wounded=True`` and never become
  fatalities; "killed or wounded" (casualties) is not a death count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosswire.extract.events.deaths import counts_doers, nominal_deaths
from crosswire.extract.events.counts import _FIGURE, _QUANT, _bounds, parse_figure
from crosswire.extract.events.victims import NAME, PERSON_NOUNS, VICTIM_CATEGORIES, victims_of as _victims
from crosswire.records import Fatalities

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
    r"|fatally\s+(?:shot|stabbed|wounded|injured)|gunned\s+down|strangled|burn(?:ed|t)\s+alive"
)
_AUX = r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|been|reportedly|later|also|all|confirmed)\s+)*"
_DEATH_AFTER = rf"{_AUX}(?:{_DEATH})\b(?!\s+or\s+(?:wounded|injured|hurt))"
_WOUND_AFTER = rf"{_AUX}(?:wounded|injured|hurt)\b"
_FILLER_BAD = "|".join(sorted(NON_PERSON_WORDS | {"killed", "dead", "died", "wounding", "killing"}, key=len, reverse=True))
# Up to MAX_FILLER_WORDS letter-initial words, none of them a unit, verb of saying or conjunction.
_FILLER = r"(?P<filler>(?:(?:from|on)\s+(?:both|either|all)\s+sides\s+|(?!(?:%s)\b)[A-Za-z][\w'’.-]*\s+){0,%d}?)" % (
    _FILLER_BAD.replace(".", r"\."), MAX_FILLER_WORDS)
# The named group the counted belong to: "five dissidents of the Revolutionary Armed Forces of
# Colombia (FARC) were killed" (capitalised words, whatever the pattern's case-blindness).
_OF_NAME = r"(?:of\s+(?:the\s+)?(?-i:[A-Z][\w'’.-]*\s+(?:(?:of|and|for|the)\s+)*){1,6})?"
# A subset aside between the count and the verb: "12 people, including three children, were".
_ASIDE = _OF_NAME + r"(?:\([^()]{0,40}\)\s+|(?P<head>[A-Za-z]+),\s*(?:including|among\s+them|most\s+of\s+them)\s[^,;]{1,60},\s+)?"
# Deaths after a verb ("killing 14 civilians", "Blast kills 12"); the noun phrase is read after.
_KILL_VERBS = (
    r"killing|killed|kills|kill|fatally\s+(?:shot|shooting|stabbed|stabbing)|gunned\s+down|gunning\s+down"
    r"|strangled|strangling|neutrali[sz]ed|neutrali[sz]ing"
    r"|shot\s+dead|shooting\s+dead|shoot\s+dead|shot\s+and\s+killed|lynched|lynching"
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

# Words that end a counted group in a list ("7 soldiers and 12 militants were killed").
_GROUP_STOP = r"(?:and|or|were|was|are|is|have|has|had|been|being|killed|dead|died|wounded|injured|hurt|to|in|at|on|by|near|after)"
_GROUP_WORDS = rf"(?:\s+(?!{_GROUP_STOP}\b)[A-Za-z][\w'’.-]*){{1,3}}"
_GROUP_MOD = r"(?:the\s+)?(?:(?:at\s+least|more\s+than|over|some|about|around|nearly|almost)\s+)?"
# A named person in a list ("Marielle Franco and her driver were shot dead").
_NAME = NAME
_GROUP = rf"{_GROUP_MOD}(?:(?:{_FIGURE}|\b(?:a|an|his|her|their|its)\b){_GROUP_WORDS}|{_NAME})"
_GROUPS = rf"(?P<groups>{_GROUP}(?:\s*,\s*{_GROUP})*\s*,?\s+and\s+{_GROUP})"
# Tolls split over groups: "7 soldiers and 12 militants were killed", "killing 170 civilians and 13 soldiers".
_COORD_FIRST = re.compile(rf"{_GROUPS}\s+{_DEATH_AFTER}", re.I)
_COORD_VERB = re.compile(rf"\b(?:{_KILL_VERBS})\s+{_GROUPS}", re.I)
_GROUP_SPLIT = re.compile(r"\s*,?\s+and\s+|\s*,\s*", re.I)
_ONE_WORDS = r"(?:\w[\w'’-]*\s+){0,3}?"
_PERSON = "|".join(sorted((re.escape(w) for w in PERSON_NOUNS), key=len, reverse=True)) + r"|\w+-year-old"
_ONE = rf"\b(?:a|an)\s+(?P<np>{_ONE_WORDS}(?P<person>{_PERSON}))\b"
# One person: "a social leader was shot dead", "killing a woman", "beat a farmer to death".
_ONE_FIRST = re.compile(rf"{_ONE}\s+{_DEATH_AFTER}", re.I)
_ONE_VERB = re.compile(rf"\b(?:{_KILL_VERBS})\s+{_ONE}", re.I)
_ONE_TO_DEATH = re.compile(rf"\b(?:{_TO_DEATH_VERBS}|burned|burnt)\s+{_ONE}\s+to\s+death\b", re.I)
# One person as a singular subject: "the village chief was killed", "Berta Caceres was shot dead".
_ONE_WAS = re.compile(
    rf"(?:\b(?i:a|an|the)\s+(?P<np>(?:[\w'’-]+\s+){{0,3}}?[a-z\d][\w'’-]*)|(?P<name>\b{_NAME}))\s+"
    r"(?i:(?:was|has\s+been|had\s+been)\s+(?:(?:reportedly|later|also|allegedly)\s+)?(?:[a-z]+ed\s+and\s+)?"
    r"(?:killed|shot\s+dead|murdered|shot\s+and\s+killed|beheaded|executed|lynched|assassinated|strangled"
    rf"|gunned\s+down|fatally\s+(?:shot|stabbed|wounded|injured)|(?:{_TO_DEATH_VERBS})\s+to\s+death))\b")
# "The officer died in hospital": a definite singular person noun, so "the bill died" is no death.
_ONE_THE = re.compile(rf"\bthe\s+(?P<np>{_ONE_WORDS}(?P<person>{_PERSON}))\s+{_DEATH_AFTER}", re.I)
# A count with a subset after it: "11 including 4 children and a woman were killed" is 11.
_INCLUDING = re.compile(
    rf"(?:{_QUANT})\s+{_FILLER},?\s*(?:including|among\s+them|among\s+whom)\s[^;:.()]{{1,80}}?,?\s+{_DEATH_AFTER}", re.I)
# "a family of three were killed", "killing a family of five".
_FAMILY = rf"\b(?:a|an|the|his|her|their)\s+(?:[a-z]+\s+)?family\s+of\s+(?:{_QUANT})"
_FAMILY_FIRST = re.compile(rf"{_FAMILY}\s+{_DEATH_AFTER}", re.I)
_FAMILY_VERB = re.compile(rf"\b(?:{_KILL_VERBS})\s+{_FAMILY}", re.I)
# Two: "both women died", "both of whom were killed", "killing both".
_BOTH = re.compile(rf"\bboth\s+(?P<np>(?:of\s+(?:them|whom)|[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)?)\s+)?{_DEATH_AFTER}"
                   rf"|\b(?:{_KILL_VERBS})\s+both\b(?!\s+(?:sides|of\s+(?!them)))", re.I)
# Counted killings named by a noun: "the shooting deaths of two co-workers", "the massacre of 30 villagers".
_DEATHS_OF = re.compile(
    rf"\b(?:deaths|killings|slayings|murders|massacre|killing|execution|executions)\s+of\s+(?:{_QUANT})", re.I)
_MULTIPLE = {"double": 2, "triple": 3, "quadruple": 4}
_MULTIPLE_KILLING = re.compile(r"\b(?P<n>double|triple|quadruple)\s+(?:murders?|homicides?|killings?|slayings?)\b", re.I)
# Taken, then killed: "beat two men and burned them alive", "abducted 3 aid workers and later killed them".
_THEN_KILLED = re.compile(
    rf"\b(?:beat|[a-z]+ed)\s+(?:{_QUANT})(?P<np>(?:\s+[A-Za-z][\w'’-]*){{0,3}}?)\s+and\s+(?:later\s+|then\s+)?"
    r"(?:killed|executed|murdered|beheaded|lynched|strangled|shot\s+dead|burn(?:ed|t)(?=\s+them\s+alive))"
    r"\s+(?:them|all\s+of\s+them)\b(?:\s+alive)?", re.I)
# A word stem every pattern of find_fatalities and nominal_deaths needs at least one of: a text
# without any holds no count of dead or wounded.
_DEATH_OR_WOUND_WORD = re.compile(
    r"kill|dead|die|death|slain|slay|murder|execut|massacr|perish|drown|behead|lives|lynch|fatal|bodies|wound"
    r"|injur|hurt|gunn|strangl|burn|neutrali|toll|casualt|assassin|homicid|succumb", re.I)
# ACLED's own note: "Fatalities coded as 3".
_CODED = re.compile(rf"\bfatalities\s+(?:were\s+)?(?:coded|recorded|counted)\s+(?:as|at)\s+(?:{_QUANT})", re.I)
# A death introduced by these words came before the event ("rioted after a teenager was killed").
PRIOR_WORDS = frozenset({"after", "following", "since", "before", "over"})
# ... and so did one named as what a protest or revenge was over ("rioted over the death of a
# teenager who was killed by police", "in revenge for the killing of 3 soldiers").
_GRIEVANCE_WORDS = (r"\b(?:after|following|since|before|over|against|protesting|mourning|mourn|avenge|avenging"
                    r"|revenge\s+for|retaliation\s+for|justice\s+for|anniversary\s+of|outrage\s+at|anger\s+at)\s+"
                    r"(?:(?:the|a|an|his|her|their)\s+)?(?:[\w'’-]+\s+){0,2}?")
_GRIEVANCE = re.compile(rf"{_GRIEVANCE_WORDS}(?:deaths?|killings?|slayings?|murders?|shooting|massacre)\s+of\s+$", re.I)
# A killing named by a noun ("the deaths of 2 men") is the grievance's when these words precede it.
_GRIEVANCE_NOUN = re.compile(rf"{_GRIEVANCE_WORDS}$", re.I)
# A time span that puts a count in an earlier event: "eight days ago" right after it, or
# "weeks after" between the trigger and it.
_AGO = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:[\w-]+\s+)?(?:days?|weeks?|months?|years?|decades?)\s+ago\b", re.I)
_SPAN_AFTER = re.compile(r"\b(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before|since)\b", re.I)
# Triggers of what befalls a suspect (arrest, charge, accusation, release): the dead of their
# sentence are the killing's, an event of its own; ACLED codes an arrest with no fatalities.
_SUSPECT_TRIGGER = re.compile(
    r"(?:arrest|detain|accus|charg|releas|freed|custody|taken\s+into|convict|sentenc|blam|alleg|round(?:ed|ing|s)?\s+up)", re.I)
# Words before a bare "kill" that make it unreal ("threatened to kill", "will kill").
UNREAL_BEFORE = frozenset({"to", "will", "would", "could", "can", "may", "might", "should", "must", "not", "n't",
                           "never", "did", "does", "do", "cannot", "'ll", "wo"})


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
    own_only: bool = False  # a reason or a court step's ground: only the event told by these words takes it


def _is_label(text: str, start: int) -> bool:
    """True when the word before ``start`` makes the number an identifier or a date."""
    prev = re.search(r"([\w.]+)\s*$", text[max(0, start - 20):start])
    return bool(prev and prev.group(1).lower() in LABEL_WORDS)


def _filler_ok(filler: str) -> bool:
    words = re.sub(r"\b(?:from|on)\s+(?:both|either|all)\s+sides\b", "", filler.lower()).split()
    return not any(w.strip(".,") in NON_PERSON_WORDS or re.search(r"\d", w) for w in words)


def _tail(text: str, pos: int) -> tuple[int, str] | None:
    """End and words of the noun phrase after a count; None when it counts non-people."""
    end, words = pos, []
    while len(words) < MAX_TAIL_WORDS:
        m = _TAIL_WORD.match(text, end)
        if not m or m.group(1).lower() in TAIL_STOP or parse_figure(m.group(1)) is not None:
            break  # a figure starts another phrase: "killed two co-workers two years ago"
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


def _group_sum(groups: str, *, names_are_people: bool = False) -> tuple[tuple[int, int], str | None] | None:
    """The summed bounds and shared victim category of "7 soldiers and 12 militants".

    Names alone ("Hamas and Islamic Jihad were blamed") may be organisations; after a killing
    verb ("killing Amal Tarik and Rosa Vend", ``names_are_people``) they are the dead.
    """
    low = high = 0
    categories = set()
    parts = _GROUP_SPLIT.split(groups.strip())
    for part in parts:
        if re.fullmatch(_NAME, part) and _victims(part) is None:
            if not names_are_people and all(re.fullmatch(_NAME, q) for q in parts):
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
    """Whether the words before ``start`` make the death an earlier event ("after a teenager was killed",
    "over the death of a teenager who was killed")."""
    prev = re.search(r"([A-Za-z]+)\s*$", text[max(0, start - 12):start])
    return bool(prev and prev.group(1).lower() in PRIOR_WORDS) or bool(_GRIEVANCE.search(text[max(0, start - 60):start]))


def _unreal(m: re.Match[str]) -> bool:
    """Whether a bare "kill" is a threat or a plan ("threatened to kill 5 hostages"), not a death."""
    if not re.match(r"kill\b", m.group(0), re.I):
        return False
    prev = re.search(r"([\w']+)\s*$", m.string[max(0, m.start() - 12):m.start()])
    return bool(prev and prev.group(1).lower() in UNREAL_BEFORE)


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
    if not _DEATH_OR_WOUND_WORD.search(text):
        return found  # most sentences tell no death: one scan spares them the twenty patterns below

    def add(start: int, end: int, bounds: tuple[int, int] | None, victims: str | None, wounded: bool,
            *, total: bool = False, subject: bool = False, own_only: bool = False) -> None:
        if bounds is None or any(start < f.end and f.start < end for f in found):
            return
        if subject and _prior(text, start):
            return
        low, high = min(bounds), max(bounds)
        found.append(FatalityMention(start, end, text[start:end], low, high, victims, wounded, total, own_only))

    for m in _ZERO.finditer(text):
        add(m.start(), m.end(), (0, 0), _victims(m.group(0)), False)
    for pattern in (_CODED, _TOLL):
        for m in pattern.finditer(text):
            add(m.start(), m.end(), _bounds(m), None, False, total=True)
    for m in _INCLUDING.finditer(text):
        if _filler_ok(m["filler"] or "") and not (m["a"] and _is_label(text, m.start("a"))):
            add(m.start(), m.end(), _bounds(m), _victims(m["filler"] or ""), False, subject=True)
    for pattern, subject in ((_COORD_FIRST, True), (_COORD_VERB, False)):
        for m in pattern.finditer(text):
            summed = _group_sum(m["groups"], names_are_people=not subject)
            if summed is not None and not _unreal(m):
                add(m.start(), m.end(), summed[0], summed[1], False, subject=subject)
    for pattern, subject in ((_FAMILY_FIRST, True), (_FAMILY_VERB, False)):
        for m in pattern.finditer(text):
            if not _unreal(m):
                add(m.start(), m.end(), _bounds(m), None, False, subject=subject)
    for m in _THEN_KILLED.finditer(text):
        if _filler_ok(m["np"]):
            add(m.start(), m.end(), _bounds(m), _victims(m["np"]), False)
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
            if tail is None or (m["a"] and _is_label(text, m.start("a"))) or _unreal(m):
                continue
            if m.group(0).lower().startswith("neutrali") and _victims(tail[1]) is None:
                continue  # "neutralised 17 insurgents" is deaths; "neutralised 3 IEDs" is not
            add(m.start(), tail[0], _bounds(m), _victims(tail[1]), wounded)
    for pattern, wounded in ((_LEFT_DEAD, False), (_COUNT_FIRST, False), (_WOUNDED, True)):
        for m in pattern.finditer(text):
            filler = (m["filler"] or "") + (m.groupdict().get("head") or "")
            if not _filler_ok(filler) or (m["a"] and _is_label(text, m.start("a"))) or counts_doers(text, m):
                continue
            victims = None if re.search(r"\bsides\b", filler) else _victims(filler)  # "from both sides": mixed
            add(m.start(), m.end(), _bounds(m), victims, wounded, subject=pattern is _COUNT_FIRST)
    for m in _DEATHS_OF.finditer(text):
        tail = _tail(text, m.end())
        if tail is not None and not _GRIEVANCE_NOUN.search(text[max(0, m.start() - 60):m.start()]):
            add(m.start(), tail[0], _bounds(m), _victims(tail[1]), False, subject=True)
    for m in _MULTIPLE_KILLING.finditer(text):
        if not _GRIEVANCE_NOUN.search(text[max(0, m.start() - 60):m.start()]):
            n = _MULTIPLE[m["n"].lower()]
            add(m.start(), m.end(), (n, n), None, False, subject=True)
    for m in _BOTH.finditer(text):
        if not _unreal(m) and _filler_ok(m["np"] or ""):
            add(m.start(), m.end(), (2, 2), _victims(m["np"] or ""), False, subject=True)
    for pattern, subject in ((_ONE_FIRST, True), (_ONE_VERB, False), (_ONE_TO_DEATH, False), (_ONE_WAS, True),
                             (_ONE_THE, True)):
        for m in pattern.finditer(text):
            if _filler_ok(re.sub(r"\b\w+-year-old\b", "", m["np"] or "")) and not _unreal(m):
                add(m.start(), m.end(), (1, 1), _victims(m["np"] or ""), False, subject=subject)
    for d in nominal_deaths(text):  # last: a stated figure wins over a phrase that implies one
        add(d.start, d.end, (d.low, d.high), d.victims, False, own_only=d.own_only)
    return sorted(found, key=lambda f: f.start)


def _earlier(text: str, mention: FatalityMention, trigger_start: int | None) -> bool:
    """Whether a count belongs to an earlier event than the trigger's: one dated "eight days ago",
    or one told after "weeks after" ("Monday's ambush came weeks after gunmen fatally shot eight
    farmers"). A count whose own words hold the trigger is the trigger's."""
    if trigger_start is not None and mention.start <= trigger_start < mention.end:
        return False
    if _AGO.match(text, mention.end):
        return True
    after_from = 0 if trigger_start is None else trigger_start
    return after_from < mention.start and bool(_SPAN_AFTER.search(text, after_from, mention.start))


def event_fatalities(text: str, trigger_start: int | None = None) -> Fatalities | None:
    """The death count for the event at ``trigger_start`` (nearest), else the first one.

    Wounded counts are never returned, nor counts told of an earlier event (:func:`_earlier`),
    nor any count for the arrest, charge or release of a suspect.

    Example:
        >>> event_fatalities("Khoja said 36 civilians had been killed.")
        Fatalities(low=36, high=36, victims='civilians', text='36 civilians had been killed')
    """
    if trigger_start is not None and _SUSPECT_TRIGGER.match(text, trigger_start):
        return None
    deaths = [f for f in find_fatalities(text) if not f.wounded and not _earlier(text, f, trigger_start)
              and (not f.own_only or (trigger_start is not None and f.start <= trigger_start < f.end))]
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
