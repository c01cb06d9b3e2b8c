"""Optional LLM answers: a local OpenAI-compatible endpoint stands in for the external service."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from retrieval.generate import LLMGenerator, cited_numbers, make_chat_model
from retrieval.qa import QuestionAnswerer

pytestmark = pytest.mark.slow


class FakeEndpoint:
    """Serves /v1/chat/completions with queued replies (text, HTTP status, or a delay)."""

    def __init__(self) -> None:
        self.replies: list[tuple[int, str, float]] = []
        self.requests: list[dict[str, Any]] = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                endpoint.requests.append(body)
                status, text, delay = endpoint.replies.pop(0)
                time.sleep(delay)
                payload = {
                    "id": "x",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body["model"],
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": text},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
                data = json.dumps(payload).encode() if status == 200 else b'{"error": "boom"}'
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(data)
                except BrokenPipeError:  # the client gave up (timeout test)
                    pass

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"


@pytest.fixture
def endpoint() -> Iterator[FakeEndpoint]:
    fake = FakeEndpoint()
    thread = threading.Thread(target=fake.server.serve_forever, daemon=True)
    thread.start()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture
def generating(lecture_answerer: QuestionAnswerer, endpoint: FakeEndpoint) -> Iterator[Any]:
    """The shared answerer with an LLM generator pointed at the fake endpoint."""
    chat = make_chat_model(base_url=endpoint.url, model="test-model", api_key=None, timeout_s=1.0)
    lecture_answerer.generator = LLMGenerator(chat)
    yield lecture_answerer
    lecture_answerer.generator = None


QUESTION = "government กับ governance ต่างกันอย่างไร"


def test_a_cited_generated_answer_is_used_with_real_labels(
    generating: Any, endpoint: FakeEndpoint
) -> None:
    endpoint.replies.append((200, "governance เปิดให้ภาคส่วนอื่นร่วมกำหนดนโยบาย [1]", 0.0))
    answer = generating.ask(QUESTION)
    assert answer.mode == "generated" and answer.found
    assert "[สไลด์ 14]" in answer.answer and answer.citations[0].number == 14
    prompt = endpoint.requests[0]["messages"]
    assert "ONLY" in prompt[0]["content"] and "[1]" in prompt[1]["content"]


@pytest.mark.parametrize(
    "reply",
    [
        (200, "governance คือการร่วมกันปกครอง", 0.0),  # cites nothing
        (200, "NOT_COVERED", 0.0),
        (500, "", 0.0),  # the endpoint fails
        (200, "ช้าเกินไป [1]", 3.0),  # slower than the 1 s timeout
    ],
)
def test_anything_else_falls_back_to_the_extractive_answer(
    generating: Any, endpoint: FakeEndpoint, reply: tuple[int, str, float]
) -> None:
    endpoint.replies.append(reply)
    answer = generating.ask(QUESTION)
    assert answer.mode == "extractive" and answer.found
    assert 14 in {c.number for c in answer.citations}


def test_an_out_of_scope_question_never_reaches_the_llm(
    generating: Any, endpoint: FakeEndpoint
) -> None:
    answer = generating.ask("วิธีทำผัดกะเพราให้อร่อย")
    assert not answer.found and endpoint.requests == []


def test_cited_numbers_ignore_out_of_range_marks() -> None:
    assert cited_numbers("a [2] b [9] c [1] d [2]", available=3) == [2, 1]
