"""/quiz: pick a topic and a length, answer native quiz polls, see a score card and review.

The questions, answers and poll ids live in the database (quizzes.service), so a restarted
bot goes on where the learner was: their next poll answer is matched by poll id, and /quiz
offers to continue the open attempt. Every button re-checks that its attempt or item
belongs to whoever pressed it; anything else gets a polite refusal and changes nothing.
"""

from __future__ import annotations

import random

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode
from telegram.ext import CallbackQueryHandler, CommandHandler, PollAnswerHandler, PollHandler

from bot import callbacks
from bot import keyboards_quiz as kb
from bot.context import BotContext, RuamKitApp, Services
from bot.handlers import quiz_flow, quiz_ordering, quiz_progress
from bot.handlers.common import Profile, profile_of, send_html
from bot.handlers.quiz_flow import row_id
from bot.handlers.quiz_render import SlideText, attempt_title, review
from bot.handlers.quiz_store import is_open, missed, owned_attempt
from bot.texts import Html, alert, t
from knowledge.catalog import section_text
from quizzes.models import QuizAttempt, QuizAttemptItem
from quizzes.questions import QuestionBank
from quizzes.service import attempt_items, current_attempt, next_item
from quizzes.sessions import QuizPlan, build_practice, build_quiz, make_plan_item

# Modes whose attempts this module may review, retake or practise (not trainer assignments,
# whose answers a trainer may keep hidden until the due date).
OWN_MODES = ("quiz", "practice")


def register(application: RuamKitApp) -> None:
    """Add /quiz, /practice, /myresults, the quiz buttons and the poll answer handlers."""
    application.add_handler(CommandHandler("quiz", open_quiz))
    application.add_handler(CallbackQueryHandler(open_quiz, pattern=f"^{callbacks.menu('quiz')}$"))
    application.add_handler(CallbackQueryHandler(choose_topic, pattern=r"^qz:t:"))
    application.add_handler(CallbackQueryHandler(choose_length, pattern=r"^qz:n:"))
    application.add_handler(CallbackQueryHandler(choose_new_quiz, pattern=f"^{kb.NEW}$"))
    application.add_handler(CallbackQueryHandler(quiz_ordering.choose_order, pattern=r"^qz:o:"))
    application.add_handler(
        CallbackQueryHandler(act_on_attempt, pattern=r"^qz:(go|rev|retake|miss):")
    )
    application.add_handler(PollAnswerHandler(quiz_flow.receive_poll_answer))
    application.add_handler(PollHandler(quiz_flow.receive_closed_poll))
    quiz_progress.register(application)


async def open_quiz(update: Update, context: BotContext) -> None:
    """Offer to continue an open attempt, or the topics to start a new quiz."""
    profile = await profile_of(update, context.services)
    chat = update.effective_chat
    if update.callback_query is not None:
        await update.callback_query.answer()
    if chat is None:
        return
    services = context.services
    attempt, items = await services.run_db(_open_attempt, services, profile.telegram_id)
    if attempt is None:
        await _send_topics(context, chat.id, profile.lang)
        return
    answered = sum(item.answered_at is not None for item in items)
    bank = context.services.question_bank
    title = attempt_title(attempt.topic, attempt.mode, bank, profile.lang)
    text = t("quiz.resume", profile.lang, topic=title, answered=answered, total=len(items))
    await send_html(context, chat.id, text, kb.resume_buttons(row_id(attempt), profile.lang))


def _open_attempt(
    services: Services, user_id: int
) -> tuple[QuizAttempt | None, list[QuizAttemptItem]]:
    """The user's open attempt (if any) with its items."""
    with services.session() as session:
        attempt = current_attempt(session=session, user_id=user_id)
        items = attempt_items(session=session, attempt_id=row_id(attempt)) if attempt else []
        return attempt, items


async def choose_new_quiz(update: Update, context: BotContext) -> None:
    """The "start a new quiz" button under the resume offer: show the topics."""
    query = update.callback_query
    profile = await profile_of(update, context.services)
    if query is None or query.message is None:
        return
    await query.answer()
    await _send_topics(context, query.message.chat.id, profile.lang)


async def _send_topics(context: BotContext, chat_id: int, lang: str) -> None:
    markup = kb.topic_picker(context.services.question_bank, lang)
    await send_html(context, chat_id, t("quiz.choose_topic", lang), markup)


async def choose_topic(update: Update, context: BotContext) -> None:
    """A topic was picked: ask how many questions (with or without a time limit)."""
    query = update.callback_query
    profile = await profile_of(update, context.services)
    if query is None:
        return
    bank = context.services.question_bank
    topic = kb.parse_topic(query.data or "")
    pool = _pool_size(bank, topic) if topic else 0
    if topic is None or not pool:
        await query.answer(alert("button.invalid", profile.lang))
        return
    await query.answer()
    title = _topic_title(bank, topic, profile.lang)
    text = t("quiz.choose_length", profile.lang, topic=title, seconds=kb.TIMER_S)
    markup = kb.length_picker(topic, kb.length_choices(pool), profile.lang)
    await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)


async def choose_length(update: Update, context: BotContext) -> None:
    """A length was picked: draw the quiz and ask its first question."""
    query = update.callback_query
    profile = await profile_of(update, context.services)
    if query is None or query.message is None:
        return
    bank = context.services.question_bank
    choice = kb.parse_length(query.data or "")
    if choice is None or not _valid_length(bank, choice):
        await query.answer(alert("button.invalid", profile.lang))
        return
    await query.answer()
    topic = None if choice.topic == kb.ALL_TOPICS else choice.topic
    plan = build_quiz(bank, topic=topic, length=choice.length, rng=random.Random())
    timer = choice.seconds or None
    note = t("quiz.timer", profile.lang, seconds=choice.seconds) if timer else ""
    title = _topic_title(bank, choice.topic, profile.lang)
    started = t("quiz.started", profile.lang, topic=title, count=len(plan), timer=Html(note))
    await query.edit_message_text(started, parse_mode=ParseMode.HTML)
    await quiz_flow.start_plan(
        context, user_id=profile.telegram_id, chat_id=query.message.chat.id, lang=profile.lang,
        plan=plan, timer=timer,
    )  # fmt: skip


