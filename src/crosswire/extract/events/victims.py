"""Who the dead were: victim categories ("36 Syrian army soldiers" are soldiers) and the
singular nouns that make "a man was killed" one death. Read by ``extract/events/fatalities.py``."""

from __future__ import annotations

import re

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
    "victim", "teen", "toddler", "schoolboy", "schoolgirl", "co-worker", "coworker", "employee", "miner", "hostage",
    "governor", "minister", "ambassador", "diplomat", "prosecutor",
})
# A named person ("Marielle Franco", "Kimani Gray"): two or three capitalised words.
NAME = r"(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})"


def victims_of(words: str) -> str | None:
    """The victim category the last category noun of ``words`` names ("36 Syrian army soldiers": soldiers)."""
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
