"""Tests of `crosswire gazetteer import` (extract/places/gazetteer_local.py, gazetteer_cli.py) on a
self-written file in GeoNames' dump format: the villages it adds are resolved by the index."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire.extract.places import gazetteer_local as local
from crosswire.extract.places.gazetteer import KIND_ADMIN2, KIND_CITY, cache_path, load_gazetteer, use_local_gazetteer


def _record(gid: int, name: str, alternates: str, lat: float, lon: float, fclass: str, code: str,
            cc: str = "AF", admin1: str = "10", population: int = 0) -> str:
    """One line of GeoNames' 19-column dump format (geonameid ... modification date)."""
    return "\t".join(map(str, (gid, name, name, alternates, lat, lon, fclass, code, cc, "", admin1,
                               "", "", "", population, "", 900, "Asia/Kabul", "2024-01-01")))


# Made-up villages and a district (ids far above GeoNames' range), plus rows an import must skip.
AF_LINES = [
    _record(990000001, "Qalay-e Zorbat", "Qala-i-Zorbat,Qalaye Zorbat,قلعه زربت", 31.71, 64.21, "P", "PPL"),
    _record(990000002, "Zorbat Darah", "", 31.95, 64.48, "P", "PPL", population=1200),
    _record(990000003, "Wuluswali Zorbat", "Zorbat District", 31.80, 64.30, "A", "ADM2"),
    _record(990000004, "Zorbat Mandah", "", 31.70, 64.20, "H", "STM"),  # a stream: not a place
    _record(990000005, "Kohna Zorbat", "", 31.72, 64.22, "P", "PPLH"),  # historical: skipped
    _record(1134720, "Lashkar Gah", "", 31.59, 64.37, "P", "PPLA", population=43934),  # in cities500
    _record(990000006, "Sarak Village", "", 35.0, 69.0, "P", "PPL", cc="PK", admin1="02"),
]


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "AF.txt"
    path.write_text("\n".join(AF_LINES) + "\nnot\ta\tgeonames\tline\n", encoding="utf-8")
    return path


def test_parse_keeps_places_and_admin_units(dump: Path) -> None:
    rows = list(local.parse_geonames(dump.read_text(encoding="utf-8").splitlines()))
    kept = {r.name: r for r in rows if r is not None}
    assert set(kept) == {"Qalay-e Zorbat", "Zorbat Darah", "Wuluswali Zorbat", "Lashkar Gah", "Sarak Village"}
    assert kept["Wuluswali Zorbat"].kind == "admin2" and kept["Zorbat Darah"].kind == "city"
    assert kept["Qalay-e Zorbat"].alternates == ("Qala-i-Zorbat", "Qalaye Zorbat")  # Arabic script left out
    assert rows.count(None) == 1  # the malformed line


def test_import_writes_merges_and_filters_countries(dump: Path, tmp_path: Path) -> None:
    dest = tmp_path / "data" / "gazetteer.tsv"
    first = local.import_geonames(dump, dest, frozenset({"AF"}))
    assert (first.kept, first.malformed, first.total) == (4, 1, 4)
    again = local.import_geonames(dump, dest)  # the same ids replace themselves; PK is added
    assert again.total == 5
    rows = {r.geonames_id: r for r in local.read_local(dest)}
    assert rows[990000003].name == "Wuluswali Zorbat" and rows[990000002].population == 1200


def test_import_refuses_a_file_that_is_no_geonames_dump(tmp_path: Path) -> None:
    bad = tmp_path / "places.csv"
    bad.write_text("id,name,lat,lon\n1,Kabul,34.5,69.2\n", encoding="utf-8")
    with pytest.raises(local.NotAGeonamesDump):
        local.import_geonames(bad, tmp_path / "gazetteer.tsv")
    assert not (tmp_path / "gazetteer.tsv").exists()


