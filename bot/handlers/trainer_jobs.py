"""Announcements, deadline reminders and trainer notices through PTB's JobQueue.

Nothing is kept in memory between runs: at start-up a job catches up with everything due
(`due_notices`) and schedules one job per future moment (`upcoming_jobs`); each job asks the
database again what is due for its assignment. Every notice is claimed in the database
before it is sent (`mark_notice_sent`), so a restart neither loses nor repeats one. Every
worker also sweeps the database each minute (`sweep`): what fell due, whichever process set
it up, and failed tries whose pause is over (`claim_retries`). Each try is recorded: sent,
retried later (5xx, flood limits), or given up (blocked, no such chat). Times come from
`Services.clock`, and jobs are scheduled relative to it, so tests can move time.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from telegram import InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, JobQueue

from bot import keyboards_trainer as kb
from bot.context import BotContext, BotData, RuamKitApp, Services
from bot.handlers.common import send_html
from bot.handlers.quiz_store import language_of
from bot.handlers.trainer_common import format_time, now, zone_of
from bot.rendering import escape
from bot.request import maybe_delivered
from bot.texts import Html, t
from quizzes.assignments import load_assignment
from quizzes.exports import results_text
from quizzes.reminders import (
    Notice,
    NoticeKind,
    ScheduledJob,
    claim_retries,
    due_notices,
    jobs_for_assignment,
    mark_notice_sent,
    mark_sent,
    record_delivery,
    upcoming_jobs,
)
from quizzes.trainer_models import Assignment, Cohort
from quizzes.trainer_results import assignment_results

log = logging.getLogger(__name__)
# Handlers reach the application through a context typed with a generic context class.
AnyApp = Application[Any, Any, Any, Any, BotData, Any]
START_UP_JOB = "trainer-start-up"
SWEEP_JOB = "trainer-sweep"
SWEEP_EVERY_S = 60
# A job the event loop reaches late still runs (APScheduler would drop it after 1 s).
JOB_KWARGS: dict[str, Any] = {"misfire_grace_time": None}


def register(application: RuamKitApp) -> None:
    """Catch up and schedule the reminders as soon as the JobQueue starts."""
    queue = application.job_queue
    if queue is None:
        log.warning("no JobQueue (install python-telegram-bot[job-queue]): no reminders")
        return
    queue.run_once(start_up, when=0, name=START_UP_JOB, job_kwargs=JOB_KWARGS)
    queue.run_repeating(sweep, SWEEP_EVERY_S, first=SWEEP_EVERY_S, name=SWEEP_JOB)


async def sweep(context: BotContext) -> None:
    """Every minute, in every worker: send what is due, and retry what failed before."""
    await deliver_due(context.application)
    await deliver_retries(context.application)


async def start_up(context: BotContext) -> None:
    """Schedule what is still ahead, then send what fell due while the bot was down."""
    await schedule_upcoming(context.application)
    await deliver_due(context.application)


async def schedule_upcoming(application: AnyApp) -> int:
    """Schedule every future job of every assignment; returns how many were added."""
    services = _services(application)
    moment = now(services)
    jobs = await services.in_session(upcoming_jobs, now=moment)
    return sum(_schedule(application.job_queue, job, moment) for job in jobs)


def schedule_assignment(application: AnyApp, assignment: Assignment) -> int:
    """Schedule a new assignment's opening, reminders and deadline."""
    moment = now(_services(application))
    jobs = jobs_for_assignment(assignment, moment)
    return sum(_schedule(application.job_queue, job, moment) for job in jobs)


def _schedule(queue: JobQueue[Any] | None, job: ScheduledJob, moment: datetime) -> bool:
    """Add one job unless a job of that name is already waiting."""
    if queue is None or queue.get_jobs_by_name(job.name):
        return False
    delay = max(job.run_at - moment, timedelta(0))
    queue.run_once(
        run_job, when=delay, data=job.assignment_id, name=job.name, job_kwargs=JOB_KWARGS
    )
    return True


async def run_job(context: BotContext) -> None:
    """A scheduled moment of one assignment: deliver whatever is due for it now."""
    job = context.job
    assignment_id = job.data if job is not None and isinstance(job.data, int) else None
    await deliver_due(context.application, assignment_id)


async def deliver_due(application: AnyApp, assignment_id: int | None = None) -> int:
    """Claim and send every notice due now (of one assignment, or all); returns how many."""
    services = _services(application)
    moment = now(services)
    notices = await services.in_session(due_notices, now=moment, assignment_id=assignment_id)
    sent = 0
    for notice in notices:
        # Committed before sending: never twice, whichever worker gets there first.
        if await services.in_session(mark_notice_sent, notice=notice, at=moment):
            sent += await _send_notice(application, notice)
    return sent


