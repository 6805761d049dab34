"""Fuzz ingest and cleaning: hypothesis-generated files through read_inputs and to_document.

Usage: python bench/fuzz.py [--n 10000] [--seed 0] [--workers 2] [--timeout 60] [--keep DIR]

Inputs are random bytes, mutations of the files in examples/corpus (bit flips, truncations,
splices, duplicated chunks, inserted markup), texts in other encodings (UTF-16/32, cp1251,
latin-1, broken UTF-8, BOMs), markup-like text, generated JSONL/RSS/WARC with odd fields,
and empty or huge-ish files. Each is written to a temp file and read the way `crosswire run`
reads it. Prints inputs, seconds, documents, rejections by reason class and every distinct
crash (an exception escaping ingest or cleaning) or hang, and checks that the counts add up:
every file yields at least one item, and every item ends as one document or one rejection.
Exits 1 on any crash, hang or count that does not add up.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import html
import io
import json
import multiprocessing
import os
import random
import re
import signal
import sys
import tempfile
import time
import traceback
import uuid
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import hypothesis
from hypothesis import HealthCheck, Phase, given, settings, strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosswire.ingest import read_inputs
from crosswire.records import Document, RawArticle, Rejection
from crosswire.run import to_document

_DIGITS = re.compile(r"\d+")
_QUOTED = re.compile(r"\(.*\)|'[^']*'|\"[^\"]*\"|: .*$")

# -- inputs ---------------------------------------------------------------------------------
# Hypothesis draws every choice (kind, file, operation, position, encoding, field values);
# large payloads are expanded from drawn seeds, since a drawn example stays a few KB.

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
EXTS = [".txt", ".html", ".htm", ".jsonl", ".ndjson", ".rss", ".atom", ".xml", ".warc", ".warc.gz", ".gz", "", ".bin"]
ENCODINGS = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "latin-1", "cp1252", "koi8-r",
             "shift_jis", "gb18030", "utf-8-sig", "utf-7", "mac-roman"]
FRAGMENTS = [b"[/]", b"[b]x[/b]", b"[url=http://a]", b"<script>", b"</script>", b"<style>", b"<!--", b"-->",
             b"<![CDATA[", b"]]>", b"<", b">", b"&", b"&#0;", b"&#x110000;", b"&nbsp;" * 50, b"\x00", b"\xff\xfe",
             b"\xef\xbb\xbf", b"\r", b"\n\n", "\u2028\u202e\u200b".encode(), b"<html><body>", b"<?xml version='1.0'?>",
             b"<rss version='2.0'>", b"WARC/1.0\r\n", b'{"text": "', b"\xc3", b"\xe2\x80", b"\xed\xa0\x80",
             b"\x1f\x8b\x08\x00", b"<p>" * 200, b"</div>" * 50, b"Share this article\n", b"(Reuters) - "]
ODD_VALUES = ["", " ", "null", "http://[::1", "http://[bad/", "not a url", "https://exa mple.org/\u00fc",
              "javascript:alert(1)", "http://" + "a" * 3000, "file:///etc/passwd", "0000-00-00", "2024-02-30",
              "9999999999999999", "Mon, 99 Foo 2024 25:61:61 +9999", "1970-01-01T00:00:00Z", "\ud800", "\x00",
              "<b>Outlet</b>", "x" * 5000, "utf-16", "nonsense-charset", "html", "pdf", "TEXT", "12 March 2024",
              "-1", "0", "1e309", "99999-01-01", "2024-13-45T99:99:99", "yesterday", "3000000000", "\u0663\u0660"]


@dataclass
class FuzzInput:
    kind: str
    name: str
    data: bytes


def _corpus() -> list[tuple[str, bytes]]:
    files = [(p.name, p.read_bytes()) for p in sorted(CORPUS.iterdir()) if p.is_file() and p.name != "README.md"]
    # The WARC uncompressed too, so mutations reach its record parser and not only gzip.
    return files + [(n[: -len(".gz")], gzip.decompress(b)) for n, b in files if n.endswith(".gz")]


def _texts(corpus: list[tuple[str, bytes]]) -> list[str]:
    from crosswire.clean.normalize import decode

    return [decode(b).text for n, b in corpus if n.endswith(".txt")]


def _expand(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


@st.composite
def _mutated(draw, corpus):
    name, data = draw(st.sampled_from(corpus))
    ops = []
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["bitflip", "truncate", "splice", "duplicate", "delete", "insert", "repeat"]))
        at, span = int(draw(st.floats(0, 1)) * len(data)), draw(st.integers(1, 400))
        if op == "bitflip" and data:
            flipped = bytearray(data)
            for i, bit in draw(st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(0, 7)), min_size=1, max_size=16)):
                flipped[i] ^= 1 << bit
            data = bytes(flipped)
        elif op == "truncate":
            data = data[:at]
        elif op == "splice":
            other = draw(st.sampled_from(corpus))[1]
            data = data[:at] + other[int(draw(st.floats(0, 1)) * len(other)) :]
        elif op == "duplicate":
            data = data[:at] + data[at : at + span] + data[at:]
        elif op == "delete":
            data = data[:at] + data[at + span :]
        elif op == "insert":
            data = data[:at] + draw(st.sampled_from(FRAGMENTS) | st.binary(max_size=64)) + data[at:]
        elif op == "repeat":
            data = data[:at] + data[at : at + span] * draw(st.integers(2, 300)) + data[at:]
        ops.append(op)
    ext = draw(st.sampled_from([None, *EXTS]))  # None: the original name, so the same reader
    return FuzzInput(f"mutate:{'+'.join(sorted(set(ops)))}", ("input" + ext) if ext is not None else name, data)


def _text(draw, texts) -> str:
    return draw(st.sampled_from(texts) | st.text(max_size=400) |
                st.lists(st.sampled_from(texts) | st.text(max_size=60), max_size=4).map("\n\n".join))


@st.composite
def _encoded(draw, texts):
    text = _text(draw, texts)
    how = draw(st.sampled_from([*ENCODINGS, "broken-utf-8", "surrogates", "mixed", "mojibake", "bom+cp1251"]))
    if how == "broken-utf-8":  # stray continuation and lead bytes, and a cut last character
        raw = bytearray(text.encode("utf-8"))
        for at, byte in draw(st.lists(st.tuples(st.integers(0, len(raw)), st.sampled_from(b"\x80\xc3\xe2\xf0\xff")),
                                      min_size=1, max_size=20)):
            raw.insert(at, byte)
        data = bytes(raw)[: len(raw) - draw(st.integers(0, 2))]
    elif how == "surrogates":
        data = (text + "\ud800 \udfff").encode("utf-8", "surrogatepass")
    elif how == "mixed":
        data = text[: len(text) // 2].encode("utf-8") + text[len(text) // 2 :].encode("cp1251", "replace")
    elif how == "mojibake":
        data = text.encode("utf-8").decode("latin-1").encode("utf-8")
    else:
        bom = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])) if how == "bom+cp1251" else b""
        data = bom + text.encode("cp1251" if bom else how, "replace")
    return FuzzInput(f"encoding:{how}", "input" + draw(st.sampled_from([".txt", ".html", ".jsonl", ""])), data)


@st.composite
def _markup(draw, texts):
    body = _text(draw, texts)
    depth = draw(st.sampled_from([1, 1, 10, 10, 100, 100, 300, 1000, 1000, 5000, 20000]))
    tag = draw(st.sampled_from(["div", "p", "b", "table", "span", "li", "a", "iframe", "svg", "font"]))
    pieces = {
        "nested": f"<{tag}>" * depth + body + f"</{tag}>" * draw(st.sampled_from([0, depth])),
        "bbcode": body.replace(" ", " [/] ", draw(st.integers(1, 50))) + "[quote][b]" * depth,
        "script": "<html><body><script>" + body + draw(st.sampled_from(["", "</script>"])) + "<p>" + body,
        "comment": "<!-- " + body + draw(st.sampled_from(["", " -->"])) + "<p>" + body + "</p>",
        "cdata": "<![CDATA[" + body + "]]>" * draw(st.integers(0, 2)),
        "entities": "&amp;" * depth + "&#" + str(draw(st.integers(0, 2**40))) + ";" + body,
        # Capped: libxml2's HTML parser is quadratic in attributes (3 s for 20,000).
        "attributes": f"<{tag} " + " ".join(f'a{i}="{i}"' for i in range(min(depth, 5000))) + ">" + body,
    }
    which = draw(st.sampled_from(sorted(pieces)))
    prefix = draw(st.sampled_from(["", "<!doctype html>", "<?xml version='1.0'?>", "<html>", "<rss>"]))
    ext = draw(st.sampled_from([".html", ".txt", "", ".xml"]))
    return FuzzInput(f"markup:{which}", "input" + ext, (prefix + pieces[which]).encode("utf-8", "surrogatepass"))


@st.composite
def _jsonl(draw, texts):
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        shape = draw(st.sampled_from(["record", "record", "junk", "deep"]))
        if shape == "junk":
            lines.append(draw(st.sampled_from([b"[1, 2]", b"null", b"{", b'"text"', b"\xef\xbb\xbf{}", b"{}\r"])))
            continue
        if shape == "deep":
            lines.append(b"[" * draw(st.integers(100, 200000)) + b"]")
            continue
        body = _text(draw, texts)
        odd = draw(st.sampled_from(["", "\ud800", "\udfff", "\x00", "\uffff", "\u2028", "\u202e", "\x85"]))
        at = draw(st.integers(0, len(body)))
        record = {draw(st.sampled_from(["text", "html", "body", "content"])): body[:at] + odd + body[at:]}
        for key in draw(st.lists(st.sampled_from(["text", "html", "title", "published", "date", "outlet", "url",
                                                 "source", "kind", "charset", "body"]), max_size=5)):
            record[key] = draw(st.sampled_from(ODD_VALUES) | st.text(max_size=80) | st.sampled_from(texts) |
                               st.integers() | st.none() | st.lists(st.integers(), max_size=2))
        ascii_only = draw(st.booleans())
        lines.append(json.dumps(record, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass"))
    return FuzzInput("jsonl", "input" + draw(st.sampled_from([".jsonl", ".ndjson"])), b"\n".join(lines))


@st.composite
def _feed(draw, texts):
    entries = []
    for _ in range(draw(st.integers(0, 5))):
        body = html.escape(_text(draw, texts)) if draw(st.booleans()) else "<![CDATA[<p>" + _text(draw, texts) + "]]>"
        link, date = (html.escape(draw(st.sampled_from(ODD_VALUES))) for _ in range(2))
        tag = draw(st.sampled_from(["description", "content:encoded", "summary"]))
        entries.append(f"<item><title>{html.escape(draw(st.text(max_size=40)))}</title><link>{link}</link>"
                       f"<pubDate>{date}</pubDate><{tag}>{body}</{tag}></item>")
    encoding = draw(st.sampled_from(["utf-8", "windows-1251", "utf-16", "latin-1"]))
    doc = (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0" '
           f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>'
           f"{html.escape(draw(st.sampled_from(ODD_VALUES)))}</title>{''.join(entries)}</channel></rss>")
    data = doc.encode(draw(st.sampled_from(["utf-8", "cp1251", "utf-16"])), "replace")
    return FuzzInput("feed", "input" + draw(st.sampled_from([".rss", ".atom", ".xml", ""])), data)


@st.composite
def _warc(draw, corpus, texts):
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=draw(st.booleans()))
    try:
        for _ in range(draw(st.integers(0, 4))):
            payload = draw(st.sampled_from([b for _, b in corpus]) | st.binary(max_size=300) |
                           st.builds(lambda t, e: t.encode(e, "replace"), st.sampled_from(texts), st.sampled_from(ENCODINGS)))
            ctype = draw(st.sampled_from(["text/html", "text/html; charset=utf-16", "text/html; charset=nonsense",
                                          "text/plain; charset=cp1251", "application/xhtml+xml", 'text/html; charset=""',
                                          "image/png", "", "text/html; charset=utf-8; charset=latin-1"]))
            status = draw(st.sampled_from(["200 OK", "404 Not Found", "301 Moved", "200", "299 Odd"]))
            uri = draw(st.sampled_from([v for v in ODD_VALUES[:10] if " " not in v]))
            rec_type = draw(st.sampled_from(["response", "response", "resource", "request", "metadata"]))
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            # Record id and date drawn too, or warcio would make each run's bytes differ.
            headers = {"WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=draw(st.integers(0, 2**128 - 1)))}>",
                       "WARC-Date": draw(st.sampled_from(["2024-03-15T20:00:00Z", "2024-13-99T99:99:99Z", "x"]))}
            if rec_type == "resource":
                headers["Content-Type"] = ctype
            writer.write_record(writer.create_warc_record(
                uri, rec_type, payload=io.BytesIO(payload), http_headers=http if rec_type == "response" else None,
                warc_headers_dict=headers))
    except Exception:  # warcio refusing a drawn header: keep what was written
        pass
    data = buf.getvalue()
    if draw(st.booleans()) and data:
        at = int(draw(st.floats(0, 1)) * len(data))
        data = draw(st.sampled_from([data[:at], data[:at] + _expand(at, 64) + data[at:]]))
    return FuzzInput("warc", "input" + draw(st.sampled_from([".warc", ".warc.gz", ".gz", ""])), data)


@st.composite
def _random(draw):
    size = draw(st.sampled_from([1, 16, 300, 4000, 60_000]))
    data = draw(st.binary(max_size=size)) if size <= 300 else _expand(draw(st.integers(0, 2**32)), size)
    return FuzzInput("random", "input" + draw(st.sampled_from(EXTS)), draw(st.sampled_from(["", "WARC/1.0\r\n", "<rss>"])).encode() + data)


@st.composite
def _edge(draw):
    size = draw(st.sampled_from([0, 1, 100, 10_000, 100_000, 400_000]))
    word = draw(st.sampled_from(["word ", "a", "Share ", "\u0416", "\u200b", "<p>", "- ", "1", "\t"]))
    what = draw(st.sampled_from(["empty", "space", "bom", "nul", "huge-line", "many-lines", "cr-only"]))
    data = {
        "empty": b"", "space": b" \n\t\r\n" * (size // 5), "bom": draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe"])),
        "nul": b"\x00" * size, "huge-line": (word * (size // len(word) + 1)).encode(),
        "many-lines": ("Line of text.\n" * (size // 14 + 1)).encode(), "cr-only": ("A short line.\r" * (size // 14)).encode(),
    }[what]
    return FuzzInput(f"edge:{what}", "input" + draw(st.sampled_from(EXTS)), data)


def generate(n: int, seed: int) -> list[FuzzInput]:
    """``n`` inputs drawn by hypothesis under ``seed`` (the same seed draws the same inputs)."""
    corpus = _corpus()
    texts = _texts(corpus)
    # Drawn by name, not st.one_of, so each kind keeps its share however the run goes.
    kinds = {"mutate": _mutated(corpus), "encoding": _encoded(texts), "markup": _markup(texts),
             "jsonl": _jsonl(texts), "feed": _feed(texts), "warc": _warc(corpus, texts), "edge": _edge(),
             "random": _random()}
    weights = ["mutate"] * 3 + ["encoding", "markup", "jsonl"] * 2 + ["feed", "warc", "edge", "random"]
    strategy = st.sampled_from(weights).flatmap(kinds.__getitem__)
    out: list[FuzzInput] = []

    @hypothesis.seed(seed)
    @settings(max_examples=n, phases=[Phase.generate], database=None, deadline=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(item):
        out.append(item)

    collect()
    return out[:n]


# -- running --------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What one input file became."""

    kind: str
    items: int = 0
    docs: int = 0
    rejections: list[str] = field(default_factory=list)  # reason classes
    crash: tuple[str, str, str, str] | None = None  # (stage, exception, site, summary)
    problems: list[str] = field(default_factory=list)  # counts that do not add up
    seconds: float = 0.0


