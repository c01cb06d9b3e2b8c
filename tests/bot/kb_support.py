"""Shared pieces of the knowledge-base admin tests: documents to upload, a private KB."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

from docx import Document
from fpdf import FPDF
from PIL import Image

from bot.services import build_knowledge_admin
from core.fonts import thai_font_path
from core.settings import Settings
from retrieval.gate import QuestionGate
from retrieval.kb_admin import KnowledgeAdmin
from retrieval.knowledge_base import KnowledgeBase, index_root
from retrieval.qa import QuestionAnswerer

SECOND_ADMIN_ID = 9005
# A topic the lecture does not cover: questions about it are refused until it goes live.
WASTE_BANK = """---
title: ธนาคารขยะชุมชน
---

## ความหมายของธนาคารขยะชุมชน

ธนาคารขยะชุมชนคือกลุ่มที่ชาวบ้านรวมตัวกันรับซื้อขยะรีไซเคิล เช่น ขวดพลาสติก กระดาษ
และกระป๋องอะลูมิเนียม จากสมาชิก แล้วบันทึกมูลค่าเป็นเงินฝากในสมุดบัญชีของสมาชิกแต่ละคน

## ขั้นตอนการตั้งธนาคารขยะ

การตั้งธนาคารขยะเริ่มจากประชุมชาวบ้านเพื่อเลือกคณะกรรมการ กำหนดวันรับซื้อขยะเดือนละสองครั้ง
และติดต่อร้านรับซื้อของเก่าเพื่อตกลงราคากลาง
""".encode()
WASTE_QUESTION = "การตั้งธนาคารขยะเริ่มอย่างไร"
WASTE_TITLE = "ธนาคารขยะชุมชน"


def private_answerer(settings: Settings, lecture_answerer: Any) -> QuestionAnswerer:
    """A question answerer over a knowledge base of its own, sharing the loaded model.

    Its first version is a copy of the session's lecture index (embedding the lecture
    again would take seconds per test); the shared index itself is only read.
    """
    shared_kb = lecture_answerer.knowledge_base
    shared_kb.live()
    root = index_root(settings.index_dir, settings.embedding_model)
    shutil.copytree(shared_kb.versions.root, root, ignore=shutil.ignore_patterns("*.lock"))
    kb = KnowledgeBase.from_settings(settings, lambda: shared_kb.embedder)
    answerer = QuestionAnswerer(kb, cache_dir=settings.models_dir / "cache")
    answerer.warm_up()
    return answerer


def attach_admin(bot: Any, answerer: QuestionAnswerer, gate: QuestionGate) -> KnowledgeAdmin:
    """The bot's admin service, with a gate that already embedded the test questions."""
    admin = build_knowledge_admin(
        bot.settings, answerer.knowledge_base, engine=bot.services.engine
    )
    admin.gate = gate
    bot.services.kb_admin = admin
    return admin


def admin_of(bot: Any) -> KnowledgeAdmin:
    """The running bot's knowledge-base admin service (attached or built on first use)."""
    admin = bot.services.kb_admin
    assert admin is not None, "no /kb handler has run yet"
    return admin  # type: ignore[no-any-return]


def thai_pdf(pages: list[str], *, image_only: bool = False) -> bytes:
    """A PDF with Thai text on each page, or (image_only) a scan-like page with no text."""
    pdf = FPDF()
    pdf.add_font("Garuda", fname=str(thai_font_path()))
    pdf.set_font("Garuda", size=14)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 10, text)
        if image_only:
            pdf.image(Image.new("RGB", (60, 60), "gray"), x=20, y=20, w=120)
    return bytes(pdf.output())


def docx_bytes(title: str, sections: dict[str, str]) -> bytes:
    """A Word file with a title and one heading per section."""
    document = Document()
    document.add_paragraph(title, style="Title")
    for heading, text in sections.items():
        document.add_heading(heading, level=1)
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    """Put bytes in a file for the command line."""
    path = tmp_path / name
    path.write_bytes(data)
    return path
