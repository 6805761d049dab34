"""The read API and pages (issue 13), in process: what each route answers, its filters and
pages, the export contract, and that article text stays text with strict headers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from crosswire.export import records
from crosswire.store import Store
from crosswire.story_report import story_report
from crosswire.web import create_app
from crosswire import query

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def client(web_store: Path):
    store = Store(web_store, read_only=True)
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c
    store.close()


@pytest.fixture(scope="module")
def exported(web_store: Path) -> list[dict]:
    with Store(web_store, read_only=True) as store:
        return list(records(store))


def _main_story(client: TestClient) -> dict:
    stories = client.get("/api/stories", params={"limit": 1000}).json()["items"]
    return max(stories, key=lambda s: s["counts"]["contradictions"])


def test_stories_are_paged_newest_first_and_searchable(client: TestClient):
    everything = client.get("/api/stories", params={"limit": 1000}).json()
    assert everything["total"] == len(everything["items"]) >= 3
    days = [s["end"] or s["start"] for s in everything["items"]]
    dated = [d for d in days if d]
    assert dated == sorted(dated, reverse=True) and days[:len(dated)] == dated  # undated last
    first_two = client.get("/api/stories", params={"limit": 2}).json()
    assert [s["id"] for s in first_two["items"]] == [s["id"] for s in everything["items"][:2]]
    after = client.get("/api/stories", params={"limit": 2, "offset": 2}).json()["items"]
    assert after[0]["id"] == everything["items"][2]["id"]
    assert client.get("/api/stories", params={"offset": 10_000}).json()["items"] == []
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422
    dravny = client.get("/api/stories", params={"q": "dravny"}).json()
    assert dravny["total"] >= 1 and dravny["total"] < everything["total"]


def test_a_story_is_the_cli_report_with_its_record_and_places(client: TestClient, web_store: Path):
    main = _main_story(client)
    assert main["counts"]["contradictions"] >= 1
    got = client.get(f"/api/stories/{main['id']}").json()
    with Store(web_store, read_only=True) as store:
        assert got["report"] == json.loads(json.dumps(story_report(store, main["id"])))
    assert got["story"]["kind"] == "story" and got["story"]["docs"] == main["docs"]
    for point in got["places"]:
        assert -90 <= point["lat"] <= 90 and point["events"] and all(e["doc"] in main["docs"] for e in point["events"])
    shown = got["report"]["relations"]
    everything = client.get(f"/api/stories/{main['id']}", params={"all": "true"}).json()["report"]["relations"]
    assert len(everything) == len(shown) + got["report"]["relations_held_back"]
    assert client.get("/api/stories/not-a-story").status_code == 404


def test_event_filters_match_the_cli_and_unknown_values_are_named(client: TestClient):
    every = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert every and {e["kind"] for e in every} == {"happening"}
    assaults = client.get("/api/events", params={"type": "assault", "limit": 1000}).json()["items"]
    assert assaults and all(e["type"] == "ASSAULT" for e in assaults)
    happened = client.get("/api/events", params={"status": "happened", "limit": 1000}).json()["items"]
    assert happened and {e["modality"] for e in happened} <= {"asserted", "reported"}
    assert len(happened) < len(every)
    window = client.get("/api/events", params={"from": "2024-03-11", "to": "2024-03-12", "limit": 1000}).json()["items"]
    assert window and all("2024-03-11" <= e["date"] <= "2024-03-12" for e in window)
    mentions = client.get("/api/events", params={"mentions": "true", "limit": 1000}).json()["items"]
    assert len(mentions) > len(every) and {e["kind"] for e in mentions} == {"event"}
    bogus = client.get("/api/events", params={"type": "BOGUS"})
    assert bogus.status_code == 422 and "ASSAULT" in bogus.json()["detail"]
    assert "happened" in client.get("/api/events", params={"status": "rumoured"}).json()["detail"]
    assert client.get("/api/events", params={"from": "March"}).status_code == 422
    assert "YYYY-MM-DD" in client.get("/api/events", params={"to": "2024-13-45"}).json()["detail"]


def test_claims_by_speaker_and_story_and_entities_by_name(client: TestClient):
    main = _main_story(client)
    volkov = client.get("/api/claims", params={"speaker": "volkov", "limit": 1000}).json()["items"]
    assert volkov and all("volkov" in json.dumps(c["speaker"]).lower()
                          or "volkov" in json.dumps(c.get("co_speakers")).lower() for c in volkov)
    of_story = client.get("/api/claims", params={"story": main["id"], "limit": 1000}).json()
    assert of_story["total"] == main["counts"]["claims"]
    assert all(c["doc"] in main["docs"] for c in of_story["items"])
    found = client.get("/api/entities", params={"q": "volkov"}).json()["items"]
    assert found and all("volkov" in " ".join([e["canonical"], *e["aliases"]]).lower() for e in found)


def test_records_follow_the_export_contract(client: TestClient, exported: list[dict]):
    by_id = {(r["kind"], r["id"]): r for r in exported}
    main = _main_story(client)
    assert by_id[("story", main["id"])] == {k: v for k, v in main.items() if k != "counts"}
    doc_id = main["docs"][0]
    view = client.get(f"/api/documents/{doc_id}").json()
    assert view["document"] == by_id[("document", doc_id)]
    for kind in ("event", "claim"):
        for rec in view[kind + "s"]:
            assert rec == by_id[(kind, rec["id"])]
    claim = client.get("/api/claims", params={"limit": 1}).json()["items"][0]
    assert claim == by_id[("claim", claim["id"])]
    listed = client.get("/api/documents", params={"limit": 1000}).json()["items"]
    assert {d["id"] for d in listed} == {r["id"] for r in exported if r["kind"] == "document"}
    assert all("text" not in d for d in listed)  # a list stays light; the document has its text


def test_a_document_is_cut_into_segments_that_anchor_every_evidence(client: TestClient):
    main = _main_story(client)
    for doc_id in main["docs"][:4]:
        view = client.get(f"/api/documents/{doc_id[:12]}").json()
        text = view["document"]["text"]
        assert "".join(s["text"] for s in view["segments"]) == text
        anchors = {a for s in view["segments"] for a in s["anchors"]}
        assert {f"ev-{e['id']}" for e in view["events"]} <= anchors
        assert {f"cl-{c['id']}" for c in view["claims"]} <= anchors
        for seg in view["segments"]:
            covering = [r for r in view["events"] + view["claims"]
                        if r["evidence"]["start"] <= seg["start"] and seg["end"] <= r["evidence"]["end"]]
            assert bool(seg["kinds"]) == bool(covering)
        assert view["origin"]["source"] == view["document"]["source"]


def _hostile_doc(client: TestClient) -> dict:
    docs = client.get("/api/documents", params={"q": "mayor", "limit": 10}).json()["items"]
    hostile = [d for d in docs if "onerror" in (d["title"] or "")]
    assert hostile, [d["title"] for d in docs]
    return hostile[0]


def test_article_markup_is_shown_as_text_on_every_page(client: TestClient):
    doc = _hostile_doc(client)
    story = next(s for s in client.get("/api/stories", params={"limit": 1000}).json()["items"] if doc["id"] in s["docs"])
    for url in ("/", "/documents", f"/documents/{doc['id']}", f"/stories/{story['id']}", "/?q=%3Cscript%3E"):
        page = client.get(url)
        assert page.status_code == 200, url
        body = page.text
        # The only tags are the page's own: no script element at all, no img, no handler.
        assert "<script" not in body.lower() and "<img" not in body.lower(), url
        assert not re.search(r"<[^>]*\sonerror\s*=", body, re.I), url
        assert "&lt;script&gt;alert(" in body or url.startswith("/?q") and "&lt;script&gt;" in body, url
        assert "script-src" not in page.headers["content-security-policy"]  # default-src 'none' forbids scripts
        assert page.headers["content-security-policy"].startswith("default-src 'none'")
        assert page.headers["x-content-type-options"] == "nosniff"


def test_errors_never_send_a_stack_trace(web_store: Path, client: TestClient, monkeypatch: pytest.MonkeyPatch):
    def broken(*_a, **_k):
        raise RuntimeError("secret internals /home/user/store.duckdb")

    monkeypatch.setattr(query, "story_summaries", broken)
    store = Store(web_store, read_only=True)
    fresh = TestClient(create_app(store), raise_server_exceptions=False)  # no answer kept from other tests
    for url in ("/api/stories", "/"):
        got = fresh.get(url)
        assert got.status_code == 500
        assert "secret" not in got.text and "Traceback" not in got.text and "RuntimeError" not in got.text
        assert got.headers["content-security-policy"].startswith("default-src 'none'")
    assert fresh.get("/api/stories").status_code == 500  # a failure is not kept as an answer
    store.close()
    missing = client.get("/documents/0000000000")
    assert missing.status_code == 404 and "<h1>404</h1>" in missing.text


def test_answers_are_kept_only_for_the_store_the_server_reads(client: TestClient):
    first = client.get("/api/stories?limit=3")
    again = client.get("/api/stories?limit=3")
    assert first.content == again.content and again.headers["content-security-policy"]
    assert client.get("/api/stories?limit=2").json()["limit"] == 2  # the query is part of the key


def test_the_server_is_read_only(client: TestClient):
    assert client.post("/api/stories").status_code == 405
    assert client.delete("/api/documents/x").status_code == 405
    with pytest.raises(Exception, match="read-only"):
        client.app.state.store.con.execute("CREATE TABLE intruder (a INT)")


def test_docs_page_and_openapi_describe_every_api_route(client: TestClient):
    spec = client.get("/openapi.json").json()
    wanted = {"/api/stories", "/api/stories/{story_id}", "/api/documents", "/api/documents/{doc_id}",
              "/api/events", "/api/claims", "/api/entities"}
    assert wanted <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"type", "status", "country", "from", "to", "limit", "offset"} <= names
    docs = client.get("/docs").text
    for path in wanted:
        assert path in docs


def test_the_story_map_has_a_linked_point_per_place(client: TestClient):
    main = _main_story(client)
    view = client.get(f"/api/stories/{main['id']}").json()
    page = client.get(f"/stories/{main['id']}").text
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert svg.count("<circle") == len(view["places"]) >= 1
    areas = [p for p in view["places"] if p["precision"] in ("country", "continent", "region")]
    assert svg.count('<circle class="area"') == len(areas)  # a country as a whole is a ring, not a dot
    assert svg.count("<path") >= 1  # country outlines, drawn without a tile server
    for point in view["places"]:
        first = point["events"][0]
        assert f'href="/documents/{first["doc"]}#ev-{first["id"]}"' in svg
