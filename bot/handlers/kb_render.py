"""The knowledge-base admin's messages as Telegram HTML (pure: data in, text out)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.handlers.kb_common import change_data
from bot.texts import Html, plain, t
from core.dates import DEFAULT_TIMEZONE, format_datetime
from core.errors import DocumentError
from knowledge.admin_questions import KbTestQuestion
from knowledge.validation import Notice, UploadRejected, message_code
from retrieval.kb_catalog import DocumentInfo
from retrieval.preview import StagePreview
from retrieval.staging import StagedChange
from retrieval.versions import VersionEvent

MAX_REGRESSIONS_SHOWN = 10
MAX_DOCS_SHOWN = 15
ROLLBACK_BUTTON = re.compile(r"^kb:rb:(no|[0-9A-Za-z_-]{1,40})$")


def format_when(value: str | datetime, lang: str, tz: str = DEFAULT_TIMEZONE) -> str:
    """A stored timestamp (naive means UTC) in local time: Buddhist era in Thai."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return format_datetime(moment, lang, tz)


def render_problem(error: DocumentError, file_name: str, lang: str) -> Html:
    """Why a file was refused, naming the file and the problem."""
    facts = error.facts if isinstance(error, UploadRejected) else {}
    problem = plain(f"kb.error.{message_code(error)}", lang, **_readable(facts))
    return t("kb.error.head", lang, file=file_name, problem=problem)


def _readable(facts: dict[str, int | str]) -> dict[str, str]:
    return {key: f"{value:,}" if isinstance(value, int) else value for key, value in facts.items()}


def render_change(change: StagedChange, lang: str) -> Html:
    """The preview of a staged change, the gate's verdict and the question to the admin."""
    head = t(f"kb.preview.{change.action}", lang, doc=change.target)
    parts = [head, _changes(change.preview, lang)]
    if change.preview.samples:
        parts.append(_samples(change.preview, lang))
    if change.preview.warnings:
        parts.append(_warnings(change.preview.warnings, lang))
    parts.append(_gate(change, lang))
    ask = "kb.confirm.ask" if change.gate.passed else "kb.confirm.ask_anyway"
    parts.append(t(ask, lang))
    return Html("\n\n".join(parts))


def change_buttons(change: StagedChange, lang: str) -> InlineKeyboardMarkup:
    """Go live (or go live anyway, after regressions) and cancel."""
    go = plain("kb.button.go" if change.gate.passed else "kb.button.go_anyway", lang)
    cancel = plain("kb.button.cancel", lang)
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    go, callback_data=change_data(change.staging_id, confirm=True)
                ),
                InlineKeyboardButton(
                    cancel, callback_data=change_data(change.staging_id, confirm=False)
                ),
            ]
        ]
    )


def _changes(preview: StagePreview, lang: str) -> str:
    lines = [
        t(
            f"kb.preview.{change.status}",
            lang,
            title=change.title,
            doc=change.doc,
            before=change.passages_before,
            after=change.passages_after,
            added=change.passages_added,
            removed=change.passages_removed,
        )
        for change in preview.changes
    ]
    lines.append(
        t("kb.preview.totals", lang, before=preview.passages_before, after=preview.passages_after)
    )
    return "\n".join(lines)


def _samples(preview: StagePreview, lang: str) -> str:
    lines = [t("kb.preview.samples", lang)]
    lines += [
        t("kb.preview.sample", lang, label=s.label(lang), title=s.title, text=s.text)
        for s in preview.samples
    ]
    return "\n".join(lines)


def _warnings(notices: Sequence[Notice], lang: str) -> str:
    lines: list[str] = [t("kb.preview.warnings", lang)]
    lines += [f"• {t(f'kb.warn.{n.code}', lang, **n.values)}" for n in notices]
    return "\n".join(lines)


def _gate(change: StagedChange, lang: str) -> str:
    gate = change.gate
    verdict = "kb.gate.passed" if gate.passed else "kb.gate.failed"
    lines = [
        t(verdict, lang, staged=gate.staged_hits, live=gate.live_hits, total=gate.total),
    ]
    if gate.regressions:
        lines.append(t("kb.gate.lost", lang))
        shown = gate.regressions[:MAX_REGRESSIONS_SHOWN]
        lines += [t("kb.gate.question", lang, id=q.id, question=q.question) for q in shown]
        if len(gate.regressions) > len(shown):
            lines.append(t("kb.gate.more", lang, count=len(gate.regressions) - len(shown)))
    return "\n".join(lines)


