"""/import in the chat: CSV, GIFT and Aiken; errors listed by line; a bad file adds nothing."""

from __future__ import annotations

import pytest
from sqlmodel import select

from bot.handlers.trainer_state import TrainerDraft
from quizzes.trainer_models import ImportedQuestion
from tests.bot.support import ADMIN_ID, TRAINER_ID, button_data
from tests.bot.trainer_support import MovableClock, step, trainer_bot

CSV_OK = (
    "question_th,question_en,options,options_en,correct,topic,slides\n"
    "ระดับใดให้ประชาชนตัดสินใจ,Which level lets people decide?,ให้ข้อมูล|ปรึกษา|เสริมอำนาจ,"
    "Inform|Consult|Empower,3,levels,8\n"
    "ใครควรมีส่วนร่วม,Who should take part?,ผู้มีส่วนได้เสีย|ไม่มีใคร,Stakeholders|Nobody,1,,\n"
)
GIFT_OK = """// questions for the cohort
$CATEGORY: $course$/หลักการ

::q1:: ระดับใดให้ประชาชนตัดสินใจ? {=เสริมอำนาจ ~ให้ข้อมูล ~ปรึกษา}

::q2:: การมีส่วนร่วมเป็นหน้าที่ของรัฐเท่านั้น {F}
"""
AIKEN_OK = """ระดับใดให้ประชาชนตัดสินใจ?
A. ให้ข้อมูล
B. ปรึกษา
C. เสริมอำนาจ
ANSWER: C

ใครควรมีส่วนร่วม?
A) ผู้มีส่วนได้เสีย
B) ไม่มีใคร
ANSWER: A
"""
CSV_BAD = (
    "question_th,options,correct,topic,slides\n"
    "ข้อหนึ่ง,ก|ข|ค,2,levels,8\n"
    "ข้อสอง,ก|ข|ค,9,levels,8\n"
    "ข้อสาม,,1,levels,8\n"
    "ข้อสี่,ก|ข,1,levels,สาม\n"
)
GIFT_BAD = """::q1:: ระดับใดให้ประชาชนตัดสินใจ? {=เสริมอำนาจ ~ให้ข้อมูล ~ปรึกษา}

::q2:: เมืองหลวงของไทยคือ {=กรุงเทพ =บางกอก}

::q3:: 2+2 = {#4}
"""
AIKEN_BAD = """ระดับใดให้ประชาชนตัดสินใจ?
A. ให้ข้อมูล
B. ปรึกษา
ANSWER: D

ใครควรมีส่วนร่วม?
A) ผู้มีส่วนได้เสีย
B) ไม่มีใคร
"""


def imported(bot) -> list[ImportedQuestion]:
    with bot.services.session() as session:
        return list(session.exec(select(ImportedQuestion)))


@pytest.fixture
async def trainer_chat(sandbox, settings):
    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        trainer = await bot.user(TRAINER_ID, "ครูสมศรี")
        yield bot, trainer


async def send_file(trainer, content: str, name: str, caption: str | None = None) -> str:
    await trainer.upload(content.encode("utf-8"), name, caption=caption)
    return (await trainer.next_message()).text


@pytest.mark.parametrize(
    ("content", "name", "count"),
    [(CSV_OK, "questions.csv", 2), (GIFT_OK, "questions.gift", 2), (AIKEN_OK, "aiken.txt", 2)],
)
async def test_each_format_imports_after_the_command(trainer_chat, content, name, count):
    bot, trainer = trainer_chat
    await trainer.send("/import")
    prompt = await trainer.next_message()
    assert "CSV" in prompt.text and "GIFT" in prompt.text and "Aiken" in prompt.text
    reply = await send_file(trainer, content, name)
    assert f"พร้อมนำเข้า {count} ข้อ" in reply and f"นำเข้าแล้ว {count} ข้อ" in reply
    rows = imported(bot)
    assert len(rows) == count and {row.owner_id for row in rows} == {TRAINER_ID}
    assert {row.source_format for row in rows} == {name.rsplit(".")[-1].replace("txt", "aiken")}


@pytest.mark.parametrize(
    ("content", "name", "lines"),
    [
        (CSV_BAD, "bad.csv", ("บรรทัด 3: คำตอบที่ถูก '9'", "บรรทัด 4: ไม่มีตัวเลือก", "บรรทัด 5: เลขสไลด์")),
        (
            GIFT_BAD,
            "bad.gift",
            ("บรรทัด 3: ไม่รองรับคำถามแบบเติมคำตอบสั้น", "บรรทัด 5: ไม่รองรับคำถามแบบตัวเลข"),
        ),
        (AIKEN_BAD, "bad.txt", ("บรรทัด 4: คำตอบ 'D'", "บรรทัด 6: คำถามนี้ไม่มีบรรทัด ANSWER")),
    ],
)
async def test_a_malformed_file_is_reported_by_line_and_adds_nothing(
    trainer_chat, content, name, lines
):
    bot, trainer = trainer_chat
    await trainer.send("/import")
    await trainer.next_message()
    reply = await send_file(trainer, content, name)
    assert "ยังไม่นำเข้าคำถามใด" in reply and f"พบข้อผิดพลาด {len(lines)} จุด" in reply
    for line in lines:
        assert line in reply
    assert imported(bot) == []
    # The form still waits: the corrected file goes through.
    assert "นำเข้าแล้ว 2 ข้อ" in await send_file(trainer, CSV_OK, "fixed.csv")
    assert len(imported(bot)) == 2


