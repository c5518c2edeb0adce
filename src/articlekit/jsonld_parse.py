"""Tolerant JSON-LD reading: broken scripts, ``@graph``, lists and nesting.

Real pages ship JSON-LD with HTML comments, CDATA wrappers, trailing commas,
raw newlines inside strings and several objects pasted together. We retry with
progressively rougher repairs and flatten whatever parses into one list of
objects, each a ``dict`` with an ``@type``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

__all__ = ["as_list", "objects_from_scripts", "type_names"]

_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL_CHARS = re.compile(r"[\x00-\x1f]")
#: Nesting deeper than this is not article metadata; it guards the recursion.
MAX_DEPTH = 12


def _repairs(text: str) -> Iterable[str]:
    """The script text, then successively repaired variants of it."""
    yield text
    text = _WRAPPERS.sub("", text.strip())
    yield text
    text = _TRAILING_COMMA.sub(r"\1", text)
    yield text
    # Raw control characters inside strings are invalid JSON; spaces are not.
    yield _CONTROL_CHARS.sub(" ", text)


def _parse_script(text: str) -> Any:
    for candidate in _repairs(text):
        try:
            return json.loads(candidate)
        except ValueError:
            continue
    # Several objects pasted one after another: decode them in sequence.
    decoder = json.JSONDecoder()
    text = _CONTROL_CHARS.sub(" ", _TRAILING_COMMA.sub(r"\1", text.strip()))
    found: list[Any] = []
    pos = 0
    while pos < len(text):
        start = text.find("{", pos)
        if start < 0:
            break
        try:
            obj, pos = decoder.raw_decode(text, start)
        except ValueError:
            break
        found.append(obj)
    return found


def _flatten(node: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            _flatten(item, out, depth + 1)
    elif isinstance(node, dict):
        graph = node.get("@graph")
        if "@type" in node:
            out.append(node)
        if graph is not None:
            _flatten(graph, out, depth + 1)
        # An article is sometimes nested in a WebPage's mainEntity.
        for key in ("mainEntity", "mainEntityOfPage", "itemListElement"):
            child = node.get(key)
            if isinstance(child, (dict, list)):
                _flatten(child, out, depth + 1)


def objects_from_scripts(scripts: Iterable[str]) -> list[dict[str, Any]]:
    """Every typed object of every ``application/ld+json`` script, in page order."""
    out: list[dict[str, Any]] = []
    for script in scripts:
        if script.strip():
            _flatten(_parse_script(script), out)
    return out


def type_names(obj: dict[str, Any]) -> set[str]:
    """``@type`` as a set of bare names ("schema:NewsArticle" -> "NewsArticle")."""
    return {
        t.rsplit(":", 1)[-1].rsplit("/", 1)[-1]
        for t in as_list(obj.get("@type"))
        if isinstance(t, str)
    }


def as_list(value: Any) -> list[Any]:
    """JSON-LD allows one value or a list anywhere; always get a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
