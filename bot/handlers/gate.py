"""Runs before every handler: remembers the user and enforces the per-user rate limit."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ApplicationHandlerStop, TypeHandler

from bot.context import BotContext, RuamKitApp, Services
from bot.handlers.common import profile_of
from bot.texts import alert, t
from core.users import touch_user

GATE_GROUP = -1


def register(application: RuamKitApp) -> None:
    """Add the gate in its own group, ahead of every feature."""
    application.add_handler(TypeHandler(Update, admit_update), group=GATE_GROUP)


async def admit_update(update: Update, context: BotContext) -> None:
    """Record the user; stop the update here when they are over the rate limit."""
    person = update.effective_user
    if person is None or person.is_bot:
        return
    services = context.services
    if not services.recent_users.is_stored(person.id, person.first_name):
        await services.run_db(_touch, services, person.id, person.first_name)
        services.recent_users.stored(person.id, person.first_name)
    if update.message is None and update.callback_query is None:
        return
    limiter = services.limiter if update.message is not None else services.button_limiter
    decision = await limiter.admit(person.id)
    if decision.allowed:
        return
    lang = (await profile_of(update, services)).lang
    seconds = decision.wait_seconds
    if update.callback_query is not None:
        # A pressed button shows a spinner until answered, so always answer it.
        await update.callback_query.answer(alert("slow_down", lang, seconds=seconds))
    elif decision.notify and update.message is not None:
        await update.message.reply_html(t("slow_down", lang, seconds=seconds))
    raise ApplicationHandlerStop


def _touch(services: Services, telegram_id: int, first_name: str) -> None:
    """Record the user (a worker thread runs this)."""
    with services.session() as session:
        touch_user(session=session, telegram_id=telegram_id, first_name=first_name)
