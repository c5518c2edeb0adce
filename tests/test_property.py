"""Property tests (issue #13): whatever the input, ``parse()`` returns an Article
or raises an ``ArticlekitError`` subclass with a message.

Fixed seed, derandomized, no example database: the runs are deterministic.
Two hypothesis profiles (registered in tests/conftest.py):

* ``ci`` (the default): a small example budget per property, fast in CI;
* ``local``: many more examples, for a longer hunt on a developer machine::

      pytest tests/test_property.py --hypothesis-profile=local

Inputs: arbitrary bytes and text (NUL bytes, controls, lone surrogates); a
small page and real corpus pages (from ../shared, skipped with the reason when
absent) cut at random points and mutated: tags deleted, duplicated or left
unclosed, attributes garbled, JSON-LD corrupted, impossible dates (year 0,
year 99999) in the date fields, a ``<meta charset>`` that lies; XML
declarations (broken ones too), XHTML, RSS and Atom feeds, SVG.
"""

from __future__ import annotations

import gzip
import re

import pytest

hypothesis = pytest.importorskip("hypothesis")

from hypothesis import given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import articlekit  # noqa: E402
from articlekit import ArticlekitError  # noqa: E402

from .conftest import SHARED  # noqa: E402

SMALL_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A title</title>'
    '<meta property="article:published_time" content="2024-03-12T17:30:00+01:00">'
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A title",'
    ' "datePublished": "2024-03-12", "author": {"@type": "Person", "name": "Ann Lee"}}</script>'
    "</head><body><article><h1>A title</h1><p class='byline'>By Ann Lee</p>"
    "<p>The first paragraph of the article, with enough words in it.</p>"
    "<p>The second paragraph, with a <a href='/x'>link</a> and more words.</p>"
    "<ul><li>One item</li><li>Another item</li></ul>"
    "</article></body></html>"
)
SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>label</text><script>x()</script></svg>'
XHTML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>An XHTML page</title></head>'
    "<body><p>A paragraph of an XHTML page, written as XML.</p><br/></body></html>"
)
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title>'
    "<item><title>An item</title><description>&lt;p&gt;Escaped markup&lt;/p&gt;</description>"
    "<pubDate>Tue, 12 Mar 2024 17:30:00 +0100</pubDate></item></channel></rss>"
)
ATOM = (
    '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
    "<title>A feed</title><entry><title>An entry</title><updated>2024-03-12T17:30:00Z</updated>"
    '<content type="html">&lt;p&gt;Text&lt;/p&gt;</content></entry></feed>'
)

#: Real pages to mutate: the first few of every dev corpus (most lie in the
#: pages/ folder, some gzipped). Empty where ../shared is absent.
CORPUS_PAGES_PER_FOLDER = 4


def _corpus_pages() -> list[str]:
    corpora = SHARED / "corpora"
    if not corpora.is_dir():
        return []
    pages: list[str] = []
    for folder in sorted(p for p in corpora.iterdir() if (p / "pages").is_dir()):
        for path in sorted((folder / "pages").iterdir())[:CORPUS_PAGES_PER_FOLDER]:
            data = path.read_bytes()
            if path.name.endswith(".gz"):
                data = gzip.decompress(data)
            pages.append(data.decode("utf-8", errors="replace"))
    return pages


CORPUS_PAGES = _corpus_pages()

# -- mutations of markup ------------------------------------------------------------

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>")
_ATTRIBUTE = re.compile(r'\s[a-zA-Z-]+="[^"]*"')
_LD = re.compile(r"(<script[^>]*application/ld\+json[^>]*>)(.*?)(</script>)", re.S | re.I)
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}")
_CHARSET = re.compile(r"<meta[^>]*charset[^>]*>", re.I)
_IMPOSSIBLE_DATES = ("0000-01-01", "99999-12-31", "2024-13-45", "1970-01-01", "9999-99-99")
_LYING_CHARSETS = ("shift_jis", "utf-16", "iso-8859-1", "x-unknown-charset", "utf-7")


def _nth(matches: list[re.Match[str]], n: int) -> re.Match[str] | None:
    return matches[n % len(matches)] if matches else None


def _delete_tag(page: str, n: int) -> str:
    found = _nth(list(_TAG.finditer(page)), n)
    return page if found is None else page[: found.start()] + page[found.end() :]


def _duplicate_tag(page: str, n: int) -> str:
    found = _nth(list(_TAG.finditer(page)), n)
    return page if found is None else page[: found.end()] + found.group(0) + page[found.end() :]


