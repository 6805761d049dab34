"""Unicode text from raw bytes: detected encoding, repaired mojibake, normalised characters.

``decode`` is the one door from bytes to ``str`` for the whole package. Encodings are
detected, never assumed: a byte-order mark wins, then strict UTF-8, then the charset the
input declares (HTTP header or HTML/XML declaration) if it decodes cleanly, and only then
charset-normalizer's statistical guess. Input that is not text raises ``NotText``, whose
``reason`` is the sentence a ``Rejection`` carries; callers turn it into data (G6).

The normalisations applied to every decoded text (``normalize_text``) are:

* mojibake repair with ftfy (``"â€™"`` becomes ``"’"``, ``"Ã©"`` becomes ``"é"``), with
  curly quotes kept as they are, since quote finding downstream relies on them;
* line endings ``\\r\\n``, ``\\r``, U+2028/U+2029 and U+0085 become ``\\n``;
* C0 control characters other than tab and newline are removed;
* no-break spaces (U+00A0, U+202F, U+2007) become plain spaces;
* zero-width space, word joiner, soft hyphen and stray BOMs are removed;
* the result is NFC-normalised.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import ftfy

__all__ = ["Decoded", "NotText", "decode", "detect_encoding", "normalize_text", "declared_charset"]


class NotText(ValueError):
    """The input bytes are not text: binary, empty, or in no encoding that fits."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Decoded:
    """Normalised text and the name of the encoding it was decoded from."""

    text: str
    encoding: str


# Byte-order marks, longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# File signatures of the binary formats most often found next to scraped articles, so the
# rejection can say what the file is rather than only that it is not text.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
)

# Only this much of the input is inspected for control bytes: binary formats show them
# within the first few kilobytes, and scanning all of a 20 MB file would be wasted work.
_SNIFF_BYTES = 8192
# Share of C0 control bytes (other than tab, newline, CR, form feed) above which input is
# called binary. Plain text has none; even 1-in-10 is far beyond any scraped article.
_MAX_CONTROL_SHARE = 0.10
_CONTROL_BYTES = frozenset(set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D} | {0x7F})

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)

# WHATWG Encoding Standard: pages labelled latin-1/ASCII are decoded as windows-1252,
# because in practice they contain cp1252 curly quotes and dashes in 0x80-0x9F.
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}

# The single-byte code pages of most scraped text, in the order a tie is given to; several
# often give identical text (French latin-1 decodes the same under cp1250 and cp1252).
_PREFERRED = ("cp1252", "cp1251", "iso8859-15", "cp1250", "cp1253", "cp1254", "koi8-r", "cp1257")

@functools.lru_cache(maxsize=1)
def _ftfy() -> tuple[Any, ftfy.TextFixerConfig]:
    """ftfy and its settings, imported on first use: a re-run of unchanged inputs fixes no text."""
    import ftfy

    return ftfy, ftfy.TextFixerConfig(
        uncurl_quotes=False,  # keep ’ “ ”: quote and claim extraction need them
        fix_character_width=False,  # fullwidth ，。 are ordinary CJK punctuation, not noise
        normalization="NFC",
        explain=False,
    )

# No-break spaces become spaces; invisible characters that only break tokenisation go.
# ZWJ/ZWNJ are kept: they are spelling in Persian, Indic scripts and emoji sequences.
_CHAR_TABLE = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space (French typography)
        "\u2007": " ",  # figure space
        "\u200b": None,  # zero-width space
        "\u2060": None,  # word joiner
        "\ufeff": None,  # BOM / zero-width no-break space inside text
        "\u00ad": None,  # soft hyphen
    }
)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_INVISIBLE = {key: None for key, value in _CHAR_TABLE.items() if value is None}


MAX_PASSES = 4  # fixes uncovering fixes settle within two or three passes


