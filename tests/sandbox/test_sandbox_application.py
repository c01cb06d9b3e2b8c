"""A whole PTB Application polling the sandbox while simulated users use it."""

from __future__ import annotations

import pytest

from tests.sandbox.demo_app import running_demo_app


@pytest.fixture
async def app(sandbox):
    async with running_demo_app(sandbox) as application:
        yield application


async def test_deep_link_start_shows_buttons(sandbox, app):
    user = sandbox.user(80, "Kanya")
    await user.send("/start join_ABC")
    reply = await user.next_message()
    assert reply.html == "<b>สวัสดี</b> join_ABC"
    assert [b.text for b in reply.button_list] == ["ทำแบบทดสอบ", "เว็บ"]


async def test_button_quiz_and_answer_flow(sandbox, app):
    user = sandbox.user(81)
    await user.send("/start")
    menu = await user.next_message()
    pressed = await user.press(menu, "ทำแบบทดสอบ")
    assert (await pressed.answered()).text == "เริ่มแล้ว"
    quiz = await user.next_message()
    assert menu.text == "เลือกแล้ว: แบบทดสอบ" and menu.buttons == []
    assert quiz.poll.question == "2+2 เท่ากับเท่าไร" and quiz.poll.correct_option_ids == [1]
    await user.vote(quiz, 1)
    assert (await user.next_message()).text == "คุณเลือกข้อ 2"


async def test_uploaded_file_is_downloaded_by_the_bot(sandbox, app):
    user = sandbox.user(82)
    await user.upload("ร่วมคิด".encode(), "idea.txt")
    reply = await user.next_message()
    assert reply.document.data == "ร่วมคิด".encode()[::-1]
    assert reply.text == "กลับด้าน"


async def test_several_users_at_once_get_their_own_replies(sandbox, app):
    users = [sandbox.user(90 + i, f"คนที่ {i}") for i in range(5)]
    for index, user in enumerate(users):
        await user.send(f"ข้อความ {index}")
    for index, user in enumerate(users):
        assert (await user.next_message()).text == f"ข้อความ {index}"


async def test_every_update_is_confirmed_on_stop(sandbox):
    async with running_demo_app(sandbox):
        user = sandbox.user(83)
        await user.send("hello")
        await user.next_message()
    assert sandbox.pending_updates == []
    assert sandbox.ignored_parameters == []
