"""The headline as readers see it, and the subtitle (dek) where one is marked.

``<title>``, og:title and JSON-LD ``headline`` are evidence (hints), not the
answer: they often carry a site-name suffix or an SEO variant. The page's own
heading (an ``<h1>``, an ``itemprop=headline``, a blog's ``entry-title``) wins
when it agrees with the evidence; a heading that is the site's logo does not
count, unless the evidence has exactly its words (class names such as
"article__masthead" mislead), and a hidden one never settles the choice.
A short label element leading the heading ("Opinion", "100. Geburtstag") is
dropped when the evidence leaves it out or sets it off with a separator.
"""

from __future__ import annotations

import copy
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import regex
from lxml import etree, html

from ..page import Page
from ..rules import (
    BRANDING_VOCABULARY,
    CHROME_LINES,
    DATA_LINES,
    DEK_MIN_WORDS,
    HEADLINE_CLASS_VOCABULARY,
    HEADLINE_HIDDEN_VOCABULARY,
    HEADLINE_MEDIA_LABEL,
    KICKER_VOCABULARY,
    NOT_DEK_CONTAINER_VOCABULARY,
    NOT_DEK_TEXT,
    NOT_DEK_VOCABULARY,
    SUBTITLE_VOCABULARY,
    TITLE_SEPARATORS,
    ChromeRule,
    DataRule,
)
from ..stage import FIELD_MAX_CHARS, Draft, Finding
from ..textdump import split_dump
from ._common import (
    class_and_id,
    clean_text,
    in_non_article_part,
    link_share,
    select,
    visible_text,
)

__all__ = ["HeadlineExtractor", "strip_site_name"]

#: A heading longer than this is not a headline (nor, from any stage, a title).
MAX_HEADLINE_CHARS = FIELD_MAX_CHARS["title"]
#: Headings with fewer words than this are labels ("News", "Menu").
MIN_HEADLINE_WORDS = 2
#: A title part with at most this many words may be a site name or section.
MAX_SITE_PART_WORDS = 4
#: Share of a heading's words that must occur in a title hint for the two to
#: name the same story...
MIN_AGREEMENT = 0.8
#: ...and share of the hint's words the heading must cover (a hint may carry a
#: site name and a kicker, but not a whole other sentence).
MIN_EVIDENCE_COVERAGE = 0.4
# Non-heading elements whose class says they hold a post's title.
TITLE_CLASS_PATTERN = re.compile(r"headline|entry-title|post-title")
#: Only the first headings of a page are considered (teaser grids have hundreds).
MAX_HEADING_CANDIDATES = 40
#: Elements inside a heading that are never part of its words.
HEADING_NOISE_TAGS = frozenset({"small", "time", "button", "script", "style", "noscript", "svg"})
#: Tags a dek comes in.
_DEK_TAGS = frozenset({"p", "h2", "div", "span"})
#: How many containers up from the headline a dek is looked for.
SUBTITLE_MAX_LEVELS = 3
#: How many elements after the headline (of the tags a dek comes in) are
#: looked at, in all those containers together: a dek sits right after the
#: headline, while a container may be the whole page and hold a hundred
#: thousand of them.
SUBTITLE_MAX_FOLLOWING = 200
#: A lede may be a whole first paragraph (a Vorspann): up to this long.
MAX_SUBTITLE_CHARS = FIELD_MAX_CHARS["subtitle"]
#: A dek is words, not a list of links: at most this share of its text is linked.
DEK_MAX_LINK_SHARE = 0.5
#: How many ancestors of a dek candidate are checked for NOT_DEK_CONTAINER_VOCABULARY.
NOT_DEK_MAX_ANCESTORS = 2
#: Lines that are chrome or a field's value, never a dek ("By Jane Doe", "Credit: …").
_NOT_DEK_LINES: tuple[ChromeRule | DataRule, ...] = (*CHROME_LINES, *DATA_LINES)
#: Elements whose text readers never see.
_UNSHOWN = frozenset({"style", "script", "noscript", "template"})
#: Only headings this likely (h1, itemprop=headline, a title class) pick the
#: headline part of a document title.
HEADING_RANK_FOR_TITLE_PARTS = 2
#: A heading's first element with at most this many words may be a kicker label.
MAX_KICKER_WORDS = 4
#: Tags a kicker label is written in (not inline emphasis: "<strong>Amazon</strong>
#: employees protest" starts with a word of the headline).
KICKER_LABEL_TAGS = frozenset({"span", "div", "p", "small", "label"})
#: Added to the rank of a heading that sits in a part taken for the site's
#: branding or for a non-article part. Class names there mislead often enough
#: ("article__masthead", "layout--sidebar" around the whole story) that such a
#: heading may still be the headline, but only when a title the page's
#: metadata gives has all its words and few more (a site name); it never wins
#: on being the only h1.
EXCLUDED_RANK = 10
#: Added to the rank of a heading hidden from sight (a screen-reader-only h1
#: that repeats the document title): like an excluded heading, and one that
#: agrees never ends the search for a visible one.
HIDDEN_RANK = 20
#: "Headline : Blog | Site" needs more than one split.
MAX_TITLE_SPLITS = 3

