"""Trainer tools are for trainers, and each trainer's cohorts for that trainer only.

Trainees get a polite refusal for every trainer command and every forged trainer button;
another trainer's forged buttons about someone else's cohort, assignment or file are refused
too; and in every case nothing in the database changes.
"""

from __future__ import annotations

import pytest

from bot.handlers.trainer_jobs import deliver_due
from tests.bot.support import TRAINER_ID
from tests.bot.trainer_support import (
    SECOND_TRAINER_ID,
    MovableClock,
    create_cohort,
    make_assignment,
    notices_settled,
    snapshot,
    trainer_bot,
)

TRAINEE_ID = 7101
TRAINER_ONLY = "ผู้ฝึกอบรมเท่านั้น"


@pytest.fixture
async def course(sandbox, settings):
    """A trainer's cohort with one trainee and one open assignment."""
    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        trainer = await bot.user(TRAINER_ID, "ครูสมศรี")
        code = await create_cohort(trainer, "รุ่น A")
        trainee = await bot.user(TRAINEE_ID, "ต้น")
        await trainee.send(f"/join {code}")
        await trainee.next_message()
        (cohort,) = bot.cohorts()
        assignment = make_assignment(bot, cohort.id)
        await deliver_due(bot.app)  # the announcement (or the start-up job's, never both)
        assert "งานใหม่" in (await trainee.next_message()).text
        await notices_settled(bot)  # the row says "sent" just after the message went out
        yield bot, trainer, trainee, cohort.id, assignment.id


def trainer_buttons(cohort_id: int, assignment_id: int) -> list[str]:
    return [
        f"tr:c:{cohort_id}", f"tr:cm:{cohort_id}", f"tr:rm:{cohort_id}:{TRAINEE_ID}",
        f"tr:lb:{cohort_id}:1", f"tr:lk:{cohort_id}", f"tr:r:{assignment_id}",
        f"tr:rc:{assignment_id}", f"tr:rx:{assignment_id}:csv", f"tr:rx:{assignment_id}:xlsx",
        "tr:ir:" + "0" * 32, "tr:it", "tr:a:abcdef:c:1", "tr:a:abcdef:ok:go", "tr:a:junk",
    ]  # fmt: skip


async def test_trainees_are_refused_every_trainer_command(course):
    bot, _, trainee, _, _ = course
    before = snapshot(bot)
    commands = ("/cohort", "/cohort new แอบสร้าง", "/assign", "/results", "/results 1", "/import")
    for command in commands:
        await trainee.send(command)
        assert TRAINER_ONLY in (await trainee.next_message()).text, command
    assert snapshot(bot) == before


async def test_forged_trainer_buttons_from_a_trainee_change_nothing(course):
    bot, _, trainee, cohort_id, assignment_id = course
    before = snapshot(bot)
    message_id = trainee.last_message.message_id
    for data in trainer_buttons(cohort_id, assignment_id):
        answer = await (await trainee.press_forged(message_id, data)).answered()
        assert answer.show_alert and TRAINER_ONLY in (answer.text or ""), data
    assert snapshot(bot) == before


async def test_another_trainer_cannot_touch_someone_elses_cohort(course):
    bot, _, _, cohort_id, assignment_id = course
    other = await bot.user(SECOND_TRAINER_ID, "ครูสมชาย")
    before = snapshot(bot)
    message_id = other.last_message.message_id
    for data in trainer_buttons(cohort_id, assignment_id)[:9]:
        answer = await (await other.press_forged(message_id, data)).answered()
        assert "ไม่ใช่ของคุณ" in (answer.text or ""), data
    await other.send(f"/results {assignment_id}")
    assert "ไม่ใช่ของคุณ" in (await other.next_message()).text
    await other.send("/results")
    assert "ยังไม่มีงาน" in (await other.next_message()).text
    await other.send("/cohort")
    assert "ยังไม่มีรุ่น" in (await other.next_message()).text
    assert snapshot(bot) == before


async def test_a_trainees_file_is_never_imported(course):
    bot, _, trainee, _, _ = course
    before = snapshot(bot)
    data = b"question_th,options,correct\nq,a|b,1\n"
    await trainee.upload(data, "questions.csv", caption="/import")
    assert TRAINER_ONLY in (await trainee.next_message()).text
    await trainee.upload(data, "questions.csv")  # no /import: the knowledge-base handler's refusal
    assert "ผู้ดูแลระบบ" in (await trainee.next_message()).text
    assert snapshot(bot) == before


async def test_trainees_cannot_start_or_review_what_is_not_theirs(course):
    bot, _, _, _, assignment_id = course
    outsider = await bot.user(7102, "นอก")
    before = snapshot(bot)
    answer = await (
        await outsider.press_forged(outsider.last_message.message_id, f"tr:go:{assignment_id}")
    ).answered()
    assert "ไม่ได้อยู่ในรุ่น" in (answer.text or "")
    for data in ("tr:go:999", "tr:rv:1", "tr:lo:999:1"):
        answer = await (
            await outsider.press_forged(outsider.last_message.message_id, data)
        ).answered()
        assert "ใช้ไม่ได้แล้ว" in (answer.text or ""), data
    assert snapshot(bot) == before
