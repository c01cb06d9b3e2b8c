"""Checklist persistence: projects, resumable assessments and answers (explicit session)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from checklist.definition import RATING_VALUES, Checklist, Item
from checklist.models import (
    AssessmentStatus,
    ChecklistAnswer,
    ChecklistAssessment,
    ChecklistProject,
    utc_now,
)
from checklist.results import Answer, AssessmentResult
from checklist.scoring import score_assessment
from core.errors import NotFoundError, PermissionDeniedError, ValidationError

MAX_NAME = 200
MAX_TEXT = 500
MAX_EVIDENCE = 1000
PROJECT_FIELDS = {"a_name": "name", "a_agency": "agency"}  # answers mirrored on the project


def create_project(
    *, session: Session, owner_id: int, name: str, agency: str = ""
) -> ChecklistProject:
    """Create a project owned by `owner_id` (a Telegram user id)."""
    project = ChecklistProject(
        owner_id=owner_id,
        name=_clean_text(name, "project name", MAX_NAME),
        agency=_clean_text(agency, "agency", MAX_NAME, required=False),
    )
    session.add(project)
    session.commit()
    session.refresh(project)
    return project


def list_projects(*, session: Session, owner_id: int) -> list[ChecklistProject]:
    """The owner's projects, newest first."""
    query = select(ChecklistProject).where(ChecklistProject.owner_id == owner_id)
    return list(session.exec(query.order_by(col(ChecklistProject.id).desc())))


def get_project(*, session: Session, project_id: int, owner_id: int) -> ChecklistProject:
    """One of the owner's projects; NotFoundError / PermissionDeniedError otherwise."""
    project = session.get(ChecklistProject, project_id)
    if project is None:
        raise NotFoundError(f"checklist project {project_id} does not exist")
    if project.owner_id != owner_id:
        raise PermissionDeniedError(f"checklist project {project_id} belongs to another user")
    return project


def start_assessment(
    *, session: Session, checklist: Checklist, project: ChecklistProject
) -> ChecklistAssessment:
    """Resume the project's in-progress assessment, or start one with known facts filled in."""
    existing = in_progress_assessment(session=session, project_id=_id(project))
    if existing is not None:
        return existing
    assessment = ChecklistAssessment(
        project_id=_id(project), checklist_id=checklist.id, checklist_version=checklist.version
    )
    session.add(assessment)
    session.flush()
    for item_id, value in _known_facts(checklist, project).items():
        session.add(ChecklistAnswer(assessment_id=_id(assessment), item_id=item_id, value=value))
    session.flush()
    assessment.current_item = _first_unanswered(checklist, _answered_ids(session, assessment))
    session.commit()
    session.refresh(assessment)
    return assessment


def in_progress_assessment(*, session: Session, project_id: int) -> ChecklistAssessment | None:
    """The project's unfinished assessment, if any."""
    query = select(ChecklistAssessment).where(
        ChecklistAssessment.project_id == project_id,
        ChecklistAssessment.status == AssessmentStatus.IN_PROGRESS,
    )
    return session.exec(query.order_by(col(ChecklistAssessment.id).desc())).first()


def get_assessment(*, session: Session, assessment_id: int, owner_id: int) -> ChecklistAssessment:
    """An assessment of one of the owner's projects."""
    assessment = session.get(ChecklistAssessment, assessment_id)
    if assessment is None:
        raise NotFoundError(f"checklist assessment {assessment_id} does not exist")
    get_project(session=session, project_id=assessment.project_id, owner_id=owner_id)
    return assessment


def current_item(checklist: Checklist, assessment: ChecklistAssessment) -> Item | None:
    """The item to ask now (None when every item has been visited)."""
    if assessment.current_item is None:
        return None
    ids = [item.id for item in checklist.items()]
    if assessment.current_item not in ids:  # the definition changed under a paused run
        return checklist.item(ids[0])
    return checklist.item(assessment.current_item)


def progress(checklist: Checklist, assessment: ChecklistAssessment) -> tuple[int, int]:
    """(1-based position of the current item, number of items); position = total+1 at the end."""
    ids = [item.id for item in checklist.items()]
    item = current_item(checklist, assessment)
    return (ids.index(item.id) + 1 if item else len(ids) + 1), len(ids)


def load_answers(*, session: Session, assessment_id: int) -> dict[str, Answer]:
    """Every saved answer of an assessment, by item id."""
    rows = session.exec(
        select(ChecklistAnswer).where(ChecklistAnswer.assessment_id == assessment_id)
    )
    return {row.item_id: Answer(value=row.value, evidence=row.evidence) for row in rows}


def save_answer(
    *,
    session: Session,
    checklist: Checklist,
    assessment: ChecklistAssessment,
    item_id: str,
    value: str,
    evidence: str | None = None,
) -> Item | None:
    """Validate and store an answer at once, move past it, and return the next item."""
    _require_open(assessment)
    item = checklist.item(item_id)
    clean = _validate_value(item, value)
    row = _answer_row(session, assessment, item_id)
    if row is None:
        row = ChecklistAnswer(assessment_id=_id(assessment), item_id=item_id, value=clean)
    row.value, row.answered_at = clean, utc_now()
    if evidence is not None:
        row.evidence = _clean_text(evidence, "evidence", MAX_EVIDENCE, required=False) or None
    session.add(row)
    _mirror_on_project(session, assessment, item_id, clean)
    assessment.current_item = _next_id(checklist, item_id)
    session.add(assessment)
    session.commit()
    return current_item(checklist, assessment)


