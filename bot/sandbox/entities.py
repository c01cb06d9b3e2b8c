"""Telegram's HTML parse mode: text plus entities, with Telegram's error texts.

Offsets and lengths are UTF-16 code units; error positions are UTF-8 byte offsets, both as
Telegram reports them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from bot.sandbox.errors import ApiError, bad_request, cant_parse_entities

# Tag name -> entity type; span and tg-emoji need an attribute to be valid.
_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
    "tg-time": "date_time",
}
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ATTR = re.compile(r"""\s*([a-zA-Z_-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_TAG_NAME = re.compile(r"[a-zA-Z0-9-]*")
_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
PARSE_MODES = {"html": "HTML", "markdown": "Markdown", "markdownv2": "MarkdownV2"}


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram counts in."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _Open:
    tag: str
    offset: int
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class _Parser:
    source: str
    out: list[str] = field(default_factory=list)
    units: int = 0
    stack: list[_Open] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.units += utf16_len(text)

    def byte_offset(self, index: int) -> int:
        return len(self.source[:index].encode("utf-8"))

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        i, source = 0, self.source
        while i < len(source):
            char = source[i]
            if char == "<":
                i = self.tag(i)
            elif char == "&":
                i = self.char_entity(i)
            else:
                nxt = min(
                    (p for p in (source.find("<", i), source.find("&", i)) if p >= 0),
                    default=len(source),
                )
                self.emit(source[i:nxt])
                i = nxt
        if self.stack:
            raise cant_parse_entities(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].tag}"'
            )
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.out), self.entities

    def char_entity(self, i: int) -> int:
        match = _ENTITY.match(self.source, i)
        if not match:
            self.emit("&")  # Telegram keeps a lone ampersand as text.
            return i + 1
        name = match.group(1)
        if name.startswith("#"):
            code = int(name[2:], 16) if name[1:2] in "xX" else int(name[1:])
            self.emit(chr(code) if 0 < code < 0x110000 else "\ufffd")
        else:
            self.emit(_NAMED.get(name.lower(), match.group(0)))
        return match.end()

    def tag(self, i: int) -> int:
        end = self.source.find(">", i)
        if end < 0:
            raise cant_parse_entities(f"Unclosed start tag at byte offset {self.byte_offset(i)}")
        if self.source.startswith("</", i):
            self.close_tag(i, self.source[i + 2 : end].strip().lower())
        else:
            self.open_tag(i, self.source[i + 1 : end])
        return end + 1

    def open_tag(self, i: int, inner: str) -> None:
        name = _TAG_NAME.match(inner)
        tag = name.group(0).lower() if name else ""
        attrs = _attributes(inner[len(tag) :])
        if tag not in _TAGS or (tag == "span" and attrs.get("class") != "tg-spoiler"):
            raise cant_parse_entities(
                f'Unsupported start tag "{tag}" at byte offset {self.byte_offset(i)}'
            )
        self.stack.append(_Open(tag, self.units, attrs))

    def close_tag(self, i: int, tag: str) -> None:
        if not self.stack:
            raise cant_parse_entities(f"Unexpected end tag at byte offset {self.byte_offset(i)}")
        top = self.stack.pop()
        if top.tag != tag:
            raise cant_parse_entities(
                f"Unmatched end tag at byte offset {self.byte_offset(i)}, "
                f'expected "</{top.tag}>", found "</{tag}>"'
            )
        self.add_entity(top)

    def add_entity(self, opened: _Open) -> None:
        length = self.units - opened.offset
        if length <= 0:
            return
        if opened.tag == "code" and self.stack and self.stack[-1].tag == "pre":
            # <pre><code class="language-x"> is one pre entity with a language.
            language = opened.attrs.get("class", "").removeprefix("language-")
            if language:
                self.stack[-1].attrs["language"] = language
            return
        entity: dict[str, Any] = {
            "type": _TAGS[opened.tag],
            "offset": opened.offset,
            "length": length,
        }
        entity.update(_entity_extras(opened))
        self.entities.append(entity)


def _attributes(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _ATTR.finditer(text):
        if match.group(1):
            value = next((g for g in match.groups()[1:] if g is not None), "")
            attrs[match.group(1).lower()] = html.unescape(value)
    return attrs


def _entity_extras(opened: _Open) -> dict[str, Any]:
    attrs = opened.attrs
    if opened.tag == "a":
        return {"url": attrs.get("href", "")}
    if opened.tag == "pre" and attrs.get("language"):
        return {"language": attrs["language"]}
    if opened.tag == "blockquote" and "expandable" in attrs:
        return {"type": "expandable_blockquote"}
    if opened.tag == "tg-emoji":
        return {"custom_emoji_id": attrs.get("emoji-id", "")}
    if opened.tag == "tg-time":
        return {"unix_time": int(attrs.get("unix", "0") or 0)}
    return {}


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and entities for an HTML-formatted text, or a Telegram-worded ApiError."""
    return _Parser(source).run()


def check_entities(text: str, entities: Any) -> list[dict[str, Any]]:
    """Validate explicitly given entities against the text they describe."""
    if not isinstance(entities, list):
        raise bad_request("can't parse entities JSON object")
    size = utf16_len(text)
    for entity in entities:
        if not isinstance(entity, dict) or not isinstance(entity.get("type"), str):
            raise cant_parse_entities("entity type is not specified")
        offset, length = entity.get("offset"), entity.get("length")
        if not isinstance(offset, int) or not isinstance(length, int):
            raise cant_parse_entities("entity offset or length is not specified")
        if offset < 0 or length < 0 or offset + length > size:
            raise cant_parse_entities("entity beginning or end is out of bounds")
    return entities


def format_text(
    text: str, parse_mode: str | None, entities: Any
) -> tuple[str, list[dict[str, Any]]]:
    """Apply a parse mode or explicit entities; the result is what Telegram would store."""
    if parse_mode:
        mode = PARSE_MODES.get(parse_mode.lower())
        if mode is None:
            raise bad_request(f"unsupported parse_mode {parse_mode!r}")
        if mode != "HTML":
            raise ApiError(400, f"Bad Request: the sandbox only implements HTML, not {mode}")
        return parse_html(text)
    if entities is not None:
        return text, check_entities(text, entities)
    return text, []
