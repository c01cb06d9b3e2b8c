"""End to end: server errors injected by the sandbox, failing services, and very long answers."""

from __future__ import annotations

import logging

import pytest

from bot.rendering import TELEGRAM_LIMIT
from retrieval.answer import Answer, Citation
from tests.bot.support import OFFICIAL_ID

QUESTION = "การบริหารราชการแบบมีส่วนร่วมคืออะไร"
APOLOGY = "ขออภัยค่ะ เกิดข้อผิดพลาด"


class BrokenAnswerer:
    """Fails like a corrupted index would."""

    def ask(self, question, lang=None):
        raise RuntimeError("index file truncated at /var/secret/path")

    def warm_up(self):
        pass


class VerboseAnswerer:
    """Answers with many long cited paragraphs (past Telegram's limit)."""

    def ask(self, question, lang=None):
        paragraphs = [f"ย่อหน้าที่ {i} " + "การมีส่วนร่วม & ความโปร่งใส " * 40 for i in range(12)]
        text = "\n\n".join(f"{p} [สไลด์ {i + 1}]" for i, p in enumerate(paragraphs))
        citation = Citation("lecture.md", "บรรยาย", "slide", 1, "สไลด์ 1", "ข้อความ")
        return Answer(True, text, [citation], "th")

    def warm_up(self):
        pass


async def test_429_from_the_server_is_waited_out_and_the_answer_arrives(bot):
    official = await bot.user(OFFICIAL_ID)
    bot.sandbox.faults.add("sendMessage", status=429, retry_after=1)
    await official.send(QUESTION)
    answer = await official.next_message()
    assert "สไลด์" in answer.text
    assert [(method, fault.status) for method, fault in bot.sandbox.faults.fired] == [
        ("sendMessage", 429)
    ]
    assert len(bot.records()) == 1


@pytest.mark.parametrize("status", [500, 502, 400])
async def test_send_errors_end_in_an_apology_and_the_bot_carries_on(bot, caplog, status):
    official = await bot.user(OFFICIAL_ID)
    # Server errors are retried (bot.request): fail every try so the apology is needed.
    bot.sandbox.faults.add("sendMessage", status=status, times=4 if status >= 500 else 1)
    with caplog.at_level(logging.ERROR, logger="bot.errors"):
        await official.send(QUESTION)
        apology = await official.next_message()
    assert apology.text.startswith(APOLOGY)
    assert any(f"user {OFFICIAL_ID}" in r.getMessage() for r in caplog.records)
    await official.send(QUESTION)
    assert "สไลด์" in (await official.next_message()).text


async def test_a_failing_service_gets_an_apology_without_details(launch, caplog):
    async with launch(answerer=BrokenAnswerer()) as bot:
        official = await bot.user(OFFICIAL_ID)
        with caplog.at_level(logging.ERROR, logger="bot.errors"):
            await official.send(QUESTION)
            apology = await official.next_message()
        assert apology.text.startswith(APOLOGY)
        assert "truncated" not in apology.text and "Traceback" not in apology.text
        logged = [r for r in caplog.records if r.name == "bot.errors"]
        assert logged and isinstance(logged[0].exc_info[1], RuntimeError)


async def test_a_failing_button_apologises_in_the_callback_answer(launch):
    async with launch(answerer=BrokenAnswerer()) as bot:
        official = await bot.user(OFFICIAL_ID)
        await official.send("/start")
        menu = await official.next_message()
        await official.press(menu, "menu:ask")
        prompt = await official.next_message()
        await official.press(prompt, prompt.button_list[0].text)
        apology = await official.next_message()
        assert apology.text.startswith(APOLOGY)


async def test_a_long_answer_is_split_under_the_limit_with_buttons_last(launch):
    async with launch(answerer=VerboseAnswerer()) as bot:
        official = await bot.user(OFFICIAL_ID)
        await official.send(QUESTION)
        parts = [await official.next_message() for _ in range(3)]
        await official.wait_for(lambda m: m.button_list and m.message_id > parts[0].message_id)
        parts = [m for m in official.messages if m.message_id >= parts[0].message_id]
        assert len(parts) >= 3
        assert all(len(m.text) <= TELEGRAM_LIMIT for m in parts)
        assert [bool(m.button_list) for m in parts] == [False] * (len(parts) - 1) + [True]
        joined = "\n".join(m.text for m in parts)
        for i in range(12):
            assert f"ย่อหน้าที่ {i} " in joined and f"[สไลด์ {i + 1}]" in joined
        assert joined.count("&") == 12 * 40


async def test_polling_survives_a_failed_get_updates(bot):
    official = await bot.user(OFFICIAL_ID)
    bot.sandbox.faults.add("getUpdates", status=502)
    for _ in range(2):  # the second reply needs polling to have gone on after the 502
        await official.send("/help")
        assert "/lang" in (await official.next_message(timeout=30)).text
    assert [method for method, _ in bot.sandbox.faults.fired] == ["getUpdates"]
