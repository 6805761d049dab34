"""Tests for clean/html.py (and the HTML path of clean/article.py)."""

from __future__ import annotations

from crosswire.clean.article import clean_article
from crosswire.clean.html import clean_html, visible_lines
from crosswire.records import Document, RawArticle, Rejection, sha256_hex

BODY = [
    "The ministers of the five coastal states met in Geneva on Monday to discuss fishing quotas for the next decade.",
    "They agreed to cut the catch of cod by a fifth and to review the limits every two years, a spokesman said.",
    "Environmental groups welcomed the deal but said the cuts should have gone further to protect young fish.",
    "The agreement still has to be ratified by the parliaments of all five states before it takes effect next spring.",
]
PAGE = f"""<!DOCTYPE html><html><head><title>Coastal states agree fishing cuts | Harbour News</title>
<meta property="og:site_name" content="Harbour News">
<meta property="article:published_time" content="2021-05-04T09:00:00Z">
<script>var tracker = "do not keep me";</script><style>p {{ color: red }}</style></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sea">Sea</a></nav>
<div class="share">Share this article</div>
<article><h1>Coastal states agree fishing cuts</h1>
<p>{BODY[0]}</p><p>{BODY[1]}</p><h2>What happens next</h2><p>{BODY[2]}</p><p>{BODY[3]}</p></article>
<aside><h3>Most read</h3><ul><li>Storm closes port</li><li>Ferry fares rise</li></ul></aside>
<footer>Copyright 2021 Harbour News. All rights reserved.</footer></body></html>"""


def test_html_visible_lines_skip_scripts() -> None:
    lines = visible_lines(PAGE)
    assert "Share this article" in lines and BODY[0] in lines
    assert not any("tracker" in ln or "color: red" in ln for ln in lines)


def test_html_clean_keeps_body_and_accounts_for_the_rest() -> None:
    cleaned = clean_html(PAGE, "https://www.harbournews.example/world/fish")
    text = "\n".join(cleaned.paragraphs)
    for sentence in BODY:
        assert sentence in text
    for chrome in ("Share this article", "Storm closes port", "All rights reserved"):
        assert chrome not in text
        assert any(chrome in line for line in cleaned.removed)
    assert cleaned.published == "2021-05-04"
    assert cleaned.sitename == "Harbour News"
    assert cleaned.title and cleaned.title.startswith("Coastal states agree fishing cuts")


def test_html_nothing_lost() -> None:
    """Every visible line is in the kept body or in ``removed``."""
    cleaned = clean_html(PAGE)
    kept = " ".join(cleaned.paragraphs)
    for line in visible_lines(PAGE):
        assert line in kept or line in cleaned.removed


def test_html_script_only_page_is_rejected() -> None:
    page = b"<html><head><script>document.write('hi')</script></head><body><script>x()</script></body></html>"
    raw = RawArticle(id=sha256_hex(page), source="p.html", raw=page, kind="html")
    out = clean_article(raw, decoded_text=page.decode())
    assert isinstance(out, Rejection) and out.stage == "clean"
    assert clean_html(page.decode()).paragraphs == []


def test_html_article_document() -> None:
    raw = RawArticle(id=sha256_hex(PAGE.encode()), source="p.html", raw=PAGE.encode(), kind="html",
                     url="https://mirror.example/fish")
    doc = clean_article(raw, decoded_text=PAGE, encoding="utf-8")
    assert isinstance(doc, Document)
    assert doc.format == "html" and doc.language == "en"
    assert doc.outlet == "Harbour News" and doc.host == "mirror.example"
    assert doc.published == "2021-05-04"
    assert doc.text.startswith(BODY[0])
    for span in doc.headings:
        assert doc.text[span["start"] : span["end"]] == span["text"]


def test_html_wire_credit_in_page() -> None:
    page = PAGE.replace(BODY[0], "GENEVA (Reuters) - " + BODY[0]).replace(BODY[3], BODY[3] + " Xinhua")
    raw = RawArticle(id="x", source="p.html", raw=page.encode(), kind="html")
    doc = clean_article(raw, decoded_text=page)
    assert isinstance(doc, Document)
    assert doc.outlet == "Reuters"
    assert doc.text.startswith(BODY[0]) and doc.text.endswith(BODY[3])
    assert "GENEVA (Reuters) -" in doc.boilerplate and "Xinhua" in doc.boilerplate


def test_html_too_deeply_nested_says_so() -> None:
    depth = 100_000
    page = "<html><body>" + "<div>" * depth + f"<p>{BODY[0]}</p>" + "</div>" * depth + "</body></html>"
    raw = page.encode()
    out = clean_article(RawArticle(id=sha256_hex(raw), source="deep.html", raw=raw, kind="html"), decoded_text=page)
    assert isinstance(out, Rejection) and out.raw == raw
    assert "too deeply nested for the HTML parser" in out.reason and "empty" not in out.reason
