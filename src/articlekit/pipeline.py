"""The extractor pipeline: an immutable, ordered list of named stages.

The stage contract (:class:`Extractor`, :class:`Finding`, :class:`Draft`)
lives in :mod:`.stage`; this module orders stages, validates what they
require and read, and runs them.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

from .article import Article
from .errors import (
    ArticlekitError,
    ExtractionError,
    ParseTimeoutError,
    PipelineError,
    UnknownStageError,
    UnmetRequirementError,
)
from .page import Page
from .stage import (
    ARTICLE_FIELDS,
    WORKING_FIELDS,
    Draft,
    Extractor,
    Finding,
    Hint,
    stage_reads,
)

__all__ = [
    "ARTICLE_FIELDS",
    "WORKING_FIELDS",
    "Draft",
    "Extractor",
    "Finding",
    "Hint",
    "Pipeline",
]


class Pipeline(Sequence[Extractor]):
    """An immutable, ordered list of named stages. Order is precedence.

    Every changing method returns a new pipeline; construction checks names are
    unique, fields are known, and each stage's ``requires`` is provided by an
    earlier stage. With ``strict=True`` a failing stage raises
    :class:`~articlekit.errors.ExtractionError`; by default its failure becomes
    a warning on the Article and the other stages still run.
    """

    __slots__ = ("_stages", "strict")

    def __init__(self, stages: Sequence[Extractor], *, strict: bool = False) -> None:
        self._stages: tuple[Extractor, ...] = tuple(stages)
        self.strict = strict
        self._validate()

    @classmethod
    def default(cls, *, strict: bool = False) -> Pipeline:
        """The standard stages, in their standard order."""
        from .extractors import default_stages

        return cls(default_stages(), strict=strict)

    # -- reading ---------------------------------------------------------------

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self._stages)

    def __len__(self) -> int:
        return len(self._stages)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, str):
            return self._stages[self._index(index)]
        return self._stages[index]

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(self.names)}])"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and self._stages == other._stages

    def __hash__(self) -> int:
        return hash(self._stages)

    # -- deriving new pipelines ------------------------------------------------

    def without(self, *names: str) -> Pipeline:
        """A copy with the named stages removed."""
        for name in names:
            self._index(name)
        return Pipeline([s for s in self._stages if s.name not in names], strict=self.strict)

    def replace(self, name: str, extractor: Extractor) -> Pipeline:
        """A copy with stage ``name`` replaced by ``extractor``."""
        i = self._index(name)
        return Pipeline([*self._stages[:i], extractor, *self._stages[i + 1 :]], strict=self.strict)

    def insert(
        self, extractor: Extractor, *, before: str | None = None, after: str | None = None
    ) -> Pipeline:
        """A copy with ``extractor`` added before or after a named stage (or last)."""
        if before is not None and after is not None:
            raise PipelineError("give before= or after=, not both")
        if before is not None:
            i = self._index(before)
        elif after is not None:
            i = self._index(after) + 1
        else:
            i = len(self._stages)
        return Pipeline([*self._stages[:i], extractor, *self._stages[i:]], strict=self.strict)

    def with_strict(self, strict: bool = True) -> Pipeline:
        return Pipeline(self._stages, strict=strict)

    # -- running -----------------------------------------------------------------

    def run(
        self,
        page: Page,
        *,
        given: Mapping[str, Any] | None = None,
        max_seconds: float | None = None,
        started: float | None = None,
    ) -> Article:
        """Run every stage on ``page`` and assemble the Article.

        ``given`` holds values the caller already knows (say, a dump's
        publication date); they win over every stage.

        ``max_seconds`` is a time budget (``PageLimits.max_seconds``; ``parse()``
        passes it), counted from ``started`` (a :func:`time.monotonic` value,
        by default the call itself). The clock is read before each stage and
        before the Article is assembled; once the budget is spent,
        :class:`~articlekit.errors.ParseTimeoutError` is raised there. A
        running stage is never interrupted (that would need threads or
        signals, which a library cannot own), so a parse may overrun its
        budget by at most the time of one stage (or of the final assembly).
        """
        start = time.monotonic() if started is None else started

        def check_deadline(last: str | None) -> None:
            if max_seconds is None:
                return
            elapsed = time.monotonic() - start
            if elapsed >= max_seconds:
                raise ParseTimeoutError(last, elapsed, max_seconds)

        draft = Draft()
        for message in page.warnings:
            draft.warn(message)
        if given:
            finding = Finding()
            for name, value in given.items():
                finding.set(name, value, "argument")
            draft.merge("caller", finding)
        last: str | None = None
        for stage in self._stages:
            check_deadline(last)
            last = stage.name
            try:
                finding = stage(page, draft)
            except ArticlekitError:
                raise
            except (Exception, RecursionError) as exc:  # a stage bug must not lose the page
                if self.strict:
                    raise ExtractionError(stage.name, repr(exc)) from exc
                draft.warn(f"stage {stage.name!r} failed: {exc!r}")
                continue
            draft.merge(stage.name, finding)
        check_deadline(last)
        return draft.to_article(page.url)

    # -- internals -------------------------------------------------------------

    def _index(self, name: str) -> int:
        for i, stage in enumerate(self._stages):
            if stage.name == name:
                return i
        valid = ", ".join(self.names) or "(none)"
        raise UnknownStageError(f"no stage named {name!r}; the stages are: {valid}")

    def _validate(self) -> None:
        known = ARTICLE_FIELDS | WORKING_FIELDS
        seen: set[str] = set()
        provided: set[str] = set()
        for stage in self._stages:
            if not isinstance(stage, Extractor):
                raise PipelineError(
                    f"{stage!r} is not an extractor (name, provides, requires, call)"
                )
            if stage.name in seen:
                raise PipelineError(f"two stages are named {stage.name!r}")
            seen.add(stage.name)
            unknown = set(stage.provides) - known
            if unknown:
                raise PipelineError(
                    f"stage {stage.name!r} provides unknown fields {sorted(unknown)}; "
                    f"known fields: {', '.join(sorted(known))}"
                )
            missing = set(stage.requires) - provided
            if missing:
                raise UnmetRequirementError(
                    f"stage {stage.name!r} requires {sorted(missing)}, which no earlier "
                    f"stage provides (stages: {', '.join(s.name for s in self._stages)})"
                )
            self._check_read_order(stage, provided)
            provided |= set(stage.provides)

    def _check_read_order(self, stage: Extractor, provided: set[str]) -> None:
        """A field ``stage`` reads must not be provided only by a later stage:
        that order would run it without the value and degrade silently."""
        reads = stage_reads(stage) - provided
        if not reads:
            return
        later = self._stages[self._stages.index(stage) + 1 :]
        for other in later:
            late = reads & set(other.provides)
            if late:
                raise UnmetRequirementError(
                    f"stage {stage.name!r} reads {sorted(late)}, which stage {other.name!r} "
                    f"provides only after it; move {other.name!r} before {stage.name!r} "
                    f"(stages: {', '.join(s.name for s in self._stages)})"
                )
