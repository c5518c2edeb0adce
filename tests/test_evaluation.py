"""Scoring rules of articlekit.evaluation, each checked on hand-made cases."""

from __future__ import annotations

import gzip
import io
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from articlekit import cli_eval
from articlekit.evaluation import (
    BodyMatch,
    CorpusFormatError,
    Prediction,
    body_match,
    bootstrap_body,
    evaluate,
    evaluate_interleaved,
    find_corpora,
    load_corpus,
    normalize_text,
    same_names,
    same_stamp,
    same_text,
    snippet_hits,
    tokenize,
)

from .conftest import SHARED


def shared_corpora() -> Path:
    env = os.environ.get("ARTICLEKIT_CORPORA")
    return Path(env) if env else SHARED / "corpora"


def write_corpus(root: Path, pages: list[dict[str, Any]], name: str = "tiny") -> Path:
    """A corpus folder with one gzip'd page per truth line (page text = its 'html')."""
    folder = root / name
    (folder / "pages").mkdir(parents=True)
    lines = []
    for page in pages:
        html = page.pop("html", "<html><body><p>x</p></body></html>")
        rel = f"pages/{page['id']}.html.gz"
        (folder / rel).write_bytes(gzip.compress(html.encode("utf-8")))
        lines.append(json.dumps({"file": rel, **page}))
    (folder / "truth.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


# -- body ----------------------------------------------------------------------


def test_tokens_are_unicode_words_case_kept() -> None:
    assert tokenize("Größe, straße! l'été 2024") == ["Größe", "straße", "l", "été", "2024"]
    assert tokenize(None) == []
    assert tokenize("") == []


def test_identical_texts_score_one() -> None:
    m = body_match("The cat sat on the mat today.", "The cat sat on the mat today.")
    assert (m.precision, m.recall, m.exact) == (1.0, 1.0, True)
    scores = bootstrap_body([m, m])
    assert scores.precision.value == scores.recall.value == scores.f1.value == 1.0
    assert scores.accuracy.value == 1.0


def test_disjoint_texts_score_zero() -> None:
    m = body_match("one two three four five", "six seven eight nine ten")
    assert (m.precision, m.recall, m.exact) == (0.0, 0.0, False)
    assert bootstrap_body([m]).f1.value == 0.0


def test_partial_overlap_by_hand() -> None:
    # truth shingles: abcd bcde; prediction: abcd bcdx -> tp 1, fp 1, fn 1
    m1 = body_match("a b c d e", "a b c d x")
    assert (m1.tp, m1.fp, m1.fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert (m1.precision, m1.recall) == pytest.approx((0.5, 0.5))
    # truth: abcd bcde cdef; prediction: abcd bcde -> tp 2, fp 0, fn 1
    m2 = body_match("a b c d e f", "a b c d e")
    assert (m2.precision, m2.recall) == pytest.approx((1.0, 2 / 3))
    scores = bootstrap_body([m1, m2])
    assert scores.precision.value == pytest.approx(0.75)
    assert scores.recall.value == pytest.approx(7 / 12)
    # F1 is the harmonic mean of the mean precision and the mean recall
    assert scores.f1.value == pytest.approx(2 * 0.75 * (7 / 12) / (0.75 + 7 / 12))
    assert scores.accuracy.value == 0.0


def test_shingles_are_counted_as_multisets() -> None:
    # truth has "a b c d" twice among 5 shingles; the prediction has it once
    m = body_match("a b c d a b c d", "a b c d")
    assert m.precision == 1.0
    assert m.recall == pytest.approx(1 / 5)


def test_punctuation_and_layout_do_not_count_but_case_does() -> None:
    assert body_match("Hello,\n\nworld — again!", "Hello world again").exact
    assert not body_match("Hello world again", "hello world again").exact


def test_empty_prediction() -> None:
    m = body_match("some words of the article body", "")
    assert (m.precision, m.recall, m.exact) == (0.0, 0.0, False)
    assert body_match("some words of the article body", None) == m


def test_both_empty_counts_as_perfect() -> None:
    m = body_match("", "  ... ")  # no \w token on either side
    assert (m.precision, m.recall, m.exact) == (1.0, 1.0, True)


def test_empty_truth_with_text_predicted() -> None:
    m = body_match("", "menu login subscribe now")
    assert (m.precision, m.recall) == (0.0, 0.0)


def test_texts_shorter_than_a_shingle_are_one_shingle() -> None:
    assert body_match("hello world", "hello world").precision == 1.0
    m = body_match("hello world", "hello world again")  # shingles differ entirely
    assert (m.precision, m.recall) == (0.0, 0.0)
    m = body_match("a b c", "a b c d e")  # (a b c) vs (a b c d), (b c d e)
    assert (m.precision, m.recall) == (0.0, 0.0)


def test_bootstrap_is_deterministic_and_sized_right() -> None:
    good = BodyMatch(1.0, 0.0, 0.0, True)
    bad = BodyMatch(0.0, 0.5, 0.5, False)
    matches = [good, bad] * 50
    first = bootstrap_body(matches, seed=7)
    assert first == bootstrap_body(matches, seed=7)
    assert first != bootstrap_body(matches, seed=8)
    # mean of 100 pages that are 0 or 1 half the time: std ~ sqrt(.25 / 100) = 0.05
    assert 0.04 < first.precision.std < 0.06
    assert 0.04 < first.accuracy.std < 0.06
    assert first.precision.value == 0.5
    same = bootstrap_body([good] * 10)
    assert same.f1.std == 0.0


# -- snippets and exact fields -------------------------------------------------


def test_snippets_whitespace_collapsed() -> None:
    body = "Intro line.\nThe  quick\u00a0brown fox\n\njumps over."
    assert snippet_hits(["The quick brown  fox", "fox jumps", "lazy dog", "  "], body) == (2, 3)
    assert snippet_hits(["anything"], None) == (0, 1)
    assert snippet_hits(["Quick brown"], body) == (0, 1)  # case is kept


def test_title_nfkc_casefold_whitespace() -> None:
    assert normalize_text("  \uff34\uff48\uff45\u00a0 \ufb01nal   STRASSE\n") == "the final strasse"
    assert same_text("Die Straße", "DIE  STRASSE")
    assert same_text("The Headline", "the headline ")
    assert not same_text("The Headline", "The Headline | Site")
    assert not same_text("The Headline", None)


def test_names_compare_as_sets() -> None:
    assert same_names(["Ann Lee", "Bo Ek"], ["bo ek", "Ann  Lee"])
    assert same_names(["Ann Lee"], ["Ann Lee", "ann lee"])
    assert not same_names(["Ann Lee"], ["Ann Lee", "Bo Ek"])
    assert not same_names(["Ann Lee"], None)
    assert same_names([], None)  # empty truth means "none"
    assert same_names([], [])
    assert not same_names([], ["Someone"])


def test_dates_on_the_day_unless_both_have_a_time() -> None:
    assert same_stamp("2024-01-19", "2024-01-19")
    assert same_stamp("2024-01-19", "2024-01-19T23:30:00-05:00")  # the day as written
    assert not same_stamp("2024-01-19", "2024-01-20T01:00:00Z")
    assert same_stamp("2024-01-19T10:00:00+01:00", "2024-01-19")
    assert same_stamp("2024-01-19T10:00:00Z", "2024-01-19T11:00:00+01:00")  # same instant
    assert not same_stamp("2024-01-19T10:00:00Z", "2024-01-19T10:00:00+01:00")
    assert same_stamp("2024-01-19T10:00:00", "2024-01-19T10:00:00+02:00")  # one naive: wall clock
    assert not same_stamp("2024-01-19T10:00:00", "2024-01-19T10:05:00")
    assert not same_stamp("2024-01-19", None)
    assert not same_stamp("2024-01-19", "19 January 2024")
    assert not same_stamp("2024-01-19", "10:00:00")


# -- evaluate on a synthetic corpus --------------------------------------------


def _pages() -> list[dict[str, Any]]:
    return [
        {
            "id": "p1",
            "url": "https://example.com/1",
            "body": "alpha beta gamma delta epsilon",
            "title": "First",
            "authors": ["Ann Lee"],
            "published": "2024-01-19",
            "with": ["gamma delta"],
            "without": ["Subscribe now"],
        },
        {
            "id": "p2",
            "url": None,
            "body": None,
            "title": None,
            "tags": ["a", "b"],
            "with": None,
            "without": ["Menu"],
        },
    ]


def test_null_truth_is_not_scored(tmp_path: Path) -> None:
    corpus = load_corpus(write_corpus(tmp_path, _pages()))

    def predict(html: bytes, url: str | None) -> Prediction:
        return {
            "body": "alpha beta gamma delta epsilon Subscribe now",
            "title": "first",
            "authors": ["ann lee"],
            "published": "2024-01-19T08:00:00+00:00",
            "tags": ["B", "A"],
        }

    s = evaluate(corpus, predict, name="x")
    assert s.pages == 2 and s.errors == 0
    assert s.body is not None and s.body.pages == 1  # p2 has no body truth
    assert s.fields["title"].total == 1 and s.fields["title"].hits == 1
    assert s.fields["updated"].total == 0 and s.fields["updated"].value is None
    assert s.fields["tags"].hits == s.fields["tags"].total == 1
    assert (s.with_.hits, s.with_.total) == (1, 1)
    assert (s.without.hits, s.without.total) == (1, 2)  # "Subscribe now" leaked on p1


def test_errors_are_counted_and_scored_empty(tmp_path: Path) -> None:
    corpus = load_corpus(write_corpus(tmp_path, _pages()))

    def broken(html: bytes, url: str | None) -> Prediction:
        if url is None:
            raise RuntimeError("boom")
        return {"body": "alpha beta gamma delta epsilon"}

    s = evaluate(corpus, broken, warmup=False)
    assert s.errors == 1
    assert s.results[1].error == "RuntimeError: boom"
    assert s.body is not None and s.body.f1.value == 1.0
    assert (s.without.hits, s.without.total) == (2, 2)
    assert s.median_ms >= 0


def test_interleaved_runs_every_extractor_on_each_page_in_turn(tmp_path: Path) -> None:
    corpus = load_corpus(write_corpus(tmp_path, _pages()))
    calls: list[tuple[str, str | None]] = []

    def make(name: str) -> Any:
        def predict(html: bytes, url: str | None) -> Prediction:
            assert html.startswith(b"<html>")
            calls.append((name, url))
            return {}

        return predict

    result = evaluate_interleaved(
        corpus, {"a": make("a"), "b": make("b")}, warmup=False, baseline=True
    )
    url1 = "https://example.com/1"
    assert calls == [("a", url1), ("b", url1), ("b", None), ("a", None)]
    assert set(result) == {"a", "b"}
    assert all(r.lxml_ms is not None for r in result["a"].results)


def test_limit(tmp_path: Path) -> None:
    corpus = load_corpus(write_corpus(tmp_path, _pages()))
    assert evaluate(corpus, lambda h, u: {}, limit=1).pages == 1


# -- corpus loading ------------------------------------------------------------


def test_bad_corpora_are_reported(tmp_path: Path) -> None:
    with pytest.raises(CorpusFormatError, match=r"no truth\.jsonl"):
        load_corpus(tmp_path)
    folder = write_corpus(tmp_path, _pages())
    (folder / "pages" / "p2.html.gz").unlink()
    with pytest.raises(CorpusFormatError, match="missing"):
        load_corpus(folder)
    dup = write_corpus(tmp_path, [{"id": "x"}, {"id": "y"}], name="dup")
    truth = dup / "truth.jsonl"
    truth.write_text(truth.read_text().replace('"y"', '"x"'), encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="duplicate id"):
        load_corpus(dup)
    typed = write_corpus(tmp_path, [{"id": "z", "authors": "Ann Lee"}], name="typed")
    with pytest.raises(CorpusFormatError, match="authors"):
        load_corpus(typed)


def test_find_corpora(tmp_path: Path) -> None:
    one = write_corpus(tmp_path, _pages(), name="one")
    two = write_corpus(tmp_path, _pages(), name="two")
    assert find_corpora(tmp_path) == [one, two]
    assert find_corpora(one) == [one]
    assert find_corpora(tmp_path / "absent") == []


def test_shared_corpora_load_with_every_page() -> None:
    root = shared_corpora()
    if not root.is_dir():
        pytest.skip(f"no shared corpora at {root} (set ARTICLEKIT_CORPORA)")
    folders = find_corpora(root)
    if not folders:
        pytest.skip(f"{root} holds no corpus")
    for folder in folders:
        lines = [ln for ln in (folder / "truth.jsonl").read_text("utf-8").splitlines() if ln]
        corpus = load_corpus(folder)
        assert len(corpus.pages) == len(lines), folder
        assert corpus.read_html(corpus.pages[0]).lstrip()[:1] == b"<", folder


# -- the eval subcommand -------------------------------------------------------


def test_cli_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_eval.main([str(tmp_path / "absent")]) == 2
    assert "not a corpus folder" in capsys.readouterr().err
    folder = write_corpus(tmp_path, _pages())
    assert cli_eval.main([str(folder), "--compare", "nosuchtool"]) == 2
    assert "unknown competitor" in capsys.readouterr().err
    assert cli_eval.main([str(folder), "--limit", "0"]) == 2
    assert cli_eval.main([str(folder), "--json", str(tmp_path / "no" / "x.json")]) == 2
    capsys.readouterr()


def test_cli_reports_a_competitor_that_is_not_installed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from articlekit import competitors

    ghost = competitors.Competitor(
        "ghost", "ghost-dist", "articlekit_no_such_module_xyz", fake_articlekit, frozenset()
    )
    monkeypatch.setitem(competitors.COMPETITORS, "ghost", ghost)
    monkeypatch.setattr(cli_eval, "articlekit_predict", fake_articlekit)
    folder = write_corpus(tmp_path, _pages())
    assert cli_eval.main([str(folder), "--compare", "ghost"]) == 0
    captured = capsys.readouterr()
    assert "not installed: ghost" in captured.out
    assert "ghost: not installed" in captured.err
    assert "\nghost " not in captured.out  # no row for it


def fake_articlekit(html: bytes, url: str | None) -> Prediction:
    return {"body": "alpha beta gamma delta", "title": "First"}


def test_cli_table_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_eval, "articlekit_predict", fake_articlekit)
    folder = write_corpus(tmp_path, _pages())
    out = tmp_path / "scores.json"
    assert cli_eval.main([str(folder), "--json", str(out), "--speed"]) == 0
    text = capsys.readouterr().out
    header = text.splitlines()[1].split()
    assert header[:5] == ["extractor", "body", "P", "body", "R"]
    assert "updated" not in header  # no truth for it in this corpus
    assert "ms/page" in header and "lxml" in header
    row = text.splitlines()[3]
    assert row.startswith("articlekit") and "1.000" in row  # the title rate
    data = json.loads(out.read_text("utf-8"))
    scores: Mapping[str, Any] = data["corpora"][0]["scores"]["articlekit"]
    assert scores["fields"]["title"] == {"value": 1.0, "hits": 1, "total": 1}
    assert [r["id"] for r in scores["results"]] == ["p1", "p2"]


def test_table_marks_fields_an_extractor_does_not_produce(tmp_path: Path) -> None:
    corpus = load_corpus(write_corpus(tmp_path, _pages()))
    scores = evaluate_interleaved(corpus, {"a": fake_articlekit, "b": fake_articlekit})
    table = cli_eval.format_table(corpus, scores, predicted_fields={"b": frozenset({"body"})})
    rows = {line.split()[0]: line.split() for line in table.splitlines()[3:]}
    assert "n/a" not in rows["a"]
    assert "n/a" in rows["b"]
    buffer = io.StringIO()
    cli_eval.run_eval([corpus], {"a": fake_articlekit}, out=buffer, err=io.StringIO())
    assert buffer.getvalue().startswith("tiny: 2 pages scored")


def test_articlekit_predict_gives_the_truth_keys() -> None:
    import articlekit

    if not hasattr(articlekit, "parse"):
        pytest.skip("articlekit.parse is not there yet")
    from articlekit.evaluation import articlekit_predict

    html = (
        b"<html><head><title>Storm hits the coast</title></head><body><article>"
        b"<h1>Storm hits the coast</h1><p>A powerful storm struck the northern coast on "
        b"Tuesday night, flooding several low-lying towns along the shore.</p>"
        b"<p>Emergency services said that hundreds of residents had been moved to "
        b"shelters overnight.</p></article></body></html>"
    )
    prediction = articlekit_predict(html, "https://example.com/storm")
    assert {"body", "title", "authors", "published", "updated", "tags"} <= set(prediction)
    assert "Emergency services said" in prediction["body"]


def test_ids_select_one_half_and_exclude_ids_the_other(tmp_path: Path) -> None:
    from articlekit.cli_eval import select_pages

    folder = write_corpus(tmp_path, _pages())
    corpus = load_corpus(folder)
    first = corpus.pages[0].id
    (folder / "check.txt").write_text(f"# the check half\n{first}\n\n", encoding="utf-8")
    check = select_pages(corpus, "check.txt", keep=True)
    look = select_pages(corpus, "check.txt", keep=False)
    assert [p.id for p in check.pages] == [first]
    assert [p.id for p in look.pages] == [p.id for p in corpus.pages[1:]]
    assert check.name == "tiny [check.txt]" and look.name == "tiny [not check.txt]"
    with pytest.raises(FileNotFoundError, match=r"nothing\.txt"):
        select_pages(corpus, "nothing.txt", keep=True)
