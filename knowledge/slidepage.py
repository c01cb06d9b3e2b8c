"""Read the text scraped from a slide-sharing page, keeping only the lecture's slides.

Such a page starts with site boilerplate (the page title, "Slides:", "Advertisements",
"งานนำเสนอที่คล้ายกัน" and the titles of unrelated presentations), then a line
"ใบสำเนางานนำเสนอ:" ("Presentation transcript:") followed by one paragraph per slide.
Only those paragraphs become sections; nothing before the marker ever does.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from core.errors import CorruptFileError, EmptyDocumentError
from knowledge.models import Locator, Section, SourceDocument
from knowledge.thai import normalize

TRANSCRIPT_MARKERS = ("ใบสำเนางานนำเสนอ:", "presentation transcript:")
OFF_TOPIC_KEY = "off_topic"
# Site furniture in the preamble, not presentation titles.
_SITE_LINES = frozenset({"slides:", "advertisements", "งานนำเสนอที่คล้ายกัน", "similar presentations"})
SLIDE_HEADING = "## สไลด์ {number}"
_TITLE_LIMIT = 120
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def is_slide_page(text: str) -> bool:
    """Whether the text is a scraped slide-sharing page (it has a transcript marker line)."""
    return _marker_index(_lines(text)) is not None


def parse_slide_page(text: str, doc: str) -> SourceDocument:
    """Turn a scraped slide page into a document of numbered slides (unit "slide").

    Args:
        text: The page text as scraped (CRLF, trailing spaces and extra blank lines are fine).
        doc: The document's path relative to the sources folder, used in errors and citations.

    Raises:
        CorruptFileError: The text has no transcript marker line.
        EmptyDocumentError: No slide text follows the marker.

    """
    lines = _lines(text)
    marker = _marker_index(lines)
    if marker is None:
        raise CorruptFileError(doc, "not a slide page: no 'ใบสำเนางานนำเสนอ:' line")
    slides = _paragraphs("\n".join(lines[marker + 1 :]))
    if not slides:
        raise EmptyDocumentError(doc, "no slide text after 'ใบสำเนางานนำเสนอ:'")
    sections = [
        Section(locator=Locator("slide", number), text=slide)
        for number, slide in enumerate(slides, start=1)
    ]
    title = _title(lines[:marker], slides[0])
    return SourceDocument(
        doc=doc,
        title=title,
        sections=sections,
        metadata={"title": title},
        off_topic=_off_topic_titles(lines[:marker], title),
    )


def to_markdown(document: SourceDocument) -> str:
    """Render a slide document in the sources/ Markdown format that the loader reads back.

    Front matter holds the title and metadata; each slide becomes "## สไลด์ N" and its text.

    Raises:
        ValueError: A section is not a slide, or a slide line would read as a heading.

    """
    front: dict[str, Any] = {"title": document.title, **document.metadata}
    if document.off_topic:
        front[OFF_TOPIC_KEY] = document.off_topic
    parts = ["---", yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000)]
    parts[-1] = parts[-1].rstrip("\n")
    parts.append("---")
    for section in document.sections:
        _check_writable(section)
        parts += ["", SLIDE_HEADING.format(number=section.locator.number), "", section.text]
    return "\n".join(parts) + "\n"


def _check_writable(section: Section) -> None:
    if section.locator.unit != "slide":
        raise ValueError(f"only slides can be written, got {section.locator.unit}")
    if any(line.lstrip().startswith("#") for line in section.text.splitlines()):
        raise ValueError(f"slide {section.locator.number} has a line that reads as a heading")


def _lines(text: str) -> list[str]:
    return normalize(text, keep_lines=True).split("\n")


def _marker_index(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if line.strip().casefold() in TRANSCRIPT_MARKERS:
            return index
    return None


def _paragraphs(text: str) -> list[str]:
    paragraphs = (normalize(part, keep_lines=True) for part in _BLANK_LINE.split(text))
    return [paragraph for paragraph in paragraphs if paragraph]


def _title(preamble: list[str], first_slide: str) -> str:
    """The page's first line when the first slide confirms it, else the first slide's start.

    The first line of a scraped page is the presentation's name; checking it against the
    first slide keeps an unrelated boilerplate line from ever becoming the title.
    """
    first_line = next((line.strip() for line in preamble if line.strip()), "")
    if first_line and first_slide.startswith(first_line):
        return first_line
    return _shorten(first_slide.split("\n", 1)[0])


def _off_topic_titles(preamble: list[str], title: str) -> list[str]:
    """Titles of the unrelated presentations the site lists before the transcript."""
    titles = []
    for line in (line.strip() for line in preamble):
        if len(line) >= 4 and line != title and line.casefold() not in _SITE_LINES:
            titles.append(line)
    return list(dict.fromkeys(titles))


def _shorten(text: str) -> str:
    if len(text) <= _TITLE_LIMIT:
        return text
    cut = text.rfind(" ", 0, _TITLE_LIMIT)
    return text[: cut if cut > 0 else _TITLE_LIMIT].rstrip() + "…"
