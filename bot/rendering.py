"""Answers as Telegram HTML, split into messages under Telegram's 4096-character limit."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from bot.texts import Html, t

TELEGRAM_LIMIT = 4096
# Telegram counts UTF-16 units of the parsed text; emoji take two, so keep a margin.
MESSAGE_LIMIT = 4000
_TOKEN = re.compile(r"<[^>]*>|&#?\w+;")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z-]+)")
_PREFERRED_BREAKS = ("\n\n", "\n", " ")


def escape(text: str) -> str:
    """Escape plain text for HTML parse mode."""
    return html.escape(text, quote=False)


def render_answer(
    answer_text: str,
    citations: Sequence[Mapping[str, Any]],
    lang: str,
    question: str | None = None,
) -> Html:
    """The answer with its lead and [labels] in bold, a sources list; the question echoed."""
    lead, newline, rest = answer_text.partition("\n")
    body = escape(answer_text)
    if citations and newline:  # a found answer opens with a one-line lead
        body = f"<b>{escape(lead)}</b>\n{escape(rest)}"
    for label in {str(c["label"]) for c in citations}:
        tag = f"[{escape(label)}]"
        body = body.replace(tag, f"<b>{tag}</b>")
    parts: list[str] = [t("answer.question", lang, question=question)] if question else []
    parts.append(body)
    if citations:
        lines = [t("answer.sources", lang)]
        lines += [
            t("answer.source_line", lang, label=c["label"], title=c.get("title", ""))
            for c in _distinct(citations)
        ]
        parts.append("\n".join(lines))
    return Html("\n\n".join(parts))


def render_sources(citations: Sequence[Mapping[str, Any]], lang: str) -> Html:
    """Every cited passage in full, under a heading."""
    items = [
        t("sources.item", lang, label=c["label"], title=c.get("title", ""), text=c["text"])
        for c in _distinct(citations)
    ]
    return Html("\n\n".join([t("sources.heading", lang), *items]))


def _distinct(citations: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Citations without repeats of the same document and label, in order."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for citation in citations:
        key = (str(citation.get("doc", "")), str(citation["label"]))
        if key not in seen:
            seen.add(key)
            unique.append(citation)
    return unique


def split_html(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Cut HTML into messages of at most `limit` characters.

    Cuts at a paragraph break if one is in the second half of the window, else at a line
    break, else at a space, else anywhere; never inside a tag or an entity such as
    ``&amp;``. A tag left open at a cut is closed there and reopened in the next message.
    """
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut, open_tags = _best_cut(rest, limit)
        closers = "".join(f"</{_tag_name(tag)}>" for tag in reversed(open_tags))
        chunks.append(rest[:cut].rstrip() + closers)
        rest = "".join(open_tags) + rest[cut:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks


def _best_cut(text: str, limit: int) -> tuple[int, list[str]]:
    """The best cut position within `limit` and the tags open there."""
    best: dict[str, tuple[int, list[str]]] = {}
    for position, open_tags in _safe_positions(text, limit):
        cost = position + sum(len(_tag_name(tag)) + 3 for tag in open_tags)
        if cost > limit:
            continue
        kind = next((b for b in _PREFERRED_BREAKS if text.endswith(b, 0, position)), "any")
        best[kind] = (position, list(open_tags))
    for kind in _PREFERRED_BREAKS:
        if kind in best and best[kind][0] >= limit // 2:
            return best[kind]
    if "any" in best and best["any"][0] > 0:
        return best["any"]
    raise ValueError(f"cannot split text into messages of {limit} characters")


def _safe_positions(text: str, limit: int) -> Iterator[tuple[int, list[str]]]:
    """Positions outside tags and entities (up to `limit`), each with the tags open there."""
    open_tags: list[str] = []
    position = 0
    for token in _TOKEN.finditer(text):
        for index in range(position + 1, min(token.start(), limit) + 1):
            yield index, open_tags
        if token.start() > limit:
            return
        if token.group().startswith("<"):
            _track(open_tags, token.group())
        position = token.end()
        if position > 0 and position <= limit:
            yield position, open_tags
    for index in range(position + 1, min(len(text), limit) + 1):
        yield index, open_tags


def _track(open_tags: list[str], tag: str) -> None:
    """Update the stack of open tags with one tag token."""
    if tag.startswith("</"):
        if open_tags:
            open_tags.pop()
    elif not tag.endswith("/>"):
        open_tags.append(tag)


def _tag_name(tag: str) -> str:
    match = _TAG_NAME.match(tag)
    return match.group(1).lower() if match else "b"
