"""Score extractors against corpora of saved pages with human truth.

A corpus is a folder in the format of ``shared/corpora/FORMAT.md``::

    <corpus>/truth.jsonl     one JSON object per page
    <corpus>/pages/...       the saved pages (gzip-compressed or plain)

The scoring rules (see ``docs/accuracy.md`` for the reasoning):

``body``
    The article-extraction-benchmark measure. Both texts are cut into ``\\w+``
    tokens (Python ``re``, Unicode word characters, case kept); the tokens are
    grouped into overlapping shingles of :data:`BODY_SHINGLE_SIZE` tokens and the
    shingles of truth and prediction are counted as multisets. Per page, the
    true-positive / false-positive / false-negative counts are normalised to sum
    to 1. Precision and recall are the means over pages; F1 is the harmonic mean
    of those two means (not the mean of per-page F1). Accuracy is the share of
    pages whose whole token sequence equals the truth's.

    Edge cases, chosen to agree with the original benchmark's script:

    * a text with fewer tokens than the shingle size yields exactly one shingle,
      made of all its tokens (so a three-word truth can still be matched);
    * a text without any token yields no shingle;
    * truth and prediction both without shingles: precision = recall = 1;
    * a page with no true positives: precision (resp. recall) is 0 when there
      are false positives (resp. false negatives).

``with`` / ``without``
    Whitespace (``\\s+``, which includes no-break spaces) is collapsed to one
    space in the extracted body and in each snippet, and the snippet is
    stripped; the rate is the share of all snippets of the corpus found (resp.
    not found) in the body. Empty snippets are ignored. Read the two together:
    an empty extraction contains no chrome.

``title``, ``authors``, ``published``, ``updated``, ``tags``
    Exact match after Unicode NFKC, case folding and whitespace collapsing.
    ``authors`` and ``tags`` are compared as *sets* of normalised names: order
    and duplicates do not count (the truth of the trafilatura corpus gives tags
    in no meaningful order, and several bylines list people in an order that a
    page's metadata does not keep). An empty truth list means "none", matched
    by an empty or missing prediction. Dates: see :func:`same_stamp`.

Only pages whose truth for a field is non-null count for that field. A
prediction that raises is counted as an error and scored as an empty
prediction.

This module imports nothing heavy; :func:`articlekit_predict` and
:func:`lxml_baseline` import their libraries on first call.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

__all__ = [
    "BODY_SHINGLE_SIZE",
    "BOOTSTRAP_ITERATIONS",
    "BOOTSTRAP_SEED",
    "FIELD_NAMES",
    "BodyMatch",
    "BodyScores",
    "Corpus",
    "CorpusFormatError",
    "CorpusPage",
    "CorpusScores",
    "Estimate",
    "PageResult",
    "Predict",
    "Prediction",
    "Rate",
    "articlekit_predict",
    "body_match",
    "bootstrap_body",
    "evaluate",
    "evaluate_interleaved",
    "find_corpora",
    "load_corpus",
    "lxml_baseline",
    "normalize_text",
    "same_names",
    "same_stamp",
    "same_text",
    "snippet_hits",
    "tokenize",
]

# -- tunables ------------------------------------------------------------------

#: Tokens per body shingle. 4 is the article-extraction-benchmark's value; the
#: scores are only comparable with published ones at 4.
BODY_SHINGLE_SIZE = 4

#: Bootstrap resamples of the pages behind every "± std". 1000 gives a std
#: stable to about 2 % of itself, in well under a second per corpus.
BOOTSTRAP_ITERATIONS = 1000

#: Seed of the bootstrap. Fixed so that a run is reproducible and so that every
#: extractor evaluated on the same corpus is resampled with the same pages.
BOOTSTRAP_SEED = 20200513

#: Name of the truth file inside a corpus folder.
TRUTH_FILE = "truth.jsonl"

#: The exact-match fields, in table order.
FIELD_NAMES: tuple[str, ...] = ("title", "authors", "published", "updated", "tags")

#: What an extractor returns: a plain dict with (some of) the keys ``body``,
#: ``title``, ``authors``, ``published``, ``updated`` and ``tags``, valued as in
#: the corpus truth (strings, lists of strings, ISO 8601 dates). Missing keys
#: and ``None`` mean "not found". Other keys are ignored.
Prediction = Mapping[str, Any]

#: An extractor under evaluation: page bytes and URL in, prediction out.
Predict = Callable[[bytes, str | None], Prediction]

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")
_DAY_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


# -- corpus --------------------------------------------------------------------


class CorpusFormatError(ValueError):
    """A corpus folder or truth line that does not follow FORMAT.md."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CorpusPage:
    """One page of a corpus and its truth; ``None`` means "no truth"."""

    id: str
    file: Path
    url: str | None = None
    body: str | None = None
    title: str | None = None
    authors: tuple[str, ...] | None = None
    published: str | None = None
    updated: str | None = None
    tags: tuple[str, ...] | None = None
    with_: tuple[str, ...] | None = None
    without: tuple[str, ...] | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Corpus:
    """A named, ordered collection of pages."""

    name: str
    path: Path
    pages: tuple[CorpusPage, ...]

    def read_html(self, page: CorpusPage) -> bytes:
        """The page's bytes exactly as saved (gzip files are decompressed)."""
        data = page.file.read_bytes()
        if page.file.suffix == ".gz":
            return gzip.decompress(data)
        return data

    def truth_counts(self) -> dict[str, int]:
        """How many pages have truth, per scored field."""
        counts = {"body": 0, "with": 0, "without": 0}
        counts.update(dict.fromkeys(FIELD_NAMES, 0))
        for page in self.pages:
            for name in counts:
                attr = "with_" if name == "with" else name
                if getattr(page, attr) is not None:
                    counts[name] += 1
        return counts


