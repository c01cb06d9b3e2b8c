"""/kb for admins: list, remove (with a preview), history, rollback (asked first), tests.

Uploads and the go-live / cancel buttons live in `kb_upload`. Everything here is wrapped in
`require_role(Role.ADMIN)`: anyone else gets a polite refusal and nothing changes. Work that
touches the index or the database runs off the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.context import BotContext, RuamKitApp
from bot.handlers import kb_upload
from bot.handlers.common import (
    Profile,
    parse_id,
    profile_of,
    require_role,
    send_html,
)
from bot.handlers.kb_common import actor_of, knowledge_admin
from bot.handlers.kb_render import (
    ROLLBACK_BUTTON,
    render_documents,
    render_history,
    render_rollback,
    render_tests,
)
from bot.handlers.kb_upload import busy_reason, run_staging
from bot.texts import Html, t
from core.errors import IndexError_, NotFoundError, ValidationError
from core.users import Role
from knowledge import thai
from knowledge.admin_questions import KbTestQuestion
from retrieval.kb_admin import StageProgress
from retrieval.kb_catalog import TestQuestionBook
from retrieval.staging import KnowledgeBaseBusyError, StagedChange

Subcommand = Callable[[BotContext, Profile, int, list[str], str], Awaitable[None]]


def register(application: RuamKitApp) -> None:
    """Add /kb, then the upload handler and its buttons."""
    application.add_handler(CommandHandler("kb", kb_command))
    application.add_handler(CallbackQueryHandler(press_rollback, pattern=ROLLBACK_BUTTON))
    kb_upload.register(application)


@require_role(Role.ADMIN)
async def kb_command(update: Update, context: BotContext) -> None:
    """/kb SUBCOMMAND …: dispatch, or show how to use it."""
    message = update.effective_message
    if message is None:
        return
    profile = await profile_of(update, context.services)
    args = context.args or []
    handler = SUBCOMMANDS.get(args[0].lower()) if args else None
    if handler is None:
        await message.reply_html(t("kb.usage", profile.lang))
        return
    await handler(context, profile, message.chat_id, args[1:], message.text or "")


async def list_documents(
    context: BotContext, profile: Profile, chat_id: int, _args: list[str], _text: str
) -> None:
    """/kb list: live documents with passages, who added them and when."""
    admin = knowledge_admin(context.services)
    documents = await asyncio.to_thread(admin.documents)
    pending = await context.services.run_db(admin.pending)
    version = admin.kb.versions.current() or "-"
    tz = context.services.settings.timezone
    text = render_documents(documents, version, pending, profile.lang, tz)
    await send_html(context, chat_id, text)


async def remove_document(
    context: BotContext, profile: Profile, chat_id: int, args: list[str], _text: str
) -> None:
    """/kb remove DOC|NUMBER: stage the knowledge base without it and show the preview."""
    lang = profile.lang
    if len(args) != 1:
        await send_html(context, chat_id, t("kb.remove.usage", lang))
        return
    admin, actor = knowledge_admin(context.services), actor_of(profile)
    documents = await asyncio.to_thread(admin.documents)
    doc = _pick(args[0], [info.doc for info in documents])
    if doc is None:
        await send_html(context, chat_id, t("kb.remove.unknown", lang, doc=args[0]))
        return

    def stage(progress: StageProgress) -> StagedChange:
        return admin.stage_removal(doc, actor=actor, progress=progress)

    working = t("kb.working_remove", lang, file=doc)
    await run_staging(context, profile, chat_id, working, doc, stage)


def _pick(choice: str, docs: list[str]) -> str | None:
    """A document by its name or its number in /kb list."""
    if choice.isdigit() and 1 <= int(choice) <= len(docs):
        return docs[int(choice) - 1]
    return choice if choice in docs else None


async def show_history(
    context: BotContext, profile: Profile, chat_id: int, _args: list[str], _text: str
) -> None:
    """/kb history: what went live (or was rolled back to), when, by whom."""
    admin, tz = knowledge_admin(context.services), context.services.settings.timezone
    events = admin.history()
    live = admin.kb.versions.current()
    await send_html(context, chat_id, render_history(events, live, profile.lang, tz))


async def roll_back(
    context: BotContext, profile: Profile, chat_id: int, _args: list[str], _text: str
) -> None:
    """/kb rollback: show which version would come back (date, documents) and ask first."""
    versions, lang = knowledge_admin(context.services).kb.versions, profile.lang
    previous = versions.previous()
    if previous is None:
        await send_html(context, chat_id, t("kb.rollback.none", lang))
        return
    current = versions.current()
    text, markup = render_rollback(
        previous,
        versions.went_live_at(previous),
        versions.documents(previous),
        versions.documents(current) if current else {},
        lang,
        context.services.settings.timezone,
    )
    await send_html(context, chat_id, text, markup)


@require_role(Role.ADMIN)
async def press_rollback(update: Update, context: BotContext) -> None:
    """The rollback question's buttons: roll back to the version shown, or change nothing."""
    query, profile = update.callback_query, (await profile_of(update, context.services))
    match = ROLLBACK_BUTTON.match(query.data or "") if query else None
    if query is None or query.message is None or match is None:
        return
    chat_id, lang = query.message.chat.id, profile.lang
    await query.answer()
    with contextlib.suppress(TelegramError):
        await query.edit_message_reply_markup(None)
    if match.group(1) == "no":
        await send_html(context, chat_id, t("kb.rollback.cancelled", lang))
        return
    if knowledge_admin(context.services).kb.versions.previous() != match.group(1):
        await send_html(context, chat_id, t("kb.rollback.stale", lang))
        return
    await _do_roll_back(context, profile, chat_id)


