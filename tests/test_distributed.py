"""The Dask runner stores the same records as the in-process runner, and a re-run adds nothing."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from crosswire.cli import app
from crosswire.run import run
from crosswire.settings import load_settings

ARTICLES = {
    "kessel-1.txt": (
        "KESSEL (Meridian Wire) - Shelling killed four civilians in Kessel on Tuesday night, "
        "regional officials said.\n\n"
        '"The shells hit a school and two homes," Anna Petrova, a spokesperson for the regional '
        "council, told reporters on Wednesday. The Russian Defence Ministry denied that its forces "
        "had fired on the town and said the army had struck only military targets.\n\n"
        "Aid convoys would resume once the roads were cleared, the United Nations said."
    ),
    "kessel-2.txt": (
        "Four civilians died when shells struck Kessel late on Tuesday, according to Anna Petrova, "
        "who speaks for the regional council.\n\n"
        "Petrova said a school was damaged. Moscow rejected the account: the Russian Defence "
        "Ministry said in a statement that no strikes were carried out near Kessel."
    ),
    "port-amir.txt": (
        "PORT AMIR (Coastal Times) - Protesters gathered outside the port authority on Monday to demand "
        "higher wages, and police detained twelve people, Omar Haddad of the dockworkers union said.\n\n"
        '"We will stay until we are heard," Haddad told the crowd. The port authority said talks would '
        "continue on Friday."
    ),
    "sarovo.txt": (
        "SAROVO - An explosion at a fuel depot in Sarovo injured nine workers on Thursday, the emergency "
        "ministry said. Maria Santos, the mayor of Sarovo, said the fire was under control by evening "
        "and that the cause was not yet known."
    ),
    "dolna.txt": (
        "Troops of the Varna Army withdrew from Dolna on Sunday after three days of clashes with rebel "
        "fighters, John Okafor, a military spokesman, said. Residents said at least six people were "
        "killed in the fighting."
    ),
    "photo.jpg": None,  # not text: rejected while decoding
    "empty.txt": "",
}


def _corpus(root: Path) -> Path:
    root.mkdir()
    for name, text in ARTICLES.items():
        if text is None:
            (root / name).write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200))
        else:
            (root / name).write_text(text, encoding="utf-8")
    # A syndicated copy: the same report with the wire's sign-off, so dedup links it to the first.
    (root / "kessel-1-copy.txt").write_text(ARTICLES["kessel-1.txt"] + "\n\n(Reporting by the Meridian desk)", encoding="utf-8")
    return root


def _snapshot(store: Any) -> dict[str, Any]:
    """What a run stored, keyed by id, without provenance (run ids differ between runs)."""
    docs = {d.id: (d.source.rsplit("/", 1)[-1], d.duplicate_of, d.title, d.published, d.text) for d in store.documents()}
    return {
        "documents": docs,
        "rejections": sorted((r["id"], r["stage"], r["reason"]) for r in store.rows("rejections")),
        "entities": {e.id: (e.type, e.canonical, sorted(e.aliases), sorted(e.docs)) for e in store.entities()},
        "mentions": sorted((r["doc"], r["start"], r["end"], r["entity"]) for r in store.rows("mentions")),
        "events": {e.id: asdict(e) for e in store.events()},
        "claims": {c.id: asdict(c) for c in store.claims()},
        "stories": sorted(sorted(s.docs) for s in store.stories()),
        "relations": sorted((r.id, r.story) for r in store.relations()),
    }


@pytest.mark.model
def test_dask_runner_stores_what_the_in_process_runner_stores(tmp_path: Path, mem_store) -> None:
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    from crosswire.distributed import run_distributed
    from crosswire.store import Store

    corpus = _corpus(tmp_path / "corpus")
    settings = load_settings()
    local = run([corpus], mem_store, settings)
    assert local.balanced and local.duplicate == 1 and local.rejected == 2 and local.events and local.claims

    # A worker process, as on a real cluster: records are pickled both ways. (An in-process
    # threaded cluster also works, but leaves DuckDB objects alive at interpreter exit, and
    # nanobind then prints leak reports after the test summary.)
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client, Store(":memory:") as store:
        dist = run_distributed([corpus], store, settings, client=client, partitions=3)
        counts = ("inputs", "processed", "duplicate", "unchanged", "rejected", "entities", "mentions",
                  "events", "claims", "stories", "relations")
        assert {c: getattr(dist, c) for c in counts} == {c: getattr(local, c) for c in counts}
        assert _snapshot(store) == _snapshot(mem_store)

        before = _snapshot(store)
        again = run_distributed([corpus], store, settings, client=client, partitions=3)
        assert again.balanced and again.unchanged == again.inputs == dist.inputs
        assert (again.processed, again.duplicate, again.rejected, again.events, again.claims) == (0, 0, 0, 0, 0)
        assert _snapshot(store) == before


def test_cli_dask_flags_fail_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path / "corpus")
    db = str(tmp_path / "x.duckdb")
    no_dask = CliRunner().invoke(app, ["run", str(corpus), "--db", db, "--workers", "2"])
    assert no_dask.exit_code == 2 and "--workers needs --dask" in no_dask.output
    # As if the dask extra were not installed.
    monkeypatch.delitem(sys.modules, "crosswire.distributed", raising=False)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    missing = CliRunner().invoke(app, ["run", str(corpus), "--db", db, "--dask"])
    assert missing.exit_code == 2 and "pip install -e '.[dask]'" in missing.output
    assert "Traceback" not in missing.output and not (tmp_path / "x.duckdb").exists()


@pytest.mark.model
def test_cli_dask_run_on_worker_processes(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("kessel-1.txt", "port-amir.txt", "photo.jpg"):
        data = ARTICLES[name]
        (corpus / name).write_bytes(data.encode() if data is not None else b"\xff\xd8\xff\xe0JFIF" + bytes(64))
    db = tmp_path / "d.duckdb"
    # A real process cluster: records and DocBin bytes are pickled between processes here.
    done = CliRunner().invoke(app, ["run", str(corpus), "--db", str(db), "--dask", "--workers", "1"])
    assert done.exit_code == 0, done.output
    from crosswire.store import Store

    with Store(db) as store:
        assert store.count("documents") == 2 and store.count("rejections") == 1
        assert store.count("events") >= 1 and store.count("claims") >= 1
        (row,) = store.con.execute("SELECT inputs, processed, rejected FROM runs").fetchall()
        assert tuple(row) == (3, 2, 1)


@pytest.mark.model
def test_cli_runs_on_a_running_scheduler_and_stores_what_one_process_stores(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("kessel-1.txt", "kessel-2.txt", "port-amir.txt"):
        (corpus / name).write_text(ARTICLES[name], encoding="utf-8")
    local = tmp_path / "local.duckdb"
    assert CliRunner().invoke(app, ["run", str(corpus), "--db", str(local)]).exit_code == 0
    # A scheduler with two worker processes, started apart from the run as on a real cluster.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        remote = tmp_path / "remote.duckdb"
        done = CliRunner().invoke(app, ["run", str(corpus), "--db", str(remote), "--scheduler", cluster.scheduler_address])
        assert done.exit_code == 0, done.output
        with distributed.Client(cluster) as client:  # the run closed its client, not the cluster
            assert len(client.scheduler_info()["workers"]) == 2
    from crosswire.store import Store

    with Store(local) as a, Store(remote) as b:
        for table, key in (("documents", "id"), ("events", "id"), ("claims", "id")):
            assert a.con.execute(f"SELECT {key} FROM {table} ORDER BY 1").fetchall() == \
                b.con.execute(f"SELECT {key} FROM {table} ORDER BY 1").fetchall(), table
    refused = CliRunner().invoke(app, ["run", str(corpus), "--db", str(tmp_path / "x.duckdb"),
                                       "--scheduler", "tcp://127.0.0.1:9"])
    assert refused.exit_code == 2 and "cannot reach the Dask scheduler" in refused.output
    assert not (tmp_path / "x.duckdb").exists()
