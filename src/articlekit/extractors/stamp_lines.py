"""Stamp lines read once per parse: which stamp row a line matches, and its value.

Two stages read the same "Published June 20, 2018" line: the dates stage
(a visible stamp, weighed against the others) and the cleaning stage (a
data line of the body, moved to its field). One :class:`StampLines` per
parse serves both: the dates stage creates it, reads with it and leaves it in
the draft (the working field ``stamp_lines``); the cleaning stage reads the
lines it already knows from it. A line's text is matched against each stamp
row once, and a stamp's value parsed once for each anchor it is read with
(a time-only or zone-less value depends on the day it is anchored to).
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from ..article import Stamp
from ..dates import parse_stamp
from ..rules import DataRule, data_rows

__all__ = ["STAMP_FIELDS", "STAMP_RULES", "StampLine", "StampLines"]

#: The fields a stamp line carries.
STAMP_FIELDS = frozenset({"published", "updated"})
#: The stamp rows of the cleaning table, in its order: a line matched by
#: several ("Updated" rows come first) belongs to the first.
STAMP_RULES: tuple[DataRule, ...] = tuple(
    rule for rule in data_rows() if rule.field in STAMP_FIELDS
)
_BY_ID = {rule.id: rule for rule in STAMP_RULES}


class StampLine(NamedTuple):
    """A line a stamp row matched: the row, the line, and the stamp part of it."""

    rule: DataRule
    text: str
    value: str


def _fullmatch(rule: DataRule, text: str) -> regex.Match[str] | None:
    """The one place a stamp row meets a line's text."""
    return rule.pattern.fullmatch(text)


class StampLines:
    """Stamp rows' matches and parsed values, each computed on first use."""

    __slots__ = ("_parsed", "_values")

    def __init__(self) -> None:
        #: (row id, line) -> the stamp part, or None when the row does not match.
        self._values: dict[tuple[str, str], str | None] = {}
        #: (stamp part, anchor, dateparser allowed) -> the parsed stamp.
        self._parsed: dict[tuple[str, Stamp | None, bool], Stamp | None] = {}

    def value(self, rule: DataRule, text: str) -> str | None:
        """The stamp part of ``text`` when ``rule`` matches it whole, else None."""
        key = (rule.id, text)
        if key not in self._values:
            match = _fullmatch(rule, text)
            self._values[key] = match.group("value") if match else None
        return self._values[key]

    def first(self, text: str) -> StampLine | None:
        """``text`` as the first stamp row that matches it reads it."""
        for rule in STAMP_RULES:
            value = self.value(rule, text)
            if value is not None:
                return StampLine(rule, text, value)
        return None

    def parse(
        self, value: str, *, anchor: Stamp | None = None, allow_dateparser: bool = True
    ) -> Stamp | None:
        """:func:`~articlekit.dates.parse_stamp` of a stamp part, once per anchor."""
        key = (value, anchor, allow_dateparser)
        if key not in self._parsed:
            self._parsed[key] = parse_stamp(value, anchor=anchor, allow_dateparser=allow_dateparser)
        return self._parsed[key]

    @property
    def lines(self) -> dict[str, tuple[StampLine, ...]]:
        """Every line read so far, with the rows that matched it (none: no stamp)."""
        out: dict[str, list[StampLine]] = {}
        for (rule_id, text), value in self._values.items():
            found = out.setdefault(text, [])
            if value is not None:
                found.append(StampLine(_BY_ID[rule_id], text, value))
        return {text: tuple(found) for text, found in out.items()}

    def __bool__(self) -> bool:
        """Whether any line was read."""
        return bool(self._values)
