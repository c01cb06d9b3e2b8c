"""The domain error tree; the bot maps these to polite messages."""

from __future__ import annotations

from pathlib import Path


class RuamKitError(Exception):
    """Base of every error RuamKit raises on purpose."""


class ConfigurationError(RuamKitError):
    """A setting is missing or invalid."""


class DocumentError(RuamKitError):
    """A source document cannot be read; names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


class UnsupportedFileError(DocumentError):
    """The file's format is not one RuamKit reads."""


class CorruptFileError(DocumentError):
    """The file claims a supported format but cannot be parsed."""


class EmptyDocumentError(DocumentError):
    """The file parsed but holds no text (e.g. a scanned PDF)."""


class IndexError_(RuamKitError):
    """The search index cannot be built or opened."""


class IndexBusyError(IndexError_):
    """Another process is rebuilding the index right now."""


class EmbeddingModelError(RuamKitError):
    """The embedding model cannot be prepared or loaded."""


class PermissionDeniedError(RuamKitError):
    """The user lacks the role an action needs."""


class NotFoundError(RuamKitError):
    """A requested record does not exist."""


class ValidationError(RuamKitError):
    """User input or a definition file is invalid."""
