"""Cost of giving ``parse()`` a BeautifulSoup tree instead of the page's markup.

    python benchmarks/soup_bench.py [--corpus DIR] [--limit N] [--builder lxml|html.parser]

Per page (the soup is built beforehand, untimed):

* ``walk``: ``Page.from_input(soup)``, the soup walked node by node into lxml
  elements (what articlekit does);
* ``round trip``: ``Page.from_input(str(soup))``, the alternative: write the
  soup out as markup and parse that;
* ``markup``: ``Page.from_input(page_bytes)``, the page parsed from its bytes,
  as a yardstick.

Printed: mean and median ms of each, and how the walk compares.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from _corpora import corpora_root

from articlekit.evaluation import load_corpus
from articlekit.page import Page, decode_html


def _ms(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    from bs4 import BeautifulSoup

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=corpora_root() / "scrapinghub-dev")
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--builder", default="lxml", choices=["lxml", "html.parser"])
    args = parser.parse_args()
    corpus = load_corpus(args.corpus)
    times: dict[str, list[float]] = {"walk": [], "round trip": [], "markup": []}
    for page in corpus.pages[: args.limit]:
        data = corpus.read_html(page)
        soup = BeautifulSoup(decode_html(data)[0], args.builder)
        times["walk"].append(_ms(lambda soup=soup: Page.from_input(soup)))
        times["round trip"].append(_ms(lambda soup=soup: Page.from_input(str(soup))))
        times["markup"].append(_ms(lambda data=data: Page.from_input(data)))
    print(f"{args.corpus.name}, {len(times['walk'])} pages, soups built with {args.builder!r}")
    for name, values in times.items():
        print(
            f"  {name:<11} mean {statistics.mean(values):6.2f} ms   "
            f"median {statistics.median(values):6.2f} ms"
        )
    ratio = statistics.mean(times["walk"]) / statistics.mean(times["round trip"])
    print(f"  walk / round trip (means): {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
