"""Schema migrations (Alembic), configured in code and shipped inside the package.

`upgrade_database(engine)` brings any database to the newest revision: a new one gets
every table, a versioned one the revisions it lacks, and an unversioned one (made by
`create_all` before migrations existed) is checked against the first revision, adopted
and upgraded. Upgrades need no models; autogenerate (`new_revision`) needs the complete
metadata, which only the composition root can build (`bot.schema.metadata()`).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine

from core.errors import ConfigurationError

HERE = Path(__file__).resolve().parent
VERSION_TABLE = "alembic_version"
BASELINE = "0001_initial"
# Any fixed number: every RuamKit process migrating one PostgreSQL database waits on it.
_PG_LOCK_KEY = 0x5241_4D4B


@dataclass(frozen=True)
class SchemaChange:
    """What an upgrade or downgrade did: the revision before and after, and any adoption."""

    before: str | None
    after: str | None
    adopted: bool = False
    verb: str = "upgraded"

    def describe(self) -> str:
        """One log line, e.g. "database schema at revision 0002_x (upgraded from 0001_initial)"."""
        if self.adopted:
            how = "adopted a database created before migrations"
        elif self.before is None:
            how = "new database"
        elif self.before == self.after:
            how = "already up to date"
        else:
            how = f"{self.verb} from {self.before}"
        return f"database schema at revision {self.after or 'none'} ({how})"


def alembic_config(
    connection: Connection | None = None, metadata: MetaData | None = None
) -> Config:
    """Alembic's configuration without an alembic.ini: the revisions shipped in this package."""
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.set_main_option("version_locations", str(HERE / "versions"))
    config.set_main_option("file_template", "%%(rev)s")
    config.attributes["connection"] = connection
    config.attributes["target_metadata"] = metadata
    return config


def script_directory() -> ScriptDirectory:
    """The revisions shipped with RuamKit."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision ("a+b" while two revisions share a parent)."""
    return "+".join(sorted(script_directory().get_heads()))


def history() -> list[Any]:
    """Every revision, newest first (Alembic `Script` objects: revision, doc, down_revision)."""
    return list(script_directory().walk_revisions())


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None when it has never been migrated."""
    with engine.connect() as connection:
        return _current(connection)


def upgrade_database(engine: Engine, revision: str = "heads") -> SchemaChange:
    """Bring the database to `revision` (default: the newest), adopting an unversioned one.

    Raises:
        ConfigurationError: The database holds tables that do not match RuamKit's schema.

    """
    with _migrating(engine) as connection:
        before = _current(connection)
        config = alembic_config(connection)
        adopted = before is None and _unversioned_tables(connection)
        if adopted:
            _adopt(connection, config, revision)
        command.upgrade(config, revision)
        return SchemaChange(before, _current(connection), adopted)


def downgrade_database(engine: Engine, revision: str) -> SchemaChange:
    """Take the database back to `revision` ("base" removes every table)."""
    with _migrating(engine) as connection:
        before = _current(connection)
        command.downgrade(alembic_config(connection), revision)
        return SchemaChange(before, _current(connection), verb="downgraded")


def new_revision(metadata: MetaData, message: str) -> list[Path]:
    """Write a revision file with what `metadata` has and the newest revision lacks.

    The models are compared with a scratch SQLite database at the newest revision, never
    with a real one, so the operations come out in batch mode and run on both databases.
    """
    numbers = [int(script.revision[:4]) for script in history() if script.revision[:4].isdigit()]
    slug = "".join(c for c in "_".join(message.lower().split()) if c.isalnum() or c == "_")
    rev_id = f"{max(numbers, default=0) + 1:04d}_{slug[:40]}"
    scratch = create_engine("sqlite://")
    try:
        with scratch.begin() as connection:
            command.upgrade(alembic_config(connection), "heads")
            config = alembic_config(connection, metadata)
            scripts = command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
    finally:
        scratch.dispose()
    found = scripts if isinstance(scripts, list) else [scripts]
    return [Path(script.path) for script in found if script is not None]


def _current(connection: Connection) -> str | None:
    """The revision recorded in the connection's database ("a+b" for two branches)."""
    heads = MigrationContext.configure(connection).get_current_heads()
    return "+".join(sorted(heads)) or None


def _unversioned_tables(connection: Connection) -> bool:
    """Whether the database has tables but no revision recorded (made by `create_all`)."""
    return any(name != VERSION_TABLE for name in inspect(connection).get_table_names())


def _adopt(connection: Connection, config: Config, revision: str) -> None:
    """Check an unversioned database against the first revision, then version it.

    Every table it shares with the first revision must have all that revision's columns.
    The revisions then run with `core.migrations.adopting` guards, so tables and columns
    already there are kept and only what is missing is added.
    """
    found = {
        name: {column["name"] for column in inspect(connection).get_columns(name)}
        for name in inspect(connection).get_table_names()
    }
    baseline = revision_columns(BASELINE)
    if not set(found) & set(baseline):
        raise ConfigurationError(
            f"the database has tables ({', '.join(sorted(found))}) but none of RuamKit's; "
            "point DATABASE_URL at an empty database or RuamKit's own"
        )
    problems = [
        f"{name} lacks {', '.join(sorted(columns - found[name]))}"
        for name, columns in sorted(baseline.items())
        if name in found and not columns <= found[name]
    ]
    if problems:
        raise ConfigurationError(
            "the database does not match RuamKit's first schema and cannot be adopted: "
            + "; ".join(problems)
        )
    config.attributes["adopt"] = True
    try:
        command.upgrade(config, revision)
    finally:
        config.attributes["adopt"] = False


@functools.cache
def revision_columns(revision: str) -> dict[str, frozenset[str]]:
    """Each table's column names at `revision`, read from a scratch in-memory database."""
    scratch = create_engine("sqlite://")
    try:
        with scratch.begin() as connection:
            command.upgrade(alembic_config(connection), revision)
            tables = inspect(connection).get_table_names()
            return {
                name: frozenset(c["name"] for c in inspect(connection).get_columns(name))
                for name in tables
                if name != VERSION_TABLE
            }
    finally:
        scratch.dispose()


@contextlib.contextmanager
def _migrating(engine: Engine) -> Iterator[Connection]:
    """A connection in one transaction that no other RuamKit process migrates at once."""
    if engine.dialect.name == "sqlite":
        with _sqlite_file_lock(engine), _sqlite_transaction(engine) as connection:
            yield connection
        return
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        yield connection


@contextlib.contextmanager
def _sqlite_transaction(engine: Engine) -> Iterator[Connection]:
    """A real SQLite transaction around DDL too, with foreign keys off while tables are copied.

    Python's sqlite3 only opens transactions before INSERT/UPDATE/DELETE, so a failing
    revision would leave half its DDL behind; an explicit BEGIN makes it all or nothing.
    Batch mode copies and drops tables, which foreign-key checks would refuse.
    """
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        raw.isolation_level = None  # type: ignore[union-attr]
        try:
            with connection.begin():
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                yield connection
        finally:
            raw.isolation_level = ""  # type: ignore[union-attr]
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


@contextlib.contextmanager
def _sqlite_file_lock(engine: Engine) -> Iterator[None]:
    """Hold an exclusive lock beside a SQLite file while migrating (nothing for :memory:)."""
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    import fcntl

    lock_path = Path(database).with_name(Path(database).name + ".migrate-lock")
    with lock_path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
