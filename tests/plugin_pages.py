"""Small saved pages, written for the plugin tests: three news stories and a text dump."""

from __future__ import annotations

from pathlib import Path

import pytest


def news_page(headline: str, byline: str, day: str, paragraphs: list[str], site: str) -> str:
    """A plain news page: headline, byline, date, the story, and some chrome around it."""
    body = "\n".join(f"      <p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{headline} - {site}</title>
<meta property="og:title" content="{headline}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{day}T08:30:00+00:00">
</head>
<body>
<nav class="site-nav"><a href="/">Home</a><a href="/local">Local</a></nav>
<article class="story">
  <h1>{headline}</h1>
  <p class="byline">By {byline}</p>
  <div class="story-body">
{body}
  </div>
</article>
<footer><p>© {day[:4]} {site}. All rights reserved.</p></footer>
</body>
</html>
"""


STORM = news_page(
    "Storm closes the coast road for two days",
    "Ada Brennan",
    "2024-01-19",
    [
        "The coast road between the harbour and the lighthouse will stay closed until Sunday "
        "after Thursday's storm washed a section of the sea wall onto the carriageway.",
        "Council engineers said the wall itself was sound, but the debris had to be cleared "
        "by hand because the heavy machines could not reach the narrow bend below the cliffs.",
        "Buses to the lighthouse village will run along the inland route, adding about twenty "
        "minutes to each journey, and the school bus will leave fifteen minutes earlier.",
    ],
    "Harbour Post",
)

FERRY = news_page(
    "Night ferry returns for the summer season",
    "Tomas Reddan",
    "2024-05-02",
    [
        "The night ferry to the islands returns on the first Friday of June, the operator said "
        "on Wednesday, with two late crossings a week until the end of September.",
        "Islanders had asked for the service to come back after last summer's trial, when the "
        "late boats carried more passengers than the operator had expected.",
        "Tickets go on sale next week, and season passes bought for the day service will be "
        "valid on the night crossings at no extra cost.",
    ],
    "Island Courier",
)

BUDGET = news_page(
    "Library opening hours grow in new budget",
    "Nell Ferris",
    "2024-03-12",
    [
        "The town's three libraries will open on Sunday afternoons from April, after the "
        "council approved a budget that adds two part-time posts to the library service.",
        "The reading room at the central library will also stay open until eight on weekday "
        "evenings, which students had asked for in a petition last autumn.",
        "The council said the cost would be met from savings on the old heating contract, "
        "which ends in March and will not be renewed on the same terms.",
    ],
    "Town Gazette",
)

PAGES = {"storm": STORM, "ferry": FERRY, "budget": BUDGET}

#: The storm page after a simulated redesign: the same story under a new headline.
STORM_REDESIGNED = STORM.replace(
    "Storm closes the coast road for two days", "Coast road shut until Sunday after storm"
)


def write_pages(folder: Path) -> dict[str, Path]:
    """The three pages written into ``folder``; their paths by name."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, html in PAGES.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(html, encoding="utf-8")
    return paths


#: Options for pytest runs inside a test. Hypothesis's plugin imports modules at the
#: end of each run, which pytester's in-process runs drop again: ~2 s a run saved.
INNER = ("-p", "no:hypothesispytest")


@pytest.fixture(scope="session")
def parsing_loaded() -> None:
    """Import everything parsing and the CLI use before any test asks for pytester.

    pytester restores ``sys.modules`` after each test, dropping what the test
    imported first; re-importing C extensions such as ``_zoneinfo`` later leaves
    them broken (a ``SystemError`` in the dates stage of *other* tests). So the
    pytester tests depend on this session fixture, which runs before pytester's
    snapshot: it parses every page those tests use, and our own fixture pages.
    """
    import articlekit
    import articlekit.cli
    import articlekit.evaluation
    import articlekit.testing.config
    import articlekit.testing.plugin

    for html in PAGES.values():
        articlekit.parse(html)
    articlekit.clean_text(
        "Harbour wall repaired\nUpdated: 9:45 p.m.\nDone.", published="2024-02-02"
    )
    for page in sorted((Path(__file__).parent / "fixtures" / "pages").glob("*.html")):
        articlekit.parse(page)
