"""The event ontology (PLOVER types and modes, triggers, ACLED mapping) read from data files.

The trigger lexicon lives in ``crosswire/data/ontology.tsv`` and the CAMEO → PLOVER table in
``crosswire/data/cameo_plover.tsv``: both are data, edited without touching code. What is
code here is the handful of ACLED refinements that depend on who acted on whom rather than
on the trigger word, each a small named rule.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from crosswire.identity_cache import by_identity

PLOVER_TYPES = frozenset(
    {
        "ASSAULT", "FIGHT", "COERCE", "PROTEST", "MOBILIZE", "THREATEN", "ACCUSE", "DEMAND",
        "REQUEST", "REJECT", "AGREE", "CONSULT", "COOPERATE", "AID", "SUPPORT", "CONCEDE",
        "RETREAT", "SANCTION", "DISAPPROVE", "OTHER",
    }
)
# crosswire's own types, outside PLOVER, for deaths that are no political event: DISASTER (a
# natural hazard: earthquake, flood, storm, landslide, wildfire, drought, eruption, tsunami)
# and ACCIDENT (a crash, collapse, accidental fire or stampede). ACLED has no category for
# them, so a row of these types may carry no ACLED mapping, and their events none; they are
# given by ``extract/events/disasters.py`` to violent triggers whose cause is nature or an accident.
EXTENSION_TYPES = frozenset({"DISASTER", "ACCIDENT"})
EVENT_TYPES = PLOVER_TYPES | EXTENSION_TYPES

# The 25 ACLED sub-event types by event type (ACLED codebook, 2019 onward).
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}

VIOLENT_TYPES = frozenset({"ASSAULT", "FIGHT"})
# Killings of captives: an attack on someone who can no longer fight back ("executed two of
# their own fighters" is no battle).
EXECUTION_WORDS = frozenset({"execute", "execution", "behead", "beheading"})
# Modes about territory changing hands: the object must be a place, not a thing.
TERRITORY_MODES = frozenset({"occupy", "transfer", "withdraw"})
# Party kinds on the side of a state: their territorial gains are "Government regains
# territory", their attacks on protesters are "Excessive force".
STATE_KINDS = frozenset({"state", "military", "police", "government"})
# Parties whose agreements ACLED records: states, armed groups and international bodies.
AGREEING_KINDS = frozenset({"state", "military", "police", "government", "armed group", "IGO"})
# Party kinds that fight back: an attack on them is a battle, not violence against civilians.
ARMED_KINDS = frozenset({"military", "police", "armed group"})
# Modes whose ACLED sub-type is fixed by the weapon, whoever the target.
REMOTE_MODES = frozenset({"aerial", "shelling", "explosive", "suicide bomb", "grenade", "chemical"})
# Triggers of looting: by a mob or in a riot they are mob violence, not a strategic development.
LOOT_WORDS = frozenset({"loot", "looting", "plunder", "pillage", "ransack"})
# Modes whose ACLED sub-type depends on the target (firearms/generic attack).
TARGET_DEPENDENT_MODES = frozenset({None, "", "firearms"})


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One trigger of the lexicon: its words, part of speech, PLOVER type/mode and ACLED default."""

    pattern: tuple[str, ...]  # lowercase lemmas
    pos: str  # verb | noun | any
    type: str
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    flags: frozenset[str]

    @property
    def key(self) -> str:
        """A unique name for matchers ("air strike|noun")."""
        return " ".join(self.pattern) + "|" + self.pos

    @property
    def acled(self) -> dict[str, str] | None:
        """The default ACLED mapping, or None when ACLED has no category for this trigger."""
        if not self.acled_event_type:
            return None
        return {"event_type": self.acled_event_type, "sub_event_type": self.acled_sub_event_type or ""}


@dataclass(frozen=True, slots=True)
class Ontology:
    """The trigger lexicon, indexed by head lemma for single words."""

    entries: tuple[LexEntry, ...]

    def single(self, lemma: str, pos: str) -> LexEntry | None:
        """The one-word entry for a lemma used as ``pos`` ("verb"/"noun"), or None."""
        for entry in _indexes(self)[0].get(lemma, ()):
            if entry.pos in (pos, "any"):
                return entry
        return None

    def multiword(self) -> list[LexEntry]:
        """Entries of two or more words, longest first (so "suicide car bomb" beats "car bomb")."""
        return list(_indexes(self)[1])


