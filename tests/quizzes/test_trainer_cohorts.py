"""Cohorts on a real SQLite file: invite codes, joining, groups, ownership, leaderboard opt-in."""

from __future__ import annotations

import pytest
from sqlmodel import select

import quizzes.trainer_models  # noqa: F401  (registers the trainer tables before create_tables)
from core.db import session_scope
from core.errors import PermissionDeniedError, ValidationError
from quizzes.cohorts import (
    CODE_ALPHABET,
    CODE_LENGTH,
    JoinError,
    JoinRefusal,
    code_from_start_payload,
    create_cohort,
    deep_link,
    join_cohort,
    join_group_cohort,
    link_group,
    list_cohorts,
    list_members,
    member_cohorts,
    regenerate_code,
    remove_member,
    set_cohort_open,
    set_leaderboard,
    set_leaderboard_opt_in,
)
from quizzes.trainer_models import CohortMember
from quizzes.trainer_results import cohort_leaderboard

TRAINER = 5_000_000_001
OTHER_TRAINER = 5_000_000_002
TRAINEE = 7_000_000_001
SECOND = 7_000_000_002
GROUP = -1_001_234_567_890


def _cohort(engine, name="รุ่นที่ 1", trainer=TRAINER):
    with session_scope(engine) as session:
        cohort = create_cohort(session=session, trainer_id=trainer, name=name)
        return cohort.id, cohort.invite_code


def _members(engine, cohort_id):
    with session_scope(engine) as session:
        rows = session.exec(select(CohortMember).where(CohortMember.cohort_id == cohort_id))
        return sorted(row.user_id for row in rows)


def test_invite_codes_are_short_unambiguous_and_distinct(engine):
    codes = {_cohort(engine, f"รุ่น {n}")[1] for n in range(20)}
    assert len(codes) == 20
    for code in codes:
        assert len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
        assert not set(code) & set("01OIL")


def test_deep_link_and_start_payload(engine):
    _, code = _cohort(engine)
    link = deep_link("@RuamKitBot", code)
    assert link == f"https://t.me/RuamKitBot?start=join_{code}"
    assert code_from_start_payload(link.split("start=")[1]) == code
    assert code_from_start_payload("hello") is None and code_from_start_payload(None) is None
    with pytest.raises(ValidationError):
        deep_link("not a bot name!", code)


def test_joining_is_idempotent_and_tolerates_typing(engine):
    cohort_id, code = _cohort(engine)
    typed = f" {code[:4].lower()}-{code[4:].lower()} "
    with session_scope(engine) as session:
        first = join_cohort(session=session, code=typed, user_id=TRAINEE, first_name="สมชาย")
    with session_scope(engine) as session:
        again = join_cohort(session=session, code=code, user_id=TRAINEE, first_name="สมชาย")
        assert [c.id for c in member_cohorts(session=session, user_id=TRAINEE)] == [cohort_id]
    assert first.created and not again.created and first.cohort.name == "รุ่นที่ 1"
    assert _members(engine, cohort_id) == [TRAINEE]


def test_unknown_and_closed_codes_say_why(engine):
    cohort_id, code = _cohort(engine)
    with session_scope(engine) as session:
        join_cohort(session=session, code=code, user_id=TRAINEE, first_name="ก")
        set_cohort_open(session=session, trainer_id=TRAINER, cohort_id=cohort_id, is_open=False)
    with pytest.raises(JoinError) as unknown, session_scope(engine) as session:
        join_cohort(session=session, code="ZZZZZZZZ", user_id=SECOND, first_name="ข")
    assert unknown.value.reason is JoinRefusal.UNKNOWN_CODE
    with pytest.raises(JoinError) as closed, session_scope(engine) as session:
        join_cohort(session=session, code=code, user_id=SECOND, first_name="ข")
    assert closed.value.reason is JoinRefusal.CLOSED
    with session_scope(engine) as session:  # a member already in may tap the link again
        assert not join_cohort(session=session, code=code, user_id=TRAINEE, first_name="ก").created
    assert _members(engine, cohort_id) == [TRAINEE]


def test_a_new_code_retires_the_old_link(engine):
    cohort_id, old = _cohort(engine)
    with session_scope(engine) as session:
        new = regenerate_code(session=session, trainer_id=TRAINER, cohort_id=cohort_id).invite_code
    assert new != old
    with pytest.raises(JoinError), session_scope(engine) as session:
        join_cohort(session=session, code=old, user_id=TRAINEE, first_name="ก")
    with session_scope(engine) as session:
        assert join_cohort(session=session, code=new, user_id=TRAINEE, first_name="ก").created


