"""A terminal chat client: a person talks to the bot through the sandbox on stdin/stdout.

Plain lines in, plain lines out (no curses), so tests can drive it with in-memory streams.
Type ``:help`` for the commands; buttons and poll options are picked by number.
"""

from __future__ import annotations

import asyncio
import contextlib
import shlex
import sys
import tempfile
import threading
from pathlib import Path
from typing import TextIO

from bot.sandbox.chat_render import render_message
from bot.sandbox.chat_roles import RoleControl, default_name, parse_switch
from bot.sandbox.chat_texts import TEXTS, text
from bot.sandbox.errors import SandboxError
from bot.sandbox.server import BotApiSandbox
from bot.sandbox.users import SimulatedUser
from bot.sandbox.views import SandboxMessage

# Roles `:as` recognises even without a RoleControl, to say they cannot be switched here.
KNOWN_ROLES = [key.removeprefix("role_") for key in TEXTS["en"] if key.startswith("role_")]


class ChatClient:
    """Prints what the bot does in one private chat and turns typed lines into actions."""

    def __init__(
        self,
        sandbox: BotApiSandbox,
        user: SimulatedUser,
        out: TextIO,
        *,
        download_dir: Path,
        reply_wait: float,
        quiet_period: float,
        roles: RoleControl | None = None,
    ) -> None:
        self.sandbox, self.user, self.out, self.roles = sandbox, user, out, roles
        self.language = "en" if user.language_code == "en" else "th"
        self.bot_name = str(sandbox.bot_user.get("first_name", "bot"))
        self.download_dir = download_dir
        self.reply_wait, self.quiet_period = reply_wait, quiet_period
        self._printed: dict[int, int] = {m.message_id: m.version for m in user.messages}
        self._saved: dict[int, Path] = {}
        self._answers_seen = len(user.callback_answers)
        self._actions_seen = len(user.chat_actions)
        # What was shown to each person the terminal user has been (see `:as`).
        self._away: dict[int, tuple[dict[int, int], int, int]] = {}
        self._names = {user.id: user.first_name}

    def say(self, line: str) -> None:
        """Write one block of output and flush it."""
        self.out.write(line + "\n")
        self.out.flush()

    def t(self, key: str, **values: object) -> str:
        """A client text in the user's language."""
        return text(self.language, key, **values)

    def refresh(self) -> None:
        """Print new or changed bot messages, deletions, chat actions and button answers."""
        current = {m.message_id: m for m in self.user.messages}
        for message_id in [i for i in self._printed if i not in current]:
            del self._printed[message_id]
            self.say("── " + self.t("deleted", id=message_id))
        for action in self.user.chat_actions[self._actions_seen :]:
            self.say(f"… {self.bot_name}: {action}")
        self._actions_seen = len(self.user.chat_actions)
        for message_id, message in current.items():
            if self._printed.get(message_id) != message.version:
                again = message_id in self._printed
                self._printed[message_id] = message.version
                self.say(self._render(message, again=again))
        for answer in self.user.callback_answers[self._answers_seen :]:
            if answer.text:
                self.say(
                    "🔔 " + self.t("alert" if answer.show_alert else "notice", text=answer.text)
                )
        self._answers_seen = len(self.user.callback_answers)

    def _render(self, message: SandboxMessage, *, again: bool = False) -> str:
        saved = self._save(message)
        return render_message(
            message, bot_name=self.bot_name, language=self.language, saved=saved, again=again
        )

    def _save(self, message: SandboxMessage) -> Path | None:
        if message.message_id in self._saved:
            return self._saved[message.message_id]
        document, photo = message.document, message.photo
        if document is None and photo is None:
            return None
        name = document.file_name if document and document.file_name else "photo.jpg"
        path = self.download_dir / f"{message.message_id}_{Path(name).name}"
        self.download_dir.mkdir(parents=True, exist_ok=True)
        path.write_bytes(document.data if document else photo or b"")
        self._saved[message.message_id] = path
        return path

    def _snapshot(self) -> tuple[object, ...]:
        versions = tuple((m.message_id, m.version) for m in self.user.messages)
        return versions, len(self.user.callback_answers)

    async def watch(self) -> None:
        """Keep printing whatever the bot does, until cancelled."""
        while True:
            await self.user.wait_activity(3600)
            self.refresh()

    async def settle(self) -> None:
        """Wait for the bot's first reaction (up to reply_wait), then until it goes quiet."""
        loop = asyncio.get_running_loop()
        before, deadline = self._snapshot(), loop.time() + self.reply_wait
        while self._snapshot() == before and loop.time() < deadline:
            await self.user.wait_activity(deadline - loop.time())
        # Bounded, so a sandbox busy with other chats cannot hold the prompt forever.
        while loop.time() < deadline + self.reply_wait:
            if not await self.user.wait_activity(self.quiet_period):
                break
        self.refresh()

    async def handle(self, line: str) -> bool:
        """Act on one typed line; False means leave."""
        line = line.rstrip("\r\n")
        if not line.strip():
            return True
        if line.startswith("::"):
            await self.user.send(line[1:])
        elif line.startswith(":"):
            return await self._command(line)
        else:
            await self.user.send(line)
        await self.settle()
        return True

    async def _command(self, line: str) -> bool:
        name, _, rest = line[1:].partition(" ")
        name = name.lower()
        if name in ("quit", "q", "exit"):
            return False
        simple = {"help": lambda: self.say(self.t("help")), "history": self._history,
                  "commands": self._commands}  # fmt: skip
        if name in simple:
            simple[name]()
            return True
        actions = {"b": self._press, "v": self._vote, "upload": self._upload, "as": self._become}
        if name not in actions:
            self.say("! " + self.t("unknown", command=":" + name))
            return True
        try:
            acted = await actions[name](rest.strip())
        except (SandboxError, ValueError) as error:
            self.say("! " + self.t("error", error=error))
            return True
        if acted:
            await self.settle()
        return True

    async def describe_role(self, held: str | None = None) -> str:
        """The " role: …" part of the banner and of `:as` (empty without roles)."""
        if self.roles is None:
            return ""
        held = held or await self.roles.apply(self.user.id, None)
        return self.t("role", label=TEXTS[self.language].get(f"role_{held}", held))

    async def _become(self, rest: str) -> bool:
        """`:as ROLE`, `:as ID [NAME]`: another role or person, with no restart."""
        names = list(self.roles.names) if self.roles else KNOWN_ROLES
        switch = parse_switch(rest.split(), names)
        if switch is None:
            self.say(self.t("usage_as", roles=", ".join(names)))
            return False
        if switch.role is not None and self.roles is None:
            self.say("! " + self.t("no_roles"))
            return False
        if switch.user_id is not None:
            self._switch_user(switch.user_id, switch.name)
        held = await self.roles.apply(self.user.id, switch.role) if self.roles else None
        role = await self.describe_role(held) if held else ""
        self.say("👤 " + self.t("now_as", name=self.user.first_name, user_id=self.user.id,
                              role=role))  # fmt: skip
        self.refresh()  # what the bot sent this person while the terminal was someone else
        return False

    def _switch_user(self, user_id: int, name: str | None) -> None:
        """Talk as `user_id` from now on; their unseen messages show at the next refresh."""
        current = self.user
        self._away[current.id] = (self._printed, self._answers_seen, self._actions_seen)
        first_name = name or self._names.get(user_id) or default_name(user_id)
        self._names[user_id] = first_name
        self.user = self.sandbox.user(user_id, first_name, language_code=current.language_code)
        new: tuple[dict[int, int], int, int] = (
            {},
            len(self.user.callback_answers),
            len(self.user.chat_actions),
        )
        self._printed, self._answers_seen, self._actions_seen = self._away.pop(user_id, new)

    def _history(self) -> None:
        for message in self.user.messages:
            self.say(self._render(message))

    def _commands(self) -> None:
        commands = self.sandbox.commands_for(self.user.chat_id, self.user.language_code or "")
        if not commands:
            self.say(self.t("no_commands"))
        for command in commands:
            self.say(f"  /{command['command']} — {command['description']}")

    def _target(self, words: list[str], *, poll: bool) -> SandboxMessage | None:
        if words and words[0].startswith("#"):
            marker = words.pop(0)[1:]
            found = [m for m in self.user.messages if str(m.message_id) == marker]
            if not found:
                self.say("! " + self.t("no_message", id=marker))
            return found[0] if found else None
        fits = [m for m in self.user.messages if (poll and m.poll and not m.poll.is_closed)
                or (not poll and m.button_list)]  # fmt: skip
        if not fits:
            self.say(self.t("no_poll" if poll else "no_buttons"))
        return fits[-1] if fits else None

    async def _press(self, rest: str) -> bool:
        words = rest.split()
        if not words:
            self.say(self.t("usage_b"))
            return False
        message = self._target(words, poll=False)
        if message is None or not words:
            return False
        label = " ".join(words)
        if label.isdigit():
            buttons = message.button_list
            number = int(label)
            if not 1 <= number <= len(buttons):
                self.say("! " + self.t("bad_number", n=number, count=len(buttons)))
                return False
            button = buttons[number - 1]
            if button.url:
                self.say(self.t("opens", url=button.url))
                return False
            label = button.callback_data or button.text
        await self.user.press(message, label)
        return True

    async def _vote(self, rest: str) -> bool:
        words = rest.split()
        numbers = words[1:] if words and words[0].startswith("#") else words
        if not numbers or not all(word.isdigit() for word in numbers):
            self.say(self.t("usage_v"))
            return False
        message = self._target(words, poll=True)
        if message is None:
            return False
        chosen = [int(word) - 1 for word in numbers]
        await self.user.vote(message, chosen)
        self._quiz_feedback(message, chosen)
        return True

    def _quiz_feedback(self, message: SandboxMessage, chosen: list[int]) -> None:
        """Show what Telegram's app shows after a quiz vote: right, or the answer and why."""
        poll = message.poll
        if poll is None or poll.type != "quiz" or not poll.correct_option_ids:
            return
        if sorted(chosen) == sorted(poll.correct_option_ids):
            self.say(self.t("quiz_right"))
            return
        answer = ", ".join(poll.options[i] for i in poll.correct_option_ids)
        self.say(self.t("quiz_wrong", answer=answer))
        if poll.explanation:
            self.say(f"  💡 {poll.explanation}")

    async def _upload(self, rest: str) -> bool:
        words = shlex.split(rest) if rest else []
        if not words:
            self.say(self.t("usage_upload"))
            return False
        path = Path(words[0]).expanduser()
        if not path.is_file():
            self.say("! " + self.t("no_file", path=path))
            return False
        await self.user.upload(path, caption=" ".join(words[1:]) or None)
        return True


