"""Strings from inputs made safe to show on a terminal: literal text, no control codes.

Titles, outlets, file names, speakers and claims are whatever an article or its scraper
wrote. Rich reads a plain ``str`` as markup (``[/]`` raises, ``[link=...]`` makes a link)
and passes escape sequences to the terminal (``ESC]0;...BEL`` retitles the window,
``ESC[2J`` clears it). Everything the CLI and the story view print that came from an input
goes through ``safe``: a ``Text`` is never parsed as markup, and the control codes are gone.
"""

from __future__ import annotations

import re

from rich.style import Style
from rich.table import Table
from rich.text import Text

# Whole escape sequences go first so their parameters do not linger as text once the ESC
# is gone ("[2J"). String sequences (OSC, DCS, SOS, PM, APC) are dropped only with their
# terminator: an unterminated one loses just its introducer, so no visible text vanishes.
_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"                          # CSI, 7-bit: ESC [ ... final
    r"|\x9b[0-?]*[ -/]*[@-~]"                           # CSI, 8-bit
    r"|[\x1b][\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC/DCS/SOS/PM/APC, 7-bit
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # the same, 8-bit
    r"|\x1b[ -/]*[0-~]"                                 # any other ESC sequence (ESC c, ESC 7, ESC ] ...)
)
# C0 except tab and newline, DEL, and C1: what is left of any sequence, and lone codes.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(value: object) -> str:
    """``value`` as a string without terminal control codes; None is "".

    Example:
        >>> clean("\\x1b]0;pwned\\x07\\x1b[2JTitle\\x1b[31m here\\x07")
        'Title here'
        >>> clean("[/] stays")
        '[/] stays'
    """
    if value is None:
        return ""
    return _CONTROL.sub("", _SEQUENCE.sub("", str(value)))


def safe(value: object, style: str | Style = "") -> Text:
    """An input-derived value as Rich ``Text``: printed literally, never read as markup.

    Example:
        >>> safe("[bold red]x[/]").plain
        '[bold red]x[/]'
    """
    return Text(clean(value), style=style)


def safe_row(*values: object) -> list[Text]:
    """Table cells, each through ``safe`` (numbers and None included)."""
    return [safe(v) for v in values]


def fit_columns(table: Table, width: int) -> Table:
    """Set each column's width from its cells, so that the table fits ``width``.

    Rich otherwise measures every cell's narrowest and widest rendering before it draws: half
    the drawing time of the seeds' story (71 -> 35 ms). A wrapped column gets at least its
    longest word, and the room left is shared in proportion to how much wider each column
    would be unwrapped. A no-wrap column keeps its full width. A table whose cells are not all
    ``Text`` is left to Rich.

    Example:
        >>> t = Table()
        >>> t.add_column("id", no_wrap=True); t.add_column("outlet"); t.add_column("claim")
        >>> t.add_row(safe("a1"), safe("Meridian Daily"), safe("word " * 40))
        >>> [c.width for c in fit_columns(t, 60).columns]
        [2, 9, 38]
    """
    from rich.cells import cell_len

    columns = table.columns
    if not columns or not all(isinstance(cell, Text) for col in columns for cell in col.cells):
        return table
    header = [cell_len(str(col.header)) for col in columns]
    lines = [[line for cell in col.cells for line in cell.plain.splitlines()] for col in columns]
    natural = [max([cell_len(line) for line in col_lines] + [h]) for col_lines, h in zip(lines, header)]
    longest_word = [n if col.no_wrap else max([cell_len(w) for line in col_lines for w in line.split()] + [h, 1])
                    for n, col, col_lines, h in zip(natural, columns, lines, header)]
    # A heavy-headed box draws a rule between and around the columns, and pads each cell by one.
    room = width - (len(columns) + 1) - 2 * len(columns)
    if sum(natural) <= room:
        widths = natural
    elif sum(longest_word) > room:
        # Not even the longest words fit: wrapped columns share what the no-wrap ones leave, by
        # their longest word, and fold words (no letter is cropped, as Rich's own shrink would).
        fixed = sum(w for w, col in zip(longest_word, columns) if col.no_wrap)
        flexible = sum(w for w, col in zip(longest_word, columns) if not col.no_wrap) or 1
        budget = max(room - fixed, sum(1 for col in columns if not col.no_wrap))
        widths = [w if col.no_wrap else w * budget // flexible for w, col in zip(longest_word, columns)]
    else:
        spare = max(0, room - sum(longest_word))
        want = [n - w for n, w in zip(natural, longest_word)]
        total_want = sum(want) or 1
        widths = [w + spare * extra // total_want for w, extra in zip(longest_word, want)]
    for col, n in zip(columns, widths):
        col.width = max(n, 1)
    return table
