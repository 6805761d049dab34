"""Events (who did what to whom, where, when, how many dead) read from a parsed document.

One event per trigger cluster per sentence: triggers of the same kind linked in one sentence
("a government airstrike killed 4 civilians") are one event; the most specific trigger names
it. Dates are never defaulted to the publication date: an event gets a date from a date
expression in its sentence (``event_date`` resolves "last Wednesday" against ``published``)
or, failing that, from the stated date of its episode in an earlier sentence
(``event_dates.date_from_context``, marked ``date_basis="context"``); for news a date the
text does not give is better left unknown than guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from crosswire.extract.dates import DateMention, event_date, find_dates
from crosswire.extract.events.dates import Setting, date_from_context, date_token, dates_a_participant, told_on
from crosswire.extract.events.disasters import recast
from crosswire.extract.events.actors import Antecedents
from crosswire.extract.events.arguments import arguments
from crosswire.extract.events.bodies import body_count, firearm_marks, violent_find
from crosswire.extract.events.context import GATHERED, WEAPON_WORDS, event_context, in_slogan, is_onlooker, is_sport
from crosswire.extract.events.merge import (Cluster, absorbed_by_protest, drop_protest_settings, follow_up_toll,
                                            later_toll, toll_to_nearest)
from crosswire.extract.events.modality import is_back_reference, is_occasion, modality_of
from crosswire.extract.events.presupposed import harmed_in, told_as_occurring
from crosswire.extract.events.court import court_step, crime_date, crime_places
from crosswire.extract.events.senses import as_criticism, figurative
from crosswire.extract.events.pastimes import as_labour_strike, played, show_business, sports_report
from crosswire.extract.events.disaster_reports import harm_of_the_disaster
from crosswire.extract.events.strikes import strikes_told_again
from crosswire.extract.events.towns import one_event_per_town
from crosswire.extract.events.weapons import weapon_entry
from crosswire.extract.events.places import (
    LOCATION_NOUNS, STRONGHOLDS, fallback_places, is_heading, is_recent, places_for, segments, set_headline,
)
from crosswire.extract.events.deaths import one_killed
from crosswire.extract.events.fatalities import event_fatalities
from crosswire.extract.events.ontology import TERRITORY_MODES, VIOLENT_TYPES, deadly_raid, load_ontology, refine_acled
from crosswire.extract.events.parties import (
    PRONOUNS, concrete_target, implied_actor, is_bare_instrument, is_protesters, make_party, same_party, target_party,
)
from crosswire.extract.events.triggers import (
    VERB_TAGS, Trigger, find_triggers, governing_verb, is_generic, is_thrown, lemma_candidates,
    light_verb_subject, quote_open_after, tense_of,
)
from crosswire.nlp.text import text_of
from crosswire.records import HAPPENED, Event, Evidence, Fatalities, Place, short_id

# Types whose target is a partner, never what an abstract object is about.
PARTNER_TYPES = frozenset({"COOPERATE", "CONSULT", "AGREE", "AID"})
# Types whose object, when it is a place, is where the event happened rather than whom it was aimed at.
PLACE_TARGET_TYPES = VIOLENT_TYPES | {"COERCE", "PROTEST"}
# Types a PROTEST absorbs when linked to it in a sentence: "gathered to demand", "rallied
# against", and police action on the protesters ("dispersed them").
PROTEST_ABSORBS = frozenset({"DEMAND", "REQUEST", "REJECT", "DISAPPROVE"})
# Which trigger names a merged violent cluster: the weapon-specific one first.
MODE_RANK = {"aerial": 0, "suicide bomb": 0, "chemical": 0, "grenade": 1, "explosive": 1,
             "shelling": 1, "abduction": 1, "sexual violence": 1, "occupy": 1, "clash": 2,
             "firearms": 3, "beating": 3, None: 4, "property": 5, "raid": 5}
# Triggers that name a person, who is then the actor ("a suicide bomber blew himself up").
PERSON_TRIGGERS = frozenset({"bomber", "gunman", "gunmen", "attacker", "assailant"})
# Verbs whose purpose clause is an event of its own ("vowed to strike").
PLAN_HEADS = frozenset({"vow", "plan", "threaten", "pledge", "promise", "intend", "prepare", "decide"})
ARMED_PARTY_KINDS = frozenset({"military", "police", "armed group", "state", "government"})
# What an interception must stop to be disrupted weapons use: arms, or what flies at a target.
INTERCEPTED_ARMS = WEAPON_WORDS | frozenset({"drone", "projectile", "shell", "uav", "warhead", "shipment", "cargo"})
# Camps that shelter people, not forces ("relief camps", "a refugee camp").
SHELTER_CAMPS = frozenset({"relief", "refugee", "refugees", "displacement", "displaced", "idp", "tent", "transit",
                           "aid", "evacuation", "evacuee", "medical", "summer", "holiday", "migrant", "migrants"})
# Verbs that establish a base ("set up a camp", "built an outpost"); firing at a base does not.
BASE_VERBS = frozenset({"establish", "set", "build", "open", "relocate", "move", "construct", "install", "erect",
                        "create", "setup"})
# Verbs of reacting to an event: a date in their clause dates the reaction ("condemned the
# attack on Monday"), not the event they are about.
REACTION_VERBS = frozenset({"condemn", "denounce", "criticise", "criticize", "deplore", "blame", "investigate",
                            "mourn", "discuss", "welcome", "praise", "claim", "deny", "confirm", "report",
                            "protest", "decry", "probe"})
# Clause openers of an earlier event ("rioted after a teenager was killed"): never the primary.
BACKGROUND_MARKS = frozenset({"after", "following", "since", "before"})


def _linked(a: Trigger, b: Trigger) -> bool:
    """Whether two triggers are within two dependency arcs of each other."""
    x, y = a.head, b.head
    return y in (x.head, x.head.head) or x in (y.head, y.head.head) or x.head.i == y.head.i


def _family(trig: Trigger) -> str:
    # A riot's stones and petrol bombs join the clash or burning they are part of.
    if trig.entry.type in VIOLENT_TYPES or trig.entry.mode == "property" or (
        trig.entry.type == "PROTEST" and "violent" in trig.entry.flags
    ):
        return "violent"
    return trig.entry.type


def _absorbs(lead: Trigger, trig: Trigger) -> bool:
    """Whether ``lead``'s event takes ``trig`` in as a detail rather than a second event.

    A protest takes in its demands; a defused bomb is not an attack; a purpose clause
    ("summoned the ambassador to protest") belongs to its head, unless the head is a plan
    or threat, whose complement is an event of its own ("threatened to strike").
    """
    if not _linked(trig, lead):
        return False
    if lead.entry.type == "PROTEST" and trig.entry.type in PROTEST_ABSORBS:
        return True
    if lead.entry.mode == "disrupt weapons" and trig.entry.type == "ASSAULT":
        return True
    return (
        trig.head.dep_ in {"advcl", "xcomp"} and trig.head.head.i == lead.head.i
        and any(c.lower_ == "to" for c in trig.head.children)
        and lead.entry.type != "THREATEN" and lead.head.lemma_ not in PLAN_HEADS
    )


def _other_actor(trig: Trigger, group: list[Trigger]) -> bool:
    """Whether a trigger has an explicit actor different from the group's (two attacks)."""
    mine = arguments(trig)[0]
    if mine is None:
        return False
    theirs = [a for g in group if (a := arguments(g)[0]) is not None]
    heads = {g.head.i for g in group} | {trig.head.i}
    return any(a.i not in heads and mine.i not in heads and a.lower_ != mine.lower_ for a in theirs)


