"""Cohorts: trainers create, list and manage them; trainees join by code, deep link or group.

Trainer handlers are wrapped in `require_role(Role.TRAINER)` and the domain checks that the
trainer owns the cohort (PermissionDeniedError becomes a polite refusal). /join and the
/start deep link are open to everyone.
"""

from __future__ import annotations

import contextlib

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import BadRequest

from bot import keyboards_trainer as kb
from bot.context import BotContext, Services
from bot.handlers.common import Profile, profile_of, require_role, send_html
from bot.handlers.trainer_common import (
    answer_denied,
    bot_username,
    edit_html,
    format_time,
    zone_of,
)
from bot.handlers.trainer_jobs import deliver_due
from bot.texts import Html, alert, t
from core.errors import NotFoundError, PermissionDeniedError, ValidationError
from core.users import Role
from quizzes.cohorts import (
    JoinError,
    JoinResult,
    code_from_start_payload,
    create_cohort,
    deep_link,
    join_cohort,
    join_group_cohort,
    link_group,
    list_cohorts,
    list_members,
    owned_cohort,
    remove_member,
    set_leaderboard,
)
from quizzes.trainer_models import Cohort, CohortMember

MAX_LISTED = 40


@require_role(Role.TRAINER)
async def cohort_command(update: Update, context: BotContext) -> None:
    """/cohort: list my cohorts; /cohort new NAME; /cohort link (inside a group)."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    profile = await profile_of(update, context.services)
    args = context.args or []
    action = args[0].lower() if args else ""
    if action == "new":
        await _create(update, context, " ".join(args[1:]))
    elif action == "link":
        await _offer_links(update, context)
    elif chat.type != ChatType.PRIVATE:
        await message.reply_html(t("tr.private_only", profile.lang))
    else:
        await _list(update, context)


async def _create(update: Update, context: BotContext, name: str) -> None:
    """Store a new cohort and show its invite code and link."""
    profile = await profile_of(update, context.services)
    message = update.effective_message
    assert message is not None
    if not name.strip():
        await message.reply_html(t("tr.cohort.usage", profile.lang))
        return
    services = context.services
    try:
        cohort = await services.in_session(
            create_cohort, trainer_id=profile.telegram_id, name=name
        )
    except ValidationError:
        await message.reply_html(t("tr.cohort.bad_name", profile.lang))
        return
    await message.reply_html(
        t("tr.cohort.created", profile.lang, card=cohort_card(context, cohort, 0, profile.lang))
    )


async def _list(update: Update, context: BotContext) -> None:
    profile = await profile_of(update, context.services)
    message = update.effective_message
    assert message is not None
    cohorts = await context.services.in_session(list_cohorts, trainer_id=profile.telegram_id)
    if not cohorts:
        await message.reply_html(t("tr.cohort.none", profile.lang))
        return
    buttons = [kb.button(f"👥 {c.name}", f"tr:c:{c.id}") for c in cohorts[-MAX_LISTED:]]
    await message.reply_html(t("tr.cohort.list", profile.lang), reply_markup=kb.column(buttons))


async def _offer_links(update: Update, context: BotContext) -> None:
    """Inside a group: buttons to link this group to one of my cohorts."""
    profile = await profile_of(update, context.services)
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    if chat.type == ChatType.PRIVATE:
        await message.reply_html(t("tr.link.in_group", profile.lang))
        return
    cohorts = await context.services.in_session(list_cohorts, trainer_id=profile.telegram_id)
    if not cohorts:
        await message.reply_html(t("tr.cohort.none", profile.lang))
        return
    buttons = [kb.button(c.name, f"tr:lk:{c.id}") for c in cohorts[-MAX_LISTED:]]
    await message.reply_html(t("tr.link.choose", profile.lang), reply_markup=kb.column(buttons))


@require_role(Role.TRAINER)
async def press_link(update: Update, context: BotContext) -> None:
    """Link the group the button is in to the chosen cohort."""
    query, profile = update.callback_query, (await profile_of(update, context.services))
    found = kb.ids(kb.LINK, query.data or "") if query else None
    if query is None or query.message is None or found is None:
        return
    services, chat_id = context.services, query.message.chat.id
    try:
        cohort = await services.run_db(_link, services, profile.telegram_id, found[0], chat_id)
    except (NotFoundError, PermissionDeniedError):
        await answer_denied(query, profile.lang)
        return
    except ValidationError:
        await query.answer(alert("tr.link.taken", profile.lang), show_alert=True)
        return
    await query.answer()
    await query.edit_message_text(t("tr.link.done", profile.lang, name=cohort.name))


def _link(services: Services, trainer_id: int, cohort_id: int, chat_id: int) -> Cohort:
    with services.session() as session:
        return link_group(
            session=session, trainer_id=trainer_id, cohort_id=cohort_id, chat_id=chat_id
        )


@require_role(Role.TRAINER)
async def press_cohort(update: Update, context: BotContext) -> None:
    """A cohort's card: code, link, members, group, leaderboard."""
    query, profile = update.callback_query, (await profile_of(update, context.services))
    found = kb.ids(kb.COHORT, query.data or "") if query else None
    if query is None or query.message is None or found is None:
        return
    services = context.services
    try:
        cohort, members = await services.run_db(_members, services, profile.telegram_id, found[0])
    except (NotFoundError, PermissionDeniedError):
        await answer_denied(query, profile.lang)
        return
    await query.answer()
    markup = kb.cohort_buttons(found[0], cohort.leaderboard_enabled, profile.lang)
    card = cohort_card(context, cohort, len(members), profile.lang)
    await send_html(context, query.message.chat.id, card, markup)


