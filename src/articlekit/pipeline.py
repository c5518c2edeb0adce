"""The extractor pipeline: named stages, their findings, and the merge.

A stage (an *extractor*) is any object with a ``name``, the fields it
``provides``, the fields it ``requires`` from earlier stages, and
``__call__(page, so_far) -> Finding``. The pipeline runs stages in order; for
each field the first stage that sets it wins, so order is precedence. Stages
may also leave *hints*: lower-trust evidence (a ``<title>``, JSON-LD
``keywords``) that later stages weigh and that fills a field no stage set.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

import regex

from .article import Article, Removal, Stamp
from .errors import (
    ArticlekitError,
    ExtractionError,
    PipelineError,
    UnknownStageError,
    UnmetRequirementError,
)
from .page import Page

__all__ = [
    "ARTICLE_FIELDS",
    "WORKING_FIELDS",
    "Draft",
    "Extractor",
    "Finding",
    "Hint",
    "Pipeline",
]

#: Article fields a stage may set. The rest (body, word_count, removed,
#: provenance, warnings) are computed when the Article is assembled.
ARTICLE_FIELDS = frozenset(
    {
        "url",
        "canonical_url",
        "title",
        "subtitle",
        "authors",
        "published",
        "published_text",
        "updated",
        "updated_text",
        "tags",
        "section",
        "language",
        "site_name",
        "description",
        "image",
        "paragraphs",
    }
)

#: Intermediate fields passed between stages but not part of the Article.
#: ``candidate_paragraphs`` is the body before chrome stripping;
#: ``title_element`` the headline's element, around which bylines and
#: datelines are looked for first.
WORKING_FIELDS = frozenset({"candidate_paragraphs", "title_element"})

_WORD = regex.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Hint:
    """Evidence for a field: a value, the stage that saw it and where."""

    field: str
    value: Any
    stage: str
    source: str


@dataclass(slots=True)
class Finding:
    """What one stage found on one page; filled by the stage, read by the pipeline."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    hints: list[tuple[str, Any, str]] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def set(self, name: str, value: Any, source: str) -> None:
        """Propose ``value`` for ``name`` (ignored when empty), citing ``source``."""
        if value is None or value == "" or value == ():
            return
        if name not in self.values:
            self.values[name] = value
            self.sources[name] = source

    def hint(self, name: str, value: Any, source: str) -> None:
        """Record lower-trust evidence for ``name``."""
        if value is not None and value != "" and value != ():
            self.hints.append((name, value, source))


class Draft(Mapping[str, Any]):
    """The merged state so far: read-only for stages."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}
        self._provenance: dict[str, str] = {}
        self._hints: list[Hint] = []
        self._removed: list[Removal] = []
        self._warnings: list[str] = []

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def hints(self, name: str) -> list[Hint]:
        """Every hint for ``name``, most trusted (earliest stage) first."""
        return [h for h in self._hints if h.field == name]

    def provenance(self, name: str) -> str | None:
        return self._provenance.get(name)

    def merge(self, stage: str, finding: Finding) -> None:
        for name, value in finding.values.items():
            if name not in self._values:
                self._values[name] = value
                self._provenance[name] = f"{stage}:{finding.sources.get(name, '?')}"
        self._hints.extend(Hint(n, v, stage, s) for n, v, s in finding.hints)
        self._removed.extend(finding.removed)
        self._warnings.extend(finding.warnings)

    def warn(self, message: str) -> None:
        self._warnings.append(message)

    # -- assembling the Article -------------------------------------------------

    def to_article(self, url: str | None) -> Article:
        for hint in self._hints:  # fields no stage set fall back to the best hint
            if hint.field in ARTICLE_FIELDS and hint.field not in self._values:
                self._values[hint.field] = hint.value
                self._provenance[hint.field] = f"{hint.stage}:{hint.source}"
        values = self._values
        paragraphs = tuple(values.get("paragraphs") or values.get("candidate_paragraphs") or ())
        if "paragraphs" not in values and paragraphs:
            self._provenance["paragraphs"] = self._provenance.get("candidate_paragraphs", "?")
        self._check_stamp_order()
        body = "\n".join(paragraphs)
        kwargs = {k: v for k, v in values.items() if k in ARTICLE_FIELDS and k != "paragraphs"}
        for name in ("authors", "tags"):
            if name in kwargs:
                kwargs[name] = tuple(kwargs[name])
        kwargs.setdefault("url", url)
        return Article(
            **kwargs,
            body=body,
            paragraphs=paragraphs,
            word_count=len(_WORD.findall(body)),
            removed=tuple(self._removed),
            provenance=MappingProxyType(
                {k: v for k, v in self._provenance.items() if k in ARTICLE_FIELDS}
            ),
            warnings=tuple(self._warnings),
        )

    def _check_stamp_order(self) -> None:
        published, updated = self._values.get("published"), self._values.get("updated")
        if published is None or updated is None:
            return
        if _comparable_day(updated) is not None and _stamp_before(updated, published):
            self._warnings.append(
                f"updated stamp {updated.isoformat()} is before published "
                f"{published.isoformat()}: dropped"
            )
            for name in ("updated", "updated_text"):
                self._values.pop(name, None)
                self._provenance.pop(name, None)


def _comparable_day(stamp: Stamp) -> date | None:
    if isinstance(stamp, datetime):
        return stamp.date()
    if isinstance(stamp, date):
        return stamp
    return None  # a bare time of day cannot be ordered against a date


#: Two stamps this close are one moment written twice (a CMS storing the
#: modification a few milliseconds or seconds before the publication).
SAME_MOMENT = timedelta(minutes=1)


def _stamp_before(a: Stamp, b: Stamp) -> bool:
    """``a < b`` at the precision both give; unknowable pairs and stamps less
    than :data:`SAME_MOMENT` apart are not 'before'."""
    if (
        isinstance(a, datetime)
        and isinstance(b, datetime)
        and (a.tzinfo is None) == (b.tzinfo is None)
    ):
        return a < b - SAME_MOMENT
    day_a, day_b = _comparable_day(a), _comparable_day(b)
    if day_a is None or day_b is None or isinstance(a, time) or isinstance(b, time):
        return False
    return day_a < day_b


@runtime_checkable
class Extractor(Protocol):
    """What a pipeline stage looks like."""

    name: str
    provides: frozenset[str]
    requires: frozenset[str]

    def __call__(self, page: Page, so_far: Draft) -> Finding: ...


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

    def run(self, page: Page, *, given: Mapping[str, Any] | None = None) -> Article:
        """Run every stage on ``page`` and assemble the Article.

        ``given`` holds values the caller already knows (say, a dump's
        publication date); they win over every stage.
        """
        draft = Draft()
        if given:
            finding = Finding()
            for name, value in given.items():
                finding.set(name, value, "argument")
            draft.merge("caller", finding)
        for stage in self._stages:
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
            provided |= set(stage.provides)
