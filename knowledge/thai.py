"""The one wrapper around Thai normalisation and segmentation (the only pythainlp import).

PyThaiNLP is imported lazily, on the first call that needs it, after pointing its data
folder at a writable place, so importing this module stays cheap.
"""

from __future__ import annotations

import itertools
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

Span = tuple[int, int]

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x85\v\f]")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")
# PDF text layers often split sara am (ำ) into nikhahit + sara aa, sometimes around a tone mark,
# and some typists write sara ae (แ) as two sara e (เเ). Both repairs are unambiguous.
_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
_DOUBLE_SARA_E = "\u0e40\u0e40"

_THAI_CHAR = re.compile(r"[\u0e00-\u0e7f]")
_THAI_LETTERS = re.compile(r"[\u0e01-\u0e4e]")
_SEARCH_RUNS = re.compile(r"[\u0e00-\u0e7f]+|[^\W\u0e00-\u0e7f_]+")
_THAI_MARKS_ONLY = re.compile(r"^[\u0e2f\u0e46\u0e4f\u0e5a\u0e5b]+$")
_LATIN_WORD = re.compile(r"[A-Za-z]+")

# A bullet starts a new sentence: "-ตั้ง ...", "• item", at a line start or after a space.
# "1970s-1980s", "หน่วยงาน- regulatory" and "bottom- up" are not bullets (no space before "-"
# or a space after it).
_BULLET = re.compile(r"(?:(?<=\s)|^)(?:-(?=[^\s\d-])|[•●▪◦■□➢►✓](?=\s?\S))")
_HARD_BREAK = re.compile(r"\n[^\S\n]*\n\s*|\n(?=[^\S\n]*[-*•●▪◦■□➢►✓]\s*\S)")
_ENGLISH_BREAK = re.compile(r"(?<=[.!?])([\"”’)]?)\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATIONS = ("Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "St.", "e.g.", "i.e.", "etc.", "vs.")

_THAI_QUESTION_WORDS = (
    "อะไร", "อย่างไร", "ยังไง", "ทำไม", "ไหม", "หรือไม่", "หรือเปล่า", "เท่าไร", "ใคร",
    "ที่ไหน", "เมื่อไร", "บ้าง", "คือ", "ครับ", "ค่ะ", "คะ", "ช่วย", "ขอ",
)  # fmt: skip
_ENGLISH_FUNCTION_WORDS = frozenset((
    "what", "how", "why", "when", "where", "which", "who", "whom", "whose", "is", "are",
    "was", "were", "do", "does", "did", "can", "could", "should", "would", "will", "the",
    "a", "an", "of", "to", "in", "on", "for", "with", "about", "explain", "tell", "me",
    "and", "or", "it", "this", "that", "there", "be", "please",
))  # fmt: skip


