"""Cohorts: deep links, joining (link, code, group), members and removal, opt-in leaderboard."""

from __future__ import annotations

from bot.handlers.commands import commands_for
from bot.handlers.trainer_jobs import deliver_due
from core.users import Role
from tests.bot.support import TRAINER_ID, button_data
from tests.bot.trainer_support import (
    MovableClock,
    answer_all,
    create_cohort,
    make_assignment,
    start_assignment,
    trainer_bot,
)


async def test_the_card_carries_a_deep_link_that_joins(sandbox, settings):
    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        trainer = await bot.user(TRAINER_ID)
        await trainer.send("/cohort new รุ่น 1/2569")
        card = await trainer.next_message()
        (cohort,) = bot.cohorts()
        username = sandbox.bot_user["username"]
        link = f"https://t.me/{username}?start=join_{cohort.invite_code}"
        assert link in card.text and cohort.name == "รุ่น 1/2569"

        trainee = sandbox.user(7401, "ต้น")
        await trainee.send(f"/start join_{cohort.invite_code}")
        await trainee.next_message()  # the welcome
        assert "เข้าร่วม <b>รุ่น 1/2569</b>" in (await trainee.next_message()).html
        await trainee.send(f"/join {cohort.invite_code}")
        assert "อยู่แล้ว" in (await trainee.next_message()).text
        for typed, expected in (("/join", "/join รหัสเชิญ"), ("/join ZZZZ9999", "ไม่พบรุ่น")):
            await trainee.send(typed)
            assert expected in (await trainee.next_message()).text
        await trainee.send("/start join_NOTACODE")
        await trainee.next_message()
        assert "ไม่พบรุ่น" in (await trainee.next_message()).text


async def test_members_are_listed_and_removed(sandbox, settings):
    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        trainer = await bot.user(TRAINER_ID)
        code = await create_cohort(trainer, "รุ่นสมาชิก")
        for user_id, name in ((7411, "ต้น"), (7412, "นก")):
            person = sandbox.user(user_id, name)
            await person.send(f"/join {code}")
            await person.next_message()
        await trainer.send("/cohort")
        listing = await trainer.next_message()
        await trainer.press(listing, "👥 รุ่นสมาชิก")
        card = await trainer.next_message()
        assert "สมาชิก: 2 คน" in card.text
        await trainer.press(card, "👥 สมาชิก")
        members = await trainer.next_message()
        assert "ต้น (7411)" in members.text and "นก (7412)" in members.text
        answer = await (await trainer.press(members, "➖ นำ ต้น ออก")).answered()
        assert "นำออกจากรุ่นแล้ว" in (answer.text or "")
        members = await trainer.wait_for(lambda m: m.message_id == members.message_id and m.edited)
        assert "ต้น" not in members.text and "นก (7412)" in members.text
        (cohort,) = bot.cohorts()
        forged = await trainer.press_forged(members.message_id, f"tr:rm:{cohort.id}:7411")
        assert "ไม่ได้อยู่ในรุ่นแล้ว" in ((await forged.answered()).text or "")


async def test_a_linked_group_lets_members_join_with_a_bare_join(sandbox, settings):
    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        trainer = await bot.user(TRAINER_ID)
        await create_cohort(trainer, "รุ่นกลุ่ม")
        group = sandbox.group(-100500, "ห้องอบรม")
        in_group = group.member(TRAINER_ID, "ครู")
        await in_group.send("/cohort link")
        offer = await group.next_message()
        await in_group.press(offer, "รุ่นกลุ่ม")
        assert (
            "เชื่อมกลุ่มนี้กับ รุ่นกลุ่ม แล้ว"
            in (await group.wait_for(lambda m: m.message_id == offer.message_id and m.edited)).text
        )
        assert bot.cohorts()[0].group_chat_id == -100500
        member = group.member(7421, "แดง")
        await member.send("/join")
        reply = (await group.next_message()).text
        assert "คุณ แดง เข้าร่วม" in reply and f"t.me/{sandbox.bot_user['username']}" in reply
        other_group = sandbox.group(-100600, "อีกห้อง")
        await other_group.member(7422, "ฟ้า").send("/join")
        assert "ยังไม่ได้เชื่อม" in (await other_group.next_message()).text


async def test_the_leaderboard_shows_only_those_who_opt_in(sandbox, settings):
    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        trainer = await bot.user(TRAINER_ID)
        code = await create_cohort(trainer, "รุ่นแข่ง")
        people = []
        for user_id, name in ((7431, "ต้น"), (7432, "นก")):
            person = await bot.user(user_id, name)
            await person.send(f"/join {code}")
            await person.next_message()
            people.append(person)
        (cohort,) = bot.cohorts()
        make_assignment(bot, cohort.id, question_count=3)
        await deliver_due(bot.app)
        for person in people:
            await answer_all(person, await start_assignment(person, await person.next_message()))
        assert "ทุกคนส่งครบแล้ว" in (await trainer.next_message()).text

        first = people[0]
        await first.send("/leaderboard")
        assert "ยังไม่เปิดกระดานคะแนน" in (await first.next_message()).text
        await trainer.send("/cohort")
        await trainer.press(await trainer.next_message(), "👥 รุ่นแข่ง")
        card = await trainer.next_message()
        answer = await (await trainer.press(card, f"tr:lb:{cohort.id}:1")).answered()
        assert "เปิดกระดานคะแนนแล้ว" in (answer.text or "")
        await first.send("/leaderboard")
        board = await first.next_message()
        assert "ยังไม่มีใครเลือกแสดงชื่อ" in board.text and "นก" not in board.text
        await first.press(board, f"tr:lo:{cohort.id}:1")
        board = await first.wait_for(lambda m: m.message_id == board.message_id and m.edited)
        assert "1. ต้น · 3 คะแนน" in board.text and "นก" not in board.text
        assert f"tr:lo:{cohort.id}:0" in button_data(board)


def test_trainer_commands_are_in_trainer_menus_only():
    official = {spec.name for spec in commands_for(Role.OFFICIAL)}
    trainer = {spec.name for spec in commands_for(Role.TRAINER)}
    assert {"join", "tasks", "leaderboard"} <= official
    assert not {"cohort", "assign", "results", "import"} & official
    assert {"cohort", "assign", "results", "import"} <= trainer
