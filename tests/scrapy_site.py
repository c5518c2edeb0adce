"""A local web site for the Scrapy crawl tests: tests/fixtures/scrapy_site plus
the example page, served by ``http.server`` on a free port of 127.0.0.1.

Files named ``*.cp1251.html`` are sent with ``charset=windows-1251`` in their
``Content-Type`` header (their ``<meta>`` says otherwise, as stale templates do).
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "fixtures" / "scrapy_site"
EXAMPLE_PAGE = REPO / "examples" / "rathaus-solar.html"


class _Handler(SimpleHTTPRequestHandler):
    def guess_type(self, path: Any) -> str:
        if ".cp1251." in str(path):
            return "text/html; charset=windows-1251"
        return super().guess_type(path)

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        pass


def build_site(folder: Path) -> Path:
    """Copy the fixture pages and the example page into ``folder``."""
    shutil.copytree(SITE, folder, dirs_exist_ok=True)
    shutil.copy(EXAMPLE_PAGE, folder / EXAMPLE_PAGE.name)
    return folder


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder``; yields the base URL (``http://127.0.0.1:<port>/``)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
