"""Asking a stored attempt's questions: polls, ordering keyboards, answers, time-outs, the end.

Everything needed to go on lives in the database (the attempt, its items, which poll shows
which item, its language and time limit), so a restarted bot, or another worker, takes the
next answer as if nothing happened. When the next question cannot be sent (Telegram failing
after the retries), the learner is told and offered a button to continue.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session
from telegram import Update
from telegram.error import Forbidden, TelegramError

from bot import keyboards_quiz as kb
from bot.context import BotContext, Services
from bot.handlers.common import profile_of, send_html
from bot.handlers.quiz_render import ordering_text, quiz_poll, score_card
from bot.handlers.quiz_store import is_open, item_after, item_for_poll, language_of
from bot.quiz_state import load_options, save_options
from bot.request import maybe_delivered
from bot.texts import Html, t
from core.errors import NotFoundError
from core.timestamps import utc_now
from quizzes.models import QuizAttempt, QuizAttemptItem
from quizzes.questions import QuestionBank
from quizzes.service import (
    AnswerOutcome,
    Rejected,
    abandon_attempt,
    attempt_items,
    current_attempt,
    finish_attempt,
    next_item,
    plan_item_for,
    record_answer,
    record_poll,
    start_attempt,
)
from quizzes.sessions import PlanItem, QuizPlan, ScoreCard

log = logging.getLogger(__name__)

BankSource = Callable[[Services, Session, QuizAttempt], QuestionBank]
Finisher = Callable[[BotContext, int, str], Awaitable[None]]
AnswerPolicy = Callable[[Services, Session, QuizAttempt], bool]


@dataclass(frozen=True)
class ModeHooks:
    """How attempts of one mode find their questions and end, where that differs."""

    bank: BankSource | None = None
    finish: Finisher | None = None
    # True while the right answers must stay hidden (an assignment revealed after its due
    # time): questions then go out as regular polls, with no correct option or explanation.
    hide_answers: AnswerPolicy | None = None


def answers_hidden(services: Services, session: Session, attempt: QuizAttempt) -> bool:
    """Whether this attempt's questions must not show their right answers yet."""
    hooks = _MODES.get(attempt.mode)
    return bool(hooks and hooks.hide_answers and hooks.hide_answers(services, session, attempt))


# Filled at registration time by features with their own attempt modes (trainer assignments).
_MODES: dict[str, ModeHooks] = {}
# Polls this process sent whose ids are being stored now (in a worker thread). Answers and
# closed-poll updates carry no chat, so nothing queues them behind the send: they wait here.
_RECORDING: dict[str, asyncio.Event] = {}
UNKNOWN_POLL_TRIES = 4
UNKNOWN_POLL_PAUSE_S = 0.25


def register_mode(mode: str, hooks: ModeHooks) -> None:
    """Let another feature run attempts of `mode` through the quiz's polls."""
    _MODES[mode] = hooks


def bank_for(services: Services, session: Session, attempt: QuizAttempt) -> QuestionBank:
    """The bank holding an attempt's questions (the shipped one unless the mode says)."""
    hooks = _MODES.get(attempt.mode)
    if hooks is not None and hooks.bank is not None:
        return hooks.bank(services, session, attempt)
    return services.question_bank


@dataclass(frozen=True)
class NextQuestion:
    """What asking an open attempt's next question needs (item None: all were asked)."""

    chat_id: int
    item_id: int | None
    plan: PlanItem | None
    total: int
    hidden: bool


async def remember(context: BotContext, attempt_id: int, lang: str, seconds: int | None) -> None:
    """Store the quiz's language and time limit for updates that carry no user (closed polls)."""
    await context.services.run_db(_remember, context.services, attempt_id, lang, seconds)


def _remember(services: Services, attempt_id: int, lang: str, seconds: int | None) -> None:
    with services.session() as session:
        save_options(session=session, attempt_id=attempt_id, lang=lang, timer_s=seconds)