def _background(trig: Trigger) -> bool:
    """Whether a trigger sits in a clause about an earlier event ("after a teenager was killed")."""
    tok = trig.head
    for node in [tok, *list(tok.ancestors)[:3]]:
        if node.dep_ == "pobj" and node.head.lower_ in BACKGROUND_MARKS:
            return True
        if any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in node.children):
            return True
    return False


def _own_days(triggers: list[Trigger], sent: Span) -> dict[int, str | None]:
    """The date expression each trigger's sentence gives it (by trigger start), read once."""
    days = {}
    for t in triggers:
        mention = event_date(sent.text, sent.doc[t.start].idx - sent.start_char, None)
        days[t.start] = None if mention is None else mention.text
    return days


def _same_day(a: Trigger, b: Trigger, days: dict[int, str | None]) -> bool:
    """Whether nothing in the sentence dates two triggers apart: "killed on 24 June, while looking
    into a robbery in which he shot a man four days earlier" tells two happenings."""
    return days[a.start] is None or days[b.start] is None or days[a.start] == days[b.start]


def _cluster(triggers: list[Trigger], sent: Span, quote_open: bool) -> list[Cluster]:
    """Merge the triggers of one sentence into events (see module docstring)."""
    groups: list[tuple[Trigger | None, list[Trigger]]] = []  # (absorbing lead or None, members)
    days = _own_days(triggers, sent)
    for trig in triggers:
        mod = modality_of(trig, sent, quote_open=quote_open)
        for n, (lead, group) in enumerate(groups):
            first = group[0]
            same_voice = modality_of(first, sent, quote_open=quote_open) == mod or harmed_in(trig, first) \
                or harmed_in(first, trig)  # "may have been injured in US strikes": one strike
            if _family(trig) == _family(first) and same_voice and _same_day(trig, first, days) and (
                (_family(trig) == "violent" and not _other_actor(trig, group)) or any(_linked(trig, g) for g in group)
            ):
                group.append(trig)
                break
            if _absorbs(first, trig):
                group.append(trig)
                groups[n] = (lead or first, group)
                break
            if _absorbs(trig, first):
                group.append(trig)
                groups[n] = (trig, group)
                break
        else:
            groups.append((None, [trig]))
    clusters = []
    all_heads = {t.head.i for t in triggers}
    for lead, group in groups:
        ranked = sorted(group, key=lambda t: (t is not lead, _background(t), t.entry.type != "PROTEST",
                                              MODE_RANK.get(t.entry.mode, 4), t.head.pos_ in VERB_TAGS, t.start))
        cl = Cluster(primary=ranked[0], members=group)
        heads = {t.head.i for t in group}
        for trig in ranked:
            if _background(trig) and not _background(ranked[0]):
                continue  # "rioted after a man was killed by police": police are not the rioters
            actor, target, places = arguments(trig)
            if actor is not None and actor.i in all_heads and actor.lemma_.lower() not in PERSON_TRIGGERS:
                actor = None  # "the IED exploded": the weapon is not the actor
            if actor is not None and (cl.actor is None or cl.actor.lower_ in PRONOUNS):
                cl.actor = actor
            if target is not None and cl.target is None and (cl.actor is None or target.i != cl.actor.i) and target.i not in heads:
                cl.target = target
            cl.place_toks.extend(places)
        clusters.append(cl)
    return clusters


