"""sendDocument, sendPhoto and getFile."""

from __future__ import annotations

from typing import Any

from bot.sandbox import limits
from bot.sandbox.env import Env
from bot.sandbox.errors import FILE_TOO_BIG, WRONG_FILE_ID, bad_request, entity_too_large
from bot.sandbox.files import StoredFile, image_size
from bot.sandbox.methods.common import formatted, post_message, text_content, writable_chat
from bot.sandbox.methods.registry import SEND_HEAD, SEND_TAIL, method
from bot.sandbox.params import InputFile

_GENERIC_TYPES = {None, "", "application/octet-stream"}


@method(
    "sendDocument",
    *SEND_HEAD,
    "direct_messages_topic_id:int",
    "document:file!",
    "thumbnail:file",
    "caption:str",
    "parse_mode:str",
    "caption_entities:json",
    "disable_content_type_detection:bool",
    *SEND_TAIL,
    "suggested_post_parameters:json",
    "reply_parameters:json",
    "reply_markup:json",
)
async def send_document(env: Env, args: dict[str, Any]) -> Any:
    """Post a file as a document."""
    chat = writable_chat(env, args["chat_id"])
    stored = _file(env, args["document"], folder="documents")
    content = {"document": stored.as_document_json(), **_caption(args)}
    return post_message(env, chat, args, content).data


@method(
    "sendPhoto",
    *SEND_HEAD,
    "direct_messages_topic_id:int",
    "photo:file!",
    "caption:str",
    "parse_mode:str",
    "caption_entities:json",
    "show_caption_above_media:bool",
    "has_spoiler:bool",
    *SEND_TAIL,
    "suggested_post_parameters:json",
    "reply_parameters:json",
    "reply_markup:json",
)
async def send_photo(env: Env, args: dict[str, Any]) -> Any:
    """Post an image as a photo (PNG, GIF or JPEG; the sandbox keeps one size)."""
    chat = writable_chat(env, args["chat_id"])
    photo = args["photo"]
    if isinstance(photo, InputFile) and len(photo.data) > limits.PHOTO_UPLOAD_MAX_BYTES:
        raise bad_request("PHOTO_INVALID_DIMENSIONS")
    stored = _file(env, photo, folder="photos")
    size = image_size(stored.data)
    if size is None:
        raise bad_request("IMAGE_PROCESS_FAILED")
    photo_size = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.data),
        "width": size[0],
        "height": size[1],
    }
    content = {"photo": [photo_size], **_caption(args)}
    return post_message(env, chat, args, content).data


def _caption(args: dict[str, Any]) -> dict[str, Any]:
    if "caption" not in args:
        return {}
    text, entities = formatted(
        args["caption"], args.get("parse_mode"), args.get("caption_entities"), caption=True
    )
    return text_content(text, entities, field="caption") if text else {}


def _file(env: Env, value: InputFile | str, *, folder: str) -> StoredFile:
    """Store an uploaded file, or find one the bot refers to by file_id."""
    if isinstance(value, InputFile):
        if len(value.data) > limits.UPLOAD_MAX_BYTES:
            raise entity_too_large()
        if not value.data:
            raise bad_request("file must be non-empty")
        mime = None if value.content_type in _GENERIC_TYPES else value.content_type
        return env.world.files.add(
            value.data, folder=folder, file_name=value.filename, mime_type=mime
        )
    if value.startswith(("http://", "https://")):
        raise bad_request("failed to get HTTP URL content")
    stored = env.world.files.by_id(value)
    if stored is None:
        raise bad_request("wrong file identifier/HTTP URL specified")
    return stored


@method("getFile", "file_id:str!")
async def get_file(env: Env, args: dict[str, Any]) -> Any:
    """Prepare a stored file for download (bots may download up to 20 MB)."""
    stored = env.world.files.by_id(args["file_id"])
    if stored is None:
        raise bad_request(WRONG_FILE_ID)
    if len(stored.data) > limits.DOWNLOAD_MAX_BYTES:
        raise bad_request(FILE_TOO_BIG)
    return stored.as_file_json()


METHODS = (send_document, send_photo, get_file)
