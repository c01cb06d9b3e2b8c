"""Callback data stays small and parses strictly; every text exists in Thai and English."""

from __future__ import annotations

import re
import string

import pytest

from bot import callbacks
from bot.texts import TEXTS, Html, alert, t
from core.feedback import Feedback


def test_builders_and_parsers_round_trip():
    assert callbacks.parse_sources(callbacks.sources(12)) == 12
    choice = callbacks.parse_feedback(callbacks.feedback(7, Feedback.DOWN))
    assert (choice.answer_id, choice.feedback) == (7, Feedback.DOWN)
    topic = callbacks.parse_topic(callbacks.ask_topic("th", 3))
    assert (topic.lang, topic.index) == ("th", 3)
    assert callbacks.parse_language(callbacks.language("en")) == "en"
    assert callbacks.parse_menu(callbacks.menu("admin")) == "admin"


def test_the_largest_ids_fit_in_64_bytes():
    assert len(callbacks.feedback(10**18 - 1, Feedback.UP).encode()) <= callbacks.MAX_BYTES
    with pytest.raises(ValueError, match="64 bytes"):
        callbacks.menu("ก" * 30)


@pytest.mark.parametrize(
    "data", ["src:", "src:abc", "src:1:2", "fb:1:x", "fb:1", "ask:de:1", "lang:fr", "", "src:1 "]
)
def test_malformed_data_parses_to_none(data):
    parsed = [
        callbacks.parse_sources(data),
        callbacks.parse_feedback(data),
        callbacks.parse_topic(data),
        callbacks.parse_language(data),
    ]
    assert parsed == [None, None, None, None]


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_has_both_languages_with_the_same_placeholders(key):
    assert set(TEXTS[key]) == {"th", "en"}
    assert TEXTS[key]["th"].strip() and TEXTS[key]["en"].strip()
    assert fields(TEXTS[key]["th"]) == fields(TEXTS[key]["en"])


def test_values_are_escaped_unless_already_html():
    assert t("welcome", "en", name="<b>Eve</b>").startswith("Hello &lt;b&gt;Eve&lt;/b&gt;")
    assert "<code>7</code>" in t("help", "en", commands=Html("<i>x</i>"), user_id=7)
    assert "<i>x</i>" in t("help", "en", commands=Html("<i>x</i>"), user_id=7)


def test_unknown_language_falls_back_to_thai_and_alerts_fit():
    assert t("lang.set", "de") == TEXTS["lang.set"]["th"]
    assert len(alert("denied", "th", role="ก" * 300)) == 200


def thai_texts() -> list[tuple[str, str]]:
    """Every Thai user-facing text: the bot's catalogue and the terminal chat client's."""
    from bot.sandbox.chat_texts import TEXTS as CHAT_TEXTS
    from bot.texts import _catalogue

    bot = [(key, texts["th"]) for key, texts in _catalogue().items()]
    return bot + [(f"chat.{key}", text) for key, text in CHAT_TEXTS["th"].items()]


def test_thai_texts_spell_chat_one_way():
    assert [key for key, text in thai_texts() if re.search("แชท|แช็ต|แช็ท", text)] == []
    assert any("แชต" in text for _, text in thai_texts())


def test_a_name_after_khun_is_separated_by_a_space():
    assert [key for key, text in thai_texts() if "คุณ{" in text] == []
    assert "สวัสดีค่ะ คุณ สมชาย 👋" in t("welcome", "th", name="สมชาย")


@pytest.mark.parametrize(
    ("lang", "soon", "later"),
    [("th", "กลับมาให้ฝึกเร็ว", "เว้นนานขึ้น"), ("en", "comes back soon", "comes back later")],
)
def test_practice_boxes_are_explained_in_plain_words(lang, soon, later):
    values = {"attempts": "", "topics": "", "boxes": "", "due": 0, "hint": ""}
    for text in (t("quiz.results", lang, **values), t("quiz.practice_started", lang, count=3)):
        assert soon in text and later in text and "Leitner" not in text
