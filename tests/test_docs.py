"""Every code sample in docs/ runs, so none of them rots.

The convention (shared by everyone who writes a page):

* every ```python block of a page is executed; the blocks of one page run in
  order in one shared namespace;
* every ```pycon block (``>>>`` prompts with the expected output below them)
  runs as a doctest in that same namespace, so the values it shows are checked;
* the current directory is a fresh temporary folder holding a copy of the
  repository's ``examples/`` (``examples/rathaus-solar.html`` is readable);
* a block that must not run (it needs a network, a cluster, or is a fragment)
  is preceded by the line ``<!-- docs-test: skip (reason) -->``;
* shell commands go in ```sh blocks, which are not executed.

A failing sample reports its page and the line in that page: blocks are
compiled with the page's path as file name and their own line numbers, so a
traceback points into the Markdown file.

Pages are found with a glob, so a page added later is covered without any
change here. The fences are read with markdown-it-py (a test dependency), the
same CommonMark rules the renderer follows, so a fence inside a longer fence
(a ````markdown block showing a ```python block) is not mistaken for code.
"""

from __future__ import annotations

import doctest
import importlib.util
import re
import shutil
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"

#: Info strings of blocks that are executed as Python / run as doctests.
PYTHON_INFO = frozenset({"python", "py", "python3"})
PYCON_INFO = frozenset({"pycon"})
#: The marker that keeps the next block from running; the reason is required.
SKIP_MARKER = re.compile(r"^<!--\s*docs-test:\s*skip\s*\((?P<reason>[^)]*\S[^)]*)\)\s*-->$")
#: Anything that looks like a docs-test marker, to catch misspelt ones.
ANY_MARKER = re.compile(r"<!--\s*docs-test\b")
DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@dataclass(frozen=True)
class Sample:
    """One fenced code block of a docs page."""

    page: Path
    kind: str  # "python" or "pycon"
    line: int  # 1-based line of the block's first code line in the page
    code: str
    skip_reason: str | None

    @property
    def where(self) -> str:
        return f"{_shown(self.page)}:{self.line}"


def _shown(page: Path) -> str:
    """A page's path as a failure names it: relative to the repository."""
    try:
        return str(page.relative_to(ROOT))
    except ValueError:
        return str(page)


def _marker_before(lines: list[str], fence_index: int) -> str | None:
    """The nearest non-blank line above the fence (0-based index), if any."""
    for index in range(fence_index - 1, -1, -1):
        if lines[index].strip():
            return lines[index].strip()
    return None


def read_samples(page: Path) -> list[Sample]:
    """The executable blocks of one page, in page order."""
    text = page.read_text(encoding="utf-8")
    lines = text.splitlines()
    samples = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type != "fence" or token.map is None:
            continue
        info = token.info.split()[0].lower() if token.info.strip() else ""
        if info in PYTHON_INFO:
            kind = "python"
        elif info in PYCON_INFO:
            kind = "pycon"
        else:
            continue
        fence_index = token.map[0]
        above = _marker_before(lines, fence_index)
        skip = SKIP_MARKER.match(above) if above else None
        if above and not skip and ANY_MARKER.search(above):
            raise ValueError(
                f"{_shown(page)}:{fence_index}: malformed docs-test marker {above!r}; "
                "write <!-- docs-test: skip (reason) -->"
            )
        samples.append(
            Sample(
                page=page,
                kind=kind,
                line=fence_index + 2,  # the line after the opening fence, 1-based
                code=token.content,
                skip_reason=skip.group("reason").strip() if skip else None,
            )
        )
    return samples


def docs_pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def _run_python(sample: Sample, namespace: dict[str, Any]) -> None:
    # Padding with newlines makes traceback line numbers the page's own.
    source = "\n" * (sample.line - 1) + sample.code
    code = compile(source, str(sample.page), "exec")
    exec(code, namespace)


def _run_pycon(sample: Sample, namespace: dict[str, Any]) -> str | None:
    """Run a doctest block; the failure report, or None when it passed."""
    test = doctest.DocTestParser().get_doctest(
        sample.code, namespace, sample.where, str(sample.page), sample.line - 1
    )
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
    result = runner.run(test, out=report.append, clear_globs=False)
    return "".join(report) if result.failed else None


