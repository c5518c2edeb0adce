"""JSON-LD: schema.org Article-like objects (NewsArticle, BlogPosting, ...)."""

from __future__ import annotations

import html
from typing import Any

from ..dates import parse_iso, parse_stamp
from ..jsonld_parse import as_list, type_names
from ..page import Page
from ..people import clean_authors
from ..stage import Draft, Finding
from ._common import clean_text, language_code, split_list

__all__ = ["ARTICLE_TYPES", "JsonLdExtractor"]

#: schema.org types whose object describes the article itself.
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "TechArticle",
        "ScholarlyArticle",
        "Report",
        "Review",
        "Recipe",
        "HowTo",
        "WebPage",
        "ItemPage",
    }
)
#: WebPage objects are weaker evidence than a real article object.
_WEAK_TYPES = frozenset({"WebPage", "ItemPage"})
_PERSON_TYPES = frozenset({"Person"})


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        # Some CMSs write HTML entities ("&#039;", "&bull;") into JSON-LD strings.
        return clean_text(html.unescape(value)) if "&" in value else clean_text(value) or None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or value.get("url"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def _image(value: Any) -> str | None:
    for item in as_list(value):
        if isinstance(item, str) and item.strip():
            return item.strip()
        if isinstance(item, dict):
            url = item.get("url") or item.get("contentUrl") or item.get("@id")
            if isinstance(url, str) and url.strip():
                return url.strip()
    return None


def _author_names(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    names: list[str] = []
    for item in as_list(value):
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = by_id.get(item["@id"], item)  # a reference to a node of the @graph
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            types = type_names(item)
            if types and not types & _PERSON_TYPES:
                continue  # an Organization as author is not a person
            name = _text(item.get("name"))
            if name:
                names.append(name)
    return names


def _stamp(raw: Any) -> tuple[Any, str] | None:
    text = _text(raw)
    if not text:
        return None
    value = parse_iso(text) or parse_stamp(text)
    return (value, text) if value is not None else None


class JsonLdExtractor:
    """Reads the page's JSON-LD article object; the most trusted metadata source."""

    name = "jsonld"
    provides = frozenset(
        {
            "section",
            "language",
            "description",
            "image",
            "site_name",
        }
    )
    requires: frozenset[str] = frozenset()

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        objects = [o for o in page.jsonld if type_names(o) & ARTICLE_TYPES]
        by_id = {o["@id"]: o for o in page.jsonld if isinstance(o.get("@id"), str)}
        # Real article objects first; WebPage only as a fallback.
        objects.sort(key=lambda o: bool(type_names(o) & _WEAK_TYPES))
        for obj in objects:
            kind = "/".join(sorted(type_names(obj)))
            strong = not type_names(obj) <= _WEAK_TYPES
            for key, field in (("datePublished", "published"), ("dateModified", "updated")):
                stamp = _stamp(obj.get(key))
                if stamp and (strong or field == "published"):
                    finding.hint(field, stamp[0], f"{kind}.{key}")
                    finding.hint(f"{field}_text", stamp[1], f"{kind}.{key}")
            finding.hint(
                "title", _text(obj.get("headline")) or _text(obj.get("name")), f"{kind}.headline"
            )
            if strong:
                authors = clean_authors(
                    _author_names(obj.get("author") or obj.get("creator"), by_id)
                )
                finding.hint("authors", authors, f"{kind}.author")
                keywords: list[str] = []
                for item in as_list(obj.get("keywords")):
                    if isinstance(item, str):
                        keywords.extend(split_list(item))
                finding.hint("tags", tuple(keywords), f"{kind}.keywords")
                finding.set("section", _text(obj.get("articleSection")), f"{kind}.articleSection")
            language = _text(obj.get("inLanguage"))
            finding.set("language", language and language_code(language), f"{kind}.inLanguage")
            finding.set("description", _text(obj.get("description")), f"{kind}.description")
            finding.set("image", _image(obj.get("image")), f"{kind}.image")
            publisher = obj.get("publisher")
            if isinstance(publisher, dict):
                finding.set("site_name", _text(publisher.get("name")), f"{kind}.publisher.name")
        return finding
