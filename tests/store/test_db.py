from __future__ import annotations

import duckdb

from crosswire.records import Document, Entity, Mention, Rejection
from crosswire.store import Store
from crosswire.store.migrations import MIGRATIONS, column_types


def _doc(doc_id: str, **kw) -> Document:
    base = dict(id=doc_id, source=f"{doc_id}.txt", outlet="Xinhua", host=None, title="T", published="2015-10-07",
                published_inferred=None, language="en", text="Body text here.", boilerplate=["Share this article"],
                headings=[{"start": 0, "end": 4, "text": "Body"}])
    base.update(kw)
    return Document(**base)


def test_store_upsert_is_idempotent_and_round_trips_nested_fields(mem_store):
    doc = _doc("a")
    mem_store.upsert("documents", [doc], run_id="r1")
    mem_store.upsert("documents", [doc], run_id="r2")
    assert mem_store.count("documents") == 1
    (back,) = mem_store.documents()
    assert back == doc
    assert back.boilerplate == ["Share this article"]
    assert back.headings[0]["text"] == "Body"


def test_store_upsert_replaces_changed_record(mem_store):
    mem_store.upsert("documents", [_doc("a")])
    mem_store.upsert("documents", [_doc("a", title="New")])
    assert [d.title for d in mem_store.documents()] == ["New"]


def test_store_raw_inputs_keep_first_bytes_verbatim(mem_store):
    mem_store.put_raw([("h1", "a.txt", b"\xff\x00raw"), ("h1", "copy.txt", b"\xff\x00raw")])
    mem_store.put_raw([("h1", "again.txt", b"\xff\x00raw")])
    rows = mem_store.con.execute("SELECT id, source, bytes FROM raw_inputs").fetchall()
    assert rows == [("h1", "a.txt", b"\xff\x00raw")]


def test_store_known_ids_and_find_document(mem_store):
    mem_store.upsert("documents", [_doc("abc123"), _doc("abd999", source="feeds/x.rss#1")])
    assert mem_store.known_ids("documents", ["abc123", "zzz"]) == {"abc123"}
    assert mem_store.find_document("abc").id == "abc123"
    assert mem_store.find_document("ab") is None  # ambiguous prefix
    assert mem_store.find_document("x.rss").id == "abd999"


def test_store_entities_mentions_rejections(mem_store):
    ent = Entity(id="e1", type="PERSON", canonical="Sergey Lavrov", aliases=["Sergey Lavrov", "Sergei Lavrov"], docs=["a", "b"])
    mem_store.upsert("entities", [ent])
    mem_store.upsert("mentions", [Mention(doc="a", start=5, end=11, text="Lavrov", type="PERSON", entity="e1"),
                                  Mention(doc="a", start=0, end=4, text="Kerry", type="PERSON", entity=None)])
    mem_store.upsert("rejections", [Rejection(id="r", source="bad.bin", stage="decode", reason="binary file", raw=b"\x00")])
    assert mem_store.entities() == [ent]
    assert [m.start for m in mem_store.mentions("a")] == [0, 5]
    assert next(mem_store.rows("rejections"))["reason"] == "binary file"


def test_store_migrations_recorded_once(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path):
        pass
    with Store(path) as store:
        names = [r[0] for r in store.con.execute("SELECT name FROM _crosswire_migrations").fetchall()]
    assert names == [name for name, _ in MIGRATIONS]


def _store_from_before(path, migration: str, *statements: str) -> None:
    """A store made to look written before ``migration``: ``statements`` undo what it adds."""
    with Store(path) as store:
        for sql in statements:
            store.con.execute(sql)
        store.con.execute("DELETE FROM _crosswire_migrations WHERE name = ?", [migration])


