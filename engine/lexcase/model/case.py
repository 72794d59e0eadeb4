"""The case model: the facts of one person's case, as of a date.

Every field is optional unless the case cannot be read without it: a field that is absent is
*unknown*, never false. A rule that needs an unknown fact neither fires nor fails; the result lists
it as undecided with the facts it needs.

Records that happen on a date (a crossing, a decision, a detention...) say which of their fields
dates them (`dated_by`); evaluating a case as of an earlier date leaves out every record dated
after it, so the engine has to predict what those records later show.
"""

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from lexcase.errors import CaseError
from lexcase.model.dates import REPORTED_DATE_PATTERN, parse_reported
from lexcase.model.rules import no_items
from lexcase.source import COUNTRY_PATTERN, IDENTIFIER_PATTERN, Document, load_document, validate

# What a number in a case can mean: past these it is a typing slip or an attack, refused with its
# place (a number of thousands of digits once ended a whole batch). A life's length bounds days,
# months and years; no court record holds a thousand convictions of one person or a fine of a
# billion monthly indices.
MAX_YEARS = 150
MAX_MONTHS = 12 * MAX_YEARS
MAX_DAYS = 366 * MAX_YEARS
MAX_COUNT = 1_000
MAX_FINE = 1_000_000_000

REPORTED_DATE_ERROR = "reported_date"  # pydantic's error type for a case date that is none
CONTRADICTION_ERROR = "contradiction"  # a written number the case's own dates contradict

Country = Annotated[
    str,
    StringConstraints(pattern=COUNTRY_PATTERN),
    Field(description="ISO 3166-1 alpha-2 country code in capitals, e.g. RU, KZ, AM."),
]
Slug = Annotated[str, StringConstraints(pattern=IDENTIFIER_PATTERN, max_length=200)]
Text = Annotated[str, StringConstraints(max_length=10_000)]

# The facts a person could have made otherwise (when and where he crossed, whether and when he
# claimed asylum, which documents he carried) carry this marker in their field's schema; the
# counterfactual search (`lexcase counterfactual`) changes only them. The JSON Schema shows it.
MUTABLE: dict[str, Any] = {"mutable": True}


def _reported_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        value = str(value)  # a year alone, which YAML reads as a number
    if isinstance(value, str):
        try:
            return parse_reported(value)
        except ValueError:
            pass
    raise PydanticCustomError(REPORTED_DATE_ERROR, "not a date")


def _date_text(day: dt.date) -> str:
    return day.isoformat()


# A date of the case as the press reports it: to the day (2022-09-26), or only to the month
# (2022-09) or the year (2022); see `lexcase.model.dates.Approx`. (Named functions, not lambdas:
# the rule cache keeps the case model's core schema with them named, `lexcase.law.core_schemas`.)
Day = Annotated[
    dt.date,
    PlainValidator(_reported_date),
    PlainSerializer(_date_text, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": REPORTED_DATE_PATTERN,
            "description": "A date: YYYY-MM-DD, or YYYY-MM / YYYY when only the month or "
            "year is known.",
        }
    ),
]


class Facts(BaseModel):
    """Base of every part of a case: strict, immutable, and no field outside the model."""

    # defer_build: a model builds its validator when first used, so a nested model that is only
    # ever validated inside its parent (most are) is built once, and the CLI starts sooner.
    model_config = ConfigDict(
        strict=True, frozen=True, extra="forbid", populate_by_name=True, defer_build=True
    )


class Record(Facts):
    """A part of the case that happens on a date. `dated_by` lists the fields that date it, first
    known wins; a record with none of them known is taken as known at every as-of date."""

    dated_by: ClassVar[tuple[str, ...]] = ()

    def event_date(self) -> dt.date | None:
        for name in self.dated_by:
            value = getattr(self, name)
            if value is not None:
                assert isinstance(value, dt.date)
                return value
        return None


# --- closed vocabularies ---------------------------------------------------------------------


class MilitaryStatus(StrEnum):
    CIVILIAN = "civilian"
    RESERVIST = "reservist"
    CONSCRIPT = "conscript"
    CONTRACT = "contract"
    OFFICER = "officer"
    MOBILISED = "mobilised"


class ServiceExit(StrEnum):
    """How the person left military service."""

    DISCHARGED = "discharged"
    DESERTED = "deserted"  # left without discharge, not meaning to return
    ABSENT_WITHOUT_LEAVE = "absent_without_leave"  # left without discharge for a time


class CallUpKind(StrEnum):
    CONSCRIPTION = "conscription"
    MOBILISATION = "mobilisation"


class TravelDocument(StrEnum):
    NONE = "none"
    INTERNAL_PASSPORT = "internal_passport"
    FOREIGN_PASSPORT = "foreign_passport"
    FALSE_OR_OTHERS = "false_or_others"  # forged, or another person's


