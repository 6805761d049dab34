"""Article metadata read from the text itself: outlet vs host, stated date, title fallback, language."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

import dateparser

# Fewer letters than this and py3langid guesses (a headline-length text is often mislabelled).
# Set by hand: the shortest corpus body (tests/data/articles) has ~220 letters and every body
# and both seeds come out "en" at any value up to that; 60 is about one sentence.
MIN_LANGUAGE_LETTERS = 60

# Normalised py3langid probability below which we say "don't know" rather than guess.
# Set by hand: every corpus body and seed scores >= 0.99; 0.8 leaves room for mixed text.
MIN_LANGUAGE_PROB = 0.8

# Years outside this range in a "date" are page furniture (ids, prices), not publication dates.
MIN_YEAR, MAX_YEAR = 1990, 2100

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# Explicit, complete dates only: a date without a year ("March 3") or a weekday ("Sunday") is
# never turned into a publication date, because that would be a guess.
EXPLICIT_DATE = re.compile(
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{4}/\d{2}/\d{2}\b",
    re.IGNORECASE,
)
# The same shapes with a month word in any language ("14 mars 2024", "13 марта 2024",
# "3. März 2021"); a match only counts once dateparser reads it as a full date.
OTHER_LANGUAGE_DATE = re.compile(
    r"\b\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+\d{4}\b|\b[^\W\d_]{3,12}\.?\s+\d{1,2},?\s+\d{4}\b"
)
# "DRAVNY, Kestria (Meridian) -": an agency nobody listed is still named by the dateline.
DATELINE_AGENCY = re.compile(r"\((?P<agency>[A-Z][\w .&'\-]{1,40})\)\s*(?:--|[-–—])?\s*$")


@dataclass(frozen=True, slots=True)
class Outlet:
    """One row of ``data/outlets.tsv``: a news organisation and the ways text names it."""

    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    end_marks: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


@lru_cache(maxsize=1)
def load_outlets() -> tuple[Outlet, ...]:
    """The known-outlets table shipped with the package.

    Example:
        >>> any(o.name == "Xinhua" for o in load_outlets())
        True
    """
    text = resources.files("crosswire").joinpath("data/outlets.tsv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(rows, delimiter="\t")
    return tuple(
        Outlet(
            name=row["name"].strip(),
            aliases=_split(row.get("aliases") or ""),
            domains=_split(row.get("domains") or ""),
            end_marks=_split(row.get("end_marks") or ""),
        )
        for row in reader
    )


def _name_pattern(name: str) -> re.Pattern[str]:
    # Short all-caps acronyms (AP, AA, RT) are matched case-sensitively so that the English
    # words "ap"/"rt" or a sentence-initial "At" never read as an outlet.
    flags = 0 if (name.isupper() and len(name) <= 4) else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", flags)


@lru_cache(maxsize=1)
def _outlet_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    pairs = [(n, o.name) for o in load_outlets() for n in o.names]
    # Longest names first, so "Xinhua News Agency" wins over "Xinhua" and "RIA Novosti" over "RIA".
    pairs.sort(key=lambda p: -len(p[0]))
    return tuple((_name_pattern(n), canonical) for n, canonical in pairs)


def match_outlet(text: str | None) -> str | None:
    """The known outlet that ``text`` names as a whole (ignoring case, "the", brackets, dashes).

    Example:
        >>> match_outlet("(AFP)"), match_outlet("Al-Jazeera"), match_outlet("Share")
        ('AFP', 'Al Jazeera', None)
    """
    if not text:
        return None
    core = re.sub(r"^(?:source|credit|via)\s*:\s*", "", text.strip(), flags=re.IGNORECASE)
    core = core.strip(" ()[]-–—|/").strip()
    for pattern, canonical in _outlet_patterns():
        if pattern.fullmatch(core) or pattern.fullmatch(re.sub(r"^the\s+", "", core, flags=re.I)):
            return canonical
    return None


def find_outlet(text: str | None) -> str | None:
    """The first known outlet mentioned anywhere in a short credit or dateline string.

    Example:
        >>> find_outlet("Xinhua, October 7, 2015")
        'Xinhua'
    """
    if not text:
        return None
    best: tuple[int, str] | None = None
    for pattern, canonical in _outlet_patterns():
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), canonical)
    return best[1] if best else None


def outlet_for_end_mark(token: str | None) -> str | None:
    """The outlet whose wire end mark ``token`` is ("Endi"/"Enditem" close a Xinhua story)."""
    if not token:
        return None
    word = token.strip(" .()").lower()
    for outlet in load_outlets():
        if any(word == mark.lower() for mark in outlet.end_marks):
            return outlet.name
    return None


def is_end_mark(token: str) -> bool:
    """Whether ``token`` is a known wire end mark such as "Enditem"."""
    return outlet_for_end_mark(token) is not None


def host_from_url(url: str | None) -> str | None:
    """The site a URL points at, without ``www.``: ``https://www.aljazeera.com/x`` → ``aljazeera.com``."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    except ValueError:  # "http://[::1", "x.example[b]": a URL from the input, not a usable one
        return None
    host = host.removeprefix("www.")
    return host or None


