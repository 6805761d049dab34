"""Tests for clean/metadata.py and clean/article.py: outlet vs host, dates, language, documents."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.clean.article import clean_article
from crosswire.clean.metadata import (
    detect_language,
    host_from_url,
    load_outlets,
    match_outlet,
    normalise_date,
    parse_date,
    read_outlet,
    resolve_host,
)
from crosswire.records import Document, RawArticle, Rejection, sha256_hex

# SHA-256 of the title of seed 000 (the seed texts may not be copied into the repository).
SEED_000_TITLE_SHA256 = "b71da3bd83c8c8e415e74cf0499c6aecf0a648039ab1b5fe9c7072a068f303de"

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
GOLD = json.loads((ARTICLES / "articles.json").read_text(encoding="utf-8"))


def test_metadata_outlets_table_loads() -> None:
    outlets = load_outlets()
    assert len(outlets) >= 40
    names = {o.name for o in outlets}
    assert {"Xinhua", "Reuters", "AFP", "AP", "Al Jazeera", "SANA", "TASS"} <= names
    assert len(names) == len(outlets)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Al Jazeera", "Al Jazeera"),
        ("(AFP)", "AFP"),
        ("Associated Press", "AP"),
        ("Source: Reuters", "Reuters"),
        ("ap", None),  # short acronyms only in capitals
        ("Share this", None),
        ("", None),
    ],
)
def test_metadata_match_outlet(text: str, expected: str | None) -> None:
    assert match_outlet(text) == expected


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"dateline": "Xinhua, October 7, 2015"}, "Xinhua"),
        ({"dateline": "WASHINGTON, March 3 (Reuters) -"}, "Reuters"),
        ({"credit": "Endi"}, "Xinhua"),
        ({"credit": "Al Jazeera", "site_name": "Reposter Daily"}, "Al Jazeera"),
        ({"site_name": "The Guardian"}, "The Guardian"),
        ({"hint": "Gulf Wire"}, "Gulf Wire"),
        ({"host": "aljazeera.com"}, "Al Jazeera"),
        ({}, None),
    ],
)
def test_metadata_read_outlet(kwargs: dict[str, str], expected: str | None) -> None:
    assert read_outlet(**kwargs) == expected


@pytest.mark.parametrize(
    ("url", "outlet", "host"),
    [
        ("https://www.aljazeera.com/news/x", "Al Jazeera", None),
        ("https://newsreposter.example/x", "Al Jazeera", "newsreposter.example"),
        ("https://english.news.cn/x", "Xinhua", None),
        (None, "Xinhua", None),
        ("https://blog.example.org/p", None, "blog.example.org"),
    ],
)
def test_metadata_resolve_host(url: str | None, outlet: str | None, host: str | None) -> None:
    assert resolve_host(url, outlet) == host


def test_metadata_host_from_url() -> None:
    assert host_from_url("https://WWW.Example.com:8080/a?b") == "example.com"
    assert host_from_url(None) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Xinhua, October 7, 2015 Adjust font size:", "2015-10-07"),
        ("7 Oct 2015", "2015-10-07"),
        ("Oct. 7, 2015", "2015-10-07"),
        ("Published: 14 February 2020 | Updated: 15 February 2020", "2020-02-14"),
        ("2015-10-07", "2015-10-07"),
        ("2015-13-45", None),
        ("WASHINGTON, March 3 (Reuters) -", None),  # no year: never guessed
        ("Assad said Sunday.", None),
        ("last Wednesday", None),
        (None, None),
    ],
)
def test_metadata_parse_date(text: str | None, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_metadata_normalise_date() -> None:
    assert normalise_date("2015-10-07T12:30:00+00:00") == "2015-10-07"
    assert normalise_date("Wed, 07 Oct 2015 10:00:00 GMT") == "2015-10-07"
    assert normalise_date("") is None and normalise_date("soon") is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The ministers said on Monday that the talks in Geneva would go on all week.", "en"),
        ("Die Minister sagten am Montag, dass die Gespräche in Genf die ganze Woche dauern.", "de"),
        ("Les ministres ont déclaré lundi que les pourparlers de Genève dureraient toute la semaine.", "fr"),
        ("Share this", None),  # too short to call
        ("", None),
    ],
)
def test_metadata_detect_language(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def _raw(data: bytes, source: str, kind: str = "text", **hints: str) -> RawArticle:
    return RawArticle(id=sha256_hex(data), source=source, raw=data, kind=kind, hints=dict(hints))


@pytest.mark.parametrize("name", sorted(GOLD))
def test_article_corpus_documents(name: str) -> None:
    data = (ARTICLES / name).read_bytes()
    doc = clean_article(_raw(data, name), decoded_text=data.decode("utf-8"), encoding="utf-8")
    assert isinstance(doc, Document)
    gold = GOLD[name]
    assert doc.title == gold["title"]
    assert doc.outlet == gold.get("outlet")
    assert doc.published == gold.get("published")
    assert doc.language == "en"
    assert doc.words == len(doc.text.split())
    for span in doc.headings:
        assert doc.text[span["start"] : span["end"]] == span["text"]
    assert [h["text"] for h in doc.headings] == gold.get("headings", [h["text"] for h in doc.headings])


def test_article_hints_fill_gaps() -> None:
    body = "The ministers said on Monday that the talks in Geneva would go on all week long."
    doc = clean_article(
        _raw(b"{}", "feed.jsonl#3", body=body, title="Talks go on", published="2021-05-04",
             outlet="Gulf Wire", url="https://mirror.example/a"),
        decoded_text="{}",
    )
    assert isinstance(doc, Document)
    assert (doc.title, doc.published, doc.outlet, doc.host) == (
        "Talks go on", "2021-05-04", "Gulf Wire", "mirror.example")
    assert doc.text == body


def test_article_rejects_chrome_only() -> None:
    text = "Share this article\nLeave a Reply\nSubscribe to our newsletter"
    out = clean_article(_raw(text.encode(), "x.txt"), decoded_text=text)
    assert isinstance(out, Rejection)
    assert out.stage == "clean" and out.source == "x.txt" and out.raw == text.encode()
    assert out.reason.startswith("no article text left after removing boilerplate")


def test_article_seeds(seeds_dir: Path) -> None:
    docs = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        data = path.read_bytes()
        docs[path.name[:3]] = clean_article(_raw(data, str(path)), decoded_text=data.decode("utf-8"))
    aj, xh = docs["000"], docs["004"]
    assert isinstance(aj, Document) and isinstance(xh, Document)
    # The seed's exact title, compared by hash: its text may not be copied into the repository.
    assert aj.title is not None and sha256_hex(aj.title.encode("utf-8")) == SEED_000_TITLE_SHA256
    assert (aj.outlet, xh.outlet) == ("Al Jazeera", "Xinhua")
    assert (aj.published, xh.published) == (None, "2015-10-07")
    assert aj.language == xh.language == "en"
    junk = ["Share this article", "Leave a Reply", "Akismet", "WhatsApp", "Wait a sec",
            "will not be published", "From the news desk", "Adjust font size"]
    assert not any(j.lower() in (aj.text + xh.text).lower() for j in junk)
    # the seeds' first and last words, checked by hash so that no seed text is copied here
    assert sha256_hex(aj.text[:42].encode()) == "b2c9f35db7683a484549c996315812a5cac1217feec69e5695786ab6b56525f7"
    assert sha256_hex(aj.text[-32:].encode()) == "737c50761f3327c0e644299546c13610e474541f795cb95b7b905ee8f388414f"
    assert sha256_hex(xh.text[:32].encode()) == "27766b46457dc8294d0ce6043afe266ecbc2832dc303587a617ff5c0b8f7ed4d"
    assert sha256_hex(xh.text[-53:].encode()) == "8173484b69d48e9561ba6dd570b38fe39399d8cca9eaa43ee8525a4403127759"
    assert "Share this article" in aj.boilerplate and "Endi" in xh.boilerplate


@pytest.mark.parametrize(("lede", "expected"), [
    ("Today, 12th of March 2016, the council voted on the budget.", "2016-03-12"),
    ("Today (March 12, 2016) the council voted.", "2016-03-12"),
    ("Today, Saturday 3 May 2020, the streets were calm.", "2020-05-03"),
    ("On 3 May 2020, four soldiers were killed, officials said today.", None),  # an event's date
    ("Today the council met, two years after the 2014 floods.", None),
])
def test_a_text_stating_todays_date_is_dated_by_it(lede: str, expected: str | None) -> None:
    from crosswire.clean.metadata import stated_today

    assert stated_today([lede]) == expected


def test_the_stated_date_dates_the_document_when_nothing_else_does() -> None:
    from crosswire.records import RawArticle
    from crosswire.run import to_document

    text = ("Council votes on budget\n\nToday, 12th of March 2016, the council voted on the budget for the "
            "coming year, the mayor said. The vote passed narrowly after a long debate.\n")
    doc = to_document(RawArticle(id="x", source="a.txt", raw=text.encode(), kind="text"))
    assert doc.published == "2016-03-12"


def test_a_stated_today_beats_a_date_inferred_from_the_story() -> None:
    # A report whose own text says what day it is keeps that day: dating from other reports
    # of its story only fills in documents that state none.
    from crosswire.compare.dating import infer_dates

    text = ("Today, 12th of March 2016, rebels shelled the town of Marwan, killing four civilians.\n\n"
            "The shells hit a market and a school on Saturday, witnesses said.")
    doc = clean_article(_raw(text.encode(), "a.txt"), decoded_text=text)
    assert isinstance(doc, Document) and doc.published == "2016-03-12"
    other = Document("o", "", None, None, None, "2016-03-20", None, "en",
                     "Rebels shelled Marwan last Saturday, killing four civilians.", [])
    assert doc.id not in infer_dates([doc, other])


BODY = ("Rebels shelled the town of Marwan on Tuesday, killing four civilians, officials said. "
        "The shells hit a market and a school in the centre of the town, witnesses told reporters.")


@pytest.mark.parametrize(("byline", "expected"), [
    ("Published March 3, 2016 at 7:26 AM CST", "2016-03-03"),
    ("Posted on 3 March 2016", "2016-03-03"),
    ("Updated: March 3, 2016 7:26 a.m.", "2016-03-03"),
    ("Published: Thursday, March 3, 2016, 7:26 AM", "2016-03-03"),
    ("By Jane Doe | Published March 3, 2016 at 7:26 AM CST", "2016-03-03"),
    ("Published 03/15/2016 07:26 AM", "2016-03-15"),  # only one reading is a date
    ("Posted 15.03.2016 at 07:26", "2016-03-15"),
    ("date 2016-03-03", "2016-03-03"),  # a scraper's stamp
    ("Date: March 3, 2016", "2016-03-03"),
])
def test_a_byline_above_the_body_dates_a_document_without_metadata(byline: str, expected: str) -> None:
    text = f"Shelling kills four in Marwan\n\n{byline}\n\n{BODY}"
    doc = clean_article(_raw(text.encode(), "a.txt"), decoded_text=text)
    assert isinstance(doc, Document) and doc.published == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Published March 3, 2016 at 7:26 AM CST", "2016-03-03"),
    ("Published: 14 February 2020 | Updated: 15 February 2020", "2020-02-14"),
    ("Updated: 15 February 2020 | Published: 14 February 2020", "2020-02-14"),  # first published, not updated
    ("Last updated 2016-03-03T07:26:00Z", "2016-03-03"),
    ("First published on Thu 3 Mar 2016 13.26 GMT", "2016-03-03"),
    ("Published 04/03/2016", None),  # 4 March or April 3: not a date to guess
    ("Published in Economy", None),
    ("The report was published on March 3, 2016.", None),  # prose, not a byline
    ("date 2016-03-03", "2016-03-03"),
    ("The date 2016-03-03 was set for the vote.", None),  # prose again
])
def test_byline_date(line: str, expected: str | None) -> None:
    from crosswire.clean.metadata import byline_date

    assert byline_date(line) == expected


_LABELS = ["Published", "Published:", "Posted on", "Posted", "Updated:", "Updated", "Last updated", "First published on"]
_FORMATS = [
    "%B {d}, %Y at {h}:%M %p",  # March 3, 2016 at 7:26 AM
    "%B {d}, %Y {h}:%M a.m.",
    "%b. {d}, %Y",
    "{d} %B %Y",
    "%A, %B {d}, %Y, {h}:%M %p",
    "%a {d} %b %Y %H.%M GMT",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%SZ",
]


@given(st.dates(min_value=date(1995, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(_LABELS),
       st.sampled_from(_FORMATS), st.integers(0, 23), st.integers(0, 59), st.sampled_from(["", " CST", " ET", " UTC"]))
def test_any_byline_formatting_of_a_date_parses_back_to_it(day: date, label: str, fmt: str, hour: int,
                                                           minute: int, zone: str) -> None:
    from crosswire.clean.metadata import byline_date

    moment = datetime(day.year, day.month, day.day, hour, minute)
    written = moment.strftime(fmt.format(d=day.day, h=(hour % 12) or 12))
    assert byline_date(f"{label} {written}{zone}") == day.isoformat()


def test_a_date_stamp_fused_to_the_first_line_dates_the_page_and_leaves_the_story() -> None:
    text = f" date 2016-03-03 {BODY}\n\nThe town council met on Wednesday to count the damage to the market."
    doc = clean_article(_raw(text.encode(), "a.txt"), decoded_text=text)
    assert isinstance(doc, Document) and doc.published == "2016-03-03"
    assert doc.text.startswith("Rebels shelled the town of Marwan")
    assert "date 2016-03-03" in doc.boilerplate  # kept, as every removed fragment is
