"""Jinja2 rendering shared by the web page and the memo: the templates, and the filters that word
a result's values (citations, kinds, statuses, fact values) in the page's language."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from lexcase.evaluation.result import render_summary
from lexcase.interfaces.i18n import Lang, RuleTexts, texts
from lexcase.model.rules import Citation


@dataclass
class Wording:
    """How values are worded in one language; records the rules shown in English for want of a
    translation, so the page or memo can say so."""

    lang: Lang
    translations: Mapping[str, RuleTexts] = field(default_factory=dict)
    fell_back: set[str] = field(default_factory=set)

    @property
    def t(self) -> dict[str, str]:
        return texts(self.lang)

    def title(self, item: Mapping[str, Any]) -> str:
        return self._translated(item, "title")

    def summary(self, item: Mapping[str, Any]) -> str:
        return self._translated(item, "summary")

    def _translated(self, item: Mapping[str, Any], key: str) -> str:
        english = str(item.get(key, ""))
        if self.lang is Lang.EN:
            return english
        rule = str(item.get("rule", ""))
        own = getattr(self.translations.get(rule, RuleTexts()), key)
        if own and key == "summary":
            return render_summary(str(own), dict(item.get("detail") or {}))
        if own:
            return str(own)
        self.fell_back.add(rule)
        return english

    def cite(self, citation: Mapping[str, Any]) -> str:
        model = Citation.model_validate(citation)
        russian = model.short_ru() if self.lang is Lang.RU else None
        return russian or model.short()

    def kind(self, kind: str) -> str:
        return self.t.get(f"kind.{kind}", kind)

    def status(self, deadline: Mapping[str, Any]) -> str:
        status = str(deadline.get("status", ""))
        text = self.t.get(f"status.{status}", status)
        if status == "running" and deadline.get("days_left") is not None:
            text += f": {deadline['days_left']} {self.t['days_left']}"
        if status == "met" and deadline.get("met_on"):
            text += f" {deadline['met_on']}"
        return text

    def value(self, value: Any) -> str:
        if value is None:
            return self.t["unknown"]
        if value is True:
            return self.t["yes"]
        if value is False:
            return self.t["no"]
        if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
            return ", ".join(str(v) for v in value)
        if isinstance(value, dict | list):
            return json.dumps(value, ensure_ascii=False)
        return str(value)


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
