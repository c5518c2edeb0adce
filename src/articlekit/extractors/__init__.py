"""The standard extractors, one module each; :func:`default_stages` orders them.

Order is precedence: for each field the first stage that sets it wins. The
structured sources come first (most trusted), then the stages that read the
visible page, then the body and the chrome stage that cleans it.
"""

from __future__ import annotations

from ..stage import Extractor
from .authors import AuthorsExtractor
from .body import BodyExtractor, BodyOptions
from .chrome import ChromeExtractor, ChromeOptions
from .dates import DatesExtractor
from .headline import HeadlineExtractor
from .jsonld import JsonLdExtractor
from .language import LanguageExtractor
from .meta import MetaExtractor
from .opengraph import OpenGraphExtractor
from .tags import TagsExtractor
from .verdict import VerdictExtractor

__all__ = [
    "AuthorsExtractor",
    "BodyExtractor",
    "BodyOptions",
    "ChromeExtractor",
    "ChromeOptions",
    "DatesExtractor",
    "HeadlineExtractor",
    "JsonLdExtractor",
    "LanguageExtractor",
    "MetaExtractor",
    "OpenGraphExtractor",
    "TagsExtractor",
    "VerdictExtractor",
    "default_stages",
]


def default_stages() -> list[Extractor]:
    """jsonld, opengraph, meta, headline, authors, dates, tags, body, chrome, language, verdict."""
    return [
        JsonLdExtractor(),
        OpenGraphExtractor(),
        MetaExtractor(),
        HeadlineExtractor(),
        AuthorsExtractor(),
        DatesExtractor(),
        TagsExtractor(),
        BodyExtractor(),
        ChromeExtractor(),
        LanguageExtractor(),
        VerdictExtractor(),
    ]
