"""What kind of question an official asks, from its wording (Thai and English).

The kind shapes the answer (a list question gets the whole list, a comparison both sides)
and lets search rank agenda slides for questions about the lecture's outline. The patterns
are plain word lists, checked on the golden train split (docs/retrieval.md).
"""

from __future__ import annotations

import re
from typing import Literal

QuestionKind = Literal[
    "outline", "who", "comparison", "list", "definition", "why", "how", "scenario", "other"
]

_PATTERNS: tuple[tuple[QuestionKind, re.Pattern[str]], ...] = (
    (
        "outline",
        re.compile(
            r"หัวข้อ(?:การ)?บรรยาย|หัวข้อ.*(?:อะไรบ้าง|มีอะไร)|บรรยาย(?:เรื่อง|เกี่ยวกับ)?อะไรบ้าง"
            r"|เนื้อหา.*(?:อะไรบ้าง|ครอบคลุม)|ครอบคลุม(?:เรื่อง|หัวข้อ)|outline|agenda"
            r"|(?:topics|what).{0,30}(?:lecture|talk|course|session|training|class)"
            r" (?:cover|about)"
            r"|lecture.{0,20}topics|(?:วันนี้|จะ)(?:จะ)?เรียน(?:เรื่อง)?(?:อะไร|หัวข้อ)"
            r"|what (?:will|do|are) we (?:learn|study|cover)(?:ing)?\b(?! about)",
            re.I,
        ),
    ),
    (
        "who",
        re.compile(
            r"ใคร(?:เป็น)?(?:ผู้)?บรรยาย|ผู้บรรยาย|วิทยากร|ใครสอน|อาจารย์.*(?:ชื่อ|ท่านใด|คนไหน|ใคร)"
            r"|ชื่อ.*อาจารย์|who (?:gave|gives|is giving|teaches|taught|presented|wrote|is the)"
            r"|lecturer|speaker|presenter|instructor",
            re.I,
        ),
    ),
    (
        "comparison",
        re.compile(
            # "ต่าง" alone, not "ต่างประเทศ" (abroad), "ต่างๆ" (various), "ต่างชาติ", "ต่างจังหวัด"
            r"ต่าง(?!ประเทศ|ชาติ|จังหวัด|\s*ๆ|หาก)|เปรียบเทียบ|เทียบ|กับ.*ยังไง|vs\.?|versus"
            r"|differ|difference|compare|compared|contrast|distinguish",
            re.I,
        ),
    ),
    (
        "list",
        re.compile(
            r"อะไรบ้าง|มีกี่|กี่ระดับ|กี่ข้อ|กี่ขั้น|กี่ประการ|ได้แก่|มีอะไร(?:ที่)?ต้อง|ประการ"
            r"|what are the|which are the|list|how many|name the|steps|factors|levels"
            r"|pitfalls|elements|kinds of|types of",
            re.I,
        ),
    ),
    (
        "why",
        re.compile(r"ทำไม|เพราะอะไร|เหตุใด|เหตุผล|why|reason", re.I),
    ),
    (
        "how",
        re.compile(r"อย่างไร|ยังไง|ทำไง|วิธี|แนวทาง|how (?:do|can|should|to|does)|what should", re.I),
    ),
    (
        "definition",
        re.compile(
            r"คืออะไร|หมายถึง|หมายความ|ความหมาย|นิยาม|แปลว่า|คือ(?:ยังไง|อะไร)?$"
            r"|what is|what's|what does.{0,40}mean|meaning|define|definition",
            re.I,
        ),
    ),
)

# An official describing their own agency's practice ("เราแค่จัดเวทีรับฟัง... ถือว่าระดับไหน").
_SCENARIO = re.compile(
    r"หน่วยงาน(?:ของ)?(?:เรา|ผม|ดิฉัน|ฉัน|หนู)|ที่(?:ทำงาน|หน่วยงาน)(?:ของ)?(?:เรา|ผม|ดิฉัน)"
    r"|(?:เรา|ผม|ดิฉัน|อบต\.?|เทศบาล|อำเภอ|จังหวัด|กรม)(?:แค่|เพียง|ก็|มัก|จะ|ได้)?"
    r"(?:จัด|ทำ|เปิด|ให้|เชิญ|ประชุม)"
    r"|ถือว่า(?:อยู่)?(?:ระดับ|เป็น)|นับว่า|จัดอยู่(?:ใน)?(?:ระดับ)?"
    r"|\bwe (?:only|just|always|usually|often|hold|held|run|ran|organi[sz]ed?|set up|invite"
    r"|have|had|are|did|trained|asked|post|publish|gave|give|let)\b"
    r"|\b(?:our|my) (?:\w+ )?(?:agency|office|department|ministry|municipality|team"
    r"|province|district)\b"
    r"|counts? as|which level",
    re.I,
)


