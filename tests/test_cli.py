"""End-to-end: the CLI over self-written articles and over the shared seeds (seedcheck)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from crosswire.cli import app

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()

WIRE = (
    "From the news desk\n\nFloods cut off three villages in Dolna valley\n\nShare this article\n\n"
    "DOLNA, March 4 (Reuters) - Floodwater cut off three villages in the Dolna valley on Tuesday, "
    "and the regional governor Anna Petrova said at least nine people had died.\n\n"
    "Petrova said rescue teams from Kessel had reached two of the villages by boat, while the army "
    "was preparing helicopters for the third.\n\n"
    "The weather service warned that more rain was expected on Thursday across the whole region.\n\n"
    "Share this article\n\nLeave a Reply\n\nYour email address will not be published.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1-wire.txt").write_text(WIRE, encoding="utf-8")
    # The same wire story reposted with other chrome: a near-duplicate, not a new report.
    (folder / "2-repost.txt").write_text(WIRE.replace("From the news desk", "Daily Planet | Home").replace(
        "Share this article", "Tweet this"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return folder


def _run(*args: str):
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    return result


@pytest.mark.model
def test_cli_run_counts_add_up_and_second_run_adds_nothing(corpus: Path, tmp_path: Path):
    db = tmp_path / "c.duckdb"
    first = _run("run", str(corpus), "--db", str(db))
    assert first.exit_code == 0, first.output
    out = tmp_path / "c.jsonl"
    assert _run("export", "--db", str(db), "--format", "jsonl", "-o", str(out)).exit_code == 0
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    docs = [r for r in recs if r["kind"] == "document"]
    rejections = [r for r in recs if r["kind"] == "rejection"]
    assert len(docs) + len(rejections) == 4
    assert len(rejections) == 2 and {r["stage"] for r in rejections} <= {"ingest", "decode"}
    assert {Path(r["source"]).name for r in rejections} == {"empty.txt", "image.png"}
    assert all(r["reason"] for r in rejections)
    (original,) = [d for d in docs if d["duplicate_of"] is None]
    (copy,) = [d for d in docs if d["duplicate_of"] is not None]
    assert copy["duplicate_of"] == original["id"]
    assert "Share this article" not in original["text"]
    assert "Share this article" in original["boilerplate"]
    second = _run("run", str(corpus), "--db", str(db))
    assert second.exit_code == 0
    out2 = tmp_path / "c2.jsonl"
    _run("export", "--db", str(db), "--format", "jsonl", "-o", str(out2))
    assert out2.read_text() == out.read_text()


@pytest.mark.model
def test_cli_docs_show_entities_and_file_exports(corpus: Path, tmp_path: Path):
    db = tmp_path / "c.duckdb"
    assert _run("run", str(corpus), "--db", str(db)).exit_code == 0
    listing = _run("docs", "--db", str(db))
    assert "Floods cut off" in listing.output and "rejected" in listing.output
    shown = _run("show", "wire.txt", "--db", str(db))
    assert shown.exit_code == 0 and "Anna Petrova" in shown.output
    assert "Petrova" in _run("entities", "--db", str(db), "--name", "petrova").output
    assert _run("export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "x.csv")).exit_code == 0
    assert (tmp_path / "x-document.csv").read_text().count("Floods cut off") >= 1
    assert _run("export", "--db", str(db), "--format", "parquet", "-o", str(tmp_path / "x.parquet")).exit_code == 0
    assert pq.read_table(tmp_path / "x-document.parquet").num_rows == 2


def test_cli_bad_arguments_exit_2_without_traceback(tmp_path: Path):
    missing = _run("run", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb"))
    assert missing.exit_code == 2 and "no such file" in missing.output
    assert "Traceback" not in missing.output
    assert _run("docs", "--db", str(tmp_path / "absent.duckdb")).exit_code == 2
    assert _run("export", "--db", str(tmp_path / "absent.duckdb"), "--format", "xml").exit_code == 2
    assert _run("run").exit_code == 2


@pytest.mark.model
def test_cli_seeds_pass_every_seedcheck_check(seeds_dir: Path, shared_dir: Path, tmp_path: Path):
    db, out = tmp_path / "s.duckdb", tmp_path / "s.jsonl"
    assert _run("run", str(seeds_dir), "--db", str(db)).exit_code == 0
    assert _run("export", "--db", str(db), "--format", "jsonl", "-o", str(out)).exit_code == 0
    check = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "seedcheck.py"), str(out)],
        capture_output=True, text=True,
    )
    assert check.returncode == 0, check.stdout
    assert "38 passed, 0 failed" in check.stdout
    # What it must not say (--precision): every check passes. P1 (no contradiction within a camp)
    # since camps are read from each story's relations, P6 (the airspace "accident") since
    # complementary antonyms; P4 and P5 since issue 11. Any failure is a regression.
    precision = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "seedcheck.py"), str(out), "--precision"],
        capture_output=True, text=True,
    )
    failing = {line.split()[1] for line in precision.stdout.splitlines() if line.startswith("FAIL")}
    passing = {line.split()[1] for line in precision.stdout.splitlines() if line.startswith("PASS")}
    assert failing == SEED_PRECISION_FAILING_TODAY, precision.stdout
    assert passing, precision.stdout
    # One row per happening: the seeds tell of a handful of strikes (31 rows once, one per mention).
    # Today 4; a change that splits one strike into two rows must show here.
    acled = tmp_path / "acled.csv"
    assert _run("export", "--db", str(db), "--format", "acled", "-o", str(acled)).exit_code == 0
    with acled.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) <= SEED_ACLED_ROWS_TODAY, [(r["event_date"], r["sub_event_type"], r["location"]) for r in rows]
    assert sum(1 for r in rows if not r["event_date"]) <= 1


SEED_PRECISION_FAILING_TODAY: set[str] = set()
SEED_ACLED_ROWS_TODAY = 4


@pytest.fixture
def modal_db(tmp_path: Path) -> Path:
    """A store with one event per modality, each an air strike on Kessel."""
    from crosswire.compare.happenings import find_happenings
    from crosswire.export import EVENT_MODALITIES as MODALITIES
    from crosswire.records import Document, Event, Evidence, Place
    from crosswire.store import Store

    db = tmp_path / "modal.duckdb"
    text = "Jets struck Kessel."
    doc = Document(id="d", source="d.txt", outlet="Wire", host=None, title="t", published="2024-03-05",
                   published_inferred=None, language="en", text=text, boilerplate=[], dateline=None, words=3)
    place = Place(text="Kessel", name="Kessel", lat=1.0, lon=2.0, country="SY", geonames_id=1)
    acled = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
    events = [Event(id=f"e-{m}", doc="d", type="ASSAULT", mode="aerial", acled=acled, actor=None, target=None,
                    places=[place], date="2024-03-05", date_text=None, date_precision="day", fatalities=None,
                    according_to=None, modality=m, reported_by=None, trigger=m, evidence=Evidence(0, len(text), text))
              for m in MODALITIES]
    with Store(db) as store:
        store.upsert("documents", [doc])
        store.upsert("events", events)
        store.upsert("happenings", find_happenings("s", events, {"d": "Wire"}))
    return db


def test_cli_events_filter_by_modality(modal_db: Path):
    happened = _run("events", "--db", str(modal_db), "--modality", "happened", "--mentions")
    assert happened.exit_code == 0 and "2 event mentions" in happened.output
    assert "asserted" in happened.output and "reported" in happened.output and "alleged" not in happened.output
    said = _run("events", "--db", str(modal_db), "--modality", "stated, alleged", "--mentions")
    assert said.exit_code == 0 and "2 event mentions" in said.output and "stated" in said.output
    assert "7 event mentions" in _run("events", "--db", str(modal_db), "--mentions").output
    wrong = _run("events", "--db", str(modal_db), "--modality", "rumoured")
    assert wrong.exit_code == 2 and "rumoured" in wrong.output


def test_cli_events_lists_happenings_with_their_sources(modal_db: Path):
    # The asserted and the reported strike on Kessel are one happening; each other status is its own.
    listed = _run("events", "--db", str(modal_db))
    assert listed.exit_code == 0 and "6 events" in listed.output
    happened = _run("events", "--db", str(modal_db), "--modality", "happened")
    assert "1 events" in happened.output and "Wire" in happened.output and "asserted" in happened.output


def test_acled_export_writes_one_row_per_happening_that_happened(modal_db: Path, tmp_path: Path):
    import csv

    out = tmp_path / "acled.csv"
    assert _run("export", "--db", str(modal_db), "--format", "acled", "-o", str(out)).exit_code == 0
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1 and rows[0]["sub_event_type"] == "Air/drone strike" and rows[0]["source"] == "Wire"
    assert rows[0]["event_id_cnty"] and rows[0]["location"] == "Kessel"


@pytest.mark.model
def test_cli_every_mention_offset_indexes_the_clean_text(corpus: Path, tmp_path: Path):
    from crosswire.store import Store

    db = tmp_path / "c.duckdb"
    _run("run", str(corpus), "--db", str(db))
    with Store(db) as store:
        docs = {d.id: d for d in store.documents()}
        mentions = [m for d in docs for m in store.mentions(d)]
    assert mentions
    for m in mentions:
        assert docs[m.doc].text[m.start:m.end] == m.text


def test_eval_table_lists_nested_metrics_one_row_each():
    from rich.console import Console

    from crosswire.cli import _metrics_table, flat_metrics

    result = {"systems": {"crosswire": {"source": {"strict": {"f1": 69.5}}, "counts": {"gold": 9}, "n": 3},
                          "baseline": {"source": {"strict": {"f1": 60.0}}}},
              "published": {"citron": 82.0}}
    assert flat_metrics(result["systems"]["crosswire"]) == {"source.strict.f1": 69.5, "n": 3}
    console = Console(width=100, record=True)
    console.print(_metrics_table("quotes", result))
    lines = console.export_text().splitlines()
    row = next(line for line in lines if "source.strict.f1" in line)
    assert "69.5000" in row and "60.0000" in row
    assert any("n " in line and "3" in line for line in lines) and any("published, not run here: citron" in line for line in lines)
    assert not any("gold" in line for line in lines)  # raw counts stay out of the table


def test_eval_part_is_refused_for_self_written_gold_and_checked(tmp_path):
    gold = Path(__file__).resolve().parent / "data" / "gold" / "acled_reports.jsonl"
    result = runner.invoke(app, ["eval", "reports", str(gold), "--part", "report"])
    assert result.exit_code == 2 and "no tune/report parts" in result.output
    (tmp_path / "records.jsonl").write_text("{}\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "stories", str(tmp_path), "--part", "dev"])
    assert result.exit_code == 2 and "'tune' or 'report'" in result.output


def test_eval_all_writes_a_row_for_absent_data(tmp_path):
    out = tmp_path / "r" / "results.md"
    result = runner.invoke(app, ["eval", "all", "--shared", str(tmp_path / "none"), "--only", "dates,extraction",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert [r["task"] for r in rows] == ["article body", "article body", "publication date"]
    assert all(r["tuned"] == "data absent" for r in rows) and out.is_file()
    result = runner.invoke(app, ["eval", "all", "--only", "nonsense"])
    assert result.exit_code == 2 and "no evaluation named" in result.output


@pytest.mark.model
def test_cli_run_counts_warnings_instead_of_printing_each(tmp_path: Path):
    folder = tmp_path / "quotes"
    folder.mkdir()
    # Three reports whose paragraphs each open a quote that never closes (W301, once per paragraph).
    for n in range(3):
        (folder / f"{n}.txt").write_text(
            f"Harbour officials in Dunmore said on Tuesday that \u201cthe pier number {n} is closed until further notice.\n\n"
            "The ferry company said the timetable would change.\n", encoding="utf-8")
    result = _run("run", str(folder), "--db", str(tmp_path / "q.duckdb"))
    assert result.exit_code == 0, result.output
    assert "note: W301 x3, e.g. W301: unbalanced quote marks" in result.output
    assert result.output.count("W301") == 2  # the code and its example, in one note: no line per paragraph
    assert "UserWarning" not in result.output
