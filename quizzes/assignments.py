"""The trainer's side of assignments: set a quiz for a cohort, list, look up, track completion.

The questions are drawn once, when the trainer creates the assignment, so every member answers
the same ones (each sees the options in their own order). Functions take an explicit session and
never commit. Times are aware datetimes; `now` is passed in so tests control the clock. The
trainee's side (/tasks, start, finish) is quizzes.tasks.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from core.errors import NotFoundError, PermissionDeniedError, ValidationError
from quizzes.assignment_progress import member_progress
from quizzes.cohorts import cohort_members, owned_cohort
from quizzes.importers.store import imported_by_ids, imported_questions
from quizzes.models import as_utc
from quizzes.questions import Question, QuestionBank, Text
from quizzes.sessions import build_quiz
from quizzes.trainer_models import Assignment, Reveal, imported_row_id

__all__ = [
    "ASSIGNMENT_MODE",
    "DEFAULT_REMINDER_OFFSETS",
    "assignment_bank",
    "create_assignment",
    "everyone_finished",
    "get_assignment",
    "list_assignments",
    "load_assignment",
    "question_pool",
    "resolve_questions",
    "topic_choices",
    "unfinished_members",
]

ASSIGNMENT_MODE = "assignment"
DEFAULT_REMINDER_OFFSETS = (timedelta(hours=24), timedelta(hours=1))
MAX_QUESTIONS = 50
MAX_ATTEMPTS = 10
TITLE_MAX_CHARS = 80


def create_assignment(
    *,
    session: Session,
    trainer_id: int,
    cohort_id: int,
    title: str,
    bank: QuestionBank,
    question_count: int,
    pass_mark: int,
    opens_at: datetime,
    due_at: datetime,
    now: datetime,
    rng: random.Random,
    topics: Sequence[str] = (),
    attempts_allowed: int = 1,
    reveal: Reveal | str = Reveal.AFTER_DUE,
    question_ids: Sequence[str] | None = None,
    kinds: Collection[str] | None = None,
    late_cutoff_at: datetime | None = None,
    reminder_offsets: Sequence[timedelta] = DEFAULT_REMINDER_OFFSETS,
) -> Assignment:
    """Set a quiz for the trainer's cohort; the questions are drawn now and stored.

    Args:
        session: the open session.
        trainer_id: who acts; must own the cohort.
        cohort_id: the cohort that gets the assignment.
        title: what members see in /tasks.
        bank: the built-in bank; the trainer's imported questions are added to it.
        question_count: how many questions to draw (ignored when question_ids is given).
        pass_mark: percent of right answers needed to pass (0-100).
        opens_at: when members may start (aware datetime).
        due_at: the deadline; later finishes count as late.
        now: the current time.
        rng: random source for the draw.
        topics: topic ids to draw from; empty for all topics.
        attempts_allowed: how many attempts each member may start.
        reveal: show the right answers immediately, or only after the deadline.
        question_ids: exact questions, in order, instead of a random draw.
        kinds: question kinds allowed in the draw (None: all).
        late_cutoff_at: no attempt may start after this (None: late starts always allowed).
        reminder_offsets: how long before the deadline unfinished members are reminded.

    Raises:
        PermissionDeniedError: the trainer does not own the cohort.
        ValidationError: bad times, counts, marks, topics or question ids.

    """
    owned_cohort(session=session, trainer_id=trainer_id, cohort_id=cohort_id)
    _check_settings(title, pass_mark, attempts_allowed, reveal)
    _check_window(opens_at, due_at, now, late_cutoff_at)
    pool = question_pool(session=session, bank=bank, owner_id=trainer_id)
    if question_ids is not None:
        chosen = _explicit(pool, question_ids)
    else:
        chosen = _draw(pool, topics, question_count, kinds, rng)
    assignment = Assignment(
        cohort_id=cohort_id, trainer_id=trainer_id, title=" ".join(title.split()),
        topics=list(topics), question_ids=chosen, pass_mark=pass_mark,
        opens_at=as_utc(opens_at), due_at=as_utc(due_at),
        late_cutoff_at=None if late_cutoff_at is None else as_utc(late_cutoff_at),
        attempts_allowed=attempts_allowed, reveal=Reveal(reveal).value,
        reminder_offsets_s=_offsets(reminder_offsets), created_at=as_utc(now),
    )  # fmt: skip
    session.add(assignment)
    session.flush()
    return assignment


def question_pool(*, session: Session, bank: QuestionBank, owner_id: int) -> list[Question]:
    """The built-in bank plus the trainer's own active imported questions."""
    return [*bank.questions, *imported_questions(session=session, owner_id=owner_id)]


def topic_choices(
    *, session: Session, bank: QuestionBank, owner_id: int
) -> list[tuple[str, Text, int]]:
    """(topic id, title, question count) of every topic a trainer can assign, bank order first."""
    counts = Counter(q.topic for q in question_pool(session=session, bank=bank, owner_id=owner_id))
    return [
        (topic, Text(bank.topic_title(topic, "th"), bank.topic_title(topic, "en")), count)
        for topic, count in counts.items()
    ]


def resolve_questions(
    *, session: Session, bank: QuestionBank, question_ids: Sequence[str]
) -> list[Question]:
    """Questions by id, in order, from the bank or the imported table.

    Raises:
        NotFoundError: an id is in neither.

    """
    imported = imported_by_ids(session=session, question_ids=question_ids)
    found: list[Question] = []
    for qid in question_ids:
        question = imported.get(qid) if imported_row_id(qid) is not None else bank.get(qid)
        if question is None:
            raise NotFoundError(f"question {qid!r} is no longer available")
        found.append(question)
    return found


