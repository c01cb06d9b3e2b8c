"""Stored JSON carries the version of its shape; readers accept every older shape.

Each JSON object a table keeps (a checklist result, an imported question, a trainer's form,
a staged knowledge-base change) is written with `stamped(data, N)`, which adds `"v": N`.
Rows written before versions existed have no "v": `shape_version` reads them as 0. Readers
take missing optional keys as their defaults and ignore keys they do not know, so a row
written by a newer or older RuamKit still loads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

VERSION_KEY = "v"


def stamped(data: Mapping[str, Any], version: int) -> dict[str, Any]:
    """`data` with its shape version, ready to store."""
    return {**data, VERSION_KEY: version}


def shape_version(data: Mapping[str, Any] | None) -> int:
    """The shape version of stored JSON; 0 for rows written before versions existed."""
    if not data:
        return 0
    try:
        return int(data.get(VERSION_KEY, 0))
    except (TypeError, ValueError):
        return 0


def known_fields(data: Mapping[str, Any], fields: Any) -> dict[str, Any]:
    """The entries of `data` whose keys name one of `fields` (dataclass fields or names)."""
    names = {getattr(field, "name", field) for field in fields}
    return {key: value for key, value in data.items() if key in names}
