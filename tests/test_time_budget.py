"""The time budget of a parse (issue #13): ``PageLimits.max_seconds`` / ``timeout=``.

These are behaviour tests of the deadline, not speed benchmarks: the stages
here sleep, and the only timed assertion is a generous upper bound on how
late the budget is enforced (the budget, plus one stage, plus slack for a
loaded machine). Their sleeps add up to well under a second.
"""

from __future__ import annotations

import math
import pickle
import time

import pytest

import articlekit
from articlekit import ArticlekitError, Page, PageLimits, ParseTimeoutError, Pipeline
from articlekit.stage import Draft, Finding

#: How long each slow stage sleeps.
STAGE_SECONDS = 0.1
#: Slack for a loaded CI machine on top of "budget + one stage".
SLACK_SECONDS = 0.5

_HTML = "<html><body><article><h1>Title</h1><p>Some text of the story.</p></article></body></html>"


class Sleepy:
    """A stage that only sleeps, and records that it ran."""

    provides: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()

    def __init__(self, name: str, ran: list[str], seconds: float = STAGE_SECONDS) -> None:
        self.name = name
        self.ran = ran
        self.seconds = seconds

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        self.ran.append(self.name)
        time.sleep(self.seconds)
        return Finding()


def _slow_pipeline(ran: list[str]) -> Pipeline:
    return Pipeline([Sleepy(name, ran) for name in ("a", "b", "c", "d")])


def test_a_slow_pipeline_stops_between_stages_past_the_budget() -> None:
    ran: list[str] = []
    budget = 0.15  # spent during stage "b"
    start = time.monotonic()
    with pytest.raises(ParseTimeoutError) as caught:
        articlekit.parse(_HTML, pipeline=_slow_pipeline(ran), limits=PageLimits(max_seconds=budget))
    elapsed = time.monotonic() - start
    # On an idle machine: "a" and "b" ran, and the check before "c" raised. On
    # a loaded one the budget may run out earlier; never is every stage run.
    assert len(ran) < 4
    assert caught.value.stage == (ran[-1] if ran else None)
    assert caught.value.budget == budget
    assert caught.value.elapsed >= budget
    assert elapsed < budget + STAGE_SECONDS + SLACK_SECONDS


def test_timeout_is_a_shortcut_for_max_seconds_and_overrides_it() -> None:
    ran: list[str] = []
    with pytest.raises(ParseTimeoutError):
        articlekit.parse(
            _HTML,
            pipeline=_slow_pipeline(ran),
            limits=PageLimits(max_seconds=60.0),
            timeout=0.05,
        )
    assert len(ran) <= 1  # the 60 s of the limits would have let all four run


def test_a_spent_budget_runs_no_stage() -> None:
    ran: list[str] = []
    with pytest.raises(ParseTimeoutError) as caught:
        articlekit.parse(_HTML, pipeline=_slow_pipeline(ran), timeout=0)
    assert ran == []
    assert caught.value.stage is None
    assert "before the first stage" in str(caught.value)


def test_within_the_budget_nothing_changes() -> None:
    article = articlekit.parse(_HTML, timeout=60.0)
    assert article == articlekit.parse(_HTML)
    ran: list[str] = []
    page = Page.from_input(_HTML)
    _slow_pipeline(ran).run(page)  # no budget: every stage runs
    assert ran == ["a", "b", "c", "d"]


def test_clean_text_takes_a_timeout() -> None:
    ran: list[str] = []
    with pytest.raises(ParseTimeoutError):
        articlekit.clean_text("Title\n\nSome text.", pipeline=_slow_pipeline(ran), timeout=0)
    assert ran == []
    assert articlekit.clean_text("Title\n\nSome text of a story.", timeout=60.0).body


def test_the_error_is_ours_and_survives_pickling() -> None:
    error = ParseTimeoutError("b", 0.3, 0.2)
    assert isinstance(error, ArticlekitError)
    assert "ParseTimeoutError" in articlekit.__all__
    copy = pickle.loads(pickle.dumps(error))  # batch workers send errors across processes
    assert (copy.stage, copy.elapsed, copy.budget, str(copy)) == ("b", 0.3, 0.2, str(error))


@pytest.mark.parametrize("bad", [-1.0, math.nan])
def test_a_budget_must_be_a_number_of_seconds(bad: float) -> None:
    with pytest.raises(ValueError, match="max_seconds"):
        PageLimits(max_seconds=bad)
    with pytest.raises(ValueError, match="max_seconds"):
        articlekit.parse(_HTML, timeout=bad)