_WORD = regex.compile(r"\w+")
_LEADING_DATE = regex.compile(r"^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})\s*[-–—|:]\s+")
#: Where headline candidates are looked for, likeliest tier first; a later
#: tier is only read when no candidate so far fully agrees with the evidence.
_TIERS: dict[str, etree.XPath] = {
    "primary": etree.XPath("//h1 | //*[@itemprop='headline']"),
    "secondary": etree.XPath("//h2 | //h3"),
}


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def strip_site_name(
    title: str, site_name: str | None, host: str | None, headings: Sequence[str] = ()
) -> str:
    """Remove " | Site" / "Site - " parts from a document title.

    A part that one of the page's ``headings`` repeats is the headline; else
    parts naming the site (or its host) go; else a short end part is taken
    for the site name.
    """
    for _ in range(MAX_TITLE_SPLITS):
        stripped = _strip_once(title, site_name, host, headings)
        if stripped == title:
            return title
        title = stripped
    return title


def _strip_once(
    title: str, site_name: str | None, host: str | None, headings: Sequence[str]
) -> str:
    for sep in TITLE_SEPARATORS:
        if sep not in title:
            continue
        parts = [p.strip() for p in title.split(sep)]
        for part in parts:
            if any(agreement(part, h) >= MIN_AGREEMENT for h in headings):
                return part
        site_keys = {_key(site_name)} if site_name else set()
        named = [
            i
            for i, p in enumerate(parts)
            if _key(p) in site_keys or (host and _key(p).replace(" ", "") in host)
        ]
        if named and len(named) < len(parts):
            # "Headline | site.ch | Slogan": what follows the site's name is
            # its slogan; "Site | Headline": what precedes it is nothing.
            first = named[0]
            kept = (
                parts[:first] if first > 0 else [p for i, p in enumerate(parts) if i not in named]
            )
            if kept:
                return sep.join(kept)
        # No named site: the last (or first) short part is probably it.
        last_words, first_words = len(parts[-1].split()), len(parts[0].split())
        if len(parts) >= 2 and last_words <= MAX_SITE_PART_WORDS and first_words > last_words:
            return sep.join(parts[:-1])
        if len(parts) >= 2 and first_words <= MAX_SITE_PART_WORDS and last_words > first_words:
            return sep.join(parts[1:])  # "Site - Headline"
    return title


@lru_cache(maxsize=2048)
def _tokens(text: str) -> tuple[str, ...]:
    """Words of a text, case-folded; cached, as every heading meets every hint."""
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def agreement(heading: str, evidence: str) -> float:
    """How well a heading matches a piece of evidence, from 0 to 1.

    Word overlap rather than string equality: quotes, dashes and a site-name
    suffix on the evidence side must not hide that both name the same story.
    The heading must be nearly all inside the evidence (it may be shorter).
    """
    head, ev = _tokens(heading), _tokens(evidence)
    if not head or not ev:
        return 0.0
    common = sum((Counter(head) & Counter(ev)).values())
    covered = common / len(head)
    return covered if common / len(ev) >= MIN_EVIDENCE_COVERAGE else 0.0


