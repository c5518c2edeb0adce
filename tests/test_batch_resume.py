"""`articlekit clean` killed (SIGKILL) or interrupted (SIGINT) at random moments,
then resumed: every page must end up exactly once in articles.jsonl or errors.jsonl."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import articlekit

from .test_batch import page_html, read_jsonl, write

PAGES = 240  # ~1-2 s of work on 2 cores with the real parser
BROKEN = {17, 101, 202}  # empty files: they fail on every run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def make_folder(root: Path) -> list[str]:
    for i in range(PAGES):
        sub = root / f"d{i % 3}"
        write(sub / f"p{i:04d}.html", "" if i in BROKEN else page_html(i, paragraphs=40))
    return sorted(str(p) for p in root.rglob("*.html"))


def clean_cmd(root: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "articlekit.cli_clean", str(root), "--out", str(out), *extra]


def env() -> dict[str, str]:
    src = str(Path(articlekit.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}


def session_alive(sid: int) -> list[int]:
    """Pids still in session ``sid`` (the killed run's leftover workers)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            pids.append(int(stat.parent.name))
    return pids


def check_outputs_valid(out: Path) -> None:
    """Whatever a kill left: every output line complete JSON, no duplicates."""
    for name in ("articles.jsonl", "errors.jsonl"):
        if (out / name).exists():
            sources = [r["source"] for r in read_jsonl(out / name)]
            assert len(sources) == len(set(sources))
    spool = out / ".articlekit" / "pages.jsonl"
    if spool.exists():
        lines = spool.read_bytes().split(b"\n")
        for line in lines[:-1]:  # all but a possibly cut last line parse
            json.loads(line)


def spool_lines(out: Path) -> int:
    spool = out / ".articlekit" / "pages.jsonl"
    try:
        return spool.read_bytes().count(b"\n")
    except OSError:
        return 0


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_kill_9_at_random_moments_then_resume_gives_every_page_once(tmp_path: Path) -> None:
    root, out, reference = tmp_path / "in", tmp_path / "out", tmp_path / "ref"
    expected = make_folder(root)
    rng = random.Random(20261126)
    killed = 0
    # Each round is killed once the spool has grown by a random number of
    # records, plus a random few milliseconds: while pages are parsed and
    # written. The last round waits for every page, so its kill lands while
    # the outputs are being built (or just after).
    for round_ in range(6):
        before = spool_lines(out)
        last = round_ == 5
        target = PAGES if last else before + rng.randint(1, max(1, (PAGES - before) // 3))
        args = clean_cmd(root, out, "--jobs", "2", "--quiet", *(["--resume"] if round_ else []))
        proc = subprocess.Popen(args, env=env(), start_new_session=True)
        deadline = time.monotonic() + 60
        while proc.poll() is None and spool_lines(out) < target and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(rng.uniform(0, 0.03))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)  # the parent only, as `kill -9 PID` does
            killed += 1
        proc.wait()
        # Orphaned workers notice and leave by themselves.
        deadline = time.monotonic() + 10
        while session_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert session_alive(proc.pid) == []
        check_outputs_valid(out)
    assert killed >= 5, "the kills should land while the run is working"
    assert spool_lines(out) < PAGES + 2 * len(BROKEN) * 6, "no page parsed twice needlessly"

    final = subprocess.run(clean_cmd(root, out, "--resume", "--quiet"), env=env(), timeout=120)
    assert final.returncode == 1  # the broken pages fail, every time
    articles = read_jsonl(out / "articles.jsonl")
    errors = read_jsonl(out / "errors.jsonl")
    sources = [r["source"] for r in articles] + [r["source"] for r in errors]
    assert sorted(sources) == expected  # every page exactly once
    assert sorted(Path(r["source"]).name for r in errors) == [
        f"p{i:04d}.html" for i in sorted(BROKEN)
    ]
    report = json.loads((out / "report.json").read_text())
    assert (report["pages"], report["failed"]) == (PAGES, len(BROKEN))

    # The same articles as a run that was never killed.
    subprocess.run(clean_cmd(root, reference, "--quiet"), env=env(), timeout=120, check=False)
    ref = sorted((reference / "articles.jsonl").read_text().splitlines())
    assert sorted((out / "articles.jsonl").read_text().splitlines()) == ref


def test_ctrl_c_stops_cleanly_and_resume_finishes(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    expected = make_folder(root)
    spool = out / ".articlekit" / "pages.jsonl"
    proc = subprocess.Popen(
        clean_cmd(root, out, "--jobs", "2"),
        env=env(),
        start_new_session=True,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if spool.exists() and spool.read_bytes().count(b"\n") >= 20:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr
    done = read_jsonl(out / "articles.jsonl") + read_jsonl(out / "errors.jsonl")
    assert 20 <= len(done) < PAGES
    assert len({r["source"] for r in done}) == len(done)
    report = json.loads((out / "report.json").read_text())
    assert report["interrupted"] is True and report["pages"] == len(done)

    final = subprocess.run(clean_cmd(root, out, "--resume", "--quiet"), env=env(), timeout=120)
    assert final.returncode == 1
    sources = [r["source"] for r in read_jsonl(out / "articles.jsonl")]
    sources += [r["source"] for r in read_jsonl(out / "errors.jsonl")]
    assert sorted(sources) == expected
