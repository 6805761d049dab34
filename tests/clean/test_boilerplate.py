"""Tests for clean/boilerplate.py: the plain-text line classifier."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from crosswire.clean.boilerplate import (
    body_score,
    line_features,
    split_lead_credit,
    split_trailing_credit,
    strip_boilerplate,
    BODY_THRESHOLD,
)
from crosswire.records import sha256_hex

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
GOLD = json.loads((ARTICLES / "articles.json").read_text(encoding="utf-8"))
# SHA-256 of the title of seed 000 (the seed texts may not be copied into the repository).
SEED_000_TITLE_SHA256 = "b71da3bd83c8c8e415e74cf0499c6aecf0a648039ab1b5fe9c7072a068f303de"


def _clean(name: str):
    return strip_boilerplate((ARTICLES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(GOLD))
def test_boilerplate_corpus_with_without(name: str) -> None:
    cleaned = _clean(name)
    text = "\n\n".join(cleaned.paragraphs)
    missing = [w for w in GOLD[name]["with"] if w not in text]
    leaked = [w for w in GOLD[name]["without"] if w in text]
    assert not missing and not leaked, (missing, leaked)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_boilerplate_corpus_title_and_headings(name: str) -> None:
    cleaned = _clean(name)
    assert cleaned.title == GOLD[name]["title"]
    if "headings" in GOLD[name]:
        assert cleaned.headings == GOLD[name]["headings"]
        for heading in cleaned.headings:
            assert heading in cleaned.paragraphs


@pytest.mark.parametrize("name", sorted(GOLD))
def test_boilerplate_nothing_lost(name: str) -> None:
    """Kept paragraphs plus removed pieces hold exactly the input's tokens (fused splits too)."""
    raw = (ARTICLES / name).read_text(encoding="utf-8")
    cleaned = strip_boilerplate(raw)
    out = " ".join(cleaned.paragraphs + cleaned.removed)
    assert Counter(out.split()) == Counter(raw.split())
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    pieces = cleaned.paragraphs + cleaned.removed
    for line in lines:
        assert line in pieces or any(p and p in line for p in pieces)


def test_boilerplate_removed_in_input_order() -> None:
    cleaned = _clean("04_blog_comments.txt")
    raw = (ARTICLES / "04_blog_comments.txt").read_text(encoding="utf-8")
    # The share bar and the comment form are removed (a test that passes on nothing removed
    # would not show the order of anything).
    assert {"Share on Facebook", "Leave a Reply", "Email *"} <= set(cleaned.removed)
    at = 0
    for piece in cleaned.removed:  # each removed piece is found after the previous one
        found = raw.find(piece, at)
        assert found >= 0, f"{piece!r} is not after the piece removed before it"
        at = found + len(piece)


@pytest.mark.parametrize(
    ("line", "credit", "rest"),
    [
        ("WASHINGTON, March 3 (Reuters) - The talks ended.", "WASHINGTON, March 3 (Reuters) -", "The talks ended."),
        ("(AFP) - Police said.", "(AFP) -", "Police said."),
        ("MOSCOW, Oct 7 (Xinhua) -- Russia said.", "MOSCOW, Oct 7 (Xinhua) --", "Russia said."),
        ("BEIRUT (AP) — Fighting erupted.", "BEIRUT (AP) —", "Fighting erupted."),
        ("LONDON — Farmers expect less.", "LONDON —", "Farmers expect less."),
        # negatives: ordinary openings are left alone
        ("NATO - the alliance - said.", None, "NATO - the alliance - said."),
        ("The U.S. - and Russia - agreed.", None, "The U.S. - and Russia - agreed."),
    ],
)
def test_boilerplate_split_lead_credit(line: str, credit: str | None, rest: str) -> None:
    assert split_lead_credit(line) == (credit, rest)


@pytest.mark.parametrize(
    ("line", "body", "credit"),
    [
        ("asked Putin for the support. Al Jazeera", "asked Putin for the support.", "Al Jazeera"),
        ('region," Assad said Sunday. Endi', 'region," Assad said Sunday.', "Endi"),
        ("the talks went on. (Xinhua)", "the talks went on.", "(Xinhua)"),
        # negatives
        ("He met Vladimir Putin", "He met Vladimir Putin", None),
        ("It ended. then it began again", "It ended. then it began again", None),
        ("They met. The Talks Of The Decade Were Long", "They met. The Talks Of The Decade Were Long", None),
    ],
)
def test_boilerplate_split_trailing_credit(line: str, body: str, credit: str | None) -> None:
    assert split_trailing_credit(line) == (body, credit)


