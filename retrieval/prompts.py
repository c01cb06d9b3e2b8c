"""Every text the answer layer writes, in Thai and English, and the LLM prompt."""

from __future__ import annotations

from collections.abc import Sequence

# Questions the lecture answers well, offered when a question is out of scope.
SUGGESTED_TOPICS: dict[str, list[str]] = {
    "th": [
        "การบริหารราชการแบบมีส่วนร่วมคืออะไร",
        "ระดับการมีส่วนร่วมของประชาชนมีกี่ระดับ",
        "government กับ governance ต่างกันอย่างไร",
        "ปัจจัยความสำเร็จของการบริหารราชการแบบมีส่วนร่วมมีอะไรบ้าง",
        "ข้อควรระวังของการบริหารราชการแบบมีส่วนร่วมมีอะไรบ้าง",
        "ตรวจเช็คคุณภาพของการบริหารราชการแบบมีส่วนร่วมอย่างไร",
    ],
    "en": [
        "What is participatory governance?",
        "What are the levels of public participation?",
        "How does government differ from governance?",
        "What are the success factors of participatory governance?",
        "Which pitfalls should an agency watch out for?",
        "How do we check the quality of participatory governance?",
    ],
}

_REFUSAL = {
    "th": (
        "ขออภัยค่ะ เนื้อหาการบรรยายไม่ได้กล่าวถึงเรื่องนี้ จึงไม่สามารถตอบจากเอกสารได้\n"
        "ลองถามเรื่องที่การบรรยายครอบคลุม เช่น"
    ),
    "en": (
        "Sorry, the lecture does not cover this, so I can't answer it from the material.\n"
        "Try a topic the lecture covers, for example"
    ),
}

_INTRO = {
    "th": "จากเนื้อหาการบรรยาย:",
    "en": "From the lecture (quoted in the original Thai):",
}


def topics(lang: str) -> list[str]:
    """Suggested questions in the user's language."""
    return list(SUGGESTED_TOPICS.get(lang, SUGGESTED_TOPICS["th"]))


def refusal_text(lang: str, suggestions: Sequence[str]) -> str:
    """The polite out-of-scope reply with suggested topics."""
    head = _REFUSAL.get(lang, _REFUSAL["th"])
    bullets = "\n".join(f"• {s}" for s in suggestions[:4])
    return f"{head}\n{bullets}" if bullets else head


def extractive_text(lang: str, lines: Sequence[tuple[str, str]]) -> str:
    """Quoted sentences, each followed by its citation label."""
    body = "\n".join(f"• {sentence} [{label}]" for sentence, label in lines)
    return f"{_INTRO.get(lang, _INTRO['th'])}\n{body}"


SYSTEM_PROMPT = """You answer questions for Thai civil servants using ONLY the numbered \
passages from a lecture on participatory governance.
Rules:
- Use only facts stated in the passages. If they do not answer the question, reply exactly \
NOT_COVERED.
- After every sentence, cite the passage numbers you used in square brackets, e.g. [1] or [1][2].
- Answer in {language}. Be concise: at most 5 sentences.
"""

LANGUAGE_NAMES = {"th": "Thai", "en": "English"}


def user_prompt(question: str, passages: Sequence[str]) -> str:
    """The question with the numbered passages the model may use."""
    numbered = "\n\n".join(f"[{i}] {text}" for i, text in enumerate(passages, start=1))
    return f"Passages:\n{numbered}\n\nQuestion: {question}"