async def test_the_report_speaks_english_and_other_files_are_refused(sandbox, settings):
    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        trainer = await bot.user(TRAINER_ID, "Somsri", lang="en")
        reply = await send_file(trainer, CSV_BAD, "bad.csv", caption="/import")
        assert "line 3: correct answer '9' is not one of options 1-3" in reply
        assert "nothing was imported" in reply
        reply = await send_file(trainer, "%PDF-1.4", "slides.pdf", caption="/import")
        assert "send a .csv, .gift or .txt" in reply
        assert imported(bot) == []


async def test_template_round_trip_then_files_go_back_to_the_knowledge_base(trainer_chat):
    bot, trainer = trainer_chat
    await trainer.send("/import")
    prompt = await trainer.next_message()
    await trainer.press(prompt, "tr:it")
    template = (await trainer.next_message()).document
    assert template is not None and template.file_name.endswith(".csv")
    reply = await send_file(trainer, template.data.decode("utf-8-sig"), "template.csv")
    assert "นำเข้าแล้ว 1 ข้อ" in reply
    # Imported: the form is closed; another question file is offered to /import, not refused.
    offer = await send_file(trainer, CSV_OK, "again.csv")
    assert "ดูเหมือนเป็นไฟล์คำถาม" in offer and "ผู้ดูแลระบบ" not in offer
    assert len(imported(bot)) == 1
    await trainer.send("/import")
    listing = await trainer.next_message()
    assert "template.csv: 1 ข้อ" in listing.text
    (retire,) = [d for d in button_data(listing) if d.startswith("tr:ir:")]
    answer = await (await trainer.press(listing, retire)).answered()
    assert "เลิกใช้ 1 ข้อ" in (answer.text or "")
    assert [row.active for row in imported(bot)] == [False]


@pytest.mark.parametrize(("lang", "label"), [("th", "นำเข้า (2)"), ("en", "Imported (2)")])
async def test_questions_imported_without_a_topic_get_a_topic_name_in_the_users_language(
    sandbox, settings, lang, label
):
    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        trainer = await bot.user(TRAINER_ID, "ครู", lang=lang)
        await send_file(trainer, AIKEN_OK, "aiken.txt", caption="/import")
        assert {row.topic for row in imported(bot)} == {"imported"}
        await trainer.send("/cohort new Batch")
        await trainer.next_message()
        await trainer.send("/assign")
        form = await trainer.next_message()
        topics = await step(trainer, form, button_data(form)[0])  # the only cohort
        labels = [button.text for button in topics.button_list]
        assert any(label in text for text in labels), labels
        assert not any("imported (" in text for text in labels)


async def test_a_question_file_sent_without_import_is_offered_and_imported_with_a_button(
    trainer_chat,
):
    bot, trainer = trainer_chat
    await trainer.upload(GIFT_OK.encode(), "questions.gift")
    offer = await trainer.next_message()
    assert "ดูเหมือนเป็นไฟล์คำถาม" in offer.text and "/import" in offer.text
    assert "เฉพาะผู้ดูแลระบบ" not in offer.text
    (button,) = offer.button_list
    assert "นำเข้า" in button.text
    await trainer.press(offer, button.callback_data)
    done = await trainer.wait_for(lambda m: "นำเข้าแล้ว" in m.text)
    assert "นำเข้าแล้ว 2 ข้อ" in done.text and len(imported(bot)) == 2
    answer = await (await trainer.press_forged(offer.message_id, button.callback_data)).answered()
    assert "เก่าแล้ว" in (answer.text or "") and len(imported(bot)) == 2  # used once


async def test_the_offer_speaks_english_and_other_files_point_to_import(sandbox, settings):
    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        trainer = await bot.user(TRAINER_ID, "Somsri", lang="en")
        reply = await send_file(trainer, AIKEN_OK, "aiken.txt")
        assert "looks like a question file" in reply and "Import its questions" in reply
        reply = await send_file(trainer, "%PDF-1.4", "slides.pdf")
        assert "Only admins can add documents" in reply and "/import" in reply
        assert imported(bot) == []


async def test_a_question_file_does_not_replace_an_assign_form_in_progress(trainer_chat):
    bot, trainer = trainer_chat
    await trainer.send("/cohort new รุ่นไฟล์")
    await trainer.next_message()
    await trainer.send("/assign")
    await trainer.next_message()
    reply = await send_file(trainer, CSV_OK, "questions.csv")
    assert "กำลังกรอกแบบฟอร์ม /assign" in reply
    with bot.services.session() as session:
        assert session.get(TrainerDraft, TRAINER_ID).step == "cohort"  # the form is kept


async def test_an_admin_is_asked_whether_a_question_file_is_questions_or_a_document(
    sandbox, settings
):
    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        admin = await bot.user(ADMIN_ID, "ผู้ดูแล")
        await admin.upload(CSV_OK.encode(), "questions.csv")
        ask = await admin.next_message()
        assert "ใช้ได้ทั้งสองแบบ" in ask.text
        labels = [b.text for b in ask.button_list]
        assert labels == ["📥 นำเข้าเป็นคำถาม", "📚 เพิ่มในฐานความรู้"]
        await admin.press(ask, ask.button_list[0].callback_data)
        await admin.wait_for(lambda m: "นำเข้าแล้ว 2 ข้อ" in m.text)
        assert {row.owner_id for row in imported(bot)} == {ADMIN_ID}
