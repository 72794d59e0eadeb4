"""Pydantic core schemas as plain JSON data, and models given their validator and serializer from
one: the rule cache keeps the schemas of the models every start builds (`cache.build_models`).

Pydantic builds a model's validator in two steps: it generates a core schema from the model's
fields, in Python (the case's took about a fortieth of `lexcase evaluate`), then pydantic-core
builds the validator and the serializer from it (about a twentieth of that). The core schema of
lexcase's models is data but for its references: model and enum classes, enum members, and the
functions that validate or serialize a field (`_reported_date`, a model validator). Those are
written as `module:qualname` and read back only within lexcase and pydantic; a tuple is tagged,
and anything else (a default that JSON cannot carry, a reference that does not lead back to the
very same object) means the schema is not kept, and the model builds as always.

What pydantic-core does not read is left out: the `metadata` of every schema (pydantic keeps the
JSON-schema functions there, some of them closures that cannot be named). So a model given its
validator here stays, for pydantic, not complete: its core schema is still the stand-in pydantic
set at class creation, and whatever reads it (the JSON schema, a parent model's schema) has
pydantic generate it and build the model again, as it would have without this module.
"""

from __future__ import annotations

import importlib
import json
import types
from enum import Enum
from typing import Any

from pydantic import BaseModel

TAG = "\x00"  # starts every tag: no key of a core schema does
MODULES = ("lexcase", "pydantic")  # the only modules a reference may lead into


class NotKept(ValueError):
    """A core schema that cannot be written as data and read back the same, or data that is not
    one written here."""


def plain(schema: Any) -> str:
    """The core schema `schema` as JSON text, without its metadata; NotKept when any part of it
    cannot be read back as the very same object."""
    text = json.dumps(_encode(schema))
    if restore(text) != bare(schema):
        raise NotKept("read back, the schema differs")
    return text


def restore(text: str | bytes) -> Any:
    """The core schema written as `text` by `plain`; NotKept (a ValueError) when it is not one."""
    return json.loads(text, object_hook=_decoded)


def _decoded(data: dict[str, Any]) -> Any:
    """A JSON object of a written schema as the schema holds it (`json.loads` calls this on each
    one, innermost first): a tag is an object of one key."""
    if len(data) != 1:
        return data
    ((key, value),) = data.items()
    if not key.startswith(TAG):
        return data
    if key == TAG + "tuple" and isinstance(value, list):
        return tuple(value)
    if key == TAG + "ref":
        return _resolve(value)
    if key == TAG + "member" and isinstance(value, list) and len(value) == 2:
        kind = _resolve(value[0])
        if isinstance(kind, type) and issubclass(kind, Enum) and value[1] in kind.__members__:
            return kind[value[1]]
    raise NotKept(f"not a tag of a written schema: {key!r}")


def bare(schema: Any) -> Any:
    """`schema` without the metadata of any of its parts."""
    if isinstance(schema, dict):
        return {k: bare(v) for k, v in schema.items() if k != "metadata"}
    if isinstance(schema, list):
        return [bare(item) for item in schema]
    return schema


def install(model: type[BaseModel], schema: Any) -> None:
    """Give `model` the validator and serializer pydantic builds from the core schema `schema`
    (as `complete_model_class` builds them, plugins included). The model's core schema stays
    pydantic's stand-in, and the model not complete: see the module's docstring."""
    from pydantic._internal._config import ConfigWrapper
    from pydantic.plugin._schema_validator import create_schema_validator
    from pydantic_core import SchemaSerializer

    config = ConfigWrapper(model.model_config, check=False)
    core_config = config.core_config(title=model.__name__)
    validator = create_schema_validator(
        schema,
        model,
        model.__module__,
        model.__qualname__,
        "BaseModel",
        core_config,
        config.plugin_settings,
    )
    model.__pydantic_validator__ = validator
    model.__pydantic_serializer__ = SchemaSerializer(schema, core_config)


def _encode(value: Any) -> Any:
    if value is None or type(value) in (str, int, float, bool):
        return value
    if type(value) is list:
        return [_encode(item) for item in value]
    if type(value) is tuple:
        return {TAG + "tuple": [_encode(item) for item in value]}
    if type(value) is dict:
        if any(type(key) is not str or key.startswith(TAG) for key in value):
            raise NotKept("a key that is not plain text")
        return {key: _encode(item) for key, item in value.items() if key != "metadata"}
    if isinstance(value, Enum):
        return {TAG + "member": [_name(type(value)), value.name]}
    if isinstance(value, type | types.FunctionType):
        return {TAG + "ref": _name(value)}
    raise NotKept(f"a {type(value).__name__} in the schema")


def _name(value: Any) -> str:
    module, qualname = getattr(value, "__module__", ""), getattr(value, "__qualname__", "")
    if not isinstance(module, str) or not isinstance(qualname, str) or "<" in qualname:
        raise NotKept(f"{value!r} has no name to be found by")
    return f"{module}:{qualname}"


def _resolve(name: Any) -> Any:
    """The class or function named `module:qualname`, within lexcase and pydantic only."""
    if not isinstance(name, str) or name.count(":") != 1:
        raise NotKept(f"{name!r} is not a reference")
    module, qualname = name.split(":")
    if module.split(".")[0] not in MODULES:
        raise NotKept(f"{module} is outside lexcase and pydantic")
    try:
        found: Any = importlib.import_module(module)
        for part in qualname.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError) as exc:
        raise NotKept(f"{name}: {exc}") from None
    if not isinstance(found, type | types.FunctionType):
        raise NotKept(f"{name} is not a class or a function")
    return found
