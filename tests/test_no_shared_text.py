"""No text of the shared seeds and datasets is copied into the repository.

The seeds and ``../shared/eval`` are read, never copied: fixtures, examples, docstrings and
comments use text written for this project. This test finds any run of 45 characters
(whitespace folded) that a string literal in ``src/`` or ``tests/``, or a tracked text file,
shares with a seed or a dev record. Common web furniture that every comment form and wire
footer prints is allowed, since the boilerplate remover is tested on it. Skips when
``../shared`` is absent.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RUN = 45  # characters: longer than a common phrase, shorter than any copied sentence
# Furniture printed by millions of pages; the boilerplate tests need it verbatim.
FURNITURE = (
    "Your email address will not be published",
    "Required fields are marked",
    "All rights reserved",
    "This material may not be published, broadcast, rewritten or redistributed",
    "Share this article",
    "Leave a Reply",
    "This site uses Akismet to reduce spam",
    "Learn how your comment data is processed",
)
_LITERAL = re.compile(r'"([^"\n]{45,})"|\'([^\'\n]{45,})\'')
_SPACE = re.compile(r"\s+")
TEXT_SUFFIXES = {".txt", ".md", ".jsonl", ".json", ".html", ".htm", ".xml", ".csv", ".tsv", ".cfg", ".toml"}
MAX_FILE = 300_000  # gazetteers and alias tables are names, not prose


def _fold(text: str) -> str:
    """Whitespace folded, and web furniture cut out (a run across it is never counted)."""
    folded = _SPACE.sub(" ", text)
    for phrase in FURNITURE:
        folded = folded.replace(phrase, "\x00")
    return folded


def _shared_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in (SHARED / "seeds").glob("*") if p.is_file()]
    for records in (SHARED / "eval").glob("*/dev/records.jsonl"):
        with records.open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                texts.extend(v for k, v in record.items() if k in {"text", "body", "sentence"} and isinstance(v, str))
    return texts


def _repo_texts() -> dict[str, str]:
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    found: dict[str, str] = {}
    for name in tracked:
        path = ROOT / name
        if name.startswith("results/") or not path.is_file() or path.stat().st_size > MAX_FILE:
            continue
        if path.suffix == ".py" and (name.startswith("src/") or name.startswith("tests/")):
            source = path.read_text(encoding="utf-8")
            for n, m in enumerate(_LITERAL.finditer(source)):
                found[f"{name}:{source.count(chr(10), 0, m.start()) + 1}#{n}"] = m.group(1) or m.group(2)
        elif path.suffix in TEXT_SUFFIXES:
            found[name] = path.read_text(encoding="utf-8", errors="replace")
    return found


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is absent")
def test_no_run_of_shared_text_is_in_the_repository():
    windows: dict[str, str] = {}
    for where, text in _repo_texts().items():
        folded = _fold(text)
        for i in range(len(folded) - RUN + 1):
            if "\x00" not in folded[i:i + RUN]:
                windows.setdefault(folded[i:i + RUN], where)
    copied: dict[str, str] = {}
    for text in _shared_texts():
        folded = _fold(text)
        for i in range(len(folded) - RUN + 1):
            where = windows.get(folded[i:i + RUN])
            if where is not None and where not in copied and "\x00" not in folded[i:i + RUN]:
                copied[where] = folded[i:i + RUN]
    assert not copied, "\n".join(f"{where}: {window!r}" for where, window in sorted(copied.items()))
