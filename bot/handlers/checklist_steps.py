"""Moving through an assessment: show the current item, answer, back, skip, explain, finish.

Every press is checked in the database first: the assessment must belong to the person
pressing and the item must be the one asked now. Anything else (a stale button, a second
press, forged data) gets a polite callback answer and changes nothing.
"""

from __future__ import annotations

import contextlib
import functools

from sqlmodel import Session
from telegram import CallbackQuery, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.context import BotContext, Services
from bot.handlers import checklist_callbacks as cb
from bot.handlers import checklist_views as views
from bot.handlers.checklist_report import ReportData, gather_report
from bot.handlers.checklist_results import send_results
from bot.handlers.checklist_state import Awaiting, set_chat
from bot.handlers.common import Profile, send_html
from bot.texts import alert, t
from checklist.definition import Checklist, Item, load_checklist
from checklist.models import AssessmentStatus, ChecklistAssessment, ChecklistProject
from checklist.results import DONT_KNOW, Answer
from checklist.service import (
    MAX_EVIDENCE,
    current_item,
    finish_assessment,
    get_assessment,
    get_project,
    go_back,
    load_answers,
    progress,
    save_answer,
    skip,
)
from core.errors import NotFoundError, PermissionDeniedError, ValidationError


@functools.cache
def definition() -> Checklist:
    """The bundled checklist, read once on first use."""
    return load_checklist()


def owned_assessment(
    session: Session, assessment_id: int | None, owner_id: int
) -> ChecklistAssessment | None:
    """The assessment if it exists and belongs to `owner_id`, else None."""
    if assessment_id is None:
        return None
    with contextlib.suppress(NotFoundError, PermissionDeniedError):
        return get_assessment(session=session, assessment_id=assessment_id, owner_id=owner_id)
    return None


def find_assessment(
    services: Services, assessment_id: int | None, owner_id: int
) -> ChecklistAssessment | None:
    """`owned_assessment` in its own session (a worker thread runs this)."""
    with services.session() as session:
        return owned_assessment(session, assessment_id, owner_id)


def owned_project(
    session: Session, project_id: int | None, owner_id: int
) -> ChecklistProject | None:
    """The project if it exists and belongs to `owner_id`, else None."""
    if project_id is None:
        return None
    with contextlib.suppress(NotFoundError, PermissionDeniedError):
        return get_project(session=session, project_id=project_id, owner_id=owner_id)
    return None


def is_current(checklist: Checklist, assessment: ChecklistAssessment, slot: str | None) -> bool:
    """Whether `slot` names the item asked now (cb.END once every item has been visited)."""
    if assessment.status != AssessmentStatus.IN_PROGRESS or slot is None:
        return False
    item = current_item(checklist, assessment)
    return (item.id if item is not None else cb.END) == slot


async def show_step(context: BotContext, chat_id: int, lang: str, assessment_id: int) -> None:
    """Send the current item with its buttons, or the last screen when every item is done."""
    checklist = definition()
    services = context.services
    assessment, answers = await services.run_db(_assessment_state, services, assessment_id)
    if assessment is None:
        return
    item = current_item(checklist, assessment)
    if item is None:
        known = [
            i for i in checklist.items() if i.id in answers and answers[i.id].value != DONT_KNOW
        ]
        total = sum(1 for _ in checklist.items())
        text, markup = views.end_view(lang, assessment_id, len(known), total - len(known))
    else:
        step = views.Step(*progress(checklist, assessment))
        text, markup = views.item_view(
            checklist, item, step, lang, assessment_id, answers.get(item.id)
        )
    await send_html(context, chat_id, text, markup)


def _assessment_state(
    services: Services, assessment_id: int
) -> tuple[ChecklistAssessment | None, dict[str, Answer]]:
    with services.session() as session:
        assessment = session.get(ChecklistAssessment, assessment_id)
        return assessment, load_answers(session=session, assessment_id=assessment_id)


async def edit_pressed(
    query: CallbackQuery, text: str | None, markup: InlineKeyboardMarkup | None
) -> None:
    """Replace the pressed message's text (when given) and buttons; an unchanged edit is fine."""
    try:
        if text is None:
            await query.edit_message_reply_markup(markup)
        else:
            await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise


