"""A repeat assessment compared with the previous one."""

from __future__ import annotations

import pytest

from checklist.history import compare, direction
from checklist.results import AssessmentResult
from checklist.scoring import score_assessment


def test_compare_lists_what_improved_and_what_declined(checklist, answers):
    before = score_assessment(
        checklist,
        answers(c_open="no", f_illusion="yes", e_leader="dont_know", d_rules="yes", d_staff="no"),
    )
    after = score_assessment(
        checklist,
        answers(c_open="yes", f_illusion="no", e_leader="yes", d_rules="no", d_staff="no"),
    )
    comparison = compare(before, after)
    assert {c.item_id for c in comparison.improved} == {"c_open", "f_illusion"}
    assert [c.item_id for c in comparison.declined] == ["d_rules"]
    assert [c.item_id for c in comparison.newly_known] == ["e_leader"]
    assert comparison.overall_delta == pytest.approx(after.overall - before.overall)
    sections = {s.section_id: s for s in comparison.sections}
    assert sections["C"].direction == "improved" and sections["C"].delta == pytest.approx(100)
    assert sections["D"].direction == "declined"
    assert sections["F"].direction == "improved"  # the pitfall went away
    assert sections["E"].direction == "unknown"  # no score last time


def test_unchanged_answers_are_not_listed(checklist, answers):
    same = score_assessment(checklist, answers(c_open="partly", d_rules="yes"))
    comparison = compare(same, same)
    assert not (comparison.improved or comparison.declined or comparison.newly_known)
    assert all(s.direction in {"same", "unknown"} for s in comparison.sections)


def test_comparison_works_on_stored_results(checklist, answers):
    before = score_assessment(checklist, answers(e_power="no"))
    after = score_assessment(checklist, answers(e_power="partly"))
    stored = AssessmentResult.from_dict(before.to_dict())
    assert [c.item_id for c in compare(stored, after).improved] == ["e_power"]


def test_going_unknown_is_reported(checklist, answers):
    before = score_assessment(checklist, answers(e_power="yes"))
    after = score_assessment(checklist, answers(e_power="dont_know"))
    comparison = compare(before, after)
    assert [c.item_id for c in comparison.newly_unknown] == ["e_power"]
    assert not comparison.declined


def test_direction_ignores_float_noise():
    assert direction(50.0, 50.0 + 1e-9) == "same"
    assert direction(50.0, 51.0) == "improved"
    assert direction(None, 51.0) == "unknown"