@by_identity
def _indexes(ontology: Ontology) -> tuple[dict[str, tuple[LexEntry, ...]], tuple[LexEntry, ...]]:
    """Its one-word entries by lemma in lexicon order, and its entries of several words longest
    first: every token of every sentence is looked up, so they are built once per ontology."""
    index: dict[str, list[LexEntry]] = {}
    for entry in ontology.entries:
        if len(entry.pattern) == 1:
            index.setdefault(entry.pattern[0], []).append(entry)
    several = tuple(sorted((e for e in ontology.entries if len(e.pattern) > 1), key=lambda e: -len(e.pattern)))
    return {k: tuple(v) for k, v in index.items()}, several


def _read_rows(text: str, source: str, ncols: int) -> list[list[str]]:
    rows = []
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if not header_seen:  # the first non-comment line names the columns
            header_seen = True
            continue
        if len(cols) < ncols - 1:
            raise ValueError(f"{source}:{n}: expected {ncols} tab-separated columns, got {len(cols)}")
        rows.append(cols + [""] * (ncols - len(cols)))
    return rows


def parse_ontology(text: str, source: str = "<ontology>") -> Ontology:
    """Parse ontology TSV text (``pattern, pos, type, mode, acled_event_type, acled_sub_event_type, flags``).

    Raises:
        ValueError: a row is malformed, names an unknown type (PLOVER or ``EXTENSION_TYPES``) or an
            unknown ACLED pair, or maps an extension type to ACLED.
    """
    entries = []
    for pattern, pos, type_, mode, acled_type, acled_sub, flags in _read_rows(text, source, 7):
        if type_ not in EVENT_TYPES or pos not in {"verb", "noun", "any"}:
            raise ValueError(f"{source}: bad type/pos in row {pattern!r}: {type_!r}/{pos!r}")
        if type_ in EXTENSION_TYPES and acled_type:
            raise ValueError(f"{source}: {type_} is no conflict event and has no ACLED mapping (row {pattern!r})")
        if acled_type and acled_sub not in ACLED_TYPES.get(acled_type, ()):
            raise ValueError(f"{source}: unknown ACLED pair in row {pattern!r}: {acled_type}/{acled_sub}")
        entries.append(
            LexEntry(
                pattern=tuple(pattern.lower().split()),
                pos=pos,
                type=type_,
                mode=mode or None,
                acled_event_type=acled_type or None,
                acled_sub_event_type=acled_sub or None,
                flags=frozenset(f.strip() for f in flags.split(",") if f.strip()),
            )
        )
    return Ontology(tuple(entries))


@functools.lru_cache(maxsize=4)
def load_ontology(path: str | None = None) -> Ontology:
    """The ontology at ``path``, or the one shipped in ``crosswire/data/ontology.tsv``.

    Example:
        >>> load_ontology().single("airstrike", "noun").mode
        'aerial'
    """
    if path:
        return parse_ontology(Path(path).read_text(encoding="utf-8"), path)
    data = resources.files("crosswire").joinpath("data/ontology.tsv")
    return parse_ontology(data.read_text(encoding="utf-8"), "crosswire/data/ontology.tsv")


@dataclass(frozen=True, slots=True)
class CameoRow:
    """One row of the CAMEO → PLOVER table."""

    code: str
    plover: str
    also: frozenset[str]


@functools.lru_cache(maxsize=2)
def load_cameo_plover(path: str | None = None) -> dict[str, CameoRow]:
    """CAMEO code prefix → row, from ``path`` or the bundled ``data/cameo_plover.tsv``."""
    if path:
        text, source = Path(path).read_text(encoding="utf-8"), path
    else:
        text = resources.files("crosswire").joinpath("data/cameo_plover.tsv").read_text(encoding="utf-8")
        source = "crosswire/data/cameo_plover.tsv"
    table = {}
    for code, plover, also, _label in _read_rows(text, source, 4):
        table[code] = CameoRow(code, plover, frozenset(a for a in also.split(",") if a))
    return table


