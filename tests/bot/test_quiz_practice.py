"""End to end: ordering by buttons, time limits, retake, Leitner practice and /myresults."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.sandbox import SandboxMessage
from bot.sandbox.methods.polls import close_poll
from core.dates import format_datetime
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
from tests.bot.support import ENGLISH_ID, OFFICIAL_ID, button_data

BANK = load_bank()
TOPIC = "pp_vs_pg"


def edited(message: SandboxMessage, times: int) -> Callable[[SandboxMessage], bool]:
    """Whether a message is this one, edited `times` times."""
    return lambda m: m.message_id == message.message_id and m.edit_count == times


async def test_an_ordering_question_is_answered_with_buttons(sandbox, settings):
    async with quiz_bot(sandbox, settings) as bot:
        user = await bot.user(OFFICIAL_ID)
        message = await start_quiz(user, "definition", 10)  # the topic's ordering item included
        while message.poll is not None:
            await user.vote(message, right_option(message))
            message = await user.next_message()
        assert is_question(message) and "🔢" in message.text
        (attempt,) = attempts(bot, OFFICIAL_ID)
        (item,) = [i for i in items(bot, attempt.id) if i.kind == "ordering"]
        shown = [item.option_order.index(k) for k in item.answer_key]
        taps = [shown[0], shown[1], None, *shown[1:]]  # None: undo the second tap, redo it
        chosen: list[int] = []
        for count, tap in enumerate(taps, start=1):
            chosen = chosen[:-1] if tap is None else [*chosen, tap]
            data = f"qz:o:{item.id}:" + "".join(str(i) for i in chosen)
            await user.press(message, data)
            await user.wait_for(edited(message, count))
        assert "✅" in message.text and message.button_list == []
        (graded,) = [i for i in items(bot, attempt.id) if i.kind == "ordering"]
        assert graded.correct is True and graded.chosen_order == item.answer_key
        message = await user.next_message()
        while message.poll is not None:
            await user.vote(message, right_option(message))
            message = await user.next_message()
        assert "10/10" in message.text and "100%" in message.text


async def test_a_timed_quiz_moves_on_when_a_poll_closes_unanswered(sandbox, settings):
    async with quiz_bot(sandbox, settings) as bot:
        user = await bot.user(ENGLISH_ID, "Jane", "en")
        first = await start_quiz(user, TOPIC, 5, seconds=30)
        assert first.raw["poll"]["open_period"] == 30
        (attempt,) = attempts(bot, ENGLISH_ID)
        question = BANK.by_id(items(bot, attempt.id)[0].question_id)
        assert poll_of(first).question == f"1/5 · {question.text.en}"
        assert poll_of(first).explanation == question.explanation.en
        await close_poll(sandbox._env, sandbox._env.world.polls[poll_of(first).id])  # time is up
        note = await user.next_message()
        assert "Time is up for question 1" in note.text
        second = await user.next_message()
        assert poll_of(second).question.startswith("2/5 · ")
        assert second.raw["poll"]["open_period"] == 30
        _, card = await answer_polls(user, second, [True, True, True, True])
        assert "4/5" in card.text and "80%" in card.text
        await user.press(card, f"qz:rev:{attempt.id}")
        review = await user.next_message()
        assert "(not answered)" in review.text and question.text.en in review.text
        assert "Slide" in review.text


async def test_retake_asks_the_same_questions_again(sandbox, settings):
    async with quiz_bot(sandbox, settings) as bot:
        user = await bot.user(OFFICIAL_ID)
        first = await start_quiz(user, TOPIC, 5)
        _, card = await answer_polls(user, first, [False, False, True, True, True])
        (first_try,) = attempts(bot, OFFICIAL_ID)
        await user.press(card, f"qz:retake:{first_try.id}")
        intro = await user.next_message()
        assert "5 ข้อ" in intro.text
        again = await user.next_message()
        _, card = await answer_polls(user, again, [True] * 5)
        first_try, retake = attempts(bot, OFFICIAL_ID)
        asked = [i.question_id for i in items(bot, first_try.id)]
        assert sorted(i.question_id for i in items(bot, retake.id)) == sorted(asked)
        assert (retake.mode, retake.topic, retake.score) == ("quiz", TOPIC, 5)


async def test_practice_brings_back_the_missed_questions_and_results_show_progress(
    sandbox, settings
):
    async with quiz_bot(sandbox, settings) as bot:
        user = await bot.user(OFFICIAL_ID)
        await user.send("/practice")
        assert "ยังไม่มีข้อให้ฝึก" in (await user.next_message()).text
        await user.send("/myresults")
        assert "ยังไม่มีผล" in (await user.next_message()).text
        first = await start_quiz(user, TOPIC, 5)
        await answer_polls(user, first, [True, False, True, False, True])
        (quiz,) = attempts(bot, OFFICIAL_ID)
        missed = {i.question_id for i in items(bot, quiz.id) if not i.correct}

        await user.send("/practice")
        intro = await user.next_message()
        assert "ฝึกทบทวน" in intro.text and "2 ข้อ" in intro.text
        _, done = await answer_polls(user, await user.next_message(), [True, True])
        _, practice = attempts(bot, OFFICIAL_ID)
        assert practice.mode == "practice"
        assert {i.question_id for i in items(bot, practice.id)} == missed
        assert "จบรอบฝึก" in done.text and "2/2" in done.text

        await user.send("/practice")
        none_due = (await user.next_message()).text
        assert "ยังไม่มีข้อที่ถึงกำหนดทบทวน" in none_due
        assert re.search(r"\d{1,2} [ก-๙.]+ 25\d\d \d\d:\d\d น\.", none_due), none_due
        await user.send("/myresults")
        results = await user.next_message()
        assert "3/5 (60%)" in results.text and "2/2 (100%)" in results.text
        assert format_datetime(quiz.started_at, "th") in results.text  # Buddhist era, Bangkok
        assert not re.search(r"20\d\d-\d\d-\d\d", results.text)
        assert BANK.topic_title(TOPIC, "th") in results.text
        assert "กล่อง 1: 0 · กล่อง 2: 2" in results.text
        assert "ถึงกำหนดทบทวนตอนนี้: 0 ข้อ" in results.text


async def test_practise_the_missed_button_starts_a_practice_round(sandbox, settings):
    async with quiz_bot(sandbox, settings) as bot:
        user = await bot.user(OFFICIAL_ID)
        first = await start_quiz(user, TOPIC, 5)
        _, card = await answer_polls(user, first, [False, True, True, True, False])
        (quiz,) = attempts(bot, OFFICIAL_ID)
        assert button_data(card)[-1] == f"qz:miss:{quiz.id}"
        await user.press(card, f"qz:miss:{quiz.id}")
        await user.next_message()
        _, done = await answer_polls(user, await user.next_message(), [True, False])
        _, practice = attempts(bot, OFFICIAL_ID)
        missed = [i.question_id for i in items(bot, quiz.id) if not i.correct]
        assert sorted(i.question_id for i in items(bot, practice.id)) == sorted(missed)
        assert "1/2" in done.text
