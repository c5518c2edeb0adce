"""agreement(): how far two extractions of one page say the same."""

from __future__ import annotations

import pytest

from articlekit.extractors.agreement import agreement

STORY = [
    "The council met on Tuesday night to vote on the new harbour plan.",
    "Most members backed the plan after a long debate about its cost.",
    "Work on the harbour wall is to start in the spring of next year.",
]


def test_the_same_lines_agree_fully() -> None:
    assert agreement(STORY, STORY) == pytest.approx(1.0)


def test_lines_cut_differently_still_agree_fully() -> None:
    assert agreement([" ".join(STORY)], STORY) == pytest.approx(1.0)


def test_texts_with_no_run_of_words_in_common_do_not_agree() -> None:
    other = ["Sign in to your account to read the rest of this page today."]
    assert agreement(STORY, other) == 0.0
    assert agreement([], STORY) == 0.0


def test_a_fragment_agrees_in_proportion_to_what_it_holds() -> None:
    # One line of three: all its runs are in the story, a third of the story's in it.
    fragment = agreement(STORY[:1], STORY)
    assert 0.4 < fragment < 0.6
    assert fragment < agreement(STORY[:2], STORY) < 1.0


def test_the_same_words_in_another_order_do_not_agree() -> None:
    words = " ".join(STORY).split()
    assert agreement([" ".join(reversed(words))], STORY) == 0.0


def test_case_does_not_count_and_repeats_do() -> None:
    assert agreement([s.upper() for s in STORY], STORY) == pytest.approx(1.0)
    assert agreement(STORY * 2, STORY) < 1.0


def test_texts_shorter_than_a_run_compare_whole() -> None:
    assert agreement(["Harbour plan"], ["harbour plan"]) == pytest.approx(1.0)
    assert agreement(["Harbour plan"], ["harbour wall"]) == 0.0
