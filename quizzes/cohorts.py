"""Cohorts: a trainer creates one, trainees join with its invite code or deep link.

Every function takes an explicit session and never commits. Functions that act for a trainer
take the acting user's Telegram id and raise PermissionDeniedError unless they own the cohort;
whether that user holds the trainer role at all is the bot's gate to check.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from core.errors import NotFoundError, PermissionDeniedError, ValidationError
from quizzes.trainer_models import Cohort, CohortMember

# No 0/O, 1/I/L: codes are read aloud and typed from slides.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
JOIN_PAYLOAD_PREFIX = "join_"
NAME_MAX_CHARS = 80
_CODE_PATTERN = re.compile(f"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")
_BOT_USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")


class JoinRefusal(StrEnum):
    """Why a trainee could not join."""

    UNKNOWN_CODE = "unknown_code"
    CLOSED = "closed"
    NOT_LINKED = "not_linked"


class JoinError(ValidationError):
    """Joining failed; `reason` says why so the bot can answer politely."""

    def __init__(self, reason: JoinRefusal, detail: str) -> None:
        self.reason = reason
        super().__init__(detail)


@dataclass(frozen=True)
class JoinResult:
    """The cohort joined, the membership, and whether this call created it."""

    cohort: Cohort
    member: CohortMember
    created: bool


def new_invite_code() -> str:
    """A random code of CODE_LENGTH unambiguous letters and digits (about 40 bits)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """A typed code in canonical form: no spaces or dashes, upper case, payload prefix removed."""
    cleaned = text.strip()
    if cleaned.lower().startswith(JOIN_PAYLOAD_PREFIX):
        cleaned = cleaned[len(JOIN_PAYLOAD_PREFIX) :]
    return re.sub(r"[\s-]", "", cleaned).upper()


def deep_link(bot_username: str, code: str) -> str:
    """The t.me link whose /start payload joins the cohort."""
    username = bot_username.removeprefix("@")
    if not _BOT_USERNAME.match(username):
        raise ValidationError(f"not a Telegram bot username: {bot_username!r}")
    return f"https://t.me/{username}?start={JOIN_PAYLOAD_PREFIX}{code}"


def code_from_start_payload(payload: str | None) -> str | None:
    """The invite code in a /start payload such as `join_ABCD2345`, or None for other payloads."""
    if not payload or not payload.startswith(JOIN_PAYLOAD_PREFIX):
        return None
    return normalise_code(payload)


def create_cohort(*, session: Session, trainer_id: int, name: str) -> Cohort:
    """Store a new open cohort with a fresh invite code."""
    cohort = Cohort(trainer_id=trainer_id, name=_cohort_name(name), invite_code="")
    cohort.invite_code = _unused_code(session)
    session.add(cohort)
    session.flush()
    return cohort


def regenerate_code(*, session: Session, trainer_id: int, cohort_id: int) -> Cohort:
    """Give the cohort a new invite code (the old link stops working)."""
    cohort = owned_cohort(session=session, trainer_id=trainer_id, cohort_id=cohort_id)
    cohort.invite_code = _unused_code(session)
    return _save(session, cohort)


def set_cohort_open(*, session: Session, trainer_id: int, cohort_id: int, is_open: bool) -> Cohort:
    """Open or close the cohort to new members (members already in stay)."""
    cohort = owned_cohort(session=session, trainer_id=trainer_id, cohort_id=cohort_id)
    cohort.is_open = is_open
    return _save(session, cohort)


def join_cohort(*, session: Session, code: str, user_id: int, first_name: str) -> JoinResult:
    """Join the cohort with this invite code; joining twice changes nothing.

    Raises:
        JoinError: the code is unknown (UNKNOWN_CODE) or the cohort is closed (CLOSED).

    """
    wanted = normalise_code(code)
    cohort = None
    if _CODE_PATTERN.match(wanted):
        statement = select(Cohort).where(Cohort.invite_code == wanted)
        cohort = session.exec(statement).first()
    if cohort is None:
        raise JoinError(JoinRefusal.UNKNOWN_CODE, f"no cohort has invite code {code.strip()!r}")
    return _join(session, cohort, user_id, first_name)


def join_group_cohort(
    *, session: Session, chat_id: int, user_id: int, first_name: str
) -> JoinResult:
    """Join the cohort linked to this group chat (/join typed inside the group)."""
    cohort = cohort_for_group(session=session, chat_id=chat_id)
    if cohort is None:
        raise JoinError(JoinRefusal.NOT_LINKED, f"chat {chat_id} is not linked to a cohort")
    return _join(session, cohort, user_id, first_name)


def link_group(*, session: Session, trainer_id: int, cohort_id: int, chat_id: int) -> Cohort:
    """Link a Telegram group to the cohort; a group belongs to one cohort at most."""
    cohort = owned_cohort(session=session, trainer_id=trainer_id, cohort_id=cohort_id)
    other = cohort_for_group(session=session, chat_id=chat_id)
    if other is not None and other.id != cohort.id:
        raise ValidationError(f"this group is already linked to cohort {other.name!r}")
    cohort.group_chat_id = chat_id
    return _save(session, cohort)


def unlink_group(*, session: Session, trainer_id: int, cohort_id: int) -> Cohort:
    """Forget the cohort's linked group."""
    cohort = owned_cohort(session=session, trainer_id=trainer_id, cohort_id=cohort_id)
    cohort.group_chat_id = None
    return _save(session, cohort)


