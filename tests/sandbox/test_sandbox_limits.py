"""The sandbox's limits agree with python-telegram-bot's record of Telegram's numbers."""

from __future__ import annotations

from telegram import constants

from bot.sandbox import limits


def test_text_caption_and_callback_limits_match_ptb():
    assert limits.MESSAGE_TEXT_MAX == constants.MessageLimit.MAX_TEXT_LENGTH
    assert limits.CAPTION_MAX == constants.MessageLimit.CAPTION_LENGTH
    assert limits.CALLBACK_DATA_MAX_BYTES == constants.InlineKeyboardButtonLimit.MAX_CALLBACK_DATA
    assert limits.CALLBACK_ANSWER_TEXT_MAX == (
        constants.CallbackQueryLimit.ANSWER_CALLBACK_QUERY_TEXT_LENGTH
    )


def test_poll_limits_match_ptb():
    poll = constants.PollLimit
    assert (limits.POLL_QUESTION_MIN, limits.POLL_QUESTION_MAX) == (
        poll.MIN_QUESTION_LENGTH, poll.MAX_QUESTION_LENGTH,
    )  # fmt: skip
    assert (limits.POLL_OPTIONS_MIN, limits.POLL_OPTIONS_MAX) == (
        poll.MIN_OPTION_NUMBER, poll.MAX_OPTION_NUMBER,
    )  # fmt: skip
    assert limits.POLL_OPTION_TEXT_MAX == poll.MAX_OPTION_LENGTH
    assert limits.POLL_EXPLANATION_MAX == poll.MAX_EXPLANATION_LENGTH
    assert limits.POLL_EXPLANATION_LINE_FEEDS_MAX == poll.MAX_EXPLANATION_LINE_FEEDS
    assert (limits.POLL_OPEN_PERIOD_MIN, limits.POLL_OPEN_PERIOD_MAX) == (
        poll.MIN_OPEN_PERIOD, poll.MAX_OPEN_PERIOD,
    )  # fmt: skip


def test_command_limits_match_ptb():
    command = constants.BotCommandLimit
    assert limits.BOT_COMMAND_MAX == command.MAX_COMMAND
    assert limits.BOT_COMMAND_DESCRIPTION_MAX == command.MAX_DESCRIPTION
    assert limits.BOT_COMMANDS_MAX == command.MAX_COMMAND_NUMBER


def test_file_limits_are_telegrams_binary_megabytes():
    # PTB rounds to decimal megabytes; telegram-bot-api uses 20 << 20 and 50 << 20.
    assert limits.DOWNLOAD_MAX_BYTES == 20 << 20 >= constants.FileSizeLimit.FILESIZE_DOWNLOAD
    assert limits.UPLOAD_MAX_BYTES == 50 << 20 >= constants.FileSizeLimit.FILESIZE_UPLOAD


def test_flood_limits_match_ptb():
    flood = constants.FloodLimit
    assert limits.MESSAGES_PER_SECOND_GLOBAL == flood.MESSAGES_PER_SECOND
    assert limits.MESSAGES_PER_SECOND_PER_CHAT == flood.MESSAGES_PER_SECOND_PER_CHAT
    assert limits.MESSAGES_PER_MINUTE_PER_GROUP == flood.MESSAGES_PER_MINUTE_PER_GROUP