def find_events(doc: Doc, *, doc_id: str, published: str | None, places: Sequence[Place] | None = None,
                headline: str | None = None) -> list[Event]:
    """Every event in a parsed document, in text order.

    Args:
        doc: The spaCy parse of the document's clean text (``doc.text == Document.text``).
        doc_id: The Document id (events are keyed on it and their trigger offset).
        published: The document date (ISO) that relative dates resolve against, or None.
        places: ``places_from_doc(doc)``, with offsets; attached to events by sentence.
        headline: The document's title when it is stored apart from its text: a town it names
            is the report's main place more surely.

    Example:
        >>> from crosswire.nlp.pipeline import load_nlp
        >>> text = "On 12 March 2019, a government airstrike killed 4 civilians in Kafr Nabl, Idlib."
        >>> [e.acled["sub_event_type"] for e in find_events(load_nlp()(text), doc_id="d", published=None)]
        ['Air/drone strike']
    """
    ontology = load_ontology()
    places = list(places or [])
    set_headline(doc, headline)
    sporting = sports_report(doc)  # "beat Furman 77-66", "hit 13 home runs": a game's words
    events: list[Event] = []
    protest_in_paragraph: list[tuple[int, Cluster]] = []  # (event index, cluster)
    quote_open = False
    paragraph_start = 0  # index in ``events`` of the current paragraph's first event
    settings: dict[str, Setting] = {}  # event id -> where it was read, for dating from context
    antecedents = Antecedents(doc)
    sentences: list[tuple[int, str]] = []
    paragraph = 0
    prev: Span | None = None
    for number, sent in enumerate(segments(doc)):
        if prev is not None and "\n" in text_of(doc)[prev.end_char:sent.start_char]:
            quote_open = False  # a quotation never runs over a paragraph break unclosed here
            protest_in_paragraph = []
            paragraph_start = len(events)
            paragraph += 1
        sentences.append((paragraph, sent.text))
        if is_heading(sent):
            prev = sent
            continue
        # "attacked the plan" is criticism; "destroyed his chances" is no violence
        triggers = [as_criticism(t) or as_labour_strike(t) or t for t in find_triggers(sent, ontology)]
        triggers = [t for t in triggers
                    if not (is_generic(t) or is_occasion(t) or is_back_reference(t) or figurative(t)
                            or show_business(t) or (sporting and played(t, sent)))
                    and ("thrown" not in t.entry.flags or is_thrown(t))  # "stone houses" are no riot
                    and ("remains" not in t.entry.flags or violent_find(t, sent))]
        # A quake "killing" people or a car "hitting" them is a disaster or an accident, not an attack.
        built = [(cl, recast(_build(cl, sent, prev, doc, doc_id, published, places, quote_open, antecedents),
                             cl.primary, cl.actor, cl.target, sent))
                 for cl in _cluster(triggers, sent, quote_open)]
        built = toll_to_nearest(drop_protest_settings([(cl, e) for cl, e in built if e is not None]), sent)
        before = len(events)
        dated_sentence: bool | None = None  # whether the sentence states any date, read once
        for cl, event in built:
            if absorbed_by_protest(cl, event, events, protest_in_paragraph):
                continue
            if follow_up_toll(cl, event, events, paragraph_start):
                continue
            events.append(event)
            if dated_sentence is None:
                dated_sentence = bool(find_dates(sent.text, None))
            settings[event.id] = Setting(paragraph, number, tense_of(governing_verb(cl.primary.head)),
                                         dated_sentence and not reacted_to(cl.primary), sent.text,
                                         court=court_step(cl.primary))
            if event.type == "PROTEST":
                protest_in_paragraph.append((len(events) - 1, cl))
        if len(events) == before and not any(cl.actor is not None for cl, _ in built):
            later_toll(sent, events, paragraph_start)
        quote_open = quote_open_after(sent, quote_open)
        prev = sent
    dated = date_from_context(events, [settings[e.id] for e in events], sentences, published)
    return strikes_told_again(one_event_per_town(harm_of_the_disaster(dated, doc)))


