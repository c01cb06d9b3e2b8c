"""Pure advice: the few next actions that would improve the project most."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from checklist import texts
from checklist.definition import Checklist, Elsewhere, Item, Text
from checklist.results import DONT_KNOW, Answer, AssessmentResult
from checklist.scoring import item_score

UNKNOWN_GAP = 0.5  # not knowing is a gap worth closing, but less urgent than a known "no"
PER_SECTION = 2  # spread the advice: at most two actions from one section while others wait
LEVEL_ACTION_ID = "level"


@dataclass(frozen=True)
class Action:
    """One recommended next step, with the lecture's reasoning and its slides."""

    item_id: str
    section_id: str
    answer: str | None
    text: Text
    why: Text
    slides: tuple[int, ...]
    priority: float
    elsewhere: Elsewhere | None = None  # an idea from outside the lecture, with its source


def next_actions(
    checklist: Checklist,
    answers: Mapping[str, Answer],
    result: AssessmentResult,
    k: int = 5,
) -> list[Action]:
    """The k most useful actions, ranked by weight x gap (a flagged level claim comes first).

    Args:
        checklist: the definition the answers belong to.
        answers: item id -> answer.
        result: the scored assessment (for the level check).
        k: how many actions at most (the report uses 3-5).

    """
    if k < 1:
        raise ValueError("k must be at least 1")
    candidates = [a for a in (_item_action(checklist, i, answers) for i in _rated(checklist)) if a]
    ranked = sorted(candidates, key=lambda a: -a.priority)  # stable: ties keep asking order
    level = _level_action(checklist, result, ranked)
    return _spread([level, *ranked] if level else ranked, k)


def _rated(checklist: Checklist) -> list[Item]:
    return [item for item in checklist.items() if item.scored]


def _item_action(checklist: Checklist, item: Item, answers: Mapping[str, Answer]) -> Action | None:
    answer = answers.get(item.id)
    score = item_score(item, answer)
    gap = UNKNOWN_GAP if score is None else 1.0 - score
    if gap <= 0 or item.advice is None or item.why is None:
        return None
    value = answer.value if answer else None
    return Action(
        item_id=item.id,
        section_id=checklist.section_of(item.id).id,
        answer=value,
        text=item.advice[value if value is not None else DONT_KNOW],
        why=item.why,
        slides=item.slides,
        priority=round(item.weight * gap, 6),
        elsewhere=item.elsewhere,
    )


def _spread(ranked: list[Action], k: int) -> list[Action]:
    """Take the best actions, at most PER_SECTION per section, then fill up if short."""
    chosen: list[Action] = []
    per_section: dict[str, int] = {}
    for action in ranked:
        if len(chosen) < k and per_section.get(action.section_id, 0) < PER_SECTION:
            chosen.append(action)
            per_section[action.section_id] = per_section.get(action.section_id, 0) + 1
    leftovers = [a for a in ranked if a not in chosen]
    chosen += leftovers[: k - len(chosen)]
    return sorted(chosen, key=lambda a: -a.priority)


def _level_action(
    checklist: Checklist, result: AssessmentResult, ranked: list[Action]
) -> Action | None:
    check = result.level_check
    if not check.flagged or check.claimed is None:
        return None
    fill = {
        lang: {
            "claimed": checklist.level(check.claimed).label.get(lang),
            "shown": checklist.level(check.shown).label.get(lang)
            if check.shown
            else texts.NO_LEVEL.get(lang),
        }
        for lang in ("th", "en")
    }
    top = ranked[0].priority if ranked else 0.0
    return Action(
        item_id=LEVEL_ACTION_ID,
        section_id="B",
        answer=check.claimed,
        text=Text(**{lang: texts.LEVEL_ACTION.get(lang).format(**fill[lang]) for lang in fill}),
        why=texts.LEVEL_ACTION_WHY,
        slides=check.slides,
        priority=top + 1.0,
    )