def cameo_to_plover(code: str, table: dict[str, CameoRow] | None = None) -> CameoRow | None:
    """The PLOVER row for a CAMEO event code, by longest matching prefix.

    Example:
        >>> cameo_to_plover("042").plover, cameo_to_plover("190").plover
        ('CONSULT', 'FIGHT')
    """
    table = table if table is not None else load_cameo_plover()
    digits = "".join(ch for ch in code if ch.isdigit())
    for n in range(len(digits), 1, -1):
        row = table.get(digits[:n])
        if row is not None:
            return row
    return None


# --- ACLED refinements that depend on context, not the trigger -----------------------------


@dataclass(frozen=True, slots=True)
class Context:
    """What the rules look at: the parties' kinds and cues found around the trigger."""

    actor_kind: str | None = None
    target_kind: str | None = None
    actor_is_protesters: bool = False
    target_is_protesters: bool = False
    target_is_place: bool = False
    intervention: bool = False  # police dispersed/arrested/tear-gassed protesters nearby
    protesters_killed: bool = False
    violent: bool = False  # protesters burned, looted, threw stones, clashed
    aerial_cue: bool = False  # jets, warplanes, aircraft, helicopters, drones in the sentence
    chemical_cue: bool = False  # chlorine, sarin, toxic gas in the sentence
    actor_is_aerial: bool = False  # the actor is an aircraft ("warplanes bombarded")
    actor_is_demonstrators: bool = False  # protesters, demonstrators, supporters (not a crowd or mob)
    weapon_neutralized: bool = False  # the explosive is the object of defuse/destroy/discover
    target_is_person: bool = False  # the object is people, not a place ("seized 300 schoolboys")
    target_is_weapon: bool = False  # the object is arms ("seized a cache of rifles")
    unopposed: bool = False  # "entered the town unopposed", "without a fight"
    accidental: bool = False  # "an accidental explosion at an ammunition depot"
    rioting: bool = False  # a riot is told: rioters, looters, a mob or youths act, or the sentence says riot
    peace_cue: bool = False  # the sentence names a ceasefire, a truce, peace or an exchange of prisoners
    protest_cue: bool = False  # the sentence names a protest, a demonstration, protesters or a riot's missiles
    armed_cue: bool = False  # the sentence names an armed group's men ("gunmen", "rebels", "militants")


def _state_against_unarmed(ctx: Context) -> bool:
    """One side of a clash is the state's forces and the other no armed party (named or not)."""
    if ctx.armed_cue and None in (ctx.actor_kind, ctx.target_kind):
        return False  # "clashed with gunmen who had fired on a march": the other side may be armed, unparsed
    return (ctx.actor_kind in STATE_KINDS and ctx.target_kind not in ARMED_KINDS) or (
        ctx.target_kind in STATE_KINDS and ctx.actor_kind not in ARMED_KINDS)


