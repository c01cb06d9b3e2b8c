"""Questions: any private text is a question; answers carry sources and 👍/👎 buttons."""

from __future__ import annotations

from dataclasses import asdict

from telegram import CallbackQuery, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, filters

from bot import callbacks, keyboards
from bot.context import BotContext, RuamKitApp, Services
from bot.handlers.common import Profile, profile_of, send_html, typing
from bot.rendering import render_answer, render_sources
from bot.texts import Html, alert, t
from core.feedback import AnswerRecord, Feedback, get_answer_for, record_answer, set_feedback
from knowledge.thai import detect_language
from retrieval.answer import Answer
from retrieval.prompts import topics

QUESTION = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND


def register(application: RuamKitApp) -> None:
    """Add the answer buttons (`routing` hands private text that is no answer to a form here)."""
    application.add_handler(CallbackQueryHandler(show_sources, pattern=callbacks.SOURCES))
    application.add_handler(CallbackQueryHandler(store_feedback, pattern=callbacks.FEEDBACK))
    application.add_handler(CallbackQueryHandler(ask_topic, pattern=callbacks.ASK_TOPIC))


async def answer_question(update: Update, context: BotContext) -> None:
    """Answer a typed question from the lecture, or refuse politely with topics to try."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    profile = await profile_of(update, context.services)
    await reply_to_question(context, profile, message.chat_id, message.text.strip())


async def ask_topic(update: Update, context: BotContext) -> None:
    """Ask the suggested topic whose button was pressed."""
    query = update.callback_query
    choice = callbacks.parse_topic(query.data or "") if query else None
    suggestions = topics(choice.lang) if choice else []
    if query is None or query.message is None or choice is None:
        return
    profile = await profile_of(update, context.services)
    if choice.index >= len(suggestions):
        await query.answer(alert("button.invalid", profile.lang))
        return
    await query.answer()
    question = suggestions[choice.index]
    await reply_to_question(context, profile, query.message.chat.id, question, echo=True)


async def reply_to_question(
    context: BotContext, profile: Profile, chat_id: int, question: str, *, echo: bool = False
) -> None:
    """Check the length, answer with "typing…" shown, store the answer, and send it."""
    services = context.services
    limit = services.settings.max_question_chars
    if len(question) > limit:
        note = t("too_long", profile.lang, length=len(question), limit=limit)
        await send_html(context, chat_id, note)
        return
    async with typing(context, chat_id):
        answer = await services.ask(question, reply_language(question, profile.lang))
    answer_id = await services.run_db(_store, context, profile, chat_id, question, answer)
    await _send_answer(context, chat_id, answer, answer_id, question if echo else None)


def reply_language(question: str, chosen: str) -> str:
    """English questions get English answers; others the language the user chose (/lang)."""
    return "en" if detect_language(question) == "en" else chosen


def _store(
    context: BotContext, profile: Profile, chat_id: int, question: str, answer: Answer
) -> int:
    """Keep the answer for the sources button, feedback and review; returns its id."""
    with context.services.session() as session:
        record = record_answer(
            session=session,
            user_id=profile.telegram_id,
            chat_id=chat_id,
            question=question,
            answer=answer.answer,
            citations=[asdict(c) for c in answer.citations],
            found=answer.found,
            lang=answer.lang,
            mode=answer.mode,
            confidence=round(answer.confidence, 4),
        )
        assert record.id is not None
        return record.id


async def _send_answer(
    context: BotContext, chat_id: int, answer: Answer, answer_id: int, echo: str | None
) -> None:
    """A cited answer with its buttons, or a refusal offering the lecture's topics."""
    lang = answer.lang
    if answer.found:
        citations = [asdict(c) for c in answer.citations]
        markup = keyboards.answer_buttons(answer_id, lang, has_sources=bool(citations))
        await send_html(
            context, chat_id, render_answer(answer.answer, citations, lang, echo), markup
        )
        return
    text = t("refusal", lang)
    if echo:
        text = Html(t("answer.question", lang, question=echo) + "\n\n" + text)
    offered = answer.suggestions or topics(lang)
    await send_html(context, chat_id, text, keyboards.topic_buttons(lang, _known(lang, offered)))


def _known(lang: str, offered: list[str]) -> list[str]:
    """The suggested topics in the order of `topics(lang)`, so button indexes resolve."""
    wanted = set(offered)
    return [topic for topic in topics(lang) if topic in wanted]


async def show_sources(update: Update, context: BotContext) -> None:
    """Send the full text of the passages an answer cited (only to whoever got the answer)."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    profile = await profile_of(update, context.services)
    services = context.services
    answer_id = callbacks.parse_sources(query.data or "")
    record = None
    if answer_id is not None:
        record = await services.in_session(
            get_answer_for, answer_id=answer_id, user_id=profile.telegram_id
        )
    if record is None or not record.citations:
        await query.answer(alert("button.invalid", profile.lang))
        return
    await query.answer()
    await send_html(context, query.message.chat.id, render_sources(record.citations, record.lang))


async def store_feedback(update: Update, context: BotContext) -> None:
    """Store 👍/👎 on the user's own answer and tick the chosen button."""
    query = update.callback_query
    if query is None:
        return
    profile = await profile_of(update, context.services)
    services = context.services
    choice = callbacks.parse_feedback(query.data or "")
    record = None
    if choice is not None:
        record = await services.run_db(
            _set_feedback, services, choice.answer_id, profile.telegram_id, choice.feedback
        )
    if record is None or choice is None or record.id is None:
        await query.answer(alert("button.invalid", profile.lang))
        return
    await query.answer(alert(f"feedback.{choice.feedback.value}", profile.lang))
    markup = keyboards.answer_buttons(
        record.id, record.lang, has_sources=bool(record.citations), chosen=choice.feedback
    )
    await _edit_markup(query, markup)


def _set_feedback(
    services: Services, answer_id: int, user_id: int, feedback: Feedback
) -> AnswerRecord | None:
    with services.session() as session:
        return set_feedback(
            session=session, answer_id=answer_id, user_id=user_id, feedback=feedback
        )


async def _edit_markup(query: CallbackQuery, markup: InlineKeyboardMarkup) -> None:
    """Replace the buttons; pressing the same verdict twice changes nothing, which is fine."""
    try:
        await query.edit_message_reply_markup(markup)
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise
