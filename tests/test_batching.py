"""batching.runs: the one cutter behind run chunks, spaCy batches and story batches."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crosswire.batching import runs


def test_a_full_run_is_given_before_the_next_item_is_read():
    read = []

    def stream():
        for n in range(5):
            read.append(n)
            yield n

    cut = runs(stream(), 2)
    assert next(cut) == [0, 1] and read == [0, 1]  # a stdin stream is processed as it comes


@given(st.lists(st.integers(0, 9), max_size=40), st.integers(1, 6))
def test_count_only_runs_are_fixed_size_chunks(items, size):
    cut = list(runs(items, size))
    assert [x for run in cut for x in run] == items
    assert all(len(run) == size for run in cut[:-1]) and all(1 <= len(run) <= size for run in cut)


@given(st.lists(st.integers(0, 9), max_size=40), st.integers(1, 12))
def test_weight_only_runs_stay_within_the_budget(items, budget):
    cut = list(runs(items, weight=lambda x: x, budget=budget))
    assert [x for run in cut for x in run] == items
    assert all(len(run) == 1 or sum(run) <= budget for run in cut)
