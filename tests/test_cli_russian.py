"""The command line in Russian (issue 13): the views and --help speak Russian when asked
(`lexcase --lang ru`, LEXCASE_LANG, a Russian locale); English stays as it was, and --json is the
same in both. And `lexcase memo --rules-overlay`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from lexcase.interfaces import cli_help, cli_words
from lexcase.interfaces.cli import app
from lexcase.interfaces.cli_texts import chosen_lang, placeholders
from lexcase.interfaces.i18n import Lang

runner = CliRunner()
ZHILIN = str(SEEDS / "zhilin.yaml")
UNAMENDED = ROOT / "docs" / "examples" / "kz-392-unamended"


@pytest.mark.parametrize(
    ("english", "russian"), [(cli_words.EN, cli_words.RU), (cli_help.EN, cli_help.RU)]
)
def test_both_languages_have_every_text_with_the_same_blanks(
    english: dict[str, str], russian: dict[str, str]
) -> None:
    assert set(english) == set(russian)
    differing = {k for k in english if placeholders(english[k]) != placeholders(russian[k])}
    assert differing == set()
    assert all(russian.values())


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        ([], {}, Lang.EN),
        ([], {"LANG": "ru_RU.UTF-8"}, Lang.RU),
        ([], {"LANG": "ru_RU.UTF-8", "LC_ALL": "C.UTF-8"}, Lang.EN),  # LC_ALL decides first
        ([], {"LC_MESSAGES": "ru_KZ.UTF-8", "LANG": "en_US.UTF-8"}, Lang.RU),
        ([], {"LEXCASE_LANG": "ru", "LANG": "en_US.UTF-8"}, Lang.RU),
        (["--lang", "en", "evaluate"], {"LEXCASE_LANG": "ru"}, Lang.EN),
        (["--lang=ru", "evaluate", "--help"], {}, Lang.RU),
        (["--lang", "de"], {"LANG": "ru_RU.UTF-8"}, Lang.RU),  # typer refuses de, saying so
    ],
)
def test_the_language_comes_from_lang_then_lexcase_lang_then_the_locale(
    argv: list[str], environ: dict[str, str], expected: Lang
) -> None:
    assert chosen_lang(argv, environ) is expected


def test_evaluate_in_russian_words_the_result_and_cites_in_russian_usage() -> None:
    result = runner.invoke(app, ["--lang", "ru", "evaluate", ZHILIN, "--as-of", "2022-09-27"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "zhilin на 2022-09-27" in text
    assert "применено право: Казахстан (страна пребывания, частично), Россия" in text
    assert "уголовное преследование" in text and "практика" in text
    assert "Казахстан преследует его за незаконное пересечение границы" in text
    assert "ч. 1 ст. 392 УК РК" in text
    assert "Не решено" in text and "home_proceedings.wanted_notice.international" in text
    assert "Сроки" in text and "соблюдён 26.09.2022" in text
    assert "подать ходатайство об убежище" in text  # the deadline's what_ru
    assert "свод правил" in text
    for english in ("as of", "law applied", "Undecided", "Deadlines", "prosecutes him"):
        assert english not in text


def test_timeline_in_russian_words_deadlines_and_record_values() -> None:
    result = runner.invoke(app, ["--lang", "ru", "timeline", ZHILIN, "--as-of", "2022-12-12"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "zhilin: хронология на 2022-12-12" in text and "-- на 2022-12-12 --" in text
    assert "24 часа с crossing.date (2022-09-26); обязывает: лицо" in text
    assert "событие" in text and "how: дезертирство" in text
    assert "binds" not in text and "24 hours" not in text


def test_a_russian_locale_is_enough_and_english_stays_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LEXCASE_LANG")
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    russian = runner.invoke(app, ["evaluate", ZHILIN, "--as-of", "2022-09-27"]).stdout
    assert "zhilin на 2022-09-27" in russian
    english = runner.invoke(app, ["--lang", "en", "evaluate", ZHILIN, "--as-of", "2022-09-27"])
    assert "zhilin as of 2022-09-27" in english.stdout and "KZ Criminal Code" in english.stdout


def test_json_is_the_same_in_both_languages() -> None:
    args = ["evaluate", ZHILIN, "--as-of", "2022-09-27", "--json"]
    english = runner.invoke(app, ["--lang", "en", *args])
    russian = runner.invoke(app, ["--lang", "ru", *args])
    assert english.exit_code == russian.exit_code == 0
    assert english.stdout == russian.stdout
    assert json.loads(russian.stdout)["outcomes"][0]["summary"].isascii()


def test_what_if_in_russian_shows_the_prosecution_vanish_in_russian() -> None:
    args = ["what-if", ZHILIN, "--as-of", "2022-09-27", "--set", "crossing.at_checkpoint=true"]
    result = runner.invoke(app, ["--lang", "ru", *args])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "zhilin на 2022-09-27: что если" in text
    assert "crossing.at_checkpoint: false -> true" in text  # values as typed, in any language
    assert "- исчезает" in text and "уголовное преследование" in text
    assert "Казахстан преследует его" in text
    assert "выдворение из Казахстана в RU" in text  # a summary filled in with a case's value
    assert "Показаны по-английски" not in text
    assert "стало: не решено (нужны crossing.documents" in text
    assert "Исходов без изменений:" in text and "outcome(s) unchanged" not in text


def test_explain_in_russian_has_russian_titles_facts_and_summaries() -> None:
    args = ["explain", ZHILIN, "--as-of", "2022-09-27", "--kind", "prosecution"]
    result = runner.invoke(app, ["--lang", "ru", *args])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "zhilin на 2022-09-27 (уголовное преследование)" in text
    assert "Казахстан преследует его за незаконное пересечение границы" in text  # from details
    assert "Незаконное пересечение границы Казахстана" in text  # the rule's title_ru
    assert "факт: crossing.at_checkpoint = нет" in text  # the condition worded in Russian
    assert "(закон)" in text and "fact " not in text
    why_not = runner.invoke(app, ["--lang", "ru", "explain", ZHILIN, "--why-not", "protection"])
    assert "почему нет исхода «защита»?" in why_not.stdout
    assert "не решено (нужны risk_on_return.torture)" in why_not.stdout


def test_errors_are_prefixed_in_russian_and_keep_their_place() -> None:
    result = runner.invoke(app, ["--lang", "ru", "evaluate", ZHILIN, "--as-of", "2022-13-01"])
    assert result.exit_code == 2
    assert result.stderr.startswith("ошибка: ") and "--as-of" in result.stderr


def _help(environ: dict[str, str], *args: str) -> str:
    env = {**os.environ, **environ, "COLUMNS": "100"}
    command = [sys.executable, "-m", "lexcase.interfaces.cli", *args, "--help"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())  # as read, whatever the wrapping


def test_help_is_russian_from_lexcase_lang_or_lang_before_the_command() -> None:
    top = _help({"LEXCASE_LANG": "ru"})
    assert "Прогноз того, как правовая система поступит" in top
    assert "это не юридическая консультация" in top
    assert "--lang" in top and "LEXCASE_LANG" in top
    evaluate = _help({"LEXCASE_LANG": "en"}, "--lang", "ru", "evaluate")
    assert "Оценить дело: прогноз исходов" in evaluate
    assert "Файл дела (YAML или JSON)" in evaluate
    assert "Параметры:" in evaluate and "[обязательно]" in evaluate  # typer's own words too
    assert "Дело, как оно известно на эту дату" in evaluate
    what_if = _help({"LEXCASE_LANG": "ru"}, "what-if")
    assert "Изменить факт (можно несколько)" in what_if
    assert "Пример: lexcase what-if seeds/zhilin.yaml" in what_if
    english = _help({"LEXCASE_LANG": "en"}, "evaluate")
    assert "Evaluate a case: the predicted outcomes" in english and "Оценить" not in english
    assert "Options:" in english and "[required]" in english


def test_memo_takes_rules_overlay(tmp_path: Path) -> None:
    case = tmp_path / "late.yaml"
    case.write_text(
        "case_id: late\nas_of: 2025-10-01\nhost_state: KZ\nhome_state: RU\n"
        "person: {nationalities: [RU]}\n"
        "crossing: {into: KZ, date: 2025-09-20, at_checkpoint: false}\n"
    )
    shipped = runner.invoke(app, ["memo", str(case)])
    overlaid = runner.invoke(app, ["memo", str(case), "--rules-overlay", str(UNAMENDED)])
    assert shipped.exit_code == overlaid.exit_code == 0, overlaid.output
    assert "up to 2,000 MRP" in shipped.stdout and "`kz.cc.392.1.text_2025`" in shipped.stdout
    assert "up to 1,000 MRP" in overlaid.stdout and "`kz.cc.392.1`" in overlaid.stdout
    assert "`kz.cc.392.1.text_2025`" not in overlaid.stdout
    # The memo's footer names the overlay, so a printed memo says which law it applied.
    assert "with overlays applied" not in shipped.stdout
    assert (
        "KZ CC art. 392(1) unamended (counterfactual baseline) (version 2014-text"
        in (overlaid.stdout.splitlines()[-1])
    )
    missing = runner.invoke(app, ["memo", str(case), "--rules-overlay", str(tmp_path / "none")])
    assert missing.exit_code == 2 and missing.stderr.startswith("error: ")


def test_memo_speaks_the_command_lines_language_unless_told() -> None:
    russian = runner.invoke(app, ["--lang", "ru", "memo", ZHILIN, "--as-of", "2022-09-27"])
    assert "Факты, как они поняты" in russian.stdout
    told = runner.invoke(app, ["--lang", "ru", "memo", ZHILIN, "--lang", "en"])
    assert "The facts as understood" in told.stdout