def test_a_store_from_before_date_basis_gains_the_column(tmp_path):
    path = tmp_path / "old.duckdb"
    _store_from_before(path, "0005_event_date_basis",
                       "ALTER TABLE events DROP COLUMN date_basis",
                       "INSERT INTO events (id, doc, type, date, date_text, modality, trigger) VALUES "
                       "('e1', 'd', 'ASSAULT', '2015-09-30', 'Wednesday', 'asserted', 'strikes'), "
                       "('e2', 'd', 'ASSAULT', NULL, NULL, 'asserted', 'hit')")
    with Store(path) as store:
        rows = store.con.execute("SELECT id, date_basis FROM events ORDER BY id").fetchall()
    assert rows == [("e1", "sentence"), ("e2", None)]


def test_store_columns_follow_records_and_skip_bytes():
    cols = column_types(Rejection)
    assert "raw" not in cols and cols["reason"] == "VARCHAR"
    assert column_types(Document)["words"] == "BIGINT"
    con = duckdb.connect(":memory:")
    con.close()


def test_a_store_from_before_relation_questions_reads_and_recompares(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:  # a store written before migration 0008
        for column in ("question", "answers", "independent", "confidence"):
            store.con.execute(f"ALTER TABLE relations DROP COLUMN {column}")
        store.con.execute("INSERT INTO relations (id, story, type, claims, about, reason, score) VALUES "
                          "('r1', 's', 'contradicts', '[\"a\", \"b\"]', 'x', 'polarity: x vs not x', 0.7)")
        store.con.execute("INSERT INTO documents (id) VALUES ('d1')")
        store.con.execute("DELETE FROM pending_crosscheck")
        store.con.execute("DELETE FROM _crosswire_migrations WHERE name = '0008_relation_questions'")
    with Store(path) as store:
        [rel] = store.relations("s")
        pending = store.con.execute("SELECT doc FROM pending_crosscheck").fetchall()
    assert (rel.question, rel.answers, rel.confidence) == ("", [], 0.0)  # unchecked: held back by default
    assert pending == [("d1",)]  # the next run compares its story again


def test_a_store_from_before_co_speakers_reads_claims_with_none(tmp_path):
    from crosswire.records import Claim, Evidence, Speaker

    path = tmp_path / "old.duckdb"
    _store_from_before(path, "0009_claim_co_speakers",
                       "ALTER TABLE claims DROP COLUMN co_speakers",
                       "INSERT INTO claims (id, doc, speaker, chain, text, direct, cue, event, evidence) VALUES "
                       "('c1', 'd1', '{\"text\": \"Iran\"}', '[\"X\", \"Iran\"]', 'talks failed', false, 'said', "
                       "NULL, '{\"start\": 0, \"end\": 12, \"text\": \"talks failed\"}')")
    with Store(path) as store:
        [old] = store.claims("d1")
        both = Claim(id="c2", doc="d2", speaker=Speaker(text="Russia"), chain=["X", "Russia"], text="talks failed",
                     direct=False, cue="said", event=None, evidence=Evidence(0, 12, "talks failed"),
                     co_speakers=[Speaker(text="Iran", canonical="Iran")])
        store.upsert("claims", [both])
        [again] = store.claims("d2")
    assert old.co_speakers == []
    assert again.co_speakers == [Speaker(text="Iran", canonical="Iran")]


def test_reads_of_many_documents_match_reads_of_each(tmp_path):
    from crosswire.run import run
    from crosswire.settings import load_settings

    (tmp_path / "a.txt").write_text("Mayor Ilse Varga said the Orlen bridge will close on Monday. "
                                    "Police arrested two men in Torvik, officials said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Nothing much happened here at all.\n", encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        run([tmp_path / "a.txt", tmp_path / "b.txt"], store, load_settings())
        ids = [d.id for d in store.documents()] + ["no-such-doc"]
        assert store.mentions_of(ids) == {d: store.mentions(d) for d in ids}
        assert store.events_of(ids) == {d: store.events(d) for d in ids}
        assert store.claims_of(ids) == {d: store.claims(d) for d in ids}
        assert any(store.claims_of(ids).values()) and any(store.mentions_of(ids).values())
        assert store.events_of([]) == {}