def test_local_path_follows_the_setting_else_the_user_data_dir(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert local.local_path("") == tmp_path / "crosswire" / "gazetteer.tsv"
    assert local.local_path(str(tmp_path / "mine.tsv")) == tmp_path / "mine.tsv"


@pytest.fixture
def imported(dump: Path, tmp_path: Path, monkeypatch):
    """The CLI run on the dump, with the index cache in tmp_path; the default index restored after."""
    from crosswire.cli import app
    import crosswire.gazetteer_cli  # noqa: F401  (registers the command group)

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = tmp_path / "gazetteer.tsv"
    result = CliRunner().invoke(app, ["gazetteer", "import", str(dump), "--countries", "AF", "--out", str(out)])
    yield result, out
    use_local_gazetteer(None)


def test_cli_import_and_the_index_uses_the_rows(imported) -> None:
    from crosswire.extract.places.core import PlaceMention, resolve_places

    result, out = imported
    assert result.exit_code == 0, result.output
    assert "kept 4 places" in result.output and out.is_file()
    gaz = load_gazetteer()
    village = [c for c in gaz.lookup("Qalaye Zorbat") if c.country == "AF"]
    assert [(c.kind, c.geonames_id) for c in village] == [(KIND_CITY, 990000001)]
    assert any(c.kind == KIND_ADMIN2 for c in gaz.lookup("Zorbat District"))
    assert len([c for c in gaz.lookup("Lashkar Gah") if c.country == "AF"]) == 1  # not doubled
    assert cache_path(out) != cache_path(None)  # a new import means a new index file
    (place,) = resolve_places([PlaceMention("Qala-i-Zorbat", context=("Helmand",), units=("province",),
                                            hierarchy=True)], gazetteer=gaz)
    assert place is not None and (place.geonames_id, place.precision) == (990000001, "point")


def test_cli_import_of_a_missing_or_foreign_file_fails_with_one_line(tmp_path: Path) -> None:
    from crosswire.cli import app
    import crosswire.gazetteer_cli  # noqa: F401

    runner = CliRunner()
    missing = runner.invoke(app, ["gazetteer", "import", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "g.tsv")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    bad = tmp_path / "bad.txt"
    bad.write_text("hello world\n", encoding="utf-8")
    foreign = runner.invoke(app, ["gazetteer", "import", str(bad), "--out", str(tmp_path / "g.tsv")])
    assert foreign.exit_code == 2 and "19 tab-separated columns" in foreign.output


@pytest.mark.model
def test_run_with_a_config_resolves_places_with_its_gazetteer(dump: Path, tmp_path: Path, monkeypatch) -> None:
    """`crosswire run --config` reads the [places] gazetteer the file names, not the default one."""
    from crosswire.cli import app
    from crosswire.store import Store

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "empty-data"))
    mine = tmp_path / "mine.tsv"
    local.import_geonames(dump, mine, frozenset({"AF"}))
    config = tmp_path / "crosswire.cfg"
    config.write_text(f"[places]\ngazetteer = {mine}\n", encoding="utf-8")
    article = tmp_path / "in" / "report.txt"
    article.parent.mkdir()
    article.write_text("Village raided\n\nGunmen attacked the Qalaye Zorbat village of Nad Ali district, "
                       "Helmand province, on Monday, killing two farmers.\n", encoding="utf-8")
    try:
        for cfg, expected in ((None, False), (config, True)):
            db = tmp_path / f"{bool(cfg)}.duckdb"
            args = ["run", str(article.parent), "--db", str(db)] + (["--config", str(cfg)] if cfg else [])
            result = CliRunner().invoke(app, args)
            assert result.exit_code == 0, result.output
            with Store(db, read_only=True) as store:
                ids = {p.geonames_id for e in store.events() for p in e.places}
            assert (990000001 in ids) is expected, ids
    finally:
        use_local_gazetteer(None)


@pytest.mark.model
def test_dask_workers_resolve_places_with_the_configured_gazetteer(dump: Path, tmp_path: Path, monkeypatch) -> None:
    """The workers read the [places] gazetteer of the run's settings, as the in-process runner does."""
    pytest.importorskip("distributed")
    from dataclasses import replace

    from distributed import Client, LocalCluster

    from crosswire.distributed import run_distributed
    from crosswire.settings import load_settings
    from crosswire.store import Store

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # set before the workers start: they inherit it
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "empty-data"))
    mine = tmp_path / "mine.tsv"
    local.import_geonames(dump, mine, frozenset({"AF"}))
    article = tmp_path / "in" / "report.txt"
    article.parent.mkdir()
    article.write_text("Village raided\n\nGunmen attacked the Qalaye Zorbat village of Nad Ali district, "
                       "Helmand province, on Monday, killing two farmers.\n", encoding="utf-8")
    settings = replace(load_settings(), places_gazetteer=str(mine))
    try:
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
                Client(cluster) as client, Store(":memory:") as store:
            run_distributed([article.parent], store, settings, client=client, partitions=1)
            ids = {p.geonames_id for e in store.events() for p in e.places}
        assert 990000001 in ids, ids
    finally:
        use_local_gazetteer(None)
