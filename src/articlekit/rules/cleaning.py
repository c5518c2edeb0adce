"""The cleaning stage's one table: every rule that drops or moves a body line.

A row tests the line's element (a :class:`~.blocks.BlockRule`: the container
it sits in), its text (a :class:`~._types.ChromeRule` dropping chrome, a
:class:`~._types.DataRule` moving a field's value), or both (a block rule with
a ``text`` pattern). The rows are written in their concept's module
(:mod:`.blocks`, :mod:`.data_lines`, :mod:`.chrome`), where their examples
live; this table puts them in the order the cleaning stage tries them:
element rows first (a line in a caption box goes whatever it says), then data
rows (a stamp line is moved, not dropped as chrome), then chrome rows.
"""

from __future__ import annotations

from typing import Literal

from ._types import ChromeRule, DataRule
from .blocks import BLOCK_RULES, BlockRule
from .chrome import CHROME_LINES
from .data_lines import DATA_LINES

__all__ = [
    "CLEANING_RULES",
    "CleaningRule",
    "Test",
    "chrome_rows",
    "data_rows",
    "element_rows",
    "rule_tests",
]

#: What a row of the table looks at.
Test = Literal["element", "text"]

#: A row of :data:`CLEANING_RULES`.
CleaningRule = BlockRule | DataRule | ChromeRule

CLEANING_RULES: tuple[CleaningRule, ...] = (*BLOCK_RULES, *DATA_LINES, *CHROME_LINES)


def rule_tests(rule: CleaningRule) -> frozenset[Test]:
    """What ``rule`` tests: the line's element, its text, or both."""
    if isinstance(rule, BlockRule):
        return frozenset({"element", "text"}) if rule.text is not None else frozenset({"element"})
    return frozenset({"text"})


def element_rows(table: tuple[CleaningRule, ...] = CLEANING_RULES) -> tuple[BlockRule, ...]:
    """The rows of ``table`` that test the element (alone or with the text), in order."""
    return tuple(rule for rule in table if isinstance(rule, BlockRule))


def data_rows(table: tuple[CleaningRule, ...] = CLEANING_RULES) -> tuple[DataRule, ...]:
    """The text rows of ``table`` that move a line's value to a field, in order."""
    return tuple(rule for rule in table if isinstance(rule, DataRule))


def chrome_rows(table: tuple[CleaningRule, ...] = CLEANING_RULES) -> tuple[ChromeRule, ...]:
    """The text rows of ``table`` that drop a line as page furniture, in order."""
    return tuple(rule for rule in table if isinstance(rule, ChromeRule))
