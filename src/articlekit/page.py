"""``Page``: the input read once, decoded once and parsed once.

Inputs (:data:`PageInput`): bytes; ``str``, which is always markup; a path,
read and, when gzip or bzip2, decompressed; an open file; an lxml element or
tree, used as it is; a BeautifulSoup tree, converted node by node.

Bytes are decoded once (:func:`decode_bytes`): a byte-order mark; else valid
UTF-8 is UTF-8, whatever is declared; else the transport's charset (an HTTP
header's, when the caller gives it); else the page's declared charset; else
charset detection. A declaration the bytes contradict is overruled and said
so in :attr:`Page.warnings`. Every text path ends as UTF-8 bytes handed to
lxml, because lxml parses UTF-8 bytes faster than a Python ``str`` and refuses
a ``str`` that carries an encoding declaration; nothing walks the page
character by character in Python.

Extractors read a Page and never mutate it: whoever needs to prune a tree takes
``page.copy_root()`` first. Structured data that several stages read (meta
tags, JSON-LD objects) is collected lazily, once per page.
"""

from __future__ import annotations

import bz2
import codecs
import copy
import dataclasses
import functools
import os
import re
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import IO, TYPE_CHECKING, Any, Union, cast

from lxml import etree, html

from .errors import (
    DecodingError,
    DecompressionError,
    EmptyInputError,
    InputTooLargeError,
    NotHtmlError,
)

if TYPE_CHECKING:
    from typing import TypeAlias

    from bs4.element import Tag  # the optional extra articlekit[bs4]

__all__ = [
    "MAX_TREE_DEPTH",
    "UTF8_MIN_VALID_SHARE",
    "UTF8_WITH_WINDOWS_1252",
    "Decoded",
    "Page",
    "PageInput",
    "PageLimits",
    "content_type_charset",
    "decode_bytes",
    "decode_html",
]

#: Everything :meth:`Page.from_input` (and so ``articlekit.parse``) accepts.
# (Union, not "|": the bs4 class is a forward reference, a string at run time.)
PageInput: TypeAlias = Union[
    str,
    bytes,
    bytearray,
    memoryview,
    "os.PathLike[str]",
    "os.PathLike[bytes]",
    IO[bytes],
    IO[str],
    etree._Element,
    etree._ElementTree,
    "Tag",
]


@dataclass(frozen=True, slots=True)
class PageLimits:
    """Bounds that keep one bad page from hurting a batch."""

    #: Larger inputs (and larger decompressed files) are refused rather than
    #: parsed: real article pages are a few MB at most, and lxml's memory
    #: grows ~10x over the byte size.
    max_bytes: int = 50 * 1024 * 1024
    #: Share of control bytes (other than tab/CR/LF/FF) above which the input
    #: is taken for binary data rather than a page in some encoding.
    max_control_share: float = 0.10
    #: Wall-clock budget of one parse, in seconds (reading and parsing the
    #: input included); ``None``: no budget. It is checked before each stage,
    #: so a parse over budget raises
    #: :class:`~articlekit.errors.ParseTimeoutError` at most one stage's time
    #: late: a stage is never interrupted. ``parse(..., timeout=s)`` sets it.
    max_seconds: float | None = None
    #: A text (outside scripts and styles) longer than this many characters
    #: is cut at the last whitespace before the bound, with a warning; None:
    #: never cut. No paragraph is near this long (the longest text outside
    #: scripts on the 2,996 dev corpus pages has 88,737 characters), and every
    #: stage reads each text a few times, so one 10 MB text node (a data dump
    #: in a paragraph) would cost seconds. Markup the library parses is cut; a
    #: tree the caller passes is not changed.
    max_text_chars: int | None = 1_000_000

    def __post_init__(self) -> None:
        # "not >= 0" also refuses NaN, which would never time out
        if self.max_seconds is not None and not self.max_seconds >= 0:
            raise ValueError(f"max_seconds must be >= 0 or None, not {self.max_seconds!r}")


# -- constants -----------------------------------------------------------------

#: How far into the bytes a charset declaration is looked for; the HTML spec
#: has browsers prescan the first 1024 bytes, real pages put long <script>s
#: before <meta charset>, so we look further.
CHARSET_PRESCAN_BYTES = 4096

#: Bytes that are not valid UTF-8 but declare UTF-8 (or nothing) are still read
#: as UTF-8, with the bad sequences replaced, when at least this share of their
#: non-ASCII characters decode: a UTF-8 page with a stray windows-1252 byte in
#: an ad keeps its text, while a windows-1252 or GBK page, whose high bytes
#: rarely form valid UTF-8 sequences (well under half), goes to detection.
UTF8_MIN_VALID_SHARE = 0.8

#: Bytes given to charset detection: enough text to decide, bounded time.
DETECTION_BYTES = 256 * 1024

#: How many leading bytes the binary check reads (signatures, control share).
BINARY_SAMPLE_BYTES = 8192

