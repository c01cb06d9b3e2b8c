"""English-to-Thai bridge for keyword search: English questions, Thai material.

The dense model already reads across languages; BM25 does not. An English question gets the
Thai terms of (a) the material's own bilingual pairs, written as "ไทย (English)" on the
slides, and (b) a small domain glossary of public-administration words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

DOMAIN_GLOSSARY: dict[str, str] = {
    "participation": "การมีส่วนร่วม",
    "participatory": "แบบมีส่วนร่วม",
    "participate": "มีส่วนร่วม",
    "level": "ระดับ",
    "levels": "ระดับ",
    "spectrum": "ระดับ",
    "citizen": "ประชาชน",
    "citizens": "ประชาชน ภาคประชาชน",
    "people": "ประชาชน",
    "public": "ประชาชน",
    "community": "ชุมชน",
    "communities": "ชุมชน",
    "government": "ภาครัฐ รัฐบาล",
    "state": "ภาครัฐ",
    "agency": "หน่วยงาน",
    "agencies": "หน่วยงาน",
    "organisation": "องค์การ หน่วยงาน",
    "organization": "องค์การ หน่วยงาน",
    "pitfall": "ข้อควรระวัง",
    "pitfalls": "ข้อควรระวัง",
    "caution": "ข้อควรระวัง",
    "obstacle": "ปัญหาอุปสรรค",
    "obstacles": "ปัญหาอุปสรรค",
    "success": "ความสำเร็จ",
    "factor": "ปัจจัย",
    "factors": "ปัจจัย",
    "leader": "ผู้นำ",
    "leadership": "ผู้นำ",
    "power": "อำนาจ",
    "share": "แบ่งปัน",
    "culture": "วัฒนธรรม",
    "structure": "โครงสร้าง",
    "decision": "การตัดสินใจ",
    "decisions": "การตัดสินใจ",
    "quality": "คุณภาพ",
    "checklist": "ตรวจเช็ค คุณภาพ",
    "tokenism": "ภาพลวงตา",
    "deliberation": "สานเสวนา",
    "policy": "นโยบาย",
    "policies": "นโยบาย",
    "project": "โครงการ",
    "projects": "โครงการ",
    "budget": "งบประมาณ",
    "business": "ภาคธุรกิจ",
    "businesses": "ภาคธุรกิจ",
    "companies": "ธุรกิจ เอกชน",
    "private": "เอกชน",
    "trust": "ความไว้วางใจ",
    "conflict": "ความขัดแย้ง",
    "why": "ทำไม",
    "definition": "หมายถึง",
    "meaning": "หมายถึง",
    "mean": "หมายถึง",
    "difference": "แตกต่าง",
    "differ": "แตกต่าง",
    "compare": "เปรียบเทียบ",
    "influence": "อิทธิพล",
    "partner": "หุ้นส่วน",
    "partners": "หุ้นส่วน",
    "information": "ข้อมูล ข่าวสาร",
    "coordinate": "ประสานงาน",
    "coordination": "ประสานงาน",
    "rules": "กฎ กติกา",
    "topics": "หัวข้อ",
    "lecture": "การบรรยาย",
    "local": "ท้องถิ่น",
    "central": "ส่วนกลาง",
    "regional": "ภูมิภาค",
    "staff": "บุคลากร",
    "personnel": "บุคลากร",
    "example": "ตัวอย่าง กรณีศึกษา",
    "vision": "วิสัยทัศน์",
    "mission": "พันธกิจ",
    "sustainable": "ยั่งยืน",
    "capacity": "ศักยภาพ",
    "knowledge": "ความรู้",
    "illusion": "ภาพลวงตา",
    "domination": "ครอบงำ",
    "learning": "การเรียนรู้",
    "demand": "เรียกร้อง",
    "demands": "เรียกร้อง",
    "implement": "นำไปปฏิบัติ",
    "check": "ตรวจเช็ค",
    "evaluate": "ประเมินผล",
    "evaluation": "ประเมินผล",
    "problem": "ปัญหา",
    "problems": "ปัญหา",
    "change": "ปรับเปลี่ยน",
    "relationship": "ความสัมพันธ์",
    "role": "บทบาท",
    "mechanism": "กลไก",
    "mechanisms": "กลไก",
    # Everyday public-service words, so a Thai question also finds an English upload.
    "privacy": "ความเป็นส่วนตัว",
    "personal": "ส่วนบุคคล",
    "data": "ข้อมูล",
    "service": "บริการ",
    "services": "บริการ",
    "user": "ผู้ใช้",
    "users": "ผู้ใช้ ผู้ใช้บริการ",
    "security": "ความปลอดภัย",
    "secure": "ปลอดภัย",
    "design": "ออกแบบ",
    "team": "ทีม",
    "measure": "วัดผล",
    "language": "ภาษา",
}

_PAIR = re.compile(r"([\u0e00-\u0e7f][\u0e00-\u0e7f ]{1,40})\s*\(([A-Za-z][A-Za-z ’‘'\-]{1,40})\)")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


def bilingual_pairs(texts: Iterable[str]) -> dict[str, str]:
    """English term -> Thai term, from "ไทย (English)" pairs in the material itself."""
    pairs: dict[str, str] = {}
    for text in texts:
        for match in _PAIR.finditer(text):
            thai = match.group(1).split()[-1]
            english = " ".join(match.group(2).lower().replace("- ", "-").split())
            if len(thai) >= 3:
                pairs.setdefault(english, thai)
    return pairs


def english_terms_for(question: str, pairs: dict[str, str]) -> str:
    """English terms a Thai question refers to (for English material; the reverse bridge)."""
    squashed = "".join(question.split())
    found = [english for english, thai in pairs.items() if thai in squashed]
    for english, thai_terms in DOMAIN_GLOSSARY.items():
        if any(term in squashed for term in thai_terms.split()):
            found.append(english)
    return " ".join(dict.fromkeys(found))


def thai_terms_for(question: str, pairs: dict[str, str]) -> str:
    """Thai terms an English question refers to (material pairs first, then the glossary)."""
    lowered = " ".join(question.lower().split())
    found = [thai for english, thai in pairs.items() if english in lowered]
    found += [DOMAIN_GLOSSARY[w] for w in _WORD.findall(lowered) if w in DOMAIN_GLOSSARY]
    return " ".join(dict.fromkeys(found))


# Reviewed glosses of the lecture's key terms, shown under English answers (Thai term,
# English term, a one-line gloss faithful to the slides). Reviewed against the slide text.
KEY_TERMS: tuple[tuple[str, str, str], ...] = (
    (
        "การบริหารราชการแบบมีส่วนร่วม",
        "participatory governance",
        "citizens, above all communities, take part as partners from the first idea through "
        "decisions to carrying out a policy or project (slide 4)",
    ),
    (
        "การมีส่วนร่วมของประชาชน",
        "public participation",
        "an agency opens a project to citizens' input, usually at the consultation level, "
        "without changing how it works (slides 7, 11)",
    ),
    (
        "การรับฟังความคิดเห็น",
        "public consultation",
        "the agency asks for and listens to citizens' views (level 2, consult)",
    ),
    ("ให้ข้อมูล", "inform", "level 1: the agency gives citizens information"),
    ("ปรึกษาหารือ", "consult", "level 2: the agency consults citizens and hears their views"),
    ("เข้าไปเกี่ยวข้อง", "involve", "level 3: citizens are involved in the agency's work"),
    ("ร่วมคิดร่วมทำ", "collaborate", "level 4: citizens think and act together with the agency"),
    ("เสริมอำนาจ", "empower", "level 5: power is handed to citizens"),
    (
        "สานเสวนา",
        "deliberation",
        "citizens reason together about the problem at hand before decisions are made",
    ),
    (
        "ความเข้มแข็งให้ภาคประชาชน",
        "citizen empowerment",
        "building citizens' knowledge and capacity to debate and find solutions (slide 15)",
    ),
    (
        "การปรับเปลี่ยนเชิงสถาบัน",
        "institutional change",
        "shared rules, coordination mechanisms, division of work, sanctions (slide 16)",
    ),
    ("governance", "governance", "the state invites non-state actors to make policy with it"),
    ("government", "government", "the state decides and acts; citizens are its customers"),
    ("wicked", "wicked problems", "policy problems so complex that no easy solution exists"),
    ("หุ้นส่วน", "partner", "citizens as full partners of the agency (slide 11)"),
    ("ผู้นำที่เข้มแข็ง", "strong leadership", "a leader committed to working with citizens"),
    ("แบ่งปันอำนาจ", "power sharing", "the agency is ready to share power with citizens"),
    ("ภาพลวงตา", "illusion", "participation in appearance only (a pitfall, slide 22)"),
    ("การครอบงำของภาครัฐ", "state domination", "the state dominates the process (a pitfall)"),
    ("ภาระผูกพัน", "commitment", "the agency's lasting commitment, in its vision and mission"),
    ("ไม่มีสูตรสำเร็จ", "no one formula", "no single best way works for every society"),
    ("ภูมิปัญญาชาวบ้าน", "local wisdom", "citizens' own knowledge, used to solve problems"),
    ("พัชรี สิโรรส", "Patcharee Siroros", "Assoc. Prof. Dr. (รศ.ดร.), who gave the lecture"),
    (
        "คณะรัฐศาสตร์ มหาวิทยาลัยธรรมศาสตร์",
        "Faculty of Political Science, Thammasat University",
        "the lecturer's faculty (slide 1)",
    ),
)


def glosses_for(text: str, limit: int = 4) -> list[tuple[str, str, str]]:
    """The reviewed key terms a Thai text uses, in glossary order, at most `limit`."""
    squashed = "".join(text.split()).lower()
    found = [term for term in KEY_TERMS if "".join(term[0].split()).lower() in squashed]
    return found[:limit]