# Sub-types whose events kill no one themselves: a sentence's toll belongs to its killing.
NO_DEAD_SUB_TYPES = frozenset({"Abduction/forced disappearance", "Arrests", "Peaceful protest", "Protest with intervention"})
# Words that make supporters protesters ("supporters who had gathered to protest were detained").
PROTEST_CUES = frozenset({"protest", "rally", "demonstration", "march", "gather", "sit-in", "demonstrate", "riot"})
# Who riots without demonstrating, and the words that tell a riot (for looting: mob violence).
RIOTER_WORDS = frozenset({"rioter", "looter", "mob", "youth", "crowd", "gang", "thug", "hooligan", "vandal"})
RIOT_WORDS = frozenset({"riot", "riots", "rioting", "rioted", "rioters", "unrest", "mob", "mobs", "looters"})
# Demonstrators proper: their looting is part of a violent demonstration.
DEMONSTRATOR_HEADS = frozenset({"protester", "demonstrator", "marcher", "striker", "activist", "supporter"})


def _riot_told(cl: Cluster, sent: Span) -> bool:
    """Whether the event's actor riots or the sentence tells of a riot, with no demonstrators acting."""
    actor = cl.actor.lemma_.lower() if cl.actor is not None else None
    if actor in DEMONSTRATOR_HEADS:
        return False
    return actor in RIOTER_WORDS or bool({t.lower_ for t in sent} & RIOT_WORDS)


def reacted_to(trig: Trigger) -> bool:
    """Whether a nominal trigger is what a reaction is about ("condemned the attack", "an
    inquiry into the shelling"): the sentence's date is then the reaction's, not the event's."""
    head = trig.head
    if head.pos_ in VERB_TAGS or head.dep_ not in {"dobj", "pobj"}:
        return False
    verb = head.head.head if head.dep_ == "pobj" else head.head
    return verb.lemma_.lower() in REACTION_VERBS


def _dates_the_crime(mention: DateMention, trig: Trigger, sent: Span) -> bool:
    """"Two were arrested in Saturday's fatal shooting": Saturday is the shooting's, not the arrests'."""
    if trig.entry.mode != "arrest":
        return False
    tok = date_token(mention, sent)
    return tok is not None and tok.dep_ == "poss" and tok.head.dep_ == "pobj" and tok.head != trig.head


