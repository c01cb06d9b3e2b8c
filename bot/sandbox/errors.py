"""Errors in Telegram's exact shape: what the server answers and what misuse raises."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A Bot API error reply: HTTP status, description and optional parameters."""

    def __init__(
        self, status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def as_json(self) -> dict[str, Any]:
        """The JSON body Telegram sends for this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(detail: str) -> ApiError:
    """A 400 reply: ``Bad Request: <detail>``."""
    return ApiError(400, f"Bad Request: {detail}")


def forbidden(detail: str) -> ApiError:
    """A 403 reply: ``Forbidden: <detail>``."""
    return ApiError(403, f"Forbidden: {detail}")


def conflict(detail: str) -> ApiError:
    """A 409 reply: ``Conflict: <detail>``."""
    return ApiError(409, f"Conflict: {detail}")


def too_many_requests(retry_after: int) -> ApiError:
    """A 429 reply telling the client how many seconds to wait."""
    return ApiError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


def not_found() -> ApiError:
    """The 404 reply for a malformed token or an unknown method."""
    return ApiError(404, "Not Found")


def unauthorized() -> ApiError:
    """The 401 reply for a well-formed but wrong token."""
    return ApiError(401, "Unauthorized")


def entity_too_large() -> ApiError:
    """The 413 reply for an upload over the size limit."""
    return ApiError(413, "Request Entity Too Large")


def cant_parse_entities(detail: str) -> ApiError:
    """A 400 reply for text that the chosen parse mode cannot parse."""
    return bad_request(f"can't parse entities: {detail}")


CHAT_NOT_FOUND = "chat not found"
TEXT_EMPTY = "message text is empty"
TEXT_TOO_LONG = "message is too long"
CAPTION_TOO_LONG = "message caption is too long"
BUTTON_DATA_INVALID = "BUTTON_DATA_INVALID"
BUTTON_URL_INVALID = "BUTTON_URL_INVALID"
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
FILE_TOO_BIG = "file is too big"
WRONG_FILE_ID = "wrong file_id or the file is temporarily unavailable"
WEBHOOK_ACTIVE = (
    "can't use getUpdates method while webhook is active; use deleteWebhook to delete "
    "the webhook first"
)
TERMINATED_BY_OTHER = (
    "terminated by other getUpdates request; make sure that only one bot instance is running"
)


class SandboxError(Exception):
    """A test or chat client asked a simulated user to do something Telegram would not allow."""


class ButtonNotFound(SandboxError):
    """The message has no such button in its current reply markup."""


class PollVoteError(SandboxError):
    """The vote is not possible: closed poll, bad option, or revoting not allowed."""
