"""A ``Document`` (or a ``Rejection``) from one decoded raw article: body, removed lines, metadata."""

from __future__ import annotations

from dataclasses import dataclass

from crosswire.clean.boilerplate import split_lead_credit, split_trailing_credit, strip_boilerplate
from crosswire.clean.html import clean_html
from crosswire.clean.stated_dates import stated_publication, url_date
from crosswire.clean.metadata import (
    detect_language,
    host_from_url,
    normalise_date,
    parse_date,
    read_outlet,
    stated_today,
    resolve_host,
)
from crosswire.errors import Errors
from crosswire.records import Document, RawArticle, Rejection

# Rejection code for "nothing left after cleaning" (E1xx: ingest/clean, see errors.py).
NO_TEXT_CODE = "E110"
NO_TEXT_REASON = "no article text left after removing boilerplate ({detail})"


@dataclass(frozen=True)
class _Body:
    """What either cleaner produced, in one shape."""

    paragraphs: list[str]
    removed: list[str]
    headings: list[str]
    title: str | None
    dateline: str | None
    credit: str | None
    site_name: str | None
    published: str | None
    format: str
    lead_credit: str | None = None
    too_deep: int | None = None  # the HTML parser's depth limit, when the page nests past it


def _from_text(text: str) -> _Body:
    c = strip_boilerplate(text)
    return _Body(c.paragraphs, c.removed, c.headings, c.title, c.dateline, c.credit, None, None, "text", c.lead_credit)


def _from_html(html: str, url: str | None) -> _Body:
    c = clean_html(html, url)
    paragraphs, removed = list(c.paragraphs), list(c.removed)
    dateline = credit = None
    # Wire credits survive HTML extraction too: "(Reuters) - ..." / "... support. Al Jazeera".
    body_at = [i for i, p in enumerate(paragraphs) if p not in c.headings]
    if body_at:
        first = body_at[0]
        dateline, paragraphs[first] = split_lead_credit(paragraphs[first])
        last = body_at[-1]
        paragraphs[last], credit = split_trailing_credit(paragraphs[last])
        removed += [piece for piece in (dateline, credit) if piece]
    title = c.title
    if paragraphs and title and paragraphs[0].strip() == title.strip():
        removed.insert(0, paragraphs.pop(0))  # the headline is metadata, not body
    return _Body(
        paragraphs=[p for p in paragraphs if p.strip()],
        removed=removed,
        headings=[h for h in c.headings if h in paragraphs],
        title=title,
        dateline=dateline,
        credit=credit.strip(" ()-–—") if credit else None,
        site_name=c.sitename,
        published=c.published,
        format="html",
        lead_credit=dateline,
        too_deep=c.too_deep,
    )


def _heading_spans(paragraphs: list[str], headings: list[str]) -> list[dict[str, object]]:
    spans: list[dict[str, object]] = []
    offset = 0
    pending = list(headings)
    for paragraph in paragraphs:
        if pending and paragraph == pending[0]:
            spans.append({"start": offset, "end": offset + len(paragraph), "text": paragraph})
            pending.pop(0)
        offset += len(paragraph) + 2  # the "\n\n" joiner
    return spans


def clean_article(
    raw: RawArticle, *, decoded_text: str, encoding: str | None = None
) -> Document | Rejection:
    """Clean one decoded article into a ``Document``, or say why it can't be one.

    ``raw.kind`` chooses the cleaner ("text": line classifier, "html": trafilatura). A JSONL
    item carries its body in ``raw.hints["body"]`` (used instead of ``decoded_text``) and may
    set ``hints["kind"]``; ``hints`` title/published/outlet/url fill what the text lacks.

    Example:
        >>> raw = RawArticle(id="x", source="a.txt", raw=b"", kind="text")
        >>> doc = clean_article(raw, decoded_text="Talks resume in Geneva\\n\\n"
        ...     "The ministers said on Monday that the talks in Geneva would go on all week.")
        >>> doc.title, doc.words
        ('Talks resume in Geneva', 15)
    """
    hints = raw.hints or {}
    text = hints.get("body") or decoded_text
    kind = (hints.get("kind") or raw.kind or "text").lower()
    url = raw.url or hints.get("url")
    body = _from_html(text, url) if kind == "html" else _from_text(text)

    if not body.paragraphs or all(p in body.headings for p in body.paragraphs):
        detail = f"{len(body.removed)} lines removed, none kept" if body.removed else "the input is empty"
        reason, code = NO_TEXT_REASON.format(detail=detail), NO_TEXT_CODE
        if body.too_deep is not None:
            reason, code = Errors.E111.format(depth=body.too_deep), "E111"
        return Rejection(id=raw.id, source=raw.source, stage="clean", reason=reason, code=code, raw=raw.raw)

    clean_text = "\n\n".join(body.paragraphs)
    host = host_from_url(url)
    outlet = read_outlet(
        lead=body.lead_credit,
        dateline=body.dateline,
        credit=body.credit,
        site_name=body.site_name,
        hint=hints.get("outlet"),
        host=host,
    )
    published = (
        parse_date(body.dateline)
        or body.published
        or normalise_date(hints.get("published") or hints.get("date"))
        # The text's own "today, <date>" beats any date a story could lend it later.
        or stated_today(body.paragraphs)
        # A plain-text copy of a page keeps the page's byline, date line or address at its head.
        or (stated_publication(text, url) if kind != "html" else url_date(url))
    )
    return Document(
        id=raw.id,
        source=raw.source,
        outlet=outlet,
        host=resolve_host(url, outlet),
        title=body.title or (hints.get("title") or "").strip() or None,
        published=published,
        published_inferred=None,
        language=detect_language(clean_text),
        text=clean_text,
        boilerplate=body.removed,
        url=url,
        dateline=body.dateline or body.credit,
        headings=_heading_spans(body.paragraphs, body.headings),
        encoding=encoding,
        words=len(clean_text.split()),
        format=body.format,
    )
