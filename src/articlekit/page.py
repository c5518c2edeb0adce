"""``Page``: the input decoded once and parsed once.

Extractors read a Page and never mutate it: whoever needs to prune a tree takes
``page.copy_root()`` first. Structured data that several stages read (meta
tags, JSON-LD objects) is collected lazily, once per page.
"""

from __future__ import annotations

import codecs
import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, cast

from lxml import etree, html

from .errors import DecodingError, EmptyInputError, InputTooLargeError, NotHtmlError

__all__ = ["Page", "PageLimits", "decode_html"]


@dataclass(frozen=True, slots=True)
class PageLimits:
    """Bounds that keep one bad page from hurting a batch."""

    #: Larger inputs are refused rather than parsed: real article pages are a
    #: few MB at most, and lxml's memory grows ~10x over the byte size.
    max_bytes: int = 50 * 1024 * 1024
    #: Share of control bytes (other than tab/CR/LF/FF) above which the input
    #: is taken for binary data rather than a page in some encoding.
    max_control_share: float = 0.10


#: How far into the bytes a charset declaration is looked for; the HTML spec
#: has browsers prescan the first 1024 bytes, real pages put long <script>s
#: before <meta charset>, so we look further.
CHARSET_PRESCAN_BYTES = 4096

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts the same
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">,
# and the XML declaration of XHTML pages.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""",
    re.IGNORECASE,
)

#: Labels that pages declare but Python's codec registry spells otherwise or
#: that browsers treat as a superset (WHATWG encoding standard).
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "x-sjis": "shift_jis",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}

#: File signatures of formats that are never a page (images, archives, PDF).
BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"%PDF-",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\x7fELF",
    b"RIFF",
    b"\x00\x00\x01\x00",
    b"OggS",
    b"ID3",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
)

#: Codecs that charset detection confuses with each other on Western text;
#: for these, windows-1252 (what browsers assume for undeclared Western
#: pages) is taken instead of the detector's pick.
LATIN_FAMILY = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp1258",
        "latin_1",
        "iso8859_2",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "mac_roman",
        "mac_latin2",
        "mac_iceland",
        "mac_turkish",
        "cp437",
        "cp850",
        "cp858",
    }
)

#: Control bytes that plain text does not contain (tab, LF, FF, CR excepted).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_CONTROL_CHARACTER_TABLE = dict.fromkeys(_CONTROL_BYTES)


def _binary_bytes(data: bytes, limits: PageLimits) -> bool:
    """Magic numbers of binary formats, or too many control bytes to be text."""
    if data.lstrip()[:8].startswith(BINARY_SIGNATURES):
        return True
    sample = data[:8192]
    if sample.count(b"\x00") > len(sample) // 4:
        return False  # UTF-16/32 without a BOM: the text check after decoding decides
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # a C-level count
    return controls / max(1, len(sample)) > limits.max_control_share


def _codec_for(label: str) -> str | None:
    label = label.strip().lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


#: C0 control characters dropped before parsing: those counted above plus the
#: form feed. None is allowed in XML, and XML-based tools downstream
#: (trafilatura's output tree) reject a page that keeps one, losing its body.
_STRIPPED_CONTROLS = _CONTROL_BYTES + b"\x0c"
_STRIPPED_CONTROL_CHARACTERS = dict.fromkeys(_STRIPPED_CONTROLS)


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode page bytes: BOM, then declared charset, then detection.

    Returns ``(text, encoding)``. A page that declares a charset Python knows is
    decoded with it (bad bytes replaced), never second-guessed.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    # Many NUL bytes mean UTF-16/32 without a BOM, or binary: an ASCII
    # declaration inside such data is not to be trusted, so detection decides.
    if data.count(b"\x00") <= len(data) // 4:
        match = _DECLARED_CHARSET.search(data[:CHARSET_PRESCAN_BYTES])
        if match:
            codec = _codec_for((match.group(1) or match.group(2)).decode("ascii", "ignore"))
            if (
                codec is not None
                and not codec.startswith("utf-16")
                and not codec.startswith("utf-32")
            ):
                # A page saved as UTF-16 cannot carry an ASCII-readable declaration
                # of itself, so such declarations are stale: fall through.
                return data.decode(codec, errors="replace"), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only undeclared, non-UTF-8 pages

    best = from_bytes(data[: 256 * 1024]).best()
    if best is None:
        raise DecodingError("no text encoding explains these bytes")
    encoding = "cp1252" if best.encoding in LATIN_FAMILY else best.encoding
    return data.decode(encoding, errors="replace"), encoding


def _looks_binary(text: str, limits: PageLimits) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(_CONTROL_CHARACTER_TABLE))
    return controls / len(sample) > limits.max_control_share


