"""Bytes -> text every later stage can trust: decoding with a stated fallback, and code-point clean-up.

The clean-up replaces one code point by one code point, so offsets into a JSONL record's text stay the
offsets the sender counted (in code points) and ``article.text`` remains "the text as given" up to the
characters no database or parser can hold.
"""

from __future__ import annotations

import codecs
import re

# Lone surrogates (a str from json.loads('"\\ud800"')), noncharacters, and the C0/C1 controls other than
# tab, newline, carriage return and form feed. Surrogates and noncharacters become U+FFFD; controls
# (NUL included: PostgreSQL refuses it) become a space so words on either side stay apart.
_BAD_CODEPOINT = re.compile("[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_NONCHAR_PLANES = re.compile("[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0010fffe\U0010ffff]")

_BOMS = (  # UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
BINARY_SHARE = 0.05
"""Share of control characters above which decoded bytes are called binary rather than text."""


class DecodeError(ValueError):
    """Bytes that are not text in an encoding we read; the message says why."""


def clean_text(text: str) -> str:
    """``text`` with lone surrogates, noncharacters and control characters replaced, length unchanged."""
    text = _BAD_CODEPOINT.sub("\ufffd", text)
    text = _NONCHAR_PLANES.sub("\ufffd", text)
    return _CONTROL.sub(" ", text)


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text[:65536])) / max(1, min(len(text), 65536))


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding): a BOM's encoding, else UTF-8, else Windows-1252 (then Latin-1) for legacy files.

    Raises ``DecodeError`` for binary content. Hand-written rather than a charset guesser because the
    three fallbacks cover what news scrapers write, and a guess that is wrong would be silent.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding.upper()} after its byte-order mark at byte {exc.start}") from None
    if b"\x00" in raw[:8192]:
        raise DecodeError("binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    for encoding in ("cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) > BINARY_SHARE:
            break
        return text, encoding
    raise DecodeError(f"binary file: not UTF-8 (invalid at byte {utf8_error}), UTF-16 or Windows-1252 text")
