"""The body before chrome stripping: trafilatura on a copy of the parsed tree."""

from __future__ import annotations

from dataclasses import dataclass

from ..page import Page
from ..pipeline import Draft, Finding
from ..textdump import split_dump
from ._common import clean_text
from .blocks import LineSources

__all__ = ["BodyExtractor", "BodyOptions"]


@dataclass(frozen=True, slots=True)
class BodyOptions:
    """How trafilatura is asked to extract (metadata stays off: we do our own)."""

    include_tables: bool = True
    include_comments: bool = False
    favor_precision: bool = False
    favor_recall: bool = False
    #: Skip trafilatura's second opinions (readability, jusText): about twice as
    #: fast, and after our chrome stage no less accurate on the dev corpora.
    fast: bool = True
    #: When the fast pass returns fewer characters than this, the full cascade
    #: runs too and the longer text is kept (about one page in ten on the dev
    #: corpora; a short article costs two passes).
    full_cascade_below_chars: int = 1000
    #: Drop lines by where they sit (teaser cards, captions, author bios);
    #: see :data:`articlekit.rules.BLOCK_RULES`.
    block_rules: bool = True
    #: Add back the prose of an article cut into same-class containers, which
    #: trafilatura's fast mode reads only the first of.
    continue_split_bodies: bool = True


class BodyExtractor:
    """Candidate paragraphs of the main text, one per block, in page order."""

    name = "body"
    provides = frozenset({"candidate_paragraphs"})
    requires: frozenset[str] = frozenset()

    def __init__(self, options: BodyOptions = BodyOptions()) -> None:
        self.options = options

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        if page.text_dump is not None:
            _, lines = split_dump(page.text_dump)
            finding.set("candidate_paragraphs", tuple(lines), "text:lines")
            return finding
        text = self._trafilatura(page, fast=self.options.fast)
        source = "trafilatura"
        if self.options.fast and len(text) < self.options.full_cascade_below_chars:
            # The fast pass found little: trafilatura's full cascade (its
            # readability and jusText second opinions) often finds the rest.
            fuller = self._trafilatura(page, fast=False)
            if len(fuller) > len(text):
                text, source = fuller, "trafilatura:full-cascade"
        paragraphs = [p for p in (clean_text(line) for line in text.splitlines()) if p]
        sources = LineSources(page.root)
        if self.options.block_rules:
            paragraphs, finding.removed = sources.drop_chrome(paragraphs, self.name)
        if self.options.continue_split_bodies:
            paragraphs = sources.continue_split_body(paragraphs)
        finding.set("candidate_paragraphs", tuple(paragraphs), source)
        return finding

    def _trafilatura(self, page: Page, *, fast: bool) -> str:
        import trafilatura  # lazy: ~160 ms to import

        document = trafilatura.bare_extraction(
            page.copy_root(),  # trafilatura prunes the tree it is given
            url=page.url,
            with_metadata=False,
            include_comments=self.options.include_comments,
            include_tables=self.options.include_tables,
            favor_precision=self.options.favor_precision,
            favor_recall=self.options.favor_recall,
            fast=fast,
        )
        return getattr(document, "text", None) or ""
