"""`:as` in the terminal chat: become another person or take another role without a restart.

The chat client knows no roles itself; the program that runs the sandbox (``ruamkit run``)
passes a `RoleControl` that grants them the way its start-up flag ``--as`` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.sandbox.chat_texts import TEXTS

# First names for people the terminal user becomes with `:as ID` and no name.
DEFAULT_NAMES = ("สมหญิง", "มานี", "ปิติ", "ชูใจ", "วีระ", "มานะ")


class RoleControl(Protocol):
    """Grants roles to sandbox users; `names` are the roles `:as` accepts."""

    @property
    def names(self) -> Sequence[str]:
        """The role names, lowest first (e.g. official, trainer, admin)."""

    async def apply(self, user_id: int, role: str | None) -> str:
        """Give `user_id` the `role` (None: leave it) and return the role they hold now."""


@dataclass(frozen=True)
class Switch:
    """What one `:as` line asks for: another person, another role, or both."""

    user_id: int | None = None
    role: str | None = None
    name: str | None = None


def parse_switch(words: Sequence[str], roles: Sequence[str]) -> Switch | None:
    """Read ``:as ROLE``, ``:as ID [NAME]`` or both in any order; None when nothing fits.

    A role may be written as its name (``trainer``) or its label in either language
    (``ผู้ฝึกอบรม``); a number is a user id; any other words are the person's first name.
    """
    aliases = role_aliases(roles)
    user_id: int | None = None
    role: str | None = None
    name: list[str] = []
    for word in words:
        if word.isdigit() and user_id is None and int(word) > 0:
            user_id = int(word)
        elif word.lower() in aliases and role is None:
            role = aliases[word.lower()]
        else:
            name.append(word)
    if (user_id is None and role is None) or (name and user_id is None):
        return None
    return Switch(user_id, role, " ".join(name) or None)


def role_aliases(roles: Sequence[str]) -> dict[str, str]:
    """Every way to write each role: its name and its label in Thai and English."""
    aliases = {role.lower(): role for role in roles}
    for table in TEXTS.values():
        for role in roles:
            label = table.get(f"role_{role}")
            if label:
                aliases[label.lower()] = role
    return aliases


def default_name(user_id: int) -> str:
    """A first name for a person known only by id (the same id gets the same name)."""
    return DEFAULT_NAMES[user_id % len(DEFAULT_NAMES)]