class DocumentHeld(StrEnum):
    """The travel document the person holds (whatever he crossed with)."""

    FOREIGN_PASSPORT = "foreign_passport"  # a passport for travel abroad (and an internal one)
    INTERNAL_PASSPORT = "internal_passport"  # only the internal identity document
    HELD_BY_UNIT = "held_by_unit"  # his foreign passport is kept by his unit: he has the internal
    NONE = "none"


class NoticeChannel(StrEnum):
    """How a wanted notice is circulated abroad."""

    INTERPOL = "interpol"  # an Interpol notice or diffusion
    CIS_INTERSTATE = "cis_interstate"  # the CIS interstate search, which bypasses Interpol


class StayBasis(StrEnum):
    VISA_FREE = "visa_free"
    ASYLUM_SEEKER_CERTIFICATE = "asylum_seeker_certificate"
    REFUGEE_STATUS = "refugee_status"
    RESIDENCE_PERMIT = "residence_permit"
    NONE = "none"


class AsylumOutcome(StrEnum):
    GRANTED = "granted"
    REFUSED = "refused"


class AppealOutcome(StrEnum):
    ALLOWED = "allowed"  # the appeal succeeds
    DISMISSED = "dismissed"  # the refusal is upheld


class Disposition(StrEnum):
    CONDITIONAL = "conditional"
    IMPRISONMENT = "imprisonment"
    FINE = "fine"


class ExtraditionOutcome(StrEnum):
    GRANTED = "granted"  # extradition ordered
    REFUSED = "refused"


class RemovalType(StrEnum):
    EXPULSION = "expulsion"  # carrying out an expulsion ordered by a court
    DEPORTATION = "deportation"  # handed over by the migration police
    EXTRADITION = "extradition"
    HANDOVER = "handover"  # handed to the home state's agents with no expulsion or extradition
    DEPARTURE = "departure"  # left on his own


class DetentionBasis(StrEnum):
    EXTRADITION_CHECK = "extradition_check"  # held on a foreign wanted notice, before any order
    EXTRADITION_CUSTODY = "extradition_custody"  # court-ordered custody pending the request
    EXTRADITION_ARREST = "extradition_arrest"  # arrest once the request has arrived
    CRIMINAL = "criminal"
    IMMIGRATION = "immigration"


# --- the parts of a case ---------------------------------------------------------------------


class Source(Facts):
    """Where facts of the case come from."""

    title: Text
    url: Text | None = None
    date: Day | None = None
    supports: Text | None = Field(None, description="Which facts this source supports.")


class ReportedAge(Record):
    """An age the reports give ("Zhilin, 36"), and the date of the report."""

    dated_by: ClassVar[tuple[str, ...]] = ("on",)
    years: int | None = Field(None, ge=0, le=MAX_YEARS)
    on: Day | None = Field(None, description="The date of the report that gives the age.")


class Person(Facts):
    name: Text | None = None
    born_on: Day | None = None
    reported_age: ReportedAge | None = Field(
        None, description="An age the reports give, when the birth date is not known."
    )
    nationalities: list[Country] | None = Field(
        None, description="Every citizenship the person holds; absent means unknown."
    )
    prior_convictions: int | None = Field(
        None, ge=0, le=MAX_COUNT, description="Earlier criminal convictions in the host state."
    )
    travel_document: DocumentHeld | None = Field(
        None,
        description="The travel document the person holds: a foreign passport, only the internal "
        "passport, a foreign passport kept by his unit, or none.",
    )


class LeftService(Record):
    dated_by: ClassVar[tuple[str, ...]] = ("on",)
    how: ServiceExit | None = Field(None, description="How he left military service.")
    on: Day | None = None
    absence_days: int | None = Field(
        None,
        ge=0,
        le=MAX_DAYS,
        description="Days away, for an absence without leave. Computed from `on` and the as-of "
        "date when not written; a written number longer than that is an error.",
    )


class CallUp(Record):
    dated_by: ClassVar[tuple[str, ...]] = ("received_on",)
    kind: CallUpKind | None = Field(None, description="What he was called up for.")
    received_on: Day | None = None
    reported: bool | None = Field(None, description="Whether the person reported as called.")


class Military(Facts):
    state: Country | None = Field(None, description="The state whose forces the status concerns.")
    status: MilitaryStatus | None = None
    unit: Text | None = None
    state_secrets_access: bool | None = Field(
        None, description="Whether he had access to state secrets in service."
    )
    left_service: LeftService | None = None
    call_up: CallUp | None = None


