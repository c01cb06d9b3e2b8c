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
