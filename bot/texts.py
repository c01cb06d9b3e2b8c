"""Every user-facing string of the bot, in Thai (the default) and English.

Texts are Telegram HTML. `t()` escapes the values it fills in (except `Html` values), so
user input can never inject markup. `plain()` gives button labels and `alert()` plain text
for callback-query answers (200 characters max).
"""

from __future__ import annotations

import html
import importlib
from functools import cache

DEFAULT_LANGUAGE = "th"
LANGUAGES = ("th", "en")
ALERT_LIMIT = 200

TEXTS: dict[str, dict[str, str]] = {
    # /start and /help
    "welcome": {
        "th": (
            "สวัสดีค่ะ คุณ {name} 👋\n"
            "ฉันคือ <b>ร่วมคิด (RuamKit)</b> ผู้ช่วยเรียนรู้เรื่องการบริหารราชการแบบมีส่วนร่วม\n\n"
            "สิ่งที่ฉันทำได้:\n"
            "• ตอบคำถามจากเนื้อหาการบรรยาย พร้อมบอกว่ามาจากสไลด์ไหน\n"
            "• แบบทดสอบทบทวนความรู้\n"
            "• แบบตรวจสอบคุณภาพโครงการแบบมีส่วนร่วม\n\n"
            "พิมพ์คำถามได้เลย หรือเลือกจากเมนูด้านล่างค่ะ"
        ),
        "en": (
            "Hello {name} 👋\n"
            "I'm <b>RuamKit (ร่วมคิด)</b>, a study assistant for participatory governance.\n\n"
            "What I can do:\n"
            "• answer questions from the lecture, citing the slides\n"
            "• quizzes to review what you learned\n"
            "• a checklist for the quality of a participatory project\n\n"
            "Type a question, or pick from the menu below."
        ),
    },
    "help": {
        "th": (
            "<b>วิธีใช้ร่วมคิด</b>\n"
            "พิมพ์คำถามเป็นข้อความธรรมดา แล้วฉันจะตอบจากเนื้อหาการบรรยายพร้อมแหล่งอ้างอิง "
            "กด 📖 เพื่อดูข้อความเต็ม และกด 👍/👎 เพื่อบอกว่าคำตอบมีประโยชน์หรือไม่\n\n"
            "<b>คำสั่ง</b>\n{commands}\n\n"
            "รหัสผู้ใช้ของคุณ: <code>{user_id}</code>"
        ),
        "en": (
            "<b>How to use RuamKit</b>\n"
            "Type a question as a plain message and I'll answer from the lecture with "
            "sources. Tap 📖 to read the cited passages and 👍/👎 to tell us whether "
            "it helped.\n\n"
            "<b>Commands</b>\n{commands}\n\n"
            "Your user id: <code>{user_id}</code>"
        ),
    },
    "menu.ask": {"th": "❓ ถามคำถาม", "en": "❓ Ask a question"},
    "menu.quiz": {"th": "📝 แบบทดสอบ", "en": "📝 Quiz"},
    "menu.checklist": {"th": "✅ ตรวจสอบโครงการ", "en": "✅ Project checklist"},
    "menu.trainer": {"th": "🎓 เครื่องมือผู้ฝึกอบรม", "en": "🎓 Trainer tools"},
    "menu.admin": {"th": "🛠 ผู้ดูแลระบบ", "en": "🛠 Admin"},
    "ask.prompt": {
        "th": "พิมพ์คำถามเกี่ยวกับการบริหารราชการแบบมีส่วนร่วมได้เลยค่ะ หรือเลือกหัวข้อตัวอย่าง:",
        "en": "Type any question about participatory governance, or pick an example:",
    },
    "feature.soon": {
        "th": "ส่วนนี้ยังไม่เปิดให้ใช้ค่ะ จะเปิดเร็ว ๆ นี้",
        "en": "This part is not available yet; it's coming soon.",
    },
    "trainer.panel": {
        "th": "<b>เครื่องมือผู้ฝึกอบรม</b>\n{commands}",
        "en": "<b>Trainer tools</b>\n{commands}",
    },
    "trainer.none": {
        "th": "ยังไม่มีเครื่องมือสำหรับผู้ฝึกอบรมในขณะนี้ค่ะ",
        "en": "There are no trainer tools yet.",
    },
    "admin.panel": {
        "th": (
            "<b>ผู้ดูแลระบบ</b>\n{commands}\n\n"
            "ส่งออกความคิดเห็นของผู้ใช้เป็น CSV บนเซิร์ฟเวอร์ด้วย "
            "<code>ruamkit feedback export --out feedback.csv</code>"
        ),
        "en": (
            "<b>Admin</b>\n{commands}\n\n"
            "Export user feedback as CSV on the server with "
            "<code>ruamkit feedback export --out feedback.csv</code>"
        ),
    },
    # Command menu descriptions (setMyCommands, /help): plain text, escaped where shown as HTML
    "cmd.start": {"th": "เริ่มต้นและเมนูหลัก", "en": "Start and main menu"},
    "cmd.help": {"th": "วิธีใช้และคำสั่งทั้งหมด", "en": "How to use the bot"},
    "cmd.lang": {"th": "เปลี่ยนภาษา (ไทย/English)", "en": "Change language (ไทย/English)"},
    "cmd.grant": {
        "th": "ให้สิทธิ์ผู้ฝึกอบรม: /grant <รหัสผู้ใช้>",
        "en": "Grant the trainer role: /grant <user id>",
    },
    "cmd.revoke": {
        "th": "ถอนสิทธิ์ผู้ฝึกอบรม: /revoke <รหัสผู้ใช้>",
        "en": "Revoke the trainer role: /revoke <user id>",
    },
    "cmd.trainers": {"th": "รายชื่อผู้ฝึกอบรม", "en": "List trainers"},
    # Answers
    "answer.question": {"th": "❓ <i>{question}</i>", "en": "❓ <i>{question}</i>"},
    "answer.sources": {"th": "📚 <b>แหล่งอ้างอิง</b>", "en": "📚 <b>Sources</b>"},
    "answer.source_line": {"th": "• {label} — {title}", "en": "• {label} — {title}"},
    "button.sources": {"th": "📖 ดูข้อความที่อ้างอิง", "en": "📖 Show cited passages"},
    "button.up": {"th": "👍 มีประโยชน์", "en": "👍 Helpful"},
    "button.down": {"th": "👎 ไม่ตรงคำถาม", "en": "👎 Not helpful"},
    "button.chosen": {"th": "✅ {label}", "en": "✅ {label}"},
    "sources.heading": {
        "th": "📖 <b>ข้อความเต็มที่อ้างอิง</b>",
        "en": "📖 <b>Cited passages</b> (original Thai)",
    },
    "sources.item": {
        "th": "<b>{label}</b> · {title}\n{text}",
        "en": "<b>{label}</b> · {title}\n{text}",
    },
    "refusal": {
        "th": (
            "ขออภัยค่ะ เนื้อหาการบรรยายไม่ได้กล่าวถึงเรื่องนี้ จึงตอบจากเอกสารไม่ได้\n"
            "ลองเลือกหัวข้อที่การบรรยายครอบคลุมด้านล่างนี้ หรือถามใหม่ด้วยคำอื่นค่ะ"
        ),
        "en": (
            "Sorry, the lecture doesn't cover this, so I can't answer it from the material.\n"
            "Try one of the topics the lecture covers below, or rephrase your question."
        ),
    },
    "feedback.up": {
        "th": "ขอบคุณค่ะ ดีใจที่คำตอบมีประโยชน์",
        "en": "Thank you! Glad it helped.",
    },
    "feedback.down": {
        "th": "ขอบคุณค่ะ เราจะนำไปปรับปรุงคำตอบ",
        "en": "Thank you, we'll use this to improve the answers.",
    },
    "button.invalid": {
        "th": "ปุ่มนี้ใช้ไม่ได้แล้วค่ะ",
        "en": "This button is no longer valid.",
    },
    # Roles
    "role.trainer": {"th": "ผู้ฝึกอบรม", "en": "trainers"},
    "role.admin": {"th": "ผู้ดูแลระบบ", "en": "admins"},
    "denied": {
        "th": "ขออภัยค่ะ ส่วนนี้สำหรับ{role}เท่านั้น",
        "en": "Sorry, this is only for {role}.",
    },
    "grant.usage": {
        "th": "วิธีใช้: <code>/grant รหัสผู้ใช้</code> (ผู้ใช้ดูรหัสของตนได้ที่ /help)",
        "en": "Usage: <code>/grant user_id</code> (people see their id in /help)",
    },
    "revoke.usage": {
        "th": "วิธีใช้: <code>/revoke รหัสผู้ใช้</code>",
        "en": "Usage: <code>/revoke user_id</code>",
    },
    "grant.done": {
        "th": "✅ ให้สิทธิ์ผู้ฝึกอบรมแก่ {who} แล้วค่ะ",
        "en": "✅ {who} is now a trainer.",
    },
    "grant.already": {"th": "{who} เป็นผู้ฝึกอบรมอยู่แล้วค่ะ", "en": "{who} is already a trainer."},
    "role.is_admin": {
        "th": "{who} เป็นผู้ดูแลระบบ (กำหนดใน ADMIN_IDS) สิทธิ์นี้เปลี่ยนผ่านบอตไม่ได้ค่ะ",
        "en": "{who} is an admin (set in ADMIN_IDS); that can't be changed from the bot.",
    },
    "revoke.done": {
        "th": "✅ ถอนสิทธิ์ผู้ฝึกอบรมของ {who} แล้วค่ะ",
        "en": "✅ {who} is no longer a trainer.",
    },
    "revoke.not_trainer": {"th": "{who} ไม่ได้เป็นผู้ฝึกอบรมค่ะ", "en": "{who} is not a trainer."},
    "granted.notice": {
        "th": "🎓 คุณได้รับสิทธิ์ผู้ฝึกอบรมแล้วค่ะ ดูเมนูได้ที่ /start",
        "en": "🎓 You are now a trainer. See /start for the menu.",
    },
    "revoked.notice": {
        "th": "สิทธิ์ผู้ฝึกอบรมของคุณถูกถอนแล้วค่ะ",
        "en": "Your trainer role has been revoked.",
    },
    "trainers.list": {"th": "<b>ผู้ฝึกอบรม</b>\n{people}", "en": "<b>Trainers</b>\n{people}"},
    "trainers.none": {"th": "ยังไม่มีผู้ฝึกอบรมค่ะ", "en": "There are no trainers yet."},
    # Language
    "lang.choose": {
        "th": "เลือกภาษาที่ต้องการค่ะ / Choose your language:",
        "en": "Choose your language / เลือกภาษา:",
    },
    "lang.set": {"th": "เปลี่ยนเป็นภาษาไทยแล้วค่ะ", "en": "Language set to English."},
    # Safety and errors
    "too_long": {
        "th": (
            "คำถามยาวเกินไปค่ะ ({length} ตัวอักษร) กรุณาถามให้สั้นลงไม่เกิน {limit} ตัวอักษร โดยถามทีละประเด็น"
        ),
        "en": (
            "Your question is too long ({length} characters). Please keep it under "
            "{limit} characters and ask one thing at a time."
        ),
    },
    "slow_down": {
        "th": "ส่งข้อความถี่เกินไปค่ะ กรุณารอประมาณ {seconds} วินาทีแล้วลองใหม่อีกครั้ง",
        "en": "You're sending messages too quickly. Please wait about {seconds} seconds.",
    },
    "apology": {
        "th": "ขออภัยค่ะ เกิดข้อผิดพลาดขึ้นระหว่างดำเนินการ ระบบบันทึกไว้แล้ว กรุณาลองใหม่อีกครั้งค่ะ",
        "en": "Sorry, something went wrong on our side. It has been logged; please try again.",
    },
    "unknown_command": {
        "th": "ไม่รู้จักคำสั่งนี้ค่ะ ดูคำสั่งทั้งหมดได้ที่ /help",
        "en": "I don't know that command. See /help for the list.",
    },
    "text_only": {
        "th": "ตอนนี้ฉันตอบได้เฉพาะคำถามที่พิมพ์เป็นข้อความค่ะ",
        "en": "For now I can only answer questions typed as text.",
    },
}


