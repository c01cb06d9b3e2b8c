"""Questions each unit of a document answers, written in a file beside it (multi-vector retrieval).

Convention: a document ``X.md`` (any ``X.<suffix>``) may have ``X.questions.yaml`` beside it::

    units:
      slide 4:
        - การบริหารราชการแบบมีส่วนร่วมคืออะไร
        - What is participatory governance?

An optional ``translations:`` mapping, keyed the same way, gives an English rendering of a
unit, one fact per line (for English questions on Thai material).

Keys name a unit the way citations do ("slide 4", "page 2", "section 3"; Thai "สไลด์ 4",
"หน้า 2", "ส่วนที่ 3" too). Such a file is not a document: loaders skip it and attach its
questions to the document beside it.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from core.errors import CorruptFileError
from knowledge.models import Locator, Unit
from knowledge.thai import normalize

QUESTIONS_SUFFIX = ".questions.yaml"
MAX_QUESTION_CHARS = 500
_UNIT_NAMES: dict[str, Unit] = {
    "slide": "slide",
    "สไลด์": "slide",
    "page": "page",
    "หน้า": "page",
    "section": "section",
    "ส่วนที่": "section",
}
_KEY = re.compile(r"^(?P<unit>slide|page|section|สไลด์|หน้า|ส่วนที่)\s*(?P<number>\d+)$", re.I)


def is_questions_file(path: Path) -> bool:
    """Whether the file is a unit-questions file (``X.questions.yaml``), not a document."""
    return path.name.lower().endswith(QUESTIONS_SUFFIX) and len(path.name) > len(QUESTIONS_SUFFIX)


def questions_path(document: Path) -> Path:
    """Where the questions of a document are written: ``X.md`` -> ``X.questions.yaml``."""
    return document.with_name(document.stem + QUESTIONS_SUFFIX)


def load_unit_questions(
    path: Path, units: Collection[Locator] | None = None
) -> dict[Locator, list[str]]:
    """Read a unit-questions file: each unit's questions, whitespace tidied, repeats dropped.

    Args:
        path: The ``X.questions.yaml`` file.
        units: The document's units; when given, a key naming any other unit is an error.

    Raises:
        CorruptFileError: The file cannot be read, is not valid YAML, has no ``units``
            mapping, names an unknown unit, or holds a question that is not a non-empty
            string of at most MAX_QUESTION_CHARS characters.

    """
    return load_unit_file(path, units)[0]


def load_unit_file(
    path: Path, units: Collection[Locator] | None = None
) -> tuple[dict[Locator, list[str]], dict[Locator, list[str]]]:
    """Each unit's questions and its optional English rendering (``translations:``), read once.

    Raises:
        CorruptFileError: As `load_unit_questions`; ``translations``, when present, is checked
            the same way.

    """
    data = _read_yaml(path)
    raw_units = data.get("units") if isinstance(data, dict) else None
    if not isinstance(raw_units, dict) or not raw_units:
        raise CorruptFileError(path, "expected a non-empty 'units:' mapping of unit -> questions")
    raw_lines = data.get("translations")
    if raw_lines is not None and (not isinstance(raw_lines, dict) or not raw_lines):
        raise CorruptFileError(path, "expected 'translations:' to map unit -> lines")
    return _per_unit(path, raw_units, units), _per_unit(path, raw_lines or {}, units)


def _per_unit(
    path: Path, raw: dict[Any, Any], units: Collection[Locator] | None
) -> dict[Locator, list[str]]:
    """Texts keyed by unit, each key checked against the document's units."""
    texts: dict[Locator, list[str]] = {}
    for key, items in raw.items():
        locator = _locator(path, key)
        if units is not None and locator not in units:
            raise CorruptFileError(path, f"'{key}': the document has no such unit")
        if locator in texts:
            raise CorruptFileError(path, f"'{key}': the unit appears twice")
        texts[locator] = _questions(path, key, items)
    return texts


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise CorruptFileError(path, f"cannot read the file ({error.strerror})") from error
    except UnicodeDecodeError:
        raise CorruptFileError(path, "the file is not UTF-8 text") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise CorruptFileError(path, f"invalid YAML{where}") from None


def _locator(path: Path, key: object) -> Locator:
    match = _KEY.match(normalize(str(key)))
    unit = _UNIT_NAMES.get(match.group("unit").lower()) if match else None
    if match is None or unit is None or int(match.group("number")) < 1:
        raise CorruptFileError(path, f"'{key}' is not a unit such as 'slide 4' or 'page 2'")
    return Locator(unit, int(match.group("number")))


def _questions(path: Path, key: object, items: object) -> list[str]:
    if not isinstance(items, list) or not items:
        raise CorruptFileError(path, f"'{key}': expected a non-empty list of questions")
    questions: list[str] = []
    for item in items:
        text = normalize(item) if isinstance(item, str) else ""
        if not text:
            raise CorruptFileError(path, f"'{key}': every question must be non-empty text")
        if len(text) > MAX_QUESTION_CHARS:
            raise CorruptFileError(path, f"'{key}': a question is over {MAX_QUESTION_CHARS} chars")
        if text not in questions:
            questions.append(text)
    return questions