def _opt_str(obj: Mapping[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise CorpusFormatError(f"{where}: {key!r} must be a string or null")


def _opt_strs(obj: Mapping[str, Any], key: str, where: str) -> tuple[str, ...] | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise CorpusFormatError(f"{where}: {key!r} must be a list of strings or null")


def load_corpus(path: str | Path) -> Corpus:
    """Read a corpus folder; raise :class:`CorpusFormatError` when it is malformed."""
    folder = Path(path)
    truth = folder / TRUTH_FILE
    if not truth.is_file():
        raise CorpusFormatError(f"{folder}: no {TRUTH_FILE}")
    pages: list[CorpusPage] = []
    seen: set[str] = set()
    with truth.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{truth}:{number}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusFormatError(f"{where}: not JSON ({exc})") from exc
            if not isinstance(obj, dict):
                raise CorpusFormatError(f"{where}: not a JSON object")
            page_id, rel = obj.get("id"), obj.get("file")
            if not isinstance(page_id, str) or not page_id:
                raise CorpusFormatError(f"{where}: 'id' must be a non-empty string")
            if not isinstance(rel, str) or not rel:
                raise CorpusFormatError(f"{where}: 'file' must be a non-empty string")
            if page_id in seen:
                raise CorpusFormatError(f"{where}: duplicate id {page_id!r}")
            seen.add(page_id)
            file = folder / rel
            if not file.is_file():
                raise CorpusFormatError(f"{where}: page file {rel!r} is missing")
            pages.append(
                CorpusPage(
                    id=page_id,
                    file=file,
                    url=_opt_str(obj, "url", where),
                    body=_opt_str(obj, "body", where),
                    title=_opt_str(obj, "title", where),
                    authors=_opt_strs(obj, "authors", where),
                    published=_opt_str(obj, "published", where),
                    updated=_opt_str(obj, "updated", where),
                    tags=_opt_strs(obj, "tags", where),
                    with_=_opt_strs(obj, "with", where),
                    without=_opt_strs(obj, "without", where),
                    language=_opt_str(obj, "language", where),
                )
            )
    return Corpus(name=folder.resolve().name, path=folder, pages=tuple(pages))


def find_corpora(path: str | Path) -> list[Path]:
    """``path`` itself when it is a corpus, else its sub-folders that are (sorted)."""
    folder = Path(path)
    if (folder / TRUTH_FILE).is_file():
        return [folder]
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if (p / TRUTH_FILE).is_file())


# -- body ----------------------------------------------------------------------


def tokenize(text: str | None) -> list[str]:
    """The ``\\w+`` tokens of ``text`` (Unicode word characters, case kept)."""
    return _TOKEN_RE.findall(text) if text else []


def _shingles(tokens: Sequence[str], size: int) -> Counter[tuple[str, ...]]:
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True, slots=True)
class BodyMatch:
    """One page's body score: normalised tp/fp/fn and the exact-match flag."""

    tp: float
    fp: float
    fn: float
    exact: bool

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:  # identical, or both empty
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp > 0 else 0.0

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn > 0 else 0.0


