"""Tags as the page presents them: the article's visible tag row first,
structured keywords after.

A tag row is one of:

* a *labelled row*: a label alone in its element ("Tags:", "Themen",
  "Mots-clés", "Etiquetas", "Tagi"; :data:`~articlekit.rules.TAG_ROW_LABELS`)
  and the links after it — bare links beside the label, or the list or
  block right after it;
* a group of ``rel=tag`` links (WordPress marks category links
  ``rel="category tag"``: those are sections, not tags);
* a container whose class or id says tags (``div.tags``, ``ul.tag-list``).

Pages show other tag rows too (each teaser card its own, a site-wide topic
bar), so the row is chosen by where it stands: the first inside the
headline's ``<article>``, else the first after the headline, else the first
anywhere; never one in a teaser card, a rail, navigation or comments. Rows
that share a container are one row: its links, minus category links and
buttons ("More"). Structured keywords are the fallback, generic keyword soup
(``meta[name=keywords]``) last.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from lxml import etree, html

from ..page import Page
from ..rules import (
    NON_ARTICLE_TAGS,
    TAG_CHROME_PATTERN,
    TAG_FOREIGN_PATTERN,
    TAG_LIST_VOCABULARY,
    TAG_ROW_BUTTON,
    TAG_ROW_LABEL,
    TAG_ROW_LABEL_PREFIX,
    TAG_ROW_LABELS,
)
from ..stage import Draft, Finding
from ._common import class_and_id, clean_text, text_owner

__all__ = ["TagsExtractor", "dedupe_tags"]

#: Link texts longer than this are headlines of teasers, not tags.
MAX_TAG_CHARS = 60
#: A "tag list" with more links than this is a site menu.
MAX_TAGS = 40
#: Tags whose element may be a tag list container found by its class.
_TAG_LIST_TAGS = frozenset({"ul", "ol", "div", "section", "p", "nav", "span", "dl", "dd"})
_BREADCRUMB_PATTERN = re.compile(r"breadcrumb", re.IGNORECASE)
#: Hint sources that are generic keyword soup: used only when nothing else is.
_SOUP_SOURCES = ("meta[name=keywords]", "meta[name=news_keywords]", "meta[name=dc.subject]")
#: A labelled or class-found row is mostly links: at least this share of its text.
TAG_ROW_MIN_LINK_SHARE = 0.5
#: How many ancestors are looked at for a teaser card, rail or menu around a row.
MAX_FOREIGN_ANCESTORS = 12
#: A label alone at the end of its block ("<div><span>Tags</span></div><ul>…")
#: has its row after an ancestor: this many levels are climbed.
MAX_LABEL_LEVELS = 2
#: Elements that end a labelled row: a heading starts the next part.
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Characters between a label and its links and between the links of a bare
#: row: "Tags: A, B | C • D".
_SEPARATORS = ",;:|•·/ "
#: Links whose rel holds the word "tag". Compiled once, and links without a
#: rel are passed over before the string functions run on each.
_REL_TAG = etree.XPath("//a[@rel][contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]")
# Separators and quotes that wrap tags in tag clouds ("#tag", "„Review”"). A
# hashtag's "#" was measured as part of the tag too: trafilatura-evaldata's
# check half lost two pages, its look half gained one.
_NO_SEPARATORS = str.maketrans("", "", _SEPARATORS)
_TAG_STRIP = "#,;|•·\"'„“”«»‘’ "


def dedupe_tags(tags: list[str]) -> tuple[str, ...]:
    """Case-insensitive de-duplication, page order kept."""
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags:
        tag = clean_text(tag).strip(_TAG_STRIP)
        key = tag.casefold()
        if tag and key not in seen:
            seen.add(key)
            out.append(tag)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Row:
    container: html.HtmlElement
    links: tuple[html.HtmlElement, ...]
    source: str


def _rel_words(link: html.HtmlElement) -> list[str]:
    return (link.get("rel") or "").lower().split()


def _tag_texts(links: tuple[html.HtmlElement, ...]) -> list[str]:
    """The tags a row's links show: no category links, buttons or headlines."""
    texts = []
    for link in links:
        if "category" in _rel_words(link):
            continue
        text = clean_text(link.text_content())
        if not text or len(text) > MAX_TAG_CHARS:
            continue
        # Buttons ("More") and the row's own label when it is a link ("Themen").
        if not TAG_ROW_BUTTON.match(text) and not TAG_ROW_LABEL.match(text):
            texts.append(text)
    return texts