def test_a_linked_group_lets_members_join_without_a_code(engine):
    cohort_id, _ = _cohort(engine)
    other_id, _ = _cohort(engine, "รุ่นที่ 2")
    with session_scope(engine) as session:
        link_group(session=session, trainer_id=TRAINER, cohort_id=cohort_id, chat_id=GROUP)
        joined = join_group_cohort(session=session, chat_id=GROUP, user_id=TRAINEE, first_name="ก")
        assert joined.cohort.id == cohort_id
    with pytest.raises(ValidationError, match="already linked"), session_scope(engine) as session:
        link_group(session=session, trainer_id=TRAINER, cohort_id=other_id, chat_id=GROUP)
    with pytest.raises(JoinError) as error, session_scope(engine) as session:
        join_group_cohort(session=session, chat_id=-5, user_id=TRAINEE, first_name="ก")
    assert error.value.reason is JoinRefusal.NOT_LINKED


@pytest.mark.parametrize("intruder", [OTHER_TRAINER, TRAINEE])
def test_only_the_owner_lists_and_removes_members(engine, intruder):
    cohort_id, code = _cohort(engine)
    with session_scope(engine) as session:
        join_cohort(session=session, code=code, user_id=TRAINEE, first_name="ก")
        join_cohort(session=session, code=code, user_id=SECOND, first_name="ข")
    for action in (
        lambda s: list_members(session=s, trainer_id=intruder, cohort_id=cohort_id),
        lambda s: remove_member(
            session=s, trainer_id=intruder, cohort_id=cohort_id, user_id=SECOND
        ),
        lambda s: set_cohort_open(
            session=s, trainer_id=intruder, cohort_id=cohort_id, is_open=False
        ),
        lambda s: link_group(session=s, trainer_id=intruder, cohort_id=cohort_id, chat_id=GROUP),
        lambda s: regenerate_code(session=s, trainer_id=intruder, cohort_id=cohort_id),
    ):
        with pytest.raises(PermissionDeniedError), session_scope(engine) as session:
            action(session)
    with session_scope(engine) as session:
        assert list_cohorts(session=session, trainer_id=intruder) == []
        assert [c.invite_code for c in list_cohorts(session=session, trainer_id=TRAINER)] == [code]
    assert _members(engine, cohort_id) == [TRAINEE, SECOND]


def test_the_owner_removes_a_member(engine):
    cohort_id, code = _cohort(engine)
    with session_scope(engine) as session:
        join_cohort(session=session, code=code, user_id=TRAINEE, first_name="ก")
        join_cohort(session=session, code=code, user_id=SECOND, first_name="ข")
    with session_scope(engine) as session:
        assert remove_member(
            session=session, trainer_id=TRAINER, cohort_id=cohort_id, user_id=SECOND
        )
        names = [
            m.first_name
            for m in list_members(session=session, trainer_id=TRAINER, cohort_id=cohort_id)
        ]
        assert names == ["ก"]
        assert not remove_member(
            session=session, trainer_id=TRAINER, cohort_id=cohort_id, user_id=SECOND
        )


def test_leaderboard_is_off_until_the_trainer_turns_it_on_and_shows_only_opted_in(engine):
    cohort_id, code = _cohort(engine)
    with session_scope(engine) as session:
        join_cohort(session=session, code=code, user_id=TRAINEE, first_name="ก")
        join_cohort(session=session, code=code, user_id=SECOND, first_name="ข")
    with pytest.raises(ValidationError, match="off"), session_scope(engine) as session:
        cohort_leaderboard(session=session, cohort_id=cohort_id, viewer_id=TRAINEE)
    with session_scope(engine) as session:
        set_leaderboard(session=session, trainer_id=TRAINER, cohort_id=cohort_id, enabled=True)
        set_leaderboard_opt_in(session=session, cohort_id=cohort_id, user_id=SECOND, opt_in=True)
        board = cohort_leaderboard(session=session, cohort_id=cohort_id, viewer_id=TRAINEE)
        assert [(e.rank, e.name, e.points) for e in board] == [(1, "ข", 0)]
    with pytest.raises(PermissionDeniedError), session_scope(engine) as session:
        cohort_leaderboard(session=session, cohort_id=cohort_id, viewer_id=OTHER_TRAINER)
    with pytest.raises(PermissionDeniedError), session_scope(engine) as session:
        set_leaderboard_opt_in(
            session=session, cohort_id=cohort_id, user_id=OTHER_TRAINER, opt_in=True
        )


def test_cohort_names_are_checked(engine):
    with pytest.raises(ValidationError), session_scope(engine) as session:
        create_cohort(session=session, trainer_id=TRAINER, name="   ")
    with pytest.raises(ValidationError), session_scope(engine) as session:
        create_cohort(session=session, trainer_id=TRAINER, name="ก" * 81)
    with session_scope(engine) as session:
        assert (
            create_cohort(session=session, trainer_id=TRAINER, name="  รุ่น   ใหม่ ").name == "รุ่น ใหม่"
        )
