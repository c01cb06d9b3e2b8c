"""Alembic's environment: run the revisions on the connection the caller hands over.

RuamKit configures Alembic in code (`core.migrations.alembic_config`), so no alembic.ini is
read. The caller puts an open connection in `config.attributes["connection"]` and, for
autogenerate only, the complete metadata in `config.attributes["target_metadata"]` (the
composition root builds it: `bot.schema.metadata()`); upgrades need no models at all.
"""

from __future__ import annotations

from typing import Any, Literal

import sqlalchemy as sa
from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.types import TypeDecorator

config = context.config


def render_item(kind: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Write the project's column types as plain SQLAlchemy types, so revisions stand alone."""
    if kind != "type" or not isinstance(obj, TypeDecorator):
        return False
    impl = obj.impl_instance
    if isinstance(impl, sa.String):
        return f"sa.String(length={impl.length})" if impl.length else "sa.String()"
    if isinstance(impl, sa.DateTime):
        return "sa.DateTime()"
    return False


def run_migrations() -> None:
    """Run the revisions in one transaction on the caller's connection."""
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("RuamKit's migrations run through core.migrations, not alembic.ini")
    context.configure(
        connection=connection,
        target_metadata=config.attributes.get("target_metadata"),
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
