"""Contradictions grouped into disputes, the story report's positions, and the tie a shown
contradiction needs."""

import pytest
from hypothesis import given, strategies as st

from crosswire.compare.disputes import assign_disputes
from crosswire.compare.questions import UNTIED_CEILING, Footing, confidence
from crosswire.records import Relation
from crosswire.story_report import disputes


def _rel(rid, a, b, conf=0.6, type_="contradicts"):
    return Relation(rid, "s", type_, [a, b], "", "", confidence=conf)


SIDES = {"a1": "Kestria", "a2": "Kestria", "b1": "Varnia", "b2": "Monitors", "c1": "Kestria", "c2": "Varnia"}


def test_one_question_between_sides_is_one_dispute_and_another_question_is_another():
    rels = [_rel("r1", "a1", "b1"), _rel("r2", "a2", "b2"), _rel("r3", "c1", "c2"), _rel("r4", "a1", "b2", type_="supports")]
    terms = {"r1": frozenset({"@rebels"}), "r2": frozenset({"@rebels"}), "r3": frozenset({"#dead"}), "r4": frozenset()}
    out = assign_disputes("s", rels, terms, SIDES)
    assert out[0].dispute == out[1].dispute  # Kestria against two others on the same name
    assert out[2].dispute and out[2].dispute != out[0].dispute  # a toll is another question
    assert out[3].dispute == ""  # a support is no dispute


def test_one_term_without_a_shared_side_or_claim_is_two_disputes():
    rels = [_rel("r1", "a1", "b1"), _rel("r2", "x", "y")]
    out = assign_disputes("s", rels, {"r1": frozenset({"@rebels"}), "r2": frozenset({"@rebels"})}, SIDES)
    assert out[0].dispute != out[1].dispute


def test_a_dispute_id_comes_from_its_most_confident_relation_whatever_the_order():
    rels = [_rel("r1", "a1", "b1", 0.55), _rel("r2", "a2", "b2", 0.8)]
    terms = {"r1": frozenset({"@rebels"}), "r2": frozenset({"@rebels"})}
    forward = assign_disputes("s", rels, terms, SIDES)
    backward = assign_disputes("s", rels[::-1], terms, SIDES)
    assert forward[0].dispute == backward[0].dispute


@given(st.lists(st.tuples(st.sampled_from(sorted(SIDES)), st.sampled_from(sorted(SIDES)),
                          st.sampled_from(["@rebels", "#dead", "civilian"])), max_size=12))
def test_relations_sharing_a_term_and_a_claim_always_share_a_dispute(pairs):
    rels = [_rel(f"r{i}", a, b) for i, (a, b, _) in enumerate(pairs)]
    terms = {f"r{i}": frozenset({t}) for i, (_, _, t) in enumerate(pairs)}
    out = assign_disputes("s", rels, terms, {})
    for x in out:
        assert x.dispute
        for y in out:
            if terms[x.id] == terms[y.id] and set(x.claims) & set(y.claims):
                assert x.dispute == y.dispute


def _row(rid, a, b, answers, conf, dispute="d1", question="targeted the rebels, or not?"):
    side = lambda c: {"id": c, "doc": "doc", "speaker": c.upper(), "side": SIDES.get(c), "text": f"text {c}", "outlet": "o"}
    return {"id": rid, "type": "contradicts", "about": "", "reason": f"polarity: {answers[0]} vs {answers[1]}",
            "score": conf, "question": question, "answers": answers, "independent": True, "confidence": conf,
            "dispute": dispute, "a": side(a), "b": side(b)}


def test_report_puts_each_claim_on_the_position_it_takes():
    rows = [_row("r1", "a1", "b1", ["rebels", "not rebels"], 0.8),
            _row("r2", "b2", "a2", ["not rebels", "rebels"], 0.7),
            _row("r3", "a1", "b2", ["rebels", "not rebels"], 0.6),
            _row("r9", "c1", "c2", ["3", "12"], 0.55, dispute="d2", question="how many dead?")]
    got = disputes(rows)
    assert [d["id"] for d in got] == ["d1", "d2"]
    first = got[0]
    assert first["pairs"] == 3 and first["question"] == "targeted the rebels, or not?"
    by_answer = {p["answer"]: {c["id"] for c in p["claims"]} for p in first["positions"]}
    assert by_answer == {"rebels": {"a1", "a2"}, "not rebels": {"b1", "b2"}}


