"""Column widths set before drawing (display.fit_columns): nothing lost, nothing wider than asked."""

from __future__ import annotations

import io
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table

from crosswire.display import fit_columns, safe

WORDS = st.text(alphabet="abcdefghij-", min_size=1, max_size=12)
CELLS = st.lists(WORDS, min_size=0, max_size=8).map(" ".join)


def _table(rows: list[list[str]], no_wrap: int | None = None) -> Table:
    table = Table(title="t")
    for i in range(len(rows[0])):
        table.add_column(f"c{i}", no_wrap=i == no_wrap, overflow="fold")
    for row in rows:
        table.add_row(*(safe(v) for v in row))
    return table


def test_a_table_that_fits_keeps_each_column_at_its_longest_line():
    table = fit_columns(_table([["a1", "Meridian Daily", "short claim\nsecond, longer line"]]), 200)
    assert [c.width for c in table.columns] == [2, 14, 19]


def test_a_narrow_table_keeps_whole_words_and_shares_the_rest_by_need():
    table = fit_columns(_table([["a1", "Meridian Daily", "word " * 40]], no_wrap=0), 60)
    assert [c.width for c in table.columns] == [2, 9, 38]


def test_cells_that_are_not_text_are_left_to_rich():
    table = Table()
    table.add_column("x")
    table.add_row("plain str")
    assert fit_columns(table, 40).columns[0].width is None


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4).flatmap(lambda n: st.lists(st.lists(CELLS, min_size=n, max_size=n), min_size=1, max_size=5)),
       st.integers(40, 160))
def test_every_word_is_drawn_and_no_line_is_wider_than_the_console(rows: list[list[str]], width: int):
    table = fit_columns(_table(rows), width)
    assert all(c.width and c.width >= 1 for c in table.columns)
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(table)
    drawn = out.getvalue()
    assert max(len(line) for line in drawn.splitlines()) <= width
    # Folding may split a word across lines (and columns interleave), but no letter is cropped.
    shown = Counter(ch for ch in drawn if ch.isalpha() or ch == "-")
    given_ = Counter(ch for row in rows for cell in row for ch in cell if ch.isalpha() or ch == "-")
    assert not given_ - shown


def test_columns_whose_longest_words_overflow_fold_instead_of_cropping():
    # Four columns whose longest words alone (2 + 9 + 10 + 12) exceed the 27 cells a 40-wide
    # console leaves them: every letter is still drawn, folded.
    rows = [["a", "aaaaaaaaa", "aaaaaaaaaa", "aaaaaaaaaaaa"]]
    out = io.StringIO()
    Console(file=out, width=40, color_system=None).print(fit_columns(_table(rows), 40))
    assert max(len(line) for line in out.getvalue().splitlines()) <= 40
    assert out.getvalue().count("a") == 32
