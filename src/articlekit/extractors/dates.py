"""Published and updated stamps from ``<time>`` elements, visible stamps and the URL.

Structured sources (JSON-LD, meta) run earlier and win; this stage fills what
they left open. Stamps inside teaser cards, rails and comments are not the
article's and are skipped.
"""

from __future__ import annotations

import re
from datetime import date

from ..dates import parse_iso, parse_stamp
from ..page import Page
from ..pipeline import Draft, Finding
from ..rules import DATA_LINES
from ._common import clean_text, in_non_article_part

__all__ = ["DatesExtractor"]

#: /2018/06/20/ or /2018-06-20/ in an article URL.
URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)"
)
#: Text longer than this around a stamp is prose that mentions a date.
MAX_STAMP_CONTEXT_CHARS = 100
_STAMP_RULES = [r for r in DATA_LINES if r.field in ("published", "updated")]
# A cheap XPath prefilter so only text nodes that could be stamps reach Python.
_STAMP_XPATH = (
    "//text()[string-length(normalize-space(.)) > 4 and string-length(.) < 200 and "
    "re:test(., '(updated|published|posted|modified|aktualisiert|ver.ffentlicht|erschienen"
    "|mis .. jour|publi|actualizado|atualizado)', 'i')]"
)
_NS = {"re": "http://exslt.org/regular-expressions"}


class DatesExtractor:
    """``<time>``, visible "Updated: …" stamps and URL dates."""

    name = "dates"
    provides = frozenset({"published", "published_text", "updated", "updated_text"})
    requires: frozenset[str] = frozenset()

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        if page.text_dump is not None:
            return finding  # a dump's stamps are lines; the chrome stage moves them
        self._time_elements(page, so_far, finding)
        self._visible_stamps(page, so_far, finding)
        self._url_date(page, so_far, finding)
        return finding

    @staticmethod
    def _time_elements(page: Page, so_far: Draft, finding: Finding) -> None:
        for el in page.root.iter("time"):
            raw = el.get("datetime") or ""
            value = parse_iso(raw) if raw else None
            if value is None or in_non_article_part(el):
                continue
            label = (
                f"{el.get('class') or ''} {el.get('itemprop') or ''} {el.text_content()}".lower()
            )
            field = "updated" if re.search(r"updat|modif|aktualis", label) else "published"
            finding.set(field, value, "time[datetime]")
            finding.set(f"{field}_text", clean_text(el.text_content()) or raw, "time[datetime]")

    @staticmethod
    def _visible_stamps(page: Page, so_far: Draft, finding: Finding) -> None:
        wanted = [r for r in _STAMP_RULES if r.field not in so_far]
        if not wanted:
            return  # structured data gave both stamps: no need to read the page
        for node in page.root.xpath(_STAMP_XPATH, namespaces=_NS):
            parent = node.getparent()
            if parent is not None and node.is_tail:  # text after an element (or comment)
                parent = parent.getparent()
            if parent is None or not isinstance(parent.tag, str) or in_non_article_part(parent):
                continue
            text = clean_text(parent.text_content())
            if len(text) > MAX_STAMP_CONTEXT_CHARS:
                text = clean_text(str(node))
            for rule in wanted:
                match = rule.pattern.fullmatch(text)
                if not match:
                    continue
                anchor = so_far.get("published") or finding.values.get("published")
                value = parse_stamp(match.group("value"), anchor=anchor)
                if value is not None:
                    finding.set(rule.field, value, f"visible:{rule.id}")
                    finding.set(f"{rule.field}_text", text, f"visible:{rule.id}")
                break

    @staticmethod
    def _url_date(page: Page, so_far: Draft, finding: Finding) -> None:
        if not page.url or "published" in so_far:
            return
        match = URL_DATE.search(page.url)
        if match:
            try:
                day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                return
            finding.set("published", day, "url")
