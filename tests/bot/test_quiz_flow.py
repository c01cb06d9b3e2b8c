"""End to end: a quiz through native quiz polls, the score card, the review, and a restart."""

from __future__ import annotations

from core.settings import DEFAULT_SOURCE_DIR
from knowledge.catalog import section_text
from quizzes.bank import load_bank
from tests.bot.quiz_support import (
    answer_polls,
    attempts,
    is_question,
    items,
    poll_of,
    quiz_bot,
    right_option,
    start_quiz,
)
from tests.bot.support import OFFICIAL_ID, button_data

# A topic without ordering questions, so every question is a poll.
TOPIC = "pp_vs_pg"
BANK = load_bank()
TOPIC_TITLE = BANK.topic_title(TOPIC, "th")


async def test_quiz_score_card_review_and_restart_mid_quiz(sandbox, settings):
    async with quiz_bot(sandbox, settings) as bot:
        user = await bot.user(OFFICIAL_ID)
        first = await start_quiz(user, TOPIC, 5)
        poll = poll_of(first)
        assert poll.type == "quiz" and not poll.is_anonymous and poll.explanation
        assert poll.question.startswith("1/5 · ")
        pattern = [True, False, True, False, True]
        _, card = await answer_polls(user, first, pattern)

        # The score card counts what the user chose, overall and by topic.
        (attempt,) = attempts(bot, OFFICIAL_ID)
        assert (attempt.status, attempt.score) == ("finished", 3)
        assert "3/5" in card.text and "60%" in card.text
        assert f"{TOPIC_TITLE}: 3/5 (60%)" in card.text
        stored = items(bot, attempt.id)
        assert [i.correct for i in stored] == pattern
        assert len({i.question_id for i in stored}) == 5
        assert button_data(card) == [
            f"qz:rev:{attempt.id}",
            f"qz:retake:{attempt.id}",
            f"qz:miss:{attempt.id}",
        ]

        # The review shows each missed question with its long explanation and slide text.
        await user.press(card, f"qz:rev:{attempt.id}")
        review = await user.next_message()
        missed = [BANK.by_id(i.question_id) for i in stored if not i.correct]
        for question in missed:
            assert question.text.th in review.text
            assert " ".join(question.explanation_long.th.split()) in " ".join(review.text.split())
            for ref in question.sources:
                assert f"สไลด์ {ref.slide}" in review.text
                assert str(section_text(DEFAULT_SOURCE_DIR, ref.doc, ref.slide)) in review.text
        right = [BANK.by_id(i.question_id) for i in stored if i.correct]
        assert all(question.text.th not in review.text for question in right)

        # A second quiz: two answers, then the bot stops in the middle.
        second_first = await start_quiz(user, TOPIC, 5)
        _, third = await answer_polls(user, second_first, [True, False])
        assert third.poll is not None
    # While the bot is down the user answers the third question; a new bot takes it.
    await user.vote(third, right_option(third))
    async with quiz_bot(sandbox, settings) as bot:
        fourth = await user.next_message()
        assert fourth.poll is not None and fourth.poll.question.startswith("4/5 · ")
        _, card = await answer_polls(user, fourth, [False, True])
        _, second = attempts(bot, OFFICIAL_ID)
        assert [i.correct for i in items(bot, second.id)] == [True, False, True, False, True]
        assert (second.status, second.score) == ("finished", 3)
        assert "3/5" in card.text and f"{TOPIC_TITLE}: 3/5 (60%)" in card.text


async def test_quiz_continues_with_a_fresh_poll_after_a_restart(sandbox, settings):
    async with quiz_bot(sandbox, settings) as bot:
        user = await bot.user(OFFICIAL_ID)
        first = await start_quiz(user, TOPIC, 5)
        _, second_poll = await answer_polls(user, first, [True])
    async with quiz_bot(sandbox, settings) as bot:
        await user.send("/quiz")
        offer = await user.next_message()
        (attempt,) = attempts(bot, OFFICIAL_ID)
        assert "1/5" in offer.text and TOPIC_TITLE in offer.text
        assert button_data(offer) == [f"qz:go:{attempt.id}", "qz:new"]
        await user.press(offer, f"qz:go:{attempt.id}")
        note = await user.next_message()
        assert "ข้อ 2" in note.text
        again = await user.next_message()
        assert poll_of(again).question == poll_of(second_poll).question
        # The old poll is closed, so only the fresh one can be answered.
        await user.wait_for(
            lambda m: m.message_id == second_poll.message_id and poll_of(m).is_closed
        )
        _, card = await answer_polls(user, again, [True, True, True, True])
        assert "5/5" in card.text and "100%" in card.text
        assert "qz:rev:" not in " ".join(button_data(card))


async def test_menu_entry_opens_the_quiz_and_all_topics_draw_without_repeats(sandbox, settings):
    async with quiz_bot(sandbox, settings) as bot:
        user = bot.sandbox.user(OFFICIAL_ID, "สมชาย")
        await user.send("/start")
        welcome = await user.next_message()
        await user.press(welcome, "menu:quiz")
        picker = await user.next_message()
        assert "qz:t:all" in button_data(picker)
        assert len(button_data(picker)) == 1 + len(BANK.topic_ids())
        await user.press(picker, "qz:t:all")
        await user.wait_for(
            lambda m: m.message_id == picker.message_id and "qz:n:" in " ".join(button_data(m))
        )
        assert "qz:n:all:15:30" in button_data(picker)
        await user.press(picker, "qz:n:all:15:0")
        question = await user.next_message()
        assert is_question(question)
        (attempt,) = attempts(bot, OFFICIAL_ID)
        drawn = [i.question_id for i in items(bot, attempt.id)]
        assert len(drawn) == 15 and len(set(drawn)) == 15
