"""Visible tag rows: labelled rows in several languages, their shapes, and where they stand."""

from __future__ import annotations

import pytest

import articlekit
from articlekit.rules import TAG_ROW_LABEL, TAG_ROW_LABELS
from articlekit.textdump import split_tag_run

BODY = "".join(
    f"<p>Paragraph {n} says what the council decided about the harbor bridge, and why "
    "the repairs will take until the autumn at the earliest, the city said.</p>"
    for n in range(3)
)


def parse(row: str, *, after: str = "", head: str = "", lang: str = "en") -> articlekit.Article:
    page = (
        f'<html lang="{lang}"><head><title>Harbor bridge stays shut</title>{head}</head><body>'
        f"<article><h1>Harbor bridge stays shut until autumn</h1><div>{BODY}</div>{row}"
        f"</article>{after}</body></html>"
    )
    return articlekit.parse(page, "https://news.example/harbor-bridge")


REL_TAG = 'rel="tag"'
TAGS_ITEM = 'class="tags__item"'


def links(*names: str, attrs: str = "") -> str:
    return " ".join(f'<a {attrs} href="/t/{n.lower()}">{n}</a>' for n in names)


# --- the label table ---------------------------------------------------------------------

LABELS = [(row.id, text) for row in TAG_ROW_LABELS for text in row.examples]
NOT_LABELS = [(row.id, text) for row in TAG_ROW_LABELS for text in row.not_examples]


@pytest.mark.parametrize(("row", "text"), LABELS)
def test_tag_row_label_examples(row: str, text: str) -> None:
    assert TAG_ROW_LABEL.match(text), f"{row}: {text!r}"


@pytest.mark.parametrize(("row", "text"), NOT_LABELS)
def test_tag_row_label_counterexamples(row: str, text: str) -> None:
    assert not TAG_ROW_LABEL.match(text), f"{row}: {text!r}"


@pytest.mark.parametrize(
    ("label", "lang"),
    [
        ("Tags", "en"),
        ("Topics:", "en"),
        ("Themen", "de"),
        ("Schlagwörter:", "de"),
        ("Mots-clés :", "fr"),
        ("Etiquetas", "es"),
        ("Tagi:", "pl"),
    ],
)
def test_labelled_row_in_each_language(label: str, lang: str) -> None:
    article = parse(
        f"<section><span>{label}</span> {links('Harbor', 'Bridges')}</section>", lang=lang
    )
    assert article.tags == ("Harbor", "Bridges")
    assert article.provenance["tags"] == "tags:labelled-row"


# --- the shapes of a labelled row ----------------------------------------------------------


def test_span_label_then_classed_links_in_an_unnamed_section() -> None:
    names = ("Tidal power", "Energy", "Harbors", "Fishing", "Councils", "Winter", "Grid")
    row = "<section><span>Tags</span>" + links(*names, attrs=TAGS_ITEM) + "</section>"
    assert parse(row).tags == names


@pytest.mark.parametrize(
    "row",
    [
        # rel=tag links after a bold label, with separators.
        '<p><b>Tags:</b> <a rel="tag" href="/t/a">Harbor</a>, '
        '<a rel="tag" href="/t/b">Bridges</a></p>',
        # The label is the text of the row's own block.
        '<p>Themen: <a href="/t/a">Harbor</a> | <a href="/t/b">Bridges</a></p>',
        # A list after a heading.
        '<div><h3>Schlagwörter</h3><ul><li><a href="/t/a">Harbor</a></li>'
        '<li><a href="/t/b">Bridges</a></li></ul></div>',
        # A label alone in its block, the list after the block.
        '<div><div class="label"><span>Etiquetas</span></div>'
        '<ul><li><a href="/t/a">Harbor</a></li><li><a href="/t/b">Bridges</a></li></ul></div>',
        # A definition list.
        '<dl><dt>Tagi</dt><dd><a href="/t/a">Harbor</a> <a href="/t/b">Bridges</a></dd></dl>',
    ],
)
def test_labelled_row_shapes(row: str) -> None:
    assert parse(row).tags == ("Harbor", "Bridges")


