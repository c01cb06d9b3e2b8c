"""The light Markdown structure loaders keep inside a unit's text, parsed and rendered.

Loaders write a slide, page or section as lines in a small Markdown subset: paragraphs,
sub-headings as a bold line (``**...**``), bullets (``- item``, two spaces per level),
numbered items (``1. item``) and pipe tables. This module turns such text into blocks and
renders them two ways: plain text (no markers; tables read column by column, as a slide's
two columns read) for embedding and keyword search, and display lines (``• item``,
``1. item``) for answers. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "subheading", "list", "table"]

_BULLET = re.compile(r"^(?P<indent>[ \t]*)[-*+•][ \t]+(?P<text>.+)$")
_NUMBERED = re.compile(r"^(?P<indent>[ \t]*)(?P<number>\d{1,3})[.)][ \t]+(?P<text>.+)$")
_BOLD_LINE = re.compile(r"^\*\*(?P<text>[^*].*?)\*\*:?$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_INLINE_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Item:
    """One list item: its text, nesting level (0 = top) and number (None for a bullet)."""

    text: str
    level: int = 0
    number: int | None = None


@dataclass
class Block:
    """A paragraph, a bold sub-heading, a list of items, or a table (header + rows)."""

    kind: BlockKind
    text: str = ""
    items: list[Item] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    @property
    def columns(self) -> list[list[str]]:
        """A table's columns, each headed by its header cell (the way a slide reads)."""
        width = max([len(self.header), *(len(row) for row in self.rows)], default=0)
        cells = [[*row, *([""] * (width - len(row)))] for row in self.rows]
        header = [*self.header, *([""] * (width - len(self.header)))]
        return [[header[c], *(row[c] for row in cells)] for c in range(width)]


def strip_inline(text: str) -> str:
    """Text without inline bold markers."""
    return _INLINE_BOLD.sub(r"\1", text).strip()


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    cells = re.split(r"(?<!\\)\|", inner)  # "\|" is a pipe inside a cell
    return [strip_inline(cell.replace("\\|", "|")) for cell in cells]


def _list_item(line: str) -> Item | None:
    """A bullet or numbered line as an item, or None."""
    for pattern in (_BULLET, _NUMBERED):
        match = pattern.match(line)
        if match:
            indent = len(match.group("indent").expandtabs(2))
            number = int(match.group("number")) if pattern is _NUMBERED else None
            return Item(strip_inline(match.group("text")), indent // 2, number)
    return None


def parse_blocks(text: str) -> list[Block]:
    """Blocks of a unit's text, in order (blank lines end paragraphs, lists and tables)."""
    blocks: list[Block] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            if blocks and blocks[-1].kind == "paragraph":
                blocks.append(Block("paragraph"))  # a blank line closes the paragraph
            continue
        _add_line(blocks, line)
    return [b for b in blocks if b.kind != "paragraph" or b.text]


def _add_line(blocks: list[Block], line: str) -> None:
    last = blocks[-1] if blocks else None
    if _TABLE_ROW.match(line):
        if _TABLE_RULE.match(line):
            return
        if last is not None and last.kind == "table":
            last.rows.append(_cells(line))
        else:
            blocks.append(Block("table", header=_cells(line)))
        return
    bold = _BOLD_LINE.match(line.strip())
    if bold:
        blocks.append(Block("subheading", text=bold.group("text").strip()))
        return
    item = _list_item(line)
    if item is not None:
        if last is not None and last.kind == "list":
            last.items.append(item)
        else:
            blocks.append(Block("list", items=[item]))
        return
    if last is not None and last.kind == "list" and line.startswith((" ", "\t")):
        previous = last.items[-1]  # a wrapped list item continues on an indented line
        last.items[-1] = Item(
            f"{previous.text} {strip_inline(line)}", previous.level, previous.number
        )
    elif last is not None and last.kind == "paragraph" and last.text:
        last.text = f"{last.text}\n{strip_inline(line)}"
    else:
        blocks.append(Block("paragraph", text=strip_inline(line)))


def block_plain_lines(block: Block) -> list[str]:
    """A block's text without markers, one line per paragraph line, item or table cell."""
    if block.kind == "list":
        return [item.text for item in block.items]
    if block.kind == "table":
        return [cell for column in block.columns for cell in column if cell]
    return block.text.splitlines()


def plain_text(text: str) -> str:
    """The unit's words without markup, one line per item (for embedding and search)."""
    return "\n".join(line for block in parse_blocks(text) for line in block_plain_lines(block))


def block_display_lines(block: Block) -> list[str]:
    """How a block reads in a plain-text answer: "• item", "1. item", table columns as lists."""
    if block.kind == "list":
        return [
            "  " * item.level
            + (f"{item.number}. " if item.number is not None else "• ")
            + item.text
            for item in block.items
        ]
    if block.kind == "table":
        lines: list[str] = []
        for column in block.columns:
            head, cells = column[0], [cell for cell in column[1:] if cell]
            lines.append(f"{head}:" if head else "")
            lines.extend(f"• {cell}" for cell in cells)
        return [line for line in lines if line]
    return block.text.splitlines()


def display_lines(text: str) -> list[str]:
    """The unit as plain-text answer lines, keeping its lists and tables whole."""
    return [line for block in parse_blocks(text) for line in block_display_lines(block)]


def is_structured(text: str) -> bool:
    """Whether the text holds any list or table (not just paragraphs)."""
    return any(block.kind in ("list", "table") for block in parse_blocks(text))
