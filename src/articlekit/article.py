"""The result types: ``Article`` and ``Removal``.

Both are frozen, slotted, keyword-only dataclasses with dumb constructors: the
pipeline computes every value, the classes only hold and serialise them. Use
``dataclasses.replace`` for variants: ``body``, ``paragraphs``, ``word_count``,
``links`` and ``images`` are read from ``blocks`` whenever asked, so they
cannot go stale. An Article is a value: it compares, hashes, pickles and
deep-copies.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timezone
from typing import Any, Literal

import regex

from .blocks import (
    Block,
    Figure,
    Link,
    Paragraph,
    Span,
    block_from_dict,
    block_paragraphs,
    iter_spans,
)

__all__ = [
    "Article",
    "FrozenMap",
    "Precision",
    "Removal",
    "Stamp",
    "stamp_from_iso",
    "stamp_precision",
    "stamp_to_iso",
    "stamp_utc",
]

#: A point in time as precise as the page states it: a timezone-aware
#: ``datetime`` when the page gives a time and zone, a naive one when it gives
#: no zone, a ``date`` when it gives only a day, and a ``time`` when a stamp
#: gives only a time of day and no day is known (never a guessed date).
Stamp = datetime | date | time

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME_ONLY = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2})?$")


def stamp_to_iso(value: Stamp | None) -> str | None:
    """ISO 8601 text of a stamp (``None`` stays ``None``)."""
    return None if value is None else value.isoformat()


def stamp_from_iso(text: str | None) -> Stamp | None:
    """Inverse of :func:`stamp_to_iso`: the ISO text's own precision is kept."""
    if text is None:
        return None
    if _DATE_ONLY.match(text):
        return date.fromisoformat(text)
    if _TIME_ONLY.match(text):
        return time.fromisoformat(text)
    if text.endswith("Z"):  # Python 3.10's fromisoformat does not read "Z"
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text)


@dataclass(frozen=True, slots=True, kw_only=True)
class Removal:
    """One piece of text that a stage took out of the article, and why.

    ``rule`` is the id of a row in a rule table (see :mod:`articlekit.rules`),
    so a golden file or ``articlekit parse --explain`` shows exactly which rule
    fired. ``moved_to`` names the field that received the text when it was data
    ("Updated: 9:45 p.m." → ``updated``) rather than chrome.
    """

    stage: str
    rule: str
    text: str
    reason: str
    moved_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "stage": self.stage,
            "rule": self.rule,
            "text": self.text,
            "reason": self.reason,
            "moved_to": self.moved_to,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Removal:
        return cls(
            stage=data["stage"],
            rule=data["rule"],
            text=data["text"],
            reason=data["reason"],
            moved_to=data.get("moved_to"),
        )


#: How precise a stamp is: a zoned date-time, a date-time with no zone, a day,
#: or a time of day with no known day.
Precision = Literal["datetime", "naive-datetime", "date", "time"]


def stamp_precision(value: Stamp | None) -> Precision | None:
    """The precision of ``value`` (``None`` for no stamp)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return "datetime" if value.tzinfo is not None else "naive-datetime"
    if isinstance(value, date):
        return "date"
    return "time"


def stamp_utc(value: Stamp | None) -> datetime | None:
    """A sortable, aware UTC form of ``value``: a zoned date-time converted to
    UTC, a date-time without zone read as UTC, a day as its UTC midnight; a bare
    time of day has no place on the calendar and gives ``None``."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    return None


def _frozen(value: Any) -> Any:
    """``value`` with lists, sets and dicts made immutable (tuples, frozensets, FrozenMaps)."""
    if isinstance(value, Mapping):
        return FrozenMap(value)
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(_frozen(v) for v in value)
    return value


