"""End to end: roles, refusals, forged buttons, long messages and the per-user rate limit."""

from __future__ import annotations

from core.users import Role, get_user
from tests.bot.support import ADMIN_ID, OFFICIAL_ID, TRAINER_ID, button_data

QUESTION = "การบริหารราชการแบบมีส่วนร่วมคืออะไร"


def stored_role(bot, telegram_id):
    with bot.services.session() as session:
        user = get_user(session=session, telegram_id=telegram_id)
        return user.role if user else None


async def test_admin_grants_and_revokes_the_trainer_role(bot):
    admin = await bot.user(ADMIN_ID)
    official = await bot.user(OFFICIAL_ID, "สมศรี")
    await admin.send(f"/grant {OFFICIAL_ID}")
    assert "สมศรี" in (await admin.next_message()).text
    assert "ผู้ฝึกอบรม" in (await official.next_message()).text  # told about the new role
    assert stored_role(bot, OFFICIAL_ID) == Role.TRAINER
    await official.send("/start")
    assert "menu:trainer" in button_data(await official.next_message())

    await admin.send("/trainers")
    assert str(OFFICIAL_ID) in (await admin.next_message()).text
    await admin.send(f"/revoke {OFFICIAL_ID}")
    assert "ถอน" in (await admin.next_message()).text
    assert stored_role(bot, OFFICIAL_ID) == Role.OFFICIAL


async def test_grant_without_a_valid_id_explains_the_usage(bot):
    admin = await bot.user(ADMIN_ID)
    for command in ("/grant", "/grant somchai", f"/grant {OFFICIAL_ID} {TRAINER_ID}"):
        await admin.send(command)
        assert "/grant" in (await admin.next_message()).text
    await admin.send(f"/revoke {ADMIN_ID}")
    assert "ADMIN_IDS" in (await admin.next_message()).text


async def test_role_commands_are_refused_without_the_role(bot):
    official = await bot.user(OFFICIAL_ID)
    trainer = await bot.user(TRAINER_ID)
    await official.send(f"/grant {OFFICIAL_ID}")
    assert "ผู้ดูแลระบบเท่านั้น" in (await official.next_message()).text
    await trainer.send(f"/revoke {TRAINER_ID}")
    assert "ผู้ดูแลระบบเท่านั้น" in (await trainer.next_message()).text
    await trainer.send("/trainers")
    assert "ผู้ดูแลระบบเท่านั้น" in (await trainer.next_message()).text
    assert stored_role(bot, OFFICIAL_ID) == Role.OFFICIAL
    assert stored_role(bot, TRAINER_ID) == Role.TRAINER


async def test_forged_buttons_are_refused_and_change_nothing(bot):
    admin = await bot.user(ADMIN_ID)
    await admin.send(QUESTION)
    await admin.next_message()
    (record,) = bot.records()
    official = await bot.user(OFFICIAL_ID)
    menu = official.last_message

    forged = {
        f"src:{record.id}": "ใช้ไม่ได้แล้ว",  # someone else's answer
        f"fb:{record.id}:d": "ใช้ไม่ได้แล้ว",
        "src:999999": "ใช้ไม่ได้แล้ว",
        "ask:th:99": "ใช้ไม่ได้แล้ว",
        "menu:admin": "ผู้ดูแลระบบเท่านั้น",
        "menu:trainer": "ผู้ฝึกอบรมเท่านั้น",
        "grant:9003": "ใช้ไม่ได้แล้ว",
        "x" * 64: "ใช้ไม่ได้แล้ว",
    }
    for data, expected in forged.items():
        pressed = await official.press_forged(menu.message_id, data)
        assert expected in (await pressed.answered()).text, data
    # No sources, no panel and no answer were sent.
    assert [m.message_id for m in official.messages] == [menu.message_id]
    (unchanged,) = bot.records()
    assert unchanged.feedback is None


async def test_trainer_menu_is_open_to_trainers(bot):
    trainer = await bot.user(TRAINER_ID)
    await trainer.send("/start")
    menu = await trainer.next_message()
    await trainer.press(menu, "menu:trainer")
    assert "ผู้ฝึกอบรม" in (await trainer.next_message()).text


async def test_over_long_question_gets_a_note_and_is_not_answered(bot):
    official = await bot.user(OFFICIAL_ID)
    await official.send("ก" * 1500)
    note = await official.next_message()
    assert "1500" in note.text and "1000" in note.text
    assert bot.records() == []


async def test_rate_limit_asks_to_wait_once_and_skips_the_rest(launch):
    async with launch(rate_limit_messages=2, rate_limit_window_s=60) as bot:
        official = bot.sandbox.user(OFFICIAL_ID)
        await official.send("/help")
        await official.next_message()
        await official.send("/help")
        await official.next_message()
        await official.send(QUESTION)
        wait = await official.next_message()
        assert "กรุณารอ" in wait.text and "วินาที" in wait.text
        await official.send(QUESTION)
        await official.send("/help")
        # Updates are handled one at a time, in order: once another user's reply is out,
        # the two messages above have been dealt with.
        other = bot.sandbox.user(ADMIN_ID)
        await other.send("/help")
        await other.next_message()
        assert official.messages[-1].message_id == wait.message_id
        assert bot.records() == []
