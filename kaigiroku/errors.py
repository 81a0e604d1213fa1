"""Errors users can script against: each kind of bad input has its own exit code."""
from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    SOME_FAILED = 1  # batch: at least one input failed
    USAGE = 2  # bad command line (typer/click also uses 2)
    MISSING_FILE = 3
    NOT_A_FILE = 4  # a directory or special file where a file was expected
    UNREADABLE_TEXT = 5  # binary or undecodable bytes, unknown encoding
    EMPTY_DOCUMENT = 6
    NOT_A_PDF = 7
    ENCRYPTED_PDF = 8
    CORRUPT_PDF = 9
    NO_TEXT_LAYER = 10  # a page with no text and OCR disabled
    OCR_UNAVAILABLE = 11  # tesseract or its language data missing
    OCR_FAILED = 12
    PERMISSION_DENIED = 13
    TOO_LARGE = 14  # a page or image beyond the safety limits
    OUTPUT_IS_INPUT = 15  # -o names the input file itself (or a link to it): refused, nothing written
    NOT_JSON = 16  # `score`: a file that is not JSON, or JSON that is not minutes
    OUT_OF_MEMORY = 17  # the input needed more memory than there is (or than --memory-limit allows)
    RAY_UNAVAILABLE = 18  # batch --executor ray: Ray not installed, or its cluster not reachable
    INTERNAL_ERROR = 70  # a bug in kaigiroku (sysexits' EX_SOFTWARE): please report it
    INTERRUPTED = 130


class KaigirokuError(Exception):
    """An error with a one-line message for the user and an exit code."""

    code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, code: ExitCode | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code


class InputError(KaigirokuError):
    pass


class MissingFileError(InputError):
    code = ExitCode.MISSING_FILE


class NotAFileError(InputError):
    code = ExitCode.NOT_A_FILE


class UnreadableTextError(InputError):
    code = ExitCode.UNREADABLE_TEXT


class EmptyDocumentError(InputError):
    code = ExitCode.EMPTY_DOCUMENT


class NotAPdfError(InputError):
    code = ExitCode.NOT_A_PDF


class EncryptedPdfError(InputError):
    code = ExitCode.ENCRYPTED_PDF


class CorruptPdfError(InputError):
    code = ExitCode.CORRUPT_PDF


class NoTextLayerError(InputError):
    code = ExitCode.NO_TEXT_LAYER


class OcrUnavailableError(KaigirokuError):
    code = ExitCode.OCR_UNAVAILABLE


class OcrFailedError(KaigirokuError):
    code = ExitCode.OCR_FAILED


class PermissionDeniedError(InputError):
    code = ExitCode.PERMISSION_DENIED


class TooLargeError(InputError):
    code = ExitCode.TOO_LARGE


class OutputIsInputError(KaigirokuError):
    code = ExitCode.OUTPUT_IS_INPUT


class NotJsonError(InputError):
    code = ExitCode.NOT_JSON
