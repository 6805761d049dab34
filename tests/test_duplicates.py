from __future__ import annotations

from hypothesis import given, settings, strategies as st

from crosswire.duplicates import find_duplicates, from_bytes, signature, to_bytes
from crosswire.records import Document

STORY = (
    "Heavy shelling hit the northern district of Varna Bay on Tuesday, killing at least twelve "
    "people and wounding dozens more, local officials said. The regional governor said rescue teams "
    "were still searching the rubble of two apartment blocks near the harbour, and that hospitals "
    "in the city had called in off-duty staff. The defence ministry blamed rebel artillery units "
    "positioned in the hills above the town, a charge the rebels denied in a statement."
)
OTHER = (
    "The central bank left its main interest rate unchanged on Thursday, citing slowing inflation "
    "and weak export demand, and signalled that it could cut rates early next year if the currency "
    "remained stable. Analysts polled before the meeting had expected no change."
)


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, source=doc_id, outlet=None, host=None, title=None, published=None,
                    published_inferred=None, language="en", text=text, boilerplate=[])


def test_duplicates_syndicated_copy_points_to_first():
    copy = STORY.replace("local officials said", "officials said") + " Reporting by the news desk."
    dup, sigs = find_duplicates([_doc("a", STORY), _doc("b", OTHER), _doc("c", copy)])
    assert dup == {"c": "a"}
    assert set(sigs) == {"a", "b", "c"}


def test_duplicates_against_stored_signatures_and_chains():
    _, sigs = find_duplicates([_doc("a", STORY)])
    dup, fresh = find_duplicates([_doc("b", STORY + " Extra line."), _doc("c", STORY)], known=sigs)
    assert dup == {"b": "a", "c": "a"}
    assert "a" not in fresh


def test_duplicates_distinct_reports_of_same_event_stay_apart():
    other_outlet = (
        "Rebel fighters denied firing on Varna Bay, saying government forces had shelled the "
        "district themselves. Twelve people died, according to a hospital source, while the "
        "governor's office put the toll higher."
    )
    dup, _ = find_duplicates([_doc("a", STORY), _doc("b", other_outlet)])
    assert dup == {}


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_duplicates_signature_bytes_round_trip(text):
    mh = signature(text)
    assert from_bytes(to_bytes(mh), 128).jaccard(mh) == 1.0
