"""The publication date a plain text states about itself at its head: a byline, a line that
is only a date, or the date in the path of the page's address.

Plain-text copies of web pages keep what the page showed above its story: the address
("http://www.nytimes.com/2013/03/14/nyregion/..."), a byline ("Published: March 13, 2013"),
a date line ("Saturday, September 14, 2013"). The boilerplate stripper rightly removes these
lines from the body; this module reads them first. Corpora that were tokenised for NLP write
them with spaces around punctuation ("Published : March 13 , 2013", "http : / / www . x .
com / 2013 / 03 / 14 /"), which is undone before reading.

A date in the story's own sentences ("On 3 May 2020, four soldiers were killed") is never
taken: only a labelled byline, a line with nothing but a date, or an address.
"""

from __future__ import annotations

import re
from datetime import datetime

from crosswire.clean.metadata import MAX_YEAR, MIN_YEAR, byline_date, parse_date

HEAD_LINES = 8  # a page's own date sits above its story, within its first lines
DATE_LINE_MAX_WORDS = 9  # "Saturday, September 14, 2013 11:41am EDT"
_URL_LINE = re.compile(r"^\s*(https?\s*:\s*/\s*/\s*\S.*)$", re.I)
_TOKENISED_URL = re.compile(r"^https?\s+:\s+/\s+/")
_COMPACT_DAY = re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?=/|$)")
# What a date line may hold besides the date: a weekday, a time, a zone, "on", "Updated".
_DATE_LINE_EXTRAS = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?"
    r"|\b(?:[ECMP][SD]T|GMT|UTC|BST|CET)\b|\bon\b|\bat\b", re.I)


def untokenise(line: str) -> str:
    """Undo NLP tokenisation of punctuation ("March 13 , 2013" -> "March 13, 2013")."""
    line = re.sub(r"\s+([,:;.!?%)\]])", r"\1", line)
    return re.sub(r"([(\[])\s+", r"\1", line)


def url_of_line(line: str) -> str | None:
    """The web address a line consists of, spaces of a tokenised copy removed."""
    m = _URL_LINE.match(line)
    if m is None:
        return None
    url = m.group(1).strip()
    if _TOKENISED_URL.match(url):
        url = url.replace(" ", "")
    return url if " " not in url else None


def url_date(url: str | None) -> str | None:
    """The day a page's address gives (".../2013/03/14/...", ".../20130914/..."), as ISO."""
    if not url:
        return None
    from htmldate.extractors import extract_url_date
    from htmldate.utils import Extractor

    options = Extractor(False, datetime(MAX_YEAR, 12, 31), datetime(MIN_YEAR, 1, 1), False, "%Y-%m-%d")
    found = extract_url_date(url, options)
    if found is None and (m := _COMPACT_DAY.search(url)) is not None:
        found = parse_date("-".join(m.groups()))
    return found


def date_line(line: str) -> str | None:
    """The date of a line that holds nothing but a date ("Saturday, September 14, 2013")."""
    line = untokenise(line).strip()
    if not line or len(line.split()) > DATE_LINE_MAX_WORDS:
        return None
    found = parse_date(line)
    if found is None:
        return None
    rest = re.sub(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\d{4}-\d{2}-\d{2}|\d+(?:st|nd|rd|th)?",
                  " ", _DATE_LINE_EXTRAS.sub(" ", line), flags=re.I)
    return found if not re.search(r"[A-Za-z]{3,}", rest) else None


def stated_publication(text: str, url: str | None = None) -> str | None:
    """The publication date a plain text states at its head (a byline, a date line), else the
    date in its address (given, or written as the text's first line); None when there is none.

    Example:
        >>> stated_publication("http : / / www . x . com / 2013 / 03 / 14 / story\\nTeen shot\\nPublished : March 13 , 2013\\nText.")
        '2013-03-13'
    """
    head = [line for line in text.splitlines()[:HEAD_LINES * 2] if line.strip()][:HEAD_LINES]
    for line in head:
        found = byline_date(untokenise(line)) or date_line(line)
        if found is not None:
            return found
    address = url or next((u for u in map(url_of_line, head[:1]) if u), None)
    return url_date(address)
