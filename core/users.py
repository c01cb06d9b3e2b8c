"""People who talk to the bot: their chosen language and their role.

Admins are named in ADMIN_IDS at run time and never stored as such; the trainer role is
granted and revoked in the database.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, Column
from sqlmodel import Field, Session, SQLModel, col, select

# Re-exported: other modules import the timestamp helpers from here.
from core.timestamps import UTCDateTime as UTCDateTime
from core.timestamps import as_utc as as_utc
from core.timestamps import utc_now as utc_now

LANGUAGES = ("th", "en")


class Role(StrEnum):
    """What a person may do; each role includes the ones before it."""

    OFFICIAL = "official"
    TRAINER = "trainer"
    ADMIN = "admin"

    def allows(self, needed: Role) -> bool:
        """Whether someone with this role may do what `needed` requires."""
        order = list(Role)
        return order.index(self) >= order.index(needed)


class User(SQLModel, table=True):
    """A Telegram user the bot has met (or an admin has granted a role to)."""

    __tablename__ = "bot_user"

    id: int | None = Field(default=None, primary_key=True)
    telegram_id: int = Field(sa_column=Column(BigInteger, unique=True, index=True, nullable=False))
    first_name: str = ""
    # Chosen with /lang; None means "follow the Telegram app's language".
    language: str | None = None
    # Stored roles are official or trainer; admin comes from ADMIN_IDS (see effective_role).
    role: str = Role.OFFICIAL.value
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)


def get_user(*, session: Session, telegram_id: int) -> User | None:
    """The stored user with this Telegram id, or None."""
    return session.exec(select(User).where(User.telegram_id == telegram_id)).first()


def touch_user(*, session: Session, telegram_id: int, first_name: str) -> User:
    """Create the user on first contact; keep the first name current (writes only on change)."""
    user = get_user(session=session, telegram_id=telegram_id)
    if user is None:
        user = User(telegram_id=telegram_id, first_name=first_name)
    elif user.first_name == first_name:
        return user
    else:
        user.first_name = first_name
        user.updated_at = utc_now()
    session.add(user)
    session.flush()
    return user


def set_language(*, session: Session, telegram_id: int, language: str | None) -> User:
    """Remember the language a user chose (None: follow their Telegram app again)."""
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; expected one of {LANGUAGES}")
    user = get_user(session=session, telegram_id=telegram_id) or User(telegram_id=telegram_id)
    user.language = language
    user.updated_at = utc_now()
    session.add(user)
    session.flush()
    return user


def set_trainer(*, session: Session, telegram_id: int, trainer: bool) -> tuple[User, bool]:
    """Grant (trainer=True) or revoke the trainer role; returns the user and whether it changed.

    Granting creates the user when they have not talked to the bot yet, so an admin can
    prepare a trainer's account in advance.
    """
    user = get_user(session=session, telegram_id=telegram_id) or User(telegram_id=telegram_id)
    wanted = Role.TRAINER.value if trainer else Role.OFFICIAL.value
    if user.role == wanted:
        return user, False
    user.role = wanted
    user.updated_at = utc_now()
    session.add(user)
    session.flush()
    return user, True


def list_trainers(*, session: Session) -> Sequence[User]:
    """Everyone holding the trainer role, oldest grant first."""
    query = select(User).where(User.role == Role.TRAINER.value).order_by(col(User.updated_at))
    return session.exec(query).all()


def effective_role(telegram_id: int, stored_role: str | None, admin_ids: Collection[int]) -> Role:
    """The role that counts now: admin when listed in ADMIN_IDS, else the stored one."""
    if telegram_id in admin_ids:
        return Role.ADMIN
    return Role.TRAINER if stored_role == Role.TRAINER.value else Role.OFFICIAL


def resolve_language(chosen: str | None, telegram_code: str | None, default: str) -> str:
    """The reply language: the user's /lang choice, else English for English apps, else default."""
    if chosen in LANGUAGES:
        return chosen
    code = (telegram_code or "").lower()
    if code.startswith("en"):
        return "en"
    if code.startswith("th"):
        return "th"
    return default