#: Depth of the element tree kept when a page nests deeper than libxml2
#: allows (2048 levels even with ``huge_tree``: past it libxml2 stops and the
#: rest of the page is lost). Such pages are parsed again with every element
#: below this depth unwrapped, keeping its text; 512 is far deeper than any
#: real layout and shallow enough for recursive code in any stage.
MAX_TREE_DEPTH = 512
#: Below :data:`MAX_TREE_DEPTH`, block elements (paragraphs, headings, list
#: items...) are still kept, up to this many levels more, so that paragraph
#: breaks survive; past that they become line breaks in the text.
BLOCK_DEPTH_SLACK = 8
#: The elements kept below :data:`MAX_TREE_DEPTH`: those whose boundaries
#: separate the blocks of an article's text.
BLOCK_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 li dt dd blockquote pre figcaption td th tr".split())

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts the same
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">,
# and the XML declaration of XHTML pages. The XML label must be closed by its
# quote: a broken declaration (a run of keywords where the label should be)
# declares nothing.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)["']""",
    re.IGNORECASE,
)

#: An XML declaration opening the page, well-formed or not, up to the first
#: ``>`` (where an HTML parser ends it too). It is cut before parsing: its
#: encoding was dealt with by decoding, and libxml2 may misread a broken one.
_LEADING_XML_DECLARATION = re.compile(rb"\A\s*<\?xml[^>]*>", re.IGNORECASE)

#: Something that opens a tag, a comment or a declaration: a ``str`` without it
#: holds no markup at all.
_MARKUP = re.compile(r"<[A-Za-z!?/]")

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

#: Compressed files that a path or an open file may hold, told by their
#: leading bytes (not the file name, which may lie either way).
_GZIP_MAGIC = re.compile(rb"\A\x1f\x8b")
_BZIP2_MAGIC = re.compile(rb"\ABZh[1-9]1AY&SY")

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
        "cp775",
        "cp850",
        "cp852",
        "cp857",
        "cp858",
        "cp860",
        "cp861",
        "cp863",
        "cp865",
        "hp_roman8",
        "mac_croatian",
        "mac_romanian",
    }
)

#: Control bytes that plain text does not contain (tab, LF, FF, CR excepted).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
#: C0 control characters dropped before parsing: those counted above plus the
#: form feed. None is allowed in XML, and XML-based tools downstream
#: (trafilatura's output tree) reject a page that keeps one, losing its body.
#: ``bytes.translate`` drops them in C, one table look-up per byte (UTF-8 never
#: uses these bytes inside a multi-byte character).
_STRIPPED_CONTROLS = _CONTROL_BYTES + b"\x0c"
#: What lxml refuses in a string it stores (for trees built node by node):
#: those controls, lone surrogates and the two non-characters XML excludes.
_NOT_XML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_UTF8_REPLACEMENT = "\ufffd".encode()


# -- reading the input forms -------------------------------------------------------


def _check_size(size: int, unit: str, limits: PageLimits) -> None:
    if size > limits.max_bytes:
        raise InputTooLargeError(f"input is {size} {unit}; the limit is {limits.max_bytes}")


def _read_stream(stream: IO[Any], limits: PageLimits, warnings: list[str]) -> bytes | str:
    """The content of an open file (at most one byte over the limit is read)."""
    data = stream.read(limits.max_bytes + 1)
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, (bytes, str)):
        raise TypeError(f"the file's read() gave {type(data).__name__}, not bytes or str")
    unit = "bytes" if isinstance(data, bytes) else "characters"
    _check_size(len(data), unit, limits)
    return _decompressed(data, limits, warnings) if isinstance(data, bytes) else data


def _read_path(
    path: os.PathLike[str] | os.PathLike[bytes], limits: PageLimits, warnings: list[str]
) -> bytes | str:
    """A file's bytes, decompressed when they are gzip or bzip2 (``OSError`` if unreadable)."""
    with open(os.fspath(path), "rb") as stream:  # noqa: PTH123 (a str or bytes path)
        return _read_stream(stream, limits, warnings)


def _decompressed(data: bytes, limits: PageLimits, warnings: list[str]) -> bytes:
    """``data`` itself, or, when it is gzip or bzip2, what it decompresses to.

    Output is capped at the size limit while decompressing (a small bomb
    cannot take the memory); concatenated members are all read; a truncated
    file gives what it holds, with a warning.
    """
    if _GZIP_MAGIC.match(data):
        codec, magic = "gzip", _GZIP_MAGIC
    elif _BZIP2_MAGIC.match(data):
        codec, magic = "bzip2", _BZIP2_MAGIC
    else:
        return data
    out = bytearray()
    rest = data
    while rest:
        engine: Any = (
            zlib.decompressobj(16 + zlib.MAX_WBITS) if codec == "gzip" else bz2.BZ2Decompressor()
        )
        try:
            out += engine.decompress(rest, limits.max_bytes + 1 - len(out))
        except (OSError, EOFError, ValueError, zlib.error) as exc:
            raise DecompressionError(f"cannot decompress the {codec} data: {exc}") from exc
        if len(out) > limits.max_bytes:
            raise InputTooLargeError(
                f"the {codec} data decompresses to over {limits.max_bytes} bytes"
            )
        if not engine.eof:
            warnings.append(f"the {codec} data is truncated: the page is read as far as it goes")
            break
        rest = engine.unused_data
        if not magic.match(rest):
            break  # padding after the last member
    return bytes(out)


def _no_markup_warning(text: str) -> str:
    shown = text.strip()
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return (
        f"the str given holds no markup ({shown!r}): a str is read as the page's HTML, "
        "not as a file name; to read a file, pass a pathlib.Path or an open file"
    )


