"""Answers as Telegram HTML and the message splitter (pure functions)."""

from __future__ import annotations

import html
import re

import pytest

from bot.rendering import render_answer, render_sources, split_html

CITATIONS = [
    {"doc": "a.md", "title": "บรรยาย <1>", "label": "สไลด์ 4", "text": "ข้อความ a < b & c"},
    {"doc": "a.md", "title": "บรรยาย <1>", "label": "สไลด์ 4", "text": "ซ้ำ"},
]
TAG = re.compile(r"<[^>]*>")


def visible(chunks: list[str]) -> str:
    """What a reader sees: tags removed, entities decoded, whitespace ignored."""
    return re.sub(r"\s+", "", html.unescape(TAG.sub("", "".join(chunks))))


def balanced(chunk: str) -> bool:
    stack = []
    for tag in TAG.findall(chunk):
        name = re.match(r"</?\s*(\w+)", tag).group(1)
        if tag.startswith("</"):
            if not stack or stack.pop() != name:
                return False
        else:
            stack.append(name)
    return not stack


def test_answer_text_is_escaped_and_labels_are_bold():
    rendered = render_answer("<script> & ยืนยัน [สไลด์ 4]", CITATIONS, "th")
    assert "&lt;script&gt; &amp; ยืนยัน <b>[สไลด์ 4]</b>" in rendered
    assert rendered.count("• สไลด์ 4 — บรรยาย &lt;1&gt;") == 1  # one line per distinct source


def test_answer_echoes_the_question_escaped():
    rendered = render_answer("คำตอบ", [], "en", question="a <b> question")
    assert rendered.startswith("❓ <i>a &lt;b&gt; question</i>")
    assert "Sources" not in rendered


def test_sources_show_each_passage_once_in_full():
    rendered = render_sources(CITATIONS, "th")
    assert "ข้อความ a &lt; b &amp; c" in rendered and "ซ้ำ" not in rendered


def test_short_text_is_one_message():
    assert split_html("สวัสดี <b>ค่ะ</b>") == ["สวัสดี <b>ค่ะ</b>"]


def test_split_prefers_paragraph_breaks():
    first, second = "ก" * 60, "ข" * 60
    assert split_html(f"{first}\n\n{second}", limit=100) == [first, second]


@pytest.mark.parametrize(
    "text",
    [
        "คำ " * 500,  # spaces only
        "ก" * 1000,  # no break at all
        "&amp;" * 300,  # entities must not be cut
        "<b>" + "ตัวหนา " * 200 + "</b> ปกติ",  # a tag spanning several messages
        "\n".join(f"<i>บรรทัด {i}</i> &lt;x&gt;" for i in range(80)),
    ],
)
def test_split_keeps_every_chunk_under_the_limit_and_valid(text):
    chunks = split_html(text, limit=120)
    assert len(chunks) > 1
    assert all(0 < len(chunk) <= 120 for chunk in chunks)
    assert all(balanced(chunk) for chunk in chunks)
    assert not any(re.search(r"&\w*$", chunk) for chunk in chunks)  # no half entity
    assert visible(chunks) == visible([text])
