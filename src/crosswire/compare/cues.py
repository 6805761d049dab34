"""Per-text cues for the pair tests: normalised words, negation scopes, denials, hedges, counts, names, places, dates."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

from crosswire.extract.entities.aliases import is_ambiguous, is_case_sensitive, load_aliases

# Tokens after a negator that fall in its scope. Five covers "were not targeted against
# ISIL" and "did not include ISIL fighters"; longer scopes started to swallow the next
# clause in the self-written pairs of tests/data/gold/claim_pairs.jsonl.
NEG_SCOPE = 5
# Words that end a negation's clause early.
CLAUSE_BREAKS_TEXT = "but while whereas although though however which because since after before when"
# "did not say/confirm ...": the speaker withholds, it does not negate; counted as a hedge.
NONCOMMITTAL_TEXT = ("say confirm comment know disclose specify reveal respond immediately elaborate "
                     "identify verify clear corroborate suggest indicate sign signs evidence indication proof")
# Adverbs between a negator and the verb it hedges: "could not absolutely confirm".
HEDGE_ADVERBS_TEXT = "absolutely independently yet fully officially definitively immediately publicly formally"
# Function words and reporting verbs: never evidence that two texts say the same thing.
STOPWORDS = frozenset("""
a an the and or of to in on at by for with from into onto over under about against between
through during after before above below up down out off than then so as is are was were be
been being am do does did doing have has had having it its it's this that these those there
here he she they them his her their our we you your i me my mine us who whom whose which
what when where why how all any both each few more most other some such own same too very
can will just should would could may might must shall also still yet again once only
said says say saying told tell added according statement spokesman spokeswoman spokesperson
news report reports reported mr mrs ms dr new one year years day days week weeks time
""".split())
MONTHS = ("january february march april may june july august september october november "
          "december").split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "around", "over", "across", "inside"})
PLACE_NOUNS_TEXT = "town city village province region district outskirts"
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                     "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12})
VAGUE_NUMBERS = {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999)}
KILL_TEXT = "killed dead died death deaths casualties fatalities toll slain"
# Words skipped between a number and the noun it counts ("36 more civilians").
NUMBER_FILLERS = frozenset({"more", "other", "of", "the", "than", "at", "least", "about", "some"})
# "no" (and these) negate just the noun phrase after them: "no damage to the Selva dam".
SHORT_SCOPE = frozenset({"no", "non", "without", "nobody", "nothing", "none"})
SHORT_SCOPE_LEN = 2
# "neither A, B, nor C" keeps its scope across commas up to a "nor" this close.
NEITHER_SPAN = 15

# Irregular past forms common in news copy, mapped to the stem of their present form.
IRREGULAR = {"struck": "strike", "shot": "shoot", "fought": "fight", "fled": "flee", "held": "hold",
             "took": "take", "taken": "take", "began": "begin", "begun": "begin", "sent": "send",
             "left": "leave", "lost": "lose", "won": "win", "led": "lead", "fell": "fall",
             "fallen": "fall", "rose": "rise", "risen": "rise", "brought": "bring", "caught": "catch",
             "came": "come", "went": "go", "gone": "go", "saw": "see", "seen": "see", "knew": "know",
             "known": "know", "found": "find", "stole": "steal", "stolen": "steal", "blew": "blow",
             "blown": "blow", "broke": "break", "broken": "break", "met": "meet", "died": "die",
             "dying": "die", "spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write"}


def stem(word: str) -> str:
    """A light, predictable stem: lowercase, no possessive, plural/-ed/-ing stripped.

    Example:
        >>> stem("Targeted"), stem("civilians"), stem("strikes")
        ('target', 'civilian', 'strik')
    """
    w = word.lower().replace("\u2019", "'").strip("'-")
    w = w[:-2] if w.endswith("'s") else w
    w = IRREGULAR.get(w, w)
    if w in STOPWORDS or len(w) <= 4:
        return w
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif w.endswith("ed") and not w.endswith("eed"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    # A final "e" goes too, so "damage" and "damaged" meet ("damag"), and a doubled final
    # consonant is halved, so "cancelled" meets "cancels" and "stopped" meets "stop".
    w = w[:-1] if len(w) > 4 and w.endswith("e") else w
    return w[:-1] if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouy" else w




def _stems(words: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words.split())


CLAUSE_BREAKS = _stems(CLAUSE_BREAKS_TEXT)
NONCOMMITTAL = _stems(NONCOMMITTAL_TEXT)
HEDGE_ADVERBS = _stems(HEDGE_ADVERBS_TEXT)
PLACE_NOUNS = _stems(PLACE_NOUNS_TEXT)
KILL_KEYS = _stems(KILL_TEXT)
# Harm short of death: a count tied to one of these counts the hurt, not the dead ("three
# co-workers were shot, two fatally": three shot, two dead).
HARM_KEYS = _stems("shot wounded injured hurt hit struck stabbed attacked arrested detained hospitalised hospitalized")
# How far after its count a death word may come ("36 civilians had been killed"), and before it
# ("the death toll rose to 36", "killing up to 40").
DEAD_AFTER, DEAD_BEFORE = 10, 3
MONTH_KEYS = _stems(" ".join(MONTHS))
WEEKDAY_KEYS = _stems(" ".join(WEEKDAYS))


_TOKEN_RE = re.compile(r"\d[\d,]*(?:\.\d+)?(?:[-\u2013]\d[\d,]*)?|[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\u2019\-]*|[,;:.!?()\u2014]")
_BREAK_PUNCT = frozenset(",;:.!?()\u2014")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text as the tests see it."""

    surface: str
    key: str  # normalised: light stem, or "@canonical" for an alias-table name
    name: bool  # a proper name (alias-table entity or capitalised mid-sentence word)
    negated: bool  # inside a negation's scope


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count stated in a text: "36 civilians", "35-40 targets", "no civilians"."""

    low: float
    high: float
    unit: str  # key of the counted noun
    unit_text: str
    killed: bool  # the count counts the dead (_counts_dead)
    part: bool = False  # a part of a count told before it ("14 civilians, among them three children")


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the transparent tests read from one text."""

    text: str
    tokens: tuple[Token, ...]
    content: frozenset[str]
    negated: frozenset[str]  # content keys inside a negation scope
    denials: tuple[str, ...]  # denial cue surfaces ("groundless", "denied")
    hedges: tuple[str, ...]
    exclusive: bool  # "only", "exclusively", "all"
    quantities: tuple[Quantity, ...]
    names: frozenset[str]
    places: frozenset[str]
    dates: frozenset[str]
    heads: frozenset[str] = frozenset()  # first content word of each negation scope
    denied: frozenset[str] = frozenset()  # content of the proposition a denial cue rejects

    def surface(self, key: str) -> str:
        """The first surface form of a key in this text."""
        return next((t.surface for t in self.tokens if t.key == key), key.lstrip("@"))

    def effectively_negated(self, key: str) -> bool:
        """Negated once a denial ("... were groundless") has flipped the whole sentence."""
        return (key in self.negated) != bool(self.denials)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The polarity lexicon (``data/polarity.tsv``) in normalised keys."""

    negations: frozenset[str]
    denials: frozenset[str]
    hedges: frozenset[str]
    exclusive: frozenset[str]
    antonyms: tuple[tuple[frozenset[str], frozenset[str], str], ...]  # (side a, side b, note)
    # Antonyms with no third value: "not an accident" says "deliberate", "no conspiracy" says "accident".
    complements: tuple[tuple[frozenset[str], frozenset[str], str], ...] = ()
    # A judgement on a record ("the video is authentic"): a claim about the record, not about what it shows.
    verdicts: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def _alias_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Regexes over the alias table: (case-insensitive, exact-case, lowercase alias → key)."""
    table = load_aliases()
    folded: dict[str, str] = {}
    exact: dict[str, str] = {}
    for alias, entry in table.patterns():
        key = "@" + entry.canonical.lower()
        if is_case_sensitive(alias) or is_ambiguous(alias):
            exact.setdefault(alias, key)
        else:
            folded.setdefault(alias.lower(), key)
    def alt(words: Sequence[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    lookup = {**{k: v for k, v in folded.items()}, **{k.lower(): v for k, v in exact.items() if k.lower() not in folded}}
    insensitive = re.compile(rf"(?<![\w-])(?:{alt(list(folded))})(?![\w])", re.I)
    sensitive = re.compile(rf"(?<![\w])(?:{alt(list(exact))})(?![\w])")
    return insensitive, sensitive, {**lookup, **{k: v for k, v in exact.items()}}


def _keys(term: str) -> str:
    """The key a lexicon term gets (its alias key for names, else its stem)."""
    insensitive, sensitive, lookup = _alias_patterns()
    if sensitive.fullmatch(term) or insensitive.fullmatch(term):
        return lookup.get(term, lookup.get(term.lower(), stem(term)))
    return stem(term)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped polarity lexicon, keys normalised as ``analyse`` normalises tokens."""
    text = resources.files("crosswire").joinpath("data/polarity.tsv").read_text(encoding="utf-8")
    kinds: dict[str, set[str]] = {"negation": set(), "denial": set(), "hedge": set(), "exclusive": set(), "verdict": set()}
    antonyms, complements = [], []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, terms, opposite, *note = (line.split("\t") + ["", ""])[:4]
        side = frozenset(_keys(t) for t in terms.split("|") if t)
        if kind in {"antonym", "complement"}:
            row = (side, frozenset(_keys(t) for t in opposite.split("|") if t), note[0])
            (antonyms if kind == "antonym" else complements).append(row)
        elif kind in kinds:
            kinds[kind] |= side
    return Lexicon(frozenset(kinds["negation"]), frozenset(kinds["denial"]), frozenset(kinds["hedge"]),
                   frozenset(kinds["exclusive"]), tuple(antonyms), tuple(complements), frozenset(kinds["verdict"]))


def _raw_tokens(text: str) -> list[tuple[str, str, bool]]:
    """(surface, key, is_alias_name) for every word and break mark, alias names folded."""
    insensitive, sensitive, lookup = _alias_patterns()
    spans: list[tuple[int, int, str]] = []
    taken = np.zeros(len(text) + 1, dtype=bool)
    shouting = text.isupper()  # an all-caps headline: "IS" there is a verb
    for pattern in ((insensitive,) if shouting else (insensitive, sensitive)):
        for m in pattern.finditer(text):
            if taken[m.start():m.end()].any():
                continue
            taken[m.start():m.end()] = True
            key = lookup.get(m.group(0), lookup.get(m.group(0).lower()))
            if key:
                spans.append((m.start(), m.end(), key))
    spans.sort()
    out: list[tuple[str, str, bool]] = []
    pos = 0
    for start, end, key in [*spans, (len(text), len(text), "")]:
        for m in _TOKEN_RE.finditer(text, pos, start):
            word = m.group(0)
            if word.lower().startswith("non-") and len(word) > 4:
                out.append(("non", "non", False))
                word = word[4:]
            if word.lower().endswith(("n't", "n\u2019t")) and len(word) > 3:
                out.append((word[:-3], stem(word[:-3]), False))
                out.append(("n't", "n't", False))
                continue
            out.append((word, stem(word) if word[0].isalpha() else word, False))
        if key:
            out.append((text[start:end], key, True))
        pos = end
    return out


def _number(word: str) -> tuple[float, float] | None:
    """The range a number token states: "36" → (36, 36), "35-40" → (35, 40), "eight" → (8, 8)."""
    w = word.lower().replace(",", "")
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w]), float(NUMBER_WORDS[w])
    if w in VAGUE_NUMBERS:
        return tuple(float(x) for x in VAGUE_NUMBERS[w])  # type: ignore[return-value]
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:[-\u2013](\d+(?:\.\d+)?))?", w)
    if not m:
        return None
    low = float(m.group(1))
    return low, float(m.group(2) or low)


# A story's claims are compared pair by pair, so each is analysed many times within a story and
# seldom in another: a few thousand entries serve every story, while 50,000 (a run's every
# claim) held ~100 MB on a 2,000-article corpus and grew with it.
@functools.lru_cache(maxsize=4096)
def analyse(text: str) -> Analysis:
    """Read negation scopes, cues, counts, names, places and dates from one text.

    Example:
        >>> a = analyse("The shelling was not targeted against Hezbollah")
        >>> sorted(k for k in a.negated if not k.startswith("@"))
        ['target']
    """
    lex = load_lexicon()
    raw = _raw_tokens(text)
    tokens: list[Token] = []
    hedges: list[str] = []
    denials: list[str] = []
    heads: list[str] = []
    scope = 0
    short = False  # a "no ..." scope ends at the first function word
    want_head = False
    neither = False
    for i, (surface, key, alias) in enumerate(raw):
        if key == "nor":
            neither = False
        if (surface in _BREAK_PUNCT and not neither) or key in CLAUSE_BREAKS or (short and key in STOPWORDS):
            scope = 0
        elif neither:
            scope = max(scope, 1)  # "neither X, the Y, nor Z": the list is negated up to "nor"
        neg_here = scope > 0
        scope = max(0, scope - 1)
        if neg_here and want_head and _is_content(key):
            heads.append(key)  # the first content word a negation governs
            want_head = False
        if key in lex.negations or surface.lower() in lex.negations:
            nxt = next((k for _, k, _ in raw[i + 1:i + 5] if k not in STOPWORDS and k not in HEDGE_ADVERBS), "")
            if nxt in NONCOMMITTAL:
                hedges.append(surface)
            else:
                short = key in SHORT_SCOPE
                neither = key == "neither" and any(k == "nor" for _, k, _ in raw[i + 1:i + NEITHER_SPAN])
                scope = SHORT_SCOPE_LEN if short else NEG_SCOPE
                want_head = True
        if key in lex.denials:
            denials.append(surface)
        elif key in lex.hedges and not neg_here:
            hedges.append(surface)
        sentence_start = i == 0 or raw[i - 1][0] in ".!?"
        # A capitalised first word is a name only when it looks like one ("Varnia's army").
        looks_named = not sentence_start or surface.endswith(("'s", "\u2019s")) or (
            i + 1 < len(raw) and raw[i + 1][0][:1].isupper())
        name = alias or (surface[:1].isupper() and looks_named and key not in STOPWORDS
                         and key not in lex.negations)
        tokens.append(Token(surface, key, name, neg_here))
    content = frozenset(t.key for t in tokens if _is_content(t.key))
    negated = frozenset(t.key for t in tokens if t.negated and _is_content(t.key))
    names = frozenset(t.key for t in tokens if t.name and _is_content(t.key))
    places = frozenset(t.key for j, t in enumerate(tokens)
                       if t.name and j and t.key not in MONTH_KEYS and t.key not in WEEKDAY_KEYS and (
                           tokens[j - 1].key in PLACE_PREPS
                           or (j > 1 and tokens[j - 1].key == "of" and tokens[j - 2].key in PLACE_NOUNS)))
    dates = frozenset(t.key for j, t in enumerate(tokens)
                      if t.key in WEEKDAY_KEYS or (t.key in MONTH_KEYS and t.surface != "may"))
    return Analysis(text, tuple(tokens), content, negated, tuple(denials), tuple(hedges),
                    any(t.key in lex.exclusive for t in tokens), _quantities(tokens), names - places - dates,
                    places, dates, frozenset(heads), _denied(tokens, lex))


def _denied(tokens: Sequence[Token], lex: Lexicon) -> frozenset[str]:
    """What a denial rejects: its clause after the cue ("denied that X"), or else before it,
    from the last "that"/"reports"/"rumours" on ("reports that X were groundless")."""
    out: set[str] = set()
    for i, tok in enumerate(tokens):
        if tok.key not in lex.denials:
            continue
        after = []
        for t in tokens[i + 1:]:
            if t.surface in _BREAK_PUNCT:
                break
            after.append(t)
        before: list[Token] = []
        for t in reversed(tokens[:i]):
            if t.surface in _BREAK_PUNCT or t.key == "that" or t.key in lex.hedges or t.key.startswith("report"):
                break
            before.insert(0, t)
        span = after if any(_is_content(t.key) for t in after) else before
        out |= {t.key for t in span if _is_content(t.key) and t.key not in lex.denials and t.key not in lex.hedges}
    return frozenset(out)


def _is_content(key: str) -> bool:
    return key not in STOPWORDS and key not in load_lexicon().negations and key not in _BREAK_PUNCT and key != "n't" and len(key) > 1 \
        and not key[0].isdigit()


def _quantities(tokens: Sequence[Token]) -> tuple[Quantity, ...]:
    """Counts and the nouns they count; "no civilians" is a count of zero."""
    found = []
    for i, tok in enumerate(tokens):
        value = (0.0, 0.0) if tok.key == "no" else _number(tok.surface)
        if value is None or (1900 <= value[0] <= 2100 and value[0] == value[1] and "," not in tok.surface):
            continue  # a year is a date, not a count
        if i > 1 and tokens[i - 1].key == "than" and tokens[i - 2].key in ("fewer", "less", "under"):
            value = (0.0, max(value[0] - 1, 0.0))  # "fewer than five": at most four
        elif i and tokens[i - 1].key in ("least", "than") and value != (0.0, 0.0):
            value = (value[0], float("inf"))  # "at least 20", "more than 20"
        unit = None
        window = tokens[i + 1:i + 5]
        for n, nxt in enumerate(window):
            if nxt.key in NUMBER_FILLERS:
                continue
            if not _is_content(nxt.key) or nxt.key in STOPWORDS:
                break
            unit = nxt
            if nxt.name and (nxt.key.endswith(("ian", "ish", "ese")) or nxt.surface.endswith(("ian", "ish", "ese", "can"))):
                continue  # "14 Syrian soldiers": count the soldiers
            if _modifies_next(nxt, window[n + 1] if n + 1 < len(window) else None):
                continue  # "100 internally displaced people": count the people
            break
        if unit is not None:
            # "52 killed and 120 injured": the death word before 120 does not make the injured dead
            dead = unit.key not in HARM_KEYS and _counts_dead(tokens, i)
            part = any(t.key in PART_KEYS for t in tokens[max(0, i - 3):i])
            found.append(Quantity(value[0], value[1], unit.key, unit.surface, dead, part))
    return tuple(found)


# Words before a count that make it a part of the count before ("including four children",
# "among them three", "of whom two were women").
PART_KEYS = frozenset({"includ", "including", "among", "whom"})


def _modifies_next(tok: Token, nxt: Token | None) -> bool:
    """Whether a word after a number describes the noun after it rather than being the counted
    noun: an adverb before a participle ("internally displaced"), a participle before a noun
    ("displaced people")."""
    if nxt is None or not _is_content(nxt.key):
        return False
    if tok.surface.lower().endswith("ly") and nxt.surface.lower().endswith(("ed", "ing")):
        return True
    return tok.surface.lower().endswith("ed") and not nxt.surface.lower().endswith(("ed", "ly")) and not nxt.name \
        and not {tok.key, nxt.key} & (KILL_KEYS | HARM_KEYS)


def _counts_dead(tokens: Sequence[Token], i: int) -> bool:
    """Whether the count at ``i`` counts the dead: a death word comes just before it ("killing
    14 civilians and wounding 31"), or follows it before any word of lesser harm, and no such
    word comes just before it ("shot three guards")."""
    before = tokens[max(0, i - DEAD_BEFORE):i]
    if any(t.key in KILL_KEYS for t in before):
        return True
    if any(t.key in HARM_KEYS for t in before):
        return False  # "shot three guards, killing two": three shot
    for t in tokens[i + 1:i + 1 + DEAD_AFTER]:
        if t.key in HARM_KEYS:
            return False
        if t.key in KILL_KEYS:
            return True
    return False
