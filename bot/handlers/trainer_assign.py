"""/assign: a button form (cohort, topics, count, pass mark, times, attempts, reveal, reminders).

The form's answers are kept in the database (`trainer_state`), so a restart in the middle
loses nothing; buttons carry the form's token, so a button from an older form or an earlier
step is refused as outdated. Opening and due times may also be typed in Bangkok time
(`routing` hands typed text here while `awaits_text` holds). Every handler is trainer-only,
and the cohort's ownership is checked again when the form is sent.
"""

from __future__ import annotations

import random
from datetime import timedelta

from sqlmodel import Session
from telegram import Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot import keyboards_trainer as kb
from bot.context import BotContext, Services
from bot.handlers import trainer_form as form
from bot.handlers.common import Profile, profile_of, require_role, send_html
from bot.handlers.trainer_common import now, private_request, zone_of
from bot.handlers.trainer_form_steps import CODE_STEPS, PRESSES, TEXTS, Data, Move
from bot.handlers.trainer_jobs import deliver_due, schedule_assignment
from bot.handlers.trainer_state import (
    TEXT_STEPS,
    Step,
    TrainerDraft,
    awaits,
    clear_draft,
    get_draft,
    new_draft,
    save_draft,
)
from bot.texts import alert, t
from core.errors import NotFoundError, PermissionDeniedError, ValidationError
from core.timestamps import utc_now
from core.users import Role
from quizzes.assignments import TITLE_MAX_CHARS, create_assignment
from quizzes.cohorts import cohort_members, list_cohorts
from quizzes.trainer_models import Assignment

Cohorts = list[tuple[int, str]]


@require_role(Role.TRAINER)
async def assign_command(update: Update, context: BotContext) -> None:
    """/assign: start a new form with the trainer's cohorts."""
    request = await private_request(update, context)
    if request is None:
        return
    message, _chat_id, profile = request
    services = context.services
    cohorts, draft = await services.run_db(_open_form, services, profile)
    if draft is None:
        await message.reply_html(t("tr.assign.no_cohort", profile.lang))
        return
    text, markup = form.screen(Step.COHORT, draft.data, draft.token, profile.lang, cohorts)
    await message.reply_html(text, reply_markup=markup)


def _open_form(services: Services, profile: Profile) -> tuple[Cohorts, TrainerDraft | None]:
    """The trainer's cohorts and a fresh form (none without a cohort)."""
    with services.session() as session:
        cohorts = [
            (c.id or 0, c.name)
            for c in list_cohorts(session=session, trainer_id=profile.telegram_id)
        ]
        if not cohorts:
            return cohorts, None
        data = {"lang": profile.lang, "tz": zone_of(services)}
        draft = new_draft(
            session=session, telegram_id=profile.telegram_id, step=Step.COHORT, data=data
        )
        return cohorts, draft


@require_role(Role.TRAINER)
async def press_form(update: Update, context: BotContext) -> None:
    """A button of the form: check it belongs to the current step, then move on."""
    query, profile = update.callback_query, (await profile_of(update, context.services))
    if query is None or query.message is None:
        return
    services = context.services
    press = kb.parse_form(query.data or "")
    draft = await services.in_session(get_draft, telegram_id=profile.telegram_id)
    if press is None or draft is None or draft.token != press.token or not _expected(press, draft):
        await query.answer(alert("tr.assign.stale", profile.lang), show_alert=True)
        return
    if press.code == "x":
        await _cancel(update, context, profile)
    elif press.code == "ok":
        await _submit(update, context, profile, draft)
    else:
        step = PRESSES[press.code]  # may read the database (the cohort's topics)
        data = dict(draft.data)
        outcome = await services.run_db(step, services, profile.telegram_id, data, press.value)
        if isinstance(outcome, str):
            await query.answer(alert(outcome, profile.lang), show_alert=True)
            return
        await query.answer()
        await _show(update, context, profile, draft, outcome, edit=True)


def _expected(press: kb.FormPress, draft: TrainerDraft) -> bool:
    """Whether the button belongs to the step the form is at."""
    return press.code == "x" or draft.step in CODE_STEPS.get(press.code, ())


async def _show(
    update: Update, context: BotContext, profile: Profile, draft: TrainerDraft, move: Move,
    *, edit: bool,
) -> None:  # fmt: skip
    """Store the move and show the next step (editing the form's message after a button)."""
    await context.services.run_db(_save_move, context.services, profile.telegram_id, draft, move)
    text, markup = form.screen(move.step, move.data, draft.token, profile.lang)
    query, chat = update.callback_query, update.effective_chat
    if edit and query is not None:
        try:
            await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
            return
        except BadRequest:  # too old to edit: send it anew
            pass
    if chat is not None:
        await send_html(context, chat.id, text, markup)


