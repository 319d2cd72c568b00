"""Errors raised by marsad.

Every error marsad raises on purpose is a :class:`MarsadError` with a stable ``code`` that
scripts can test and that batch runs record next to the input that failed::

    MarsadError
     ├── InputError                  the input cannot be analysed (code names the reason)
     │    ├── EmptyInputError        "empty"
     │    ├── BinaryInputError       "binary"
     │    ├── DecodeError            "undecodable"
     │    ├── TooLargeError          "too-large"
     │    ├── NoArabicError          "no-arabic"
     │    └── UnreadableError        "unreadable" (missing file, permission, directory, ...)
     ├── PipelineError               "pipeline": stages in an impossible order, unknown stage
     ├── StageError                  "stage": a stage failed on one document
     ├── ModelError                  "model": a model file is missing or corrupted
     └── ConfigError                 "config": a bad setting or option value

The message of an input error always names the input and the reason.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base class of every error marsad raises on purpose."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(MarsadError):
    """An input (file, string, page, record) cannot be analysed."""

    code = "input"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class EmptyInputError(InputError):
    code = "empty"


class BinaryInputError(InputError):
    code = "binary"


class DecodeError(InputError):
    code = "undecodable"


class TooLargeError(InputError):
    code = "too-large"


class NoArabicError(InputError):
    code = "no-arabic"


class UnreadableError(InputError):
    code = "unreadable"


class PipelineError(MarsadError):
    """A pipeline cannot be built: unknown stage, or a stage before what it requires."""

    code = "pipeline"


class StageError(MarsadError):
    """A stage failed on one document (raised when the error policy is ``raise``)."""

    code = "stage"

    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        super().__init__(f"stage {stage!r} failed on {doc_id}: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.doc_id = doc_id
        self.cause = cause


class ModelError(MarsadError):
    """A model or data file that marsad needs is missing or corrupted."""

    code = "model"


class ConfigError(MarsadError):
    """A setting or option has a value marsad cannot use."""

    code = "config"
