"""Helpers for tests that cut PostgreSQL connections from the server side."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from tests.conftest import POSTGRES_URL


def kill_connections(name: str) -> int:
    """Terminate every server process serving connections named `name`; how many."""
    admin = create_engine(POSTGRES_URL)
    try:
        with admin.begin() as connection:
            found = connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = :name"
                ),
                {"name": name},
            )
            return len(found.fetchall())
    finally:
        admin.dispose()
