"""People in bylines: roles, job titles, UI labels and organisations are no names.

The word tables live in :mod:`articlekit.rules` (``PEOPLE_WORDS``,
``ORGANISATION_WORDS``); their examples and counterexamples are tested here,
then the structure of the check: an organisation needs an organisation-shaped
phrase, a role needs a title's head word, a label is a button's word.
"""

from __future__ import annotations

import pytest

import articlekit
from articlekit.people import clean_authors, compact_name, is_organisation, looks_like_person
from articlekit.rules import ORGANISATION_WORDS, PEOPLE_WORDS


def byline_page(byline: str, head: str = "") -> articlekit.Article:
    body = "".join(
        f"<p>Paragraph {n} of the story tells what the council decided about the harbor "
        "bridge, and why the repairs will take until the autumn at the earliest.</p>"
        for n in range(3)
    )
    page = (
        f"<html><head><title>Harbor bridge stays shut</title>{head}</head><body><article>"
        f"<h1>Harbor bridge stays shut until autumn</h1>{byline}<div>{body}</div>"
        "</article></body></html>"
    )
    return articlekit.parse(page, "https://news.example/harbor-bridge")


# --- the rows' own examples ------------------------------------------------------------

PEOPLE_EXAMPLES = [(row.id, text) for row in PEOPLE_WORDS for text in row.examples]
PEOPLE_COUNTEREXAMPLES = [(row.id, text) for row in PEOPLE_WORDS for text in row.not_examples]
ORG_EXAMPLES = [(row.id, text) for row in ORGANISATION_WORDS for text in row.examples]
ORG_COUNTEREXAMPLES = [(row.id, text) for row in ORGANISATION_WORDS for text in row.not_examples]


@pytest.mark.parametrize(("row", "text"), PEOPLE_EXAMPLES)
def test_people_words_examples_name_no_one(row: str, text: str) -> None:
    assert clean_authors([text]) == (), f"{row}: {text!r} kept as a name"


@pytest.mark.parametrize(("row", "name"), PEOPLE_COUNTEREXAMPLES)
def test_people_words_counterexamples_are_people(row: str, name: str) -> None:
    assert clean_authors([name]) == (name,), f"{row}: {name!r} lost"


@pytest.mark.parametrize(("row", "text"), ORG_EXAMPLES)
def test_organisation_words_examples_are_organisations(row: str, text: str) -> None:
    assert is_organisation(text) or not looks_like_person(text), f"{row}: {text!r}"
    assert clean_authors([text]) == ()


@pytest.mark.parametrize(("row", "name"), ORG_COUNTEREXAMPLES)
def test_organisation_words_counterexamples_are_people(row: str, name: str) -> None:
    assert not is_organisation(name), f"{row}: {name!r}"
    assert clean_authors([name]) == (name,)


def test_every_row_has_examples() -> None:
    for row in PEOPLE_WORDS:
        assert row.examples, row.id
    for org in ORGANISATION_WORDS:
        assert org.examples, org.id


# --- surnames that are organisation words ------------------------------------------------


@pytest.mark.parametrize("name", ["Eyal Press", "Emily Post", "Robert Service"])
def test_a_surname_that_ends_outlet_names_is_a_name(name: str) -> None:
    assert clean_authors([name]) == (name,)
    assert clean_authors([f"By {name}"]) == (name,)
    assert byline_page(f'<p class="byline">By {name}</p>').authors == (name,)


@pytest.mark.parametrize(
    "text",
    [
        "Associated Press",  # a marker word
        "The Press",  # "The" is no word of a name
        "Press Association",  # an outlet word first
        "National Post",  # an outlet adjective beside the head
        "Daily Post",
        "Postal Service",
    ],
)
def test_organisation_shaped_phrases_are_no_names(text: str) -> None:
    assert clean_authors([text]) == ()


def test_an_agency_acronym_is_case_sensitive() -> None:
    assert clean_authors(["SID Sportredaktion"]) == ()
    assert clean_authors(["Sid Meyers"]) == ("Sid Meyers",)


