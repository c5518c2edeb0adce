"""Pipeline: order, deriving new pipelines, validation, precedence, failures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from lxml import html as lxml_html

import articlekit
from articlekit import (
    ArticlekitError,
    Draft,
    EmptyInputError,
    ExtractionError,
    Extractor,
    Finding,
    Page,
    Pipeline,
    PipelineError,
    UnknownStageError,
    UnmetRequirementError,
)

DEFAULT_NAMES = (
    "jsonld",
    "opengraph",
    "meta",
    "headline",
    "authors",
    "dates",
    "tags",
    "body",
    "chrome",
    "language",
    "verdict",
)

HTML = (
    "<html><head><title>A headline for the test | Site</title>"
    '<meta property="og:title" content="A headline for the test">'
    '<script type="application/ld+json">{"@type": "NewsArticle", "keywords": "x, y"}</script>'
    "<style>p { color: red }</style></head><body>"
    '<nav class="menu"><a href="/">Home</a><a href="/news">News</a></nav>'
    "<article><h1>A headline for the test</h1>"
    '<div class="byline">By Jane Doe</div>'
    '<time datetime="2018-06-20">June 20, 2018</time>'
    "<p>Some paragraph of text that is long enough to be kept by the body extractor.</p>"
    "<p>Another paragraph of text so that the article has a real body to extract.</p>"
    "<script>var tracking = 1;</script>"
    '<div class="share">Share this article</div>'
    "</article>"
    '<aside class="most-popular"><h2>Most Popular</h2><a href="/x">Other story</a></aside>'
    "<footer>© 2018 Site. All rights reserved.</footer></body></html>"
)
URL = "https://example.com/story"


class Stage:
    """A minimal user-written stage."""

    def __init__(
        self,
        name: str,
        provides: tuple[str, ...] = (),
        requires: tuple[str, ...] = (),
        fn: Callable[[Page, Draft], Finding] | None = None,
    ) -> None:
        self.name = name
        self.provides = frozenset(provides)
        self.requires = frozenset(requires)
        self.fn = fn

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        return self.fn(page, so_far) if self.fn else Finding()


def setter(field: str, value: Any, source: str = "custom") -> Callable[[Page, Draft], Finding]:
    def fn(page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        finding.set(field, value, source)
        return finding

    return fn


def boom(page: Page, so_far: Draft) -> Finding:
    raise ValueError("kaboom")


# --- order and reading -----------------------------------------------------------------


def test_default_names_order() -> None:
    pipeline = Pipeline.default()
    assert pipeline.names == DEFAULT_NAMES
    assert len(pipeline) == len(DEFAULT_NAMES)
    assert [stage.name for stage in pipeline] == list(DEFAULT_NAMES)
    assert pipeline["dates"].name == "dates"
    assert pipeline[0].name == "jsonld"
    assert "dates" in repr(pipeline)


def test_default_stages_are_extractors() -> None:
    for stage in Pipeline.default():
        assert isinstance(stage, Extractor)


# --- deriving ---------------------------------------------------------------------


def test_without() -> None:
    pipeline = Pipeline.default()
    smaller = pipeline.without("tags", "dates")
    assert smaller.names == tuple(n for n in DEFAULT_NAMES if n not in ("tags", "dates"))
    assert pipeline.names == DEFAULT_NAMES


def test_replace() -> None:
    pipeline = Pipeline.default()
    mine = Stage("my-dates", provides=("published",))
    replaced = pipeline.replace("dates", mine)
    assert replaced.names == tuple("my-dates" if n == "dates" else n for n in DEFAULT_NAMES)
    assert replaced["my-dates"] is mine
    assert pipeline.names == DEFAULT_NAMES


@pytest.mark.parametrize(
    ("kwargs", "index"),
    [
        ({"before": "jsonld"}, 0),
        ({"after": "jsonld"}, 1),
        ({"before": "chrome"}, 8),
        ({"after": "chrome"}, 9),
        ({}, len(DEFAULT_NAMES)),
    ],
)
def test_insert(kwargs: dict[str, str], index: int) -> None:
    pipeline = Pipeline.default()
    mine = Stage("mine", provides=("section",))
    bigger = pipeline.insert(mine, **kwargs)
    assert bigger.names.index("mine") == index
    assert len(bigger) == len(pipeline) + 1
    assert pipeline.names == DEFAULT_NAMES


def test_insert_before_and_after_is_an_error() -> None:
    with pytest.raises(PipelineError):
        Pipeline.default().insert(Stage("mine"), before="meta", after="meta")


def test_methods_return_new_pipelines() -> None:
    pipeline = Pipeline.default()
    derived = [
        pipeline.without("tags"),
        pipeline.replace("tags", Stage("tags2", provides=("tags",))),
        pipeline.insert(Stage("mine")),
        pipeline.with_strict(),
    ]
    for other in derived:
        assert other is not pipeline
        assert isinstance(other, Pipeline)
    assert pipeline.names == DEFAULT_NAMES
    assert pipeline.strict is False
    assert derived[-1].strict is True


def test_strict_is_kept_by_derived_pipelines() -> None:
    pipeline = Pipeline.default(strict=True)
    assert pipeline.without("tags").strict
    assert pipeline.insert(Stage("mine")).strict
    assert pipeline.replace("tags", Stage("t", provides=("tags",))).strict


def test_stages_cannot_be_changed_in_place() -> None:
    pipeline = Pipeline.default()
    with pytest.raises((TypeError, AttributeError)):
        pipeline[0] = Stage("x")  # type: ignore[index]
    with pytest.raises(AttributeError):
        pipeline.append(Stage("x"))  # type: ignore[attr-defined]


# --- validation -------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda p: p.without("nope"),
        lambda p: p.without("tags", "nope"),
        lambda p: p.replace("nope", Stage("x")),
        lambda p: p.insert(Stage("x"), before="nope"),
        lambda p: p.insert(Stage("x"), after="nope"),
        lambda p: p["nope"],
    ],
)
def test_unknown_stage_names(call: Callable[[Pipeline], Any]) -> None:
    with pytest.raises(UnknownStageError) as info:
        call(Pipeline.default())
    message = str(info.value)
    assert "'nope'" in message
    for name in DEFAULT_NAMES:
        assert name in message
    assert isinstance(info.value, ArticlekitError)
    assert isinstance(info.value, KeyError)


def test_unmet_requirement() -> None:
    needy = Stage("needy", requires=("tags",))
    with pytest.raises(UnmetRequirementError, match="needy"):
        Pipeline([needy])
    with pytest.raises(UnmetRequirementError, match="tags"):
        Pipeline.default().insert(needy, before="jsonld")
    # After a stage that provides it, the same stage is fine.
    assert "needy" in Pipeline.default().insert(needy, after="tags").names


def test_removing_a_provider_breaks_its_consumers() -> None:
    with pytest.raises(UnmetRequirementError, match="candidate_pieces"):
        Pipeline.default().without("body")


def test_duplicate_names_are_refused() -> None:
    with pytest.raises(PipelineError, match="tags"):
        Pipeline.default().insert(Stage("tags"))


def test_unknown_provided_field_is_refused() -> None:
    with pytest.raises(PipelineError, match="bogus"):
        Pipeline([Stage("x", provides=("bogus",))])


def test_non_extractor_is_refused() -> None:
    with pytest.raises(PipelineError):
        Pipeline([object()])  # type: ignore[list-item]


# --- running -----------------------------------------------------------------------


def test_first_value_per_field_wins_in_pipeline_order() -> None:
    one = Stage("one", ("title",), fn=setter("title", "First title", "src-one"))
    two = Stage("two", ("title",), fn=setter("title", "Second title", "src-two"))
    for stages, title, provenance in (
        ([one, two], "First title", "one:src-one"),
        ([two, one], "Second title", "two:src-two"),
    ):
        article = articlekit.parse(HTML, URL, pipeline=Pipeline(stages))
        assert article.title == title
        assert article.provenance["title"] == provenance


def test_empty_values_do_not_claim_a_field() -> None:
    empty = Stage("empty", ("title",), fn=setter("title", ""))
    real = Stage("real", ("title",), fn=setter("title", "Real title"))
    article = articlekit.parse(HTML, URL, pipeline=Pipeline([empty, real]))
    assert article.title == "Real title"


def test_custom_stage_shows_up_in_provenance() -> None:
    mine = Stage("my-section", ("section",), fn=setter("section", "Custom section", "here"))
    pipeline = Pipeline.default().insert(mine, before="jsonld")
    article = articlekit.parse(HTML, URL, pipeline=pipeline)
    assert article.section == "Custom section"
    assert article.provenance["section"] == "my-section:here"
    assert article.title == "A headline for the test"  # the rest still runs


def test_custom_stage_sees_earlier_values() -> None:
    seen: dict[str, Any] = {}

    def look(page: Page, so_far: Draft) -> Finding:
        seen.update(so_far)
        seen["provenance"] = so_far.provenance("title")
        return Finding()

    pipeline = Pipeline.default().insert(Stage("look", fn=look), after="headline")
    articlekit.parse(HTML, URL, pipeline=pipeline)
    assert seen["title"] == "A headline for the test"
    assert seen["provenance"] == "headline:h1"
    assert "candidate_pieces" not in seen


def test_failing_stage_becomes_a_warning_by_default() -> None:
    pipeline = Pipeline.default().insert(Stage("boom", fn=boom), after="meta")
    article = articlekit.parse(HTML, URL, pipeline=pipeline)
    assert any("boom" in w and "kaboom" in w for w in article.warnings)
    assert article.title == "A headline for the test"
    assert article.body


def test_failing_stage_raises_extraction_error_when_strict() -> None:
    pipeline = Pipeline.default(strict=True).insert(Stage("boom", fn=boom), after="meta")
    with pytest.raises(ExtractionError) as info:
        articlekit.parse(HTML, URL, pipeline=pipeline)
    assert info.value.stage == "boom"
    assert "boom" in str(info.value)
    assert isinstance(info.value.__cause__, ValueError)


def test_with_strict_raises_too() -> None:
    pipeline = Pipeline.default().insert(Stage("boom", fn=boom)).with_strict()
    with pytest.raises(ExtractionError):
        articlekit.parse(HTML, URL, pipeline=pipeline)


def test_recursion_error_in_a_stage_is_contained() -> None:
    def deep(page: Page, so_far: Draft) -> Finding:
        raise RecursionError("too deep")

    article = articlekit.parse(
        HTML, URL, pipeline=Pipeline.default().insert(Stage("deep", fn=deep))
    )
    assert any("deep" in w for w in article.warnings)


def test_library_errors_from_a_stage_propagate() -> None:
    def refuse(page: Page, so_far: Draft) -> Finding:
        raise EmptyInputError("nothing here")

    with pytest.raises(EmptyInputError):
        articlekit.parse(HTML, URL, pipeline=Pipeline.default().insert(Stage("r", fn=refuse)))


def test_given_values_win_over_every_stage() -> None:
    page = Page.from_input(HTML, URL)
    article = Pipeline.default().run(page, given={"title": "Given title"})
    assert article.title == "Given title"
    assert article.provenance["title"] == "caller:argument"


def test_parse_does_not_mutate_the_shared_tree() -> None:
    page = Page.from_input(HTML.encode(), URL)
    before = lxml_html.tostring(page.root)
    elements_before = sum(1 for _ in page.root.iter())
    article = Pipeline.default().run(page)
    assert article.body  # the pipeline really ran
    assert lxml_html.tostring(page.root) == before
    assert sum(1 for _ in page.root.iter()) == elements_before


def test_running_twice_on_one_page_gives_the_same_article() -> None:
    page = Page.from_input(HTML, URL)
    pipeline = Pipeline.default()
    assert pipeline.run(page) == pipeline.run(page)


def test_url_is_filled_from_the_page() -> None:
    article = Pipeline([]).run(Page.from_input(HTML, URL))
    assert article.url == URL
    assert article.body == ""
    assert article.title is None


def test_an_empty_pipeline_given_to_parse_is_used() -> None:
    # An empty Pipeline is falsy (len 0): ``pipeline or default`` must not
    # swap the caller's pipeline for the default one.
    article = articlekit.parse(HTML, URL, pipeline=Pipeline([]))
    assert article.title is None
    assert article.body == ""


def test_a_stage_moved_after_what_reads_its_field_is_refused() -> None:
    # authors, dates and tags read the headline's element: a pipeline that
    # runs the headline stage after them would run them blind.
    headline = Pipeline.default()["headline"]
    with pytest.raises(UnmetRequirementError, match="move 'headline' before 'authors'"):
        Pipeline.default().without("headline").insert(headline, after="tags")
