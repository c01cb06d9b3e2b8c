"""/practice (Leitner practice of missed questions) and /myresults (attempts and progress)."""

from __future__ import annotations

import random
from datetime import datetime

from telegram import Update
from telegram.ext import CommandHandler

from bot.context import BotContext, RuamKitApp, Services
from bot.handlers import quiz_flow
from bot.handlers.common import profile_of, send_html
from bot.handlers.quiz_render import results
from bot.handlers.quiz_store import next_due_at
from bot.texts import Html, t
from core.dates import format_datetime
from core.timestamps import utc_now
from quizzes.service import UserResults, due_practice, results_for_user
from quizzes.sessions import build_practice

PRACTICE_LENGTH = 10
RESULTS_SHOWN = 5


def register(application: RuamKitApp) -> None:
    """Add /practice and /myresults."""
    application.add_handler(CommandHandler("practice", start_practice))
    application.add_handler(CommandHandler("myresults", show_results))


async def start_practice(update: Update, context: BotContext) -> None:
    """Practise the questions due in the learner's Leitner boxes, most overdue first."""
    services = context.services
    profile = await profile_of(update, services)
    chat = update.effective_chat
    if chat is None:
        return
    now = utc_now()
    due, upcoming = await services.run_db(_due_cards, services, profile.telegram_id, now)
    plan = build_practice(services.question_bank, due, length=PRACTICE_LENGTH, rng=random.Random())
    if not plan.items:
        await send_html(
            context, chat.id, _nothing_due(profile.lang, upcoming, now, services.settings.timezone)
        )
        return
    intro = t("quiz.practice_started", profile.lang, count=len(plan))
    await quiz_flow.start_plan(
        context, user_id=profile.telegram_id, chat_id=chat.id, lang=profile.lang, plan=plan,
        intro=intro,
    )  # fmt: skip


def _due_cards(
    services: Services, user_id: int, now: datetime
) -> tuple[list[str], datetime | None]:
    """The questions due for practice now, and when the next card falls due."""
    with services.session() as session:
        due = due_practice(session=session, user_id=user_id, now=now)
        return due, next_due_at(session=session, user_id=user_id)


def _nothing_due(lang: str, upcoming: datetime | None, now: datetime, tz: str) -> Html:
    """When the next card is due, or how cards get into the boxes in the first place."""
    if upcoming is None or upcoming <= now:
        return t("quiz.practice_empty", lang)
    return t("quiz.practice_none_due", lang, when=format_datetime(upcoming, lang, tz))


async def show_results(update: Update, context: BotContext) -> None:
    """The latest attempts, right answers by topic, and the Leitner boxes."""
    services = context.services
    profile = await profile_of(update, services)
    chat = update.effective_chat
    if chat is None:
        return
    summary = await services.run_db(_summary, services, profile.telegram_id)
    if not summary.attempts:
        await send_html(context, chat.id, t("quiz.results_empty", profile.lang))
        return
    text = results(summary, services.question_bank, profile.lang, services.settings.timezone)
    await send_html(context, chat.id, text)


def _summary(services: Services, user_id: int) -> UserResults:
    with services.session() as session:
        return results_for_user(
            session=session, user_id=user_id, limit=RESULTS_SHOWN, now=utc_now()
        )
