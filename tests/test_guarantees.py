"""The store's promises under crashes and changing inputs: atomic chunks, finished stories after a
crash, retried rejections, and copies that only ever point at stored documents."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crosswire.records import Rejection
from crosswire.run import FAULT_EXIT_CODE, analyse_local, convert_local, run, run_stages
from crosswire.settings import load_settings
from crosswire.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"
# Reports of one shelling and its aftermath, a syndicated copy among them, plus unrelated news:
# enough for stories, relations and a duplicate, small enough to run a dozen times.
CRASH_CORPUS = ("meridian-2024-03-12-dravny-shelling.txt", "meridian-2024-03-12-dravny-shelling-rescrape.txt",
                "northern-ledger-kestria-border-town-shelled.txt", "crescent-dravny-blame.txt",
                "kestria-mfa-statement.txt", "regional-post-heatwave-water-rationing.txt")
FAULTS = ("chunk-written", "chunk-committed", "stories-written", "stories-committed")
# Tables compared after a crash and a re-run; provenance (run ids) and the runs log differ by design.
TABLES = ("documents", "rejections", "mentions", "entities", "events", "claims", "stories", "relations",
          "raw_inputs", "signatures", "pending_crosscheck")
VOLATILE = {"run_id", "produced_by", "config_hash", "first_seen"}

# Runs in a child process so a fault point can kill it outright; chunks of two documents so a
# crash can fall between chunks.
CHILD = """
import sys
import crosswire.run as r
from crosswire.settings import load_settings
from crosswire.store import Store
r.CHUNK_SIZE = 2
store = Store(sys.argv[1])
r.run([sys.argv[2]], store, load_settings())
store.close()
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not EXAMPLES.is_dir():
        pytest.skip("examples/corpus is not present")
    folder = tmp_path_factory.mktemp("crash-corpus")
    for name in CRASH_CORPUS:
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def _child(db: Path, corpus: Path, fault: str | None = None) -> int:
    env = {k: v for k, v in os.environ.items() if k != "CROSSWIRE_FAULT"}
    if fault:
        env["CROSSWIRE_FAULT"] = fault
    return subprocess.run([sys.executable, "-c", CHILD, str(db), str(corpus)], env=env, timeout=300,
                          capture_output=True).returncode


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the columns that name the run that wrote them."""
    with Store(db, read_only=True) as store:
        out = {}
        for table in TABLES:
            cur = store.con.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cur.description]
            keep = [i for i, n in enumerate(names) if n not in VOLATILE]
            out[table] = sorted((tuple(str(row[i]) for i in keep) for row in cur.fetchall()))
    return out


@pytest.fixture(scope="module")
def clean_snapshot(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    db = tmp_path_factory.mktemp("clean") / "c.duckdb"
    assert _child(db, corpus) == 0
    return snapshot(db)


@pytest.mark.model
@pytest.mark.parametrize("fault", FAULTS)
def test_a_run_killed_at_any_stage_boundary_is_finished_by_the_next_run(
        fault: str, corpus: Path, clean_snapshot: dict[str, list[tuple]], tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    assert _child(db, corpus, fault) == FAULT_EXIT_CODE  # killed where the fault point says
    assert _child(db, corpus) == 0
    after = snapshot(db)
    assert clean_snapshot["stories"] and clean_snapshot["relations"]  # the comparison is meaningful
    for table in TABLES:
        assert after[table] == clean_snapshot[table], table
    with Store(db, read_only=True) as store:
        stages = [r[0] for r in store.con.execute("SELECT stages FROM runs ORDER BY started").fetchall()]
    # The killed run lists only what it finished; the re-run finished both stages.
    assert stages[-1] == "ingest,stories" and stages[0] != "ingest,stories"


@pytest.mark.model
def test_a_second_run_after_a_crash_free_run_changes_nothing(corpus: Path, clean_snapshot, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    assert _child(db, corpus) == 0 and _child(db, corpus) == 0
    assert snapshot(db) == clean_snapshot


# --- rejections that can change are retried, and an input is never both ---------------------

def _counts(store: Store) -> tuple[int, int]:
    return store.count("documents"), store.count("rejections")


ARTICLE = ("The river rose above its banks in Dolna on Tuesday, and the mayor said two bridges were "
           "closed while engineers inspected them.\n\nRescue teams moved forty families to the school.\n")


@pytest.mark.model
def test_a_path_rejection_is_replaced_once_the_file_can_be_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    link = folder / "report.txt"
    link.symlink_to(tmp_path / "not-yet-there.txt")  # unreadable now: a broken link
    with Store(tmp_path / "s.duckdb") as store:
        first = run([folder], store, load_settings())
        assert (first.rejected, _counts(store)) == (1, (0, 1))
        (tmp_path / "not-yet-there.txt").write_text(ARTICLE, encoding="utf-8")
        second = run([folder], store, load_settings())
        assert second.processed == 1 and second.balanced
        assert _counts(store) == (1, 0)  # a document now, and no longer a rejection


@pytest.mark.model
def test_a_size_rejection_is_retried_after_the_limit_is_raised(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(ARTICLE, encoding="utf-8")
    small = load_settings(max_bytes=100)
    with Store(tmp_path / "s.duckdb") as store:
        assert run([tmp_path / "report.txt"], store, small).rejected == 1
        again = run([tmp_path / "report.txt"], store, small)
        assert (again.rejected, again.unchanged, _counts(store)) == (0, 1, (0, 1))  # same reason: unchanged
        raised = run([tmp_path / "report.txt"], store, load_settings())
        assert (raised.processed, _counts(store)) == (1, (1, 0))


# --- copies point only at stored documents ---------------------------------------------------

def _rejecting(marker: str):  # noqa: ANN202 - an analyse stage for run_stages
    """``analyse_local``, but documents whose text holds ``marker`` are rejected as spaCy would reject them."""
    def analyse(docs, known, settings, reporter):  # noqa: ANN001, ANN202
        bad = [d for d in docs if marker in d.text]
        extracted, rejected = analyse_local([d for d in docs if d not in bad], known, settings, reporter)
        return extracted, rejected + [Rejection(id=d.id, source=d.source, stage="nlp", reason="too long",
                                                code="E202") for d in bad]
    return analyse


@pytest.mark.model
def test_copies_of_a_rejected_original_point_at_a_stored_document(tmp_path: Path) -> None:
    original = "TOOLONG " + ARTICLE * 3
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text(original.replace("TOOLONG ", "") + "Copyright Dolna Daily.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(original.replace("TOOLONG ", "") + "(Reuters)\n", encoding="utf-8")
    with Store(":memory:") as store:
        summary = run_stages([tmp_path], store, load_settings(), convert=convert_local, analyse=_rejecting("TOOLONG"))
        docs = {d.id: d for d in store.documents()}
        assert summary.balanced and (summary.rejected, summary.processed, summary.duplicate) == (1, 1, 1)
        assert all(d.duplicate_of in docs and docs[d.duplicate_of].duplicate_of is None
                   for d in docs.values() if d.duplicate_of)
        [read] = [d for d in docs.values() if d.duplicate_of is None]
        assert store.events(read.id) or store.claims(read.id) or store.mentions(read.id)  # it was read


def test_a_lone_surrogate_in_a_json_string_is_cleaned_not_a_crash() -> None:
    from crosswire.records import Document, RawArticle
    from crosswire.run import to_document

    body = "The council met on Tuesday \ud800 and approved the budget for the new bridge over the river. " * 4
    item = RawArticle(id="x", source="feed.jsonl#L1", raw=b"{}", kind="text", hints={"body": body})
    out = to_document(item)  # raised UnicodeEncodeError before (found by bench/fuzz.py)
    assert isinstance(out, Document) and "\ud800" not in out.text and "approved the budget" in out.text
