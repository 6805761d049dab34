"""Hostile input text (issue 10): Rich markup and terminal escapes in articles, spreadsheet
formulas in CSV exports, and stores that are busy, read-only or missing."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from crosswire.compare.happenings import find_happenings
from crosswire.cli import app
from crosswire.display import clean
from crosswire.records import (Claim, Document, Entity, Event, Evidence, Fatalities, Mention, Party, Place, Rejection,
                               Relation, Speaker, Story)
from crosswire.store import Store

runner = CliRunner()

OSC = "\x1b]0;pwned\x07\x1b[2J"  # retitles the terminal window, then clears the screen
BODY = "Rebels shelled the market in Kessel on Tuesday, killing four civilians, police said."


def _cli(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "250"})


def _assert_inert(result, *literal: str) -> None:
    """Exit 0, every literal string shown as is, nothing that drives a terminal."""
    assert result.exit_code == 0, (result.output, result.exception)
    for text in literal:
        assert text in result.output, (text, result.output)
    assert "\x1b" not in result.output and "\x07" not in result.output and "\x9b" not in result.output


def _doc(id_: str, title: str, source: str, outlet: str, text: str = BODY) -> Document:
    return Document(id=id_, source=source, outlet=outlet, host="k.example", title=title, published="2024-03-05",
                    published_inferred=None, language="en", text=text,
                    boilerplate=["[/] Share this", "\x1b[31mTweet\x07"], words=len(text.split()))


def _hostile_records() -> dict[str, list]:
    docs = [
        _doc("aaaa" * 16, "[/]", "in/a.txt", "[/]"),
        _doc("bbbb" * 16, "[bold red]x[/] [link=https://evil.example]click[/link]", "in/b.txt", "[red]Out[/red]"),
        _doc("cccc" * 16, OSC + "Title here", f"in/c{OSC}.txt", "Evil\x1b[31mOutlet", text=BODY + " \x1b[2Jgone"),
    ]
    party = Party(text="[/]", canonical="[bold]Rebels[/bold]\x1b[31m")
    place = Place(text="Kessel", name="[/]Kessel\x07", lat=-3.5, lon=12.0, country="SY", geonames_id=1)
    event = Event(id="e1", doc=docs[0].id, type="ASSAULT", mode=None, acled=None, actor=party, target=Party("[i]x"),
                  places=[place], date="2024-03-05", date_text="[/]Tuesday", date_precision="day",
                  fatalities=Fatalities(4, 4, "[/]civilians"), according_to=None, modality="reported",
                  reported_by="[/]police\x1b[2J", trigger="shelled", evidence=Evidence(0, len(BODY), BODY))
    claims = [
        Claim("c1", docs[0].id, Speaker("[/]", "[bold red]Speaker[/]", None, "[/]Ministry\x1b[2J"),
              ["[/]Wire", "Origin\x07"], "[/]" + OSC + "nothing happened", True, "[/]said", "e1",
              Evidence(0, 4, "Rebe"), polarity="negative"),
        Claim("c2", docs[1].id, Speaker("[i]Other"), [], "[link=x]it happened", False, "said", None,
              Evidence(0, 4, "Rebe")),
    ]
    story = Story(id="s" * 16, title="[/]" + OSC + "Story", docs=[d.id for d in docs], start="2024-03-05",
                  end="2024-03-05", outlets=["[/]", "Evil\x1b[31mOutlet"])
    relation = Relation(id="r1", story=story.id, type="contradicts", claims=["c1", "c2"], about="[/]",
                        reason="polarity: [/]" + OSC, question="[/]which" + OSC, answers=["[/]one", "[/]other"],
                        independent=True, confidence=0.9)
    return {
        "documents": docs,
        "rejections": [Rejection("d" * 64, f"in/[/]{OSC}.txt", "ingest", "empty file [/]" + OSC)],
        "entities": [Entity("ent1", "PERSON", "[/]Petrova\x1b[2J", ["[bold]Anna[/]", OSC + "A. Petrova"], [docs[0].id])],
        "mentions": [Mention(docs[0].id, 0, 6, "[/]Rebel", "PERSON", "ent1")],
        "events": [event],
        "happenings": find_happenings(story.id, [event], {d.id: d.outlet for d in docs if d.outlet}),
        "claims": claims,
        "stories": [story],
        "relations": [relation],
    }


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    db = tmp_path / "hostile.duckdb"
    with Store(db) as store:
        for table, recs in _hostile_records().items():
            store.upsert(table, recs)
    return db


def test_clean_strips_escape_sequences_and_control_codes():
    assert clean(OSC + "Title") == "Title"
    assert clean("a\x1b[1;31mb\x1b[0mc\x9b2Jd\x9d0;t\x9ce\x1bPq#\x1b\\f") == "abcdef"
    assert clean("line\tone\nline two\r\x00\x08\x7f\x85") == "line\tone\nline two"
    assert clean("\x1b]0;unterminated title") == "0;unterminated title"  # nothing visible vanishes
    assert clean("[/] [bold red]x[/] Дравный") == "[/] [bold red]x[/] Дравный"
    assert clean(None) == "" and clean(3) == "3"


@pytest.mark.parametrize("command, literal", [
    (["docs"], ["[/]", "[bold red]x[/]", "[red]Out[/red]", "Title here", "rejected (ingest): empty file [/]"]),
    (["show", "aaaa"], ["[/]", "[/] Share this", "Tweet", "[/]Rebel", "[/]Petrova"]),
    (["show", "cccc"], ["Title here", "EvilOutlet", "gone"]),
    (["entities"], ["[/]Petrova", "[bold]Anna[/]", "A. Petrova"]),
    (["events", "--mentions"], ["[/]", "[bold]Rebels[/bold]", "[/]Kessel", "[/]civilians", "[/]police"]),
    (["events"], ["[/]", "[bold]Rebels[/bold]", "[/]Kessel", "[/]civilians"]),
    (["claims"], ["[/]", "[bold red]Speaker[/]", "[/]Ministry", "[/]Wire", "[/]nothing happened", "[denial]",
                  "[/]said", "[link=x]it happened"]),
    (["stories"], ["[/]Story", "EvilOutlet"]),
    (["story", "ssss"], ["[/]Story", "[bold red]Speaker[/]", "[/]nothing happened", "[denies]", "polarity: [/]", "[/]which", "[/]one",
                         "[/]Kessel", "[/]police", "[link=x]it happened"]),
])
def test_read_commands_print_input_text_literally(hostile_db: Path, command: list[str], literal: list[str]):
    _assert_inert(_cli(*command, "--db", str(hostile_db)), *literal)


def test_errors_quoting_input_are_literal(hostile_db: Path):
    result = _cli("show", "[/]" + OSC, "--db", str(hostile_db))
    assert result.exit_code == 2 and "[/]" in result.output and "\x1b" not in result.output


@pytest.mark.model
def test_run_prints_hostile_titles_and_file_names_literally(tmp_path: Path):
    folder = tmp_path / "in"
    (folder / "[").mkdir(parents=True)
    rows = [{"title": "[/]", "outlet": "[/]", "text": "KESSEL - " + BODY + " The army denied it had fired."},
            {"title": "[bold red]x[/] [link=https://evil.example]click[/link]", "outlet": "[red]Out[/red]",
             "text": "DOLNA - Floodwater cut off three villages in the Dolna valley on Tuesday, the governor said."},
            {"title": OSC + "Title here", "outlet": "Evil\x1b[31mOutlet",
             "text": "MARWAN - Protesters marched in Marwan on Thursday, the mayor said. The march was peaceful."}]
    (folder / f"feed{OSC}.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    (folder / "[" / f"]empty{OSC}.txt").write_bytes(b"")  # rejected; its source reads "[/]empty..."
    db = tmp_path / "h.duckdb"
    _assert_inert(_cli("run", str(folder), "--db", str(db)), "rejected inputs", "[/]empty")
    _assert_inert(_cli("docs", "--db", str(db)), "[/]", "[bold red]x[/]", "Title here", "EvilOutlet", "[/]empty")
    _assert_inert(_cli("stories", "--db", str(db)), "[bold red]x[/]")
    with Store(db, read_only=True) as store:
        story_ids = [s.id for s in store.stories()]
    for sid in story_ids:
        _assert_inert(_cli("story", sid, "--db", str(db)))
    for line in (1, 2, 3):
        _assert_inert(_cli("show", f"#L{line}", "--db", str(db)))


# -- CSV exports (OWASP CSV injection) --------------------------------------------------------
FORMULAS = ["=1+1", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "\t=1+1", "\r=1+1", "-3"]


@pytest.fixture
def formula_db(tmp_path: Path) -> Path:
    db = tmp_path / "formula.duckdb"
    docs = [Document(id=f"d{i}", source=f, outlet=f, host=f, title=f, published=None, published_inferred=None,
                     language="en", text=f + " " + BODY, boilerplate=[f], dateline=f, words=3)
            for i, f in enumerate(FORMULAS)]
    place = Place(text="Kessel", name="=Kessel", lat=-3.5, lon=-12.25, country="SY", geonames_id=1)
    events = [Event(id=f"e{i}", doc=f"d{i}", type="ASSAULT", mode=None,
                    acled={"event_type": f, "sub_event_type": "Shelling/artillery/missile attack"},
                    actor=Party(f, f), target=None, places=[place], date="2024-03-05", date_text=None,
                    date_precision="day", fatalities=Fatalities(4, 4, f), according_to=None, modality="asserted",
                    reported_by=f, trigger=f, evidence=Evidence(0, len(f), f)) for i, f in enumerate(FORMULAS)]
    with Store(db) as store:
        store.upsert("documents", docs)
        store.upsert("events", events)
        store.upsert("happenings", find_happenings("s", events, {f"d{i}": f for i, f in enumerate(FORMULAS)}))
        store.upsert("relations", [Relation("r1", "s1", "contradicts", ["c1", "c2"], "=1+1", "-2+3", score=-0.5)])
        store.upsert("rejections", [Rejection("x" * 64, "=1+1", "ingest", "@SUM(1)")])
    return db


def _csv_cells(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_exports_neutralise_formulas_and_jsonl_parquet_keep_raw_values(formula_db: Path, tmp_path: Path):
    out = tmp_path / "x.csv"
    assert _cli("export", "--db", str(formula_db), "--format", "csv", "-o", str(out)).exit_code == 0
    assert _cli("export", "--db", str(formula_db), "--format", "acled", "-o", str(tmp_path / "a.csv")).exit_code == 0
    docs = _csv_cells(tmp_path / "x-document.csv")
    assert {d["title"] for d in docs} == {"'" + f for f in FORMULAS}
    for d in docs:
        for key in ("source", "outlet", "host", "dateline"):
            assert d[key].startswith("'"), (key, d[key])
    acled = _csv_cells(tmp_path / "a.csv")
    assert {r["event_type"] for r in acled} == {"'" + f for f in FORMULAS}
    assert all(r["actor1"].startswith("'") and r["notes"].startswith("'") and r["location"] == "'=Kessel" for r in acled)
    # Numbers from numeric columns stay numbers: a negative latitude is not a formula.
    assert {(r["latitude"], r["longitude"], r["fatalities"]) for r in acled} == {("-3.5", "-12.25", "4")}
    assert len(acled) == len(FORMULAS) and all(r["source"].startswith("'") for r in acled)
    (relation,) = _csv_cells(tmp_path / "x-relation.csv")
    assert (relation["about"], relation["reason"], relation["score"]) == ("'=1+1", "'-2+3", "-0.5")
    (rejection,) = _csv_cells(tmp_path / "x-rejection.csv")
    assert (rejection["source"], rejection["reason"]) == ("'=1+1", "'@SUM(1)")
    for path in tmp_path.glob("*.csv"):
        for row in _csv_cells(path):
            for value in row.values():
                assert not value or value[0] not in "=+@\t\r" and (value[0] != "-" or _is_number(value)), (path, value)

    jsonl = tmp_path / "x.jsonl"
    assert _cli("export", "--db", str(formula_db), "--format", "jsonl", "-o", str(jsonl)).exit_code == 0
    recs = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert {r["title"] for r in recs if r["kind"] == "document"} == set(FORMULAS)
    assert _cli("export", "--db", str(formula_db), "--format", "parquet", "-o", str(tmp_path / "x.parquet")).exit_code == 0
    assert set(pq.read_table(tmp_path / "x-document.parquet").column("title").to_pylist()) == set(FORMULAS)


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


# -- busy, read-only and missing stores ---------------------------------------------------------
@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    db = tmp_path / "small.duckdb"
    with Store(db) as store:
        store.upsert("documents", [_doc("aaaa" * 16, "Floods in Dolna", "in/a.txt", "Meridian")])
    return db


HOLD = ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro'); "
        "print('ready', flush=True); time.sleep(60)")


@contextmanager
def _held(db: Path, mode: str):
    """``db`` kept open by another process ("rw" or "ro"), which ends by itself within a minute."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), mode], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        yield proc.pid
    finally:
        proc.kill()
        proc.wait(timeout=30)
        proc.stdout.close()