def _unclose(page: str, n: int) -> str:
    closing = [m for m in _TAG.finditer(page) if m.group(1)]
    found = _nth(closing, n)
    return page if found is None else page[: found.start()] + page[found.end() :]


def _garble_attribute(page: str, n: int) -> str:
    found = _nth(list(_ATTRIBUTE.finditer(page)), n)
    if found is None:
        return page
    garbled = found.group(0).replace('"', "'", 1).replace("=", "==<>", 1)
    return page[: found.start()] + garbled + page[found.end() :]


def _corrupt_jsonld(page: str, n: int) -> str:
    def cut(match: re.Match[str]) -> str:
        body = match.group(2)
        return match.group(1) + body[: n % (len(body) + 1)] + '{"@type": [' + match.group(3)

    return _LD.sub(cut, page)


def _impossible_date(page: str, n: int) -> str:
    return _DATE.sub(_IMPOSSIBLE_DATES[n % len(_IMPOSSIBLE_DATES)], page)


def _lying_charset(page: str, n: int) -> str:
    meta = f'<meta charset="{_LYING_CHARSETS[n % len(_LYING_CHARSETS)]}">'
    if _CHARSET.search(page):
        return _CHARSET.sub(meta, page, count=1)
    return meta + page


MUTATIONS = (
    _delete_tag,
    _duplicate_tag,
    _unclose,
    _garble_attribute,
    _corrupt_jsonld,
    _impossible_date,
    _lying_charset,
)

_mutation = st.tuples(st.sampled_from(MUTATIONS), st.integers(min_value=0, max_value=10_000))


def _mutated(page: str, mutations: list[tuple[object, int]], cut: float) -> str:
    for mutate, n in mutations:
        page = mutate(page, n)  # type: ignore[operator]
    return page[: int(len(page) * cut)]


def _pages_from(sources: list[str]) -> st.SearchStrategy[str | bytes]:
    mutated = st.builds(
        _mutated,
        st.sampled_from(sources),
        st.lists(_mutation, max_size=6),
        st.floats(min_value=0.0, max_value=1.0),
    )
    return st.one_of(
        mutated,
        mutated.map(lambda text: text.encode("utf-8", errors="surrogatepass")),
        mutated.map(lambda text: text.encode("cp1252", errors="replace")),  # lies if it says utf-8
    )


_declarations = st.builds(
    lambda encoding, close: f'<?xml version="1.0" encoding="{encoding}{close}',
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=60),
    st.sampled_from(['"?>', '" />', "", '"', '"?']),
)

_raw = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500),  # includes NUL, controls and lone surrogates
    st.tuples(_declarations, st.sampled_from([SMALL_PAGE, XHTML])).map("".join),
    st.tuples(_declarations, st.sampled_from([SMALL_PAGE])).map(lambda p: "".join(p).encode()),
    st.sampled_from(
        [
            SVG,
            SVG.encode("utf-16"),
            XHTML,
            XHTML.encode(),
            RSS,
            ATOM.encode(),
            "\x00" * 10 + SMALL_PAGE,
            SMALL_PAGE + "\ud800",
            SMALL_PAGE.replace("<p>", "<p>\x00"),
        ]
    ),
)


def _check(source: str | bytes) -> None:
    try:
        article = articlekit.parse(source)
    except ArticlekitError as error:
        assert str(error).strip(), f"{type(error).__name__} without a message"
        return
    assert isinstance(article, articlekit.Article)
    assert "\x00" not in article.body
    article.to_json()  # every Article serialises


@seed(13)
@settings(parent=settings.default)
@given(_raw)
def test_any_input_gives_an_article_or_a_library_error(source: str | bytes) -> None:
    _check(source)


@seed(13)
@settings(parent=settings.default)
@given(_pages_from([SMALL_PAGE]))
def test_a_mutated_small_page_gives_an_article_or_a_library_error(source: str | bytes) -> None:
    _check(source)


@pytest.mark.skipif(not CORPUS_PAGES, reason=f"{SHARED / 'corpora'} is absent")
@seed(13)
@settings(parent=settings.default)
@given(_pages_from(CORPUS_PAGES or [SMALL_PAGE]))
def test_a_mutated_corpus_page_gives_an_article_or_a_library_error(source: str | bytes) -> None:
    _check(source)


@pytest.mark.parametrize("mutate", MUTATIONS, ids=lambda m: m.__name__.strip("_"))
def test_every_mutation_changes_the_small_page(mutate: object) -> None:
    """The mutations are not no-ops on a page that has what each one edits."""
    assert mutate(SMALL_PAGE, 3) != SMALL_PAGE  # type: ignore[operator]
