"""Pure scoring: section scores, overall maturity and the claimed-versus-shown level check."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from checklist import texts
from checklist.definition import (
    RATING_VALUES,
    Checklist,
    Item,
    Level,
    MaturityLevel,
    Section,
    Text,
)
from checklist.results import (
    DONT_KNOW,
    Answer,
    AssessmentResult,
    ItemResult,
    LevelCheck,
    SectionScore,
)
from core.errors import ValidationError

ANSWER_SCORES: Mapping[str, float] = {"yes": 1.0, "partly": 0.5, "no": 0.0}
LEVEL_SLIDES: tuple[int, ...] = (8, 9, 10)
PG_LEVEL = "collaborate"  # slide 10: participatory governance is level 4


@dataclass(frozen=True)
class ProjectInfo:
    """Section A answers: what the project is."""

    name: str = ""
    agency: str = ""
    community: str = ""
    stage: str | None = None
    stage_label: Text | None = None


def item_score(item: Item, answer: Answer | None) -> float | None:
    """0..1 for a rating answer (reversed for pitfalls); None when unknown or skipped.

    Raises:
        ValidationError: the value is not one of yes / partly / no / dont_know.

    """
    if answer is None or answer.value == DONT_KNOW:
        return None
    if answer.value not in ANSWER_SCORES:
        raise ValidationError(f"item {item.id}: answer must be one of {RATING_VALUES}")
    score = ANSWER_SCORES[answer.value]
    return 1.0 - score if item.reverse else score


def score_section(section: Section, answers: Mapping[str, Answer]) -> SectionScore | None:
    """Weighted 0-100 score over answered items; None for a section without rating items."""
    rated = [item for item in section.items if item.scored]
    if not rated:
        return None
    weighted, total_weight, gaps = 0.0, 0.0, []
    for item in rated:
        score = item_score(item, answers.get(item.id))
        if score is None:
            gaps.append(item.id)
            continue
        weighted += item.weight * score
        total_weight += item.weight
    return SectionScore(
        section_id=section.id,
        title=section.title,
        score=100.0 * weighted / total_weight if total_weight else None,
        answered=len(rated) - len(gaps),
        total=len(rated),
        gaps=tuple(gaps),
    )


def score_assessment(checklist: Checklist, answers: Mapping[str, Answer]) -> AssessmentResult:
    """Score a whole assessment: sections, overall, maturity and level check."""
    sections = [s for s in (score_section(x, answers) for x in checklist.sections) if s]
    known = [s.score for s in sections if s.score is not None]
    overall = sum(known) / len(known) if known else None
    shown = shown_level(checklist, answers)
    maturity, capped = maturity_for(checklist, overall, shown)
    return AssessmentResult(
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        sections=tuple(sections),
        overall=overall,
        maturity=maturity,
        maturity_capped=capped,
        level_check=level_check(checklist, claimed_level(checklist, answers), shown),
        items=tuple(_item_results(checklist, answers)),
    )


def _item_results(checklist: Checklist, answers: Mapping[str, Answer]) -> list[ItemResult]:
    results = []
    for section in checklist.sections:
        for item in (i for i in section.items if i.scored):
            answer = answers.get(item.id)
            results.append(
                ItemResult(
                    item_id=item.id,
                    section_id=section.id,
                    value=answer.value if answer else None,
                    score=item_score(item, answer),
                    weight=item.weight,
                )
            )
    return results


def claimed_level(checklist: Checklist, answers: Mapping[str, Answer]) -> str | None:
    """The level the official says the project reaches (None if not stated or unsure)."""
    for item in checklist.items():
        answer = answers.get(item.id)
        if item.claims_level and answer and answer.value in checklist.level_ids():
            return answer.value
    return None


LevelStatus = Literal["met", "failed", "unknown"]


def level_status(checklist: Checklist, level: Level, answers: Mapping[str, Answer]) -> LevelStatus:
    """Whether the answers meet a level, fail it, or do not tell (see `shown_level`)."""
    required = [answers.get(item_id) for item_id in level.requires]
    if any(answer is not None and answer.value == "no" for answer in required):
        return "failed"
    evidence = [item for item in checklist.items() if item.level == level.id]
    scored = [(i.weight, item_score(i, answers.get(i.id))) for i in evidence]
    known = [(w, s) for w, s in scored if s is not None]
    weight = sum(w for w, _ in known)
    if not weight:
        return "unknown"
    if sum(w * s for w, s in known) / weight < checklist.level_threshold:
        return "failed"
    if any(answer is None or answer.value not in ("yes", "partly") for answer in required):
        return "unknown"
    return "met"


def shown_level(checklist: Checklist, answers: Mapping[str, Answer]) -> str | None:
    """The participation level the answers show: one rule, climbing from inform upwards.

    1. A level is *met* when its evidence items (those tagged with the level) average at
       least `level_threshold` over the answered ones (yes 1, partly 0.5, no 0; "don't
       know" and skipped left out) and every item it `requires` is answered yes or partly.
    2. It is *failed* when its answered evidence averages below the threshold or a
       required item is answered "no"; otherwise (nothing answered) it is *unknown*.
    3. The shown level is the highest met level with no failed level below it: the climb
       stops at the first failed level; unknown levels are passed over, never shown.

    So "no" to deciding jointly (b_codecide) or to sharing power (e_power), both required
    by collaborate and empower, can never show either of them (slides 10, 21).
    """
    shown = None
    for level in checklist.levels:
        status = level_status(checklist, level, answers)
        if status == "failed":
            break
        if status == "met":
            shown = level.id
    return shown


def level_check(checklist: Checklist, claimed: str | None, shown: str | None) -> LevelCheck:
    """Compare the claimed level with the shown one; flag a claim above what is shown."""
    order = checklist.level_ids()
    names = {lv.id: lv.label for lv in checklist.levels}
    fill = {
        lang: {
            "claimed": names[claimed].get(lang) if claimed else "",
            "shown": names[shown].get(lang) if shown else texts.NO_LEVEL.get(lang),
            "promise": checklist.level(shown).promise.get(lang) if shown else "",
        }
        for lang in ("th", "en")
    }
    template, flagged = _level_template(order, claimed, shown)
    message = Text(**{lang: template.get(lang).format(**fill[lang]) for lang in ("th", "en")})
    if flagged and claimed is not None and order.index(claimed) >= order.index(PG_LEVEL):
        note = texts.LEVEL_PG_NOTE
        message = Text(th=message.th + note.th, en=message.en + note.en)
    slides = (*LEVEL_SLIDES, 22) if flagged else LEVEL_SLIDES
    return LevelCheck(claimed, shown, flagged, message, slides)


def _level_template(order: list[str], claimed: str | None, shown: str | None) -> tuple[Text, bool]:
    if claimed is None:
        return (texts.LEVEL_UNCLAIMED if shown else texts.LEVEL_UNCLAIMED_NONE), False
    if shown is None:
        return texts.LEVEL_NONE, True
    if order.index(claimed) > order.index(shown):
        return texts.LEVEL_ABOVE, True
    if order.index(claimed) < order.index(shown):
        return texts.LEVEL_BELOW, False
    return texts.LEVEL_MATCH, False


def maturity_for(
    checklist: Checklist, overall: float | None, shown: str | None
) -> tuple[MaturityLevel | None, bool]:
    """The maturity band for the overall score, capped when the level it needs is not shown."""
    if overall is None:
        return None, False
    bands = [band for band in checklist.maturity if band.min_score <= overall]
    best = bands[-1]
    allowed = [b for b in bands if _level_reached(checklist, b.requires_level, shown)] or bands[:1]
    return allowed[-1], allowed[-1] is not best


def _level_reached(checklist: Checklist, required: str | None, shown: str | None) -> bool:
    if required is None:
        return True
    order = checklist.level_ids()
    return shown is not None and order.index(shown) >= order.index(required)


def project_info(checklist: Checklist, answers: Mapping[str, Answer]) -> ProjectInfo:
    """Section A answers as a ProjectInfo (empty strings where not answered)."""

    def value(item_id: str) -> str:
        answer = answers.get(item_id)
        return answer.value.strip() if answer else ""

    stage = value("a_stage") or None
    choices = {c.id: c.label for c in checklist.item("a_stage").choices}
    return ProjectInfo(
        name=value("a_name"),
        agency=value("a_agency"),
        community=value("a_community"),
        stage=stage,
        stage_label=choices.get(stage) if stage else None,
    )
