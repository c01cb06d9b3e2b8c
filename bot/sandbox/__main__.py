"""Run the sandbox on its own: ``python -m bot.sandbox --port 8081``.

Start a bot separately with ``base_url=<root>/bot`` and ``base_file_url=<root>/file/bot``
(and the same token), then chat with it here.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.sandbox.chat import run_chat_client
from bot.sandbox.server import DEFAULT_TOKEN, BotApiSandbox


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m bot.sandbox", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081, help="0 picks a free port")
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--bot-username", default="ruamkit_bot")
    parser.add_argument("--user-id", type=int, default=1001)
    parser.add_argument("--first-name", default="สมชาย")
    parser.add_argument("--language", default="th", choices=["th", "en"])
    parser.add_argument("--no-chat", action="store_true", help="serve only, until Ctrl-C")
    return parser.parse_args(argv)


async def serve(options: argparse.Namespace) -> None:
    """Serve the sandbox and, unless --no-chat, chat with the bot on this terminal."""
    sandbox = BotApiSandbox(
        options.token, bot_username=options.bot_username, host=options.host, port=options.port
    )
    async with sandbox:
        print(f"base_url={sandbox.bot_base_url}  base_file_url={sandbox.file_base_url}")
        print(f"token={sandbox.token}", flush=True)
        if options.no_chat:
            await asyncio.Event().wait()
        await run_chat_client(
            sandbox,
            user_id=options.user_id,
            first_name=options.first_name,
            language_code=options.language,
        )


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    try:
        asyncio.run(serve(parse_args(argv)))
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