def _utf8_bytes(data: bytes) -> bytes | None:
    """``data`` (without its BOM) when it is valid UTF-8 and nothing says otherwise."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data[:4].startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in data:
        return None
    match = _DECLARED_CHARSET.search(data[:CHARSET_PRESCAN_BYTES])
    if match and _codec_for((match.group(1) or match.group(2)).decode("ascii", "ignore")) not in (
        None,
        "utf-8",
    ):
        return None  # a declared charset other than UTF-8 is honoured by decode_html
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return data


#: Element classes picked in C, without lxml.html's per-element Python lookup
#: (stateless, so one instance serves every parser and thread).
_PLAIN_LOOKUP = etree.ElementDefaultClassLookup(
    element=html.HtmlElement,
    comment=html.HtmlComment,
    pi=html.HtmlProcessingInstruction,
    entity=html.HtmlEntity,
)


def _parse(markup: str | bytes, encoding: str | None) -> html.HtmlElement:
    try:
        # huge_tree lifts libxml2's depth limit of 256, past which it drops
        # the rest of pages with many unclosed elements. A new parser per
        # page: lxml parsers must not be shared across threads.
        parser = html.HTMLParser(huge_tree=True, encoding=encoding)
        # Every element is a plain HtmlElement, chosen in C: lxml.html's own
        # lookup runs Python code for each element Python touches (to pick
        # form and input classes no stage uses), a measurable share of a page.
        parser.set_element_class_lookup(_PLAIN_LOOKUP)
        root: html.HtmlElement = html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise NotHtmlError(f"no markup could be parsed: {exc}") from exc
    return root


_WITH_ITEMPROP = etree.XPath("//*[@itemprop]")
#: Text nodes longer than this are prose, never a byline, a label or a stamp.
MAX_LABEL_TEXT_CHARS = 200
_SHORT_TEXTS = etree.XPath(f".//text()[string-length(.) < {MAX_LABEL_TEXT_CHARS}]")


def _class_keys(root: html.HtmlElement) -> list[tuple[html.HtmlElement, str]]:
    """Elements below ``root`` with a class, id or role, and those lower-cased."""
    out: list[tuple[html.HtmlElement, str]] = []
    for el in root.iter(etree.Element):
        attrib = el.attrib
        if "class" in attrib or "id" in attrib or "role" in attrib:
            key = f"{attrib.get('class', '')} {attrib.get('id', '')} {attrib.get('role', '')}"
            out.append((el, key.lower()))
    return out


class Page:
    """One decoded, parsed page. Read-only by contract."""

    def __init__(
        self,
        root: html.HtmlElement,
        *,
        url: str | None,
        encoding: str,
        text_dump: str | None = None,
    ) -> None:
        self.root = root
        self.url = url
        self.encoding = encoding
        #: Set for already-extracted text (see :mod:`articlekit.textdump`); the
        #: tree is then empty and the text-aware stages read this instead.
        self.text_dump = text_dump
        self._class_lookups: dict[Any, list[html.HtmlElement]] = {}
        self._short_texts: dict[html.HtmlElement, list[Any]] = {}

    @classmethod
    def from_text(cls, text: str, url: str | None = None) -> Page:
        """A page for a text dump: an empty tree beside the text."""
        if not isinstance(text, str):
            raise TypeError(f"clean_text() takes str, not {type(text).__name__}")
        if not text.strip():
            raise EmptyInputError("text is empty")
        return cls(
            html.document_fromstring("<html><body></body></html>"),
            url=url,
            encoding="str",
            text_dump=text,
        )

    @classmethod
    def from_input(
        cls, source: str | bytes, url: str | None = None, *, limits: PageLimits = PageLimits()
    ) -> Page:
        """Decode and parse ``source``; raise an :class:`~articlekit.errors.InputError`."""
        if isinstance(source, bytes):
            if len(source) > limits.max_bytes:
                raise InputTooLargeError(
                    f"input is {len(source)} bytes; the limit is {limits.max_bytes}"
                )
            if not source.strip():
                raise EmptyInputError("input is empty")
            if _binary_bytes(source, limits):
                raise NotHtmlError("input looks like binary data, not a page")
            utf8 = _utf8_bytes(source)
            if utf8 is not None and not utf8.strip():
                raise EmptyInputError("input is only a byte-order mark and whitespace")
            if utf8 is not None:
                # Most pages: valid UTF-8, so lxml reads the bytes itself, which
                # spares a Python decode and lxml's re-encoding of the str.
                # (Control bytes never occur inside UTF-8 multibyte sequences.)
                clean = utf8.translate(None, _STRIPPED_CONTROLS)
                return cls(_parse(clean, "utf-8"), url=url, encoding="utf-8")
            text, encoding = decode_html(source)
        elif isinstance(source, str):
            if len(source) > limits.max_bytes:
                raise InputTooLargeError(
                    f"input is {len(source)} characters; the limit is {limits.max_bytes}"
                )
            text, encoding = source, "str"
        else:
            raise TypeError(f"parse() takes str or bytes, not {type(source).__name__}")
        if not text.strip():
            raise EmptyInputError("input is only whitespace")
        if _looks_binary(text, limits):
            raise NotHtmlError("input looks like binary data, not a page")
        text = text.translate(_STRIPPED_CONTROL_CHARACTERS)
        if text.lstrip().startswith("<?xml"):
            # lxml refuses str input that carries an encoding declaration.
            text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
        return cls(_parse(text, None), url=url, encoding=encoding)

    def copy_root(self) -> html.HtmlElement:
        """A deep copy of the tree, for stages that prune."""
        return copy.deepcopy(self.root)  # a C-level copy: no serialise/re-parse

    # -- shared, lazily collected views -----------------------------------------

    @cached_property
    def meta(self) -> dict[str, list[str]]:
        """``<meta>`` contents keyed by lower-cased name / property / itemprop."""
        out: dict[str, list[str]] = {}
        for el in self.root.iter("meta"):
            content = el.get("content")
            if content is None or not content.strip():
                continue
            for attr in ("property", "name", "itemprop", "http-equiv"):
                key = el.get(attr)
                if key:
                    out.setdefault(key.strip().lower(), []).append(content.strip())
        return out

    def meta_first(self, *keys: str) -> tuple[str, str] | None:
        """The first of ``keys`` that the page has: ``(value, key)``."""
        for key in keys:
            values = self.meta.get(key)
            if values:
                return values[0], key
        return None

    @cached_property
    def jsonld(self) -> list[dict[str, Any]]:
        """Every JSON-LD object on the page, flattened (see :mod:`.extractors.jsonld`)."""
        from .jsonld_parse import objects_from_scripts

        scripts = [
            el.text_content()
            for el in self.root.iter("script")
            if (el.get("type") or "").strip().lower() == "application/ld+json"
        ]
        return objects_from_scripts(scripts)

    @cached_property
    def classed(self) -> list[tuple[html.HtmlElement, str]]:
        """Every element with a class, id or role, with those lower-cased, in page order.

        One pass over the tree shared by every stage that looks elements up by
        class vocabulary: walking a big page costs milliseconds, so it is done once.
        """
        return _class_keys(self.root)

    def with_class(
        self, pattern: Any, within: html.HtmlElement | None = None
    ) -> list[html.HtmlElement]:
        """Elements whose class/id/role matches ``pattern`` (a compiled regex).

        Over the whole page the answer comes from the shared index, memoised
        per pattern (several stages ask for the same vocabulary). ``within`` a
        smaller part of the page (the article's region), that part is walked
        instead, which is cheaper than indexing a big page.
        """
        if within is not None and within is not self.root:
            return [el for el, key in _class_keys(within) if pattern.search(key)]
        found = self._class_lookups.get(pattern)
        if found is None:
            # Many elements share a class string (list items, cards): test each
            # distinct string once, then pick elements by set membership.
            matching = {key for key in self.class_strings if pattern.search(key)}
            found = [el for el, key in self.classed if key in matching] if matching else []
            self._class_lookups[pattern] = found
        return found

    def short_texts(self, root: html.HtmlElement) -> list[Any]:
        """Text nodes below ``root`` shorter than :data:`MAX_LABEL_TEXT_CHARS`, memoised.

        Bylines and stamps are searched among these by several stages, mostly
        below the same article region; lxml's XPath builds a Python object per
        node, so the list is built once per root.
        """
        found = self._short_texts.get(root)
        if found is None:
            found = self._short_texts[root] = cast("list[Any]", _SHORT_TEXTS(root))
        return found

    @cached_property
    def itemprop_elements(self) -> list[tuple[html.HtmlElement, str]]:
        """Microdata elements with their exact ``itemprop`` value, in page order.

        One XPath shared by the stages that read microdata (each of their own
        would walk the whole tree again).
        """
        found = cast("list[html.HtmlElement]", _WITH_ITEMPROP(self.root))
        return [(el, el.get("itemprop") or "") for el in found]

    def with_itemprop(self, *values: str) -> list[html.HtmlElement]:
        """Elements whose ``itemprop`` is exactly one of ``values``, in page order."""
        return [el for el, value in self.itemprop_elements if value in values]

    @cached_property
    def class_strings(self) -> frozenset[str]:
        """The distinct lower-cased class/id/role strings of :attr:`classed`."""
        return frozenset(key for _, key in self.classed)

    @cached_property
    def html_lang(self) -> str | None:
        lang = self.root.get("lang") or self.root.get("xml:lang")
        return lang.strip() if lang and lang.strip() else None

    def iter_elements(self, *tags: str) -> Iterator[html.HtmlElement]:
        yield from self.root.iter(*tags)
