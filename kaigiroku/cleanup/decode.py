"""Bytes in, text out: BOMs, UTF-16, Shift_JIS/CP932, EUC-JP; binary files refused."""
from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import (EmptyDocumentError, MissingFileError, NotAFileError, PermissionDeniedError,
                      UnreadableTextError)

PDF_MAGIC = b"%PDF-"
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"\xff\xd8\xff", b"BM", b"RIFF")
# Japanese text is one of these in practice; tried in order when there is no BOM
JAPANESE_CODECS = ("utf-8", "cp932", "euc_jp", "iso2022_jp")


def read_head(path: Path, size: int | None = None) -> bytes:
    """The first `size` bytes of a file (all of it for None), with a clear error for what users meet:
    no such file, a directory, no permission."""
    path = Path(path)
    if not path.exists():
        raise MissingFileError(f"no such file: {path}")
    if not path.is_file():
        raise NotAFileError(f"not a file: {path}")
    try:
        with path.open("rb") as f:
            return f.read() if size is None else f.read(size)
    except PermissionError:
        raise PermissionDeniedError(f"permission denied: {path}") from None
    except OSError as e:
        raise NotAFileError(f"cannot read {path}: {e.strerror or e}") from None


def sniff_kind(path: Path) -> str:
    """'pdf', 'image' or 'text', by the first bytes (not the file name)."""
    path = Path(path)
    head = read_head(path, 1024)
    if PDF_MAGIC in head:
        return "pdf"
    if head.startswith(IMAGE_MAGIC) and not (head.startswith(b"RIFF") and head[8:12] != b"WEBP"):
        return "image"
    if path.suffix.lower() == ".pdf":
        return "pdf"  # let the PDF reader say what is wrong with it
    return "text"


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample and not (sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
                                  or _utf16_without_bom(sample)):
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32 and b != 27)
    return control > max(8, len(sample) // 100)


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is mostly zero (ASCII/CJK-range text)."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    z_even, z_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample[: len(sample) // 2 * 2].decode(codec)
        except UnicodeDecodeError:
            continue
        if any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text[:2000]) or \
                max(z_even, z_odd) > 0.3:
            if codec == "utf-16-le" and z_odd >= z_even or codec == "utf-16-be" and z_even >= z_odd:
                return codec
    return None


def decode_text(data: bytes, name: str = "input") -> str:
    """Decode minutes text, detecting the encoding. Raises UnreadableTextError for binary data."""
    if not data.strip():
        raise EmptyDocumentError(f"empty document: {name}")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                       (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise UnreadableTextError(f"{name}: damaged {codec} text") from None
    utf16 = _utf16_without_bom(data[:65536]) if b"\x00" in data[:65536] else None
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    if _looks_binary(data):
        raise UnreadableTextError(f"{name}: not a text file (binary data)")
    for codec in JAPANESE_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "utf-8" or _plausible_japanese(text):
            return text
    best = from_bytes(data).best()
    if best is not None and best.encoding and _plausible_japanese(str(best)):
        return str(best)
    raise UnreadableTextError(f"{name}: unknown text encoding (not UTF-8/16, Shift_JIS or EUC-JP)")


def _plausible_japanese(text: str) -> bool:
    """Most non-ASCII characters are kana, kanji or Japanese punctuation."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    jp = sum(1 for c in non_ascii if "\u3000" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff"
             or "\uff00" <= c <= "\uffef" or "\u2460" <= c <= "\u24ff" or c in "○◎◆◇●■□△▲※〒")
    return jp / len(non_ascii) > 0.8


def read_text_file(path: Path) -> str:
    path = Path(path)
    return decode_text(read_head(path), name=str(path))
