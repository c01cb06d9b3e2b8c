"""The /assign form: survives a restart, refuses outdated buttons, checks typed times, renames."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.handlers.trainer_common import format_time
from bot.handlers.trainer_form_steps import Move, type_due
from bot.handlers.trainer_state import TrainerDraft
from tests.bot.support import TRAINER_ID
from tests.bot.trainer_support import (
    MovableClock,
    create_cohort,
    data_starting,
    form_data,
    press_label,
    step,
    trainer_bot,
)


def draft_of(bot) -> TrainerDraft | None:
    with bot.services.session() as session:
        return session.get(TrainerDraft, TRAINER_ID)


async def open_form(trainer):
    await trainer.send("/assign")
    form = await trainer.next_message()
    return await step(trainer, form, data_starting(form, "tr:a:")[0])


async def to_opening(trainer, form):
    """From the topic step: "why", 3 questions, 70%; returns the opening step."""
    form = await press_label(trainer, form, "ทำไม")
    form = await step(trainer, form, form_data(form, "t", "ok"))
    form = await step(trainer, form, form_data(form, "n", "5"))
    return await step(trainer, form, form_data(form, "p", "70"))


@pytest.fixture
async def clock():
    return MovableClock()


async def test_the_form_goes_on_after_a_restart(sandbox, settings, clock):
    async with trainer_bot(sandbox, settings, clock) as bot:
        trainer = await bot.user(TRAINER_ID)
        await create_cohort(trainer, "รุ่นฟอร์ม")
        form = await open_form(trainer)
        assert "ขั้นที่ 2/9" in form.text
    async with trainer_bot(sandbox, settings, clock) as bot:
        form = await to_opening(trainer, form)
        assert "ขั้นที่ 5/9" in form.text and draft_of(bot).data["count"] == 5


async def test_outdated_buttons_and_bad_times_change_nothing(sandbox, settings, clock):
    async with trainer_bot(sandbox, settings, clock) as bot:
        trainer = await bot.user(TRAINER_ID)
        await create_cohort(trainer, "รุ่นฟอร์ม")
        old = await open_form(trainer)
        old_topic = data_starting(old, "tr:a:")[1]
        form = await open_form(trainer)  # a new form: the old one's buttons are outdated
        answer = await (await trainer.press(old, old_topic)).answered()
        assert "เก่าแล้ว" in (answer.text or "")
        form = await to_opening(trainer, form)
        answer = await (await trainer.press_forged(form.message_id, old_topic)).answered()
        assert "เก่าแล้ว" in (answer.text or "")  # an earlier step's button

        await trainer.send("พรุ่งนี้บ่ายสาม")
        assert "อ่านวันเวลานี้ไม่ได้" in (await trainer.next_message()).text
        await trainer.send("2569-12-05 17.00 น.")  # Buddhist era and Thai clock style
        form = await trainer.next_message()
        assert "เปิด 5 ธ.ค. 2569 17:00 น." in form.text  # Buddhist era, Bangkok time
        await trainer.send("2026-12-04 09:00")  # before the opening
        assert "ต้องอยู่หลังเวลาเปิด" in (await trainer.next_message()).text
        assert draft_of(bot).step == "due" and "due_at" not in draft_of(bot).data
        assert bot.assignments() == []


async def test_deadlines_typed_the_thai_way_are_read_and_shown_in_buddhist_era(
    sandbox, settings, clock
):
    async with trainer_bot(sandbox, settings, clock) as bot:
        trainer = await bot.user(TRAINER_ID)
        await create_cohort(trainer, "รุ่นฟอร์ม")
        await to_opening(trainer, await open_form(trainer))
        await trainer.send("5 ธ.ค. 2569 09:00")
        assert "เปิด 5 ธ.ค. 2569 09:00 น." in (await trainer.next_message()).text
        await trainer.send("11 ธค 2569 เวลา 16.30 น.")
        assert "ให้ทำได้กี่ครั้ง" in (await trainer.next_message()).text
        assert draft_of(bot).data["due_at"] == "2026-12-11T09:30:00+00:00"  # stored UTC
        data = {**draft_of(bot).data, "lang": "th"}
        for typed in ("11 ธ.ค. 2569 16:30", "11/12/2569 16.30 น.", "December 11, 2026 4:30 pm"):
            move = type_due(bot.services, TRAINER_ID, dict(data), typed)
            assert isinstance(move, Move) and move.data["due_at"] == data["due_at"], typed
        move = type_due(bot.services, TRAINER_ID, dict(data), "11 ธันวาคม 2569")
        assert isinstance(move, Move)
        assert format_time(datetime.fromisoformat(move.data["due_at"]), "th") == (
            "11 ธ.ค. 2569 23:59 น."  # a date alone: the end of that day
        )
        assert type_due(bot.services, TRAINER_ID, dict(data), "31/02/2570") == (
            "tr.assign.no_such_day"
        )
        assert type_due(bot.services, TRAINER_ID, dict(data), "เย็นนี้") == "tr.assign.bad_time"


async def test_an_unreadable_deadline_gets_an_example_in_the_trainers_language(
    sandbox, settings, clock
):
    async with trainer_bot(sandbox, settings, clock) as bot:
        trainer = await bot.user(TRAINER_ID, "Jane", lang="en")
        await create_cohort(trainer, "Batch 1")
        form = await open_form(trainer)
        form = await step(trainer, form, form_data(form, "t", "ok"))
        form = await step(trainer, form, form_data(form, "n", "5"))
        form = await step(trainer, form, form_data(form, "p", "70"))
        form = await step(trainer, form, form_data(form, "o", "now"))
        await trainer.send("next friday-ish")
        reply = (await trainer.next_message()).text
        assert "I can't read that date" in reply and "11 Dec 2026 16:30" in reply
        await trainer.send("Dec 31, 2026 5 pm")
        summary = (await trainer.next_message()).text
        assert "How many attempts" in summary
        assert draft_of(bot).data["due_at"] == "2026-12-31T10:00:00+00:00"


async def test_rename_reminders_and_a_later_opening(sandbox, settings, clock):
    async with trainer_bot(sandbox, settings, clock) as bot:
        trainer = await bot.user(TRAINER_ID)
        code = await create_cohort(trainer, "รุ่นฟอร์ม")
        trainee = await bot.user(7301, "ต้น")
        await trainee.send(f"/join {code}")
        await trainee.next_message()
        form = await to_opening(trainer, await open_form(trainer))
        form = await step(trainer, form, form_data(form, "o", "1d"))
        form = await step(trainer, form, form_data(form, "d", "3d"))
        form = await step(trainer, form, form_data(form, "k", "2"))
        form = await step(trainer, form, form_data(form, "v", "i"))
        form = await step(trainer, form, form_data(form, "m", "3"))
        assert "ไม่ต้องเตือน" in form.text and "แบบทดสอบ: ทำไม" in form.text
        form = await step(trainer, form, form_data(form, "ti", "ed"))
        await trainer.send("ทบทวนบทที่ 1")
        form = await trainer.next_message()
        assert "<b>ทบทวนบทที่ 1</b>" in form.html
        done = await step(trainer, form, form_data(form, "ok", "go"))
        assert "มอบหมายแล้ว" in done.text
        (assignment,) = bot.assignments()
        assert (assignment.title, assignment.attempts_allowed, assignment.reveal) == (
            "ทบทวนบทที่ 1", 2, "immediately",
        )  # fmt: skip
        assert assignment.reminder_offsets_s == [] and len(assignment.question_ids) == 5
        assert bot.job_names() == ["assignment-1-announce", "assignment-1-summary"]
        await trainee.send("/tasks")
        assert "ไม่มีงาน" in (await trainee.next_message()).text  # opens tomorrow
        assert draft_of(bot) is None
        # With the form closed, typed text is a question again, not a title or a time.
        await trainer.send("2026-12-05 17:00")
        assert "ขั้นที่" not in (await trainer.next_message()).text


async def test_cancel_forgets_the_form(sandbox, settings, clock):
    async with trainer_bot(sandbox, settings, clock) as bot:
        trainer = await bot.user(TRAINER_ID)
        await trainer.send("/assign")
        assert "/cohort new" in (await trainer.next_message()).text  # no cohort yet
        await create_cohort(trainer, "รุ่นฟอร์ม")
        form = await open_form(trainer)
        done = await step(trainer, form, form_data(form, "x", "x"))
        assert "ยกเลิก" in done.text and draft_of(bot) is None
