"""Tests of the event ontology data files and the ACLED refinement rules (extract/events/ontology.py)."""

from __future__ import annotations

import pytest

from crosswire.extract.events.ontology import (
    ACLED_TYPES,
    EXTENSION_TYPES,
    PLOVER_TYPES,
    Context,
    cameo_to_plover,
    load_cameo_plover,
    load_ontology,
    parse_ontology,
    refine_acled,
)

HEADER = "pattern\tpos\ttype\tmode\tacled_event_type\tacled_sub_event_type\tflags\n"


def test_bundled_ontology_is_valid() -> None:
    ontology = load_ontology()
    assert len(ontology.entries) > 150
    assert {e.type for e in ontology.entries} <= PLOVER_TYPES
    keys = [e.key for e in ontology.entries]
    assert len(keys) == len(set(keys)), "duplicate lexicon rows"


def test_every_acled_sub_type_is_reachable() -> None:
    """Each of the 25 sub-event types is a row default or a rule's output."""
    defaults = {e.acled_sub_event_type for e in load_ontology().entries if e.acled_sub_event_type}
    by_rule = {"Armed clash", "Excessive force against protesters", "Violent demonstration", "Mob violence",
               "Protest with intervention", "Government regains territory", "Attack"}
    every = {sub for subs in ACLED_TYPES.values() for sub in subs}
    assert len(every) == 25
    assert every <= defaults | by_rule


@pytest.mark.parametrize(
    ("lemma", "pos", "type_", "mode"),
    [("airstrike", "noun", "ASSAULT", "aerial"), ("shell", "verb", "ASSAULT", "shelling"),
     ("kidnap", "verb", "ASSAULT", "abduction"), ("arrest", "verb", "COERCE", "arrest"),
     ("protest", "noun", "PROTEST", "demonstrate"), ("summon", "verb", "DISAPPROVE", "summon ambassador"),
     ("meet", "verb", "CONSULT", None)],
)
def test_single_word_lookup(lemma: str, pos: str, type_: str, mode: str | None) -> None:
    entry = load_ontology().single(lemma, pos)
    assert entry is not None and (entry.type, entry.mode) == (type_, mode)


def test_multiword_longest_first() -> None:
    patterns = [e.pattern for e in load_ontology().multiword()]
    assert patterns.index(("suicide", "car", "bomb")) < patterns.index(("car", "bomb"))


def test_extension_types_are_not_plover_and_never_acled() -> None:
    """DISASTER and ACCIDENT are crosswire's own types: accepted without, rejected with, an ACLED pair."""
    assert EXTENSION_TYPES == {"DISASTER", "ACCIDENT"} and not EXTENSION_TYPES & PLOVER_TYPES
    entry = parse_ontology(HEADER + "quake\tnoun\tDISASTER\tearthquake\t\t\t\n").entries[0]
    assert (entry.type, entry.mode, entry.acled) == ("DISASTER", "earthquake", None)
    with pytest.raises(ValueError):
        parse_ontology(HEADER + "crash\tnoun\tACCIDENT\tcrash\tViolence against civilians\tAttack\t\n")


def test_parse_rejects_unknown_type_and_acled_pair() -> None:
    with pytest.raises(ValueError):
        parse_ontology(HEADER + "zap\tverb\tZAP\t\t\t\t\n")
    with pytest.raises(ValueError):
        parse_ontology(HEADER + "zap\tverb\tASSAULT\t\tBattles\tAir/drone strike\t\n")


@pytest.mark.parametrize(
    ("code", "plover"),
    [("010", "OTHER"), ("042", "CONSULT"), ("112", "DISAPPROVE"), ("145", "PROTEST"), ("173", "COERCE"),
     ("183", "ASSAULT"), ("190", "FIGHT"), ("20", "ASSAULT")],
)
def test_cameo_roots(code: str, plover: str) -> None:
    assert cameo_to_plover(code).plover == plover


def test_cameo_table_covers_all_roots() -> None:
    assert {f"{n:02d}" for n in range(1, 21)} <= set(load_cameo_plover())


def _entry(lemma: str, pos: str = "verb"):
    """The entry for a word or phrase: as ``pos`` when there is one, else in any part of speech."""
    pattern = tuple(lemma.split())
    entries = [e for e in load_ontology().entries if e.pattern == pattern]
    entry = next((e for e in entries if e.pos in (pos, "any")), entries[0] if entries else None)
    assert entry is not None
    return entry


