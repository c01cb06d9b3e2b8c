"""Real PTB against the sandbox: polls and quizzes, documents, photos and file downloads."""

from __future__ import annotations

import json

import aiohttp
import pytest
import telegram
from telegram import InputPollOption
from telegram.error import BadRequest

from bot.sandbox import PollVoteError
from bot.sandbox.limits import DOWNLOAD_MAX_BYTES


@pytest.fixture
async def user(sandbox, bot):
    """A user who has started the bot; the bot has already consumed the /start update."""
    person = sandbox.user(30, "Anong")
    await person.send("/start")
    started = await bot.get_updates()
    await bot.get_updates(offset=started[-1].update_id + 1)
    return person


async def test_quiz_votes_reach_the_bot_as_poll_answers(sandbox, bot, user):
    sent = await bot.send_poll(
        user.id, "ข้อใดถูก", ["ก", "ข", "ค"], type="quiz", correct_option_ids=[2],
        is_anonymous=False, explanation="เพราะ ค",
    )  # fmt: skip
    assert sent.poll.correct_option_ids == (2,) and not sent.poll.allows_revoting
    await user.vote(await user.next_message(), 0)
    updates = await bot.get_updates(timeout=1)
    answer, poll = updates[0].poll_answer, updates[1].poll
    assert (answer.poll_id, answer.option_ids, answer.user.id) == (sent.poll.id, (0,), user.id)
    assert answer.option_persistent_ids == (sent.poll.options[0].persistent_id,)
    assert [o.voter_count for o in poll.options] == [1, 0, 0]
    with pytest.raises(PollVoteError, match="does not allow changing"):
        await user.vote(user.messages[-1], 2)


async def test_anonymous_polls_send_no_poll_answer(sandbox, bot, user):
    await bot.send_poll(user.id, "ชอบไหม", ["ชอบ", "ไม่ชอบ"])
    await user.vote(user.messages[-1], [1])
    updates = await bot.get_updates(timeout=1)
    assert [u.poll is not None for u in updates] == [True]
    assert user.messages[-1].poll.voter_counts == [0, 1]


async def test_stopped_polls_refuse_votes_and_second_stops(sandbox, bot, user):
    sent = await bot.send_poll(user.id, "Q", ["a", "b"], is_anonymous=False)
    stopped = await bot.stop_poll(user.id, sent.message_id)
    assert stopped.is_closed and user.messages[-1].poll.is_closed
    with pytest.raises(BadRequest, match="Poll has already been closed"):
        await bot.stop_poll(user.id, sent.message_id)
    with pytest.raises(PollVoteError, match="closed"):
        await user.vote(user.messages[-1], 0)


async def test_quiz_accepts_the_legacy_single_correct_option(sandbox, user):
    form = {
        "chat_id": str(user.id),
        "question": "Q",
        "type": "quiz",
        "options": json.dumps([{"text": "a"}, {"text": "b"}]),
        "correct_option_id": "1",
    }
    async with aiohttp.ClientSession() as session:
        url = f"{sandbox.bot_base_url}{sandbox.token}/sendPoll"
        async with session.post(url, data=form) as reply:
            body = await reply.json()
    assert body["result"]["poll"]["correct_option_ids"] == [1]
    assert sandbox.ignored_parameters == []