def cohort_for_group(*, session: Session, chat_id: int) -> Cohort | None:
    """The cohort linked to a group chat, or None."""
    return session.exec(select(Cohort).where(Cohort.group_chat_id == chat_id)).first()


def list_cohorts(*, session: Session, trainer_id: int) -> list[Cohort]:
    """The trainer's own cohorts, oldest first."""
    statement = select(Cohort).where(Cohort.trainer_id == trainer_id).order_by(col(Cohort.id))
    return list(session.exec(statement))


def list_members(*, session: Session, trainer_id: int, cohort_id: int) -> list[CohortMember]:
    """Members of the trainer's cohort in joining order."""
    owned_cohort(session=session, trainer_id=trainer_id, cohort_id=cohort_id)
    return cohort_members(session=session, cohort_id=cohort_id)


def remove_member(*, session: Session, trainer_id: int, cohort_id: int, user_id: int) -> bool:
    """Take a trainee out of the trainer's cohort; False when they were not in it."""
    owned_cohort(session=session, trainer_id=trainer_id, cohort_id=cohort_id)
    member = membership(session=session, cohort_id=cohort_id, user_id=user_id)
    if member is None:
        return False
    session.delete(member)
    session.flush()
    return True


def set_leaderboard(*, session: Session, trainer_id: int, cohort_id: int, enabled: bool) -> Cohort:
    """Turn the cohort's leaderboard on or off (only opted-in members ever appear on it)."""
    cohort = owned_cohort(session=session, trainer_id=trainer_id, cohort_id=cohort_id)
    cohort.leaderboard_enabled = enabled
    return _save(session, cohort)


def set_leaderboard_opt_in(
    *, session: Session, cohort_id: int, user_id: int, opt_in: bool
) -> CohortMember:
    """A member chooses whether their name and score may appear on the leaderboard."""
    member = membership(session=session, cohort_id=cohort_id, user_id=user_id)
    if member is None:
        raise PermissionDeniedError(f"user {user_id} is not a member of cohort {cohort_id}")
    member.leaderboard_opt_in = opt_in
    session.add(member)
    session.flush()
    return member


def member_cohorts(*, session: Session, user_id: int) -> list[Cohort]:
    """Cohorts the user belongs to, oldest first."""
    statement = (
        select(Cohort)
        .join(CohortMember, col(CohortMember.cohort_id) == col(Cohort.id))
        .where(CohortMember.user_id == user_id)
        .order_by(col(Cohort.id))
    )
    return list(session.exec(statement))


def cohort_members(*, session: Session, cohort_id: int) -> list[CohortMember]:
    """Members of any cohort in joining order (no ownership check; for internal use)."""
    statement = (
        select(CohortMember)
        .where(CohortMember.cohort_id == cohort_id)
        .order_by(col(CohortMember.joined_at), col(CohortMember.id))
    )
    return list(session.exec(statement))


def membership(*, session: Session, cohort_id: int, user_id: int) -> CohortMember | None:
    """The user's membership row in a cohort, or None."""
    statement = select(CohortMember).where(
        CohortMember.cohort_id == cohort_id, CohortMember.user_id == user_id
    )
    return session.exec(statement).first()


def owned_cohort(*, session: Session, trainer_id: int, cohort_id: int) -> Cohort:
    """The cohort, if `trainer_id` owns it.

    Raises:
        NotFoundError: no such cohort.
        PermissionDeniedError: someone else owns it.

    """
    cohort = session.get(Cohort, cohort_id)
    if cohort is None:
        raise NotFoundError(f"no cohort {cohort_id}")
    if cohort.trainer_id != trainer_id:
        raise PermissionDeniedError(f"user {trainer_id} does not run cohort {cohort_id}")
    return cohort


def _join(session: Session, cohort: Cohort, user_id: int, first_name: str) -> JoinResult:
    """Add the user unless already a member; a closed cohort refuses newcomers only."""
    existing = membership(session=session, cohort_id=_cohort_id(cohort), user_id=user_id)
    if existing is not None:
        return JoinResult(cohort, existing, created=False)
    if not cohort.is_open:
        raise JoinError(JoinRefusal.CLOSED, f"cohort {cohort.name!r} is closed to new members")
    member = CohortMember(cohort_id=_cohort_id(cohort), user_id=user_id, first_name=first_name)
    try:
        with session.begin_nested():  # a double tap racing itself must not raise
            session.add(member)
    except IntegrityError:
        found = membership(session=session, cohort_id=_cohort_id(cohort), user_id=user_id)
        if found is None:
            raise
        return JoinResult(cohort, found, created=False)
    return JoinResult(cohort, member, created=True)


def _cohort_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("a cohort needs a name")
    if len(cleaned) > NAME_MAX_CHARS:
        raise ValidationError(f"a cohort name has at most {NAME_MAX_CHARS} characters")
    return cleaned


def _unused_code(session: Session) -> str:
    """A fresh invite code no cohort uses yet."""
    while True:
        code = new_invite_code()
        if session.exec(select(Cohort.id).where(Cohort.invite_code == code)).first() is None:
            return code


def _save(session: Session, cohort: Cohort) -> Cohort:
    session.add(cohort)
    session.flush()
    return cohort


def _cohort_id(cohort: Cohort) -> int:
    if cohort.id is None:
        raise ValidationError("cohort has no id yet; flush the session first")
    return cohort.id