def normalize_text(text: str) -> str:
    """Apply the documented string fixes (module docstring) to already-decoded text.

    Example:
        >>> normalize_text("It\\u00e2\\u20ac\\u2122s\\u00a0here\\r\\n")
        'It’s here\\n'
    """
    # Invisible characters go before ftfy too, or a soft hyphen inside a mojibake sequence
    # hides it from ftfy until a second pass (normalize_text must be idempotent). No-break
    # spaces stay until after ftfy: "Ã\u00a0" is the mojibake of "à" it knows how to undo.
    # A fix can uncover another (a no-break space turned into a space lets ftfy read "×¤" as
    # the mojibake of "פ" only on the next pass), so passes run until the text stands still.
    for _ in range(MAX_PASSES):
        fixed = _one_pass(text)
        if fixed == text:
            break
        text = fixed
    return text


def _one_pass(text: str) -> str:
    fixer, config = _ftfy()
    fixed = fixer.fix_text(text.translate(_INVISIBLE), config)
    # NFC again after the table: removing a zero-width char can join a base letter to a
    # combining mark that was separated from it.
    # Control characters (C0 but tab/newline, and C1) are never text: they are bytes a
    # wrong or damaged encoding left behind. The raw input keeps them.
    fixed = _CONTROL.sub("", fixed.translate(_CHAR_TABLE))
    return unicodedata.normalize("NFC", fixed)


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration near the start of ``raw`` names.

    Example:
        >>> declared_charset(b'<html><head><meta charset="windows-1251">')
        'windows-1251'
    """
    head = raw[:2048]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def detect_encoding(raw: bytes, declared: str | None = None) -> Decoded:
    """Decode ``raw`` without normalising it: the detection half of ``decode``.

    Ingest uses this to classify files cheaply (no ftfy pass over every input).

    Args:
        raw: the input bytes.
        declared: a charset declared outside the bytes, such as an HTTP header's.

    Raises:
        NotText: for empty, whitespace-only, binary or undecodable input.

    Example:
        >>> detect_encoding("Привет, мир".encode("cp1251")).encoding
        'cp1251'
    """
    if not raw:
        raise NotText("empty input")
    decoded = _decode_bom(raw)
    if decoded is None:
        _reject_binary(raw)
        decoded = _decode_utf8(raw) or _decode_declared(raw, declared) or _decode_guess(raw)
    if not decoded.text.translate(_CHAR_TABLE).strip():
        raise NotText("empty input")
    return decoded


def decode(raw: bytes, declared: str | None = None) -> Decoded:
    """Bytes to normalised text, with the encoding they were read as.

    Args:
        raw: the input bytes.
        declared: a charset declared outside the bytes (HTTP ``Content-Type``); a
            charset in an HTML ``<meta>`` or XML declaration is found by itself.

    Raises:
        NotText: for empty, whitespace-only, binary or undecodable input.

    Example:
        >>> decode("Caf\\u00e9 d\\u00e9j\\u00e0 vu".encode("latin-1"))
        Decoded(text='Café déjà vu', encoding='cp1252')
    """
    found = detect_encoding(raw, declared)
    text = normalize_text(found.text)
    if not text.strip():
        raise NotText("empty input")
    return Decoded(text, found.encoding)


def _decode_bom(raw: bytes) -> Decoded | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(encoding.removesuffix("-sig"))
            except UnicodeDecodeError:
                return None  # a BOM followed by garbage: let the binary checks judge it
            return Decoded(text, encoding)
    return None


def _reject_binary(raw: bytes) -> None:
    for signature, what in _SIGNATURES:
        if raw.startswith(signature):
            raise NotText(f"binary file ({what}), not text")
    if b"\x00" in raw[:_SNIFF_BYTES]:
        raise NotText("binary file (contains NUL bytes), not text")
    sample = raw[:_SNIFF_BYTES]
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        share = round(100 * controls / len(sample))
        raise NotText(f"binary file ({share}% control bytes), not text")


def _decode_utf8(raw: bytes) -> Decoded | None:
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return None


def _decode_declared(raw: bytes, declared: str | None) -> Decoded | None:
    # An HTTP header outranks the document's own declaration (HTML spec, "encoding sniffing").
    for label in (declared, declared_charset(raw)):
        if not label:
            continue
        label = _LABEL_ALIASES.get(label.strip().lower(), label.strip())
        try:
            name = codecs.lookup(label).name
        except LookupError:
            continue  # an unknown label is a hint we cannot use, not an error
        if name.startswith(("utf-16", "utf-32")):
            continue  # a BOM-less input that passed the NUL check is not UTF-16/32
        try:
            return Decoded(raw.decode(name), name)
        except UnicodeDecodeError:
            continue
    return None


def _decode_guess(raw: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # only bytes that are not UTF-8 need a guess

    matches = from_bytes(raw)
    best = matches.best()
    if best is None:
        raise NotText("undecodable text: no character encoding fits these bytes")
    # charset-normalizer's ranking is unreliable between close code pages: on short
    # inputs many score equally and the first alphabetically wins (cp1006 for French
    # latin-1), and French cp1252 can lose to cp1257 by 0.03 "chaos". So every match
    # close to the best competes, judged by how word-like its text is (_implausibility)
    # and then by how common the encoding is on the web (_PREFERRED order).
    close = [m for m in matches if m.chaos <= best.chaos + _CHAOS_MARGIN]
    names = {_codec_name(name) for m in close for name in m.could_be_from_charset}
    ranked: list[tuple[int, int, Decoded]] = []
    for rank, name in enumerate(p for p in _PREFERRED if p in names):
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue  # a twin can differ on bytes outside charset-normalizer's sample
        ranked.append((_implausibility(text), rank, Decoded(text, name)))
    if ranked:
        return min(ranked, key=lambda item: item[:2])[2]
    # No common code page decodes strictly: a stray undefined byte (0x81 in cp1252) in
    # otherwise Western text. A common page with a few replaced bytes beats an exotic one
    # (charset-normalizer then offers mac-iceland and reads "Köln" as "Kˆln").
    lenient: list[tuple[int, int, Decoded]] = [(_implausibility(str(best)), len(_PREFERRED), Decoded(str(best), _codec_name(best.encoding)))]
    for rank, name in enumerate(_PREFERRED):
        text = raw.decode(name, errors="replace")
        bad = text.count("\ufffd")
        if bad <= max(_MAX_REPLACED, len(raw) // 200):
            lenient.append((_implausibility(text) + bad, rank, Decoded(text, name)))
    return min(lenient, key=lambda item: item[:2])[2]


_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW")
_EDGE_PUNCTUATION = "\"'()[]{}<>.,;:!?«»“”‘’„…–—¿¡*"
_WORD_INNER = "’‘'-‐–\u0300\u0301\u0302\u0303\u0308"  # apostrophes, hyphens, combining accents
# How far above the best match's chaos (0-1, share of odd characters) another match may
# be and still compete; 0.1 separates the close Latin code pages seen in the tests.
_CHAOS_MARGIN = 0.1
# Undefined bytes tolerated (as U+FFFD) when reading with a common code page: a few per
# file are crawl damage, more mean the code page is wrong.
_MAX_REPLACED = 3


def _implausibility(text: str) -> int:
    """Count words that look like a wrong code page's reading of the bytes.

    Three tells: scripts mixed in one word ("Caf\u0439", a cp1251 read of latin-1
    "Café"); Latin words of three or more letters that are mostly accented ("\u00cf\u00f0\u00e8\u00e2\u00e5\u00f2",
    a cp1252 read of cp1251 "Привет"); and symbols inside words ("Za\u00bf\u00f3\u00b3\u00e6", a cp1252 read
    of cp1250 "Zażółć"). Real words show none of them.
    """
    score = 0
    for token in text.split():
        core = token.strip(_EDGE_PUNCTUATION)
        if any(ord(ch) > 0x7F and not ch.isalpha() and ch not in _WORD_INNER for ch in core):
            score += 1
        for word in _WORD.findall(core):
            scripts = {_script(ch) for ch in word} & set(_SCRIPTS)
            if len(scripts) > 1:
                score += 10
            elif scripts == {"LATIN"} and len(word) >= 3 and 2 * sum(ord(ch) > 0x7F for ch in word) > len(word):
                score += 1
    return score


def _script(ch: str) -> str:
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def _codec_name(label: str) -> str:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return label
