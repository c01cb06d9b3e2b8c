"""Answers about an uploaded document: named and cited by its own headings, across
languages, and without changing the decisions about other material (real model)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from core.settings import Settings
from knowledge.loaders import load_directory

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
PLAYBOOK = Path(__file__).resolve().parent / "data" / "service-playbook.md"

# Questions about other material than the playbook: lecture questions and out-of-scope ones.
OTHER_QUESTIONS = [
    "การบริหารราชการแบบมีส่วนร่วมคืออะไร",
    "ปัจจัยความสำเร็จของการบริหารราชการแบบมีส่วนร่วม",
    "What did the EPA change to become participatory?",
    "ค่าเบี้ยเลี้ยงเดินทางไปราชการต่างประเทศวันละเท่าไร",
    "How do I apply for a passport renewal?",
    "วิธีปลูกทุเรียนให้ออกผลเร็ว",
]
# Near-topic and out of scope: refusal is not reliable here yet (docs/retrieval.md), but its
# decision, whichever it is, must not change when another document is added.
NEAR_QUESTIONS = ["Which Thai law sets the rules for public hearings?"]


def _answerer(data_dir: Path, models_dir: Path, sources: Path) -> Any:
    from bot.services import build_qa

    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        ruamkit_data_dir=data_dir,
        ruamkit_models_dir=models_dir,
        source_dir=sources,
    )
    answerer = build_qa(settings).answerer
    answerer.warm_up()
    return answerer


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, models_dir: Path) -> tuple[Any, Any]:
    lecture_only = tmp_path_factory.mktemp("lecture-sources")
    with_playbook = tmp_path_factory.mktemp("playbook-sources")
    for folder in (lecture_only, with_playbook):
        for path in (REPO / "knowledge" / "sources").iterdir():
            shutil.copy(path, folder / path.name)
    shutil.copy(PLAYBOOK, with_playbook / PLAYBOOK.name)
    documents, errors = load_directory(with_playbook)
    assert errors == [] and len(documents) == 2
    return (
        _answerer(tmp_path_factory.mktemp("data-a"), models_dir, lecture_only),
        _answerer(tmp_path_factory.mktemp("data-b"), models_dir, with_playbook),
    )


def test_an_english_question_about_the_upload_cites_its_play_by_heading(both: Any) -> None:
    answer = both[1].ask("How should we protect people's personal data?")
    assert answer.found
    assert answer.citations[0].doc == "service-playbook.md"
    assert answer.citations[0].label == "Play 10: Protect privacy"
    lead = answer.answer.splitlines()[0]
    assert "Digital Service Playbook" in lead and "lecture" not in lead
    assert "Section" not in answer.answer and "ส่วนที่" not in answer.answer


def test_an_upload_without_written_questions_is_judged_without_an_in_scope_model(
    both: Any,
) -> None:
    assessment = both[1].assess("How should we protect people's personal data?")
    assert assessment.result.hits[0].passage.doc == "service-playbook.md"
    assert assessment.signals.in_scope is None  # the plain refusal model decides
    lecture = both[1].assess("การบริหารราชการแบบมีส่วนร่วมคืออะไร")
    assert lecture.signals.in_scope is not None


def test_a_thai_question_finds_the_english_upload(both: Any) -> None:
    # Search ranks the right play first; whether the answer is given is up to the refusal
    # model, which was fitted on Thai material only (docs/retrieval.md, known limits).
    hits = both[1].search("ควรคุ้มครองข้อมูลส่วนบุคคลของผู้ใช้บริการอย่างไร", k=3)
    assert (hits[0].passage.doc, hits[0].passage.label("th")) == (
        "service-playbook.md",
        "Play 10: Protect privacy",
    )
    team = both[1].search("ทีมที่ทำบริการดิจิทัลควรมีใครบ้าง", k=3)
    assert team[0].passage.label("th") == "Play 7: Bring in experienced teams"


def test_lecture_answers_still_say_from_the_lecture(both: Any) -> None:
    answer = both[1].ask("การบริหารราชการแบบมีส่วนร่วมคืออะไร")
    assert answer.found and answer.citations[0].doc == "participatory-governance.md"
    assert "การบรรยาย" in answer.answer.splitlines()[0]


def test_adding_a_document_keeps_the_decisions_about_other_material(both: Any) -> None:
    before = [both[0].assess(q).covered for q in OTHER_QUESTIONS + NEAR_QUESTIONS]
    after = [both[1].assess(q).covered for q in OTHER_QUESTIONS + NEAR_QUESTIONS]
    assert before == after
    assert before[:3] == [True, True, True]
    assert not any(before[3 : len(OTHER_QUESTIONS)])
