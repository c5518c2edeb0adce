"""The summary of a ``clean`` run (:class:`Report`) and the exit codes of
``articlekit clean``.

The report owns the exit code, so the command line and ``report.json`` cannot
disagree about how a run ended.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .sources import Skipped

#: Exit codes of ``articlekit clean``.
EXIT_OK = 0  # every page became an article
EXIT_FAILED = 1  # the run finished, some pages failed (see errors.jsonl)
EXIT_USAGE = 2  # bad arguments, missing input, OUT holds another run, ...
EXIT_INTERRUPTED = 130  # Ctrl-C / SIGTERM: outputs are complete for the pages done


@dataclass
class Report:
    """What a ``clean`` run did; owns the exit code and ``report.json``."""

    pages: int = 0  # inputs accounted for in the outputs
    ok: int = 0
    failed: int = 0
    skipped: int = 0  # done by an earlier run (--resume), not parsed again
    parsed: int = 0  # parsed by this run
    seconds: float = 0.0  # time spent parsing in this run
    interrupted: bool = False
    site_memory: bool = True
    #: Pages parsed fine whose Article says they are no article (``is_article``),
    #: and whether the run left them out of the article outputs (--articles-only).
    not_articles: int = 0
    articles_only: bool = False
    removals: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    #: Inputs that were not read (files that are no page, WARC records that
    #: are not HTML), by reason: said in the summary and in report.json.
    not_read: Skipped = field(default_factory=Skipped)

    @property
    def pages_per_second(self) -> float:
        return self.parsed / self.seconds if self.seconds > 0 else 0.0

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        return EXIT_FAILED if self.failed else EXIT_OK

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "ok": self.ok,
            "failed": self.failed,
            "skipped": self.skipped,
            "parsed": self.parsed,
            "seconds": round(self.seconds, 3),
            "pages_per_second": round(self.pages_per_second, 2),
            "interrupted": self.interrupted,
            "site_memory": self.site_memory,
            "not_articles": self.not_articles,
            "articles_only": self.articles_only,
            "removals": dict(sorted(self.removals.items())),
            "errors": dict(sorted(self.errors.items())),
            "not_read": dict(sorted(self.not_read.counts.items())),
            "exit_code": self.exit_code,
        }

    def summary(self) -> str:
        """The counts in one line, and a second line saying what was not read
        and why when anything was left out."""
        head = "interrupted: " if self.interrupted else ""
        not_articles = ""
        if self.not_articles:
            where = " (in not-articles.jsonl)" if self.articles_only else ""
            not_articles = f", {self.not_articles} not articles{where}"
        return (
            f"{head}{self.pages} pages: {self.ok} ok{not_articles}, {self.failed} failed, "
            f"{self.skipped} skipped; {self.parsed} parsed at {self.pages_per_second:.1f} pages/s"
            + (f"\n{self.not_read.summary()}" if self.not_read else "")
        )
