"""Readable differences between an expected file and a fresh Article.

One entry per differing field: the expected and the actual value, the stage
and source that set the actual value (and those the expected file recorded),
and for the body a paragraph-level diff (a block-level one when only the
blocks' markup changed).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from .policy import BODY_FAMILY, Policy

__all__ = ["describe", "sequence_diff"]

#: Unchanged paragraphs shown around a change are cut to this many characters.
_CONTEXT_CHARS = 80
#: Other long values are cut to this many characters.
_VALUE_CHARS = 300


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: Any) -> str:
    return _short(json.dumps(value, ensure_ascii=False), _VALUE_CHARS)


def _origin(source: str | None) -> str:
    if not source:
        return "no stage (no value found)"
    stage, _, rest = source.partition(":")
    return f"stage {stage}, source {rest}" if rest else f"stage {stage}"


def sequence_diff(
    want: Sequence[str], got: Sequence[str], *, unit: str = "item", indent: str = "    "
) -> list[str]:
    """``-``/``+`` lines for the items that changed, one unchanged item of context each side.

    Each run of changes starts with ``@@ <unit> N @@`` (N counted in the expected
    file; ``now M`` when the actual output has it elsewhere).
    """
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(a=list(want), b=list(got), autojunk=False)
    for group in matcher.get_grouped_opcodes(1):
        _, i, _, j, _ = group[0]
        where = f"{unit} {i + 1}" if i == j else f"{unit} {i + 1}, now {j + 1}"
        lines.append(f"{indent}@@ {where} @@")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [f"{indent}  {_short(x, _CONTEXT_CHARS)}" for x in want[i1:i2]]
                continue
            lines += [f"{indent}- {x}" for x in want[i1:i2]]
            lines += [f"{indent}+ {x}" for x in got[j1:j2]]
    return lines


def _paragraphs(data: Mapping[str, Any]) -> list[str]:
    body = data.get("body")
    return body.split("\n") if isinstance(body, str) and body else []


def _blocks(data: Mapping[str, Any]) -> list[str]:
    blocks = data.get("blocks")
    if not isinstance(blocks, list):
        return []
    return [json.dumps(b, ensure_ascii=False, sort_keys=True) for b in blocks]


def _removal(item: object) -> str:
    # As `articlekit parse --explain` prints one: [stage:rule] -> field 'text'.
    if not isinstance(item, Mapping):
        return json.dumps(item, ensure_ascii=False, sort_keys=True)
    target = f" -> {item.get('moved_to')}" if item.get("moved_to") else ""
    return f"[{item.get('stage')}:{item.get('rule')}]{target} {item.get('text')!r}"


def _mapping_diff(want: Mapping[str, Any], got: Mapping[str, Any]) -> list[str]:
    lines = []
    for key in sorted(set(want) | set(got)):
        if key not in got:
            lines.append(f"    - {key}: {_show(want[key])}")
        elif key not in want:
            lines.append(f"    + {key}: {_show(got[key])}")
        elif want[key] != got[key]:
            lines.append(f"    {key}: {_show(want[key])} -> {_show(got[key])}")
    return lines


def _value_lines(name: str, want: Mapping[str, Any], got: Mapping[str, Any]) -> list[str]:
    if name not in want:
        return [f"    not in the expected file; got: {_show(got.get(name))}"]
    if name not in got:
        return [f"    expected: {_show(want[name])}", "    got:      (no such field)"]
    a, b = want[name], got[name]
    if name == "body":
        return sequence_diff(_paragraphs(want), _paragraphs(got), unit="paragraph")
    if name == "blocks":
        return sequence_diff(_blocks(want), _blocks(got), unit="block")
    if name == "removed" and isinstance(a, list) and isinstance(b, list):
        return sequence_diff([_removal(x) for x in a], [_removal(x) for x in b], unit="removal")
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return _mapping_diff(a, b)
    if isinstance(a, list) and isinstance(b, list):
        dump = [json.dumps(x, ensure_ascii=False, sort_keys=True) for x in a]
        return sequence_diff(dump, [json.dumps(x, ensure_ascii=False, sort_keys=True) for x in b])
    return [f"    expected: {_show(a)}", f"    got:      {_show(b)}"]


def _provenance_key(name: str) -> str:
    # The body family is recorded under the stage that last set the blocks.
    return "blocks" if name in ("body", *BODY_FAMILY) else name


def _set_by(name: str, want: Mapping[str, Any], got: Mapping[str, Any]) -> list[str]:
    key = _provenance_key(name)
    now = (got.get("provenance") or {}).get(key)
    was = (want.get("provenance") or {}).get(key)
    lines = [f"    set by:   {_origin(now)}"]
    if was and was != now:
        lines.append(f"    expected: {_origin(was)}")
    return lines


def describe(
    want: Mapping[str, Any], got: Mapping[str, Any], names: Sequence[str], policy: Policy
) -> str:
    """A readable account of the fields ``names`` that differ between ``want`` and ``got``."""
    lines: list[str] = []
    body_changed = "body" in names
    for name in names:
        if body_changed and name in BODY_FAMILY:
            continue  # read from the body: its diff says it all
        rule = policy.rule(name)
        header = f"  {name} ({rule})"
        if name == "body":
            header += f": body F1 {_f1(want, got):.3f}"
            if policy.rule(name) == "tolerant":
                header += f" < min_f1 {policy.min_f1:g}"
            follows = [n for n in names if n in BODY_FAMILY]
            if follows:
                header += f"; {', '.join(follows)} follow the body"
        lines.append(header)
        lines += _value_lines(name, want, got)
        if name not in ("provenance", "removed", "warnings", "extra"):
            lines += _set_by(name, want, got)
    return "\n".join(lines)


def _f1(want: Mapping[str, Any], got: Mapping[str, Any]) -> float:
    from .policy import body_f1

    a, b = want.get("body"), got.get("body")
    return body_f1(a if isinstance(a, str) else None, b if isinstance(b, str) else None)
