"""A plain text's own publication date at its head: byline, date line, address."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.clean.stated_dates import date_line, stated_publication, untokenise, url_date, url_of_line


@pytest.mark.parametrize(("line", "expected"), [
    ("Saturday , September 14 , 2013", "2013-09-14"),
    ("14 September 2013, 11:41am EDT", "2013-09-14"),
    ("Updated 9 : 06 AM", None),
    ("On 3 May 2020, four soldiers were killed", None),   # a sentence of the story, not a date line
    ("March 13 , 2013 Teen killed by police", None),
])
def test_a_line_that_is_only_a_date(line: str, expected: str | None) -> None:
    assert date_line(line) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("http://www.nytimes.com/2013/03/14/nyregion/teen.html", "2013-03-14"),
    ("http://www.dnainfo.com/new-york/20130914/richmond-hill/woman", "2013-09-14"),
    ("http://www.nydailynews.com/new-york/7-nypd-1.1287452", None),
    (None, None),
])
def test_the_date_in_an_address(url: str | None, expected: str | None) -> None:
    assert url_date(url) == expected


def test_a_tokenised_address_is_joined() -> None:
    assert url_of_line("http : / / www . x . com / 2013 / 03 / 14 / a - b") == "http://www.x.com/2013/03/14/a-b"
    assert url_of_line("See the video at our site") is None


def test_a_byline_beats_the_address_and_a_story_date_is_never_taken() -> None:
    text = "http : / / www . x . com / 2013 / 03 / 14 / story\nTeen shot\nPublished : March 13 , 2013\nText."
    assert stated_publication(text) == "2013-03-13"
    assert stated_publication("http : / / www . x . com / 2013 / 03 / 14 / story\nTeen shot\nText.") == "2013-03-14"
    assert stated_publication("Soldiers killed\n\nOn 3 May 2020, four soldiers were killed in Gao.") is None
    assert stated_publication("Soldiers killed\n\nText.", url="https://x.org/news/2020/05/04/gao") == "2020-05-04"


@given(st.text(max_size=80))
def test_untokenise_only_removes_spaces(line: str) -> None:
    assert re.sub(r"\s", "", untokenise(line)) == re.sub(r"\s", "", line)
    assert date_line(line) is None or len(date_line(line)) == 10


@pytest.mark.model
def test_an_undated_copy_with_a_byline_dates_its_relative_days(nlp_sm) -> None:
    from crosswire.clean.article import clean_article
    from crosswire.records import RawArticle

    text = ("http : / / www . example . com / 2013 / 03 / 14 / teen - shot\n"
            "Teen shot by police\nPublished : March 13 , 2013\n\n"
            "Police shot and killed a 16-year-old boy in Brooklyn on Saturday night, officials said.\n")
    doc = clean_article(RawArticle(id="x", source="x.txt", raw=text.encode(), kind="text"), decoded_text=text)
    assert doc.published == "2013-03-13"
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    parsed = nlp_sm(doc.text)
    killings = [e for e in find_events(parsed, doc_id="x", published=doc.published, places=places_from_doc(parsed))
                if e.type == "ASSAULT"]
    assert killings and killings[0].date == "2013-03-09"
