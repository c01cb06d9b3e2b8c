"""End to end in the sandbox: /kb list, remove (with preview), history, rollback, test."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from sqlmodel import col, select

from bot.sandbox import SandboxMessage, SimulatedUser
from core.audit import AuditEvent
from core.settings import Settings
from retrieval.gate import QuestionGate
from tests.bot.kb_support import (
    WASTE_BANK,
    WASTE_QUESTION,
    WASTE_TITLE,
    admin_of,
    attach_admin,
    private_answerer,
)
from tests.bot.support import ADMIN_ID, OFFICIAL_ID, TRAINER_ID, RunningBot, button_data

Launch = Callable[..., contextlib.AbstractAsyncContextManager[RunningBot]]

SLOW = 90.0
LECTURE = "participatory-governance.md"


@pytest.fixture(scope="module")
def kb_gate(lecture_answerer: Any) -> QuestionGate:
    kb = lecture_answerer.knowledge_base
    return QuestionGate(lambda: kb.embedder, lecture_answerer.search_config)


@pytest.fixture
async def kb_bot(
    launch: Launch, settings: Settings, lecture_answerer: Any, kb_gate: QuestionGate
) -> AsyncIterator[RunningBot]:
    answerer = private_answerer(settings, lecture_answerer)
    async with launch(answerer=answerer) as bot:
        attach_admin(bot, answerer, kb_gate)
        yield bot


def is_preview(message: SandboxMessage) -> bool:
    return any(data.startswith("kb:go:") for data in button_data(message))


async def go_live(admin: SimulatedUser, data: bytes, name: str) -> None:
    await admin.upload(data, file_name=name)
    preview = await admin.wait_for(is_preview, timeout=SLOW)
    go = next(d for d in button_data(preview) if d.startswith("kb:go:"))
    await admin.press(preview, go)
    await admin.wait_for(lambda m: "เผยแพร่แล้ว" in m.text, timeout=SLOW)
    admin.skip_existing()


async def command(person: SimulatedUser, text: str) -> SandboxMessage:
    await person.send(text)
    return await person.next_message(timeout=SLOW)


def audit(bot: RunningBot) -> list[tuple[str, str, str]]:
    with bot.services.session() as session:
        rows = session.exec(select(AuditEvent).order_by(col(AuditEvent.id))).all()
        return [(e.actor, e.action, e.target) for e in rows]


async def test_list_shows_documents_with_who_added_them(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    listing = await command(admin, "/kb list")
    assert LECTURE in listing.text and "มาพร้อมระบบ" in listing.text
    await go_live(admin, WASTE_BANK, "waste-bank.md")
    listing = await command(admin, "/kb list")
    assert WASTE_TITLE in listing.text and "waste-bank.md" in listing.text
    assert f"เพิ่มโดย สมชาย ({ADMIN_ID})" in listing.text


async def test_rollback_restores_the_previous_answers(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    official = await kb_bot.user(OFFICIAL_ID, "สมศรี")
    await official.send(WASTE_QUESTION)
    before = (await official.next_message(timeout=SLOW)).text
    await go_live(admin, WASTE_BANK, "waste-bank.md")
    await official.send(WASTE_QUESTION)
    assert f"— {WASTE_TITLE}" in (await official.next_message(timeout=SLOW)).text

    live = admin_of(kb_bot).kb.versions.current()
    ask = await command(admin, "/kb rollback")
    # Asked first: which version comes back, when it went live (Bangkok, Buddhist era), its files.
    assert "ย้อนกลับเป็นฉบับก่อนหน้าไหม" in ask.text and LECTURE in ask.text
    assert "− waste-bank.md" in ask.text and " น.)" in ask.text and " 25" in ask.text
    assert admin_of(kb_bot).kb.versions.current() == live  # nothing changed yet
    await admin.press(ask, next(d for d in button_data(ask) if d != "kb:rb:no"))
    await admin.wait_for(lambda m: "ย้อนกลับแล้ว" in m.text, timeout=SLOW)
    await official.send(WASTE_QUESTION)
    assert (await official.next_message(timeout=SLOW)).text == before
    assert audit(kb_bot)[-1][1] == "kb.rollback"


async def test_remove_shows_a_preview_and_the_lecture_regresses(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    official = await kb_bot.user(OFFICIAL_ID)
    await admin.send("/kb remove 1")
    preview = await admin.wait_for(is_preview, timeout=SLOW)
    assert "ลบ" in preview.text and LECTURE in preview.text
    assert "น้อยกว่าฉบับปัจจุบัน" in preview.text  # every golden question is lost
    assert "• g0" in preview.text and "…และอีก" in preview.text  # questions named, capped
    assert any(b.text == "⚠️ เผยแพร่ต่อไป" for b in preview.button_list)
    cancel = next(d for d in button_data(preview) if d.startswith("kb:no:"))
    await admin.press(preview, cancel)
    await admin.wait_for(lambda m: "ยกเลิกแล้ว" in m.text, timeout=SLOW)
    await official.send("การบริหารราชการแบบมีส่วนร่วมคืออะไร")
    assert "สไลด์" in (await official.next_message(timeout=SLOW)).text  # still answered


async def test_removing_an_added_document_takes_it_out_of_the_answers(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    official = await kb_bot.user(OFFICIAL_ID)
    await go_live(admin, WASTE_BANK, "waste-bank.md")
    await admin.send("/kb remove waste-bank.md")
    preview = await admin.wait_for(is_preview, timeout=SLOW)
    assert "waste-bank.md" in preview.text
    go = next(d for d in button_data(preview) if d.startswith("kb:go:"))
    published = sum("เผยแพร่แล้ว" in m.text for m in admin.messages)
    await admin.press(preview, go)
    # Wait for this go-live's note (updates of other chats run meanwhile, not after it).
    await admin.wait_for(
        lambda m: sum("เผยแพร่แล้ว" in x.text for x in admin.messages) > published, timeout=SLOW
    )
    await official.send(WASTE_QUESTION)
    assert f"— {WASTE_TITLE}" not in (await official.next_message(timeout=SLOW)).text
    actions = [action for _actor, action, _target in audit(kb_bot)]
    assert actions[-2:] == ["kb.remove.staged", "kb.published"]


async def test_remove_explains_itself_when_the_document_is_unknown(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    assert "/kb list" in (await command(admin, "/kb remove nope.pdf")).text
    assert "/kb remove" in (await command(admin, "/kb remove")).text
    assert "/kb list" in (await command(admin, "/kb remove 99")).text


async def test_history_lists_go_lives_and_rollbacks(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    await go_live(admin, WASTE_BANK, "waste-bank.md")
    await roll_back(admin)
    history = await command(admin, "/kb history")
    lines = history.text.splitlines()
    assert "ย้อนกลับ" in lines[1] and "ใช้อยู่" in lines[1]  # newest first, the live one marked
    assert history.text.count("ใช้อยู่") == 1  # the restored version went live twice
    assert any("เพิ่ม" in line and f"สมชาย ({ADMIN_ID})" in line for line in lines)
    assert any("+ waste-bank.md" in line for line in lines)


async def test_a_cancelled_rollback_changes_nothing(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    await go_live(admin, WASTE_BANK, "waste-bank.md")
    live = admin_of(kb_bot).kb.versions.current()
    ask = await command(admin, "/kb rollback")
    assert "ย้อนกลับเป็นฉบับก่อนหน้าไหม" in ask.text and "เผยแพร่เมื่อ" in ask.text
    await admin.press(ask, "kb:rb:no")
    await admin.wait_for(lambda m: "ไม่ได้ย้อนกลับ" in m.text, timeout=SLOW)
    assert admin_of(kb_bot).kb.versions.current() == live
    assert audit(kb_bot)[-1][1] != "kb.rollback"


async def roll_back(admin: SimulatedUser) -> None:
    ask = await command(admin, "/kb rollback")
    await admin.press(ask, next(d for d in button_data(ask) if d != "kb:rb:no"))
    await admin.wait_for(lambda m: "ย้อนกลับแล้ว" in m.text, timeout=SLOW)
    admin.skip_existing()


async def test_rollback_without_an_earlier_version_says_so(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    assert "ยังไม่มีฉบับก่อนหน้า" in (await command(admin, "/kb rollback")).text


async def test_admin_test_questions_are_added_listed_and_removed(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    added = await command(admin, "/kb test add ธนาคารขยะคืออะไร | รับซื้อขยะรีไซเคิล")
    assert "#1" in added.text and "ยังหาคำตอบไม่พบ" in added.text
    listing = await command(admin, "/kb test list")
    assert "ธนาคารขยะคืออะไร" in listing.text and "รับซื้อขยะรีไซเคิล" in listing.text
    await admin.upload(WASTE_BANK, file_name="waste-bank.md")
    preview = await admin.wait_for(is_preview, timeout=SLOW)
    total = len(admin_of(kb_bot).tests.all())
    assert f"/{total} ข้อ" in preview.text
    admin.skip_existing()
    assert "ลบคำถามทดสอบ #1" in (await command(admin, "/kb test remove 1")).text
    assert "ไม่พบคำถามทดสอบ #1" in (await command(admin, "/kb test remove 1")).text
    assert "วิธีใช้" in (await command(admin, "/kb test add no separator")).text
    actions = [action for _actor, action, _target in audit(kb_bot)]
    assert "kb.test.added" in actions and "kb.test.removed" in actions


async def test_kb_is_for_admins_only(kb_bot: RunningBot) -> None:
    trainer = await kb_bot.user(TRAINER_ID)
    official = await kb_bot.user(OFFICIAL_ID)
    for person in (trainer, official):
        for text in ("/kb list", "/kb rollback", "/kb remove 1"):
            assert "ผู้ดูแลระบบเท่านั้น" in (await command(person, text)).text
    assert admin_of(kb_bot).history()[0].action != "rollback"


async def test_kb_without_a_subcommand_shows_how_to_use_it(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    usage = await command(admin, "/kb")
    assert "/kb list" in usage.text and "/kb test add" in usage.text
    help_text = await command(admin, "/help")
    assert "/kb" in help_text.text
