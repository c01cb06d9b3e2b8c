"""The person's checklist projects: list, create, open, assess again, resend the report."""

from __future__ import annotations

from sqlmodel import Session
from telegram import CallbackQuery

from bot.context import BotContext
from bot.handlers import checklist_callbacks as cb
from bot.handlers import checklist_steps as steps
from bot.handlers import checklist_views as views
from bot.handlers.checklist_report import gather_report, latest_finished
from bot.handlers.checklist_results import send_results
from bot.handlers.checklist_state import Awaiting, clear_awaiting, get_chat, set_chat
from bot.handlers.checklist_steps import definition, owned_project, show_step
from bot.handlers.common import Profile, send_html
from bot.texts import alert, plain, t
from checklist.models import ChecklistAssessment, ChecklistProject
from checklist.report_blocks import format_score
from checklist.results import AssessmentResult
from checklist.service import (
    MAX_NAME,
    create_project,
    finished_assessments,
    in_progress_assessment,
    list_projects,
    load_answers,
    progress,
    start_assessment,
)
from core.dates import format_datetime


async def send_projects(context: BotContext, chat_id: int, profile: Profile) -> None:
    """List the person's projects with where each one stands."""
    checklist = definition()
    rows = []
    with context.services.session() as session:
        for project in list_projects(session=session, owner_id=profile.telegram_id):
            rows.append(_project_row(session, project, profile.lang))
    text, markup = views.projects_view(rows, profile.lang, sum(1 for _ in checklist.items()))
    await send_html(context, chat_id, text, markup)


def _project_row(session: Session, project: ChecklistProject, lang: str) -> views.ProjectRow:
    project_id = project.id or 0
    running = in_progress_assessment(session=session, project_id=project_id)
    finished = finished_assessments(session=session, project_id=project_id)
    if running is not None:
        position, total = progress(definition(), running)
        status = plain("cl.status.progress", lang, position=min(position, total), total=total)
    elif finished:
        status = plain("cl.status.finished", lang, count=len(finished))
    else:
        status = plain("cl.status.new", lang)
    return views.ProjectRow(project_id, project.name, status, running is not None)


async def list_again(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """The project list, again."""
    await query.answer()
    await send_projects(context, steps.chat_of(query), profile)


async def ask_name(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """Wait for the new project's name."""
    with context.services.session() as session:
        chat = get_chat(session=session, telegram_id=profile.telegram_id)
        active = chat.assessment_id if chat else None
        set_chat(
            session=session,
            telegram_id=profile.telegram_id,
            assessment_id=active,
            awaiting=Awaiting.PROJECT_NAME,
        )
    await query.answer()
    prompt = t("cl.name.prompt", profile.lang, limit=MAX_NAME)
    await send_html(context, steps.chat_of(query), prompt, views.cancel_markup(profile.lang))


async def cancel(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """Stop waiting for a name or evidence."""
    with context.services.session() as session:
        clear_awaiting(session=session, telegram_id=profile.telegram_id)
    await query.answer(alert("cl.cancelled", profile.lang))
    await steps.edit_pressed(query, None, None)


async def open_project(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """Resume the running assessment, show a finished project's card, or start the first run."""
    with context.services.session() as session:
        project = owned_project(session, press.target, profile.telegram_id)
        if project is None:
            await query.answer(alert("cl.invalid", profile.lang))
            return
        finished = finished_assessments(session=session, project_id=project.id or 0)
        running = in_progress_assessment(session=session, project_id=project.id or 0)
    if running is None and finished and finished[0].result is not None:
        await query.answer()
        text = _card(project, finished[0], profile.lang, context.services.settings.timezone)
        await send_html(
            context,
            steps.chat_of(query),
            text,
            views.project_card_markup(project.id or 0, profile.lang),
        )
        return
    await begin(query, context, profile, press)


def _card(project: ChecklistProject, last: ChecklistAssessment, lang: str, timezone: str) -> str:
    result = AssessmentResult.from_dict(last.result or {})
    maturity = result.maturity.label.get(lang) if result.maturity else "–"
    when = format_datetime(last.finished_at, lang, timezone) if last.finished_at else "–"
    return t(
        "cl.project.card",
        lang,
        name=project.name,
        date=when,
        score=format_score(result.overall, lang),
        maturity=maturity,
    )


async def begin(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """Start an assessment of the project, or resume the one in progress."""
    with context.services.session() as session:
        project = owned_project(session, press.target, profile.telegram_id)
        if project is None:
            await query.answer(alert("cl.invalid", profile.lang))
            return
        resuming = in_progress_assessment(session=session, project_id=project.id or 0) is not None
        assessment = start_assessment(session=session, checklist=definition(), project=project)
        answered = len(load_answers(session=session, assessment_id=assessment.id or 0))
        set_chat(session=session, telegram_id=profile.telegram_id, assessment_id=assessment.id)
    await query.answer()
    key = "cl.resumed" if resuming else "cl.started"
    await send_html(
        context, steps.chat_of(query), t(key, profile.lang, name=project.name, answered=answered)
    )
    await show_step(context, steps.chat_of(query), profile.lang, assessment.id or 0)


async def resend_report(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """The latest finished assessment's results and files, again."""
    with context.services.session() as session:
        project = owned_project(session, press.target, profile.telegram_id)
        last = latest_finished(session=session, project_id=project.id or 0) if project else None
        data = gather_report(session=session, assessment=last) if last is not None else None
    if data is None:
        await query.answer(alert("cl.no_report" if project else "cl.invalid", profile.lang))
        return
    await query.answer()
    await send_results(context, steps.chat_of(query), definition(), data, profile.lang)


async def name_project(context: BotContext, profile: Profile, name: str) -> None:
    """Create the project named in the typed text and start its first assessment."""
    if await steps.text_refused(context, profile, name, MAX_NAME):
        return
    with context.services.session() as session:
        project = create_project(session=session, owner_id=profile.telegram_id, name=name)
        assessment = start_assessment(session=session, checklist=definition(), project=project)
        set_chat(session=session, telegram_id=profile.telegram_id, assessment_id=assessment.id)
    await send_html(context, profile.telegram_id, t("cl.started", profile.lang, name=project.name))
    await show_step(context, profile.telegram_id, profile.lang, assessment.id or 0)
