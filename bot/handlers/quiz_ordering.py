"""Ordering questions, which a poll cannot carry: the learner taps the options in order.

The sequence tapped so far travels in the buttons' callback data (`qz:o:<item>:<taps>`), so
nothing is kept between taps and a restarted bot accepts the next tap. Every tap re-checks
that the item is the presser's and still unanswered; the last tap grades the whole order.
"""

from __future__ import annotations

import logging

from telegram import CallbackQuery, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot import keyboards_quiz as kb
from bot.context import BotContext, Services
from bot.handlers import quiz_flow
from bot.handlers.common import profile_of
from bot.handlers.quiz_flow import row_id, shown_item
from bot.handlers.quiz_render import ordering_result, ordering_text
from bot.handlers.quiz_store import open_item
from bot.texts import Html, alert
from core.timestamps import utc_now
from quizzes.service import AnswerOutcome, Rejected, attempt_items, record_item_answer
from quizzes.sessions import PlanItem

log = logging.getLogger(__name__)


async def choose_order(update: Update, context: BotContext) -> None:
    """One tap of an ordering question; the last tap grades the whole order."""
    query = update.callback_query
    if query is None:
        return
    profile = await profile_of(update, context.services)
    services = context.services
    step = kb.parse_order(query.data or "")
    found = None
    if step is not None:
        found = await services.run_db(_ordering_item, services, step, profile.telegram_id)
    if step is None or found is None:
        await query.answer(alert("button.invalid", profile.lang))
        return
    plan, total, hidden = found
    if len(step.chosen) < len(plan.option_order):
        await query.answer()
        markup = kb.ordering_keyboard(
            step.item_id, plan.shown_options(profile.lang), step.chosen, profile.lang
        )
        await _edit(query, ordering_text(plan, total, step.chosen, profile.lang), markup)
        return
    await _grade_order(update, context, step, plan, total, hidden)


def _ordering_item(
    services: Services, step: kb.OrderStep, user_id: int
) -> tuple[PlanItem, int, bool] | None:
    """The user's open ordering item with its shown plan and quiz length; None if not theirs.

    A worker thread runs this (one session).
    """
    with services.session() as session:
        found = open_item(session=session, item_id=step.item_id, user_id=user_id)
        if found is None or found[1].kind != "ordering":
            return None
        attempt, item = found
        plan = shown_item(services, session, attempt, item)
        total = len(attempt_items(session=session, attempt_id=row_id(attempt)))
        hidden = quiz_flow.answers_hidden(services, session, attempt)
    if plan is None or any(index >= len(plan.option_order) for index in step.chosen):
        return None
    return plan, total, hidden


async def _grade_order(
    update: Update, context: BotContext, step: kb.OrderStep, plan: PlanItem, total: int,
    hidden: bool,
) -> None:  # fmt: skip
    """Store the full order, show the verdict in place, and ask the next question."""
    query = update.callback_query
    assert query is not None
    services = context.services
    profile = await profile_of(update, services)
    outcome = await services.run_db(_record_order, services, step, profile.telegram_id)
    if isinstance(outcome, Rejected):
        await query.answer(alert("button.invalid", profile.lang))
        return
    await query.answer()
    verdict = ordering_result(
        plan, total, step.chosen, outcome.correct, profile.lang, hidden=hidden
    )
    await _edit(query, verdict, None)
    timer = await quiz_flow.timer_for(context, outcome.attempt_id)
    await quiz_flow.advance(
        context, outcome.attempt_id, after=outcome.position, lang=profile.lang, timer=timer
    )


def _record_order(
    services: Services, step: kb.OrderStep, user_id: int
) -> AnswerOutcome | Rejected:
    with services.session() as session:
        return record_item_answer(
            session=session, attempt_item_id=step.item_id, user_id=user_id,
            shown_choice=list(step.chosen), answered_at=utc_now(),
        )  # fmt: skip


async def _edit(query: CallbackQuery, text: Html, markup: InlineKeyboardMarkup | None) -> None:
    """Edit the question in place; a message too old to edit is not worth failing for."""
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except TelegramError as error:
        log.info("could not edit a quiz message: %s", error)
