"""Simulated users: what they may press and vote, groups, and waiting for the bot."""

from __future__ import annotations

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.sandbox import ButtonNotFound, PollVoteError, SandboxError


@pytest.fixture
async def user(sandbox):
    person = sandbox.user(60, "Prasert", username="prasert")
    await person.send("/start")
    return person


def markup(*buttons: InlineKeyboardButton) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([list(buttons)])


async def test_commands_get_bot_command_entities_with_payloads(sandbox, bot):
    user = sandbox.user(61)
    await user.send("/start join_ABC")
    await user.send("/help@ruamkit_bot")
    await user.send("plain text")
    messages = [u.message for u in await bot.get_updates()]
    assert [(m.text, m.entities[0].length if m.entities else None) for m in messages] == [
        ("/start join_ABC", 6),
        ("/help@ruamkit_bot", 17),
        ("plain text", None),
    ]
    assert messages[0].chat.type == "private" and messages[0].from_user.language_code == "th"


async def test_press_only_works_for_buttons_on_the_message_now(sandbox, bot, user):
    sent = await bot.send_message(
        user.id, "เลือก", reply_markup=markup(InlineKeyboardButton("ตกลง", callback_data="ok"))
    )
    view = await user.next_message()
    with pytest.raises(ButtonNotFound, match="no button 'ยกเลิก'"):
        await user.press(view, "ยกเลิก")
    await bot.edit_message_reply_markup(user.id, sent.message_id)
    with pytest.raises(ButtonNotFound, match="its buttons now: none"):
        await user.press(view, "ตกลง")


async def test_press_by_text_or_data_sends_the_callback_data(sandbox, bot, user):
    await bot.send_message(
        user.id, "?", reply_markup=markup(InlineKeyboardButton("ใช่", callback_data="answer:1"))
    )
    view = await user.next_message()
    await user.press(view, "ใช่")
    await user.press(view, "answer:1")
    queries = [u.callback_query for u in await bot.get_updates() if u.callback_query]
    assert [q.data for q in queries] == ["answer:1", "answer:1"]
    assert queries[0].message.message_id == view.message_id
    assert queries[0].from_user.id == user.id


async def test_url_buttons_cannot_be_pressed(sandbox, bot, user):
    button = InlineKeyboardButton("เว็บ", url="https://example.org")
    await bot.send_message(user.id, "ลิงก์", reply_markup=markup(button))
    with pytest.raises(ButtonNotFound, match="opens a link"):
        await user.press(await user.next_message(), "เว็บ")


async def test_forged_presses_reach_the_bot(sandbox, bot, user):
    await user.press_forged(12345, "admin:delete_all")
    query = (await bot.get_updates())[-1].callback_query
    assert query.data == "admin:delete_all"
    assert query.message.message_id == 12345 and not query.message.is_accessible


async def test_votes_are_checked_like_a_telegram_client_would(sandbox, bot, user):
    await bot.send_poll(user.id, "เลือกได้หลายข้อ", ["ก", "ข", "ค"], allows_multiple_answers=True)
    multi = await user.next_message()
    await user.vote(multi, [0, 2])
    assert multi.poll.voter_counts == [1, 0, 1]
    await bot.send_poll(user.id, "ข้อเดียว", ["ก", "ข"])
    single = await user.next_message()
    with pytest.raises(PollVoteError, match="only one answer"):
        await user.vote(single, [0, 1])
    with pytest.raises(PollVoteError, match=r"options 0\.\.1"):
        await user.vote(single, 2)
    await user.vote(single, 1)
    await user.vote(single, [])  # regular polls allow taking a vote back
    assert single.poll.total_voter_count == 0
    with pytest.raises(PollVoteError, match="no poll"):
        await user.vote(await user.send("not a poll"), 0)


async def test_upload_needs_a_name_for_bytes(user):
    with pytest.raises(SandboxError, match="file_name"):
        await user.upload(b"data")


async def test_upload_from_a_path_keeps_the_name(sandbox, bot, user, tmp_path):
    path = tmp_path / "แผนงาน.docx"
    path.write_bytes(b"PK\x03\x04 docx")
    await user.upload(path)
    document = (await bot.get_updates())[-1].message.document
    assert document.file_name == "แผนงาน.docx"
    assert document.mime_type.endswith("wordprocessingml.document")


async def test_next_message_waits_in_order_and_times_out_clearly(sandbox, bot, user):
    for text in ("หนึ่ง", "สอง"):
        await bot.send_message(user.id, text)
    assert [(await user.next_message()).text for _ in range(2)] == ["หนึ่ง", "สอง"]
    with pytest.raises(TimeoutError, match="no new message from the bot"):
        await user.next_message(timeout=0.1)


async def test_wait_for_sees_edits(sandbox, bot, user):
    sent = await bot.send_message(user.id, "กำลังคิด…")
    await bot.edit_message_text("คำตอบ", user.id, sent.message_id)
    found = await user.wait_for(lambda m: m.text == "คำตอบ", timeout=1)
    assert found.message_id == sent.message_id and found.edit_count == 1


async def test_group_privacy_mode_hides_plain_chatter(sandbox, bot):
    group = sandbox.group(-100200, "ทีมงาน")
    alice, bob = group.member(70, "Alice"), group.member(71, "Bob")
    await alice.send("คุยกันเอง")
    await bob.send("/quiz@ruamkit_bot")
    await alice.send("ถาม @ruamkit_bot หน่อย")
    updates = await bot.get_updates()
    assert [(u.message.from_user.first_name, u.message.text) for u in updates] == [
        ("Bob", "/quiz@ruamkit_bot"),
        ("Alice", "ถาม @ruamkit_bot หน่อย"),
    ]
    assert updates[0].message.chat.type == "group" and updates[0].message.chat.title == "ทีมงาน"
    await bot.send_message(group.chat_id, "สวัสดีทุกคน")
    assert (await alice.next_message()).text == (await bob.next_message()).text == "สวัสดีทุกคน"


async def test_group_without_privacy_mode_sees_everything(sandbox, bot):
    group = sandbox.group(-100300, privacy_mode=False)
    await group.member(72, "Chai").send("ทุกข้อความ")
    assert [u.message.text for u in await bot.get_updates()] == ["ทุกข้อความ"]