async def timer_for(context: BotContext, attempt_id: int) -> int | None:
    """The time limit chosen for an attempt (None for an untimed one)."""
    return await context.services.run_db(_timer, context.services, attempt_id)


def _timer(services: Services, attempt_id: int) -> int | None:
    with services.session() as session:
        options = load_options(session=session, attempt_id=attempt_id)
        return options.timer_s if options else None


def _quiz_language(services: Services, attempt_id: int, user_id: int) -> str:
    """The language the attempt is asked in; the user's stored one for older attempts."""
    with services.session() as session:
        options = load_options(session=session, attempt_id=attempt_id)
    return options.lang if options else language_of(services, user_id)


async def start_plan(
    context: BotContext, *, user_id: int, chat_id: int, lang: str, plan: QuizPlan,
    intro: Html | None = None, timer: int | None = None,
) -> None:  # fmt: skip
    """Store a new attempt (closing any open one), say so, and ask its first question."""
    services = context.services
    attempt_id = await services.run_db(_start, services, user_id, chat_id, plan)
    if intro is not None:
        await send_html(context, chat_id, intro)
    await remember(context, attempt_id, lang, timer)
    await advance(context, attempt_id, after=-1, lang=lang, timer=timer)


def _start(services: Services, user_id: int, chat_id: int, plan: QuizPlan) -> int:
    with services.session() as session:
        attempt = start_attempt(session=session, user_id=user_id, chat_id=chat_id, plan=plan)
        return row_id(attempt)


async def advance(
    context: BotContext, attempt_id: int, *, after: int, lang: str, timer: int | None
) -> None:
    """Ask the first unanswered question after position `after`, or end the attempt."""
    services = context.services
    found = await services.run_db(_next_question, services, attempt_id, after)
    if found is None:
        return
    if found.item_id is None:
        await finish(context, attempt_id, lang)
    elif found.plan is None:
        await _give_up(context, attempt_id, found.chat_id, lang)
    else:
        plan, total, hidden = found.plan, found.total, found.hidden
        await ask(context, found.chat_id, found.item_id, plan, total, lang, timer, hidden)


def _next_question(services: Services, attempt_id: int, after: int) -> NextQuestion | None:
    """The open attempt's first unanswered question after `after`; None once it is closed."""
    with services.session() as session:
        attempt = session.get(QuizAttempt, attempt_id)
        if attempt is None or not is_open(attempt):
            return None
        items = attempt_items(session=session, attempt_id=attempt_id)
        upcoming = item_after(items, after)
        return NextQuestion(
            chat_id=attempt.chat_id,
            item_id=row_id(upcoming) if upcoming is not None else None,
            plan=shown_item(services, session, attempt, upcoming),
            total=len(items),
            hidden=answers_hidden(services, session, attempt),
        )


def shown_item(
    services: Services, session: Session, attempt: QuizAttempt, item: QuizAttemptItem | None
) -> PlanItem | None:
    """The item as it was shown; None when its question left or changed in the bank."""
    if item is None:
        return None
    try:
        return plan_item_for(item, bank_for(services, session, attempt))
    except NotFoundError as error:
        log.warning("attempt %s cannot go on: %s", attempt.id, error)
        return None


async def _give_up(context: BotContext, attempt_id: int, chat_id: int, lang: str) -> None:
    """Close an attempt whose questions changed under it, and say so."""
    await context.services.run_db(_abandon, context.services, attempt_id)
    await send_html(context, chat_id, t("quiz.unavailable", lang))


def _abandon(services: Services, attempt_id: int) -> None:
    with services.session() as session:
        abandon_attempt(session=session, attempt_id=attempt_id)


