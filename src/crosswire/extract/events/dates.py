"""Dates an event takes from its context when its own sentence states none.

News states a date once and then tells the episode without repeating it: "Rebels shelled
Marwan on Tuesday. The shells hit a market." A reader dates the second event by the first;
this module does the same, conservatively, and says so (``date_basis="context"``):

* within a paragraph, an undated past event takes the date of the paragraph's latest event
  whose sentence states one;
* across paragraphs, only an event of the same family (violence with violence, a meeting
  with a meeting, a riot's assaults with the riot) takes the latest stated date: a later
  paragraph often turns to another matter, but one that tells more of the same kind of event
  usually tells the same episode; an event of the same type a sentence or two after another
  goes on its day even when that day was itself read from context;
* the lede is dated forward: wire ledes often omit the day ("Warplanes struck a hospital")
  and the next sentences give it ("The raid took place late on Sunday").

An event is never dated from context when its sentence states a date of its own kind ("have
fought since 2019": a span, not a day), is planned or hypothetical, is in the present
tense ("is striking"), is habitual ("have repeatedly criticised") or opens a new episode
("In a separate incident, gunmen killed ...").  The publication date is never used: an
event the text does not date stays undated.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from crosswire.extract.dates import DateMention, find_dates
from crosswire.extract.events.modality import SPEECH_VERBS
from crosswire.records import Event

# Verbs that tell of learning or showing an event, like speech: their day is the telling's.
FINDING_VERBS = frozenset({"find", "show", "learn", "discover", "establish", "determine", "disclose"})
# Speech that is itself the act ("declared the city liberated", "proclaimed a state of emergency").
PERFORMATIVE_VERBS = frozenset({"declare", "proclaim"})
SELF_PRONOUNS = frozenset({"they", "we", "it", "i"})

# Modalities of events that happened as told (a denial still dates the episode it denies).
DATABLE = frozenset({"asserted", "reported", "denied"})
# Types that tell one episode across paragraphs; other types must share the paragraph.
# Force against people or property is both violence and unrest (police dispersing a march).
FAMILIES: dict[str, frozenset[str]] = {
    "ASSAULT": frozenset({"violence"}), "FIGHT": frozenset({"violence"}),
    "COERCE": frozenset({"violence", "unrest"}), "PROTEST": frozenset({"unrest"}),
    "CONSULT": frozenset({"meeting"}), "AGREE": frozenset({"meeting"}),
}
# ACLED codes of events that belong to a crowd's episode whatever their PLOVER type.
UNREST_CODES = frozenset({"Riots", "Protests"})
# How near (in sentences) an event of the same type must follow another for it to go on its
# day across paragraphs, even a day read from context ("A manager was also assaulted").
NEXT_TO = 2
# How many sentences back a day no event carried may date an event (``_day_just_told``).
JUST_TOLD = 2
# A sentence that tells of a statement, a court step or a schedule: its day may be the telling's.
_TELLING = re.compile(r"\b(said|says|told|announced|reported|stated|added|confirmed|according to|admitted|"
                      r"testified|pleaded|pled|plea|charged|sentenced|sentencing|convicted|court|hearing|trial|"
                      r"arraigned|scheduled|set for|due|will|until)\b", re.I)
# How many sentences after the lede a date may come from to date the lede.
LEDE_REACH = 3
# Openers and adverbs that start another episode, move later in time or make the event a habit.
_NEW_EPISODE = re.compile(
    r"^\W*(in (a|an|another) (separate|unrelated|different|earlier|previous)\b|separately\b|elsewhere\b|"
    r"earlier\b|previously\b|in the past\b|in recent (days|weeks|months|years)\b|historically\b)", re.I)
_NOT_THEN = re.compile(r"\b(recently|lately|repeatedly|regularly|often|frequently|routinely|usually|always|"
                       r"again and again|for (years|decades|months|weeks)|later|since|subsequently|afterwards|"
                       r"eventually|sometime|some time|within the (?:past|last) (?:few|several|\w+) (?:days|weeks|hours)|"
                       r"in (?:the )?(?:recent|past|last|coming) (?:few )?(?:days|weeks|months))\b", re.I)
# A definite noun that points back at the lede's event and dates it: "The raid took place
# late on Sunday", "The strike began on Monday last week".
_EPISODE_NOUN = re.compile(
    r"\bthe (\w+ ){0,2}(attacks?|raids?|strikes?|air ?strikes?|bombings?|explosions?|blasts?|clash(es)?|"
    r"fighting|shootings?|ambush|assault|incident|violence|protests?|demonstrations?|march|rally|"
    r"meeting|talks|operation|offensive|kidnapping|abduction)\b", re.I)


@dataclass(frozen=True, slots=True)
class Setting:
    """Where an event was read and what its sentence says about time."""

    paragraph: int
    sentence: int
    tense: str | None  # past | perfect | present | future | None (a bare noun)
    states_date: bool  # the sentence holds a date expression (even one that did not date this event)
    text: str  # the sentence, for new-episode and habit cues
    court: bool = False  # the crime a court step names: dated by the court's words only


def _stated(event: Event) -> bool:
    return event.date_text is not None and event.date_basis == "sentence"


def _datable(event: Event, where: Setting) -> bool:
    return (
        event.date is None and event.date_text is None
        # "the three are accused of killing him": who did it is alleged, the killing is the episode's
        and (event.modality in DATABLE or (event.modality == "alleged" and not where.court))
        and where.tense not in {"present", "future"}
        and not where.states_date
        and not _NEW_EPISODE.search(where.text)
        and not _NOT_THEN.search(where.text)
    )


def _families(event: Event) -> frozenset[str]:
    if event.acled is not None and event.acled.get("event_type") in UNREST_CODES:
        return frozenset({"unrest"})  # "rioters fought with workers": the riot's episode, not the shooting that set it off
    return FAMILIES.get(event.type, frozenset({event.type}))


def _reference(events: Sequence[Event], settings: Sequence[Setting], n: int,
               by_sentence: Mapping[int, Sequence[int]]) -> int | None:
    """The earlier event whose date event ``n`` takes: the paragraph's latest dated event
    (itself perhaps dated from context), else the latest stated one of the same family."""
    here = settings[n]
    for m in range(n - 1, -1, -1):
        ref, there = events[m], settings[m]
        if ref.date_text is None or ref.modality not in DATABLE or there.sentence == here.sentence:
            continue
        if any(events[k].date_text not in (None, ref.date_text) for k in by_sentence[there.sentence]):
            return None  # "killed on 24 June ... shot a man four days earlier": which day goes on is unknown
        if there.paragraph == here.paragraph:
            return m
        # Across paragraphs only a day governs: "kidnapped in 2013" is background, not the day of
        # a later paragraph's strikes.
        if _stated(ref) and _families(ref) & _families(events[n]) and ref.date_precision in (None, "day", "week"):
            return m
        if here.sentence - there.sentence <= NEXT_TO and ref.type == events[n].type and ref.date_precision in (None, "day"):
            return m
    return None


def _lede_date(events: Sequence[Event], settings: Sequence[Setting], sentences: Sequence[tuple[int, str]],
               n: int, published: str | None) -> tuple[str | None, str, str | None] | None:
    """For an event of the first sentence, (date, expression, precision) of the day a
    following sentence gives its episode, either naming it again ("The raid took place late
    on Sunday") or telling a stated event of the same family."""
    first = settings[n].sentence
    if first != settings[0].sentence:
        return None
    for number in range(first + 1, min(first + 1 + LEDE_REACH, len(sentences))):
        text = sentences[number][1]
        if _NEW_EPISODE.search(text):
            return None
        days = [d for d in find_dates(text, published) if d.precision in (None, "day") and d.text]
        if days and _EPISODE_NOUN.search(text):
            return days[0].date, days[0].text, days[0].precision
        for ref, there in zip(events, settings):
            if (there.sentence == number and _stated(ref) and ref.modality in DATABLE
                    and _families(ref) & _families(events[n]) and ref.date_precision in (None, "day")):
                return ref.date, ref.date_text or "", ref.date_precision
    return None


def _day_just_told(here: Setting, sentences: Sequence[tuple[int, str]],
                   published: str | None) -> tuple[str | None, str, str | None] | None:
    """The one past day a sentence or two before states, in the same paragraph, when no event
    there carries it: "A firefighter stopped a woman from stealing a truck about 7:30 p.m.
    Sunday. ... The firefighter detained the woman." A sentence that tells a statement ("police
    said Monday") or two days gives none, and nothing is read across a new episode."""
    for number in range(here.sentence - 1, max(-1, here.sentence - 1 - JUST_TOLD), -1):
        paragraph, text = sentences[number]
        if paragraph != here.paragraph or _NEW_EPISODE.search(text):
            return None
        days = [d for d in find_dates(text, published) if d.date]
        if days:
            if len({d.date for d in days}) > 1 or days[0].precision != "day" or _TELLING.search(text) \
                    or (published and days[0].date > published):
                return None  # "admitted in court on Monday that he shot her in July 2008": whose day is unclear
            return days[0].date, days[0].text, days[0].precision
    return None


def date_from_context(events: Sequence[Event], settings: Sequence[Setting],
                      sentences: Sequence[tuple[int, str]], published: str | None) -> list[Event]:
    """``events`` with undated past events dated from the stated date that governs them.

    Args:
        events: one document's events in text order, dated from their own sentences.
        settings: where each event was read (same order).
        sentences: (paragraph, text) of every sentence, indexed by ``Setting.sentence``.
        published: the document date relative expressions resolve against, or None.

    Returns:
        The events; those dated here carry the date, its expression and precision, and
        ``date_basis="context"``.
    """
    out = list(events)
    by_sentence: dict[int, list[int]] = defaultdict(list)  # sentence -> indices of its events
    for n, where in enumerate(settings):
        by_sentence[where.sentence].append(n)
    for n, where in enumerate(settings):
        if not _datable(out[n], where):
            continue
        m = _reference(out, settings, n, by_sentence)
        found = (out[m].date, out[m].date_text, out[m].date_precision) if m is not None else \
            _lede_date(out, settings, sentences, n, published) or _day_just_told(settings[n], sentences, published)
        if found is not None:
            date, text, precision = found
            out[n] = replace(out[n], date=date, date_text=text, date_precision=precision, date_basis="context")
    return out


def date_token(mention: DateMention, sent: Span) -> Token | None:
    """The token of the sentence a date expression starts in."""
    at = sent.start_char + mention.start
    return next((t for t in sent if t.idx <= at < t.idx + len(t.text)), None)


# Verbs that put out a record of an event: their day is the record's ("footage of the raid was released Monday").
PUBLISHING_VERBS = frozenset({"release", "publish", "post", "air", "broadcast", "unveil", "issue", "share", "upload",
                              "circulate", "emerge", "surface"})


def told_on(trigger: Token, mention: DateMention, sent: Span) -> bool:
    """Whether a date in the trigger's sentence is the day its report was told, not the event's:
    it hangs on a verb of speech or finding above the trigger ("police said Tuesday that officers
    shot him", "an autopsy revealed on Wednesday that he was hit", "suspicions grew Wednesday
    when a report revealed he was hit")."""
    date_tok = date_token(mention, sent)
    if date_tok is None:
        return False
    verb = next((a for a in [date_tok, *date_tok.ancestors] if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb == trigger or verb not in trigger.ancestors:
        return False
    tellers = {verb, *(c for c in verb.subtree if c.dep_ == "advcl" and c.i > verb.i)}
    below = trigger
    for anc in trigger.ancestors:  # the trigger must be what the teller tells: its complement clause
        if anc in tellers and below.dep_ == "ccomp" and anc.lemma_.lower() in SPEECH_VERBS | FINDING_VERBS:
            return not _tells_own_act(anc, below)
        if anc == verb and below.dep_ in {"nsubj", "nsubjpass", "dobj"} and anc.lemma_.lower() in PUBLISHING_VERBS:
            return True  # "a video showing the moment a girl was rescued was released Monday"
        below = anc
    return False


# Words that make a trigger the matter of another act ("anger over the killing", "a march against the shooting").
ABOUT_PREPS = frozenset({"over", "about", "against"})
# Nouns that count or group the events they hang on ("the next round of talks in June", "a wave of strikes").
PARTITIVES = frozenset({"round", "series", "wave", "spate", "string", "flurry", "barrage", "volley", "salvo", "bout",
                        "burst", "number", "set", "couple", "dozen", "dozens", "hundreds", "thousands", "lot", "lots",
                        "kind", "type", "day", "days", "night", "nights", "week", "weeks", "start", "end", "resumption"})
SEQUENCE_WORDS = frozenset({"after", "before", "since", "following"})
DAYS_OR_MORE = frozenset({"day", "week", "month", "year", "decade"})
_CORE = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd"})
# How a clause or phrase hangs on the noun it describes ("the teen killed by police", "a video of ...").
_NOUN_MODIFIERS = frozenset({"acl", "relcl", "prep", "appos"})


def dates_a_participant(trigger: Token, mention: DateMention, sent: Span) -> bool:
    """Whether a date in the sentence is the day of a clause the trigger only describes a
    party of, not the trigger's: "on Wednesday the sister of the teen killed by police was
    arrested", "jurors on Monday asked to review a video of him boasting about the shooting",
    "was found guilty last month of murder with the special circumstance of murder of an
    officer", "anger over the death of a teenager shot by police fueled a riot Monday" (the
    riot keeps Monday: it is the verb's own object); and the other way round, a date in a
    clause that describes a noun dates only that clause ("a vigil for Gray, who was shot
    Saturday, turned ugly as mourners clashed with police").  The trigger hangs below the date's clause
    through a noun other than itself, or is what another act is about ("over the killing")."""
    date_tok = date_token(mention, sent)
    if date_tok is None:
        return False
    verb = next((a for a in [date_tok, *date_tok.ancestors] if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb == trigger or date_tok in trigger.subtree:
        return False
    if verb.dep_ == "relcl" and trigger not in verb.subtree and not any(
            a.dep_ == "relcl" for a in [trigger, *trigger.ancestors]):  # "a teen who was killed and another who was hurt Sunday"
        return True  # "Memorial for Gray, who was shot Saturday, turned ugly as mourners clashed": the clause's own day
    if verb not in trigger.ancestors:
        return False
    if _days_apart(trigger):
        return True  # "Sunday's rampage happened weeks after a man killed 10 people": not Sunday
    if trigger.dep_ == "pobj" and (trigger.head.lower_ in ABOUT_PREPS | {"before"} or (
            trigger.head.lower_ == "to" and trigger.head.head.lower_ == "prior")):
        return True  # "anger over the killing", "convicted last month of a murder days prior to the killing"
    below = trigger
    for anc in trigger.ancestors:
        if anc == verb:
            return False
        if anc.pos_ in {"NOUN", "PROPN"} and below.dep_ in _NOUN_MODIFIERS and anc.lemma_.lower() not in PARTITIVES \
                and not _argument_of_a_verb(anc):
            # the trigger describes a party's party or a thing ("the sister of the teen killed by police"); one
            # that describes a verb's own subject or object is that act's episode ("rockets fired by Hamas hit")
            return True
        below = anc
    return False


def _days_apart(trigger: Token) -> bool:
    """"three days after police killed a teenager", "two weeks after the shooting": a clause or
    phrase the text sets days or more away from the one it hangs on."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ in SEQUENCE_WORDS:
        holder = trigger.head
    elif any(c.dep_ == "mark" and c.lower_ in SEQUENCE_WORDS for c in trigger.children):
        holder = trigger
    else:
        return False
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in DAYS_OR_MORE for c in holder.children)


def _argument_of_a_verb(noun: Token) -> bool:
    """"rockets fired by Hamas hit", "fired on worshippers protesting": a verb's own party."""
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    return (noun.dep_ in _CORE or noun.dep_ == "pobj") and head.pos_ in {"VERB", "AUX"} and head is not noun


def _tells_own_act(teller: Token, clause: Token) -> bool:
    """"Officers announced on 30 August that they had taken power", "declared Mosul liberated on
    10 July": a party telling of its own act, or declaring it, dates it by the telling."""
    if teller.lemma_.lower() in PERFORMATIVE_VERBS:
        return True
    speaker = next((c for c in teller.children if c.dep_ == "nsubj"), None)
    doer = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return doer is not None and (doer.lower_ in SELF_PRONOUNS or (speaker is not None and doer.lemma_ == speaker.lemma_))
