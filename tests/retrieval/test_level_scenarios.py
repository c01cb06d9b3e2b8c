"""A "which level is our practice?" scenario is answered from the levels, not refused."""

from __future__ import annotations

import pytest

LEVEL_SLIDES = {8, 9, 10}


@pytest.mark.parametrize(
    "question",
    [
        "อบต. ของเราให้ชาวบ้านโหวตเลือกโครงการที่จะใช้งบเอง ถือว่าอยู่ระดับไหนคะ",
        "We let a residents' panel make the final call on the park design. What level is that?",
    ],
)
def test_which_level_scenarios_get_the_levels_slide(lecture_answerer, question):
    answer = lecture_answerer.ask(question)
    assert answer.found
    assert {c.number for c in answer.citations} & LEVEL_SLIDES


@pytest.mark.parametrize(
    "question",
    [
        "เทศบาลเราเชิญชาวบ้านมาฟังชี้แจงโครงการอย่างเดียว แบบนี้นับเป็นการมีส่วนร่วมระดับไหนคะ",
        "We only post notices about the project on our website. Which level is that?",
    ],
)
def test_a_which_level_reply_shows_the_whole_ladder(lecture_answerer, question):
    answer = lecture_answerer.ask(question)
    assert answer.found
    for level in ("inform", "consult", "involve", "collaborate", "empower"):
        assert level in answer.answer
    assert {c.number for c in answer.citations} & {8, 9}


def test_an_english_which_level_reply_glosses_the_lowest_level(lecture_answerer):
    question = (
        "We only put up posters announcing the new road. Which level of participation is that?"
    )
    answer = lecture_answerer.ask(question)
    assert answer.lang == "en"
    assert "= inform: level 1" in answer.answer
