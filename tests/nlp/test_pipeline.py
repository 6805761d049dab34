"""Tests for nlp/pipeline.py and nlp/components.py: loading, factories, mention spans."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from crosswire.errors import ModelNotInstalled
from crosswire.nlp.components import (
    EntitySpans,
    FoundSpan,
    caps_line_tokens,
    clean_span,
    registered_factories,
    select_spans,
)
from crosswire.nlp.pipeline import MAX_TEXT_CHARS, load_nlp, parse
from crosswire.records import Rejection

# Snapshot of every crosswire factory; a new component must be added here on purpose.
FACTORIES = ["crosswire_entity_spans", "crosswire_paragraphs", "crosswire_quote_marks", "crosswire_quotes"]


@pytest.fixture(scope="module")
def blank():
    """A blank English pipeline with only the entity-span component (no model needed)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("crosswire_entity_spans")
    return nlp


def make_doc(nlp, text: str, ents: list[tuple[str, str]]) -> Doc:
    """A Doc of ``text`` whose ents are the first occurrences of the given (phrase, label)."""
    doc = nlp.make_doc(text)
    spans = []
    for phrase, label in ents:
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase), label=label)
        assert span is not None, phrase
        spans.append(span)
    doc.ents = spans
    return doc


def mentions(nlp, text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    doc = nlp.get_pipe("crosswire_entity_spans")(make_doc(nlp, text, ents))
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans["mentions"]]


def test_pipeline_factory_names_snapshot():
    assert registered_factories() == FACTORIES


def test_pipeline_components_analyze_pipes(blank):
    analysis = spacy.blank("en")
    analysis.add_pipe("crosswire_entity_spans")
    report = analysis.analyze_pipes()
    # Without an NER the requirement on doc.ents is reported as unmet.
    assert report["problems"]["crosswire_entity_spans"] == ["doc.ents"]
    assert "doc.spans" in report["summary"]["crosswire_entity_spans"]["assigns"]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("He met the Nusra Front.", [("the Nusra Front", "ORG")], [("Nusra Front", "ORG")]),
        ("It was Assad’s office.", [("Assad’s", "ORG")], [("Assad", "ORG")]),
        (
            "Chairperson Valentina Matviyenko spoke.",
            [("Chairperson Valentina Matviyenko", "ORG")],
            [("Valentina Matviyenko", "PERSON")],
        ),
        ("Credit: Al Jazeera\n\nShare now", [("Al Jazeera\n\nShare", "ORG")], [("Al Jazeera", "ORG")]),
        ("Wait a sec please", [("sec", "ORG")], []),
        ("Deputy Defense Minister", [("Defense", "ORG")], []),
        ("An unidentified MiG-29 flew.", [("MiG-29", "PERSON")], []),
        ("He met Vladimir Putin.", [("Vladimir Putin", "PERSON")], [("Vladimir Putin", "PERSON")]),
    ],
)
def test_components_clean_span(blank, text, ents, expected):
    doc = make_doc(blank, text, ents)
    found = [clean_span(doc, e.start, e.end, e.label_) for e in doc.ents]
    assert [(doc[f.start:f.end].text, f.label) for f in found if f] == expected


def test_components_merges_country_and_ministry(blank):
    text = "Later the Iranian defence ministry said so."
    assert mentions(blank, text, [("Iranian", "NORP")]) == [("Iranian defence ministry", "ORG", "")]


def test_components_alias_table_adds_missed_names(blank):
    text = "NATO said the raids did not target Da'esh or ISIL, SANA and RIA Novosti said."
    got = mentions(blank, text, [("NATO", "ORG")])
    assert ("Da'esh", "ORG", "Islamic State of Iraq and the Levant") in got
    assert ("ISIL", "ORG", "Islamic State of Iraq and the Levant") in got
    assert ("SANA", "ORG", "Syrian Arab News Agency") in got
    assert ("RIA Novosti", "ORG", "RIA Novosti") in got


def test_components_alias_longer_than_ner_wins(blank):
    text = "Strikes on the Islamic State of Iraq and the Levant group."
    got = mentions(blank, text, [("the Islamic State of Iraq", "ORG"), ("Levant", "PERSON")])
    assert got == [("Islamic State of Iraq and the Levant", "ORG", "Islamic State of Iraq and the Levant")]


@pytest.mark.parametrize(
    ("text", "has_is"),
    [
        ("An IS HQ was destroyed.", True),
        ("Russia is ready to fight the IS group.", True),
        ("This is a test.", False),  # lowercase verb
        ("Is it true?", False),  # sentence-initial verb, not all-caps
        ("Intro line here.\nWHAT IS NEXT FOR SYRIA\nBody text.", False),  # all-caps heading
    ],
)
def test_components_ambiguous_is_only_as_acronym(blank, text, has_is):
    got = [t for t, _, _ in mentions(blank, text, [])]
    assert any(t in {"IS", "IS group"} for t in got) is has_is


