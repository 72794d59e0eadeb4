"""The law-facing Russian: every shipped rule and citation has its Russian text (the treaty table's
party rules included), and a Russian memo words deadlines and detail values in Russian."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from conftest import RuleFolder
from lexcase.analysis.lint import lint
from lexcase.interfaces.cli import app
from lexcase.law.loader import load_rulebook

runner = CliRunner()


def test_every_shipped_rule_and_citation_has_its_russian_text() -> None:
    report = lint()
    assert report.rules > 200
    assert report.untranslated == []
    assert report.untranslated_citations == []


def test_a_treaty_party_rule_is_titled_in_russian_with_the_states_russian_name() -> None:
    rules = {r.id: r for r in load_rulebook().rules}
    cat = rules["intl.cat.party.kz.host"]
    assert cat.title_ru == (
        "Конвенция против пыток действует для государства пребывания (где он находится) — "
        "Казахстан, с 26.06.1998"
    )
    assert cat.citations[0].short_ru() == "Конвенция против пыток"
    minsk = rules["intl.minsk.party.ru.home"]
    assert minsk.title_ru is not None
    assert minsk.title_ru.startswith(
        "Минская конвенция 1993 г. действует для государства происхождения"
    )
    assert minsk.title_ru.endswith("— Россия")  # the table gives no date for Russia


TREATY = """\
treaties:
  - id: pact
    title: A test pact
    short_ru: Тестовый пакт
    binds: [host]
    parties:
      - {state: AM, from: 2002-04-25, until: 2020-01-31, source: the AM row}
      - {state: KZ, source: the KZ row}
  - id: other
    title: A pact with no Russian name
    binds: [host]
    parties:
      - {state: AM, source: the AM row}
"""

PACKS = {
    "am": {
        "pack.yaml": "state: AM\nname: Armenia\nname_ru: Армения\nroles: [host]\ncoverage: full\n"
    },
    "kz": {"pack.yaml": "state: KZ\nname: Kazakhstan\nroles: [host]\ncoverage: full\n"},
}

UNNAMED_CITATION = """\
instrument: {title: Test Code, short: TC, short_ru: ТК}
jurisdiction: AM
rules:
  - id: am.rule
    title: A rule
    title_ru: Правило
    cite:
      - {article: 1}
      - {instrument: Another Code, short: AC, article: 2}
    basis: law
    when: {host_state: AM}
    then:
      outcome: {kind: remedy, summary: s, summary_ru: с, detail: {action: appeal}}
"""


def test_the_lint_lists_party_rules_and_citations_without_russian_names(
    rule_folder: RuleFolder,
) -> None:
    root = rule_folder(am={**PACKS["am"], "code.yaml": UNNAMED_CITATION}, kz=PACKS["kz"])
    (root / "treaties.yaml").write_text(TREATY)
    rules = {r.id: r for r in load_rulebook(root).rules}
    assert rules["intl.pact.party.am.host"].title_ru == (
        "Тестовый пакт действует для государства пребывания (где он находится) — Армения, "
        "с 25.04.2002 по 31.01.2020"
    )
    # A state whose pack gives no Russian name keeps its code.
    assert str(rules["intl.pact.party.kz.host"].title_ru).endswith("— KZ")
    result = runner.invoke(app, ["rules", "lint", "--rules", str(root), "--json"])
    report: dict[str, Any] = json.loads(result.stdout)
    assert report["untranslated"] == ["intl.other.party.am.host"]
    assert report["untranslated_citations"] == [
        "am.rule: Another Code",
        "intl.other.party.am.host: A pact with no Russian name",
    ]


def test_an_inline_citation_takes_its_own_russian_part_word() -> None:
    rules = {r.id: r for r in load_rulebook().rules}
    cited = [c.short_ru() for c in rules["kz.refugees.asylum_seeker.not_returned"].citations]
    assert "п. 1 ст. 33 Конвенции о статусе беженцев 1951 г." in cited
    uz = rules["uz.aoc.224-1.border_regime"].citations[0].short_ru()
    assert uz == "ст. 224-1 Кодекса Республики Узбекистан об административной ответственности"
