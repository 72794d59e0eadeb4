"""`lexcase memo`, and the command-line habits of issue 13: --version, a case from stdin,
batch --out -, and the JSON Schemas of results and rule files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from lexcase.evaluation.result import Result
from lexcase.interfaces.cli import app
from lexcase.interfaces.schemas import CASE_EXAMPLE, RESULT_EXAMPLE, RULE_FILE_EXAMPLE
from lexcase.model.case import Case
from lexcase.model.rules import RuleFileSpec

runner = CliRunner()
ZHILIN = "seeds/zhilin.yaml"


def test_memo_in_markdown_has_every_part() -> None:
    result = runner.invoke(app, ["memo", ZHILIN, "--as-of", "2022-09-27"])
    assert result.exit_code == 0, result.output
    memo = result.stdout
    for heading in (
        "## The facts as understood",
        "### By law",
        "### By reported practice",
        "## What is uncertain",
        "## Deadlines",
        "## Facts still needed",
    ):
        assert heading in memo
    assert "`crossing.at_checkpoint`: no" in memo
    assert "Kazakhstan prosecutes him" in memo
    assert "[KZ Criminal Code, art. 392(1)](https://adilet.zan.kz/" in memo
    assert "sha256 `" in memo and memo.count("not legal advice") >= 1


def test_memo_in_russian_html_is_printable_and_says_where_it_falls_back_to_english(
    tmp_path: Path,
) -> None:
    result = runner.invoke(app, ["memo", ZHILIN, "--lang", "ru", "--format", "html"])
    assert result.exit_code == 0, result.output
    html = result.stdout
    assert html.startswith("<!doctype html>")
    assert "@media print" in html
    assert "Факты, как они поняты" in html and "не юридическая консультация" in html


def test_a_case_read_from_stdin_gives_the_same_result_as_the_file() -> None:
    text = Path(ZHILIN).read_text(encoding="utf-8")
    from_stdin = runner.invoke(app, ["evaluate", "-", "--json"], input=text)
    from_file = runner.invoke(app, ["evaluate", ZHILIN, "--json"])
    assert from_stdin.exit_code == 0
    assert json.loads(from_stdin.stdout) == json.loads(from_file.stdout)


def test_a_bad_case_on_stdin_names_stdin_and_the_line() -> None:
    result = runner.invoke(app, ["evaluate", "-"], input="case_id: x\nas_of: someday\n")
    assert result.exit_code == 2
    assert "<stdin>:2: as_of" in result.stderr


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("lexcase 0.") and "sha256:" in result.stdout


def test_batch_out_dash_writes_json_lines_to_stdout_and_the_summary_to_stderr(
    tmp_path: Path,
) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text('{"case_id": "a", "as_of": "2022-01-01"}\n')
    result = runner.invoke(app, ["batch", str(cases), "--out", "-"])
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["case_id"] == "a"
    assert "1 cases, 1 evaluated" in result.stderr


def test_the_schemas_have_titles_and_examples_that_fit_the_models() -> None:
    for which in ("case", "result", "rules"):
        result = runner.invoke(app, ["schema", which])
        assert result.exit_code == 0
        schema = json.loads(result.stdout)
        assert schema["title"].startswith("lexcase") and schema["description"]
        assert schema["examples"]
    Case.model_validate_json(json.dumps(CASE_EXAMPLE), strict=True)
    Result.model_validate(RESULT_EXAMPLE)
    RuleFileSpec.model_validate_json(json.dumps(RULE_FILE_EXAMPLE), strict=True)


def test_completion_is_offered() -> None:
    assert "--install-completion" in runner.invoke(app, ["--help"]).stdout


def test_the_package_is_typed_and_exports_the_analyses() -> None:
    import lexcase

    assert (Path(lexcase.__file__).parent / "py.typed").is_file()
    for name in ("what_if", "sweep", "explain", "why_not", "timeline"):
        assert name in lexcase.__all__ and callable(getattr(lexcase, name))


RUSSIAN_RULES = """
instrument:
  title: Criminal Code of the Republic of Kazakhstan
  short: KZ Criminal Code
  short_ru: УК РК
jurisdiction: KZ
rules:
  - id: kz.crossing
    title: Crossing outside a checkpoint is a crime
    title_ru: Пересечение границы вне пункта пропуска - преступление
    cite: {article: 392, part: 1}
    basis: law
    when: {crossing.into: KZ, crossing.at_checkpoint: false}
    then:
      outcome:
        kind: prosecution
        summary: Kazakhstan prosecutes him under art. {article}.
        summary_ru: Казахстан преследует его по ст. {article}.
        detail: {article: "392", max_months: 12}
  - id: kz.untranslated
    title: A rule left in English
    cite: {article: 392, part: 1}
    basis: law
    when: {crossing.into: KZ}
    then:
      outcome:
        kind: administrative_penalty
        summary: Only in English.
        detail: {penalty: fine, article: "1"}
"""


def test_a_russian_memo_uses_the_rules_russian_texts_and_russian_citations(
    rule_folder: Any, tmp_path: Path
) -> None:
    rules = rule_folder(kz={"code.yaml": RUSSIAN_RULES})
    case = tmp_path / "case.yaml"
    case.write_text("case_id: t\nas_of: 2022-10-01\ncrossing: {into: KZ, at_checkpoint: false}\n")
    result = runner.invoke(app, ["memo", str(case), "--lang", "ru", "--rules", str(rules)])
    assert result.exit_code == 0, result.output
    memo = result.stdout
    assert "Пересечение границы вне пункта пропуска - преступление" in memo
    assert "Казахстан преследует его по ст. 392." in memo
    assert "ч. 1 ст. 392 УК РК" in memo
    assert "Only in English." in memo  # the untranslated rule, in English...
    assert "приведены по-английски" in memo  # ...and the memo says so
    english = runner.invoke(app, ["memo", str(case), "--rules", str(rules)]).stdout
    assert "KZ Criminal Code, art. 392(1)" in english and "приведены" not in english
    lint = runner.invoke(app, ["rules", "lint", "--rules", str(rules), "--json"])
    assert json.loads(lint.stdout)["untranslated"] == ["kz.untranslated"]


def test_the_articles_memo_in_russian_cites_as_russian_lawyers_do() -> None:
    memo = runner.invoke(app, ["memo", ZHILIN, "--as-of", "2022-09-27", "--lang", "ru"]).stdout
    assert "ч. 3 ст. 338 УК РФ" in memo
    assert "ч. 1 ст. 392 УК РК" in memo
    assert "Казахстан преследует его за незаконное пересечение границы" in memo