def normalize(text: str, *, keep_lines: bool = False, keep_indent: bool = False) -> str:
    """Return NFC text without zero-width characters and with whitespace collapsed.

    Args:
        text: Any text.
        keep_lines: Keep line breaks (at most one blank line in a row) instead of turning
            every whitespace run into one space; loaders use it to keep bullets and paragraphs.
        keep_indent: With keep_lines, keep each line's leading spaces (a tab counts as two),
            so nested list items ("  - item") stay nested.

    """
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = _SARA_AM.sub("\\1\u0e33", text).replace(_DOUBLE_SARA_E, "\u0e41")
    if not keep_lines:
        return " ".join(text.split())
    text = _LINE_BREAKS.sub("\n", text)
    lines = (_tidy_line(line, keep_indent=keep_indent) for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")
    return text if keep_indent else text.strip()


def _tidy_line(line: str, *, keep_indent: bool) -> str:
    """One line with inner whitespace runs collapsed; leading spaces kept when asked."""
    tidy = _SPACES.sub(" ", line).strip()
    if not keep_indent or not tidy:
        return tidy
    indent = line[: len(line) - len(line.lstrip())].expandtabs(2)
    return " " * len(indent) + tidy


def thai_ratio(text: str) -> float:
    """Share of Thai letters among all letters of the text (0.0 when it has no letters)."""
    thai = len(_THAI_LETTERS.findall(text))
    other = sum(1 for char in text if char.isalpha() and not _THAI_CHAR.match(char))
    return thai / (thai + other) if thai + other else 0.0


def detect_language(text: str) -> Literal["th", "en"]:
    """Guess whether a question is Thai or English; Thai unless the text is clearly English.

    Mixed text (an English question quoting a Thai term, or the reverse) is decided by
    question and function words, then by the share of Thai letters.
    """
    ratio = thai_ratio(text)
    if ratio == 0.0:
        return "en" if _LATIN_WORD.search(text) else "th"
    if ratio == 1.0:
        return "th"
    english = sum(w.lower() in _ENGLISH_FUNCTION_WORDS for w in _LATIN_WORD.findall(text))
    thai = sum(word in text for word in _THAI_QUESTION_WORDS)
    if english != thai:
        return "en" if english > thai else "th"
    return "th" if ratio >= 0.5 else "en"


def word_tokenize(text: str) -> list[str]:
    """Split text into words with PyThaiNLP's newmm dictionary tokenizer; no whitespace tokens."""
    return [token for token in _newmm(text) if not token.isspace()]


def word_spans(text: str) -> list[Span]:
    """Character spans (start, end) of the newmm words of the text, whitespace excluded."""
    spans: list[Span] = []
    offset = 0
    for token in _newmm(text):
        if not token.isspace():
            spans.append((offset, offset + len(token)))
        offset += len(token)
    return spans


def search_tokens(text: str) -> list[str]:
    """Lower-cased keyword tokens for BM25: newmm words for Thai, whole words otherwise.

    Punctuation and whitespace are dropped; Latin words and numbers are kept whole
    ("1970s", "participatory") instead of being cut by the Thai dictionary.
    """
    tokens: list[str] = []
    for run in _SEARCH_RUNS.findall(normalize(text).lower()):
        if _THAI_CHAR.match(run):
            tokens.extend(word for word in _newmm(run) if _is_search_word(word))
        else:
            tokens.append(run)
    return tokens


def sentence_split(text: str) -> list[str]:
    """Split text into sentences: Thai by CRF (crfcut), English by punctuation, bullets apart."""
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[Span]:
    """Character spans of the sentences of the text, trimmed of surrounding whitespace.

    Blank lines and bullets ("-ตั้ง ...", "• ...") always end a sentence; Latin-script
    passages are split after ., ! or ? before a capital; everything else goes to crfcut.
    Every span is a slice of the input, so callers can cut the original text.
    """
    spans: list[Span] = []
    for start, end in _blocks(text):
        for piece_start, piece_end in _split_block(text[start:end]):
            spans.append((start + piece_start, start + piece_end))
    return spans


_LATIN_WORD = re.compile(r"[a-z]+")


def english_stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lower-case English word; other words unchanged.

    "warnings" and "warning" -> "warn", "checks" and "checking" -> "check": a question
    worded differently from the material still finds the material's words.
    """
    if not _LATIN_WORD.fullmatch(word):
        return word
    return str(_english_stemmer().stemWord(word))


@cache
def _english_stemmer() -> Any:
    import snowballstemmer  # small and pure Python; loaded on first English word

    return snowballstemmer.stemmer("english")


def stopwords() -> set[str]:
    """Function words to ignore when judging what a question is about (Thai and English).

    PyThaiNLP's Thai list (~1,000 words such as "การ", "ของ", "คือ", "อะไร") plus common
    English question and function words, all lower-case like search_tokens; a fresh copy.
    """
    return set(_stopwords())


def warm_up() -> None:
    """Load the word dictionary and the sentence model now rather than on the first question."""
    _sentence_tokenizer()("เริ่ม ต้น")
    _newmm("การบริหารราชการแบบมีส่วนร่วม")


def _is_search_word(word: str) -> bool:
    return not word.isspace() and _THAI_MARKS_ONLY.match(word) is None


def _blocks(text: str) -> list[Span]:
    """Spans between hard boundaries: blank lines and lines that start with a bullet."""
    bounds = [0]
    for match in _HARD_BREAK.finditer(text):
        bounds.append(match.end())
    bounds.append(len(text))
    return [(a, b) for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def _split_block(block: str) -> list[Span]:
    starts = sorted({0, *(m.start() for m in _BULLET.finditer(block))})
    spans: list[Span] = []
    for start, end in zip(starts, [*starts[1:], len(block)], strict=True):
        piece = block[start:end]
        splitter = _english_spans if thai_ratio(piece) < 0.2 else _thai_spans
        spans.extend((start + a, start + b) for a, b in splitter(piece))
    return [span for span in (_trim(block, span) for span in spans) if span[0] < span[1]]


def _thai_spans(piece: str) -> list[Span]:
    # Newlines become spaces (same length, so offsets hold). crfcut may also cut after a
    # "." inside "พรบ.รักษา..."; only cuts next to whitespace are kept.
    sentences = _sentence_tokenizer()(piece.replace("\n", " "))
    if "".join(sentences) != piece.replace("\n", " "):
        return [(0, len(piece))]
    cuts, offset = [], 0
    for sentence in sentences[:-1]:
        offset += len(sentence)
        if piece[offset - 1].isspace() or piece[offset].isspace():
            cuts.append(offset)
    bounds = [0, *cuts, len(piece)]
    return list(itertools.pairwise(bounds))


def _english_spans(piece: str) -> list[Span]:
    spans, start = [], 0
    for match in _ENGLISH_BREAK.finditer(piece):
        end = match.end(1)
        if not piece[start:end].endswith(_ABBREVIATIONS):
            spans.append((start, end))
            start = end
    spans.append((start, len(piece)))
    return spans


def _trim(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@cache
def _stopwords() -> frozenset[str]:
    thai_words = _pythainlp_corpus().thai_stopwords()
    return frozenset(thai_words) | _ENGLISH_FUNCTION_WORDS


@lru_cache(maxsize=4096)
def _newmm(text: str) -> tuple[str, ...]:
    """Newmm tokens including whitespace; they concatenate back to the text (cached: hot path)."""
    return tuple(_word_tokenizer()(text))


@cache
def _word_tokenizer() -> Callable[[str], list[str]]:
    tokenize = _pythainlp_tokenize().word_tokenize

    def newmm(text: str) -> list[str]:
        return list(tokenize(text, engine="newmm", keep_whitespace=True))

    return newmm


@cache
def _sentence_tokenizer() -> Callable[[str], list[str]]:
    tokenize = _pythainlp_tokenize().sent_tokenize

    def crfcut(text: str) -> list[str]:
        return list(tokenize(text, engine="crfcut"))

    return crfcut


@cache
def _pythainlp_tokenize() -> ModuleType:
    """Import pythainlp.tokenize once, after choosing a writable data folder."""
    _ensure_data_dir()
    import pythainlp.tokenize

    return pythainlp.tokenize


@cache
def _pythainlp_corpus() -> ModuleType:
    _ensure_data_dir()
    import pythainlp.corpus

    return pythainlp.corpus


def _ensure_data_dir() -> None:
    """Point PyThaiNLP at a writable folder: PYTHAINLP_DATA, else ./var/pythainlp.

    PyThaiNLP 5 renamed PYTHAINLP_DATA_DIR to PYTHAINLP_DATA (the old name warns, and both
    together are an error), so a legacy value is moved to the new name.
    """
    legacy = os.environ.pop("PYTHAINLP_DATA_DIR", None)
    if os.environ.get("PYTHAINLP_DATA"):
        return
    folder = Path(legacy) if legacy else Path.cwd() / "var" / "pythainlp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # read-only working directory: any writable place will do
        folder = Path(tempfile.gettempdir()) / "ruamkit-pythainlp"
        folder.mkdir(parents=True, exist_ok=True)
    os.environ["PYTHAINLP_DATA"] = str(folder)
