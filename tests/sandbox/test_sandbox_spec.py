"""The sandbox against the Bot API 10.1 spec: methods, parameters, errors and returned objects."""

from __future__ import annotations

import struct
import zlib
from typing import Any

import aiohttp
import pytest

from bot.sandbox import BotApiSandbox
from bot.sandbox.catalog import BOT_API_METHODS, BOT_API_VERSION
from bot.sandbox.methods import all_methods
from tests.sandbox.spec_check import expected_kind, problems

SERVED = sorted(all_methods().values(), key=lambda m: m.name)
# Deprecated parameter names Telegram still accepts, each a documented rename.
LEGACY = {("sendPoll", "correct_option_id")}


def test_catalog_lists_exactly_the_specs_methods(spec):
    assert sorted(BOT_API_METHODS) == sorted(spec["methods"])
    assert spec["version"] == f"Bot API {BOT_API_VERSION}"


def test_every_served_method_exists_in_the_spec(spec):
    unknown = [m.name for m in SERVED if m.name not in spec["methods"]]
    assert not unknown, f"not Bot API methods: {unknown}"


@pytest.mark.parametrize("method", SERVED, ids=lambda m: m.name)
def test_declared_parameters_are_exactly_the_specs(spec, method):
    spec_fields = {f["name"]: f for f in spec["methods"][method.name]["fields"]}
    declared = {p.name: p for p in method.params}
    assert sorted(declared) == sorted(spec_fields), "parameter names differ from the spec"
    for name, param in declared.items():
        assert param.required == spec_fields[name]["required"], f"{name}: required flag differs"
        assert param.kind == expected_kind(spec_fields[name]["types"]), f"{name}: wrong kind"


@pytest.mark.parametrize("method", SERVED, ids=lambda m: m.name)
def test_legacy_parameters_are_only_known_renames(spec, method):
    spec_names = {f["name"] for f in spec["methods"][method.name]["fields"]}
    for param in method.legacy:
        assert param.name not in spec_names
        assert (method.name, param.name) in LEGACY, f"undocumented parameter {param.name}"


async def _call(session: aiohttp.ClientSession, sandbox: BotApiSandbox, method: str, **params):
    url = f"{sandbox.bot_base_url}{sandbox.token}/{method}"
    async with session.post(url, json=params) as reply:
        return reply.status, await reply.json()


REQUIRING = [m for m in SERVED if any(p.required for p in m.params)]


@pytest.mark.parametrize("method", REQUIRING, ids=lambda m: m.name)
async def test_missing_required_parameters_get_telegrams_400(sandbox, method):
    async with aiohttp.ClientSession() as session:
        status, body = await _call(session, sandbox, method.name)
    assert status == 400
    assert body["ok"] is False and body["error_code"] == 400
    assert body["description"].startswith("Bad Request: ")


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height)))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


class Recorder:
    """Calls methods over HTTP and keeps every result for checking against the spec."""

    def __init__(self, session: aiohttp.ClientSession, sandbox: BotApiSandbox) -> None:
        self.session, self.sandbox = session, sandbox
        self.results: list[tuple[str, Any]] = []

    async def __call__(self, method: str, **params: Any) -> Any:
        status, body = await _call(self.session, self.sandbox, method, **params)
        assert status == 200, body
        self.results.append((method, body["result"]))
        return body["result"]

    async def upload(self, method: str, field: str, data: bytes, **params: Any) -> Any:
        form = aiohttp.FormData()
        for key, value in params.items():
            form.add_field(key, str(value))
        form.add_field(field, data, filename="file.png", content_type="image/png")
        url = f"{self.sandbox.bot_base_url}{self.sandbox.token}/{method}"
        async with self.session.post(url, data=form) as reply:
            body = await reply.json()
        assert reply.status == 200, body
        self.results.append((method, body["result"]))
        return body["result"]


async def _run_every_method(call: Recorder, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(7, "Malee", username="malee")
    await call("getMe")
    await user.send("/start join_ABC")
    await call("getUpdates", timeout=0)
    await call("setMyCommands", commands=[{"command": "start", "description": "เริ่ม"}],
               scope={"type": "chat", "chat_id": 7}, language_code="th")  # fmt: skip
    await call("getMyCommands", scope={"type": "chat", "chat_id": 7}, language_code="th")
    await call("deleteMyCommands", scope={"type": "chat", "chat_id": 7}, language_code="th")
    await call("setChatMenuButton", chat_id=7, menu_button={"type": "commands"})
    await call("getChatMenuButton", chat_id=7)
    keyboard = {"inline_keyboard": [[{"text": "ใช่", "callback_data": "yes"},
                                     {"text": "เว็บ", "url": "https://example.org"}]]}  # fmt: skip
    sent = await call("sendMessage", chat_id=7, text="<b>สวัสดี</b> https://example.org",
                      parse_mode="HTML", reply_markup=keyboard,
                      reply_parameters={"message_id": 1},
                      link_preview_options={"is_disabled": True})  # fmt: skip
    await call("editMessageText", chat_id=7, message_id=sent["message_id"], text="แก้แล้ว",
               reply_markup=keyboard)  # fmt: skip
    await call("editMessageReplyMarkup", chat_id=7, message_id=sent["message_id"])
    await call("sendChatAction", chat_id=7, action="typing")
    await user.press_forged(sent["message_id"], "yes")
    await user.press_forged(9999, "ghost")
    updates = await call("getUpdates", offset=0, timeout=0)
    await call("answerCallbackQuery", callback_query_id=updates[-2]["callback_query"]["id"],
               text="รับทราบ")  # fmt: skip
    quiz = await call("sendPoll", chat_id=7, question="ข้อใดถูก", is_anonymous=False,
                      options=[{"text": "ก"}, {"text": "ข"}], type="quiz",
                      correct_option_ids=[1], explanation="เพราะ ข", open_period=60)  # fmt: skip
    await user.vote(quiz["message_id"], 1)
    await call("stopPoll", chat_id=7, message_id=quiz["message_id"])
    document = await call.upload("sendDocument", "document", b"%PDF-1.4", chat_id=7, caption="ไฟล์")
    await call("getFile", file_id=document["document"]["file_id"])
    await call.upload("sendPhoto", "photo", _png(3, 2), chat_id=7, caption="ภาพ")
    await user.upload(b"hello", "notes.txt", caption="บันทึก")
    await call("getUpdates", offset=0, timeout=0)
    await call("deleteMessage", chat_id=7, message_id=sent["message_id"])
    await call("setWebhook", url="http://127.0.0.1:9/hook", secret_token="s3cret")
    await call("getWebhookInfo")
    await call("deleteWebhook")
    await call("close")
    await call("logOut")


async def test_every_method_returns_objects_with_the_specs_required_fields(spec, sandbox):
    async with aiohttp.ClientSession() as session:
        call = Recorder(session, sandbox)
        await _run_every_method(call, sandbox)
    called = {method for method, _ in call.results}
    assert called == {m.name for m in SERVED}, "the scenario must exercise every served method"
    for method, result in call.results:
        found = problems(result, spec["methods"][method]["returns"], spec, method)
        assert not found, "\n".join(found)


async def test_every_update_has_the_specs_required_fields(spec, sandbox):
    async with aiohttp.ClientSession() as session:
        await _run_every_method(Recorder(session, sandbox), sandbox)
    kinds = {key for update in sandbox.updates for key in update if key != "update_id"}
    assert kinds == {"message", "callback_query", "poll", "poll_answer"}
    for update in sandbox.updates:
        assert not problems(update, ["Update"], spec), problems(update, ["Update"], spec)
