"""What users actually send gets a message that says what is wrong (Thai and English)."""

from __future__ import annotations

import pytest

from bot.handlers.kb_render import render_problem
from knowledge.validation import UploadRejected, check_upload

RANDOM_BYTES = bytes(range(256)) * 40


def _refusal(data: bytes, name: str, lang: str) -> str:
    with pytest.raises(UploadRejected) as caught:
        check_upload(data, name)
    return str(render_problem(caught.value, name, lang))


def test_random_bytes_named_pdf_are_not_a_valid_pdf() -> None:
    thai = _refusal(RANDOM_BYTES, "x.pdf", "th")
    assert "ไม่ใช่ไฟล์ PDF ที่ถูกต้อง" in thai and "x.pdf" in thai
    assert "ไม่ใช่รูปแบบที่รองรับ" not in thai  # not "unsupported (PDF is supported…)"
    english = _refusal(RANDOM_BYTES, "x.pdf", "en")
    assert "this file is not a valid PDF" in english
    assert "not a supported format" not in english


@pytest.mark.parametrize(
    ("name", "thai", "english"),
    [
        ("x.docx", "ไม่ใช่ไฟล์ Word (.docx) ที่ถูกต้อง", "not a valid Word file"),
        ("x.pptx", "ไม่ใช่ไฟล์ PowerPoint (.pptx) ที่ถูกต้อง", "not a valid PowerPoint file"),
    ],
)
def test_corrupt_office_files_name_the_format(name: str, thai: str, english: str) -> None:
    for data in (RANDOM_BYTES, b"PK\x03\x04" + bytes(300)):  # garbage and a broken ZIP
        assert thai in _refusal(data, name, "th")
        assert english in _refusal(data, name, "en")


def test_a_whitespace_only_text_file_has_no_text() -> None:
    thai = _refusal(b"   \n\n\t  \n", "notes.txt", "th")
    assert "ไฟล์นี้ไม่มีข้อความ" in thai and "สแกน" not in thai
    english = _refusal(b"   \n\n\t  \n", "notes.txt", "en")
    assert "the file has no text" in english and "scanned" not in english


def test_unknown_binary_without_a_document_name_is_still_unsupported() -> None:
    assert "not a supported format" in _refusal(RANDOM_BYTES, "data.bin", "en")


def test_only_files_that_read_as_questions_make_an_admin_choose() -> None:
    from bot.handlers.kb_file_choice import could_be_questions

    prose = "การมีส่วนร่วมของประชาชน\nคือการที่ประชาชนได้ร่วมคิดและร่วมตัดสินใจ\n".encode()
    aiken = b"Which level?\nA. Inform\nB. Empower\nANSWER: B\n"
    assert not could_be_questions("notes.txt", prose)  # a document: straight to the base
    assert could_be_questions("quiz.txt", aiken)
    assert could_be_questions("quiz.gift", b"anything")
    assert not could_be_questions("slides.pdf", aiken)


@pytest.mark.parametrize(
    ("lang", "admin_says", "trainer_says"),
    [
        ("th", "ส่งไฟล์ (PDF, PPTX, DOCX, Markdown) มาในแชตเพื่อเพิ่มเอกสาร", "ส่งไฟล์คำถามมาในแชต"),
        (
            "en",
            "send a file (PDF, PPTX, DOCX, Markdown) here to add a document",
            "send a question file",
        ),
    ],
)
async def test_help_tells_admins_and_trainers_what_sending_a_file_does(
    sandbox, settings, lang: str, admin_says: str, trainer_says: str
) -> None:
    from tests.bot.support import ADMIN_ID, OFFICIAL_ID, TRAINER_ID
    from tests.bot.trainer_support import MovableClock, trainer_bot

    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        helps = {}
        for person_id in (ADMIN_ID, TRAINER_ID, OFFICIAL_ID):
            person = await bot.user(person_id, "Kim", lang=lang)
            await person.send("/help")
            helps[person_id] = (await person.next_message()).text
    assert admin_says in helps[ADMIN_ID] and trainer_says in helps[ADMIN_ID]
    assert trainer_says in helps[TRAINER_ID] and admin_says not in helps[TRAINER_ID]
    assert trainer_says not in helps[OFFICIAL_ID] and admin_says not in helps[OFFICIAL_ID]


def test_history_marks_exactly_one_version_live_with_thai_dates() -> None:
    from bot.handlers.kb_render import render_history
    from retrieval.versions import VersionEvent

    events = [  # newest first; v1 went live, then v2, then v1 again by rollback
        VersionEvent("v1", "rollback", "2026-12-31T18:00:00+00:00", "ann", {}),
        VersionEvent("v2", "add", "2026-12-30T09:00:00+00:00", "ann", {"added": ["x.md"]}),
        VersionEvent("v1", "reload", "2026-12-01T02:00:00+00:00", "cli", {}),
    ]
    thai = str(render_history(events, "v1", "th"))
    assert thai.count("ใช้อยู่") == 1 and "ใช้อยู่" in thai.splitlines()[1]
    assert "1 ม.ค. 2570 01:00 น." in thai  # Bangkok time, Buddhist era, across the new year
    english = str(render_history(events, "v1", "en"))
    assert english.count("live") == 1 and "1 Jan 2027 01:00" in english


def test_rollback_asks_first_and_shows_the_version_that_comes_back() -> None:
    from bot.handlers.kb_render import render_rollback

    text, markup = render_rollback(
        "v1",
        "2026-12-01T02:00:00+00:00",
        {"lecture.md": "การบรรยาย"},
        {"lecture.md": "การบรรยาย", "waste.md": "ธนาคารขยะ"},
        "th",
    )
    assert "v1" in text and "1 ธ.ค. 2569 09:00 น." in text and "lecture.md" in text
    assert "− waste.md" in text
    data = [button.callback_data for row in markup.inline_keyboard for button in row]
    assert data == ["kb:rb:v1", "kb:rb:no"]
    english, _markup = render_rollback("v1", "2026-12-01T02:00:00+00:00", {}, {}, "en")
    assert "Roll back to the previous version?" in english and "went live 1 Dec 2026" in english
