"""End to end: the real PTB application over HTTP against the sandbox, as people use it."""

from __future__ import annotations

import csv
import io

from bot.cli import main as cli_main
from core.users import get_user
from retrieval.prompts import topics
from tests.bot.support import ADMIN_ID, ENGLISH_ID, OFFICIAL_ID, TRAINER_ID, button_data

QUESTION = "การบริหารราชการแบบมีส่วนร่วมคืออะไร"
OFF_TOPIC = "วิธีทำต้มยำกุ้งให้อร่อย"


async def test_start_menu_shows_entries_by_role(bot):
    menus = {}
    for user_id in (OFFICIAL_ID, TRAINER_ID, ADMIN_ID):
        person = bot.sandbox.user(user_id, "สมหญิง")
        await person.send("/start")
        welcome = await person.next_message()
        assert "สมหญิง" in welcome.text and "ร่วมคิด" in welcome.text
        menus[user_id] = button_data(welcome)
    assert menus[OFFICIAL_ID] == ["menu:ask", "menu:quiz", "menu:checklist"]
    assert menus[TRAINER_ID] == [*menus[OFFICIAL_ID], "menu:trainer"]
    assert menus[ADMIN_ID] == [*menus[TRAINER_ID], "menu:admin"]


async def test_help_lists_only_the_commands_a_role_may_use(bot):
    official = await bot.user(OFFICIAL_ID)
    await official.send("/help")
    text = (await official.next_message()).text
    assert "/lang" in text and "/grant" not in text and str(OFFICIAL_ID) in text
    admin = await bot.user(ADMIN_ID)
    await admin.send("/help")
    assert "/grant" in (await admin.next_message()).text


async def test_command_menus_are_published_in_thai_and_english(bot):
    admin = await bot.user(ADMIN_ID)
    await admin.send("/help")  # updates are handled in order: /start's menu is published now
    await admin.next_message()
    thai = {c["command"]: c["description"] for c in bot.sandbox.commands_for(OFFICIAL_ID, "th")}
    english = {c["command"]: c["description"] for c in bot.sandbox.commands_for(OFFICIAL_ID, "en")}
    assert set(thai) == set(english)
    assert {"start", "help", "lang", "quiz", "checklist"} <= set(thai)
    assert not {"grant", "revoke"} & set(thai)  # admin commands stay off officials' menus
    assert thai["lang"] != english["lang"] and "ภาษา" in thai["lang"]
    admin_menu = [c["command"] for c in bot.sandbox.commands_for(ADMIN_ID, "th")]
    assert {"grant", "revoke", "trainers"} <= set(admin_menu)


async def test_english_app_users_get_english_and_lang_switches(bot):
    english = bot.sandbox.user(ENGLISH_ID, "Jane", language_code="en")
    await english.send("/start")
    assert "Hello Jane" in (await english.next_message()).text
    await english.send("/lang")
    chooser = await english.next_message()
    await english.press(chooser, "lang:th")
    confirmed = await english.wait_for(lambda m: m.message_id == chooser.message_id and m.edited)
    assert "ภาษาไทย" in confirmed.text
    await english.send("/start")
    assert "สวัสดีค่ะ" in (await english.next_message()).text
    with bot.services.session() as session:
        assert get_user(session=session, telegram_id=ENGLISH_ID).language == "th"


async def test_thai_question_gets_a_cited_answer_with_buttons(bot):
    official = await bot.user(OFFICIAL_ID)
    await official.send(QUESTION)
    answer = await official.next_message()
    assert "สไลด์ 4" in answer.text and "แหล่งอ้างอิง" in answer.text
    assert "<b>[สไลด์ 4]</b>" in answer.html
    (record,) = bot.records()
    assert record.found and record.question == QUESTION and record.user_id == OFFICIAL_ID
    assert button_data(answer) == [f"src:{record.id}", f"fb:{record.id}:u", f"fb:{record.id}:d"]
    assert bot.sandbox.ignored_parameters == []


