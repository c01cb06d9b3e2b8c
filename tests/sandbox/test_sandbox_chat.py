"""The terminal chat client, driven through in-memory streams against the demo PTB app."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from bot.sandbox.chat import run_chat_client
from tests.sandbox.demo_app import running_demo_app


@pytest.fixture
async def app(sandbox):
    async with running_demo_app(sandbox) as application:
        yield application


async def chat(sandbox, lines: list[str], tmp_path, language: str = "th") -> str:
    out = io.StringIO()
    await run_chat_client(
        sandbox,
        user_id=7,
        first_name="สมศรี",
        language_code=language,
        stdin=io.StringIO("\n".join(lines) + "\n"),
        stdout=out,
        download_dir=tmp_path / "downloads",
        reply_wait=5,
    )
    return out.getvalue()


async def test_a_person_chats_presses_votes_and_uploads(sandbox, app, tmp_path):
    upload = tmp_path / "idea.txt"
    upload.write_text("abc", encoding="utf-8")
    output = await chat(
        sandbox,
        ["/start join_X", ":b 2", ":b 1", ":v 2", "สวัสดีบอต", f":upload {upload}", ":quit"],
        tmp_path,
    )
    assert "@ruamkit_bot" in output and "สมศรี" in output
    assert "สวัสดี join_X" in output and "<b>" not in output
    assert "[1] ทำแบบทดสอบ   [2] เว็บ → https://example.org" in output
    assert "ปุ่มนี้เปิดลิงก์ https://example.org" in output
    assert "🔔 บอตตอบ: เริ่มแล้ว" in output
    assert "(แก้ไขแล้ว)" in output and "เลือกแล้ว: แบบทดสอบ" in output
    assert "📊 quiz: 2+2 เท่ากับเท่าไร" in output and "  2) 4 — 0 เสียง" in output
    assert "คุณเลือกข้อ 2" in output and "  2) 4 — 1 เสียง" in output
    assert "\nสวัสดีบอต\n" in output
    saved = tmp_path / "downloads"
    files = list(saved.iterdir())
    assert [f.read_bytes() for f in files] == [b"cba"]
    assert str(files[0]) in output
    assert output.rstrip().endswith("ออกจากแชตแล้ว")


async def test_mistakes_get_clear_messages_not_tracebacks(sandbox, app, tmp_path):
    output = await chat(
        sandbox,
        [":b 1", ":v 1", ":nonsense", ":upload /no/such/file.pdf", "/start", ":b 7",
         ":b #999 1", ":v", ":b", ":v x", ":b #x 1"],
        tmp_path,
    )  # fmt: skip
    assert "ยังไม่มีข้อความที่มีปุ่ม" in output
    assert "ยังไม่มีโพลที่เปิดอยู่" in output
    assert "ไม่รู้จักคำสั่ง :nonsense" in output
    assert "ไม่พบไฟล์ /no/such/file.pdf" in output
    assert "ไม่มีหมายเลข 7 — เลือกได้ 1 ถึง 2" in output
    assert "ไม่มีข้อความหมายเลข 999" in output and "ไม่มีข้อความหมายเลข x" in output
    assert "ใช้ :v N" in output and "ใช้ :b N" in output
    assert "Traceback" not in output


async def test_help_commands_and_english(sandbox, app, tmp_path):
    output = await chat(sandbox, [":help", ":commands", "::colon"], tmp_path, language="en")
    assert "press button N of the latest message with buttons" in output
    assert "/start — เริ่ม" in output
    assert "\n:colon\n" in output  # '::' sends a text starting with ':' and the bot echoes it
    assert output.rstrip().endswith("left the chat")


async def test_buttons_can_be_pressed_by_their_text(sandbox, app, tmp_path):
    output = await chat(sandbox, ["/start", ":b ทำแบบทดสอบ"], tmp_path)
    assert "เลือกแล้ว: แบบทดสอบ" in output


def test_module_entry_point_serves_and_chats():
    finished = subprocess.run(
        [sys.executable, "-m", "bot.sandbox", "--port", "0", "--language", "en"],
        input=":help\n:quit\n", capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert "base_url=http://127.0.0.1:" in finished.stdout
    assert ":upload PATH" in finished.stdout and "left the chat" in finished.stdout


async def test_a_quiz_vote_shows_right_or_the_answer_and_why(sandbox, app, tmp_path):
    right = await chat(sandbox, ["/start", ":b 1", ":v 2", ":quit"], tmp_path)
    assert "✅ ถูกต้อง" in right and "❌" not in right
    wrong = await chat(sandbox, ["/start", ":b 1", ":v 1", ":quit"], tmp_path / "w")
    assert "❌ คำตอบที่ถูก: 4" in wrong and "💡 2+2=4" in wrong
