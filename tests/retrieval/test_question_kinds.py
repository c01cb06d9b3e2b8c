"""Question kinds from wording, Thai and English (they shape the answer)."""

from __future__ import annotations

import pytest

from retrieval.kinds import asks_for_outline, asks_which_level, question_kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("การบริหารราชการแบบมีส่วนร่วมคืออะไร", "definition"),
        ("What does governance mean?", "definition"),
        ("ปัจจัยความสำเร็จมีอะไรบ้าง", "list"),
        ("What are the pitfalls?", "list"),
        ("government กับ governance ต่างกันยังไง", "comparison"),
        ("How does public participation differ from participatory governance?", "comparison"),
        ("ทำไมต้องมีการบริหารราชการแบบมีส่วนร่วม", "why"),
        ("ใครเป็นผู้บรรยาย", "who"),
        ("Who gave this lecture?", "who"),
        ("หน่วยงานเราแค่จัดเวทีรับฟังความคิดเห็น ถือว่าอยู่ระดับไหน", "scenario"),
        ("We only hold a public hearing once a year. Which level is that?", "scenario"),
        ("หัวข้อการบรรยายมีอะไรบ้าง", "outline"),
        ("ตัวอย่างต่างประเทศที่ทำเรื่องนี้สำเร็จมีไหม", "other"),  # abroad, not a comparison
        ("ภาคส่วนต่างๆ มีบทบาทอะไร", "other"),
        ("Our provincial office invites the sugar mill to the water committee", "scenario"),
        ("What mistakes should we avoid?", "other"),
        ("การบริหารราชการแบบมีส่วนร่วมหมายความว่าอะไร", "definition"),
        ("EPA Superfund", "other"),
    ],
)
def test_question_kinds(question: str, kind: str) -> None:
    assert question_kind(question) == kind


def test_only_outline_questions_may_rank_agenda_slides_first() -> None:
    assert asks_for_outline("What topics does the lecture cover?")
    assert asks_for_outline("What will we learn today?")
    assert asks_for_outline("วันนี้จะเรียนเรื่องอะไรกันบ้าง")
    assert not asks_for_outline("ข้อควรระวังมีอะไรบ้าง")
    assert not asks_for_outline("What will we learn about empowerment?")  # a topic


@pytest.mark.parametrize(
    "question",
    [
        "อบต. ของเราให้ชาวบ้านโหวตเลือกโครงการที่จะใช้งบเอง ถือว่าอยู่ระดับไหนคะ",
        "เปิดให้แสดงความเห็นทางเพจอย่างเดียว นับเป็นการมีส่วนร่วมระดับใด",
        "การมีส่วนร่วมขั้นสูงสุดเรียกว่าอะไร",
        "We let a residents' panel make the final call on the park design. What level is that?",
        "Which rung of participation is a public hearing?",
    ],
)
def test_which_level_questions_are_recognised(question: str) -> None:
    assert asks_which_level(question)


@pytest.mark.parametrize(
    "question",
    [
        "ปัจจัยความสำเร็จมีอะไรบ้าง",
        "ระดับการมีส่วนร่วมมีกี่ระดับ",  # asks for the levels, not where a practice sits
        "What should a department change to work this way?",
        "ใครเป็นผู้บรรยาย",
    ],
)
def test_other_questions_are_not_which_level(question: str) -> None:
    assert not asks_which_level(question)


def test_only_lecture_units_that_lay_out_the_levels_count_as_level_units() -> None:
    from retrieval.index import level_shares
    from retrieval.units import Unit

    levels = "1. inform 2. consult 3. involve 4. collaborate 5. empower"
    units = [
        Unit("a", "lecture.md", "L", "slide", 8, "ระดับการมีส่วนร่วม", levels),
        Unit("b", "lecture.md", "L", "slide", 4, "นิยาม", "ประชาชนร่วมคิดร่วมทำ"),
        Unit("c", "upload.md", "U", "section", 1, "Service levels", levels),
        Unit("d", "lecture.md", "L", "slide", 5, "Info", "information is informative"),
    ]
    shares = level_shares(units, frozenset({"lecture.md"}))
    assert shares.tolist() == [1.0, 0.0, 0.0, 0.0]