def outlet_for_host(host: str | None) -> str | None:
    """The known outlet that owns ``host`` (its domain or a subdomain of it)."""
    if not host:
        return None
    for outlet in load_outlets():
        if any(host == d or host.endswith("." + d) for d in outlet.domains):
            return outlet.name
    return None


def read_outlet(
    *,
    lead: str | None = None,
    dateline: str | None = None,
    credit: str | None = None,
    site_name: str | None = None,
    hint: str | None = None,
    host: str | None = None,
) -> str | None:
    """Who wrote the article: what the text credits first, then what the page or container says.

    A syndicated copy names the original writer, so a wire credit in the text beats the
    site's own name; the site name only counts when the text credits nobody.

    Example:
        >>> read_outlet(credit="Endi"), read_outlet(dateline="MOSCOW, Oct 7 (Xinhua) --")
        ('Xinhua', 'Xinhua')
    """
    for candidate in (lead, dateline, credit):
        found = find_outlet(candidate) or outlet_for_end_mark(candidate)
        if found:
            return found
    for candidate in (lead, dateline):
        agency = DATELINE_AGENCY.search(candidate or "")
        if agency:
            return agency.group("agency").strip()
    if credit and credit.strip():
        # An unknown but explicit credit ("Gulf Wire") is still the writer's own word.
        return credit.strip(" ()-–—")
    for candidate in (site_name, hint):
        if candidate and candidate.strip():
            return match_outlet(candidate) or candidate.strip()
    return outlet_for_host(host)


def resolve_host(url: str | None, outlet: str | None) -> str | None:
    """The scraping site when it is not the outlet itself, else None (spec: ``host``)."""
    host = host_from_url(url)
    if host is None:
        return None
    owner = outlet_for_host(host)
    if outlet is not None and owner is not None and owner == match_outlet(outlet):
        return None
    if outlet is not None and outlet.lower().replace(" ", "") in host.replace("-", ""):
        return None
    return host


# A byline's label, at the start of a line or after a separator ("By Jane Doe | Published
# ..."): "published on March 3, 2016" in prose is an event, not the page's own date.
_BYLINE_LABEL = re.compile(
    r"(?:^|[|\u2022\u00b7\u2013\u2014]\s*|\s-\s*)\W*(?P<label>first\s+published|published|posted|last\s+updated|updated"
    r"|last\s+modified|modified|date)(?:\s+(?:on|at))?\s*:?\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?", re.IGNORECASE)
_ISO_STAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?=$|[T\s,.|])")
# "03/15/2016", "15.03.2016": read only when one order alone makes a date.
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")


def _numeric(first: str, second: str, year: str) -> str | None:
    a, b, y = int(first), int(second), int(year)
    readings = {(y, m, d) for m, d in ((a, b), (b, a)) if 1 <= m <= 12 and 1 <= d <= 31}
    if len(readings) != 1 or not MIN_YEAR <= y <= MAX_YEAR:
        return None  # "04/03/2016" is 4 March or April 3: not a date to guess
    y, m, d = readings.pop()
    return _valid_iso(y, m, d)


def _valid_iso(year: int, month: int, day: int) -> str | None:
    from datetime import date

    try:
        return date(year, month, day).isoformat() if MIN_YEAR <= year <= MAX_YEAR else None
    except ValueError:
        return None


def _bylines(text: str) -> list[tuple[str, str, str]]:
    """(label, date as written, ISO date) of every labelled date in a byline line."""
    out: list[tuple[str, str, str]] = []
    for label in _BYLINE_LABEL.finditer(text):
        rest = text[label.end():]
        iso: str | None = None
        written = ""
        if (m := _ISO_STAMP.match(rest)) is not None:
            written, iso = m.group(0), _valid_iso(*(int(g) for g in m.groups()))
        elif (m := _NUMERIC_DATE.match(rest)) is not None:
            written, iso = m.group(0), _numeric(*m.groups())
        elif (m := EXPLICIT_DATE.match(rest)) is not None:
            written, iso = m.group(0), _full_date(m.group(0), ["en"])
        if iso is not None:
            out.append((label["label"].lower(), written, iso))
    return out