# -- decoding ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decoded:
    """Page bytes made readable; exactly one of ``utf8`` and ``text`` is set.

    ``utf8``: the input itself (less a BOM), valid UTF-8, handed to lxml
    as it is. ``text``: the input decoded with ``encoding``. ``warnings``: what
    was overruled or repaired on the way.
    """

    encoding: str
    utf8: bytes | None = None
    text: str | None = None
    warnings: tuple[str, ...] = ()

    def as_text(self) -> str:
        return self.text if self.text is not None else cast("bytes", self.utf8).decode("utf-8")


def _codec_for(label: str) -> str | None:
    label = label.strip().lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _declared(data: bytes) -> tuple[str, str] | None:
    """``(label, codec)`` the page declares, for a codec Python knows.

    A page saved as UTF-16 or UTF-32 cannot carry an ASCII-readable
    declaration of itself, so such a declaration is stale and ignored.
    """
    match = _DECLARED_CHARSET.search(data[:CHARSET_PRESCAN_BYTES])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "ignore")
    codec = _codec_for(label)
    if codec is None or codec.startswith(("utf-16", "utf-32")):
        return None
    return label, codec


def _is_utf8(data: bytes) -> bool:
    if data.isascii():  # a C-level scan, and most of any page is ASCII
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detected(data: bytes) -> str:
    from charset_normalizer import from_bytes  # lazy: only for pages nothing else explains

    best = from_bytes(data[:DETECTION_BYTES]).best()
    if best is None:
        raise DecodingError("no text encoding explains these bytes")
    return "cp1252" if best.encoding in LATIN_FAMILY else str(best.encoding)