def test_components_parenthesised_acronym_joins_long_form(blank):
    text = "The Free Syrian Army (FSA) and the Syrian Democratic Forces (SDF) met."
    got = mentions(blank, text, [])
    assert ("FSA", "ORG", "Free Syrian Army") in got
    text = "The Northern Widget Group (NWG) met."
    got = mentions(blank, text, [("Northern Widget Group", "ORG")])
    assert ("NWG", "ORG", "") in got


def test_components_caps_heading_tokens(blank):
    doc = blank.make_doc("Body.\nNATO CONCERNS\nMore body.")
    assert {doc[i].text for i in caps_line_tokens(doc)} == {"NATO", "CONCERNS"}


def test_components_heading_ner_dropped_alias_kept(blank):
    text = "Body.\nNATO CONCERNS\nMore body."
    assert mentions(blank, text, [("NATO CONCERNS", "GPE")]) == [
        ("NATO", "ORG", "North Atlantic Treaty Organization")
    ]


def test_components_select_spans_prefers_longest_then_alias():
    spans = [FoundSpan(0, 2, "ORG"), FoundSpan(0, 2, "GPE", "X", 0), FoundSpan(3, 4, "NORP")]
    assert [(s.label, s.kb_id) for s in select_spans(spans)] == [("GPE", "X"), ("NORP", "")]


def test_components_find_needs_no_model(blank):
    doc = make_doc(blank, "Sergey Lavrov met John Kerry.", [("Sergey Lavrov", "PERSON"), ("John Kerry", "PERSON")])
    component = blank.get_pipe("crosswire_entity_spans")
    assert isinstance(component, EntitySpans)
    found = component.find(doc)
    component.set_annotations(doc, found)
    assert [s.text for s in doc.spans["mentions"]] == ["Sergey Lavrov", "John Kerry"]
    assert all(isinstance(s, Span) for s in doc.spans["mentions"])


def test_pipeline_missing_model_is_precise():
    with pytest.raises(ModelNotInstalled, match="no_such_model_xx"):
        load_nlp("no_such_model_xx")


@pytest.mark.model
def test_pipeline_load_nlp_cached_with_components(nlp_sm):
    assert load_nlp() is nlp_sm
    assert nlp_sm.pipe_names[-2:] == ["crosswire_entity_spans", "crosswire_quotes"]
    assert nlp_sm.max_length == MAX_TEXT_CHARS
    assert not nlp_sm.analyze_pipes()["problems"]["crosswire_entity_spans"]


@pytest.mark.model
def test_pipeline_parse_carries_ids_and_rejects_long_texts(nlp_sm):
    rejected: list[Rejection] = []
    texts = [("NATO met in Brussels.", "d1"), ("x" * (MAX_TEXT_CHARS + 1), "big"), ("Putin spoke.", "d2")]
    out = [(doc.text, doc_id) for doc, doc_id in parse(texts, nlp_sm, rejected=rejected)]
    assert out == [("NATO met in Brussels.", "d1"), ("Putin spoke.", "d2")]
    assert [(r.id, r.stage, r.code) for r in rejected] == [("big", "nlp", "E202")]
    with pytest.raises(ValueError, match="E202|above the nlp limit"):
        list(parse(texts, nlp_sm))


@pytest.mark.model
def test_blank_lines_end_sentences_and_closing_quotes_stay_behind():
    from crosswire.nlp.pipeline import load_nlp

    nlp = load_nlp()
    assert nlp.pipe_names.index("crosswire_paragraphs") < nlp.pipe_names.index("parser")
    doc = nlp('WESTERN ALLIANCE\'S CONCERN\n\nThe alliance voiced concern, saying "we are worried."\n\n'
              "The ministry said the strikes would go on.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "WESTERN ALLIANCE'S CONCERN"
    assert sents[1].endswith('worried."') and sents[2].startswith("The ministry")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor told reporters,\u201cWe will rebuild.\u201d", ["reporters", ",", "\u201c", "We"]),
        ("\u201cWe will rebuild,\u201dthe mayor said.", ["rebuild", ",", "\u201d", "the"]),
        ('Rep. Jane Roe (D-Ore.):"Not yet."', ["Ore.", ")", ":", '"', "Not"]),
    ],
)
def test_quote_marks_glued_to_words_split_off(blank, text, expected):
    from crosswire.nlp.components import QuoteMarkSplitter

    doc = QuoteMarkSplitter(blank)(blank.make_doc(text))
    words = [t.text for t in doc]
    assert any(words[i:i + len(expected)] == expected for i in range(len(words))), words
    assert doc.text == text


@pytest.mark.model
def test_glued_quote_mark_keeps_the_speaker(nlp_sm):
    from crosswire.extract.claims import find_attributions

    doc = nlp_sm("\u201cThe bridge will reopen in May,\u201dthe mayor said on Tuesday.")
    assert nlp_sm.pipe_names[0] == "crosswire_quote_marks"
    assert [doc[a.source[0]:a.source[1]].text for a in find_attributions(doc)] == ["the mayor"]
