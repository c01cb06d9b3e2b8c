"""The bot on the real local PostgreSQL (DATABASE_URL) instead of the embedded SQLite."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from core.feedback import AnswerRecord
from core.users import User
from tests.bot.support import ADMIN_ID, OFFICIAL_ID, button_data

pytestmark = pytest.mark.postgres


async def test_answers_feedback_and_roles_persist_on_postgres(
    launch: Any, postgres_url: str
) -> None:
    async with launch(database_url=postgres_url) as bot:
        assert bot.services.engine.dialect.name == "postgresql"
        official = await bot.user(OFFICIAL_ID)
        await official.send("government กับ governance ต่างกันอย่างไร")
        answer = await official.wait_for(
            lambda m: any(d.startswith("fb:") for d in button_data(m))
        )
        thumbs_up = next(d for d in button_data(answer) if d.startswith("fb:") and d.endswith("u"))
        pressed = await official.press(answer, thumbs_up)
        await pressed.answered()
        admin = await bot.user(ADMIN_ID)
        await admin.send(f"/grant {OFFICIAL_ID}")
        await admin.next_message()
    async with launch(database_url=postgres_url) as restarted:  # a new process, same database
        with restarted.services.session() as session:
            record = session.exec(select(AnswerRecord)).one()
            user = session.exec(select(User).where(User.telegram_id == OFFICIAL_ID)).one()
        assert record.feedback == "up" and record.found
        assert 14 in {c["number"] for c in record.citations}
        assert user.role == "trainer"
