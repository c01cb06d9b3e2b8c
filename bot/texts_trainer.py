"""Every user-facing string of the trainer tools and the trainees' assignments, Thai and English.

Merged into `bot.texts` (keys start with ``tr.``; ``cmd.*`` describe the commands in the
command menus). Texts used with `plain()` or `alert()` (buttons, pop-ups) hold no HTML.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # Command menu descriptions
    "cmd.cohort": {"th": "รุ่นผู้เข้าอบรมของฉัน (สร้าง/ดูสมาชิก)", "en": "My cohorts (create, members)"},
    "cmd.assign": {"th": "มอบหมายแบบทดสอบให้รุ่น", "en": "Assign a quiz to a cohort"},
    "cmd.results": {"th": "ผลการทำแบบทดสอบของรุ่น", "en": "Results of an assignment"},
    "cmd.import": {
        "th": "นำเข้าคำถาม (CSV, GIFT, Aiken) หรือส่งไฟล์คำถามมาในแชตนี้ได้เลย",
        "en": "Import questions (CSV, GIFT, Aiken), or just send a question file here",
    },
    "cmd.join": {"th": "เข้าร่วมรุ่นด้วยรหัสเชิญ", "en": "Join a cohort with its invite code"},
    "cmd.tasks": {"th": "งานที่ได้รับมอบหมาย", "en": "My assignments"},
    "cmd.leaderboard": {"th": "กระดานคะแนนของรุ่น", "en": "Cohort leaderboard"},
    # Shared
    "tr.not_yours": {
        "th": "รายการนี้ไม่ใช่ของคุณ หรือไม่มีอยู่แล้วค่ะ จึงไม่มีอะไรเปลี่ยนแปลง",
        "en": "That is not yours, or no longer exists, so nothing was changed.",
    },
    "tr.private_only": {
        "th": "คำสั่งนี้ใช้ได้ในแชตส่วนตัวกับบอทเท่านั้นค่ะ",
        "en": "This command works only in a private chat with the bot.",
    },
    # Buttons
    "tr.button.start": {"th": "▶️ เริ่มทำแบบทดสอบ", "en": "▶️ Start the quiz"},
    "tr.button.start_task": {"th": "▶️ {title}", "en": "▶️ {title}"},
    "tr.button.continue": {"th": "⏯ ทำต่อ: {title}", "en": "⏯ Continue: {title}"},
    "tr.button.review": {"th": "📖 ดูเฉลยข้อที่พลาด ({count})", "en": "📖 Review missed ({count})"},
    "tr.button.chart": {"th": "📊 กราฟผลคะแนน", "en": "📊 Results chart"},
    "tr.button.csv": {"th": "📄 ไฟล์ CSV", "en": "📄 CSV file"},
    "tr.button.xlsx": {"th": "📗 ไฟล์ Excel", "en": "📗 Excel file"},
    "tr.button.members": {"th": "👥 สมาชิก", "en": "👥 Members"},
    "tr.button.board_on": {"th": "🏆 เปิดกระดานคะแนน", "en": "🏆 Turn the leaderboard on"},
    "tr.button.board_off": {"th": "🏆 ปิดกระดานคะแนน", "en": "🏆 Turn the leaderboard off"},
    "tr.button.remove": {"th": "➖ นำ {name} ออก", "en": "➖ Remove {name}"},
    "tr.button.cancel": {"th": "❌ ยกเลิก", "en": "❌ Cancel"},
    "tr.button.next": {"th": "ถัดไป ➡️", "en": "Next ➡️"},
    "tr.button.assign": {"th": "✅ มอบหมายเลย", "en": "✅ Assign"},
    "tr.button.rename": {"th": "✏️ เปลี่ยนชื่องาน", "en": "✏️ Rename"},
    "tr.button.template": {"th": "📄 ตัวอย่างไฟล์ CSV", "en": "📄 CSV template"},
    "tr.button.retire": {"th": "🗑 เลิกใช้ {name}", "en": "🗑 Retire {name}"},
    "tr.button.show_me": {"th": "🙋 แสดงชื่อฉันใน {name}", "en": "🙋 Show me on {name}"},
    "tr.button.hide_me": {"th": "🙈 ซ่อนชื่อฉันใน {name}", "en": "🙈 Hide me on {name}"},
    # Cohorts
    "tr.cohort.usage": {
        "th": (
            "สร้างรุ่นใหม่โดยพิมพ์ <code>/cohort new ชื่อรุ่น</code> เช่น <code>/cohort new รุ่น 1/2569</code>"
        ),
        "en": (
            "Create a cohort with <code>/cohort new NAME</code>, e.g. <code>/cohort new Batch "
            "1</code>"
        ),
    },
    "tr.cohort.bad_name": {
        "th": "ชื่อรุ่นต้องยาว 1-80 ตัวอักษรค่ะ",
        "en": "A cohort name has 1 to 80 characters.",
    },
    "tr.cohort.created": {
        "th": (
            "✅ สร้างรุ่นแล้วค่ะ\n\n{card}\n\nส่งลิงก์หรือรหัสนี้ให้ผู้เข้าอบรม แล้วใช้ /assign เพื่อมอบหมายแบบทดสอบ"
        ),
        "en": "✅ Cohort created.\n\n{card}\n\nShare the link or the code, then use /assign.",
    },
    "tr.cohort.card": {
        "th": (
            "<b>{name}</b>\nรหัสเชิญ: <code>{code}</code>\nลิงก์เชิญ: {link}\n"
            "สมาชิก: {members} คน\n{group}\n{board}"
        ),
        "en": (
            "<b>{name}</b>\nInvite code: <code>{code}</code>\nInvite link: {link}\n"
            "Members: {members}\n{group}\n{board}"
        ),
    },
    "tr.cohort.group_yes": {"th": "กลุ่ม Telegram: เชื่อมแล้ว", "en": "Telegram group: linked"},
    "tr.cohort.group_no": {
        "th": "กลุ่ม Telegram: ยังไม่เชื่อม (พิมพ์ /cohort link ในกลุ่ม)",
        "en": "Telegram group: not linked (send /cohort link in the group)",
    },
    "tr.cohort.board_on": {"th": "กระดานคะแนน: เปิด", "en": "Leaderboard: on"},
    "tr.cohort.board_off": {"th": "กระดานคะแนน: ปิด", "en": "Leaderboard: off"},
    "tr.cohort.none": {
        "th": "คุณยังไม่มีรุ่นค่ะ สร้างได้ด้วย <code>/cohort new ชื่อรุ่น</code>",
        "en": "You have no cohorts yet. Create one with <code>/cohort new NAME</code>.",
    },
    "tr.cohort.list": {
        "th": (
            "<b>รุ่นของคุณ</b>\nเลือกรุ่นเพื่อดูรหัสเชิญและสมาชิก หรือสร้างรุ่นใหม่ด้วย <code>/cohort new "
            "ชื่อรุ่น</code>"
        ),
        "en": (
            "<b>Your cohorts</b>\nPick one for its code and members, or create one with "
            "<code>/cohort new NAME</code>."
        ),
    },
    "tr.members.list": {
        "th": "<b>สมาชิกของ {name}</b> ({count} คน)\n{lines}",
        "en": "<b>Members of {name}</b> ({count})\n{lines}",
    },
    "tr.members.line": {
        "th": "• {name} ({user_id}) เข้าร่วม {joined}",
        "en": "• {name} ({user_id}) joined {joined}",
    },
    "tr.members.none": {"th": "{name} ยังไม่มีสมาชิกค่ะ", "en": "{name} has no members yet."},
    "tr.members.removed": {"th": "นำออกจากรุ่นแล้วค่ะ", "en": "Removed from the cohort."},
    "tr.members.gone": {"th": "คนนี้ไม่ได้อยู่ในรุ่นแล้วค่ะ", "en": "They were no longer in the cohort."},
    "tr.board.turned_on": {
        "th": "เปิดกระดานคะแนนแล้ว จะแสดงเฉพาะผู้ที่เลือกให้แสดงชื่อเองเท่านั้น",
        "en": "Leaderboard on. Only members who opt in are shown.",
    },
    "tr.board.turned_off": {"th": "ปิดกระดานคะแนนแล้วค่ะ", "en": "Leaderboard off."},
    "tr.link.in_group": {
        "th": "พิมพ์ /cohort link ในกลุ่ม Telegram ที่ต้องการเชื่อมกับรุ่นค่ะ",
        "en": "Send /cohort link inside the Telegram group you want to link.",
    },
    "tr.link.choose": {"th": "เชื่อมกลุ่มนี้กับรุ่นใด?", "en": "Link this group to which cohort?"},
    "tr.link.done": {
        "th": "เชื่อมกลุ่มนี้กับ {name} แล้ว สมาชิกกลุ่มพิมพ์ /join เพื่อเข้าร่วมรุ่นได้เลยค่ะ",
        "en": "This group is now linked to {name}. Members can send /join to join the cohort.",
    },
    "tr.link.taken": {
        "th": "กลุ่มนี้เชื่อมกับรุ่นอื่นอยู่แล้วค่ะ",
        "en": "This group is already linked to another cohort.",
    },
    # Joining
    "tr.join.usage": {
        "th": (
            "พิมพ์ <code>/join รหัสเชิญ</code> เช่น <code>/join ABCD2345</code> หรือเปิดลิงก์เชิญจากผู้ฝึกอบรม"
        ),
        "en": (
            "Send <code>/join CODE</code>, e.g. <code>/join ABCD2345</code>, or open your "
            "trainer's link."
        ),
    },
    "tr.join.done": {
        "th": "🎉 เข้าร่วม <b>{name}</b> แล้วค่ะ งานที่ได้รับมอบหมายจะส่งมาที่แชตนี้ ดูได้ตลอดที่ /tasks",
        "en": (
            "🎉 You joined <b>{name}</b>. Assignments will arrive in this chat; see /tasks any "
            "time."
        ),
    },
    "tr.join.already": {
        "th": "คุณเป็นสมาชิกของ <b>{name}</b> อยู่แล้วค่ะ ดูงานได้ที่ /tasks",
        "en": "You are already in <b>{name}</b>. See /tasks.",
    },
    "tr.join.done_group": {
        "th": (
            "🎉 คุณ {person} เข้าร่วม <b>{name}</b> แล้วค่ะ งานจะส่งไปที่แชตส่วนตัว "
            "โปรดเปิด {link} แล้วกด Start"
        ),
        "en": (
            "🎉 {person} joined <b>{name}</b>. Assignments come in a private chat: open {link} "
            "and press Start."
        ),
    },
    "tr.join.already_group": {
        "th": "คุณ {person} เป็นสมาชิกของ <b>{name}</b> อยู่แล้วค่ะ งานอยู่ในแชตส่วนตัว: {link}",
        "en": "{person} is already in <b>{name}</b>. Assignments are in the private chat: {link}",
    },
    "tr.join.unknown_code": {
        "th": "ไม่พบรุ่นที่ใช้รหัสนี้ค่ะ กรุณาตรวจสอบรหัสกับผู้ฝึกอบรม",
        "en": "No cohort has that code. Please check it with your trainer.",
    },
    "tr.join.closed": {
        "th": "รุ่นนี้ปิดรับสมาชิกใหม่แล้วค่ะ",
        "en": "This cohort no longer takes new members.",
    },
    "tr.join.not_linked": {
        "th": "กลุ่มนี้ยังไม่ได้เชื่อมกับรุ่นใดค่ะ ใช้ <code>/join รหัสเชิญ</code> แทน",
        "en": "This group is not linked to a cohort. Use <code>/join CODE</code> instead.",
    },
    # /assign form
    "tr.assign.no_cohort": {
        "th": "ต้องมีรุ่นก่อนจึงจะมอบหมายได้ค่ะ สร้างด้วย <code>/cohort new ชื่อรุ่น</code>",
        "en": "Create a cohort first with <code>/cohort new NAME</code>.",
    },
    "tr.assign.header": {
        "th": "📝 <b>มอบหมายแบบทดสอบ</b> · ขั้นที่ {number}/{total}",
        "en": "📝 <b>Assign a quiz</b> · step {number} of {total}",
    },
    "tr.assign.cohort": {"th": "เลือกรุ่นที่จะได้รับงานค่ะ", "en": "Which cohort gets it?"},
    "tr.assign.topics": {
        "th": "รุ่น: <b>{cohort}</b>\nเลือกหัวข้อ (เลือกได้หลายหัวข้อ) แล้วกด ถัดไป",
        "en": "Cohort: <b>{cohort}</b>\nTick the topics (several allowed), then Next.",
    },
    "tr.assign.all_topics": {"th": "ทุกหัวข้อ", "en": "All topics"},
    "tr.assign.empty_pool": {
        "th": "หัวข้อที่เลือกยังไม่มีคำถามค่ะ",
        "en": "The chosen topics hold no questions.",
    },
    "tr.assign.count": {
        "th": "มีคำถามให้เลือก {pool} ข้อ ต้องการกี่ข้อคะ?",
        "en": "{pool} questions available. How many?",
    },
    "tr.assign.count_button": {"th": "{count} ข้อ", "en": "{count}"},
    "tr.assign.pass": {"th": "เกณฑ์ผ่าน (ร้อยละของข้อที่ตอบถูก)", "en": "Pass mark (percent right)"},
    "tr.assign.opens": {
        "th": (
            "เปิดให้ทำเมื่อไร? กดปุ่ม หรือพิมพ์วันเวลา (เวลาไทย) เช่น <code>5 ธ.ค. 2569 17:00</code> "
            "หรือ <code>5/12/2569 17.00 น.</code>"
        ),
        "en": (
            "When does it open? Press a button or type a Bangkok time such as <code>5 Dec 2026 "
            "17:00</code> or <code>2026-12-05 17:00</code>"
        ),
    },
    "tr.assign.open_now": {"th": "ตอนนี้", "en": "Now"},
    "tr.assign.open_1d": {"th": "อีก 1 วัน", "en": "In 1 day"},
    "tr.assign.due": {
        "th": (
            "เปิด {opens}\nกำหนดส่งเมื่อไร? กดปุ่ม (นับจากเวลาเปิด) หรือพิมพ์วันเวลา เช่น "
            "<code>12 ธ.ค. 2569 16:30</code> หรือ <code>12/12/2569 16.30 น.</code> "
            "(พิมพ์แค่วันที่ หมายถึง 23:59 น. ของวันนั้น)"
        ),
        "en": (
            "Opens {opens}\nWhen is it due? Press a button (after the opening) or type e.g. "
            "<code>12 Dec 2026 16:30</code> or <code>2026-12-12 16:30</code> (a date alone means "
            "23:59 that day)"
        ),
    },
    "tr.assign.due_1d": {"th": "+1 วัน", "en": "+1 day"},
    "tr.assign.due_3d": {"th": "+3 วัน", "en": "+3 days"},
    "tr.assign.due_7d": {"th": "+7 วัน", "en": "+7 days"},
    "tr.assign.bad_time": {
        "th": (
            "อ่านวันเวลานี้ไม่ได้ค่ะ กรุณาพิมพ์วันที่ เดือน ปี พ.ศ. และเวลา (เวลาไทย) เช่น "
            "<code>11 ธ.ค. 2569 16:30</code>, <code>11 ธันวาคม 2569</code> หรือ "
            "<code>11/12/2569 16.30 น.</code>"
        ),
        "en": (
            "I can't read that date. Please type the day, month, year and time (Bangkok time), "
            "e.g. <code>11 Dec 2026 16:30</code>, <code>December 11, 2026 4:30 pm</code> or "
            "<code>2026-12-11 16:30</code>."
        ),
    },
    "tr.assign.no_such_day": {
        "th": (
            "ไม่มีวันที่นี้ในปฏิทินค่ะ กรุณาพิมพ์ใหม่ เช่น <code>28 ก.พ. 2570 16:30</code> "
            "หรือ <code>28/2/2570 16.30 น.</code>"
        ),
        "en": (
            "That day does not exist in the calendar. Please type it again, e.g. "
            "<code>28 Feb 2027 16:30</code>."
        ),
    },
    "tr.assign.bad_due": {
        "th": "กำหนดส่งต้องอยู่หลังเวลาเปิดและยังไม่ผ่านไปค่ะ",
        "en": "The deadline must come after the opening and be in the future.",
    },
    "tr.assign.attempts": {"th": "ให้ทำได้กี่ครั้งคะ?", "en": "How many attempts?"},
    "tr.assign.reveal": {"th": "เปิดเผยเฉลยเมื่อไรคะ?", "en": "When are the right answers shown?"},
    "tr.reveal.immediately": {"th": "ทันทีที่ทำเสร็จ", "en": "Right after finishing"},
    "tr.reveal.after_due": {"th": "หลังกำหนดส่ง", "en": "After the deadline"},
    "tr.assign.reminders": {
        "th": "เตือนผู้ที่ยังไม่ส่งเมื่อไรคะ?",
        "en": "When should those who haven't finished be reminded?",
    },
    "tr.reminders.hours": {"th": "{hours} ชม.", "en": "{hours} h"},
    "tr.reminders.and": {"th": " และ ", "en": " and "},
    "tr.reminders.before": {"th": "{spans} ก่อนกำหนดส่ง", "en": "{spans} before the deadline"},
    "tr.reminders.none": {"th": "ไม่ต้องเตือน", "en": "No reminders"},
    "tr.assign.title_default": {
        "th": "แบบทดสอบ: {topics} ({count} ข้อ)",
        "en": "Quiz: {topics} ({count} questions)",
    },
    "tr.assign.summary": {
        "th": (
            "<b>{title}</b>\nรุ่น: {cohort}\nหัวข้อ: {topics}\nจำนวน: {count} ข้อ · ผ่านที่ {pass_mark}%\n"
            "เปิด: {opens}\nกำหนดส่ง: {due} (เวลาไทย)\nทำได้: {attempts} ครั้ง\n"
            "เฉลย: {reveal}\nการเตือน: {reminders}"
        ),
        "en": (
            "<b>{title}</b>\nCohort: {cohort}\nTopics: {topics}\n{count} questions · pass at "
            "{pass_mark}%\n"
            "Opens: {opens}\nDue: {due} (Bangkok time)\nAttempts: {attempts}\n"
            "Answers: {reveal}\nReminders: {reminders}"
        ),
    },
    "tr.assign.title_prompt": {
        "th": "ชื่อตอนนี้: <b>{title}</b>\nพิมพ์ชื่องานใหม่ (ไม่เกิน {limit} ตัวอักษร)",
        "en": "Current title: <b>{title}</b>\nType the new title (up to {limit} characters).",
    },
    "tr.assign.bad_title": {
        "th": "ชื่องานต้องยาว 1-{limit} ตัวอักษรค่ะ พิมพ์ใหม่อีกครั้ง",
        "en": "A title has 1 to {limit} characters. Please type it again.",
    },
    "tr.assign.stale": {
        "th": "แบบฟอร์มนี้เก่าแล้วค่ะ เริ่มใหม่ด้วย /assign",
        "en": "This form is out of date. Start again with /assign.",
    },
    "tr.assign.cancelled": {"th": "ยกเลิกการมอบหมายแล้วค่ะ", "en": "Assignment cancelled."},
    "tr.assign.due_passed": {
        "th": "กำหนดส่งผ่านไปแล้วค่ะ กรุณาเลือกกำหนดส่งใหม่",
        "en": "The deadline has passed. Please choose a new one.",
    },
    "tr.assign.failed": {
        "th": "มอบหมายไม่ได้ค่ะ (คำถามหรือรุ่นอาจเปลี่ยนไป) กรุณาเริ่มใหม่ด้วย /assign",
        "en": (
            "Could not assign (the questions or the cohort may have changed). Start again with "
            "/assign."
        ),
    },
    "tr.assign.done": {
        "th": "✅ <b>มอบหมายแล้ว</b> ให้สมาชิก {members} คน\n\n{summary}\n\nดูผลได้ที่ /results",
        "en": (
            "✅ <b>Assigned</b> to {members} members.\n\n{summary}\n\nSee /results for the "
            "results."
        ),
    },
    # Notices
    "tr.notice.announce": {
        "th": (
            "📬 <b>งานใหม่จาก {cohort}</b>\n<b>{title}</b>\n{count} ข้อ · ผ่านที่ {pass_mark}% · "
            "ทำได้ {attempts} ครั้ง\nกำหนดส่ง: {due} (เวลาไทย)"
        ),
        "en": (
            "📬 <b>New assignment from {cohort}</b>\n<b>{title}</b>\n{count} questions · pass at "
            "{pass_mark}% · {attempts} attempt(s)\nDue: {due} (Bangkok time)"
        ),
    },
    "tr.notice.remind": {
        "th": (
            "⏰ <b>เตือนความจำ</b>: อีก {left} จะถึงกำหนดส่ง <b>{title}</b> ({due})\nคุณยังทำไม่เสร็จ "
            "เริ่มได้เลยค่ะ"
        ),
        "en": (
            "⏰ <b>Reminder</b>: <b>{title}</b> is due in {left} ({due}).\nYou haven't finished "
            "it "
            "yet."
        ),
    },
    "tr.left.hours": {"th": "{hours} ชั่วโมง", "en": "{hours} hour(s)"},
    "tr.left.minutes": {"th": "{minutes} นาที", "en": "{minutes} minute(s)"},
    "tr.notice.summary": {
        "th": "📋 <b>ถึงกำหนดส่งแล้ว</b>: {title}\n\n{summary}",
        "en": "📋 <b>Deadline reached</b>: {title}\n\n{summary}",
    },
    "tr.notice.done": {
        "th": "🎉 <b>ทุกคนส่งครบแล้ว</b>: {title}\n\n{summary}",
        "en": "🎉 <b>Everyone has finished</b>: {title}\n\n{summary}",
    },
    # Trainees
    "tr.tasks.none": {
        "th": "ตอนนี้ไม่มีงานที่ต้องทำค่ะ 🎉 (เข้าร่วมรุ่นได้ด้วย <code>/join รหัสเชิญ</code>)",
        "en": "Nothing to do right now 🎉 (join a cohort with <code>/join CODE</code>).",
    },
    "tr.tasks.list": {
        "th": "<b>งานที่ได้รับมอบหมาย</b>\n{lines}",
        "en": "<b>Your assignments</b>\n{lines}",
    },
    "tr.tasks.line": {
        "th": "• <b>{title}</b> ({cohort}) กำหนดส่ง {due} · ทำได้อีก {left} ครั้ง · ดีที่สุด {best}",
        "en": "• <b>{title}</b> ({cohort}) due {due} · {left} attempt(s) left · best {best}",
    },
    "tr.tasks.line_overdue": {
        "th": (
            "• <b>{title}</b> ({cohort}) ⚠️ เลยกำหนดส่ง {due} แล้ว (ยังส่งได้ แต่นับว่าส่งช้า) · ทำได้อีก "
            "{left} ครั้ง · ดีที่สุด {best}"
        ),
        "en": (
            "• <b>{title}</b> ({cohort}) ⚠️ overdue since {due} (still open, counted late) · "
            "{left} attempt(s) left · best {best}"
        ),
    },
    "tr.start.started": {
        "th": "เริ่ม <b>{title}</b> · {count} ข้อ ตอบทีละข้อได้เลยค่ะ",
        "en": "Starting <b>{title}</b> · {count} questions. Answer each one in turn.",
    },
    "tr.start.resumed": {
        "th": "ทำ <b>{title}</b> ต่อจากข้อที่ค้างไว้ค่ะ",
        "en": "Continuing <b>{title}</b>.",
    },
    "tr.start.not_a_member": {
        "th": "คุณไม่ได้อยู่ในรุ่นที่ได้รับงานนี้ค่ะ",
        "en": "You are not in the cohort this assignment is for.",
    },
    "tr.start.not_open_yet": {"th": "งานนี้ยังไม่เปิดให้ทำค่ะ", "en": "This assignment is not open yet."},
    "tr.start.closed": {"th": "งานนี้ปิดรับแล้วค่ะ", "en": "This assignment is closed."},
    "tr.start.no_attempts_left": {
        "th": "คุณใช้สิทธิ์ทำครบแล้วค่ะ",
        "en": "You have used all your attempts.",
    },
    "tr.result.card": {
        "th": (
            "🏁 <b>ส่งงานแล้ว</b>: {title}\nคะแนน: <b>{correct}/{total}</b> ({percent}%) · "
            "{verdict} "
            "(เกณฑ์ {pass_mark}%)"
        ),
        "en": (
            "🏁 <b>Submitted</b>: {title}\nScore: <b>{correct}/{total}</b> ({percent}%) · "
            "{verdict} (pass mark {pass_mark}%)"
        ),
    },
    "tr.result.pass": {"th": "ผ่าน ✅", "en": "passed ✅"},
    "tr.result.fail": {"th": "ยังไม่ผ่าน", "en": "not passed"},
    "tr.result.late": {
        "th": "⚠️ ส่งหลังกำหนด ({due}) ระบบบันทึกว่าส่งช้า",
        "en": "⚠️ Submitted after the deadline ({due}); recorded as late.",
    },
    "tr.result.hidden": {
        "th": "เฉลยจะเปิดให้ดูหลังกำหนดส่ง {due} ค่ะ",
        "en": "The right answers are shown after the deadline, {due}.",
    },
    "tr.review.later": {
        "th": "เฉลยจะเปิดให้ดูหลังกำหนดส่ง {due} ค่ะ",
        "en": "The right answers are shown after the deadline, {due}.",
    },
    # Leaderboard
    "tr.board.no_cohorts": {
        "th": "คุณยังไม่ได้อยู่ในรุ่นใดค่ะ เข้าร่วมด้วย <code>/join รหัสเชิญ</code>",
        "en": "You are not in any cohort yet. Join with <code>/join CODE</code>.",
    },
    "tr.board.off": {
        "th": "{name}: ผู้ฝึกอบรมยังไม่เปิดกระดานคะแนน",
        "en": "{name}: the trainer has not turned the leaderboard on.",
    },
    "tr.board.show": {"th": "🏆 <b>{name}</b>\n{lines}", "en": "🏆 <b>{name}</b>\n{lines}"},
    "tr.board.line": {
        "th": "{rank}. {name} · {points} คะแนน",
        "en": "{rank}. {name} · {points} points",
    },
    "tr.board.empty": {
        "th": "ยังไม่มีใครเลือกแสดงชื่อค่ะ",
        "en": "Nobody has chosen to be shown yet.",
    },
    "tr.board.opted_in": {"th": "แสดงชื่อคุณบนกระดานแล้วค่ะ", "en": "You are now shown."},
    "tr.board.opted_out": {"th": "ซ่อนชื่อคุณแล้วค่ะ", "en": "You are now hidden."},
    # Results
    "tr.results.none": {
        "th": "ยังไม่มีงานที่มอบหมายค่ะ เริ่มได้ที่ /assign",
        "en": "No assignments yet. Start with /assign.",
    },
    "tr.results.choose": {"th": "เลือกงานที่ต้องการดูผลค่ะ", "en": "Which assignment?"},
    "tr.results.summary": {
        "th": "📋 <b>ผลการทำงาน</b>\n{summary}",
        "en": "📋 <b>Results</b>\n{summary}",
    },
    "tr.results.items": {
        "th": "<b>วิเคราะห์ข้อสอบ</b> (p = ดัชนีความง่าย, D = อำนาจจำแนก)\n{lines}",
        "en": "<b>Item analysis</b> (p = facility, D = discrimination)\n{lines}",
    },
    "tr.results.item_line": {
        "th": "{number}. {question} · p {facility} · D {d}{flags}",
        "en": "{number}. {question} · p {facility} · D {d}{flags}",
    },
    "tr.results.too_few": {
        "th": (
            "ℹ️ มีผู้ส่งเพียง {count} คน ยังน้อยเกินกว่าจะตัดสินว่าข้อใดง่ายหรือยากเกินไป "
            "หรือจำแนกผู้เรียนได้ไม่ดี (ต้องมีอย่างน้อย {minimum} คน)"
        ),
        "en": (
            "ℹ️ Only {count} answered: too few to judge whether a question is too easy, too hard "
            "or discriminates badly (at least {minimum} needed)."
        ),
    },
    "tr.results.no_items": {
        "th": "ยังไม่มีผู้ส่งงาน จึงยังวิเคราะห์ข้อสอบไม่ได้ค่ะ",
        "en": "No one has finished yet, so there is no item analysis.",
    },
    "tr.results.topics": {
        "th": "<b>หัวข้อที่รุ่นยังอ่อน</b> (อ่อนที่สุดก่อน)\n{lines}",
        "en": "<b>Where the cohort is weak</b> (weakest first)\n{lines}",
    },
    "tr.results.topic_line": {
        "th": "• {topic}: {mean} {revisit}",
        "en": "• {topic}: {mean} {revisit}",
    },
    "tr.results.slides": {"th": "· ทบทวนสไลด์ {slides}", "en": "· revisit slides {slides}"},
    "tr.results.chart_caption": {"th": "กราฟผลคะแนน: {title}", "en": "Results chart: {title}"},
    "tr.results.file_caption": {"th": "ผลการทำงาน: {title}", "en": "Results: {title}"},
    # Import
    "tr.import.prompt": {
        "th": (
            "📥 <b>นำเข้าคำถาม</b>\nส่งไฟล์มาในแชตนี้ได้เลยค่ะ: CSV (.csv), Moodle GIFT (.gift หรือ .txt) "
            "หรือ Aiken (.txt) ขนาดไม่เกิน 512 KB\nระบบจะตรวจทั้งไฟล์ก่อน ถ้าพบข้อผิดพลาดจะแจ้งเป็นรายบรรทัด "
            "และจะยังไม่นำเข้าคำถามใดเลย\nคำถามที่นำเข้าจะแยกจากคลังคำถามของระบบ และเลือกใช้ได้ใน /assign "
            "ตามหัวข้อ{batches}"
        ),
        "en": (
            "📥 <b>Import questions</b>\nSend the file here: CSV (.csv), Moodle GIFT (.gift or "
            ".txt) "
            "or Aiken (.txt), up to 512 KB.\nThe whole file is checked first; any error is "
            "reported by "
            "line and nothing is imported.\nImported questions stay apart from the built-in bank "
            "and "
            "can be picked by topic in /assign.{batches}"
        ),
    },
    "tr.import.batches": {
        "th": "\n\n<b>ไฟล์ที่นำเข้าแล้ว</b>\n{lines}",
        "en": "\n\n<b>Imported files</b>\n{lines}",
    },
    "tr.import.batch_line": {
        "th": "• {name}: {count} ข้อ ({when})",
        "en": "• {name}: {count} questions ({when})",
    },
    "tr.import.report": {
        "th": "<b>ผลการตรวจไฟล์</b>\n{report}",
        "en": "<b>File check</b>\n{report}",
    },
    "tr.import.saved": {
        "th": "✅ นำเข้าแล้ว {count} ข้อ (รหัส {first} ถึง {last}) เลือกใช้ได้ใน /assign",
        "en": "✅ Imported {count} questions ({first} to {last}). Pick them in /assign.",
    },
    "tr.import.too_big": {
        "th": "ไฟล์ใหญ่เกินไปหรือดาวน์โหลดไม่ได้ค่ะ (รับได้ไม่เกิน {kb} KB)",
        "en": "The file is too large or could not be downloaded (at most {kb} KB).",
    },
    "tr.import.template_caption": {
        "th": "ตัวอย่างไฟล์ CSV: หนึ่งแถวต่อหนึ่งคำถาม ตัวเลือกคั่นด้วย |",
        "en": "CSV template: one question per row, options separated by |",
    },
    "tr.import.retired": {
        "th": "เลิกใช้ {count} ข้อแล้ว งานที่มอบหมายไปแล้วยังใช้ได้ตามเดิม",
        "en": "{count} questions retired; existing assignments keep them.",
    },
}
