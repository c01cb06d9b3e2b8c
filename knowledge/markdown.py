"""Markdown and plain text into sections (pure text handling, no file I/O).

``## สไลด์ N`` / ``## Slide N`` headings are slide N, ``## หน้า N`` / ``## Page N`` page N, any
other heading starts a "section" numbered in order (heading text kept as ``Section.heading``);
YAML front matter gives the metadata and title; plain text is cut at blank lines into
sections of at most about 1,500 characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from core.errors import CorruptFileError
from knowledge.models import Locator, Section, SourceDocument, Unit
from knowledge.slidepage import OFF_TOPIC_KEY
from knowledge.thai import normalize

_TEXT_SECTION_CHARS = 1500
_TITLE_LIMIT = 120
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_NUMBERED = {
    "slide": re.compile(r"^(?:สไลด์|slide)\s*(?:ที่\s*)?([0-9๐-๙]+)(?:\s*[:.\-–—]\s*(.*))?$", re.I),
    "page": re.compile(r"^(?:หน้า|page)\s*(?:ที่\s*)?([0-9๐-๙]+)(?:\s*[:.\-–—]\s*(.*))?$", re.I),
}
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def split_front_matter(text: str) -> tuple[dict[str, str], str, list[str]]:
    """Metadata, the body, and the front matter's list of known off-topic titles."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, text, []
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), 0)
    if not end:
        raise CorruptFileError("front matter", "the YAML front matter has no closing '---'")
    try:
        data = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise CorruptFileError("front matter", f"invalid YAML front matter{where}") from None
    if not isinstance(data, dict):
        raise CorruptFileError("front matter", "the front matter is not a set of 'key: value'")
    off_topic = data.pop(OFF_TOPIC_KEY, None) or []
    off_topic = [str(item) for item in off_topic] if isinstance(off_topic, list) else []
    return _flat_metadata(data), "\n".join(lines[end + 1 :]), off_topic


def _flat_metadata(data: dict[Any, Any]) -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in data.items():
        if value is None:
            continue
        items = value if isinstance(value, list) else [value]
        flat[str(key)] = ", ".join(str(item) for item in items)
    return flat


@dataclass
class Block:
    """Lines under one heading (heading None: the text before the first heading)."""

    heading: str | None
    lines: list[str] = field(default_factory=list)


def heading_of(line: str) -> str | None:
    """The text of a Markdown `#` heading line, or None for any other line."""
    match = _HEADING.match(line)
    return match.group(2).strip() if match else None


def _markdown_blocks(text: str) -> list[Block]:
    blocks = [Block(heading=None)]
    in_fence = False
    for line in text.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else heading_of(line)
        if heading is not None:
            blocks.append(Block(heading=heading))
        else:
            blocks[-1].lines.append(line)
    return blocks


def markdown_document(
    text: str, doc: str, metadata: dict[str, str], *, fallback_title: str
) -> SourceDocument:
    """A document cut at its headings (slides, pages, or numbered sections)."""
    blocks = _markdown_blocks(text)
    sections = numbered_sections(
        (
            _block_locator(block),
            normalize("\n".join(block.lines), keep_lines=True, keep_indent=True),
        )
        for block in blocks
    )
    first_heading = next((b.heading for b in blocks if b.heading and not _locator(b.heading)), "")
    title = metadata.get("title") or first_heading or fallback_title
    return SourceDocument(doc=doc, title=title, sections=sections, metadata=metadata)


def _block_locator(block: Block) -> tuple[Unit, int | None, str]:
    """(unit, number or None for "number in order", heading) for a Markdown block."""
    found = _locator(block.heading or "")
    return found if found else ("section", None, block.heading or "")


def _locator(heading: str) -> tuple[Unit, int, str] | None:
    for unit in ("slide", "page"):
        match = _NUMBERED[unit].match(heading.strip())
        if match:
            number = int(match.group(1).translate(_THAI_DIGITS))
            return ("slide" if unit == "slide" else "page"), number, (match.group(2) or "").strip()
    return None


def numbered_sections(parts: Iterator[tuple[tuple[Unit, int | None, str], str]]) -> list[Section]:
    """Sections with text; unnumbered ones are numbered in order; a repeated number is an error."""
    sections: list[Section] = []
    seen: set[tuple[Unit, int]] = set()
    for (unit, number, heading), text in parts:
        if not text and unit != "section" and heading:
            text, heading = heading, ""  # a title-only slide or page keeps its words
        if not text:
            continue
        if number is None:
            number = 1 + sum(section.locator.unit == "section" for section in sections)
        if (unit, number) in seen:
            raise CorruptFileError("document", f"{unit} {number} appears twice")
        seen.add((unit, number))
        sections.append(Section(locator=Locator(unit, number), text=text, heading=heading))
    return sections


def paragraph_document(text: str, doc: str, *, fallback_title: str) -> SourceDocument:
    """Plain text cut at blank lines; paragraphs grouped into sections of ~1,500 characters."""
    paragraphs = [p for p in normalize(text, keep_lines=True).split("\n\n") if p]
    groups: list[list[str]] = []
    for paragraph in paragraphs:
        if groups and sum(map(len, groups[-1])) + len(paragraph) <= _TEXT_SECTION_CHARS:
            groups[-1].append(paragraph)
        else:
            groups.append([paragraph])
    sections = [
        Section(locator=Locator("section", number), text="\n\n".join(group))
        for number, group in enumerate(groups, start=1)
    ]
    first_line = paragraphs[0].split("\n", 1)[0] if paragraphs else ""
    title = first_line if 0 < len(first_line) <= _TITLE_LIMIT else fallback_title
    return SourceDocument(doc=doc, title=title, sections=sections)


def pipe_table(rows: list[list[str]]) -> list[str]:
    """Rows of cell texts as a pipe table, the first row its header; [] when all are empty."""
    cells = [[" ".join(text.split()).replace("|", "\\|") for text in row] for row in rows]
    cells = [row for row in cells if any(row)]
    if not cells:
        return []
    width = max(map(len, cells))
    padded = [[*row, *([""] * (width - len(row)))] for row in cells]
    lines = [_table_row(padded[0]), _table_row(["---"] * width)]
    return lines + [_table_row(row) for row in padded[1:]]


def _table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
