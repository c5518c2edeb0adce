"""The result types: ``Article`` and ``Removal``.

Both are frozen, slotted, keyword-only dataclasses with dumb constructors: the
pipeline computes every value, the classes only hold and serialise them. Use
``dataclasses.replace`` for variants.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from types import MappingProxyType
from typing import Any

__all__ = ["Article", "Removal", "Stamp", "stamp_from_iso", "stamp_to_iso"]

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


def _empty_mapping() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One article as extracted from a page or a text dump.

    Text fields are ``None`` when the page does not give them; list-like fields
    are tuples (empty when there are none). ``provenance`` maps a field name to
    ``"<stage>:<source>"``, e.g. ``"meta:meta[property=article:published_time]"``.
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
    body: str = ""
    paragraphs: tuple[str, ...] = ()
    word_count: int = 0
    removed: tuple[Removal, ...] = ()
    provenance: Mapping[str, str] = field(default_factory=_empty_mapping)
    warnings: tuple[str, ...] = ()

    # -- serialisation -------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; keys follow the corpus truth format where they overlap."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("published", "updated"):
                value = stamp_to_iso(value)
            elif f.name == "removed":
                value = [r.to_dict() for r in value]
            elif f.name == "provenance":
                value = dict(value)
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an Article from :meth:`to_dict` output; unknown keys are an error."""
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown Article keys: {', '.join(sorted(unknown))}")
        kwargs: dict[str, Any] = {}
        for name, value in data.items():
            if name in ("published", "updated"):
                value = stamp_from_iso(value)
            elif name == "removed":
                value = tuple(Removal.from_dict(r) for r in value)
            elif name == "provenance":
                value = MappingProxyType(dict(value))
            elif isinstance(value, list):
                value = tuple(value)
            kwargs[name] = value
        return cls(**kwargs)

    @classmethod
    def from_json(cls, text: str) -> Article:
        return cls.from_dict(json.loads(text))

    # -- renderings ----------------------------------------------------------

    def to_text(self) -> str:
        """Headline, a blank line, then the body."""
        head = f"{self.title}\n\n" if self.title else ""
        return head + self.body + "\n"

    def to_markdown(self) -> str:
        """A Markdown document: headline, a byline/date line, tags, body."""
        lines: list[str] = []
        if self.title:
            lines += [f"# {self.title}", ""]
        if self.subtitle:
            lines += [f"*{self.subtitle}*", ""]
        meta = []
        if self.authors:
            meta.append("By " + ", ".join(self.authors))
        if self.published is not None:
            meta.append(f"Published {self.published.isoformat()}")
        if self.updated is not None:
            meta.append(f"Updated {self.updated.isoformat()}")
        if meta:
            lines += [" · ".join(meta), ""]
        lines += [p for para in self.paragraphs for p in (para, "")]
        if self.tags:
            lines.append("Tags: " + ", ".join(self.tags))
        return "\n".join(lines).rstrip() + "\n"
