"""The /assign form's steps (no Telegram): check a button's value or typed text, move on.

Each step function takes (services, trainer id, answers so far, button value or text) and
returns a `Move` to the next step with the updated answers, or the key of a text explaining
why the value was refused (the form then stays where it is).

The handlers run the button steps in a worker thread (`Services.run_db`): `choose_cohort`
reads the database. The typed steps only parse text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time

from bot.context import Services
from bot.handlers import trainer_form as form
from bot.handlers.trainer_common import now
from bot.handlers.trainer_state import Step
from core.dates import END_OF_DAY, DateParseError, parse_deadline
from core.errors import NotFoundError, PermissionDeniedError
from quizzes.assignments import TITLE_MAX_CHARS, topic_choices
from quizzes.cohorts import owned_cohort
from quizzes.importers import topic_label

Data = form.Data
START_OF_DAY = time(0, 0)  # an opening typed as a date alone opens at the start of that day


@dataclass(frozen=True)
class Move:
    """Go to `step` with the updated answers."""

    step: Step
    data: Data


StepPress = Callable[[Services, int, Data, str], "Move | str"]


def choose_cohort(services: Services, trainer_id: int, data: Data, value: str) -> Move | str:
    """Remember the cohort and offer its topics (built-in and the trainer's imported ones)."""
    with services.session() as session:
        try:
            cohort = owned_cohort(session=session, trainer_id=trainer_id, cohort_id=int(value))
        except (NotFoundError, PermissionDeniedError):
            return "tr.not_yours"
        choices = topic_choices(session=session, bank=services.question_bank, owner_id=trainer_id)
    data.update(
        cohort_id=cohort.id, cohort_name=cohort.name, topics=[],
        topic_ids=[c[0] for c in choices], topic_counts=[c[2] for c in choices],
        topic_titles=[[topic_label(c[0], c[1]).th, topic_label(c[0], c[1]).en] for c in choices],
    )  # fmt: skip
    return Move(Step.TOPICS, data)


def toggle_topic(_services: Services, _trainer: int, data: Data, value: str) -> Move | str:
    """Tick or untick a topic, choose all, or go on to the count."""
    ids: list[str] = data.get("topic_ids", [])
    if value == "ok":
        return Move(Step.COUNT, data) if form.pool_size(data) else "tr.assign.empty_pool"
    if value == "all":
        data["topics"] = []
        return Move(Step.TOPICS, data)
    if not value.isdigit() or int(value) >= len(ids):
        return "button.invalid"
    topic, chosen = ids[int(value)], list(data.get("topics", []))
    data["topics"] = [x for x in chosen if x != topic] if topic in chosen else [*chosen, topic]
    return Move(Step.TOPICS, data)


def choose_count(_services: Services, _trainer: int, data: Data, value: str) -> Move | str:
    """The number of questions, among those offered for the chosen topics."""
    if not value.isdigit() or int(value) not in form.count_choices(form.pool_size(data)):
        return "button.invalid"
    data["count"] = int(value)
    return Move(Step.PASS_MARK, data)


def choose_pass_mark(_services: Services, _trainer: int, data: Data, value: str) -> Move | str:
    """The pass mark in percent."""
    if not value.isdigit() or int(value) not in form.PASS_MARKS:
        return "button.invalid"
    data["pass_mark"] = int(value)
    return Move(Step.OPENS, data)


def choose_opening(services: Services, _trainer: int, data: Data, value: str) -> Move | str:
    """Open now or in a day."""
    if value not in form.OPEN_SHORTCUTS:
        return "button.invalid"
    data["opens_at"] = (now(services) + form.OPEN_SHORTCUTS[value]).isoformat()
    return Move(Step.DUE, data)


def choose_due(services: Services, _trainer: int, data: Data, value: str) -> Move | str:
    """Due one, three or seven days after the opening."""
    opens = form.moment(data, "opens_at")
    if value not in form.DUE_SHORTCUTS or opens is None:
        return "button.invalid"
    return _set_due(services, data, opens + form.DUE_SHORTCUTS[value])


def _set_due(services: Services, data: Data, due: datetime) -> Move | str:
    opens = form.moment(data, "opens_at")
    if opens is None or due <= opens or due <= now(services):
        return "tr.assign.bad_due"
    data["due_at"] = due.isoformat()
    return Move(Step.ATTEMPTS, data)


def choose_attempts(_services: Services, _trainer: int, data: Data, value: str) -> Move | str:
    """How many attempts each member may start."""
    if not value.isdigit() or int(value) not in form.ATTEMPT_CHOICES:
        return "button.invalid"
    data["attempts"] = int(value)
    return Move(Step.REVEAL, data)


def choose_reveal(_services: Services, _trainer: int, data: Data, value: str) -> Move | str:
    """Right answers at once, or after the deadline."""
    if value not in form.REVEALS:
        return "button.invalid"
    data["reveal_code"] = value
    return Move(Step.REMINDERS, data)


def choose_reminders(_services: Services, _trainer: int, data: Data, value: str) -> Move | str:
    """A reminder preset; then the summary with a suggested title."""
    if not value.isdigit() or int(value) >= len(form.REMINDER_PRESETS):
        return "button.invalid"
    data["reminders"] = int(value)
    data.setdefault("title", form.suggested_title(data, str(data.get("lang", "th"))))
    return Move(Step.CONFIRM, data)


def ask_title(_services: Services, _trainer: int, data: Data, _value: str) -> Move | str:
    """Wait for a typed title."""
    return Move(Step.TITLE, data)


def type_opening(services: Services, _trainer: int, data: Data, text: str) -> Move | str:
    """A typed opening time."""
    try:
        data["opens_at"] = _typed_time(services, data, text, START_OF_DAY).isoformat()
    except DateParseError as error:
        return _time_problem(error)
    return Move(Step.DUE, data)


def type_due(services: Services, _trainer: int, data: Data, text: str) -> Move | str:
    """A typed deadline, after the opening and in the future."""
    try:
        due = _typed_time(services, data, text)
    except DateParseError as error:
        return _time_problem(error)
    return _set_due(services, data, due)


def _time_problem(error: DateParseError) -> str:
    """The text key for a typed time that was refused: no such day, or unreadable."""
    return "tr.assign.no_such_day" if error.reason == "no_such_day" else "tr.assign.bad_time"


def _typed_time(
    services: Services, data: Data, text: str, default_time: time = END_OF_DAY
) -> datetime:
    """A time typed in Thai, numeric, ISO or English form, read in the form's zone."""
    lang = str(data.get("lang", "th"))
    return parse_deadline(text, lang, form.zone(data), now(services), default_time)


def type_title(_services: Services, _trainer: int, data: Data, text: str) -> Move | str:
    """A typed title of 1 to TITLE_MAX_CHARS characters."""
    title = " ".join(text.split())
    if not title or len(title) > TITLE_MAX_CHARS:
        return "tr.assign.bad_title"
    data["title"] = title
    return Move(Step.CONFIRM, data)


PRESSES: dict[str, StepPress] = {
    "c": choose_cohort, "t": toggle_topic, "n": choose_count, "p": choose_pass_mark,
    "o": choose_opening, "d": choose_due, "k": choose_attempts, "v": choose_reveal,
    "m": choose_reminders, "ti": ask_title,
}  # fmt: skip
CODE_STEPS: dict[str, tuple[str, ...]] = {
    "c": (Step.COHORT,), "t": (Step.TOPICS,), "n": (Step.COUNT,), "p": (Step.PASS_MARK,),
    "o": (Step.OPENS,), "d": (Step.DUE,), "k": (Step.ATTEMPTS,), "v": (Step.REVEAL,),
    "m": (Step.REMINDERS,), "ti": (Step.CONFIRM,), "ok": (Step.CONFIRM,),
}  # fmt: skip
TEXTS: dict[Step, StepPress] = {
    Step.OPENS: type_opening, Step.DUE: type_due, Step.TITLE: type_title,
}  # fmt: skip
