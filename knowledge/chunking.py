"""Cut documents into passages small enough to embed, never across a slide, page or heading.

Inside a section, text is cut at sentence boundaries (knowledge.thai.sentence_spans) and
whole sentences are packed up to ``target_tokens``; a sentence longer than ``max_tokens``
is cut between newmm words. Chunks are slices of the section's text, so they keep its
wording and line breaks exactly.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable

from knowledge import thai
from knowledge.models import Chunk, SourceDocument
from knowledge.structure import plain_text

TokenCounter = Callable[[str], int]
Span = tuple[int, int]

_THAI_CHAR = re.compile(r"[\u0e00-\u0e7f]")


def estimate_tokens(text: str) -> int:
    """Conservative XLM-R token count: 0.25 per Thai character, 0.3 per other, rounded up.

    The multilingual-E5 tokenizer spends ~0.225 tokens per Thai character and ~0.25 per
    English one, so this over-counts a little and keeps chunks under the model's limit
    when the real tokenizer is not at hand.
    """
    thai_chars = len(_THAI_CHAR.findall(text))
    return math.ceil(0.25 * thai_chars + 0.3 * (len(text) - thai_chars))


def chunk_document(
    document: SourceDocument,
    *,
    count_tokens: TokenCounter | None = None,
    max_tokens: int = 480,
    target_tokens: int = 200,
) -> list[Chunk]:
    """Cut a document into chunks; each keeps its section's locator and heading.

    Args:
        document: The loaded document.
        count_tokens: Counts a text's tokens; defaults to estimate_tokens. Pass the
            embedding model's tokenizer for exact limits.
        max_tokens: No chunk is longer than this.
        target_tokens: Sentences are packed up to this size (at most max_tokens); a
            section within it stays one chunk.

    Raises:
        ValueError: A limit is not positive.

    """
    if max_tokens <= 0 or target_tokens <= 0:
        raise ValueError("max_tokens and target_tokens must be positive")
    target_tokens = min(target_tokens, max_tokens)
    counter = count_tokens or estimate_tokens
    chunks: list[Chunk] = []
    for section in document.sections:
        # Markup (bullets, table pipes) helps no retriever: chunks hold the plain words.
        texts = split_text(plain_text(section.text), counter, max_tokens, target_tokens)
        chunks.extend(
            Chunk(
                doc=document.doc,
                title=document.title,
                locator=section.locator,
                text=text,
                ordinal=ordinal,
                heading=section.heading,
            )
            for ordinal, text in enumerate(texts)
        )
    return chunks


def chunk_documents(
    documents: Iterable[SourceDocument],
    *,
    count_tokens: TokenCounter | None = None,
    max_tokens: int = 480,
    target_tokens: int = 200,
) -> list[Chunk]:
    """Chunk several documents (same arguments as chunk_document), in order."""
    return [
        chunk
        for document in documents
        for chunk in chunk_document(
            document, count_tokens=count_tokens, max_tokens=max_tokens, target_tokens=target_tokens
        )
    ]


def split_text(text: str, counter: TokenCounter, max_tokens: int, target_tokens: int) -> list[str]:
    """Cut one section's text into pieces at sentence, then word boundaries (see module doc)."""
    text = text.strip()
    if not text:
        return []
    if counter(text) <= target_tokens:
        return [text]
    units: list[Span] = []
    for span in thai.sentence_spans(text):
        if counter(text[span[0] : span[1]]) <= max_tokens:
            units.append(span)
        else:
            units.extend(_split_sentence(text, span, counter, max_tokens, target_tokens))
    packed = _pack(text, units, counter, target_tokens)
    return [text[start:end] for start, end in _merge_short_tail(text, packed, counter, max_tokens)]


def _pack(text: str, units: list[Span], counter: TokenCounter, budget: int) -> list[Span]:
    """Greedily join consecutive units while the joined slice stays within the budget."""
    packed: list[Span] = []
    start, end = units[0]
    for unit_start, unit_end in units[1:]:
        if counter(text[start:unit_end]) <= budget:
            end = unit_end
        else:
            packed.append((start, end))
            start, end = unit_start, unit_end
    packed.append((start, end))
    return packed


def _merge_short_tail(
    text: str, spans: list[Span], counter: TokenCounter, max_tokens: int
) -> list[Span]:
    """Join a last fragment much smaller than its neighbour onto it when that still fits."""
    if len(spans) < 2:
        return spans
    (prev_start, prev_end), (last_start, last_end) = spans[-2], spans[-1]
    is_fragment = counter(text[last_start:last_end]) * 3 < counter(text[prev_start:prev_end])
    if is_fragment and counter(text[prev_start:last_end]) <= max_tokens:
        return [*spans[:-2], (prev_start, last_end)]
    return spans


def _split_sentence(
    text: str, span: Span, counter: TokenCounter, max_tokens: int, target_tokens: int
) -> list[Span]:
    """Cut an over-long sentence between newmm words, packing words up to the target."""
    offset = span[0]
    words: list[Span] = []
    for start, end in thai.word_spans(text[span[0] : span[1]]):
        word = (offset + start, offset + end)
        if counter(text[word[0] : word[1]]) <= max_tokens:
            words.append(word)
        else:  # one "word" over the limit (a pasted blob): characters are all that is left
            words.extend(_split_characters(text, word, counter, max_tokens))
    return _pack(text, words, counter, target_tokens)


def _split_characters(text: str, span: Span, counter: TokenCounter, limit: int) -> list[Span]:
    pieces: list[Span] = []
    start, end = span
    while start < end:
        low, high = start + 1, end  # find the longest slice from start within the limit
        while low < high:
            middle = (low + high + 1) // 2
            fits = counter(text[start:middle]) <= limit
            low, high = (middle, high) if fits else (low, middle - 1)
        pieces.append((start, low))
        start = low
    return pieces
