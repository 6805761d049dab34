"""The context an event's ACLED refinement reads: its parties' kinds and the cues around it."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from crosswire.extract.events.merge import Cluster
from crosswire.extract.events.places import LOCATION_NOUNS, PLACE_ENTS
from crosswire.extract.events.ontology import ARMED_KINDS, Context
from crosswire.extract.events.parties import KIND_WORDS, UNARMED_ALONE, is_protesters
from crosswire.extract.events.triggers import VERB_TAGS, Trigger, governing_verb
from crosswire.extract.events.deaths import ONE_PERSON_PRONOUNS
from crosswire.extract.events.victims import PERSON_NOUNS
from crosswire.records import Party

# Words near a strike that make it aerial whatever the trigger ("jets hit", "warplanes struck").
AERIAL_CUES = frozenset({"jet", "jets", "warplane", "warplanes", "aircraft", "helicopter", "helicopters",
                         "drone", "drones", "bomber", "bombers", "air", "aerial", "sortie", "sorties",
                         "plane", "planes", "airstrike", "airstrikes"})
# Words for an armed group's men; "group" and "men" alone name nobody armed.
ARMED_MEN = KIND_WORDS["armed group"] - UNARMED_ALONE
# Actors that make a shelling verb an air strike ("warplanes bombarded", "jets pounded").
AERIAL_ACTORS = frozenset({"jet", "warplane", "aircraft", "helicopter", "drone", "bomber", "plane", "gunship"})
# Protesters proper, as opposed to a crowd or mob (whose beating or lynching is mob violence).
DEMONSTRATOR_WORDS = frozenset({"protester", "demonstrator", "rioter", "marcher", "striker", "supporter", "activist"})
# Verbs whose object explosive is taken out of use ("defused an IED", "detonated a planted bomb").
NEUTRALIZE_VERBS = frozenset({"defuse", "destroy", "dismantle", "discover", "find", "recover", "seize", "clear",
                              "neutralize", "neutralise", "detonate", "deactivate", "disarm", "remove"})
# What "chemical" may describe without naming a weapon ("a chemical plant", "the chemical industry").
INDUSTRY_NOUNS = frozenset({"plant", "factory", "company", "industry", "facility", "firm", "manufacturer", "spill",
                            "leak", "engineer", "waste", "storage", "warehouse", "sector"})
CHEMICAL_CUES = frozenset({"chemical", "chlorine", "sarin", "mustard", "nerve", "toxic", "cs", "phosgene"})
INTERVENTION_WORDS = frozenset({"disperse", "dispersed", "tear", "teargas", "cannon", "baton", "arrest",
                                "arrested", "detain", "detained", "rubber", "intervene", "intervened",
                                "removed", "evicted", "cleared", "forcibly"})
# What makes an agreement one between sides of a conflict, whoever the parties are named as.
PEACE_WORDS = frozenset({"peace", "ceasefire", "cease-fire", "truce", "armistice", "prisoner", "prisoners", "swap",
                         "hostage", "hostages", "disarmament", "withdrawal", "accord", "rebels", "militants", "army"})
VIOLENT_WORDS = frozenset({"stone", "stones", "rock", "rocks", "torch", "torched", "burn", "burned",
                           "burnt", "loot", "looted", "vandalize", "vandalized", "vandalised", "smash",
                           "smashed", "petrol", "molotov", "clash", "clashed", "riot", "rioted", "stormed", "ransacked"})

# What a crowd throws in a riot: a clash told with them is a riot's ("stone-throwing clashes").
RIOT_MISSILES = frozenset({"stone", "stones", "rocks", "molotov", "firebombs", "slingshots"})

# Objects that are arms: their seizure is disrupted weapons use, not territory taken.
WEAPON_WORDS = frozenset({"weapon", "weapons", "arm", "arms", "cache", "rifle", "rifles", "gun", "guns", "ammunition",
                          "explosive", "explosives", "munition", "munitions", "ied", "ieds", "bomb", "bombs",
                          "grenade", "grenades", "rocket", "rockets", "missile", "missiles", "mortar", "mortars",
                          "detonator", "detonators", "stockpile", "arsenal", "rpg", "rpgs"})
UNOPPOSED_CUES = ("unopposed", "without a fight", "without resistance", "without fighting", "without firing a shot",
                  "without a shot")
# Tear gas dropped by a drone is a chemical weapon; at a protest it is crowd control.
PROTEST_WORDS = frozenset({"protest", "protests", "protester", "protesters", "demonstrators", "demonstration",
                           "rally", "march", "crowd", "crowds", "rioters"})
ACCIDENT_WORDS = frozenset({"accidental", "accidentally", "accident"})


# Sport reads like war ("beating Corvin United 5-4 on penalties", "the two sides clash in the
# final"): a scoreline with a word of sport, or two words of sport, make a sentence a match report.
SPORT_WORDS = frozenset({"penalties", "penalty", "goal", "goals", "match", "cup", "league", "tournament",
                         "championship", "season", "innings", "wicket", "wickets", "scored", "striker", "midfielder",
                         "playoff", "playoffs", "semi-final", "semifinal", "quarter-final", "derby", "trophy",
                         "football", "soccer", "rugby", "cricket", "basketball", "hockey", "tennis", "coach", "coaches",
                         "referee", "half-time", "halftime", "kick-off", "equaliser", "equalizer", "hat-trick",
                         "goalkeeper", "winger", "defender", "stoppage-time", "extra-time", "boxing", "boxer",
                         "wrestling", "bout", "team", "rbis", "rbi", "homers", "rebounds", "assists", "touchdown",
                         "touchdowns", "nba", "nfl", "mlb", "nhl", "ncaa", "quarterback", "pitcher", "slugging", "batting"})
SCORELINE = re.compile(r"\b\d{1,2}\s?[-\u2013]\s?\d{1,2}\b")


def sport_words(sent: Span) -> set[str]:
    """The words of sport in a sentence."""
    # hyphenated words are split by the tokenizer ("half-time"), so they are read from the text
    return ({t.lower_ for t in sent} | set(re.findall(r"[a-z]+(?:-[a-z]+)+", sent.text.lower()))) & SPORT_WORDS


# A quotation that is a slogan, a chant or a banner's words: what it tells of is no report of an
# event ("protesters chanted 'killer cops'", "banners read: 'The state kills'").
_QUOTE_MARK = re.compile(r"``|''|[\"\u201c\u201d]")
_CHANT_BEFORE = re.compile(r"\b(?:chant|shout|yell|scream|sing|sang|cr(?:y|ied|ies))\w*\s*[:,]?\s*$", re.I)
_BEARER = re.compile(r"\b(?:banners?|placards?|signs?|slogans?|graffiti|posters?|t-shirts?|leaflets?|chants?)\b", re.I)
_BEARER_VERB_BEFORE = re.compile(r"\b(?:read|reads|reading|said|saying|written|bearing|with)\s*[:,]?\s*$", re.I)


def in_slogan(sent: Span, offset: int) -> bool:
    """Whether a character of the sentence lies inside a quoted slogan, chant or banner text."""
    text = sent.text
    marks = [m.start() for m in _QUOTE_MARK.finditer(text)]
    for opening, closing in zip(marks[::2], marks[1::2]):
        if opening < offset < closing:
            before = text[max(0, opening - 30):opening]
            return bool(_CHANT_BEFORE.search(before) or (
                _BEARER.search(text[:opening]) and _BEARER_VERB_BEFORE.search(before)))
    return False


# People who gather to look, shop or travel: "onlookers gathered at the crash site" is no protest.
ONLOOKERS = frozenset({"onlooker", "bystander", "spectator", "shopper", "passer-by", "passerby", "tourist",
                       "commuter", "customer", "rubbernecker", "reporter", "journalist", "photographer"})


# What is gathered without a crowd: "gather evidence", "gather a concrete theory", "gathered momentum".
GATHERED = frozenset({"evidence", "information", "data", "intelligence", "theory", "support", "signature", "momentum",
                      "dust", "strength", "pace", "speed", "steam", "thought", "fact", "detail", "material", "sample",
                      "wood", "food", "courage", "string", "clue", "testimony", "footage", "input", "feedback"})


def is_onlooker(tok: Token | None) -> bool:
    """Whether a crowd's head names people who came to look, shop or travel, not to protest
    ("onlookers", "dozens of onlookers")."""
    if tok is None:
        return False
    heads = [tok, *(g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)]
    return any(h.lemma_.lower() in ONLOOKERS or h.lower_ in ONLOOKERS for h in heads)


def is_sport(sent: Span) -> bool:
    """Whether a sentence reports a game: a scoreline and a word of sport, or two words of sport."""
    sport = sport_words(sent)
    return len(sport) >= 2 or (bool(sport) and bool(SCORELINE.search(sent.text)))


def _is_weapon(tok: Token | None) -> bool:
    """Whether an object names arms ("a cache of 40 rifles", "weapons and ammunition")."""
    if tok is None:
        return False
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return tok.lower_ in WEAPON_WORDS or tok.lemma_.lower() in WEAPON_WORDS or (
        tok.lemma_.lower() in {"cache", "stockpile", "quantity", "number", "haul", "consignment", "shipment"}
        and pobj is not None and (pobj.lower_ in WEAPON_WORDS or pobj.lemma_.lower() in WEAPON_WORDS))


def _is_place(tok: Token | None) -> bool:
    """Whether an object is a place ("surrendered the city", "handed over Kidal")."""
    return tok is not None and (tok.lemma_.lower() in LOCATION_NOUNS | {"town", "base", "camp"} or tok.ent_type_ in PLACE_ENTS)


def _neutralized(trig: Trigger) -> bool:
    """Whether an explosive is the object of a verb that takes it out of use ("discovered and destroyed a bomb")."""
    verb = governing_verb(trig.head)
    verbs = {verb, *(c for c in verb.children if c.dep_ == "conj")}
    if verb.dep_ == "conj":
        verbs.add(verb.head)
    return trig.head.dep_ in {"dobj", "nsubjpass", "conj"} and any(
        v.lemma_.lower() in NEUTRALIZE_VERBS for v in verbs if v.pos_ in VERB_TAGS)


def _names_a_person(tok: Token | None, target: Party | None) -> bool:
    """Whether the target is a person, not a force: "a civilian", "he", "the journalist", but not "soldiers"."""
    if target is not None and target.kind in {"civilians", "person"}:
        return True
    if tok is None:
        return False
    if tok.lower_ in ONE_PERSON_PRONOUNS:
        return True
    return tok.lemma_.lower() in PERSON_NOUNS and (target is None or target.kind not in ARMED_KINDS)


# "bomber" is a person in a report of a suicide bombing ("the bomber struck shortly after 9.30"),
# an aircraft elsewhere ("Russian bombers struck"): a real page's suicide bombing became air strikes.
PERSON_BOMBER = re.compile(r"\bsuicide[\s-]+(?:car[\s-]+)?bomb", re.I)


def aerial_words(sent: Span) -> set[str]:
    """The words of a sentence that name aircraft or air power (:data:`AERIAL_CUES`)."""
    words = {t.lower_ for t in sent} & AERIAL_CUES
    if words & {"bomber", "bombers"} and PERSON_BOMBER.search(sent.doc.text):
        words -= {"bomber", "bombers"}
    return words


def event_context(cl: Cluster, actor: Party | None, target: Party | None, sent: Span) -> Context:
    """The cues the ACLED refinements read (:class:`~crosswire.extract.events.ontology.Context`) for one cluster."""
    words = {t.lower_ for t in sent}
    low = sent.text.lower()
    acts = {t.lower_ for t in sent if t.dep_ != "amod"}  # "detained journalists began a hunger strike": no intervention
    actor_kind = "mob" if cl.actor is not None and cl.actor.lemma_.lower() == "mob" else (actor.kind if actor else None)
    return Context(
        actor_kind=actor_kind,
        target_kind=target.kind if target else None,
        actor_is_protesters=is_protesters(cl.actor),
        target_is_protesters=is_protesters(cl.target),
        intervention=cl.intervention or (cl.primary.entry.type == "PROTEST" and bool(acts & INTERVENTION_WORDS)),
        protesters_killed=cl.protesters_killed,
        violent=bool(words & VIOLENT_WORDS) or any("violent" in t.entry.flags for t in cl.members) or any(
            c.dep_ == "amod" and c.lower_ in {"violent", "riotous"} for c in cl.primary.head.children),  # "violent protests"
        aerial_cue=bool(aerial_words(sent)),
        chemical_cue=bool({t.lower_ for t in sent if t.head.lemma_.lower() not in INDUSTRY_NOUNS} & CHEMICAL_CUES) or (
            "tear gas" in low and bool(words & AERIAL_CUES) and not words & PROTEST_WORDS),
        actor_is_aerial=cl.actor is not None and cl.actor.lemma_.lower() in AERIAL_ACTORS,
        actor_is_demonstrators=cl.actor is not None and cl.actor.lemma_.lower() in DEMONSTRATOR_WORDS,
        weapon_neutralized=cl.primary.entry.mode == "explosive" and _neutralized(cl.primary),
        target_is_person=_names_a_person(cl.target, target),
        target_is_place=_is_place(cl.target),
        target_is_weapon=_is_weapon(cl.target),
        unopposed=any(cue in low for cue in UNOPPOSED_CUES),
        accidental=bool(words & ACCIDENT_WORDS),
        peace_cue=bool(words & PEACE_WORDS),
        protest_cue=bool(words & (PROTEST_WORDS | RIOT_MISSILES | {"demonstrations", "marches", "rallies"})),
        armed_cue=any(t.lemma_.lower() in ARMED_MEN for t in sent),
    )