def body_match(truth: str | None, predicted: str | None) -> BodyMatch:
    """Shingle overlap of a predicted body with the true one (see module doc)."""
    true_tokens, pred_tokens = tokenize(truth), tokenize(predicted)
    true_sh = _shingles(true_tokens, BODY_SHINGLE_SIZE)
    pred_sh = _shingles(pred_tokens, BODY_SHINGLE_SIZE)
    tp = sum((true_sh & pred_sh).values())
    fp = sum((pred_sh - true_sh).values())
    fn = sum((true_sh - pred_sh).values())
    total = tp + fp + fn
    exact = true_tokens == pred_tokens
    if total == 0:
        return BodyMatch(0.0, 0.0, 0.0, exact)
    return BodyMatch(tp / total, fp / total, fn / total, exact)


@dataclass(frozen=True, slots=True)
class Estimate:
    """A score and its bootstrap standard deviation."""

    value: float
    std: float

    def __str__(self) -> str:
        return f"{self.value:.3f}±{self.std:.3f}"


@dataclass(frozen=True, slots=True)
class BodyScores:
    """Body scores over the pages that have body truth."""

    pages: int
    precision: Estimate
    recall: Estimate
    f1: Estimate
    accuracy: Estimate


def _harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _pstd(values: Sequence[float]) -> float:
    """Population standard deviation (``statistics`` is not imported: it is slow to load)."""
    n = len(values)
    if n < 2:
        return 0.0
    mean = math.fsum(values) / n
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / n)


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def bootstrap_body(
    matches: Sequence[BodyMatch],
    *,
    iterations: int = BOOTSTRAP_ITERATIONS,
    seed: int = BOOTSTRAP_SEED,
) -> BodyScores:
    """Aggregate per-page body matches; ``± std`` by resampling pages.

    Each resample draws ``len(matches)`` pages with replacement and recomputes
    mean precision, mean recall, their harmonic mean and accuracy; the std is
    the population standard deviation of those values over the resamples.
    """
    import random

    n = len(matches)
    if n == 0:
        zero = Estimate(0.0, 0.0)
        return BodyScores(0, zero, zero, zero, zero)
    prec = [m.precision for m in matches]
    rec = [m.recall for m in matches]
    acc = [1.0 if m.exact else 0.0 for m in matches]
    p, r, a = sum(prec) / n, sum(rec) / n, sum(acc) / n
    rng = random.Random(seed)
    population = range(n)
    bp: list[float] = []
    br: list[float] = []
    bf: list[float] = []
    ba: list[float] = []
    for _ in range(iterations):
        idx = rng.choices(population, k=n)
        mp = sum([prec[i] for i in idx]) / n
        mr = sum([rec[i] for i in idx]) / n
        bp.append(mp)
        br.append(mr)
        bf.append(_harmonic(mp, mr))
        ba.append(sum([acc[i] for i in idx]) / n)
    return BodyScores(
        pages=n,
        precision=Estimate(p, _pstd(bp)),
        recall=Estimate(r, _pstd(br)),
        f1=Estimate(_harmonic(p, r), _pstd(bf)),
        accuracy=Estimate(a, _pstd(ba)),
    )


