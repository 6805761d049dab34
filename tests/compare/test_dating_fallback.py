"""A date inferred from a story with no evidence of its own is shown, and dates none of the report's events."""

from __future__ import annotations

import pytest

from crosswire.compare.dating import is_fallback
from crosswire.run import run
from crosswire.settings import load_settings
from crosswire.store import Store

DATED = ("Rebels shell market in Marwan\n\nPublished: March 20, 2016\n\nRebels shelled the market of Marwan last "
         "Saturday, killing four civilians and wounding nine, the provincial governor said. The shells hit a school "
         "and the market hall, witnesses told reporters. The governor said the rebels fired from the hills north of "
         "Marwan.\n")
# No stated date, and its "Sunday" lands on no day the dated report gives: nothing ties it to 2016.
UNDATED = ("Marwan market shelled by rebels\n\nRebels shelled the market in Marwan on Sunday, killing four civilians "
           "and wounding nine others, the provincial governor said. Shells hit the market hall and a school, "
           "witnesses told reporters, and the governor said the rebels fired from hills north of the town.\n")


@pytest.mark.model
def test_a_fallback_date_from_the_story_dates_no_event(tmp_path):
    (tmp_path / "a.txt").write_text(DATED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(UNDATED, encoding="utf-8")
    with Store(tmp_path / "x.duckdb") as store:
        run([tmp_path], store, load_settings())
        undated = next(d for d in store.documents() if d.published is None)
        assert undated.published_inferred is not None and is_fallback(undated.published_inferred)
        assert [e.date for e in store.events() if e.doc == undated.id] and not any(
            e.date for e in store.events() if e.doc == undated.id)
        assert any(e.date == "2016-03-19" for e in store.events() if e.doc != undated.id)  # the dated report's own


def test_only_the_fallback_is_marked_so():
    assert is_fallback({"date": "2016-03-20", "basis": "it has no relative dates; dated as the earliest dated report "
                                                       "in its story (doc 1, published 2016-03-20), a fallback with "
                                                       "no evidence of its own"})
    assert not is_fallback({"date": "2016-03-20", "basis": "its 'Sunday' matches the day 2016-03-20"})
