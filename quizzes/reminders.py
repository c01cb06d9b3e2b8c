"""Announcements, deadline reminders and trainer notices, each delivered at most once.

Nothing here keeps state in memory: what is due is computed from the assignments and the
`trainer_notice_sent` rows, so a bot that restarts rebuilds its JobQueue from `upcoming_jobs`
and catches up with `due_notices`, without losing or repeating a notice. Deliver each notice
as "claim, then send": `mark_sent` returns False when another run already claimed it.

Every worker also sweeps the database each minute, so a notice never depends on the process
that scheduled it. A claim records its delivery (`record_delivery`): a failed try waits
`retry_delay` and is claimed again by whichever worker sweeps first (`claim_retries`: a
compare-and-set UPDATE, with `FOR UPDATE SKIP LOCKED` on PostgreSQL), as is a claim whose
worker died while sending (its lease, `next_try_at`, runs out).

Rules:
- An announcement goes to each member once the assignment opens (and before its deadline).
- Reminders go `reminder_offsets_s` before the deadline to members who have not finished; a
  reminder time before the opening is skipped, and when several are overdue (the bot was down)
  only the latest one is sent.
- The trainer gets a summary at the deadline, and a notice when every member has finished.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from quizzes.assignments import everyone_finished, load_assignment, unfinished_members
from quizzes.cohorts import cohort_members
from quizzes.models import as_utc
from quizzes.trainer_models import Assignment, NoticeSent, NoticeStatus

# Trainer notices for assignments whose deadline is older than this are no longer sent.
NOTICE_LOOKBACK = timedelta(days=30)
REMINDER_PREFIX = "remind-"
# How long a worker may take to send a claimed notice before another may take it over.
LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 6
FIRST_RETRY = timedelta(minutes=1)
LAST_RETRY = timedelta(hours=1)


class NoticeKind(StrEnum):
    """Notices that are not deadline reminders (those are `remind-<offset>`)."""

    ANNOUNCE = "announce"
    SUMMARY = "summary"
    ALL_FINISHED = "all_finished"


@dataclass(frozen=True)
class Notice:
    """One message to deliver: to `user_id`, about `assignment_id`, of `kind`."""

    assignment_id: int
    user_id: int
    kind: str
    scheduled_at: datetime

    @property
    def is_reminder(self) -> bool:
        """Whether this is a deadline reminder to a member."""
        return self.kind.startswith(REMINDER_PREFIX)


@dataclass(frozen=True)
class ScheduledJob:
    """A moment at which the bot should run `due_notices` for one assignment."""

    name: str
    run_at: datetime
    assignment_id: int
    kind: str


def reminder_kind(offset_s: int) -> str:
    """`remind-24h`, `remind-90m` or `remind-45s` for an offset before the deadline."""
    if offset_s % 3600 == 0:
        return f"{REMINDER_PREFIX}{offset_s // 3600}h"
    if offset_s % 60 == 0:
        return f"{REMINDER_PREFIX}{offset_s // 60}m"
    return f"{REMINDER_PREFIX}{offset_s}s"


def reminder_times(assignment: Assignment) -> list[tuple[str, datetime]]:
    """(kind, moment) of each reminder, earliest first; those not after the opening are dropped."""
    due, opens = as_utc(assignment.due_at), as_utc(assignment.opens_at)
    times = [(reminder_kind(s), due - timedelta(seconds=s)) for s in assignment.reminder_offsets_s]
    return sorted((pair for pair in times if pair[1] > opens), key=lambda pair: pair[1])


def jobs_for_assignment(assignment: Assignment, now: datetime) -> list[ScheduledJob]:
    """The assignment's future moments: opening, each reminder, the deadline."""
    moments = [
        (NoticeKind.ANNOUNCE.value, as_utc(assignment.opens_at)),
        *reminder_times(assignment),
        (NoticeKind.SUMMARY.value, as_utc(assignment.due_at)),
    ]
    ident = assignment.id or 0
    return [
        ScheduledJob(f"assignment-{ident}-{kind}", moment, ident, kind)
        for kind, moment in moments
        if moment > as_utc(now)
    ]


def upcoming_jobs(*, session: Session, now: datetime) -> list[ScheduledJob]:
    """Every future job of every assignment still ahead, soonest first (for JobQueue)."""
    statement = select(Assignment).where(Assignment.due_at > as_utc(now))
    jobs = [job for a in session.exec(statement) for job in jobs_for_assignment(a, now)]
    return sorted(jobs, key=lambda job: (job.run_at, job.name))


