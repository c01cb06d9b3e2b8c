"""Reminders with several workers and a failing Bot API: every worker sweeps, each member
gets each notice once, and a failed send is retried later and recorded.
"""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta

import pytest
from sqlmodel import col, select

from bot.handlers.trainer_jobs import SWEEP_JOB, sweep
from quizzes.assignments import create_assignment
from quizzes.cohorts import create_cohort, join_cohort
from quizzes.reminders import retry_delay
from quizzes.trainer_models import NoticeSent, NoticeStatus
from tests.bot.support import TRAINER_ID
from tests.bot.trainer_support import MovableClock
from tests.bot.workers_support import hook_settings, worker

MEMBERS = (7301, 7302, 7303, 7304)


def set_assignment(services) -> None:
    """A cohort of four who have opened the bot, and an assignment open from now."""
    start = services.clock()
    with services.session() as session:
        cohort = create_cohort(session=session, trainer_id=TRAINER_ID, name="รุ่นกวาด")
        for user in MEMBERS:
            join_cohort(session=session, code=cohort.invite_code, user_id=user, first_name="x")
        create_assignment(
            session=session, trainer_id=TRAINER_ID, cohort_id=cohort.id, title="งานกวาด",
            bank=services.question_bank, question_count=3, pass_mark=50, opens_at=start,
            due_at=start + timedelta(days=1), now=start, rng=random.Random(3), topics=["why"],
        )  # fmt: skip


async def people(sandbox):
    found = []
    for user in MEMBERS:
        person = sandbox.user(user, "สมาชิก")
        await person.send("/start")
        await person.next_message()
        found.append(person)
    return found


def announcements(person) -> int:
    return sum("งานกวาด" in m.text for m in person.messages)


def claims(services) -> list[NoticeSent]:
    with services.session() as session:
        return list(session.exec(select(NoticeSent).order_by(col(NoticeSent.id))))


@pytest.mark.parametrize("store", ["sqlite", "postgres"])
async def test_two_workers_sweeping_at_once_send_each_notice_once(
    sandbox, settings, store, request
):
    shared = (
        {"database_url": request.getfixturevalue("postgres_url")} if store == "postgres" else {}
    )
    first, second = (hook_settings(sandbox, settings, **shared) for _ in range(2))
    clock = MovableClock()
    async with (
        worker(first, clock=clock) as (one, services),
        worker(second, clock=clock) as (two, _),
    ):
        assert one.job_queue.get_jobs_by_name(SWEEP_JOB)  # every worker sweeps each minute
        members = await people(sandbox)
        set_assignment(services)  # made elsewhere: no worker scheduled anything for it
        await asyncio.gather(*(sweep(context(app)) for app in (one, two, one, two)))
        for person in members:
            await person.wait_for(lambda m: "งานกวาด" in m.text)
        await asyncio.gather(*(sweep(context(app)) for app in (one, two)))
        assert [announcements(p) for p in members] == [1, 1, 1, 1]
        assert {row.status for row in claims(services)} == {NoticeStatus.SENT.value}


async def test_a_failed_send_is_retried_after_a_pause_and_recorded(sandbox, settings):
    clock = MovableClock()
    async with worker(hook_settings(sandbox, settings), clock=clock) as (app, services):
        (person, *others) = await people(sandbox)
        set_assignment(services)
        sandbox.faults.add("sendMessage", status=500, times=4)  # the first notice, every try
        await sweep(context(app))
        failed = [row for row in claims(services) if row.status == NoticeStatus.RETRY.value]
        (row,) = failed
        assert row.attempts == 1 and "Internal Server Error" in (row.last_error or "")
        assert row.next_try_at >= row.sent_at + retry_delay(1)  # a pause, not at once
        await sweep(context(app))  # too early: nothing is sent again
        assert sum(announcements(p) for p in (person, *others)) == len(MEMBERS) - 1
        clock.move_to(row.next_try_at + timedelta(seconds=1))
        await sweep(context(app))
        assert [announcements(p) for p in (person, *others)] == [1, 1, 1, 1]
        retried = next(r for r in claims(services) if r.id == row.id)
        assert (retried.status, retried.attempts) == (NoticeStatus.SENT.value, 2)


def context(app):
    from bot.context import BotContext

    return BotContext(app)
