"""The exceptions articlekit raises, all under one base class.

::

    ArticlekitError                 catch this to catch everything of ours
    ├── InputError                  the input cannot be read as a page
    │   ├── EmptyInputError         nothing but whitespace (or nothing at all)
    │   ├── InputTooLargeError      over the size limit of ``PageLimits``
    │   ├── NotHtmlError            binary data, or no markup that parses
    │   ├── DecodingError           bytes that no encoding explains
    │   └── DecompressionError      a gzip/bzip2 file or stream that does not decompress
    ├── PipelineError               a pipeline that cannot be built as asked
    │   ├── UnknownStageError       a stage name that is not in the pipeline
    │   └── UnmetRequirementError   a stage whose required fields nobody provides
    └── ExtractionError             an extractor failed on this page

``ExtractionError`` wraps the original exception (as ``__cause__``) and names the
stage, so a batch run can record which extractor broke on which page.
"""

from __future__ import annotations

__all__ = [
    "ArticlekitError",
    "DecodingError",
    "DecompressionError",
    "EmptyInputError",
    "ExtractionError",
    "InputError",
    "InputTooLargeError",
    "NotHtmlError",
    "PipelineError",
    "UnknownStageError",
    "UnmetRequirementError",
]


class ArticlekitError(Exception):
    """Base class of every error articlekit raises on purpose."""


class InputError(ArticlekitError):
    """The input cannot be read as a page."""


class EmptyInputError(InputError):
    """The input is empty or only whitespace."""


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""


class NotHtmlError(InputError):
    """The input is binary data or holds no markup that parses."""


class DecodingError(InputError):
    """The bytes cannot be decoded as text."""


class DecompressionError(InputError):
    """A path or open file holds gzip or bzip2 data that does not decompress."""


class PipelineError(ArticlekitError):
    """A pipeline was built or changed in a way that cannot work."""


class UnknownStageError(PipelineError, KeyError):
    """A stage name that the pipeline does not hold."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class UnmetRequirementError(PipelineError):
    """A stage requires a field that no earlier stage provides."""


class ExtractionError(ArticlekitError):
    """An extractor failed on a page; ``stage`` names it."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"stage {stage!r} failed: {message}")
        self.stage = stage
