"""The Store: idempotent, bulk upserts of crosswire records into one DuckDB file."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from ..records import JSON_FIELDS, Claim, Document, Entity, Event, Happening, Mention, Rejection, Relation, Story, as_row, from_row
from .migrations import PROVENANCE_COLUMNS, apply_migrations, column_types

# Records of a document in the order its text tells them.
_TEXT_ORDER = "doc, json_extract(evidence, '$.start')::INT, id"

TABLES: dict[str, type] = {
    "documents": Document,
    "rejections": Rejection,
    "mentions": Mention,
    "entities": Entity,
    "events": Event,
    "claims": Claim,
    "stories": Story,
    "relations": Relation,
    "happenings": Happening,
}


def _encode(name: str, value: Any) -> Any:
    if name in JSON_FIELDS or isinstance(value, (dict, list, tuple)):
        return None if value is None else json.dumps(value, ensure_ascii=False)
    return value


def _decode(name: str, value: Any) -> Any:
    if name in JSON_FIELDS and isinstance(value, str):
        return json.loads(value)
    return value


class Store:
    """A crosswire DuckDB database with domain verbs; writes go through Arrow in bulk.

    Example:
        >>> with Store(":memory:") as store:
        ...     store.count("documents")
        0
    """

    def __init__(self, path: str | Path = "crosswire.duckdb", *, read_only: bool = False,
                 memory_limit: str | None = None) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # A bounded buffer pool keeps a long run's memory flat: DuckDB's default (80% of RAM)
        # caches the blocks it writes, ~50 MB more over 2,000 articles; above it, it evicts.
        config = {"memory_limit": memory_limit} if memory_limit else {}
        self.con = duckdb.connect(self.path, read_only=read_only, config=config)
        if not read_only:
            apply_migrations(self.con)

    def reader(self) -> Store:
        """This store on a cursor of its own: one per thread of a server, all on one connection.

        DuckDB connections are not shared between threads; cursors of one connection are.
        Closing the reader closes only its cursor.
        """
        other = object.__new__(Store)
        other.path = self.path
        other.con = self.con.cursor()
        return other

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Checkpoint and close the connection (safe to call twice)."""
        try:
            self.con.close()
        except duckdb.ConnectionException:
            pass

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Every write inside commits together or not at all.

        A run killed mid-way (even ``kill -9``) leaves the store as it was before the block:
        DuckDB's write-ahead log holds only committed transactions.
        """
        self.con.begin()
        try:
            yield
        except BaseException:
            self.con.rollback()
            raise
        self.con.commit()

    # -- writes ---------------------------------------------------------------------------
    def _insert(self, table: str, columns: dict[str, list[Any]], *, replace: bool = True, keyed: bool = True) -> int:
        if not columns or not len(next(iter(columns.values()))):
            return 0
        import pyarrow as pa  # writes only: read commands (and writes of nothing) never pay its import

        arrow = pa.table(columns)
        verb = "INSERT" if not keyed else "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
        self.con.register("_incoming", arrow)
        try:
            self.con.execute(f"{verb} INTO {table} BY NAME SELECT * FROM _incoming")
        finally:
            self.con.unregister("_incoming")
        return arrow.num_rows

    def upsert(self, table: str, records: Sequence[Any], **provenance: str) -> int:
        """Insert or replace records (keyed by their ids) into one of TABLES, in one batch."""
        cls = TABLES[table]
        names = list(column_types(cls))
        columns: dict[str, list[Any]] = {n: [] for n in names}
        for record in records:
            row = as_row(record)
            for n in names:
                columns[n].append(_encode(n, row[n]))
        for key in PROVENANCE_COLUMNS:
            columns[key] = [provenance.get(key)] * len(records)
        return self._insert(table, columns)

    def put_raw(self, items: Iterable[tuple[str, str, bytes]]) -> int:
        """Keep raw inputs verbatim under their content hash; a hash already kept is a no-op."""
        ids, sources, sizes, blobs = [], [], [], []
        seen: set[str] = set()
        for rid, source, data in items:
            if rid in seen:
                continue
            seen.add(rid)
            ids.append(rid), sources.append(source), sizes.append(len(data)), blobs.append(data)
        if not ids:
            return 0  # an unchanged re-run: nothing new, and no pyarrow to import for it
        import pyarrow as pa

        return self._insert(
            "raw_inputs",
            {"id": ids, "source": sources, "size": sizes, "bytes": pa.array(blobs, pa.binary())},
            replace=False,
        )

    def put_signatures(self, signatures: dict[str, bytes]) -> int:
        """Store MinHash signatures so later runs can find near-duplicates of stored docs."""
        if not signatures:
            return 0
        import pyarrow as pa

        docs = list(signatures)
        return self._insert(
            "signatures",
            {"doc": docs, "minhash": pa.array([signatures[d] for d in docs], pa.binary())},
        )

    def put_bands(self, scheme: str, rows: Sequence[tuple[str, int, int]]) -> int:
        """Store the LSH band keys (doc, band, key) of signatures cut with ``scheme``."""
        if not rows:
            return 0
        docs = sorted({doc for doc, _, _ in rows})
        self.con.execute("DELETE FROM minhash_bands WHERE scheme = ? AND doc IN (SELECT unnest(?))", [scheme, docs])
        return self._insert("minhash_bands", {"scheme": [scheme] * len(rows), "band": [r[1] for r in rows],
                                              "key": [r[2] for r in rows], "doc": [r[0] for r in rows]}, keyed=False)

    def put_embeddings(self, vectors: dict[str, Sequence[float]]) -> int:
        """Keep sentence vectors under their cache keys (see ``compare.embeddings.cached``)."""
        if not vectors:
            return 0
        import numpy as np
        import pyarrow as pa

        keys = list(vectors)
        rows = [np.asarray(vectors[k], dtype=np.float32).ravel() for k in keys]
        # Straight from float32 arrays: a list of Python floats per vector would cost 6x the memory.
        offsets = np.concatenate([[0], np.cumsum([len(r) for r in rows])]).astype(np.int32)
        flat = np.concatenate(rows)
        return self._insert("embeddings", {"key": keys, "vector": pa.ListArray.from_arrays(pa.array(offsets), pa.array(flat))})

    def record_run(self, row: dict[str, Any]) -> None:
        """Write the summary of one run (again, as it progresses: the row is keyed by run id).

        One row, so plain SQL: an unchanged re-run writes nothing else, and pyarrow's import
        alone would be a fifth of its time."""
        names = list(row)
        self.con.execute(f"INSERT OR REPLACE INTO runs ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                         [row[n] for n in names])

    def finish_stage(self, run_id: str, stage: str) -> None:
        """Note that a run finished a stage; a run that crashed lists only what it finished."""
        self.con.execute("UPDATE runs SET stages = concat_ws(',', stages, ?) WHERE id = ?", [stage, run_id])

    def mark_pending(self, doc_ids: Iterable[str]) -> None:
        """Documents stored but not yet compared into stories (see ``pending``)."""
        self._insert("pending_crosscheck", {"doc": list(dict.fromkeys(doc_ids))}, replace=False)

    def pending(self) -> list[str]:
        """Documents a run stored and no run has compared into stories yet (a crash in between)."""
        return [r[0] for r in self.con.execute("SELECT doc FROM pending_crosscheck ORDER BY doc").fetchall()]

    def clear_pending(self, doc_ids: Sequence[str]) -> None:
        """Documents now compared into stories."""
        if doc_ids:
            self.con.execute("DELETE FROM pending_crosscheck WHERE doc IN (SELECT unnest(?))", [list(doc_ids)])

    def drop_stale_rejections(self, outcomes: Sequence[tuple[str, str, bool]], keep: Iterable[str]) -> int:
        """Remove rejections an input's new outcome replaces, so no input is both.

        ``outcomes`` are (source, id, became a document) for the inputs just read. A source's
        older rejections go (and the file's own, for a record of it: an unreadable file that can
        now be read); so does a rejection with the id of a new document (a size limit since
        raised). ``keep`` are rejections written in this run.
        """
        if not outcomes:
            return 0
        import pyarrow as pa

        sources = [s for s, _, _ in outcomes] + [s.split("#", 1)[0] for s, _, _ in outcomes]
        table = pa.table({"source": sources, "id": [i for _, i, _ in outcomes] * 2,
                          "document": [d for _, _, d in outcomes] * 2})
        self.con.register("_outcomes", table)
        self.con.register("_keep", pa.table({"id": list(set(keep)) or [""]}))
        try:
            stale = self.con.execute(
                """SELECT DISTINCT r.id FROM rejections r JOIN _outcomes o
                   ON (r.source = o.source AND r.id <> o.id) OR (o.document AND r.id = o.id)
                   WHERE r.id NOT IN (SELECT id FROM _keep)""").fetchall()
        finally:
            self.con.unregister("_outcomes")
            self.con.unregister("_keep")
        self.delete("rejections", [r[0] for r in stale])
        return len(stale)

    # -- reads ----------------------------------------------------------------------------
    def count(self, table: str, where: str = "", params: Sequence[Any] = ()) -> int:
        """Number of rows in a table (those matching ``where``, if given)."""
        # fetchall, not fetchone: DuckDB 2 keeps a half-read result open and blocks the connection.
        sql = f"SELECT count(*) FROM {table}" + (f" WHERE {where}" if where else "")
        return int(self.con.execute(sql, list(params)).fetchall()[0][0])

    def known_ids(self, table: str, ids: Iterable[str]) -> set[str]:
        """Which of these ids are already stored in ``table``."""
        wanted = list(set(ids))
        if not wanted:
            return set()
        rows = self.con.execute(f"SELECT id FROM {table} WHERE id IN (SELECT unnest(?))", [wanted])
        return {r[0] for r in rows.fetchall()}

    def rows(self, table: str, where: str = "", params: Sequence[Any] = (), order: str = "",
             columns: Sequence[str] = ()) -> Iterator[dict[str, Any]]:
        """Rows of a record table as dicts with nested fields decoded (what export projects);
        only ``columns`` when given (a listing need not read every document's text)."""
        picked = ", ".join(f'"{c}"' for c in columns) or "*"
        sql = f"SELECT {picked} FROM {table}"
        if where:
            sql += f" WHERE {where}"
        if order:
            sql += f" ORDER BY {order}"
        # A cursor of its own, so a caller may query the store while iterating.
        cur = self.con.cursor().execute(sql, list(params))
        names = [d[0] for d in cur.description]
        while batch := cur.fetchmany(1000):
            for values in batch:
                yield {n: _decode(n, v) for n, v in zip(names, values)}

    def _records(self, cls: type, table: str, where: str = "", params: Sequence[Any] = ()) -> list[Any]:
        return [from_row(cls, row) for row in self.rows(table, where, params)]

    def documents(self, ids: Sequence[str] | None = None) -> list[Document]:
        """Stored documents (all, or those with the given ids)."""
        if ids is None:
            return self._records(Document, "documents")
        return self._records(Document, "documents", "id IN (SELECT unnest(?))", [list(ids)])

    def find_document(self, prefix: str) -> Document | None:
        """The document whose id starts with ``prefix`` or whose source contains it."""
        found = self._records(Document, "documents", "id LIKE ? || '%'", [prefix])
        if not found:
            found = self._records(Document, "documents", "contains(source, ?)", [prefix])
        return found[0] if len(found) == 1 else None

    def entities(self) -> list[Entity]:
        """Every resolved entity."""
        return self._records(Entity, "entities")

    def mentions(self, doc: str) -> list[Mention]:
        """Entity mentions of one document, in text order."""
        return self.mentions_of([doc])[doc]

    def events(self, doc: str | None = None) -> list[Event]:
        """Stored events (of one document, or all), in document and text order."""
        where, params = ("doc = ?", [doc]) if doc else ("", [])
        return [from_row(Event, r) for r in self.rows("events", where, params, order=_TEXT_ORDER)]

    def claims(self, doc: str | None = None) -> list[Claim]:
        """Stored claims (of one document, or all), in document and text order."""
        where, params = ("doc = ?", [doc]) if doc else ("", [])
        return [from_row(Claim, r) for r in self.rows("claims", where, params, order=_TEXT_ORDER)]

    def mentions_of(self, docs: Sequence[str]) -> dict[str, list[Mention]]:
        """Entity mentions of many documents in one query: document id -> its mentions, in text order."""
        return self._by_doc("mentions", docs, lambda r: Mention(**r), order="doc, start",
                            columns=("doc", "start", "end", "text", "type", "entity"))

    def events_of(self, docs: Sequence[str]) -> dict[str, list[Event]]:
        """Stored events of many documents in one query: document id -> its events, in text order."""
        return self._by_doc("events", docs, lambda r: from_row(Event, r))

    def event_outlines_of(self, docs: Sequence[str]) -> dict[str, list[tuple[str, str | None, tuple[str | None, ...]]]]:
        """Each event's type, date and places' countries, of many documents: what story grouping
        reads of every stored document (whole events took 0.74 s of a 1.45 s story pass on 1,000)."""
        return self._by_doc("events", docs, lambda r: (r["type"], r["date"], tuple(p.get("country") for p in r["places"] or ())),
                            order="doc", columns=("doc", "type", "date", "places"))

    def claims_of(self, docs: Sequence[str]) -> dict[str, list[Claim]]:
        """Stored claims of many documents in one query: document id -> its claims, in text order."""
        return self._by_doc("claims", docs, lambda r: from_row(Claim, r))

    def _by_doc(self, table: str, docs: Sequence[str], make: Callable[[dict[str, Any]], Any], *,
                order: str = "", columns: Sequence[str] = ()) -> dict[str, list[Any]]:
        # One query for a whole story pass: a query per document cost ~2 ms each (400 on 200 articles).
        grouped: dict[str, list[Any]] = {d: [] for d in docs}
        if grouped:
            for row in self.rows(table, "doc IN (SELECT unnest(?))", [list(grouped)], order=order or _TEXT_ORDER,
                                 columns=columns):
                grouped[row["doc"]].append(make(row))
        return grouped

    def stories(self) -> list[Story]:
        """Every story, earliest first."""
        return [from_row(Story, r) for r in self.rows("stories", order="start NULLS LAST, id")]

    def happenings(self, story: str | None = None) -> list[Happening]:
        """Happenings (of one story, or all), earliest first, undated last."""
        where, params = ("story = ?", [story]) if story else ("", [])
        rows = self.rows("happenings", where, params, order="date NULLS LAST, doc, json_extract(evidence, '$.start')::INT, id")
        return [from_row(Happening, r) for r in rows]

    def relations(self, story: str | None = None) -> list[Relation]:
        """Claim relations (of one story, or all), strongest first."""
        where, params = ("story = ?", [story]) if story else ("", [])
        return [from_row(Relation, r) for r in self.rows("relations", where, params, order="score DESC, id")]

    def delete(self, table: str, ids: Sequence[str]) -> None:
        """Remove rows by id (a story merged into another, say)."""
        if ids:
            self.con.execute(f"DELETE FROM {table} WHERE id IN (SELECT unnest(?))", [list(ids)])

    def embeddings(self, keys: Sequence[str]) -> dict[str, Any]:
        """Stored sentence vectors (float32 arrays) for those of ``keys`` that have one."""
        if not keys:
            return {}
        import numpy as np

        # Through Arrow into one float32 block: fetchall would make a Python float of every
        # number (16,000 claims' vectors: 150 MB instead of 25).
        table = self.con.sql("SELECT key, vector FROM embeddings WHERE key IN (SELECT unnest($keys))",
                             params={"keys": list(keys)}).to_arrow_table()
        vectors = table.column("vector").combine_chunks()
        flat = vectors.flatten().to_numpy(zero_copy_only=False).astype(np.float32, copy=False)
        rows = np.split(flat, np.asarray(vectors.offsets)[1:-1]) if len(vectors) else []
        return dict(zip(table.column("key").to_pylist(), rows))

    def matches(self, scheme: str, probe: Sequence[tuple[str, int, int]]) -> list[tuple[str, str]]:
        """(probing doc, stored doc) for each probe (doc, band, key) whose band key a stored
        document shares (duplicates.BandIndex)."""
        if not probe:
            return []
        import pyarrow as pa

        table = pa.table({"doc": [p[0] for p in probe], "band": pa.array([p[1] for p in probe], pa.int32()),
                          "key": pa.array([p[2] for p in probe], pa.int64())})
        self.con.register("_probe", table)
        try:
            return [tuple(r) for r in self.con.execute(
                "SELECT DISTINCT p.doc, b.doc FROM _probe p JOIN minhash_bands b "
                "ON b.scheme = ? AND b.band = p.band AND b.key = p.key ORDER BY 1, 2", [scheme]).fetchall()]
        finally:
            self.con.unregister("_probe")

    def signatures_of(self, docs: Sequence[str]) -> dict[str, bytes]:
        """Stored MinHash signatures of these documents."""
        if not docs:
            return {}
        return dict(self.con.execute("SELECT doc, minhash FROM signatures WHERE doc IN (SELECT unnest(?))",
                                     [list(docs)]).fetchall())

    def bands_missing(self, scheme: str, limit: int = 10_000) -> dict[str, bytes]:
        """Up to ``limit`` stored signatures with no band rows under ``scheme`` (a store made
        before bands were stored, or a changed [dedup] threshold or num_perm)."""
        return dict(self.con.execute(
            "SELECT doc, minhash FROM signatures s WHERE NOT EXISTS "
            "(SELECT 1 FROM minhash_bands b WHERE b.scheme = ? AND b.doc = s.doc) ORDER BY doc LIMIT ?",
            [scheme, limit]).fetchall())
