"""Every text the terminal chat client prints, in Thai (default) and English."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "th": {
        "banner": "แชตกับ {bot} ในฐานะ {name} (id {user_id}){role} — พิมพ์ :help เพื่อดูคำสั่ง",
        "help": (
            "พิมพ์ข้อความหรือ /คำสั่ง แล้วกด Enter เพื่อส่งถึงบอต\n"
            "  :b N            กดปุ่มที่ N ของข้อความล่าสุดที่มีปุ่ม (หรือ :b ข้อความบนปุ่ม)\n"
            "  :b #M N         กดปุ่มที่ N ของข้อความหมายเลข M\n"
            "  :v N [N ...]    ลงคะแนนโพลล่าสุดที่ยังเปิดอยู่ (ตัวเลือกเริ่มที่ 1)\n"
            "  :v #M N [N ...] ลงคะแนนโพลในข้อความหมายเลข M\n"
            "  :upload PATH [คำบรรยาย]  ส่งไฟล์ให้บอต\n"
            "  :commands       รายการคำสั่งของบอต\n"
            "  :history        แสดงข้อความทั้งหมดของบอตอีกครั้ง\n"
            "  :as บทบาท       เปลี่ยนบทบาทโดยไม่ต้องเริ่มใหม่: :as official, :as trainer, :as admin\n"
            "  :as ID [ชื่อ]     เป็นผู้ใช้อีกคน เช่น :as 10002 แล้ว :as 10001 เพื่อกลับมา\n"
            "                  ลองฝั่งผู้ฝึกอบรมและฝั่งเจ้าหน้าที่ของงานเดียวกันได้ในแชตเดียว\n"
            "  ::ข้อความ       ส่งข้อความที่ขึ้นต้นด้วย ':'\n"
            "  :help           วิธีใช้นี้     :quit  ออก"
        ),
        "edited": "แก้ไขแล้ว",
        "updated": "อัปเดต",
        "deleted": "ข้อความ #{id} ถูกลบ",
        "saved": "ไฟล์ {name} ({size} ไบต์) บันทึกที่ {path}",
        "vote_hint": "ลงคะแนนด้วย :v ตามด้วยหมายเลขตัวเลือก",
        "closed": "ปิดแล้ว",
        "votes": "{count} เสียง",
        "alert": "แจ้งเตือนจากบอต: {text}",
        "notice": "บอตตอบ: {text}",
        "opens": "ปุ่มนี้เปิดลิงก์ {url}",
        "no_buttons": "ยังไม่มีข้อความที่มีปุ่ม",
        "no_poll": "ยังไม่มีโพลที่เปิดอยู่",
        "bad_number": "ไม่มีหมายเลข {n} — เลือกได้ 1 ถึง {count}",
        "usage_b": "ใช้ :b N หรือ :b #M N",
        "usage_v": "ใช้ :v N [N ...] หรือ :v #M N [N ...]",
        "quiz_right": "  ✅ ถูกต้อง",
        "quiz_wrong": "  ❌ คำตอบที่ถูก: {answer}",
        "usage_upload": "ใช้ :upload PATH [คำบรรยาย]",
        "no_file": "ไม่พบไฟล์ {path}",
        "no_message": "ไม่มีข้อความหมายเลข {id}",
        "no_commands": "บอตยังไม่ได้ตั้งรายการคำสั่ง",
        "unknown": "ไม่รู้จักคำสั่ง {command} — พิมพ์ :help",
        "error": "ทำไม่ได้: {error}",
        "bye": "ออกจากแชตแล้ว",
        "role": " บทบาท{label}",
        "now_as": "ตอนนี้คุณคือ {name} (id {user_id}){role} — พิมพ์ /start เพื่อดูเมนู",
        "usage_as": "ใช้ :as บทบาท ({roles}) หรือ :as ID [ชื่อ] เช่น :as trainer หรือ :as 10002",
        "no_roles": "แชตนี้สลับบทบาทไม่ได้ — ใช้ :as ID เพื่อเป็นผู้ใช้อีกคน",
        "role_official": "เจ้าหน้าที่",
        "role_trainer": "ผู้ฝึกอบรม",
        "role_admin": "ผู้ดูแลระบบ",
    },
    "en": {
        "banner": "Chatting with {bot} as {name} (id {user_id}){role} — type :help for commands",
        "help": (
            "Type a message or a /command and press Enter to send it to the bot.\n"
            "  :b N            press button N of the latest message with buttons "
            "(or :b button text)\n"
            "  :b #M N         press button N of message number M\n"
            "  :v N [N ...]    vote in the latest open poll (options start at 1)\n"
            "  :v #M N [N ...] vote in the poll of message number M\n"
            "  :upload PATH [caption]  send a file to the bot\n"
            "  :commands       the bot's command list\n"
            "  :history        show all of the bot's messages again\n"
            "  :as ROLE        change role, no restart: :as official, :as trainer, :as admin\n"
            "  :as ID [NAME]   become another person (:as 10002, then :as 10001 to return),\n"
            "                  to try the trainer and the official side of one assignment\n"
            "  ::text          send a text that starts with ':'\n"
            "  :help           this help     :quit  leave"
        ),
        "edited": "edited",
        "updated": "updated",
        "deleted": "message #{id} was deleted",
        "saved": "file {name} ({size} bytes) saved to {path}",
        "vote_hint": "vote with :v and the option numbers",
        "closed": "closed",
        "votes": "{count} votes",
        "alert": "Alert from the bot: {text}",
        "notice": "The bot says: {text}",
        "opens": "this button opens the link {url}",
        "no_buttons": "no message with buttons yet",
        "no_poll": "no open poll yet",
        "bad_number": "there is no number {n} — choose 1 to {count}",
        "usage_b": "use :b N or :b #M N",
        "usage_v": "use :v N [N ...] or :v #M N [N ...]",
        "quiz_right": "  ✅ correct",
        "quiz_wrong": "  ❌ the right answer: {answer}",
        "usage_upload": "use :upload PATH [caption]",
        "no_file": "file not found: {path}",
        "no_message": "there is no message number {id}",
        "no_commands": "the bot has not set a command list",
        "unknown": "unknown command {command} — type :help",
        "error": "not possible: {error}",
        "bye": "left the chat",
        "role": ", role: {label}",
        "now_as": "You are now {name} (id {user_id}){role} — send /start to see your menu",
        "usage_as": "use :as ROLE ({roles}) or :as ID [NAME], e.g. :as trainer or :as 10002",
        "no_roles": "this chat cannot switch roles — use :as ID to become another person",
        "role_official": "official",
        "role_trainer": "trainer",
        "role_admin": "admin",
    },
}


def text(language: str, key: str, **values: object) -> str:
    """A client text in ``language`` (Thai unless English is asked for)."""
    table = TEXTS["en"] if language == "en" else TEXTS["th"]
    return table[key].format(**values)
