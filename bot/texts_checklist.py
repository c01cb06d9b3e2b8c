"""Strings of the checklist conversation (/checklist), in Thai (the default) and English.

Merged into `bot.texts` (keys start with ``cl.``; ``cmd.checklist`` is the command's menu
entry). Labels of items, sections, answers and levels come from checklist/definition.yaml.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "cmd.checklist": {
        "th": "ตรวจสอบคุณภาพโครงการแบบมีส่วนร่วม",
        "en": "Check the quality of a participatory project",
    },
    # Projects
    "cl.projects": {
        "th": (
            "<b>✅ แบบตรวจสอบคุณภาพโครงการแบบมีส่วนร่วม</b>\n"
            "เลือกโครงการเพื่อทำต่อหรือประเมินซ้ำ หรือเริ่มโครงการใหม่\n\n{projects}"
        ),
        "en": (
            "<b>✅ Participatory project checklist</b>\n"
            "Pick a project to continue or assess again, or start a new one.\n\n{projects}"
        ),
    },
    "cl.projects.none": {
        "th": (
            "<b>✅ แบบตรวจสอบคุณภาพโครงการแบบมีส่วนร่วม</b>\n"
            "ตอบคำถามทีละข้อ (ประมาณ {count} ข้อ) แล้วรับคะแนนรายหมวด ระดับความพร้อม "
            "ข้อแนะนำจากการบรรยาย แผนภูมิ และรายงาน PDF\n"
            "คำตอบทุกข้อบันทึกทันที หยุดแล้วกลับมาทำต่อเมื่อไรก็ได้\n\n"
            "ยังไม่มีโครงการ กดปุ่มด้านล่างเพื่อเริ่มค่ะ"
        ),
        "en": (
            "<b>✅ Participatory project checklist</b>\n"
            "Answer one question at a time (about {count}) and get section scores, a "
            "maturity level, advice from the lecture, a chart and a PDF report.\n"
            "Every answer is saved at once: stop and come back whenever you like.\n\n"
            "You have no projects yet. Tap the button below to start."
        ),
    },
    "cl.project.line": {"th": "• <b>{name}</b> — {status}", "en": "• <b>{name}</b> — {status}"},
    "cl.status.progress": {
        "th": "กำลังทำ ข้อ {position}/{total}",
        "en": "in progress, question {position}/{total}",
    },
    "cl.status.finished": {
        "th": "ประเมินแล้ว {count} ครั้ง",
        "en": "assessed {count} time(s)",
    },
    "cl.status.new": {"th": "ยังไม่ได้ประเมิน", "en": "not assessed yet"},
    "cl.button.new": {"th": "➕ โครงการใหม่", "en": "➕ New project"},
    "cl.button.projects": {"th": "📋 โครงการของฉัน", "en": "📋 My projects"},
    "cl.button.again": {"th": "🔁 ประเมินอีกครั้ง", "en": "🔁 Assess again"},
    "cl.button.report": {"th": "📄 รายงานล่าสุด", "en": "📄 Latest report"},
    "cl.button.resume": {"th": "▶️ ทำต่อ", "en": "▶️ Continue"},
    "cl.button.cancel": {"th": "✖️ ยกเลิก", "en": "✖️ Cancel"},
    "cl.name.prompt": {
        "th": "พิมพ์ชื่อโครงการที่จะประเมินแล้วส่งมาได้เลยค่ะ (ไม่เกิน {limit} ตัวอักษร)",
        "en": "Type the name of the project to assess (up to {limit} characters).",
    },
    "cl.project.card": {
        "th": (
            "<b>{name}</b>\nประเมินล่าสุดเมื่อ {date}: คะแนนรวม {score} · {maturity}\n\n"
            "ประเมินอีกครั้งเพื่อดูว่าอะไรดีขึ้นหรือลดลง หรือขอรายงานล่าสุด"
        ),
        "en": (
            "<b>{name}</b>\nLast assessed on {date}: overall {score} · {maturity}\n\n"
            "Assess it again to see what improved or declined, or get the latest report."
        ),
    },
    "cl.started": {
        "th": "เริ่มประเมิน <b>{name}</b> แล้วค่ะ คำตอบทุกข้อบันทึกทันที หยุดแล้วกลับมาทำต่อได้ที่ /checklist",
        "en": (
            "Assessment of <b>{name}</b> started. Every answer is saved at once; "
            "stop any time and continue with /checklist."
        ),
    },
    "cl.resumed": {
        "th": "ทำต่อจากที่ค้างไว้ <b>{name}</b> (ตอบแล้ว {answered} ข้อ)",
        "en": "Continuing <b>{name}</b> where you left off ({answered} answered).",
    },
    # One item
    "cl.item": {
        "th": (
            "<b>ข้อ {position}/{total}</b> · หมวด {section} {title}\n{bar}\n\n"
            "<b>{question}</b>\n<i>{help}</i>"
        ),
        "en": (
            "<b>Question {position}/{total}</b> · Section {section} {title}\n{bar}\n\n"
            "<b>{question}</b>\n<i>{help}</i>"
        ),
    },
    "cl.item.type": {
        "th": "✍️ พิมพ์คำตอบแล้วส่งมาได้เลย",
        "en": "✍️ Type your answer and send it.",
    },
    "cl.item.current": {"th": "คำตอบเดิม: {answer}", "en": "Current answer: {answer}"},
    "cl.item.evidence": {"th": "หลักฐาน: {evidence}", "en": "Evidence: {evidence}"},
    "cl.item.answered": {
        "th": "<b>ข้อ {position}/{total}</b> {question}\n✅ {answer}",
        "en": "<b>Question {position}/{total}</b> {question}\n✅ {answer}",
    },
    "cl.item.skipped": {
        "th": "<b>ข้อ {position}/{total}</b> {question}\n⏭ ข้าม",
        "en": "<b>Question {position}/{total}</b> {question}\n⏭ skipped",
    },
    "cl.item.left": {
        "th": "<b>ข้อ {position}/{total}</b> {question}\n◀️ ย้อนกลับ",
        "en": "<b>Question {position}/{total}</b> {question}\n◀️ went back",
    },
    "cl.button.back": {"th": "◀️ ย้อนกลับ", "en": "◀️ Back"},
    "cl.button.skip": {"th": "ข้าม ⏭", "en": "Skip ⏭"},
    "cl.button.why": {"th": "❓ ข้อนี้หมายความว่าอย่างไร", "en": "❓ What does this mean?"},
    "cl.button.pause": {"th": "⏸ พักไว้ก่อน", "en": "⏸ Pause"},
    "cl.button.evidence": {"th": "📝 เพิ่มหลักฐาน", "en": "📝 Add evidence"},
    "cl.button.finish": {"th": "🏁 ดูผลการประเมิน", "en": "🏁 See the results"},
    "cl.end": {
        "th": (
            "<b>ครบทุกข้อแล้วค่ะ</b>\nตอบแล้ว {answered} ข้อ ข้ามหรือไม่ทราบ {gaps} ข้อ\n"
            "กดดูผลการประเมิน หรือย้อนกลับไปแก้คำตอบก่อนก็ได้"
        ),
        "en": (
            "<b>That was the last question.</b>\n{answered} answered, {gaps} skipped or unknown.\n"
            "See the results now, or go back and change an answer first."
        ),
    },
    "cl.paused": {
        "th": "บันทึกไว้แล้วค่ะ กลับมาทำต่อเมื่อไรก็ได้ที่ /checklist",
        "en": "Saved. Continue whenever you like with /checklist.",
    },
    "cl.cancelled": {"th": "ยกเลิกแล้วค่ะ", "en": "Cancelled."},
    # Evidence and typed answers
    "cl.evidence.prompt": {
        "th": (
            "📝 พิมพ์หลักฐานสำหรับข้อนี้ (ไม่เกิน {limit} ตัวอักษร) เช่น รายงานการประชุม "
            "ภาพถ่าย หรือตัวเลข:\n<i>{question}</i>"
        ),
        "en": (
            "📝 Type the evidence for this question (up to {limit} characters), such as "
            "minutes, photos or figures:\n<i>{question}</i>"
        ),
    },
    "cl.evidence.saved": {
        "th": "📝 บันทึกหลักฐานแล้วค่ะ: <i>{evidence}</i>",
        "en": "📝 Evidence saved: <i>{evidence}</i>",
    },
    "cl.evidence.closed": {
        "th": "บันทึกหลักฐานไม่ได้ค่ะ เพราะการประเมินนี้เสร็จสิ้นหรือถูกปิดไปแล้ว",
        "en": "The evidence could not be saved: this assessment is already finished.",
    },
    "cl.text.too_long": {
        "th": "ข้อความยาวเกินไปค่ะ ({length} ตัวอักษร) กรุณาพิมพ์ให้สั้นลงไม่เกิน {limit} ตัวอักษร",
        "en": "That is too long ({length} characters). Please keep it under {limit} characters.",
    },
    "cl.text.empty": {
        "th": "ข้อความว่างเปล่าค่ะ กรุณาพิมพ์ใหม่อีกครั้ง",
        "en": "That message is empty; please type it again.",
    },
    # What does this mean?
    "cl.why.heading": {
        "th": "❓ <b>ข้อนี้หมายความว่าอย่างไร</b>\n<i>{question}</i>",
        "en": "❓ <b>What this question means</b>\n<i>{question}</i>",
    },
    "cl.why.concept": {
        "th": "📘 <b>แนวคิด</b>\n{concept}",
        "en": "📘 <b>The idea</b>\n{concept}",
    },
    "cl.why.example": {
        "th": "🏛 <b>ตัวอย่างจากหน่วยงานไทย</b> <i>(ตัวอย่างสมมุติเพื่อให้เห็นภาพ)</i>\n{example}",
        "en": "🏛 <b>An example from a Thai agency</b> <i>(made up, to illustrate)</i>\n{example}",
    },
    "cl.why.reason": {
        "th": "💡 <b>การบรรยายว่าไว้อย่างไร</b>\n{why}",
        "en": "💡 <b>What the lecture says</b>\n{why}",
    },
    "cl.why.elsewhere": {
        "th": "🔎 <b>แนวคิดเพิ่มเติมนอกการบรรยาย</b> (ที่มา: {source})\n{text}",
        "en": "🔎 <b>An idea from outside the lecture</b> (source: {source})\n{text}",
    },
    "cl.why.slides": {
        "th": "📚 ดูเพิ่มเติมในการบรรยาย: {slides}",
        "en": "📚 See the lecture: {slides}",
    },
    "cl.why.lecture": {
        "th": "📖 <b>จากการบรรยาย</b>\n{answer}",
        "en": "📖 <b>From the lecture</b>\n{answer}",
    },
    # Results
    "cl.working": {
        "th": "⏳ กำลังคำนวณคะแนนและจัดทำรายงาน…",
        "en": "⏳ Scoring and preparing the report…",
    },
    "cl.result.heading": {
        "th": "🏁 <b>ผลการประเมิน: {name}</b>",
        "en": "🏁 <b>Results: {name}</b>",
    },
    "cl.result.overall": {
        "th": "คะแนนรวม <b>{score}</b>/100 · ระดับความพร้อม <b>{maturity}</b>\n<i>{description}</i>",
        "en": "Overall <b>{score}</b>/100 · maturity <b>{maturity}</b>\n<i>{description}</i>",
    },
    "cl.result.no_overall": {
        "th": "ยังคำนวณคะแนนรวมไม่ได้ เพราะยังไม่มีข้อที่ตอบว่าใช่ บางส่วน หรือไม่ใช่",
        "en": "No overall score yet: no question was answered yes, partly or no.",
    },
    "cl.result.capped": {
        "th": "ℹ️ {note}",
        "en": "ℹ️ {note}",
    },
    "cl.result.coverage": {
        "th": "ตอบแล้ว {answered} จาก {total} ข้อที่ให้คะแนน",
        "en": "{answered} of {total} scored questions answered",
    },
    "cl.result.provisional": {
        "th": "⚠️ ผลนี้เป็นผลเบื้องต้น เพราะยังตอบไม่ถึงครึ่งของคำถาม",
        "en": "⚠️ Provisional: fewer than half of the questions were answered.",
    },
    "cl.result.sections": {"th": "<b>คะแนนรายหมวด</b>", "en": "<b>Section scores</b>"},
    "cl.result.section": {
        "th": "{bar} {score} · {section} {title}",
        "en": "{bar} {score} · {section} {title}",
    },
    "cl.result.level": {
        "th": "<b>ระดับการมีส่วนร่วม</b>\nที่ระบุ: {claimed} · ที่คำตอบแสดง: {shown}\n{mark} {message}",
        "en": (
            "<b>Participation level</b>\nstated: {claimed} · shown by the answers: {shown}\n"
            "{mark} {message}"
        ),
    },
    "cl.actions.heading": {
        "th": "🎯 <b>สิ่งที่ควรทำต่อไป</b>",
        "en": "🎯 <b>Next actions</b>",
    },
    "cl.actions.item": {
        "th": "<b>{number}. {text}</b>\n<i>เหตุผลจากการบรรยาย:</i> {why}",
        "en": "<b>{number}. {text}</b>\n<i>Why, from the lecture:</i> {why}",
    },
    "cl.actions.elsewhere": {
        "th": "<i>แนวคิดเพิ่มเติมนอกการบรรยาย:</i> {text} (ที่มา: {source})",
        "en": "<i>An idea from outside the lecture:</i> {text} (source: {source})",
    },
    "cl.actions.none": {
        "th": "ไม่มีข้อแนะนำเพิ่มเติม ทำได้ดีมากค่ะ",
        "en": "No further actions suggested. Well done.",
    },
    "cl.history.heading": {
        "th": "📈 <b>เทียบกับการประเมินครั้งก่อน</b>",
        "en": "📈 <b>Compared with the last assessment</b>",
    },
    "cl.history.overall": {
        "th": "คะแนนรวม {before} → {after} ({delta})",
        "en": "Overall {before} → {after} ({delta})",
    },
    "cl.history.maturity": {
        "th": "ระดับความพร้อม {before} → {after}",
        "en": "Maturity {before} → {after}",
    },
    "cl.history.section": {
        "th": "{mark} {section} {title}: {before} → {after}",
        "en": "{mark} {section} {title}: {before} → {after}",
    },
    "cl.history.improved": {"th": "<b>ดีขึ้น</b>", "en": "<b>Improved</b>"},
    "cl.history.declined": {"th": "<b>ลดลง</b>", "en": "<b>Declined</b>"},
    "cl.history.change": {
        "th": "• {question} ({before} → {after})",
        "en": "• {question} ({before} → {after})",
    },
    "cl.history.none": {
        "th": "ไม่มีคำตอบข้อใดเปลี่ยนแปลง",
        "en": "No answer changed.",
    },
    "cl.history.skipped": {"th": "ข้าม", "en": "skipped"},
    "cl.chart.caption": {
        "th": "แผนภูมิคะแนนรายหมวด: {name}",
        "en": "Section scores: {name}",
    },
    "cl.report.caption": {
        "th": "รายงานการประเมิน: {name}",
        "en": "Assessment report: {name}",
    },
    "cl.report.done": {
        "th": "ส่งแผนภูมิและรายงาน (PDF และ Markdown) แล้วค่ะ ประเมินซ้ำได้ภายหลังเพื่อเทียบผล",
        "en": "Chart and report (PDF and Markdown) sent. Assess again later to compare.",
    },
    "cl.no_score": {"th": "–", "en": "–"},
    # Problems
    "cl.private_only": {
        "th": "แบบตรวจสอบโครงการใช้ได้ในแชตส่วนตัวกับบอตเท่านั้นค่ะ",
        "en": "The project checklist works in a private chat with the bot only.",
    },
    "cl.invalid": {
        "th": "ปุ่มนี้ใช้ไม่ได้แล้วค่ะ ดูคำถามล่าสุดได้ที่ /checklist",
        "en": "This button is no longer valid. See your current question with /checklist.",
    },
    "cl.no_report": {
        "th": "โครงการนี้ยังไม่มีผลการประเมินที่เสร็จสมบูรณ์ค่ะ",
        "en": "This project has no finished assessment yet.",
    },
}