def _pool_size(bank: QuestionBank, topic: str) -> int:
    """How many questions a topic (or all topics) holds; 0 for an unknown topic."""
    return len(bank) if topic == kb.ALL_TOPICS else len(bank.by_topic(topic))


def _valid_length(bank: QuestionBank, choice: kb.LengthChoice) -> bool:
    """Whether the button could have been offered: known topic, offered length and timer."""
    pool = _pool_size(bank, choice.topic)
    offered = kb.length_choices(pool) if pool else []
    return choice.length in offered and choice.seconds in kb.TIMER_CHOICES


def _topic_title(bank: QuestionBank, topic: str, lang: str) -> str:
    return attempt_title(None if topic == kb.ALL_TOPICS else topic, "quiz", bank, lang)


async def act_on_attempt(update: Update, context: BotContext) -> None:
    """Continue, review, retake or practise an attempt, once it is known to be the user's."""
    query = update.callback_query
    profile = await profile_of(update, context.services)
    if query is None or query.message is None:
        return
    services = context.services
    choice = kb.parse_attempt(query.data or "")
    attempt = None
    if choice is not None:
        attempt = await services.in_session(
            owned_attempt, attempt_id=choice.attempt_id, user_id=profile.telegram_id
        )
    if choice is None or attempt is None or not _allowed(choice.action, attempt):
        await query.answer(alert("button.invalid", profile.lang))
        return
    if choice.action == kb.Action.CONTINUE:
        await _continue(query, context, profile, attempt)
    elif choice.action == kb.Action.REVIEW:
        await _review(query, context, profile, attempt)
    else:
        await _restart(query, context, profile, attempt, choice.action)


def _allowed(action: kb.Action, attempt: QuizAttempt) -> bool:
    """Continue only open attempts; review, retake and practise only closed quizzes."""
    if action == kb.Action.CONTINUE:
        return is_open(attempt)
    return not is_open(attempt) and attempt.mode in OWN_MODES


async def _continue(
    query: CallbackQuery, context: BotContext, profile: Profile, attempt: QuizAttempt
) -> None:
    """Ask the open attempt's current question again (a fresh poll replaces the old one)."""
    assert attempt.id is not None
    current = await context.services.in_session(next_item, attempt_id=attempt.id)
    await query.answer()
    if current is None:
        await quiz_flow.finish(context, attempt.id, profile.lang)
        return
    note = t("quiz.resumed", profile.lang, number=current.position + 1)
    await send_html(context, attempt.chat_id, note)
    timer = await quiz_flow.timer_for(context, attempt.id)
    await quiz_flow.advance(
        context, attempt.id, after=current.position - 1, lang=profile.lang, timer=timer
    )
    if current.poll_id is not None:
        await quiz_flow.stop_old_poll(context, attempt.chat_id, current.message_id)


async def _review(
    query: CallbackQuery, context: BotContext, profile: Profile, attempt: QuizAttempt
) -> None:
    """Each missed question with the right answer, the long explanation and its slides."""
    assert attempt.id is not None
    services = context.services
    wrong = missed(await services.in_session(attempt_items, attempt_id=attempt.id))
    if not wrong:
        await query.answer(alert("quiz.no_mistakes", profile.lang))
        return
    await query.answer()
    text = review(wrong, services.question_bank, _slide_reader(services), profile.lang)
    await send_html(context, attempt.chat_id, text)


def _slide_reader(services: Services) -> SlideText:
    """Reads a slide's text from the knowledge sources."""
    source_dir = services.settings.source_dir
    return lambda doc, number: section_text(source_dir, doc, number)


async def _restart(
    query: CallbackQuery, context: BotContext, profile: Profile, attempt: QuizAttempt,
    action: kb.Action,
) -> None:  # fmt: skip
    """Retake the same questions, or practise only the missed ones, as a new attempt."""
    assert attempt.id is not None
    bank = context.services.question_bank
    items = await context.services.in_session(attempt_items, attempt_id=attempt.id)
    if action == kb.Action.RETAKE:
        plan = _retake_plan(bank, attempt, items)
        intro = t("quiz.retake_started", profile.lang, count=len(plan))
    else:
        missed_ids = [item.question_id for item in missed(items)]
        plan = build_practice(bank, missed_ids, rng=random.Random())
        intro = t("quiz.practice_started", profile.lang, count=len(plan))
    if not plan.items:
        await query.answer(alert("quiz.unavailable", profile.lang), show_alert=True)
        return
    await query.answer()
    await quiz_flow.start_plan(
        context, user_id=profile.telegram_id, chat_id=attempt.chat_id, lang=profile.lang,
        plan=plan, intro=intro,
    )  # fmt: skip


def _retake_plan(
    bank: QuestionBank, attempt: QuizAttempt, items: list[QuizAttemptItem]
) -> QuizPlan:
    """The attempt's questions again, in a new order with reshuffled options."""
    rng = random.Random()
    questions = [q for q in (bank.get(item.question_id) for item in items) if q is not None]
    rng.shuffle(questions)
    shown = tuple(make_plan_item(q, position, rng) for position, q in enumerate(questions))
    return QuizPlan(shown, attempt.topic, attempt.mode)
