"""Models made straight from data this package writes itself, without validating it again.

Validating a result from the builder's own plain data cost about 40 % of building it and taught
nothing the tests do not check: tests/test_result_build.py holds every result equal to its own
data validated, model by model, field by field and type by type, on hundreds of generated cases.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_new = object.__new__
_set_dict = object.__setattr__
_set_fields = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def trusted(model: type[M], fields: dict[str, Any], given: Iterable[str] | None = None) -> M:
    """`model` holding `fields` as validation of the data `given` (by default: all of `fields`)
    would leave it, without validating. `fields` is written by this package: every field of
    `model` in its declared order, with values of the declared types, lists of its own."""
    instance = _new(model)
    _set_dict(instance, "__dict__", fields)
    _set_fields(instance, set(fields if given is None else given))
    _set_extra(instance, None)
    _set_private(instance, None)
    return instance
