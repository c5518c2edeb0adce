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
    ├── ExtractionError             an extractor failed on this page
    └── ParseTimeoutError           the page took longer than ``PageLimits.max_seconds``

``ExtractionError`` wraps the original exception (as ``__cause__``) and names the
stage, so a batch run can record which extractor broke on which page.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ArticlekitError",
    "DecodingError",
    "DecompressionError",
    "EmptyInputError",
    "ExtractionError",
    "InputError",
    "InputTooLargeError",
    "NotHtmlError",
    "ParseTimeoutError",
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


class ParseTimeoutError(ArticlekitError):
    """A page took longer than its time budget (``PageLimits.max_seconds``).

    The budget is checked between stages, so the parse stops at most one
    stage's time past it. ``stage`` names the last stage that ran (or
    ``None`` when the budget was spent before the first); ``elapsed`` and
    ``budget`` are in seconds.
    """

    def __init__(self, stage: str | None, elapsed: float, budget: float) -> None:
        where = f"after stage {stage!r}" if stage is not None else "before the first stage"
        super().__init__(f"parse took {elapsed:.3f} s, over its budget of {budget:g} s ({where})")
        self.stage = stage
        self.elapsed = elapsed
        self.budget = budget

    def __reduce__(self) -> tuple[Any, ...]:  # picklable across batch worker processes
        return (type(self), (self.stage, self.elapsed, self.budget))
