"""Scoring against hand-computed numbers, the level check and the maturity bands."""

from __future__ import annotations

import json

import pytest

from checklist.results import Answer, AssessmentResult
from checklist.scoring import (
    claimed_level,
    level_check,
    project_info,
    score_assessment,
    shown_level,
)
from core.errors import ValidationError

ONLY_COMMENTS = {
    "b_inform": "yes",
    "b_consult": "yes",
    "b_involve": "no",
    "b_codecide": "no",
    "b_coimpl": "no",
    "b_empower": "no",
}


def test_section_score_weights_answers_and_leaves_out_unknowns(checklist, answers):
    # c_open w2 yes=1, c_delib w2 partly=0.5, c_carried w2 no=0; c_voice unknown; rest skipped
    given = answers(c_open="yes", c_delib="partly", c_carried="no", c_voice="dont_know")
    section = score_assessment(checklist, given).section("C")
    assert section is not None
    assert section.score == pytest.approx(100 * (2 * 1 + 2 * 0.5 + 2 * 0) / (2 + 2 + 2))
    assert (section.answered, section.total) == (3, 9)
    assert "c_voice" in section.gaps and "c_feedback" in section.gaps
    assert "c_open" not in section.gaps


def test_pitfalls_are_scored_in_reverse(checklist, answers):
    # f_illusion w2 present -> 0; f_conflict w1 absent -> 1; f_form w1.5 partly -> 0.5
    given = answers(f_illusion="yes", f_conflict="no", f_form="partly")
    section = score_assessment(checklist, given).section("F")
    assert section is not None
    assert section.score == pytest.approx(100 * (0 + 1 + 0.75) / (2 + 1 + 1.5))


def test_overall_is_the_mean_of_scored_sections(checklist, answers):
    given = answers(c_open="yes", e_leader="no", f_illusion="dont_know")
    result = score_assessment(checklist, given)
    assert result.section("C").score == 100
    assert result.section("E").score == 0
    assert result.section("F").score is None  # only an unknown answer: no score, a gap
    assert result.overall == pytest.approx(50.0)
    assert result.section("A") is None  # facts, not scored


def test_only_dont_know_gives_no_score_and_no_maturity(checklist):
    unknown = {item.id: Answer("dont_know") for item in checklist.items() if item.scored}
    result = score_assessment(checklist, unknown)
    assert result.overall is None and result.maturity is None
    assert len(result.gaps) == len(unknown)
    assert result.coverage == 0


def test_perfect_answers_reach_the_top_band(checklist, best_answers):
    result = score_assessment(checklist, best_answers)
    assert result.overall == pytest.approx(100)
    assert result.maturity is not None and result.maturity.id == "pg_org"
    assert not result.maturity_capped
    assert result.coverage == 1


def test_maturity_is_capped_when_collaboration_is_not_shown(checklist, best_answers):
    given = best_answers | {k: Answer(v) for k, v in ONLY_COMMENTS.items()}
    result = score_assessment(checklist, given)
    assert result.overall is not None and result.overall >= 80  # score alone would be top band
    assert result.maturity is not None and result.maturity.id == "developing"
    assert result.maturity_capped


@pytest.mark.parametrize(
    ("overall_answer", "band"),
    [("no", "starting"), ("partly", "developing")],
)
def test_bands_follow_the_overall_score(checklist, overall_answer, band):
    given = {
        item.id: Answer(overall_answer if not item.reverse else "yes")
        for item in checklist.items()
        if item.scored
    }
    result = score_assessment(checklist, given)
    assert result.maturity is not None and result.maturity.id == band


def test_an_invalid_rating_is_rejected(checklist, answers):
    with pytest.raises(ValidationError, match="c_open"):
        score_assessment(checklist, answers(c_open="maybe"))


def test_claiming_collaborate_when_the_public_only_comments_is_flagged(checklist, answers):
    given = answers(b_claim="collaborate", **ONLY_COMMENTS)
    result = score_assessment(checklist, given)
    check = result.level_check
    assert (check.claimed, check.shown) == ("collaborate", "consult")
    assert check.flagged
    assert "ร่วมคิดร่วมทำ" in check.message.th and "ปรึกษาหารือ" in check.message.th
    assert "Collaborate" in check.message.en and "Consult" in check.message.en
    assert "สไลด์ 10" in check.message.th and "slide 10" in check.message.en
    assert {8, 9, 10} <= set(check.slides)


def test_an_honest_claim_is_not_flagged(checklist, answers):
    check = score_assessment(checklist, answers(b_claim="consult", **ONLY_COMMENTS)).level_check
    assert not check.flagged and check.shown == "consult"


def test_doing_more_than_claimed_is_not_flagged(checklist, answers):
    given = answers(
        b_claim="inform", b_inform="yes", b_codecide="yes", b_coimpl="yes", e_power="yes"
    )
    check = score_assessment(checklist, given).level_check
    assert check.shown == "collaborate" and not check.flagged


def test_partial_collaboration_does_not_show_the_level(checklist, answers):
    given = answers(b_consult="yes", b_codecide="partly", b_coimpl="partly", e_power="yes")
    assert shown_level(checklist, given) == "consult"
    given = answers(b_consult="yes", b_codecide="yes", b_coimpl="partly", e_power="yes")
    assert shown_level(checklist, given) == "collaborate"


def test_a_claim_without_any_evidence_is_flagged(checklist, answers):
    given = answers(b_claim="involve", b_inform="dont_know", b_consult="no")
    check = score_assessment(checklist, given).level_check
    assert check.shown is None and check.flagged


def test_not_sure_is_no_claim(checklist, answers):
    given = answers(b_claim="unsure", **ONLY_COMMENTS)
    assert claimed_level(checklist, given) is None
    check = score_assessment(checklist, given).level_check
    assert not check.flagged and "ปรึกษาหารือ" in check.message.th


def test_level_check_direct(checklist):
    assert level_check(checklist, "empower", "involve").flagged
    assert not level_check(checklist, "involve", "involve").flagged


def test_result_survives_json(checklist, answers):
    given = answers(b_claim="collaborate", c_open="partly", f_illusion="yes", **ONLY_COMMENTS)
    result = score_assessment(checklist, given)
    restored = AssessmentResult.from_dict(json.loads(json.dumps(result.to_dict())))
    assert restored == result


def test_project_info_reads_section_a(checklist, answers):
    info = project_info(
        checklist, answers(a_name=" ถนนปลอดภัย ", a_agency="อบต.", a_stage="planning")
    )
    assert (info.name, info.agency, info.community) == ("ถนนปลอดภัย", "อบต.", "")
    assert info.stage_label is not None and info.stage_label.en == "Planning"
