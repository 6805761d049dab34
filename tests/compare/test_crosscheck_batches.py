"""A story pass taken a few stories at a time finds what one taken whole finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.compare import crosscheck as crosscheck_module
from crosswire.compare.crosscheck import _batches
from crosswire.records import Story
from crosswire.run import run
from crosswire.settings import load_settings
from crosswire.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _story(name: str, size: int) -> Story:
    return Story(id=name, title=name, docs=[f"{name}-{i}" for i in range(size)], start=None, end=None, outlets=[])


def test_batches_hold_at_most_the_budget_and_keep_order():
    stories = [_story("a", 2), _story("b", 3), _story("c", 9), _story("d", 1), _story("e", 4)]
    members = {s.id: list(s.docs) for s in stories}
    cut = list(_batches(stories, members, 5))
    assert [[s.id for s in b] for b in cut] == [["a", "b"], ["c"], ["d", "e"]]  # c alone: larger than 5


def _found(store: Store) -> dict[str, object]:
    return {
        "stories": sorted((s.id, tuple(s.docs)) for s in store.stories()),
        "relations": sorted((r.id, r.story, r.type, tuple(r.claims), r.reason, r.question) for r in store.relations()),
        "happenings": sorted((h.id, h.story, h.type, h.date) for h in store.happenings()),
        "inferred": sorted((d.id, str(d.published_inferred)) for d in store.documents()),
        "event_dates": sorted((e.id, e.date) for e in store.events()),
    }


@pytest.mark.model
def test_a_pass_in_small_batches_finds_what_one_batch_finds(tmp_path, monkeypatch):
    settings = load_settings()
    with Store(tmp_path / "whole.duckdb") as whole:
        run([CORPUS], whole, settings)
        expected = _found(whole)
    monkeypatch.setattr(crosscheck_module, "BATCH_DOCS", 1)  # every story a batch of its own
    with Store(tmp_path / "batched.duckdb") as batched:
        summary = run([CORPUS], batched, settings)
        found = _found(batched)
    assert expected["relations"] and any(len(docs) > 1 for _, docs in expected["stories"])  # something to compare
    assert found == expected
    assert summary.relations == len(expected["relations"])


@pytest.mark.model
def test_a_large_first_run_compares_stories_as_documents_come(tmp_path, monkeypatch):
    # Chunks of 4 and a pass once 4 documents wait: the corpus is compared in several passes,
    # every document ends in a story, and the summary counts what the store holds.
    import crosswire.run as run_module

    passes = []
    real = crosscheck_module.crosscheck

    def counting(store, new_docs, **kwargs):
        passes.append(len(new_docs))
        return real(store, new_docs, **kwargs)

    monkeypatch.setattr(run_module, "CHUNK_SIZE", 4)
    monkeypatch.setattr(run_module, "STORY_PASS_DOCS", 4)
    monkeypatch.setattr(crosscheck_module, "crosscheck", counting)
    with Store(tmp_path / "passes.duckdb") as store:
        summary = run([CORPUS], store, load_settings())
        assert len(passes) >= 3 and all(n >= 4 for n in passes[:-1])
        assert store.pending() == []
        in_story = {d for s in store.stories() for d in s.docs}
        assert {d.id for d in store.documents()} <= in_story
        assert summary.stories == len(store.stories())  # a first run: every story is new
        assert summary.relations == store.count("relations")
        again = run([CORPUS], store, load_settings())
        assert (again.stories, again.relations, again.unchanged) == (0, 0, again.inputs)
