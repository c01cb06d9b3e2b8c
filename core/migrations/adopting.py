"""Guards for revisions while an unversioned database is adopted.

A database made by `create_all` (every deployment before migrations, or a scratch database
made by the tests' fast path) already has some of the tables and columns a revision adds.
While adopting, `core.migrations` runs every revision with these guards saying which
steps are still needed; at any other time they always say yes, so a normal upgrade runs
each step exactly as written.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op


def adopting() -> bool:
    """Whether this run adopts an unversioned database."""
    return bool(context.config.attributes.get("adopt"))


def needs_table(name: str) -> bool:
    """Whether to create table `name` (False only while adopting a database that has it)."""
    return not adopting() or not sa.inspect(op.get_bind()).has_table(name)


def needs_column(table: str, column: str) -> bool:
    """Whether to add `column` to `table` (False only while adopting a table that has it)."""
    if not adopting():
        return True
    columns = sa.inspect(op.get_bind()).get_columns(table)
    return column not in {found["name"] for found in columns}