class Crossing(Record):
    """The crossing of a border that brought the person to the host state."""

    dated_by: ClassVar[tuple[str, ...]] = ("date",)
    from_: Country | None = Field(None, alias="from")
    into: Country | None = None
    date: Day | None = Field(None, description="The day he crossed.", json_schema_extra=MUTABLE)
    at_checkpoint: bool | None = Field(
        None, description="Whether he crossed at a border checkpoint.", json_schema_extra=MUTABLE
    )
    documents: TravelDocument | None = Field(
        None, description="The documents he crossed with.", json_schema_extra=MUTABLE
    )
    procedure_breached: bool | None = Field(
        None,
        description="At a checkpoint, he crossed in breach of the established crossing procedure "
        "(evading the control, for instance).",
    )
    place: Text | None = None
    age: int | None = Field(
        None,
        ge=0,
        le=MAX_YEARS,
        description="His age in whole years on the day of the crossing. Computed from "
        "person.born_on or person.reported_age when not written; a written age the dates "
        "contradict is an error.",
    )


class Stay(Record):
    dated_by: ClassVar[tuple[str, ...]] = ("counted_on",)
    basis: StayBasis | None = Field(
        None, description="What makes his stay in the host state lawful."
    )
    days_in_last_180: int | None = Field(
        None,
        ge=0,
        le=180,
        description="Days he has stayed in the host state in the last 180 (to counted_on, or the "
        "as-of date). Computed from the crossing into the host state (and the removal) when not "
        "written; a written number below the days since that crossing is an error.",
    )
    counted_on: Day | None = Field(None, description="The date the day count refers to.")


class Decision(Record):
    dated_by: ClassVar[tuple[str, ...]] = ("on",)
    outcome: AsylumOutcome | None = Field(None, description="The decision on his asylum claim.")
    on: Day | None = None
    by: Text | None = None


class AppealDecision(Record):
    dated_by: ClassVar[tuple[str, ...]] = ("on",)
    outcome: AppealOutcome | None = Field(None, description="The decision on his appeal.")
    on: Day | None = None
    final: bool | None = Field(None, description="No further appeal lies.")


class Appeal(Record):
    dated_by: ClassVar[tuple[str, ...]] = ("filed_on",)
    filed_on: Day | None = None
    decision: AppealDecision | None = None


class Asylum(Record):
    # A claim the reports date only by its registration is known from the registration, and one
    # they do not date at all from the date by which it is known to exist.
    dated_by: ClassVar[tuple[str, ...]] = ("applied_on", "registered_on", "known_by")
    applied_on: Day | None = Field(
        None, description="The day he asked for asylum.", json_schema_extra=MUTABLE
    )
    registered_on: Day | None = Field(None, description="The day his asylum claim was registered.")
    known_by: Day | None = Field(
        None,
        description="A date by which the claim is known to have been made, when neither its own "
        "date nor its registration is reported.",
    )
    decision: Decision | None = None
    appeal: Appeal | None = None


class Charge(Record):
    """One criminal charge, judged on its own: the article (and part, where known) of the charging
    state's code, and the date the case was opened."""

    dated_by: ClassVar[tuple[str, ...]] = ("opened_on",)
    article: Text | None = Field(
        None, description="The article; absent when the reports give a case but not its article."
    )
    part: Text | None = None
    opened_on: Day | None = None
    article_part: Text | None = Field(
        None,
        description="Set by lexcase from article and part: '338(3)', or '338' when no part is "
        "recorded, so that a rule can test both at once.",
    )

    @model_validator(mode="after")
    def _article_part(self) -> "Charge":
        joined = None
        if self.article is not None:
            joined = self.article + (f"({self.part})" if self.part else "")
        if self.article_part is not None and self.article_part != joined:
            raise PydanticCustomError(
                "article_part", "article_part must be article(part), as lexcase writes it"
            )
        object.__setattr__(self, "article_part", joined)  # frozen: set once, while validating
        return self


class WantedNotice(Record):
    dated_by: ClassVar[tuple[str, ...]] = ("issued_on", "known_by")
    international: bool | None = Field(
        None, description="Whether the home state's wanted notice is international."
    )
    channels: list[NoticeChannel] | None = Field(
        None,
        description="How the notice is circulated abroad: interpol, cis_interstate, or both; "
        "absent means unknown.",
    )
    issued_on: Day | None = None
    known_by: Day | None = Field(
        None,
        description="A date by which the notice is known to exist, when its issue date is not.",
    )


class HomeProceedings(Facts):
    charges: list[Charge] | None = None
    wanted_notice: WantedNotice | None = None


class Conviction(Record):
    dated_by: ClassVar[tuple[str, ...]] = ("on",)
    article: Text | None = None
    part: Text | None = None
    court: Text | None = None
    on: Day | None = None


class Sentence(Record):
    dated_by: ClassVar[tuple[str, ...]] = ("on",)
    months: int | None = Field(None, ge=0, le=MAX_MONTHS)
    disposition: Disposition | None = Field(None, description="What the sentence imposes.")
    fine_mrp: int | None = Field(None, ge=0, le=MAX_FINE)
    expulsion: bool | None = Field(None, description="Whether the sentence orders his expulsion.")
    expulsion_years: int | None = Field(None, ge=0, le=MAX_YEARS)
    on: Day | None = None


