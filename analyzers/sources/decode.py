"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a mark, declared charsets, then a
guess; the text is kept as written, only line endings unified."""

from __future__ import annotations

import codecs
import re
from .document import InputError


# -- decoding ----------------------------------------------------------------------------
_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (Word and OpenDocument files are ZIP archives)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ\x90\x00", "a Windows program"),
    (b"OggS", "an audio or video file"),
    (b"\x1aE\xdf\xa3", "a video file"),
)


# Control characters that do not occur in text (tab, newlines and form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


_WESTERN = "cp1252"


def decode(data: bytes, name: str = "input", declared: str | None = None) -> tuple[str, str]:
    """(text, encoding).  A byte order mark decides; otherwise UTF-8, the declared charset,
    then charset-normalizer's guess (preferring cp1252 over look-alike code pages, as
    English text in a legacy encoding is nearly always Windows-1252 or Latin-1)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                label = enc.replace("-sig", "").upper()
                raise InputError(f"{name}: starts with a {label} byte order mark "
                                 f"but is not valid {label}") from None
            return _finish(text.lstrip("\ufeff"), name), enc.replace("-sig", "")
    what = _magic(data)
    if what:
        raise InputError(f"{name}: this is {what}, not a text article")
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(f"{name}: contains binary data (NUL bytes), not a text article")
        return _finish(text, name), "utf-16"
    try:
        return _finish(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            enc = codecs.lookup(declared).name
            # As browsers do: a page labelled Latin-1 or ASCII is read as Windows-1252.
            enc = _WESTERN if enc in ("latin-1", "iso8859-1", "ascii") else enc
            return _finish(data.decode(enc), name), enc
        except (LookupError, UnicodeDecodeError):
            pass
    encoding = _guess(data)
    if encoding is None:
        raise InputError(f"{name}: cannot tell the text encoding (not UTF-8 and no known "
                         "code page fits); save it as UTF-8")
    return _finish(data.decode(encoding), name), encoding


def _magic(data: bytes) -> str | None:
    head = data[:16]
    for sig, what in _MAGIC:
        if head.startswith(sig):
            return what
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "an audio file"}.get(head[8:12], "a video file")
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without a byte order mark has a NUL in every other byte."""
    if len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    enc = "utf-16-le" if odd > 0.6 * half and even == 0 else \
          "utf-16-be" if even > 0.6 * half and odd == 0 else None
    if enc is None:
        return None
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        return None
    best = min(r.chaos for r in results)
    for r in results:
        if r.chaos <= best + 0.01 and _WESTERN in r.could_be_from_charset:
            try:
                data.decode(_WESTERN)
                return _WESTERN
            except UnicodeDecodeError:
                break
    return results[0].encoding


def _finish(text: str, name: str) -> str:
    # Tolerate a stray control character (a form feed, an old EOF mark); many mean binary.
    controls = len(_CONTROL.findall(text, 0, 100_000))
    if controls > max(2, min(len(text), 100_000) // 200):
        raise InputError(f"{name}: looks like binary data, not a text article")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
