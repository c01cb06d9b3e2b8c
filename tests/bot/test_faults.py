"""Faults from issue 11, each through the sandbox over HTTP: the bot recovers by itself,
delivers once, and apologises only when something really went wrong for the user.
"""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.handlers import quiz_flow
from retrieval.staging import NothingToChangeError
from tests.bot.quiz_support import poll_of, right_option, start_quiz
from tests.bot.support import ADMIN_ID, OFFICIAL_ID, button_data
from tests.bot.test_concurrency import QUESTION, Gate, SlowAnswerer
from tests.bot.workers_support import bot_settings, worker

APOLOGY = "ขออภัยค่ะ เกิดข้อผิดพลาด"
TOPIC = "pp_vs_pg"


class QuickAnswerer(SlowAnswerer):
    """Answers at once (its gate starts open)."""

    def __init__(self) -> None:
        gate = Gate()
        gate.entered.set()
        super().__init__(gate)


def apologies(user) -> int:
    return sum(m.text.startswith(APOLOGY) for m in user.messages)


class GatedAdmin:
    """A knowledge-base admin whose preparation of an upload takes as long as the test says."""

    def __init__(self, gate: Gate) -> None:
        self.gate = gate
        self.sizes: list[int] = []

    def stage_upload(self, data, name, *, actor, progress):
        self.sizes.append(len(data.decode("utf-8")))
        self.gate.block()
        raise NothingToChangeError("identical")


async def test_a_long_upload_preparation_does_not_make_others_wait(sandbox, settings):
    preparing = Gate()
    async with worker(bot_settings(sandbox, settings), QuickAnswerer()) as (_, services):
        services.kb_admin = GatedAdmin(preparing)
        admin, official = sandbox.user(ADMIN_ID, "แอดมิน"), sandbox.user(OFFICIAL_ID)
        document = ("การมีส่วนร่วมของประชาชน " * 9000)[:200_000].encode()
        await admin.upload(document, "big.md", mime_type="text/markdown")
        await preparing.wait_entered()
        assert "ผู้ใช้ยังถามได้ตามปกติ" in (await admin.next_message()).text  # the claim...
        await official.send(QUESTION)
        assert "สไลด์ 3" in (await official.next_message()).text  # ...is true
        preparing.open()
        assert "ไม่มีอะไรเปลี่ยนแปลง" in (await admin.wait_for(lambda m: "ไม่มี" in m.text)).text
        assert not preparing.timed_out and services.kb_admin.sizes == [200_000]


async def test_a_failed_next_question_offers_to_continue(sandbox, settings):
    async with worker(bot_settings(sandbox, settings)):
        user = sandbox.user(OFFICIAL_ID)
        first = await start_quiz(user, TOPIC, 5)
        sandbox.faults.add("sendPoll", status=500, times=4)  # more than the retries
        await user.vote(first, right_option(first))
        offer = await user.wait_for(lambda m: "ส่งคำถามข้อถัดไปไม่สำเร็จ" in m.text)
        (go,) = [d for d in button_data(offer) if d.startswith("qz:go:")]
        user.skip_existing()
        await user.press(offer, go)
        assert "ข้อ 2" in (await user.next_message()).text
        second = await user.next_message()
        assert poll_of(second).question != poll_of(first).question
        assert apologies(user) == 0


