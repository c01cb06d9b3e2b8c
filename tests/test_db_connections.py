"""Pooled PostgreSQL connections that the server dropped: an idle one is replaced before
use, a busy one fails once and the unit (here the update claim) runs again.

Only this test's own connections are killed: they carry an application_name of their own.
"""

from __future__ import annotations

import secrets

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

import core.db
from core.db import make_engine
from core.idempotency import DatabaseLedger, ProcessedUpdate
from tests.postgres_support import kill_connections

pytestmark = pytest.mark.postgres


@pytest.fixture
def named_engine(postgres_url):
    """An engine on a fresh schema whose connections carry a name of their own."""
    name = f"ruamkit_ping_{secrets.token_hex(4)}"
    engine = make_engine(f"{postgres_url}&application_name={name}")
    ProcessedUpdate.metadata.create_all(engine)
    yield engine, name
    engine.dispose()


def select_one(engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT 1")).scalar_one())


def test_an_idle_connection_the_server_dropped_is_replaced_before_use(named_engine, monkeypatch):
    engine, name = named_engine
    select_one(engine)  # one connection now waits in the pool
    assert kill_connections(name) == 1
    monkeypatch.setattr(core.db, "IDLE_PING_S", 0.0)  # it has been idle long enough
    assert select_one(engine) == 1


def test_a_connection_used_a_moment_ago_is_not_pinged(named_engine):
    engine, name = named_engine
    select_one(engine)
    assert kill_connections(name) == 1
    # No ping within IDLE_PING_S of its last use: the dead connection surfaces once ...
    with pytest.raises(OperationalError) as error:
        select_one(engine)
    assert error.value.connection_invalidated
    assert select_one(engine) == 1  # ... and the pool has reconnected


async def test_the_update_claim_survives_a_dropped_connection(named_engine):
    engine, name = named_engine
    ledger = DatabaseLedger(engine)
    assert await ledger.claim(7, 1)
    assert kill_connections(name) == 1
    assert await ledger.claim(7, 2)  # the dead connection is retried, not "handled anyway"
    assert not await ledger.claim(7, 2)
    assert not await ledger.claim(7, 1)
