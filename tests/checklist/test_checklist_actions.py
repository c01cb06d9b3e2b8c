"""Next actions: ranked by weight x gap, pitfalls first-class, the level gap first."""

from __future__ import annotations

import pytest

from checklist.actions import LEVEL_ACTION_ID, next_actions
from checklist.results import Answer
from checklist.scoring import score_assessment


def _actions(checklist, given, k=5):
    return next_actions(checklist, given, score_assessment(checklist, given), k=k)


def test_actions_are_ranked_by_weight_times_gap(checklist, best_answers):
    given = best_answers | {
        "c_open": Answer("no"),  # weight 2 x gap 1 = 2
        "f_illusion": Answer("yes"),  # pitfall present: weight 2 x gap 1 = 2
        "e_mission": Answer("partly"),  # 1 x 0.5 = 0.5
        "d_sanction": Answer("no"),  # 0.5 x 1 = 0.5
        "b_inform": Answer("dont_know"),  # 1 x 0.5 = 0.5
    }
    actions = _actions(checklist, given)
    assert [a.item_id for a in actions] == [
        "c_open",
        "f_illusion",
        "b_inform",
        "d_sanction",
        "e_mission",
    ]
    assert [a.priority for a in actions] == [2, 2, 0.5, 0.5, 0.5]


def test_each_action_carries_the_advice_for_the_answer_and_the_lectures_reason(
    checklist, best_answers
):
    given = best_answers | {"f_illusion": Answer("yes"), "b_inform": Answer("dont_know")}
    by_id = {a.item_id: a for a in _actions(checklist, given)}
    illusion = checklist.item("f_illusion")
    assert by_id["f_illusion"].text == illusion.advice["yes"]
    assert by_id["f_illusion"].why == illusion.why
    assert by_id["f_illusion"].slides == illusion.slides and 22 in illusion.slides
    assert by_id["b_inform"].text == checklist.item("b_inform").advice["dont_know"]


def test_a_skipped_item_gets_the_find_out_advice(checklist, best_answers):
    given = {k: v for k, v in best_answers.items() if k != "e_power"}
    actions = _actions(checklist, given)
    assert [a.item_id for a in actions] == ["e_power"]
    assert actions[0].answer is None
    assert actions[0].text == checklist.item("e_power").advice["dont_know"]


def test_nothing_to_do_gives_no_actions(checklist, best_answers):
    assert _actions(checklist, best_answers) == []


def test_a_flagged_level_claim_comes_first(checklist, best_answers):
    given = best_answers | {
        "b_claim": Answer("collaborate"),
        "b_involve": Answer("no"),
        "b_codecide": Answer("no"),
        "b_coimpl": Answer("no"),
        "b_empower": Answer("no"),
        "f_dominate": Answer("yes"),
    }
    actions = _actions(checklist, given, k=3)
    assert actions[0].item_id == LEVEL_ACTION_ID
    assert "ร่วมคิดร่วมทำ" in actions[0].text.th and "Consult" in actions[0].text.en
    assert {8, 9, 10} <= set(actions[0].slides)
    # at most two from section B while the dominated process (F) waits
    assert [a.item_id for a in actions] == [LEVEL_ACTION_ID, "b_codecide", "f_dominate"]


def test_advice_is_spread_across_sections(checklist, best_answers):
    weak_c = {item.id: Answer("no") for item in checklist.sections[2].items}
    given = best_answers | weak_c | {"e_mission": Answer("no")}
    actions = _actions(checklist, given, k=3)
    assert [a.section_id for a in actions].count("C") == 2
    assert "e_mission" in [a.item_id for a in actions]


def test_short_of_other_sections_one_section_fills_the_list(checklist, best_answers):
    weak_c = {item.id: Answer("no") for item in checklist.sections[2].items}
    actions = _actions(checklist, best_answers | weak_c, k=4)
    assert len(actions) == 4 and {a.section_id for a in actions} == {"C"}


def test_k_limits_the_list(checklist):
    assert len(_actions(checklist, {}, k=3)) == 3
    with pytest.raises(ValueError, match="k must be"):
        _actions(checklist, {}, k=0)