def _in_phrase(mention: DateMention, trig: Trigger, sent: Span) -> bool:
    """Whether a date lies inside the trigger's own noun phrase ("Sunday's attack", "the 3 March attack")."""
    head = trig.head
    start, end = head.left_edge.idx - sent.start_char, head.idx + len(head) - sent.start_char
    return start <= mention.start and mention.end <= end


def _build(cl: Cluster, sent: Span, prev: Span | None, doc: Doc, doc_id: str, published: str | None,
           places: Sequence[Place], quote_open: bool, antecedents: Antecedents) -> Event | None:
    trig = cl.primary
    entry = weapon_entry(cl) or trig.entry  # "killed by a roadside bomb": the bomb types it
    if cl.actor is not None and cl.actor.lower_ in PRONOUNS and cl.actor.text != "US":  # "US-led": no "us"
        actor = antecedents.party(cl.actor)  # "She also called for ...": who she is
    else:
        actor = make_party(cl.actor) if cl.actor is not None and not is_bare_instrument(cl.actor) else None
    # A pronoun victim stays unnamed: a wrong antecedent would make another person the victim.
    target = target_party(cl.target) if cl.target is not None and cl.target.lower_ not in PRONOUNS else None
    if actor is not None and target is not None and same_party(actor, target):
        actor = None
    place_spans = {(p.start, p.end) for p in places}
    if target is not None and (target.start, target.end) in place_spans and entry.type in PLACE_TARGET_TYPES:
        target = None  # "attacks on Hama": where, not whom; but "accused Russia", "urged Moscow": whom
    if "crowd" in entry.flags and (actor is None or actor.kind not in {"civilians", None} or is_onlooker(cl.actor)
                                   or any(c.dep_ == "dobj" and c.lemma_.lower() in GATHERED for c in trig.head.children)):
        return None  # "officials gathered in Geneva" is not a protest
    mod = modality_of(trig, sent, quote_open=quote_open)
    verb = governing_verb(trig.head)
    # A bare noun takes its clause's tense: "will host the next round of talks in June".
    tense = tense_of(verb) or tense_of(next((a for a in trig.head.ancestors if a.pos_ in VERB_TAGS), verb))
    offset = doc[trig.start].idx - sent.start_char
    mention = event_date(sent.text, offset, published, tense="past" if tense == "perfect" else tense)
    court = court_step(trig)  # "convicted of murder on Tuesday": Tuesday is the verdict's, and no ACLED attack
    is_verb = trig.head.pos_ in VERB_TAGS
    own = crime_date(trig, sent, published) if court or is_verb else None  # the date of the trigger's own phrase
    if court:
        mention = own
    elif mention is not None and own is not None and own.start != mention.start:
        mention = own  # "said on Monday it killed 20 militants in Gao on Sunday": the verb's own phrase dates it
    if mention is not None and (reacted_to(trig) or told_on(trig.head, mention, sent) or dates_a_participant(
            trig.head, mention, sent) or _dates_the_crime(mention, trig, sent)) and not _in_phrase(mention, trig, sent):
        # "condemned the attack on Monday", "said Tuesday that officers shot him": the reaction's day; a date
        # in the trigger's own phrase still dates it ("admitted on Monday that he gunned her down in July 2008")
        mention = own if is_verb and own is not None and own.start != mention.start else None
    fatalities: Fatalities | None = event_fatalities(sent.text, offset)
    if fatalities is None and mod.modality in HAPPENED | {"alleged"} and one_killed(trig.head, cl.target):  # who is alleged, not the death
        fatalities = Fatalities(1, 1, None, trig.text)
    remains = next((t for t in cl.members if "remains" in t.entry.flags), None)
    if remains is not None:  # the dead are the bodies found, whatever else the sentence counts
        fatalities = body_count(remains) or fatalities
        actor = target = None  # "found the bodies with stab wounds on a road": who did it is not told
    event_places = places_for(cl.place_toks, (cl.actor, cl.target), sent, places, trig.head)
    if target is not None and cl.target is not None and cl.target.lemma_.lower() in LOCATION_NOUNS and any(
        target.start <= (p.start or -1) < target.end for p in event_places
    ):
        target = None  # "recaptured the town of Khan Sheikhoun": a place, not a party
    context = replace(event_context(cl, actor, target, sent), rioting=_riot_told(cl, sent))
    if context.target_is_protesters and cl.target is not None and cl.target.lemma_.lower() == "supporter" and not (
        {t.lemma_.lower() for t in sent} & PROTEST_CUES
    ):
        context = replace(context, target_is_protesters=False)  # "opposition supporters were rounded up": arrests
    # where a place is taken is in the taking's own phrase ("took control of Timbuktu"; not "before
    # Obama took over"); a withdrawal's place is often the clause it explains ("seized Sebba after X withdrew")
    own = {t.idx for t in (trig.head.subtree if entry.mode != "withdraw" else sent)}
    site = cl.target is not None and cl.target.lemma_.lower() in LOCATION_NOUNS | STRONGHOLDS
    if entry.mode in TERRITORY_MODES and not any(p.start in own for p in places) and not site \
            and not context.target_is_weapon and (
            (target is not None and target.kind is None) or (actor is not None and actor.kind not in ARMED_PARTY_KINDS)
            or (cl.target is None and entry.mode != "withdraw")):
        return None  # "handed the report over", "investors took control of the company": not territory
    if target is not None and (about := concrete_target(cl.target)) is not cl.target:
        # "expressed concerns over X": X; but "ready to share data about IS positions" names no partner
        target = make_party(about) if about is not None and entry.type not in PARTNER_TYPES else None
    has_own_evidence = (actor is not None or target is not None or event_places or (mention is not None and mention.date)
                        or told_as_occurring(trig))
    if "weak" in entry.flags and actor is None and target is None:
        return None
    if (entry.type in VIOLENT_TYPES and is_sport(sent)) or in_slogan(sent, offset):
        return None  # "beating Corvin United 5-4 on penalties"; chanting "killer cops"
    if "light" in entry.flags and light_verb_subject(trig) is None and governing_verb(trig.head).i == trig.head.i:
        return None  # "its base in Gao" is not an event; "set up a base" is
    if entry.mode == "base" and len(entry.pattern) == 1 and not BASE_VERBS & set(lemma_candidates(governing_verb(trig.head))):
        return None  # "fired rockets at a camp": the camp is a target, not a new base
    if entry.mode == "base" and any(c.lower_ in SHELTER_CAMPS for c in trig.head.children if c.dep_ in {"amod", "compound"}):
        return None  # "established relief camps for the flood victims": shelter, not an armed base
    if "unopposed" in entry.flags and not context.unopposed:
        return None  # "troops entered the town": only "entered it unopposed" is a transfer
    if entry.pattern == ("intercept",) and not {t.lemma_.lower() for t in sent} & INTERCEPTED_ARMS:
        return None  # "two men were intercepted by villagers", "an operation to intercept the boats": no arms stopped
    if not has_own_evidence and fatalities is None:
        return None
    event_places = crime_places(trig, event_places) if court else event_places
    if not event_places:
        event_places = fallback_places(sent, prev, places, doc, happened=mod.modality in HAPPENED and is_recent(
            mention.date if mention is not None else None, published))
    mode = "firearms" if "remains" in entry.flags and firearm_marks(sent) else entry.mode
    mode, acled = refine_acled(entry, mode, context)
    if mode == "raid" and fatalities is not None and fatalities.low > 0:
        acled = deadly_raid(context)  # "killed two senior members in a raid": no mere search
    actor = actor or implied_actor(acled)
    if fatalities is not None and ((is_protesters(cl.target) and entry.type == "PROTEST") or (
            fatalities.low > 0 and (acled or {}).get("sub_event_type") == "Protest with intervention")):
        acled = {"event_type": "Protests", "sub_event_type": "Excessive force against protesters"}
    if court:
        acled = None
    if acled and acled["sub_event_type"] in NO_DEAD_SUB_TYPES:
        fatalities = None  # "beheaded the captured journalist": the dead are the killing's, not the capture's
    start, end = sent.start_char, sent.end_char
    return Event(
        id=short_id(doc_id, str(doc[trig.start].idx), entry.type),
        doc=doc_id,
        type=entry.type,
        mode=mode,
        acled=acled,
        actor=actor,
        target=target,
        places=list(event_places),
        date=mention.date if mention is not None else None,
        date_text=mention.text if mention is not None else None,
        date_precision=mention.precision if mention is not None else None,
        date_basis="sentence" if mention is not None else None,
        fatalities=fatalities,
        according_to=None,
        modality=mod.modality,
        reported_by=mod.reported_by,
        trigger=trig.text,
        evidence=Evidence(start, end, text_of(doc)[start:end]),
    )
