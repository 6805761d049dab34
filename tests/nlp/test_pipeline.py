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
from crosswire.nlp.sections import split_sections
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
def test_pipeline_parse_carries_ids_and_reads_long_texts_in_sections(nlp_sm, monkeypatch):
    monkeypatch.setattr(nlp_sm, "max_length", 40)
    long = "NATO met in Brussels on Monday.\n\nPutin spoke in Moscow on Tuesday."
    texts = [("NATO met in Brussels.", "d1"), (long, "big"), ("Putin spoke.", "d2")]
    rejected: list[Rejection] = []
    out = [(doc.text, doc_id) for doc, doc_id in parse(texts, nlp_sm, rejected=rejected)]
    assert out == [("NATO met in Brussels.", "d1"), (long, "big"), ("Putin spoke.", "d2")]
    assert rejected == []


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
    from crosswire.extract.claims.core import find_attributions

    doc = nlp_sm("\u201cThe bridge will reopen in May,\u201dthe mayor said on Tuesday.")
    assert nlp_sm.pipe_names[0] == "crosswire_quote_marks"
    assert [doc[a.source[0]:a.source[1]].text for a in find_attributions(doc)] == ["the mayor"]


# --- long documents are read in sections (issue 10) -----------------------------------

PARAGRAPHS = [
    "NATO foreign ministers met in Brussels on Monday to discuss the ceasefire in Kestria, "
    "where the United Nations says fighting has displaced 40,000 people since March.",
    "\u201cWe will not leave the town. The shelling has not stopped for a week.\n\n"
    "\u201cWe will rebuild it,\u201d the mayor of Dravny told reporters on Tuesday.",
    "The Red Cross said two of its workers were hurt near the river, and ISIL fighters were "
    "seen on the northern road, according to SANA and RIA Novosti.",
    "Officials in Moscow declined to comment. A spokesman for Kestria's interior ministry said "
    "the border crossing would reopen on Friday if the truce held.",
]


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    ("text", "limit", "pieces"),
    [
        ("One two.\n\nThree four.\n\nFive.", 16, ["One two.\n\n", "Three four.\n\n", "Five."]),
        ("One two. Three four. Five six.", 16, ["One two. ", "Three four. ", "Five six."]),
        ("One two three four five six", 10, ["One two ", "three ", "four five ", "six"]),
        ("abcdefghijklmnopqrstuvwxyz", 10, ["abcdefghij", "klmnopqrst", "uvwxyz"]),
        ("Short.", 10, ["Short."]),
    ],
)
def test_sections_split_at_paragraphs_then_sentences(text, limit, pieces):
    assert split_sections(text, limit) == pieces


@pytest.mark.issue(10)
def test_sections_always_join_to_the_text_under_the_limit():
    text = "\n\n".join(PARAGRAPHS * 30) + "\n" + "x" * 700 + "  end.\n"
    for limit in (50, 333, 1000, 4000):
        pieces = split_sections(text, limit)
        assert "".join(pieces) == text and all(0 < len(p) <= limit for p in pieces)


@pytest.mark.model
@pytest.mark.issue(10)
def test_pipeline_sections_read_like_one_doc(nlp_sm, monkeypatch):
    import warnings

    text = "\n\n".join(PARAGRAPHS * 3)
    whole = nlp_sm(text)
    monkeypatch.setattr(nlp_sm, "max_length", 700)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Doc.from_docs warns about user_data it drops
        [(doc, doc_id)] = list(parse([(text, "d")], nlp_sm))
    assert doc.text == text and doc_id == "d"
    assert [t.text for t in doc] == [t.text for t in whole]

    def spans(d, key):
        return [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in d.spans[key]]

    for key in ("mentions", "quotes", "cues"):
        assert spans(doc, key) == spans(whole, key), key
    # The two-paragraph quote crosses a section boundary and is still one quote plus its continuation.
    assert any(s.label_ == "QUOTE_CONT" for s in doc.spans["quotes"])
    assert [(e.start_char, e.label_) for e in doc.ents] == [(e.start_char, e.label_) for e in whole.ents]
    for piece_start in (0, *(i for i in range(1, len(doc)) if doc[i - 1].text == "\n\n")):
        assert doc[piece_start].is_sent_start


@pytest.mark.model
@pytest.mark.issue(10)
def test_pipeline_400k_article_becomes_a_document_with_true_offsets():
    from crosswire.clean.article import clean_article
    from crosswire.extract.entities.core import mentions_from_doc
    from crosswire.records import Document, RawArticle

    # Quotes are one block in 25: crosswire_quotes' cue search costs tokens x quotes.
    plain = "\n\n".join(p for p in PARAGRAPHS if "\u201c" not in p)
    blocks = [plain] * (400_000 // len(plain) + 1)
    blocks[::25] = ["\n\n".join(PARAGRAPHS)] * len(blocks[::25])
    text = "Ceasefire talks in Brussels\n\n" + "\n\n".join(blocks)
    assert len(text) > 400_000
    document = clean_article(RawArticle(id="long", source="long.txt", raw=b"", kind="text"), decoded_text=text)
    assert isinstance(document, Document) and len(document.text) > MAX_TEXT_CHARS
    # Model parts that only cost time are off: sections, joining and crosswire's components
    # are what is tested (the full model on sections: test_pipeline_sections_read_like_one_doc).
    nlp = load_nlp(disable=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"))
    rejected: list[Rejection] = []
    [(doc, _)] = list(parse([(document.text, document.id)], nlp, rejected=rejected))
    assert rejected == [] and doc.text == document.text
    mentions = mentions_from_doc(doc, document.id)
    assert len(mentions) > 1000 and max(m.start for m in mentions) > 2 * MAX_TEXT_CHARS // 2
    assert all(document.text[m.start:m.end] == m.text for m in mentions)
    quotes = doc.spans["quotes"]
    assert quotes[-1].start_char > MAX_TEXT_CHARS
    assert all(q.text == document.text[q.start_char:q.end_char] for q in quotes)


@pytest.mark.parametrize(("text", "sentences"), [
    ("Police say Orrin Vale attacked Sgt. Tamsin Ruel with a knife on Monday.", 1),
    ("Cpl. Ada Brook and Lt. Ned Ivers were hurt. They were flown to Dunmore.", 2),
    ("She was promoted to Sgt. She said she was proud.", 2),  # a pronoun starts a new sentence
])
def test_a_titles_period_before_a_name_ends_no_sentence(text: str, sentences: int) -> None:
    from crosswire.nlp.pipeline import load_nlp

    assert len(list(load_nlp()(text).sents)) == sentences