def _only_link(el: html.HtmlElement) -> html.HtmlElement | None:
    """The one link ``el`` is or wraps ("<li><a>…</a></li>"), else None."""
    if el.tag == "a":
        return el
    links = list(el.iter("a"))
    if len(links) != 1:
        return None
    shown = clean_text(el.text_content()).strip(_SEPARATORS)  # "<dd><a>Music</a>, </dd>"
    return links[0] if shown == clean_text(links[0].text_content()) else None


def _shown_text(text: str | None) -> bool:
    return bool(text and text.strip(_SEPARATORS + "\n\t\r"))


def _links_after(
    label: html.HtmlElement,
) -> tuple[html.HtmlElement | None, tuple[html.HtmlElement, ...]]:
    """The row a label element opens: the block holding label and links, and the links.

    Bare links beside the label ("<span>Tags</span> <a>A</a>, <a>B</a>"),
    each maybe in a wrapper of its own; else the list or block right after
    the label. A label left alone at the end of its block looks after the
    block, when the block holds nothing else ("<div><span>Tags</span></div>
    <ul>…</ul>"; a "Topics" link last in a menu labels nothing).
    """
    node = label
    label_text = clean_text(label.text_content())
    # A label that is a link (to the site's tag index) among other links is a
    # button of a menu ("Tags", "History", "Print"): only alone in its block
    # does it label the block after.
    is_link = label.tag == "a" or next(label.iterancestors("a"), None) is not None
    for level in range(MAX_LABEL_LEVELS + 1):
        links: list[html.HtmlElement] = []
        if _shown_text(node.tail):
            return None, ()  # prose after the label: no row
        for sibling in () if is_link and level == 0 else node.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            single = _only_link(sibling)
            if single is not None:
                links.append(single)
                if _shown_text(sibling.tail):
                    break
                continue
            if links or sibling.tag in _HEADINGS:
                break
            # The list or block after the label (no links: no row).
            return node.getparent(), tuple(sibling.iter("a"))
        if links:
            return node.getparent(), tuple(links)
        if any(isinstance(s.tag, str) for s in node.itersiblings()):
            return None, ()
        parent = node.getparent()
        if parent is None or clean_text(parent.text_content()) != label_text:
            return None, ()
        node = parent
    return None, ()


#: Every label word, lower-cased: a text node is a label candidate only when,
#: without "#", spaces and a colon around it, it is one of these (a set
#: lookup per node; the pattern then confirms). Most pages have thousands of
#: short text nodes and no tag row.
_LABEL_WORDS = frozenset(w.lower() for row in TAG_ROW_LABELS for w in row.words)
_LABEL_EDGES = " \t\n\r\f\v#:\u00a0"
#: A node whose stripped text is longer than every label word, with room for
#: doubled spaces inside it, is no label: skipped before it is normalised.
_LABEL_MAX_CHARS = 2 * max(map(len, _LABEL_WORDS))


def _label_owners(page: Page, root: html.HtmlElement) -> Iterator[tuple[html.HtmlElement, str]]:
    """Text nodes below ``root`` that are a tag row's label, with the element
    showing each (a tail's owner is its element's parent)."""
    for node in page.short_texts(root):
        stripped = node.strip(_LABEL_EDGES)
        if len(stripped) > _LABEL_MAX_CHARS:
            continue
        if " ".join(stripped.lower().split()) not in _LABEL_WORDS:
            continue
        owner = text_owner(node)
        if owner is not None:
            yield owner, str(node)


