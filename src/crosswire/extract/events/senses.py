"""Which sense a violent word has in its sentence: a violent act or a figure of speech.

A blind reading of real news found records that were no events: "destroyed his chances",
"struck out on his own", "killing time", "the film bombed at the box office", "attacked the
plan" (words, not violence). The lexicon cannot tell these apart, since the trigger word is the
same; what tells them is what the word acts on or who does it. (Court steps: ``court``.)
"""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.extract.events.context import sport_words
from crosswire.extract.events.ontology import LexEntry, load_ontology
from crosswire.extract.events.triggers import NOUN_TAGS, VERB_TAGS, Trigger, lemma_candidates

# Types whose verbs have figurative senses worth guarding ("fought corruption", "destroyed
# his career"); statements and meetings have none that would pass for violence.
GUARDED_TYPES = frozenset({"ASSAULT", "FIGHT", "COERCE"})
# Objects no violence can be done to: ideas, prospects, records, time, contests. A violent verb
# acting on one is a figure of speech ("destroyed his chances", "beat the odds", "struck a deal",
# "hit a record high", "fought the blaze").
FIGURATIVE_OBJECTS = frozenset({
    "chance", "hope", "career", "credibility", "reputation", "image", "legacy", "prospect", "ambition",
    "dream", "confidence", "trust", "morale", "relationship", "friendship", "marriage", "momentum",
    "time", "odds", "deadline", "expectation", "forecast", "estimate", "lead", "advantage", "record",
    "high", "low", "peak", "headline", "snag", "milestone", "roadblock", "jackpot", "deal", "bargain",
    "chord", "balance", "note", "tone", "pose", "compromise", "rhythm", "drum", "retreat", "path",
    "corruption", "poverty", "inflation", "disease", "virus", "cancer", "illness", "addiction",
    "economy", "competition", "heat", "rush", "clock",
    "mood", "silence", "appetite", "idea",
    "notion", "suggestion", "speculation", "rumour", "rumor", "talk", "bill", "motion", "amendment",
    "legislation", "gas", "brake", "accelerator", "pedal", "throttle", "road", "nerve", "button", "snooze",
    "attention", "imagination", "heart", "interest", "spotlight",  # "captured the nation's attention"
    "slump", "bottom", "stride", "ceiling", "limit", "typewriter", "keyboard", "pavement", "warming",
    "global", "law", "rule", "regulation", "regulations", "ban", "measure", "requirement", "mandate", "statute",
    "decline", "spread", "growth", "trend", "erosion", "deterioration", "slide", "drift",  # "arrest the decline"
})
# What an attack or assault can be "on" without violence: "another assault on the law".
ABSTRACT_TARGETS = frozenset({"law", "right", "rights", "freedom", "freedoms", "democracy", "constitution", "science",
                              "truth", "press", "liberty", "values", "reason", "decency", "privacy", "environment",
                              "act", "rule", "regulation", "dignity", "faith", "intelligence", "integrity"})
# Papers signed by one hand: no agreement between sides ("signed a memorandum", "signed the bill").
SIGNED_PAPERS = frozenset({"memorandum", "order", "bill", "law", "decree", "legislation", "petition", "letter",
                           "autograph", "book", "copy", "copies", "card", "cheque", "check", "form", "waiver",
                           "executive", "proclamation", "budget", "condolence", "register", "guestbook"})
# "an explosion of anger", "an outburst of grief": a feeling, not a blast.
FEELINGS = frozenset({"anger", "rage", "fury", "grief", "emotion", "joy", "frustration", "outrage", "laughter",
                      "enthusiasm", "creativity", "colour", "color", "sound"})
# "she hit her head on the pavement as she fell": one's own body against the ground is a fall.
BODY_PARTS = frozenset({"head", "face", "knee", "leg", "arm", "hand", "back", "shoulder", "hip", "elbow"})
GROUND_WORDS = frozenset({"ground", "pavement", "floor", "curb", "kerb", "road", "sidewalk", "wall", "concrete",
                          "steps", "stairs", "rock", "ice"})
