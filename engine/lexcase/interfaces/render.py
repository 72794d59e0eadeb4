"""Jinja2 rendering shared by the web page and the memo: the templates, and the filters that word
a result's values (citations, kinds, statuses, fact values) in the page's language."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from lexcase.evaluation.result import render_summary
from lexcase.interfaces import russian
from lexcase.interfaces.i18n import VALUES_RU, Lang, RuleTexts, texts
from lexcase.model.facts import FactPath, ValueKind, fact_paths
from lexcase.model.rules import Citation

# How a result says an outcome rests on a less sure rule (evaluation.result's _Premises).
RESTS_ON = re.compile(
    r"(?:^| )It rests on (?P<rule>\S+) \(.*\), of (?P<confidence>low|medium|high) confidence"
    r"(?:: (?P<why>.*)|\.)$",
    re.S,
)

SURENESS_RU = {
    "low": "с низкой уверенностью",
    "medium": "со средней уверенностью",
    "high": "с высокой уверенностью",
}


@dataclass
class Wording:
    """How values are worded in one language; records the rules shown in English for want of a
    translation, so the page or memo can say so. A result is language-neutral: its dates, periods,
    the case model's values and the conditions in words are worded here."""

    lang: Lang
    translations: Mapping[str, RuleTexts] = field(default_factory=dict)
    fell_back: set[str] = field(default_factory=set)

    @property
    def t(self) -> dict[str, str]:
        return texts(self.lang)

    @property
    def russian(self) -> bool:
        return self.lang is Lang.RU

    def title(self, item: Mapping[str, Any]) -> str:
        return self._translated(item, "title")

    def summary(self, item: Mapping[str, Any]) -> str:
        return self._translated(item, "summary")

    def deadline(self, item: Mapping[str, Any], key: str) -> str:
        """A deadline's `what`, `binds` or `if_missed`, from its rule's texts."""
        return self._translated(item, key)

    def _translated(self, item: Mapping[str, Any], key: str) -> str:
        english = str(item.get(key, ""))
        if not self.russian:
            return english
        rule = str(item.get("rule", ""))
        own = getattr(self.translations.get(rule, RuleTexts()), key)
        if own and key == "summary":
            detail = {k: self._detail(v) for k, v in dict(item.get("detail") or {}).items()}
            return render_summary(str(own), detail)
        if own:
            return str(own)
        self.fell_back.add(rule)
        return english

    def uncertain(self, item: Mapping[str, Any]) -> str:
        """What is unverified: the rule's own text, and where a less sure rule it rests on sets
        its confidence, that rule's (`It rests on ...`, as the result words it)."""
        english = str(item.get("uncertain") or "")
        if not self.russian or not english:
            return english
        rule = str(item.get("rule", ""))
        rests = RESTS_ON.search(english)
        own = english[: rests.start()].strip() if rests else english
        parts = []
        if own:
            parts.append(self.translations.get(rule, RuleTexts()).uncertain)
        if rests:
            other = self.translations.get(rests["rule"], RuleTexts())
            why = other.uncertain if rests["why"] else "."
            confidence = SURENESS_RU[rests["confidence"]]
            if other.title and why:
                why = f": {why}" if rests["why"] else why
                parts.append(
                    f"Опирается на правило {rests['rule']} («{other.title}») {confidence}{why}"
                )
            else:
                parts.append(None)
        if None in parts:
            self.fell_back.add(rule)
            return english
        return " ".join(str(p) for p in parts)

    def _detail(self, value: Any) -> Any:
        """A detail value as a Russian summary shows it (render_summary words the rest)."""
        if value is None:
            return f"({self.t['unknown']})"
        if isinstance(value, bool | str):
            return self.value(value)
        return value

    def cite(self, citation: Mapping[str, Any]) -> str:
        model = Citation.model_validate(citation)
        russian = model.short_ru() if self.russian else None
        return russian or model.short()

    def kind(self, kind: str) -> str:
        return self.t.get(f"kind.{kind}", kind)

    def date(self, value: Any) -> str:
        """A date (ISO, or a year and month) as the language writes it; empty when None."""
        if value is None:
            return ""
        return russian.date(str(value)) if self.russian else str(value)

    def period(self, text: str) -> str:
        return russian.period(text) if self.russian else text

    def test(self, text: str) -> str:
        """A condition in words, as a result gives it."""
        return russian.test(text) if self.russian else text

    def status(self, deadline: Mapping[str, Any]) -> str:
        status = str(deadline.get("status", ""))
        text = self.t.get(f"status.{status}", status)
        left = deadline.get("days_left")
        if status == "running" and left is not None:
            count = russian.days(left) if self.russian else f"{left} day{'s' * (left != 1)}"
            text += ": " + (
                self.t["last_day"] if left == 0 else self.t["days_left"].format(days=count)
            )
        if status == "met" and deadline.get("met_on"):
            text += f" {self.date(deadline['met_on'])}"
        return text

    def entry(self, entry: Mapping[str, Any]) -> str:
        """A timeline entry's text; a record's values (`... (disposition: conditional)`) in
        Russian. Events are the case's own words, kept as they are."""
        text = str(entry.get("text", ""))
        fact = entry.get("fact")
        if not self.russian or not fact or not text.endswith(")") or " (" not in text:
            return text
        head, _, inner = text[:-1].partition(" (")
        record = str(fact).rpartition(".")[0]
        pieces = []
        for piece in inner.split(", "):  # a text value with a comma splits: it is kept
            key, sep, value = piece.partition(": ")
            if sep and value in ("yes", "no"):
                value = self.t[value]
            elif sep and _worded(f"{record}.{key}"):
                value = self.value(value, f"{record}.{key}")
            pieces.append(f"{key}{sep}{value}")
        return f"{head} ({', '.join(pieces)})"

    def value(self, value: Any, path: str | None = None) -> str:
        """A fact's or a detail's value: yes/no, a list, and in Russian a date or one of the
        case model's values (an enum's) in Russian. `path`: the fact it is the value of, where
        known, so that free text equal to such a value is left as it is."""
        if value is None:
            return self.t["unknown"]
        if value is True:
            return self.t["yes"]
        if value is False:
            return self.t["no"]
        if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
            return ", ".join(self.value(v, path) for v in value)
        if isinstance(value, dict | list):
            return json.dumps(value, ensure_ascii=False)
        if self.russian and isinstance(value, str) and _worded(path):
            return VALUES_RU.get(value) or russian.date(value)
        return str(value)