async def run_chat_client(
    sandbox: BotApiSandbox,
    *,
    user_id: int,
    first_name: str,
    language_code: str = "th",
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    download_dir: Path | None = None,
    reply_wait: float = 10.0,
    quiet_period: float = 0.3,
    roles: RoleControl | None = None,
) -> None:
    """Chat with the bot as one person until ``:quit`` or end of input.

    Args:
        sandbox: A started sandbox the bot is polling (or receiving webhooks from).
        user_id: The person's Telegram id (also their private chat id).
        first_name: The person's first name.
        language_code: Their app language; also the client's own language (th or en).
        stdin: Where typed lines come from (default: the terminal).
        stdout: Where output goes (default: the terminal).
        download_dir: Where files the bot sends are saved (default: a temporary folder).
        reply_wait: Seconds to wait for the bot's first reaction before reading on.
        quiet_period: Seconds of silence that count as the bot having finished replying.
        roles: How `:as ROLE` grants roles; without it `:as` only switches the person.

    """
    source, out = stdin or sys.stdin, stdout or sys.stdout
    user = sandbox.user(user_id, first_name, language_code=language_code)
    folder = download_dir or Path(tempfile.gettempdir()) / "ruamkit-sandbox-downloads"
    client = ChatClient(sandbox, user, out, download_dir=folder, reply_wait=reply_wait,
                        quiet_period=quiet_period, roles=roles)  # fmt: skip
    bot = sandbox.bot_user.get("username", "bot")
    role = await client.describe_role()
    client.say(client.t("banner", bot=f"@{bot}", name=first_name, user_id=user_id, role=role))
    watcher = asyncio.create_task(client.watch())
    try:
        lines = _read_lines(source)
        while (line := await lines.get()) and await client.handle(line):
            pass
    finally:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
        client.refresh()
        client.say(client.t("bye"))


def _read_lines(source: TextIO) -> asyncio.Queue[str]:
    """Lines from ``source`` read on a daemon thread ("" marks the end of input).

    A daemon thread, not the default executor, so a blocked terminal read never keeps the
    program from exiting.
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str] = asyncio.Queue()

    def put(line: str) -> None:
        with contextlib.suppress(RuntimeError):  # the loop may be gone at exit
            loop.call_soon_threadsafe(queue.put_nowait, line)

    def pump() -> None:
        for line in iter(source.readline, ""):
            put(line)
        put("")

    threading.Thread(target=pump, name="sandbox-chat-stdin", daemon=True).start()
    return queue