async def deliver_retries(application: AnyApp) -> int:
    """Claim and send again every notice whose last try failed and whose pause is over."""
    services = _services(application)
    notices = await services.in_session(claim_retries, now=now(services))
    sent = 0
    for notice in notices:
        sent += await _send_notice(application, notice)
    return sent


async def notify_all_finished(context: BotContext, assignment_id: int) -> None:
    """Tell the trainer at once that every member has finished (claimed first)."""
    services = context.services
    trainer_id = await services.run_db(_claim_all_finished, services, assignment_id)
    if trainer_id is not None:
        notice = Notice(assignment_id, trainer_id, NoticeKind.ALL_FINISHED.value, now(services))
        await _send_notice(context.application, notice)


def _claim_all_finished(services: Services, assignment_id: int) -> int | None:
    """Claim the trainer's "everyone finished" notice; their id, or None if claimed before."""
    with services.session() as session:
        assignment = load_assignment(session=session, assignment_id=assignment_id)
        claimed = mark_sent(
            session=session, assignment_id=assignment_id, user_id=assignment.trainer_id,
            kind=NoticeKind.ALL_FINISHED.value, at=now(services),
        )  # fmt: skip
        return assignment.trainer_id if claimed else None


async def _send_notice(application: AnyApp, notice: Notice) -> int:
    """Render and send one claimed notice; 1 when it went out, 0 when Telegram refused."""
    services = _services(application)
    text, markup = await services.run_db(_rendered, services, notice)
    context = BotContext(application)
    error: str | None = None
    permanent = False
    try:
        await send_html(context, notice.user_id, text, markup)
    except (Forbidden, BadRequest) as failure:  # blocked, never opened the bot: not retried
        error, permanent = str(failure), True
    except TelegramError as failure:  # Telegram failing after the request's own retries
        if maybe_delivered(failure):  # sending again could show it twice
            log.info("notice %s to %s: %s (maybe delivered)", notice.kind, notice.user_id, failure)
        else:
            error = str(failure)
    if error is not None:
        log.info("notice %s to %s not delivered: %s", notice.kind, notice.user_id, error)
    await services.run_db(_record, services, notice, error, permanent)
    return 0 if error else 1


def _record(services: Services, notice: Notice, error: str | None, permanent: bool) -> None:
    with services.session() as session:
        record_delivery(
            session=session, notice=notice, at=now(services), error=error, permanent=permanent
        )


def _rendered(services: Services, notice: Notice) -> tuple[Html, InlineKeyboardMarkup]:
    """The notice in its recipient's language."""
    return render_notice(services, notice, language_of(services, notice.user_id))


def render_notice(
    services: Services, notice: Notice, lang: str
) -> tuple[Html, InlineKeyboardMarkup]:
    """The text and buttons of a notice."""
    with services.session() as session:
        assignment = load_assignment(session=session, assignment_id=notice.assignment_id)
        cohort = session.get(Cohort, assignment.cohort_id)
        cohort_name = cohort.name if cohort else ""
        if notice.kind in (NoticeKind.SUMMARY, NoticeKind.ALL_FINISHED):
            results = assignment_results(
                session=session, trainer_id=assignment.trainer_id,
                assignment_id=notice.assignment_id, bank=services.question_bank,
            )  # fmt: skip
            summary = Html(escape(results_text(results, lang, tz=zone_of(services))))
            key = "tr.notice.summary" if notice.kind == NoticeKind.SUMMARY else "tr.notice.done"
            text = t(key, lang, title=assignment.title, summary=summary)
            return text, kb.results_buttons(notice.assignment_id, lang)
    values = {
        "title": assignment.title, "cohort": cohort_name,
        "due": format_time(assignment.due_at, lang, zone_of(services)),
        "count": assignment.question_count, "pass_mark": assignment.pass_mark,
        "attempts": assignment.attempts_allowed,
    }  # fmt: skip
    if notice.is_reminder:
        left = time_left(assignment.due_at - notice.scheduled_at, lang)
        text = t("tr.notice.remind", lang, left=left, **values)
    else:
        text = t("tr.notice.announce", lang, **values)
    return text, kb.start_button(notice.assignment_id, lang)


def time_left(span: timedelta, lang: str) -> str:
    """`24 ชั่วโมง`, `90 นาที` for the time before a deadline."""
    minutes = max(round(span.total_seconds() / 60), 1)
    if minutes % 60 == 0:
        return t("tr.left.hours", lang, hours=minutes // 60)
    return t("tr.left.minutes", lang, minutes=minutes)


def _services(application: AnyApp) -> Services:
    services = application.bot_data.services
    if services is None:
        raise RuntimeError("the application was built without services")
    return services