# Objects that are words or decisions: attacking one is criticism ("attacked the plan"), a
# statement, not an ACLED attack; any other violent verb on one is a figure of speech
# ("killed the bill", "shot down the proposal").
SPEECH_OBJECTS = frozenset({
    "plan", "proposal", "policy", "bill", "law", "decision", "idea", "record", "remark", "comment",
    "statement", "speech", "budget", "report", "reform", "strategy", "approach", "stance", "claim",
    "handling", "move", "deal", "ruling", "verdict", "response", "leadership", "performance",
    "credibility", "rhetoric", "argument", "agenda", "programme", "program", "initiative", "motion",
    "manifesto", "platform",
})
# Verbs whose figurative use on words is criticism.
CRITICISM_VERBS = frozenset({"attack", "assault", "strike", "hit", "blast"})
# Players and lines of a team: torching or destroying them is sport when a word of sport is near
# ("the striker torched the defence"); troops attacking a town's defences are no sport.
SPORT_OBJECTS = frozenset({"defence", "defense", "defender", "goalkeeper", "keeper", "backline", "midfield"})
# Particles that turn a violent verb into an idiom ("struck out on his own", "struck up a talk").
IDIOM_PARTICLES = frozenset({("strike", "out"), ("strike", "up"), ("hit", "back"), ("hit", "off"),
                             ("wound", "down"), ("wind", "down"), ("wound", "up"), ("wind", "up"),
                             ("beat", "out"), ("fight", "back"), ("fight", "off")})
# Doers that cannot commit violence: prices, policies, crises, films. "The new tariffs hit
# exporters", "the scandal destroyed him", "the film bombed at the box office".
FIGURATIVE_SUBJECTS = frozenset({
    "tariff", "tax", "inflation", "price", "cost", "sanction", "scandal", "crisis", "recession",
    "downturn", "pandemic", "shortage", "criticism", "decision", "policy", "cut", "news", "rate",
    "film", "movie", "show", "album", "play", "musical", "series", "single", "book", "sequel",
    "launch", "debut", "product", "ipo", "revelation", "controversy", "defeat", "loss", "affair",
    "report", "ruling", "verdict", "rule", "law", "reform", "budget", "slump", "tragedy", "blow", "setback",
    "concern", "fear", "worry", "uncertainty", "slump",  # "strike concerns are hitting everyone"
    "bonfire", "candle", "flame",  # "bonfires that burn through the night": no one's violence
})
# What can be taken away without anyone being abducted ("believe it was taken away by the attackers").
THING_PRONOUNS = frozenset({"it", "this", "that"})
# Things published, not people set free: "released a video", "freed up funds" is no release of captives.
PUBLISHED_OBJECTS = frozenset({
    "video", "footage", "tape", "recording", "audio", "image", "photo", "photograph", "picture", "statement",
    "report", "message", "letter", "document", "book", "album", "film", "data", "detail", "figure", "result",
    "list", "finding", "transcript", "communique", "declaration", "information", "update", "version", "fund",
})


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _objects(verb: Token, entry: LexEntry) -> list[Token]:
    """The things a verb acts on: its object (or passive subject) and any coordinated with it.
    A word of the trigger's own phrase is no object ("set fire", "opened fire")."""
    direct = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and _lemma(c) not in entry.pattern]
    return [*direct, *(g for d in direct for g in d.conjuncts)]


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _is_word_of(tok: Token, words: frozenset[str]) -> bool:
    return _lemma(tok) in words or tok.lower_ in words


