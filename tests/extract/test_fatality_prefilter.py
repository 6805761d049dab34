"""The cheap death-word scan in front of find_fatalities never changes what it finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import crosswire.extract.events.fatalities as fatalities

WORDS = ["12", "three", "a", "the", "man", "villagers", "soldiers", "were", "was", "killed", "died", "dead",
         "wounded", "injured", "and", "in", "Torvik", "bodies", "of", "found", "toll", "rose", "to", "lives",
         "claimed", "beaten", "death", "shot", "gunned", "down", "fatally", "succumbed", "his", "wounds",
         "massacre", "family", "both", "no", "one", "casualties", "hospital", "later", "police", "said", ","]


class _Always:
    def search(self, text: str) -> bool:
        return True


def _unfiltered(text: str, monkeypatch: pytest.MonkeyPatch) -> list:
    with monkeypatch.context() as m:
        m.setattr(fatalities, "_DEATH_OR_WOUND_WORD", _Always())
        return fatalities.find_fatalities(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
def test_the_scan_never_changes_the_counts(words: list[str]) -> None:
    text = " ".join(words)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert fatalities.find_fatalities(text) == _unfiltered(text, monkeypatch)


@pytest.mark.parametrize("text", [
    "Gunmen shot dead a village elder in Torvik.", "The toll rose to 14 on Sunday.",
    "The blast claimed the lives of 9 miners.", "A driver later succumbed to his injuries.",
    "The bodies of 3 men were found near the dam.", "No casualties were reported.", "Two guards were hurt.",
])
def test_sentences_telling_a_count_pass_the_scan(text: str) -> None:
    assert fatalities._DEATH_OR_WOUND_WORD.search(text)
    assert fatalities.find_fatalities(text)


def test_a_sentence_without_death_words_is_not_scanned() -> None:
    assert not fatalities._DEATH_OR_WOUND_WORD.search("The council met for 3 hours on the 12 proposals.")
