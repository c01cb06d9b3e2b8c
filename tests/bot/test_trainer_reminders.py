"""Announcements, reminders and trainer notices: on the real JobQueue, after restarts, once."""

from __future__ import annotations

from datetime import timedelta

from bot.handlers.trainer_jobs import deliver_due, schedule_assignment
from tests.bot.support import TRAINER_ID
from tests.bot.trainer_support import (
    MovableClock,
    answer_all,
    create_cohort,
    make_assignment,
    start_assignment,
    trainer_bot,
    wait_until,
)


async def join(bot, code, user_id, name):
    person = await bot.user(user_id, name)
    await person.send(f"/join {code}")
    assert "เข้าร่วม" in (await person.next_message()).text
    return person


async def test_the_jobqueue_fires_a_reminder_on_time(sandbox, settings):
    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        trainer = await bot.user(TRAINER_ID)
        code = await create_cohort(trainer, "รุ่นเตือน")
        trainee = await join(bot, code, 7201, "ต้น")
        start = bot.services.clock()
        (cohort,) = bot.cohorts()
        assignment = make_assignment(
            bot, cohort.id, opens_at=start, due_at=start + timedelta(hours=1, seconds=2),
            reminder_offsets=[timedelta(hours=1)],
        )  # fmt: skip
        await deliver_due(bot.app)
        assert "งานใหม่" in (await trainee.next_message()).text
        assert schedule_assignment(bot.app, assignment) == 2  # the reminder and the deadline
        reminder = await trainee.next_message(timeout=15)  # the JobQueue's own timing
        assert "เตือนความจำ" in reminder.text and "1 ชั่วโมง" in reminder.text
        assert bot.notices("remind-") == [(7201, "remind-1h")]


async def test_the_trainer_hears_once_when_everyone_has_finished(sandbox, settings):
    clock = MovableClock()
    async with trainer_bot(sandbox, settings, clock) as bot:
        trainer = await bot.user(TRAINER_ID)
        code = await create_cohort(trainer, "รุ่นครบ")
        people = [await join(bot, code, uid, name) for uid, name in ((7211, "ก"), (7212, "ข"))]
        (cohort,) = bot.cohorts()
        make_assignment(bot, cohort.id, reveal="immediately")
        await deliver_due(bot.app)
        first, last = people
        card = await answer_all(first, await start_assignment(first, await first.next_message()))
        assert "เฉลยจะเปิด" not in card.text  # answers right away
        assert bot.notices("all_") == []
        trainer.skip_existing()
        await answer_all(last, await start_assignment(last, await last.next_message()), False)
        done = await trainer.next_message()
        assert "ทุกคนส่งครบแล้ว" in done.text and "ส่งแล้ว 2/2 คน" in done.text
        assert {"tr:rc:1", "tr:rx:1:csv", "tr:rx:1:xlsx"} <= {
            b.callback_data for b in done.button_list
        }
    async with trainer_bot(sandbox, settings, clock) as bot:
        await wait_until(lambda: "assignment-1-summary" in bot.job_names())  # started
        await trainer.send("/help")
        assert "/assign" in (await trainer.next_message()).text  # and no second notice before it
        assert bot.notices("all_") == [(TRAINER_ID, "all_finished")]


async def test_what_fell_due_while_the_bot_was_down_is_sent_once(sandbox, settings):
    clock = MovableClock()
    async with trainer_bot(sandbox, settings, clock) as bot:
        trainer = await bot.user(TRAINER_ID)
        code = await create_cohort(trainer, "รุ่นหยุด")
        trainee = await join(bot, code, 7221, "ฝน")
        (cohort,) = bot.cohorts()
        opens = clock() + timedelta(hours=2)
        assignment = make_assignment(
            bot, cohort.id, opens_at=opens, due_at=opens + timedelta(days=2)
        )
        schedule_assignment(bot.app, assignment)
        assert bot.job_names() == [
            "assignment-1-announce", "assignment-1-remind-1h", "assignment-1-remind-24h",
            "assignment-1-summary",
        ]  # fmt: skip
    count = len(trainee.messages)

    clock.move_to(opens + timedelta(minutes=5))  # opened while the bot was down
    async with trainer_bot(sandbox, settings, clock) as bot:
        announcement = await trainee.next_message()
        assert "งานใหม่" in announcement.text
        await wait_until(lambda: len(bot.job_names()) == 3)

    clock.move_to(opens + timedelta(days=2, minutes=-30))  # both reminder times passed
    async with trainer_bot(sandbox, settings, clock) as bot:
        reminder = await trainee.next_message()
        assert "เตือนความจำ" in reminder.text and "1 ชั่วโมง" in reminder.text
        await wait_until(lambda: bot.job_names() == ["assignment-1-summary"])
        assert [kind for _, kind in bot.notices("remind-")] == ["remind-1h"]  # the latest only

    clock.move_to(opens + timedelta(days=2, hours=1))  # and the deadline passed too
    async with trainer_bot(sandbox, settings, clock) as bot:
        summary = await trainer.wait_for(lambda m: "ถึงกำหนดส่งแล้ว" in m.text)
        assert "ส่งแล้ว 0/1 คน" in summary.text
        await wait_until(lambda: bot.job_names() == [])
    assert len(trainee.messages) == count + 2  # the announcement and one reminder

    async with trainer_bot(sandbox, settings, clock) as bot:
        await trainer.send("/help")
        await trainer.next_message()
        assert len(trainee.messages) == count + 2
        assert [m.text for m in trainer.messages].count(summary.text) == 1
        assert sorted(kind for _, kind in bot.notices()) == ["announce", "remind-1h", "summary"]
