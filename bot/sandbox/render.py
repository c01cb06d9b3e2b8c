"""Turn text plus entities back into HTML, or into plain text a person can read."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

_HTML_TAGS = {
    "bold": "b",
    "italic": "i",
    "underline": "u",
    "strikethrough": "s",
    "spoiler": "tg-spoiler",
    "code": "code",
    "blockquote": "blockquote",
}

Wrapper = Callable[[dict[str, Any]], tuple[str, str]]


def _walk(
    text: str, entities: list[dict[str, Any]], wrap: Wrapper, escape: Callable[[str], str]
) -> str:
    """Interleave escaped text with the open/close strings of each entity at UTF-16 offsets."""
    units = text.encode("utf-16-le")
    starts: dict[int, list[dict[str, Any]]] = {}
    ends: dict[int, list[dict[str, Any]]] = {}
    for entity in sorted(entities, key=lambda e: (e["offset"], -e["length"])):
        starts.setdefault(entity["offset"], []).append(entity)
        ends.setdefault(entity["offset"] + entity["length"], []).insert(0, entity)
    out: list[str] = []
    boundaries = sorted({0, len(units) // 2, *starts, *ends})
    for index, position in enumerate(boundaries):
        out.extend(wrap(entity)[1] for entity in ends.get(position, []))
        out.extend(wrap(entity)[0] for entity in starts.get(position, []))
        if index + 1 < len(boundaries):
            chunk = units[position * 2 : boundaries[index + 1] * 2]
            out.append(escape(chunk.decode("utf-16-le", errors="replace")))
    return "".join(out)


def _html_wrap(entity: dict[str, Any]) -> tuple[str, str]:
    kind = entity["type"]
    if kind == "text_link":
        return f'<a href="{html.escape(entity.get("url", ""))}">', "</a>"
    if kind == "pre":
        language = entity.get("language")
        if language:
            return f'<pre><code class="language-{html.escape(language)}">', "</code></pre>"
        return "<pre>", "</pre>"
    if kind == "expandable_blockquote":
        return "<blockquote expandable>", "</blockquote>"
    tag = _HTML_TAGS.get(kind)
    return (f"<{tag}>", f"</{tag}>") if tag else ("", "")


def _plain_wrap(entity: dict[str, Any]) -> tuple[str, str]:
    if entity["type"] == "text_link":
        return "", f" ({entity.get('url', '')})"
    return "", ""


def to_html(text: str, entities: list[dict[str, Any]]) -> str:
    """The text as Telegram-flavoured HTML (what a bot would send to get these entities)."""
    return _walk(text, entities, _html_wrap, lambda s: html.escape(s, quote=False))


def to_plain(text: str, entities: list[dict[str, Any]]) -> str:
    """The text as a person reads it: formatting dropped, link targets shown in brackets."""
    return _walk(text, entities, _plain_wrap, lambda s: s)
