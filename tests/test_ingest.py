"""Tests for ingest/: every format, every bad input, and the sample corpus."""

from __future__ import annotations

import gzip
import io
import json
import os
from collections import Counter
from pathlib import Path

import pytest

import crosswire.ingest as ingest
from conftest import ARTICLE, good_warc, make_warc
from crosswire.clean.normalize import decode
from crosswire.ingest import read_feed, read_file, read_inputs, read_jsonl, read_warc
from crosswire.records import RawArticle, Rejection, sha256_hex

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"

HTML_PAGE = "<!DOCTYPE html><html><head><title>T</title></head><body><p>Shells hit Dravny.</p></body></html>"
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire</title>
<item><title>One</title><link>https://w.example/1</link><pubDate>Tue, 12 Mar 2024 09:30:00 +0100</pubDate>
<description>&lt;p&gt;First body.&lt;/p&gt;</description></item>
<item><title>Two</title><link>https://w.example/2</link><description>Second body.</description></item>
<item><title>Three, no link</title><description>Third body.</description></item>
<item><title>Empty</title><link>https://w.example/4</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Atom one</title><link href="https://a.example/1"/><updated>2024-03-13T10:00:00+02:00</updated>
<content type="html">&lt;p&gt;Atom body.&lt;/p&gt;</content></entry>
</feed>"""


def items_of(paths: list[str | Path], **kwargs: int) -> list[RawArticle | Rejection]:
    return list(read_inputs(paths, **kwargs))


# --- single formats ------------------------------------------------------------------


def test_text_and_html_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "noext").write_text(ARTICLE + "x", encoding="utf-8")
    (tmp_path / "notes.md").write_text(ARTICLE + "y", encoding="utf-8")
    (tmp_path / "page.htm").write_text("<p>Just a fragment</p>", encoding="utf-8")
    (tmp_path / "sniffed.txt").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "zipped.html.gz").write_bytes(gzip.compress(HTML_PAGE.encode() + b"<!-- z -->"))
    items = items_of([tmp_path])
    assert all(isinstance(i, RawArticle) for i in items)
    kinds = {Path(i.source).name: i.kind for i in items}
    assert kinds == {
        "a.txt": "text",
        "noext": "text",
        "notes.md": "text",
        "page.htm": "html",
        "sniffed.txt": "html",
        "zipped.html.gz": "html",
    }
    for item in items:
        assert item.id == sha256_hex(item.raw)
        assert item.source == os.path.join(str(tmp_path), Path(item.source).name)
    gz_item = next(i for i in items if i.source.endswith(".gz"))
    assert gz_item.raw.startswith(b"<!DOCTYPE html>")  # raw is the decompressed page


def test_sources_keep_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "000_x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    [folder_item] = items_of(["../seeds"])
    [file_item] = items_of(["../seeds/000_x.txt"])
    assert folder_item.source == "../seeds/000_x.txt"
    assert file_item.source == "../seeds/000_x.txt"
    assert folder_item.id == file_item.id


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Body one.", "title": "One", "url": "https://j.example/1", "date": "2024-03-12"}),
        "",  # blank line: not a record
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no body"}),
        json.dumps({"html": "<p>Two</p>", "text": "ignored", "outlet": "Ledger", "words": 2}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_jsonl(path))
    assert [type(i).__name__ for i in items] == ["RawArticle", "Rejection", "Rejection", "Rejection", "RawArticle"]
    first, bad_json, not_object, no_body, second = items
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle)
    assert first.source == f"{path}#L1" and second.source == f"{path}#L6"
    assert first.raw == lines[0].encode() and first.id == sha256_hex(lines[0].encode())
    assert first.kind == "text" and first.url == "https://j.example/1"
    assert first.hints == {
        "title": "One",
        "url": "https://j.example/1",
        "date": "2024-03-12",
        "published": "2024-03-12",
        "body": "Body one.",
    }
    assert second.kind == "html" and second.hints["body"] == "<p>Two</p>" and second.hints["outlet"] == "Ledger"
    assert "words" not in second.hints  # only string fields are hints
    for rejection, line_no in ((bad_json, 3), (not_object, 4), (no_body, 5)):
        assert isinstance(rejection, Rejection)
        assert rejection.stage == "ingest" and f"line {line_no}" in rejection.reason
        assert rejection.raw == lines[line_no - 1].encode()
    assert "not valid JSON" in bad_json.reason and "list" in not_object.reason


def test_warc_responses_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(good_warc())
    items = list(read_warc(path))
    assert all(isinstance(i, RawArticle) for i in items)
    assert [(i.url, i.kind) for i in items] == [
        ("https://k.example/a", "html"),
        ("https://k.example/b", "html"),
        ("https://k.example/c.txt", "text"),
    ]
    first = items[0]
    assert first.source.startswith(f"{path}#urn:uuid:")
    assert first.raw.startswith(b"<html>") and first.id == sha256_hex(first.raw)
    assert first.hints["charset"] == "utf-8"
    assert first.hints["content_type"] == "text/html; charset=utf-8"
    assert first.hints["warc_date"].endswith("Z")
    assert "charset" not in items[1].hints
    # Uncompressed WARCs read the same way, dispatched by content as well as by name.
    (tmp_path / "plain.dat").write_bytes(make_warc([("https://k.example/p", "200 OK", b"<p>x</p>", "text/html")], gzip_records=False))
    [plain] = items_of([tmp_path / "plain.dat"])
    assert isinstance(plain, RawArticle) and plain.url == "https://k.example/p"


@pytest.mark.parametrize("compressed", [True, False])
def test_truncated_warc_keeps_records_before_the_break(tmp_path: Path, compressed: bool) -> None:
    whole = make_warc(
        [(f"https://k.example/{n}", "200 OK", (f"<p>page {n} " + "text " * 400 + "</p>").encode(), "text/html") for n in range(3)],
        gzip_records=compressed,
    )
    chopped = whole[: len(whole) * 2 // 3]
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    path.write_bytes(chopped)
    items = list(read_warc(path))
    *articles, rejection = items
    assert 1 <= len(articles) < 3 and all(isinstance(a, RawArticle) for a in articles)
    assert isinstance(rejection, Rejection)
    assert rejection.stage == "ingest" and rejection.reason.startswith("truncated WARC: read ")
    assert rejection.raw == chopped and rejection.id == sha256_hex(chopped)


def test_garbage_warc_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a web archive at all")
    [rejection] = list(read_warc(path))
    assert isinstance(rejection, Rejection) and "unreadable WARC" in rejection.reason


def test_rss_and_atom_feeds(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "desk.xml").write_text(ATOM, encoding="utf-8")
    rss_items = list(read_file(tmp_path / "wire.rss"))
    assert [type(i).__name__ for i in rss_items] == ["RawArticle"] * 3 + ["Rejection"]
    one, two, three, empty = rss_items
    assert isinstance(one, RawArticle) and isinstance(two, RawArticle) and isinstance(three, RawArticle)
    assert one.source == f"{tmp_path / 'wire.rss'}#https://w.example/1" and one.url == "https://w.example/1"
    assert one.kind == "html" and one.hints["body"] == "<p>First body.</p>" and one.id == sha256_hex(one.raw)
    assert one.hints == {"title": "One", "published": "2024-03-12T09:30:00+01:00", "outlet": "Test Wire", "body": "<p>First body.</p>"}
    assert "published" not in two.hints
    assert three.source.endswith("wire.rss#3") and three.url is None
    assert isinstance(empty, Rejection) and "feed entry 4" in empty.reason and empty.raw
    [atom] = list(read_file(tmp_path / "desk.xml"))  # .xml is sniffed as a feed
    assert isinstance(atom, RawArticle)
    assert atom.hints == {"title": "Atom one", "published": "2024-03-13T10:00:00+02:00", "outlet": "Atom Desk", "body": "<p>Atom body.</p>"}


def test_unparseable_feed_and_plain_xml_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "broken.rss").write_bytes(b"<rss><channel><title>oops</ti")
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url>x</url></urlset>', encoding="utf-8")
    broken, sitemap = items_of([tmp_path])
    assert isinstance(broken, Rejection) and "feed" in broken.reason and broken.raw
    assert isinstance(sitemap, Rejection) and "not an RSS or Atom feed" in sitemap.reason


# --- bad inputs ----------------------------------------------------------------------


def test_bad_input_folder_finishes_and_explains_everything(bad_inputs: Path) -> None:
    items = items_of([bad_inputs])
    by_name = {os.path.relpath(i.source.split("#")[0], bad_inputs): i for i in items}
    assert all(isinstance(i, RawArticle) or (isinstance(i, Rejection) and i.reason) for i in items)

    def reason(name: str) -> str:
        item = by_name[name]
        assert isinstance(item, Rejection), name
        return item.reason

    assert reason("photo.jpg") == "binary file (JPEG image), not text"
    assert by_name["photo.jpg"].stage == "decode"  # type: ignore[union-attr]
    assert reason("archive.zip") == "binary file (ZIP archive), not text"
    assert reason("empty.txt") == reason("blank.txt") == "empty input"
    assert reason("huge.txt") == "file is 52.5 MB, over the 20 MB limit (max_bytes)"
    assert by_name["huge.txt"].raw is not None and len(by_name["huge.txt"].raw) == 52_500_000  # type: ignore[arg-type]
    assert reason("cut.warc.gz").startswith("truncated WARC: read ")
    assert reason("bad.gz").startswith("unreadable gzip file")
    assert reason("nested/back").startswith("directory symlink loop: ")
    assert reason("dangling.txt").startswith("broken symlink: ")
    assert reason("pipe").startswith("not a regular file")
    for name in ("invalid-utf8.txt", "cyrillic.txt", "nested/story.txt", "script-only.html"):
        assert isinstance(by_name[name], RawArticle), name
    assert by_name["script-only.html"].kind == "html"  # type: ignore[union-attr]
    assert decode(by_name["cyrillic.txt"].raw).text.startswith("Министр обороны Сергей Волков")
    assert ".DS_Store" not in by_name and "README.md" not in by_name
    counts = Counter(type(i).__name__ for i in items)
    warc_articles = sum(1 for i in items if isinstance(i, RawArticle) and "cut.warc.gz#" in i.source)
    assert counts == {"RawArticle": 4 + warc_articles, "Rejection": 10}
    assert len({i.id for i in items if isinstance(i, Rejection)}) == 10  # empty files do not collide


def test_walk_is_deterministic_and_reads_a_folder_once(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.txt"):
        (tmp_path / name).write_text(f"{name} {ARTICLE}", encoding="utf-8")
    (tmp_path / "z-alias").symlink_to(tmp_path / "sub", target_is_directory=True)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text(ARTICLE, encoding="utf-8")
    first = [i.source for i in items_of([tmp_path, tmp_path])]
    assert first == [i.source for i in items_of([tmp_path])]
    names = [os.path.relpath(s, tmp_path) for s in first]
    assert names == ["a.txt", "b.txt", "c.txt", "sub/d.txt"]  # the alias repeats sub: skipped


def test_missing_path_is_rejected_with_path_hash(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope")
    [rejection] = items_of([missing])
    assert isinstance(rejection, Rejection)
    assert rejection.reason == f"no such file or directory: {missing}"
    assert rejection.id == sha256_hex(missing.encode()) and rejection.raw is None
    assert rejection.code == "E101"


def test_unreadable_file_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(ingest.base, "open", refuse, raising=False)  # where _load opens files
    [rejection] = items_of([path])
    assert isinstance(rejection, Rejection) and rejection.stage == "ingest"
    assert rejection.reason == f"cannot read {path}: Permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    [rejection] = items_of([tmp_path])
    assert isinstance(rejection, Rejection) and "Permission denied" in rejection.reason


def test_max_bytes_is_a_setting(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    [rejection] = items_of([tmp_path], max_bytes=10)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == f"file is {len(ARTICLE)} bytes, over the 10 bytes limit (max_bytes)"
    assert rejection.raw == ARTICLE.encode()


# --- the sample corpus ---------------------------------------------------------------


def test_examples_corpus_reads_cleanly() -> None:
    items = items_of([CORPUS])
    assert len(items) >= 20
    assert [i for i in items if isinstance(i, Rejection)] == []
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert len({a.id for a in articles}) == len(articles)
    kinds = Counter(a.kind for a in articles)
    assert kinds["html"] >= 7 and kinds["text"] >= 11
    formats = Counter(a.source.split("#")[0].rsplit(".", 1)[-1] for a in articles)
    assert formats["gz"] == 3 and formats["rss"] == 3 and formats["jsonl"] == 2
    by_file = {Path(a.source).name: a for a in articles}
    russian = decode(by_file["korvograd-vestnik-volkov.ru.txt"].raw)
    assert russian.encoding == "cp1251" and "Сергей Волков" in russian.text
    french = decode(by_file["echo-du-nord-cessez-le-feu.fr.txt"].raw)
    assert "Sergueï Volkov" in french.text and "défense" in french.text
    ledger = decode(by_file["northern-ledger-kestria-border-town-shelled.txt"].raw)
    assert "Kestria’s interior ministry" in ledger.text and "â€" not in ledger.text


# --- limits per record, before decoding (issue 10) ------------------------------------


@pytest.mark.issue(10)
def test_warc_record_over_max_bytes_is_rejected_before_decoding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = ("<html><body><p>" + "Shells hit the bridge at dawn. " * 2000 + "</p></body></html>").encode()  # 62 KB
    small = b"<html><body><p>Shells hit the river bank.</p></body></html>"
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(make_warc([("https://k.example/big", "200 OK", big, "text/html"),
                                ("https://k.example/small", "200 OK", small, "text/html")]))
    assert path.stat().st_size < 20_000  # the file is small: only the record is over the limit
    decoded: list[int] = []
    real = ingest.warc.detect_encoding
    monkeypatch.setattr(ingest.warc, "detect_encoding", lambda raw, *a: decoded.append(len(raw)) or real(raw, *a))
    rejected, article = list(read_warc(path, max_bytes=20_000))
    assert isinstance(rejected, Rejection) and isinstance(article, RawArticle)
    assert rejected.reason.startswith("WARC record ") and "over the 20,000 bytes limit (max_bytes)" in rejected.reason
    assert rejected.source.startswith(f"{path}#urn:uuid:") and rejected.stage == "ingest"
    assert rejected.raw == big and rejected.id == sha256_hex(big)
    assert article.url == "https://k.example/small"
    assert max(decoded) <= 20_000  # the big record was never decoded


@pytest.mark.issue(10)
def test_jsonl_is_read_line_by_line_with_limits_per_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"Report {n}. " + "Shells hit the town. " * 250}) for n in range(3)]  # ~5 KB each
    lines.append(json.dumps({"text": "Long report. " + "Shells hit the town. " * 700}))  # ~15 KB
    lines.append(json.dumps({"text": "Wide report. " + "Shells hit the town. " * 420}))  # 8,833 chars, 9 KB
    lines.append(json.dumps({"text": "Снаряды упали. " * 300}, ensure_ascii=False))  # 4,500 chars, 8 KB
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 30_000  # the whole file is over max_bytes; no line of it is
    items = items_of([path], max_bytes=10_000, max_chars=8_000)
    assert [type(i).__name__ for i in items] == ["RawArticle"] * 3 + ["Rejection", "Rejection", "RawArticle"]
    over_bytes, over_chars = items[3], items[4]
    assert isinstance(over_bytes, Rejection) and isinstance(over_chars, Rejection)
    assert over_bytes.reason == f"line 4 is {len(lines[3]):,} bytes, over the 10,000 bytes limit (max_bytes)"
    assert over_bytes.raw == lines[3].encode() and over_bytes.source == f"{path}#L4"
    assert "8,833 characters" in over_chars.reason and "(max_chars)" in over_chars.reason
    assert over_chars.raw == lines[4].encode()


@pytest.mark.issue(10)
def test_text_over_max_chars_is_rejected_fast_before_cleaning(tmp_path: Path) -> None:
    import time

    text = "Shells hit the border town overnight, officials said. " * 20_000  # 1.08 M characters
    (tmp_path / "dump.txt").write_text(text, encoding="utf-8")
    (tmp_path / "wide.txt").write_text("Снаряды попали в город. " * 3_000, encoding="utf-8")  # 72 K chars, 135 KB
    started = time.perf_counter()
    dump, wide = items_of([tmp_path], max_chars=100_000)
    assert time.perf_counter() - started < 1.0
    assert isinstance(dump, Rejection) and dump.stage == "ingest"
    assert dump.reason == f"text has {len(text):,} characters, over the 100,000 characters limit (max_chars)"
    assert dump.raw == text.encode() and dump.id == sha256_hex(dump.raw)
    assert isinstance(wide, RawArticle)  # characters are counted, not bytes


@pytest.mark.issue(10)
def test_feed_entry_over_max_chars_is_rejected(tmp_path: Path) -> None:
    long_body = "Shells hit the town. " * 1000
    feed = RSS.replace("<description>Second body.</description>", f"<description>{long_body}</description>")
    (tmp_path / "wire.rss").write_text(feed, encoding="utf-8")
    items = list(read_file(tmp_path / "wire.rss", max_chars=10_000))
    two = items[1]
    assert isinstance(two, Rejection) and "(max_chars)" in two.reason and "feed entry 2" in two.reason
    assert two.raw is not None and two.raw in feed.encode() and long_body.encode() in two.raw


@pytest.mark.issue(10)
@pytest.mark.parametrize("name", ["bomb.warc.gz", "bomb.gz", "bomb.dat"])
def test_gzip_bomb_stops_at_the_limit_and_says_so(tmp_path: Path, name: str) -> None:
    import tracemalloc

    path = tmp_path / name
    path.write_bytes(gzip.compress(bytes(10_000_000)))  # 10 KB that inflate to 10 MB
    tracemalloc.start()
    try:
        [rejection] = items_of([path], max_bytes=1_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(rejection, Rejection)
    assert "decompresses to over 1 MB" in rejection.reason and "(max_bytes)" in rejection.reason
    assert rejection.raw == path.read_bytes()
    assert peak < 3_000_000  # never inflated whole


# --- unknown extensions are sniffed; feed entries keep the feed's bytes ---------------


@pytest.mark.issue(10)
def test_unknown_extensions_are_read_by_content(tmp_path: Path) -> None:
    body = b"<p>" + b"The minister said on Monday that the talks would go on. " * 5 + b"</p>"
    (tmp_path / "a.dat").write_bytes(gzip.compress(HTML_PAGE.encode()))
    (tmp_path / "b.log").write_text("\n".join(json.dumps({"text": f"Story {n} here."}) for n in range(3)) + "\n", encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"articles": [{"text": "x"}]}, indent=2), encoding="utf-8")
    (tmp_path / "d.page").write_bytes(b"\n  <!-- saved page -->\n<HTML><body>" + body + b"</body></HTML>")
    (tmp_path / "e.bin").write_bytes(b"\x00\x01\x02binary")
    by_name: dict[str, list[RawArticle | Rejection]] = {}
    for item in items_of([tmp_path]):
        by_name.setdefault(Path(item.source.split("#")[0]).name, []).append(item)
    [a] = by_name["a.dat"]
    assert isinstance(a, RawArticle) and a.kind == "html" and a.raw == HTML_PAGE.encode()
    assert [i.source.rsplit("#", 1)[1] for i in by_name["b.log"]] == ["L1", "L2", "L3"]
    assert all(isinstance(i, RawArticle) and i.hints["body"].startswith("Story") for i in by_name["b.log"])
    [c] = by_name["c.json"]
    assert isinstance(c, Rejection) and "JSON" in c.reason and "JSON Lines" in c.reason
    [d] = by_name["d.page"]
    assert isinstance(d, RawArticle) and d.kind == "html"
    [e] = by_name["e.bin"]
    assert isinstance(e, Rejection) and e.reason.startswith("binary file")


@pytest.mark.issue(10)
def test_feed_entries_keep_the_feed_bytes_of_their_element(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    feed = path.read_bytes()
    one, two, three, empty = read_file(path)
    for item in (one, two, three, empty):
        assert item.raw is not None and item.raw in feed and item.id == sha256_hex(item.raw)
        assert item.raw.startswith(b"<item>") and item.raw.endswith(b"</item>")
    assert isinstance(one, RawArticle) and one.hints["body"] == "<p>First body.</p>"
    assert b"<title>One</title>" in one.raw and b"<title>Empty</title>" in empty.raw
    atom = tmp_path / "desk.atom"
    atom.write_text(ATOM, encoding="utf-8")
    [entry] = read_file(atom)
    assert entry.raw.startswith(b"<entry>") and entry.raw in atom.read_bytes()


# --- found by bench/fuzz.py: inputs that crashed or vanished --------------------------------

def test_a_warc_without_an_article_record_is_a_rejection_not_nothing(tmp_path: Path) -> None:
    path = tmp_path / "only-errors.warc.gz"
    path.write_bytes(make_warc([("https://k.example/a", "404 Not Found", b"<p>gone</p>", "text/html"),
                                ("https://k.example/b.png", "200 OK", b"\x89PNG", "image/png")]))
    [item] = list(read_inputs([path]))
    assert isinstance(item, Rejection) and "no article" in item.reason and item.raw == path.read_bytes()


def test_a_blank_jsonl_file_is_a_rejection_not_nothing(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n\n", encoding="utf-8")
    [item] = list(read_inputs([path]))
    assert isinstance(item, Rejection) and "no records" in item.reason


def test_a_url_that_is_not_one_gives_no_host_rather_than_a_crash() -> None:
    from crosswire.clean.metadata import host_from_url

    assert host_from_url("http://[::1") is None
    assert host_from_url("https://kestriatoday.example[b]x[/b]/a") is None
    assert host_from_url("https://www.kestriatoday.example/a") == "kestriatoday.example"


def test_a_feed_date_of_year_zero_is_no_date_rather_than_a_crash(tmp_path: Path) -> None:
    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>Bridge reopens</title>"
            "<link>https://k.example/a</link><pubDate>0000-00-00</pubDate><description>"
            + "The bridge over the river reopened on Tuesday after repairs, the mayor said. " * 3
            + "</description></item></channel></rss>")
    path = tmp_path / "f.rss"
    path.write_text(feed, encoding="utf-8")
    [item] = list(read_inputs([path]))
    assert isinstance(item, RawArticle) and not item.hints.get("published")