@require_role(Role.TRAINER)
async def press_members(update: Update, context: BotContext) -> None:
    """The cohort's members with a remove button each."""
    query, profile = update.callback_query, (await profile_of(update, context.services))
    found = kb.ids(kb.MEMBERS, query.data or "") if query else None
    if query is None or query.message is None or found is None:
        return
    services = context.services
    try:
        cohort, members = await services.run_db(_members, services, profile.telegram_id, found[0])
    except (NotFoundError, PermissionDeniedError):
        await answer_denied(query, profile.lang)
        return
    await query.answer()
    text, markup = _members_view(context, cohort, members, profile.lang)
    await send_html(context, query.message.chat.id, text, markup)


@require_role(Role.TRAINER)
async def press_remove(update: Update, context: BotContext) -> None:
    """Take a member out of the cohort and refresh the list."""
    query, profile = update.callback_query, (await profile_of(update, context.services))
    found = kb.ids(kb.REMOVE, query.data or "") if query else None
    if query is None or found is None:
        return
    cohort_id, user_id = found
    services, trainer_id = context.services, profile.telegram_id
    try:
        removed = await services.run_db(_remove, services, trainer_id, cohort_id, user_id)
        cohort, members = await services.run_db(_members, services, trainer_id, cohort_id)
    except (NotFoundError, PermissionDeniedError):
        await answer_denied(query, profile.lang)
        return
    text, markup = _members_view(context, cohort, members, profile.lang)
    await query.answer(alert("tr.members.removed" if removed else "tr.members.gone", profile.lang))
    await edit_html(query, text, markup)


@require_role(Role.TRAINER)
async def press_board(update: Update, context: BotContext) -> None:
    """Turn the cohort's leaderboard on or off."""
    query, profile = update.callback_query, (await profile_of(update, context.services))
    found = kb.ids(kb.BOARD, query.data or "") if query else None
    if query is None or found is None:
        return
    cohort_id, enabled = found
    services, trainer_id = context.services, profile.telegram_id
    try:
        cohort = await services.run_db(_set_board, services, trainer_id, cohort_id, bool(enabled))
    except (NotFoundError, PermissionDeniedError):
        await answer_denied(query, profile.lang)
        return
    key = "tr.board.turned_on" if cohort.leaderboard_enabled else "tr.board.turned_off"
    await query.answer(alert(key, profile.lang), show_alert=True)
    markup = kb.cohort_buttons(cohort_id, cohort.leaderboard_enabled, profile.lang)
    with contextlib.suppress(BadRequest):  # the same markup again: "not modified"
        await query.edit_message_reply_markup(markup)


def _remove(services: Services, trainer_id: int, cohort_id: int, user_id: int) -> bool:
    with services.session() as session:
        return remove_member(
            session=session, trainer_id=trainer_id, cohort_id=cohort_id, user_id=user_id
        )


