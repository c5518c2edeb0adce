"""The stage contract: what a stage is, what it returns, what it reads.

A stage (an *extractor*) is any object with a ``name``, the fields it
``provides``, the fields it ``requires`` from earlier stages, and
``__call__(page, so_far) -> Finding``. It may also declare ``reads``: fields
it uses when an earlier stage set them, and works without. For each field
the first stage that sets it wins, so order is precedence. Stages may also
leave *hints*: lower-trust evidence (a ``<title>``, JSON-LD ``keywords``)
that later stages weigh and that fills a field no stage set.

This module imports no stage, so the stages and :mod:`.pipeline` both build
on it without a cycle.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol, runtime_checkable

from .article import Article, FrozenMap, Removal, Stamp
from .blocks import Paragraph, Span
from .page import Page
from .pieces import build_blocks, resolve_url

__all__ = [
    "ARTICLE_FIELDS",
    "WORKING_FIELDS",
    "Draft",
    "Extractor",
    "Finding",
    "Hint",
    "stage_reads",
]

#: Article fields a stage may set. The rest (removed, provenance, warnings)
#: are computed when the Article is assembled; ``paragraphs`` (plain strings,
#: one paragraph block each) is accepted for stages written before blocks.
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
        "blocks",
        "paragraphs",
        "comments",
        "extra",
        "article_score",
    }
)

#: Longest value (in characters) each text field may hold; for ``authors`` and
#: ``tags``, each name. A value over its limit is a data dump, not a headline
#: or a name (a whole article pasted into a JSON-LD ``headline``, a paragraph
#: in an author's ``name``): it is refused with a warning naming where it came
#: from. Real values sit far below: headlines are under 300 characters (the
#: headline stage takes no longer heading), names and tags under 100.
FIELD_MAX_CHARS: Mapping[str, int] = {
    "title": 300,
    "subtitle": 1_000,
    "section": 200,
    "site_name": 200,
    "authors": 100,
    "tags": 100,
}

#: Intermediate fields passed between stages but not part of the Article.
#: ``candidate_pieces`` is the body before cleaning and ``pieces`` after it
#: (tuples of :class:`~articlekit.pieces.Piece`, each with its page element);
#: ``element_verdicts`` the element rows' verdict on each candidate piece,
#: judged by the body stage when it weighed its lists (see
#: :mod:`articlekit.extractors.element_rules`); ``stamp_lines`` the stamp
#: lines the dates stage read, each matched and parsed once
#: (:class:`~articlekit.extractors.stamp_lines.StampLines`), which the
#: cleaning stage reuses; ``title_element`` the headline's element, around
#: which bylines and datelines are looked for first.
WORKING_FIELDS = frozenset(
    {"candidate_pieces", "element_verdicts", "pieces", "stamp_lines", "title_element"}
)


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
        self._check_stamp_order()
        self._refuse_oversized()
        kwargs = {
            k: v
            for k, v in values.items()
            if k in ARTICLE_FIELDS and k not in ("blocks", "paragraphs", "extra")
        }
        for name in ("authors", "tags", "comments"):
            if name in kwargs:
                kwargs[name] = tuple(kwargs[name])
        kwargs.setdefault("url", url)
        for name in ("canonical_url", "image"):  # pages often give them relative
            if isinstance(kwargs.get(name), str):
                kwargs[name] = resolve_url(kwargs[name], url)
        return Article(
            **kwargs,
            blocks=self._blocks(url),
            extra=FrozenMap(values.get("extra") or {}),
            removed=tuple(self._removed),
            provenance=FrozenMap(
                {k: v for k, v in self._provenance.items() if k in ARTICLE_FIELDS}
            ),
            warnings=tuple(self._warnings),
        )

    def _refuse_oversized(self) -> None:
        """Drop field values over :data:`FIELD_MAX_CHARS`, each with a warning."""
        for name, limit in FIELD_MAX_CHARS.items():
            value = self._values.get(name)
            source = self._provenance.get(name, "?")
            if isinstance(value, str) and len(value) > limit:
                del self._values[name]
                self._provenance.pop(name, None)
                self.warn(
                    f"{name} of {len(value):,} characters refused (limit {limit:,}; from {source})"
                )
            elif isinstance(value, (tuple, list)):
                kept = tuple(v for v in value if not (isinstance(v, str) and len(v) > limit))
                if len(kept) < len(value):
                    self._values[name] = kept
                    self.warn(
                        f"{len(value) - len(kept)} {name} entries over {limit:,} characters "
                        f"refused (from {source})"
                    )

    def _blocks(self, url: str | None) -> tuple[Any, ...]:
        """The body's blocks: set by a stage, else built from plain paragraphs a
        stage set, else from the cleaned (or, without a cleaning stage, the
        candidate) pieces."""
        values, provenance = self._values, self._provenance
        if "blocks" in values:
            return tuple(values["blocks"])
        if "paragraphs" in values:
            provenance["blocks"] = provenance["paragraphs"]
            return tuple(Paragraph((Span(text),)) for text in values["paragraphs"] if text)
        for name in ("pieces", "candidate_pieces"):
            if values.get(name):
                # "paragraphs" too: they are read from the blocks.
                provenance["blocks"] = provenance["paragraphs"] = provenance[name]
                return build_blocks(values[name], url)
        return ()

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
    """What a pipeline stage looks like (``reads`` is optional: see :func:`stage_reads`)."""

    name: str
    provides: frozenset[str]
    requires: frozenset[str]

    def __call__(self, page: Page, so_far: Draft) -> Finding: ...


def stage_reads(stage: Extractor) -> frozenset[str]:
    """Fields ``stage`` uses when an earlier stage set them (its ``reads``,
    empty when it declares none): a stage that provides one of them must not
    come after it."""
    return frozenset(getattr(stage, "reads", frozenset()))
