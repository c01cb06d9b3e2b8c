"""Where logs go: CLI stderr (WARNING, -v INFO), the service's stderr, the sandbox's file."""

from __future__ import annotations

import io
import logging
import warnings

import pytest
from pydantic import SecretStr

from bot.cli import build_parser, main
from bot.cli.run import QUIET_IN_SANDBOX, TerminalUser, route_logs, serve_sandbox
from core.logging import NOISY_LOGGERS, configure_logging, level_for
from tests.sandbox.test_sandbox_chat import QuietAnswerer

LIBRARY = "pypdf._reader"  # any library's logger: pypdf warns about damaged PDFs
NOTICE = "notice for chat 424242 not delivered: Chat not found"


@pytest.fixture(autouse=True)
def restore_logging():
    """Put the root logger and the tuned loggers back as they were."""
    root = logging.getLogger()
    names = (*NOISY_LOGGERS, *QUIET_IN_SANDBOX, LIBRARY)
    before = list(root.handlers), root.level, {n: logging.getLogger(n).level for n in names}
    yield
    for handler in [h for h in root.handlers if h not in before[0]]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(before[1])
    for name, level in before[2].items():
        logging.getLogger(name).setLevel(level)
    logging.captureWarnings(False)


def test_the_sandbox_chat_logs_to_a_file_and_nothing_to_the_terminal(settings, capfd):
    path = route_logs(settings)
    assert path == settings.data_dir / "logs" / "ruamkit.log"
    logging.getLogger("bot.handlers.trainer").info(NOTICE)
    logging.getLogger(LIBRARY).warning("incorrect startxref pointer(1)")
    logging.getLogger("fontTools.subset").warning("glyf subsetted")
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("a library's UserWarning", UserWarning, stacklevel=1)
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    written = path.read_text(encoding="utf-8")
    assert NOTICE in written and "incorrect startxref" in written
    assert "glyf subsetted" in written and "a library's UserWarning" in written


def test_the_sandbox_log_file_is_rotated(settings, monkeypatch):
    monkeypatch.setattr("core.logging.LOG_FILE_BYTES", 2000)
    path = route_logs(settings)
    for number in range(100):
        logging.getLogger("bot.handlers.ask").warning("line %d %s", number, "x" * 40)
    assert path.stat().st_size <= 2000
    assert path.with_name("ruamkit.log.1").exists()
    assert not path.with_name("ruamkit.log.4").exists()  # three old files kept, no more


def test_with_a_token_the_service_logs_info_to_stderr(settings, capfd):
    service = settings.model_copy(update={"telegram_bot_token": SecretStr("1:abc")})
    assert route_logs(service) is None
    logging.getLogger("bot.cli.run").info("RuamKit bot @ruamkit_bot is running (polling)")
    logging.getLogger("bot.cli.run").debug("a debug detail")
    _, err = capfd.readouterr()
    assert "INFO bot.cli.run: RuamKit bot @ruamkit_bot is running" in err
    assert "a debug detail" not in err
    assert not (settings.data_dir / "logs").exists()


def test_cli_commands_log_warnings_only_unless_asked(capfd):
    assert main(["quiz", "check"]) == 0
    logging.getLogger(LIBRARY).info("an informational line")
    logging.getLogger(LIBRARY).warning("a warning line")
    _, err = capfd.readouterr()
    assert "a warning line" in err and "an informational line" not in err


@pytest.mark.parametrize(
    ("flags", "shown", "hidden"),
    [([], ["WARNING"], ["INFO", "DEBUG"]), (["-v"], ["WARNING", "INFO"], ["DEBUG"]),
     (["-vv"], ["WARNING", "INFO", "DEBUG"], [])],
)  # fmt: skip
def test_v_shows_info_and_vv_debug(capfd, flags, shown, hidden):
    args = build_parser().parse_args([*flags, "quiz", "check"])
    configure_logging(level_for(args.verbose))
    log = logging.getLogger("bot.cli.kb")
    for level in ("DEBUG", "INFO", "WARNING"):
        log.log(logging.getLevelName(level), "a %s line", level)
    _, err = capfd.readouterr()
    assert all(f"a {level} line" in err for level in shown)
    assert not any(f"a {level} line" in err for level in hidden)


async def test_what_the_bot_logs_during_a_sandbox_chat_stays_out_of_the_terminal(settings, capfd):
    path = route_logs(settings)
    out = io.StringIO()
    local = settings.model_copy(update={"sandbox_port": 0})
    stdin = io.StringIO("/grant 424242\n:quit\n")  # 424242 never opened a chat: menu not set
    await serve_sandbox(local, TerminalUser(), stdin, out, answerer=QuietAnswerer())
    chat = out.getvalue()
    terminal_out, terminal_err = capfd.readouterr()
    assert "ให้สิทธิ์ผู้ฝึกอบรมแก่ 424242 แล้ว" in chat
    assert terminal_out == "" and terminal_err == ""
    assert "command menu for chat 424242 not set" in path.read_text(encoding="utf-8")
    assert "424242 not set" not in chat and " INFO " not in chat
