"""Forged or stale quiz buttons and poll answers are refused politely and change nothing."""

from __future__ import annotations

import pytest

from tests.bot.quiz_support import (
    answer_polls,
    attempts,
    items,
    quiz_bot,
    right_option,
    settle,
    snapshot,
    start_quiz,
    vote_as,
)
from tests.bot.support import ENGLISH_ID, OFFICIAL_ID

TOPIC = "pp_vs_pg"
INVALID = "ปุ่มนี้ใช้ไม่ได้แล้วค่ะ"


async def test_another_users_vote_on_a_quiz_poll_changes_nothing(sandbox, settings):
    async with quiz_bot(sandbox, settings) as bot:
        owner = await bot.user(OFFICIAL_ID)
        intruder = await bot.user(ENGLISH_ID, "Eve", "en")
        first = await start_quiz(owner, TOPIC, 5)
        before = snapshot(bot)
        vote_as(sandbox, intruder, first, right_option(first))
        await settle(intruder)
        assert snapshot(bot) == before
        assert owner.messages[-1].message_id == first.message_id  # no next question
        # The owner's own answer still counts.
        _, second = await answer_polls(owner, first, [True])
        (attempt,) = attempts(bot, OFFICIAL_ID)
        assert [i.correct for i in items(bot, attempt.id)][:2] == [True, None]
        assert second.poll is not None
        assert attempts(bot, ENGLISH_ID) == []


async def test_a_vote_on_a_poll_of_an_abandoned_quiz_changes_nothing(sandbox, settings):
    async with quiz_bot(sandbox, settings) as bot:
        user = await bot.user(OFFICIAL_ID)
        first = await start_quiz(user, TOPIC, 5)
        _, old_second = await answer_polls(user, first, [True])
        current = await start_quiz(user, TOPIC, 5)
        assert current.poll is not None
        old, new = attempts(bot, OFFICIAL_ID)
        assert (old.status, new.status) == ("abandoned", "in_progress")
        before = snapshot(bot)
        await user.vote(old_second, right_option(old_second))  # stale: that quiz is closed
        await settle(user)
        assert snapshot(bot) == before
        assert sum(m.poll is not None for m in user.messages) == 3  # no new question was sent


async def test_a_replayed_poll_answer_changes_nothing(sandbox, settings):
    async with quiz_bot(sandbox, settings) as bot:
        user = await bot.user(OFFICIAL_ID)
        first = await start_quiz(user, TOPIC, 5)
        _, card = await answer_polls(user, first, [True, False, True, True, True])
        before = snapshot(bot)
        # Telegram refuses a second vote on a quiz; a duplicated update is ignored as well.
        answers = [u["poll_answer"] for u in sandbox.updates if "poll_answer" in u]
        for payload in answers[:2]:
            sandbox._env.push_update("poll_answer", {**payload, "option_ids": [0]})
        await settle(user)
        assert snapshot(bot) == before
        assert "4/5" in card.text


FORGERIES = [
    "qz:rev:{other}",  # someone else's finished quiz
    "qz:retake:{other}",
    "qz:miss:{other}",
    "qz:go:{other_open}",  # someone else's open quiz
    "qz:go:{own}",  # finished: nothing to continue
    "qz:rev:{own_open}",  # no review while a quiz is open
    "qz:n:pp_vs_pg:7:0",  # a length never offered
    "qz:n:pp_vs_pg:5:45",  # a timer never offered
    "qz:n:cooking:5:0",
    "qz:t:cooking",
    "qz:o:{ordering}:0",  # someone else's ordering question
    "qz:o:{ordering}:{solution}",
    "qz:o:999999:0",
    "qz:o:{ordering}:00",
    "qz:rev:abc",
]


@pytest.mark.parametrize("template", FORGERIES)
async def test_forged_quiz_buttons_are_refused_and_change_nothing(sandbox, settings, template):
    async with quiz_bot(sandbox, settings) as bot:
        victim = await bot.user(ENGLISH_ID, "Eve", "en")
        await answer_polls(
            victim, await start_quiz(victim, TOPIC, 5), [False, True, True, True, True]
        )
        await start_quiz(victim, "definition", 10)  # holds the bank's ordering question
        other, other_open = attempts(bot, ENGLISH_ID)
        (ordering,) = [i for i in items(bot, other_open.id) if i.kind == "ordering"]
        user = await bot.user(OFFICIAL_ID)
        _, card = await answer_polls(user, await start_quiz(user, TOPIC, 5), [True] * 5)
        await start_quiz(user, TOPIC, 5)
        own, own_open = attempts(bot, OFFICIAL_ID)
        values = {
            "own": own.id, "own_open": own_open.id, "other": other.id,
            "other_open": other_open.id, "ordering": ordering.id,
            "solution": "".join(str(ordering.option_order.index(k)) for k in ordering.answer_key),
        }  # fmt: skip
        before, seen = snapshot(bot), len(user.messages)
        pressed = await user.press_forged(card.message_id, template.format(**values))
        assert (await pressed.answered()).text == INVALID
        await settle(user)
        assert snapshot(bot) == before
        assert len(user.messages) == seen + 1  # only the reply to /myresults
