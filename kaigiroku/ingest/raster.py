"""Pages as greyscale pixels: PDF pages through pypdfium2, image files (PNG, TIFF, JPEG) through Pillow.

Bounded: a page or image whose pixel count would exceed MAX_PIXELS is refused (TooLargeError)
before any pixel is decoded, so a hostile page size cannot exhaust memory.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from ..errors import (CorruptPdfError, EncryptedPdfError, InputError, MissingFileError, NotAFileError,
                      PermissionDeniedError, TooLargeError, UnreadableTextError)

MAX_PIXELS = 64_000_000  # e.g. A4 at 600 dpi is 35 Mpx, A3 at 500 dpi 48 Mpx
MAX_SIDE = 30_000


def check_pixels(width_px: int, height_px: int, what: str, max_pixels: int | None = None, hint: str = "") -> None:
    max_pixels = max_pixels or MAX_PIXELS
    if width_px * height_px > max_pixels or max(width_px, height_px) > MAX_SIDE:
        raise TooLargeError(f"{what} is {width_px}×{height_px} pixels, beyond the limit of "
                            f"{max_pixels / 1e6:g} megapixels (and {MAX_SIDE} pixels a side){hint}")


def _check_file(path: Path) -> None:
    if not path.exists():
        raise MissingFileError(f"no such file: {path}")
    if not path.is_file():
        raise NotAFileError(f"not a file: {path}")


def open_pdf(path):
    import pypdfium2 as pdfium

    path = Path(path)
    _check_file(path)
    try:
        return pdfium.PdfDocument(str(path))
    except PermissionError:
        raise PermissionDeniedError(f"cannot read {path}: permission denied") from None
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise EncryptedPdfError(f"{path} is encrypted") from None
        raise CorruptPdfError(f"cannot read {path} as PDF: {e}") from None


def pdf_page_px(size_pt: tuple[float, float], dpi: float) -> tuple[int, int]:
    return math.ceil(size_pt[0] * dpi / 72), math.ceil(size_pt[1] * dpi / 72)


def check_pdf_pages(path, page_numbers: list[int], dpi: float, max_pixels: int | None = None) -> list[tuple[float, float]]:
    """The size in points of each requested page; TooLargeError if one would rasterise too big."""
    pdf = open_pdf(path)
    try:
        sizes = []
        for n in page_numbers:
            if not 1 <= n <= len(pdf):
                raise InputError(f"{path} has no page {n} (it has {len(pdf)})")
            size = pdf[n - 1].get_size()  # points, after /Rotate
            check_pixels(*pdf_page_px(size, dpi), f"page {n} at {dpi:g} dpi", max_pixels, "; try a lower --dpi")
            sizes.append(size)
        return sizes
    finally:
        pdf.close()


def rasterize(path, page_number: int, dpi: float = 300, max_pixels: int | None = None) -> tuple[np.ndarray, float, float]:
    """Render one PDF page (1-based) in grey at `dpi`; return (pixels, width_pt, height_pt)."""
    pdf = open_pdf(path)
    try:
        page = pdf[page_number - 1]
        w_pt, h_pt = page.get_size()
        check_pixels(*pdf_page_px((w_pt, h_pt), dpi), f"page {page_number} at {dpi:g} dpi", max_pixels,
                     "; try a lower --dpi")
        img = page.render(scale=dpi / 72, grayscale=True, may_draw_forms=True).to_numpy()
        if img.ndim == 3:
            img = img[:, :, 0]
        return np.ascontiguousarray(img), float(w_pt), float(h_pt)
    finally:
        pdf.close()


def _open_image(path):
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    _check_file(path)
    Image.MAX_IMAGE_PIXELS = None  # we check the size ourselves, frame by frame
    try:
        return Image.open(path)
    except PermissionError:
        raise PermissionDeniedError(f"cannot read {path}: permission denied") from None
    except (UnidentifiedImageError, OSError) as e:
        raise UnreadableTextError(f"cannot read {path} as an image: {e}") from None


def image_frame_count(path, max_pixels: int | None = None) -> int:
    """How many pages a PNG/TIFF/JPEG holds; TooLargeError if a frame is too big."""
    with _open_image(path) as im:
        n = getattr(im, "n_frames", 1)
        for i in range(n):
            im.seek(i)
            check_pixels(im.width, im.height, f"image page {i + 1}", max_pixels)
        return n


def load_image(path, frame: int = 0, max_pixels: int | None = None) -> np.ndarray:
    """Frame `frame` (0-based) of an image file as 8-bit grey, upright (EXIF orientation applied)."""
    from PIL import Image, ImageOps

    with _open_image(path) as im:
        try:
            im.seek(frame)
            check_pixels(im.width, im.height, f"image page {frame + 1}", max_pixels)
            im = ImageOps.exif_transpose(im) if frame == 0 else im
            if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
                im = im.convert("RGBA")
                bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
                im = Image.alpha_composite(bg, im)
            if im.mode.startswith("I;16") or im.mode == "I":
                a = np.asarray(im, dtype=np.float64)
                a = 255.0 * (a - a.min()) / max(1.0, float(a.max() - a.min()))
                return a.astype(np.uint8)
            return np.ascontiguousarray(np.asarray(im.convert("L"), dtype=np.uint8))
        except (OSError, ValueError, EOFError) as e:
            raise UnreadableTextError(f"cannot decode {path} (page {frame + 1}): {e}") from None
