"""The checklist on the real local PostgreSQL: a pending evidence prompt and the current item
survive a restart, and the stored result (JSON, UTC times) makes the same report."""

from __future__ import annotations

from typing import Any

import pytest

from checklist import texts as report_texts
from checklist.report_blocks import format_score
from checklist.results import AssessmentResult
from tests.bot.support import OFFICIAL_ID, button_data
from tests.bot.test_checklist_conversation import collect_results, start_project
from tests.bot.test_checklist_support import (
    answer_until,
    assessments,
    item_of,
    next_step,
    pdf_text,
    projects_of,
    stored_answers,
)

pytestmark = pytest.mark.postgres

PLAN = {"a_agency": "เทศบาลนคร", "a_community": "ผู้ค้าในตลาดสด", "a_stage": "planning"}


async def test_a_checklist_resumes_and_reports_on_postgres(launch: Any, postgres_url: str):
    async with launch(database_url=postgres_url) as bot:
        assert bot.services.engine.dialect.name == "postgresql"
        official = await bot.user(OFFICIAL_ID)
        step = await start_project(official)
        step = await answer_until(official, step, PLAN, "yes", stop_before="b_claim")
        (project,) = projects_of(bot, OFFICIAL_ID)
        (run,) = assessments(bot, project.id)
        answered = next(
            m for m in official.messages if f"cl:ev:{run.id}:a_stage" in button_data(m)
        )
        await official.press(answered, f"cl:ev:{run.id}:a_stage")
        await official.next_message()

    async with launch(database_url=postgres_url) as bot:
        await official.send("แผนงานปี 2568 หน้า 12")
        assert "บันทึกหลักฐานแล้ว" in (await official.next_message()).text
        step = await next_step(official)
        assert item_of(step) == "b_claim"
        assert stored_answers(bot, run.id)["a_stage"].evidence == "แผนงานปี 2568 หน้า 12"
        step = await answer_until(official, step, {"b_claim": "involve"}, "partly")
        await official.press(step, f"cl:fin:{run.id}")
        results = await collect_results(official)
        (run,) = assessments(bot, project.id)
        result = AssessmentResult.from_dict(run.result)
        assert run.finished_at is not None and run.finished_at.tzinfo is not None
    pdf = next(data for name, data in results["documents"].items() if name.endswith(".pdf"))
    text = pdf_text(pdf)
    assert report_texts.REPORT_TITLE.th in text and format_score(result.overall, "th") in text
