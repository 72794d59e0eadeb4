"""The language of the command line, and the words of its terminal views in English and Russian.

Which language: `lexcase --lang en|ru COMMAND`, else the `LEXCASE_LANG` environment variable,
else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set: Russian when it starts with
`ru`), else English. `--help` texts are fixed when the command is built, before typer reads the
options, so `cli_help` picks its language from the same sources with `--lang` looked for in the
raw arguments (`cli_help.HELP_LANG`). `--json` output has no words of its own and is the same in
both languages.

Rule titles and outcome summaries come from the rule files (`title_ru`, `summary_ru`) through the
memo's and the page's `Wording`, loaded only in a Russian run; citations in Russian usage come
from `Citation.short_ru()`. What the engine words itself (error messages, deadline texts from the
rule files, the analyses' own sentences) stays English; the views word everything around it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lexcase.interfaces.cli_words import EN, RU
from lexcase.interfaces.i18n import Lang
from lexcase.interfaces.i18n import texts as page_texts

if TYPE_CHECKING:
    from lexcase.interfaces.render import Wording
    from lexcase.law.overlay import RulesInput
    from lexcase.law.rulebook import Rulebook
    from lexcase.model.rules import Citation

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX order: the first one set decides
CATALOGUES: dict[Lang, dict[str, str]] = {Lang.EN: EN, Lang.RU: RU}


def lang_of_locale(environ: Mapping[str, str]) -> Lang:
    """Russian when the locale that sets the language of messages is a Russian one."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return Lang.RU if value.lower().startswith("ru") else Lang.EN
    return Lang.EN


