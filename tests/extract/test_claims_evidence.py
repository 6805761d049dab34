"""Tests for attributions whose source is a record, poll or document ("the poll showed", "records show")."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claim_helpers import atts_of, spans_of

from crosswire.extract.claims.core import find_attributions

# (word, tag, pos, dep, head index, lemma)
Row = tuple[str, str, str, str, int, str]


def _doc(rows: list[Row]) -> Doc:
    """A parsed Doc built by hand, so a parser error the rules must survive is fixed in the test."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][0] not in {".", ","} for i in range(len(rows))]
    return Doc(Vocab(), words=words, spaces=spaces, tags=[r[1] for r in rows], pos=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[r[4] for r in rows], lemmas=[r[5] for r in rows])



def test_claims_a_name_of_the_content_parsed_as_second_subject_is_not_the_source():
    # "The poll showed that Roe led and Pitt.": the parser made "Pitt" a second subject of "showed"
    doc = _doc([("The", "DT", "DET", "det", 1, "the"), ("poll", "NN", "NOUN", "nsubj", 2, "poll"),
                ("showed", "VBD", "VERB", "ROOT", 2, "show"), ("that", "IN", "SCONJ", "mark", 5, "that"),
                ("Roe", "NNP", "PROPN", "nsubj", 5, "Roe"), ("led", "VBD", "VERB", "ccomp", 2, "lead"),
                ("and", "CC", "CCONJ", "cc", 2, "and"), ("Pitt", "NNP", "PROPN", "nsubj", 2, "Pitt"), (".", ".", "PUNCT", "punct", 2, ".")])
    assert [spans_of(doc, a) for a in find_attributions(doc)] == [("The poll", "showed", "that Roe led")]


def test_claims_a_subject_parsed_as_compound_of_the_cue_speaks():
    # "He gave nothing, disclosure records show.": "records" hangs on "show" as a compound
    doc = _doc([("He", "PRP", "PRON", "nsubj", 1, "he"), ("gave", "VBD", "VERB", "ccomp", 6, "give"),
                ("nothing", "NN", "PRON", "dobj", 1, "nothing"), (",", ",", "PUNCT", "punct", 6, ","),
                ("disclosure", "NN", "NOUN", "compound", 5, "disclosure"), ("records", "NNS", "NOUN", "compound", 6, "record"),
                ("show", "VBP", "VERB", "ROOT", 6, "show"), (".", ".", "PUNCT", "punct", 6, ".")])
    assert [spans_of(doc, a) for a in find_attributions(doc)] == [("disclosure records", "show", "He gave nothing")]


def spans_in(nlp, text: str):
    doc, found = atts_of(nlp, text)
    return doc, [spans_of(doc, a) for a in found]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # a participle on a record: the record holds the finding
        ("Lee, in the wake of a new poll showing the mayor's standing with renters down to 14 percent, told reporters "
         "that the mayor must do better.", "a new poll", "showing", "the mayor's standing with renters"),
        # when a poll was taken is not part of its name
        ("A Harbor poll in June showed that most voters opposed the new toll.", "A Harbor poll", "showed",
         "most voters opposed the new toll"),
    ],
)
def test_claims_evidence_sources(nlp_sm, text, source, cue, content):
    _, got = spans_in(nlp_sm, text)
    assert any(s == source and c == cue and content in t for s, c, t in got), got


@pytest.mark.model
def test_claims_according_to_a_document_names_the_document_and_its_issuer(nlp_sm):
    from crosswire.extract.claims.core import find_claims

    text = "Turnout fell sharply in the county, according to a statement from the county clerk."
    _, got = spans_in(nlp_sm, text)
    assert got == [("a statement from the county clerk", "according to", "Turnout fell sharply in the county")]
    # the speaker exported with the claim is the issuer, not the statement
    assert [c.speaker.text for c in find_claims(nlp_sm(text), doc_id="d", outlet=None)] == ["the county clerk"]


@pytest.mark.model
def test_claims_according_to_leaves_a_trailing_relative_clause_out_of_the_source(nlp_sm):
    _, got = spans_in(nlp_sm, "Most firms expect slower hiring, according to the survey, which is published every month.")
    assert got == [("the survey", "according to", "Most firms expect slower hiring")]