@pytest.mark.parametrize(
    ("lemma", "ctx", "sub"),
    [
        ("shoot", Context(actor_kind="armed group", target_kind="civilians"), "Attack"),
        ("shoot", Context(actor_kind="armed group", target_kind="military"), "Armed clash"),
        ("shoot", Context(actor_kind="police", target_kind="civilians", target_is_protesters=True),
         "Excessive force against protesters"),
        ("attack", Context(actor_kind="civilians", actor_is_protesters=True), "Violent demonstration"),
        ("capture", Context(actor_kind="armed group"), "Non-state actor overtakes territory"),
        ("capture", Context(actor_kind="military"), "Government regains territory"),
        ("recapture", Context(), "Government regains territory"),
        ("protest", Context(), "Peaceful protest"),
        ("protest", Context(intervention=True), "Protest with intervention"),
        ("protest", Context(intervention=True, protesters_killed=True), "Excessive force against protesters"),
        ("protest", Context(violent=True), "Violent demonstration"),
        ("lynch", Context(actor_kind="mob"), "Mob violence"),
        ("hit", Context(aerial_cue=True), "Air/drone strike"),
        ("attack", Context(chemical_cue=True), "Chemical weapon"),
        ("arrest", Context(actor_kind="police", target_is_protesters=True), "Protest with intervention"),
        # A crowd's beating or stoning is mob violence; demonstrators' is a violent demonstration.
        ("stone", Context(actor_kind="civilians", actor_is_protesters=True), "Mob violence"),
        ("stone", Context(actor_kind="civilians", actor_is_protesters=True, actor_is_demonstrators=True),
         "Violent demonstration"),
        ("beat", Context(actor_kind="police", target_kind="civilians"), "Attack"),
        ("clash", Context(actor_kind="civilians"), "Mob violence"),
        ("clash", Context(actor_kind="civilians", target_kind="armed group"), "Armed clash"),
        ("clash", Context(actor_kind="armed group", target_kind="military"), "Armed clash"),
        # An explosive taken out of use by state forces is disrupted, by others it is an attack.
        ("ied", Context(actor_kind="military", weapon_neutralized=True), "Disrupted weapons use"),
        ("ied", Context(actor_kind="armed group", weapon_neutralized=True), "Remote explosive/landmine/IED"),
        ("ied", Context(actor_kind="military"), "Remote explosive/landmine/IED"),
        # Seizing people is an abduction; seizing a town is territory.
        ("seize", Context(actor_kind="armed group", target_is_person=True), "Abduction/forced disappearance"),
        ("seize", Context(actor_kind="armed group"), "Non-state actor overtakes territory"),
        ("recapture", Context(actor_kind="military", target_is_person=True), "Government regains territory"),
        # A shelling verb with an aircraft as actor is an air strike.
        ("bombard", Context(actor_is_aerial=True), "Air/drone strike"),
        ("bombard", Context(actor_kind="military"), "Shelling/artillery/missile attack"),
        ("pound", Context(actor_is_aerial=True), "Air/drone strike"),
        # An accidental explosion is not an attack.
        ("explosion", Context(accidental=True), "Other"),
        ("explosion", Context(), "Remote explosive/landmine/IED"),
        # Arms seized are disrupted weapons use; a town seized is territory.
        ("seize", Context(actor_kind="military", target_is_weapon=True), "Disrupted weapons use"),
        ("seize", Context(actor_kind="military"), "Government regains territory"),
        # Territory taken unopposed or a place surrendered changes hands without a battle.
        ("capture", Context(actor_kind="armed group", unopposed=True), "Non-violent transfer of territory"),
        ("surrender", Context(target_is_place=True), "Non-violent transfer of territory"),
        ("surrender", Context(actor_kind="armed group"), "Change to group/activity"),
        # Property burned by a mob is mob violence, by protesters a violent demonstration.
        ("torch", Context(actor_kind="mob", actor_is_protesters=True), "Mob violence"),
        ("torch", Context(actor_kind="civilians", actor_is_protesters=True), "Violent demonstration"),
        # Strikes and coups without a demonstration are strategic developments.
        ("hunger strike", Context(), "Other"),
        ("seize power", Context(), "Other"),
        ("gang - rape", Context(), "Sexual violence"),
        ("live ammunition", Context(actor_kind="police", target_is_protesters=True),
         "Excessive force against protesters"),
    ],
)
def test_refine_acled_rules(lemma: str, ctx: Context, sub: str) -> None:
    entry = _entry(lemma)
    _mode, acled = refine_acled(entry, entry.mode, ctx)
    assert acled is not None and acled["sub_event_type"] == sub


def test_verbal_types_have_no_acled_mapping() -> None:
    entry = _entry("accuse")
    assert refine_acled(entry, entry.mode, Context()) == (None, None)


def test_a_brawl_of_individuals_is_no_acled_event_but_a_fight_with_police_or_a_group_is() -> None:
    entry = _entry("clash")
    assert refine_acled(entry, entry.mode, Context(actor_kind="person", target_kind="person"))[1] is None
    assert refine_acled(entry, entry.mode, Context(actor_kind="person"))[1] is None
    assert refine_acled(entry, entry.mode, Context(actor_kind="person", target_kind="police"))[1] == \
        {"event_type": "Battles", "sub_event_type": "Armed clash"}
    assert refine_acled(entry, entry.mode, Context(actor_kind="armed group"))[1]["sub_event_type"] == "Armed clash"


def test_an_execution_is_violence_against_the_captive_whoever_they_fought_for() -> None:
    for lemma in ("execute", "behead"):
        entry = _entry(lemma)
        _mode, acled = refine_acled(entry, entry.mode, Context(actor_kind="armed group", target_kind="armed group"))
        assert acled == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_a_state_attacking_an_armed_group_fights_a_battle() -> None:
    entry = _entry("attack")
    assert refine_acled(entry, entry.mode, Context(actor_kind="state", target_kind="armed group"))[1] == \
        {"event_type": "Battles", "sub_event_type": "Armed clash"}
    assert refine_acled(entry, entry.mode, Context(actor_kind="state", target_kind="civilians"))[1] == \
        {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_a_raid_that_killed_is_a_battle_or_an_attack_by_its_target() -> None:
    from crosswire.extract.events.ontology import deadly_raid

    assert deadly_raid(Context(target_kind="armed group"))["sub_event_type"] == "Armed clash"
    assert deadly_raid(Context(target_kind="civilians"))["sub_event_type"] == "Attack"


@pytest.mark.model
def test_a_raid_told_with_its_dead_is_no_search(nlp_sm) -> None:
    from crosswire.extract.events.core import find_events

    found = find_events(nlp_sm("Soldiers killed three civilians in a raid on a village near Gao on Monday."),
                        doc_id="t", published=None)
    assert {e.acled["sub_event_type"] for e in found if e.acled} == {"Attack"}
    searched = find_events(nlp_sm("Police raided a house in Gao on Monday."), doc_id="t", published=None)
    assert [e.acled["sub_event_type"] for e in searched if e.acled] == ["Other"]