def question_kind(question: str) -> QuestionKind:
    """The kind of a question; scenario when it describes the asker's own practice."""
    text = " ".join(question.split())
    if _SCENARIO.search(text):
        return "scenario"
    for kind, pattern in _PATTERNS:
        if pattern.search(text):
            return kind
    return "other"


def asks_for_outline(question: str) -> bool:
    """Whether the question is about the lecture's outline (agenda slides may answer it)."""
    return question_kind(question) == "outline"


_LECTURER = re.compile(
    r"ผู้บรรยาย|วิทยากร|ใคร(?:เป็น(?:คน)?)?(?:บรรยาย|สอน|พูด)|(?:คน|อาจารย์)(?:ที่)?(?:สอน|บรรยาย)"
    r"|อาจารย์.{0,20}(?:ชื่อ|ท่านไหน|คนไหน|ใคร)|lecturer|presenter|speaker|instructor"
    r"|who (?:gave|gives|is giving|teaches|taught|presented|delivered)"
    r"|professor.{0,30}(?:slides?|lecture|talk|deck)"
    r"|(?:prepared|made|created|wrote|put together) (?:this|these|the)"
    r" (?:slides?|lecture|talk|deck)",
    re.I,
)

# Words that point at this material itself ("these slides", "เรื่องนี้") or name its lecturer
# role (ผู้บรรยาย, วิทยากร, lecturer). "Speaker" or "the budgeting course" are not enough:
# "Who is the speaker of parliament?" must not be answered with the lecturer's name.
_THIS_TALK = re.compile(
    r"ผู้บรรยาย|วิทยากร|บรรยาย(?:นี้|ครั้งนี้)|สไลด์|บทเรียนนี้|หัวข้อนี้|เรื่องนี้|ชุดนี้|วิชานี้"
    r"|\blecturer\b|\b(?:this|these|the|today's) (?:lecture|slides?|talk|deck|course|session"
    r"|presentation|lesson)\b",
    re.I,
)


# "Which level is our practice?": the scenario the lecture's five levels are there to answer.
_WHICH_LEVEL = re.compile(
    r"(?:ระดับ|ขั้น)(?:ที่)?(?:ไหน|ใด|อะไร)|(?:อยู่|ถือว่า|ถือเป็น|นับเป็น)(?:ใน)?(?:ระดับ|ขั้น)"
    r"|การมีส่วนร่วม(?:แบบ|ระดับ|ประเภท)(?:ไหน|ใด)|(?:ต่ำ|สูง|บน|ล่าง)สุด.{0,30}(?:ระดับ|ขั้น)"
    r"|(?:ระดับ|ขั้น).{0,30}(?:ต่ำ|สูง|บน|ล่าง)สุด"
    r"|(?:which|what) (?:level|rung|stage)|(?:level|rung) (?:is|would|does|of participation)"
    r"|(?:lowest|highest|top|bottom) (?:level|rung)",
    re.I,
)


def asks_which_level(question: str) -> bool:
    """Whether the question asks which participation level something is (or names one)."""
    return bool(_WHICH_LEVEL.search(" ".join(question.split())))


# A question about speakers' fees or numbers ("ค่าวิทยากรเบิกได้เท่าไหร่", "How much is a
# speaker paid?") asks for an amount, not who gave this lecture.
_AMOUNT = re.compile(
    r"เท่าไ|เท่าใด|กี่|ค่า(?:ตอบแทน|เบี้ย|วิทยากร|จ้าง|ใช้จ่าย)|เบิก|how (?:much|many)|\bfees?\b"
    r"|\bpaid\b|\bpay\b|\brates?\b",
    re.I,
)


def asks_for_lecturer(question: str) -> bool:
    """Whether the question asks who gave the lecture (answered by the unit naming them)."""
    text = " ".join(question.split())
    return bool(_LECTURER.search(text)) and not _AMOUNT.search(text)


def asks_who_gave_this_talk(question: str) -> bool:
    """A lecturer question that points at this material (answered even when signals run low)."""
    text = " ".join(question.split())
    return asks_for_lecturer(text) and bool(_THIS_TALK.search(text))
