"""Every user-facing string of the checklist results and report, in Thai and English."""

from __future__ import annotations

from checklist.definition import Text

# Level check (slides 8-9: the five levels; 10: consultation is level 2, PG is level 4).
# Each text cites only what its slides say (tests/checklist/test_checklist_lecture.py); a
# level's `promise` is the IAP2 spectrum's, and is labelled so.
LEVEL_ABOVE = Text(
    th="หน่วยงานระบุว่าโครงการอยู่ในระดับ{claimed} แต่คำตอบแสดงหลักฐานถึงระดับ{shown}เท่านั้น"
    " (สไลด์ 8) ตามกรอบ IAP2 ระดับนี้หมายถึง: {promise}"
    " การอ้างระดับสูงกว่าที่ประชาชนทำได้จริงเสี่ยงต่อภาพลวงตา ซึ่งเป็นข้อควรระวัง (สไลด์ 22)",
    en="The agency says the project reaches {claimed}, but the answers only show {shown}"
    " (slide 8); in the IAP2 spectrum that level means: {promise} Claiming more than the"
    " public actually does risks an illusion of participation, a pitfall (slide 22).",
)
LEVEL_NONE = Text(
    th="หน่วยงานระบุว่าโครงการอยู่ในระดับ{claimed} แต่คำตอบยังไม่แสดงหลักฐานของระดับใดเลย"
    " แม้แต่ระดับการให้ข้อมูล (สไลด์ 8)",
    en="The agency says the project reaches {claimed}, but the answers show no level yet,"
    " not even informing (slide 8).",
)
LEVEL_PG_NOTE = Text(
    th=" การรับฟังความคิดเห็นเป็นเพียงระดับที่ 2 ส่วนการบริหารราชการแบบมีส่วนร่วมต้องถึงระดับที่ 4"
    " ร่วมคิดร่วมทำ (สไลด์ 10)",
    en=" Consultation is only level 2; participatory governance means level 4, collaborate"
    " (slide 10).",
)
LEVEL_MATCH = Text(
    th="ระดับที่หน่วยงานระบุ ({claimed}) ตรงกับหลักฐานจากคำตอบ (สไลด์ 8)",
    en="The level the agency states ({claimed}) matches the evidence in the answers (slide 8).",
)
LEVEL_BELOW = Text(
    th="คำตอบแสดงระดับ{shown} ซึ่งสูงกว่าที่ระบุไว้ ({claimed}) ควรบอกประชาชนให้ชัดว่าเขามีบทบาทถึงระดับใด"
    " (สไลด์ 8)",
    en="The answers show {shown}, more than the stated {claimed}; tell the public plainly how"
    " far their role goes (slide 8).",
)
LEVEL_UNCLAIMED = Text(
    th="ไม่ได้ระบุระดับที่หน่วยงานอ้างไว้ คำตอบแสดงระดับ{shown} (สไลด์ 8)",
    en="No level was stated; the answers show {shown} (slide 8).",
)
LEVEL_UNCLAIMED_NONE = Text(
    th="ไม่ได้ระบุระดับที่หน่วยงานอ้างไว้ และคำตอบยังไม่แสดงหลักฐานของระดับการมีส่วนร่วมของประชาชนระดับใด (สไลด์ 8)",
    en="No level was stated and the answers show no participation level yet (slide 8).",
)
NO_LEVEL = Text(th="ยังไม่ถึงระดับใด", en="no level yet")

# The next action that a flagged level check adds.
LEVEL_ACTION = Text(
    th="ทำให้สิ่งที่บอกประชาชนตรงกับความจริง ประกาศว่าโครงการอยู่ในระดับ{shown}"
    " หรือเพิ่มบทบาทของประชาชนให้ถึงระดับ{claimed}จริง",
    en="Make what you tell the public match reality: announce the project as {shown},"
    " or give citizens the role that {claimed} really means.",
)

LEVEL_ACTION_WHY = Text(
    th="ระดับการมีส่วนร่วมของประชาชนที่ประกาศ (สไลด์ 8) ต้องตรงกับสิ่งที่ประชาชนทำได้จริง"
    " มิฉะนั้นจะเป็นภาพลวงตา ซึ่งเป็นข้อควรระวัง (สไลด์ 22)",
    en="The participation level announced (slide 8) must match what the public can really do;"
    " otherwise it is an illusion, a pitfall (slide 22).",
)

MATURITY_CAPPED = Text(
    th="คะแนนรวมสูงพอสำหรับระดับที่สูงกว่า แต่ระดับการมีส่วนร่วมที่แสดงยังไม่ถึงระดับที่ 4 ร่วมคิดร่วมทำ (สไลด์ 10)",
    en="The overall score would allow a higher band, but the participation shown has not"
    " reached level 4, collaborate (slide 10).",
)

