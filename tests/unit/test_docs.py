"""The README and docs/ stay readable: every relative link and image leads somewhere, and the
README's "Set-up" still gives the commands .ci/run runs (CI installs and tests exactly so)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]

# Code can hold brackets and parentheses that are not links: fenced blocks, indented blocks
# (four spaces after a blank line) and inline spans of any number of backticks.
_FENCED = re.compile(r"^```.*?^```", re.S | re.M)
_INDENTED = re.compile(r"(?:^\n)((?:^(?: {4}|\t).*\n?)+)", re.M)
_INLINE = re.compile(r"(`+).+?\1", re.S)
_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _prose(text: str) -> str:
    text = _FENCED.sub("", text)
    text = _INDENTED.sub("\n", text)
    return _INLINE.sub("", text)


def _anchor(heading: str) -> str:
    """GitHub's id for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = _INLINE.sub(lambda m: m.group(0).strip("`"), heading.strip()).lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    headings = re.findall(r"^#{1,6} (.+)$", _FENCED.sub("", page.read_text()), re.M)
    return {_anchor(h) for h in headings}


def _links(page: Path) -> list[str]:
    return [
        target
        for target in _LINK.findall(_prose(page.read_text()))
        if not re.match(r"[a-z]+:", target)  # http:, https:, mailto: leave the repository
    ]


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(ROOT).as_posix() for p in PAGES])
def test_every_relative_link_and_image_exists(page: Path) -> None:
    broken = []
    for target in _links(page):
        path, _, fragment = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        missing = not file.is_file()
        if missing or (fragment and file.suffix == ".md" and fragment not in _anchors(file)):
            broken.append(target)
    assert not broken, broken


def test_the_readme_shows_every_screenshot() -> None:
    shown = {Path(t).name for t in _links(README) if t.startswith("screenshots/")}
    assert shown == {p.name for p in (ROOT / "screenshots").glob("*.svg")}


def test_every_page_in_docs_is_linked_from_the_readme() -> None:
    linked = {Path(t.partition("#")[0]).name for t in _links(README) if t.startswith("docs/")}
    assert linked == {p.name for p in PAGES[1:]}


def test_set_up_gives_the_commands_ci_runs() -> None:
    set_up = README.read_text().split("## Set-up", 1)[1].split("\n## ", 1)[0]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "pip install -e '.[test]'\npytest\n" in ci
    assert "pip install -e '.[test]' && pytest" in set_up
    assert "pip install . && coach" in set_up
