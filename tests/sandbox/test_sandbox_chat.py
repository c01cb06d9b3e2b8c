"""The terminal chat client, driven through in-memory streams against the demo PTB app."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from bot.cli.run import TerminalUser, serve_sandbox
from bot.sandbox.chat import run_chat_client
from core.users import Role
from retrieval.answer import Answer
from retrieval.knowledge_base import index_root
from retrieval.versions import VersionStore
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


class QuietAnswerer:
    """A question answerer that needs no model: these tests are about the chat itself."""

    def ask(self, question, lang=None):
        return Answer(False, "ไม่พบคำตอบในเอกสาร", [], lang or "th")

    def warm_up(self):
        pass


async def ruamkit_chat(settings, lines: list[str], role: str = "admin") -> str:
    """`ruamkit run` without a token (sandbox, the real bot, the terminal chat), as typed."""
    out = io.StringIO()
    local = settings.model_copy(update={"sandbox_port": 0})
    person = TerminalUser(role=Role(role))
    stdin = io.StringIO("\n".join([*lines, ":quit"]) + "\n")
    assert await serve_sandbox(local, person, stdin, out, answerer=QuietAnswerer()) == 0
    return out.getvalue()


async def test_as_switches_role_without_a_restart(settings):
    output = await ruamkit_chat(
        settings, ["/grant 5", ":as official", "/grant 6", ":commands", ":as trainer",
                   ":as admin", "/grant 7", ":commands"],
    )  # fmt: skip
    as_official, as_trainer, as_admin = (
        output.index(f"ตอนนี้คุณคือ สมชาย (id 10001) บทบาท{label}")
        for label in ("เจ้าหน้าที่", "ผู้ฝึกอบรม", "ผู้ดูแลระบบ")
    )
    assert "ในฐานะ สมชาย (id 10001) บทบาทผู้ดูแลระบบ" in output  # the default, as --help says
    assert "ให้สิทธิ์ผู้ฝึกอบรมแก่ 5 แล้ว" in output[:as_official]
    as_an_official = output[as_official:as_trainer]
    assert "ส่วนนี้สำหรับผู้ดูแลระบบเท่านั้น" in as_an_official and "/grant —" not in as_an_official
    assert "ให้สิทธิ์ผู้ฝึกอบรมแก่ 7 แล้ว" in output[as_admin:] and "/grant —" in output[as_admin:]


async def test_as_another_person_sees_what_the_bot_sent_them(settings):
    output = await ruamkit_chat(
        settings, [":as 10002 มานี", "/start", ":as 10001", "/grant 10002", ":as 10002"]
    )
    first, back, again = (
        output.index("ตอนนี้คุณคือ มานี (id 10002) บทบาทเจ้าหน้าที่"),
        output.index("ตอนนี้คุณคือ สมชาย (id 10001) บทบาทผู้ดูแลระบบ"),
        output.index("ตอนนี้คุณคือ มานี (id 10002) บทบาทผู้ฝึกอบรม"),
    )
    assert first < back < again
    assert "ให้สิทธิ์ผู้ฝึกอบรมแก่ มานี (10002) แล้ว" in output[back:again]
    assert "คุณได้รับสิทธิ์ผู้ฝึกอบรมแล้ว" in output[again:]  # waiting for 10002, shown on return


async def test_as_explains_itself_when_misused(settings):
    output = await ruamkit_chat(settings, [":as", ":as chef", ":help"])
    assert output.count("ใช้ :as บทบาท (official, trainer, admin) หรือ :as ID [ชื่อ]") == 2
    assert ":as official, :as trainer, :as admin" in output  # listed in :help
    assert "Traceback" not in output


async def test_as_in_a_sandbox_without_roles_switches_people_only(sandbox, app, tmp_path):
    output = await chat(sandbox, [":as trainer", ":as 8 มานะ", "/start"], tmp_path)
    assert "แชตนี้สลับบทบาทไม่ได้" in output
    assert "ตอนนี้คุณคือ มานะ (id 8) — พิมพ์ /start" in output
    assert "สวัสดี" in output.split("ตอนนี้คุณคือ มานะ")[1]


async def test_the_chat_says_once_where_the_log_is_and_when_the_first_build_happens(settings):
    first = await ruamkit_chat(settings, [])
    assert first.count("บันทึกการทำงานของระบบอยู่ที่") == 1
    assert str(settings.data_dir / "logs" / "ruamkit.log") in first
    assert "ครั้งแรกนี้จะสร้างฐานความรู้" in first
    store = VersionStore(index_root(settings.index_dir, settings.embedding_model))
    (store.path("v1")).mkdir()
    (store.path("v1") / "manifest.json").write_text("{}", encoding="utf-8")
    store.go_live("v1", action="build", actor="test", summary={})
    later = await ruamkit_chat(settings, [])
    assert "กำลังเริ่มร่วมคิด" in later and "สร้างฐานความรู้" not in later