def figurative(trigger: Trigger) -> bool:
    """Whether a violent verb is used in a figurative or non-violent sense: it acts on an idea, a
    prospect or a contest ("destroyed his chances", "beat the odds", "killing time"), a release
    publishes something ("released a video"), forms an idiom
    with its particle ("struck out on his own"), or its doer cannot commit violence ("the new
    tariffs hit exporters", "the film bombed at the box office")."""
    head = trigger.head
    if head.pos_ in VERB_TAGS and _lemma(head) == "disappear" and not any(c.dep_ == "auxpass" for c in head.children):
        return not _went_missing(head)  # "fighters disappearing back into the tunnels", "Page disappeared from the public eye"
    if head.pos_ in VERB_TAGS and trigger.entry.mode == "abduction":
        taken = _objects(head, trigger.entry)
        return bool(taken) and all(o.lower_ in THING_PRONOUNS for o in taken)
    if head.pos_ in VERB_TAGS and trigger.entry.mode == "release":
        published = _objects(head, trigger.entry)
        return bool(published) and all(_is_word_of(o, PUBLISHED_OBJECTS) for o in published)
    if trigger.entry.type == "AGREE" and head.pos_ in VERB_TAGS and _legal_step(head, trigger.entry):
        return True  # "signed a confession", "agreed to plead guilty": a defendant's step, no agreement
    if trigger.entry.type == "AGREE" and head.pos_ in VERB_TAGS and _signed_alone(head, trigger.entry):
        return True  # "the president signed a memorandum", "experts sign off on it": no sides agreeing
    if trigger.entry.type in GUARDED_TYPES and head.pos_ in NOUN_TAGS and any(
            c.dep_ == "prep" and c.lower_ in {"on", "against"} and any(
                g.dep_ == "pobj" and _is_word_of(g, ABSTRACT_TARGETS) for g in c.children) for c in head.children):
        return True  # "another assault on the law", "an attack on press freedom"
    if trigger.entry.type in GUARDED_TYPES and _at_heart(head):
        return True  # "strikes at the heart of the act", "hits closer to home"
    if trigger.entry.type in GUARDED_TYPES and head.pos_ in NOUN_TAGS and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(_is_word_of(g, FEELINGS) for g in c.children)
            for c in head.children):
        return True  # "we saw an explosion of anger from the youth"
    if trigger.entry.pattern == ("demonstrate",) and head.pos_ in VERB_TAGS and any(
            c.dep_ in {"dobj", "ccomp"} for c in head.children):
        return True  # "this strike demonstrates the pressure on ISIL": shows, no protest
    if head.lower_ == "arresting" and head.dep_ in {"amod", "advmod", "compound", "acomp"}:
        return True  # "an arresting looking actor": striking, nobody detained
    if _cyber(trigger):
        return True  # "the Sony hacking scandal", "hacked into the servers": computers, not people
    if trigger.entry.type not in GUARDED_TYPES or head.pos_ not in VERB_TAGS:
        return False
    if trigger.entry.pattern == ("execute",):
        carried = _objects(head, trigger.entry)
        if carried and all(_is_word_of(o, EXECUTED_TASKS) for o in carried):
            return True  # "officers executed a search warrant": carried out, nobody put to death
    if _hit_own_body(head, trigger.entry):
        return True
    lemmas = set(lemma_candidates(head)[:2]) | set(trigger.entry.pattern[:1])
    if any((lem, c.lower_) in IDIOM_PARTICLES for lem in lemmas for c in head.children if c.dep_ == "prt"):
        return True
    objects = _objects(head, trigger.entry)
    if objects and all(_is_word_of(o, FIGURATIVE_OBJECTS | SPEECH_OBJECTS) for o in objects):
        return True
    if objects and all(_is_word_of(o, SPORT_OBJECTS) for o in objects) and sport_words(head.sent):
        return True
    subject = _subject(head)
    if subject is not None and subject.lower_ in {"that", "which"} and head.dep_ == "relcl":
        subject = head.head  # "bonfires that burn": the bonfires
    if subject is None and head.dep_ in {"acl", "relcl"} and head.head.pos_ in NOUN_TAGS:
        subject = head.head  # "the worst tragedy ever to hit our town"
    if subject is not None and subject.pos_ in NOUN_TAGS and _is_word_of(subject, FIGURATIVE_SUBJECTS):
        return True
    return "box office" in head.sent.text.lower()


# What is carried out, not put to death: "executed a search warrant", "executed the plan".
EXECUTED_TASKS = frozenset({"warrant", "order", "plan", "search", "contract", "strategy", "task", "trade", "command",
                            "manoeuvre", "maneuver", "will", "transaction", "programme", "program", "policy", "move",
                            "play", "agreement", "deal", "instruction", "directive", "mission", "project", "code"})


# What is hacked without a blade: "hacked the email account", "the phone hacking scandal".
CYBER_OBJECTS = frozenset({"computer", "account", "email", "e-mail", "phone", "system", "network", "website", "site",
                           "server", "database", "data", "device", "camera", "password", "software", "accounts",
                           "emails", "computers", "systems", "networks", "servers"})


def _cyber(trigger: Trigger) -> bool:
    """Whether "hack" means breaking into computers: it modifies a noun ("the hacking scandal"),
    acts on a system or goes "into" one ("hacked into the servers")."""
    head = trigger.head
    if trigger.entry.pattern != ("hack",):
        return False
    if head.dep_ in {"compound", "amod", "nmod"} and head.head.pos_ in NOUN_TAGS:
        return True
    reached = [*_objects(head, trigger.entry), *(g for c in head.children if c.dep_ == "prep" and c.lower_ == "into"
                                                 for g in c.children if g.dep_ == "pobj")]
    return bool(reached) and all(_is_word_of(o, CYBER_OBJECTS) or any(_is_word_of(g, CYBER_OBJECTS) for g in o.children
                                                                      if g.dep_ == "compound") for o in reached)


