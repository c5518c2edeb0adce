"""Inputs of a batch run: which files are pages, in what order, and their bytes.

Everything that turns what the user named (files, folders, WARC files, bytes
held in memory) into :class:`Source` objects lives here: the folder walk
(recursive and sorted, so every run sees the same order), the suffixes that
make a file a page or a text dump, compression detection and decompression,
WARC reading, what was not read and why (:class:`Skipped`), and the content
hash that ``--resume`` compares. ``articlekit parse`` and ``articlekit clean``
both read their inputs through this module, so they read the same kinds.
Decompression runs in the worker (where the time limit covers it) but is
defined here, so that every reader of
:data:`MAX_PAGE_BYTES` is in this module and changing it here affects them all.
"""

from __future__ import annotations

import bz2
import hashlib
import importlib
import os
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from ..errors import InputError, InputTooLargeError
from ..page import content_type_charset

#: File name endings that are read as pages when a folder is walked.
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
#: File name endings of already-extracted text dumps, read with
#: :func:`articlekit.clean_text` rather than :func:`articlekit.parse`.
TEXT_SUFFIXES = (".txt", ".text")
#: Compressed forms of pages, and the codec that undoes each.
COMPRESSION_SUFFIXES: Mapping[str, str] = {".gz": "gzip", ".bz2": "bz2"}
#: WARC files: every HTML response record in them is a page.
WARC_SUFFIXES = (".warc", ".warc.gz")
#: Largest page, raw or decompressed, that is handed to the parser. A cap on the
#: decompressed size keeps a gzip bomb from taking a worker's memory.
MAX_PAGE_BYTES = 64 * 1024 * 1024

#: How a page's bytes are read: as HTML (``parse``) or as a text dump (``clean_text``).
Kind = Literal["html", "text"]
#: What the user asked for with ``--input``: ``auto`` decides by suffix.
InputKind = Literal["auto", "html", "text"]
INPUT_KINDS: tuple[InputKind, ...] = ("auto", "html", "text")

