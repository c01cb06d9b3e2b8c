"""Recognise question sentences: slides repeat questions as headings, which answer nothing.

Lecture decks title slides with the question they go on to answer ("... คืออะไร",
"... แตกต่างกันอย่างไร"); quoting such a heading back to the user is not an answer.
"""

from __future__ import annotations

QUESTION_ENDINGS = ("?", "อะไร", "อย่างไร", "ไหม", "หรือไม่", "เท่าไร", "ใคร", "ทำไม", "บ้าง")


def looks_like_question(sentence: str) -> bool:
    """Whether a sentence reads as a question (Thai question words end it, or a "?")."""
    return sentence.rstrip(" .!…").endswith(QUESTION_ENDINGS)
