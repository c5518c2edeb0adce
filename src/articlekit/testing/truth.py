"""Scoring an Article against a hand-written truth file with the corpus measures."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..article import Article

__all__ = ["truth_mismatches"]


def truth_mismatches(article: Article, truth: Mapping[str, Any]) -> list[str]:
    """What ``article`` gets wrong against a human truth (corpus FORMAT keys).

    Scored as the corpora are: exact match after NFKC, case folding and
    whitespace collapsing; authors and tags as sets; dates on the calendar day
    unless both sides give a time; ``body`` as an exact token sequence. Also
    checks ``subtitle``, ``section``, ``site_name``, ``updated_text`` and
    ``published_text`` when the truth gives them. ``null`` means "not scored".

    Args:
        article: the parsed page.
        truth: the truth object (``url``, ``title``, ``body``, ``with``, ``without``, …).

    Returns:
        One line per problem; empty when the article agrees with the truth.
    """
    from ..evaluation import body_match, same_names, same_stamp, same_text, snippet_hits

    got = article.to_dict()
    problems: list[str] = []
    for key in (
        "title",
        "subtitle",
        "section",
        "site_name",
        "language",
        "updated_text",
        "published_text",
    ):
        want = truth.get(key)
        if want is not None and not same_text(want, got.get(key)):
            problems.append(f"{key}: want {want!r}, got {got.get(key)!r}")
    for key in ("authors", "tags"):
        want = truth.get(key)
        if want is not None and not same_names(want, got.get(key)):
            problems.append(f"{key}: want {want!r}, got {got.get(key)!r}")
    for key in ("published", "updated"):
        want = truth.get(key)
        if want is not None and not same_stamp(want, got.get(key)):
            problems.append(f"{key}: want {want!r}, got {got.get(key)!r}")
    if truth.get("body") is not None and not body_match(truth["body"], article.body).exact:
        problems.append("body: token sequence differs from the truth")
    if truth.get("with"):
        found, counted = snippet_hits(truth["with"], article.body)
        if found < counted:
            problems.append(f"with: {counted - found} of {counted} snippets missing")
    for snippet in truth.get("without") or ():
        if snippet_hits([snippet], article.body)[0]:
            problems.append(f"without: chrome kept: {snippet!r}")
    return problems
