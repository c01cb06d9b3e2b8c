"""Every table of every package, registered in one place (the composition root).

Which tables exist must not depend on which modules happened to be imported: the bot, the
CLI, the migrations and the tests all take the metadata from `metadata()`, which imports
every module that declares a table. A new table module is added to `TABLE_MODULES`.
"""

from __future__ import annotations

import importlib

from sqlalchemy import MetaData
from sqlmodel import SQLModel

TABLE_MODULES = (
    "core.users",
    "core.feedback",
    "core.audit",
    "core.idempotency",
    "knowledge.admin_questions",
    "retrieval.staging",
    "quizzes.models",
    "quizzes.trainer_models",
    "checklist.models",
    "bot.handlers.checklist_state",
    "bot.handlers.trainer_state",
    "bot.quiz_state",
)


def metadata() -> MetaData:
    """SQLModel's metadata with every table of RuamKit registered on it."""
    for name in TABLE_MODULES:
        importlib.import_module(name)
    return SQLModel.metadata
