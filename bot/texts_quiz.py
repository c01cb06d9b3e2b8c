"""Every user-facing string of the quiz, practice and results, in Thai and English.

Merged into `bot.texts` automatically; the `cmd.*` entries describe the quiz's commands in
the command menus (commands.py reads them by that name).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # Command menu descriptions
    "cmd.quiz": {"th": "ทำแบบทดสอบทบทวนความรู้", "en": "Take a quiz"},
    "cmd.practice": {"th": "ฝึกข้อที่เคยตอบผิด", "en": "Practise questions you missed"},
    "cmd.myresults": {"th": "ผลการทำแบบทดสอบของฉัน", "en": "My quiz results"},
    # Choosing a quiz
    "quiz.choose_topic": {
        "th": "📝 <b>แบบทดสอบ</b>\nเลือกหัวข้อที่ต้องการทดสอบได้เลยค่ะ",
        "en": "📝 <b>Quiz</b>\nPick a topic to be quizzed on.",
    },
    "quiz.topic_all": {"th": "📚 ทุกหัวข้อ", "en": "📚 All topics"},
    "quiz.choose_length": {
        "th": ("หัวข้อ: <b>{topic}</b>\nต้องการทำกี่ข้อคะ?\nปุ่มที่มี ⏱ จำกัดเวลาข้อละ {seconds} วินาที"),
        "en": (
            "Topic: <b>{topic}</b>\nHow many questions?\n"
            "Buttons with ⏱ give {seconds} seconds per question."
        ),
    },
    "quiz.length": {"th": "{count} ข้อ", "en": "{count} questions"},
    "quiz.length_timed": {"th": "⏱ {count} ข้อ", "en": "⏱ {count} questions"},
    "quiz.started": {
        "th": "เริ่มแบบทดสอบ <b>{topic}</b> · {count} ข้อ{timer}\nตอบโดยเลือกคำตอบในแต่ละข้อได้เลยค่ะ",
        "en": "Quiz on <b>{topic}</b> · {count} questions{timer}\nAnswer each question below.",
    },
    "quiz.timer": {"th": " · ⏱ ข้อละ {seconds} วินาที", "en": " · ⏱ {seconds} s each"},
    "quiz.practice_started": {
        "th": (
            "🎯 <b>ฝึกทบทวน</b> {count} ข้อที่เคยตอบผิด\n"
            "ข้อที่ตอบถูกจะเว้นนานขึ้นก่อนกลับมาอีก ข้อที่ยังตอบผิดจะกลับมาให้ฝึกเร็ว ๆ นี้ค่ะ"
        ),
        "en": (
            "🎯 <b>Practice</b>: {count} questions you missed.\n"
            "A question you get right comes back later; one you miss comes back soon."
        ),
    },
    "quiz.retake_started": {
        "th": "🔁 ทำชุดเดิมอีกครั้ง {count} ข้อ (สลับลำดับตัวเลือกใหม่) ค่ะ",
        "en": "🔁 The same {count} questions again, options reshuffled.",
    },
    # Asking
    "quiz.number": {"th": "{number}/{total} · ", "en": "{number}/{total} · "},
    "quiz.ordering": {
        "th": (
            "<b>{number}/{total}</b> 🔢 {question}\n\n"
            "<i>แตะตัวเลือกตามลำดับที่ถูกต้องทีละข้อ</i>\n{options}\n\nลำดับของคุณ: {chosen}"
        ),
        "en": (
            "<b>{number}/{total}</b> 🔢 {question}\n\n"
            "<i>Tap the options one by one in the right order.</i>\n{options}\n\n"
            "Your order: {chosen}"
        ),
    },
    "quiz.ordering_empty": {"th": "—", "en": "—"},
    "quiz.undo": {"th": "↩️ ย้อนกลับ", "en": "↩️ Undo"},
    "quiz.ordering_recorded": {
        "th": "📥 บันทึกคำตอบแล้วค่ะ เฉลยจะเปิดหลังครบกำหนดส่ง",
        "en": "📥 Answer recorded. The answers are revealed after the deadline.",
    },
    "quiz.ordering_right": {
        "th": "✅ <b>ถูกต้องค่ะ!</b>\n{explanation}",
        "en": "✅ <b>Right!</b>\n{explanation}",
    },
    "quiz.ordering_wrong": {
        "th": "❌ <b>ยังไม่ถูกค่ะ</b> ลำดับที่ถูกคือ: {answer}\n{explanation}",
        "en": "❌ <b>Not quite.</b> The right order: {answer}\n{explanation}",
    },
    "quiz.timeout": {
        "th": "⏰ หมดเวลาข้อ {number} ค่ะ ข้อนี้นับว่ายังไม่ได้ตอบ",
        "en": "⏰ Time is up for question {number}; it counts as not answered.",
    },
    "quiz.resume": {
        "th": (
            "คุณมีแบบทดสอบที่ยังทำไม่เสร็จค่ะ\n<b>{topic}</b> · ตอบแล้ว {answered}/{total} ข้อ\n"
            "จะทำต่อหรือเริ่มชุดใหม่คะ?"
        ),
        "en": (
            "You have an unfinished quiz.\n<b>{topic}</b> · {answered}/{total} answered\n"
            "Continue it or start a new one?"
        ),
    },
    "quiz.resumed": {"th": "▶️ ทำต่อจากข้อ {number} ค่ะ", "en": "▶️ Continuing at question {number}."},
    "quiz.button.continue": {"th": "▶️ ทำต่อ", "en": "▶️ Continue"},
    "quiz.button.new": {"th": "🆕 เริ่มชุดใหม่", "en": "🆕 Start a new quiz"},
    "quiz.closed": {
        "th": "แบบทดสอบนี้จบไปแล้วค่ะ เริ่มใหม่ได้ที่ /quiz",
        "en": "That quiz has ended. Start a new one with /quiz.",
    },
    "quiz.unavailable": {
        "th": "ขออภัยค่ะ คำถามในแบบทดสอบนี้ถูกเปลี่ยนในคลังข้อสอบแล้ว จึงทำต่อไม่ได้ เริ่มใหม่ได้ที่ /quiz",
        "en": "Sorry, this quiz's questions changed in the bank, so it can't go on. Try /quiz.",
    },
    # The end
    "quiz.score": {
        "th": "🏁 <b>จบแบบทดสอบ</b>\nคะแนน: <b>{correct}/{total}</b> ({percent}%)",
        "en": "🏁 <b>Quiz finished</b>\nScore: <b>{correct}/{total}</b> ({percent}%)",
    },
    "quiz.score_practice": {
        "th": "🎯 <b>จบรอบฝึก</b>\nตอบถูก: <b>{correct}/{total}</b> ({percent}%)",
        "en": "🎯 <b>Practice finished</b>\nRight: <b>{correct}/{total}</b> ({percent}%)",
    },
    "quiz.by_topic": {"th": "<b>แยกตามหัวข้อ</b>", "en": "<b>By topic</b>"},
    "quiz.topic_line": {
        "th": "• {topic}: {correct}/{total} ({percent}%)",
        "en": "• {topic}: {correct}/{total} ({percent}%)",
    },
    "quiz.all_right": {
        "th": "🎉 ตอบถูกทุกข้อ ยอดเยี่ยมมากค่ะ!",
        "en": "🎉 All right, excellent!",
    },
    "quiz.some_wrong": {
        "th": (
            "ตอบผิดหรือไม่ได้ตอบ {count} ข้อ กด 📖 เพื่อทบทวนพร้อมเนื้อหาจากสไลด์ ข้อที่ผิดจะกลับมาให้ฝึกที่ /practice"
        ),
        "en": (
            "{count} missed. Tap 📖 to review them with the slides' text; they will come "
            "back in /practice."
        ),
    },
    "quiz.button.review": {"th": "📖 ทบทวนข้อที่ผิด ({count})", "en": "📖 Review mistakes ({count})"},
    "quiz.button.retake": {"th": "🔁 ทำชุดนี้อีกครั้ง", "en": "🔁 Retake this quiz"},
    "quiz.button.practice": {"th": "🎯 ฝึกข้อที่ผิด", "en": "🎯 Practise the missed ones"},
    "quiz.no_mistakes": {
        "th": "แบบทดสอบนี้ไม่มีข้อที่ตอบผิดค่ะ",
        "en": "There are no mistakes to review in this quiz.",
    },
    # Review of mistakes
    "quiz.review_heading": {
        "th": "📖 <b>ทบทวนข้อที่ตอบผิด</b> ({count} ข้อ)",
        "en": "📖 <b>Your mistakes</b> ({count})",
    },
    "quiz.review_item": {
        "th": (
            "❌ <b>ข้อ {number}.</b> {question}\nคำตอบของคุณ: {chosen}\n"
            "คำตอบที่ถูก: <b>{answer}</b>\n\n💡 {explanation}"
        ),
        "en": (
            "❌ <b>Question {number}.</b> {question}\nYour answer: {chosen}\n"
            "Right answer: <b>{answer}</b>\n\n💡 {explanation}"
        ),
    },
    "quiz.not_answered": {"th": "(ไม่ได้ตอบ)", "en": "(not answered)"},
    "quiz.slide": {
        "th": "📖 <b>สไลด์ {number}</b>\n<i>{text}</i>",
        "en": "📖 <b>Slide {number}</b> (original Thai)\n<i>{text}</i>",
    },
    "quiz.slide_missing": {
        "th": "📖 สไลด์ {number} (ไม่พบข้อความในฐานความรู้)",
        "en": "📖 Slide {number} (its text is not in the knowledge base)",
    },
    "quiz.question_gone": {
        "th": "❌ <b>ข้อ {number}.</b> คำถามนี้ถูกนำออกจากคลังข้อสอบแล้ว",
        "en": "❌ <b>Question {number}.</b> This question has left the bank.",
    },
    # Practice
    "quiz.practice_none_due": {
        "th": "ยังไม่มีข้อที่ถึงกำหนดทบทวนค่ะ 👍\nข้อถัดไปจะถึงกำหนด {when} (เวลาประเทศไทย)",
        "en": (
            "Nothing is due for practice yet 👍\nThe next question is due {when} (Bangkok time)."
        ),
    },
    "quiz.practice_empty": {
        "th": ("ยังไม่มีข้อให้ฝึกค่ะ ข้อที่ตอบผิดในแบบทดสอบจะกลับมาให้ฝึกที่นี่ ลองทำแบบทดสอบที่ /quiz ก่อนนะคะ"),
        "en": (
            "There is nothing to practise yet. Questions you miss in a quiz come back "
            "here; try /quiz first."
        ),
    },
    # Results
    "quiz.results": {
        "th": (
            "📊 <b>ผลการทำแบบทดสอบของคุณ</b>\n\n<b>ครั้งล่าสุด</b>\n{attempts}\n\n"
            "<b>ตามหัวข้อ</b> (ทุกครั้งรวมกัน)\n{topics}\n\n"
            "<b>กล่องทบทวน</b>\n"
            "ข้อที่ตอบผิดจะอยู่กล่อง 1 และกลับมาให้ฝึกเร็ว ตอบถูกแล้วข้อนั้นจะเลื่อนขึ้นกล่องถัดไป "
            "และเว้นนานขึ้นก่อนกลับมา ข้อที่รู้แล้วจึงกลับมาน้อยลง ถ้าตอบผิดอีกจะกลับไปกล่อง 1\n"
            "{boxes}\nถึงกำหนดทบทวนตอนนี้: {due} ข้อ{hint}"
        ),
        "en": (
            "📊 <b>Your quiz results</b>\n\n<b>Latest attempts</b>\n{attempts}\n\n"
            "<b>By topic</b> (all attempts)\n{topics}\n\n"
            "<b>Practice boxes</b>\n"
            "A question you miss goes to box 1 and comes back soon. Each right answer moves "
            "it up a box, and it comes back later, so what you know shows up less; a miss "
            "sends it back to box 1.\n"
            "{boxes}\nDue for practice now: {due}{hint}"
        ),
    },
    "quiz.results_empty": {
        "th": "ยังไม่มีผลแบบทดสอบค่ะ เริ่มทำได้ที่ /quiz",
        "en": "No quiz results yet. Start one with /quiz.",
    },
    "quiz.results_hint": {"th": " → /practice", "en": " → /practice"},
    "quiz.attempt_line": {
        "th": "• {when} · {title} · {correct}/{total} ({percent}%){status}",
        "en": "• {when} · {title} · {correct}/{total} ({percent}%){status}",
    },
    "quiz.status.in_progress": {"th": " · ⏳ ยังไม่จบ", "en": " · ⏳ unfinished"},
    "quiz.status.abandoned": {"th": " · ⏹ ไม่ได้ทำต่อ", "en": " · ⏹ abandoned"},
    "quiz.mode.practice": {"th": "ฝึกทบทวน", "en": "Practice"},
    "quiz.mode.assignment": {"th": "งานที่ได้รับมอบหมาย", "en": "Assignment"},
    "quiz.no_topics": {"th": "• ยังไม่มีข้อที่ตอบ", "en": "• nothing answered yet"},
    "quiz.box": {"th": "กล่อง {box}: {count}", "en": "box {box}: {count}"},
}
