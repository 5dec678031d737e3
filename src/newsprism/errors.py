"""newsprism's exception hierarchy. Every error has a stable ``code`` that tools and tests can rely on.

>>> try:
...     raise InputError("E101", "empty file")
... except NewsprismError as e:
...     (e.code, str(e))
('E101', 'E101: empty file')
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "InputError",
    "ModelNotAvailable",
    "NewsprismError",
    "NotFound",
    "PipelineOrderError",
    "SpanError",
    "StoreError",
]


class NewsprismError(Exception):
    """Base class. ``code`` is stable across versions; the message is for people."""

    code = "E000"

    def __init__(self, code_or_message: str, message: str | None = None) -> None:
        if message is None:
            code, message = self.code, code_or_message
        else:
            code = code_or_message
        self.code = code
        self.message = message
        super().__init__(f"{code}: {message}")


class SpanError(NewsprismError, ValueError):
    """A span is out of bounds or points into the wrong article."""

    code = "E001"


class ConfigError(NewsprismError, ValueError):
    """A setting is missing or out of its declared range."""

    code = "E002"


class PipelineOrderError(NewsprismError):
    """A stage requires a layer that no earlier stage produces."""

    code = "E003"


class ModelNotAvailable(NewsprismError):
    """A model named in settings is not installed (nothing is downloaded at run time)."""

    code = "E004"


class InputError(NewsprismError, ValueError):
    """An input cannot be read or parsed. Ingest records these as rejections; the batch goes on."""

    code = "E100"


class StoreError(NewsprismError):
    """The database could not be opened or written."""

    code = "E200"


class NotFound(NewsprismError, KeyError):
    """No story or article with that id."""

    code = "E404"
