"""Block words: where a body line sits in the page.

Class and id vocabularies of page parts (navigation, rails, comments, share
bars, bylines, tag lists, body containers, pop-ups, embeds, figure credits),
the block rules that drop lines for their container, and the shape tables of
body blocks (layout tables, link-only lines, split bodies, embeds).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import regex

from ._types import Vocabulary, class_pattern, class_tokens, class_words

__all__ = [
    "BLOCK_RULES",
    "BLOCK_RULE_MAX_ANCESTORS",
    "BLOCK_RULE_MINORITY_SHARE",
    "BLOCK_VOCABULARIES",
    "BODY_CONTAINER_TAGS",
    "BODY_CONTAINER_VOCABULARY",
    "BYLINE_VOCABULARY",
    "CONTAINER_CHECK",
    "CONTINUATION_MAX_LEVELS",
    "CONTINUATION_MAX_LINK_SHARE",
    "EMBEDDED_POST_VOCABULARY",
    "EMBED_HOSTS",
    "FIGURE_CREDIT_VOCABULARY",
    "FIGURE_MIN_WIDTH",
    "IMAGE_SOURCE_ATTRIBUTES",
    "INLINE_POPUP_MAX_DEPTH",
    "INLINE_POPUP_MIN_LINK_SHARE",
    "INLINE_POPUP_VOCABULARY",
    "LAYOUT_MENU_MIN_LINK_SHARE",
    "LAYOUT_TABLE_MAX_COLUMNS_FOR_PROSE",
    "LAYOUT_TABLE_PROSE_CELL_CHARS",
    "LAYOUT_TABLE_SPARSE_ROW_SHARE",
    "LINK_LINE_MIN_WORDS",
    "LINK_LINE_SAME_PAGE_PREFIXES",
    "LINK_LINE_TAGS",
    "NON_ARTICLE_PATTERN",
    "NON_ARTICLE_TAGS",
    "NON_ARTICLE_VOCABULARY",
    "SANDWICHED_BLOCK_TAGS",
    "SANDWICHED_EDGE_CHARS",
    "SANDWICHED_LIST_MIN_PROSE_SHARE",
    "SANDWICHED_MARKUP",
    "SANDWICHED_MAX_LINK_SHARE",
    "SANDWICHED_MIN_CHARS",
    "SHARE_TOKENS",
    "SHARING",
    "SIDEBAR_TOKENS",
    "TAG_CHROME_PATTERN",
    "TAG_FOREIGN_PATTERN",
    "TAG_LIST_VOCABULARY",
    "BlockRule",
    "ContainerCheck",
]

#: The tokens of a page's side column: a stem ("sidebarcontainer", "sidebar-1").
SIDEBAR_TOKENS = r"sidebar[a-z0-9]*"

# --- containers -------------------------------------------------------------------
#: class/id/role vocabulary of page parts that are not the article, grouped by
#: concept. Metadata found inside these (a "3 hours ago" on a teaser card, an
#: author in a comment) is not the article's. Whole tokens ("card" is not
#: "cardinal", "rail" not "railway"), except the deliberate stems written
#: ``word[a-z0-9]*``, which old templates glue to other words: "navbar1",
#: "commentlist", "relatedtext", "footernews01", "sidebarcontainer",
#: "socialbox", "promoad", "sharer" (measured: as whole tokens these cost body
#: precision on l3s-gn1 and dragnet). A stem may exclude a longer word that is
#: no such part: "commentary" (an op-ed), "promotion", "shared-history",
#: "shareholders".
NON_ARTICLE_VOCABULARY: dict[str, tuple[str, ...]] = {
    "navigation": (
        "nav[a-z0-9]*",
        "menu[a-z0-9]*",
        "breadcrumb[a-z0-9]*",
        "masthead",
        "site-header",
        "topbar",
    ),
    "related": (
        "related[a-z0-9]*",
        "recommend[a-z0-9]*",
        "more-stories",
        "most-popular",
        "mostpopular",
        "most-read",
        "trending",
        "teaser[a-z0-9]*",
        "promo(?!tion)[a-z0-9]*",
        "outbrain",
        "taboola",
        "rails?",
        "cards?",
        "widget[a-z0-9]*",
        "read-next",
        "readnext",
        "also-read",
    ),
    "comments": (
        "comment(?!ary|ator)[a-z0-9]*",
        "disqus",
        "reply",
        "replies",
        "discussion[a-z0-9]*",
    ),
    "sidebar": (SIDEBAR_TOKENS, "aside"),
    "footer": ("footer[a-z0-9]*", "site-footer", "colophon"),
    "share": ("share(?!d|hold)[a-z0-9]*", "sharedaddy", "social[a-z0-9]*"),
    "newsletter": ("newsletter[a-z0-9]*", "subscribe[a-z0-9]*", "signup[a-z0-9]*"),
}


#: The tokens of share bars, for every vocabulary that names them. "sharing" is
#: one only as the last token ("social-sharing", "sd-sharing") or before a
#: toolbar word ("sharing-buttons"): a "sharing-settings" section is prose
#: about sharing, and "shared-history" no share bar at all. Share widgets
#: named in one token are listed ("sharedaddy", "sharethis").
SHARING = r"sharing(?:[-_](?:buttons?|tools|bar|icons|links|box|enabled))?(?![-_]?[a-z0-9])"
#: "share" is a stem ("sharer", "sharethis", "shareBar") but not "shared…"
#: nor "sharehold…".
SHARE_TOKENS = rf"share(?!d|hold)[a-z0-9]*|sharedaddy|{SHARING}"

#: Elements that are never the article, whatever their class.
NON_ARTICLE_TAGS: frozenset[str] = frozenset({"nav", "aside", "footer"})

NON_ARTICLE_PATTERN = class_tokens(
    "|".join(w for words in NON_ARTICLE_VOCABULARY.values() for w in words)
)

#: class/id/itemprop vocabulary of bylines. Matched anywhere in the value on
#: purpose: bylines sit in compounds ("autorenfeld", "authorname-txt",
#: "field--name-field-autorzy"); as whole tokens these lost 35 pages' authors.
BYLINE_VOCABULARY = class_pattern(
    r"byline|author|autor|auteur|writer|contributor|verfasser|auth-?name|reporter"
)

#: class/id vocabulary of tag lists.
TAG_LIST_VOCABULARY = class_pattern(
    r"(?<![^\W\d_])(?:tags?|tag-?list|tagcloud|topics?|keywords?|schlagw(?:ort|oerter|örter)e?"
    r"|themen|etiquetas|mots-cles|subjects?)(?![^\W\d_])",
)

#: class/id vocabulary of page parts whose tag rows are not the article's:
#: teaser cards and related-story rails (each card has its own tags),
#: comments, navigation and site-wide sidebars. Whole words: a commentary
#: (an op-ed) is an article.
TAG_FOREIGN_PATTERN = class_words(
    r"related|recommend(?:ed|ations?)?|more-stories|most-popular|mostpopular|most-read"
    r"|trending|teasers?|promo|outbrain|taboola|rails?|recirc(?:ulation)?|read-?next|also-read"
    r"|comments?|disqus|side-?bar|widgets?|nav|navbar|navigation|menu|breadcrumbs?|cards?"
)

#: class/id vocabulary of the page's own furniture: a topic list in a site
#: footer, an aside or a share bar is the site's, not the article's. Only
#: looked for outside the headline's ``<article>``, whose own footer is where
#: tag rows usually stand.
TAG_CHROME_PATTERN = class_words(
    rf"footer|colophon|aside|share|{SHARING}|social|newsletter|subscribe|masthead|site-header"
    r"|topbar"
)


#: A lede this long is the article's first paragraph (a German Vorspann, a
# --- blocks: where an extracted line sits in the page ----------------------------
@dataclass(frozen=True, slots=True)
class BlockRule:
    """A body line dropped for the element it comes from, not for its words.

    The rule fires when the line's element, or one of its nearest
    ``BLOCK_RULE_MAX_ANCESTORS`` ancestors, is one of ``inside_tags`` or has a
    class/id matching ``container``. A ``minority_only`` rule fires only on a
    container that holds less than ``BLOCK_RULE_MINORITY_SHARE`` of the
    extracted lines: a box beside the text, not a wrapper of the article that a
    site happens to name with the same word ("story-share-wrap").

    A rule with a ``text`` pattern tests the line too: it fires only when the
    line's (whitespace-collapsed) text also matches it whole, a row of the
    cleaning table (:data:`articlekit.rules.CLEANING_RULES`) that tests both.
    """

    id: str
    reason: str
    inside_tags: frozenset[str] = frozenset()
    container: re.Pattern[str] | None = None
    minority_only: bool = False
    #: The line's text, matched whole, for a rule that tests element and text.
    text: re.Pattern[str] | regex.Pattern[str] | None = None
    #: Containers the rule fires in: a tag as ``<tag>``, else a class/id value.
    examples: tuple[str, ...] = ()
    #: Containers it must spare.
    not_examples: tuple[str, ...] = ()
    #: The rule stands down on a list where the lines it would drop hold
    #: more than half the text: there they are the article (a photo
    #: gallery's captions), not boxes beside it.
    stands_down_on_most: bool = False

    def accepts(self, value: str) -> bool:
        """Whether a container (``<tag>`` or a class/id value) is one this rule drops."""
        if value.startswith("<") and value.endswith(">"):
            return value[1:-1] in self.inside_tags
        return self.container is not None and self.container.search(value) is not None


#: How far up from a line's element a block rule looks. Captions and bios are
#: small boxes; looking further would reach wrappers of the whole article.
BLOCK_RULE_MAX_ANCESTORS = 6
#: A ``minority_only`` rule spares containers holding at least this share of
#: the extracted lines. Measured: 0.3 instead of 0.5 keeps 0.0004 less aed
#: precision (some related boxes hold a third of a short body's lines).
BLOCK_RULE_MINORITY_SHARE = 0.5

BLOCK_RULES: tuple[BlockRule, ...] = (
    # Paragraphs and headings wrapped in a link are teaser cards: article text
    # is never one big link.
    BlockRule(
        "inside-link",
        "a block set inside a link: a teaser card",
        frozenset({"a"}),
        examples=("<a>",),
        not_examples=("<div>", "<p>"),
    ),
    # Picture and video captions: the reader sees them beside an image, and
    # they repeat or trail the text ("imageCaption", "caption-text", <figcaption>).
    BlockRule(
        "caption",
        "an image or video caption",
        frozenset({"figcaption"}),
        # Anywhere in the value on purpose: "storyphotocaption", "imagecaption".
        container=class_pattern(r"caption"),
        examples=("<figcaption>", "imageCaption", "caption-text", "storyphotocaption"),
        not_examples=("<figure>", "image-credit"),
        # A gallery's captions are its story; the page verdict warns of it.
        stands_down_on_most=True,
    ),
    # Author boxes under an article ("About the author", a bio paragraph).
    BlockRule(
        "author-bio",
        "an author's biography box",
        container=class_pattern(
            r"(?<![^\W_])(?:bio|author-?bio|biography|about-the-author|about-author"
            r"|author[-_]?(?:info\w*|box|card|details|profile))(?![^\W_])"
        ),
        examples=("author-bio", "about-the-author", "author_box"),
        not_examples=("biology-section", "author-name"),
    ),
    # In-text promotion boxes for other products or stories.
    BlockRule(
        "promo",
        "a promotion box",
        container=class_pattern(r"(?<![^\W_])promo(?![^\W_])"),
        examples=("inline-promo", "promo box"),
        not_examples=("promotion-news", "compromo"),
    ),
    # Lists of other stories set in or under the text ("More from us", "Most
    # read today", recirculation widgets). Sites also give these words to the
    # article's own wrapper, hence minority_only.
    BlockRule(
        "related-box",
        "a box of links to other stories",
        # Whole tokens; deliberate stems: "related…" ("relatedtext",
        # "relatedrail_left"), "recommend…" (recommendations), "popular…"
        # ("popularsidebar", not "popularity"), "relacionad…" (relacionados,
        # relacionadas), "correlat…" (correlati, correlate).
        container=class_tokens(
            r"related[a-z0-9]*|recommend[a-z0-9]*|more-?stories|most-?popular"
            r"|popular(?!ity)[a-z0-9]*|most-?read"
            r"|trending|read-?next|also-?read|you-may-like|latest-news|recirc(?:ulation)?"
            r"|outbrain|taboola|links?-?box(?:es)?|link-?list|link-?liste"
            r"|next-?(?:story|post|article)s?"
            # French, German, Spanish, Italian, Polish class names of the same boxes
            r"|lire-?aussi|a-lire|voir-?aussi|savoir-?plus|en-savoir"
            r"|weitere-?artikel|mehr-?zum-?thema|verwandte|empfehlung(?:en)?|lesetipps?"
            r"|relacionad[a-z0-9]*|te-puede-interesar|leer-mas|correlat[a-z0-9]*|czytaj-?tez"
            r"|powiazane|polecane"
        ),
        minority_only=True,
        examples=(
            "related-posts",
            "relatedPosts",
            "story-recirc",
            "recommendations",
            "lire-aussi",
            "weitere-artikel",
            "noticias-relacionadas",
            "polecane",
        ),
        not_examples=("article-body", "unrelated-note", "popularity"),
    ),
    # Share and print toolbars (share, print and reprint buttons). "social" is
    # not here: byline boxes with social links hold the dek on some sites.
    BlockRule(
        "share-box",
        "a share or print toolbar",
        # Whole tokens (see SHARE_TOKENS): not "shared-history", "sharing-settings".
        container=class_tokens(rf"{SHARE_TOKENS}|print-tools|article-tools|reprints?"),
        minority_only=True,
        examples=(
            "share-bar",
            "article-tools",
            "social-sharing",
            "sd-sharing-enabled",
            "sharing-buttons",
            "shareBar",
            "sharedaddy",
        ),
        not_examples=(
            "timeshare",
            "footnotes",
            "shared-history",
            "sharing-settings",
            "SHARED",
            "shareholders",
        ),
    ),
    # Newsletter sign-up boxes. "subscribe" and "subscription" are not here:
    # paywalled article text sits in containers named so.
    BlockRule(
        "newsletter-box",
        "a newsletter sign-up box",
        # Deliberate stems: "newsletter…" ("newsletterbox"), "signup…", "optin…"
        # ("opting-in").
        container=class_tokens(
            r"newsletter[a-z0-9]*|signup[a-z0-9]*|sign-up|optin[a-z0-9]*|opt-in"
        ),
        minority_only=True,
        examples=("newsletter-box", "optin-box", "sign-up-form"),
        not_examples=("subscription-content", "design-up", "optimal-layout"),
    ),
    # A page's side column: the blog's author profile, archive and label lists
    # that extractors take for a short post's text. Stems: "sidebar-wrapper",
    # "sidebarRight".
    BlockRule(
        "sidebar-box",
        "the page's side column",
        container=class_tokens(SIDEBAR_TOKENS, camel=True),
        minority_only=True,
        examples=("sidebar", "sidebar-wrapper", "rightSidebar", "sidebarRight"),
        not_examples=("insidebar", "side-note", "barsideview"),
    ),
    # Readers' comments under the article. Whole words only: "commentary" and
    # "comment-count" are not the comments themselves.
    BlockRule(
        "comments-box",
        "readers' comments",
        container=class_pattern(r"(?<![^\W_])(?:comments?|disqus|discussion)(?![^\W_])"),
        minority_only=True,
        examples=("reader-comments", "disqus_thread", "comment list"),
        not_examples=("commentary", "commenter-name"),
    ),
)

#: A paragraph or subhead that is nothing but one link to another page, of at
#: least LINK_LINE_MIN_WORDS words, is a teaser set into the text ("Five things
#: to know before the vote", "GET OUR APP FOR BREAKING NEWS"): article prose is
#: never one link from end to end. Shorter ones are names of products or places
#: in a list the article gives. A quote that is one link is an embedded post
#: card. List items are not here: a link-only list item did not measure better.
LINK_LINE_TAGS: frozenset[str] = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote"})
LINK_LINE_MIN_WORDS = 4
#: Link targets that stay on the page, and so are no teaser.
LINK_LINE_SAME_PAGE_PREFIXES = ("#", "javascript:")


# --- split bodies: articles cut into several same-class containers ----------------
#: Some layouts cut one article into several sibling containers with the same
#: tag and class (a chunk per ad slot); extractors often keep only the first.
#: Prose paragraphs of same-class containers are added back when they sit within
#: this many levels above the container that holds most extracted paragraphs...
CONTINUATION_MAX_LEVELS = 4
#: ...and when less than this share of a paragraph's text is link text.
CONTINUATION_MAX_LINK_SHARE = 0.3

# --- blocks set between an article's paragraphs -----------------------------------
#: A block that stands between two of the body's paragraphs, as their sibling,
#: is the article's (a list of tips, a quoted passage, a one-line paragraph),
#: though extractors sometimes drop it. These tags are taken, as these kinds of
#: block; a ``div`` is not (between paragraphs it is mostly a caption or an ad).
SANDWICHED_BLOCK_TAGS: Mapping[str, str] = MappingProxyType(
    {"p": "paragraph", "blockquote": "quote", "ul": "list", "ol": "list"}
)
#: Such a block is added when it holds at least this many characters...
SANDWICHED_MIN_CHARS = 20
#: ...less than this share of its text is link text ("Read more: ..." lines
#: and "related stories" lists set between paragraphs are links)...
SANDWICHED_MAX_LINK_SHARE = 0.2
#: ...and, for a list, when at least this share of its items is prose.
SANDWICHED_LIST_MIN_PROSE_SHARE = 0.5
#: Markup shown as text (``<span ...>``, ``&lt;span``): an editor's leftovers.
SANDWICHED_MARKUP = re.compile(r"<[a-z][a-z0-9]*[\s>]|&(?:amp;)*(?:lt|gt);", re.IGNORECASE)
#: A block whose first or last this many characters the body holds already is
#: shown there (cut into other lines), and is not added again.
SANDWICHED_EDGE_CHARS = 40


# --- the article's own container: a second opinion on the body --------------------
#: class/id vocabulary of the element that holds an article's text, as CMS
#: templates mark it (itemprop=articleBody is checked as well).
BODY_CONTAINER_VOCABULARY = class_pattern(
    r"(?<![^\W_])(?:article-?body|article__body|story-?body|entry-content|post-content"
    r"|article-?content|story-content|post-body|body-?text|article-?text|article__content"
    r"|content-body|rich-text)(?![^\W_])"
)
#: Tags such a container has; a matching <p> or <span> is a styled line.
BODY_CONTAINER_TAGS: frozenset[str] = frozenset({"div", "section", "article", "main"})


@dataclass(frozen=True, slots=True)
class ContainerCheck:
    """When the marked container overrules the extractor's first choice.

    The extractor's text is checked against the page's largest marked body
    container: if less than ``min_share_inside`` of it comes from there, the
    extractor probably read a teaser list or a sidebar, and it is asked again
    on the container alone. The second answer wins if it is at least
    ``min_length_ratio`` as long as the first.
    """

    #: Containers with less text than this are not trusted to hold an article.
    min_container_chars: int = 500
    min_share_inside: float = 0.3
    min_length_ratio: float = 0.7


CONTAINER_CHECK = ContainerCheck()


# --- pop-ups set inside the text ----------------------------------------------------
#: class/id vocabulary of cards that appear on hover over a name or term in
#: a paragraph (a person's photo and their latest articles). Their markup
#: sits inside the sentence, so without this the card's text runs into it.
INLINE_POPUP_VOCABULARY = class_pattern(
    r"(?<![^\W_])(?:rollover|hover-?card|popover|tooltip|hover-?box)(?![^\W_])"
)
#: Only a card that is mostly links goes: a glossary tooltip explaining a
#: term in plain words is text a reader may want.
INLINE_POPUP_MIN_LINK_SHARE = 0.8
#: How far up a paragraph may be for the card to count as inside the text.
INLINE_POPUP_MAX_DEPTH = 6


# --- the shape of body blocks -------------------------------------------------------
#: A table of one row or one column lays out the page (data comes in a
#: series). So does a table with at most this many columns whose cells hold
#: prose (a cell of LAYOUT_TABLE_PROSE_CELL_CHARS or more): its cells are
#: paragraphs, not data. Data tables hold short values ("3.2 %", "Berlin");
#: old pages set the whole article in a two-column layout table.
LAYOUT_TABLE_MAX_COLUMNS_FOR_PROSE = 3
LAYOUT_TABLE_PROSE_CELL_CHARS = 300
#: A table in which more than this share of the rows fill at most one cell lays
#: out a list with spacer cells ("| | Front Page |", "| | Nation |" down a
#: sidebar): data rows fill their columns.
LAYOUT_TABLE_SPARSE_ROW_SHARE = 0.5
#: A cell of such a table whose text is at least this share link text is the
#: site's menu beside the article ("Home / News / Contact" down the left side),
#: not part of it; a cell of prose with a few links in it stays.
LAYOUT_MENU_MIN_LINK_SHARE = 0.7

#: class/id vocabulary of blockquotes that are a social post embedded by its
#: service's script (the quote holds the post's text and its link), not a
#: quotation of the article: examples "twitter-tweet", "instagram-media",
#: "tiktok-embed", "reddit-card", "bluesky-embed", "mastodon-embed",
#: "threads-post"; not "pullquote", "blockquote-tweetable" (a quotation with a
#: share button).
EMBEDDED_POST_VOCABULARY = class_pattern(
    r"(?<![^\W_])(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|reddit-card"
    r"|reddit-embed|bluesky-embed|mastodon-embed|threads-post|fb-xfbml-parse-ignore"
    r"|facebook-post|linkedin-post)(?![^\W_])"
)

#: Host names of embedded players and posts, and the kind of embed each gives
#: (an iframe's ``src``). Examples: "https://www.youtube-nocookie.com/embed/x"
#: is a video; "https://open.spotify.com/embed/episode/x" audio; an ad frame
#: from an unknown host is no embed.
EMBED_HOSTS: tuple[tuple[str, str], ...] = (
    ("youtube.com", "video"),
    ("youtube-nocookie.com", "video"),
    ("youtu.be", "video"),
    ("vimeo.com", "video"),
    ("dailymotion.com", "video"),
    ("jwplayer.com", "video"),
    ("brightcove.net", "video"),
    ("spotify.com", "audio"),
    ("soundcloud.com", "audio"),
    ("podcasts.apple.com", "audio"),
    ("anchor.fm", "audio"),
    ("podbean.com", "audio"),
    ("google.com/maps", "map"),
    ("openstreetmap.org", "map"),
    ("datawrapper.dwcdn.net", "other"),
    ("flourish.studio", "other"),
    ("twitter.com", "post"),
    ("x.com", "post"),
    ("instagram.com", "post"),
    ("facebook.com", "post"),
    ("tiktok.com", "post"),
)

#: class/id vocabulary of a picture credit inside a figure ("Foto: dpa",
#: "Photo: Reuters"): examples "credit", "image-credit", "copyright",
#: "photographer", "bildquelle"; not "creditcard-offer" nor "discredited" (whole
#: tokens only; "credit-card-offer" is matched, the token followed by a separator).
FIGURE_CREDIT_VOCABULARY = class_pattern(
    r"(?<![^\W_])(?:credits?|image-?credit|photo-?credit|copyright|photographer|bildquelle"
    r"|quelle|source)(?![^\W_])"
)
#: An image narrower than this (by its width attribute) is an icon, an avatar
#: or a tracking pixel, not a figure of the article.
FIGURE_MIN_WIDTH = 120
#: Attributes that lazy-loading scripts read the real image address from, in
#: order of trust; ``src`` then often holds a placeholder.
IMAGE_SOURCE_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "src")

#: Every class/id vocabulary of this module as a row with examples.
BLOCK_VOCABULARIES: tuple[Vocabulary, ...] = (
    Vocabulary(
        "non-article",
        "page parts that are not the article, grouped by concept",
        NON_ARTICLE_PATTERN,
        examples=("site-nav", "related-posts", "comment-list", "sidebar", "share-bar"),
        not_examples=("article-body", "entry-content", "commentary", "cardinal", "shared-history"),
    ),
    Vocabulary(
        "byline-class",
        "class/id/itemprop vocabulary of bylines",
        BYLINE_VOCABULARY,
        examples=("byline", "article-author", "autor-name", "contributor", "postAuthor"),
        not_examples=("headline", "dateline"),
    ),
    Vocabulary(
        "tag-list",
        "class/id vocabulary of tag lists",
        TAG_LIST_VOCABULARY,
        examples=("tags", "tag-list", "article-keywords", "schlagworte"),
        not_examples=("stage", "topicality"),
    ),
    Vocabulary(
        "tag-foreign",
        "page parts whose tag rows are not the article's",
        TAG_FOREIGN_PATTERN,
        examples=("related-stories", "teaserCard", "cbsSidebar", "comments"),
        not_examples=("commentary", "cardinal-news"),
    ),
    Vocabulary(
        "tag-chrome",
        "the site's own furniture",
        TAG_CHROME_PATTERN,
        examples=("site-footer", "footerLinks", "share-tools"),
        not_examples=("footers", "article-footnote"),
    ),
    Vocabulary(
        "body-container",
        "the element that holds an article's text",
        BODY_CONTAINER_VOCABULARY,
        examples=("article-body", "entry-content", "story-body"),
        not_examples=("article-bodyguard", "body"),
    ),
    Vocabulary(
        "inline-popup",
        "cards that appear on hover inside a paragraph",
        INLINE_POPUP_VOCABULARY,
        examples=("rollover-people", "hover-card", "tooltip"),
        not_examples=("tooltips-glossary", "popoverlay"),
    ),
    Vocabulary(
        "embedded-post",
        "blockquotes that are a social post embedded by its service's script",
        EMBEDDED_POST_VOCABULARY,
        examples=("twitter-tweet", "instagram-media", "tiktok-embed"),
        not_examples=("pullquote", "blockquote-tweetable"),
    ),
    Vocabulary(
        "figure-credit",
        "a picture credit inside a figure",
        FIGURE_CREDIT_VOCABULARY,
        examples=("credit", "image-credit", "bildquelle", "photographer"),
        not_examples=("creditcard-offer", "discredited", "sources-list"),
    ),
)
