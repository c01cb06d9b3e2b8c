"""Each question kind gets the answer shape an official can use (real lecture, real model)."""

from __future__ import annotations

from typing import Any

import pytest

from knowledge import thai
from retrieval import prompts

pytestmark = pytest.mark.slow


def _plain(text: str) -> None:
    """Plain text: no HTML, no Markdown markup."""
    for mark in ("**", "<b>", "</", "| ", "## "):
        assert mark not in text


def test_a_list_question_gets_the_whole_numbered_list(lecture_answerer: Any) -> None:
    answer = lecture_answerer.ask("ระดับการมีส่วนร่วมของประชาชนในการบริหารงานภาครัฐแบ่งเป็นกี่ระดับ")
    assert answer.found and answer.citations[0].number == 8
    lines = answer.answer.splitlines()
    numbered = [line for line in lines if line[:2] in {"1.", "2.", "3.", "4.", "5."}]
    assert len(numbered) == 5
    assert "(inform)" in numbered[0] and "(empower)" in numbered[4]
    assert "[สไลด์ 8]" in lines
    _plain(answer.answer)


def test_a_comparison_gets_both_sides(lecture_answerer: Any) -> None:
    answer = lecture_answerer.ask("government กับ governance ต่างกันยังไง")
    assert answer.found and answer.citations[0].number == 14
    text = answer.answer
    assert "government:" in text and "governance:" in text
    assert "ลูกค้าขององค์การ" in text and "เชิญชวนภาคต่างๆ" in text
    _plain(text)


def test_a_definition_quotes_the_definition_whole(lecture_answerer: Any) -> None:
    answer = lecture_answerer.ask("การบริหารราชการแบบมีส่วนร่วมหมายความว่าอะไร")
    assert answer.found and answer.citations[0].number == 4
    lead = answer.answer.splitlines()[0]
    assert lead.startswith("ความหมายตามการบรรยาย") and "สไลด์ 4" in lead
    assert "ตั้งแต่เริ่มคิด ร่วมตัดสินใจ และร่วมดำเนินนโยบายหรือโครงการ" in answer.answer


def test_who_gave_the_lecture_cites_the_title_slide(lecture_answerer: Any) -> None:
    for question in ("ใครเป็นวิทยากรของการบรรยายนี้", "Who presented this lecture?"):
        answer = lecture_answerer.ask(question)
        assert answer.found and answer.citations[0].number == 1
        assert "พัชรี สิโรรส" in answer.answer


def test_a_scenario_about_ones_own_agency_is_answered_not_refused(lecture_answerer: Any) -> None:
    answer = lecture_answerer.ask(
        "สำนักงานเราจัดประชุมให้ชาวบ้านมาแสดงความเห็นปีละครั้ง แบบนี้นับเป็นการมีส่วนร่วมระดับไหน"
    )
    assert answer.found
    assert {c.number for c in answer.citations} & {7, 8, 10}
    assert "รับฟังความคิดเห็น" in answer.answer


def test_an_english_question_gets_an_english_lead_labels_and_glosses(
    lecture_answerer: Any,
) -> None:
    answer = lecture_answerer.ask("What are the pitfalls of participatory governance?")
    assert answer.found and answer.lang == "en"
    lines = answer.answer.splitlines()
    assert thai.detect_language(lines[0]) == "en" and "Slide 22" in lines[0]
    assert "[Slide 22]" in lines
    assert "• ภาพลวงตา" in lines  # the Thai quote, item by item
    glosses = lines[lines.index("Key terms:") + 1 :]
    assert any(line.startswith("• ภาพลวงตา = illusion") for line in glosses)


def test_a_heading_alone_is_never_the_answer(lecture_answerer: Any) -> None:
    answer = lecture_answerer.ask("ปัจจัยความสำเร็จของการบริหารราชการแบบมีส่วนร่วม")
    assert answer.found and answer.citations[0].number == 21
    body = [line for line in answer.answer.splitlines()[1:] if line.startswith("• ")]
    assert len(body) >= 4 and any("ผู้นำที่เข้มแข็ง" in line for line in body)


def test_a_term_the_slide_writes_in_english_is_glossed_without_repeating_itself() -> None:
    block = prompts.gloss_block(
        [
            ("governance", "governance", "the state makes policy with others"),
            ("หุ้นส่วน", "partner", "x"),
        ]
    )
    assert "• governance: the state makes policy with others" in block.splitlines()
    assert "• หุ้นส่วน = partner: x" in block.splitlines()
