"""Per-field comparison policy for expected files: ``exact``, ``ignore`` or ``tolerant``.

Set globally in ``pyproject.toml``::

    [tool.articlekit.fixtures]
    article_score = "ignore"
    body = "tolerant"        # body F1 >= min_f1 (our corpus measure)
    published = "tolerant"   # the same calendar day
    min_f1 = 0.95

and per page under the ``fixture`` key of an expected file
(``{"fixture": {"policy": {"title": "ignore"}}}``), which wins over the global table.

``tolerant`` means, by field: text (title, body, …) equal after normalising
case and spaces, or a body F1 of at least ``min_f1``; dates (published,
updated) the same calendar day as written; names (authors, tags) the same set
after normalising. Other fields are ``exact`` or ``ignore`` only. ``paragraphs``,
``blocks`` and ``word_count`` are read from the body, so they follow the
``body`` policy unless given their own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, cast

from ..article import Article
from .pages import FIXTURE_KEY

__all__ = [
    "BODY_FAMILY",
    "DEFAULT_MIN_F1",
    "FIELDS",
    "Policy",
    "PolicyError",
    "Rule",
    "agrees",
    "body_f1",
    "differing_fields",
]

Rule = Literal["exact", "ignore", "tolerant"]
RULES: tuple[Rule, ...] = ("exact", "ignore", "tolerant")

#: Tolerant text passes at this body F1 unless ``min_f1`` says otherwise.
DEFAULT_MIN_F1 = 0.95

#: The keys of ``Article.to_dict()``: the fields an expected file holds, in the
#: order differences are reported (the text read from the blocks just before them).
FIELDS: tuple[str, ...] = tuple(
    name
    for f in dataclasses.fields(Article)
    for name in (
        ("body", "paragraphs", "blocks", "word_count") if f.name == "blocks" else (f.name,)
    )
)

#: Fields read from the body: they follow the ``body`` rule unless given one.
BODY_FAMILY = ("paragraphs", "blocks", "word_count")
_TEXT = frozenset(
    {
        "url",
        "canonical_url",
        "title",
        "subtitle",
        "published_text",
        "updated_text",
        "section",
        "language",
        "site_name",
        "description",
        "image",
        "body",
    }
)
_DATES = frozenset({"published", "updated"})
_NAMES = frozenset({"authors", "tags"})
_TOLERANT = _TEXT | _DATES | _NAMES | frozenset(BODY_FAMILY)


class PolicyError(ValueError):
    """A policy table names an unknown field or rule, or a rule a field cannot have."""


@dataclass(frozen=True, slots=True)
class Policy:
    """How each field of an expected file is compared; unnamed fields are ``exact``."""

    rules: Mapping[str, Rule] = field(default_factory=dict)
    min_f1: float = DEFAULT_MIN_F1

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], where: str) -> Policy:
        """A policy from a table of ``field = rule`` plus an optional ``min_f1``.

        ``where`` names the table in error messages (a file, a section).
        """
        return cls().merged(data, where)

    def merged(self, data: Mapping[str, Any], where: str) -> Policy:
        """This policy with the rules of ``data`` on top (a page's own table)."""
        rules = dict(self.rules)
        min_f1 = self.min_f1
        for key, value in data.items():
            if key == "min_f1":
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    raise PolicyError(f"{where}: min_f1 must be a number, not {value!r}")
                if not 0.0 <= value <= 1.0:
                    raise PolicyError(f"{where}: min_f1 must be between 0 and 1, not {value}")
                min_f1 = float(value)
                continue
            if key not in FIELDS:
                raise PolicyError(
                    f"{where}: unknown field {key!r}; fields: {', '.join(sorted(FIELDS))}"
                )
            if value not in RULES:
                raise PolicyError(f"{where}: {key} = {value!r}; rules: {', '.join(RULES)}")
            if value == "tolerant" and key not in _TOLERANT:
                raise PolicyError(
                    f"{where}: {key} cannot be tolerant (only text, dates, authors and tags); "
                    "use exact or ignore"
                )
            rules[key] = cast(Rule, value)
        return Policy(rules, min_f1)

    def rule(self, name: str) -> Rule:
        """The rule for field ``name``."""
        if name in self.rules:
            return self.rules[name]
        if name in BODY_FAMILY and "body" in self.rules:
            return self.rules["body"]
        return "exact"


def body_f1(want: str | None, got: str | None) -> float:
    """Our corpus body measure (:func:`articlekit.evaluation.body_match`) as one F1."""
    from ..evaluation import body_match

    match = body_match(want, got)
    p, r = match.precision, match.recall
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _day(value: object) -> date | None:
    # "2024-03-05", "2024-03-05T18:00:00-05:00": the day as written, no zone conversion.
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _tolerant(name: str, want: Mapping[str, Any], got: Mapping[str, Any], min_f1: float) -> bool:
    from ..evaluation import same_names, same_text

    if name in BODY_FAMILY:
        name = "body"  # read from the body: they agree when the bodies agree
    a, b = want.get(name), got.get(name)
    if a == b:
        return True
    if name in _DATES:
        day = _day(a)
        return day is not None and day == _day(b)
    if name in _NAMES:
        return isinstance(a, list) and isinstance(b, list) and same_names(a, b)
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    return same_text(a, b) or body_f1(a, b) >= min_f1


def agrees(name: str, want: Mapping[str, Any], got: Mapping[str, Any], policy: Policy) -> bool:
    """Whether field ``name`` of the actual dict ``got`` passes against ``want``."""
    rule = policy.rule(name)
    if rule == "ignore":
        return True
    if rule == "tolerant":
        return _tolerant(name, want, got, policy.min_f1)
    return name in want and name in got and want[name] == got[name]


def differing_fields(want: Mapping[str, Any], got: Mapping[str, Any], policy: Policy) -> list[str]:
    """The fields that fail their rule, in Article order (fields the file lacks included)."""
    names = [n for n in FIELDS if n in want or n in got]
    names += sorted(n for n in set(want) | set(got) if n not in FIELDS and n != FIXTURE_KEY)
    return [n for n in names if not agrees(n, want, got, policy)]