# What a defendant signs or agrees to in a case: steps of a trial, not agreements between parties.
LEGAL_STEPS = frozenset({"confession", "plea", "guilty", "statement", "waiver", "bail", "bond", "testify", "plead",
                         "cooperate", "extradition", "sentence", "probation"})


def _legal_step(verb: Token, entry: LexEntry) -> bool:
    """Whether an agreeing verb's object or complement is a step of a court case."""
    done = [*_objects(verb, entry), *(c for c in verb.children if c.dep_ == "xcomp")]
    return bool(done) and all(_is_word_of(o, LEGAL_STEPS) or any(_is_word_of(g, LEGAL_STEPS) for g in o.children)
                              for o in done)


def _signed_alone(verb: Token, entry: LexEntry) -> bool:
    """Whether a signing is one hand's: "sign off on", "sign up", or a paper nobody signs with
    another side ("signed a memorandum", "signed the bill into law")."""
    if _lemma(verb) != "sign":
        return False
    if any(c.dep_ == "prt" and c.lower_ in {"off", "up", "on"} for c in verb.children):
        return True
    papers = _objects(verb, entry)
    return bool(papers) and all(_is_word_of(o, SIGNED_PAPERS) for o in papers)


def _at_heart(verb: Token) -> bool:
    """"strikes at the heart of", "hits (closer to) home": a blow to an idea or a feeling."""
    for c in verb.children:
        hearts = [g for g in c.children if _lemma(g) == "heart"] if c.dep_ == "prep" and c.lower_ == "at" else []
        wholes = [p for h in hearts for o in h.children if o.dep_ == "prep" and o.lower_ == "of"
                  for p in o.children if p.dep_ == "pobj"]
        if any(p.ent_type_ == "LAW" or _is_word_of(p, ABSTRACT_TARGETS | SPEECH_OBJECTS | FIGURATIVE_OBJECTS)
               for p in wholes):
            return True  # "strikes at the heart of the Clean Air Act"; not "of the rebel stronghold"
        if c.dep_ in {"advmod", "npadvmod", "dobj"} and (c.lower_ == "home" or any(
                g.lower_ == "home" for g in c.subtree)):
            return True
    return False


MISSING_PEOPLE = frozenset({"journalist", "reporter", "activist", "man", "woman", "boy", "girl", "worker", "lawyer",
                            "photographer", "student", "teacher", "priest", "doctor", "blogger", "dissident", "child"})


def _went_missing(verb: Token) -> bool:
    """Whether an active "disappear" tells a person going missing ("Mr Ostrander disappeared in
    Syria in 2014"), not a thing or a fighter going out of sight, nor a star leaving the
    limelight ("disappeared from the public eye", "for decades")."""
    subject = _subject(verb)
    if subject is None or not (subject.ent_type_ == "PERSON" or _lemma(subject) in MISSING_PEOPLE):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in {"from", "for"} for c in verb.children)


def _hit_own_body(verb: Token, entry: LexEntry) -> bool:
    """"She hit her head on the pavement": a body part of one's own against the ground."""
    parts = [o for o in _objects(verb, entry) if _is_word_of(o, BODY_PARTS)
             and any(c.dep_ == "poss" and c.lower_ in {"his", "her", "their", "my"} for c in o.children)]
    grounds = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "against", "onto"}
               for g in c.children if g.dep_ == "pobj" and _is_word_of(g, GROUND_WORDS)]
    return bool(parts) and bool(grounds)


def as_criticism(trigger: Trigger) -> Trigger | None:
    """A verbal attack read as what it is, criticism ("the senator attacked the proposal"), or
    None when the trigger is no attack on words. Its words are a statement (modality ``stated``)."""
    head = trigger.head
    if head.pos_ not in VERB_TAGS or not CRITICISM_VERBS & set(lemma_candidates(head)[:2]):
        return None
    objects = _objects(head, trigger.entry)
    if not objects or not all(_is_word_of(o, SPEECH_OBJECTS) for o in objects):
        return None
    entry: LexEntry | None = load_ontology().single("criticize", "verb")
    return Trigger(head, trigger.start, trigger.end, entry) if entry is not None else None