class FrozenMap(Mapping[str, Any]):
    """An immutable mapping that hashes, pickles and compares like a dict.

    The Article's ``provenance`` and ``extra``: ``types.MappingProxyType``
    neither pickles nor hashes. Nested lists and dicts are frozen too.
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, Any] | None = None) -> None:
        self._items: dict[str, Any] = {k: _frozen(v) for k, v in (items or {}).items()}

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._items) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._items,))


def _thawed(value: Any) -> Any:
    """``value`` as plain JSON-ready lists and dicts."""
    if isinstance(value, Mapping):
        return {k: _thawed(v) for k, v in value.items()}
    if isinstance(value, (tuple, list, frozenset, set)):
        return [_thawed(v) for v in value]
    return value


_WORD = regex.compile(r"\w+")
#: Keys of :meth:`Article.to_dict` that are read from the blocks, not stored.
DERIVED_KEYS = ("body", "paragraphs", "word_count")
#: Characters of the body shown by ``repr()``.
REPR_BODY_CHARS = 60


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One article as extracted from a page or a text dump.

    Text fields are ``None`` when the page does not give them; list-like fields
    are tuples (empty when there are none). ``blocks`` is the body, typed (see
    :mod:`articlekit.blocks`). ``provenance`` maps a field name to
    ``"<stage>:<source>"``, e.g. ``"meta:meta[property=article:published_time]"``.
    ``extra`` holds fields that custom stages set (see docs/pipeline.md).
    """

    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    published: Stamp | None = None
    published_text: str | None = None
    updated: Stamp | None = None
    updated_text: str | None = None
    tags: tuple[str, ...] = ()
    section: str | None = None
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: str | None = None
    blocks: tuple[Block, ...] = ()
    #: Readers' comments below the article, one text each, when asked for
    #: (``BodyOptions(include_comments=True)``, ``--comments``); never part
    #: of the body.
    comments: tuple[str, ...] = ()
    #: How sure the pipeline is that the page is one article, 0 to 1 (see
    #: :mod:`articlekit.extractors.verdict`); None when no stage judged it.
    article_score: float | None = None
    removed: tuple[Removal, ...] = ()
    provenance: FrozenMap = field(default_factory=FrozenMap)
    extra: FrozenMap = field(default_factory=FrozenMap)
    warnings: tuple[str, ...] = ()

    @property
    def is_article(self) -> bool:
        """Whether the page is one article (``article_score`` at least
        ``ARTICLE_SCORE_THRESHOLD``); true when no stage judged it."""
        from .extractors.verdict import judged_an_article

        return judged_an_article(self.article_score)

    # -- read from the blocks ---------------------------------------------------

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The body's paragraphs: a list item or table row is one, a figure none."""
        return tuple(p for block in self.blocks for p in block_paragraphs(block))

    @property
    def body(self) -> str:
        """The paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    @property
    def word_count(self) -> int:
        """``\\w+`` tokens of the body."""
        return len(_WORD.findall(self.body))

    @property
    def links(self) -> tuple[Link, ...]:
        """The links of the article's text, in reading order."""
        return tuple(
            Link(text=span.text.strip(), url=span.href, internal=_internal(span.href, self.url))
            for span in iter_spans(self.blocks)
            if span.href is not None
        )

    @property
    def images(self) -> tuple[Figure, ...]:
        """The article's figures, in reading order."""
        return tuple(block for block in self.blocks if isinstance(block, Figure))

    @property
    def lead_image(self) -> Figure | None:
        """The picture that leads the article: the page's marked image
        (og:image and the like) with the caption of the figure that shows it,
        else the first figure of the body."""
        figures = self.images
        if self.image is None:
            return figures[0] if figures else None
        for figure in figures:
            if figure.src == self.image:
                return figure
        return Figure(src=self.image)

    @property
    def published_at(self) -> datetime | None:
        """``published`` as an aware UTC datetime, sortable across pages (see
        :func:`stamp_utc`); ``published_precision`` says how much of it is known."""
        return stamp_utc(self.published)

    @property
    def published_precision(self) -> Precision | None:
        return stamp_precision(self.published)

    @property
    def updated_at(self) -> datetime | None:
        """``updated`` as an aware UTC datetime (see :attr:`published_at`)."""
        return stamp_utc(self.updated)

    @property
    def updated_precision(self) -> Precision | None:
        return stamp_precision(self.updated)

    def __repr__(self) -> str:
        body = self.body
        excerpt = body[:REPR_BODY_CHARS] + ("…" if len(body) > REPR_BODY_CHARS else "")
        published = stamp_to_iso(self.published)
        return (
            f"Article(title={self.title!r}, published={published!r}, "
            f"authors={self.authors!r}, words={self.word_count}, blocks={len(self.blocks)}, "
            f"removed={len(self.removed)}, body={excerpt!r})"
        )

    # -- serialisation -------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; keys follow the corpus truth format where they
        overlap. ``body``, ``paragraphs`` and ``word_count`` are included (read
        from the blocks) for readers that want plain text."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("published", "updated"):
                value = stamp_to_iso(value)
            elif f.name == "removed":
                value = [r.to_dict() for r in value]
            elif f.name == "blocks":
                value = [block.to_dict() for block in value]
                # Read from the blocks once: each property would walk them again.
                paragraphs = self.paragraphs
                body = "\n".join(paragraphs)
                out["body"] = body
                out["paragraphs"] = list(paragraphs)
                out["word_count"] = len(_WORD.findall(body))
            elif f.name in ("provenance", "extra"):
                value = _thawed(value)
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an Article from :meth:`to_dict` output; unknown keys are an error.

        Without ``blocks`` (JSON written before blocks existed), ``paragraphs``
        or else ``body`` lines become paragraph blocks.
        """
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known - set(DERIVED_KEYS)
        if unknown:
            raise ValueError(f"unknown Article keys: {', '.join(sorted(unknown))}")
        kwargs: dict[str, Any] = {}
        for name, value in data.items():
            if name in DERIVED_KEYS:
                continue
            if name in ("published", "updated"):
                value = stamp_from_iso(value)
            elif name == "removed":
                value = tuple(Removal.from_dict(r) for r in value)
            elif name == "blocks":
                value = tuple(block_from_dict(b) for b in value)
            elif name in ("provenance", "extra"):
                value = FrozenMap(value)
            elif isinstance(value, list):
                value = tuple(value)
            kwargs[name] = value
        if "blocks" not in kwargs:
            lines = data.get("paragraphs") or str(data.get("body") or "").splitlines()
            kwargs["blocks"] = tuple(Paragraph((Span(line),)) for line in lines if line)
        return cls(**kwargs)

    @classmethod
    def from_json(cls, text: str) -> Article:
        return cls.from_dict(json.loads(text))

    @staticmethod
    def json_schema() -> dict[str, Any]:
        """The JSON Schema (draft 2020-12) that :meth:`to_dict` output follows,
        shipped as ``articlekit/schema/article.schema.json``."""
        from importlib.resources import files

        text = files("articlekit").joinpath("schema/article.schema.json").read_text("utf-8")
        schema: dict[str, Any] = json.loads(text)
        return schema

    # -- renderings ----------------------------------------------------------

    def to_text(self) -> str:
        """Headline, a blank line, then the body."""
        from .render import to_text

        return to_text(self)

    def to_markdown(self) -> str:
        """CommonMark (with GFM tables): headline, dek, byline and dates, the
        blocks, tags. Text that would read as markup is escaped."""
        from .render import to_markdown

        return to_markdown(self)

    def to_html(self) -> str:
        """A minimal, safe HTML document: no scripts, event attributes, styles
        or ``javascript:`` links, whatever the source page held."""
        from .render import to_html

        return to_html(self)


def _internal(url: str, base: str | None) -> bool:
    from .pieces import is_internal

    return is_internal(url, base)