@pytest.fixture
def locked_db(small_db: Path):
    with _held(small_db, "rw") as pid:
        yield small_db, pid


def _one_line_error(result, exit_code: int = 2) -> str:
    assert result.exit_code == exit_code, (result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


def test_busy_store_gives_one_line_naming_the_holder(locked_db, tmp_path: Path):
    db, pid = locked_db
    (tmp_path / "in.txt").write_text(BODY, encoding="utf-8")
    for args in (["docs"], ["stories"], ["export", "--format", "jsonl", "-o", str(tmp_path / "o.jsonl")],
                 ["run", str(tmp_path / "in.txt")]):
        line = _one_line_error(_cli(*args, "--db", str(db)))
        assert "busy" in line and f"PID {pid}" in line, line
    # The real script: no traceback on stderr, exit 2.
    proc = subprocess.run([sys.executable, "-m", "crosswire", "docs", "--db", str(db)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "COLUMNS": "80"})
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and f"PID {pid}" in proc.stderr, proc.stderr


def test_read_only_store_file_is_listed_and_left_as_it_was(small_db: Path, tmp_path: Path):
    # Root writes through chmod 444, so that alone proves nothing when tests run as root: the
    # store is also held open read-only by another process, which only read-only openers can
    # share, and the file must come out byte for byte as it went in.
    small_db.chmod(0o444)
    before = (small_db.read_bytes(), small_db.stat().st_mtime_ns)
    try:
        with _held(small_db, "ro"):
            _assert_inert(_cli("docs", "--db", str(small_db)), "Floods in Dolna")
            for args in (["show", "aaaa"], ["entities"], ["events"], ["claims"], ["stories"],
                         ["export", "--format", "csv", "-o", str(tmp_path / "o.csv")]):
                result = _cli(*args, "--db", str(small_db))
                assert result.exit_code == 0, (args, result.output, result.exception)
    finally:
        small_db.chmod(0o644)
    assert (small_db.read_bytes(), small_db.stat().st_mtime_ns) == before
    assert not Path(str(small_db) + ".wal").exists()


def test_missing_store_gives_one_line_and_creates_nothing(tmp_path: Path):
    db = tmp_path / "sub" / "absent.duckdb"
    for args in (["docs"], ["show", "x"], ["entities"], ["events"], ["claims"], ["stories"], ["story", "x"],
                 ["export", "--format", "jsonl", "-o", str(tmp_path / "o.jsonl")]):
        line = _one_line_error(_cli(*args, "--db", str(db)))
        assert "no store at" in line, line
    assert not (tmp_path / "sub").exists()


def test_a_store_from_an_older_crosswire_is_still_read(small_db: Path):
    import duckdb

    with duckdb.connect(str(small_db)) as con:  # as a store made before event dates had a basis
        con.execute("ALTER TABLE events DROP COLUMN date_basis")
        con.execute("DELETE FROM _crosswire_migrations WHERE name = '0005_event_date_basis'")
    assert _cli("events", "--db", str(small_db)).exit_code == 0


def test_a_file_that_is_not_a_store_gives_one_line(tmp_path: Path):
    db = tmp_path / "notes.duckdb"
    db.write_text("not a database", encoding="utf-8")
    line = _one_line_error(_cli("docs", "--db", str(db)))
    assert "notes.duckdb" in line