def refine_acled(entry: LexEntry, mode: str | None, ctx: Context) -> tuple[str | None, dict[str, str] | None]:
    """The mode and ACLED mapping of an event once its parties and cues are known.

    Rules (each one line below, in order):
      * a generic strike/attack with an aerial cue (jets, warplanes, drones) is an air strike;
      * remote-violence modes keep their weapon sub-type whoever the target;
      * firearms/generic attacks on armed parties (military, police, armed group) are
        ``Battles/Armed clash``, on anyone else ``Violence against civilians/Attack``;
      * a clash whose parties include protesters, or a clash of nobody named beside a protest
        ("clashes broke out following a day of demonstrations"), is ``Riots/Violent demonstration``;
      * territory taken by a state-side actor is ``Government regains territory``, by anyone
        else ``Non-state actor overtakes territory`` (unknown actor: the verb decides);
      * a protest with violence is ``Riots/Violent demonstration``; with protesters killed by a
        state-side actor (or killed at all while police intervene) ``Excessive force``; with
        police intervention ``Protest with intervention``;
      * a killing by a mob is ``Riots/Mob violence``, and so is a beating, stoning or lynching
        by civilians who are not demonstrators, and a fight between groups of civilians;
      * an explosive defused, destroyed or detonated by state forces is ``Disrupted weapons use``;
      * a seizure ("seized", "captured") of people rather than a place is an abduction;
      * a shelling verb whose actor is an aircraft ("warplanes pounded") is an air strike;
      * an explosion called accidental is ``Strategic developments/Other``, not an attack;
      * arms seized ("seized a cache of rifles") are ``Disrupted weapons use``;
      * territory taken unopposed, or a place surrendered, is ``Non-violent transfer of territory``;
      * property burned or looted by a mob is ``Riots/Mob violence``, and so is looting where a
        riot is told (ACLED's codebook keeps ``Looting/property destruction`` for looting
        outside other violence);
      * a clash of civilians or a mob with police or soldiers is a riot, not a battle, and so is a
        clash of the state's forces with no armed party where the sentence names a protest;
      * an execution or beheading is violence against the captive, whoever the captive fought for;
      * a fight of one named person with another or with nobody named ("the employee fought with
        the thief") is a brawl: no ACLED event (battles are fought by armed groups);
      * missiles thrown by a mob are ``Mob violence``;
      * an agreement that names no state, armed group or international body and no ceasefire,
        peace or exchange ("agreed to forfeit his bonus") has no ACLED code.
    """
    acled = entry.acled
    if acled is not None and acled["sub_event_type"] == "Agreement" and mode != "ceasefire" and not ctx.peace_cue \
            and not {ctx.actor_kind, ctx.target_kind} & AGREEING_KINDS:
        return mode, None  # "agreed to forfeit his bonus", "the supply deal signed last year": nobody in a conflict
    if entry.type == "ASSAULT" and mode == "explosive" and ctx.accidental:
        return "accident", {"event_type": "Strategic developments", "sub_event_type": "Other"}
    if entry.type == "FIGHT" and mode == "occupy" and "territory" in entry.flags and ctx.target_is_weapon:
        return "disrupt weapons", {"event_type": "Strategic developments", "sub_event_type": "Disrupted weapons use"}
    if (entry.type == "FIGHT" and mode == "occupy" and ctx.unopposed) or (
        entry.type == "CONCEDE" and mode == "surrender" and ctx.target_is_place
    ):
        return "transfer", {"event_type": "Strategic developments", "sub_event_type": "Non-violent transfer of territory"}
    if entry.type == "ASSAULT" and mode == "explosive" and ctx.weapon_neutralized and ctx.actor_kind in STATE_KINDS:
        return "disrupt weapons", {"event_type": "Strategic developments", "sub_event_type": "Disrupted weapons use"}
    if entry.type == "FIGHT" and mode == "occupy" and "territory" in entry.flags and ctx.target_is_person:
        return "abduction", {"event_type": "Violence against civilians", "sub_event_type": "Abduction/forced disappearance"}
    if entry.type == "ASSAULT" and mode == "shelling" and ctx.actor_is_aerial:
        mode = "aerial"  # "warplanes bombarded a residential block"
    if entry.type == "ASSAULT" and ctx.chemical_cue:
        mode = "chemical"  # the agent decides, whatever delivered it (barrel bomb, shell)
    if entry.type == "ASSAULT" and mode in TARGET_DEPENDENT_MODES and ctx.aerial_cue:
        mode = "aerial"
    if entry.type == "ASSAULT" and mode in REMOTE_MODES:
        sub = {
            "aerial": "Air/drone strike", "shelling": "Shelling/artillery/missile attack",
            "explosive": "Remote explosive/landmine/IED", "suicide bomb": "Suicide bomb",
            "grenade": "Grenade", "chemical": "Chemical weapon",
        }[mode]
        return mode, {"event_type": "Explosions/Remote violence", "sub_event_type": sub}
    unarmed_actor = ctx.actor_kind not in STATE_KINDS | ARMED_KINDS | {"mob"}
    if entry.type == "ASSAULT" and mode == "beating" and ctx.actor_kind in {"mob", "civilians"} and not ctx.actor_is_demonstrators:
        return mode, {"event_type": "Riots", "sub_event_type": "Mob violence"}  # a crowd beats, stones, lynches
    if entry.type == "ASSAULT" and unarmed_actor and (
        ctx.actor_is_protesters or (ctx.violent and ctx.actor_kind is not None)
    ):
        return mode, {"event_type": "Riots", "sub_event_type": "Violent demonstration"}
    if entry.type == "ASSAULT" and ctx.actor_kind == "mob":
        return mode, {"event_type": "Riots", "sub_event_type": "Mob violence"}
    if entry.type == "ASSAULT" and ctx.target_is_protesters and ctx.actor_kind in STATE_KINDS:
        return mode, {"event_type": "Protests", "sub_event_type": "Excessive force against protesters"}
    if entry.type == "ASSAULT" and entry.pattern[0] in EXECUTION_WORDS:
        return mode, {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    if entry.type == "ASSAULT" and mode in TARGET_DEPENDENT_MODES:
        if ctx.target_kind in ARMED_KINDS:
            return mode, {"event_type": "Battles", "sub_event_type": "Armed clash"}
        return mode, {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    if entry.type == "FIGHT" and mode == "clash" and (ctx.actor_is_protesters or ctx.target_is_protesters or (
            ctx.protest_cue and ctx.actor_kind is None and ctx.target_kind is None)):
        return mode, {"event_type": "Riots", "sub_event_type": "Violent demonstration"}
    if entry.type == "FIGHT" and mode == "clash" and ctx.protest_cue and _state_against_unarmed(ctx):
        return mode, {"event_type": "Riots", "sub_event_type": "Violent demonstration"}  # "police clash with anarchists who hijacked a march"
    if entry.type == "FIGHT" and mode == "clash" and {ctx.actor_kind, ctx.target_kind} & {"civilians", "mob"} and (
        {ctx.actor_kind, ctx.target_kind} & STATE_KINDS
    ):
        return mode, {"event_type": "Riots", "sub_event_type": "Violent demonstration"}  # "youths clashed with police"
    if entry.type == "FIGHT" and mode == "clash" and ctx.actor_kind == "person" and ctx.target_kind in {None, "person"}:
        return mode, None
    if entry.type == "FIGHT" and mode == "clash" and ctx.actor_kind == "civilians" and ctx.target_kind in {None, "civilians"}:
        return mode, {"event_type": "Riots", "sub_event_type": "Mob violence"}  # villagers fighting villagers
    if entry.type == "FIGHT" and mode == "occupy":
        if ctx.actor_kind in STATE_KINDS:
            sub = "Government regains territory"
        elif ctx.actor_kind is not None:
            sub = "Non-state actor overtakes territory"
        else:
            sub = entry.acled_sub_event_type or "Non-state actor overtakes territory"
        return mode, {"event_type": "Battles", "sub_event_type": sub}
    if entry.type == "PROTEST" and mode not in {"strike", "hunger strike", "boycott"} or (
        entry.type == "PROTEST" and (ctx.intervention or ctx.violent)
    ):
        if mode == "mob" or (mode == "riot" and ctx.actor_kind == "mob"):
            return mode, {"event_type": "Riots", "sub_event_type": "Mob violence"}
        if ctx.protesters_killed:
            return mode, {"event_type": "Protests", "sub_event_type": "Excessive force against protesters"}
        if ctx.violent or mode == "riot":
            return "riot", {"event_type": "Riots", "sub_event_type": "Violent demonstration"}
        if ctx.intervention:
            return mode, {"event_type": "Protests", "sub_event_type": "Protest with intervention"}
        return mode, acled
    if entry.type == "COERCE" and mode == "arrest" and ctx.target_is_protesters:
        return mode, {"event_type": "Protests", "sub_event_type": "Protest with intervention"}
    if entry.type == "COERCE" and mode == "property" and entry.pattern[0] in LOOT_WORDS and ctx.rioting and (
        ctx.actor_kind not in STATE_KINDS | ARMED_KINDS
    ):
        return mode, {"event_type": "Riots", "sub_event_type": "Mob violence"}
    if entry.type == "COERCE" and mode == "property" and ctx.actor_kind == "mob":
        return mode, {"event_type": "Riots", "sub_event_type": "Mob violence"}
    if entry.type == "COERCE" and mode == "property" and (ctx.actor_is_protesters or ctx.actor_kind == "civilians"):
        return mode, {"event_type": "Riots", "sub_event_type": "Violent demonstration"}
    return mode, acled


def deadly_raid(ctx: Context) -> dict[str, str]:
    """A raid that killed: a battle with an armed target, an attack on anyone else (ACLED keeps
    "Strategic developments/Other" for raids and searches that harm no one)."""
    if ctx.target_kind in ARMED_KINDS:
        return {"event_type": "Battles", "sub_event_type": "Armed clash"}
    return {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