def _labelled_rows(page: Page, root: html.HtmlElement) -> Iterator[_Row]:
    for owner, node_text in _label_owners(page, root):
        if not TAG_ROW_LABEL.match(clean_text(node_text)):
            continue
        if owner.text is not None and clean_text(owner.text) == clean_text(node_text):
            if clean_text(owner.text_content()) == clean_text(node_text):
                found, links = _links_after(owner)  # "<span>Tags</span>" opens the row
                container = found if found is not None else owner
            else:
                links = tuple(owner.iter("a"))  # "<p>Tags: <a>A</a>, <a>B</a></p>"
                container = owner
        else:
            # The label is the text after a child: "<p><b>★</b> Tags: <a>…</a></p>".
            child = next((c for c in owner if isinstance(c.tag, str) and c.tail == node_text), None)
            if child is None:
                continue
            links = tuple(
                a for s in child.itersiblings() if isinstance(s.tag, str) for a in s.iter("a")
            )
            container = owner
        if links:
            yield _Row(container, links, "labelled-row")


def _row_container(link: html.HtmlElement) -> html.HtmlElement:
    """The element a link's row is: above the wrappers that show only it ("li")."""
    node = link
    parent = node.getparent()
    while parent is not None and _only_link(parent) is link:
        node, parent = parent, parent.getparent()
    return parent if parent is not None else node


def _rel_tag_rows(page: Page) -> Iterator[_Row]:
    groups: dict[html.HtmlElement, list[html.HtmlElement]] = {}
    for link in cast("list[html.HtmlElement]", _REL_TAG(page.root)):
        if "category" not in _rel_words(link):
            groups.setdefault(_row_container(link), []).append(link)
    for container, links in groups.items():
        yield _Row(container, tuple(links), "a[rel=tag]")


def _class_rows(page: Page) -> Iterator[_Row]:
    for el in page.with_class(TAG_LIST_VOCABULARY):
        if el.tag in _TAG_LIST_TAGS:
            links = tuple(el.iter("a"))
            if links:
                yield _Row(el, links, f"{el.tag}.tags")


#: Within the article, rows by how plainly they say "tags": a visible label,
#: then a class, then rel=tag markup (which some themes put on category
#: links as well).
_SOURCE_RANK = {"labelled-row": 0, "a[rel=tag]": 2}  # a class-found row: 1


def _in_foreign_part(el: html.HtmlElement, boundary: html.HtmlElement | None = None) -> bool:
    """A teaser card, rail, menu or comment thread holds ``el``: its tags are
    another story's. The search stops at the article (``boundary``, else the
    nearest ``<article>`` or ``<main>``); ``el`` may itself be a ``<nav>``
    that lists the tags."""
    if TAG_FOREIGN_PATTERN.search(class_and_id(el)) and el.tag != "nav":
        return True
    for count, node in enumerate(el.iterancestors()):
        if count >= MAX_FOREIGN_ANCESTORS or node is boundary:
            return False
        if boundary is None and node.tag in ("article", "main", "body"):
            return False
        if node.tag == "nav" or TAG_FOREIGN_PATTERN.search(class_and_id(node)):
            return True
    return False


def _in_page_chrome(el: html.HtmlElement) -> bool:
    """A footer, aside or share bar of the page holds ``el`` (below the
    nearest ``<article>`` or ``<main>``): a site-wide topic list, not the
    article's row."""
    for count, node in enumerate(el.iterancestors()):
        if count >= MAX_FOREIGN_ANCESTORS or node.tag in ("article", "main", "body"):
            return False
        if node.tag in NON_ARTICLE_TAGS or TAG_CHROME_PATTERN.search(class_and_id(node)):
            return True
    return False


def _is_row(row: _Row, title: html.HtmlElement | None) -> bool:
    """A labelled or class-found container is a tag row when it is mostly
    links and does not hold the headline (a post whose classes name its tags,
    "tag-berlin", is no row). A rel=tag group is one by its markup."""
    if row.source == "a[rel=tag]":
        return True
    if title is not None and any(a is row.container for a in title.iterancestors()):
        return False
    # The label and the separators are no prose: "Schlagworte: Schule, Bildung".
    text = clean_text(TAG_ROW_LABEL_PREFIX.sub("", clean_text(row.container.text_content())))
    linked = sum(len(a.text_content().translate(_NO_SEPARATORS)) for a in row.container.iter("a"))
    shown = len(text.translate(_NO_SEPARATORS))
    return shown > 0 and linked / shown >= TAG_ROW_MIN_LINK_SHARE