def test_buttons_in_a_row_are_no_tags() -> None:
    row = f'<div class="tags">{links("Harbor", "Bridges")} <a href="/tags">More</a></div>'
    assert parse(row).tags == ("Harbor", "Bridges")


# --- what is no tag row --------------------------------------------------------------------


def test_prose_that_starts_like_a_label_is_no_row() -> None:
    row = (
        "<p>Tags are sewn into every shirt at the <a href='/factory'>factory</a>, the owner "
        "said on Monday.</p>"
    )
    assert parse(row).tags == ()


def test_a_label_link_in_a_menu_labels_nothing() -> None:
    menu = (
        '<div class="tools"><a href="/history">History</a> <a href="/print">Print</a> '
        '<a href="/tags">Tags</a></div><div class="more"><a href="/a">About us</a> '
        '<a href="/jobs">Careers</a></div>'
    )
    assert parse(menu).tags == ()


def test_teaser_card_tags_are_not_the_articles() -> None:
    after = (
        '<aside class="related"><article class="card"><a href="/x">Another story entirely</a>'
        f'<div class="card__tags">{links("Wind", "Hearings", attrs=REL_TAG)}</div>'
        "</article></aside>"
    )
    row = f"<section><span>Tags</span> {links('Harbor', 'Bridges')}</section>"
    assert parse(row, after=after).tags == ("Harbor", "Bridges")


def test_a_post_whose_classes_name_its_tags_is_no_row() -> None:
    # WordPress adds "tag-<slug>" classes to the post: the post is no tag list.
    page = (
        '<html><body><section class="post tag-harbor tag-bridges"><h1>Harbor bridge stays '
        f"shut until autumn</h1>{BODY}<p>Read the <a href='/report'>full report</a>.</p>"
        f'<footer><aside class="tags">{links("Harbor", "Bridges", attrs=REL_TAG)}'
        "</aside></footer></section></body></html>"
    )
    assert articlekit.parse(page).tags == ("Harbor", "Bridges")


def test_a_site_tag_cloud_is_not_the_articles() -> None:
    cloud = "".join(f'<a href="/t/{n}">Topic {n}</a>' for n in range(20))
    after = f'<div class="sidebar"><div class="tagcloud">{cloud}</div></div>'
    row = f'<p class="post-tags">Schlagworte: {links("Harbor", "Bridges")}</p>'
    assert parse(row, after=after).tags == ("Harbor", "Bridges")


def test_row_in_the_article_beats_rel_tag_links_elsewhere() -> None:
    after = f'<div class="teaser">{links("Wind", attrs=REL_TAG)}</div>'
    row = f'<ul class="tags"><li>{links("Harbor")}</li><li>{links("Bridges")}</li></ul>'
    assert parse(row, after=after).tags == ("Harbor", "Bridges")


def test_structured_keywords_when_no_row_is_shown() -> None:
    head = '<meta property="article:tag" content="Harbor"><meta name="keywords" content="x, y">'
    assert parse("", head=head).tags == ("Harbor",)


# --- tag lines in text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["Tags: Harbor, Bridges", "Tagi: Harbor, Bridges", "Schlagworte: Harbor, Bridges"],
)
def test_tag_lines_in_a_text_dump(line: str) -> None:
    text = f"Harbor bridge stays shut\n\n{BODY.replace('<p>', '').replace('</p>', chr(10))}\n{line}"
    article = articlekit.clean_text(text)
    assert article.tags == ("Harbor", "Bridges")
    assert line not in article.body


def test_split_tag_run_keeps_separated_values() -> None:
    assert split_tag_run("Harbor, Bridges; Tides", "") == ["Harbor", "Bridges", "Tides"]


@pytest.mark.parametrize(
    "label", ["  Tags :  ", "\u00a0Themen\u00a0:\u00a0", "\n\t Mots-clés\n :\n", "# Tags"]
)
def test_a_label_padded_with_its_edges_is_still_a_label(label: str) -> None:
    """The C-side narrowing of label candidates keeps labels whatever the
    spaces, no-break spaces, "#" and colons around them."""
    article = parse(f"<section><span>{label}</span> {links('Harbor', 'Bridges')}</section>")
    assert article.tags == ("Harbor", "Bridges")
    assert article.provenance["tags"] == "tags:labelled-row"
