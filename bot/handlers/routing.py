"""Private text and documents: whose conversation they belong to, asked in one database call.

A checklist answer, a typed step of the /assign form and a file for /import are claimed by
the conversation whose state (kept in the database) says it waits for one; any other text
is a question, any other document goes to the knowledge-base upload handler. PTB filters
run on the event loop, so the state is not looked up in a filter: one handler per kind of
message reads it in a worker thread (`Services.run_db`) and hands the update on. The
checklist comes before the form, as their handlers did when each had its own filter.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import MessageHandler, filters

from bot.context import BotContext, RuamKitApp, Services
from bot.handlers import checklist, kb_upload, trainer_assign, trainer_import
from bot.handlers.ask import QUESTION, answer_question
from bot.handlers.common import Handler, Profile, read_profile, remember_profile

PRIVATE_TEXT = QUESTION
PRIVATE_DOCUMENT = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.Document.ALL


def register(application: RuamKitApp) -> None:
    """Add the private text and document handlers (after every feature, before `fallback`)."""
    application.add_handler(MessageHandler(PRIVATE_TEXT, route_text))
    application.add_handler(MessageHandler(PRIVATE_DOCUMENT, route_document))


async def route_text(update: Update, context: BotContext) -> None:
    """A checklist answer, a typed step of the /assign form, or else a question."""
    handler: Handler = answer_question
    if update.effective_user is not None:
        handler, profile = await context.services.run_db(text_owner, context.services, update)
        remember_profile(update, profile)  # the handler needs it too: no second read
    await handler(update, context)


def text_owner(services: Services, update: Update) -> tuple[Handler, Profile]:
    """The handler the sender's typed text belongs to, and the sender, in one session."""
    with services.session() as session:
        profile = read_profile(session, update, services)
        sender = profile.telegram_id
        if checklist.expects_text(session, sender):
            return checklist.receive_text, profile
        if trainer_assign.awaits_text(session, sender):
            return trainer_assign.receive_text, profile
    return answer_question, profile


async def route_document(update: Update, context: BotContext) -> None:
    """A file for /import, or else an upload for the knowledge base."""
    message, sender, services = update.effective_message, update.effective_user, context.services
    handler: Handler = kb_upload.receive_document
    if message is not None and sender is not None:
        caption = message.caption
        if await services.run_db(trainer_import.expects_import, services, caption, sender.id):
            handler = trainer_import.receive_file
    await handler(update, context)