def due_notices(
    *, session: Session, now: datetime, assignment_id: int | None = None
) -> list[Notice]:
    """Everything due now and not yet sent: announcements, reminders, trainer notices."""
    return [
        *pending_announcements(session=session, now=now, assignment_id=assignment_id),
        *pending_reminders(session=session, now=now, assignment_id=assignment_id),
        *deadline_summaries_due(session=session, now=now, assignment_id=assignment_id),
        *completion_notices_due(session=session, now=now, assignment_id=assignment_id),
    ]


def pending_announcements(
    *, session: Session, now: datetime, assignment_id: int | None = None
) -> list[Notice]:
    """Members of open assignments who have not been told about them yet."""
    notices = []
    for assignment in _running(session, as_utc(now), assignment_id):
        sent = _sent(session, assignment, NoticeKind.ANNOUNCE.value)
        members = cohort_members(session=session, cohort_id=assignment.cohort_id)
        notices += [
            Notice(_id(assignment), m.user_id, NoticeKind.ANNOUNCE.value, assignment.opens_at)
            for m in members
            if m.user_id not in sent
        ]
    return notices


def pending_reminders(
    *, session: Session, now: datetime, assignment_id: int | None = None
) -> list[Notice]:
    """The latest reminder now due, for each member who has not finished and has not had it."""
    moment = as_utc(now)
    notices = []
    for assignment in _running(session, moment, assignment_id):
        passed = [(kind, at) for kind, at in reminder_times(assignment) if at <= moment]
        if not passed:
            continue
        kind, at = passed[-1]
        sent = _sent(session, assignment, kind)
        waiting = unfinished_members(session=session, assignment=assignment)
        notices += [Notice(_id(assignment), u, kind, at) for u in waiting if u not in sent]
    return notices


def deadline_summaries_due(
    *, session: Session, now: datetime, assignment_id: int | None = None
) -> list[Notice]:
    """Trainer summaries for deadlines that have passed (within NOTICE_LOOKBACK)."""
    moment = as_utc(now)
    statement = select(Assignment).where(
        Assignment.due_at <= moment, Assignment.due_at > moment - NOTICE_LOOKBACK
    )
    kind = NoticeKind.SUMMARY.value
    return [
        Notice(_id(a), a.trainer_id, kind, as_utc(a.due_at))
        for a in _select(session, statement, assignment_id)
        if a.trainer_id not in _sent(session, a, kind)
    ]


def completion_notices_due(
    *, session: Session, now: datetime, assignment_id: int | None = None
) -> list[Notice]:
    """Trainer notices for assignments every member has now finished."""
    moment = as_utc(now)
    statement = select(Assignment).where(
        Assignment.opens_at <= moment, Assignment.due_at > moment - NOTICE_LOOKBACK
    )
    kind = NoticeKind.ALL_FINISHED.value
    return [
        Notice(_id(a), a.trainer_id, kind, moment)
        for a in _select(session, statement, assignment_id)
        if a.trainer_id not in _sent(session, a, kind)
        and everyone_finished(session=session, assignment_id=_id(a))
    ]


def mark_sent(
    *, session: Session, assignment_id: int, user_id: int, kind: str, at: datetime
) -> bool:
    """Record a notice as sent; False when it already was (so the caller must not send it)."""
    exists = select(NoticeSent.id).where(
        NoticeSent.assignment_id == assignment_id,
        NoticeSent.user_id == user_id,
        NoticeSent.kind == kind,
    )
    if session.exec(exists).first() is not None:
        return False
    row = NoticeSent(
        assignment_id=assignment_id, user_id=user_id, kind=kind, sent_at=as_utc(at),
        status=NoticeStatus.SENDING.value, next_try_at=as_utc(at) + LEASE,
    )  # fmt: skip
    try:
        with session.begin_nested():  # another process may claim the same notice at once
            session.add(row)
    except IntegrityError:
        return False
    return True


def mark_notice_sent(*, session: Session, notice: Notice, at: datetime) -> bool:
    """`mark_sent` for a Notice from one of the functions above."""
    return mark_sent(
        session=session, assignment_id=notice.assignment_id, user_id=notice.user_id,
        kind=notice.kind, at=at,
    )  # fmt: skip


def mark_summary_sent(*, session: Session, assignment_id: int, at: datetime) -> bool:
    """Record the trainer's deadline summary as sent."""
    assignment = load_assignment(session=session, assignment_id=assignment_id)
    kind, trainer = NoticeKind.SUMMARY.value, assignment.trainer_id
    return mark_sent(
        session=session, assignment_id=assignment_id, user_id=trainer, kind=kind, at=at
    )


