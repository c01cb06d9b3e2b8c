"""What the knowledge-base handlers share: the admin service, the actor, buttons' data."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.context import Services
from bot.handlers.common import Profile
from retrieval.kb_admin import KnowledgeAdmin
from retrieval.knowledge_base import KnowledgeBase
from retrieval.staging import Actor

# kb:go:<staging id> publishes a staged change, kb:no:<staging id> cancels it.
CHANGE_BUTTON = re.compile(r"^kb:(go|no):(\d{1,18})$")


@dataclass(frozen=True)
class ChangeChoice:
    """A press on a staged change's button."""

    confirm: bool
    staging_id: int


def change_data(staging_id: int, *, confirm: bool) -> str:
    """Callback data of a go-live or cancel button (ids only: 64 bytes at most)."""
    return f"kb:{'go' if confirm else 'no'}:{staging_id}"


def parse_change(data: str) -> ChangeChoice | None:
    """The choice behind a staged change's button, or None for anything malformed."""
    match = CHANGE_BUTTON.match(data)
    return ChangeChoice(match.group(1) == "go", int(match.group(2))) if match else None


def actor_of(profile: Profile) -> Actor:
    """The admin as the history and the audit log name them."""
    return Actor(profile.telegram_id, profile.first_name)


def knowledge_admin(services: Services) -> KnowledgeAdmin:
    """The admin service over the answerer's own knowledge base, built on first use."""
    if services.kb_admin is None:
        from bot.services import build_knowledge_admin

        kb = getattr(services.answerer, "knowledge_base", None)
        config = getattr(services.answerer, "search_config", None)
        services.kb_admin = build_knowledge_admin(
            services.settings,
            kb if isinstance(kb, KnowledgeBase) else None,
            engine=services.engine,
            search_config=config,
        )
    return services.kb_admin
