"""The one conftest: shared fixtures (stores, paths to ../shared data, a loaded model)."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# CI runs the property tests with a fixed seed so a run is repeatable; locally they keep
# exploring new examples.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


@pytest.fixture
def mem_store():
    """An in-memory Store, closed after the test."""
    from crosswire.store import Store

    store = Store(":memory:")
    yield store
    store.close()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repo (seeds, eval data); tests needing it skip when absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    path = shared_dir / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not present")
    return path


@pytest.fixture(scope="session")
def nlp_sm():
    """The pinned spaCy model with crosswire's components (loaded once, only when asked for)."""
    from crosswire.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def read_events(nlp_sm):
    """``read_events(published, text)``: the events crosswire reads from a text published that
    day, its places resolved first as the pipeline does."""
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    def read(published, text):
        doc = nlp_sm(text)
        return find_events(doc, doc_id="t", published=published, places=places_from_doc(doc))

    return read


ARTICLE = "DRAVNY (Meridian) - Shells hit the border town overnight, officials said on Tuesday.\n"


def make_warc(pages: list[tuple[str, str, bytes, str]], *, gzip_records: bool = True) -> bytes:
    """A WARC with a warcinfo record and a request + response per (url, status, body, type)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("t.warc.gz", {"software": "test"}))
    for url, status, body, content_type in pages:
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return buf.getvalue()


def good_warc() -> bytes:
    body = ("<html><body><p>" + "Report from the river. " * 200 + "</p></body></html>").encode()
    return make_warc(
        [
            ("https://k.example/a", "200 OK", body, "text/html; charset=utf-8"),
            ("https://k.example/b", "200 OK", body.replace(b"river", b"bridge"), "text/html"),
            ("https://k.example/c.txt", "200 OK", b"Plain report text.", "text/plain"),
            ("https://k.example/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
            ("https://k.example/gone", "404 Not Found", b"<html>Not found</html>", "text/html"),
        ]
    )


@pytest.fixture
def bad_inputs(tmp_path: Path) -> Path:
    """A folder of everything that goes wrong with real inputs (50 MB file included)."""
    root = tmp_path / "badinput"
    root.mkdir()
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200))
    (root / "archive.zip").write_bytes(b"PK\x03\x04" + bytes(100))
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b"   \n\n  ")
    with (root / "huge.txt").open("wb") as handle:
        handle.write(b"Endless scroll of words. " * 2_100_000)  # 52.5 MB
    (root / "invalid-utf8.txt").write_bytes("Grüße aus Köln, sagte der Außenminister.".encode("cp1252") + b" \x81")
    (root / "cyrillic.txt").write_bytes("Министр обороны Сергей Волков заявил во вторник, что войска отошли от границы реки.".encode("cp1251"))
    (root / "script-only.html").write_text("<html><script>var a = 1;</script></html>", encoding="utf-8")
    whole = good_warc()
    (root / "cut.warc.gz").write_bytes(whole[: len(whole) // 2])
    (root / "bad.gz").write_bytes(gzip.compress(b"some text")[:-12])
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / "README.md").write_text("Not an article.", encoding="utf-8")
    loop_dir = root / "nested"
    loop_dir.mkdir()
    (loop_dir / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (loop_dir / "back").symlink_to(root, target_is_directory=True)  # loops to the top
    (root / "dangling.txt").symlink_to(root / "missing-target.txt")
    os.mkfifo(root / "pipe")
    return root


# An article whose title, text and quote carry markup and script payloads: every page must
# show them as the words they are (tests/web). Written for these tests.
HOSTILE_ARTICLE = (
    "Mayor <script>alert('title')</script> quits <img src=x onerror=alert('img')>\n\n"
    "KESSEL, 4 March 2024 - The mayor of Kessel resigned on Monday after protesters occupied the town hall, "
    "police said.\n\n"
    "\"We will not be silenced <script>alert('quote')</script>,\" said protest leader Anna Brill "
    "<img src=x onerror=alert('speaker')>.\n"
)


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed store of the sample corpus plus HOSTILE_ARTICLE, built once for the web tests."""
    import shutil

    from crosswire.run import run
    from crosswire.settings import load_settings
    from crosswire.store import Store

    root = tmp_path_factory.mktemp("web")
    corpus = root / "corpus"
    shutil.copytree(Path(__file__).parents[1] / "examples" / "corpus", corpus)
    (corpus / "kessel-mayor-quits.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    db = root / "web.duckdb"
    with Store(db) as store:
        run([corpus], store, load_settings())
    return db
