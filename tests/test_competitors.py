"""Competitor adapters: registry, missing libraries, and a smoke run of each."""

from __future__ import annotations

import pytest

from articlekit import competitors
from articlekit.competitors import (
    COMPETITORS,
    Competitor,
    NotInstalled,
    decode_html,
    html_to_text,
    resolve,
)

PAGE = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Storm hits the coast | Daily</title>
<meta name="author" content="Ann Lee"></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Storm hits the coast</h1>
<p>A powerful storm struck the northern coast on Tuesday night, bringing winds of more than
one hundred kilometres per hour and flooding several low-lying towns along the shore,
where the sea walls that had been built after the last great flood were not high enough to
hold back the water this time.</p>
<p>Emergency services said that hundreds of residents had been moved to shelters and that the
roads leading to the harbour would remain closed until the water had receded, which could
take until the end of the week according to the regional authorities who are in charge of
the clean-up work.</p>
<p>Forecasters expect the weather to calm down by Thursday, although they warned that the
rivers in the region could still rise over the coming days as rain drains from the hills,
and they asked the people who live near the banks to stay alert and to follow the advice
that the local radio stations broadcast every hour.</p>
</article>
<footer>Copyright Daily News. All rights reserved.</footer>
</body></html>
"""


def test_registry_names() -> None:
    assert list(COMPETITORS) == [
        "trafilatura",
        "readability-lxml",
        "newspaper4k",
        "goose3",
        "justext",
    ]
    assert all(isinstance(c, Competitor) for c in COMPETITORS.values())


def test_missing_library_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    ghost = Competitor(
        "ghost", "ghost-dist", "articlekit_no_such_module_xyz", lambda h, u: {}, frozenset()
    )
    monkeypatch.setitem(competitors.COMPETITORS, "ghost", ghost)
    found = resolve("ghost")
    assert isinstance(found, NotInstalled)
    assert "not installed" in str(found) and "ghost-dist" in str(found)
    assert ghost.version() is None
    with pytest.raises(KeyError):
        resolve("no-such-competitor")


def test_decode_html() -> None:
    assert decode_html("Grüße".encode()) == "Grüße"
    latin = '<meta charset="iso-8859-1"><p>Grüße</p>'.encode("latin-1")
    assert "Grüße" in decode_html(latin)
    assert decode_html(b"\xef\xbb\xbfhi") == "hi"


def test_html_to_text_keeps_blocks_apart() -> None:
    text = html_to_text("<div><p>One <b>two</b></p><p>three<br>four</p><script>x()</script></div>")
    assert text == "One two\nthree\nfour"
    assert html_to_text("  ") == ""


@pytest.mark.parametrize("name", list(COMPETITORS))
def test_adapter_smoke(name: str) -> None:
    found = resolve(name)
    if isinstance(found, NotInstalled):
        pytest.skip(str(found))
    prediction = found.predict(PAGE, "https://example.com/storm")
    body = prediction.get("body") or ""
    assert "Emergency services said" in body, body
    assert "All rights reserved" not in body
    if "title" in found.fields:
        assert "Storm hits the coast" in (prediction.get("title") or "")
