"""Every handler of the bot, registered in one place and in one documented order.

Group -1 (`gate`) sees every update first: it records the user and stops the update when
they are over the rate limit. In group 0 the first matching handler wins, so order matters:

1. `start`    /start, /help, the menu's "ask" entry
2. `lang`     /lang and its buttons
3. `roles`    /grant, /revoke, /trainers, the trainer and admin menu entries (role-checked)
4. new features go here, each a module with `register(application)`: quiz, checklist,
   trainer, kb admin. They add their commands to `commands.COMMANDS` and handle their own
   ``menu:<key>`` button (wrapped in `require_role` when privileged). A conversation that
   takes free text or files adds its state check to `routing`.
5. `routing`  private text and documents: looks up in one database call whose conversation
   they belong to (checklist, /assign form, /import), else a question or a kb upload
6. `ask`      the answer buttons
7. `fallback` unknown commands, non-text messages, stale or forged buttons

`errors` installs the one error handler.
"""

from __future__ import annotations

from types import ModuleType

from bot.context import RuamKitApp
from bot.handlers import (
    ask,
    checklist,
    errors,
    fallback,
    gate,
    kb,
    lang,
    quiz,
    roles,
    routing,
    start,
    trainer,
)

FEATURES: tuple[ModuleType, ...] = (start, lang, roles, quiz, checklist, trainer, kb)


def register(application: RuamKitApp, features: tuple[ModuleType, ...] = FEATURES) -> None:
    """Add every handler to the application in the documented order."""
    gate.register(application)
    for module in (*features, routing, ask, fallback, errors):
        module.register(application)
