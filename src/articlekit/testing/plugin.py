"""The pytest plugin: one test per saved page in the folder the project names.

Loaded by pytest through the ``pytest11`` entry point; it collects nothing
unless the pytest configuration names a folder::

    [tool.pytest.ini_options]
    articlekit_fixtures = ["tests/pages"]
    articlekit_pipeline = "mypackage.extraction:pipeline"   # optional

Per page ``<page>.html`` it collects ``<page>.html::expected`` (the Article
against ``<page>.expected.json``, field by field, under the policy) and, when
``<page>.truth.json`` exists, ``<page>.html::truth`` (the hand-written truth,
scored with the corpus measures). ``--articlekit-update`` (alias
``--update-goldens``) rewrites expected files that differ and lists what
changed; the truth tests still run and can still fail.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ..article import Article
from ..errors import ArticlekitError
from ..pipeline import Pipeline
from .config import load_policy
from .diff import describe
from .expected import dump_expected, expected_content, write_atomic
from .pages import (
    expected_path,
    fixture_table,
    namesakes,
    page_inputs,
    page_stem,
    parse_page,
    read_json,
    truth_path,
)
from .policy import Policy, PolicyError, differing_fields
from .truth import truth_mismatches

__all__ = [
    "FixtureMismatchError",
    "articlekit_article",
    "pytest_addoption",
    "pytest_collect_file",
    "pytest_configure",
    "pytest_terminal_summary",
    "update_goldens",
]


class FixtureMismatchError(AssertionError):
    """A fixture page disagrees with its expected or truth file; the message says how."""


@dataclass
class _State:
    """The run's settings, the pages rewritten, and the last page parsed."""

    rootpath: Path
    folders: list[Path]
    pipeline_spec: str
    policy: Policy
    update: bool
    pipeline: Pipeline | None = None
    pipeline_loaded: bool = False
    #: The last page parsed: its two tests run one after the other, and keeping
    #: one page (not all) holds memory flat over folders of thousands.
    last: tuple[Path, Article | Exception] | None = None
    rewritten: list[tuple[Path, list[str]]] = field(default_factory=list)

    def get_pipeline(self) -> Pipeline | None:
        if not self.pipeline_loaded:  # imported on first use, not at start-up
            from .pages import load_pipeline

            try:
                self.pipeline = load_pipeline(self.pipeline_spec) if self.pipeline_spec else None
            except ValueError as exc:
                raise pytest.UsageError(f"articlekit_pipeline: {exc}") from None
            self.pipeline_loaded = True
        return self.pipeline

    def parse(
        self, page: Path, truth: dict[str, Any] | None, expected: dict[str, Any] | None
    ) -> Article:
        if self.last is None or self.last[0] != page:
            try:
                inputs = page_inputs(truth, expected)
            except ValueError as exc:  # a malformed "fixture" table
                raise FixtureMismatchError(f"{page}: {exc}") from None
            result: Article | Exception
            try:
                result = parse_page(page, inputs, self.get_pipeline())
            except Exception as exc:  # kept, so both tests of the page report the same error
                result = exc
            self.last = (page, result)
        outcome = self.last[1]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


_STATE = pytest.StashKey[_State]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "articlekit_fixtures",
        type="paths",
        default=[],
        help="articlekit: folders of saved pages to test against <page>.expected.json "
        "(nothing is collected when unset)",
    )
    parser.addini(
        "articlekit_pipeline",
        type="string",
        default="",
        help="articlekit: package.module:factory returning the Pipeline to parse pages with",
    )
    group = parser.getgroup("articlekit")
    group.addoption(
        "--articlekit-update",
        "--update-goldens",
        dest="articlekit_update",
        action="store_true",
        default=False,
        help="rewrite the expected files of saved pages that differ (truth files still checked)",
    )


def pytest_configure(config: pytest.Config) -> None:
    folders: list[Path] = config.getini("articlekit_fixtures")
    for folder in folders:
        if not folder.is_dir():
            raise pytest.UsageError(f"articlekit_fixtures: {folder} is not a folder")
    pyproject = config.rootpath / "pyproject.toml"
    if config.inipath is not None and config.inipath.name == "pyproject.toml":
        pyproject = config.inipath
    try:
        policy = load_policy(pyproject) if folders else Policy()
    except (PolicyError, ValueError) as exc:
        raise pytest.UsageError(str(exc)) from None
    state = _State(
        rootpath=config.rootpath,
        folders=[f.resolve() for f in folders],
        pipeline_spec=str(config.getini("articlekit_pipeline") or "").strip(),
        policy=policy,
        update=bool(config.getoption("articlekit_update")),
    )
    if folders:
        state.get_pipeline()  # a bad spec stops the run at once, not page by page
    config.stash[_STATE] = state


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    state = parent.config.stash.get(_STATE, None)
    if state is None or not state.folders or page_stem(file_path) is None:
        return None
    resolved = file_path.resolve()
    if not any(resolved.is_relative_to(folder) for folder in state.folders):
        return None
    page: PageFile = PageFile.from_parent(parent, path=file_path)
    return page


