"""Named, ordered DuckDB migrations, recorded in ``_crosswire_migrations``."""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import fields

import duckdb

from ..records import JSON_FIELDS, Claim, Document, Entity, Event, Happening, Mention, Rejection, Relation, Story

Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(name: str) -> Callable[[Migration], Migration]:
    """Register a schema change under a name that is recorded once applied."""

    def wrap(fn: Migration) -> Migration:
        MIGRATIONS.append((name, fn))
        return fn

    return wrap


_SQL_TYPES = {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN"}

# Columns every stored record carries so a row can be traced to what produced it (style G1).
PROVENANCE_COLUMNS = {"produced_by": "VARCHAR", "config_hash": "VARCHAR", "run_id": "VARCHAR"}


def column_types(cls: type) -> dict[str, str]:
    """DuckDB column types for a record class, derived from its annotations.

    Nested values (JSON_FIELDS) are JSON text; bytes never go into record tables (raw bytes
    live in ``raw_inputs``).
    """
    hints = typing.get_type_hints(cls)
    out: dict[str, str] = {}
    for f in fields(cls):
        if f.name in JSON_FIELDS:
            out[f.name] = "VARCHAR"
            continue
        args = [a for a in typing.get_args(hints[f.name]) if a is not type(None)]
        base = args[0] if args else hints[f.name]
        if base is bytes:
            continue
        if f.name not in JSON_FIELDS and base not in (str, int, float, bool):
            out[f.name] = "VARCHAR"  # dicts/lists not yet listed: JSON text, never dropped
            continue
        out[f.name] = _SQL_TYPES[base.__name__]
    return out


def _create(con: duckdb.DuckDBPyConnection, table: str, cls: type, key: str) -> None:
    cols = {**column_types(cls), **PROVENANCE_COLUMNS}
    body = ", ".join(f'"{c}" {t}' for c, t in cols.items())
    con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body}, PRIMARY KEY ({key}))")


@migration("0001_initial")
def _initial(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """CREATE TABLE IF NOT EXISTS raw_inputs (
            id VARCHAR PRIMARY KEY, source VARCHAR, size BIGINT, bytes BLOB,
            first_seen TIMESTAMP DEFAULT current_timestamp)"""
    )
    _create(con, "documents", Document, "id")
    _create(con, "rejections", Rejection, "id")
    _create(con, "mentions", Mention, "doc, start, \"end\"")
    _create(con, "entities", Entity, "id")
    con.execute(
        """CREATE TABLE IF NOT EXISTS signatures (
            doc VARCHAR PRIMARY KEY, minhash BLOB)"""
    )
    con.execute(
        """CREATE TABLE IF NOT EXISTS runs (
            id VARCHAR PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, version VARCHAR,
            config_hash VARCHAR, inputs BIGINT, processed BIGINT, duplicate BIGINT,
            unchanged BIGINT, rejected BIGINT, paths VARCHAR)"""
    )


@migration("0002_events")
def _events(con: duckdb.DuckDBPyConnection) -> None:
    _create(con, "events", Event, "id")


@migration("0003_claims_stories_relations")
def _claims(con: duckdb.DuckDBPyConnection) -> None:
    _create(con, "claims", Claim, "id")
    _create(con, "stories", Story, "id")
    _create(con, "relations", Relation, "id")


@migration("0004_embeddings")
def _embeddings(con: duckdb.DuckDBPyConnection) -> None:
    # Sentence vectors by hash of (model, text): a later run embeds only texts it has not seen.
    con.execute("CREATE TABLE IF NOT EXISTS embeddings (key VARCHAR PRIMARY KEY, vector FLOAT[])")


@migration("0005_event_date_basis")
def _event_date_basis(con: duckdb.DuckDBPyConnection) -> None:
    # Stores made before events could be dated from context: their dates are all stated.
    con.execute('ALTER TABLE events ADD COLUMN IF NOT EXISTS date_basis VARCHAR')
    con.execute("UPDATE events SET date_basis = 'sentence' WHERE date_text IS NOT NULL AND date_basis IS NULL")


