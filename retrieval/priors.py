"""Query-independent passage priors: a passage that only asks questions answers none.

Lecture decks repeat questions as headings ("... คืออะไร", "... แตกต่างกันอย่างไร") and list
them on agenda slides; such passages match a question's words perfectly yet say nothing.
"""

from __future__ import annotations

from knowledge import thai

QUESTION_ENDINGS = ("?", "อะไร", "อย่างไร", "ไหม", "หรือไม่", "เท่าไร", "ใคร", "ทำไม", "บ้าง")


def looks_like_question(sentence: str) -> bool:
    """Whether a sentence reads as a question (Thai question words end it, or a "?")."""
    return sentence.rstrip(" .!…").endswith(QUESTION_ENDINGS)


def question_share(text: str) -> float:
    """Share of the passage's characters that sit in question sentences (0..1)."""
    sentences = [s for s in thai.sentence_split(text) if s.strip()]
    total = sum(len(s) for s in sentences)
    if not total:
        return 0.0
    return sum(len(s) for s in sentences if looks_like_question(s)) / total