async def answer_item(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """Save a rating or choice at once, shrink the item to its answer, and ask the next."""
    checklist = definition()
    services = context.services
    saved = await services.run_db(_save_pressed, services, press, profile.telegram_id)
    if saved is None:
        await query.answer(alert("cl.invalid", profile.lang))
        return
    item, step = saved
    await query.answer()
    text, markup = views.answered_view(
        checklist, item, step, profile.lang, press.target or 0, press.value or ""
    )
    await edit_pressed(query, text, markup)
    await show_step(context, chat_of(query), profile.lang, press.target or 0)


def _save_pressed(
    services: Services, press: cb.Press, owner_id: int
) -> tuple[Item, views.Step] | None:
    """Store the pressed answer to the item asked now; None for a stale or invalid press."""
    checklist = definition()
    with services.session() as session:
        assessment = owned_assessment(session, press.target, owner_id)
        if assessment is None or not is_current(checklist, assessment, press.item):
            return None
        item = checklist.item(press.item or "")
        step = views.Step(*progress(checklist, assessment))
        if item.kind == "info" or not _saved(session, checklist, assessment, item, press.value):
            return None
        set_chat(session=session, telegram_id=owner_id, assessment_id=assessment.id)
        return item, step


async def move(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """Back or skip from the item shown; the left item keeps a one-line note of what happened."""
    services = context.services
    moved = await services.run_db(_move, services, press, profile.telegram_id)
    if moved is None:
        await query.answer(alert("cl.invalid", profile.lang))
        return
    left, step = moved
    await query.answer()
    note = "cl.item.skipped" if press.action == "skip" else "cl.item.left"
    await edit_pressed(
        query, views.moved_view(left, step, profile.lang, note) if left else None, None
    )
    await show_step(context, chat_of(query), profile.lang, press.target or 0)


def _move(
    services: Services, press: cb.Press, owner_id: int
) -> tuple[Item | None, views.Step] | None:
    """Go back or skip from the item asked now: the item left and where it stood, or None."""
    checklist = definition()
    skipping = press.action == "skip"
    with services.session() as session:
        assessment = owned_assessment(session, press.target, owner_id)
        if (
            assessment is None
            or not is_current(checklist, assessment, press.item)
            or (skipping and press.item == cb.END)
        ):
            return None
        left = current_item(checklist, assessment)
        step = views.Step(*progress(checklist, assessment))
        mover = skip if skipping else go_back
        mover(session=session, checklist=checklist, assessment=assessment)
        set_chat(session=session, telegram_id=owner_id, assessment_id=assessment.id)
        return left, step


async def ask_evidence(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """Wait for a typed evidence note for an answered rating or choice item."""
    services = context.services
    item = await services.run_db(_await_evidence, services, press, profile.telegram_id)
    if item is None:
        await query.answer(alert("cl.invalid", profile.lang))
        return
    await query.answer()
    prompt = t(
        "cl.evidence.prompt",
        profile.lang,
        limit=MAX_EVIDENCE,
        question=item.question.get(profile.lang),
    )
    await send_html(context, chat_of(query), prompt, views.cancel_markup(profile.lang))


def _await_evidence(services: Services, press: cb.Press, owner_id: int) -> Item | None:
    """Wait for evidence on the pressed item if it was answered; None when it cannot take any."""
    checklist = definition()
    with services.session() as session:
        assessment = owned_assessment(session, press.target, owner_id)
        answers = (
            load_answers(session=session, assessment_id=press.target or 0) if assessment else {}
        )
        item = find_item(checklist, press.item)
        open_ = assessment is not None and assessment.status == AssessmentStatus.IN_PROGRESS
        if not open_ or item is None or item.kind == "info" or item.id not in answers:
            return None
        set_chat(
            session=session,
            telegram_id=owner_id,
            assessment_id=press.target,
            awaiting=Awaiting.EVIDENCE,
            item_id=item.id,
        )
        return item


async def pause(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """Leave the assessment for later: typed text goes back to being questions."""
    services = context.services
    if not await services.run_db(_pause, services, press.target, profile.telegram_id):
        await query.answer(alert("cl.invalid", profile.lang))
        return
    await query.answer()
    await edit_pressed(query, None, None)
    await send_html(
        context, chat_of(query), t("cl.paused", profile.lang), views.projects_markup(profile.lang)
    )


def _pause(services: Services, assessment_id: int | None, owner_id: int) -> bool:
    """No active assessment any more; False when the assessment is not the owner's."""
    with services.session() as session:
        if owned_assessment(session, assessment_id, owner_id) is None:
            return False
        set_chat(session=session, telegram_id=owner_id, assessment_id=None)
        return True


async def finish(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """Score the assessment, close it, and send the results and the report."""
    checklist = definition()
    services = context.services
    data = await services.run_db(_finish, services, press.target, profile.telegram_id)
    if data is None:
        await query.answer(alert("cl.invalid", profile.lang))
        return
    await query.answer()
    await edit_pressed(query, None, None)
    await send_html(context, chat_of(query), t("cl.working", profile.lang))
    await send_results(context, chat_of(query), checklist, data, profile.lang)


def _finish(services: Services, assessment_id: int | None, owner_id: int) -> ReportData | None:
    """Score and close the assessment once every item was visited; its report, or None."""
    checklist = definition()
    with services.session() as session:
        assessment = owned_assessment(session, assessment_id, owner_id)
        if assessment is None or not is_current(checklist, assessment, cb.END):
            return None
        finish_assessment(session=session, checklist=checklist, assessment=assessment)
        set_chat(session=session, telegram_id=owner_id, assessment_id=None)
        return gather_report(session=session, assessment=assessment)


async def text_refused(context: BotContext, profile: Profile, text: str, limit: int) -> bool:
    """Tell the person when a typed text is empty or over `limit`; True when it was."""
    if text and len(text) <= limit:
        return False
    note = (
        t("cl.text.too_long", profile.lang, length=len(text), limit=limit)
        if text
        else t("cl.text.empty", profile.lang)
    )
    await send_html(context, profile.telegram_id, note)
    return True


def _saved(
    session: Session,
    checklist: Checklist,
    assessment: ChecklistAssessment,
    item: Item,
    value: str | None,
) -> bool:
    """Store a pressed answer; False when the value is not one the item offers."""
    try:
        save_answer(
            session=session,
            checklist=checklist,
            assessment=assessment,
            item_id=item.id,
            value=value or "",
        )
    except ValidationError:
        return False
    return True


def find_item(checklist: Checklist, item_id: str | None) -> Item | None:
    """The item with this id, or None for an id the definition does not know."""
    with contextlib.suppress(ValidationError):
        return checklist.item(item_id or "")
    return None


def chat_of(query: CallbackQuery) -> int:
    """The chat where the pressed button is."""
    if query.message is None:
        raise ValueError("the pressed button has no message")
    return query.message.chat.id
