"""The dependency rule, enforced by reading every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "knowledge", "retrieval", "quizzes", "checklist", "bot")
# Which first-party packages each package may import (the arrows of DEVELOPERS.md).
ALLOWED = {
    "core": {"core"},
    "knowledge": {"core", "knowledge"},
    "retrieval": {"core", "knowledge", "retrieval"},
    "quizzes": {"core", "quizzes"},
    "checklist": {"core", "checklist"},
    "bot": set(PACKAGES),
}
# Heavy libraries live behind exactly one module (or one package for langchain/telegram).
HEAVY_HOMES = {
    "chromadb": {"retrieval/vector_store.py"},
    "sentence_transformers": {"retrieval/embeddings.py"},
    "pythainlp": {"knowledge/thai.py"},
}
PACKAGE_HOMES = {
    "telegram": "bot/",
    "langchain_core": "retrieval/",
    "langchain_openai": "retrieval/",
    "langchain_chroma": "retrieval/",
    "langchain_text_splitters": "retrieval/",
}


def _imports(path: Path) -> set[str]:
    """Top-level names of every module the file imports (absolute imports only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_module_respects_the_dependency_rule(path: Path) -> None:
    package = path.relative_to(ROOT).parts[0]
    first_party = _imports(path) & set(PACKAGES)
    forbidden = first_party - ALLOWED[package]
    assert not forbidden, f"{package} must not import {sorted(forbidden)}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_heavy_libraries_stay_in_their_home(path: Path) -> None:
    relative = path.relative_to(ROOT).as_posix()
    imported = _imports(path)
    for library, homes in HEAVY_HOMES.items():
        if library in imported:
            assert relative in homes, f"{library} may only be imported in {sorted(homes)}"
    for library, home in PACKAGE_HOMES.items():
        if library in imported:
            assert relative.startswith(home), f"{library} may only be imported under {home}"


def test_the_rule_catches_a_violation(tmp_path: Path) -> None:
    """The checker itself must see an upward import (guards against a vacuous test)."""
    bad = tmp_path / "bad.py"
    bad.write_text("from bot.app import build_application\nimport telegram\n", encoding="utf-8")
    assert {"bot", "telegram"} <= _imports(bad)