#: Said when an input is a web address: fetching is the caller's job.
NO_DOWNLOAD = (
    "{url} is a web address, and articlekit does not download pages: fetch it yourself "
    "and pass the saved file (or '-' for standard input); see docs/fetching.md"
)
_URL = re.compile(r"^(?:https?|ftp)://", re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b"
_BZIP2_MAGIC = b"BZh"


def is_web_address(name: str) -> bool:
    """Whether an input name is a web address (``https://…``, ``ftp://…``) rather
    than a file: an existing file of that name is a file."""
    return bool(_URL.match(name)) and not Path(name).exists()


@dataclass(frozen=True, slots=True)
class Source:
    """One page to parse: a file, a WARC record, or bytes given in memory.

    ``id`` is what the outputs call the page: the file's path as walked, or
    ``"<warc path>#<WARC-Record-ID>"``. ``rel`` is the page's place in the output
    tree of the per-page formats. ``data`` and ``content_hash`` are filled by
    :func:`load_source`; results carry the source without ``data``.
    """

    id: str
    path: str | None = None
    record_id: str | None = None
    url: str | None = None
    rel: str | None = None
    compression: str | None = None
    #: ``"text"`` for a text dump (read with ``clean_text``), else ``"html"``.
    kind: Kind = "html"
    #: The charset label the transport gave with the bytes (a WARC record's
    #: HTTP ``Content-Type`` header), passed as ``parse(..., encoding=...)``.
    encoding: str | None = None
    content_hash: str | None = None
    data: bytes | None = field(default=None, repr=False, compare=False)
    #: Set when the input could not even be read as a source (a broken WARC).
    problem: str | None = None

    @classmethod
    def from_bytes(
        cls,
        data: bytes | str,
        *,
        id: str,
        url: str | None = None,
        compression: str | None = None,
        kind: Kind = "html",
        encoding: str | None = None,
    ) -> Source:
        """A page (or, with ``kind="text"``, a text dump) held in memory.

        ``str`` is encoded as UTF-8. Without ``compression``, gzip and bzip2
        data are still recognised by their first bytes when parsed.
        ``encoding`` is the charset the bytes came with (an HTTP header's), for
        ``parse(..., encoding=...)``; text dumps ignore it.
        """
        raw = data.encode("utf-8") if isinstance(data, str) else data
        return cls(
            id=id,
            url=url,
            rel=id,
            compression=compression,
            kind=kind,
            encoding=encoding,
            data=raw,
            content_hash=_hash(raw),
        )

    @property
    def key(self) -> str:
        """Identity of the page across runs (path, plus record id in a WARC)."""
        return self.id


def _hash(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _lower_name(path: str) -> str:
    return Path(path).name.lower()


def _is_warc(path: str) -> bool:
    return _lower_name(path).endswith(WARC_SUFFIXES)


def _compression_of(path: str) -> str | None:
    name = _lower_name(path)
    for suffix, codec in COMPRESSION_SUFFIXES.items():
        if name.endswith(suffix):
            return codec
    return None


def _kind_by_suffix(path: str) -> Kind | None:
    """``html`` for a page suffix, ``text`` for a dump's, else None (both
    looked for under a ``.gz``/``.bz2`` suffix too)."""
    name = _lower_name(path)
    for suffix in COMPRESSION_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    if name.endswith(PAGE_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def _is_page(path: str) -> bool:
    return _kind_by_suffix(path) is not None


def _kind_of(path: str, kind: InputKind) -> Kind:
    """How the file is read: as ``--input`` says, else by its suffix (HTML
    when the suffix says nothing: a file named on the command line)."""
    if kind != "auto":
        return kind
    return _kind_by_suffix(path) or "html"


class Skipped:
    """Inputs that were not read, counted by reason, with a few examples of
    each, so that a run can say what it left out and why."""

    #: A file in a walked folder whose suffix is no page, dump or WARC suffix.
    NOT_A_PAGE = "files that are not pages by their suffix"
    #: A WARC response or resource record whose content type is not HTML.
    NOT_HTML_RECORD = "WARC records that are not HTML"
    #: How many examples of each reason are kept.
    EXAMPLES = 3

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        #: Up to :attr:`EXAMPLES` distinct examples per reason, each counted.
        self.examples: dict[str, Counter[str]] = {}

    def add(self, reason: str, example: str) -> None:
        """Count one input not read for ``reason``; ``example`` names it."""
        self.counts[reason] += 1
        kept = self.examples.setdefault(reason, Counter())
        if example in kept or len(kept) < self.EXAMPLES:
            kept[example] += 1

    def __bool__(self) -> bool:
        return bool(self.counts)

    def summary(self) -> str:
        """One line: ``not read: 2 files that are not pages by their suffix
        (a.png, b.css); 3 WARC records that are not HTML (image/jpeg ×2, …)``."""
        parts = []
        for reason, count in sorted(self.counts.items()):
            kept = self.examples.get(reason, Counter())
            shown = [f"{name} ×{n}" if n > 1 else name for name, n in kept.items()]
            if count > sum(kept.values()):
                shown.append("…")
            parts.append(f"{count} {reason} ({', '.join(shown)})")
        return "not read: " + "; ".join(parts)


def _walk(root: str) -> Iterator[tuple[str, str | None]]:
    """(path, problem) of the files under ``root`` in path order: the entries
    of each folder sorted by name, a subfolder's files in its place among them.
    A folder that cannot be listed is reported (problem set) rather than
    stopping the run. Symlinked folders are not followed (no loops)."""
    try:
        with os.scandir(root) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        yield root, f"cannot list folder: {exc}"
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.is_file():
            yield entry.path, None


def _posix(path: str) -> str:
    return path.replace(os.sep, "/")


def _input_files(
    inputs: list[str], skipped: Skipped | None = None
) -> Iterator[tuple[str, str, str | None]]:
    """(path, rel, problem) of every input file, in run order.

    With one folder input, ``rel`` is relative to it; with several inputs each
    folder's files are placed under the folder's name (as ``cp -r A B OUT``
    would). A file named on the command line is taken whatever its suffix; a
    file in a folder is taken when it is a page, a text dump or a WARC file,
    and otherwise counted in ``skipped``.
    """
    several = len(inputs) > 1
    for item in inputs:
        if Path(item).is_dir():
            base = Path(item).resolve().name if several else ""
            for path, problem in _walk(item):
                rel = _posix(os.path.relpath(path, item))
                if problem or _is_page(path) or _is_warc(path):
                    yield path, f"{base}/{rel}" if base else rel, problem
                elif skipped is not None:
                    skipped.add(Skipped.NOT_A_PAGE, rel)
        elif Path(item).exists():
            yield item, Path(item).name, None
        else:
            raise FileNotFoundError(f"no such file or folder: {item}")


def count_sources(inputs: Iterable[str | os.PathLike[str]]) -> tuple[int, int]:
    """(page files, WARC files) under ``inputs``; WARC records are not counted
    here because that would mean reading every WARC twice."""
    pages = warcs = 0
    for path, _rel, _problem in _input_files([os.fspath(i) for i in inputs]):
        if _is_warc(path):
            warcs += 1
        else:
            pages += 1
    return pages, warcs


def iter_sources(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    kind: InputKind = "auto",
    skipped: Skipped | None = None,
) -> Iterator[Source]:
    """Every page under ``inputs``, in a deterministic order, without data.

    Pages (``.html``…) are read as HTML and text dumps (``.txt``, ``.text``) as
    text, both also under ``.gz``/``.bz2``; ``kind="html"`` or ``"text"`` reads
    every file (not WARC records) that way instead. Files in folders with
    other suffixes, and WARC records that are not HTML, are counted in
    ``skipped`` when it is given.

    WARC records come with their data (the record has to be read to be found).
    A WARC that cannot be read (truncated, or the ``warc`` extra missing) gives a
    source with ``problem`` set; :func:`parse_many` turns it into a failed
    result, so it is accounted for.
    """
    for path, rel, problem in _input_files([os.fspath(i) for i in inputs], skipped):
        if problem:
            yield Source(id=_posix(path), path=path, rel=rel, problem=problem)
        else:
            yield from file_sources(path, rel, kind=kind, skipped=skipped)


def file_sources(
    path: str,
    rel: str,
    *,
    kind: InputKind = "auto",
    url: str | None = None,
    skipped: Skipped | None = None,
) -> Iterator[Source]:
    """The sources of one file: its records when it is a WARC file, else the
    file itself as a page or a text dump (see :func:`iter_sources`)."""
    if _is_warc(path):
        yield from _iter_warc(path, rel, skipped)
        return
    yield Source(
        id=_posix(path),
        path=path,
        rel=rel,
        url=url,
        compression=_compression_of(path),
        kind=_kind_of(path, kind),
    )


#: How to get what reading WARC files needs.
WARC_EXTRA = "pip install 'articlekit[warc]'"


def _import_warcio() -> Any:
    try:
        return importlib.import_module("warcio.archiveiterator")
    except ImportError as exc:
        raise ImportError(f"reading WARC files needs the 'warc' extra: {WARC_EXTRA}") from exc


def warc_available() -> bool:
    try:
        _import_warcio()
    except ImportError:
        return False
    return True


def _record_content_type(record: Any) -> str | None:
    """The content type of a response or resource record, as written ("" when
    it has none); None for the other record types (requests, metadata…), which
    are never pages."""
    if record.rec_type == "response":
        headers = record.http_headers
        ctype = headers.get_header("Content-Type", "") if headers is not None else ""
    elif record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type", "")
    else:
        return None
    return ctype or ""


def _is_html_type(ctype: str) -> bool:
    # No content type at all: let the parser decide rather than drop the page.
    return not ctype or "html" in ctype


def _gzip_complete(path: str) -> bool:
    """Whether every gzip member of the file ends properly. warcio reads a
    truncated ``.warc.gz`` as if it simply ended, which would lose its last
    records without a trace; this pass (decompression only, output dropped)
    turns that into an error record."""
    engine: Any = None  # the decompressor of the member being read
    pending = b""  # input past the end of the last member
    with Path(path).open("rb") as fh:
        while chunk := pending or fh.read(1 << 20):
            pending = b""
            while chunk:
                if engine is None:
                    engine = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
                engine.decompress(chunk, 1 << 20)  # output capped, then dropped
                chunk = engine.unconsumed_tail
                if engine.eof:
                    pending, engine = engine.unused_data, None
                    break
    return engine is None


def _iter_warc(path: str, rel: str, skipped: Skipped | None = None) -> Iterator[Source]:
    stem = rel
    for suffix in WARC_SUFFIXES[::-1]:  # ".warc.gz" before ".warc"
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    index = 0

    def broken(why: str) -> Source:
        return Source(
            id=f"{_posix(path)}#error-after-{index}",
            path=path,
            rel=f"{stem}/error-{index:06d}",
            problem=f"cannot read WARC after record {index}: {why}",
        )

    try:
        module = _import_warcio()
        with Path(path).open("rb") as fh:
            for record in module.ArchiveIterator(fh):
                written = _record_content_type(record)
                if written is None:
                    continue
                ctype = written.lower()
                if not _is_html_type(ctype):
                    if skipped is not None:
                        skipped.add(Skipped.NOT_HTML_RECORD, ctype.split(";")[0].strip())
                    continue
                index += 1
                record_id = record.rec_headers.get_header("WARC-Record-ID")
                data = record.content_stream().read(MAX_PAGE_BYTES + 1)
                short = len(data) <= MAX_PAGE_BYTES and getattr(record.raw_stream, "limit", 0) > 0
                yield Source(
                    id=f"{_posix(path)}#{record_id or index}",
                    path=path,
                    record_id=record_id,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    rel=f"{stem}/{index:06d}",
                    encoding=content_type_charset(written),
                    data=data,
                    content_hash=_hash(data),
                    problem="the record is truncated" if short else None,
                )
        if _lower_name(path).endswith(".gz") and not _gzip_complete(path):
            yield broken("the file is truncated")
    except Exception as exc:  # a broken WARC is one failed input, not a crashed run
        yield broken(f"{type(exc).__name__}: {exc}")


def load_source(source: Source) -> Source:
    """The source with its raw bytes and content hash (file sources are read
    here; sources that hold data are returned as they are). Raises ``OSError``
    or :class:`InputTooLargeError`."""
    if source.problem is not None:
        raise InputError(source.problem)
    if source.data is not None or source.path is None:
        return source
    size = Path(source.path).stat().st_size
    if size > MAX_PAGE_BYTES:
        raise InputTooLargeError(f"{size} bytes is over the {MAX_PAGE_BYTES}-byte limit")
    data = Path(source.path).read_bytes()
    return replace(source, data=data, content_hash=_hash(data))


def sniff_compression(data: bytes) -> str | None:
    """``gzip`` or ``bz2`` when ``data`` starts with that format's magic bytes."""
    if data.startswith(_GZIP_MAGIC):
        return "gzip"
    if data.startswith(_BZIP2_MAGIC) and data[3:4].isdigit():
        return "bz2"
    return None


def _decompress(data: bytes, codec: str | None) -> bytes:
    """The page's bytes: decompressed by ``codec`` (from the file's suffix),
    or, without one, by the format the first bytes show (a saved page that is
    gzip whatever its name, standard input). Capped at :data:`MAX_PAGE_BYTES`."""
    codec = codec or sniff_compression(data)
    if codec is None:
        return data
    engine: Any
    if codec == "gzip":
        engine = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    elif codec == "bz2":
        engine = bz2.BZ2Decompressor()
    else:
        raise InputError(f"unknown compression {codec!r}")
    try:
        out = engine.decompress(data, MAX_PAGE_BYTES + 1)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        raise InputError(f"cannot decompress {codec} data: {exc}") from exc
    if len(out) > MAX_PAGE_BYTES:
        raise InputTooLargeError(f"decompresses to over {MAX_PAGE_BYTES} bytes")
    if not engine.eof:
        raise InputError(f"{codec} data is truncated")
    return bytes(out)


def _expand(sources: Iterable[str | os.PathLike[str] | Source]) -> Iterator[Source]:
    for item in sources:
        if isinstance(item, Source):
            yield item
        else:
            yield from iter_sources([item])