def _save_move(services: Services, telegram_id: int, draft: TrainerDraft, move: Move) -> None:
    with services.session() as session:
        stored = get_draft(session=session, telegram_id=telegram_id) or draft
        save_draft(session=session, draft=stored, step=move.step, data=move.data)


def _clear_form(services: Services, telegram_id: int) -> None:
    with services.session() as session:
        clear_draft(session=session, telegram_id=telegram_id)


async def _cancel(update: Update, context: BotContext, profile: Profile) -> None:
    query = update.callback_query
    assert query is not None
    await context.services.run_db(_clear_form, context.services, profile.telegram_id)
    await query.answer()
    await query.edit_message_text(
        t("tr.assign.cancelled", profile.lang), parse_mode=ParseMode.HTML
    )


async def _submit(
    update: Update, context: BotContext, profile: Profile, draft: TrainerDraft
) -> None:
    """Create the assignment, schedule its notices and announce it if it is open already."""
    query, services, data = update.callback_query, context.services, dict(draft.data)
    assert query is not None
    due = form.moment(data, "due_at")
    if due is None or due <= now(services):
        await query.answer(alert("tr.assign.due_passed", profile.lang), show_alert=True)
        await _show(update, context, profile, draft, Move(Step.DUE, data), edit=False)
        return
    try:
        assignment, members = await services.run_db(_assign, services, profile.telegram_id, data)
    except (NotFoundError, PermissionDeniedError):
        await query.answer(alert("tr.not_yours", profile.lang), show_alert=True)
        return
    except ValidationError:
        await query.answer(alert("tr.assign.failed", profile.lang), show_alert=True)
        return
    schedule_assignment(context.application, assignment)
    await query.answer()
    text = t(
        "tr.assign.done", profile.lang, summary=form.summary(data, profile.lang), members=members
    )
    await query.edit_message_text(text, parse_mode=ParseMode.HTML)
    await deliver_due(context.application, assignment.id)


def _assign(services: Services, trainer_id: int, data: Data) -> tuple[Assignment, int]:
    """Create the assignment and close the form; the assignment and its cohort's size."""
    with services.session() as session:
        assignment = _create(services, session, trainer_id, data)
        members = len(cohort_members(session=session, cohort_id=assignment.cohort_id))
        clear_draft(session=session, telegram_id=trainer_id)
        return assignment, members


def _create(services: Services, session: Session, trainer_id: int, data: Data) -> Assignment:
    opens, due = form.moment(data, "opens_at"), form.moment(data, "due_at")
    assert opens is not None and due is not None
    return create_assignment(
        session=session,
        trainer_id=trainer_id, cohort_id=int(data["cohort_id"]), title=data["title"],
        bank=services.question_bank, question_count=int(data["count"]),
        pass_mark=int(data["pass_mark"]), opens_at=opens, due_at=due, now=now(services),
        rng=random.Random(), topics=list(data.get("topics", [])),
        attempts_allowed=int(data["attempts"]), reveal=form.REVEALS[data["reveal_code"]],
        reminder_offsets=[timedelta(seconds=s) for s in form.reminder_offsets(data)],
    )  # fmt: skip


@require_role(Role.TRAINER)
async def receive_text(update: Update, context: BotContext) -> None:
    """Typed opening or due time, or a new title, at the step that asks for it."""
    message, profile = update.effective_message, (await profile_of(update, context.services))
    if message is None or not message.text:
        return
    services = context.services
    draft = await services.in_session(get_draft, telegram_id=profile.telegram_id)
    if draft is None:
        return
    step_text = TEXTS.get(Step(draft.step))
    if step_text is None:  # the form moved on since `routing` looked
        return
    outcome = step_text(services, profile.telegram_id, dict(draft.data), message.text)
    if isinstance(outcome, str):
        await message.reply_html(t(outcome, profile.lang, limit=TITLE_MAX_CHARS))
        return
    await _show(update, context, profile, draft, outcome, edit=False)


def awaits_text(session: Session, telegram_id: int) -> bool:
    """Whether the trainer's /assign form waits for a typed time or title."""
    draft = get_draft(session=session, telegram_id=telegram_id)
    return awaits(draft, TEXT_STEPS, utc_now())
