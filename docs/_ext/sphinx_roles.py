"""A Griffe extension for the docs build: the reST bits of our docstrings as Markdown.

The docstrings of articlekit name objects the Sphinx way (:class:`Result`,
:data:`~articlekit.rules.LOCALE_ZONES`) and introduce literal blocks with a
trailing ``::``. mkdocstrings renders Markdown, where both would show as raw
text; this extension turns each role into inline code (`Result`,
`LOCALE_ZONES`) and each ``::`` into ``:`` (the indented block after it is
already a Markdown code block) while the docs are built. Nothing in the
package changes. Roles become code, not links: many name objects relative to
their module, and a link to an object no page renders would fail the strict
build.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

#: :role:`target` with the roles our docstrings use.
ROLE = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj|const):`(?P<target>[^`]+)`")
#: A line ending in "::" before a blank line: it introduces a literal block.
LITERAL_INTRO = re.compile(r"(?<=\S)::$(?=\n[ \t]*\n)", re.MULTILINE)


def role_as_code(match: re.Match[str]) -> str:
    """`~a.b.C` shows `C` (Sphinx's short form); `.mod.f` shows `mod.f`."""
    target = match.group("target").strip()
    if target.startswith("~"):
        target = target[1:].rsplit(".", 1)[-1]
    return f"`{target.lstrip('.')}`"


def convert(text: str) -> str:
    return LITERAL_INTRO.sub(":", ROLE.sub(role_as_code, text))


class SphinxRolesAsCode(griffe.Extension):
    """Rewrites every docstring of the loaded package once it is loaded."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        seen: set[int] = set()
        stack: list[griffe.Object | griffe.Alias] = [pkg]
        while stack:
            obj = stack.pop()
            if id(obj) in seen or isinstance(obj, griffe.Alias):
                continue  # an alias shares its target's docstring
            seen.add(id(obj))
            if obj.docstring is not None:
                obj.docstring.value = convert(obj.docstring.value)
            stack.extend(obj.members.values())