@pytest.mark.parametrize(
    ("line", "is_body"),
    [
        ("Share this article", False),
        ("Leave a Reply", False),
        ("We keep your email address private. Fields with a star must be filled in *", False),
        ("Akismet filters the spam on this blog. See how we handle the data in your comments.", False),
        ("WhatsApp WhatsApp us", False),
        ("Photo: The minister at the podium.", False),
        ("By Jane Doe, Staff Writer", False),
        ("Home | World | Politics", False),
        ('"I have nothing to hide," she said.', True),
        ("Varnia is willing to share detailed satellite images with the monitors, she added.", True),
        ("The bank said it would print more notes and email customers about the change.", True),
    ],
)
def test_boilerplate_line_score(line: str, is_body: bool) -> None:
    assert (body_score(line_features(line)) >= BODY_THRESHOLD) is is_body


def test_boilerplate_dateline_fused_with_widget() -> None:
    cleaned = strip_boilerplate(
        "A headline about the talks\nXinhua, October 7, 2015 Adjust font size:\n"
        "The ministers said on Monday that the talks in Geneva would go on all week."
    )
    assert cleaned.dateline == "Xinhua, October 7, 2015"
    assert "Xinhua, October 7, 2015 Adjust font size:" in cleaned.removed


def test_boilerplate_empty_and_chrome_only() -> None:
    assert strip_boilerplate("").paragraphs == []
    only = strip_boilerplate("Share this article\nLeave a Reply\nSubscribe")
    assert only.paragraphs == [] and len(only.removed) == 3


def test_boilerplate_hard_wrapped_line_is_not_heading() -> None:
    text = (
        "The council met on Monday and agreed that the new road would\n"
        "be built next year\n"
        "after a long debate about the cost of the project and its route.\n"
    )
    assert strip_boilerplate(text).headings == []


def test_boilerplate_seeds(seeds_dir: Path) -> None:
    aj = strip_boilerplate(next(seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8"))
    xh = strip_boilerplate(next(seeds_dir.glob("004_*.txt")).read_text(encoding="utf-8"))
    # The seed's exact title, compared by hash: its text may not be copied into the repository.
    assert aj.title is not None and sha256_hex(aj.title.encode("utf-8")) == SEED_000_TITLE_SHA256
    assert xh.title and xh.title.endswith("Russia, West divided on air raids against IS")
    assert aj.credit == "Al Jazeera" and xh.credit == "Endi"
    assert xh.dateline == "Xinhua, October 7, 2015"
    assert aj.headings == ["‘DOOMED TO FAIL’", "NATO CONCERNS"]
    assert "WESTERN ALLIANCE'S CONCERN" in xh.headings
    assert any("Share this article" in r for r in aj.removed)
    assert aj.paragraphs[-1].endswith("had asked Putin for the support.")
    assert xh.paragraphs[-1].endswith('Assad said Sunday.')


# Real articles often arrive as one long line (JSONL dumps): a widget phrase inside prose,
# a caption credit fused to the first sentence or a rights line at the end must not make
# the whole article "boilerplate" (issue 10: 11 of 421 geoparsing-news articles).
_PROSE = (
    "The United States appreciates the role of Morocco in the fight against terrorism, the State "
    "Department said on Thursday. Officials from both countries met in Rabat to review the security "
    "pact signed last year, and said they would meet again in the autumn. The talks covered border "
    "patrols, the exchange of intelligence and the training of police officers in the south. "
)


@pytest.mark.parametrize(
    "line",
    [
        _PROSE + "Both sides said they share the concern over the flow of fighters across the desert.",
        "A road sign in East Oxford which was knocked down by a lorry will be replaced in four months. " + _PROSE,
        "(Image: Priya Castell) A fire engine arrived within minutes, and officers sealed off the lane. " + _PROSE,
        "LAKEVILLE, Minn. (HWS) - " + _PROSE + "Copyright 2021 Harbor Wire Service. All rights reserved.",
        _PROSE + "Readers can sign up for the newsletter of the local paper to follow the talks.",
    ],
)
def test_boilerplate_one_line_article_is_prose(line: str) -> None:
    cleaned = strip_boilerplate(line)
    assert cleaned.paragraphs
    assert Counter(" ".join(cleaned.paragraphs + cleaned.removed).split()) == Counter(line.split())
    assert "The United States appreciates" in cleaned.paragraphs[0]


@pytest.mark.parametrize(
    "line",
    [
        "Like us on Instagram; Follow us on Mastodon; Weekly Digest.",
        "Your email address stays hidden. Starred fields must be completed. Leave a comment below.",
        "We use cookies to improve your experience. Read our privacy policy. Subscribe to our newsletter.",
    ],
)
def test_boilerplate_short_widget_lines_stay_chrome(line: str) -> None:
    assert body_score(line_features(line)) < BODY_THRESHOLD
