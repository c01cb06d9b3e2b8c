"""Shared data for the trainer tests: a hand-checked answer matrix and answering helpers.

The matrix (10 learners x 6 questions, 1 = right) and the numbers derived from it by hand:

           Q1 Q2 Q3 Q4 Q5 Q6   total
    L1      1  1  0  1  1  1     5
    L2      1  0  0  1  1  1     4
    L3      1  0  0  1  1  1     4
    L4      1  0  1  1  0  0     3
    L5      1  0  0  1  1  0     3
    L6      1  0  1  0  1  0     3
    L7      1  0  0  0  1  1     3
    L8      1  0  1  0  0  0     2
    L9      1  0  1  0  0  0     2
    L10     1  0  0  1  0  0     2
    right  10  1  4  6  6  4    31

Facility = right / 10.  Groups: 27% of 10 = 2.7, rounded half up = 3 learners each; totals
5,4,4 | 3,3,3,3 | 2,2,2 leave no tie at either boundary: upper = L1-L3, lower = L8-L10.
D = upper share - lower share: Q1 3/3-3/3 = 0; Q2 1/3-0 = 0.3333; Q3 0-2/3 = -0.6667;
Q4 3/3-1/3 = 0.6667; Q5 1-0 = 1; Q6 1-0 = 1.
Point-biserial: mean total 3.1, population variance (3.61+0.81+0.81+4*0.01+3*1.21)/10 = 0.89,
s = 0.943398.  r = (M_right - M_wrong) / s * sqrt(p q):
Q2 (5 - 26/9) / s * 0.3 = 0.671332; Q3 (2.5 - 3.5) / s * sqrt(.24) = -0.519291;
Q4 (3.5 - 2.5) / s * 0.489898 = 0.519291; Q5 (22/6 - 9/4) / s * 0.489898 = 0.735662;
Q6 (4 - 2.5) / s * 0.489898 = 0.778936; Q1 everyone right: None.
Flags: Q1 too easy (1.0 > 0.9), Q2 too hard (0.1 < 0.2), Q3 negative discrimination.
Topics: why = Q2+Q5 = 7/20 = 35%; levels = Q3+Q4 = 10/20 = 50%; definition = Q1+Q6 = 14/20 = 70%.
Slides to revisit (misses per slide): why: slide 5 (9 misses), slide 6 (4); levels: slide 8
(Q3 6 + Q4 4 = 10), slide 9 (4); definition: slide 3 (6) (slide 2 of Q1 was never missed).
Pass mark 60% of 6 questions = 3.6, so 4 right passes: L1, L2, L3.
Percents: 5/6 = 83, 4/6 = 67, 3/6 = 50, 2/6 = 33.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from quizzes.service import attempt_items, record_item_answer

MATRIX: dict[str, tuple[int, ...]] = {
    "L1": (1, 1, 0, 1, 1, 1),
    "L2": (1, 0, 0, 1, 1, 1),
    "L3": (1, 0, 0, 1, 1, 1),
    "L4": (1, 0, 1, 1, 0, 0),
    "L5": (1, 0, 0, 1, 1, 0),
    "L6": (1, 0, 1, 0, 1, 0),
    "L7": (1, 0, 0, 0, 1, 1),
    "L8": (1, 0, 1, 0, 0, 0),
    "L9": (1, 0, 1, 0, 0, 0),
    "L10": (1, 0, 0, 1, 0, 0),
}
QUESTION_TOPICS = ("definition", "why", "levels", "levels", "why", "definition")
QUESTION_SLIDES = ((2,), (5,), (8,), (8, 9), (6,), (3,))
EXPECTED_FACILITY = (1.0, 0.1, 0.4, 0.6, 0.6, 0.4)
EXPECTED_D = (0.0, 1 / 3, -2 / 3, 2 / 3, 1.0, 1.0)
EXPECTED_RPB = (None, 0.671332, -0.519291, 0.519291, 0.735662, 0.778936)
EXPECTED_TOPICS = (("why", 35.0, (5, 6)), ("levels", 50.0, (8, 9)), ("definition", 70.0, (3,)))
EXPECTED_PERCENT = {"L1": 83, "L2": 67, "L3": 67, "L4": 50, "L5": 50, "L6": 50, "L7": 50,
                    "L8": 33, "L9": 33, "L10": 33}  # fmt: skip
PASSERS = {"L1", "L2", "L3"}


def user_id(name: str) -> int:
    """Telegram-sized ids for the learners L1..L10 (beyond 32 bits on purpose)."""
    return 7_000_000_000 + int(name.removeprefix("L"))


def questions_csv() -> str:
    """A CSV of six questions whose topics and slides match the matrix above."""
    lines = ["question_th,question_en,options,options_en,correct,topic,difficulty,slides"]
    for number, (topic, slides) in enumerate(
        zip(QUESTION_TOPICS, QUESTION_SLIDES, strict=True), start=1
    ):
        options = f"ถูก {number}|ผิด ก {number}|ผิด ข {number}"
        english = f"right {number}|wrong a {number}|wrong b {number}"
        slide_cell = ";".join(str(s) for s in slides)
        lines.append(
            f"คำถามข้อ {number},Question {number},{options},{english},1,{topic},medium,{slide_cell}"
        )
    return "\n".join(lines) + "\n"


def answer_all(
    session: Session, *, attempt_id: int, user: int, rights: tuple[int, ...], at: datetime
) -> None:
    """Answer every item of the attempt right (1) or wrong (0), through the quiz service."""
    for item, right in zip(
        attempt_items(session=session, attempt_id=attempt_id), rights, strict=True
    ):
        order = list(item.option_order)
        key = item.answer_key[0]
        chosen = order.index(key) if right else next(i for i, c in enumerate(order) if c != key)
        outcome = record_item_answer(
            session=session, attempt_item_id=item.id, user_id=user, shown_choice=[chosen],
            answered_at=at,
        )  # fmt: skip
        assert getattr(outcome, "correct", None) is bool(right), outcome
