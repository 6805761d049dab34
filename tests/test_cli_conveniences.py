"""The CLI a new user expects (issue 13): --version, --json and --limit on every list, unknown
values named, files named, standard input and URLs as inputs, JSONL field names, a moving
progress bar for stories, and tables that keep dates whole when piped."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire import __version__
from crosswire.cli import app
from crosswire.ingest import read_inputs
from crosswire.ingest.base import JsonlFields, Limits
from crosswire.ingest.jsonl import read_jsonl
from crosswire.records import RawArticle, Rejection

runner = CliRunner()

pytestmark = pytest.mark.issue(13)

PAGE = (b"<html><head><title>Bridge in Kessel closed after truck fire</title></head><body><article>"
        b"<h1>Bridge in Kessel closed after truck fire</h1><p>KESSEL - Engineers closed the Kessel river bridge on "
        b"Tuesday after a burning truck damaged its deck, the town council said.</p><p>Repairs will take a month, "
        b"council spokesman Piet Arnoud told reporters.</p></article></body></html>")


def _cli(*args: str, **kwargs):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"}, **kwargs)


def test_version_and_shell_completion():
    assert _cli("--version").output.strip() == f"crosswire {__version__}"
    assert "--install-completion" in _cli("--help").output


@pytest.mark.model
@pytest.mark.parametrize("command,kind", [("docs", "document"), ("entities", "entity"), ("events", "happening"),
                                          ("claims", "claim"), ("stories", "story")])
def test_every_list_prints_json_lines_and_takes_a_limit(web_store: Path, command: str, kind: str):
    every = _cli(command, "--db", str(web_store), "--json")
    assert every.exit_code == 0, every.output
    records = [json.loads(line) for line in every.output.splitlines()]
    assert len(records) >= 2 and {r["kind"] for r in records} == {kind}
    one = _cli(command, "--db", str(web_store), "--json", "--limit", "1")
    assert [json.loads(line) for line in one.output.splitlines()] == records[:1]
    table = _cli(command, "--db", str(web_store), "--limit", "1")
    assert table.exit_code == 0 and "{" not in table.output.splitlines()[0]


@pytest.mark.model
def test_unknown_filter_values_are_named_with_the_valid_ones(web_store: Path):
    bogus = _cli("events", "--db", str(web_store), "--type", "BOGUS")
    assert bogus.exit_code == 2 and "BOGUS" in bogus.output and "ASSAULT" in bogus.output
    status = _cli("events", "--db", str(web_store), "--modality", "rumoured")
    assert status.exit_code == 2 and "happened" in status.output
    narnia = _cli("events", "--db", str(web_store), "--country", "Narnia")
    assert narnia.exit_code == 2 and "ISO 3166" in narnia.output and "places in this store are in" in narnia.output
    by_name = _cli("events", "--db", str(web_store), "--country", "Austria", "--json")
    by_code = _cli("events", "--db", str(web_store), "--country", "AT", "--json")
    assert by_name.exit_code == 0 and by_name.output == by_code.output


@pytest.mark.model
def test_export_names_every_file_it_writes(web_store: Path, tmp_path: Path):
    out = tmp_path / "out.csv"
    done = _cli("export", "--db", str(web_store), "--format", "csv", "-o", str(out))
    assert done.exit_code == 0
    written = sorted(tmp_path.glob("out-*.csv"))
    assert written and all(str(f) in done.output.replace("\n", "") for f in written)


def test_an_empty_folder_warns(tmp_path: Path):
    (tmp_path / "nothing").mkdir()
    done = _cli("run", str(tmp_path / "nothing"), "--db", str(tmp_path / "x.duckdb"))
    assert done.exit_code == 0 and "no inputs found" in done.output


def test_jsonl_fields_named_by_the_user():
    line = b'{"body": "Rain fell in Kessel.", "headline": "Wet day", "pubdate": "2024-03-04", "site": "Kessel Post"}'
    fields = JsonlFields(text="body", title="headline", published="pubdate", outlet="site")
    item = next(read_jsonl("s.jsonl", line, fields=fields))
    assert isinstance(item, RawArticle)
    assert (item.hints["body"], item.hints["title"], item.hints["published"], item.hints["outlet"]) == (
        "Rain fell in Kessel.", "Wet day", "2024-03-04", "Kessel Post")
    refused = next(read_jsonl("s.jsonl", line))
    assert isinstance(refused, Rejection) and "body, headline" in refused.reason and "--text-field" in refused.reason


class _Site(BaseHTTPRequestHandler):
    agents: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        _Site.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/bridge.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
        else:
            self.send_error(404, "Not Found")

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_urls_are_fetched_politely_and_failures_say_why(site: str, monkeypatch: pytest.MonkeyPatch):
    from crosswire.ingest import fetch

    monkeypatch.setattr(fetch, "SAME_HOST_INTERVAL", 0.0)
    page, missing = list(read_inputs([f"{site}/bridge.html", f"{site}/gone.html"]))
    assert isinstance(page, RawArticle) and page.kind == "html" and page.raw == PAGE
    assert page.source == page.url == f"{site}/bridge.html"
    assert isinstance(missing, Rejection) and "HTTP 404" in missing.reason
    assert all(agent.startswith("crosswire/") for agent in _Site.agents)
    small = list(read_inputs([f"{site}/bridge.html"], max_bytes=100))
    assert isinstance(small[0], Rejection) and "max_bytes" in small[0].reason
    refused = list(read_inputs(["http://127.0.0.1:9/nothing"]))
    assert isinstance(refused[0], Rejection) and "cannot fetch" in refused[0].reason


def test_standard_input_is_one_input():
    import io

    from crosswire.ingest import _dispatch
    from crosswire.ingest.fetch import read_stdin

    (item,) = read_stdin(Limits(), _dispatch, io.BytesIO(PAGE))
    assert isinstance(item, RawArticle) and item.source == "<stdin>" and item.kind == "html"
    (big,) = read_stdin(Limits(max_bytes=10), _dispatch, io.BytesIO(PAGE))
    assert isinstance(big, Rejection) and "standard input" in big.reason


@pytest.mark.model
def test_run_reads_stdin_and_urls_and_stories_progress_moves(site: str, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch):
    from crosswire.ingest import fetch
    from crosswire.run import run
    from crosswire.settings import load_settings
    from crosswire.store import Store

    monkeypatch.setattr(fetch, "SAME_HOST_INTERVAL", 0.0)
    db = tmp_path / "u.duckdb"
    piped = _cli("run", "-", "--db", str(db), input=PAGE.replace(b"Tuesday", b"Wednesday"))
    assert piped.exit_code == 0, piped.output

    class Recorder:
        def __init__(self):
            self.totals, self.done, self.current = {}, {}, None

        def stage(self, name, total):
            self.totals[name] = (self.totals.get(name) or 0) + (total or 0)
            self.current = name

        def advance(self, n=1):
            self.done[self.current] = self.done.get(self.current, 0) + n

    seen = Recorder()
    with Store(db) as store:
        summary = run([f"{site}/bridge.html", f"{site}/gone.html"], store, load_settings(), seen)
        sources = {r["source"] for r in store.rows("documents")}
    assert summary.processed == 1 and summary.rejected == 1 and summary.inputs == 2
    assert sources == {"<stdin>", f"{site}/bridge.html"}
    assert seen.totals["comparing stories"] == summary.stories >= 1
    assert seen.done["comparing stories"] == summary.stories


@pytest.mark.model
def test_piped_tables_keep_dates_whole(web_store: Path):
    done = subprocess.run([sys.executable, "-m", "crosswire", "stories", "--db", str(web_store)],
                          capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"}, check=True)
    dates = re.findall(r"\b20\d\d-[\d-]*", done.stdout)
    assert dates and all(re.fullmatch(r"20\d\d-\d\d-\d\d", d) for d in dates), dates
