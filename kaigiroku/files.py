"""What kind of file an input is, judged by its content: the one place that knows file kinds.

    open_input(path)  checks the path (missing, broken link, link loop, folder, FIFO, permission)
    sniff(path)       -> FileKind: 'pdf', 'image' (with format and pixel size) or 'text'
    stdin_to_file()   `-` as input: stdin's bytes in a temporary file, so every reader can seek

`repair`, `ingest`, `convert` and `batch` all ask this module, so batch never accepts a file that
ingest then rejects. A name that disagrees with the content is warned about, and the content wins.
"""
from __future__ import annotations

import errno
import logging
import os
import stat
import struct
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import (MissingFileError, NotAFileError, PermissionDeniedError, TooLargeError)

log = logging.getLogger("kaigiroku")

PDF_MAGIC = b"%PDF-"
# (first bytes, Pillow format name); every format in IMAGE_SUFFIXES is here, so what batch finds ingest reads
IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"), (b"\xff\xd8\xff", "JPEG"),
    (b"BM", "BMP"), (b"P1", "PPM"), (b"P2", "PPM"), (b"P3", "PPM"), (b"P4", "PPM"), (b"P5", "PPM"),
    (b"P6", "PPM"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
)
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".tsv", ".csv"})
IMAGE_SUFFIXES = frozenset({".png", ".tif", ".tiff", ".jpg", ".jpeg", ".bmp", ".pnm", ".pbm", ".pgm", ".ppm",
                            ".webp", ".gif"})
PDF_SUFFIXES = frozenset({".pdf"})
SUFFIX_KIND = {**{s: "text" for s in TEXT_SUFFIXES}, **{s: "image" for s in IMAGE_SUFFIXES}, ".pdf": "pdf"}
HEAD_SIZE = 1024  # readers look for %PDF- in the first kilobyte (mail or HTTP debris may come first)


@dataclass(frozen=True)
class FileKind:
    kind: str  # 'pdf', 'image' or 'text'
    image_format: str | None = None  # 'PNG', 'TIFF', ... for images
    size_px: tuple[int, int] | None = None  # width, height of an image's first frame, from its header


def open_input(path: Path) -> os.stat_result:
    """The stat of a readable regular file, or a one-line InputError saying what the path is instead."""
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise MissingFileError(f"broken symbolic link: {path} -> {os.readlink(path)}") from None
        raise MissingFileError(f"no such file: {path}") from None
    except PermissionError:
        raise PermissionDeniedError(f"permission denied: {path}") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise NotAFileError(f"symbolic link loop (a link that leads back to itself): {path}") from None
        if e.errno == errno.ENAMETOOLONG:
            raise NotAFileError(f"file name too long: {path}") from None
        raise NotAFileError(f"cannot read {path}: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise NotAFileError(f"a folder, not a file: {path} (use `kaigiroku batch` for folders)")
    if not stat.S_ISREG(st.st_mode):  # a FIFO would block forever, a device never end
        raise NotAFileError(f"not a regular file (a FIFO or device): {path}; use - to read stdin")
    return st


def read_head(path: Path, size: int | None = HEAD_SIZE) -> bytes:
    """The first `size` bytes (all of them for None) of a checked input file."""
    open_input(path)
    try:
        with open(path, "rb") as f:
            return f.read() if size is None else f.read(size)
    except PermissionError:
        raise PermissionDeniedError(f"permission denied: {path}") from None
    except IsADirectoryError:
        raise NotAFileError(f"a folder, not a file: {path}") from None
    except OSError as e:
        raise NotAFileError(f"cannot read {path}: {e.strerror or e}") from None


def kind_of_bytes(head: bytes) -> FileKind:
    """The kind told by a file's first bytes alone."""
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return FileKind("image", "WEBP")
    for magic, fmt in IMAGE_MAGIC:
        if head.startswith(magic) and (fmt != "PPM" or head[2:3] in b" \t\r\n#"):
            return FileKind("image", fmt)
    if PDF_MAGIC in head[:HEAD_SIZE]:
        return FileKind("pdf")
    return FileKind("text")


def sniff(path: Path, *, check_pixels: bool = True, warn: bool = True) -> FileKind:
    """The kind of `path` by content. Its name only decides when the content does not (a .pdf that
    is no PDF is left to the PDF reader to describe); a name that disagrees is warned about.
    Images are measured from their header and refused (TooLargeError) before a pixel is decoded.
    Callers that only route the file pass warn=False; the reader that opens it warns, once."""
    path = Path(path)
    kind = kind_of_bytes(read_head(path))
    named = SUFFIX_KIND.get(path.suffix.lower())
    if kind.kind == "text" and named == "pdf":
        return FileKind("pdf")
    if warn and named and named != kind.kind and kind.kind != "text":
        what = f"a {kind.image_format} image" if kind.kind == "image" else "a PDF"
        log.warning("%s is named %s but is %s; reading it as %s", path, path.suffix, what,
                    "an image" if kind.kind == "image" else "a PDF")
    if kind.kind == "image":
        size = image_size(path)
        kind = FileKind("image", kind.image_format, size)
        if check_pixels and size:
            check_image_pixels(size, path)
    return kind


def image_size(path: Path) -> tuple[int, int] | None:
    """Width and height of the largest frame, read from the header (Pillow opens lazily)."""
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = None  # our own limit applies, with our own message
    try:
        with Image.open(path) as im:
            w, h = im.size
            for i in range(1, min(getattr(im, "n_frames", 1), 10_000)):
                im.seek(i)
                w, h = max((w, h), im.size, key=lambda s: s[0] * s[1])
            return w, h
    except (UnidentifiedImageError, OSError, ValueError, EOFError, struct.error):
        return None  # the OCR reader says what is wrong with it


def check_image_pixels(size: tuple[int, int], path) -> None:
    """The pixel limit PDF pages have (ingest/raster.py) holds for image files too."""
    from .ingest.raster import MAX_PIXELS, MAX_SIDE

    w, h = size
    if w * h > MAX_PIXELS or max(w, h) > MAX_SIDE:
        raise TooLargeError(f"image is {w}×{h} pixels, beyond the limit of {MAX_PIXELS / 1e6:g} megapixels "
                            f"(and {MAX_SIDE} pixels a side): {path}")


def stdin_to_file(suffix: str = "") -> Path:
    """`-` as input: stdin's bytes copied to a temporary file (PDF readers and OCR workers need a
    seekable file by name). The caller removes it. Named by content, not by this suffix."""
    fd, name = tempfile.mkstemp(prefix="kaigiroku-stdin-", suffix=suffix)
    with os.fdopen(fd, "wb") as out:
        src = sys.stdin.buffer
        while chunk := src.read(1 << 20):
            out.write(chunk)
    return Path(name)


def same_file(a: Path, b: Path) -> bool:
    """`a` and `b` are one file (the same path, a link to it, or a hard link)."""
    try:
        sa, sb = os.stat(a), os.stat(b)
    except OSError:
        return False
    return stat.S_ISREG(sa.st_mode) and (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)
