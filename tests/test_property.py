"""Property test (issue #13): whatever the input, ``parse()`` returns an Article
or raises an ``ArticlekitError`` subclass.

Fixed seed and a small example budget, so the test is deterministic and fast in
CI; skipped where hypothesis is not installed. Inputs: arbitrary bytes and
text, NUL bytes, lone surrogates, small pages cut short or mutated, XML
declarations (broken ones too) and SVG.
"""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import articlekit  # noqa: E402
from articlekit import ArticlekitError  # noqa: E402

#: Examples per property: enough to cover every strategy branch, fast enough for CI.
EXAMPLES = 40

SMALL_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A title</title>'
    "</head><body><article><h1>A title</h1>"
    "<p>The first paragraph of the article, with enough words in it.</p>"
    "<p>The second paragraph, with a <a href='/x'>link</a> and more words.</p>"
    "</article></body></html>"
)
SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>label</text><script>x()</script></svg>'

_declarations = st.builds(
    lambda encoding, close: f'<?xml version="1.0" encoding="{encoding}{close}',
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=60),
    st.sampled_from(['"?>', '" />', "", '"', '"?']),
)
_cut_pages = st.integers(min_value=0, max_value=len(SMALL_PAGE)).map(lambda n: SMALL_PAGE[:n])
_mutated_pages = st.lists(
    st.tuples(st.integers(0, len(SMALL_PAGE) - 1), st.integers(0, 255)), max_size=30
).map(lambda edits: bytes(_edit(bytearray(SMALL_PAGE.encode()), edits)))


def _edit(data: bytearray, edits: list[tuple[int, int]]) -> bytearray:
    for position, value in edits:
        data[position % len(data)] = value
    return data


_sources = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500),  # includes NUL, controls and lone surrogates
    _cut_pages,
    _cut_pages.map(lambda text: text.encode("utf-8")),
    _mutated_pages,
    st.tuples(_declarations, _cut_pages).map("".join),
    st.tuples(_declarations, _cut_pages).map(lambda parts: "".join(parts).encode()),
    st.sampled_from([SVG, SVG.encode("utf-16"), "\x00" * 10 + SMALL_PAGE, SMALL_PAGE + "\ud800"]),
)


@seed(13)
@settings(
    max_examples=EXAMPLES,
    deadline=None,  # a parse takes milliseconds; CI machines vary
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(_sources)
def test_parse_returns_an_article_or_raises_a_library_error(source: str | bytes) -> None:
    try:
        article = articlekit.parse(source)
    except ArticlekitError:
        return
    assert isinstance(article, articlekit.Article)
    assert "\x00" not in article.body