# Each feature keeps its strings in its own module `bot/texts_<feature>.py` exporting
# `TEXTS` in the same shape; keys must not collide (a test checks).
FEATURE_TEXT_MODULES = ("quiz", "checklist", "trainer", "kb", "recovery")


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    """The core texts merged with every feature's texts."""
    merged = dict(TEXTS)
    for name in FEATURE_TEXT_MODULES:
        try:
            module = importlib.import_module(f"bot.texts_{name}")
        except ModuleNotFoundError:
            continue
        duplicated = set(merged) & set(module.TEXTS)
        if duplicated:
            raise KeyError(f"text keys defined twice: {sorted(duplicated)}")
        merged.update(module.TEXTS)
    return merged


def language_or_default(lang: str | None) -> str:
    """`lang` when the bot speaks it, else Thai."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


class Html(str):
    """A value that is already safe Telegram HTML, so `t()` fills it in unescaped."""

    __slots__ = ()


def t(key: str, lang: str | None, **values: object) -> Html:
    """The HTML text `key` in `lang` (Thai by default), with `values` escaped and filled in."""
    template = _catalogue()[key][language_or_default(lang)]
    filled = {name: _escape(value) for name, value in values.items()}
    return Html(template.format(**filled) if filled else template)


def _escape(value: object) -> str:
    return value if isinstance(value, Html) else html.escape(str(value), quote=False)


def plain(key: str, lang: str | None, **values: object) -> str:
    """The text `key` as plain text (button labels), values filled in unescaped."""
    return _catalogue()[key][language_or_default(lang)].format(**values)


def alert(key: str, lang: str | None, **values: object) -> str:
    """Plain text for a callback-query answer, cut to Telegram's 200-character limit."""
    text = plain(key, lang, **values)
    return text if len(text) <= ALERT_LIMIT else text[: ALERT_LIMIT - 1] + "…"