# -- snippets and exact fields -------------------------------------------------


def _collapse(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def snippet_hits(snippets: Iterable[str], body: str | None) -> tuple[int, int]:
    """``(found, counted)``: how many non-empty snippets occur in ``body``."""
    haystack = _collapse(body or "")
    found = counted = 0
    for snippet in snippets:
        needle = _collapse(snippet)
        if not needle:
            continue
        counted += 1
        if needle in haystack:
            found += 1
    return found, counted


def normalize_text(text: str) -> str:
    """NFKC, case folding, whitespace collapsed and stripped."""
    return _collapse(unicodedata.normalize("NFKC", text).casefold())


def same_text(truth: str, predicted: str | None) -> bool:
    """Exact match of two strings after :func:`normalize_text`."""
    return predicted is not None and normalize_text(truth) == normalize_text(predicted)


def same_names(truth: Iterable[str], predicted: Iterable[str] | None) -> bool:
    """Equal *sets* of normalised names (order and duplicates ignored)."""
    want = {normalize_text(t) for t in truth} - {""}
    got = {normalize_text(p) for p in predicted or ()} - {""}
    return want == got


def _parse_stamp(text: str) -> date | datetime | None:
    """A ``date`` (day only) or ``datetime`` (a time is given), else ``None``."""
    text = text.strip()
    if not text:
        return None
    if len(text) == 10:
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    iso = text[:-1] + "+00:00" if text[-1] in "Zz" else text
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    day = _DAY_RE.match(text)  # an odd time part: keep the day it states
    if day:
        try:
            return date(int(day[1]), int(day[2]), int(day[3]))
        except ValueError:
            return None
    return None


def same_stamp(truth: str, predicted: str | None) -> bool:
    """Whether a predicted ISO 8601 stamp matches the true one.

    When either side is a day only, the calendar days compare, each as written
    (no time-zone conversion: ``2024-01-19T23:30-05:00`` is the 19th). When both
    give a time, the instants compare; if only one of them has a zone, the wall
    clock times compare. A stamp that does not parse matches nothing.
    """
    if predicted is None:
        return False
    want, got = _parse_stamp(truth), _parse_stamp(predicted)
    if want is None or got is None:
        return False
    if isinstance(want, datetime) and isinstance(got, datetime):
        if (want.tzinfo is None) != (got.tzinfo is None):
            return want.replace(tzinfo=None) == got.replace(tzinfo=None)
        return want == got
    want_day = want.date() if isinstance(want, datetime) else want
    got_day = got.date() if isinstance(got, datetime) else got
    return want_day == got_day


# -- coercing predictions ------------------------------------------------------


def _pred_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _pred_list(value: object) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value if v is not None]
    return [str(value)]


# -- one page, one extractor ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageResult:
    """How one extractor did on one page."""

    page_id: str
    ms: float
    error: str | None = None
    body: BodyMatch | None = None
    with_found: int = 0
    with_total: int = 0
    without_absent: int = 0
    without_total: int = 0
    fields: Mapping[str, bool] = field(default_factory=dict)
    lxml_ms: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.page_id, "ms": round(self.ms, 3), "error": self.error}
        if self.body is not None:
            out["body"] = {
                "precision": round(self.body.precision, 4),
                "recall": round(self.body.recall, 4),
                "exact": self.body.exact,
            }
        if self.with_total:
            out["with"] = [self.with_found, self.with_total]
        if self.without_total:
            out["without"] = [self.without_absent, self.without_total]
        out.update(self.fields)
        if self.lxml_ms is not None:
            out["lxml_ms"] = round(self.lxml_ms, 3)
        return out


