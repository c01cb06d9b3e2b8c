"""`ruamkit db`: the database schema (upgrade, current, history, downgrade, revision)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from alembic.util import CommandError
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from core.db import make_engine, migrate
from core.errors import ConfigurationError
from core.migrations import (
    current_revision,
    downgrade_database,
    head_revision,
    history,
    new_revision,
)
from core.settings import Settings


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `db upgrade`, `db current`, `db history`, `db downgrade` and `db revision`."""
    db = commands.add_parser("db", help="the database schema (migrations)")
    actions = db.add_subparsers(dest="db_command", required=True)
    upgrade = actions.add_parser("upgrade", help="bring the database to the newest schema")
    upgrade.set_defaults(handler=_with_engine(run_upgrade))
    current = actions.add_parser("current", help="the schema revision the database is at")
    current.set_defaults(handler=_with_engine(run_current))
    listing = actions.add_parser("history", help="every schema revision, newest first")
    listing.set_defaults(handler=run_history)
    down = actions.add_parser("downgrade", help="take the schema back to an older revision")
    down.add_argument("revision", help="the revision to go back to (e.g. 0001_initial)")
    down.set_defaults(handler=_with_engine(run_downgrade))
    revision = actions.add_parser(
        "revision", help="developers: write a new revision from the models (autogenerate)"
    )
    revision.add_argument("-m", "--message", required=True, help="what the revision changes")
    revision.set_defaults(handler=run_revision)


def _with_engine(
    command: Callable[[argparse.Namespace, Engine], int],
) -> Callable[[argparse.Namespace, Settings], int]:
    """Run `command` on the configured database, turning database errors into clear ones."""

    def handler(args: argparse.Namespace, settings: Settings) -> int:
        with _engine(settings) as engine:
            return command(args, engine)

    return handler


@contextmanager
def _engine(settings: Settings) -> Iterator[Engine]:
    """The configured database's engine, disposed after use."""
    engine = make_engine(settings.resolved_database_url)
    try:
        yield engine
    except CommandError as error:
        raise ConfigurationError(str(error)) from None
    except OperationalError as error:
        raise ConfigurationError(f"cannot use the database: {error.orig}") from None
    finally:
        engine.dispose()


def run_upgrade(args: argparse.Namespace, engine: Engine) -> int:
    """Upgrade to the newest revision and say where the schema stands."""
    print(migrate(engine).describe())
    return 0


def run_current(args: argparse.Namespace, engine: Engine) -> int:
    """Print the database's revision and whether it is the newest."""
    current = current_revision(engine)
    head = head_revision()
    if current is None:
        print(
            "no revision (a new database, or one made before migrations): run ruamkit db upgrade"
        )
    elif current == head:
        print(f"{current} (newest)")
    else:
        print(f"{current} (newest is {head}: run ruamkit db upgrade)")
    return 0


def run_history(args: argparse.Namespace, settings: Settings) -> int:
    """Print every revision, newest first, with its one-line description."""
    for script in history():
        print(f"{script.revision}  {(script.doc or '').splitlines()[0]}")
    return 0


def run_downgrade(args: argparse.Namespace, engine: Engine) -> int:
    """Go back to an older revision (data in dropped columns or tables is lost)."""
    print(downgrade_database(engine, args.revision).describe())
    return 0


def run_revision(args: argparse.Namespace, settings: Settings) -> int:
    """Write a revision with what the models have and the newest revision lacks."""
    from bot.schema import metadata

    for path in new_revision(metadata(), args.message):
        print(f"wrote {path}: check it by hand before committing")
    return 0
