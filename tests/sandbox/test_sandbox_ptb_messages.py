"""Real PTB against the sandbox over HTTP: tokens, messages, limits, edits, callbacks, commands."""

from __future__ import annotations

import aiohttp
import pytest
import telegram
from telegram import BotCommand, BotCommandScopeChat, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, EndPointNotFound, Forbidden, InvalidToken, NetworkError

from bot.sandbox import BotApiSandbox


def keyboard(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d) for t, d in pairs]])


async def test_get_me_names_the_bot(bot):
    me = await bot.get_me()
    assert me.is_bot and me.username == "ruamkit_bot"


@pytest.mark.parametrize("token", ["not-a-token", "123456789:wrongSecretButWellFormed"])
async def test_bad_tokens_make_ptb_refuse_to_start(make_bot, token):
    with pytest.raises(InvalidToken):
        await make_bot(token).initialize()


async def test_malformed_token_is_404_and_wrong_token_is_401(sandbox):
    async with aiohttp.ClientSession() as session:
        for token, status, text in [("abc", 404, "Not Found"), ("1:zzz", 401, "Unauthorized")]:
            async with session.post(f"{sandbox.bot_base_url}{token}/getMe") as reply:
                body = await reply.json()
            assert (reply.status, body) == (
                status,
                {"ok": False, "error_code": status, "description": text},
            )


async def test_unknown_method_is_not_found_but_names_ignore_case(sandbox, bot):
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("sendTelepathy")
    url = f"{sandbox.bot_base_url}{sandbox.token}/GETME"
    async with aiohttp.ClientSession() as session, session.get(url) as reply:
        assert (await reply.json())["result"]["username"] == "ruamkit_bot"


async def test_real_methods_the_sandbox_lacks_say_so(sandbox, bot):
    with pytest.raises(NetworkError, match="sandbox does not serve getChat"):
        await bot.get_chat(1)
    assert sandbox.unserved_calls == ["getChat"]


async def test_text_of_4096_characters_is_sent_and_4097_is_too_long(sandbox, bot):
    user = sandbox.user(10)
    await user.send("/start")
    sent = await bot.send_message(user.id, "ก" * 4096)
    assert len(sent.text) == 4096
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(user.id, "ก" * 4097)
    assert [len(m.text) for m in user.messages] == [4096]