def score_page(
    page: CorpusPage, prediction: Prediction, *, ms: float, error: str | None = None
) -> PageResult:
    """Score one prediction against one page's truth."""
    body = _pred_text(prediction.get("body"))
    with_found = with_total = without_absent = without_total = 0
    if page.with_ is not None:
        with_found, with_total = snippet_hits(page.with_, body)
    if page.without is not None:
        found, without_total = snippet_hits(page.without, body)
        without_absent = without_total - found
    fields: dict[str, bool] = {}
    if page.title is not None:
        fields["title"] = same_text(page.title, _pred_text(prediction.get("title")))
    if page.authors is not None:
        fields["authors"] = same_names(page.authors, _pred_list(prediction.get("authors")))
    if page.published is not None:
        fields["published"] = same_stamp(page.published, _pred_text(prediction.get("published")))
    if page.updated is not None:
        fields["updated"] = same_stamp(page.updated, _pred_text(prediction.get("updated")))
    if page.tags is not None:
        fields["tags"] = same_names(page.tags, _pred_list(prediction.get("tags")))
    return PageResult(
        page_id=page.id,
        ms=ms,
        error=error,
        body=body_match(page.body, body) if page.body is not None else None,
        with_found=with_found,
        with_total=with_total,
        without_absent=without_absent,
        without_total=without_total,
        fields=fields,
    )


# -- a corpus, one or more extractors ------------------------------------------


@dataclass(frozen=True, slots=True)
class Rate:
    """``hits`` out of ``total``; ``value`` is ``None`` when nothing was scored."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class CorpusScores:
    """One extractor's scores on one corpus."""

    corpus: str
    extractor: str
    pages: int
    errors: int
    body: BodyScores | None
    with_: Rate
    without: Rate
    fields: Mapping[str, Rate]
    median_ms: float
    total_s: float
    median_lxml_ratio: float | None
    results: tuple[PageResult, ...]

    @property
    def pages_per_s(self) -> float:
        """Throughput: pages divided by the summed time of the calls."""
        return self.pages / self.total_s if self.total_s > 0 else math.inf

    def to_dict(self, *, pages: bool = False) -> dict[str, Any]:
        """A JSON-ready summary; ``pages=True`` adds every page's result."""

        def rate(r: Rate) -> dict[str, Any]:
            return {"value": r.value, "hits": r.hits, "total": r.total}

        out: dict[str, Any] = {
            "corpus": self.corpus,
            "extractor": self.extractor,
            "pages": self.pages,
            "errors": self.errors,
            "body": None,
            "with": rate(self.with_),
            "without": rate(self.without),
            "fields": {name: rate(r) for name, r in self.fields.items()},
            "median_ms": self.median_ms,
            "pages_per_s": self.pages_per_s,
            "median_lxml_ratio": self.median_lxml_ratio,
        }
        if self.body is not None:
            body: dict[str, Any] = {"pages": self.body.pages}
            for name in ("precision", "recall", "f1", "accuracy"):
                est: Estimate = getattr(self.body, name)
                body[name] = {"value": est.value, "std": est.std}
            out["body"] = body
        if pages:
            out["results"] = [r.to_dict() for r in self.results]
        return out


def _summarise(
    corpus: Corpus,
    extractor: str,
    results: Sequence[PageResult],
    *,
    iterations: int,
    seed: int,
) -> CorpusScores:
    matches = [r.body for r in results if r.body is not None]
    fields = {
        name: Rate(
            hits=sum(1 for r in results if r.fields.get(name)),
            total=sum(1 for r in results if name in r.fields),
        )
        for name in FIELD_NAMES
    }
    times = [r.ms for r in results]
    ratios = [r.ms / r.lxml_ms for r in results if r.lxml_ms]
    return CorpusScores(
        corpus=corpus.name,
        extractor=extractor,
        pages=len(results),
        errors=sum(1 for r in results if r.error is not None),
        body=bootstrap_body(matches, iterations=iterations, seed=seed) if matches else None,
        with_=Rate(sum(r.with_found for r in results), sum(r.with_total for r in results)),
        without=Rate(sum(r.without_absent for r in results), sum(r.without_total for r in results)),
        fields=fields,
        median_ms=_median(times) if times else 0.0,
        total_s=sum(times) / 1000,
        median_lxml_ratio=_median(ratios) if ratios else None,
        results=tuple(results),
    )