async def test_a_failing_poll_answer_is_apologised_for_in_the_private_chat(
    sandbox, settings, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    async with worker(bot_settings(sandbox, settings)):
        user = sandbox.user(OFFICIAL_ID)
        first = await start_quiz(user, TOPIC, 5)
        monkeypatch.setattr(quiz_flow, "record_answer", broken)
        with caplog.at_level(logging.ERROR, logger="bot.errors"):
            await user.vote(first, right_option(first))
            apology = await user.next_message()
        assert apology.text.startswith(APOLOGY) and "fire" not in apology.text
        assert any("poll_answer" in r.getMessage() for r in caplog.records)


async def synced(user) -> None:
    """Send /help and wait for its reply: every earlier update of the chat was handled."""
    before = sum("/lang" in m.text for m in user.messages)
    await user.send("/help")
    await user.wait_for(lambda m: sum("/lang" in m.text for m in user.messages) > before)


async def test_double_taps_change_nothing_and_show_no_apology(sandbox, settings):
    async with worker(bot_settings(sandbox, settings)):
        user = sandbox.user(OFFICIAL_ID)
        await user.send("/quiz")
        picker = await user.next_message()
        for _ in range(2):  # the second tap arrives after the first one's edit
            await user.press_forged(picker.message_id, f"qz:t:{TOPIC}")
        await synced(user)
        await user.send("/lang")
        choice = await user.wait_for(lambda m: "Choose your language" in m.text)
        for _ in range(2):
            await user.press_forged(choice.message_id, "lang:en")
        await synced(user)
        assert apologies(user) == 0
        assert not any(answer.show_alert for answer in user.callback_answers)
        (edited,) = [m for m in user.messages if m.message_id == choice.message_id]
        assert "Language set to English" in edited.text


@pytest.mark.parametrize("command", ["/grant", "/revoke"])
@pytest.mark.parametrize("argument", ["99999999999999999999999", "-5", "๑๒๓", "0"])
async def test_ids_beyond_64_bits_get_the_usage_message(sandbox, settings, command, argument):
    async with worker(bot_settings(sandbox, settings)):
        admin = sandbox.user(ADMIN_ID, "แอดมิน")
        await admin.send(f"{command} {argument}")
        reply = await admin.next_message()
        assert command in reply.text and not reply.text.startswith(APOLOGY)


async def test_a_reply_slower_than_five_seconds_arrives_once_without_an_apology(sandbox, settings):
    async with worker(bot_settings(sandbox, settings), QuickAnswerer()):
        official = sandbox.user(OFFICIAL_ID)
        sandbox.faults.add("sendMessage", delay=6)
        await official.send(QUESTION)
        assert "สไลด์ 3" in (await official.next_message(timeout=30)).text
        await official.send("/help")
        await official.wait_for(lambda m: "/lang" in m.text)
        assert apologies(official) == 0
        assert sum("สไลด์ 3" in m.text for m in official.messages) == 1


async def test_a_timed_out_send_is_not_repeated_nor_apologised_for(sandbox, settings):
    async with worker(bot_settings(sandbox, settings, telegram_timeout_s=1), QuickAnswerer()):
        official = sandbox.user(OFFICIAL_ID)
        sandbox.faults.add("sendMessage", delay=3)  # longer than the bot waits
        await official.send(QUESTION)
        await asyncio.sleep(0)  # nothing to wait for: the next reply proves it was handled
        await official.send("/help")
        await official.wait_for(lambda m: "/lang" in m.text, timeout=15)
        assert apologies(official) == 0
        # Sent once (it timed out, so it may or may not have arrived), never a second time.
        assert [method for method, _ in sandbox.faults.fired] == ["sendMessage"]
        assert sum("สไลด์ 3" in m.text for m in official.messages) <= 1


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_server_errors_are_retried_and_the_answer_arrives_once(sandbox, settings, status):
    async with worker(bot_settings(sandbox, settings), QuickAnswerer()):
        official = sandbox.user(OFFICIAL_ID)
        sandbox.faults.add("sendMessage", status=status, times=2)
        await official.send(QUESTION)
        assert "สไลด์ 3" in (await official.next_message()).text
        assert [fault.status for _, fault in sandbox.faults.fired] == [status, status]
        assert len(official.messages) == 1 and apologies(official) == 0


async def test_a_refused_connection_is_retried(settings):
    """The Bot API server is down for a moment (nothing listens), then back on the same port."""
    from bot.sandbox import BotApiSandbox
    from tests.bot.workers_support import free_port

    port = free_port()
    sandbox = BotApiSandbox(port=port)
    await sandbox.start()
    try:
        async with worker(bot_settings(sandbox, settings), QuickAnswerer()) as (app, _):
            official = sandbox.user(OFFICIAL_ID)
            await official.send("/start")
            await official.next_message()
            await sandbox.stop()
            sending = asyncio.create_task(app.bot.send_message(OFFICIAL_ID, "ทดสอบ"))
            await asyncio.sleep(0.2)  # the first try is refused; a retry waits 0.5 s
            sandbox.port = port
            await sandbox.start()
            await sending
            assert [m.text for m in official.messages][1:] == ["ทดสอบ"]
    finally:
        await sandbox.stop()


async def test_an_assignment_id_beyond_64_bits_is_not_an_apology(sandbox, settings):
    async with worker(bot_settings(sandbox, settings)):
        trainer = sandbox.user(ADMIN_ID, "แอดมิน")
        await trainer.send("/results 99999999999999999999999")
        reply = await trainer.next_message()
        assert not reply.text.startswith(APOLOGY)


@pytest.mark.parametrize("when", ["before", "after"])
async def test_a_dropped_connection_is_neither_repeated_nor_apologised_for(
    sandbox, settings, when
):
    async with worker(bot_settings(sandbox, settings), QuickAnswerer()):
        official = sandbox.user(OFFICIAL_ID)
        sandbox.faults.add("sendMessage", drop=when)
        await official.send(QUESTION)
        await synced(official)  # the bot goes on with the next message
        answers = sum("สไลด์ 3" in m.text for m in official.messages)
        assert answers == (1 if when == "after" else 0)  # Telegram did it, or did not
        assert apologies(official) == 0
        assert [method for method, _ in sandbox.faults.fired] == ["sendMessage"]  # sent once


async def test_a_dropped_get_updates_does_not_stop_polling(sandbox, settings):
    async with worker(bot_settings(sandbox, settings)):
        official = sandbox.user(OFFICIAL_ID)
        await synced(official)
        sandbox.faults.add("getUpdates", drop="before")
        await synced(official)
        await synced(official)
        assert ("getUpdates", "before") in [(m, f.drop) for m, f in sandbox.faults.fired]
