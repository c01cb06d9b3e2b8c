"""Uploads: an admin's document is checked, staged, previewed and gated, then confirmed.

Staging runs off the event loop, so officials keep getting answers from the live version;
the admin's button then makes the staged version live or cancels it. A trainer's question
file (.gift, .csv, .txt) is offered to /import instead, and an admin whose file could be
either is asked which they mean (`kb_file_choice`). Officials' files are refused politely.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from concurrent.futures import Future
from io import BytesIO

from telegram import Document, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import CallbackQueryHandler

from bot.context import BotContext, RuamKitApp, Services
from bot.handlers import kb_file_choice as choice
from bot.handlers.common import (
    Profile,
    profile_of,
    refuse,
    require_role,
    send_html,
    typing,
)
from bot.handlers.kb_common import CHANGE_BUTTON, actor_of, knowledge_admin, parse_change
from bot.handlers.kb_render import change_buttons, render_change, render_problem
from bot.handlers.trainer_import import download_questions, import_content
from bot.handlers.trainer_state import TrainerDraft, clear_draft
from bot.texts import Html, alert, plain, t
from core.errors import DocumentError, NotFoundError
from core.users import Role
from knowledge.validation import MAX_UPLOAD_BYTES, Problem, UploadRejected, safe_file_name
from retrieval.kb_admin import StageProgress
from retrieval.staging import (
    KnowledgeBaseBusyError,
    NothingToChangeError,
    StagedChange,
    StaleChangeError,
)

PROGRESS_EVERY_S = 3.0
SMALL_JOB = 32  # passages; below this the progress note is not worth an edit


def register(application: RuamKitApp) -> None:
    """Add the go-live / cancel and file-choice buttons (`routing` hands documents here)."""
    application.add_handler(CallbackQueryHandler(answer_change_button, pattern=CHANGE_BUTTON))
    application.add_handler(CallbackQueryHandler(press_file_choice, pattern=choice.FILE_CHOICE))


async def receive_document(update: Update, context: BotContext) -> None:
    """An admin's file is staged and previewed; a trainer's question file is offered to /import."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    profile = await profile_of(update, context.services)
    name = safe_file_name(message.document.file_name or "document")
    file_id = message.document.file_id
    if not profile.role.allows(Role.ADMIN):
        if profile.role.allows(Role.TRAINER) and choice.is_question_file(name):
            await _offer(context, message.chat_id, profile, file_id, name, choice.offer_import)
            return
        trainer = profile.role.allows(Role.TRAINER)
        await message.reply_html(
            t("kb.upload_denied_trainer" if trainer else "kb.upload_denied", profile.lang)
        )
        return
    data = await _download(context, message, message.document, profile.lang, name)
    if data is None:
        return
    if await asyncio.to_thread(choice.could_be_questions, name, data):
        await _offer(context, message.chat_id, profile, file_id, name, choice.ask_admin)
        return
    await stage_document(context, profile, message.chat_id, name, data)


async def _offer(
    context: BotContext,
    chat_id: int,
    profile: Profile,
    file_id: str,
    name: str,
    render: Callable[[str, TrainerDraft | None, str], tuple[Html, InlineKeyboardMarkup | None]],
) -> None:
    """Keep the file for the buttons and show the offer (or the way to do it later)."""
    services = context.services
    draft = await services.run_db(_remember_file, services, profile, file_id, name)
    text, markup = render(name, draft, profile.lang)
    await send_html(context, chat_id, text, markup)


def _remember_file(
    services: Services, profile: Profile, file_id: str, name: str
) -> TrainerDraft | None:
    with services.session() as session:
        return choice.remember_file(session, profile, file_id, name)


def _take_file(services: Services, telegram_id: int, token: str) -> tuple[str, str] | None:
    """The kept file a button refers to, forgotten as it is taken; None when stale."""
    with services.session() as session:
        kept = choice.pending_file(session, telegram_id, token)
        if kept is not None:
            clear_draft(session=session, telegram_id=telegram_id)
        return kept


async def press_file_choice(update: Update, context: BotContext) -> None:
    """Import the kept question file, or (admins) add it to the knowledge base."""
    query, profile = update.callback_query, (await profile_of(update, context.services))
    pressed = choice.parse_choice(query.data or "") if query else None
    if query is None or query.message is None:
        return
    needed = Role.ADMIN if pressed is not None and pressed.target == "kb" else Role.TRAINER
    if not profile.role.allows(needed):
        await refuse(update, profile.lang, needed)
        return
    services, kept = context.services, None
    if pressed is not None:
        kept = await services.run_db(_take_file, services, profile.telegram_id, pressed.token)
    if pressed is None or kept is None:
        await query.answer(alert("kb.file.stale", profile.lang), show_alert=True)
        return
    await query.answer()
    await _drop_buttons(query.message)
    file_id, name = kept
    chat_id = query.message.chat.id
    if pressed.target == "imp":
        content = await download_questions(context, file_id, None)
        await import_content(context, chat_id, profile, name, content)
        return
    try:
        file = await context.bot.get_file(file_id)
        buffer = BytesIO()
        await file.download_to_memory(out=buffer)
    except TelegramError:
        await send_html(context, chat_id, t("kb.download_failed", profile.lang))
        return
    await stage_document(context, profile, chat_id, name, buffer.getvalue())


