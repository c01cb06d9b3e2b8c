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


def thai_terms_for(question: str, pairs: dict[str, str]) -> str:
    """Thai terms an English question refers to (material pairs first, then the glossary)."""
    lowered = " ".join(question.lower().split())
    found = [thai for english, thai in pairs.items() if english in lowered]
    found += [DOMAIN_GLOSSARY[w] for w in _WORD.findall(lowered) if w in DOMAIN_GLOSSARY]
    return " ".join(dict.fromkeys(found))
