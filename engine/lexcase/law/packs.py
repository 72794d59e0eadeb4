"""The data beside the rules: which states each treaty binds and from when, and what each national
pack covers.

`rules/treaties.yaml` is the table of treaty parties. Each row becomes a rule of its own
(`intl.<treaty>.party.<state>.<role>`: the host state, or the home state, is the row's state, in
the row's dates in force), concluding `intl.<treaty>.binds_<role>`; every rule of a file that says
`treaty: <id>` is given those conclusions. So whether a treaty applies between two states on a
date is decided by durable_rules like any other condition, and the result names the row.

`rules/<cc>/pack.yaml` says which state a folder's law is for, in which role (the host's law, the
home state's law), and how completely it covers that state (`full`, or `partial` with what is
missing). Results report it; a state with no pack is reported as not covered.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from lexcase.errors import RuleFileError
from lexcase.law.files import RuleFile
from lexcase.law.resolver import resolve_rule
from lexcase.model.packs import (
    CoverageLevel,
    Pack,
    PackSpec,
    PartySpec,
    Role,
    TreatySpec,
    TreatyTableSpec,
    binding,
)
from lexcase.model.rules import (
    Basis,
    CitationSpec,
    InForce,
    Instrument,
    Rule,
    RuleFileSpec,
    RuleSpec,
    Then,
)
from lexcase.source import Document, parse_document, validate

INTL = "INTL"


class TreatyTable:
    """The table as read: its treaties, and the rules its rows become."""

    def __init__(self, spec: TreatyTableSpec, document: Document | None) -> None:
        self.spec = spec
        self.document = document
        self.by_id = {t.id: t for t in spec.treaties}

    def givens(self, treaty: str) -> tuple[str, ...]:
        return tuple(binding(treaty, role) for role in self.by_id[treaty].binds)

    def rules(self, names_ru: Mapping[str, str]) -> Iterator[Rule | RuleFileError]:
        """One rule per party and role; a row that does not resolve yields its problem.
        `names_ru`: the states' Russian names (from their packs), for the Russian titles."""
        assert self.document is not None or not self.spec.treaties
        for i, treaty in enumerate(self.spec.treaties):
            instrument = Instrument(
                title=treaty.title, short=treaty.short, short_ru=treaty.short_ru
            )
            file = RuleFileSpec(instrument=instrument, jurisdiction=INTL, rules=[])
            for j, party in enumerate(treaty.parties):
                for role in party.as_ or treaty.binds:
                    spec = _party_rule(treaty, party, role, names_ru.get(party.state))
                    assert self.document is not None
                    try:
                        yield resolve_rule(spec, file, self.document, ("treaties", i, "parties", j))
                    except RuleFileError as problem:
                        yield problem


# The role of a party row in a Russian title: the state, and who it is to the person.
ROLE_RU = {
    Role.HOST: "государства пребывания (где он находится)",
    Role.HOME: "государства происхождения (которое добивается его возвращения)",
}


def _party_rule(treaty: TreatySpec, party: PartySpec, role: Role, state_ru: str | None) -> RuleSpec:
    name = treaty.short or treaty.title
    since = f" from {party.from_.isoformat()}" if party.from_ else ""
    until = f" until {party.until.isoformat()}" if party.until else ""
    who = "where he is" if role is Role.HOST else "which wants him back"
    in_force = InForce(from_=party.from_, until=party.until) if party.from_ or party.until else None
    return RuleSpec(
        id=f"intl.{treaty.id}.party.{party.state.lower()}.{role.value}",
        title=f"The {name} binds {party.state}, the {role.value} state ({who}){since}{until}",
        title_ru=_party_title_ru(treaty, party, role, state_ru),
        cite=CitationSpec(whole=True, text=party.source),
        basis=Basis.LAW,
        confidence=party.confidence,
        uncertain=party.uncertain,
        uncertain_ru=party.uncertain_ru,
        in_force=in_force,
        when={role.fact: party.state},
        then=Then(conclude=[binding(treaty.id, role)]),
    )


def _party_title_ru(
    treaty: TreatySpec, party: PartySpec, role: Role, state_ru: str | None
) -> str | None:
    """«Конвенция против пыток действует для государства пребывания (где он находится) —
    Казахстан, с 26.06.1998»; None where the table gives the treaty no Russian name."""
    if treaty.short_ru is None:
        return None
    # The state's name stands alone after the dash, so it needs no case ending.
    text = f"{treaty.short_ru} действует для {ROLE_RU[role]} — {state_ru or party.state}"
    if party.from_:
        text += f", с {party.from_:%d.%m.%Y}"
    if party.until:
        text += f" по {party.until:%d.%m.%Y}"
    return text


def read_treaties(file: RuleFile) -> TreatyTable:
    """The treaty table read in `file`."""
    document = parse_document(file.raw, file.label, RuleFileError)
    spec = validate(TreatyTableSpec, document, RuleFileError, "treaty table")
    seen: set[str] = set()
    for i, treaty in enumerate(spec.treaties):
        if treaty.id in seen:
            raise RuleFileError(
                f"treaty {treaty.id} is listed twice",
                document.place(("treaties", i, "id")),
                expected="one entry per treaty",
            )
        seen.add(treaty.id)
    return TreatyTable(spec, document)


# --- what a pack covers ----------------------------------------------------------------------


def read_pack(file: RuleFile) -> Pack:
    document = parse_document(file.raw, file.label, RuleFileError)
    spec = validate(PackSpec, document, RuleFileError, "pack description")
    folder = file.path.parent.name
    if spec.state != folder.upper():
        raise RuleFileError(
            f"the pack says state {spec.state} but lies in the folder {folder}/",
            document.place(("state",)),
            expected=f"state: {folder.upper()}",
        )
    if spec.coverage is CoverageLevel.PARTIAL and not spec.missing:
        raise RuleFileError(
            "a partial pack must say what it leaves out",
            document.place(("coverage",)),
            expected="missing: a list of what the pack does not cover",
        )
    if spec.coverage is CoverageLevel.NONE:
        raise RuleFileError(
            "a pack with coverage none is no pack: remove the folder instead",
            document.place(("coverage",)),
            expected="full or partial",
        )
    return Pack(
        state=spec.state,
        name=spec.name,
        name_ru=spec.name_ru,
        roles=tuple(spec.roles),
        coverage=spec.coverage,
        missing=tuple(spec.missing),
        folder=folder,
    )
