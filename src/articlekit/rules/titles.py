"""Headline words: title separators, media labels, and the class vocabularies
of branding, headlines, kickers and subtitles (deks).

The class vocabularies here are still matched anywhere in a class value.
Made whole tokens together with the byline vocabulary (issue #12), the two
changed 35 pages' authors for the worse (byline compounds such as
"autorenfeld" and "authorname-txt"); the headline and dek vocabularies were
not measured apart, so they stay as they were until they are.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ._types import LINE_FLAGS, Vocabulary, class_pattern

__all__ = [
    "BRANDING_VOCABULARY",
    "DEK_MIN_WORDS",
    "HEADLINE_CLASS_VOCABULARY",
    "HEADLINE_HIDDEN_VOCABULARY",
    "HEADLINE_MEDIA_LABEL",
    "KICKER_VOCABULARY",
    "LEDE_MIN_CHARS",
    "NOT_DEK_CONTAINER_VOCABULARY",
    "NOT_DEK_TEXT",
    "NOT_DEK_VOCABULARY",
    "SUBTITLE_VOCABULARY",
    "TITLE_ROWS",
    "TITLE_SEPARATORS",
    "TITLE_SEPARATOR_ROWS",
    "TitleSeparator",
]

#: Separators between a headline and a site name in ``<title>`` and og:title.
TITLE_SEPARATORS: tuple[str, ...] = (
    " | ",
    " - ",
    " – ",
    " — ",
    " :: ",
    " · ",
    " » ",
    " « ",
    " • ",
    " / ",
    " : ",
    # Bars are never part of a headline, spaced or not ("NEWS WEB EASY|…");
    # tried last, so a spaced separator always wins.
    "|",
    "｜",
)


#: A bracketed label at the end of a headline that says what media the page
#: carries, not what the story is: "… 19 million miles away (video)".
HEADLINE_MEDIA_LABEL = regex.compile(
    r"\s+[(\[](?:videos?|photos?|pictures|pics|gallery|audio|podcast|watch|listen"
    r"|interactive|live|fotos?|bilder|bildergalerie)[)\]]$",
    LINE_FLAGS,
)

LEDE_MIN_CHARS = 150

#: class/id vocabulary of containers whose subtitle-like text is not the
#: article's dek: teaser cards ("post-card__excerpt", "related-posts-title"),
#: dialogs and forms ("modal-subtitle", "push-subtitle"), ratings, captions.
#: Checked on the element and its near ancestors.
NOT_DEK_CONTAINER_VOCABULARY = class_pattern(
    r"(?<![^\W_])(?:modal|popup|subscri|newsletter|notif|push|rating|fivestar|related"
    r"|associated|recommend|card|wpdiscuz|paywall"
    # the lead picture's caption and credit ("lead-image__caption")
    r"|caption|credit)"
)
#: ...and on the element itself also author boxes and bylines ("author-excerpt",
#: "byline-subtitle"), which the article's header often wraps its dek in,
#: Drupal's body fields ("field--type-text-with-summary"), which are text, and
#: the lead picture.
NOT_DEK_VOCABULARY = class_pattern(
    r"author|byline|comment|with-summary"
    # "lead-image", "article-lead-media": the lead picture, not the lead text
    r"|(?<![^\W_])(?:media|image|img|photo|video|gallery)"
)

#: A dek has at least this many words: two are a section label or a rail
#: heading set under the headline ("Open Future", "Our ruling").
DEK_MIN_WORDS = 3

#: Text that is a teaser or a meta strip, not a dek, whatever its class: one
#: opening with a relative time or a media label ("7h ago - From the harbor...",
#: "Video: The bridge at night"), closing on a dateline ("Harbor Sports •
#: 02.02.2031"), or wholly in brackets.
NOT_DEK_TEXT = regex.compile(
    r"^(?:\d{1,2}\s?(?:m|min|mins|minutes?|h|hrs?|hours?|d|days?) ago\b"
    r"|vor \d{1,2}\s?(?:min|minuten|std|stunden?|tagen?)\b"
    r"|(?:video|watch|gallery|photos?|podcast|listen|audio)\s*[:|])"
    r"|[•|·]\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}$"
    # a note wholly in brackets: "(Share of the daily need in per cent)"
    r"|^\([^()]*\)$",
    LINE_FLAGS,
)

#: class/id vocabulary of subtitles (deks, standfirsts).
SUBTITLE_VOCABULARY = class_pattern(
    r"subtitle|sub-title|subhead|dek(?![^\W\d_])|standfirst|summary|lede|lead-text|intro|teaser-text"
    r"|kicker-text|excerpt|artikel-teaser|article-teaser|vorspann|chapo|chapeau|preface"
    r"|(?<![^\W_])(?:lead|abstract)(?![^\W_])",
)

#: Containers whose dates are never the article's: teaser rails and comment
#: threads. Stamps inside them are skipped, and a date htmldate finds only
#: class/id vocabulary of a site's logo or name; blog themes put it in an <h1>.
BRANDING_VOCABULARY = class_pattern(
    r"site-title|site-name|sitename|blog-title|blogtitle|site-branding|branding|logo|masthead"
    r"|header-title|brand",
)

#: class vocabulary of headings that hold a post's headline below a branded h1.
HEADLINE_CLASS_VOCABULARY = class_pattern(
    r"headline|entry-title|post-title|article-title|story-title|title"
)

#: class vocabulary of headings hidden from sight: text only for screen readers.
HEADLINE_HIDDEN_VOCABULARY = class_pattern(
    r"sr-only|visually-hidden|screen-reader|visuallyhidden|hidden-text|offscreen",
)

#: class vocabulary of labels inside a headline element that are not part of it:
#: kickers / overlines ("Corona-Pandemie", "100. Geburtstag") and text only for
#: screen readers ("Headline:").
KICKER_VOCABULARY = class_pattern(
    r"kicker|dachzeile|overline|topline|eyebrow|roofline|spitzmarke|supertitle|pretitle"
    r"|sub-heading|subheading|subtitle"
    r"|sr-only|visually-hidden|screen-reader|visuallyhidden|hidden-text|offscreen",
)


@dataclass(frozen=True, slots=True)
class TitleSeparator:
    """A separator between a headline and a site name, with titles that show it."""

    id: str
    text: str
    examples: tuple[str, ...]
    not_examples: tuple[str, ...]

    def accepts(self, title: str) -> bool:
        return self.text in title


_SEPARATOR_EXAMPLES: dict[str, tuple[str, str]] = {
    " | ": ("Ferry returns to the harbour | Harbor Notes", "Ferry returns|Harbor Notes"),
    " - ": ("Ferry returns to the harbour - Harbor Notes", "Ferry-return to the harbour"),
    " – ": ("Ferry returns to the harbour – Harbor Notes", "Ferry returns–Harbor"),
    " — ": ("Ferry returns to the harbour — Harbor Notes", "Ferry returns—Harbor"),
    " :: ": ("Ferry returns to the harbour :: Harbor Notes", "Ferry returns: the harbour"),
    " · ": ("Ferry returns to the harbour · Harbor Notes", "Ferry returns·Harbor"),
    " » ": ("Harbor Notes » Ferry returns", "Harbor Notes»Ferry"),
    " « ": ("Ferry returns « Harbor Notes", "Ferry«Harbor"),
    " • ": ("Ferry returns • Harbor Notes", "Ferry•Harbor"),
    " / ": ("Ferry returns / Harbor Notes", "Ferry returns 24/7"),
    " : ": ("Harbor Notes : Ferry returns", "Harbor Notes: Ferry returns"),
    "|": ("NEWS WEB EASY|Ferry returns", "Ferry returns to the harbour"),
    "｜": ("Ferry returns｜Harbor Notes", "Ferry returns to the harbour"),
}
#: The separators as rows, with titles each is found in (and not found in).
TITLE_SEPARATOR_ROWS: tuple[TitleSeparator, ...] = tuple(
    TitleSeparator(f"separator-{n}", sep, (ex,), (nex,))
    for n, (sep, (ex, nex)) in enumerate(_SEPARATOR_EXAMPLES.items(), start=1)
)
assert tuple(row.text for row in TITLE_SEPARATOR_ROWS) == TITLE_SEPARATORS

#: Every headline and dek vocabulary as a row with examples.
TITLE_ROWS: tuple[Vocabulary, ...] = (
    Vocabulary(
        "headline-media-label",
        "a bracketed media label at the end of a headline",
        HEADLINE_MEDIA_LABEL,
        examples=("Comet passes 19 million miles away (video)", "Hafenfest 2031 [Bilder]"),
        not_examples=("Video shows the ferry", "The ferry (and its crew) returns"),
    ),
    Vocabulary(
        "not-dek-container",
        "containers whose subtitle-like text is no dek",
        NOT_DEK_CONTAINER_VOCABULARY,
        examples=("modal-subtitle", "post-card__excerpt", "lead-image__caption"),
        not_examples=("article-header", "standfirst"),
    ),
    Vocabulary(
        "not-dek",
        "author boxes, body fields and the lead picture",
        NOT_DEK_VOCABULARY,
        examples=("author-excerpt", "field--type-text-with-summary", "lead-image"),
        not_examples=("article-dek", "multimedia"),
    ),
    Vocabulary(
        "not-dek-text",
        "teaser and meta text under a headline",
        NOT_DEK_TEXT,
        examples=(
            "7h ago - From the harbor",
            "vor 3 Stunden",
            "Video: The bridge at night",
            "Harbor Sports • 02.02.2031",
            "(Share of the daily need in per cent)",
        ),
        not_examples=("The ferry returns after seven years away",),
    ),
    Vocabulary(
        "subtitle",
        "class vocabulary of subtitles (deks, standfirsts)",
        SUBTITLE_VOCABULARY,
        examples=("article-standfirst", "c-dek", "lead", "article__vorspann"),
        not_examples=("deklaration", "leader-board", "mislead-box"),
    ),
    Vocabulary(
        "branding",
        "class vocabulary of a site's logo or name",
        BRANDING_VOCABULARY,
        examples=("site-title", "logo", "site-branding"),
        not_examples=("entry-title", "article-header"),
    ),
    Vocabulary(
        "headline-class",
        "class vocabulary of headings holding a post's headline",
        HEADLINE_CLASS_VOCABULARY,
        examples=("entry-title", "headline", "post-title"),
        not_examples=("byline", "kicker"),
    ),
    Vocabulary(
        "headline-hidden",
        "class vocabulary of text only for screen readers",
        HEADLINE_HIDDEN_VOCABULARY,
        examples=("sr-only", "visually-hidden"),
        not_examples=("hidden-gem", "visual-story"),
    ),
    Vocabulary(
        "kicker",
        "class vocabulary of kickers and overlines in a headline",
        KICKER_VOCABULARY,
        examples=("kicker", "article-dachzeile", "eyebrow"),
        not_examples=("headline", "title"),
    ),
)
