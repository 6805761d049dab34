"""nlp.pipe batches bounded by characters as well as by count (memory flat in document length)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.errors import SettingsError
from crosswire.nlp.pipeline import batches, parse
from crosswire.settings import load_settings

texts = st.lists(st.text(alphabet="ab .", max_size=40), max_size=30)


@given(texts, st.integers(1, 6), st.integers(1, 60))
def test_batches_keep_order_and_respect_both_bounds(items, size, chars):
    pairs = [(t, i) for i, t in enumerate(items)]
    cut = list(batches(pairs, size, chars))
    assert [p for b in cut for p in b] == pairs
    for b in cut:
        assert 1 <= len(b) <= size
        assert len(b) == 1 or sum(len(t) for t, _ in b) <= chars


@given(texts, st.integers(1, 6), st.integers(1, 60))
def test_batches_are_as_full_as_the_bounds_allow(items, size, chars):
    # Each batch ends only because the next item would break a bound: no needless small batches.
    cut = list(batches([(t, i) for i, t in enumerate(items)], size, chars))
    for b, following in zip(cut, cut[1:]):
        held = sum(len(t) for t, _ in b)
        assert len(b) == size or held + len(following[0][0]) > chars


def test_a_text_longer_than_the_budget_is_a_batch_of_its_own():
    cut = list(batches([("x" * 5, 0), ("y" * 50, 1), ("z" * 5, 2)], 8, 20))
    assert [[i for _, i in b] for b in cut] == [[0], [1], [2]]


def test_parse_by_characters_reads_the_same_as_by_count(nlp_sm):
    articles = [
        ("Rebels shelled the market in Harrowgate on Monday, the mayor said.", "a"),
        ("Police in Westbrook arrested four men after a night of riots. " * 3, "b"),
        ("The ministry denied that its aircraft had struck the village.", "c"),
        ("", "d"),
    ]
    by_count = [(i, [(t.text, t.dep_, t.ent_type_) for t in doc]) for doc, i in parse(articles, nlp_sm, batch_size=4)]
    by_chars = [(i, [(t.text, t.dep_, t.ent_type_) for t in doc])
                for doc, i in parse(articles, nlp_sm, batch_size=4, batch_chars=80)]
    assert by_chars == by_count
    assert [i for i, _ in by_chars] == ["a", "b", "c", "d"]


def test_batch_chars_is_a_setting_and_must_be_positive(tmp_path):
    cfg = tmp_path / "user.cfg"
    cfg.write_text("[nlp]\nbatch_chars = 5000\n")
    assert load_settings(cfg).batch_chars == 5000
    assert load_settings().batch_chars == 12_000
    with pytest.raises(SettingsError, match="batch_chars"):
        load_settings(batch_chars=0)
