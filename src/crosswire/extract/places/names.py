"""Place-name keys: how names are folded for lookup (diacritics, apostrophes, articles, spellings)."""

from __future__ import annotations

import re
import unicodedata

ARTICLES = ("al", "ar", "as", "ash", "ad", "an", "at", "az", "el", "adh", "ath")
_WORD_MAP = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "&": "and"}
_DROP_CHARS = dict.fromkeys(map(ord, "'’‘`´ʿʾʼ\u02bb.\u200b"), None)
_SPLIT = re.compile(r"[^0-9a-z&]+")
# Words a transliteration may add or drop inside a name: Arabic articles in any position
# ("Maarat al-Numan" / "Ma'arrat an Nu'man") and Persian ezafe ("Mazar-i-Sharif" / "Mazar-e Sharif").
_LOOSE_ARTICLES = frozenset(ARTICLES) | {"ul", "ur", "ed", "es", "et", "ez"}
_EZAFE = frozenset({"e", "i", "y"})  # only between words: a leading "I" is a name ("I District")
LOOSE_MIN_CHARS = 5  # shorter folded keys collide by chance ("Toco"/"Tocco", "Vanni"/"Vani")
_DOUBLED = re.compile(r"(.)\1+")


def normalize_name(text: str) -> str:
    """Fold a place name to its index key.

    Casefolds, strips diacritics, removes apostrophes/ayn/hamza marks and dots, turns
    hyphens and other punctuation into spaces, and expands ``St``/``Mt``/``Ft``.

    Example:
        >>> normalize_name("Ḩamāh") == normalize_name("hamah")
        True
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_DROP_CHARS))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = [_WORD_MAP.get(w, w) for w in _SPLIT.split(folded.translate(_DROP_CHARS)) if w]
    return " ".join(words)


def loose_key(key: str) -> str:
    """A normalised key with transliteration choices folded away: articles and ezafe words
    dropped wherever they stand, spaces removed, doubled letters single ("Maarat al-Numan",
    "Ma'arrat an Nu'man" and "Maarrat al Numan" all give ``maratnuman``).

    Example:
        >>> loose_key("maarat al numan") == loose_key("maarrat an numan")
        True
    """
    words = key.split()
    kept = [w for i, w in enumerate(words) if w not in _LOOSE_ARTICLES
            and not (w in _EZAFE and 0 < i < len(words) - 1)]
    words = kept or words
    return _DOUBLED.sub(r"\1", "".join(words))


def strip_article(key: str) -> str | None:
    """The key without a leading Arabic article (``ar rastan`` → ``rastan``), or None."""
    head, _, rest = key.partition(" ")
    if rest and head in ARTICLES:
        return rest
    if key.startswith("the ") and len(key) > 4:
        return key[4:]
    return None


def _keep_alternate(name: str) -> bool:
    """Whether an alternate name is worth indexing for English text.

    Lower-case romanisations ("lndn"), airport/ISO codes ("LON") and non-Latin scripts
    never match an English mention and only bloat the index.
    """
    if not name or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    if name.isupper() and len(name) <= 4 and "." not in name:
        return False  # codes, but keep dotted abbreviations such as "D.C."
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "ʿʾ‘’ʼ" for c in
               unicodedata.normalize("NFKD", name))
