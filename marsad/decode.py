"""Turning bytes into text: encoding detection and the checks every input goes through.

:func:`decode_bytes` accepts UTF-8 (with or without a BOM), UTF-16 (with a BOM, or without one
when the zero bytes give it away), Windows-1256 and ISO-8859-6 (older Arabic sites), and says
which it used. It refuses, with an :class:`~marsad.errors.InputError` that names the input and
the reason: empty input, binary data, bytes no supported encoding decodes, input over the size
limit, and (where Arabic is required) text with no Arabic in it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from marsad.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    NoArabicError,
    TooLargeError,
)

#: default size limit of one input, in bytes (the ``max_input_bytes`` setting).
MAX_INPUT_BYTES = 10 * 1024 * 1024

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")
_LETTER = re.compile(r"[^\W\d_]")
# C0 controls other than tab, newline, carriage return, form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _looks_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when zero bytes fall on alternate positions (no BOM)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    # Arabic in UTF-16 has 0x06 high bytes, Latin 0x00: either way one side is mostly small.
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    high_le = sum(1 for b in sample[1::2] if b in (0x00, 0x06))
    if high_le > 0.9 * half and sample[1::2].count(6) > 0.3 * half:
        return "utf-16-le"
    high_be = sum(1 for b in sample[0::2] if b in (0x00, 0x06))
    if high_be > 0.9 * half and sample[0::2].count(6) > 0.3 * half:
        return "utf-16-be"
    return None


def arabic_share(text: str) -> float:
    """The share of letters in ``text`` (its first 20,000 characters) that are Arabic."""
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    return len(_ARABIC_LETTER.findall(sample)) / letters if letters else 0.0


def non_ascii_arabic_share(text: str, limit: int | None = None) -> float:
    """:func:`arabic_share` of the non-ASCII characters of ``text[:limit]``: how Arabic a
    legacy decoding reads, whatever ASCII markup or English is around it."""
    return arabic_share("".join(ch for ch in text[:limit] if ord(ch) > 127))


def _legacy_decode(data: bytes) -> Decoded | None:
    """Windows-1256 or ISO-8859-6, whichever yields more Arabic (None if neither decodes)."""
    best: Decoded | None = None
    best_share = -1.0
    for encoding in ("cp1256", "iso-8859-6"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = arabic_share(text) - len(_CONTROL.findall(text[:20000])) / 100
        if share > best_share:
            best, best_share = Decoded(text, encoding), share
    return best


def decode_bytes(data: bytes, source: str = "<input>", max_bytes: int = MAX_INPUT_BYTES) -> Decoded:
    """Decode ``data`` (see the module docstring); ``source`` names it in errors."""
    if len(data) > max_bytes:
        raise TooLargeError(
            source,
            f"{len(data) / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit of one input "
            "(raise it with --max-bytes or MARSAD_MAX_INPUT_BYTES)",
        )
    if not data.strip():
        raise EmptyInputError(source, "empty input (no text to analyse)")
    decoded = _decode(data, source)
    text = decoded.text
    if text.startswith("\ufeff"):
        text = text[1:]
    refuse_binary(text, source)
    if not text.strip():
        raise EmptyInputError(source, "empty input (only white space)")
    return Decoded(text, decoded.encoding)


def _decode(data: bytes, source: str) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", source)
    utf16 = _looks_utf16(data)
    if utf16:
        return _strict(data, utf16, source)
    if b"\x00" in data[:65536]:
        raise BinaryInputError(source, "binary data, not text (it contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    legacy = _legacy_decode(data)
    if legacy is not None and arabic_share(legacy.text) > 0.5:
        return legacy
    raise DecodeError(
        source,
        f"not UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}), "
        "and not Arabic in UTF-16, Windows-1256 or ISO-8859-6",
    )


def _strict(data: bytes, encoding: str, source: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(source, f"undecodable {encoding} at byte {exc.start}: {exc.reason}") from None


def refuse_binary(text: str, source: str) -> None:
    """Raise :class:`BinaryInputError` when control characters run through ``text`` (its first
    64 KiB): binary data that happened to decode."""
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise BinaryInputError(source, "binary data, not text (control characters throughout)")


def require_arabic(text: str, source: str, min_share: float = 0.0) -> None:
    """Raise :class:`NoArabicError` unless ``text`` has Arabic letters in it and at least
    ``min_share`` of its letters (:func:`arabic_share`) are Arabic."""
    letters = len(_LETTER.findall(text[:20000]))
    if not _ARABIC_LETTER.search(text):
        raise NoArabicError(source, f"no Arabic text in it ({letters} letters, none Arabic)")
    share = arabic_share(text)
    if share < min_share:
        raise NoArabicError(
            source,
            f"not Arabic text: {share:.0%} of its {letters} letters are Arabic "
            f"(at least {min_share:.0%} needed)",
        )
