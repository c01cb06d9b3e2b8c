"""The shown participation level follows one rule, and the advice never contradicts it."""

from __future__ import annotations

import itertools

import pytest

from checklist import texts
from checklist.actions import LEVEL_ACTION_ID, next_actions
from checklist.definition import Checklist
from checklist.results import Answer
from checklist.scoring import score_assessment, shown_level

LEVEL_ITEMS = ("b_inform", "b_consult", "b_involve", "b_codecide", "b_coimpl", "b_empower")
POWER_ITEMS = ("b_codecide", "e_power")  # deciding jointly, sharing power (slides 10, 21)
RATINGS = ("yes", "partly", "no", "dont_know")


def _all(value: str, checklist: Checklist) -> dict[str, Answer]:
    return {item.id: Answer(value) for item in checklist.items() if item.scored}


def _levels_at_or_below(checklist: Checklist, shown: str | None) -> set[str]:
    order = checklist.level_ids()
    return set(order[: order.index(shown) + 1]) if shown else set()


def _contradicts(checklist: Checklist, shown: str | None, action_item: str, value: str) -> bool:
    """Advice to start from scratch ("no") on what the verdict says the answers show."""
    if value != "no" or action_item == LEVEL_ACTION_ID:
        return False
    reached = _levels_at_or_below(checklist, shown)
    item = checklist.item(action_item)
    required_by = {lv.id for lv in checklist.levels if action_item in lv.requires}
    return item.level in reached or bool(required_by & reached)


def test_all_no_shows_no_level_and_flags_any_claim(checklist):
    given = _all("no", checklist) | {"b_claim": Answer("collaborate")}
    result = score_assessment(checklist, given)
    assert result.level_check.shown is None and result.level_check.flagged
    first = next_actions(checklist, given, result)[0]
    assert first.item_id == LEVEL_ACTION_ID
    assert texts.NO_LEVEL.th in first.text.th


def test_all_yes_shows_empower(checklist):
    given = _all("yes", checklist) | {"b_claim": Answer("empower")}
    check = score_assessment(checklist, given).level_check
    assert (check.shown, check.flagged) == ("empower", False)
    assert check.message.th.startswith("ระดับที่หน่วยงานระบุ (เสริมอำนาจ) ตรงกับ")


def test_no_to_deciding_jointly_and_sharing_power_never_shows_empower(checklist):
    # The reported case: every other answer yes, "no" to joint decisions and to sharing power.
    given = _all("yes", checklist) | {
        "b_claim": Answer("involve"),
        "b_codecide": Answer("no"),
        "e_power": Answer("no"),
    }
    result = score_assessment(checklist, given)
    check = result.level_check
    assert check.shown == "involve"
    assert "เสริมอำนาจ" not in check.message.th and "Empower" not in check.message.en
    actions = next_actions(checklist, given, result)
    assert actions[0].item_id in POWER_ITEMS  # the first advice: start deciding jointly
    assert not any(
        _contradicts(checklist, check.shown, a.item_id, a.answer or "") for a in actions
    )


def test_mixed_answers_stop_at_the_first_failed_level(checklist, answers):
    given = answers(
        b_inform="yes",
        b_consult="partly",  # 0.5 < 0.75: consult fails
        b_involve="yes",
        b_codecide="yes",
        b_coimpl="yes",
        e_power="yes",
        b_empower="yes",
    )
    assert shown_level(checklist, given) == "inform"


def test_unknown_levels_are_passed_over_but_never_shown(checklist, answers):
    given = answers(b_inform="yes", b_consult="dont_know", b_involve="yes")
    assert shown_level(checklist, given) == "involve"
    assert shown_level(checklist, answers(b_inform="dont_know")) is None


def test_collaboration_needs_power_sharing_answered(checklist, answers):
    given = answers(b_inform="yes", b_consult="yes", b_codecide="yes", b_coimpl="yes")
    assert shown_level(checklist, given) == "consult"  # e_power unknown: not shown
    assert shown_level(checklist, given | answers(e_power="partly")) == "collaborate"


def test_claimed_above_shown_is_flagged_and_advice_starts_there(checklist, answers):
    given = answers(
        b_claim="empower", b_inform="yes", b_consult="yes", b_involve="yes", b_codecide="no"
    )
    result = score_assessment(checklist, given)
    check = result.level_check
    assert (check.claimed, check.shown, check.flagged) == ("empower", "involve", True)
    assert "เข้าไปเกี่ยวข้อง" in check.message.th and "Involve" in check.message.en
    first = next_actions(checklist, given, result)[0]
    assert first.item_id == LEVEL_ACTION_ID
    assert "เข้าไปเกี่ยวข้อง" in first.text.th and "Involve" in first.text.en


def test_claimed_below_shown_is_not_flagged(checklist, answers):
    given = answers(
        b_claim="inform", b_inform="yes", b_consult="yes", b_involve="yes", b_codecide="no"
    )
    result = score_assessment(checklist, given)
    check = result.level_check
    assert (check.claimed, check.shown, check.flagged) == ("inform", "involve", False)
    assert check.message.th.startswith("คำตอบแสดงระดับเข้าไปเกี่ยวข้อง ซึ่งสูงกว่า")
    assert next_actions(checklist, given, result)[0].item_id != LEVEL_ACTION_ID


def test_no_no_to_power_shows_collaboration_over_every_answer_pattern(checklist):
    items = (*LEVEL_ITEMS, "e_power")
    for values in itertools.product(RATINGS, repeat=len(items)):
        given = {i: Answer(v) for i, v in zip(items, values, strict=True)}
        shown = shown_level(checklist, given)
        if any(given[i].value == "no" for i in POWER_ITEMS):
            assert shown not in ("collaborate", "empower"), values
        if shown == "empower":
            assert given["b_empower"].value == "yes", values


@pytest.mark.parametrize("claim", ["inform", "consult", "involve", "collaborate", "empower"])
def test_advice_never_contradicts_the_verdict(checklist, claim):
    items = (*LEVEL_ITEMS, "e_power")
    for values in itertools.product(("yes", "no"), repeat=len(items)):
        given = {i: Answer(v) for i, v in zip(items, values, strict=True)}
        given["b_claim"] = Answer(claim)
        result = score_assessment(checklist, given)
        check = result.level_check
        actions = next_actions(checklist, given, result)
        assert (actions[0].item_id == LEVEL_ACTION_ID) == check.flagged, values
        for action in actions:
            assert not _contradicts(checklist, check.shown, action.item_id, action.answer or "")
