"""Tests for clean/normalize.py: encoding detection, binary refusal, string fixes."""

from __future__ import annotations

import codecs
import re

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from crosswire.clean.normalize import Decoded, NotText, declared_charset, decode, normalize_text

RUSSIAN = (
    "Министр обороны Сергей Волков заявил во вторник, что артиллерия ответила на удар "
    "беспилотника. По его словам, погибли трое военнослужащих."
)
FRENCH = (
    "La délégation a déclaré mercredi à Genève que les négociations étaient « très "
    "difficiles », mais qu'un accord sur le cessez-le-feu restait possible."
)
GERMAN = "Die Verhandlungen seien schwierig, sagte der Außenminister am Mittwoch in Köln; Grüße an alle."


@pytest.mark.parametrize(
    ("text", "codec", "expected_encoding"),
    [
        (RUSSIAN, "cp1251", "cp1251"),
        (FRENCH, "latin-1", "cp1252"),
        (GERMAN, "latin-1", "cp1252"),
        (FRENCH + " L’été – “déjà”", "cp1252", "cp1252"),
        ("Привет, мир", "cp1251", "cp1251"),  # short: charset-normalizer alone says cp1125
        ("Café déjà vu", "latin-1", "cp1252"),  # short: charset-normalizer alone says cp1006
    ],
)
def test_decode_detects_legacy_encodings(text: str, codec: str, expected_encoding: str) -> None:
    decoded = decode(text.encode(codec))
    assert decoded == Decoded(text, expected_encoding)


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (codecs.BOM_UTF8 + "Zürich".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Zürich".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "Zürich".encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + "Zürich".encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_decode_honours_bom(raw: bytes, encoding: str) -> None:
    assert decode(raw) == Decoded("Zürich", encoding)


def test_decode_prefers_valid_utf8_over_declared() -> None:
    assert decode("Café".encode(), declared="cp1251") == Decoded("Café", "utf-8")


def test_decode_uses_declared_charset_when_it_decodes() -> None:
    raw = RUSSIAN.encode("koi8-r")
    assert decode(raw, declared="koi8-r") == Decoded(RUSSIAN, "koi8-r")


def test_decode_reads_meta_charset() -> None:
    raw = '<html><head><meta charset="koi8-r"></head><body>Привет</body></html>'.encode("koi8-r")
    assert decode(raw).encoding == "koi8-r"
    assert "Привет" in decode(raw).text


def test_decode_ignores_unknown_declared_label() -> None:
    assert decode(FRENCH.encode("latin-1"), declared="no-such-charset").text == FRENCH


def test_declared_charset_from_meta_and_xml() -> None:
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">') == (
        "windows-1251"
    )
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?><rss/>') == "ISO-8859-1"
    assert declared_charset(b"plain text") is None


@pytest.mark.parametrize(
    ("raw", "reason_part"),
    [
        (b"", "empty input"),
        (b"  \n\t \r\n", "empty input"),
        ("\u200b\u00a0\n".encode(), "empty input"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        (b"PK\x03\x04" + bytes(50), "ZIP archive"),
        (b"\xff\xd8\xff\xe0" + bytes(50), "JPEG image"),
        (b"abc\x00def", "NUL bytes"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"some text", "control bytes"),
    ],
)
def test_decode_refuses_non_text(raw: bytes, reason_part: str) -> None:
    with pytest.raises(NotText) as caught:
        decode(raw)
    assert reason_part in caught.value.reason
    assert str(caught.value) == caught.value.reason


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Itâ€™s here", "It’s here"),
        ("cafÃ© au lait", "café au lait"),
        ("â€œQuotedâ€\x9d text", "“Quoted” text"),
    ],
)
def test_normalize_repairs_mojibake(broken: str, fixed: str) -> None:
    assert normalize_text(broken) == fixed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“curly” and ‘single’ quotes", "“curly” and ‘single’ quotes"),  # not uncurled
        ("a\r\nb\rc\u2028d", "a\nb\nc\nd"),
        ("16\u00a0dead, 9\u202fmonitors", "16 dead, 9 monitors"),
        ("zero\u200bwidth\u2060joined\ufeff", "zerowidthjoined"),
        ("e\u0301te\u0301", "été"),  # NFC
        ("soft\u00adhyphen", "softhyphen"),
        ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),  # ZWNJ kept
        ("北京，上海。", "北京，上海。"),  # fullwidth CJK punctuation kept
    ],
)
def test_normalize_text_fixes(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


def test_decode_normalises_what_it_decodes() -> None:
    raw = "Kestriaâ€™s toll:\u00a016\r\n".encode()
    assert decode(raw).text == "Kestria’s toll: 16\n"


# --- properties ----------------------------------------------------------------------

# Any text that could be an article: everything but surrogates (unencodable) and C0/C1
# control characters (which the binary check counts, by design).
_ARTICLE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t"), max_size=300)

# Text that normalisation must leave untouched: ASCII without '&' (HTML entities are
# unescaped), curly quotes and dashes, Cyrillic and CJK, already NFC. Accented Latin is
# left out: ftfy reads pairs such as "ß“" as MacRoman mojibake, by design of its heuristics.
_CLEAN_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'\"()-/\n"
    "’“”—–"
    "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    "北京上海新闻报道时间"
)
# "Р“" and "С”" are how cp1251 shows the UTF-8 bytes of "Г" and "ф": ftfy repairs them.
_CP1251_MOJIBAKE = re.compile("[РС][’“”—–]")


@settings(max_examples=300, deadline=None)
@given(_ARTICLE_TEXT)
def test_utf8_text_decodes_to_its_normal_form(text: str) -> None:
    assume(not text.startswith(("%PDF-", "GIF87a", "GIF89a")))  # real file signatures
    expected = normalize_text(text)
    if not expected.strip():
        with pytest.raises(NotText, match="empty input"):
            decode(text.encode("utf-8"))
    else:
        decoded = decode(text.encode("utf-8"))
        assert decoded.text == expected
        assert decoded.encoding in ("utf-8", "utf-8-sig")


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(_CLEAN_ALPHABET), min_size=1, max_size=300))
def test_clean_text_round_trips_exactly(text: str) -> None:
    assume(text.strip() and not _CP1251_MOJIBAKE.search(text))
    assert decode(text.encode("utf-8")) == Decoded(text, "utf-8")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([None, "utf-8", "cp1251", "latin-1", "koi8-r", "bogus"]))
def test_decode_of_any_bytes_returns_text_or_not_text(raw: bytes, declared: str | None) -> None:
    try:
        decoded = decode(raw, declared)
    except NotText as exc:
        assert exc.reason
    else:
        assert isinstance(decoded.text, str) and decoded.text.strip()
        assert decoded.encoding


@settings(max_examples=200, deadline=None)
@given(_ARTICLE_TEXT)
@example("\xa0\u00d7\u00a4")  # a no-break space hid the mojibake of "פ" from the first pass (found by CI)
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