async def ask(
    context: BotContext, chat_id: int, item_id: int, plan: PlanItem, total: int, lang: str,
    timer: int | None, hidden: bool = False,
) -> None:  # fmt: skip
    """Show one question: a native quiz poll, or buttons for an ordering."""
    if plan.question.is_ordering:
        markup = kb.ordering_keyboard(item_id, plan.shown_options(lang), [], lang)
        await send_html(context, chat_id, ordering_text(plan, total, [], lang), markup)
        return
    poll = quiz_poll(plan, total, lang, timer, hidden=hidden)
    message = await context.bot.send_poll(chat_id, **poll)
    if message.poll is None:
        raise RuntimeError("sendPoll returned a message without a poll")
    await _remember_poll(context.services, item_id, message.poll.id, message.message_id)


async def _remember_poll(services: Services, item_id: int, poll_id: str, message_id: int) -> None:
    """Store which item the poll shows; its answers and closing wait until that is done."""
    stored = _RECORDING[poll_id] = asyncio.Event()
    try:
        await services.run_db(_record_poll, services, item_id, poll_id, message_id)
    finally:
        stored.set()
        del _RECORDING[poll_id]


async def _poll_recorded(poll_id: str) -> None:
    """Wait while this process is still storing which item the poll shows."""
    recording = _RECORDING.get(poll_id)
    if recording is not None:
        await recording.wait()


def _record_poll(services: Services, item_id: int, poll_id: str, message_id: int) -> None:
    with services.session() as session:
        record_poll(
            session=session, attempt_item_id=item_id, poll_id=poll_id, message_id=message_id
        )


async def finish(context: BotContext, attempt_id: int, lang: str) -> None:
    """Close the attempt and send the score card with review, retake and practice buttons."""
    services = context.services
    attempt = await services.run_db(_attempt, services, attempt_id)
    if attempt is None:
        return
    hooks = _MODES.get(attempt.mode)
    if hooks is not None and hooks.finish is not None:
        await hooks.finish(context, attempt_id, lang)
        return
    card, text = await services.run_db(_score, services, attempt, lang)
    markup = kb.score_buttons(attempt_id, card.total - card.correct, lang)
    await send_html(context, attempt.chat_id, text, markup)


def _attempt(services: Services, attempt_id: int) -> QuizAttempt | None:
    with services.session() as session:
        return session.get(QuizAttempt, attempt_id)


def _score(services: Services, attempt: QuizAttempt, lang: str) -> tuple[ScoreCard, Html]:
    """Close the attempt; its score card and the card's text."""
    with services.session() as session:
        card = finish_attempt(session=session, attempt_id=row_id(attempt))
        return card, score_card(card, attempt.mode, bank_for(services, session, attempt), lang)


async def receive_poll_answer(update: Update, context: BotContext) -> None:
    """Grade a quiz poll answer and ask the next question; forged or stale ones change nothing."""
    answer = update.poll_answer
    if answer is None or answer.user is None or not answer.option_ids:
        return
    services = context.services
    choice = list(answer.option_ids)
    await _poll_recorded(answer.poll_id)
    outcome = await services.run_db(_grade, services, answer.poll_id, answer.user.id, choice)
    if isinstance(outcome, Rejected):
        log.info("poll answer from %s ignored: %s", answer.user.id, outcome.value)
        return
    lang = (await profile_of(update, services)).lang
    timer = await timer_for(context, outcome.attempt_id)
    await remember(context, outcome.attempt_id, lang, timer)
    try:
        await advance(context, outcome.attempt_id, after=outcome.position, lang=lang, timer=timer)
    except TelegramError as error:
        if isinstance(error, Forbidden) or maybe_delivered(error):
            raise  # blocked (no one to tell), or maybe sent (telling would confuse)
        log.warning("next question for attempt %s not sent: %s", outcome.attempt_id, error)
        markup = kb.resume_buttons(outcome.attempt_id, lang)
        await send_html(context, answer.user.id, t("quiz.send_failed", lang), markup)