def _windows_1252_for_bad_utf8(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", "replace"), error.end


#: UTF-8 where the bytes are UTF-8, windows-1252 byte by byte where they are
#: not: pages pasted together from UTF-8 templates and windows-1252 snippets
#: (and windows-1252 pages that declare UTF-8) come out right in both parts.
UTF8_WITH_WINDOWS_1252 = "articlekit-utf8-else-cp1252"
codecs.register_error(UTF8_WITH_WINDOWS_1252, _windows_1252_for_bad_utf8)


def _not_utf8(data: bytes, declared_utf8: bool) -> Decoded:
    """Bytes that declare UTF-8 or nothing but are not valid UTF-8.

    Mostly UTF-8 (:data:`UTF8_MIN_VALID_SHARE`), or Western by detection: UTF-8
    with the other bytes read as windows-1252. Otherwise the detected codec
    (a Cyrillic or CJK page that declares UTF-8 wrongly).
    """
    text = data.decode("utf-8", "replace")
    replaced = text.count("\ufffd")
    bad = replaced - data.count(_UTF8_REPLACEMENT)  # U+FFFD written in the page is no error
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    good = non_ascii - replaced
    if good < UTF8_MIN_VALID_SHARE * (good + bad):
        codec = _detected(data)
        if codec != "cp1252":
            warnings: tuple[str, ...] = ()
            if declared_utf8:
                note = f"the page declares UTF-8 but its bytes are not UTF-8: read as {codec}"
                warnings = (f"{note} (detected)",)
            return Decoded(codec, text=data.decode(codec, "replace"), warnings=warnings)
    mixed = data.decode("utf-8", UTF8_WITH_WINDOWS_1252)
    encoding = "utf-8" if good >= bad else "cp1252"
    if declared_utf8:
        note = f"the page declares UTF-8 but {bad} byte(s) are not UTF-8: read as windows-1252"
    elif good:
        note = f"{bad} byte(s) are not valid UTF-8: read as windows-1252"
    else:
        return Decoded(encoding, text=mixed)  # a windows-1252 page, as nothing denies
    return Decoded(encoding, text=mixed, warnings=(note,))


def _decode_page_bytes(data: bytes) -> Decoded:
    """Decode page bytes: BOM; valid UTF-8; the declared charset; detection.

    Valid UTF-8 that declares another charset is read as UTF-8 (a page whose
    non-ASCII bytes are all valid UTF-8 by chance does not occur), with a
    warning. A declaration of a legacy charset that the bytes do not contradict
    is honoured: bytes that are not UTF-8 and declare windows-1251 are
    windows-1251. Raises :class:`DecodingError` when nothing explains them.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding == "utf-8":
                return (
                    Decoded("utf-8", utf8=body)
                    if _is_utf8(body)
                    else _not_utf8(body, declared_utf8=True)
                )
            return Decoded(encoding, text=body.decode(encoding, errors="replace"))
    if _nul_heavy(data):
        # Many NUL bytes mean UTF-16/32 without a BOM, or binary: an ASCII
        # declaration inside such data is not to be trusted, so detection decides.
        if _is_utf8(data):
            return Decoded("utf-8", utf8=data)
        codec = _detected(data)
        return Decoded(codec, text=data.decode(codec, errors="replace"))
    declared = _declared(data)
    if _is_utf8(data):
        if declared is None or declared[1] == "utf-8":
            return Decoded("utf-8", utf8=data)
        label, codec = declared
        if data.isascii():  # nothing contradicts the declaration
            return Decoded(codec, utf8=data)
        note = f"the page declares charset {label!r} but its bytes are UTF-8: read as UTF-8"
        return Decoded("utf-8", utf8=data, warnings=(note,))
    if declared is not None and declared[1] != "utf-8":
        codec = declared[1]
        return Decoded(codec, text=data.decode(codec, errors="replace"))
    return _not_utf8(data, declared_utf8=declared is not None)


def _is_wide(codec: str) -> bool:
    """UTF-16 and UTF-32: the codecs whose text is not ASCII-compatible."""
    return codec.startswith(("utf-16", "utf-32"))


def _nul_heavy(data: bytes) -> bool:
    """Many NUL bytes: UTF-16/32 text without a BOM (or binary data)."""
    return data.count(b"\x00") > len(data) // 4


def _noted(decoded: Decoded, note: str) -> Decoded:
    """``decoded`` with ``note`` said before its own warnings."""
    return dataclasses.replace(decoded, warnings=(note, *decoded.warnings))


def decode_bytes(data: bytes, transport_charset: str | None = None) -> Decoded:
    """Decode page bytes: BOM; valid UTF-8; the transport's charset; the page's
    declared charset; detection.

    Args:
        data: the page's bytes.
        transport_charset: the charset label the bytes came with from outside
            the page: the ``charset`` of an HTTP ``Content-Type`` header (a
            crawler's response, a WARC record). Resolved as the page's own
            labels are (``iso-8859-1`` is windows-1252, ``gb2312`` is gb18030).

    Valid UTF-8 that declares another charset is read as UTF-8 (a page whose
    non-ASCII bytes are all valid UTF-8 by chance does not occur), with a
    warning. A transport charset comes next, and outranks the page's own
    declaration (as in browsers) when the bytes decode under it without a
    single error; otherwise it is overruled with a warning naming it, and an
    unknown label is ignored with a warning. A declaration of a legacy charset
    that the bytes do not contradict is honoured: bytes that are not UTF-8
    and declare windows-1251 are windows-1251. Raises :class:`DecodingError`
    when nothing explains them.
    """
    if transport_charset is None:
        return _decode_page_bytes(data)
    label = transport_charset.strip()
    codec = _codec_for(label) if label else None
    given = f"encoding={label!r} (the transport's charset)"
    if codec is None:
        return _noted(_decode_page_bytes(data), f"{given} is unknown: ignored")
    if data.startswith(tuple(bom for bom, _ in _BOMS)):
        return _decode_page_bytes(data)  # a byte-order mark outranks every label
    # UTF-16/32 bytes are NUL-heavy and other text is not: the wrong kind of
    # codec is no explanation even where the bytes decode under it.
    wide_text = _nul_heavy(data)
    if _is_utf8(data) and not (wide_text and _is_wide(codec)):
        if codec == "utf-8":
            return Decoded("utf-8", utf8=data)
        if not wide_text:
            if data.isascii() and not _is_wide(codec):  # nothing contradicts the label
                return Decoded(codec, utf8=data)
            # and so is a legacy <meta charset>, which the page's reading says
            return _noted(_decode_page_bytes(data), f"{given} is overruled: the bytes are UTF-8")
    if wide_text == _is_wide(codec):
        try:
            return Decoded(codec, text=data.decode(codec))  # strict: one bad byte refutes it
        except UnicodeDecodeError:
            pass
    note = f"{given} is overruled: the bytes are not valid {codec}"
    return _noted(_decode_page_bytes(data), note)


def content_type_charset(content_type: str) -> str | None:
    """The ``charset`` label of a ``Content-Type`` header value, as written
    (``'text/html; Charset="KOI8-R"'`` gives ``"KOI8-R"``), or ``None``: what
    an HTTP client or a WARC reader passes as ``parse(..., encoding=...)``."""
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            label = value.strip().strip("\"'").strip()
            return label or None
    return None


def decode_html(data: bytes, transport_charset: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of page bytes, decoded as :func:`decode_bytes` says."""
    decoded = decode_bytes(data, transport_charset)
    return decoded.as_text(), decoded.encoding


# -- from input to UTF-8 markup ------------------------------------------------------


def _control_share(sample: bytes) -> float:
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # a C-level count
    return controls / max(1, len(sample))


def _binary_bytes(data: bytes, limits: PageLimits) -> bool:
    """Magic numbers of binary formats, or too many control bytes to be text."""
    if data[:1024].lstrip()[:8].startswith(BINARY_SIGNATURES):
        return True
    sample = data[:BINARY_SAMPLE_BYTES]
    if sample.count(b"\x00") > len(sample) // 4:
        return False  # UTF-16/32 without a BOM: the text check after decoding decides
    return _control_share(sample) > limits.max_control_share


def _utf8_of(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # Lone surrogates (a str built from broken UTF-16): pairs are joined,
        # the rest become U+FFFD.
        repaired = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return repaired.encode("utf-8")


def _markup_of_bytes(
    data: bytes, limits: PageLimits, warnings: list[str], transport_charset: str | None = None
) -> tuple[bytes, str]:
    """UTF-8 markup of page bytes, and the encoding they were read in."""
    _check_size(len(data), "bytes", limits)
    if not data or data.isspace():
        raise EmptyInputError("input is empty")
    if _binary_bytes(data, limits):
        raise NotHtmlError("input looks like binary data, not a page")
    decoded = decode_bytes(data, transport_charset)
    warnings.extend(decoded.warnings)
    if decoded.utf8 is not None:
        utf8 = decoded.utf8
    else:
        utf8 = _utf8_of(cast("str", decoded.text))
        # Text read from UTF-16/32 was not checked for controls as bytes.
        if _control_share(utf8[:BINARY_SAMPLE_BYTES]) > limits.max_control_share:
            raise NotHtmlError("input looks like binary data, not a page")
    if not utf8 or utf8.isspace():
        raise EmptyInputError("input is only a byte-order mark and whitespace")
    return utf8, decoded.encoding


def _markup_of_text(text: str, limits: PageLimits, warnings: list[str]) -> bytes:
    """UTF-8 markup of a ``str`` page (C-level encoding, no per-character Python)."""
    _check_size(len(text), "characters", limits)
    if not text or text.isspace():
        raise EmptyInputError("input is only whitespace")
    if _MARKUP.search(text) is None:
        warnings.append(_no_markup_warning(text))
    if _binary_text(text, limits):
        raise NotHtmlError("input looks like binary data, not a page")
    return _utf8_of(text)


def _binary_text(text: str, limits: PageLimits) -> bool:
    """:func:`_binary_bytes` for a str: binary data decoded as Latin-1, say.

    Counted per character, on a sample (each control character is one
    UTF-8 byte, so the count is made in C on the sample's bytes).
    """
    head = text[:1024].lstrip()[:8].encode("latin-1", "replace")
    if head.startswith(BINARY_SIGNATURES):
        return True
    sample = text[:BINARY_SAMPLE_BYTES]
    encoded = _utf8_of(sample)
    controls = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > limits.max_control_share


def _cleaned(utf8: bytes) -> bytes:
    """Markup ready for lxml: no BOM, no control bytes, no leading XML declaration."""
    if utf8.startswith(codecs.BOM_UTF8):
        utf8 = utf8[len(codecs.BOM_UTF8) :]
    utf8 = utf8.translate(None, _STRIPPED_CONTROLS)
    declaration = _LEADING_XML_DECLARATION.match(utf8)
    if declaration is not None:
        utf8 = utf8[declaration.end() :]
    return utf8


# -- parsing ------------------------------------------------------------------------

#: Element classes picked in C, without lxml.html's per-element Python lookup
#: (stateless, so one instance serves every parser and thread).
_PLAIN_LOOKUP = etree.ElementDefaultClassLookup(
    element=html.HtmlElement,
    comment=html.HtmlComment,
    pi=html.HtmlProcessingInstruction,
    entity=html.HtmlEntity,
)


def _html_parser(target: Any = None) -> etree.HTMLParser:
    # huge_tree lifts libxml2's depth limit of 256 (to 2048), past which it
    # drops the rest of pages with many unclosed elements, and its limit on
    # the size of one text node. A new parser per page: lxml parsers must
    # not be shared across threads.
    # Comments and processing instructions are no part of a page's content
    # (every extractor skipped them, and trafilatura pruned them from its copy):
    # dropping them while parsing saves a prune and shrinks every later walk.
    # No stage looks elements up by id, so libxml2 need not index them.
    parser = html.HTMLParser(
        huge_tree=True,
        encoding="utf-8",
        target=target,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )
    # Every element is a plain HtmlElement, chosen in C: lxml.html's own
    # lookup runs Python code for each element Python touches (to pick
    # form and input classes no stage uses), a measurable share of a page.
    parser.set_element_class_lookup(_PLAIN_LOOKUP)
    return parser


def _hit_depth_limit(parser: etree.HTMLParser) -> bool:
    return any(
        entry.type_name == "ERR_RESOURCE_LIMIT" and "depth" in entry.message
        for entry in parser.error_log
    )


@functools.lru_cache(maxsize=8)
def _longer_than(bound: int) -> etree.XPath:
    return etree.XPath(
        f"//text()[string-length() > {int(bound)}][not(parent::script or parent::style)]"
    )


def long_texts(root: html.HtmlElement, bound: int) -> list[Any]:
    """The texts below ``root``, outside scripts and styles, longer than
    ``bound`` characters (found in C: a page without any costs one pass)."""
    return cast("list[Any]", _longer_than(bound)(root))


def cut_long_texts(
    root: html.HtmlElement, bound: int, *, at_word: bool = True
) -> list[tuple[int, int]]:
    """Cut each of :func:`long_texts` to ``bound`` characters, at its last
    whitespace before the bound when ``at_word`` (a word cut in two is
    dropped); the lengths before and after, one pair per text cut."""
    done: list[tuple[int, int]] = []
    for text in long_texts(root, bound):
        owner = text.getparent()
        if owner is None:
            continue
        whole = str(text)
        parts = whole[: bound + 1].rsplit(maxsplit=1) if at_word else []
        cut = parts[0] if len(parts) == 2 else whole[:bound]
        if text.is_tail:
            owner.tail = cut
        else:
            owner.text = cut
        done.append((len(whole), len(cut)))
    return done


def _parse(markup: bytes) -> html.HtmlElement:
    """The tree of UTF-8 markup; a page nested past libxml2's limit is flattened."""
    parser = _html_parser()
    try:
        root: html.HtmlElement = html.document_fromstring(markup, parser=parser)
        if _hit_depth_limit(parser):
            root = _parse_flattened(markup)
    except (etree.ParserError, ValueError) as exc:
        raise NotHtmlError(f"no markup could be parsed: {exc}") from exc
    return root


def _parse_flattened(markup: bytes) -> html.HtmlElement:
    """Parse again, building the tree from parser events with excess depth unwrapped."""
    target = _ShallowTarget(etree.TreeBuilder(parser=_html_parser()))
    root = etree.fromstring(
        markup,
        etree.HTMLParser(
            target=target, huge_tree=True, encoding="utf-8", remove_comments=True, remove_pis=True
        ),
    )
    if root is None:
        raise etree.ParserError("Document is empty")
    return cast("html.HtmlElement", root)


#: What lxml's parser targets receive (lxml-stubs spell it so).
_AnyStr: TypeAlias = str | bytes
_Attributes: TypeAlias = dict[str | bytes, str | bytes]


class _ShallowTarget:
    """Parser-target events into a tree at most :data:`MAX_TREE_DEPTH` deep.

    Below that depth an element's tags are dropped and its text kept in
    place (it is *unwrapped*), except block elements, kept
    :data:`BLOCK_DEPTH_SLACK` levels more so paragraphs stay apart. Also what
    BeautifulSoup trees are fed through, so tag and attribute names lxml
    refuses are unwrapped or dropped here rather than failing the page.
    """

    def __init__(self, builder: etree.TreeBuilder) -> None:
        self._builder = builder
        self._kept: list[bool] = []  # per open element: was it passed on?
        self._depth = 0  # elements passed on and open

    def _keeps(self, tag: _AnyStr) -> bool:
        if self._depth < MAX_TREE_DEPTH:
            return True
        return tag in BLOCK_TAGS and self._depth < MAX_TREE_DEPTH + BLOCK_DEPTH_SLACK

    def start(self, tag: _AnyStr, attrib: _Attributes) -> None:
        keep = self._keeps(tag) and self._started(tag, attrib)
        self._kept.append(keep)
        if keep:
            self._depth += 1
        elif tag in BLOCK_TAGS:
            self._builder.data("\n")

    def _started(self, tag: _AnyStr, attrib: _Attributes) -> bool:
        try:
            self._builder.start(tag, attrib)
        except ValueError:  # an attribute or tag name lxml refuses
            try:
                self._builder.start(tag, {})
            except ValueError:
                return False
        return True

    def end(self, tag: _AnyStr) -> None:
        if self._kept.pop():
            self._depth -= 1
            self._builder.end(tag)
        elif tag in BLOCK_TAGS:
            self._builder.data("\n")

    def data(self, data: _AnyStr) -> None:
        self._builder.data(data)

    def comment(self, text: _AnyStr) -> None:
        """Comments are dropped, as :func:`_html_parser` drops them."""

    def close(self) -> html.HtmlElement:
        return cast("html.HtmlElement", self._builder.close())


# -- trees given by the caller ----------------------------------------------------------


def _xml_safe(text: str) -> str:
    """``text`` without what lxml refuses to store (checked by one C-level search)."""
    if _NOT_XML_TEXT.search(text) is None:
        return text
    return _NOT_XML_TEXT.sub("", _utf8_of(text).decode("utf-8"))


def _tree_of_lxml(source: etree._Element | etree._ElementTree) -> html.HtmlElement:
    """An lxml tree as the page's root, without serialising it.

    A whole HTML document parsed by lxml.html (or by us) is used as it is;
    stages never mutate it. Anything else (a subtree, ``etree.HTML()``'s plain
    elements, namespaced XHTML) is deep-copied in C into a document of
    HtmlElements, with namespaces dropped from the tags.
    """
    root = source.getroot() if isinstance(source, etree._ElementTree) else source
    if root is None:
        raise EmptyInputError("the tree is empty")
    if not isinstance(root.tag, str):
        raise NotHtmlError(f"a {type(root).__name__} is not a page")
    if isinstance(root, html.HtmlElement) and root.tag == "html" and root.getparent() is None:
        return root
    shell = cast("html.HtmlElement", _html_parser().makeelement("html"))
    if etree.QName(root).localname == "html":
        for name, value in root.attrib.items():
            shell.set(name, value)
        shell.text = root.text
        for child in root:
            shell.append(copy.deepcopy(child))
    else:
        copied = copy.deepcopy(root)
        copied.tail = None
        etree.SubElement(shell, "body").append(copied)
    _drop_namespaces(shell)
    return shell


def _drop_namespaces(root: html.HtmlElement) -> None:
    """XHTML parsed as XML names every tag ``{namespace}p``; stages look for ``p``."""
    namespaced = False
    for el in root.iter(etree.Element):
        if el.tag.startswith("{"):
            el.tag = el.tag.split("}", 1)[1]
            namespaced = True
    if namespaced:
        etree.cleanup_namespaces(root)


def _is_soup(source: object) -> bool:
    bs4 = sys.modules.get("bs4")  # a soup exists only if bs4 was imported
    return bs4 is not None and isinstance(source, bs4.element.PageElement)


def _tree_of_soup(soup: Any) -> html.HtmlElement:
    """A BeautifulSoup tree (or one of its tags) rebuilt as lxml elements.

    The soup is walked once, feeding tags and strings to the same tree
    builder as a flattening parse: no markup is written out or parsed again.
    """
    import bs4

    target = _ShallowTarget(etree.TreeBuilder(parser=_html_parser()))
    nodes = list(soup.contents) if isinstance(soup, bs4.BeautifulSoup) else [soup]
    tags = [node for node in nodes if isinstance(node, bs4.Tag)]
    html_tag = next((tag for tag in tags if tag.name == "html"), None)
    if html_tag is not None:
        # Strings and comments around <html> are dropped; tags after it (a
        # stray </html> too early) join the document, as a browser has them.
        target.start("html", _soup_attributes(html_tag))
        for tag in tags:
            _feed_soup(list(html_tag.contents) if tag is html_tag else [tag], target, bs4)
        target.end("html")
        return target.close()
    in_body = not any(tag.name in ("head", "body") for tag in tags)
    target.start("html", {})
    if in_body:
        target.start("body", {})
    _feed_soup(nodes, target, bs4)
    if in_body:
        target.end("body")
    target.end("html")
    return target.close()


def _soup_attributes(tag: Any) -> _Attributes:
    out: _Attributes = {}
    for name, value in tag.attrs.items():
        text = " ".join(value) if isinstance(value, (list, tuple)) else str(value)
        out[_xml_safe(str(name))] = _xml_safe(text)
    return out


def _feed_soup(nodes: list[Any], target: _ShallowTarget, bs4: Any) -> None:
    """Feed soup nodes, depth first, without recursion (soups may nest deeply)."""
    # comments are dropped as the parser drops them from markup
    skipped = (bs4.Doctype, bs4.Declaration, bs4.ProcessingInstruction, bs4.Comment)
    stack: list[tuple[Iterator[Any], str | None]] = [(iter(nodes), None)]
    while stack:
        children, name = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            if name is not None:
                target.end(name)
        elif isinstance(node, bs4.Tag):
            target.start(node.name, _soup_attributes(node))
            stack.append((iter(node.contents), node.name))
        elif not isinstance(node, skipped):
            target.data(_xml_safe(str(node)))


def _tree_of(source: object) -> html.HtmlElement | None:
    """The root for inputs that are trees already; None for everything else."""
    if isinstance(source, (etree._Element, etree._ElementTree)):
        return _tree_of_lxml(source)
    if _is_soup(source):
        return _tree_of_soup(source)
    return None


def _content_of(source: object, limits: PageLimits, warnings: list[str]) -> bytes | str:
    """The bytes or text of every input form that is not a tree."""
    if isinstance(source, (str, bytes)):
        return source
    if isinstance(source, (bytearray, memoryview)):
        return bytes(source)
    if isinstance(source, os.PathLike):
        return _read_path(source, limits, warnings)
    if callable(getattr(source, "read", None)):
        return _read_stream(cast("IO[Any]", source), limits, warnings)
    raise TypeError(
        "parse() takes str, bytes, a path, an open file, an lxml tree or a BeautifulSoup, "
        f"not {type(source).__name__}"
    )


_WITH_ITEMPROP = etree.XPath("//*[@itemprop]")
#: Text nodes longer than this are prose, never a byline, a label or a stamp.
MAX_LABEL_TEXT_CHARS = 200
# One location step: ".//text()" is "descendant-or-self::node()/text()", whose
# per-node result sets libxml2 merges with a duplicate check, quadratic in the
# number of text nodes (a 15 MB page took 51 s); the descendant axis is linear.
# Blank nodes (the line breaks between tags, most text nodes of a page) are
# no label, byline or stamp: leaving them out in C spares a Python object each.
#: At most this many short text nodes of one part of the page are looked at,
#: the first in page order: bylines, stamps and tag labels sit near the top
#: of what holds them, and the largest dev corpus page has 10,534 elements,
#: so no real page reaches it. A hostile page of millions of short texts
#: is cut here instead of costing a Python object per node in every stage.
MAX_SHORT_TEXTS = 50_000
_SHORT_TEXTS = etree.XPath(
    "(descendant::text()"
    f"[string-length(.) < {MAX_LABEL_TEXT_CHARS}][normalize-space(.)])"
    f"[position() <= {MAX_SHORT_TEXTS}]"
)


# Picked in C: most elements of a page carry none of the three, and a
# Python-level walk pays for a proxy object per element.
_CLASSED = etree.XPath("descendant-or-self::*[@class or @id or @role]")


#: How many elements :data:`_CLASSED` finds, counted in C.
_COUNT_CLASSED = etree.XPath("count(descendant-or-self::*[@class or @id or @role])")


def _class_keys(root: html.HtmlElement) -> list[tuple[html.HtmlElement, str]]:
    """Elements below ``root`` with a class, id or role, and those lower-cased."""
    return [
        (el, f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}".lower())
        for el in cast("list[html.HtmlElement]", _CLASSED(root))
    ]


class Page:
    """One decoded, parsed page. Read-only by contract.

    ``encoding`` is the codec the bytes were read in, ``"str"`` for text
    input and ``"tree"`` for an lxml or BeautifulSoup tree. ``warnings`` say
    what reading the input overruled or repaired; the pipeline copies them
    into the Article's warnings.
    """

    def __init__(
        self,
        root: html.HtmlElement,
        *,
        url: str | None,
        encoding: str,
        text_dump: str | None = None,
        warnings: tuple[str, ...] = (),
    ) -> None:
        self.root = root
        self.url = url
        self.encoding = encoding
        #: Set for already-extracted text (see :mod:`articlekit.textdump`); the
        #: tree is then empty and the text-aware stages read this instead.
        self.text_dump = text_dump
        self.warnings = warnings
        self._class_lookups: dict[Any, list[html.HtmlElement]] = {}
        self._short_texts: dict[html.HtmlElement, list[Any]] = {}
        #: Per region: its classed elements, and their distinct class strings.
        self._region_classes: dict[
            html.HtmlElement, tuple[list[tuple[html.HtmlElement, str]], frozenset[str]]
        ] = {}
        #: Per pattern, whether each class string asked about matches it.
        self._class_hits: dict[Any, dict[str, bool]] = {}

    @classmethod
    def from_text(cls, text: str | bytes, url: str | None = None) -> Page:
        """A page for a text dump: an empty tree beside the text.

        Bytes are decoded as page bytes are (:func:`decode_bytes`).
        """
        warnings: tuple[str, ...] = ()
        if isinstance(text, bytes):
            decoded = decode_bytes(text)
            text, warnings = decoded.as_text().lstrip("\ufeff"), decoded.warnings
        if not isinstance(text, str):
            raise TypeError(f"clean_text() takes str or bytes, not {type(text).__name__}")
        if not text.strip():
            raise EmptyInputError("text is empty")
        return cls(
            html.document_fromstring("<html><body></body></html>"),
            url=url,
            encoding="str",
            text_dump=text,
            warnings=warnings,
        )

    @classmethod
    def from_input(
        cls,
        source: PageInput,
        url: str | None = None,
        *,
        limits: PageLimits = PageLimits(),
        encoding: str | None = None,
    ) -> Page:
        """Read, decode and parse ``source``; raise an :class:`~articlekit.errors.InputError`.

        ``encoding`` is the charset the transport gave with the bytes (an
        HTTP ``Content-Type`` header's), for :func:`decode_bytes`; it applies
        to bytes, paths and files of bytes, and is ignored for a ``str``
        (already text) and a tree. A path or file that cannot be read raises
        ``OSError`` as ``open()`` does; any other type raises ``TypeError``.
        """
        tree = _tree_of(source)
        if tree is not None:
            return cls(tree, url=url, encoding="tree")
        warnings: list[str] = []
        data = _content_of(source, limits, warnings)
        if isinstance(data, str):
            markup, read_as = _markup_of_text(data, limits, warnings), "str"
        else:
            markup, read_as = _markup_of_bytes(data, limits, warnings, encoding)
        root = _parse(_cleaned(markup))
        bound = limits.max_text_chars
        if bound is not None and len(markup) > bound:  # else no text can be longer
            warnings += [
                f"a text of {before:,} characters was cut to {after:,} (PageLimits.max_text_chars)"
                for before, after in cut_long_texts(root, bound)
            ]
        return cls(root, url=url, encoding=read_as, warnings=tuple(warnings))

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
        smaller part of the page (the article's region), the answer comes from
        that part's slice of the same index, memoised per part (see
        :meth:`_classed_within`).
        """
        if within is not None and within is not self.root:
            # Stages ask about the same region (the article around the
            # headline) for several vocabularies: it is walked once.
            region = self._region_classes.get(within)
            if region is None:
                keys = self._classed_within(within)
                region = self._region_classes[within] = (keys, frozenset(k for _, k in keys))
            keys, strings = region
            hits = self._hits(pattern, strings)
            return [el for el, key in keys if hits[key]]
        found = self._class_lookups.get(pattern)
        if found is None:
            hits = self._hits(pattern, self.class_strings)
            found = self._class_lookups[pattern] = [el for el, key in self.classed if hits[key]]
        return found

    def _hits(self, pattern: Any, strings: frozenset[str]) -> dict[str, bool]:
        """Whether each of ``strings`` (class strings) matches ``pattern``,
        among others asked before. Many elements share a class string (list
        items, cards), and the page and its regions are asked for the same
        vocabularies: each distinct string is searched once per pattern, and
        the elements are then filtered by a dict lookup each instead of a
        method call each."""
        hits = self._class_hits.setdefault(pattern, {})
        for key in strings.difference(hits):  # in C: the strings not yet searched
            hits[key] = pattern.search(key) is not None
        return hits

    @cached_property
    def _classed_positions(self) -> dict[html.HtmlElement, int]:
        return {el: i for i, (el, _) in enumerate(self.classed)}

    def _classed_within(self, within: html.HtmlElement) -> list[tuple[html.HtmlElement, str]]:
        """:func:`_class_keys` of ``within``, cut from :attr:`classed` when it
        lies in the page: a part's elements are consecutive in page order, so
        its classed ones are the slice that starts at the first of them, as
        many as C counts. That spares a Python object per element of a part
        holding half a big page; :attr:`classed` is built anyway."""
        count = int(cast("float", _COUNT_CLASSED(within)))
        if count == 0:
            return []
        positions = self._classed_positions
        first = next((positions[el] for el in within.iter() if el in positions), None)
        if first is None:  # a tree apart from the page's
            return _class_keys(within)
        return self.classed[first : first + count]

    def short_texts(self, root: html.HtmlElement) -> list[Any]:
        """Non-blank text nodes below ``root`` shorter than :data:`MAX_LABEL_TEXT_CHARS`
        (the first :data:`MAX_SHORT_TEXTS` of them), memoised.

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
