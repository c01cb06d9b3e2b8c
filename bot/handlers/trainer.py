"""Trainer tools: cohorts, assignments, results, question import; and the trainees' side.

Typed text and files reach this feature through `routing`, which asks the database first:
a document is an import only when the sender asked for one, and text is the form's only
while the /assign form waits for a typed time or title; anything else goes on.

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

from telegram.ext import CallbackQueryHandler, CommandHandler

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


def register(application: RuamKitApp) -> None:
    """Add the commands, the buttons, the assignment mode and the jobs."""
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
    trainer_tasks.register_mode()
    trainer_jobs.register(application)