@migration("0006_run_stages_and_pending")
def _run_stages(con: duckdb.DuckDBPyConnection) -> None:
    # Which stages each run finished, so a crashed run shows where it stopped; and the documents
    # stored but not yet compared into stories, so the next run finishes that comparison.
    con.execute("ALTER TABLE runs ADD COLUMN IF NOT EXISTS stages VARCHAR")
    con.execute("CREATE TABLE IF NOT EXISTS pending_crosscheck (doc VARCHAR PRIMARY KEY)")


@migration("0007_happenings")
def _happenings(con: duckdb.DuckDBPyConnection) -> None:
    # Events merged into happenings are made by the story comparison; a store made before
    # has none, so every stored document waits for the next run's comparison.
    _create(con, "happenings", Happening, "id")
    con.execute("INSERT INTO pending_crosscheck SELECT id FROM documents ON CONFLICT DO NOTHING")


@migration("0008_relation_questions")
def _relation_questions(con: duckdb.DuckDBPyConnection) -> None:
    # Relations made before carry no question, answers, independence or confidence: every
    # stored document waits for the next run's comparison, which remakes its story's relations.
    for column, sql_type in (("question", "VARCHAR"), ("answers", "VARCHAR"), ("independent", "BOOLEAN"),
                             ("confidence", "DOUBLE")):
        con.execute(f"ALTER TABLE relations ADD COLUMN IF NOT EXISTS {column} {sql_type}")
    # Until then they read as unchecked: no question, no confidence (held back by default).
    con.execute("UPDATE relations SET question = '' WHERE question IS NULL")
    con.execute("UPDATE relations SET answers = '[]' WHERE answers IS NULL")
    con.execute("UPDATE relations SET confidence = 0.0 WHERE confidence IS NULL")
    con.execute("INSERT INTO pending_crosscheck SELECT id FROM documents ON CONFLICT DO NOTHING")


@migration("0009_claim_co_speakers")
def _claim_co_speakers(con: duckdb.DuckDBPyConnection) -> None:
    # Claims read before coordinated speakers were split name one speaker; they keep it, with
    # no co-speakers, until their document is read again.
    con.execute("ALTER TABLE claims ADD COLUMN IF NOT EXISTS co_speakers VARCHAR")
    con.execute("UPDATE claims SET co_speakers = '[]' WHERE co_speakers IS NULL")


@migration("0010_happening_date_basis")
def _happening_date_basis(con: duckdb.DuckDBPyConnection) -> None:
    # Happenings made before say nothing of where their date came from; the next comparison
    # of their story remakes them (dated from the report when no mention dates them).
    con.execute("ALTER TABLE happenings ADD COLUMN IF NOT EXISTS date_basis VARCHAR")
    con.execute("UPDATE happenings SET date_basis = 'text' WHERE date IS NOT NULL AND date_basis IS NULL")
    con.execute("INSERT INTO pending_crosscheck SELECT id FROM documents ON CONFLICT DO NOTHING")


@migration("0011_relation_disputes")
def _relation_disputes(con: duckdb.DuckDBPyConnection) -> None:
    # Contradictions made before were not grouped into disputes: they read as one dispute each
    # (an empty id) until the next comparison of their story, which every document waits for.
    con.execute("ALTER TABLE relations ADD COLUMN IF NOT EXISTS dispute VARCHAR")
    con.execute("UPDATE relations SET dispute = '' WHERE dispute IS NULL")
    con.execute("INSERT INTO pending_crosscheck SELECT id FROM documents ON CONFLICT DO NOTHING")


@migration("0012_minhash_bands")
def _minhash_bands(con: duckdb.DuckDBPyConnection) -> None:
    # LSH band keys of the stored signatures (duplicates.py), so a run finds the near-duplicates
    # of its documents with a join instead of loading every signature. No key: a primary-key
    # index is held in memory whole; rows are deleted before a document's are written again.
    # Stores made before get their rows the first time a run needs them (Store.bands_missing).
    con.execute("CREATE TABLE IF NOT EXISTS minhash_bands (scheme VARCHAR, band INTEGER, key BIGINT, doc VARCHAR)")


def apply_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every migration not yet recorded; return the names applied now."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS _crosswire_migrations ("
        "name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    done = {r[0] for r in con.execute("SELECT name FROM _crosswire_migrations").fetchall()}
    applied = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        fn(con)
        con.execute("INSERT INTO _crosswire_migrations (name) VALUES (?)", [name])
        applied.append(name)
    return applied
