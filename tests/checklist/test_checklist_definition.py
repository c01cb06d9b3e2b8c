"""The checklist definition: complete, bilingual, weighted, grounded in real slides."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from checklist.definition import RATING_VALUES, Checklist, Text, load_checklist
from checklist.validation import validate_checklist
from core.errors import ValidationError

SECTION_SLIDE_TERMS = {
    # The slide each section rests on really says what the section is about.
    "B": (8, "ระดับการมีส่วนร่วม"),
    "C": (23, "ตรวจเช็คคุณภาพ"),
    "D": (15, "ลักษณะการบริหารราชการ"),
    "E": (21, "ปัจจัยความสำเร็จ"),
    "F": (22, "ข้อควรระวัง"),
}


def test_the_lecture_has_23_slides(slides):
    assert sorted(slides) == list(range(1, 24))


def test_bundled_definition_is_valid(checklist, known_slides):
    assert validate_checklist(checklist, known_slides) == []


def test_sections_a_to_f_in_order_with_questions(checklist):
    assert [s.id for s in checklist.sections] == ["A", "B", "C", "D", "E", "F"]
    for section in checklist.sections[1:]:
        assert any(item.scored for item in section.items), section.id


def test_section_a_asks_name_agency_community_and_stage(checklist):
    kinds = {item.id: item.kind for item in checklist.sections[0].items}
    expected = {"a_name": "info", "a_agency": "info", "a_community": "info", "a_stage": "choice"}
    assert kinds == expected


def test_every_text_is_present_in_thai_and_english(checklist):
    for item in checklist.items():
        texts = [item.question, item.help, *(c.label for c in item.choices)]
        if item.scored:
            assert item.why is not None and item.advice is not None
            texts += [item.why, *(item.advice[v] for v in RATING_VALUES)]
        for text in texts:
            assert text.th.strip() and text.en.strip(), item.id
            assert re.search("[\u0e00-\u0e7f]", text.th), f"{item.id}: Thai text is not Thai"


def test_rating_weights_are_positive(checklist):
    assert all(item.weight > 0 for item in checklist.items() if item.scored)


def test_pitfalls_and_only_pitfalls_are_reverse_scored(checklist):
    for section in checklist.sections:
        for item in section.items:
            assert item.reverse == (section.id == "F"), item.id


def test_every_slide_reference_exists_in_the_lecture(checklist, slides):
    cited = {n for item in checklist.items() for n in item.slides}
    cited |= {n for section in checklist.sections for n in section.slides}
    assert cited and cited <= set(slides)


def test_each_reason_cites_one_of_its_items_slides(checklist):
    for item in (i for i in checklist.items() if i.scored):
        assert item.why is not None
        for text in (item.why.th, item.why.en):
            numbers = {int(n) for n in re.findall(r"\d+", text)}
            assert numbers & set(item.slides), f"{item.id}: reason cites none of {item.slides}"


@pytest.mark.parametrize("section_id", sorted(SECTION_SLIDE_TERMS))
def test_sections_rest_on_the_slide_that_covers_them(checklist, slides, section_id):
    slide, term = SECTION_SLIDE_TERMS[section_id]
    section = next(s for s in checklist.sections if s.id == section_id)
    assert slide in section.slides
    assert term in slides[slide]


def test_the_five_levels_are_the_lectures(checklist, slides):
    assert checklist.level_ids() == ["inform", "consult", "involve", "collaborate", "empower"]
    assert all(level_id in slides[8] for level_id in checklist.level_ids())
    evidenced = {item.level for item in checklist.items() if item.level}
    assert evidenced == set(checklist.level_ids())


def test_ids_and_labels_fit_telegram_buttons(checklist):
    for item in checklist.items():
        values = [c.id for c in item.choices] or list(RATING_VALUES)
        for value in values:
            assert len(f"cl:a:{item.id}:{value}".encode()) <= 64
    for label in checklist.answer_labels.values():
        assert len(label.th) <= 12 and len(label.en) <= 12


def _replace_item(checklist: Checklist, item_id: str, **changes) -> Checklist:
    sections = tuple(
        replace(
            section,
            items=tuple(replace(i, **changes) if i.id == item_id else i for i in section.items),
        )
        for section in checklist.sections
    )
    return replace(checklist, sections=sections)


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"question": Text(th="คำถาม", en="")}, "question missing in en"),
        ({"weight": 0.0}, "weight must be > 0"),
        ({"slides": (24,)}, "slide 24 does not exist"),
        ({"slides": ()}, "cites no slide"),
        ({"id": "c_open_but_far_too_long"}, "id must be lowercase ASCII"),
        ({"advice": {"yes": Text("ก", "a")}}, "advice for 'no' missing"),
        ({"why": None}, "'why' (lecture reasoning) missing"),
        ({"level": "shout"}, "unknown level 'shout'"),
    ],
)
def test_validator_names_each_problem(checklist, known_slides, changes, problem):
    broken = _replace_item(checklist, "c_open", **changes)
    problems = validate_checklist(broken, known_slides)
    assert any(problem in p for p in problems), problems


def test_validator_requires_all_sections(checklist, known_slides):
    broken = replace(checklist, sections=checklist.sections[:-1])
    problems = validate_checklist(broken, known_slides)
    assert any("sections must be A, B, C, D, E, F" in p for p in problems)


def test_unknown_slide_set_flags_references(checklist):
    problems = validate_checklist(checklist, {("other.md", n) for n in range(1, 24)})
    assert problems and all("does not exist in participatory-governance.md" in p for p in problems)


def test_broken_yaml_gives_a_clear_error(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text("sections: [unclosed", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"bad\.yaml"):
        load_checklist(path)


def test_missing_field_gives_a_clear_error(tmp_path: Path):
    path = tmp_path / "partial.yaml"
    path.write_text("id: x\nversion: 1\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"malformed checklist partial\.yaml"):
        load_checklist(path)


def test_yes_and_no_survive_yaml_boolean_parsing(checklist):
    assert set(checklist.answer_labels) == set(RATING_VALUES)
    for item in (i for i in checklist.items() if i.scored):
        assert item.advice is not None and set(item.advice) == set(RATING_VALUES)
