"""The law-facing Russian: every shipped rule and citation has its Russian text (the treaty table's
party rules included), and a Russian memo words deadlines and detail values in Russian."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import SEEDS, RuleFolder
from lexcase.analysis.lint import lint
from lexcase.interfaces import russian
from lexcase.interfaces.cli import app
from lexcase.interfaces.i18n import VALUES_RU
from lexcase.law.loader import load_rulebook
from lexcase.model.facts import fact_paths

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
      - {state: KZ, source: the KZ row, confidence: medium, uncertain: no date}
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
    # A treaty without a Russian name, and a row whose uncertain text has no Russian one.
    assert report["untranslated"] == ["intl.other.party.am.host", "intl.pact.party.kz.host"]
    assert report["untranslated_citations"] == [
        "am.rule: Another Code",
        "intl.other.party.am.host: A pact with no Russian name",
    ]
    # The terminal view lists them too.
    shown = runner.invoke(app, ["rules", "lint", "--rules", str(root)]).stdout
    assert "2 citation(s) whose instrument has no Russian short name" in shown
    assert "am.rule: Another Code" in shown


def test_an_inline_citation_takes_its_own_russian_part_word() -> None:
    rules = {r.id: r for r in load_rulebook().rules}
    cited = [c.short_ru() for c in rules["kz.refugees.asylum_seeker.not_returned"].citations]
    assert "п. 1 ст. 33 Конвенции о статусе беженцев 1951 г." in cited
    uz = rules["uz.aoc.224-1.border_regime"].citations[0].short_ru()
    assert uz == "ст. 224-1 Кодекса Республики Узбекистан об административной ответственности"


LATIN = re.compile(r"[A-Za-z]{2,}")


def russian_memo(case: Path | str, *more: str) -> str:
    result = runner.invoke(app, ["memo", str(case), "--lang", "ru", *more])
    assert result.exit_code == 0, result.output
    return result.stdout


def section(memo: str, heading: str) -> str:
    return memo.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_a_russian_memo_words_the_deadlines_in_russian() -> None:
    memo = russian_memo(SEEDS / "zhilin.yaml")
    deadlines = section(memo, "Сроки")
    # The custody pending the extradition request: its rule's Russian texts, the date written
    # the Russian way, the days left counted in Russian, and no English word left.
    assert (
        "- **15.01.2023**: содержание под стражей в ожидании запроса о выдаче прекращается, "
        "если запрос не поступил (идёт: осталось 34 дня); кого касается: запрашивающее "
        "государство; прокурор, который должен освободить его, если запрос не поступит"
    ) in deadlines
    assert "(соблюдён 26.09.2022)" in deadlines
    assert "истекает испытательный срок при условном осуждении" in deadlines
    assert LATIN.findall(deadlines) == []
    english = runner.invoke(app, ["memo", str(SEEDS / "zhilin.yaml")]).stdout
    assert "- **2023-01-15**: custody pending the extradition request ends" in english
    assert "(running: 34 days left); binds the requesting state" in english


def test_a_russian_memo_words_values_dates_and_conditions_in_russian() -> None:
    memo = russian_memo(SEEDS / "zhilin.yaml")
    facts = section(memo, "Факты, как они поняты")
    assert "- `military.left_service.how`: дезертирство" in facts
    assert "- `host_proceedings.sentence.disposition`: условно" in facts
    assert "- `host_proceedings.detentions[1].basis`: содержание под стражей до запроса" in facts
    assert "- `crossing.date`: 26.09.2022" in facts
    assert "- `crossing.place`: woods near Ernazar" in facts  # the case's own words stay
    # An outcome's detail values in its Russian summary; its conditions in Russian.
    assert "Приговор от 02.12.2022: 6 мес., условно; выдворение назначено: да." in memo
    assert (
        "Основания: host_state = KZ; редакция закона, действующая на crossing.date "
        "(crossing.date не ранее 01.01.2015 и crossing.date не позднее 16.09.2025)"
    ) in memo
    assert "host_proceedings.detentions содержит {basis: содержание под стражей" in memo
    assert "На дату 12.12.2022." in memo


def test_a_missed_deadline_says_what_follows_in_russian(tmp_path: Path) -> None:
    case = tmp_path / "late.yaml"
    case.write_text(
        "case_id: late\nas_of: 2022-10-10\nhome_state: RU\nhost_state: KZ\n"
        "crossing: {from: RU, into: KZ, date: 2022-09-26, at_checkpoint: false}\n"
    )
    deadlines = section(russian_memo(case), "Сроки")
    assert "- **27.09.2022**: подать ходатайство об убежище" in deadlines
    assert "(ИСТЁК); кого касается: лицо;" in deadlines
    assert "если пропущен: Ходатайство подано с пропуском срока по Закону РК «О беженцах»" in (
        deadlines
    )
    assert set(LATIN.findall(deadlines)) == {"lexcase"}  # "в заметках lexcase"


def test_the_russian_page_words_the_timeline_in_russian(
    client: TestClient, zhilin_text: str
) -> None:
    html = client.post(
        "/ui/result", json={"text": zhilin_text, "as_of": "2022-12-12", "lang": "ru"}
    ).text
    timeline = html.split('id="timeline"', 1)[1]
    assert "<time>15.01.2023</time>" in timeline
    assert "40 дней с host_proceedings.detentions[1].from_on" in timeline
    assert "(months: 6, disposition: условно, expulsion: да)" in timeline
    assert "кого касается: запрашивающее государство" in timeline
    words = re.sub(r"<[^>]+>", "", timeline)
    assert "running" not in words and "binds " not in words and "days left" not in words
    assert re.search(r"\d+ (hour|day|month|year)s? с ", words) is None  # periods in Russian
    assert "72 часа с host_proceedings.detentions[0].from_on" in words


def test_every_value_of_the_case_model_has_a_russian_name() -> None:
    values = {
        v
        for fact in fact_paths().values()
        for f in (fact, fact.item, *fact.item_fields.values())
        if f is not None
        for v in f.enum_values
    }
    assert values - set(VALUES_RU) == set()


def test_periods_and_conditions_are_worded_the_russian_way() -> None:
    assert [russian.period(p) for p in ("24 hours", "1 day", "3 months", "21 days", "12 days")] == [
        "24 часа",
        "1 день",
        "3 месяца",
        "21 день",
        "12 дней",
    ]
    assert russian.period("90 days in any 180") == "90 дней в любые 180"
    assert russian.period("5 years") == "5 лет"
    assert (
        russian.test("asylum.applied_on within 5 day(s) after crossing.date")
        == "asylum.applied_on не позднее чем через 5 дней после crossing.date"
    )
    assert russian.test("military.status in [civilian, reservist]") == (
        "military.status из [гражданское лицо, в запасе]"
    )
    assert russian.test("removal.on is not recorded") == "removal.on не указано"
    assert russian.test("stay.days_in_last_180 more than 90") == "stay.days_in_last_180 > 90"
    assert russian.test("an unforeseen form") == "an unforeseen form"  # left, not garbled


def test_what_is_uncertain_is_said_in_russian_and_no_seed_falls_back_to_english() -> None:
    memo = russian_memo(SEEDS / "zhilin.yaml")
    # The remedy rests on a less sure extradition rule: the result says so in English, the memo
    # in Russian, with that rule's Russian title and uncertain text.
    assert (
        "Опирается на правило intl.minsk.56.extradition («Выдача за деяние, наказуемое в обоих "
        "государствах лишением свободы не менее 1 года») со средней уверенностью: Соответствует "
        "ли дезертирство порогу двойной криминальности"
    ) in memo
    assert "It rests on" not in memo and "not verified" not in memo
    for seed in sorted(SEEDS.glob("*.yaml")):
        assert "приведены по-английски" not in russian_memo(seed), seed.name
