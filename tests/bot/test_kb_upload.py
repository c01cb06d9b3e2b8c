"""End to end in the sandbox: an admin uploads a document, previews it, and makes it live.

Each test has a knowledge base of its own (built from the lecture with the shared model).
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from sqlmodel import col, select

from bot.sandbox import PressedButton, SandboxMessage, SimulatedUser
from core.audit import AuditEvent
from core.settings import Settings
from retrieval.gate import QuestionGate
from retrieval.qa import QuestionAnswerer
from tests.bot.kb_support import (
    SECOND_ADMIN_ID,
    WASTE_BANK,
    WASTE_QUESTION,
    WASTE_TITLE,
    admin_of,
    attach_admin,
    docx_bytes,
    private_answerer,
    thai_pdf,
)
from tests.bot.support import ADMIN_ID, ENGLISH_ID, OFFICIAL_ID, RunningBot, button_data

Launch = Callable[..., contextlib.AbstractAsyncContextManager[RunningBot]]

SLOW = 90.0  # staging embeds passages and runs the test questions


@pytest.fixture(scope="module")
def kb_gate(lecture_answerer: Any) -> QuestionGate:
    """One gate for the module: the test questions are embedded once."""
    kb = lecture_answerer.knowledge_base
    return QuestionGate(lambda: kb.embedder, lecture_answerer.search_config)


@pytest.fixture
def answerer(settings: Settings, lecture_answerer: Any) -> QuestionAnswerer:
    return private_answerer(settings, lecture_answerer)


@pytest.fixture
async def kb_bot(
    launch: Launch, answerer: QuestionAnswerer, kb_gate: QuestionGate
) -> AsyncIterator[RunningBot]:
    async with launch(answerer=answerer, admin_ids=[ADMIN_ID, SECOND_ADMIN_ID]) as bot:
        attach_admin(bot, answerer, kb_gate)
        yield bot


def is_preview(message: SandboxMessage) -> bool:
    return any(data.startswith("kb:go:") for data in button_data(message))


async def upload_and_preview(person: SimulatedUser, data: bytes, name: str) -> SandboxMessage:
    await person.upload(data, file_name=name)
    return await person.wait_for(is_preview, timeout=SLOW)


async def press(person: SimulatedUser, preview: SandboxMessage, prefix: str) -> PressedButton:
    data = next(d for d in button_data(preview) if d.startswith(prefix))
    return await person.press(preview, data)


def cites(message: SandboxMessage, title: str) -> bool:
    return f"— {title}" in message.text


async def answered(pressed: PressedButton) -> str:
    return (await pressed.answered()).text or ""


def audit_actions(bot: RunningBot) -> list[str]:
    with bot.services.session() as session:
        events = session.exec(select(AuditEvent).order_by(col(AuditEvent.id))).all()
        return [event.action for event in events]


async def test_a_new_document_answers_only_after_the_admin_confirms(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    official = await kb_bot.user(OFFICIAL_ID, "สมศรี")
    preview = await upload_and_preview(admin, WASTE_BANK, "waste-bank.md")
    assert "waste-bank.md" in preview.text and "เพิ่ม" in preview.text
    assert "ส่วนที่ 1" in preview.text  # a sample passage with its locator
    assert "คำถามทดสอบ" in preview.text
    assert "typing" in admin.chat_actions

    await official.send(WASTE_QUESTION)
    before = await official.next_message(timeout=SLOW)
    assert not cites(before, WASTE_TITLE)  # staged, not live: officials can't see it yet

    await press(admin, preview, "kb:go:")
    done = await admin.wait_for(lambda m: "เผยแพร่แล้ว" in m.text, timeout=SLOW)
    assert "/kb rollback" in done.text
    assert not is_preview(await admin.wait_for(lambda m: m.message_id == preview.message_id))

    await official.send(WASTE_QUESTION)
    after = await official.next_message(timeout=SLOW)
    assert cites(after, WASTE_TITLE)
    assert audit_actions(kb_bot)[-2:] == ["kb.add.staged", "kb.published"]


async def test_cancel_leaves_the_knowledge_base_as_it_was(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    official = await kb_bot.user(OFFICIAL_ID)
    live = admin_of(kb_bot).kb.versions.current()
    preview = await upload_and_preview(admin, WASTE_BANK, "waste-bank.md")
    await press(admin, preview, "kb:no:")
    await admin.wait_for(lambda m: "ยกเลิกแล้ว" in m.text, timeout=SLOW)
    assert admin_of(kb_bot).kb.versions.current() == live
    await official.send(WASTE_QUESTION)
    assert not cites(await official.next_message(timeout=SLOW), WASTE_TITLE)
    assert audit_actions(kb_bot)[-1] == "kb.cancelled"


async def test_pdf_and_word_uploads_are_previewed_with_their_locators(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    pdf = thai_pdf(["งบประมาณแบบมีส่วนร่วมให้ประชาชนเสนอโครงการ", "การลงคะแนนเลือกโครงการของชุมชน"])
    preview = await upload_and_preview(admin, pdf, "budget.pdf")
    assert "budget.pdf" in preview.text and "หน้า 1" in preview.text
    await press(admin, preview, "kb:no:")
    await admin.wait_for(lambda m: "ยกเลิกแล้ว" in m.text, timeout=SLOW)
    word = docx_bytes("สภาเด็กและเยาวชน", {"บทบาท": "สภาเด็กและเยาวชนเสนอความเห็นต่อสภาตำบล"})
    preview = await upload_and_preview(admin, word, "youth.docx")
    assert "youth.docx" in preview.text and "สภาเด็กและเยาวชน" in preview.text


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated", "เสียหาย"),
        ("scan.pdf", thai_pdf(["", ""], image_only=True), "ไม่พบข้อความ"),
        ("huge.pdf", b"%PDF-1.4\n" + bytes(21 * 1024 * 1024), "20 MB"),
        ("photo.pdf", b"\x89PNG\r\n\x1a\n" + bytes(64), "รูปภาพ"),
    ],
    ids=["corrupt-pdf", "scanned-pdf", "oversize", "image"],
)
async def test_bad_files_get_a_clear_error_and_change_nothing(
    kb_bot: RunningBot, name: str, data: bytes, says: str
) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    live = admin_of(kb_bot).kb.versions.current()
    await admin.upload(data, file_name=name)
    error = await admin.wait_for(lambda m: "❌" in m.text, timeout=SLOW)
    assert name in error.text and says in error.text
    assert "ไม่มีการเปลี่ยนแปลง" in error.text
    assert admin_of(kb_bot).pending() is None
    assert admin_of(kb_bot).kb.versions.current() == live


async def test_an_encrypted_pdf_is_refused_in_english_for_an_english_admin(
    kb_bot: RunningBot,
) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(thai_pdf(["ลับ"]))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    admin = await kb_bot.user(ADMIN_ID, "Alice", lang="en")
    await admin.upload(buffer.getvalue(), file_name="secret.pdf")
    error = await admin.wait_for(lambda m: "❌" in m.text, timeout=SLOW)
    assert "password" in error.text and "unchanged" in error.text


async def test_a_non_admin_upload_is_refused(kb_bot: RunningBot) -> None:
    official = await kb_bot.user(OFFICIAL_ID)
    await official.upload(WASTE_BANK, file_name="waste-bank.md")
    reply = await official.next_message(timeout=SLOW)
    assert "ผู้ดูแลระบบ" in reply.text and not is_preview(reply)
    assert admin_of(kb_bot).pending() is None


async def test_a_second_admin_is_told_to_wait_and_cannot_press_the_first_ones_buttons(
    kb_bot: RunningBot,
) -> None:
    first = await kb_bot.user(ADMIN_ID)
    second = await kb_bot.user(SECOND_ADMIN_ID, "สมหญิง")
    preview = await upload_and_preview(first, WASTE_BANK, "waste-bank.md")
    await second.upload(thai_pdf(["เรื่องอื่น"]), file_name="other.pdf")
    busy = await second.wait_for(lambda m: "รอสักครู่" in m.text, timeout=SLOW)
    assert str(ADMIN_ID) in busy.text
    staging = button_data(preview)[0].split(":")[-1]
    forged = await second.press_forged(preview.message_id, f"kb:go:{staging}")
    assert "ผู้ดูแลระบบอีกท่าน" in await answered(forged)
    assert admin_of(kb_bot).pending() is not None  # still waiting for its owner
    await first.upload(WASTE_BANK, file_name="again.md")
    assert "รอยืนยัน" in (await first.wait_for(lambda m: "รอยืนยัน" in m.text, SLOW)).text


async def test_stale_and_forged_buttons_are_refused_politely(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ADMIN_ID)
    official = await kb_bot.user(OFFICIAL_ID)
    preview = await upload_and_preview(admin, WASTE_BANK, "waste-bank.md")
    staging = button_data(preview)[0].split(":")[-1]
    denied = await official.press_forged(preview.message_id, f"kb:go:{staging}")
    assert "ผู้ดูแลระบบเท่านั้น" in await answered(denied)
    await press(admin, preview, "kb:go:")
    await admin.wait_for(lambda m: "เผยแพร่แล้ว" in m.text, timeout=SLOW)
    again = await admin.press_forged(preview.message_id, f"kb:no:{staging}")
    assert "ไม่ได้รอการยืนยันแล้ว" in await answered(again)
    assert audit_actions(kb_bot).count("kb.published") == 1


async def test_a_pending_upload_survives_a_restart(
    launch: Launch, answerer: QuestionAnswerer, kb_gate: QuestionGate
) -> None:
    async with launch(answerer=answerer) as bot:
        attach_admin(bot, answerer, kb_gate)
        admin = await bot.user(ADMIN_ID)
        preview = await upload_and_preview(admin, WASTE_BANK, "waste-bank.md")
    async with launch(answerer=answerer) as bot:  # a new process: services built again
        await press(admin, preview, "kb:go:")
        await admin.wait_for(lambda m: "เผยแพร่แล้ว" in m.text, timeout=SLOW)
        official = await bot.user(OFFICIAL_ID)
        await official.send(WASTE_QUESTION)
        assert cites(await official.next_message(timeout=SLOW), WASTE_TITLE)


async def test_english_admins_get_an_english_preview(kb_bot: RunningBot) -> None:
    admin = await kb_bot.user(ENGLISH_ID, "Alice", lang="en")
    await admin.send("/kb")
    assert "only for admins" in (await admin.next_message()).text
    english_admin = await kb_bot.user(SECOND_ADMIN_ID, "Alice", lang="en")
    preview = await upload_and_preview(english_admin, WASTE_BANK, "waste-bank.md")
    assert "Preview" in preview.text and "Section 1" in preview.text
    assert any(b.text in ("✅ Go live", "⚠️ Go live anyway") for b in preview.button_list)
