""" "Who gave this lecture?" in words no slide uses is answered from the title slide, while a
question about some other professor or official is still refused."""

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
    ],
)
def test_other_people_are_not_the_lecturer(question):
    assert not asks_who_gave_this_talk(question)


def test_a_question_about_someone_else_is_still_refused(lecture_answerer):
    assert not lecture_answerer.ask("Who is the current Prime Minister of Thailand?").found
