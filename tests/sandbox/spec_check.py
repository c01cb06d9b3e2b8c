"""Check JSON values against the Bot API spec: required fields, no invented ones, nested types."""

from __future__ import annotations

from typing import Any

_PRIMITIVES = {
    "Integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "Float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "String": lambda v: isinstance(v, str),
    "Boolean": lambda v: isinstance(v, bool),
    "True": lambda v: v is True,
}


def problems(value: Any, types: list[str], spec: dict[str, Any], path: str = "$") -> list[str]:
    """Why ``value`` fits none of ``types`` (empty when it fits one)."""
    found: list[str] = []
    for type_name in types:
        errors = _check(value, type_name, spec, path)
        if not errors:
            return []
        found.extend(errors)
    return found


def _check(value: Any, type_name: str, spec: dict[str, Any], path: str) -> list[str]:
    if type_name.startswith("Array of "):
        if not isinstance(value, list):
            return [f"{path}: expected {type_name}, got {type(value).__name__}"]
        inner = type_name.removeprefix("Array of ")
        return [
            e for i, item in enumerate(value) for e in _check(item, inner, spec, f"{path}[{i}]")
        ]
    if type_name in _PRIMITIVES:
        ok = _PRIMITIVES[type_name](value)
        return [] if ok else [f"{path}: expected {type_name}, got {value!r}"]
    definition = spec["types"][type_name]
    if definition.get("subtypes"):
        return problems(value, definition["subtypes"], spec, path)
    return _check_object(value, type_name, definition, spec, path)


def _check_object(
    value: Any, type_name: str, definition: dict[str, Any], spec: dict[str, Any], path: str
) -> list[str]:
    if not isinstance(value, dict):
        return [f"{path}: expected {type_name} object, got {value!r}"]
    fields = {field["name"]: field for field in definition["fields"]}
    errors = [
        f"{path}: {type_name} lacks required field {name!r}"
        for name, field in fields.items()
        if field["required"] and name not in value
    ]
    for key, item in value.items():
        if key not in fields:
            errors.append(f"{path}: {type_name} has no field {key!r}")
        else:
            errors.extend(problems(item, fields[key]["types"], spec, f"{path}.{key}"))
    return errors


def expected_kind(types: list[str]) -> str:
    """The sandbox parameter kind a spec parameter type corresponds to."""
    if "InputFile" in types:
        return "file"
    if sorted(types) == ["Integer", "String"]:
        return "chat"
    simple = {"String": "str", "Integer": "int", "Float": "float", "Boolean": "bool"}
    return simple.get(types[0], "json") if len(types) == 1 else "json"