OPTIONS = ["a", "b"]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"question": "x" * 301}, "Poll question length must not exceed 300"),
        ({"question": "  "}, "Poll question must be non-empty"),
        ({"options": [str(i) for i in range(13)]}, "Poll can't have more than 12 options"),
        ({"options": ["x" * 101, "b"]}, "Poll options length must not exceed 100"),
        ({"options": ["a", "a"]}, "Poll_option_duplicate"),
        ({"type": "quiz"}, "Quiz poll must have a correct option"),
        ({"type": "quiz", "correct_option_ids": [0, 1]}, "Quiz poll must have exactly one"),
        ({"type": "quiz", "correct_option_ids": [5]}, "Wrong correct option ids"),
        ({"type": "quiz", "correct_option_ids": [0], "explanation": "x" * 201}, "too long"),
        ({"type": "quiz", "correct_option_ids": [0], "explanation": "a\nb\nc\nd"}, "line feeds"),
        ({"open_period": 4}, "Wrong open period"),
        ({"open_period": 2_628_001}, "Wrong open period"),
    ],
)
async def test_poll_limits(sandbox, bot, user, kwargs, error):
    args = {"chat_id": user.id, "question": "Q", "options": OPTIONS, **kwargs}
    with pytest.raises(BadRequest, match=error):
        await bot.send_poll(**args)
    assert user.messages == []


async def test_poll_accepts_its_limits(sandbox, bot, user):
    await bot.send_poll(
        user.id, "ค" * 300, [InputPollOption("ง" * 100)] + [str(i) for i in range(11)],
        type="quiz", correct_option_ids=[0], explanation="จ" * 198 + "\n\n", open_period=600,
    )  # fmt: skip
    poll = user.messages[-1].poll
    assert (len(poll.question), len(poll.options), poll.type) == (300, 12, "quiz")


async def test_document_round_trip_between_bot_and_user(sandbox, bot, user, tmp_path):
    data = "รายงาน".encode() * 1000
    await bot.send_document(user.id, data, filename="รายงาน.txt", caption="<b>ไฟล์</b>",
                            parse_mode="HTML")  # fmt: skip
    received = (await user.next_message()).document
    assert (received.data, received.file_name) == (data, "รายงาน.txt")
    await user.upload(b"%PDF-1.4 test", "plan.pdf", caption="แผน")
    update = (await bot.get_updates(timeout=1))[-1]
    document = update.message.document
    assert (document.file_name, document.mime_type, update.message.caption) == (
        "plan.pdf", "application/pdf", "แผน",
    )  # fmt: skip
    file = await bot.get_file(document.file_id)
    target = await file.download_to_drive(tmp_path / "plan.pdf")
    assert target.read_bytes() == b"%PDF-1.4 test"


async def test_sending_a_known_file_id_reuses_the_file(sandbox, bot, user):
    first = await bot.send_document(user.id, b"abc", filename="a.txt")
    second = await bot.send_document(user.id, first.document.file_id)
    assert second.document.file_unique_id == first.document.file_unique_id
    with pytest.raises(BadRequest, match="Wrong file identifier"):
        await bot.send_document(user.id, "no-such-file-id")


async def test_files_over_20_mb_cannot_be_downloaded(sandbox, bot, user):
    await user.upload(b"\0" * (DOWNLOAD_MAX_BYTES + 1), "big.bin")
    update = (await bot.get_updates(timeout=1))[-1]
    with pytest.raises(BadRequest, match="File is too big"):
        await bot.get_file(update.message.document.file_id)
    with pytest.raises(BadRequest, match="Wrong file_id or the file is temporarily unavailable"):
        await bot.get_file("missing")


async def test_photos_keep_their_size_and_bytes(sandbox, bot, user):
    gif = b"GIF89a" + (7).to_bytes(2, "little") + (5).to_bytes(2, "little") + b"\0" * 20
    sent = await bot.send_photo(user.id, gif, caption="ภาพ")
    assert (sent.photo[-1].width, sent.photo[-1].height) == (7, 5)
    assert (await user.next_message()).photo == gif
    with pytest.raises(BadRequest, match="Image_process_failed"):
        await bot.send_photo(user.id, b"not an image")


async def test_captions_over_1024_characters_are_refused(sandbox, bot, user):
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await bot.send_document(user.id, b"x", filename="x.txt", caption="ก" * 1025)
    assert isinstance(await bot.send_document(user.id, b"x", filename="x.txt", caption="ก" * 1024),
                      telegram.Message)  # fmt: skip
