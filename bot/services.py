"""Build the domain services once, from settings (the composition root's wiring)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sqlalchemy.engine import Engine

from core.db import create_tables, make_engine
from core.settings import Settings
from retrieval.embedding_process import ProcessEmbedder
from retrieval.embeddings import Embedder, load_embedder
from retrieval.gate import QuestionGate
from retrieval.generate import LLMGenerator, make_chat_model
from retrieval.hybrid import SearchConfig
from retrieval.kb_admin import KnowledgeAdmin
from retrieval.knowledge_base import KnowledgeBase, index_root
from retrieval.qa import QuestionAnswerer


def limit_threads() -> None:
    """One BLAS thread: on 2 cores, numpy and torch threads fighting triple query latency."""
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def embedder_factory(settings: Settings) -> Callable[[], Embedder]:
    """A deferred model load: commands that never embed never pay for it."""
    if settings.model_process:
        return partial(ProcessEmbedder, settings)
    return partial(load_embedder, settings)


def build_knowledge_base(settings: Settings, root: Path | None = None) -> KnowledgeBase:
    """The knowledge base of the configured model (or of an explicit index root)."""
    kb = KnowledgeBase.from_settings(settings, embedder_factory(settings))
    if root is not None:
        kb = KnowledgeBase(
            index_root(root, settings.embedding_model),
            embedder_factory(settings),
            kb.store,
            settings.source_dir,
        )
    return kb


def build_generator(settings: Settings) -> LLMGenerator | None:
    """The LLM composer when LLM_BASE_URL and LLM_MODEL are set, else None."""
    if not (settings.llm_base_url and settings.llm_model):
        return None
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    chat = make_chat_model(
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        api_key=key,
        timeout_s=settings.llm_timeout_s,
    )
    return LLMGenerator(chat)


@dataclass
class QAServices:
    """What the CLI and the bot need for questions."""

    knowledge_base: KnowledgeBase
    answerer: QuestionAnswerer


def build_qa(settings: Settings, knowledge_base: KnowledgeBase | None = None) -> QAServices:
    """Knowledge base + question answerer wired from settings."""
    kb = knowledge_base or build_knowledge_base(settings)
    answerer = QuestionAnswerer(
        kb, generator=build_generator(settings), cache_dir=settings.models_dir / "cache"
    )
    return QAServices(kb, answerer)


def build_knowledge_admin(
    settings: Settings,
    knowledge_base: KnowledgeBase | None = None,
    *,
    engine: Engine | None = None,
    search_config: SearchConfig | None = None,
) -> KnowledgeAdmin:
    """Staging, the test-question gate, go-live and the audit log over one knowledge base.

    Pass the answerer's knowledge base and search settings so the gate searches exactly as
    the answers do, and the bot's engine so its tables live in the bot's database.
    """
    kb = knowledge_base or build_knowledge_base(settings)
    if engine is None:  # the bot's engine was migrated at start-up; the CLI's is new
        engine = make_engine(settings.resolved_database_url)
        create_tables(engine)
    return KnowledgeAdmin(kb, engine, QuestionGate(lambda: kb.embedder, search_config))
