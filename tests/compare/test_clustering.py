"""Average-link clustering kept in place (compare/clustering.py) against the plain recomputation."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.compare.clustering import average_link
from crosswire.compare.stories import StoryInput
from crosswire.records import Story


def _naive(sim: np.ndarray, same: np.ndarray, start: list[list[int]], fixed: list[bool], threshold: float):
    """Recompute every group pair's average link before each merge (the textbook algorithm)."""
    groups = [list(g) for g in start]
    owned = list(fixed)
    while True:
        best, pair = -1.0, None
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                if owned[a] and owned[b]:
                    continue
                cells = [(i, j) for i in groups[a] for j in groups[b]]
                pairs = [(i, j) for i, j in cells if same[i, j] > 0]
                use = pairs or cells
                avg = sum(sim[i, j] for i, j in use) / len(use)
                if avg > best + 1e-6:
                    best, pair = avg, (a, b)
        if pair is None or best < threshold:
            return sorted(sorted(g) for g in groups)
        a, b = pair
        groups[a] += groups[b]
        owned[a] = owned[a] or owned[b]
        del groups[b], owned[b]


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 9).flatmap(lambda n: st.tuples(
    st.just(n),
    st.lists(st.integers(0, 1000), min_size=n * n, max_size=n * n),
    st.lists(st.booleans(), min_size=n, max_size=n),
    st.integers(0, 2))))
def test_in_place_sums_merge_as_the_plain_algorithm_does(case):
    n, cells, english, stored = case
    raw = np.array(cells, dtype=np.float32).reshape(n, n) / 1000.0
    sim = (raw + raw.T) / 2  # symmetric, with distinct enough values that ties are rare
    lang = ["en" if e else "fr" for e in english]
    same = np.array([[1.0 if lang[i] == lang[j] else 0.0 for j in range(n)] for i in range(n)], dtype=np.float32)
    units = [StoryInput(f"d{i}", None, "", language=lang[i]) for i in range(n)]
    # The first documents already belong to stored stories of one document each.
    existing = [Story(id=f"s{i}", title="", docs=[f"d{i}"], start=None, end=None, outlets=[]) for i in range(stored)]
    found = average_link(units, sim, same, {f"d{i}": f"s{i}" for i in range(stored)}, existing, 0.4)
    naive = _naive(sim, same, [[i] for i in range(n)], [i < stored for i in range(n)], 0.4)
    assert sorted(members for members, _ in found) == naive
    owners = [owner for _, owner in found if owner]
    assert len(owners) == len(set(owners)) == stored  # two stored stories never merge


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.integers(0, 1000), min_size=n * n, max_size=n * n), st.integers(0, 2))))
def test_one_language_without_its_blocks_and_sums_kept_in_sim_merge_the_same(case):
    # same=None (every pair in one language) and overwrite_sim only save memory: same groups.
    n, cells, stored = case
    raw = np.array(cells, dtype=np.float32).reshape(n, n) / 1000.0
    sim = (raw + raw.T) / 2
    units = [StoryInput(f"d{i}", None, "", language="en") for i in range(n)]
    stored = min(stored, n)
    existing = [Story(id=f"s{i}", title="", docs=[f"d{i}"], start=None, end=None, outlets=[]) for i in range(stored)]
    owners = {f"d{i}": f"s{i}" for i in range(stored)}
    plain = average_link(units, sim.copy(), np.ones((n, n), dtype=np.float32), owners, existing, 0.4)
    lean = average_link(units, overwritten := sim.copy(), None, owners, existing, 0.4, overwrite_sim=True)
    assert lean == plain
    if stored == 0 and n > 1 and plain != [([i], None) for i in range(n)]:
        assert not np.array_equal(overwritten, sim)  # the sums really were kept in the given block


def test_similarity_square_in_bands_is_the_whole_block():
    from crosswire.compare.similarity import similarity_block, similarity_square

    rng = np.random.default_rng(7)
    units = [StoryInput(f"d{i}", None, "", date=f"2021-03-{1 + i % 20:02d}" if i % 3 else None,
                        entities=frozenset({f"e{i % 4}", f"e{i % 7}"}), events=frozenset({("attack", "XX")}) if i % 2 else frozenset(),
                        language="en" if i % 5 else "fr") for i in range(11)]
    vectors = rng.normal(size=(11, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    weights = {f"e{k}": 1.0 + k / 10 for k in range(7)}
    whole = similarity_block(units, units, vectors, vectors, None, weights)
    for band in (1, 3, 11, 64):
        assert np.allclose(similarity_square(units, vectors, None, weights, rows_per_block=band), whole, atol=1e-6)
