"""The data beside the rules, as files write it: the table of treaty parties
(`rules/treaties.yaml`) and each national pack's description (`rules/<cc>/pack.yaml`).
`lexcase.law.packs` reads them."""

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from lexcase.model.rules import Confidence, Identifier, Prose, Spec, no_items
from lexcase.source import COUNTRY_PATTERN

State = Annotated[str, StringConstraints(pattern=COUNTRY_PATTERN)]


class Role(StrEnum):
    HOST = "host"  # the state where the person is
    HOME = "home"  # the state he fled, which wants him back

    @property
    def fact(self) -> str:
        return f"{self.value}_state"


class CoverageLevel(StrEnum):
    FULL = "full"
    PARTIAL = "partial"  # the pack names what it leaves out
    NONE = "none"  # no pack for the state


# --- the treaty table ------------------------------------------------------------------------


class PartySpec(Spec):
    state: State
    from_: dt.date | None = Field(None, alias="from")
    until: dt.date | None = None
    source: Prose = Field(description="Where the row comes from, in words.")
    as_: list[Role] | None = Field(
        None,
        alias="as",
        description="The roles the row is used in (default: every role the treaty binds); a "
        "state lexcase has law for only as a home state needs no host row.",
    )
    confidence: Confidence = Confidence.HIGH
    uncertain: Prose | None = None
    uncertain_ru: Prose | None = Field(None, description="`uncertain` in Russian.")


class TreatySpec(Spec):
    id: Identifier
    title: Prose
    short: Prose | None = None
    short_ru: Prose | None = Field(
        None,
        description="The treaty's short name in Russian, as it stands alone (nominative: "
        "Конвенция против пыток): its party rules cite it whole and name it in their Russian "
        "titles.",
    )
    binds: list[Role] = Field(min_length=1, description="The roles the treaty must bind.")
    parties: list[PartySpec] = Field(default_factory=no_items)


class TreatyTableSpec(Spec):
    treaties: list[TreatySpec] = Field(default_factory=no_items)


def binding(treaty: str, role: Role) -> str:
    """The conclusion that `treaty` binds the state in `role`."""
    return f"intl.{treaty}.binds_{role.value}"


class PackSpec(Spec):
    state: State
    name: Prose = Field(description="The state's name in English, as results print it.")
    name_ru: Prose | None = Field(
        None, description="The state's name in Russian, as it stands alone (nominative)."
    )
    roles: list[Role] = Field(min_length=1, description="host, home, or both.")
    coverage: CoverageLevel
    missing: list[Prose] = Field(default_factory=no_items, description="What the pack leaves out.")


class Pack(Spec):
    """A national pack as results report it."""

    state: State
    name: Prose
    name_ru: Prose | None = None
    roles: tuple[Role, ...]
    coverage: CoverageLevel
    missing: tuple[Prose, ...] = ()
    folder: str
