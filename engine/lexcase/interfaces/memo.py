"""The memo: a case's facts as understood, each predicted outcome with its reasons and sources
(law and practice apart), what is uncertain, the deadlines, the facts still needed, the rulebook
that gave the answer, and the not-legal-advice notice; in Markdown or printable HTML, in English
or Russian. Built from the same JSON the API gives, so the CLI and the web page print the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from lexcase.interfaces.i18n import Lang, RuleTexts

if TYPE_CHECKING:
    from lexcase.law.rulebook import Rulebook

# Parts of a case file that are about the file, not facts: left out of "the facts as understood".
NOT_FACTS = frozenset({"sources", "notes", "events", "title", "case_id", "as_of"})


class MemoFormat(StrEnum):
    MD = "md"
    HTML = "html"


def rule_translations(rulebook: Rulebook) -> dict[str, RuleTexts]:
    """The Russian texts of each rule that has them in its rule file."""
    out: dict[str, RuleTexts] = {}
    for rule in rulebook.rules:
        deadline = rule.deadline
        texts = RuleTexts(
            title=rule.title_ru,
            summary=rule.outcome.summary_ru if rule.outcome else None,
            what=deadline.what_ru if deadline else None,
            binds=deadline.binds_ru if deadline else None,
            if_missed=deadline.if_missed_ru if deadline else None,
            uncertain=rule.uncertain_ru,
        )
        if texts != RuleTexts():
            out[rule.id] = texts
    return out


def memo(
    case: Mapping[str, Any],
    result: Mapping[str, Any],
    lang: Lang = Lang.EN,
    fmt: MemoFormat = MemoFormat.MD,
    translations: Mapping[str, RuleTexts] | None = None,
    today: dt.date | None = None,
) -> str:
    """The memo of `result` (a Result as JSON) for `case` (the case as JSON, as of its date)."""
    from lexcase.interfaces.render import Wording, flatten, render  # jinja2: only when used

    wording = Wording(lang, translations or {})
    outcomes = list(result.get("outcomes", []))
    needed: dict[str, list[Mapping[str, Any]]] = {}
    for undecided in result.get("undecided", []):
        for path in undecided.get("needs", []):
            needed.setdefault(path, []).append(undecided)
    sources = [*outcomes, *result.get("deadlines", [])]
    uncertain = {s["rule"]: s for s in sources if s.get("uncertain")}
    context = {
        "case": case,
        "result": result,
        "facts": [
            (p, v)
            for p, v in flatten(dict(case))
            if p.split(".")[0].split("[")[0] not in NOT_FACTS and v != []
        ],
        "by_law": [o for o in outcomes if o.get("basis") == "law"],
        "by_practice": [o for o in outcomes if o.get("basis") == "practice"],
        "uncertain": list(uncertain.values()),
        "needed": needed,
        "today": today or dt.date.today(),
        "fallback": False,
    }
    body = render(f"memo.{fmt.value}", wording, **context)
    if wording.fell_back:
        # Rendered once to learn which rules have no Russian text; again to say so at the top.
        body = render(f"memo.{fmt.value}", wording, **{**context, "fallback": True})
    return body
