"""Checks a checklist definition: complete in both languages, valid weights, real slides."""

from __future__ import annotations

from checklist.definition import ITEM_KINDS, RATING_VALUES, Checklist, Item, Text

REQUIRED_SECTIONS: tuple[str, ...] = ("A", "B", "C", "D", "E", "F")
MAX_ID_LENGTH = 16  # ids travel in 64-byte Telegram callback data
MAX_BUTTON_LABEL = 30
UNSURE_CHOICE = "unsure"


def validate_checklist(checklist: Checklist, known_slides: set[tuple[str, int]]) -> list[str]:
    """List every problem in the definition (empty when valid).

    Args:
        checklist: the loaded checklist.
        known_slides: (doc id, slide number) pairs that exist in the knowledge base.

    """
    problems: list[str] = []
    problems += _check_top(checklist, known_slides)
    seen: set[str] = set()
    for section in checklist.sections:
        problems += _check_texts(f"section {section.id}", title=section.title, intro=section.intro)
        problems += _check_slides(f"section {section.id}", section.slides, checklist, known_slides)
        for item in section.items:
            if item.id in seen:
                problems.append(f"item {item.id}: duplicate id")
            seen.add(item.id)
            problems += _check_item(item, checklist, known_slides)
    problems += _check_levels(checklist)
    return problems


def _check_top(checklist: Checklist, known: set[tuple[str, int]]) -> list[str]:
    problems = _check_texts("checklist", title=checklist.title)
    ids = [s.id for s in checklist.sections]
    if ids != list(REQUIRED_SECTIONS):
        problems.append(f"sections must be {', '.join(REQUIRED_SECTIONS)} in order, got {ids}")
    for value in RATING_VALUES:
        label = checklist.answer_labels.get(value)
        if label is None:
            problems.append(f"answer label {value!r} missing")
            continue
        problems += _check_texts(f"answer {value}", label=label)
        problems += _check_button(f"answer {value}", label)
    if not 0 < checklist.level_threshold <= 1:
        problems.append("level_threshold must be in (0, 1]")
    for band in checklist.maturity:
        where = f"maturity {band.id}"
        problems += _check_texts(where, label=band.label, description=band.description)
        problems += _check_slides(where, band.slides, checklist, known)
    mins = [band.min_score for band in checklist.maturity]
    if not mins or mins[0] != 0 or mins != sorted(mins) or mins[-1] >= 100:
        problems.append("maturity bands must start at 0 and rise below 100")
    return problems


def _check_item(item: Item, checklist: Checklist, known: set[tuple[str, int]]) -> list[str]:
    where = f"item {item.id}"
    problems = _check_texts(where, question=item.question, help=item.help)
    if not _is_short_ascii_id(item.id):
        problems.append(f"{where}: id must be lowercase ASCII, at most {MAX_ID_LENGTH} chars")
    if item.kind not in ITEM_KINDS:
        problems.append(f"{where}: unknown kind {item.kind!r}")
    problems += _check_slides(where, item.slides, checklist, known)
    if item.kind == "rating":
        problems += _check_rating(where, item)
    elif item.reverse or item.level:
        problems.append(f"{where}: only rating items can be reversed or evidence a level")
    if item.kind == "choice":
        problems += _check_choices(where, item)
    if item.level is not None and item.level not in checklist.level_ids():
        problems.append(f"{where}: unknown level {item.level!r}")
    if item.explain is None:
        problems.append(f"{where}: no explanation (concept and example)")
    else:
        explain = item.explain
        problems += _check_texts(where, concept=explain.concept, example=explain.example)
        if explain.concept == item.help:
            problems.append(f"{where}: the explanation repeats the hint")
    return problems


def _check_rating(where: str, item: Item) -> list[str]:
    problems: list[str] = []
    if not item.weight > 0:
        problems.append(f"{where}: weight must be > 0")
    if item.why is None:
        problems.append(f"{where}: 'why' (lecture reasoning) missing")
    else:
        problems += _check_texts(where, why=item.why)
    advice = item.advice or {}
    for value in RATING_VALUES:
        if value not in advice:
            problems.append(f"{where}: advice for {value!r} missing")
        else:
            problems += _check_texts(where, **{f"advice.{value}": advice[value]})
    return problems


def _check_choices(where: str, item: Item) -> list[str]:
    problems: list[str] = []
    if len(item.choices) < 2:
        problems.append(f"{where}: a choice item needs at least two choices")
    ids = [c.id for c in item.choices]
    if len(set(ids)) != len(ids):
        problems.append(f"{where}: duplicate choice ids")
    for choice in item.choices:
        if not _is_short_ascii_id(choice.id):
            problems.append(f"{where}: choice id {choice.id!r} must be short lowercase ASCII")
        problems += _check_texts(f"{where} choice {choice.id}", label=choice.label)
        problems += _check_button(f"{where} choice {choice.id}", choice.label)
    return problems


def _check_levels(checklist: Checklist) -> list[str]:
    problems: list[str] = []
    for level in checklist.levels:
        problems += _check_texts(f"level {level.id}", label=level.label, promise=level.promise)
        if not any(item.level == level.id for item in checklist.items()):
            problems.append(f"level {level.id}: no item evidences it")
        rated = {item.id for item in checklist.items() if item.scored and not item.reverse}
        for item_id in level.requires:
            if item_id not in rated:
                problems.append(f"level {level.id}: requires {item_id!r}, not a rating item")
    claims = [item for item in checklist.items() if item.claims_level]
    if len(claims) != 1:
        problems.append(f"exactly one item must claim a level, found {len(claims)}")
    allowed = {*checklist.level_ids(), UNSURE_CHOICE}
    for item in claims:
        unknown = {c.id for c in item.choices} - allowed
        if item.kind != "choice" or unknown:
            problems.append(f"item {item.id}: claimed-level choices must be level ids")
    for band in checklist.maturity:
        if band.requires_level and band.requires_level not in checklist.level_ids():
            problems.append(f"maturity {band.id}: unknown level {band.requires_level!r}")
    return problems


def _check_texts(where: str, **texts: Text) -> list[str]:
    return [
        f"{where}: {name} missing in {lang}"
        for name, text in texts.items()
        for lang in ("th", "en")
        if not getattr(text, lang).strip()
    ]


def _check_button(where: str, label: Text) -> list[str]:
    too_long = [lang for lang in ("th", "en") if len(label.get(lang)) > MAX_BUTTON_LABEL]
    return [f"{where}: button label too long in {lang}" for lang in too_long]


def _check_slides(
    where: str, slides: tuple[int, ...], checklist: Checklist, known: set[tuple[str, int]]
) -> list[str]:
    if not slides:
        return [f"{where}: cites no slide"]
    missing = [n for n in slides if (checklist.source, n) not in known]
    return [f"{where}: slide {n} does not exist in {checklist.source}" for n in missing]


def _is_short_ascii_id(value: str) -> bool:
    return (
        0 < len(value) <= MAX_ID_LENGTH
        and value.isascii()
        and value[0].isalpha()
        and all(ch.islower() or ch.isdigit() or ch == "_" for ch in value)
    )