async def _do_roll_back(context: BotContext, profile: Profile, chat_id: int) -> None:
    """The previous version goes live again."""
    admin, lang = knowledge_admin(context.services), profile.lang
    try:
        version = await asyncio.to_thread(admin.rollback, actor=actor_of(profile))
    except KnowledgeBaseBusyError as error:
        key, values = busy_reason(error, profile)
        await send_html(context, chat_id, t(key, lang, **values))
        return
    except IndexError_:
        await send_html(context, chat_id, t("kb.rollback.none", lang))
        return
    await send_html(context, chat_id, t("kb.rollback.done", lang, version=version))


async def manage_tests(
    context: BotContext, profile: Profile, chat_id: int, args: list[str], text: str
) -> None:
    """/kb test add Q | EXPECTED, /kb test list, /kb test remove N."""
    action = args[0].lower() if args else ""
    if action == "add":
        reply = await _add_test(context, profile, text)
    elif action == "list":
        book = knowledge_admin(context.services).tests
        rows, shipped = await context.services.run_db(_test_questions, book)
        reply = render_tests(rows, shipped, profile.lang)
    elif action == "remove" and len(args) == 2 and (row := parse_id(args[1])) is not None:
        reply = await _remove_test(context, profile, row)
    else:
        reply = t("kb.test.usage", profile.lang)
    await send_html(context, chat_id, reply)


async def _add_test(context: BotContext, profile: Profile, text: str) -> Html:
    """Store the question and say whether the live version already finds it."""
    rest = text.split(maxsplit=3)[3] if len(text.split(maxsplit=3)) == 4 else ""
    question, _bar, expected = rest.partition("|")
    if not _bar:
        return t("kb.test.usage", profile.lang)
    admin, lang = knowledge_admin(context.services), thai.detect_language(question)
    try:
        row = await context.services.run_db(
            admin.tests.add, question, expected, lang=lang, actor=actor_of(profile)
        )
    except ValidationError:
        return t("kb.test.invalid", profile.lang)
    found = await asyncio.to_thread(admin.live_finds, row)
    status = t("kb.test.found_now" if found else "kb.test.missed_now", profile.lang)
    return t("kb.test.added", profile.lang, id=row.id, status=status)


def _test_questions(book: TestQuestionBook) -> tuple[list[KbTestQuestion], int]:
    """The test questions admins added, and how many ship with RuamKit."""
    rows = book.added()
    return rows, len(book.all()) - len(rows)


async def _remove_test(context: BotContext, profile: Profile, question_id: int) -> Html:
    book = knowledge_admin(context.services).tests
    try:
        await context.services.run_db(book.remove, question_id, actor=actor_of(profile))
    except NotFoundError:
        return t("kb.test.unknown", profile.lang, id=question_id)
    return t("kb.test.removed", profile.lang, id=question_id)


SUBCOMMANDS: dict[str, Subcommand] = {
    "list": list_documents,
    "remove": remove_document,
    "history": show_history,
    "rollback": roll_back,
    "test": manage_tests,
}
