"""The trainee's side: /tasks, starting an assignment, its end, the review, the leaderboard.

Assignment attempts run through the quiz's polls (`quiz_flow.register_mode`): this module
gives them their questions (the assignment's bank, imported questions included) and their
ending: a result card that shows the right answers only when the trainer allows it, and a
notice to the trainer when the last member finishes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlmodel import Session
from telegram import InlineKeyboardButton, Update
from telegram.constants import ChatType

from bot import keyboards_trainer as kb
from bot.context import BotContext, Services
from bot.handlers import quiz_flow
from bot.handlers.common import Profile, profile_of, send_html
from bot.handlers.quiz_render import review
from bot.handlers.quiz_store import is_open, missed, owned_attempt
from bot.handlers.trainer_common import (
    answer_invalid,
    edit_html,
    format_time,
    now,
    private_request,
    zone_of,
)
from bot.handlers.trainer_jobs import notify_all_finished
from bot.texts import Html, alert, plain, t
from core.errors import NotFoundError, PermissionDeniedError, ValidationError
from knowledge.catalog import section_text
from quizzes.assignments import ASSIGNMENT_MODE, assignment_bank, load_assignment
from quizzes.cohorts import member_cohorts, set_leaderboard_opt_in
from quizzes.models import QuizAttempt, QuizAttemptItem
from quizzes.questions import QuestionBank
from quizzes.service import attempt_items, next_item
from quizzes.tasks import (
    AssignmentFinish,
    AssignmentStart,
    AssignmentUnavailableError,
    Task,
    answers_revealed,
    finish_assignment_attempt,
    open_tasks,
    start_assignment_attempt,
)
from quizzes.trainer_models import Assignment
from quizzes.trainer_results import cohort_leaderboard


@dataclass(frozen=True)
class Started:
    """An assignment attempt started or resumed, with what the first message needs."""

    start: AssignmentStart
    title: str
    current: QuizAttemptItem | None  # the question shown before, when resumed

    @property
    def attempt_id(self) -> int:
        """The attempt's id."""
        return self.start.attempt.id or 0


def register_mode() -> None:
    """Let the quiz's poll flow run assignment attempts."""
    quiz_flow.register_mode(
        ASSIGNMENT_MODE,
        quiz_flow.ModeHooks(
            bank=bank_of_attempt, finish=finish_attempt, hide_answers=answers_still_hidden
        ),
    )


def answers_still_hidden(services: Services, session: Session, attempt: QuizAttempt) -> bool:
    """Until the trainer's reveal time, an assignment's questions must not show answers."""
    assignment = load_assignment(session=session, assignment_id=attempt.assignment_id or 0)
    return not answers_revealed(assignment, now(services))


def bank_of_attempt(services: Services, session: Session, attempt: QuizAttempt) -> QuestionBank:
    """The built-in bank plus the assignment's imported questions."""
    if attempt.assignment_id is None:
        return services.question_bank
    assignment = load_assignment(session=session, assignment_id=attempt.assignment_id)
    return assignment_bank(session=session, bank=services.question_bank, assignment=assignment)


async def tasks_command(update: Update, context: BotContext) -> None:
    """/tasks: my open assignments, each with a start (or continue) button."""
    request = await private_request(update, context)
    if request is None:
        return
    message, _chat_id, profile = request
    tasks = await context.services.run_db(_open_tasks, context.services, profile.telegram_id)
    if not tasks:
        await message.reply_html(t("tr.tasks.none", profile.lang))
        return
    tz = zone_of(context.services)
    lines = Html("\n".join(_task_line(task, profile.lang, tz) for task in tasks))
    buttons = [_task_button(task, profile.lang) for task in tasks]
    await message.reply_html(
        t("tr.tasks.list", profile.lang, lines=lines), reply_markup=kb.column(buttons)
    )


def _open_tasks(services: Services, user_id: int) -> list[Task]:
    with services.session() as session:
        return open_tasks(session=session, user_id=user_id, now=now(services))


def _task_line(task: Task, lang: str, tz: str) -> Html:
    best = "-" if task.best_percent is None else f"{task.best_percent}%"
    key = "tr.tasks.line_overdue" if task.overdue else "tr.tasks.line"
    return t(
        key, lang, title=task.title, cohort=task.cohort_name,
        due=format_time(task.due_at, lang, tz), left=task.attempts_left, best=best,
    )  # fmt: skip


def _task_button(task: Task, lang: str) -> InlineKeyboardButton:
    key = "tr.button.continue" if task.in_progress_attempt_id else "tr.button.start_task"
    return kb.button(plain(key, lang, title=task.title), f"tr:go:{task.assignment_id}")


async def press_start(update: Update, context: BotContext) -> None:
    """Start or continue an assignment in the trainee's private chat."""
    query, profile = update.callback_query, (await profile_of(update, context.services))
    found = kb.ids(kb.GO, query.data or "") if query else None
    if query is None or query.message is None:
        return
    if found is None or query.message.chat.type != ChatType.PRIVATE:
        await answer_invalid(query, profile.lang)
        return
    services, chat_id = context.services, query.message.chat.id
    try:
        started = await services.run_db(_start, services, found[0], profile.telegram_id, chat_id)
    except AssignmentUnavailableError as error:
        await query.answer(alert(f"tr.start.{error.reason.value}", profile.lang), show_alert=True)
        return
    except NotFoundError:
        await answer_invalid(query, profile.lang)
        return
    await query.answer()
    start, attempt_id, current = started.start, started.attempt_id, started.current
    key = "tr.start.resumed" if start.resumed else "tr.start.started"
    text = t(key, profile.lang, title=started.title, count=start.attempt.length)
    await send_html(context, chat_id, text)
    await quiz_flow.remember(context, attempt_id, profile.lang, None)
    await quiz_flow.advance(context, attempt_id, after=-1, lang=profile.lang, timer=None)
    if start.resumed and current is not None and current.poll_id is not None:
        await quiz_flow.stop_old_poll(context, chat_id, current.message_id)


def _start(services: Services, assignment_id: int, user_id: int, chat_id: int) -> Started:
    """Start (or resume) the member's attempt at the assignment."""
    with services.session() as session:
        start = start_assignment_attempt(
            session=session, assignment_id=assignment_id, user_id=user_id, chat_id=chat_id,
            bank=services.question_bank, now=now(services), rng=random.Random(),
        )  # fmt: skip
        title = load_assignment(session=session, assignment_id=assignment_id).title
        current = next_item(session=session, attempt_id=start.attempt.id or 0)
        return Started(start, title, current)


async def finish_attempt(context: BotContext, attempt_id: int, lang: str) -> None:
    """The end of an assignment attempt: the result card, and the trainer's notice if last."""
    services = context.services
    finished = await services.run_db(_finish, services, attempt_id)
    if finished is None:
        return
    attempt, done, assignment = finished
    card, tz = done.card, zone_of(services)
    verdict = plain("tr.result.pass" if done.passed else "tr.result.fail", lang)
    parts = [
        t("tr.result.card", lang, title=assignment.title, correct=card.correct, total=card.total,
          percent=card.percent, verdict=verdict, pass_mark=assignment.pass_mark),
    ]  # fmt: skip
    if done.late:
        parts.append(t("tr.result.late", lang, due=format_time(assignment.due_at, lang, tz)))
    wrong = card.total - card.correct
    if not done.reveal_answers:
        parts.append(t("tr.result.hidden", lang, due=format_time(assignment.due_at, lang, tz)))
    markup = None
    if wrong:
        label = plain("tr.button.review", lang, count=wrong)
        markup = kb.column([kb.button(label, f"tr:rv:{attempt_id}")])
    await send_html(context, attempt.chat_id, Html("\n\n".join(parts)), markup)
    if done.everyone_finished:
        await notify_all_finished(context, done.assignment_id)


def _finish(
    services: Services, attempt_id: int
) -> tuple[QuizAttempt, AssignmentFinish, Assignment] | None:
    """Close an open assignment attempt and score it; None when it was closed already."""
    with services.session() as session:
        attempt = session.get(QuizAttempt, attempt_id)
        if attempt is None or not is_open(attempt):
            return None
        done = finish_assignment_attempt(session=session, attempt_id=attempt_id, now=now(services))
        assignment = load_assignment(session=session, assignment_id=done.assignment_id)
        return attempt, done, assignment