class _Timeout(BaseException):  # not Exception: a library's broad except must not swallow it
    pass


def _on_alarm(signum, frame):
    raise _Timeout()


def reason_class(rej: Rejection, path: str) -> str:
    """A rejection's stage, code and reason with paths, numbers and quoted details blanked."""
    reason = " ".join(rej.reason.replace(path, "<file>").split())
    reason = _DIGITS.sub("N", _QUOTED.sub("…", reason))
    return f"{rej.stage} {rej.code}: {reason[:70]}"


def crash_site(exc: BaseException) -> tuple[str, str]:
    """The innermost frame in crosswire (where to look) and a three-frame summary."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f"{os.sep}crosswire{os.sep}" in f.filename]
    site = ours[-1] if ours else frames[-1]
    where = f"{site.filename.split(os.sep + 'crosswire' + os.sep)[-1]}:{site.lineno} {site.name}"
    summary = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames[-3:]))
    return where, summary


def run_one(item: FuzzInput, workdir: str, timeout: float) -> Outcome:
    """Read one input file through ingest and cleaning, recording every outcome."""
    out, path, stage = Outcome(kind=item.kind), os.path.join(workdir, item.name), "ingest"
    Path(path).write_bytes(item.data)
    started = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        for got in read_inputs([path]):
            out.items += 1
            if not got.source.startswith(path):
                out.problems.append(f"item source {got.source!r} is not under the input")
            if isinstance(got, Rejection):
                out.rejections.append(reason_class(got, path))
                continue
            stage = "clean"
            doc = to_document(got)
            stage = "ingest"
            if isinstance(doc, Rejection):
                out.rejections.append(reason_class(doc, path))
            elif isinstance(doc, Document):
                out.docs += 1
                if not doc.text.strip():
                    out.problems.append("document with blank text")
            else:
                out.problems.append(f"to_document returned {type(doc).__name__}")
    except (_Timeout, Exception) as exc:  # anything escaping ingest or cleaning is the bug we are after
        what = f"Hang: over {timeout:g} s" if isinstance(exc, _Timeout) else f"{type(exc).__name__}: {str(exc)[:100]}"
        out.crash = (stage, what, *crash_site(exc))  # a hang's site is where the alarm caught it
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        out.seconds = time.perf_counter() - started
        os.unlink(path)
    if out.items == 0 and out.crash is None:
        out.problems.append("no item: the input was silently skipped")
    return out


def _run_chunk(args: tuple[list[FuzzInput], float]) -> list[Outcome]:
    chunk, timeout = args
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        # warcio writes its warnings about damaged records to stderr and feedparser warns of
        # deprecations for every odd feed; they would bury the figures.
        with tempfile.TemporaryDirectory(prefix="crosswire-fuzz-") as workdir, \
                contextlib.redirect_stderr(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return [run_one(item, workdir, timeout) for item in chunk]
    finally:
        signal.signal(signal.SIGALRM, previous)


def fuzz(n: int, seed: int = 0, workers: int = 1, timeout: float = 60.0) -> tuple[list[FuzzInput], list[Outcome]]:
    """Generate ``n`` inputs and run each; outcomes are in input order."""
    inputs = generate(n, seed)
    chunks = [(inputs[i : i + 50], timeout) for i in range(0, len(inputs), 50)]
    if workers <= 1:
        results = [_run_chunk(c) for c in chunks]
    else:
        # fork: workers inherit the imported pipeline instead of importing spaCy again.
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_run_chunk, chunks, chunksize=1)
    return inputs, [o for chunk in results for o in chunk]


def balanced(outcomes: list[Outcome]) -> bool:
    """Every file gave an item or crashed, and every item ended as one document or rejection."""
    return not any(o.problems for o in outcomes) and all(
        o.items == o.docs + len(o.rejections) + (o.crash is not None and o.crash[0] == "clean") for o in outcomes)


def _counts(counter: Counter, top: int = 40) -> str:
    return "".join(f"\n  {count:6d}  {what}" for what, count in counter.most_common(top))


def report(inputs: list[FuzzInput], outcomes: list[Outcome], seconds: float) -> int:
    """Print the figures; the exit status (1 on any crash, hang or count that does not add up)."""
    rejections = Counter(r for o in outcomes for r in o.rejections)
    crashes = [o for o in outcomes if o.crash]
    print(f"inputs {len(inputs)} ({sum(len(i.data) for i in inputs) / 1e6:.1f} MB) in {seconds:.1f} s "
          f"({len(inputs) / seconds:.0f} inputs/s); kinds: "
          + ", ".join(f"{k} {c}" for k, c in Counter(i.kind.split(":")[0] for i in inputs).most_common()))
    print(f"items from ingest {sum(o.items for o in outcomes)} = documents {sum(o.docs for o in outcomes)} "
          f"+ rejections {rejections.total()} + items whose cleaning crashed "
          f"{sum(1 for o in crashes if o.crash[0] == 'clean')}; files crashed or hung {len(crashes)}")
    print("\nrejections by reason class:" + _counts(rejections))
    problems = Counter(f"{p} ({o.kind.split(':')[0]}, named {i.name})" for o, i in zip(outcomes, inputs) for p in o.problems)
    print(f"\ncounts that do not add up: {problems.total()}" + _counts(problems, 20))
    sites: dict[tuple[str, str], list[Outcome]] = {}
    for o in crashes:
        sites.setdefault((o.crash[1].split(":")[0], o.crash[2]), []).append(o)
    print(f"\ncrashes: {len(crashes)} in {len(sites)} distinct sites")
    for group in sorted(sites.values(), key=len, reverse=True):
        stage, exc, where, frames = group[0].crash
        kinds = ", ".join(f"{k} {c}" for k, c in Counter(o.kind for o in group).most_common(5))
        print(f"  {len(group):6d}  {stage}: {exc}\n          at {where}\n          {frames}\n          inputs: {kinds}")
    slow = sorted(zip(outcomes, inputs), key=lambda p: -p[0].seconds)[:5]
    print("\nslowest: " + ", ".join(f"{o.kind} ({len(i.data):,} bytes) {o.seconds:.2f} s" for o, i in slow))
    ok = not crashes and balanced(outcomes)
    print("\nOK" if ok else "\nFAILED")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000, help="inputs to generate")
    parser.add_argument("--seed", type=int, default=0, help="hypothesis seed (same seed, same inputs)")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds one input may take before it counts as a hang")
    parser.add_argument("--keep", type=Path, help="write each crashing input here, to reproduce it")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    inputs, outcomes = fuzz(args.n, args.seed, args.workers, args.timeout)
    status = report(inputs, outcomes, time.perf_counter() - started)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for number, (item, o) in enumerate(zip(inputs, outcomes)):
            if o.crash:
                (args.keep / f"{number:05d}-{item.name}").write_bytes(item.data)
    return status


if __name__ == "__main__":
    sys.exit(main())
