"""No evaluation question (dev, golden train or test) is in any text the index reads.

Besides the lecturer's own words, the index reads text we wrote: the questions and English
renderings beside the sources (multi-vector views), the off-topic yardstick and the
background passages. An eval
question copied into any of them would make its own evaluation meaningless, so each is
compared with every eval question, exactly and as a near copy. (The slides themselves are
not ours to change: a keyword query may quote a slide heading, as officials do.)
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

from knowledge.loaders import load_directory
from retrieval.background import BACKGROUND_PASSAGES
from retrieval.off_topic_questions import SCOPE_OFF_TOPIC
from retrieval.units import views_of

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "knowledge" / "sources"
EVAL_SETS = [
    ROOT / "knowledge" / "golden" / "lecture.jsonl",
    ROOT / "knowledge" / "golden" / "lecture_split.jsonl",
    ROOT / "knowledge" / "golden" / "lecture_reworded.jsonl",
    ROOT / "knowledge" / "golden" / "lecture_fresh.jsonl",
    ROOT / "knowledge" / "golden" / "lecture_officials.jsonl",
    ROOT.parent / "shared" / "eval" / "lecture_dev.jsonl",
]
NEAR_COPY = 0.9
WRITTEN_VIEWS = ("question", "translation")  # what we wrote beside the slides
_NOISE = re.compile(r"[\s?!.,:;\"'“”‘’()\-]+")


def _normal(text: str) -> str:
    return _NOISE.sub("", text).lower()


def _eval_questions() -> list[str]:
    questions = []
    for path in EVAL_SETS:
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    questions.append(json.loads(line)["question"])
    return questions


def _indexed_texts() -> list[str]:
    documents, errors = load_directory(SOURCES)
    assert errors == []
    texts = [view.text for view in views_of(documents) if view.kind in WRITTEN_VIEWS]
    texts += [item for d in documents for item in d.off_topic]
    texts += [*BACKGROUND_PASSAGES, *SCOPE_OFF_TOPIC]
    return [t for t in texts if t.strip()]


def test_the_shipped_sets_are_there_to_check():
    assert len(_eval_questions()) >= 105


def test_no_eval_question_is_copied_into_what_the_index_reads():
    indexed = {_normal(text) for text in _indexed_texts()}
    copied = [q for q in _eval_questions() if _normal(q) in indexed]
    assert copied == []


def test_no_indexed_question_is_a_near_copy_of_an_eval_question():
    documents, _ = load_directory(SOURCES)
    views = [_normal(v.text) for v in views_of(documents) if v.kind in WRITTEN_VIEWS]
    assert views, "the lecture's questions file is loaded"
    views += [_normal(t) for t in (*BACKGROUND_PASSAGES, *SCOPE_OFF_TOPIC)]  # ours
    near = []
    for question in map(_normal, _eval_questions()):
        matcher = difflib.SequenceMatcher(None, question, autojunk=False)
        for view in views:
            matcher.set_seq2(view)
            if matcher.real_quick_ratio() >= NEAR_COPY and matcher.ratio() >= NEAR_COPY:
                near.append((question, view))
    assert near == []