def save_evidence(
    *, session: Session, assessment: ChecklistAssessment, item_id: str, evidence: str
) -> None:
    """Attach an evidence note to an answer already given."""
    _require_open(assessment)
    row = _answer_row(session, assessment, item_id)
    if row is None:
        raise ValidationError(f"item {item_id} has no answer to attach evidence to")
    row.evidence = _clean_text(evidence, "evidence", MAX_EVIDENCE, required=False) or None
    session.add(row)
    session.commit()


def skip(
    *, session: Session, checklist: Checklist, assessment: ChecklistAssessment
) -> Item | None:
    """Move past the current item without answering it (it is reported as a gap)."""
    _require_open(assessment)
    item = current_item(checklist, assessment)
    if item is not None:
        assessment.current_item = _next_id(checklist, item.id)
        session.add(assessment)
        session.commit()
    return current_item(checklist, assessment)


def go_back(
    *, session: Session, checklist: Checklist, assessment: ChecklistAssessment
) -> Item | None:
    """Step back to the previous item (from the end, to the last item)."""
    _require_open(assessment)
    ids = [item.id for item in checklist.items()]
    item = current_item(checklist, assessment)
    position = ids.index(item.id) if item else len(ids)
    assessment.current_item = ids[max(position - 1, 0)]
    session.add(assessment)
    session.commit()
    return current_item(checklist, assessment)


def finish_assessment(
    *, session: Session, checklist: Checklist, assessment: ChecklistAssessment
) -> AssessmentResult:
    """Score the answers, store the result and close the assessment (idempotent)."""
    if assessment.status == AssessmentStatus.FINISHED and assessment.result is not None:
        return AssessmentResult.from_dict(assessment.result)
    answers = load_answers(session=session, assessment_id=_id(assessment))
    result = score_assessment(checklist, answers)
    assessment.result = result.to_dict()
    assessment.status = AssessmentStatus.FINISHED
    assessment.finished_at = utc_now()
    assessment.current_item = None
    session.add(assessment)
    session.commit()
    return result


def finished_assessments(*, session: Session, project_id: int) -> list[ChecklistAssessment]:
    """The project's finished assessments, newest first."""
    query = select(ChecklistAssessment).where(
        ChecklistAssessment.project_id == project_id,
        ChecklistAssessment.status == AssessmentStatus.FINISHED,
    )
    return list(session.exec(query.order_by(col(ChecklistAssessment.id).desc())))


def previous_result(
    *, session: Session, project_id: int, before: ChecklistAssessment | None = None
) -> AssessmentResult | None:
    """The latest finished result of the project other than `before` (for comparison)."""
    before_id = before.id if before is not None else None
    for assessment in finished_assessments(session=session, project_id=project_id):
        if before_id is not None and (assessment.id or 0) >= before_id:
            continue
        if assessment.result is not None:
            return AssessmentResult.from_dict(assessment.result)
    return None


def _id(record: ChecklistProject | ChecklistAssessment) -> int:
    if record.id is None:
        raise ValidationError("record has not been saved yet")
    return record.id


def _require_open(assessment: ChecklistAssessment) -> None:
    if assessment.status != AssessmentStatus.IN_PROGRESS:
        raise ValidationError(f"assessment {assessment.id} is already finished")


def _validate_value(item: Item, value: str) -> str:
    if item.kind == "rating":
        if value not in RATING_VALUES:
            raise ValidationError(f"item {item.id}: answer must be one of {RATING_VALUES}")
        return value
    if item.kind == "choice":
        allowed = [choice.id for choice in item.choices]
        if value not in allowed:
            raise ValidationError(f"item {item.id}: choose one of {allowed}")
        return value
    return _clean_text(value, item.id, MAX_TEXT)


def _clean_text(value: str, what: str, limit: int, *, required: bool = True) -> str:
    text = " ".join(value.split())  # collapse newlines and runs of spaces
    if required and not text:
        raise ValidationError(f"{what} must not be empty")
    if len(text) > limit:
        raise ValidationError(f"{what} is longer than {limit} characters")
    return text


def _answer_row(
    session: Session, assessment: ChecklistAssessment, item_id: str
) -> ChecklistAnswer | None:
    query = select(ChecklistAnswer).where(
        ChecklistAnswer.assessment_id == _id(assessment), ChecklistAnswer.item_id == item_id
    )
    return session.exec(query).first()


def _answered_ids(session: Session, assessment: ChecklistAssessment) -> set[str]:
    return set(load_answers(session=session, assessment_id=_id(assessment)))


def _first_unanswered(checklist: Checklist, answered: set[str]) -> str | None:
    return next((item.id for item in checklist.items() if item.id not in answered), None)


def _next_id(checklist: Checklist, item_id: str) -> str | None:
    ids = [item.id for item in checklist.items()]
    position = ids.index(item_id) + 1
    return ids[position] if position < len(ids) else None


def _known_facts(checklist: Checklist, project: ChecklistProject) -> dict[str, str]:
    """Section A answers known before asking: the project's name and agency."""
    facts = {"a_name": project.name, "a_agency": project.agency}
    known_ids = {item.id for item in checklist.items()}
    return {item_id: value for item_id, value in facts.items() if value and item_id in known_ids}


def _mirror_on_project(
    session: Session, assessment: ChecklistAssessment, item_id: str, value: str
) -> None:
    field = PROJECT_FIELDS.get(item_id)
    project = session.get(ChecklistProject, assessment.project_id) if field else None
    if field and project is not None:
        setattr(project, field, value[:MAX_NAME])
        session.add(project)
