"""Helpers for the checklist conversation tests: walk the items as an official would."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Mapping

import pytest
from pypdf import PdfReader
from sqlmodel import col, select

from bot.sandbox import SandboxMessage, SimulatedUser
from checklist.definition import Checklist, load_checklist
from checklist.models import ChecklistAnswer, ChecklistAssessment, ChecklistProject
from tests.bot.support import RunningBot, button_data

SKIP = "skip"


def item_of(message: SandboxMessage) -> str | None:
    """The item a question message asks (from its skip button); None on the last screen."""
    for data in button_data(message):
        if data.startswith("cl:skip:"):
            return data.split(":")[3]
    return None


def is_step(message: SandboxMessage) -> bool:
    """A question or the "last question reached" screen."""
    return any(d.startswith(("cl:skip:", "cl:fin:")) for d in button_data(message))


async def next_step(user: SimulatedUser) -> SandboxMessage:
    """Read on until the bot asks a question or shows the last screen."""
    while True:
        message = await user.next_message()
        if is_step(message):
            return message


async def answer(user: SimulatedUser, step: SandboxMessage, value: str) -> None:
    """Answer the question shown: press a value's button, skip, or type a section A fact."""
    item = item_of(step)
    assert item is not None, f"not a question: {step!r}"
    if value == SKIP:
        await user.press(step, next(d for d in button_data(step) if d.startswith("cl:skip:")))
        return
    wanted = [d for d in button_data(step) if d.startswith("cl:a:") and d.endswith(f":{value}")]
    if wanted:
        await user.press(step, wanted[0])
    else:
        await user.send(value)


async def answer_until(
    user: SimulatedUser,
    step: SandboxMessage,
    plan: Mapping[str, str],
    default: str,
    stop_before: str | None = None,
) -> SandboxMessage:
    """Answer item after item from `plan` (else `default`); returns the step not answered."""
    checklist = load_checklist()
    while (item_id := item_of(step)) is not None and item_id != stop_before:
        kind = checklist.item(item_id).kind
        value = plan.get(item_id, default if kind == "rating" else "")
        assert value, f"the test plan has no answer for {item_id}"
        await answer(user, step, value)
        step = await next_step(user)
    return step


def stored_answers(bot: RunningBot, assessment_id: int) -> dict[str, ChecklistAnswer]:
    """Every saved answer of an assessment, by item id."""
    with bot.services.session() as session:
        rows = session.exec(
            select(ChecklistAnswer).where(ChecklistAnswer.assessment_id == assessment_id)
        )
        return {row.item_id: row for row in rows}


def assessments(bot: RunningBot, project_id: int) -> list[ChecklistAssessment]:
    """The project's assessments, oldest first."""
    with bot.services.session() as session:
        query = select(ChecklistAssessment).where(ChecklistAssessment.project_id == project_id)
        return list(session.exec(query.order_by(col(ChecklistAssessment.id))))


def projects_of(bot: RunningBot, owner_id: int) -> list[ChecklistProject]:
    """The owner's projects, oldest first."""
    with bot.services.session() as session:
        query = select(ChecklistProject).where(ChecklistProject.owner_id == owner_id)
        return list(session.exec(query.order_by(col(ChecklistProject.id))))


def pdf_text(data: bytes) -> str:
    """All the text pypdf extracts from a PDF, NFKC-normalised: compare with `nfkc(expected)`.

    Shaped Thai extracts sara am as nikhahit + sara aa, which NFKC makes equal.
    """
    return nfkc("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def nfkc(text: str) -> str:
    """Text in Unicode NFKC, as PDF text is compared."""
    return unicodedata.normalize("NFKC", text)


def rating_items(checklist: Checklist) -> list[str]:
    """Ids of the scored items, in asking order."""
    return [item.id for item in checklist.items() if item.scored]


# Unit tests of the pieces the conversation is built from.


def test_callback_data_round_trips_and_fits_in_64_bytes():
    from bot.handlers import checklist_callbacks as cb

    longest = cb.build("a", 10**18 - 1, "x" * 20, "dont_know")
    assert len(longest.encode()) <= 64
    press = cb.parse(longest)
    assert press == cb.Press("a", 10**18 - 1, "x" * 20, "dont_know")
    assert cb.parse(cb.build("list")) == cb.Press("list")
    assert cb.parse(cb.build("back", 7, cb.END)) == cb.Press("back", 7, cb.END)


@pytest.mark.parametrize(
    "data",
    [
        "cl:",
        "cl:zzz",
        "cl:a:1:b_inform",  # a value is missing
        "cl:a:x:b_inform:yes",  # the id is not a number
        "cl:a:1:B-INFORM:yes",  # not an item id
        "cl:p",  # the project id is missing
        "cl:list:3",  # list takes nothing
        "cl:why:1:ก",  # Thai never travels in callback data
        "cl:p:1 ",
    ],
)
def test_malformed_checklist_data_parses_to_none(data):
    from bot.handlers import checklist_callbacks as cb

    assert cb.parse(data) is None


def test_every_checklist_text_has_thai_and_english_with_the_same_placeholders():
    import string

    from bot.texts_checklist import TEXTS

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    for key, texts in TEXTS.items():
        assert key.startswith("cl.") or key == "cmd.checklist", key
        assert set(texts) == {"th", "en"} and texts["th"].strip() and texts["en"].strip(), key
        assert fields(texts["th"]) == fields(texts["en"]), key


def test_progress_bar_shows_the_share_done():
    from bot.handlers.checklist_views import progress_bar

    assert progress_bar(0) == "▱" * 10 + " 0%"
    assert progress_bar(0.5) == "▰" * 5 + "▱" * 5 + " 50%"
    assert progress_bar(1.2).startswith("▰" * 10)