def byline_date(text: str | None) -> str | None:
    """The publication date a byline states ("Published March 3, 2016 at 7:26 AM CST"), as ISO.

    A first publication beats an update ("Updated: 15 Feb 2020 | Published: 14 Feb 2020");
    an update is still the page's own date when no other is given.

    Example:
        >>> byline_date("Posted on 3 March 2016"), byline_date("The law was published on 3 March 2016.")
        ('2016-03-03', None)
    """
    if not text:
        return None
    found = _bylines(text)
    first = [iso for label, _, iso in found if "published" in label or label in {"posted", "date"}]
    return (first or [iso for _, _, iso in found] or [None])[0]


def find_date_text(text: str | None) -> str | None:
    """The first explicit (day, month and year) date written in ``text``, verbatim."""
    if not text:
        return None
    m = EXPLICIT_DATE.search(text)
    if m:
        return m.group(0)
    labelled = _bylines(text)
    if labelled:
        return labelled[0][1]
    for m in OTHER_LANGUAGE_DATE.finditer(text):
        if _full_date(m.group(0)) is not None:
            return m.group(0)
    return None


def _full_date(found: str, languages: list[str] | None = None) -> str | None:
    parsed = dateparser.parse(
        found,
        languages=languages,
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    if parsed is None or not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    return parsed.date().isoformat()


def parse_date(text: str | None) -> str | None:
    """ISO ``YYYY-MM-DD`` of the first explicit date in ``text``; None when there is none.

    Relative dates ("last Wednesday", "Sunday") are never resolved here: a document's
    stated date must be stated, not guessed.

    Example:
        >>> parse_date("Xinhua, October 7, 2015 Adjust font size:"), parse_date("said Sunday")
        ('2015-10-07', None)
    """
    labelled = byline_date(text)
    if labelled is not None:
        return labelled
    found = find_date_text(text)
    if found is None:
        return None
    numeric = _NUMERIC_DATE.fullmatch(found)
    if numeric is not None:
        return _numeric(*numeric.groups())
    iso = re.fullmatch(r"(\d{4})[-/](\d{2})[-/](\d{2})", found)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        candidate = f"{year:04d}-{month:02d}-{day:02d}"
        valid = 1 <= month <= 12 and 1 <= day <= 31 and MIN_YEAR <= year <= MAX_YEAR
        return candidate if valid else None
    english = EXPLICIT_DATE.fullmatch(found) is not None
    return _full_date(found, ["en"] if english else None)


# "Today, 12th of March 2016," / "today (March 12, 2016)": the text stating its own date. Only
# next to "today": a full date elsewhere in a lede is when something happened, not when the
# report was written ("On 3 May 2020, four soldiers were killed").
_DAY, _MONTH = r"\d{1,2}(?:st|nd|rd|th)?", r"[A-Z][a-z]{2,8}\.?"
_TODAY_IS = re.compile(rf"\b[Tt]oday\b\s*[,(:]?\s*(?:is\s+)?(?:[A-Z][a-z]+day,?\s+)?(?:the\s+)?({_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
                       rf"|{_MONTH}\s+{_DAY},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b")


def stated_today(paragraphs: list[str]) -> str | None:
    """The date a text gives for "today" in its first paragraphs, as ISO; None when it gives none.

    Example:
        >>> stated_today(["Today, 12th of March 2016, the council voted."]), stated_today(["Today the council met."])
        ('2016-03-12', None)
    """
    for paragraph in paragraphs[:2]:
        for match in _TODAY_IS.finditer(paragraph):
            date = _full_date(re.sub(r"(?<=\d)(?:st|nd|rd|th)|\bof\b", "", match.group(1)), ["en"])
            if date is not None:
                return date
    return None


def normalise_date(value: str | None) -> str | None:
    """An ISO date from a container hint or HTML metadata value (``2015-10-07T12:00Z`` → ``2015-10-07``)."""
    if not value or not value.strip():
        return None
    head = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if head:
        return parse_date("-".join(head.groups()))
    parsed = parse_date(value)
    if parsed:
        return parsed
    loose = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    if loose is None or not MIN_YEAR <= loose.year <= MAX_YEAR:
        return None
    return loose.date().isoformat()


@lru_cache(maxsize=1)
def _language_identifier():  # type: ignore[no-untyped-def]
    # Loaded once: the model takes ~0.3 s to unpickle.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of ``text`` via py3langid, or None when it is too short or unsure.

    Example:
        >>> detect_language("The ministry says its aircraft bombed depots held by the militia near the river.")
        'en'
    """
    if not text:
        return None
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LANGUAGE_LETTERS:
        return None
    lang, prob = _language_identifier().classify(text)
    return str(lang) if prob >= MIN_LANGUAGE_PROB else None
