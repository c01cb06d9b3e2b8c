"""Question kinds from wording, Thai and English (they shape the answer)."""

from __future__ import annotations

import pytest

from retrieval.kinds import asks_for_outline, question_kind


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
    assert not asks_for_outline("ข้อควรระวังมีอะไรบ้าง")