async def test_an_english_question_from_a_thai_user_gets_an_english_answer(bot):
    official = await bot.user(OFFICIAL_ID)  # Thai interface
    await official.send("How is governance different from government?")
    answer = await official.next_message()
    lead = answer.text.splitlines()[0]
    assert lead.startswith("How the lecture compares them") and "Slide 14" in lead
    assert "<b>[Slide 14]</b>" in answer.html and "Sources" in answer.text
    (record,) = bot.records()
    assert record.lang == "en"


async def test_sources_button_shows_the_cited_passages_in_full(bot):
    official = await bot.user(OFFICIAL_ID)
    await official.send(QUESTION)
    answer = await official.next_message()
    pressed = await official.press(answer, "📖 ดูข้อความที่อ้างอิง")
    sources = await official.next_message()
    (record,) = bot.records()
    for citation in record.citations:
        assert citation["text"] in sources.text
        assert citation["label"] in sources.text
    assert (await pressed.answered()).text in (None, "")


async def test_feedback_is_stored_ticked_and_exported(bot, monkeypatch, tmp_path):
    official = await bot.user(OFFICIAL_ID)
    await official.send(QUESTION)
    answer = await official.next_message()
    pressed = await official.press(answer, "👍 มีประโยชน์")
    assert "ขอบคุณ" in (await pressed.answered()).text
    await official.wait_for(lambda m: m.message_id == answer.message_id and m.edited)
    assert "✅ 👍 มีประโยชน์" in [b.text for b in answer.button_list]
    pressed = await official.press(answer, "👎 ไม่ตรงคำถาม")
    await pressed.answered()
    (record,) = bot.records()
    assert record.feedback == "down" and record.feedback_at is not None
    assert bot.sandbox.ignored_parameters == []

    out = tmp_path / "feedback.csv"
    monkeypatch.setenv("RUAMKIT_DATA_DIR", str(bot.settings.ruamkit_data_dir))
    assert cli_main(["feedback", "export", "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read Thai
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["question"], r["feedback"], r["user_id"]) for r in rows] == [
        (QUESTION, "down", str(OFFICIAL_ID))
    ]
    assert "สไลด์" in rows[0]["citations"] and rows[0]["user_name"] == "สมชาย"


async def test_off_topic_question_is_refused_with_topic_buttons_that_ask(bot):
    official = await bot.user(OFFICIAL_ID)
    await official.send(OFF_TOPIC)
    refusal = await official.next_message()
    assert "ขออภัย" in refusal.text and "สไลด์" not in refusal.text
    assert [b.text for b in refusal.button_list] == topics("th")
    await official.press(refusal, topics("th")[0])
    answer = await official.next_message()
    assert answer.text.startswith(f"❓ {topics('th')[0]}")
    assert "สไลด์" in answer.text
    refused, answered = bot.records()
    assert (refused.found, answered.found) == (False, True)


async def test_menu_entries_open_their_features(bot):
    official = await bot.user(OFFICIAL_ID)
    await official.send("/start")
    menu = await official.next_message()
    await official.press(menu, "menu:ask")
    prompt = await official.next_message()
    assert "พิมพ์คำถาม" in prompt.text and len(prompt.button_list) == len(topics("th"))
    await official.press(menu, "menu:quiz")
    assert "เลือกหัวข้อ" in (await official.next_message()).text
    forged = await official.press_forged(menu.message_id, "menu:nothing")
    assert "ใช้ไม่ได้" in (await forged.answered()).text  # forged: refused, nothing runs


async def test_admin_panel_lists_admin_commands(bot):
    admin = await bot.user(ADMIN_ID)
    await admin.send("/start")
    menu = await admin.next_message()
    await admin.press(menu, "menu:admin")
    panel = await admin.next_message()
    assert "/grant" in panel.text and "ruamkit feedback export" in panel.text


async def test_unknown_commands_and_files_get_a_clear_note(bot, tmp_path):
    official = await bot.user(OFFICIAL_ID)
    await official.send("/frobnicate")
    assert "/help" in (await official.next_message()).text
    await official.upload(b"hello", file_name="notes.txt")
    assert "ข้อความ" in (await official.next_message()).text