def _set_board(services: Services, trainer_id: int, cohort_id: int, enabled: bool) -> Cohort:
    with services.session() as session:
        return set_leaderboard(
            session=session, trainer_id=trainer_id, cohort_id=cohort_id, enabled=enabled
        )


def _members(
    services: Services, trainer_id: int, cohort_id: int
) -> tuple[Cohort, list[CohortMember]]:
    """The trainer's cohort and its members (refused when it is someone else's)."""
    with services.session() as session:
        cohort = owned_cohort(session=session, trainer_id=trainer_id, cohort_id=cohort_id)
        members = list_members(session=session, trainer_id=trainer_id, cohort_id=cohort_id)
        return cohort, members


def _members_view(
    context: BotContext, cohort: Cohort, members: list[CohortMember], lang: str
) -> tuple[Html, InlineKeyboardMarkup | None]:
    cohort_id = cohort.id or 0
    if not members:
        return t("tr.members.none", lang, name=cohort.name), None
    pairs = [(m.user_id, m.first_name or str(m.user_id)) for m in members[:MAX_LISTED]]
    tz = zone_of(context.services)
    lines = "\n".join(
        t(
            "tr.members.line",
            lang,
            name=name,
            user_id=uid,
            joined=format_time(m.joined_at, lang, tz),
        )
        for (uid, name), m in zip(pairs, members, strict=False)
    )
    text = t("tr.members.list", lang, name=cohort.name, count=len(members), lines=Html(lines))
    return text, kb.remove_buttons(cohort_id, pairs, lang)


def cohort_card(context: BotContext, cohort: Cohort, members: int, lang: str) -> Html:
    """Name, invite code, deep link and settings of a cohort."""
    link = deep_link(bot_username(context), cohort.invite_code)
    group = t("tr.cohort.group_yes" if cohort.group_chat_id else "tr.cohort.group_no", lang)
    board = t("tr.cohort.board_on" if cohort.leaderboard_enabled else "tr.cohort.board_off", lang)
    return t(
        "tr.cohort.card", lang, name=cohort.name, code=cohort.invite_code, link=link,
        members=members, group=group, board=board,
    )  # fmt: skip


async def join_command(update: Update, context: BotContext) -> None:
    """/join CODE (or plain /join inside a linked group)."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    code = " ".join(context.args or [])
    if not code and chat.type != ChatType.PRIVATE:
        await _join(update, context, code=None)
    elif not code:
        await message.reply_html(
            t("tr.join.usage", (await profile_of(update, context.services)).lang)
        )
    else:
        await _join(update, context, code=code)


async def join_from_payload(update: Update, context: BotContext, payload: str) -> bool:
    """Join the cohort of a /start deep-link payload `join_<code>`; False for other payloads."""
    code = code_from_start_payload(payload)
    if code is None:
        return False
    await _join(update, context, code=code)
    return True


async def _join(update: Update, context: BotContext, *, code: str | None) -> None:
    profile = await profile_of(update, context.services)
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    services = context.services
    try:
        result = await services.run_db(_join_cohort, services, profile, chat.id, code)
    except JoinError as error:
        await message.reply_html(t(f"tr.join.{error.reason.value}", profile.lang))
        return
    key = "tr.join.done" if result.created else "tr.join.already"
    if chat.type != ChatType.PRIVATE:  # assignments come in the private chat
        key = "tr.join.done_group" if result.created else "tr.join.already_group"
    link = f"https://t.me/{bot_username(context)}"
    await message.reply_html(
        t(key, profile.lang, name=result.cohort.name, person=profile.first_name, link=link)
    )
    if result.created:
        await deliver_due(context.application)  # announcements of assignments already open


def _join_cohort(
    services: Services, profile: Profile, chat_id: int, code: str | None
) -> JoinResult:
    """Join by invite code, or (without one) the cohort linked to the group `chat_id`."""
    with services.session() as session:
        if code is None:
            return join_group_cohort(
                session=session,
                chat_id=chat_id,
                user_id=profile.telegram_id,
                first_name=profile.first_name,
            )
        return join_cohort(
            session=session, code=code, user_id=profile.telegram_id, first_name=profile.first_name
        )