def test_a_contradiction_nothing_ties_to_one_question_is_held_back():
    loose = confidence("polarity", "contradicts", 0.95, Footing(named=True, typed=True))
    assert loose <= UNTIED_CEILING < 0.5
    assert confidence("polarity", "contradicts", 0.95, Footing(one_event=True)) > 0.5
    assert confidence("polarity", "contradicts", 0.95, Footing(opponents=True, typed=True)) > 0.5
    # Opposed sides over an untyped word ("not harmed") are no tie.
    assert confidence("polarity", "contradicts", 0.95, Footing(opponents=True, typed=False)) <= UNTIED_CEILING
    # Supports are not affected by the tie.
    assert confidence("same claim", "supports", 0.95, Footing()) > 0.5


def test_a_polarity_tied_only_by_opposed_sides_is_held_back():
    assert confidence("polarity", "contradicts", 0.95, Footing(opponents=True, typed=True, needs_event=True)) \
        <= UNTIED_CEILING
    assert confidence("polarity", "contradicts", 0.95, Footing(one_event=True, needs_event=True)) > 0.5


def _said(cid, who, text, doc, cue="said", polarity="positive"):
    from crosswire.records import Claim, Evidence, Speaker
    return Claim(cid, doc, Speaker(who, who, None, None), [], text, False, cue, None,
                 Evidence(0, len(text), text), polarity=polarity)


@pytest.mark.parametrize("doubt", [
    "officials could not absolutely confirm that the governor of Tarsk was in the car",
    "there was nothing to suggest the governor of Tarsk was in the car",
    "there is no sign the governor of Tarsk was in the car",
])
def test_saying_one_cannot_confirm_contradicts_nothing(doubt):
    from crosswire.compare.relations import find_relations
    from crosswire.compare.stance import hashed_embed

    rels = find_relations("s", [_said("a", "Varnian army", "the governor of Tarsk was in the car", "d1"),
                                _said("b", "Kestrian ministry", doubt, "d2")], embed=hashed_embed)
    assert not [r for r in rels if r.type == "contradicts"]


def test_a_cue_that_commits_to_nothing_negates_nothing():
    from crosswire.compare.relations import find_relations
    from crosswire.compare.stance import hashed_embed

    rels = find_relations("s", [_said("a", "Varnian army", "the governor of Tarsk was wounded", "d1"),
                                _said("b", "Kestrian ministry", "the governor of Tarsk was wounded", "d2",
                                      cue="cannot confirm", polarity="negative")], embed=hashed_embed)
    assert not [r for r in rels if r.type == "contradicts"]
    denied = find_relations("s", [_said("a", "Varnian army", "the governor of Tarsk was wounded", "d1"),
                                  _said("b", "Kestrian ministry", "the governor of Tarsk was wounded", "d2",
                                        cue="denied", polarity="negative")], embed=hashed_embed)
    assert [r.type for r in denied] == ["contradicts"]  # a denial still contradicts


def test_a_reporter_and_the_outlet_they_work_for_are_one_origin():
    from crosswire.compare.questions import independent
    from crosswire.records import Claim, Evidence, Speaker

    def said(who, affiliation, text, doc, chain):
        return Claim(doc, doc, Speaker(who, who, None, affiliation), chain, text, False, "said", None,
                     Evidence(0, len(text), text))

    reporter = said("Ana Brenn", "Meridian", "the border is shut", "d1", ["Wire", "Ana Brenn"])
    outlet = said("Meridian", None, "nobody can cross now", "d2", ["Paper", "Meridian"])
    assert independent(reporter, outlet) is False
    other = said("Ana Brenn", "Kestria's ministry", "the border is shut", "d1", ["Wire", "Ana Brenn"])
    assert independent(other, outlet) is True


def test_a_dispute_is_asked_and_answered_in_its_slots_own_words_before_a_denials():
    rows = [_row("r1", "a1", "b1", ["rebels", "not rebels"], 0.6),
            {**_row("r2", "a2", "b1", ["no (baseless)", "yes: not rebels"], 0.8, question="is it so that not rebels?"),
             "reason": 'denial: "baseless" vs "not rebels"'},
            {**_row("r3", "a2", "b2", ["no (baseless)", "yes: not rebels"], 0.7, question="is it so that not rebels?"),
             "reason": 'denial: "baseless" vs "not rebels"'}]
    (got,) = disputes(rows)
    assert got["question"] == "targeted the rebels, or not?"
    assert {p["answer"] for p in got["positions"]} == {"rebels", "not rebels"}
