"""Senders recorded lately skip the database; a new name or an expired entry does not."""

from __future__ import annotations

from bot.recent_users import RecentUsers
from core.users import get_user
from tests.fakes import ManualClock


def test_a_user_stored_moments_ago_with_the_same_name_is_known():
    clock = ManualClock()
    recent = RecentUsers(ttl_s=300, clock=clock)
    assert not recent.is_stored(7, "สมชาย")
    recent.stored(7, "สมชาย")
    clock.now = 299
    assert recent.is_stored(7, "สมชาย")
    assert not recent.is_stored(7, "สมชาย ใจดี")  # renamed: write it
    assert not recent.is_stored(7, "สมชาย")  # and the old entry is gone


def test_entries_expire_and_the_oldest_go_when_full():
    clock = ManualClock()
    recent = RecentUsers(capacity=2, ttl_s=300, clock=clock)
    recent.stored(1, "a")
    clock.now = 301
    assert not recent.is_stored(1, "a")
    for user in (1, 2, 3):
        recent.stored(user, "a")
    assert len(recent) == 2
    assert not recent.is_stored(1, "a") and recent.is_stored(3, "a")


async def test_a_renamed_user_is_stored_under_the_new_name_at_once(bot):
    before = bot.sandbox.user(6_100_000_001, "Somchai")
    await before.send("/start")
    await before.next_message()
    assert bot.services.recent_users.is_stored(6_100_000_001, "Somchai")
    after = bot.sandbox.user(6_100_000_001, "Somchai Jaidee")
    await after.send("/start")
    await after.next_message()
    with bot.services.session() as session:
        assert get_user(session=session, telegram_id=6_100_000_001).first_name == "Somchai Jaidee"