def _worded(path: str | None) -> bool:
    """Whether a value of the fact at `path` is a date or an enum value (None: a detail value,
    which is worded whenever it is one)."""
    if path is None:
        return True
    fact = _fact(re.sub(r"\[\d+\]", "", path))
    if fact is None:
        return False
    if fact.kind is ValueKind.LIST and fact.item is not None:
        fact = fact.item
    return fact.kind in (ValueKind.ENUM, ValueKind.DATE)


def _fact(path: str) -> FactPath | None:
    """The fact path `path` names, a field of a list of records included."""
    paths = fact_paths()
    if path in paths:
        return paths[path]
    records, _, name = path.rpartition(".")
    parent = paths.get(records)
    return parent.item_fields.get(name) if parent is not None else None


@cache
def environment(autoescape: bool) -> Environment:
    return Environment(
        loader=PackageLoader("lexcase.interfaces", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True)
        if autoescape
        else False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(template: str, wording: Wording, **context: Any) -> str:
    """Render `template` (HTML templates escaped, Markdown ones not) with the wording's helpers."""
    env = environment(autoescape=template.endswith(".html"))
    return env.get_template(template).render(w=wording, t=wording.t, lang=wording.lang, **context)


def flatten(data: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """Plain data as (dotted path, value) pairs, a list of plain values kept as one value."""
    if isinstance(data, dict):
        out: list[tuple[str, Any]] = []
        for key, value in data.items():
            out.extend(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(data, list) and any(isinstance(v, dict | list) for v in data):
        return [pair for i, v in enumerate(data) for pair in flatten(v, f"{prefix}[{i}]")]
    return [(prefix, data)]
