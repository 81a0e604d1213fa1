"""Bytes in, text out: BOMs, UTF-16, Shift_JIS/CP932, EUC-JP; binary files refused."""
from __future__ import annotations

import codecs
import logging
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from .. import files
from ..charclass import is_kana_kanji, is_kanji
from ..errors import EmptyDocumentError, UnreadableTextError

# Japanese text is one of these in practice; tried in order when there is no BOM
JAPANESE_CODECS = ("utf-8", "cp932", "euc_jp", "iso2022_jp")
CODEC_NAMES = {"utf-8": "UTF-8", "cp932": "Shift_JIS", "euc_jp": "EUC-JP"}
log = logging.getLogger("kaigiroku")


def read_head(path: Path, size: int | None = None) -> bytes:
    """The first `size` bytes of a file (all of it for None); kaigiroku.files says what is wrong."""
    return files.read_head(Path(path), size)


def sniff_kind(path: Path) -> str:
    """'pdf', 'image' or 'text', by the first bytes (kaigiroku.files.sniff; kept for callers)."""
    return files.sniff(Path(path), check_pixels=False, warn=False).kind


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
        if any(is_kana_kanji(c) for c in text[:2000]) or \
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
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(data, name)  # before whole-file cp932, which reads UTF-8 bytes as mojibake
    if mixed is not None:
        return mixed
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


def _decode_mixed(data: bytes, name: str) -> str | None:
    """Text pasted together from files in different encodings (half UTF-8, half Shift_JIS): each line
    decoded by the encoding it fits, with a warning. None unless some lines are UTF-8 with Japanese
    in them and others are not UTF-8 at all (a Shift_JIS line is almost never valid UTF-8)."""
    lines = data.split(b"\n")
    utf8_japanese = non_utf8 = 0
    for line in lines:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            non_utf8 += 1
            continue
        utf8_japanese += sum(ord(c) > 127 for c in text) >= 2
    if not (utf8_japanese and non_utf8):
        return None
    out, used = [], {}
    for number, line in enumerate(lines, start=1):
        for codec in ("utf-8", "cp932", "euc_jp"):
            try:
                text = line.decode(codec)
            except UnicodeDecodeError:
                continue
            if codec == "utf-8" or _plausible_japanese(text):
                break
        else:
            raise UnreadableTextError(f"{name}: line {number} is in no known Japanese encoding")
        if text.strip():
            used[codec] = used.get(codec, 0) + 1
        out.append(text)
    text = "\n".join(out)
    if not _plausible_japanese(text):
        return None
    log.warning("%s mixes encodings; decoded line by line (%s)", name,
                ", ".join(f"{n} lines {CODEC_NAMES[c]}" for c, n in used.items()))
    return text


def _plausible_japanese(text: str) -> bool:
    """Most non-ASCII characters are kana, kanji or Japanese punctuation."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    jp = sum(1 for c in non_ascii if "\u3000" <= c <= "\u30ff" or is_kanji(c)
             or "\uff00" <= c <= "\uffef" or "\u2460" <= c <= "\u24ff" or c in "○◎◆◇●■□△▲※〒")
    return jp / len(non_ascii) > 0.8


def read_text_file(path: Path) -> str:
    path = Path(path)
    return decode_text(read_head(path), name=str(path))


# past this size a UTF-8 file is decoded a piece at a time, never held whole (repair's windows,
# cleanup/windows.py, read the pieces); below it, and for every other encoding, it is read whole
STREAM_BYTES = 8_000_000
PIECE_BYTES = 1 << 20


def read_text_pieces(path: Path) -> Iterator[str]:
    """The decoded text of a file in pieces that join to `read_text_file(path)`. A large file that is
    UTF-8 throughout (no BOM, no NUL bytes, not binary by its head: what decode_text would read as
    UTF-8) is checked in a first pass and then decoded a piece at a time; anything else is read
    whole."""
    path = Path(path)
    head = read_head(path, 65536)
    if len(head) < 65536 or Path(path).stat().st_size < STREAM_BYTES or b"\x00" in head \
            or head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
            or _looks_binary(head) or not _all_utf8(path):
        yield read_text_file(path)
        return
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as f:
        while piece := f.read(PIECE_BYTES):
            yield decoder.decode(piece)
    yield decoder.decode(b"", final=True)


def _all_utf8(path: Path) -> bool:
    """Every byte of the file decodes as UTF-8 (checked a piece at a time, the text let go)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as f:
            while piece := f.read(PIECE_BYTES):
                decoder.decode(piece)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True
