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


def topics(lang: str) -> list[str]:
    """Suggested questions in the user's language."""
    return list(SUGGESTED_TOPICS.get(lang, SUGGESTED_TOPICS["th"]))


def refusal_text(lang: str, suggestions: Sequence[str]) -> str:
    """The polite out-of-scope reply with suggested topics."""
    head = _REFUSAL.get(lang, _REFUSAL["th"])
    bullets = "\n".join(f"• {s}" for s in suggestions[:4])
    return f"{head}\n{bullets}" if bullets else head


# One-line leads by question kind; {source} is "การบรรยาย" / "the lecture" or a document's name.
_LEADS: dict[str, dict[str, str]] = {
    "th": {
        "definition": "ความหมายตาม{source} ({label}):",
        "list": "{source}ระบุไว้ดังนี้ ({label}):",
        "comparison": "{source}เปรียบเทียบไว้ดังนี้ ({label}):",
        "who": "{source}ระบุไว้ว่า ({label}):",
        "why": "เหตุผลตาม{source} ({label}):",
        "how": "แนวทางตาม{source} ({label}):",
        "scenario": "สิ่งที่คุณเล่ามา เทียบได้กับเนื้อหานี้ของ{source} ({label}):",
        "outline": "หัวข้อของ{source} ({label}):",
        "other": "จากเนื้อหา{source} ({label}):",
    },
    "en": {
        "definition": "What {source} says it means ({label}, quoted in Thai):",
        "list": "{source_cap} lists them as follows ({label}, quoted in Thai):",
        "comparison": "How {source} compares them ({label}, quoted in Thai):",
        "who": "{source_cap} names them ({label}, quoted in Thai):",
        "why": "The reasons {source} gives ({label}, quoted in Thai):",
        "how": "What {source} advises ({label}, quoted in Thai):",
        "scenario": "What you describe matches this part of {source} ({label}, quoted in Thai):",
        "outline": "The topics of {source} ({label}, quoted in Thai):",
        "other": "From {source} ({label}, quoted in Thai):",
    },
}
_ALSO = {
    "th": "และจาก{source} ({label}):",
    "en": "Also from {source} ({label}):",
}
_LECTURE = {"th": "การบรรยาย", "en": "the lecture"}
_DOCUMENT = {"th": "เอกสาร “{title}”", "en": "the document “{title}”"}
_GLOSS_HEAD = {"en": "Key terms:"}


def source_name(lang: str, title: str, is_lecture: bool) -> str:
    """How the reply names its source: the lecture, or an uploaded document by its title."""
    lang = lang if lang in _LECTURE else "th"
    if is_lecture or not title:
        return _LECTURE[lang]
    return _DOCUMENT[lang].format(title=title)


def lead(lang: str, kind: str, source: str, label: str) -> str:
    """The one-line lead of an extractive answer, shaped by the question's kind."""
    leads = _LEADS.get(lang, _LEADS["th"])
    template = leads.get(kind, leads["other"])
    return template.format(source=source, source_cap=source[:1].upper() + source[1:], label=label)


def also(lang: str, source: str, label: str) -> str:
    """The line that introduces a second quoted unit."""
    return _ALSO.get(lang, _ALSO["th"]).format(source=source, label=label)


def gloss_block(glosses: Sequence[tuple[str, str, str]]) -> str:
    """English glosses of the Thai key terms an English answer quotes."""
    lines = [
        f"• {english}: {gloss}"
        if thai.lower() == english.lower()
        else f"• {thai} = {english}: {gloss}"
        for thai, english, gloss in glosses
    ]  # a term the slide already writes in English is not "translated" into itself
    return "\n".join([_GLOSS_HEAD["en"], *lines])


SYSTEM_PROMPT = """You answer questions for Thai civil servants using ONLY the numbered \
passages from a lecture on participatory governance.
Rules:
- Use only facts stated in the passages. If they do not answer the question, reply exactly \
NOT_COVERED.
- After every sentence, cite the passage numbers you used in square brackets, e.g. [1] or [1][2].
- Each passage is a whole slide or section; its lists ("- item", "1. item") and tables \
("| a | b |") are the slide's own structure. For a list question give the whole list; for a \
comparison give both sides.
- Answer in {language}, in plain text (lists as lines starting with "• " or "1. "; no \
Markdown or HTML). Be concise.
"""

LANGUAGE_NAMES = {"th": "Thai", "en": "English"}


def user_prompt(question: str, passages: Sequence[str]) -> str:
    """The question with the numbered passages the model may use."""
    numbered = "\n\n".join(f"[{i}] {text}" for i, text in enumerate(passages, start=1))
    return f"Passages:\n{numbered}\n\nQuestion: {question}"