async def test_length_counts_after_html_parsing(sandbox, bot):
    user = sandbox.user(11)
    await user.send("hi")
    await bot.send_message(user.id, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    assert user.messages[-1].entities == [{"type": "bold", "offset": 0, "length": 4096}]


@pytest.mark.parametrize("text", ["", "   ", "<b></b>"])
async def test_empty_text_is_rejected(sandbox, bot, text):
    user = sandbox.user(12)
    await user.send("hi")
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(user.id, text, parse_mode="HTML")


@pytest.mark.parametrize(
    ("html", "detail"),
    [
        ("<div>x</div>", 'unsupported start tag "div" at byte offset 0'),
        ("ภาษา <b>ไทย</i>", 'unmatched end tag at byte offset 25, expected "</b>", found "</i>"'),
        ("<b>bold", 'can\'t find end tag corresponding to start tag "b"'),
        ("a < b", "unclosed start tag at byte offset 2"),
        ("1 < 2 > 0", 'unsupported start tag "" at byte offset 2'),
    ],
)
async def test_bad_html_gets_telegrams_parse_error(sandbox, bot, html, detail):
    user = sandbox.user(13)
    await user.send("hi")
    with pytest.raises(BadRequest) as caught:
        await bot.send_message(user.id, html, parse_mode="HTML")
    assert str(caught.value).lower() == f"can't parse entities: {detail}"


async def test_callback_data_is_limited_to_64_bytes(sandbox, bot):
    user = sandbox.user(14)
    await user.send("hi")
    await bot.send_message(user.id, "ok", reply_markup=keyboard(("a", "x" * 64)))
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        # 22 Thai characters are 66 bytes although only 22 characters.
        await bot.send_message(user.id, "no", reply_markup=keyboard(("a", "ก" * 22)))
    assert len(user.messages) == 1


async def test_unknown_chat_unstarted_user_and_blocked_user(sandbox, bot):
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(999, "hi")
    silent = sandbox.user(15)
    with pytest.raises(Forbidden, match="bot can't initiate conversation"):
        await bot.send_message(silent.id, "hi")
    await silent.send("/start")
    silent.block()
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(silent.id, "hi")


async def test_reply_parameters_and_link_preview_reach_the_message(sandbox, bot):
    user = sandbox.user(16)
    asked = await user.send("คำถาม")
    sent = await bot.send_message(
        user.id,
        "คำตอบ https://example.org",
        reply_parameters=telegram.ReplyParameters(asked.message_id),
        link_preview_options=telegram.LinkPreviewOptions(is_disabled=True),
    )
    assert sent.reply_to_message.text == "คำถาม"
    assert sent.link_preview_options.is_disabled
    assert user.messages[-1].reply_to_message_id == asked.message_id
    with pytest.raises(BadRequest, match="Message to be replied not found"):
        await bot.send_message(user.id, "x", reply_parameters=telegram.ReplyParameters(999))


async def test_edits_show_to_the_user_and_unchanged_edits_are_refused(sandbox, bot):
    user = sandbox.user(17)
    await user.send("/start")
    sent = await bot.send_message(user.id, "เลือก", reply_markup=keyboard(("ก", "a")))
    view = await user.next_message()
    await bot.edit_message_text("เลือกแล้ว", user.id, sent.message_id)
    assert (view.text, view.buttons, view.edited) == ("เลือกแล้ว", [], True)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("เลือกแล้ว", user.id, sent.message_id)
    new_keyboard = keyboard(("ข", "b"))
    await bot.edit_message_reply_markup(user.id, sent.message_id, reply_markup=new_keyboard)
    assert [b.text for b in view.button_list] == ["ข"]
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", user.id, 999)


async def test_deleted_messages_disappear_once(sandbox, bot):
    user = sandbox.user(18)
    await user.send("/start")
    sent = await bot.send_message(user.id, "ชั่วคราว")
    assert await bot.delete_message(user.id, sent.message_id)
    assert user.messages == []
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(user.id, sent.message_id)


async def test_chat_actions_are_recorded_and_checked(sandbox, bot):
    user = sandbox.user(19)
    await user.send("/start")
    await bot.send_chat_action(user.id, "typing")
    assert user.chat_actions == ["typing"]
    with pytest.raises(BadRequest, match="Wrong parameter action"):
        await bot.send_chat_action(user.id, "dancing")


async def test_callback_answers_reach_the_user_once(sandbox, bot):
    user = sandbox.user(20)
    await user.send("/start")
    sent = await bot.send_message(user.id, "ยืนยัน?", reply_markup=keyboard(("ยืนยัน", "ok")))
    pressed = await user.press(await user.next_message(), "ยืนยัน")
    with pytest.raises(BadRequest, match="Message_too_long"):
        await bot.answer_callback_query(pressed.id, "x" * 201)
    await bot.answer_callback_query(pressed.id, "x" * 200, show_alert=True)
    assert [(a.text, a.show_alert) for a in user.callback_answers] == [("x" * 200, True)]
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query(pressed.id)
    assert (await pressed.answered()).text == "x" * 200
    assert pressed.data == "ok" and sent.reply_markup.inline_keyboard[0][0].callback_data == "ok"


async def test_callback_queries_expire():
    now = [1000.0]
    async with BotApiSandbox(clock=lambda: now[0]) as sandbox:
        user = sandbox.user(21)
        await user.send("/start")
        async with telegram.Bot(
            sandbox.token, base_url=sandbox.bot_base_url, base_file_url=sandbox.file_base_url
        ) as bot:
            await bot.send_message(user.id, "?", reply_markup=keyboard(("ก", "a")))
            pressed = await user.press(user.messages[-1], "a")
            now[0] += 16
            with pytest.raises(BadRequest, match="Query is too old"):
                await bot.answer_callback_query(pressed.id)


async def test_commands_per_scope_and_language(sandbox, bot):
    user = sandbox.user(22)
    await user.send("/start")
    await bot.set_my_commands([BotCommand("start", "Start")])
    await bot.set_my_commands([BotCommand("start", "เริ่ม")], language_code="th")
    await bot.set_my_commands(
        [BotCommand("quiz", "แบบทดสอบ")], scope=BotCommandScopeChat(user.id), language_code="th"
    )
    assert [c.command for c in await bot.get_my_commands(language_code="th")] == ["start"]
    assert sandbox.commands_for(user.id, "th") == [{"command": "quiz", "description": "แบบทดสอบ"}]
    assert sandbox.commands_for(user.id, "en") == [{"command": "start", "description": "Start"}]
    await bot.delete_my_commands(scope=BotCommandScopeChat(user.id), language_code="th")
    assert sandbox.commands_for(user.id, "th")[0]["description"] == "เริ่ม"


@pytest.mark.parametrize(
    "command",
    [BotCommand("Start", "upper case"), BotCommand("x" * 33, "long"), BotCommand("ok", "")],
)
async def test_invalid_commands_are_refused(bot, command):
    with pytest.raises(BadRequest, match="Bot_command"):
        await bot.set_my_commands([command])


async def test_menu_button_is_remembered(sandbox, bot):
    user = sandbox.user(23)
    await bot.set_chat_menu_button(user.id, telegram.MenuButtonCommands())
    assert isinstance(await bot.get_chat_menu_button(user.id), telegram.MenuButtonCommands)
    assert isinstance(await bot.get_chat_menu_button(), telegram.MenuButtonCommands)


async def test_close_and_log_out_are_harmless(bot):
    assert await bot.close() and await bot.log_out()
    assert (await bot.get_me()).username == "ruamkit_bot"