# --- roles, titles and labels -------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # A title after the name, with or without a comma, goes with its rank words.
        ("By Jane Doe, Technology Officer", ("Jane Doe",)),
        ("Jane Doe Senior Product Manager", ("Jane Doe",)),
        ("By Jane Doe, Editor-at-large", ("Jane Doe",)),
        # A title before the name.
        ("Senior Editor Jane Doe", ("Jane Doe",)),
        # A German compound title ("net philosopher") before the name.
        ("Netzphilosophin Anna Berg", ("Anna Berg",)),
        ("Von Wirtschaftsredakteur Paul Lang", ("Paul Lang",)),
        # French, Spanish and Polish titles after a comma.
        ("Par Claire Dubois, rédactrice en chef", ("Claire Dubois",)),
        ("Por Ana Ruiz, corresponsal", ("Ana Ruiz",)),
        ("Autor: Jan Nowak, dziennikarz", ("Jan Nowak",)),
    ],
)
def test_titles_are_cut_from_names(byline: str, expected: tuple[str, ...]) -> None:
    assert clean_authors([byline]) == expected


@pytest.mark.parametrize(
    "pieces",
    [
        ["By", "Nora Press", "Featured Columnist IV"],
        ["By", "Nora Press", "Watch Live"],
        ["By", "Nora Press", "Lead Draft"],
        ["By", "Nora Press", "No Comments"],
    ],
)
def test_byline_pieces_that_are_roles_or_buttons_are_dropped(pieces: list[str]) -> None:
    assert clean_authors(pieces) == ("Nora Press",)


def test_a_title_word_that_is_also_a_surname_stays_in_a_name() -> None:
    # "Vice" and "Guest" are surnames; they are no title words.
    assert clean_authors(["Ana Vice"]) == ("Ana Vice",)
    assert clean_authors(["Mary Guest, Staff Writer"]) == ("Mary Guest",)


def test_roles_and_labels_in_a_visible_byline() -> None:
    byline = (
        '<div class="byline"><span>By</span> <a href="/p/np">Nora Press</a> '
        '<span class="role">Featured Columnist IV</span> <span>and</span> '
        '<a href="/p/dm">Dev Malhotra</a>, <span class="role">Technology Officer</span> '
        '<a class="btn" href="/live">Watch Live</a></div>'
    )
    assert byline_page(byline).authors == ("Nora Press", "Dev Malhotra")


# --- other byline shapes ------------------------------------------------------------------


def test_a_date_after_the_name_goes_and_the_surname_stays() -> None:
    assert clean_authors(["By Jane Doe 18/01/2008"]) == ("Jane Doe",)
    assert clean_authors(["By Jane Doe Oct. 3, 2020"]) == ("Jane Doe",)
    assert clean_authors(["By Jane Doe Published 09 November 2012 14:29"]) == ("Jane Doe",)
    assert clean_authors(["Jane Doe am 21. April 2020"]) == ("Jane Doe",)


def test_a_date_in_the_next_element_leaves_its_preposition() -> None:
    # "<p>Von R. R. am <a>07.08.2013</a></p>": the name's line ends in "am".
    assert clean_authors(["Von R. R. am"]) == ("R. R.",)
    assert clean_authors(["By Jane Doe on"]) == ("Jane Doe",)


@pytest.mark.parametrize("name", ["Hans v. Oldenburg-Reiss", "Jan van den Berg", "Ana dos Santos"])
def test_name_particles(name: str) -> None:
    assert clean_authors([name]) == (name,)


def test_compact_name_ignores_a_leading_the() -> None:
    assert compact_name("The Daily Planet") == compact_name("Daily Planet")
    assert compact_name("Theodor Planet") != compact_name("Daily Planet")


def test_an_author_that_is_the_site_name_without_the_is_left_out() -> None:
    head = (
        '<meta property="og:site_name" content="The Harbor Post">'
        '<meta name="author" content="Harbor Post">'
    )
    article = byline_page('<p class="byline">By Jane Doe</p>', head)
    assert article.authors == ("Jane Doe",)


def test_a_byline_that_names_no_person_says_so() -> None:
    article = byline_page('<p class="byline">By Associated Press</p>')
    assert article.authors == ()
    assert any("no person's name" in w and "Associated Press" in w for w in article.warnings)


def test_no_warning_when_the_byline_names_people() -> None:
    article = byline_page('<p class="byline">By Eyal Press</p>')
    assert not any(w.startswith("authors:") for w in article.warnings)
