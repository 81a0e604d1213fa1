"""The one wrapper around the external `tesseract` program (through pytesseract).

    check_available(lang)            the program runs and has every language of `lang` ("jpn", "jpn+eng")
    usable_lang(lang)                `lang` less the Japanese script model when it is not installed
    ocr_engine_data(image, lang, psm)  word boxes and confidences (pytesseract.image_to_data, as a dict)

A missing program or language -> OcrUnavailableError naming the Debian packages;
a crash, a non-zero exit or a timeout -> OcrFailedError.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess

import numpy as np
import pytesseract

from ..errors import OcrFailedError, OcrUnavailableError

DEBIAN_PACKAGES = "tesseract-ocr tesseract-ocr-jpn"
# Tesseract's script models are packaged apart from its languages (options.DEFAULT_LANG reads jpn
# with the Japanese script model beside it)
SCRIPT_PACKAGES = {"Japanese": "tesseract-ocr-script-jpan"}
TIMEOUT = 180  # seconds for one page
# the LSTM engine (the Debian jpn data has no legacy model)
BASE_CONFIG = "--oem 1"


def _install_hint(lang: str) -> str:
    # (i14) only real language codes have a package (kaigiroku/data/tesseract_languages.txt)
    from ..options import debian_package

    codes = [code for code in lang.split("+") if code not in ("jpn", "eng", "osd")]
    package = lambda code: SCRIPT_PACKAGES.get(code) or debian_package(code)  # noqa: E731
    unknown = [code for code in codes if package(code) is None]
    if unknown:
        return f"{'+'.join(unknown)} is not a Tesseract language code (e.g. jpn, eng, chi_sim, kor)"
    extra = " ".join(package(code) for code in codes)
    return f"install the Debian packages: apt-get install {DEBIAN_PACKAGES}{' ' + extra if extra else ''}"


def _cmd() -> str:
    return pytesseract.pytesseract.tesseract_cmd


def check_available(lang: str = "jpn") -> None:
    """Raise OcrUnavailableError unless tesseract runs and knows every language in `lang`."""
    cmd = _cmd()
    _check(shutil.which(cmd) or cmd, os.environ.get("TESSDATA_PREFIX"), lang)


def usable_lang(lang: str) -> str:
    """`lang` less a script model that is not installed, when a language is left to read with
    (jpn+Japanese -> jpn without tesseract-ocr-script-jpan, said once): the script model only
    second-guesses the words the language reads unsure. Anything else missing is check_available's."""
    codes = lang.split("+")
    scripts = [c for c in codes if c in SCRIPT_PACKAGES]
    if not scripts or len(scripts) == len(codes):
        return lang
    cmd = _cmd()
    try:
        known = _installed(shutil.which(cmd) or cmd, os.environ.get("TESSDATA_PREFIX"))
    except (OcrUnavailableError, OcrFailedError):
        return lang  # check_available says what is wrong, with the packages to install
    missing = [c for c in scripts if c not in known]
    if missing:
        _say_missing_script("+".join(missing))
    return "+".join(c for c in codes if c not in missing)


@functools.lru_cache(maxsize=4)
def _say_missing_script(codes: str) -> None:
    import logging

    logging.getLogger("kaigiroku").info(
        "OCR reads without Tesseract's %s script model, which is not installed (apt-get install %s): "
        "a few more kanji may be misread", codes, " ".join(SCRIPT_PACKAGES[c] for c in codes.split("+")))


@functools.lru_cache(maxsize=16)
def _check(cmd: str, tessdata: str | None, lang: str) -> None:
    known = _installed(cmd, tessdata, lang)
    missing = [code for code in lang.split("+") if code not in known]
    if missing:
        where = tessdata or "the default tessdata directory"
        installed = ", ".join(sorted(k for k in known if k != "osd"))  # (i14) say what there is instead
        raise OcrUnavailableError(f"tesseract has no language data for {'+'.join(missing)} in {where} "
                                  f"(installed: {installed or 'none'}); " + _install_hint(lang))


@functools.lru_cache(maxsize=16)
def _installed(cmd: str, tessdata: str | None, lang: str = "jpn") -> frozenset[str]:
    """The language codes `tesseract --list-langs` names (`lang` only words the install hint)."""
    if shutil.which(cmd) is None:
        raise OcrUnavailableError(f"OCR needs the tesseract program, which was not found ({cmd}); "
                                  + _install_hint(lang))
    try:
        proc = subprocess.run([cmd, "--list-langs"], capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        raise OcrFailedError("tesseract --list-langs timed out") from None
    except OSError as e:
        raise OcrUnavailableError(f"cannot run tesseract ({e.strerror or e}); " + _install_hint(lang)) from None
    if proc.returncode != 0:
        raise OcrFailedError(f"tesseract --list-langs failed (exit {proc.returncode}): "
                             f"{_last_line(proc.stderr or proc.stdout)}")
    # first line: 'List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (3):'
    out = (proc.stdout or "") + (proc.stderr or "")
    return frozenset(ln.strip() for ln in out.splitlines()[1:] if ln.strip())


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in (text or "").splitlines() if ln.strip()]
    return lines[-1] if lines else "no message"


def _uncompressed(image: np.ndarray):
    """The image as pytesseract should hand it over: a PNM file (pytesseract's default is PNG, whose
    compression cost about a tenth of a page's OCR time for nothing: the file lives a second)."""
    from PIL import Image

    pil = Image.fromarray(np.ascontiguousarray(image))
    pil.format = "PPM"  # written as PGM for a greyscale image
    return pil


def ocr_engine_data(image: np.ndarray, lang: str = "jpn", psm: int = 6, timeout: float | None = None) -> dict:
    """Run tesseract on a greyscale/binary image; return image_to_data's dict of lists
    (level, block_num, par_num, line_num, word_num, left, top, width, height, conf, text)."""
    check_available(lang)
    timeout = TIMEOUT if timeout is None else timeout
    # Tesseract's OpenMP threads cost more than they give (2-3x slower on a busy two-core machine);
    # pages run in parallel processes instead. A limit the user set is kept.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    config = f"{BASE_CONFIG} --psm {psm}"
    try:
        return pytesseract.image_to_data(_uncompressed(image), lang=lang, config=config, timeout=timeout,
                                         output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractNotFoundError:
        _check.cache_clear()
        _installed.cache_clear()
        raise OcrUnavailableError("OCR needs the tesseract program, which was not found; "
                                  + _install_hint(lang)) from None
    except pytesseract.TesseractError as e:
        msg = str(e.message or "").strip()
        if "Failed loading language" in msg or "couldn't load any languages" in msg:
            _check.cache_clear()
            _installed.cache_clear()
            raise OcrUnavailableError(f"tesseract cannot load language data for {lang}; "
                                      + _install_hint(lang)) from None
        raise OcrFailedError(f"tesseract failed (exit {e.status}): {_last_line(msg)}") from None
    except RuntimeError as e:  # pytesseract's 'Tesseract process timeout'
        if "timeout" in str(e).lower():
            raise OcrFailedError(f"tesseract took longer than {timeout:g} s on a page") from None
        raise OcrFailedError(f"tesseract failed: {e}") from None
    except (OSError, ValueError) as e:  # broken output files, unreadable TSV
        raise OcrFailedError(f"tesseract failed: {e}") from None
