"""Telegram's HTML parse mode and its rendering back, as pure functions."""

from __future__ import annotations

import pytest

from bot.sandbox.entities import parse_html, utf16_len
from bot.sandbox.errors import ApiError
from bot.sandbox.render import to_html, to_plain


def test_nested_tags_become_entities_with_utf16_offsets():
    text, entities = parse_html("😀 <b>ตัว<i>หนา</i></b> &lt;ok&gt;")
    assert text == "😀 ตัวหนา <ok>"
    assert entities == [
        {"type": "bold", "offset": 3, "length": 6},
        {"type": "italic", "offset": 6, "length": 3},
    ]


def test_links_code_and_quotes_keep_their_details():
    _, entities = parse_html(
        '<a href="https://example.org/?a=1&amp;b=2">ลิงก์</a> '
        '<pre><code class="language-python">x = 1</code></pre> '
        "<blockquote expandable>อ้างอิง</blockquote> "
        '<span class="tg-spoiler">ลับ</span>'
    )
    assert [e["type"] for e in entities] == [
        "text_link",
        "pre",
        "expandable_blockquote",
        "spoiler",
    ]
    assert entities[0]["url"] == "https://example.org/?a=1&b=2"
    assert entities[1]["language"] == "python"


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("<span>x</span>", 'Unsupported start tag "span" at byte offset 0'),
        ("<br>", 'Unsupported start tag "br" at byte offset 0'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
    ],
)
def test_invalid_html_is_refused_with_telegrams_words(source, error):
    with pytest.raises(ApiError) as caught:
        parse_html(source)
    assert caught.value.description == f"Bad Request: can't parse entities: {error}"


def test_lone_ampersand_stays_text():
    assert parse_html("AT&T")[0] == "AT&T"


def test_utf16_length_counts_emoji_twice_and_thai_once():
    assert (utf16_len("😀"), utf16_len("ไทย")) == (2, 3)


def test_rendering_round_trips_and_shows_links_to_people():
    source = '<b>หนา <i>เอียง</i></b> <a href="https://x.org">ลิงก์</a> 😀<code>c</code>'
    text, entities = parse_html(source)
    assert to_html(text, entities) == source
    assert to_plain(text, entities) == "หนา เอียง ลิงก์ (https://x.org) 😀c"