def _timed(predict: Predict, html: bytes, url: str | None) -> tuple[Prediction, float, str | None]:
    start = time.perf_counter()
    try:
        prediction = predict(html, url)
    except Exception as exc:  # one page must not stop the run
        ms = (time.perf_counter() - start) * 1000
        return {}, ms, f"{type(exc).__name__}: {exc}"
    ms = (time.perf_counter() - start) * 1000
    if not isinstance(prediction, Mapping):
        return {}, ms, f"TypeError: predictor returned {type(prediction).__name__}, not a dict"
    return prediction, ms, None


def evaluate_interleaved(
    corpus: Corpus,
    predictors: Mapping[str, Predict],
    *,
    limit: int | None = None,
    baseline: bool = False,
    iterations: int = BOOTSTRAP_ITERATIONS,
    seed: int = BOOTSTRAP_SEED,
    warmup: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, CorpusScores]:
    """Run several extractors page by page, each in turn on the same bytes.

    Interleaving spreads machine noise (other jobs, CPU frequency, caches) over
    all extractors alike. The order of the extractors is reversed on every other
    page, so that each pair runs in both orders equally often (one that runs
    right after another can profit from caches they share, such as htmldate's).
    Unless ``warmup`` is false, each extractor is first called once, untimed and
    unscored, on the first page, so that lazy imports do not count as page time.
    With ``baseline=True`` each page is also parsed with bare
    ``lxml.html.document_fromstring`` and every result keeps the ratio of its
    time to that parse.
    """
    pages = corpus.pages if limit is None else corpus.pages[: max(limit, 0)]
    names = list(predictors)
    results: dict[str, list[PageResult]] = {name: [] for name in names}
    if warmup and pages:  # first calls pay for lazy imports and caches: not timed
        html = corpus.read_html(pages[0])
        for predict in [*predictors.values(), *([lxml_baseline] if baseline else [])]:
            _timed(predict, html, pages[0].url)
    for number, page in enumerate(pages):
        html = corpus.read_html(page)
        lxml_ms: float | None = None
        if baseline:
            _, lxml_ms, _ = _timed(lxml_baseline, html, page.url)
        for name in names if number % 2 == 0 else names[::-1]:
            prediction, ms, error = _timed(predictors[name], html, page.url)
            result = score_page(page, prediction, ms=ms, error=error)
            if lxml_ms is not None:
                result = replace(result, lxml_ms=lxml_ms)
            results[name].append(result)
        if progress is not None:
            progress(number + 1, len(pages))
    return {
        name: _summarise(corpus, name, results[name], iterations=iterations, seed=seed)
        for name in names
    }


def evaluate(
    corpus: Corpus,
    predict: Predict,
    *,
    name: str = "extractor",
    limit: int | None = None,
    baseline: bool = False,
    iterations: int = BOOTSTRAP_ITERATIONS,
    seed: int = BOOTSTRAP_SEED,
    warmup: bool = True,
) -> CorpusScores:
    """Score one extractor on every page of ``corpus`` (or the first ``limit``)."""
    return evaluate_interleaved(
        corpus,
        {name: predict},
        limit=limit,
        baseline=baseline,
        iterations=iterations,
        seed=seed,
        warmup=warmup,
    )[name]


# -- built-in predictors -------------------------------------------------------


def articlekit_predict(html: bytes, url: str | None) -> Prediction:
    """articlekit's own extraction, as a :data:`Prediction`."""
    import articlekit  # late: keeps this module light and avoids an import cycle

    result: dict[str, Any] = articlekit.parse(html, url=url).to_dict()
    return result


def lxml_baseline(html: bytes, url: str | None) -> Prediction:
    """Parse the page with bare lxml and extract nothing: the speed yardstick."""
    import lxml.html

    lxml.html.document_fromstring(html)
    return {}