def chosen_lang(argv: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """`--lang X` (or `--lang=X`) among the arguments, else LEXCASE_LANG, else the locale; a
    value lexcase has no texts for is passed over here (typer refuses it, saying so)."""
    wanted: str | None = None
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            wanted = argv[index + 1]
        elif arg.startswith("--lang="):
            wanted = arg.partition("=")[2]
    for value in (wanted, environ.get("LEXCASE_LANG")):
        if value and value.lower() in {x.value for x in Lang}:
            return Lang(value.lower())
    return lang_of_locale(environ)


@dataclass
class _Current:
    """The language of this run (set by the CLI's top-level callback) and the rules it uses,
    whose Russian texts are loaded the first time a view asks for one."""

    lang: Lang = Lang.EN
    rules: RulesInput = None
    wording: Wording | None = None
    rulebook: Rulebook | None = None
    english_summaries: set[str] = field(default_factory=set)
    details: dict[str, dict[str, Any]] = field(default_factory=dict)


_current = _Current()


def use(lang: Lang) -> None:
    """Speak `lang` from now on in this process."""
    _current.lang, _current.wording = lang, None
    _current.english_summaries, _current.details = set(), {}


def details_are(outcomes: Iterable[Any]) -> None:
    """The details of the case's outcomes (a Result's), for views whose model has none."""
    _current.details = {o.rule: dict(o.detail) for o in outcomes}


def rules_are(rules: RulesInput) -> None:
    """The rules the command runs with: their rule files give the Russian titles and summaries."""
    if rules != _current.rules:
        _current.rules, _current.wording, _current.rulebook = rules, None, None


def lang() -> Lang:
    return _current.lang


def t(key: str, **values: Any) -> str:
    """The text `key` in this run's language, its {placeholders} filled in."""
    text = CATALOGUES[_current.lang].get(key) or EN[key]
    return text.format(**values) if values else text


def placeholders(text: str) -> set[str]:
    import string  # here: importing it compiles a pattern, a cost to every start

    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# --- words the page and the memo share ----------------------------------------------------------


def _page(key: str, english: str) -> str:
    """A word of the page's and memo's catalogue (i18n); English runs keep the CLI's own word."""
    return english if _current.lang is Lang.EN else page_texts(_current.lang).get(key, english)


def kind(value: Any) -> str:
    """An outcome kind: its identifier in English (what --kind takes), a word in Russian."""
    return _page(f"kind.{value}", str(value))


def basis(value: Any) -> str:
    return _page(f"basis_{value}", str(value))


def confidence(value: Any) -> str:
    """`low confidence`; nothing is said of a high one, so this is only called for the others."""
    return _page(f"confidence_{value}", f"{value} confidence")


def change(value: Any) -> str:
    """appears, vanishes, changes."""
    return _page(str(value), str(value))


def notice() -> str:
    """lexcase is not legal advice, in this run's language."""
    from lexcase.evaluation.result import NOT_ADVICE

    return _page("notice", NOT_ADVICE)


# --- rule texts from the rule files ---------------------------------------------------------------


def _wording() -> Wording:
    if _current.wording is None:
        from lexcase.interfaces.memo import rule_translations
        from lexcase.interfaces.render import Wording
        from lexcase.law.overlay import rulebook_for

        _current.rulebook = rulebook_for(_current.rules)
        _current.wording = Wording(_current.lang, rule_translations(_current.rulebook))
    return _current.wording


def _fixed_detail(rule: str) -> dict[str, Any]:
    """The detail values a rule file writes out (not those read from the case)."""
    from lexcase.model.rules import FactRef

    found = _current.rulebook.by_id.get(rule) if _current.rulebook is not None else None
    if found is None or found.outcome is None:
        return {}
    return {k: v for k, v in found.outcome.detail.items() if not isinstance(v, FactRef)}


def state_name(state: str | None, english: str | None) -> str | None:
    """A state's name: its pack's `name_ru` in a Russian run, where the pack gives one."""
    if _current.lang is Lang.EN or state is None:
        return english
    _wording()  # loads the rulebook the command runs with
    packs = _current.rulebook.packs if _current.rulebook is not None else ()
    return next((p.name_ru for p in packs if p.state == state and p.name_ru), english)


def title(rule: str, english: str) -> str:
    """A rule's title: `title_ru` from its rule file in a Russian run, where it has one."""
    if _current.lang is Lang.EN:
        return english
    return _wording().title({"rule": rule, "title": english})


def summary(rule: str, english: str, detail: Mapping[str, Any] | None = None) -> str:
    """An outcome's summary: `summary_ru` in a Russian run, filled in from `detail`. A view whose
    model carries no detail (an explanation, a what-if) fills in what the rule file writes out;
    a summary that needs a value read from the case stays English there, and the view says so."""
    if _current.lang is Lang.EN:
        return english
    wording = _wording()
    own = wording.translations.get(rule)
    if detail is None and own is not None and own.summary:
        detail = _current.details.get(rule) or _fixed_detail(rule)
        if not placeholders(own.summary) <= set(detail):
            _current.english_summaries.add(rule)
            return english
    return wording.summary({"rule": rule, "summary": english, "detail": detail or {}})


def cite(citations: Iterable[Citation]) -> str:
    """Citations as one line: «ч. 3 ст. 338 УК РФ» in a Russian run where the file says how."""
    if _current.lang is Lang.EN:
        from lexcase.model.rules import citations_text

        return citations_text(citations)
    return "; ".join(c.short_ru() or c.short() for c in citations)


def deadline(rule: str, key: str, english: str) -> str:
    """A deadline's `what`, `binds` or `if_missed`: its rule file's Russian text in Russian."""
    if _current.lang is Lang.EN:
        return english
    return _wording().deadline({"rule": rule, key: english}, key)


def uncertain(rule: str, english: str) -> str:
    """What a rule leaves unverified: `uncertain_ru` in Russian, as the memo words it."""
    if _current.lang is Lang.EN:
        return english
    return _wording().uncertain({"rule": rule, "uncertain": english})


def period(text: str) -> str:
    """A deadline's period (`24 hours`, `3 months`): `24 часа` in Russian."""
    return text if _current.lang is Lang.EN else _wording().period(text)


def test(text: str) -> str:
    """A condition in words (`crossing.at_checkpoint is false`), as the memo words it."""
    return text if _current.lang is Lang.EN else _wording().test(text)


def entry(item: Mapping[str, Any]) -> str:
    """A timeline entry's text (a record's values in Russian; events are the case's words)."""
    text = str(item.get("text", ""))
    return text if _current.lang is Lang.EN else _wording().entry(item)


def status(item: Mapping[str, Any]) -> str:
    """A deadline's status in Russian, as the memo words it (`идёт: 90 дней осталось`)."""
    return _wording().status(item)


def source(rule: str, english: str) -> str:
    """A rule's citations where a view has them only as English text (a legend, a comparison):
    in a Russian run, worded anew from the rule's own citations."""
    if _current.lang is Lang.EN:
        return english
    _wording()
    found = _current.rulebook.by_id.get(rule) if _current.rulebook is not None else None
    return cite(found.citations) if found is not None and found.citations else english


def fell_back() -> list[str]:
    """The rules a Russian view showed in English for want of a Russian text."""
    wording = _current.wording
    return sorted(wording.fell_back) if wording is not None else []


def english_summaries() -> list[str]:
    """The rules whose summary a Russian view showed in English: it needs values of the case."""
    return sorted(_current.english_summaries)


def fallback_notice() -> str:
    return _page("fallback", "")
