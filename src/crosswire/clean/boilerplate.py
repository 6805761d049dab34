"""Kept paragraphs, headings, dateline, credit and title of scraped plain text, plus every removed line."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from crosswire.clean.metadata import find_date_text, is_end_mark, match_outlet

# ---------------------------------------------------------------------------------------------
# Weights of the per-line body score. A line is body when its score >= BODY_THRESHOLD.
# Calibration: weights set by hand from the feature distributions of tests/data/articles, then
# BODY_THRESHOLD swept 0.4-2.2 in steps of 0.2 over tests/data/articles plus the two seeds
# (every "with" kept, every "without" dropped): 0.8-1.4 is a plateau with no miss and no leak;
# 1.2 sits inside it. At <= 0.6 script residue leaks; from 1.6 short quotes ('"No."') are lost.
W_END_PUNCT = 1.0  # ends like a sentence
W_LENGTH = 1.5  # scaled by min(words, LENGTH_SATURATION) / LENGTH_SATURATION
LENGTH_SATURATION = 30
W_FUNCTION = 2.0  # scaled by share of function words: prose has ~30-50 %, UI labels ~0-20 %
W_STRONG_UI = 2.5  # per widget phrase ("share this", "leave a reply", "font size")
W_WEAK_UI = 2.0  # scaled by share of words that are UI vocabulary ("share", "print", "email")
W_LABEL = 2.5  # "Photo: ...", "Tags: ...", "By Jane Doe", "© 2021 ..."
W_REPEAT = 1.5  # the same line twice in one document (share bars above and below)
W_NAV = 2.5  # "Home | World | Politics": several separators
BODY_THRESHOLD = 1.2

# A body line with at least this many words anchors the body region; shorter body-like lines
# count only when they touch the region. 10 words: every seed/corpus lead sentence has >= 12,
# the longest short chrome sentence in the corpus ("Wait a sec, saving restore vars.") has 6.
ANCHOR_MIN_WORDS = 10
# Headings are short and unpunctuated: "NATO CONCERNS", "Western alliance's concern".
# 10 words: the longest subhead in the corpus has 6, the shortest unpunctuated title 5,
# but titles sit above the body region and are never tested as headings.
HEADING_MAX_WORDS = 10
# More than this many non-body lines in a row split the text into separate blocks; the
# block with most body words is the article (a comment form's "Save my name ..." sentence
# is a block of its own). 3: in-body chrome ("Advertisement", "Related: ...", "Read more: ...")
# comes in runs of <= 2 in tests/data/articles, comment forms and footers in runs of >= 4.
MAX_GAP_LINES = 3
# A title has 3-30 words (shorter lines are kickers like "Breaking", "World").
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 3, 30
# A dateline line ("Xinhua, October 7, 2015 Adjust font size:") is short and holds a date.
DATELINE_MAX_WORDS = 14
# A fused trailing credit is 1-4 capitalised words after the last sentence ("... support. Al Jazeera").
CREDIT_MAX_WORDS = 4

FUNCTION_WORDS = frozenset(
    "a an the of to in on at for and but or nor so that this these those is are was were be "
    "been being has have had do does did will would can could should may might must it its he "
    "she they we i you his her their our my your him them us who whom which what when where "
    "why how not no as by from with after before over under about into than then there here "
    "said says told also if while since because during against between".split()
)

# Phrases that only widgets, forms and site chrome use: one hit outweighs a sentence shape.
STRONG_UI = re.compile(
    r"\b(?:share (?:this|on|via|the)|shares?\b(?=\s*$)|tweet this|whatsapp|telegram us|"
    r"leave a (?:reply|comment)|post a comment|comments? (?:are|is) closed|no comments|"
    r"(?:your )?email address|required fields|will not be published|akismet|"
    r"subscribe|newsletter|sign (?:in|up)|log ?in|register now|create an account|"
    r"cookies?\b|privacy (?:policy|notice)|terms (?:of|and) (?:use|service|conditions)|"
    r"adjust font|font size|text size|print this|click here|tap here|read more|"
    r"read also|also read|see also|more stories|related (?:articles|stories|posts|news|coverage)|"
    r"you (?:may|might) also like|recommended for you|most (?:read|popular|viewed)|"
    r"follow us|like us on|download (?:our|the) app|copy link|link copied|skip to|back to top|"
    r"all rights reserved|advertisement|sponsored content|scroll (?:down|to continue)|"
    r"enable javascript|(?:your|this) browser|loading\.\.\.|next article|previous article|"
    r"\d+ min(?:ute)?s? read)",
    re.IGNORECASE,
)
# Words common in chrome but also in prose: they only count as a share of the line.
WEAK_UI = frozenset(
    "share shares tweet print email e-mail comment comments reply replies subscribe related "
    "photo photos image images video videos gallery tags tag topics menu home search login "
    "facebook twitter linkedin pinterest reddit instagram youtube chat us save bookmark "
    "listen watch copyright advertisement ad ads browser website".split()
)
# Line-initial labels of captions, bylines, tag lists and footers ("(Reporting by ..." too).
LABEL = re.compile(
    r"^\(?\s*(?:photo|image|picture|file photo|caption|credit|video|watch|listen|related|"
    r"read more|more|tags?|topics?|filed under|categor(?:y|ies)|posted in|published|updated|"
    r"last updated|written by|reporting by|additional reporting|editing by|writing by|"
    r"advertisement|sponsored|copyright|source)\b\s*[:|\-–—]"
    r"|^\(?\s*(?:reporting|editing|writing|written|posted|filed|additional reporting) (?:by|in|under)\b"
    r"|^(?:©|\(c\)|copyright\b)",
    re.IGNORECASE,
)
# "By Jane Doe", "By Jane Doe, Staff Writer", "By JANE DOE and John Roe | Updated ..."
BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:$|[,|•·]|and\b)", re.I)
NAV_SEPARATORS = re.compile(r"\s[|›»•·>]\s")
# A closing quote ends a sentence only after punctuation: "‘DOOMED TO FAIL’" is a subhead.
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
# An opening wire dateline fused to the first sentence: "WASHINGTON, March 3 (Reuters) - ",
# "(AFP) - ", "MOSCOW, Oct 7 (Xinhua) -- ", "BEIRUT (AP) — ", "LONDON — ".
LEAD_CREDIT = re.compile(
    r"^(?P<credit>"
    r"(?:(?P<place>[A-Z][A-Z.'\-]{2,}(?:\s+[A-Z][A-Z.'\-]+)*)"  # PLACE in capitals
    r"(?:,\s*[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]+)*)?"  # , Country / State
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*)?"  # , March 3(, 2021)
    r"(?:\((?P<agency>[A-Z][\w .&'\-]{1,40})\)\s*)?"
    r"(?:--|[-–—])\s+)"
)
# A scraper's date stamp fused to a page's first line ("date 2019-10-23 The army said ..."): the
# page's own date (clean/stated_dates.py reads it), not the first words of its story.
DATE_STAMP = re.compile(r"^(?P<stamp>date\s*:?\s*\d{4}-\d{2}-\d{2})\s+(?=\S)", re.I)
TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\"'”’)])\s+(?:[-–—]+\s*)?\(?(?P<credit>[A-Z][\w'&\-]*(?:\s+[A-Z][\w'&\-]*){0,3})\)?\s*$"
)


@dataclass(frozen=True)
class Cleaned:
    """What the line classifier kept and removed from one plain-text article."""

    paragraphs: list[str]  # kept body paragraphs, headings included, in order
    removed: list[str]  # every removed line or fragment, in input order
    headings: list[str] = field(default_factory=list)
    dateline: str | None = None  # "Xinhua, October 7, 2015" / "WASHINGTON, March 3 (Reuters) -"
    credit: str | None = None  # trailing credit or end mark: "Al Jazeera", "Endi"
    title: str | None = None
    lead_credit: str | None = None  # the opening wire credit, even when a dated line came first


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """The per-line evidence the body score is computed from."""

    words: int
    ends_sentence: bool
    function_share: float
    strong_ui: int
    weak_ui_share: float
    label: bool
    nav: bool
    repeated: bool
    upper_share: float  # share of letters in capitals (ALL-CAPS subheads)


def line_features(line: str, *, repeated: bool = False) -> LineFeatures:
    """Features of one stripped, non-blank line."""
    tokens = line.split()
    lowered = [t.strip(".,:;!?\"'“”‘’()[]*").lower() for t in tokens]
    n = max(len(tokens), 1)
    letters = [c for c in line if c.isalpha()]
    return LineFeatures(
        words=len(tokens),
        ends_sentence=bool(SENTENCE_END.search(line)),
        function_share=sum(t in FUNCTION_WORDS for t in lowered) / n,
        strong_ui=len(STRONG_UI.findall(line)),
        weak_ui_share=sum(t in WEAK_UI for t in lowered) / n,
        label=bool(LABEL.search(line) or BYLINE.search(line)),
        nav=len(NAV_SEPARATORS.findall(line)) >= 2,
        repeated=repeated,
        upper_share=sum(c.isupper() for c in letters) / max(len(letters), 1),
    )


def body_score(f: LineFeatures) -> float:
    """How much a line looks like article prose (>= BODY_THRESHOLD: body)."""
    score = W_END_PUNCT * f.ends_sentence
    score += W_LENGTH * min(f.words, LENGTH_SATURATION) / LENGTH_SATURATION
    score += W_FUNCTION * f.function_share
    # A widget phrase or a leading label outweighs a line of up to LENGTH_SATURATION words;
    # in a longer line it is one phrase among many sentences, so it weighs by its share of
    # them. Whole articles arrive as one line (JSONL dumps), where "share the concern", "a
    # road sign in East Oxford", a fused "(Image: ...)" credit or a closing "All rights
    # reserved." made the article chrome: 11 of 421 geoparsing-news dev articles. Nav bars
    # keep their full weight: a long menu line has no sentences to outweigh it.
    dilution = min(1.0, LENGTH_SATURATION / max(f.words, 1))
    score -= (W_STRONG_UI * f.strong_ui + W_LABEL * f.label) * dilution
    score -= W_WEAK_UI * f.weak_ui_share + W_NAV * f.nav + W_REPEAT * f.repeated
    return score


def is_heading_shape(line: str, f: LineFeatures) -> bool:
    """Short, unpunctuated, no widget vocabulary: a section subhead."""
    return (
        1 <= f.words <= HEADING_MAX_WORDS
        and not re.search(r"[.,;:!?]$", line)
        and not (f.strong_ui or f.label or f.nav or f.weak_ui_share >= 0.5)
        and any(c.isalpha() for c in line)
    )


def _title_shape(line: str, f: LineFeatures) -> bool:
    return (
        TITLE_MIN_WORDS <= f.words <= TITLE_MAX_WORDS
        and not line.endswith((".", ":", ";", ","))
        and not (f.strong_ui or f.label or f.nav or f.weak_ui_share >= 0.5)
        and find_date_text(line) is None
    )


def _dateline_of(line: str, f: LineFeatures) -> str | None:
    """The dateline text of a short line holding a full date, widget words cut off."""
    if f.words > DATELINE_MAX_WORDS:
        # "Published 14 March 2024 | Updated 15 March 2024 ...": the first segment dates it.
        line = NAV_SEPARATORS.split(line)[0]
        if len(line.split()) > DATELINE_MAX_WORDS:
            return None
    if find_date_text(line) is None:
        return None
    ui = STRONG_UI.search(line)
    text = line[: ui.start()] if ui else line
    return text.strip(" :|-–—·•") or None


def split_lead_credit(line: str) -> tuple[str | None, str]:
    """Split an opening wire dateline off the first sentence: ``("(AFP) -", "Police ...")``.

    Example:
        >>> split_lead_credit("WASHINGTON, March 3 (Reuters) - The U.S. said ...")
        ('WASHINGTON, March 3 (Reuters) -', 'The U.S. said ...')
    """
    m = LEAD_CREDIT.match(line)
    if not m or not (m.group("place") or m.group("agency")):
        return None, line
    rest = line[m.end() :]
    if not rest[:1].isupper() and not rest[:1] in "\"“‘'":
        return None, line  # "NATO - the alliance ..." style false starts are left alone
    return m.group("credit").strip(), rest


def split_date_stamp(lines: list[str]) -> list[str]:
    """A date stamp fused to the first line, set on a line of its own.

    Example:
        >>> split_date_stamp(["date 2019-10-23 The army cleared the road."])
        ['date 2019-10-23', 'The army cleared the road.']
    """
    m = DATE_STAMP.match(lines[0]) if lines else None
    if m is None:
        return lines
    return [m.group("stamp"), lines[0][m.end():], *lines[1:]]


def split_trailing_credit(line: str) -> tuple[str, str | None]:
    """Split a credit fused onto the last sentence: ``("... support.", "Al Jazeera")``.

    Example:
        >>> split_trailing_credit('"... region," Assad said Sunday. Endi')
        ('"... region," Assad said Sunday.', 'Endi')
    """
    m = TRAILING_CREDIT.search(line)
    if not m:
        return line, None
    credit = m.group("credit")
    known = match_outlet(credit) is not None or is_end_mark(credit)
    capitalised = all(w[:1].isupper() for w in credit.split())
    if not known and not (capitalised and len(credit.split()) <= CREDIT_MAX_WORDS - 1):
        return line, None
    return line[: m.start()].rstrip(), line[m.start() :].strip()


def _credit_line(line: str) -> str | None:
    """A whole footer line that is a credit: "Al Jazeera", "Source: AFP", "Enditem"."""
    core = re.sub(r"^(?:source|credit)\s*:\s*", "", line.strip(), flags=re.I).strip(" ()-–—")
    core = re.sub(r"\s+and news agencies$", "", core, flags=re.I)
    if match_outlet(core) or is_end_mark(core):
        return core
    return None


def _main_block(anchors: list[int], feats: list[LineFeatures], body: list[bool]) -> tuple[int, int]:
    """First and last anchor of the run of anchors with most words, split at long chrome gaps."""
    blocks: list[list[int]] = [[anchors[0]]]
    for i in anchors[1:]:
        gap = sum(not body[j] for j in range(blocks[-1][-1] + 1, i))
        if gap > MAX_GAP_LINES:
            blocks.append([i])
        else:
            blocks[-1].append(i)
    best = max(blocks, key=lambda b: sum(feats[i].words for i in b))
    return best[0], best[-1]


def strip_boilerplate(text: str) -> Cleaned:
    """Classify each line of scraped plain text as body, heading, title, dateline or chrome.

    Every non-blank input line ends up in ``paragraphs`` or ``removed`` (fused datelines and
    credits are split off into ``removed``), so the token multiset of the input is preserved.

    Example:
        >>> c = strip_boilerplate("Site tagline here\\n\\nA headline for the story\\n\\n"
        ...     "Share this article\\n\\nThe minister said on Monday that the talks would go on.")
        >>> c.title, c.paragraphs, c.removed[-1]
        ('A headline for the story', ['The minister said on Monday that the talks would go on.'], 'Share this article')
    """
    lines = split_date_stamp([ln.strip() for ln in text.splitlines() if ln.strip()])
    counts = Counter(lines)
    feats = [line_features(ln, repeated=counts[ln] > 1) for ln in lines]
    body = [body_score(f) >= BODY_THRESHOLD for f in feats]
    anchors = [i for i, f in enumerate(feats) if body[i] and f.words >= ANCHOR_MIN_WORDS]
    anchors = anchors or [i for i in range(len(lines)) if body[i]]
    if not anchors:
        title = next((ln for ln, f in zip(lines, feats) if _title_shape(ln, f)), None)
        return Cleaned(paragraphs=[], removed=list(lines), title=title)

    start, end = _main_block(anchors, feats, body)
    # Short body-like lines touching the region belong to it (a one-line closing quote);
    # a line separated from it by chrome does not (script residue after the comment form).
    while start > 0 and body[start - 1] and not _dateline_of(lines[start - 1], feats[start - 1]):
        start -= 1
    while end + 1 < len(lines) and body[end + 1]:
        end += 1

    # Above the body: the dateline, the title (the last title-shaped line), and site chrome.
    dateline: str | None = None
    title_at: int | None = None
    for i in range(start):
        found = _dateline_of(lines[i], feats[i])
        if found and dateline is None:
            dateline = found
        elif not found and _title_shape(lines[i], feats[i]):
            title_at = i
    removed: list[str] = list(lines[:start])

    # Inside the body region: prose is kept, subheads are kept as headings, the rest removed.
    kept: list[str] = []
    headings: list[str] = []
    lead_credit: str | None = None
    for i in range(start, end + 1):
        line, f = lines[i], feats[i]
        if i == start:
            lead, line = split_lead_credit(line)
            if lead:
                removed.append(lead)
                lead_credit = lead
                dateline = dateline if dateline and find_date_text(dateline) else lead
        # A subhead sits between prose: after a finished sentence (not mid-way through a
        # hard-wrapped paragraph) and before a body line.
        after_sentence = i == start or bool(SENTENCE_END.search(lines[i - 1])) or lines[i - 1] in headings
        if is_heading_shape(line, f) and after_sentence and i < end and body[i + 1]:
            kept.append(line)
            headings.append(line)
        elif body[i]:
            kept.append(line)
        else:
            removed.append(line)

    # Below it: footer chrome; a credit line there names the writer.
    credit: str | None = None
    if kept and kept[-1] not in headings:
        last, fused = split_trailing_credit(kept[-1])
        if fused and last:
            kept[-1] = last
            removed.append(fused)
            credit = fused.strip(" ()-–—")
    for line in lines[end + 1 :]:
        credit = credit or _credit_line(line)
        removed.append(line)

    return Cleaned(
        paragraphs=kept,
        removed=removed,
        headings=headings,
        dateline=dateline,
        credit=credit,
        title=lines[title_at] if title_at is not None else None,
        lead_credit=lead_credit,
    )