def run_page(page: Path) -> list[str]:
    """Run every sample of a page in the current directory; the failure, if any.

    Stops at the first failing block: the blocks after it usually depend on it.
    """
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for sample in read_samples(page):
        if sample.skip_reason is not None:
            continue
        if sample.kind == "pycon":
            failure = _run_pycon(sample, namespace)
            if failure is not None:
                return [f"{sample.where}: doctest block failed\n{failure}"]
            continue
        try:
            _run_python(sample, namespace)
        except Exception as error:
            return [f"{sample.where}: python block failed\n{_page_traceback(error)}"]
    return []


def _page_traceback(error: BaseException) -> str:
    """The traceback from the page's own frame on (the runner's frames say nothing)."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb))


def _with_samples() -> list[Path]:
    pages = []
    for page in docs_pages():
        try:
            if read_samples(page):
                pages.append(page)
        except ValueError:
            pages.append(page)  # its test fails with the reason, instead of collection
    return pages


@pytest.mark.parametrize("page", _with_samples(), ids=lambda p: str(p.relative_to(DOCS)))
def test_docs_page_samples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    failures = run_page(page)
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


def test_every_docs_page_is_read() -> None:
    # The glob must see the pages, or every sample test would vanish silently.
    names = {p.name for p in docs_pages()}
    assert {"index.md", "pipeline.md", "dates.md"} <= names


# -- the runner itself --------------------------------------------------------


def _page(tmp_path: Path, text: str) -> Path:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return page


def _run(tmp_path: Path, text: str) -> list[str]:
    return run_page(_page(tmp_path, text))


def test_runner_shares_namespace_in_page_order(tmp_path: Path) -> None:
    text = "```python\nx = 2\n```\n\ntext\n\n```python\nassert x == 2\ny = x * 3\n```\n"
    text += "\n```pycon\n>>> y\n6\n```\n"
    assert _run(tmp_path, text) == []


def test_runner_reports_page_and_line_of_a_failing_block(tmp_path: Path) -> None:
    text = "# Title\n\n```python\nok = 1\nraise ValueError('boom')\n```\n"
    [failure] = _run(tmp_path, text)
    page = tmp_path / "page.md"
    assert failure.startswith(f"{page}:4: python block failed")
    # the traceback points at the failing line of the page itself
    assert f'"{page}", line 5' in failure
    assert "test_docs.py" not in failure  # the runner's own frames are left out
    assert "ValueError: boom" in failure


def test_runner_reports_a_wrong_doctest_output(tmp_path: Path) -> None:
    text = "Intro\n\n```pycon\n>>> 1 + 1\n3\n```\n"
    [failure] = _run(tmp_path, text)
    assert failure.startswith(f"{tmp_path / 'page.md'}:4: doctest block failed")
    assert "Expected:\n    3\nGot:\n    2" in failure


def test_runner_skips_marked_blocks_and_ignores_other_languages(tmp_path: Path) -> None:
    text = (
        "<!-- docs-test: skip (needs a network) -->\n```python\nraise SystemError\n```\n\n"
        "```sh\nfalse\n```\n\n````markdown\n```python\nraise SystemError\n```\n````\n"
    )
    page = _page(tmp_path, text)
    samples = read_samples(page)
    assert [(s.kind, s.skip_reason) for s in samples] == [("python", "needs a network")]
    assert _run(tmp_path, text) == []


def test_runner_refuses_a_marker_without_reason(tmp_path: Path) -> None:
    page = _page(tmp_path, "<!-- docs-test: skip -->\n```python\npass\n```\n")
    with pytest.raises(ValueError, match="malformed docs-test marker"):
        read_samples(page)


def test_runner_reads_the_examples_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    text = "```python\nassert open('examples/rathaus-solar.html', 'rb').read()\n```\n"
    assert _run(tmp_path, text) == []


# -- the Griffe extension of the docs build ----------------------------------


def test_sphinx_roles_become_inline_code() -> None:
    pytest.importorskip("griffe", reason="the docs extra (mkdocstrings) is not installed")
    spec = importlib.util.spec_from_file_location("sphinx_roles", DOCS / "_ext" / "sphinx_roles.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = (
        "Yields :class:`Result`; see :data:`~articlekit.rules.LOCALE_ZONES`, "
        ":func:`.structure.pieces_from_xml` and ``literal :class:`` text."
    )
    assert module.convert(text) == (
        "Yields `Result`; see `LOCALE_ZONES`, `structure.pieces_from_xml` and "
        "``literal :class:`` text."
    )
    block = "A folder holds::\n\n    pages/<slug>/\n\nand ``a::b`` stays."
    assert module.convert(block) == "A folder holds:\n\n    pages/<slug>/\n\nand ``a::b`` stays."
