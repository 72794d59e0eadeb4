"""The result's table in the terminal: lexcase works out its column widths itself (rich would
measure every cell for them, twice where the table is wider than the console), and the table
must come out exactly as rich lays it out, in any width and in both languages."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator

import pytest
from rich.table import Table
from rich.text import Text

from casegen import random_case
from conftest import SEEDS
from lexcase.evaluation.evaluator import default_evaluator, to_case
from lexcase.evaluation.result import Result
from lexcase.interfaces import cli_texts, views
from lexcase.interfaces.i18n import Lang

WIDTHS = (24, 50, 80, 120)


@pytest.fixture(scope="module")
def every() -> list[Result]:
    evaluator = default_evaluator()
    rng = random.Random(11)
    cases = [to_case(path) for path in sorted(SEEDS.glob("*.yaml"))]
    cases += [to_case(random_case(rng, f"view-{i}")) for i in range(8)]
    return [evaluator.evaluate(case) for case in cases]


def shown(result: Result, width: int) -> str:
    buffer = io.StringIO()
    views.show_result(views.TerminalConsole(file=buffer, width=width), result)
    return buffer.getvalue()


@pytest.fixture
def in_language(request: pytest.FixtureRequest) -> Iterator[None]:
    cli_texts.use(request.param)
    yield
    cli_texts.use(Lang.EN)


@pytest.mark.parametrize("in_language", [Lang.EN, Lang.RU], indirect=True)
@pytest.mark.usefixtures("in_language")
def test_the_result_table_is_laid_out_as_rich_lays_it_out(
    monkeypatch: pytest.MonkeyPatch, every: list[Result]
) -> None:
    assert any(result.outcomes for result in every)
    ours = {(r.case_id, width): shown(r, width) for r in every for width in WIDTHS}
    monkeypatch.setattr(views, "fix_widths", lambda console, table: None)
    rich_s = {(r.case_id, width): shown(r, width) for r in every for width in WIDTHS}
    assert ours == rich_s
    # the narrow consoles do wrap the outcomes: the widths were not all left to rich
    assert max(len(text.splitlines()) for text in ours.values()) > 40


def test_the_widths_are_rich_s_own_for_a_wide_and_a_narrow_table() -> None:
    def table(outcome: str) -> Table:
        made = Table(show_lines=True)
        made.add_column("kind", no_wrap=True)
        made.add_column("outcome", overflow="fold", ratio=1)
        made.add_row(Text("sentence"), Text(outcome))
        return made

    console = views.TerminalConsole(file=io.StringIO(), width=40)
    short, long = table("fine"), table("a fine of up to 1,000 MRP " * 4)
    views.fix_widths(console, short)
    views.fix_widths(console, long)
    assert [c.width for c in short.columns] == [8, 7]  # "sentence", and the header "outcome"
    # 40 less three box lines, "sentence" and the two columns' paddings (two each)
    assert [c.width for c in long.columns] == [8, 40 - 3 - 8 - 2 - 2]
