"""Sport, show business and labour: where violent words are no violence.

crosswire run over 221 real ECB+ articles about basketball, baseball, Oscars hosts, a TV
series, celebrities and wildlife rules wrote 67 ACLED rows, every one of them from the
language of games and shows: "beat Furman 77-66", "hit .358 with 13 home runs", "the Jays shot
46%", "fighting for the automatic bid", "the BBC's hit drama", "shot to fame", "was in Prague
shooting a remake", and a Screen Actors Guild strike coded as an attack. A game report's violent
words are sport unless a sentence tells of harm to someone; a "hit" that is a success, a
shoot that makes a film and a union's strike are read as what they are.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from crosswire.extract.events.context import SPORT_WORDS
from crosswire.extract.events.ontology import load_ontology
from crosswire.extract.events.triggers import NOUN_TAGS, Trigger

# Words of a game report beyond those that mark a single sentence as sport (context.SPORT_WORDS).
GAME_WORDS = SPORT_WORDS | frozenset({
    "points", "rebounds", "assists", "game", "games", "seed", "seeded", "division", "conference", "roster",
    "nba", "nfl", "mlb", "nhl", "ncaa", "dunk", "three-pointer", "touchdown", "quarterback", "baseball", "homer",
    "homers", "rbis", "inning", "pitcher", "scoring", "scorer", "stadium", "arena", "player", "players",
    "quarterfinal", "quarterfinals", "semifinals", "finals", "teammate", "teammates", "franchise", "shortstop",
    "outfielder", "free-throw", "trifecta", "lineup", "fans", "sixers", "braves", "angels", "yankees",
})
# Words of an election race, whose reports "beat" rivals, "battle" for second place, "attack"
# opponents and "hit" the campaign trail.
RACE_WORDS = frozenset({
    "election", "elections", "primary", "primaries", "caucus", "caucuses", "campaign", "candidate", "candidates",
    "nomination", "nominee", "voters", "voter", "polls", "poll", "delegates", "gop", "democratic", "republican",
    "republicans", "democrats", "ballot", "debate", "convention", "electoral", "presidential", "polling", "frontrunner",
    "front-runner", "swing", "incumbent", "endorsement", "super",
})
# Words that a sentence tells of harm to people with: in a game report, only these make violence.
HARM_WORDS = frozenset({
    "kill", "killed", "killing", "dead", "death", "died", "wounded", "injured", "injuring", "gun", "guns",
    "gunman", "gunmen", "gunfire", "knife", "stabbed", "stabbing", "bomb", "bombs", "police", "arrested", "arrest",
    "murder", "murdered", "troops", "soldiers", "militants", "rebels", "riot", "riots", "hostage", "hospital",
    "hospitalized", "hospitalised", "fans", "brawl", "assaulted", "charged", "fatally", "victim", "victims",
    "gravely", "massacre", "terrorist", "terrorists", "terror", "explosion", "blast", "wounding",
})
_GAME_REPORT_MIN = 5  # distinct game words a document needs before its violent words are read as sport


def sports_report(doc: Doc) -> bool:
    """Whether a document reports games or an election race: five or more distinct words of
    sport ("points", "rebounds", "season", "coach", "playoffs" ...) or of a race ("primary",
    "caucuses", "delegates", "nominee" ...), and more than twice as many of them as words of harm."""
    words = [t.lower_ for t in doc]
    harm = sum(1 for w in words if w in HARM_WORDS - GAME_WORDS)
    for lexicon in (GAME_WORDS, RACE_WORDS):
        if len({w for w in words if w in lexicon}) >= _GAME_REPORT_MIN and sum(1 for w in words if w in lexicon) > 2 * harm:
            return True
    return False


def played(trigger: Trigger, sent: Span) -> bool:
    """Whether a trigger in a game report is the game itself: its sentence tells of no harm
    ("beat Bradley on Thursday night", "hit his third trifecta", "rallying from a deficit")."""
    return not any(t.lower_ in HARM_WORDS for t in sent if t.i != trigger.head.i)


# What is a hit when it succeeds.
SHOWS = frozenset({"show", "drama", "series", "song", "single", "film", "movie", "album", "record", "sitcom", "comedy",
                   "musical", "play", "app", "novel", "franchise", "programme", "program"})
# Things made by shooting a camera ("shooting a BBC remake", "shot the pilot in Prague").
FILMED = frozenset({"film", "movie", "remake", "scene", "scenes", "episode", "episodes", "pilot", "series", "video",
                    "footage", "documentary", "sequel", "commercial", "advert", "photo", "photos", "picture",
                    "pictures", "season", "music", "album", "release", "date", "role"})
_TO_FAME = re.compile(r"\b(?:shot|shoots|shooting|shoot)\s+(?:to|into)\s+(?:fame|stardom|prominence|the\s+top)", re.I)


def show_business(trigger: Trigger) -> bool:
    """Whether a violent word is show business: a "hit" that is a success ("the BBC's hit
    drama", "an Oscar hit or miss"), a shoot that makes a film ("shooting a remake",
    "shooting for a 2011 release"), or a rise ("shot to fame")."""
    head = trigger.head
    lemma = head.lemma_.lower()
    if lemma == "hit" and (head.pos_ in NOUN_TAGS | {"ADJ"} or head.dep_ in {"amod", "compound", "nmod"} or any(
            c.dep_ == "det" for c in head.children) or any(
            c.dep_ in {"dobj", "compound"} and c.lemma_.lower() in SHOWS for c in head.children)):
        return True  # "an Oscar hit or miss", "the BBC Wales hit show" (parsed as the verb "hit")
    if lemma == "shoot" or head.lower_ in {"shot", "shooting", "shoots"}:
        if _TO_FAME.search(head.sent.text[head.idx - head.sent.start_char:][:40]):
            return True
        reached = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}] + [
            g for c in head.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
        return any(r.lemma_.lower() in FILMED or r.lower_ in FILMED for r in reached)
    return False


# Who strikes by walking out: unions, guilds and workers ("a Screen Actors Guild strike", "the
# writers' strike", "a 24-hour strike by nurses").
LABOUR_WORDS = frozenset({"union", "unions", "guild", "worker", "workers", "writer", "writers", "actor", "actors",
                          "teacher", "teachers", "nurse", "nurses", "doctor", "doctors", "driver", "drivers", "miner",
                          "miners", "labor", "labour", "staff", "employee", "employees", "general", "wga", "sag",
                          "nationwide", "national", "indefinite", "24-hour", "48-hour", "one-day", "transport",
                          "rail", "dock", "dockworkers", "postal", "pilots", "crew"})


def as_labour_strike(trigger: Trigger) -> Trigger | None:
    """A "strike" made by workers read as a walkout (a protest), or None when it is no such
    strike: its noun is modified by a union, guild or workers, or a "by" phrase names them."""
    head = trigger.head
    if trigger.entry.pattern != ("strike",) or head.pos_ not in NOUN_TAGS:
        return None
    mods = [c for c in head.children if c.dep_ in {"compound", "poss", "amod", "nmod"}]
    mods += [g for m in mods for g in m.subtree]
    mods += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.subtree]
    if not any(m.lower_ in LABOUR_WORDS or m.lemma_.lower() in LABOUR_WORDS for m in mods):
        return None
    entry = load_ontology().single("walkout", "noun")
    return Trigger(head, trigger.start, trigger.end, entry) if entry is not None else None
