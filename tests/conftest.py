"""Shared fixtures: a real settings object in a temporary data dir, and the real model folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from core.settings import Settings

REPO_ROOT = Path(__file__).resolve().parent.parent
# The converted embedding model is ~470 MB and takes seconds to build: tests share one copy
# under the git-ignored var/ folder instead of rebuilding it per test.
TEST_MODELS_DIR = Path(
    os.environ.get("RUAMKIT_TEST_MODELS_DIR", REPO_ROOT / "var" / "test-models")
)
os.environ.setdefault("PYTHAINLP_DATA", str(REPO_ROOT / "var" / "pythainlp"))


@pytest.fixture(scope="session")
def models_dir() -> Path:
    """The shared folder where the converted default model lives for tests."""
    TEST_MODELS_DIR.mkdir(parents=True, exist_ok=True)
    return TEST_MODELS_DIR


@pytest.fixture
def settings(tmp_path: Path, models_dir: Path) -> Settings:
    """Settings pointing at a fresh data dir (shared model folder), no .env, no token."""
    return Settings(  # type: ignore[call-arg]
        _env_file=None, ruamkit_data_dir=tmp_path / "data", ruamkit_models_dir=models_dir
    )


@pytest.fixture(scope="session")
def lecture_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data dir whose index, built once from the lecture, the session's tests share."""
    return tmp_path_factory.mktemp("lecture-kb")


@pytest.fixture(scope="session")
def lecture_answerer(lecture_data_dir: Path, models_dir: Path) -> Any:
    """The real question answerer over the shipped lecture, built once per test session."""
    from bot.services import build_qa, limit_threads

    limit_threads()
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, ruamkit_data_dir=lecture_data_dir, ruamkit_models_dir=models_dir
    )
    answerer = build_qa(settings).answerer
    answerer.warm_up()
    return answerer


POSTGRES_URL = os.environ.get(
    "RUAMKIT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@pytest.fixture
def postgres_url() -> Any:
    """A DATABASE_URL on the real local PostgreSQL, confined to a fresh schema dropped after."""
    import uuid

    from sqlalchemy import create_engine, text

    schema = f"ruamkit_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:  # a developer machine without PostgreSQL: skip; CI: fail
        admin.dispose()
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI and not reachable at {POSTGRES_URL}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}: {error.__class__.__name__}")
    try:
        yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
