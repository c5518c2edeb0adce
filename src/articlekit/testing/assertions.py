"""``assert_article``: compare an Article with expected values in hand-written tests."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, time
from typing import Any

from ..article import Article
from .diff import describe
from .pages import FIXTURE_KEY
from .policy import Policy, differing_fields

__all__ = ["assert_article"]


def _json_ready(value: Any) -> Any:
    # Expected values may be written as Python values (a datetime, a tuple):
    # compare them in the form Article.to_dict() gives.
    def default(obj: object) -> Any:
        if isinstance(obj, (date, time)):  # datetime is a date
            return obj.isoformat()
        if isinstance(obj, (set, frozenset)):
            return sorted(obj, key=str)
        raise TypeError(f"cannot compare a {type(obj).__name__}")

    return json.loads(json.dumps(value, default=default))


def assert_article(
    article: Article,
    expected: Article | Mapping[str, Any],
    *,
    fields: Iterable[str] | None = None,
    policy: Policy | Mapping[str, Any] | None = None,
) -> None:
    """Assert that ``article`` has the expected field values; fail with a readable diff.

    Args:
        article: the Article under test.
        expected: another Article, or a mapping of ``Article.to_dict()`` keys to
            values (only the keys given are checked). Values may be JSON-style
            (ISO text, lists) or Python (``datetime``, tuples).
        fields: check only these fields (default: every key of ``expected``, or
            every field when ``expected`` is an Article).
        policy: per-field rules (``{"body": "tolerant", "min_f1": 0.9}`` or a
            :class:`~articlekit.testing.Policy`); fields not named are exact.

    Raises:
        AssertionError: naming each differing field, its expected and actual
            value, the stage and source that set it, and a paragraph diff of the body.
    """
    if isinstance(expected, Article):
        want = expected.to_dict()
    else:
        want = _json_ready({k: v for k, v in expected.items() if k != FIXTURE_KEY})
    got = article.to_dict()
    if isinstance(policy, Policy):
        rules = policy
    else:
        rules = Policy.from_mapping(policy or {}, "assert_article(policy=...)")
    if fields is None:
        names = list(want)
    else:
        names = list(fields)
        missing = [n for n in names if n not in want]
        if missing:
            raise ValueError(f"fields {missing} are not in the expected values")
    want = {n: want[n] for n in names}
    wrong = [n for n in differing_fields(want, got, rules) if n in want]
    if wrong:
        raise AssertionError(
            f"{len(wrong)} field(s) differ: {', '.join(wrong)}\n"
            + describe(want, got, wrong, rules)
        )
