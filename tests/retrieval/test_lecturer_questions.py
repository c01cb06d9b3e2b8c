""" "Who gave this lecture?" in words no slide uses is answered from the title slide, and
"what will we learn today?" from the agenda, while a question about some other professor or
official is still refused."""

from __future__ import annotations

import pytest

from retrieval.kinds import asks_who_gave_this_talk


@pytest.mark.parametrize(
    "question",
    [
        "Which professor prepared these slides?",
        "สไลด์ชุดนี้ของอาจารย์ท่านไหน",
        "Who put together this lecture?",
    ],
)
def test_reworded_lecturer_questions_are_answered_with_the_lecturer(lecture_answerer, question):
    answer = lecture_answerer.ask(question)
    assert answer.found
    assert [c.number for c in answer.citations][:1] == [1]
    assert "พัชรี" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Which professor chairs the civil service commission?",
        "Who is the current Prime Minister of Thailand?",
        "อาจารย์ที่ปรึกษาวิทยานิพนธ์ควรเลือกอย่างไร",
        "Who is the speaker of the House of Representatives?",
        "Who teaches the budgeting course at the OCSC?",
        "อาจารย์ที่ปรึกษาโครงการของกรมเราชื่ออะไร",
    ],
)
def test_other_people_are_not_the_lecturer(question):
    assert not asks_who_gave_this_talk(question)


def test_a_question_about_speakers_fees_is_not_a_lecturer_question(lecture_answerer):
    question = "ค่าเบี้ยเลี้ยงวิทยากรเบิกได้ชั่วโมงละเท่าไหร่"
    assert not asks_who_gave_this_talk(question)
    assert not lecture_answerer.ask(question).found  # refused, not answered with slide 1


def test_a_question_about_someone_else_is_still_refused(lecture_answerer):
    assert not lecture_answerer.ask("Who is the current Prime Minister of Thailand?").found


def test_an_english_asker_gets_the_lecturers_name_in_english(lecture_answerer):
    answer = lecture_answerer.ask("Who gave this lecture?")
    assert answer.lang == "en"
    assert "Patcharee Siroros" in answer.answer
    assert "Thammasat University" in answer.answer


def test_every_key_term_is_the_lectures_own_words():
    from pathlib import Path

    from retrieval.glossary import KEY_TERMS

    lecture = Path(__file__).resolve().parents[2] / "knowledge" / "sources"
    text = "".join((lecture / "participatory-governance.md").read_text(encoding="utf-8").split())
    missing = [thai for thai, _, _ in KEY_TERMS if "".join(thai.split()) not in text]
    assert missing == []


@pytest.mark.parametrize("question", ["What will we learn today?", "วันนี้จะเรียนเรื่องอะไรกันบ้าง"])
def test_what_the_lecture_covers_is_answered_from_its_agenda(lecture_answerer, question):
    answer = lecture_answerer.ask(question)
    assert answer.found
    assert [c.number for c in answer.citations][:1] in ([2], [3])
