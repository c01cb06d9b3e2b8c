"""/import: trainers upload questions as CSV, Moodle GIFT or Aiken; a report lists errors by line.

A file is taken as an import only after /import (within an hour) or with the caption
/import; any other document goes on to the knowledge-base upload handler. A file with any
error imports nothing. Imported questions are stored apart from the built-in bank and can be
picked in /assign (by their topic).
"""

from __future__ import annotations

import asyncio
from io import BytesIO
from pathlib import Path

from telegram import InputFile, Update
from telegram.error import TelegramError

from bot import keyboards_trainer as kb
from bot.context import BotContext, Services
from bot.handlers.common import Profile, profile_of, refuse, require_role, send_html
from bot.handlers.trainer_common import answer_invalid, format_time, zone_of
from bot.handlers.trainer_state import Step, awaits, clear_draft, get_draft, new_draft
from bot.rendering import escape
from bot.texts import Html, alert, plain, t
from core.errors import NotFoundError
from core.timestamps import utc_now
from core.users import Role
from knowledge.catalog import known_locators
from quizzes.importers import (
    ImportBatch,
    ImportReport,
    csv_template,
    import_batches,
    parse_upload,
    retire_batch,
    save_import,
)
from quizzes.importers.common import MAX_UPLOAD_BYTES

CAPTION = "/import"
TEMPLATE_NAME = "ruamkit-questions-template.csv"
MAX_BATCHES = 10
IMPORT_STEPS = frozenset({Step.IMPORT})


def expects_import(services: Services, caption: str | None, sender: int) -> bool:
    """Whether a private document is an import: captioned /import, or sent while /import waits."""
    if (caption or "").strip().lower().startswith(CAPTION):
        return True
    with services.session() as session:
        return awaits(get_draft(session=session, telegram_id=sender), IMPORT_STEPS, utc_now())


@require_role(Role.TRAINER)
async def import_command(update: Update, context: BotContext) -> None:
    """/import: wait for a file; explain the formats; list earlier imports."""
    message = update.effective_message
    if message is None:
        return
    profile = await profile_of(update, context.services)
    batches = await context.services.run_db(_await_file, context.services, profile.telegram_id)
    active = [b for b in batches if b.active][:MAX_BATCHES]
    lines = [
        t("tr.import.batch_line", profile.lang, name=b.source_name, count=len(b.question_ids),
          when=format_time(b.created_at, profile.lang, zone_of(context.services)))
        for b in active
    ]  # fmt: skip
    listed = t("tr.import.batches", profile.lang, lines=Html("\n".join(lines))) if lines else ""
    buttons = [kb.button(plain("tr.button.template", profile.lang), kb.TEMPLATE)]
    buttons += [
        kb.button(plain("tr.button.retire", profile.lang, name=b.source_name), f"tr:ir:{b.batch}")
        for b in active
    ]
    text = t("tr.import.prompt", profile.lang, batches=Html(listed))
    await message.reply_html(text, reply_markup=kb.column(buttons))


def _await_file(services: Services, owner_id: int) -> list[ImportBatch]:
    """Make the trainer's form wait for a file; their earlier imports."""
    with services.session() as session:
        new_draft(session=session, telegram_id=owner_id, step=Step.IMPORT)
        return import_batches(session=session, owner_id=owner_id)


async def receive_file(update: Update, context: BotContext) -> None:
    """Check the uploaded file, report every problem by line, import only a clean file."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    profile = await profile_of(update, context.services)
    if not profile.role.allows(Role.TRAINER):
        await refuse(update, profile.lang, Role.TRAINER)
        return
    name = message.document.file_name or "questions.txt"
    content = await download_questions(
        context, message.document.file_id, message.document.file_size
    )
    await import_content(context, message.chat_id, profile, name, content)


async def import_content(
    context: BotContext, chat_id: int, profile: Profile, name: str, content: bytes | None
) -> None:
    """Check a question file, report every problem by line, import only a clean file."""
    if content is None:
        await send_html(
            context, chat_id, t("tr.import.too_big", profile.lang, kb=MAX_UPLOAD_BYTES // 1024)
        )
        return
    # Parsing the file and reading every source's slide numbers is work for a thread.
    report = await asyncio.to_thread(
        check_file, context.services.settings.source_dir, name, content
    )
    text = t("tr.import.report", profile.lang, report=Html(escape(report.describe(profile.lang))))
    if not report.ok:
        await send_html(context, chat_id, text)  # the form still waits: send the corrected file
        return
    batch = await context.services.run_db(_save, context.services, profile.telegram_id, report)
    done = t(
        "tr.import.saved",
        profile.lang,
        count=len(batch.question_ids),
        first=batch.question_ids[0],
        last=batch.question_ids[-1],
    )
    await send_html(context, chat_id, Html(f"{text}\n\n{done}"))


def check_file(source_dir: Path, name: str, content: bytes) -> ImportReport:
    """Parse a question file against the slides the sources hold (blocking)."""
    return parse_upload(name, content, known_slides=known_locators(source_dir))


def _save(services: Services, owner_id: int, report: ImportReport) -> ImportBatch:
    """Store a clean file's questions and close the /import form."""
    with services.session() as session:
        batch = save_import(session=session, owner_id=owner_id, report=report)
        clear_draft(session=session, telegram_id=owner_id)
        return batch


async def download_questions(
    context: BotContext, file_id: str, file_size: int | None
) -> bytes | None:
    """The file's bytes, or None when it is too large (or could not be fetched)."""
    if file_size is not None and file_size > MAX_UPLOAD_BYTES:
        return None
    try:
        file = await context.bot.get_file(file_id)
        buffer = BytesIO()
        await file.download_to_memory(out=buffer)
    except TelegramError:
        return None
    data = buffer.getvalue()
    return data if len(data) <= MAX_UPLOAD_BYTES else None


@require_role(Role.TRAINER)
async def press_template(update: Update, context: BotContext) -> None:
    """Send the CSV template."""
    query, profile = update.callback_query, (await profile_of(update, context.services))
    if query is None or query.message is None:
        return
    await query.answer()
    caption = plain("tr.import.template_caption", profile.lang)
    await context.bot.send_document(
        query.message.chat.id, InputFile(csv_template(), filename=TEMPLATE_NAME), caption=caption
    )


@require_role(Role.TRAINER)
async def press_retire(update: Update, context: BotContext) -> None:
    """Withdraw one imported file's questions from future assignments."""
    query, profile = update.callback_query, (await profile_of(update, context.services))
    found = kb.words(kb.RETIRE, query.data or "") if query else None
    if query is None:
        return
    if found is None:
        await answer_invalid(query, profile.lang)
        return
    services = context.services
    try:
        count = await services.in_session(
            retire_batch, owner_id=profile.telegram_id, batch=found[0]
        )
    except NotFoundError:
        await answer_invalid(query, profile.lang)
        return
    await query.answer(alert("tr.import.retired", profile.lang, count=count), show_alert=True)