def retry_delay(attempts: int) -> timedelta:
    """The pause after the `attempts`-th failed try: 1, 2, 4 ... minutes, at most an hour."""
    return min(FIRST_RETRY * (1 << min(max(attempts - 1, 0), 10)), LAST_RETRY)


def record_delivery(
    *, session: Session, notice: Notice, at: datetime, error: str | None = None,
    permanent: bool = False,
) -> NoticeSent | None:  # fmt: skip
    """Record how a claimed notice's try went: sent, to be retried later, or given up."""
    row = _claim_row(session, notice)
    if row is None:
        return None
    if error is None:
        row.status, row.next_try_at = NoticeStatus.SENT.value, None
    elif permanent or row.attempts >= MAX_ATTEMPTS:
        row.status, row.next_try_at = NoticeStatus.FAILED.value, None
    else:
        row.status = NoticeStatus.RETRY.value
        row.next_try_at = as_utc(at) + retry_delay(row.attempts)
    row.last_error = error[:500] if error else row.last_error
    session.add(row)
    return row


def claim_retries(*, session: Session, now: datetime, limit: int = 100) -> list[Notice]:
    """Claim failed notices whose pause is over, and claims whose worker's lease ran out.

    Each row is taken with a compare-and-set UPDATE (status and attempts unchanged since
    read), so of several workers sweeping at once exactly one gets it; PostgreSQL also
    skips rows another sweeper has locked. Reminders whose deadline passed are given up.
    """
    moment = as_utc(now)
    waiting = (NoticeStatus.RETRY.value, NoticeStatus.SENDING.value)
    statement = (
        select(NoticeSent)
        .where(col(NoticeSent.status).in_(waiting), col(NoticeSent.next_try_at) <= moment)
        .order_by(col(NoticeSent.id))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    claimed = []
    for row in list(session.exec(statement)):
        notice = _notice_of(session, row, moment)
        if notice is None or not _take(session, row, moment):
            continue
        claimed.append(notice)
    return claimed


def _take(session: Session, row: NoticeSent, now: datetime) -> bool:
    """Move one row to "sending" under a new lease, if nobody changed it meanwhile."""
    result = session.execute(
        update(NoticeSent)
        .where(
            col(NoticeSent.id) == row.id,
            col(NoticeSent.status) == row.status,
            col(NoticeSent.attempts) == row.attempts,
        )
        .values(
            status=NoticeStatus.SENDING.value, attempts=row.attempts + 1, next_try_at=now + LEASE
        )
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def _notice_of(session: Session, row: NoticeSent, now: datetime) -> Notice | None:
    """The notice a claim row stands for; None (and the row given up) when it is too late."""
    assignment = session.get(Assignment, row.assignment_id)
    if assignment is None:
        return None
    scheduled = dict(reminder_times(assignment)).get(row.kind, as_utc(row.sent_at))
    notice = Notice(row.assignment_id, row.user_id, row.kind, scheduled)
    if notice.is_reminder and as_utc(assignment.due_at) <= now:
        row.status, row.next_try_at = NoticeStatus.FAILED.value, None
        row.last_error = (row.last_error or "") + " (deadline passed: not retried)"
        session.add(row)
        return None
    return notice


def _claim_row(session: Session, notice: Notice) -> NoticeSent | None:
    statement = select(NoticeSent).where(
        NoticeSent.assignment_id == notice.assignment_id,
        NoticeSent.user_id == notice.user_id,
        NoticeSent.kind == notice.kind,
    )
    return session.exec(statement).first()


def _running(session: Session, now: datetime, assignment_id: int | None) -> list[Assignment]:
    """Assignments open now and before their deadline."""
    statement = select(Assignment).where(Assignment.opens_at <= now, Assignment.due_at > now)
    return _select(session, statement, assignment_id)


def _select(
    session: Session, statement: SelectOfScalar[Assignment], assignment_id: int | None
) -> list[Assignment]:
    """Run the query, narrowed to one assignment when asked, in id order."""
    if assignment_id is not None:
        statement = statement.where(Assignment.id == assignment_id)
    return list(session.exec(statement.order_by(col(Assignment.id))))


def _sent(session: Session, assignment: Assignment, kind: str) -> set[int]:
    """Users who already got this kind of notice about the assignment."""
    statement = select(NoticeSent.user_id).where(
        NoticeSent.assignment_id == assignment.id, NoticeSent.kind == kind
    )
    return set(session.exec(statement))


def _id(assignment: Assignment) -> int:
    return assignment.id or 0
