"""How the terminal chat client shows a bot message: text, buttons, polls and files."""

from __future__ import annotations

from pathlib import Path

from bot.sandbox.chat_texts import text
from bot.sandbox.views import SandboxMessage


def render_message(
    message: SandboxMessage,
    *,
    bot_name: str,
    language: str,
    saved: Path | None,
    again: bool = False,
) -> str:
    """A block of plain lines for one bot message in its current state.

    ``again`` marks a message shown before whose poll results changed without an edit.
    """
    if message.deleted:
        return "── " + text(language, "deleted", id=message.message_id)
    label = "edited" if message.edited else "updated" if again else None
    edited = f" ({text(language, label)})" if label else ""
    lines = [f"── {bot_name} #{message.message_id}{edited} ──"]
    if message.readable:
        lines.append(message.readable)
    lines.extend(_poll_lines(message, language))
    lines.extend(_button_lines(message))
    if message.reply_keyboard:
        lines.append(
            "  " + "  ".join(f"⌨ {label}" for row in message.reply_keyboard for label in row)
        )
    document = message.document
    if document is not None and saved is not None:
        name = document.file_name or saved.name
        lines.append(
            "📄 " + text(language, "saved", name=name, size=len(document.data), path=saved)
        )
    elif message.photo is not None and saved is not None:
        lines.append(
            "🖼 " + text(language, "saved", name=saved.name, size=len(message.photo), path=saved)
        )
    return "\n".join(lines)


def _button_lines(message: SandboxMessage) -> list[str]:
    lines, number = [], 0
    for row in message.buttons:
        cells = []
        for button in row:
            number += 1
            link = f" → {button.url}" if button.url else ""
            cells.append(f"[{number}] {button.text}{link}")
        lines.append("  " + "   ".join(cells))
    return lines


def _poll_lines(message: SandboxMessage, language: str) -> list[str]:
    poll = message.poll
    if poll is None:
        return []
    kind = "quiz" if poll.type == "quiz" else "poll"
    closed = f" ({text(language, 'closed')})" if poll.is_closed else ""
    lines = [f"📊 {kind}{closed}: {poll.question}"]
    for number, (option, count) in enumerate(zip(poll.options, poll.voter_counts, strict=True)):
        mark = " ✓" if poll.is_closed and number in poll.correct_option_ids else ""
        lines.append(f"  {number + 1}) {option} — {text(language, 'votes', count=count)}{mark}")
    if poll.is_closed and poll.explanation:
        lines.append(f"  💡 {poll.explanation}")
    if not poll.is_closed:
        lines.append("  " + text(language, "vote_hint"))
    return lines