# Ideas from outside the lecture are labelled, with their source.
ELSEWHERE = Text(th="แนวคิดเพิ่มเติมนอกการบรรยาย", en="An idea from outside the lecture")
SOURCE = Text(th="ที่มา", en="source")

# Report headings and labels.
REPORT_TITLE = Text(
    th="รายงานการประเมินคุณภาพการบริหารราชการแบบมีส่วนร่วม",
    en="Participatory governance quality report",
)
PROJECT = Text(th="โครงการ", en="Project")
AGENCY = Text(th="หน่วยงาน", en="Agency")
COMMUNITY = Text(th="ชุมชนเป้าหมาย", en="Target community")
STAGE = Text(th="ขั้นตอน", en="Stage")
ASSESSED_ON = Text(th="วันที่ประเมิน", en="Assessed on")
OVERALL = Text(th="ผลโดยรวม", en="Overall result")
OVERALL_SCORE = Text(th="คะแนนรวม", en="Overall score")
MATURITY = Text(th="ระดับความพร้อม", en="Maturity level")
COVERAGE = Text(
    th="ตอบแล้ว {answered} จาก {total} ข้อ", en="{answered} of {total} questions answered"
)
PROVISIONAL = Text(
    th="ผลนี้เป็นผลเบื้องต้น เพราะยังตอบไม่ถึงครึ่งของคำถาม",
    en="This result is provisional: fewer than half of the questions were answered.",
)
NO_SCORE = Text(th="ยังไม่มีคะแนน", en="no score yet")
LEVEL_HEADING = Text(
    th="ระดับการมีส่วนร่วม ที่ระบุกับที่แสดงจริง", en="Participation level, claimed and shown"
)
CLAIMED = Text(th="ระดับที่หน่วยงานระบุ", en="Level the agency states")
SHOWN = Text(th="ระดับที่คำตอบแสดง", en="Level the answers show")
NOT_STATED = Text(th="ไม่ได้ระบุ", en="not stated")
FLAG = Text(th="ข้อสังเกต", en="Flag")
SECTIONS_HEADING = Text(th="คะแนนรายหมวด", en="Section scores")
SECTION = Text(th="หมวด", en="Section")
SCORE = Text(th="คะแนน", en="Score")
ANSWERED = Text(th="ตอบแล้ว", en="Answered")
UNKNOWN = Text(th="ไม่ทราบ/ข้าม", en="Unknown/skipped")
ACTIONS_HEADING = Text(th="สิ่งที่ควรทำต่อไป", en="Next actions")
NO_ACTIONS = Text(th="ไม่มีข้อแนะนำเพิ่มเติม", en="No further actions suggested.")
WHY = Text(th="เหตุผลจากการบรรยาย", en="Why, from the lecture")
HISTORY_HEADING = Text(th="เทียบกับการประเมินครั้งก่อน", en="Compared with the last assessment")
BEFORE = Text(th="ครั้งก่อน", en="Last time")
NOW = Text(th="ครั้งนี้", en="This time")
CHANGE = Text(th="เปลี่ยนแปลง", en="Change")
IMPROVED = Text(th="ดีขึ้น", en="Improved")
DECLINED = Text(th="ลดลง", en="Declined")
CHANGED_FROM = Text(th="จาก {before} เป็น {after}", en="from {before} to {after}")
NEWLY_KNOWN = Text(th="ตอบได้แล้ว (ครั้งก่อนไม่ทราบ)", en="Now known (unknown last time)")
NOTHING_CHANGED = Text(th="ไม่มีข้อใดเปลี่ยนแปลง", en="No answer changed.")
GAPS_HEADING = Text(th="ข้อที่ยังไม่ทราบหรือข้ามไป", en="Unknown or skipped questions")
DETAILS_HEADING = Text(th="คำตอบและข้อแนะนำรายข้อ", en="Answers and advice, item by item")
ANSWER = Text(th="คำตอบ", en="Answer")
EVIDENCE = Text(th="หลักฐาน", en="Evidence")
ADVICE = Text(th="ข้อแนะนำ", en="Advice")
SKIPPED = Text(th="ข้าม", en="skipped")
SLIDES = Text(th="สไลด์", en="slides")
FOOTER = Text(
    th="อ้างอิงสไลด์จากการบรรยายเรื่องการบริหารราชการแบบมีส่วนร่วม ({source})"
    " ไม่มีสูตรสำเร็จที่ใช้ได้กับทุกสังคม ควรปรับให้เข้ากับบริบทของพื้นที่ (สไลด์ 22)",
    en="Slide references are to the lecture on participatory governance ({source})."
    " There is no single recipe that fits every society; adapt to the local context (slide 22).",
)