async def press_review(update: Update, context: BotContext) -> None:
    """The missed questions with the right answers, once the trainer's reveal time has come."""
    query, profile = update.callback_query, (await profile_of(update, context.services))
    found = kb.ids(kb.REVIEW, query.data or "") if query else None
    if query is None or query.message is None:
        return
    services = context.services
    reviewed = None
    if found is not None:
        reviewed = await services.run_db(_review, services, found[0], profile.telegram_id)
    if reviewed is None:
        await answer_invalid(query, profile.lang)
        return
    assignment, wrong, bank = reviewed
    if not answers_revealed(assignment, now(services)):
        due = format_time(assignment.due_at, profile.lang, zone_of(services))
        await query.answer(alert("tr.review.later", profile.lang, due=due), show_alert=True)
        return
    await query.answer()
    source_dir = services.settings.source_dir
    text = review(wrong, bank, lambda doc, n: section_text(source_dir, doc, n), profile.lang)
    await send_html(context, query.message.chat.id, text)


def _review(
    services: Services, attempt_id: int, user_id: int
) -> tuple[Assignment, list[QuizAttemptItem], QuestionBank] | None:
    """A closed assignment attempt's missed items; None when it is not the user's or open."""
    with services.session() as session:
        attempt = owned_attempt(session=session, attempt_id=attempt_id, user_id=user_id)
        if attempt is None or attempt.mode != ASSIGNMENT_MODE or is_open(attempt):
            return None
        assignment = load_assignment(session=session, assignment_id=attempt.assignment_id or 0)
        wrong = missed(attempt_items(session=session, attempt_id=attempt_id))
        return assignment, wrong, bank_of_attempt(services, session, attempt)


async def leaderboard_command(update: Update, context: BotContext) -> None:
    """/leaderboard: the boards of my cohorts that have one, and whether I am shown."""
    message = update.effective_message
    if message is None:
        return
    profile = await profile_of(update, context.services)
    text, buttons = await context.services.run_db(_boards, context.services, profile)
    markup = kb.column(buttons) if buttons else None
    await message.reply_html(text, reply_markup=markup)


def _boards(services: Services, profile: Profile) -> tuple[Html, list[InlineKeyboardButton]]:
    """The member's cohorts' leaderboards, read and rendered in one session."""
    parts, buttons = [], []
    with services.session() as session:
        for cohort in member_cohorts(session=session, user_id=profile.telegram_id):
            cohort_id = cohort.id or 0
            if not cohort.leaderboard_enabled:
                parts.append(t("tr.board.off", profile.lang, name=cohort.name))
                continue
            entries = cohort_leaderboard(
                session=session, cohort_id=cohort_id, viewer_id=profile.telegram_id
            )
            lines = [
                t("tr.board.line", profile.lang, rank=e.rank, name=e.name, points=e.points)
                for e in entries
            ]
            body = Html("\n".join(lines)) if lines else t("tr.board.empty", profile.lang)
            parts.append(t("tr.board.show", profile.lang, name=cohort.name, lines=body))
            shown = any(e.user_id == profile.telegram_id for e in entries)
            key, value = ("tr.button.hide_me", 0) if shown else ("tr.button.show_me", 1)
            label = plain(key, profile.lang, name=cohort.name)
            buttons.append(kb.button(label, f"tr:lo:{cohort_id}:{value}"))
    if not parts:
        return t("tr.board.no_cohorts", profile.lang), []
    return Html("\n\n".join(parts)), buttons


async def press_opt_in(update: Update, context: BotContext) -> None:
    """Show or hide me on a cohort's leaderboard."""
    query, profile = update.callback_query, (await profile_of(update, context.services))
    found = kb.ids(kb.OPT_IN, query.data or "") if query else None
    if query is None or query.message is None or found is None:
        return
    services, cohort_id, opt_in = context.services, found[0], found[1]
    try:
        await services.run_db(_opt_in, services, cohort_id, profile.telegram_id, bool(opt_in))
    except (PermissionDeniedError, ValidationError):
        await answer_invalid(query, profile.lang)
        return
    await query.answer(
        alert("tr.board.opted_in" if opt_in else "tr.board.opted_out", profile.lang)
    )
    text, buttons = await services.run_db(_boards, services, profile)
    await edit_html(query, text, kb.column(buttons) if buttons else None)


def _opt_in(services: Services, cohort_id: int, user_id: int, opt_in: bool) -> None:
    with services.session() as session:
        set_leaderboard_opt_in(
            session=session, cohort_id=cohort_id, user_id=user_id, opt_in=opt_in
        )
