"""Questions that arrive while the model is busy are answered together, each its own answer."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.question_queue import QuestionQueue
from retrieval.answer import Answer


def _answer(question: str, lang: str | None) -> Answer:
    return Answer(found=True, answer=f"answer to {question}", lang=lang or "th", citations=[])


class GatedAnswerer:
    """Answers in batches and records them; the first batch waits until it is let go."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.started = threading.Event()
        self.release = threading.Event()

    def ask(self, question: str, lang: str | None = None) -> Answer:
        return self.ask_many([(question, lang)])[0]  # type: ignore[return-value]

    def ask_many(self, requests: list[tuple[str, str | None]]) -> list[Answer | Exception]:
        self.batches.append([question for question, _ in requests])
        self.started.set()
        self.release.wait(timeout=10)
        return [
            ValueError("broken question") if question == "broken" else _answer(question, lang)
            for question, lang in requests
        ]


@pytest.fixture
def pool():
    executor = ThreadPoolExecutor(max_workers=1)
    yield executor
    executor.shutdown(wait=True)


async def test_questions_asked_while_busy_are_answered_together(pool):
    answerer = GatedAnswerer()
    queue = QuestionQueue(answerer, pool, max_batch=3)
    first = asyncio.create_task(queue.ask("first", "th"))
    await asyncio.to_thread(answerer.started.wait, 10)
    later = [asyncio.create_task(queue.ask(f"q{n}", "en")) for n in range(4)]
    await asyncio.sleep(0.05)
    answerer.release.set()
    answers = await asyncio.gather(first, *later)
    assert [a.answer for a in answers] == ["answer to first"] + [
        f"answer to q{n}" for n in range(4)
    ]
    assert [a.lang for a in answers] == ["th", "en", "en", "en", "en"]
    assert answerer.batches == [["first"], ["q0", "q1", "q2"], ["q3"]]


async def test_one_broken_question_fails_alone(pool):
    answerer = GatedAnswerer()
    queue = QuestionQueue(answerer, pool)
    blocker = asyncio.create_task(queue.ask("first", None))
    await asyncio.to_thread(answerer.started.wait, 10)
    broken = asyncio.create_task(queue.ask("broken", None))
    fine = asyncio.create_task(queue.ask("fine", None))
    await asyncio.sleep(0.05)
    answerer.release.set()
    assert (await blocker).answer == "answer to first"
    with pytest.raises(ValueError, match="broken question"):
        await broken
    assert (await fine).answer == "answer to fine"


async def test_an_answerer_without_batches_answers_one_by_one(pool):
    class OneByOne:
        def __init__(self) -> None:
            self.asked: list[str] = []

        def ask(self, question: str, lang: str | None = None) -> Answer:
            self.asked.append(question)
            return _answer(question, lang)

    answerer = OneByOne()
    queue = QuestionQueue(answerer, pool)
    answers = await asyncio.gather(*(queue.ask(f"q{n}", None) for n in range(5)))
    assert [a.answer for a in answers] == [f"answer to q{n}" for n in range(5)]
    assert sorted(answerer.asked) == [f"q{n}" for n in range(5)]


@pytest.mark.slow
def test_a_batch_gives_each_question_the_answer_it_gets_alone(lecture_answerer):
    questions = [
        ("การบริหารราชการแบบมีส่วนร่วมคืออะไร", None),
        ("What are the five levels of public participation?", None),
        ("ราคาทองคำวันนี้เท่าไร", None),
        ("ปัจจัยความสำเร็จมีอะไรบ้าง", "en"),
    ]
    together = lecture_answerer.ask_many(questions)
    alone = [lecture_answerer.ask(question, lang) for question, lang in questions]
    assert [(a.found, a.lang, a.answer) for a in together] == [
        (a.found, a.lang, a.answer) for a in alone
    ]
    assert [a.found for a in alone] == [True, True, False, True]