async def stage_document(
    context: BotContext, profile: Profile, chat_id: int, name: str, data: bytes
) -> None:
    """Stage an admin's file with a progress note, then show the preview and buttons."""
    admin, actor = knowledge_admin(context.services), actor_of(profile)

    def stage(progress: StageProgress) -> StagedChange:
        return admin.stage_upload(data, name, actor=actor, progress=progress)

    working = t("kb.working", profile.lang, file=name)
    await run_staging(context, profile, chat_id, working, name, stage)


async def _download(
    context: BotContext, message: Message, document: Document, lang: str, name: str
) -> bytes | None:
    """The file's bytes, or None after telling the admin why not (too big, failed)."""
    too_big = UploadRejected(name, Problem.TOO_LARGE, "over 20 MB")
    if document.file_size is not None and document.file_size > MAX_UPLOAD_BYTES:
        await message.reply_html(render_problem(too_big, name, lang))
        return None
    try:
        file = await context.bot.get_file(document.file_id)
        buffer = BytesIO()
        await file.download_to_memory(out=buffer)
    except BadRequest as error:
        problem = too_big if "too big" in str(error).lower() else None
        reply = render_problem(problem, name, lang) if problem else t("kb.download_failed", lang)
        await message.reply_html(reply)
        return None
    except TelegramError:
        await message.reply_html(t("kb.download_failed", lang))
        return None
    return buffer.getvalue()


async def run_staging(
    context: BotContext,
    profile: Profile,
    chat_id: int,
    working: str,
    file_name: str,
    stage: Callable[[StageProgress], StagedChange],
) -> None:
    """Stage off the event loop with a progress note, then show the preview and buttons."""
    lang = profile.lang
    note = await send_html(context, chat_id, working)
    progress = ProgressNote(note, lang)
    try:
        async with typing(context, chat_id):
            change = await asyncio.to_thread(stage, progress)
    except DocumentError as error:
        await send_html(context, chat_id, render_problem(error, file_name, lang))
        return
    except KnowledgeBaseBusyError as error:
        key, values = busy_reason(error, profile)
        await send_html(context, chat_id, t(key, lang, **values))
        return
    except NothingToChangeError:
        await send_html(context, chat_id, t("kb.nothing", lang))
        return
    except NotFoundError:
        await send_html(context, chat_id, t("kb.remove.unknown", lang, doc=file_name))
        return
    finally:
        await progress.finish()
    await send_html(context, chat_id, render_change(change, lang), change_buttons(change, lang))


def busy_reason(error: KnowledgeBaseBusyError, profile: Profile) -> tuple[str, dict[str, str]]:
    """The text key (and values) for "another admin is updating" or "finish yours first"."""
    holder = error.holder
    if holder is not None and holder.actor_id == profile.telegram_id:
        return "kb.busy_self", {}
    who = holder.actor if holder is not None else plain("kb.busy_other", profile.lang)
    return "kb.busy", {"who": who}


class ProgressNote:
    """Edits the "working…" note from the staging thread, at most every few seconds."""

    def __init__(self, note: Message, lang: str) -> None:
        self._note, self._lang = note, lang
        self._loop = asyncio.get_running_loop()
        self._phase, self._last = "", 0.0
        self._edits: list[Future[None]] = []

    def __call__(self, phase: str, done: int, total: int) -> None:
        """Called in the staging thread."""
        if phase == "embedding" and total < SMALL_JOB:
            return
        now = time.monotonic()
        if phase == self._phase and now - self._last < PROGRESS_EVERY_S:
            return
        self._phase, self._last = phase, now
        text = t(f"kb.progress.{phase}", self._lang, done=done, total=total)
        self._edits.append(asyncio.run_coroutine_threadsafe(self._edit(text), self._loop))

    async def _edit(self, text: str) -> None:
        with contextlib.suppress(TelegramError):  # cosmetic: never stop the staging
            await self._note.edit_text(text, parse_mode=ParseMode.HTML)

    async def finish(self) -> None:
        """Wait for pending edits, then remove the note (the preview replaces it)."""
        await asyncio.gather(*(asyncio.wrap_future(f) for f in self._edits))
        with contextlib.suppress(TelegramError):
            await self._note.delete()


@require_role(Role.ADMIN)
async def answer_change_button(update: Update, context: BotContext) -> None:
    """Go live with, or cancel, one's own staged change; stale buttons change nothing."""
    query = update.callback_query
    choice = parse_change(query.data or "") if query else None
    if query is None or query.message is None or choice is None:
        return
    profile = await profile_of(update, context.services)
    admin, actor = knowledge_admin(context.services), actor_of(profile)
    act = admin.confirm if choice.confirm else admin.cancel
    try:
        change = await asyncio.to_thread(act, choice.staging_id, actor=actor)
    except StaleChangeError as error:
        await query.answer(alert(f"kb.stale.{error.code}", profile.lang), show_alert=True)
        if error.code != "not_yours":
            await _drop_buttons(query.message)
        return
    except KnowledgeBaseBusyError as error:
        key, values = busy_reason(error, profile)
        await query.answer(alert(key, profile.lang, **values), show_alert=True)
        return
    await query.answer()
    await _drop_buttons(query.message)
    key = "kb.published" if choice.confirm else "kb.cancelled"
    await send_html(context, query.message.chat.id, t(key, profile.lang, version=change.version))


async def _drop_buttons(message: object) -> None:
    """Take the buttons off a preview that has been answered."""
    if isinstance(message, Message):
        with contextlib.suppress(TelegramError):
            await message.edit_reply_markup(None)
