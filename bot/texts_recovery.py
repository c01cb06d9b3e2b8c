"""Texts for recovering from failures on Telegram's side (th + en)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "quiz.send_failed": {
        "th": ("ขออภัยค่ะ ส่งคำถามข้อถัดไปไม่สำเร็จ คำตอบของคุณบันทึกไว้แล้ว\nกด ▶️ ทำต่อ เพื่อรับคำถามข้อถัดไปค่ะ"),
        "en": (
            "Sorry, the next question could not be sent. Your answer is saved.\n"
            "Tap ▶️ Continue to get the next question."
        ),
    },
}