class TagsExtractor:
    """The article's tag row, then article:tag / JSON-LD keywords, then meta keywords."""

    name = "tags"
    provides = frozenset({"tags", "section"})
    requires: frozenset[str] = frozenset()
    #: The headline's element (the article's tag row is near it) and the
    #: section (a tag equal to it is the section, not a topic).
    reads = frozenset({"title_element", "section"})

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        found = self._article_row(page, so_far)
        if found is not None:
            row, source = found
            finding.set("tags", dedupe_tags(_tag_texts(row.links)), source)
        hints = so_far.hints("tags")
        for hint in [h for h in hints if h.source not in _SOUP_SOURCES] + [
            h for h in hints if h.source in _SOUP_SOURCES
        ]:
            finding.set("tags", dedupe_tags(list(hint.value)), f"{hint.stage}:{hint.source}")
        if so_far.get("section") is None:
            self._breadcrumb_section(page, finding)
        return finding

    @staticmethod
    def _article_row(page: Page, so_far: Draft) -> tuple[_Row, str] | None:
        """The article's tag row, named by its most specific markup (rel=tag,
        then a class, then the label alone)."""
        rows: dict[html.HtmlElement, _Row] = {}
        sources: dict[html.HtmlElement, set[str]] = {}
        for row in (*_labelled_rows(page, page.root), *_class_rows(page), *_rel_tag_rows(page)):
            # One container, one row: a label's or class's row holds all its
            # links, a rel=tag group may hold only some.
            rows.setdefault(row.container, row)
            sources.setdefault(row.container, set()).add(row.source)
        chosen = TagsExtractor._choose(page, so_far, rows, sources)
        if chosen is None:
            return None
        found_by = sources[chosen.container]
        names = sorted(found_by, key=lambda s: _SOURCE_RANK.get(s, 1), reverse=True)
        return chosen, names[0]

    @staticmethod
    def _choose(
        page: Page,
        so_far: Draft,
        rows: dict[html.HtmlElement, _Row],
        sources: dict[html.HtmlElement, set[str]],
    ) -> _Row | None:
        """The tag row that is the article's, in this order: the first inside
        the headline's ``<article>``; the page's only group of rel=tag links;
        the first after the headline outside rails, teasers, menus, comments
        and footers; the first rel=tag or class-found row anywhere outside
        them (a label alone, "Topics", heads too many site menus)."""
        title = so_far.get("title_element")
        found = [
            r
            for r in rows.values()
            if 0 < len(_tag_texts(r.links)) <= MAX_TAGS and _is_row(r, title)
        ]
        if not found:
            return None
        order = {el: i for i, el in enumerate(page.root.iter())}
        found.sort(key=lambda r: order.get(r.container, 0))
        article = next(title.iterancestors("article"), None) if title is not None else None
        if article is not None:
            inside = [
                r
                for r in found
                if any(a is article for a in r.container.iterancestors())
                and not _in_foreign_part(r.container, article)
            ]
            # What the page calls tags first: a category row may carry rel=tag too.
            inside.sort(key=lambda r: _SOURCE_RANK.get(r.source, 1))
            if inside:
                return inside[0]
        rel_groups = [c for c, found_by in sources.items() if "a[rel=tag]" in found_by]
        if len(rel_groups) == 1 and rows[rel_groups[0]] in found:
            return rows[rel_groups[0]]  # rel=tag says "a tag of this page"
        outside = [
            r
            for r in found
            if not _in_foreign_part(r.container) and not _in_page_chrome(r.container)
        ]
        if title is not None:
            start = order.get(title, 0)
            for row in outside:
                if order.get(row.container, 0) > start:
                    return row
        return next((r for r in outside if sources[r.container] != {"labelled-row"}), None)

    @staticmethod
    def _breadcrumb_section(page: Page, finding: Finding) -> None:
        for el in page.with_class(_BREADCRUMB_PATTERN):
            crumbs = [clean_text(a.text_content()) for a in el.iter("a")]
            crumbs = [
                c
                for c in crumbs
                if c and c.casefold() not in ("home", "startseite", "accueil", "inicio")
            ]
            if crumbs:
                finding.set("section", crumbs[-1], "breadcrumb")
                return
