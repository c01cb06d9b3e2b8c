"""'What does this mean?': an item explained from the lecture, found through retrieval."""

from __future__ import annotations

import re
from dataclasses import asdict

from telegram import CallbackQuery

from bot.context import BotContext
from bot.handlers import checklist_callbacks as cb
from bot.handlers.checklist_steps import chat_of, definition, find_assessment, find_item
from bot.handlers.common import Profile, send_html, typing
from bot.rendering import render_answer
from bot.texts import Html, alert, t
from checklist.definition import Item
from checklist.report_blocks import slide_ref
from retrieval.answer import Answer as LectureAnswer

# "(สไลด์ 4, 23)" / "(slides 8-10)" inside a `why` text: noise for the retrieval query
_SLIDE_REFS = re.compile(r"\s*\((?:สไลด์|slides?)[^)]*\)", re.IGNORECASE)


async def explain(
    query: CallbackQuery, context: BotContext, profile: Profile, press: cb.Press
) -> None:
    """Explain an item: its concept, an example, the lecture's slides and the passage found."""
    checklist = definition()
    services, owner = context.services, profile.telegram_id
    assessment = await services.run_db(find_assessment, services, press.target, owner)
    item = find_item(checklist, press.item)
    if assessment is None or item is None:
        await query.answer(alert("cl.invalid", profile.lang))
        return
    await query.answer()
    chat_id, lang = chat_of(query), profile.lang
    async with typing(context, chat_id):
        found = await lecture_answer(context, item, lang)
    passage = None
    if found is not None:
        citations = [asdict(c) for c in found.citations]
        passage = render_answer(found.answer, citations, lang)
    await send_html(context, chat_id, explanation_html(item, lang, passage))


def explanation_html(item: Item, lang: str, passage: Html | None = None) -> Html:
    """The item's concept, an example from a Thai agency, the lecture's slides, then the passage.

    The hint under the question is not repeated: the explanation says what it means.
    """
    parts = [t("cl.why.heading", lang, question=item.question.get(lang))]
    if item.explain is not None:
        parts.append(t("cl.why.concept", lang, concept=item.explain.concept.get(lang)))
        parts.append(t("cl.why.example", lang, example=item.explain.example.get(lang)))
    if item.why is not None:
        parts.append(t("cl.why.reason", lang, why=item.why.get(lang)))
    else:
        parts.append(t("cl.why.slides", lang, slides=slide_ref(item.slides, lang)))
    if item.elsewhere is not None:
        note = item.elsewhere
        parts.append(t("cl.why.elsewhere", lang, source=note.source, text=note.text.get(lang)))
    if passage is not None:
        parts.append(t("cl.why.lecture", lang, answer=passage))
    return Html("\n\n".join(parts))


async def lecture_answer(context: BotContext, item: Item, lang: str) -> LectureAnswer | None:
    """The lecture's passage on the item: asked with its reasoning, then with the question."""
    queries = [_SLIDE_REFS.sub("", item.why.get(lang)).strip()] if item.why else []
    queries.append(item.question.get(lang))
    for query in queries:
        answer = await context.services.ask(query, lang)
        if answer.found and answer.citations:
            return answer
    return None
