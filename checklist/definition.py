"""The checklist definition: typed records loaded from checklist/definition.yaml."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from core.errors import ValidationError

DEFINITION_PATH = Path(__file__).resolve().parent / "definition.yaml"
RATING_VALUES: tuple[str, ...] = ("yes", "partly", "no", "dont_know")
ItemKind = Literal["info", "choice", "rating"]
ITEM_KINDS: tuple[str, ...] = ("info", "choice", "rating")


@dataclass(frozen=True)
class Text:
    """A user-facing text in Thai and English."""

    th: str
    en: str

    def get(self, lang: str = "th") -> str:
        """The text in `lang`, falling back to Thai."""
        return self.en if lang == "en" else self.th


@dataclass(frozen=True)
class Elsewhere:
    """An idea from outside the lecture, always shown with its source (never as the lecture's)."""

    source: str
    text: Text


@dataclass(frozen=True)
class Explanation:
    """What "what does this mean?" shows: the item's concept and an illustrative example."""

    concept: Text
    example: Text  # a made-up case from a Thai agency, shown as an example


@dataclass(frozen=True)
class Choice:
    """One option of a choice item (its id travels in callback data)."""

    id: str
    label: Text


@dataclass(frozen=True)
class Level:
    """One of the lecture's five participation levels (slides 8-9).

    `requires` lists items that must be answered yes or partly for the level to be met
    (a "no" fails it); see `checklist.scoring.shown_level`.
    """

    id: str
    label: Text
    promise: Text
    requires: tuple[str, ...] = ()


@dataclass(frozen=True)
class MaturityLevel:
    """A named band of the overall score."""

    id: str
    min_score: float
    label: Text
    description: Text
    slides: tuple[int, ...]
    requires_level: str | None = None


@dataclass(frozen=True)
class Item:
    """One question of the checklist."""

    id: str
    kind: ItemKind
    question: Text
    help: Text
    slides: tuple[int, ...]
    weight: float = 0.0
    reverse: bool = False
    level: str | None = None
    claims_level: bool = False
    why: Text | None = None
    explain: Explanation | None = None
    elsewhere: Elsewhere | None = None
    advice: Mapping[str, Text] | None = None
    choices: tuple[Choice, ...] = ()

    @property
    def scored(self) -> bool:
        """Whether the item counts towards a section score."""
        return self.kind == "rating"


@dataclass(frozen=True)
class Section:
    """A lettered group of items (A-F)."""

    id: str
    title: Text
    intro: Text
    slides: tuple[int, ...]
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Checklist:
    """The whole checklist as loaded from YAML."""

    id: str
    version: int
    source: str
    title: Text
    answer_labels: Mapping[str, Text]
    level_threshold: float
    levels: tuple[Level, ...]
    maturity: tuple[MaturityLevel, ...]
    sections: tuple[Section, ...]

    def items(self) -> Iterator[Item]:
        """Every item in asking order."""
        for section in self.sections:
            yield from section.items

    def item(self, item_id: str) -> Item:
        """The item with this id; ValidationError if unknown."""
        for item in self.items():
            if item.id == item_id:
                return item
        raise ValidationError(f"unknown checklist item: {item_id!r}")

    def section_of(self, item_id: str) -> Section:
        """The section holding this item."""
        for section in self.sections:
            if any(item.id == item_id for item in section.items):
                return section
        raise ValidationError(f"unknown checklist item: {item_id!r}")

    def level_ids(self) -> list[str]:
        """Participation level ids from lowest (inform) to highest (empower)."""
        return [level.id for level in self.levels]

    def level(self, level_id: str) -> Level:
        """The participation level with this id."""
        for level in self.levels:
            if level.id == level_id:
                return level
        raise ValidationError(f"unknown participation level: {level_id!r}")


def load_checklist(path: Path | str | None = None) -> Checklist:
    """Load and parse the checklist YAML (the bundled one by default).

    Raises:
        ValidationError: the file is missing, not YAML, or lacks a required field.

    """
    source = Path(path) if path is not None else DEFINITION_PATH
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ValidationError(f"cannot read checklist {source.name}: {exc}") from exc
    try:
        return _checklist(raw)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValidationError(f"malformed checklist {source.name}: {exc!r}") from exc


def _text(raw: Mapping[str, Any]) -> Text:
    return Text(th=str(raw.get("th") or ""), en=str(raw.get("en") or ""))


def _checklist(raw: Mapping[str, Any]) -> Checklist:
    return Checklist(
        id=str(raw["id"]),
        version=int(raw["version"]),
        source=str(raw["source"]),
        title=_text(raw["title"]),
        answer_labels={str(k): _text(v) for k, v in raw["answers"].items()},
        level_threshold=float(raw["level_threshold"]),
        levels=tuple(
            Level(
                id=str(lv["id"]),
                label=_text(lv["label"]),
                promise=_text(lv["promise"]),
                requires=tuple(str(i) for i in lv.get("requires", ())),
            )
            for lv in raw["levels"]
        ),
        maturity=tuple(_maturity(m) for m in raw["maturity"]),
        sections=tuple(_section(s) for s in raw["sections"]),
    )


def _maturity(raw: Mapping[str, Any]) -> MaturityLevel:
    return MaturityLevel(
        id=str(raw["id"]),
        min_score=float(raw["min"]),
        label=_text(raw["label"]),
        description=_text(raw["description"]),
        slides=tuple(int(n) for n in raw.get("slides", ())),
        requires_level=raw.get("requires_level"),
    )


def _section(raw: Mapping[str, Any]) -> Section:
    return Section(
        id=str(raw["id"]),
        title=_text(raw["title"]),
        intro=_text(raw["intro"]),
        slides=tuple(int(n) for n in raw.get("slides", ())),
        items=tuple(_item(i) for i in raw["items"]),
    )


def _elsewhere(raw: Mapping[str, Any]) -> Elsewhere:
    return Elsewhere(source=str(raw["source"]), text=_text(raw))


def _explanation(raw: Mapping[str, Any]) -> Explanation:
    return Explanation(concept=_text(raw["concept"]), example=_text(raw["example"]))


def _item(raw: Mapping[str, Any]) -> Item:
    advice = raw.get("advice")
    why = raw.get("why")
    return Item(
        id=str(raw["id"]),
        kind=raw["kind"],
        question=_text(raw["question"]),
        help=_text(raw.get("help") or {}),
        slides=tuple(int(n) for n in raw.get("slides", ())),
        weight=float(raw.get("weight", 0.0)),
        reverse=bool(raw.get("reverse", False)),
        level=raw.get("level"),
        claims_level=bool(raw.get("claims_level", False)),
        why=_text(why) if why is not None else None,
        explain=_explanation(raw["explain"]) if raw.get("explain") else None,
        elsewhere=_elsewhere(raw["elsewhere"]) if raw.get("elsewhere") else None,
        advice={str(k): _text(v) for k, v in advice.items()} if advice else None,
        choices=tuple(
            Choice(id=str(c["id"]), label=_text(c["label"])) for c in raw.get("choices", ())
        ),
    )