def assignment_bank(
    *, session: Session, bank: QuestionBank, assignment: Assignment
) -> QuestionBank:
    """The bank plus the assignment's imported questions (for quizzes.service.plan_item_for)."""
    imported = imported_by_ids(session=session, question_ids=assignment.question_ids)
    return QuestionBank((*bank.questions, *imported.values()), bank.topics, (), bank.files)


def get_assignment(*, session: Session, trainer_id: int, assignment_id: int) -> Assignment:
    """The assignment, if `trainer_id` set it (NotFoundError / PermissionDeniedError)."""
    assignment = load_assignment(session=session, assignment_id=assignment_id)
    if assignment.trainer_id != trainer_id:
        raise PermissionDeniedError(f"user {trainer_id} did not set assignment {assignment_id}")
    return assignment


def list_assignments(
    *, session: Session, trainer_id: int, cohort_id: int | None = None
) -> list[Assignment]:
    """The trainer's assignments (of one cohort, if given), newest deadline first."""
    statement = select(Assignment).where(Assignment.trainer_id == trainer_id)
    if cohort_id is not None:
        owned_cohort(session=session, trainer_id=trainer_id, cohort_id=cohort_id)
        statement = statement.where(Assignment.cohort_id == cohort_id)
    statement = statement.order_by(col(Assignment.due_at).desc(), col(Assignment.id).desc())
    return list(session.exec(statement))


def unfinished_members(*, session: Session, assignment: Assignment) -> list[int]:
    """User ids of current members without a finished attempt."""
    progress = member_progress(session=session, assignment=assignment)
    members = cohort_members(session=session, cohort_id=assignment.cohort_id)
    done = {user_id for user_id, member in progress.items() if member.finished}
    return [member.user_id for member in members if member.user_id not in done]


def everyone_finished(*, session: Session, assignment_id: int) -> bool:
    """Whether every current member (at least one) has finished an attempt."""
    assignment = load_assignment(session=session, assignment_id=assignment_id)
    members = cohort_members(session=session, cohort_id=assignment.cohort_id)
    return bool(members) and not unfinished_members(session=session, assignment=assignment)


def _check_settings(title: str, pass_mark: int, attempts: int, reveal: Reveal | str) -> None:
    if not title.strip() or len(title.strip()) > TITLE_MAX_CHARS:
        raise ValidationError(f"an assignment needs a title of 1 to {TITLE_MAX_CHARS} characters")
    if not 0 <= pass_mark <= 100:
        raise ValidationError(f"pass mark must be a percent from 0 to 100, not {pass_mark}")
    if not 1 <= attempts <= MAX_ATTEMPTS:
        raise ValidationError(f"attempts allowed must be 1 to {MAX_ATTEMPTS}, not {attempts}")
    if reveal not in {r.value for r in Reveal}:
        raise ValidationError(f"reveal must be one of {', '.join(r.value for r in Reveal)}")


def _check_window(
    opens_at: datetime, due_at: datetime, now: datetime, cutoff: datetime | None
) -> None:
    moments = [opens_at, due_at, now] + ([] if cutoff is None else [cutoff])
    if any(moment.tzinfo is None for moment in moments):
        raise ValidationError("times must carry a time zone (see core.dates.parse_deadline)")
    if due_at <= opens_at:
        raise ValidationError("the deadline must come after the opening time")
    if due_at <= now:
        raise ValidationError("the deadline has already passed")
    if cutoff is not None and cutoff < due_at:
        raise ValidationError("the late cut-off cannot come before the deadline")


def _draw(
    pool: list[Question],
    topics: Sequence[str],
    count: int,
    kinds: Collection[str] | None,
    rng: random.Random,
) -> list[str]:
    """Draw `count` distinct questions of the given topics (all topics when empty)."""
    if not 1 <= count <= MAX_QUESTIONS:
        raise ValidationError(f"question count must be 1 to {MAX_QUESTIONS}, not {count}")
    known = list(dict.fromkeys(q.topic for q in pool))
    unknown = [topic for topic in topics if topic not in known]
    if unknown:
        raise ValidationError(f"unknown topic(s) {', '.join(unknown)}; known: {', '.join(known)}")
    wanted = set(topics or known)
    matching = [q for q in pool if q.topic in wanted and (kinds is None or q.kind in kinds)]
    if len({q.id for q in matching}) < count:
        raise ValidationError(f"only {len(matching)} questions match; asked for {count}")
    return build_quiz(matching, length=count, rng=rng).question_ids


def _explicit(pool: list[Question], question_ids: Sequence[str]) -> list[str]:
    ids = list(dict.fromkeys(question_ids))
    available = {q.id for q in pool}
    missing = [qid for qid in ids if qid not in available]
    if missing:
        raise ValidationError(f"unknown question id(s): {', '.join(missing)}")
    if not 1 <= len(ids) <= MAX_QUESTIONS:
        raise ValidationError(f"an assignment has 1 to {MAX_QUESTIONS} questions")
    return ids


def _offsets(offsets: Sequence[timedelta]) -> list[int]:
    seconds = sorted({int(offset.total_seconds()) for offset in offsets}, reverse=True)
    if any(value <= 0 for value in seconds):
        raise ValidationError("reminders must come before the deadline (positive offsets)")
    return seconds


def load_assignment(*, session: Session, assignment_id: int) -> Assignment:
    """The assignment by id, with no ownership check (NotFoundError when missing)."""
    assignment = session.get(Assignment, assignment_id)
    if assignment is None:
        raise NotFoundError(f"no assignment {assignment_id}")
    return assignment
