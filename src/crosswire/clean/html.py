"""Article body, headings, title, site name and date of an HTML page, plus the page text left out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html

from crosswire.clean.boilerplate import line_features
from crosswire.clean.metadata import normalise_date

# trafilatura settings, compared on the *tune* parts of the dev splits only (evaluate/splits.py;
# crosswire's pipeline with each setting, bare trafilatura.extract in the same run):
#   article-extraction-benchmark (43 pages) F1: bare 0.946; crosswire with defaults 0.948,
#     include_comments=False 0.954, + favor_precision first 0.959, + favor_recall first 0.953;
#   trafilatura-eval (160 pages) segment F1: bare 0.916; defaults 0.921, include_comments=False
#     0.924, + favor_precision first 0.916 (P +0.023, R -0.040), + favor_recall first 0.921.
# Comments off is best or tied on both. Precision mode wins on one and loses on the other:
# mean F1 0.937 against 0.939 for the defaults first, within 0.002, so precision mode (the
# earlier choice) is kept; trafilatura-eval alone would choose the defaults. crosswire runs
# precision mode first and falls back to the defaults, then recall mode, when it is empty.
# Report parts (read once, after): Zyte (23 pages) crosswire 0.983 vs bare 0.921;
# trafilatura-eval (170 pages) 0.940 vs 0.923.
EXTRACT_OPTIONS: dict[str, bool] = {"include_comments": False, "include_tables": True}

# A kept paragraph this short that carries a widget phrase (boilerplate.STRONG_UI) or a nav
# bar is chrome trafilatura let through ("Share this article", "Read more: ..."); longer lines
# with one such phrase are prose that mentions a newsletter or cookies. Set by hand; effect on
# the tune parts (precision mode): Zyte F1 0.9592 -> 0.9590, trafilatura-eval 0.9129 -> 0.9158
# (8 and 16 words: 0.9590 / 0.9129 and 0.9580 / 0.9156). Rejected earlier, on all of dev:
# merging default-mode lines the line classifier scores as body into the precision output.
CHROME_MAX_WORDS = 12

# Elements whose text a reader never sees.
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")
# Elements that start a new line of visible text.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table "
    "td th tr ul button label option select".split()
)


@dataclass(frozen=True)
class CleanedHtml:
    """What crosswire kept from one HTML page and what it left out."""

    paragraphs: list[str]  # body paragraphs in order, headings included
    removed: list[str]  # visible page lines not in the body, in page order
    title: str | None = None
    sitename: str | None = None
    published: str | None = None  # ISO date the page states
    headings: list[str] = field(default_factory=list)
    author: str | None = None
    too_deep: int | None = None  # the parser's depth limit, when the page nests past it


def _bare(html: str, url: str | None, **options: bool) -> trafilatura.settings.Document | None:
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, **EXTRACT_OPTIONS, **options  # type: ignore[arg-type]
    )
    if isinstance(result, trafilatura.settings.Document) and (result.text or "").strip():
        return result
    return None


def extract_body(html: str, url: str | None = None) -> trafilatura.settings.Document | None:
    """trafilatura's extraction in crosswire's settings: precision first, then the defaults."""
    return _bare(html, url, favor_precision=True) or _bare(html, url) or _bare(html, url, favor_recall=True)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def visible_lines(html: str) -> list[str]:
    """The text a reader of the page sees, one line per block element, in page order.

    Example:
        >>> visible_lines("<html><body><p>One <b>two</b></p><script>x()</script><div>Three</div></body></html>")
        ['One two', 'Three']
    """
    root, _ = _parse(html)
    if root is None:
        return []
    for bad in root.xpath("//" + " | //".join(INVISIBLE_TAGS)):
        bad.drop_tree()
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _norm(" ".join(current))
        if line:
            lines.append(line)
        current.clear()

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in BLOCK_TAGS
        if block:
            flush()
        if isinstance(el.tag, str) and el.text:
            current.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return lines


def _parse(html: str) -> tuple[etree._Element | None, int | None]:
    """The page's tree, and libxml2's depth limit when the page nests past it.

    Past the limit (256) libxml2 stops with a fatal error and returns what it read so far,
    often nothing, so an empty page and a too-deep page would look alike.
    """
    parser = lxml_html.HTMLParser()
    try:
        root = lxml_html.fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        root = None
    for error in parser.error_log:
        found = _DEPTH_ERROR.search(error.message)
        if error.type_name == "ERR_RESOURCE_LIMIT" and found:
            return root, int(found.group(1))
    return root, None


_DEPTH_ERROR = re.compile(r"[Ee]xcessive depth in document: (\d+)")


def _heading_texts(doc: trafilatura.settings.Document) -> set[str]:
    if doc.body is None:
        return set()
    return {_norm("".join(h.itertext())) for h in doc.body.iter("head")}


def _is_chrome(paragraph: str) -> bool:
    """A short kept line made of widget vocabulary (the line classifier's strong UI phrases)."""
    f = line_features(paragraph)
    return f.words <= CHROME_MAX_WORDS and (f.strong_ui > 0 or f.nav)


def clean_html(html: str, url: str | None = None) -> CleanedHtml:
    """Extract the article from an HTML page with trafilatura, keeping account of the rest.

    Example:
        >>> page = ("<html><head><title>Talks resume</title></head><body><nav>Home | World</nav>"
        ...         "<article><h1>Talks resume</h1><p>" + "The ministers met in Geneva on Monday. " * 8
        ...         + "</p></article><footer>Share this article</footer></body></html>")
        >>> c = clean_html(page)
        >>> c.paragraphs[0][:38], "Share this article" in c.removed
        ('The ministers met in Geneva on Monday.', True)
    """
    doc = extract_body(html, url)
    page_lines = visible_lines(html)
    if doc is None:
        return CleanedHtml(paragraphs=[], removed=page_lines, too_deep=_parse(html)[1])
    heads = _heading_texts(doc)
    paragraphs: list[str] = []
    dropped: list[str] = []
    for line in (doc.text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        (dropped if _is_chrome(line) else paragraphs).append(line)
    kept_text = f" {_norm(' '.join(paragraphs))} "
    removed = [ln for ln in page_lines if f" {ln} " not in kept_text or ln in dropped]
    published = normalise_date(doc.date) or normalise_date(
        find_date(html, original_date=True, url=url)
    )
    return CleanedHtml(
        paragraphs=paragraphs,
        removed=removed,
        title=_norm(doc.title) if doc.title else None,
        sitename=_norm(doc.sitename) if doc.sitename else None,
        published=published,
        headings=[p for p in paragraphs if _norm(p) in heads],
        author=doc.author,
    )