class PageFile(pytest.File):
    """A saved page: an ``expected`` test, and a ``truth`` test when it has a truth file."""

    def collect(self) -> Iterator[pytest.Item]:
        yield ExpectedItem.from_parent(self, name="expected")
        if truth_path(self.path).exists():
            yield TruthItem.from_parent(self, name="truth")


class _PageItem(pytest.Item):
    @property
    def state(self) -> _State:
        return self.config.stash[_STATE]

    def read_sidecars(self) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        truth, expected = truth_path(self.path), expected_path(self.path)
        try:
            return (
                read_json(truth) if truth.exists() else None,
                read_json(expected) if expected.exists() else None,
            )
        except ValueError as exc:  # a file that is not a JSON object: say which
            raise FixtureMismatchError(str(exc)) from None

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str | Any:
        error = excinfo.value
        if isinstance(error, (FixtureMismatchError, PolicyError)):
            return str(error)
        if isinstance(error, ArticlekitError):
            return f"{self.rel(self.path)}: {type(error).__name__}: {error}"
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        # Not a suffix of the node id, so pytest shows the id as it is ("a.html.gz::expected").
        return self.path, None, f"{self.path.name} ({self.name})"

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.state.rootpath))
        except ValueError:
            return str(path)


class ExpectedItem(_PageItem):
    """The page's Article against ``<page>.expected.json``, field by field."""

    def runtest(self) -> None:
        target = expected_path(self.path)
        clash = namesakes(self.path)
        if clash:
            raise FixtureMismatchError(
                f"{self.rel(self.path)} and {self.rel(clash[0])} would share {target.name}: "
                "rename one of them"
            )
        if not target.exists():
            raise FixtureMismatchError(
                f"{self.rel(self.path)} has no expected file ({target.name}).\n"
                f"Write it with:\n  articlekit snapshot {shlex.quote(self.rel(self.path))}"
            )
        truth, expected = self.read_sidecars()
        assert expected is not None
        policy = self.state.policy
        try:
            page_table = fixture_table(expected, self.rel(target)).get("policy") or {}
        except ValueError as exc:
            raise FixtureMismatchError(str(exc)) from None
        if page_table:
            policy = policy.merged(page_table, f"{self.rel(target)} fixture.policy")
        article = self.state.parse(self.path, truth, expected)
        got = article.to_dict()
        wrong = differing_fields(expected, got, policy)
        if not wrong:
            return
        if self.state.update:
            write_atomic(target, dump_expected(expected_content(article, expected)))
            self.state.rewritten.append((target, wrong))
            return
        command = f"python -m pytest {shlex.quote(self.rel(self.path))} --articlekit-update"
        raise FixtureMismatchError(
            f"{self.rel(self.path)}: {len(wrong)} field(s) differ from "
            f"{self.rel(target)}: {', '.join(wrong)}\n"
            f"{describe(expected, got, wrong, policy)}\n"
            f"If the new output is right, regenerate the expected file with:\n  {command}"
        )


class TruthItem(_PageItem):
    """The page's Article against the hand-written ``<page>.truth.json`` (never rewritten)."""

    def runtest(self) -> None:
        truth, expected = self.read_sidecars()
        assert truth is not None
        problems = truth_mismatches(self.state.parse(self.path, truth, expected), truth)
        if problems:
            lines = "\n".join(f"  {p}" for p in problems)
            raise FixtureMismatchError(
                f"{self.rel(self.path)} disagrees with the hand-written "
                f"{truth_path(self.path).name}:\n{lines}\n"
                "The truth file is never regenerated: fix the extraction, or correct the "
                "truth by hand if it is wrong."
            )


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    state = config.stash.get(_STATE, None)
    if state is None or not state.rewritten:
        return
    count = len(state.rewritten)
    terminalreporter.write_sep("-", f"articlekit: rewrote {count} expected file(s)")
    for path, names in state.rewritten:
        try:
            shown = path.relative_to(state.rootpath)
        except ValueError:
            shown = path
        terminalreporter.write_line(f"{shown}: {', '.join(names)}")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when pytest runs with ``--articlekit-update`` (or its alias ``--update-goldens``)."""
    return bool(request.config.getoption("articlekit_update"))


@pytest.fixture
def articlekit_article(request: pytest.FixtureRequest) -> Article:
    """The parsed Article of a saved page, parametrized indirectly with its path.

    The path is relative to the project root (where the pytest configuration
    is); the page is parsed with ``articlekit_pipeline`` and the address its
    truth or expected file gives::

        @pytest.mark.parametrize("articlekit_article", ["tests/pages/storm.html"], indirect=True)
        def test_storm(articlekit_article):
            assert articlekit_article.authors == ("Maria Gonzalez",)
    """
    param = getattr(request, "param", None)
    if param is None:
        raise pytest.UsageError(
            "articlekit_article needs a page: "
            '@pytest.mark.parametrize("articlekit_article", ["path/page.html"], indirect=True)'
        )
    state = request.config.stash[_STATE]
    page = Path(param)
    page = page if page.is_absolute() else state.rootpath / page
    if not page.is_file():
        raise FileNotFoundError(f"articlekit_article: no page {page}")
    truth, expected = truth_path(page), expected_path(page)
    return state.parse(
        page,
        read_json(truth) if truth.exists() else None,
        read_json(expected) if expected.exists() else None,
    )
