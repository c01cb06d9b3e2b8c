"""Recognise question sentences: slides repeat questions as headings, which answer nothing.

Lecture decks title slides with the question they go on to answer ("... คืออะไร",
"... แตกต่างกันอย่างไร") and list such questions on agenda slides. Those passages match a
question's words perfectly yet answer nothing, so search demotes them by their share of
question text, and the composer never quotes a question back.
"""

from __future__ import annotations

from knowledge import thai

QUESTION_ENDINGS = ("?", "อะไร", "อย่างไร", "ไหม", "หรือไม่", "เท่าไร", "ใคร", "ทำไม", "บ้าง")


def looks_like_question(sentence: str) -> bool:
    """Whether a sentence reads as a question (Thai question words end it, or a "?")."""
    return sentence.rstrip(" .!…").endswith(QUESTION_ENDINGS)


def question_share(text: str) -> float:
    """Share of a passage's characters in question sentences (agenda and heading slides)."""
    sentences = [s for s in thai.sentence_split(text) if s.strip()]
    total = sum(len(s) for s in sentences)
    if not total:
        return 0.0
    return sum(len(s) for s in sentences if looks_like_question(s)) / total
