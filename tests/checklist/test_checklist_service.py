"""Persistence on a real SQLite file: answers saved at once, resumable after a restart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from checklist import service
from checklist.history import compare
from checklist.models import AssessmentStatus, ChecklistAnswer, ChecklistAssessment
from core.db import create_tables, make_engine
from core.errors import NotFoundError, PermissionDeniedError, ValidationError

OWNER = 7_000_000_001  # Telegram ids exceed 32 bits


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ruamkit.sqlite'}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    create_tables(engine)
    yield engine
    engine.dispose()


def _restart(engine: Engine, db_url: str) -> Engine:
    """Throw the engine away and open the same file again, as a restarted bot would."""
    engine.dispose()
    return make_engine(db_url)


def _answer_all(session, checklist, assessment, values: dict[str, str]) -> None:
    for item_id, value in values.items():
        service.save_answer(
            session=session,
            checklist=checklist,
            assessment=assessment,
            item_id=item_id,
            value=value,
        )


def test_a_new_assessment_starts_after_the_known_facts(engine, checklist):
    with Session(engine) as session:
        project = service.create_project(
            session=session, owner_id=OWNER, name="ถนนปลอดภัย", agency="อบต.บ้านใหม่"
        )
        assessment = service.start_assessment(
            session=session, checklist=checklist, project=project
        )
        item = service.current_item(checklist, assessment)
        assert item is not None and item.id == "a_community"
        answers = service.load_answers(session=session, assessment_id=assessment.id)
        assert answers["a_name"].value == "ถนนปลอดภัย"
        assert service.progress(checklist, assessment) == (3, len(list(checklist.items())))


def test_answers_survive_a_restart_and_the_run_resumes_at_the_right_item(
    engine, db_url, checklist
):
    with Session(engine) as session:
        project = service.create_project(session=session, owner_id=OWNER, name="ขยะ")
        assessment = service.start_assessment(
            session=session, checklist=checklist, project=project
        )
        _answer_all(
            session,
            checklist,
            assessment,
            {"a_agency": "เทศบาล", "a_community": "หมู่ 3", "a_stage": "planning"},
        )
        next_item = service.save_answer(
            session=session,
            checklist=checklist,
            assessment=assessment,
            item_id="b_claim",
            value="collaborate",
            evidence="เอกสารโครงการ หน้า 2",
        )
        assert next_item is not None and next_item.id == "b_inform"
        project_id, assessment_id = project.id, assessment.id

    engine = _restart(engine, db_url)
    with Session(engine) as session:
        project = service.get_project(session=session, project_id=project_id, owner_id=OWNER)
        resumed = service.start_assessment(session=session, checklist=checklist, project=project)
        assert resumed.id == assessment_id
        assert service.current_item(checklist, resumed).id == "b_inform"
        answers = service.load_answers(session=session, assessment_id=assessment_id)
        assert answers["b_claim"].value == "collaborate"
        assert answers["b_claim"].evidence == "เอกสารโครงการ หน้า 2"
        assert project.agency == "เทศบาล"  # the section A answer is mirrored on the project
    engine.dispose()


def test_skip_and_go_back_move_through_the_items(engine, checklist):
    with Session(engine) as session:
        project = service.create_project(session=session, owner_id=OWNER, name="p", agency="a")
        assessment = service.start_assessment(
            session=session, checklist=checklist, project=project
        )
        skipped = service.skip(session=session, checklist=checklist, assessment=assessment)
        assert skipped.id == "a_stage"
        assert "a_community" not in service.load_answers(
            session=session, assessment_id=assessment.id
        )
        back = service.go_back(session=session, checklist=checklist, assessment=assessment)
        assert back.id == "a_community"
        for _ in range(5):
            first = service.go_back(session=session, checklist=checklist, assessment=assessment)
        assert first.id == "a_name"  # going back stops at the first item


def test_going_back_from_the_end_reaches_the_last_item(engine, checklist):
    items = list(checklist.items())
    with Session(engine) as session:
        project = service.create_project(session=session, owner_id=OWNER, name="p")
        assessment = service.start_assessment(
            session=session, checklist=checklist, project=project
        )
        last = service.save_answer(
            session=session,
            checklist=checklist,
            assessment=assessment,
            item_id=items[-1].id,
            value="no",
        )
        assert last is None and service.progress(checklist, assessment)[0] == len(items) + 1
        back = service.go_back(session=session, checklist=checklist, assessment=assessment)
        assert back.id == items[-1].id


def test_answering_again_replaces_the_answer(engine, checklist):
    with Session(engine) as session:
        project = service.create_project(session=session, owner_id=OWNER, name="p")
        assessment = service.start_assessment(
            session=session, checklist=checklist, project=project
        )
        _answer_all(session, checklist, assessment, {"c_open": "no"})
        _answer_all(session, checklist, assessment, {"c_open": "partly"})
        rows = session.exec(
            select(ChecklistAnswer).where(ChecklistAnswer.assessment_id == assessment.id)
        ).all()
        assert [r.value for r in rows if r.item_id == "c_open"] == ["partly"]


@pytest.mark.parametrize(
    ("item_id", "value", "problem"),
    [
        ("c_open", "maybe", "answer must be one of"),
        ("a_stage", "someday", "choose one of"),
        ("a_community", "   ", "must not be empty"),
        ("a_community", "ก" * 501, "longer than 500"),
        ("zz_nothing", "yes", "unknown checklist item"),
    ],
)
def test_bad_answers_are_refused_with_a_clear_error(engine, checklist, item_id, value, problem):
    with Session(engine) as session:
        project = service.create_project(session=session, owner_id=OWNER, name="p")
        assessment = service.start_assessment(
            session=session, checklist=checklist, project=project
        )
        with pytest.raises(ValidationError, match=problem):
            service.save_answer(
                session=session,
                checklist=checklist,
                assessment=assessment,
                item_id=item_id,
                value=value,
            )


def test_evidence_can_be_added_after_the_answer(engine, checklist):
    with Session(engine) as session:
        project = service.create_project(session=session, owner_id=OWNER, name="p")
        assessment = service.start_assessment(
            session=session, checklist=checklist, project=project
        )
        with pytest.raises(ValidationError, match="no answer"):
            service.save_evidence(
                session=session, assessment=assessment, item_id="c_open", evidence="x"
            )
        _answer_all(session, checklist, assessment, {"c_open": "yes"})
        service.save_evidence(
            session=session, assessment=assessment, item_id="c_open", evidence="มติ\nที่ประชุม"
        )
        answers = service.load_answers(session=session, assessment_id=assessment.id)
        assert answers["c_open"].evidence == "มติ ที่ประชุม"


def test_finishing_stores_the_result_and_the_next_run_compares_with_it(engine, db_url, checklist):
    with Session(engine) as session:
        project = service.create_project(session=session, owner_id=OWNER, name="p")
        first = service.start_assessment(session=session, checklist=checklist, project=project)
        _answer_all(session, checklist, first, {"c_open": "no", "f_illusion": "yes"})
        first_result = service.finish_assessment(
            session=session, checklist=checklist, assessment=first
        )
        assert first.status == AssessmentStatus.FINISHED and first.finished_at is not None
        with pytest.raises(ValidationError, match="already finished"):
            _answer_all(session, checklist, first, {"c_open": "yes"})
        project_id = project.id

    engine = _restart(engine, db_url)
    with Session(engine) as session:
        project = service.get_project(session=session, project_id=project_id, owner_id=OWNER)
        second = service.start_assessment(session=session, checklist=checklist, project=project)
        assert second.id != first.id
        _answer_all(session, checklist, second, {"c_open": "yes", "f_illusion": "no"})
        second_result = service.finish_assessment(
            session=session, checklist=checklist, assessment=second
        )
        previous = service.previous_result(session=session, project_id=project_id, before=second)
        assert previous == first_result
        comparison = compare(previous, second_result)
        assert {c.item_id for c in comparison.improved} == {"c_open", "f_illusion"}
        stored = session.get(ChecklistAssessment, second.id)
        assert stored.result["overall"] == pytest.approx(second_result.overall)
        again = service.finish_assessment(session=session, checklist=checklist, assessment=second)
        assert again == second_result  # finishing twice changes nothing
    engine.dispose()


def test_projects_belong_to_their_owner(engine):
    with Session(engine) as session:
        mine = service.create_project(session=session, owner_id=OWNER, name="mine")
        service.create_project(session=session, owner_id=OWNER + 1, name="theirs")
        newer = service.create_project(session=session, owner_id=OWNER, name="newer")
        listed = service.list_projects(session=session, owner_id=OWNER)
        assert [p.name for p in listed] == ["newer", "mine"]
        with pytest.raises(PermissionDeniedError):
            service.get_project(session=session, project_id=newer.id, owner_id=OWNER + 1)
        with pytest.raises(NotFoundError):
            service.get_project(session=session, project_id=9999, owner_id=OWNER)
        with pytest.raises(ValidationError, match="project name"):
            service.create_project(session=session, owner_id=OWNER, name=" ")
        assert mine.created_at.tzinfo is not None
