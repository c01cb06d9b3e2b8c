"""Trainer tools: cohorts, assignments, results, question import; and the trainees' side.

Registered before the knowledge-base uploads and before `ask`: the import handler takes a
document only when the sender asked for an import, and the form's text handler takes text
only while the /assign form waits for a typed time or title; anything else falls through.

Trainer commands (/cohort, /assign, /results, /import) and their buttons need the trainer
role; /join, /tasks and /leaderboard are for everyone. The modules:

- `trainer_cohorts`  /cohort, /join, the /start deep link, linking a group
- `trainer_assign`   the /assign form (`trainer_form` renders it, `trainer_state` stores it)
- `trainer_tasks`    /tasks, running an assignment through the quiz's polls, /leaderboard
- `trainer_results`  /results, the chart, CSV and XLSX
- `trainer_import`   /import and the uploaded files
- `trainer_jobs`     announcements, reminders and trainer notices on the JobQueue
"""

from __future__ import annotations

from sqlmodel import Session
from telegram import Message
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import keyboards_trainer as kb
from bot.context import RuamKitApp
from bot.handlers import (
    trainer_assign,
    trainer_cohorts,
    trainer_import,
    trainer_jobs,
    trainer_results,
    trainer_tasks,
)
from bot.handlers.common import SenderStateFilter
from bot.handlers.trainer_state import TEXT_STEPS, awaits, get_draft
from core.timestamps import utc_now

PRIVATE_TEXT = (
    filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND
)
PRIVATE_DOCUMENT = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.Document.ALL


def register(application: RuamKitApp) -> None:
    """Add the commands, buttons, form text, import files, the assignment mode and the jobs."""
    commands = {
        "cohort": trainer_cohorts.cohort_command,
        "join": trainer_cohorts.join_command,
        "assign": trainer_assign.assign_command,
        "tasks": trainer_tasks.tasks_command,
        "results": trainer_results.results_command,
        "import": trainer_import.import_command,
        "leaderboard": trainer_tasks.leaderboard_command,
    }
    for name, callback in commands.items():
        application.add_handler(CommandHandler(name, callback))
    buttons = {
        kb.COHORT: trainer_cohorts.press_cohort,
        kb.MEMBERS: trainer_cohorts.press_members,
        kb.REMOVE: trainer_cohorts.press_remove,
        kb.BOARD: trainer_cohorts.press_board,
        kb.LINK: trainer_cohorts.press_link,
        kb.FORM: trainer_assign.press_form,
        kb.RESULTS: trainer_results.press_results,
        kb.CHART: trainer_results.press_chart,
        kb.EXPORT: trainer_results.press_export,
        kb.RETIRE: trainer_import.press_retire,
        kb.GO: trainer_tasks.press_start,
        kb.REVIEW: trainer_tasks.press_review,
        kb.OPT_IN: trainer_tasks.press_opt_in,
    }
    for pattern, callback in buttons.items():
        application.add_handler(CallbackQueryHandler(callback, pattern=pattern))
    application.add_handler(
        CallbackQueryHandler(trainer_import.press_template, pattern=f"^{kb.TEMPLATE}$")
    )
    # Forged data with a trainer prefix but a wrong shape: the trainer handlers' refusal.
    application.add_handler(CallbackQueryHandler(trainer_assign.press_form, pattern=r"^tr:a:"))
    document = PRIVATE_DOCUMENT & SenderStateFilter(
        lambda: application.bot_data.services, "ExpectsImport", trainer_import.expects_import
    )
    application.add_handler(MessageHandler(document, trainer_import.receive_file))
    text = PRIVATE_TEXT & SenderStateFilter(
        lambda: application.bot_data.services, "ExpectsFormText", _awaits_form_text
    )
    application.add_handler(MessageHandler(text, trainer_assign.receive_text))
    trainer_tasks.register_mode()
    trainer_jobs.register(application)


def _awaits_form_text(session: Session, _message: Message, sender: int) -> bool:
    """Whether the sender's /assign form waits for a typed time or title."""
    draft = get_draft(session=session, telegram_id=sender)
    return awaits(draft, TEXT_STEPS, utc_now())
