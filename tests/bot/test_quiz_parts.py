"""The quiz's parts: callback data, texts, rendering, every bank question as Telegram takes it."""

from __future__ import annotations

import random
import string
from dataclasses import replace
from datetime import UTC, datetime

import pytest
import telegram

from bot import keyboards_quiz as kb
from bot.handlers.quiz_progress import _nothing_due
from bot.handlers.quiz_render import (
    ordering_text,
    poll_question,
    quiz_poll,
    results,
    score_card,
)
from bot.texts import t
from bot.texts_quiz import TEXTS
from quizzes.bank import load_bank
from quizzes.progress import AttemptSummary, UserResults
from quizzes.questions import Text
from quizzes.sessions import ScoreCard, TopicScore, make_plan_item

BANK = load_bank()
BIG = 10**18 - 1


def test_callback_data_round_trips_and_fits_64_bytes():
    longest_topic = max(BANK.topic_ids(), key=len)
    choice = kb.LengthChoice(longest_topic, 15, kb.TIMER_S)
    assert kb.parse_length(kb.length_data(choice)) == choice
    assert kb.parse_topic(kb.topic_data(longest_topic)) == longest_topic
    assert kb.parse_order(kb.order_data(BIG, range(10))) == kb.OrderStep(BIG, tuple(range(10)))
    for action in kb.Action:
        data = kb.attempt_data(action, BIG)
        assert kb.parse_attempt(data) == kb.AttemptChoice(action, BIG)
        assert len(data.encode()) <= 64
    assert len(kb.order_data(BIG, range(10)).encode()) <= 64


@pytest.mark.parametrize(
    "data",
    ["qz:o:1:00", "qz:o:1:0a", "qz:o::1", "qz:t:ก", "qz:t:", "qz:n:x:5", "qz:rev:", "qz:zz:1",
     "qz:retake:-1", "qz:o:1:01234567890"],
)  # fmt: skip
def test_malformed_quiz_data_parses_to_none(data):
    parsed = [kb.parse_topic(data), kb.parse_length(data), kb.parse_order(data)]
    assert [*parsed, kb.parse_attempt(data)] == [None, None, None, None]


@pytest.mark.parametrize(
    ("pool", "offered"), [(118, [5, 10, 15]), (15, [5, 10, 15]), (6, [5, 6]), (3, [3])]
)
def test_lengths_offered_never_exceed_the_pool(pool, offered):
    assert kb.length_choices(pool) == offered


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_quiz_texts_exist_in_both_languages_with_the_same_placeholders(key):
    assert key.startswith(("quiz.", "cmd."))
    assert set(TEXTS[key]) == {"th", "en"}
    assert fields(TEXTS[key]["th"]) == fields(TEXTS[key]["en"])
    assert t(key, "en", **dict.fromkeys(fields(TEXTS[key]["en"]), "1")).strip()


def test_the_poll_number_is_left_out_when_it_would_break_the_300_limit():
    question = BANK.by_id(BANK.questions[0].id)
    item = make_plan_item(question, 0, random.Random(1))
    assert poll_question(item, 5, "en") == f"1/5 · {question.text.en}"
    long = replace(question, text=Text("ก" * 298, "x" * 298))
    assert poll_question(make_plan_item(long, 0, random.Random(1)), 5, "th") == "ก" * 298


def test_score_card_shows_totals_and_each_topic():
    card = ScoreCard(
        total=5, answered=5, correct=3,
        by_topic={"levels": TopicScore(3, 1), "why": TopicScore(2, 2)},
    )  # fmt: skip
    text = score_card(card, "quiz", BANK, "en")
    assert "3/5</b> (60%)" in text
    assert "The five levels of participation: 1/3 (33%)" in text
    assert f"{BANK.topic_title('why', 'en')}: 2/2 (100%)" in text
    assert "2 missed" in text


def test_ordering_message_lists_the_options_and_the_taps_so_far():
    question = BANK.by_kind("ordering")[0]
    item = make_plan_item(question, 2, random.Random(3))
    shown = item.shown_options("en")
    text = ordering_text(item, 5, [1, 0], "en")
    assert "3/5" in text and f"1. {shown[0]}" in text
    assert f"Your order: {shown[1]} → {shown[0]}" in text


async def test_every_bank_question_is_accepted_by_the_bot_api_in_both_languages(sandbox):
    """The sandbox enforces Telegram's limits on polls, buttons and messages."""
    user = sandbox.user(4242, "สมชาย")
    await user.send("/start")  # a bot may only write to people who wrote first
    bot = telegram.Bot(sandbox.token, base_url=sandbox.bot_base_url)
    rng = random.Random(7)
    async with bot:
        for question in BANK:
            item = make_plan_item(question, 9, rng)
            for lang in ("th", "en"):
                if question.is_ordering:
                    markup = kb.ordering_keyboard(BIG, item.shown_options(lang), [], lang)
                    text = ordering_text(item, 10, [], lang)
                    await bot.send_message(user.id, text, parse_mode="HTML", reply_markup=markup)
                else:
                    await bot.send_poll(user.id, **quiz_poll(item, 10, lang, kb.TIMER_S))
    sent = [m for m in user.messages if m.poll is not None]
    assert len(sent) == 2 * (len(BANK) - len(BANK.by_kind("ordering")))
    assert all(m.poll.type == "quiz" and not m.poll.is_anonymous for m in sent)


def test_myresults_dates_attempts_in_bangkok_time_thai_buddhist_era_english_gregorian():
    late_evening_utc = datetime(2026, 12, 11, 19, 30, tzinfo=UTC)  # 02:30 next day in Bangkok
    row = AttemptSummary(1, None, "practice", "finished", late_evening_utc, None, 5, 5, 4)
    summary = UserResults(attempts=[row], by_topic={}, boxes={1: 0}, due_now=0)
    thai = results(summary, BANK, "th")
    assert "12 ธ.ค. 2569 02:30 น." in thai and "2026-" not in thai
    english = results(summary, BANK, "en")
    assert "12 Dec 2026 02:30" in english and "2569" not in english
    assert "11 Dec 2026 19:30" in results(summary, BANK, "en", "UTC")


def test_the_next_practice_date_is_shown_the_thai_way_and_the_english_way():
    now = datetime(2026, 12, 4, 3, 0, tzinfo=UTC)
    due = datetime(2026, 12, 11, 9, 30, tzinfo=UTC)
    thai = _nothing_due("th", due, now, "Asia/Bangkok")
    assert "11 ธ.ค. 2569 16:30 น." in thai
    assert "11 Dec 2026 16:30" in _nothing_due("en", due, now, "Asia/Bangkok")
