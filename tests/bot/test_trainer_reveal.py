"""An assignment revealed after its deadline never shows the right answers before it."""

from __future__ import annotations

from bot.handlers.trainer_jobs import deliver_due
from tests.bot.support import TRAINER_ID
from tests.bot.trainer_support import (
    MovableClock,
    answer_all,
    create_cohort,
    make_assignment,
    start_assignment,
    trainer_bot,
)


async def _first_question(bot, reveal: str, user_id: int):
    trainer = await bot.user(TRAINER_ID)
    code = await create_cohort(trainer, f"รุ่น {reveal}")
    trainee = await bot.user(user_id, "ดาว")
    await trainee.send(f"/join {code}")
    await trainee.next_message()
    (cohort,) = bot.cohorts()
    make_assignment(bot, cohort.id, reveal=reveal)
    await deliver_due(bot.app)
    return trainee, await start_assignment(trainee, await trainee.next_message())


async def test_hidden_answers_use_plain_polls_until_the_deadline(sandbox, settings):
    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        trainee, question = await _first_question(bot, "after_due", 7301)
        assert question.poll is not None
        assert question.poll.type == "regular"
        assert question.poll.correct_option_ids == [] and question.poll.explanation is None
        card = await answer_all(trainee, question)
        assert "เฉลยจะเปิด" in card.text


async def test_answers_shown_right_away_use_quiz_polls(sandbox, settings):
    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        _trainee, question = await _first_question(bot, "immediately", 7302)
        assert question.poll is not None and question.poll.type == "quiz"
        assert len(question.poll.correct_option_ids) == 1 and question.poll.explanation