class Detention(Record):
    dated_by: ClassVar[tuple[str, ...]] = ("ordered_on", "from_on")
    basis: DetentionBasis
    from_on: Day | None = None
    ordered_on: Day | None = None
    days_ordered: int | None = Field(None, ge=0, le=MAX_DAYS)
    place: Text | None = None


class ExtraditionDecision(Record):
    dated_by: ClassVar[tuple[str, ...]] = ("on",)
    outcome: ExtraditionOutcome | None = Field(
        None, description="The decision on the extradition request."
    )
    on: Day | None = Field(None, description="The date of the decision; appeals count from it.")
    by: Text | None = None


class Extradition(Record):
    """The requesting state's extradition request and the host state's decision on it."""

    dated_by: ClassVar[tuple[str, ...]] = ("requested_on",)
    requested_on: Day | None = Field(
        None, description="The date the extradition request reached the host state."
    )
    decision: ExtraditionDecision | None = None
    appeal: Appeal | None = Field(None, description="The appeal to a court against the decision.")


class SentenceAppeal(Record):
    """The appeal against the conviction or sentence, and what the appeal court decided."""

    dated_by: ClassVar[tuple[str, ...]] = ("decided_on", "filed_on")
    filed_on: Day | None = None
    decided_on: Day | None = None
    outcome: AppealOutcome | None = None
    expulsion: bool | None = Field(
        None,
        description="Whether the expulsion stands after the appeal: false when the appeal court "
        "cancelled it.",
    )


class HostProceedings(Facts):
    charges: list[Charge] | None = None
    conviction: Conviction | None = None
    sentence: Sentence | None = None
    sentence_appeal: SentenceAppeal | None = None
    detentions: list[Detention] | None = None
    extradition: Extradition | None = None


class Removal(Record):
    """The person leaving the host state, on his own or removed; an entry ban counts from it."""

    dated_by: ClassVar[tuple[str, ...]] = ("on",)
    type: RemovalType | None = Field(None, description="How he left the host state.")
    on: Day | None = Field(None, description="The day he left or was handed over.")
    destination: Country | None = None


class RiskOnReturn(Record):
    dated_by: ClassVar[tuple[str, ...]] = ("assessed_on",)
    torture: bool | None = Field(None, description="A substantial risk of torture on return.")
    assessed_on: Day | None = None
    evidence: Text | None = None


class Event(Record):
    dated_by: ClassVar[tuple[str, ...]] = ("on",)
    on: Day
    what: Text


class Case(Facts):
    """One person's case as of a date."""

    case_id: Slug
    as_of: dt.date = Field(description="The date the facts are known as of.")
    title: Text | None = None
    home_state: Country | None = Field(None, description="The state the person fled.")
    host_state: Country | None = Field(None, description="The state where the person now is.")
    person: Person = Field(default_factory=Person)
    military: Military = Field(default_factory=Military)
    crossing: Crossing | None = None
    stay: Stay | None = None
    asylum: Asylum | None = Field(
        None, description="His claim for asylum in the host state.", json_schema_extra=MUTABLE
    )
    home_proceedings: HomeProceedings = Field(default_factory=HomeProceedings)
    host_proceedings: HostProceedings = Field(default_factory=HostProceedings)
    risk_on_return: RiskOnReturn | None = None
    removal: Removal | None = Field(None, description="How and when he left the host state.")
    events: list[Event] = Field(default_factory=no_items)
    sources: list[Source] = Field(default_factory=no_items)
    notes: Text | None = None

    @model_validator(mode="after")
    def _numbers_agree_with_dates(self) -> "Case":
        # counts.py reads the Case model, so it is imported here, once both modules exist.
        from lexcase.model.counts import check

        problems = check(self)
        if problems:
            path, why = problems[0]
            raise PydanticCustomError(CONTRADICTION_ERROR, why, {"path": path})
        return self


# Parts of a case that describe it rather than state facts the rules can use.
DESCRIPTIVE_FIELDS: frozenset[str] = frozenset({"case_id", "title", "events", "sources", "notes"})


def load_case(path: Path | str) -> Case:
    """Read and validate a case file (YAML or JSON)."""
    document = load_document(Path(path), CaseError)
    return validate(Case, document, CaseError, "case")


def parse_case(data: dict[str, Any], label: str | None = None) -> Case:
    """Validate case data already in memory (JSON-compatible: dates as ISO strings)."""
    return validate(Case, Document(label, data, {}), CaseError, "case")


def case_schema() -> dict[str, Any]:
    """The JSON Schema of case files."""
    schema = Case.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "lexcase case file"
    return schema
