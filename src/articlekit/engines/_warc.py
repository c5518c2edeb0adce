"""WARC records as rows: ``url``, ``html``, ``warc_record_id`` (and the file
they came from, and why a file could not be read to its end).

Only ``response`` records whose HTTP ``Content-Type`` is HTML are read. The
payload is decoded here: a BOM, or bytes that are valid UTF-8, decide first
(UTF-8 is UTF-8 whatever is declared, as :func:`articlekit.parse` holds); then
the charset of the HTTP header when the bytes are valid in it (the transport's
word comes before the page's own, as in browsers); else the payload is decoded
as :func:`articlekit.parse` decodes bytes (the page's declaration, detection).
A file that breaks off gives one row with ``read_error`` set after the records
it did hold, so that no loss is silent.
"""

from __future__ import annotations

import codecs
import importlib
from collections.abc import Iterator
from typing import IO, Any

from ..batch.sources import MAX_PAGE_BYTES, _gzip_complete
from ..errors import DecodingError
from ..page import _codec_for, decode_html

#: The columns of a WARC row, all strings.
WARC_COLUMNS = ("url", "html", "warc_record_id", "warc_file", "read_error")

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _warcio() -> Any:
    try:
        return importlib.import_module("warcio.archiveiterator")
    except ImportError as exc:
        raise ImportError(
            "reading WARC files needs the 'warc' extra: pip install 'articlekit[warc]'"
        ) from exc


def header_charset(content_type: str) -> str | None:
    """The Python codec of the ``charset`` parameter of a Content-Type header,
    or ``None`` when there is none or Python does not know it."""
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            label = value.strip().strip("\"'")
            return _codec_for(label) if label else None
    return None


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_payload(data: bytes, content_type: str) -> str:
    """The text of an HTML payload (see the module docstring for the order)."""
    codec = header_charset(content_type)
    if codec is not None and not data.startswith(_BOMS) and not _utf8(data):
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            pass  # the header is wrong for these bytes: read them as a file would be
    try:
        return decode_html(data)[0]
    except DecodingError:
        # Nothing explains the bytes; parse() will say what the text is not.
        return data.decode("utf-8", errors="replace")


def _html_type(record: Any) -> str | None:
    """The Content-Type of an HTML response record, else ``None``."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    ctype = record.http_headers.get_header("Content-Type", "") or ""
    return ctype if "html" in ctype.lower() else None


def _row(
    url: str | None, html: str | None, record_id: str | None, name: str, error: str | None
) -> dict[str, str | None]:
    return {
        "url": url,
        "html": html,
        "warc_record_id": record_id,
        "warc_file": name,
        "read_error": error,
    }


def warc_rows(stream: IO[bytes], name: str) -> Iterator[dict[str, str | None]]:
    """The rows of the WARC file open as ``stream`` (``name`` goes in
    ``warc_file``). A record over :data:`~articlekit.batch.sources.MAX_PAGE_BYTES`
    or cut short, and a file that cannot be read on, give rows with
    ``read_error`` set and ``html`` null."""
    module = _warcio()
    index = 0
    try:
        for record in module.ArchiveIterator(stream):
            ctype = _html_type(record)
            if ctype is None:
                continue
            index += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            record_id = record.rec_headers.get_header("WARC-Record-ID")
            data = record.content_stream().read(MAX_PAGE_BYTES + 1)
            if len(data) > MAX_PAGE_BYTES:
                yield _row(url, None, record_id, name, f"over {MAX_PAGE_BYTES} bytes")
            elif getattr(record.raw_stream, "limit", 0) > 0:
                yield _row(url, None, record_id, name, "the record is truncated")
            else:
                yield _row(url, decode_payload(data, ctype), record_id, name, None)
    except Exception as exc:  # a broken file is one error row, not a failed task
        yield _row(None, None, None, name, f"cannot read after record {index}: {exc}")


def warc_file_rows(path: str) -> Iterator[dict[str, str | None]]:
    """:func:`warc_rows` of a local file; a ``.gz`` file that breaks off
    (which warcio reads as if it simply ended) gets its error row too."""
    with open(path, "rb") as fh:  # noqa: PTH123 (a plain path string from an engine)
        yield from warc_rows(fh, path)
    if path.lower().endswith(".gz") and not _gzip_complete(path):
        yield _row(None, None, None, path, "cannot read to the end: the file is truncated")
