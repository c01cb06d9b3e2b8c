"""The numbers Telegram's Bot API enforces (Bot API 10.1), in one place.

Lengths of texts are counted in UTF-16 code units, as Telegram counts them; a Thai
character is one unit, an emoji outside the BMP two.
"""

from typing import Final

MESSAGE_TEXT_MIN: Final = 1
MESSAGE_TEXT_MAX: Final = 4096
CAPTION_MAX: Final = 1024
MESSAGE_ENTITIES_MAX: Final = 100

CALLBACK_DATA_MIN_BYTES: Final = 1
CALLBACK_DATA_MAX_BYTES: Final = 64
CALLBACK_ANSWER_TEXT_MAX: Final = 200
INLINE_KEYBOARD_BUTTONS_MAX: Final = 100
# How long a callback query may wait for answerCallbackQuery before Telegram calls it too old.
CALLBACK_ANSWER_TIMEOUT_S: Final = 15.0

POLL_QUESTION_MIN: Final = 1
POLL_QUESTION_MAX: Final = 300
POLL_OPTIONS_MIN: Final = 1  # Bot API 10.0 lowered this from 2 to 1.
POLL_OPTIONS_MAX: Final = 12
POLL_OPTION_TEXT_MIN: Final = 1
POLL_OPTION_TEXT_MAX: Final = 100
POLL_EXPLANATION_MAX: Final = 200
POLL_EXPLANATION_LINE_FEEDS_MAX: Final = 2
POLL_OPEN_PERIOD_MIN: Final = 5
POLL_OPEN_PERIOD_MAX: Final = 2_628_000  # Bot API 9.6 raised this from 600.
POLL_DESCRIPTION_MAX: Final = 1024

# telegram-bot-api uses binary megabytes: 20 << 20 and 50 << 20.
DOWNLOAD_MAX_BYTES: Final = 20 * 1024 * 1024
UPLOAD_MAX_BYTES: Final = 50 * 1024 * 1024
PHOTO_UPLOAD_MAX_BYTES: Final = 10 * 1024 * 1024

BOT_COMMAND_MIN: Final = 1
BOT_COMMAND_MAX: Final = 32
BOT_COMMAND_DESCRIPTION_MIN: Final = 1
BOT_COMMAND_DESCRIPTION_MAX: Final = 256
BOT_COMMANDS_MAX: Final = 100

GET_UPDATES_LIMIT_MIN: Final = 1
GET_UPDATES_LIMIT_MAX: Final = 100
WEBHOOK_SECRET_MAX: Final = 256

# Flood limits (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this)
MESSAGES_PER_SECOND_GLOBAL: Final = 30
MESSAGES_PER_SECOND_PER_CHAT: Final = 1
MESSAGES_PER_MINUTE_PER_GROUP: Final = 20
