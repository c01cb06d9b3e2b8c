"""The person's checklist projects: list, create, open, assess again, resend the report."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session
from telegram import CallbackQuery

from bot.context import BotContext, Services
from bot.handlers import checklist_callbacks as cb
from bot.handlers import checklist_steps as steps
from bot.handlers import checklist_views as views
from bot.handlers.checklist_report import ReportData, gather_report, latest_finished
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


@dataclass(frozen=True)
class Started:
    """An assessment begun or resumed: what the "started" message and the first step need."""

    name: str
    assessment_id: int
    resuming: bool = False
    answered: int = 0


async def send_projects(context: BotContext, chat_id: int, profile: Profile) -> None:
    """List the person's projects with where each one stands."""
    checklist = definition()
    services = context.services
    rows = await services.run_db(_project_rows, services, profile.telegram_id, profile.lang)
    text, markup = views.projects_view(rows, profile.lang, sum(1 for _ in checklist.items()))
    await send_html(context, chat_id, text, markup)


def _project_rows(services: Services, owner_id: int, lang: str) -> list[views.ProjectRow]:
    with services.session() as session:
        projects = list_projects(session=session, owner_id=owner_id)
        return [_project_row(session, project, lang) for project in projects]


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
    await context.services.run_db(_await_name, context.services, profile.telegram_id)
    await query.answer()
    prompt = t("cl.name.prompt", profile.lang, limit=MAX_NAME)
    await send_html(context, steps.chat_of(query), prompt, views.cancel_markup(profile.lang))


def _await_name(services: Services, telegram_id: int) -> None:
    with services.session() as session:
        chat = get_chat(session=session, telegram_id=telegram_id)
        active = chat.assessment_id if chat else None
        set_chat(
            session=session,
            telegram_id=telegram_id,
            assessment_id=active,
            awaiting=Awaiting.PROJECT_NAME,
        )


async def cancel(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """Stop waiting for a name or evidence."""
    await context.services.run_db(stop_waiting, context.services, profile.telegram_id)
    await query.answer(alert("cl.cancelled", profile.lang))
    await steps.edit_pressed(query, None, None)


def stop_waiting(services: Services, telegram_id: int) -> None:
    """Stop waiting for a name or evidence, keeping the active assessment."""
    with services.session() as session:
        clear_awaiting(session=session, telegram_id=telegram_id)


async def open_project(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """Resume the running assessment, show a finished project's card, or start the first run."""
    services = context.services
    found = await services.run_db(_finished_project, services, press.target, profile.telegram_id)
    if found is None:
        await query.answer(alert("cl.invalid", profile.lang))
        return
    project, last = found
    if last is not None:
        await query.answer()
        text = _card(project, last, profile.lang, services.settings.timezone)
        await send_html(
            context,
            steps.chat_of(query),
            text,
            views.project_card_markup(project.id or 0, profile.lang),
        )
        return
    await begin(query, context, profile, press)


def _finished_project(
    services: Services, project_id: int | None, owner_id: int
) -> tuple[ChecklistProject, ChecklistAssessment | None] | None:
    """The owner's project and, unless one runs, its last scored assessment; None if not theirs."""
    with services.session() as session:
        project = owned_project(session, project_id, owner_id)
        if project is None:
            return None
        finished = finished_assessments(session=session, project_id=project.id or 0)
        running = in_progress_assessment(session=session, project_id=project.id or 0)
    if running is None and finished and finished[0].result is not None:
        return project, finished[0]
    return project, None


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
    services = context.services
    started = await services.run_db(_begin, services, press.target, profile.telegram_id)
    if started is None:
        await query.answer(alert("cl.invalid", profile.lang))
        return
    await query.answer()
    key = "cl.resumed" if started.resuming else "cl.started"
    text = t(key, profile.lang, name=started.name, answered=started.answered)
    await send_html(context, steps.chat_of(query), text)
    await show_step(context, steps.chat_of(query), profile.lang, started.assessment_id)


def _begin(services: Services, project_id: int | None, owner_id: int) -> Started | None:
    """Start or resume the owner's project's assessment and make it the active one."""
    with services.session() as session:
        project = owned_project(session, project_id, owner_id)
        if project is None:
            return None
        resuming = in_progress_assessment(session=session, project_id=project.id or 0) is not None
        assessment = start_assessment(session=session, checklist=definition(), project=project)
        answered = len(load_answers(session=session, assessment_id=assessment.id or 0))
        set_chat(session=session, telegram_id=owner_id, assessment_id=assessment.id)
        return Started(project.name, assessment.id or 0, resuming, answered)


async def resend_report(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """The latest finished assessment's results and files, again."""
    services = context.services
    owned, data = await services.run_db(_report, services, press.target, profile.telegram_id)
    if data is None:
        await query.answer(alert("cl.no_report" if owned else "cl.invalid", profile.lang))
        return
    await query.answer()
    await send_results(context, steps.chat_of(query), definition(), data, profile.lang)


def _report(
    services: Services, project_id: int | None, owner_id: int
) -> tuple[bool, ReportData | None]:
    """Whether the project is the owner's, and its latest finished assessment's report."""
    with services.session() as session:
        project = owned_project(session, project_id, owner_id)
        last = latest_finished(session=session, project_id=project.id or 0) if project else None
        data = gather_report(session=session, assessment=last) if last is not None else None
        return project is not None, data


async def name_project(context: BotContext, profile: Profile, name: str) -> None:
    """Create the project named in the typed text and start its first assessment."""
    if await steps.text_refused(context, profile, name, MAX_NAME):
        return
    services = context.services
    started = await services.run_db(_create_project, services, profile.telegram_id, name)
    await send_html(context, profile.telegram_id, t("cl.started", profile.lang, name=started.name))
    await show_step(context, profile.telegram_id, profile.lang, started.assessment_id)


def _create_project(services: Services, owner_id: int, name: str) -> Started:
    """Create the project, start its first assessment and make it the active one."""
    with services.session() as session:
        project = create_project(session=session, owner_id=owner_id, name=name)
        assessment = start_assessment(session=session, checklist=definition(), project=project)
        set_chat(session=session, telegram_id=owner_id, assessment_id=assessment.id)
        return Started(project.name, assessment.id or 0)