def _grade(
    services: Services, poll_id: str, user_id: int, option_ids: list[int]
) -> AnswerOutcome | Rejected:
    """Record the answer (a worker thread runs this, one transaction per try).

    With several workers the poll may have been sent by another one that is storing its id
    just now: an unknown poll is looked up again, in a new transaction, a moment later.
    """
    for tries_left in reversed(range(UNKNOWN_POLL_TRIES)):
        with services.session() as session:
            outcome = _grade_in(session, poll_id, user_id, option_ids)
        if outcome != Rejected.UNKNOWN_POLL or not tries_left:
            return outcome
        time.sleep(UNKNOWN_POLL_PAUSE_S)
    raise AssertionError("unreachable")


def _grade_in(
    session: Session, poll_id: str, user_id: int, option_ids: list[int]
) -> AnswerOutcome | Rejected:
    """Record the answer; a poll sent just before the bot died unrecorded is adopted first."""
    outcome = record_answer(
        session=session, poll_id=poll_id, user_id=user_id, option_ids=option_ids,
        answered_at=utc_now(),
    )  # fmt: skip
    if outcome == Rejected.UNKNOWN_POLL and adopt_orphan_poll(session, poll_id, user_id):
        outcome = record_answer(
            session=session, poll_id=poll_id, user_id=user_id, option_ids=option_ids,
            answered_at=utc_now(),
        )  # fmt: skip
    return outcome


def adopt_orphan_poll(session: Session, poll_id: str, user_id: int) -> bool:
    """Match a poll the bot sent but never recorded (it died in between) to its question.

    Poll ids come from Telegram and cannot be forged, and the bot sends one poll at a
    time: an unknown poll answered by someone whose open attempt's current question shows
    no poll yet is that question's.
    """
    attempt = current_attempt(session=session, user_id=user_id)
    item = next_item(session=session, attempt_id=row_id(attempt)) if attempt else None
    if item is None or item.poll_id is not None:
        return False
    record_poll(session=session, attempt_item_id=row_id(item), poll_id=poll_id, message_id=None)
    log.info("adopted poll %s for attempt item %s (sent before a restart)", poll_id, item.id)
    return True


async def receive_closed_poll(update: Update, context: BotContext) -> None:
    """A timed poll closed unanswered: count it as not answered and go on."""
    poll = update.poll
    if poll is None or not poll.is_closed:
        return
    await _poll_recorded(poll.id)
    services = context.services
    found = await services.run_db(_unanswered_poll, services, poll.id)
    if found is None:
        return
    attempt, item = found
    lang = await services.run_db(_quiz_language, services, row_id(attempt), attempt.user_id)
    await send_html(context, attempt.chat_id, t("quiz.timeout", lang, number=item.position + 1))
    timer = _seconds(poll.open_period)
    await advance(context, row_id(attempt), after=item.position, lang=lang, timer=timer)


def _unanswered_poll(
    services: Services, poll_id: str
) -> tuple[QuizAttempt, QuizAttemptItem] | None:
    """The open attempt and its unanswered item that a poll shows; None for anything else."""
    with services.session() as session:
        item = item_for_poll(session=session, poll_id=poll_id)
        attempt = session.get(QuizAttempt, item.attempt_id) if item else None
        if item is None or item.answered_at is not None or attempt is None:
            return None
        return (attempt, item) if is_open(attempt) else None


async def stop_old_poll(context: BotContext, chat_id: int, message_id: int | None) -> None:
    """Close a poll that was re-sent, so only the new one can be answered."""
    if message_id is None:
        return
    with contextlib.suppress(TelegramError):
        await context.bot.stop_poll(chat_id, message_id)


def _seconds(period: int | timedelta | None) -> int | None:
    """A poll's open period in seconds (PTB may give a timedelta)."""
    if isinstance(period, timedelta):
        return int(period.total_seconds())
    return period or None


def row_id(row: QuizAttempt | QuizAttemptItem) -> int:
    """The primary key of a stored quiz row."""
    if row.id is None:
        raise RuntimeError("quiz row has no id; flush first")
    return row.id