def _host(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    return url.split("://", 1)[1].split("/", 1)[0].lower().removeprefix("www.")


def _in_branding(el: html.HtmlElement) -> bool:
    """A heading that is the site's logo or name (blog themes put it in an h1)."""
    node: html.HtmlElement | None = el
    for _ in range(4):
        if node is None:
            return False
        if BRANDING_VOCABULARY.search(class_and_id(node)):
            return True
        node = node.getparent()
    return False


def heading_text(el: html.HtmlElement, also_skip: html.HtmlElement | None = None) -> str:
    """A heading's text without its kicker label or screen-reader-only words."""
    skipped = [
        d
        for d in el.iterdescendants()
        if isinstance(d.tag, str)
        and (
            d is also_skip
            or d.tag in HEADING_NOISE_TAGS
            or KICKER_VOCABULARY.search(class_and_id(d))
        )
    ]
    if not skipped:
        return clean_text(el.text_content())
    parts: list[str] = []
    skip_ids = {id(d) for d in skipped}

    def walk(node: html.HtmlElement) -> None:
        if id(node) in skip_ids:
            parts.append(node.tail or "")
            return
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            else:
                parts.append(child.tail or "")
        if node is not el:
            parts.append(node.tail or "")

    walk(el)
    return clean_text(" ".join(parts)).strip(" :–—-|")


def _leading_label(el: html.HtmlElement) -> html.HtmlElement | None:
    """The element a heading starts with, when it looks like a label before the words.

    "<h1><span>Opinion</span> <span>What I'll be …</span></h1>", "<h1><div>News</div>
    Feat Pictures …</h1>": a short first element, before any text of the heading
    and set apart from what follows (not a drop cap glued to its word).
    """
    node = el
    # Through a lone wrapper: "<h1><a href=…><span>Label</span> Headline</a></h1>".
    while len(node) == 1 and not clean_text(node.text) and not clean_text(node[0].tail):
        if not isinstance(node[0].tag, str) or len(node[0]) == 0:
            return None
        node = node[0]
    if len(node) == 0 or clean_text(node.text):
        return None
    first = node[0]
    if not isinstance(first.tag, str) or first.tag not in KICKER_LABEL_TAGS:
        return None
    words = len(clean_text(first.text_content()).split())
    tail = first.tail or ""
    if not 1 <= words <= MAX_KICKER_WORDS or (tail and not tail[0].isspace()):
        return None
    return first


def _without_kicker(el: html.HtmlElement, text: str, evidence: list[str]) -> str:
    """Drop a heading's leading label when the page's metadata shows it is one.

    It is one when a title hint leaves its words out, or sets them off with a
    separator ("100. Geburtstag: Holocaust-…", "Patch Notes - …"); a heading
    whose first line is a span of its own is otherwise left whole.
    """
    label = _leading_label(el)
    if label is None:
        return text
    label_text = clean_text(label.text_content()).strip(" :–—-|")
    rest = heading_text(el, also_skip=label)
    if len(rest.split()) < MIN_HEADLINE_WORDS or not label_text:
        return text
    label_tokens = _tokens(label_text)
    for hint in evidence:
        tokens = _tokens(hint)
        shown = Counter(tokens) & Counter(label_tokens) == Counter(label_tokens)
        if agreement(rest, hint) == 1.0 and not shown:
            return rest
        set_off = regex.search(
            regex.escape(label_text) + r"\s*(?:[:|·•»]|\s[-–—])\s", hint, regex.IGNORECASE
        )
        if set_off and agreement(rest, hint) == 1.0:
            return rest
    return text


def tidy_headline(title: str) -> str:
    """Drop a leading date that some sites print into the headline ("23.01.2022 - …")
    and a bracketed media label at its end ("… (video)", "… [PHOTOS]")."""
    return HEADLINE_MEDIA_LABEL.sub("", _LEADING_DATE.sub("", title))


def _refine(
    el: html.HtmlElement,
    text: str,
    evidence: list[str],
    site: str | None = None,
    host: str | None = None,
) -> str:
    """Cut a kicker or a site suffix off a heading when the evidence shows the cut.

    "Energiewende Oberland: Klimavorreiter Oberland?" with og:title
    "Klimavorreiter Oberland? | Site" gives the second span; "Headline |
    Site" inside an h1 gives "Headline". The piece kept must also be most of
    the evidence without its site name: "Land use for meat" is no cut of
    "Land use for meat – why we need a quarter of the fields" because the
    evidence says "Land use for meat, milk and eggs • Site".
    """
    if not evidence or any(agreement(text, e) == 1.0 and agreement(e, text) > 0 for e in evidence):
        return text
    pieces = [heading_text(child) for child in el if isinstance(child.tag, str)]
    # The heading's own words, without any child element (a kicker span).
    pieces.append(clean_text(" ".join([el.text or ""] + [c.tail or "" for c in el])))
    for sep in (*TITLE_SEPARATORS, ": "):
        if sep in text:
            pieces += [p.strip() for p in text.split(sep)]
    cores = [strip_site_name(e, site, host) for e in evidence]
    for piece in pieces:
        if len(piece.split()) >= MIN_HEADLINE_WORDS and any(
            agreement(piece, e) == 1.0 and agreement(core, piece) >= MIN_AGREEMENT
            for e, core in zip(evidence, cores, strict=True)
        ):
            return piece
    return text


def _primary(page: Page) -> list[html.HtmlElement]:
    """The primary tier's elements, as its XPath gives them. The page's
    microdata index (built for every page) says which elements are marked
    ``itemprop="headline"``; when each of them is an ``<h1>`` (or there is
    none, nearly always), the tier is the ``<h1>`` elements alone, and the
    XPath's second scan of every element's attributes is spared."""
    if all(el.tag == "h1" for el in page.with_itemprop("headline")):
        return list(page.root.iter("h1"))
    return select(_TIERS["primary"], page.root)


def _candidates(page: Page, tier: str) -> list[tuple[int, html.HtmlElement, str]]:
    """Headings of one tier that could be the headline, with a rank (lower is likelier).

    Tier "titled" holds non-heading elements whose class names a title (a
    blog's ``div.entry-title``); that needs a class scan of the page.
    """
    out: list[tuple[int, html.HtmlElement, str]] = []
    if tier == "titled":
        elements = [
            el for el in page.with_class(TITLE_CLASS_PATTERN) if el.tag in ("div", "span", "p")
        ]
    elif tier == "primary":
        elements = _primary(page)
    else:
        elements = select(_TIERS[tier], page.root)
    elements = elements[:MAX_HEADING_CANDIDATES]
    for el in elements:
        text = heading_text(el)
        words = len(text.split())
        if not (words >= MIN_HEADLINE_WORDS and len(text) <= MAX_HEADLINE_CHARS):
            continue
        # A heading in a masthead or a "layout--sidebar" wrapper is kept, last,
        # for when it is exactly the story's title (see _best_agreeing).
        excluded = _in_branding(el) or in_non_article_part(el)
        hidden = HEADLINE_HIDDEN_VOCABULARY.search(class_and_id(el)) is not None
        if el.get("itemprop") == "headline":
            rank = 0
        elif el.tag == "h1":
            rank = 1
        elif HEADLINE_CLASS_VOCABULARY.search(class_and_id(el)):
            rank = 2
        else:
            rank = 3
        if hidden:
            rank += HIDDEN_RANK
        elif excluded:
            rank += EXCLUDED_RANK
        out.append((rank, el, text))
    out.sort(key=lambda c: c[0])
    return out


def _best_agreeing(
    candidates: list[tuple[int, html.HtmlElement, str]], evidence: list[str]
) -> tuple[tuple[int, html.HtmlElement, str] | None, float]:
    """The likeliest candidate that agrees with the evidence, and how well."""
    chosen: tuple[int, html.HtmlElement, str] | None = None
    best = 0.0
    for candidate in candidates:
        scores = [agreement(candidate[2], e) for e in evidence]
        score = max(scores, default=0.0)
        if candidate[0] >= EXCLUDED_RANK and not any(
            s == 1.0 and agreement(e, candidate[2]) >= MIN_AGREEMENT
            for s, e in zip(scores, evidence, strict=True)
        ):
            continue
        if score >= MIN_AGREEMENT and score > best + 1e-9:
            chosen, best = candidate, score
            if score == 1.0:
                break
    return chosen, best


class HeadlineExtractor:
    """The article's own heading; hints as a fallback with the site name removed."""

    name = "headline"
    provides = frozenset({"title", "subtitle", "title_element"})
    requires: frozenset[str] = frozenset()
    #: The site's name, so a "Headline | Site" title loses its suffix.
    reads = frozenset({"site_name"})

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        if page.text_dump is not None:
            title, _ = split_dump(page.text_dump)
            finding.set("title", title, "text:first-line")
            return finding
        evidence = [str(h.value) for h in so_far.hints("title")]
        site = so_far.get("site_name") or next(
            (str(h.value) for h in so_far.hints("site_name")), None
        )
        candidates = _candidates(page, "primary")
        chosen, best = _best_agreeing(candidates, evidence)
        for tier in ("secondary", "titled"):
            # A hidden heading settles nothing: a later tier's visible heading
            # that agrees as well is likelier.
            settled = chosen is not None and chosen[0] < HIDDEN_RANK
            if (best >= 1.0 and settled) or not evidence:
                break
            more = _candidates(page, tier)
            extra, extra_best = _best_agreeing(more, evidence)
            if extra is not None and (extra_best > best or (extra_best == best and not settled)):
                chosen, best = extra, extra_best
            candidates = sorted(candidates + more, key=lambda c: c[0])
        if chosen is None:  # one h1 in the article: the page says it is the headline
            # (an h2 with itemprop=headline is found by two tiers: count it once)
            h1s = list({id(c[1]): c for c in candidates if c[0] <= 1}.values())
            chosen = h1s[0] if len(h1s) == 1 else None
        if chosen is not None:
            text = _without_kicker(chosen[1], chosen[2], evidence)
            title = tidy_headline(_refine(chosen[1], text, evidence, site, _host(page.url)))
            finding.set("title", title, chosen[1].tag)
            if chosen[0] < EXCLUDED_RANK:
                # A heading from a masthead, breadcrumb or hidden part gives
                # the words only: the article (its byline, its dek) is elsewhere.
                finding.set("title_element", chosen[1], chosen[1].tag)
                finding.set("subtitle", _subtitle(chosen[1]), f"{chosen[1].tag}+subtitle")
        elif evidence:
            hint = so_far.hints("title")[0]
            headings = [c[2] for c in candidates if c[0] <= HEADING_RANK_FOR_TITLE_PARTS]
            finding.set(
                "title",
                tidy_headline(strip_site_name(str(hint.value), site, _host(page.url), headings)),
                f"{hint.stage}:{hint.source}",
            )
        return finding


def _subtitle(heading: html.HtmlElement) -> str | None:
    """A dek marked by class right after the headline, within its container."""
    tags = _DEK_TAGS | {heading.tag}
    checked: set[html.HtmlElement] = set()
    container = heading.getparent()
    following = 0  # elements after the headline looked at, in all containers
    for _ in range(SUBTITLE_MAX_LEVELS):  # the headline's container and those around it
        if container is None:
            return None
        after = False
        for el in container.iter(*tags):
            if el is heading:
                after = True
                continue
            if not after or el in checked:
                continue
            following += 1
            if following > SUBTITLE_MAX_FOLLOWING:
                break
            checked.add(el)  # a wider container sees it again
            label = class_and_id(el)
            if label.strip() and SUBTITLE_VOCABULARY.search(label):
                text = _shown_text(el)
                if (
                    len(text.split()) >= DEK_MIN_WORDS
                    and len(text) <= MAX_SUBTITLE_CHARS
                    and _could_be_dek(el, label, text)
                ):
                    return text
        container = container.getparent()
    return None


def _shown_text(el: html.HtmlElement) -> str:
    """``el``'s text without the style and script text it may hold."""
    if not any(True for _ in el.iter(*_UNSHOWN)):
        return visible_text(el.text_content())
    shown = copy.deepcopy(el)
    etree.strip_elements(shown, *_UNSHOWN, with_tail=False)
    return visible_text(shown.text_content())


def _without_taxonomy(el: html.HtmlElement) -> str:
    """Class and id without WordPress's taxonomy classes ("tag-tv-ratings",
    "category-related-news"), which name the post's topics, not the element."""
    return " ".join(
        token for token in class_and_id(el).split() if not token.startswith(("tag-", "category-"))
    )


def _could_be_dek(el: html.HtmlElement, label: str, text: str) -> bool:
    """Not an author box, a teaser card, a form's prompt or a chrome line that
    happens to carry a subtitle-like class ("author-excerpt", "post-card__excerpt",
    "modal-subtitle", "Credit: …", "By …")."""
    near = itertools.islice(el.iterancestors(), NOT_DEK_MAX_ANCESTORS)
    if (
        NOT_DEK_VOCABULARY.search(label)
        or NOT_DEK_CONTAINER_VOCABULARY.search(label)
        or any(NOT_DEK_CONTAINER_VOCABULARY.search(_without_taxonomy(a)) for a in near)
    ):
        return False
    if el.tag == "figcaption" or any(a.tag in ("figure", "figcaption") for a in el.iterancestors()):
        return False  # a caption, whatever its class
    if text.endswith(":"):
        return False  # a label whose value sits elsewhere ("Published on:")
    if NOT_DEK_TEXT.search(text):
        return False
    if link_share(el, text) > DEK_MAX_LINK_SHARE:
        return False
    return not any(
        len(text) <= rule.max_chars and rule.pattern.fullmatch(text) for rule in _NOT_DEK_LINES
    )
