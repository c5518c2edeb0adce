"""WARC records as rows: ``url``, ``html``, ``warc_record_id`` (and the file
they came from, and why a file could not be read to its end).

Only ``response`` records whose HTTP ``Content-Type`` is HTML are read. The
payload is decoded here, to the text a row holds, by the decoding that
``articlekit.parse(data, encoding=<the header's charset>)`` applies
(:func:`articlekit.page.decode_bytes`): a BOM, then valid UTF-8, then the HTTP
header's charset, then the page's own declaration, then detection. So a record
gives the same text here as in ``articlekit clean``, which parses the same
bytes with the same charset.
A file that breaks off gives one row with ``read_error`` set after the records
it did hold, so that no loss is silent.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import IO, Any

from ..batch.sources import MAX_PAGE_BYTES, _gzip_complete
from ..errors import DecodingError
from ..page import content_type_charset, decode_bytes

#: The columns of a WARC row, all strings.
WARC_COLUMNS = ("url", "html", "warc_record_id", "warc_file", "read_error")


def _warcio() -> Any:
    try:
        return importlib.import_module("warcio.archiveiterator")
    except ImportError as exc:
        raise ImportError(
            "reading WARC files needs the 'warc' extra: pip install 'articlekit[warc]'"
        ) from exc


def decode_payload(data: bytes, content_type: str) -> str:
    """The text of an HTML payload sent with ``content_type`` (see the module
    docstring for the order)."""
    try:
        return decode_bytes(data, content_type_charset(content_type)).as_text()
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
