"""The model in its own process: same vectors as in-process, and it comes back after a crash."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import numpy as np
import pytest

from bot.cli.run import with_serving_threads
from bot.services import embedder_factory
from core.errors import EmbeddingModelError
from core.settings import Settings
from retrieval.embedding_process import ProcessEmbedder
from retrieval.embeddings import load_embedder

QUESTIONS = ["การมีส่วนร่วมของประชาชนมีกี่ระดับ", "What is participatory governance?"]
PASSAGES = ["ระดับที่ 1 การให้ข้อมูลข่าวสาร ระดับที่ 2 การรับฟังความคิดเห็น", "hello world"]


@pytest.fixture(scope="module")
def model_settings(tmp_path_factory: pytest.TempPathFactory, models_dir) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        ruamkit_data_dir=tmp_path_factory.mktemp("data"),
        ruamkit_models_dir=models_dir,
        model_threads=1,
    )


@pytest.fixture(scope="module")
def remote(model_settings: Settings) -> Iterator[ProcessEmbedder]:
    embedder = ProcessEmbedder(model_settings)
    yield embedder
    embedder.close()


def test_vectors_and_token_counts_equal_the_in_process_model(remote, model_settings):
    local = load_embedder(model_settings)
    assert remote.pid is not None and remote.pid != os.getpid()
    assert (remote.model_id, remote.dimension) == (local.model_id, local.dimension)
    np.testing.assert_allclose(
        remote.embed_queries(QUESTIONS), local.embed_queries(QUESTIONS), atol=1e-6
    )
    np.testing.assert_allclose(
        remote.embed_passages(PASSAGES), local.embed_passages(PASSAGES), atol=1e-6
    )
    assert remote.count_tokens(PASSAGES[0]) == local.count_tokens(PASSAGES[0])
    assert remote.embed_queries([]).shape == (0, remote.dimension)


def test_a_killed_model_process_is_replaced_by_the_next_request(remote):
    before = remote.embed_queries(QUESTIONS[:1])
    old_pid = remote.pid
    assert old_pid is not None
    os.kill(old_pid, signal.SIGKILL)
    after = remote.embed_queries(QUESTIONS[:1])
    assert remote.pid not in (None, old_pid)
    np.testing.assert_allclose(before, after, atol=1e-6)


def test_a_bad_request_fails_alone_and_the_model_stays_up(remote):
    pid = remote.pid
    with pytest.raises(EmbeddingModelError):
        remote.count_tokens(None)  # type: ignore[arg-type]
    assert remote.pid == pid
    assert remote.embed_queries(QUESTIONS).shape == (2, remote.dimension)


def test_a_model_that_cannot_load_is_reported_not_hung(model_settings, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("the model folder cannot be made here")
    broken = model_settings.model_copy(update={"ruamkit_models_dir": blocked})
    with pytest.raises(EmbeddingModelError):
        ProcessEmbedder(broken)


def test_a_serving_bot_runs_the_model_in_a_process_unless_told_otherwise(settings):
    assert with_serving_threads(settings).model_process is True
    assert embedder_factory(with_serving_threads(settings)).func is ProcessEmbedder  # type: ignore[attr-defined]
    told = settings.model_copy(update={"model_process": False})
    assert with_serving_threads(told).model_process is False
    assert embedder_factory(settings).func is load_embedder  # type: ignore[attr-defined]
