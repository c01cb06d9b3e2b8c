"""A tiny PTB application for end-to-end tests: commands, buttons, a quiz, files, echo."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    PollAnswerHandler,
    filters,
)

from bot.sandbox import BotApiSandbox

START_KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("ทำแบบทดสอบ", callback_data="quiz"),
            InlineKeyboardButton("เว็บ", url="https://example.org"),
        ]
    ]
)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    payload = " ".join(context.args or [])
    await update.effective_message.reply_html(
        f"<b>สวัสดี</b> {payload}".strip(), reply_markup=START_KEYBOARD
    )


async def start_quiz(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    await query.answer("เริ่มแล้ว")
    await query.edit_message_text("เลือกแล้ว: แบบทดสอบ")
    await context.bot.send_poll(
        query.message.chat.id, "2+2 เท่ากับเท่าไร", ["3", "4"], type="quiz",
        correct_option_ids=[1], is_anonymous=False, explanation="2+2=4",
    )  # fmt: skip


async def receive_poll_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    answer = update.poll_answer
    await context.bot.send_message(answer.user.id, f"คุณเลือกข้อ {answer.option_ids[0] + 1}")


async def reverse_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    file = await update.message.document.get_file()
    data = bytes(await file.download_as_bytearray())
    await update.message.reply_document(data[::-1], filename="reversed.txt", caption="กลับด้าน")


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text(update.message.text)


def build_demo_app(sandbox: BotApiSandbox) -> Application:
    app = (
        ApplicationBuilder()
        .token(sandbox.token)
        .base_url(sandbox.bot_base_url)
        .base_file_url(sandbox.file_base_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(start_quiz, pattern="^quiz$"))
    app.add_handler(PollAnswerHandler(receive_poll_answer))
    app.add_handler(MessageHandler(filters.Document.ALL, reverse_document))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    return app


@asynccontextmanager
async def running_demo_app(sandbox: BotApiSandbox) -> AsyncIterator[Application]:
    """The demo app polling the sandbox, the way run_polling drives it, without signals."""
    app = build_demo_app(sandbox)
    await app.initialize()
    await app.bot.set_my_commands([("start", "เริ่ม")])
    await app.updater.start_polling(timeout=5)
    await app.start()
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
