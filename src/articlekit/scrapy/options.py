"""What the Scrapy integration is told to do: from arguments or Scrapy settings.

Settings (all optional):

* ``ARTICLEKIT_PIPELINE``: the articlekit :class:`~articlekit.Pipeline` to parse
  with, as ``"package.module:name"`` (or ``"package.module.name"``) naming a
  Pipeline or a function of no arguments that returns one, or the Pipeline
  itself. Default: ``Pipeline.default()``.
* ``ARTICLEKIT_OUTPUT``: ``"fields"`` (default) or ``"blocks"``; see
  :func:`articlekit.scrapy.item_from_article`.
* ``ARTICLEKIT_TIMEOUT``: seconds per page, as ``parse(timeout=...)``.
* ``ARTICLEKIT_ARTICLES_ONLY``: read by :class:`~articlekit.scrapy.ArticlePipeline`
  only; drop pages that parse but are no article (``Article.is_article`` false).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Literal

from scrapy.settings import BaseSettings

from ..pipeline import Pipeline

__all__ = ["OUTPUTS", "Output", "ScrapyOptions", "load_pipeline"]

#: What an item holds: the Article's fields, or the fields and the typed blocks.
Output = Literal["fields", "blocks"]
OUTPUTS: tuple[Output, ...] = ("fields", "blocks")


def load_pipeline(spec: str | Pipeline) -> Pipeline:
    """The Pipeline that ``spec`` names.

    ``spec`` is a Pipeline, or the import path of one, or of a function of no
    arguments that returns one: ``"package.module:name"`` (``name`` may be
    dotted, as in ``"articlekit:Pipeline.default"``) or
    ``"package.module.name"``. Raises ``ImportError``/``AttributeError`` when
    the path names nothing and ``TypeError`` when it names something else, so
    a mistyped setting stops the crawl at start-up rather than on every page.
    """
    if isinstance(spec, Pipeline):
        return spec
    if not isinstance(spec, str):
        raise TypeError(
            f"ARTICLEKIT_PIPELINE must be a Pipeline or an import path, not {type(spec).__name__}"
        )
    module_name, sep, name = spec.partition(":")
    if not sep:
        module_name, _, name = spec.rpartition(".")
    if not module_name or not name:
        raise ImportError(
            f"ARTICLEKIT_PIPELINE {spec!r} is not an import path like 'package.module:name'"
        )
    found: Any = importlib.import_module(module_name)
    for attribute in name.split("."):  # "module:Class.factory" names a class attribute
        found = getattr(found, attribute)
    if not isinstance(found, Pipeline) and callable(found):
        found = found()
    if not isinstance(found, Pipeline):
        raise TypeError(
            f"ARTICLEKIT_PIPELINE {spec!r} gave a {type(found).__name__},"
            " not an articlekit Pipeline"
        )
    return found


def _output(value: object) -> Output:
    for output in OUTPUTS:
        if value == output:
            return output
    raise ValueError(f"ARTICLEKIT_OUTPUT must be one of {', '.join(OUTPUTS)}, not {value!r}")


@dataclass(frozen=True, slots=True)
class ScrapyOptions:
    """How pages are parsed and what an item holds.

    Attributes:
        pipeline: the articlekit pipeline; ``None`` for the default one.
        output: ``"fields"`` or ``"blocks"`` (see
            :func:`articlekit.scrapy.item_from_article`).
        timeout: seconds per page, as in :func:`articlekit.parse`; ``None``
            for no budget.
    """

    pipeline: Pipeline | None = None
    output: Output = "fields"
    timeout: float | None = None

    def __post_init__(self) -> None:
        _output(self.output)
        if self.timeout is not None and not self.timeout > 0:
            raise ValueError(f"ARTICLEKIT_TIMEOUT must be a positive number, not {self.timeout!r}")

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> ScrapyOptions:
        """The options that the ``ARTICLEKIT_*`` settings ask for.

        Raises ``ValueError``, ``TypeError`` or ``ImportError`` for a setting
        that cannot be honoured.
        """
        spec = settings.get("ARTICLEKIT_PIPELINE")
        timeout = settings.get("ARTICLEKIT_TIMEOUT")
        return cls(
            pipeline=None if spec is None else load_pipeline(spec),
            output=_output(settings.get("ARTICLEKIT_OUTPUT", "fields")),
            timeout=None if timeout is None else settings.getfloat("ARTICLEKIT_TIMEOUT"),
        )
