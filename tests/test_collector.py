"""The cyclic garbage collector is paused during a parse and restored after it."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

import articlekit
from articlekit import collector
from articlekit.page import Page
from articlekit.stage import Draft, Finding

PAGE = (
    "<html><body><article><h1>A title</h1><p>"
    + "Some words. " * 30
    + "</p></article></body></html>"
)


class _Probe:
    """A stage that records whether the collector was on when it ran."""

    name = "probe"
    provides: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()

    def __init__(self) -> None:
        self.seen: list[bool] = []

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        self.seen.append(gc.isenabled())
        return Finding()


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def _pipeline(probe: _Probe) -> articlekit.Pipeline:
    return articlekit.Pipeline.default().insert(probe, before="body")


@pytest.mark.usefixtures("collector_on")
def test_the_collector_is_off_during_a_parse_and_on_after_it() -> None:
    probe = _Probe()
    articlekit.parse(PAGE, pipeline=_pipeline(probe))
    articlekit.clean_text("A title\nSome words of a dump.", pipeline=_pipeline(probe))
    assert probe.seen == [False, False]
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_the_collector_is_on_again_after_a_failed_parse() -> None:
    with pytest.raises(articlekit.ArticlekitError):
        articlekit.parse(b"")
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        articlekit.parse(PAGE)
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


@pytest.mark.usefixtures("collector_on")
def test_the_pause_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collector, "PAUSE_DURING_PARSE", False)
    probe = _Probe()
    articlekit.parse(PAGE, pipeline=_pipeline(probe))
    assert probe.seen == [True]


@pytest.mark.usefixtures("collector_on")
def test_overlapping_parses_in_threads_restore_the_collector_once_all_end() -> None:
    inside = threading.Barrier(2)
    seen: list[bool] = []

    class Waiting(_Probe):
        def __call__(self, page: Page, so_far: Draft) -> Finding:
            inside.wait(timeout=30)  # both parses are running now
            seen.append(gc.isenabled())
            inside.wait(timeout=30)  # neither has finished yet
            return Finding()

    threads = [
        threading.Thread(
            target=articlekit.parse, args=(PAGE,), kwargs={"pipeline": _pipeline(Waiting())}
        )
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert seen == [False, False]
    assert gc.isenabled()