def render_documents(
    documents: Sequence[DocumentInfo],
    version: str,
    pending: StagedChange | None,
    lang: str,
    tz: str = DEFAULT_TIMEZONE,
) -> Html:
    """/kb list: every live document, numbered for /kb remove."""
    lines = [t("kb.list.head", lang, version=version)]
    for number, info in enumerate(documents, start=1):
        values = {"n": number, "title": info.title, "doc": info.doc, "passages": info.passages}
        if info.origin == "shipped":
            lines.append(t("kb.list.shipped", lang, **values))
        else:
            when = format_when(info.added_at, lang, tz) if info.added_at else "?"
            who, version_added = info.added_by, info.version
            lines.append(
                t("kb.list.upload", lang, who=who, when=when, version=version_added, **values)
            )
    if pending is not None:
        action = plain(f"kb.action.{pending.action}", lang)
        lines.append(
            t("kb.list.pending", lang, action=action, doc=pending.target, who=pending.actor)
        )
    return Html("\n".join(lines))


def render_history(
    events: Sequence[VersionEvent], live: str | None, lang: str, tz: str = DEFAULT_TIMEZONE
) -> Html:
    """/kb history: the newest go-lives and rollbacks first; exactly one line is marked live."""
    if not events:
        return t("kb.history.none", lang)
    lines = [t("kb.history.head", lang)]
    # A version can go live more than once (rolled back to): only its newest event is live.
    live_index = next((i for i, e in enumerate(events) if e.version == live), None)
    for index, event in enumerate(events):
        action = plain(f"kb.action.{event.action}", lang) if _known_action(event) else event.action
        lines.append(
            t(
                "kb.history.line",
                lang,
                when=format_when(event.at, lang, tz),
                action=action,
                version=event.version,
                who=event.actor,
                live=t("kb.history.live", lang) if index == live_index else Html(""),
                what=_what(event, lang),
            )
        )
    return Html("\n".join(lines))


def _known_action(event: VersionEvent) -> bool:
    return event.action in ("add", "remove", "reload", "rollback", "auto")


def _what(event: VersionEvent, lang: str) -> Html:
    """What an event changed, e.g. "+ new.pdf, − old.md", from its summary."""
    marks = (("added", "+"), ("changed", "~"), ("removed", "−"))
    changes = [f"{mark} {doc}" for key, mark in marks for doc in event.summary.get(key, []) or []]
    return t("kb.history.what", lang, changes=", ".join(changes)) if changes else Html("")


def render_rollback(
    version: str,
    went_live: str | None,
    documents: dict[str, str],
    live_documents: dict[str, str],
    lang: str,
    tz: str = DEFAULT_TIMEZONE,
) -> tuple[Html, InlineKeyboardMarkup]:
    """/kb rollback: which version comes back (when it went live, its documents) and buttons."""
    when = format_when(went_live, lang, tz) if went_live else "?"
    shown = sorted(documents)[:MAX_DOCS_SHOWN]
    lines = [t("kb.rollback.ask", lang, version=version, when=when, count=len(documents))]
    lines += [t("kb.rollback.doc", lang, doc=doc, title=documents[doc]) for doc in shown]
    if len(documents) > len(shown):
        lines.append(t("kb.rollback.more", lang, count=len(documents) - len(shown)))
    gone = sorted(set(live_documents) - set(documents))
    back = sorted(set(documents) - set(live_documents))
    if gone or back:
        changes = ", ".join([*(f"− {doc}" for doc in gone), *(f"+ {doc}" for doc in back)])
        lines.append(t("kb.rollback.changes", lang, changes=changes))
    buttons = [
        InlineKeyboardButton(plain("kb.button.rollback", lang), callback_data=f"kb:rb:{version}"),
        InlineKeyboardButton(plain("kb.button.cancel", lang), callback_data="kb:rb:no"),
    ]
    return Html("\n".join(lines)), InlineKeyboardMarkup([buttons])


def render_tests(rows: Sequence[KbTestQuestion], golden: int, lang: str) -> Html:
    """/kb test list: the admins' test questions with their expected text."""
    if not rows:
        return t("kb.test.none", lang, golden=golden)
    lines = [t("kb.test.head", lang, golden=golden)]
    lines += [
        t(
            "kb.test.line",
            lang,
            id=row.id,
            question=row.question,
            expected=" / ".join(row.expected),
        )
        for row in rows
    ]
    return Html("\n".join(lines))
