"""/checklist: assess a participatory project one question at a time, resumable at any point.

Projects, assessments and answers live in the database (checklist.service); where each
person stands lives there too (checklist_state), so a conversation survives restarts.
Typed text is taken only while the conversation expects it (a new project's name, an
evidence note, a section A answer): `routing` asks `expects_text` first, and any other
text goes to `ask` as a question.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlmodel import Session
from telegram import CallbackQuery, Update
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.context import BotContext, RuamKitApp, Services
from bot.handlers import checklist_callbacks as cb
from bot.handlers import checklist_explain as explain
from bot.handlers import checklist_projects as projects
from bot.handlers import checklist_steps as steps
from bot.handlers.ask import answer_question
from bot.handlers.checklist_state import (
    Awaiting,
    clear_awaiting,
    get_chat,
    set_chat,
    takes_text,
)
from bot.handlers.checklist_steps import definition, owned_assessment, show_step
from bot.handlers.common import Profile, profile_of, send_html
from bot.texts import alert, t
from checklist.models import AssessmentStatus, ChecklistAssessment
from checklist.service import (
    MAX_EVIDENCE,
    MAX_TEXT,
    current_item,
    save_answer,
    save_evidence,
)
from core.errors import ValidationError

PressHandler = Callable[[CallbackQuery, BotContext, Profile, cb.Press], Awaitable[None]]


def register(application: RuamKitApp) -> None:
    """Add /checklist, the menu entry and the cl:* buttons (`routing` hands typed answers)."""
    application.add_handler(CommandHandler("checklist", open_checklist))
    menu = f"^{callbacks.menu('checklist')}$"
    application.add_handler(CallbackQueryHandler(open_checklist, pattern=menu))
    application.add_handler(CallbackQueryHandler(handle_press, pattern=cb.PATTERN))


def expects_text(session: Session, telegram_id: int) -> bool:
    """True while a name or evidence is awaited, or the active assessment asks a section A fact."""
    chat = get_chat(session=session, telegram_id=telegram_id)
    if chat is None or not takes_text(chat):
        return False
    if chat.awaiting != Awaiting.NOTHING:
        return True
    assessment = (
        session.get(ChecklistAssessment, chat.assessment_id) if chat.assessment_id else None
    )
    if assessment is None or assessment.status != AssessmentStatus.IN_PROGRESS:
        return False
    item = current_item(definition(), assessment)
    return item is not None and item.kind == "info"


async def open_checklist(update: Update, context: BotContext) -> None:
    """/checklist or the menu entry: the person's projects and a new-project button."""
    profile = await profile_of(update, context.services)
    chat = update.effective_chat
    if update.callback_query is not None:
        await update.callback_query.answer()
    if chat is None:
        return
    if chat.type != ChatType.PRIVATE:
        await send_html(context, chat.id, t("cl.private_only", profile.lang))
        return
    # A pending name or evidence is abandoned.
    await context.services.run_db(projects.stop_waiting, context.services, profile.telegram_id)
    await projects.send_projects(context, chat.id, profile)


async def handle_press(update: Update, context: BotContext) -> None:
    """Route a cl:* button; malformed data gets a polite answer and changes nothing."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    profile = await profile_of(update, context.services)
    press = cb.parse(query.data or "")
    handler = PRESSES.get(press.action) if press else None
    if press is None or handler is None:
        await query.answer(alert("cl.invalid", profile.lang))
        return
    await handler(query, context, profile, press)


PRESSES: dict[str, PressHandler] = {
    "list": projects.list_again,
    "new": projects.ask_name,
    "cancel": projects.cancel,
    "p": projects.open_project,
    "go": projects.begin,
    "rep": projects.resend_report,
    "a": steps.answer_item,
    "back": steps.move,
    "skip": steps.move,
    "why": explain.explain,
    "ev": steps.ask_evidence,
    "pause": steps.pause,
    "fin": steps.finish,
}


async def receive_text(update: Update, context: BotContext) -> None:
    """A project name, an evidence note or a section A answer, depending on the state."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    profile = await profile_of(update, context.services)
    chat = await context.services.in_session(get_chat, telegram_id=profile.telegram_id)
    text = " ".join(message.text.split())
    if chat is None or not takes_text(chat):
        await answer_question(update, context)
    elif chat.awaiting == Awaiting.PROJECT_NAME:
        await projects.name_project(context, profile, text)
    elif chat.awaiting == Awaiting.EVIDENCE:
        await _add_evidence(context, profile, chat.assessment_id, chat.item_id, text)
    else:
        await _answer_fact(update, context, profile, chat.assessment_id, text)


async def _add_evidence(
    context: BotContext,
    profile: Profile,
    assessment_id: int | None,
    item_id: str | None,
    text: str,
) -> None:
    """Attach the typed note to the answered item, then show the current question again."""
    if await steps.text_refused(context, profile, text, MAX_EVIDENCE):
        return
    saved = await context.services.run_db(
        _save_evidence, context.services, profile.telegram_id, assessment_id, item_id, text
    )
    if not saved:  # finished or gone since the prompt
        await send_html(context, profile.telegram_id, t("cl.evidence.closed", profile.lang))
        return
    note = t("cl.evidence.saved", profile.lang, evidence=text)
    await send_html(context, profile.telegram_id, note)
    await show_step(context, profile.telegram_id, profile.lang, assessment_id or 0)


def _save_evidence(
    services: Services, owner_id: int, assessment_id: int | None, item_id: str | None, text: str
) -> bool:
    """Stop waiting for evidence and attach it; False when the assessment is closed or gone."""
    with services.session() as session:
        assessment = owned_assessment(session, assessment_id, owner_id)
        clear_awaiting(session=session, telegram_id=owner_id)
        return assessment is not None and _evidence_saved(session, assessment, item_id, text)


def _evidence_saved(
    session: Session, assessment: ChecklistAssessment, item_id: str | None, text: str
) -> bool:
    try:
        save_evidence(session=session, assessment=assessment, item_id=item_id or "", evidence=text)
    except ValidationError:
        return False
    return True


async def _answer_fact(
    update: Update, context: BotContext, profile: Profile, assessment_id: int | None, text: str
) -> None:
    """Save a typed section A answer and ask the next item (or treat it as a question)."""
    if await steps.text_refused(context, profile, text, MAX_TEXT):
        return
    saved = await context.services.run_db(
        _save_fact, context.services, profile.telegram_id, assessment_id, text
    )
    if not saved:  # the state changed since `routing` looked: a question after all
        await answer_question(update, context)
        return
    await show_step(context, profile.telegram_id, profile.lang, assessment_id or 0)


def _save_fact(services: Services, owner_id: int, assessment_id: int | None, text: str) -> bool:
    """Save a typed section A answer; False when the current item takes no typed answer."""
    with services.session() as session:
        assessment = owned_assessment(session, assessment_id, owner_id)
        saved = assessment is not None and _fact_saved(session, assessment, text)
        if saved:
            set_chat(session=session, telegram_id=owner_id, assessment_id=assessment_id)
        return saved


def _fact_saved(session: Session, assessment: ChecklistAssessment, text: str) -> bool:
    checklist = definition()
    open_ = assessment.status == AssessmentStatus.IN_PROGRESS
    item = current_item(checklist, assessment) if open_ else None
    if item is None or item.kind != "info":
        return False
    save_answer(
        session=session, checklist=checklist, assessment=assessment, item_id=item.id, value=text
    )
    return True
