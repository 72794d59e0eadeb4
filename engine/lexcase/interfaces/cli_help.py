"""The `--help` texts of every command and option, in English and Russian.

Typer reads help texts when the commands are declared, before any option is parsed, so their
language is chosen once, at import, from the raw arguments (`--lang ru` anywhere in them), then
`LEXCASE_LANG`, then the locale: see `cli_texts.chosen_lang`. A line starting with \\b keeps
its line breaks (click's marker). Both catalogues have the same keys (a test checks it).
"""

from __future__ import annotations

import os
import sys

from lexcase.interfaces.cli_texts import chosen_lang
from lexcase.interfaces.i18n import Lang

HELP_LANG = chosen_lang(sys.argv[1:], os.environ)

EN: dict[str, str] = {
    "app": "Predict what a legal system will do in a person's case, with reasons and sources.\n\n"
    "{notice}\n\nExample: lexcase evaluate seeds/zhilin.yaml --as-of 2022-09-27\n",
    "lang": "The language of the terminal views and of --help (en or ru; by default "
    "LEXCASE_LANG, else the locale: LC_ALL, LC_MESSAGES, LANG starting with ru). --json is "
    "the same in both.",
    "version": "Print the version and exit.",
    "case": "A case file (YAML or JSON), or - to read it from standard input.",
    "cases": "A JSONL file (one case per line) or a folder of case files.",
    "as_of": "See the case as known on this date (YYYY-MM-DD): records dated later are left out.",
    "json": "Print the result as JSON, and nothing else.",
    "rules": "A folder of rule packs to use instead of the shipped ones.",
    "rules_overlay": "An overlay applied on the rules (repeatable, in order): a folder with "
    "overlay.yaml and rule files that add, replace or repeal rules by id.",
    "kind": "Explain only the outcomes of this kind.",
    "evaluate": "Evaluate a case: the predicted outcomes, each with its basis and citation, and "
    "the rules\nleft undecided with the facts they need.\n\n"
    "Example: lexcase evaluate seeds/zhilin.yaml --as-of 2022-09-27",
    "timeline": "One chronology of the case: its events and dated records, and the deadlines "
    "the rules\nconclude, each marked met, missed, overdue, or running with the days left.\n\n"
    "Example: lexcase timeline seeds/zhilin.yaml --as-of 2022-12-12",
    "batch": 'Evaluate many cases. Each output line holds the input it comes from ("input": '
    "file or\nfile:line) and its result, or the error that kept it from being evaluated; the "
    "batch goes\non past bad cases, and past a worker process that dies (its cases are tried "
    "once more, then\nreported). The results are written beside --out and renamed into place at "
    "the end; Ctrl-C\nkeeps the whole lines written so far. Exit 0 when every case was "
    "evaluated, 1 when some were\nnot, 3 when some met an internal error, 130 when "
    "interrupted.\n\nExample: lexcase batch cases.jsonl --out results.jsonl --workers 2",
    "batch.out": "The file to write: one JSON line per case, in input order (- for stdout, and "
    "then the summary goes to stderr).",
    "batch.workers": "Worker processes to evaluate with (at most two per processor).",
    "batch.dask": "Evaluate on a Dask cluster: its scheduler's address (tcp://host:8786), or "
    "local:N for N worker processes on this machine. Needs lexcase[dask].",
    "schema": "Print a JSON Schema, for editors and other tools: of case files, of results "
    "(what\n--json prints), or of rule files.\n\nExample: lexcase schema > case.schema.json",
    "schema.of": "Whose schema: case files (the default), results, or rule files.",
    "what_if": "Change facts and see which outcomes appear, vanish or change, each with the "
    "rule\nresponsible and its citation; or sweep facts over values and see the grid.\n\n"
    "Changes apply to the case as known on --as-of. In a sweep, --set changes every row, and "
    "a\ncell lists the rules whose outcomes of that kind hold (at most 64 combinations).\n\n"
    "\b\nExample: lexcase what-if seeds/zhilin.yaml --as-of 2022-09-27 --set "
    "crossing.at_checkpoint=true\nExample: lexcase what-if seeds/zhilin.yaml --sweep "
    "crossing.at_checkpoint=true,false \\\n           --sweep "
    "'person.nationalities=[RU],[RU,KZ]'",
    "what_if.set": "Change a fact (repeatable): true/false, a number, a date, a value of the "
    "fact's type, RU,KZ for a list, or unknown.",
    "what_if.sweep": "Try each value of a fact (repeatable): every combination is evaluated and "
    "shown as a grid. Write a list value in brackets: [RU,KZ].",
    "explain": "Show why each outcome is predicted: its derivation, with the facts at the "
    "leaves, the\nconclusions it rests on, the rule and citation at each step, and the rules it "
    "defeated.\n\n\b\nExample: lexcase explain seeds/zhilin.yaml --kind removal\n"
    "Example: lexcase explain seeds/zhilin.yaml --why-not protection",
    "explain.why_not": "For an outcome kind not predicted: each rule that could have concluded "
    "it, and what stopped it.",
    "compare": "Compare destinations: the same person as if his journey had ended in each host "
    "state,\nside by side, each outcome with its basis and citation, the worst line of each "
    "marked.\n\nThe crossing's destination and the host state are changed; the facts that only "
    "made sense\nfor the real host (its proceedings, the asylum decision, the stay, how he "
    "crossed) are set\naside and listed.\n\nExample: lexcase compare seeds/zhilin.yaml --hosts "
    "KZ,AM",
    "compare.hosts": "The destinations to compare (default: every host state lexcase has rules "
    "for).",
    "rules_app": "List the rules, show one, and check rule packs.\n\nExample: lexcase rules lint",
    "rules.list": "List the rules: id, what each concludes, its basis, title and source.\n\n"
    "Example: lexcase rules list --jurisdiction KZ --kind removal",
    "rules.jurisdiction": "Only this jurisdiction: KZ, RU, INTL...",
    "rules.kind": "Only rules concluding this kind of outcome.",
    "rules.show": "Show one rule: its citations, basis and confidence, conditions, what it "
    "concludes, what\ndepends on it and what defeats it.\n\n"
    "Example: lexcase rules show kz.cc.392.1",
    "rules.rule_id": "A rule id.",
    "rules.lint": "Check rule packs: load problems (unknown fact paths, dangling references, "
    "duplicate ids,\ncircles), missing citations, rules that can never hold, rules with no "
    "effect. Exits 1 when\nit finds any problem.\n\nExample: lexcase rules lint --rules rules/",
    "counterfactual": "The smallest sets of changes to the facts a person could have made "
    "otherwise (declared\nmutable on the case model) that make an outcome vanish or appear, each "
    "verified by a real\nevaluation and shown as the what-if difference it makes.\n\n\b\n"
    "Example: lexcase counterfactual seeds/zhilin.yaml --avoid prosecution:KZ\n"
    "Example: lexcase counterfactual seeds/zhilin.yaml --avoid removal --max-changes 3",
    "counterfactual.avoid": "An outcome kind that should not follow (repeatable; all must hold).",
    "counterfactual.reach": "An outcome kind that should follow.",
    "counterfactual.max_changes": "The most facts an answer may change.",
    "interview": "Ask for the facts that would decide the undecided rules, one at a time, most "
    "outcomes\nchanged first. Each answer is written into the case file (comments and order "
    "kept; the file\nas it was is kept as CASE.bak) and the outcomes are shown again. Answer ? "
    "for unknown; an\nempty answer ends the interview. --json lists the ranked questions without "
    "asking.\n\n\b\nExample: lexcase interview seeds/zhilina.yaml\n"
    "Example: lexcase interview seeds/zhilina.yaml --json",
    "impact": "Run a caseload under the rules and under a reform, and count per outcome kind "
    "and\njurisdiction the cases that gain, lose or change an outcome, with examples.\n\n\b\n"
    "Example: lexcase impact cases.jsonl --overlay docs/examples/kz-392-2025 \\\n"
    "           --rules-overlay docs/examples/kz-392-unamended",
    "impact.overlay": "The reform: an overlay applied on the rules (repeatable, in order).",
    "impact.against": "The reform as a whole rule folder.",
    "serve": "Serve the HTTP API (OpenAPI at /docs and /openapi.json) and the web page at /.\n\n"
    "Evaluation runs in worker processes: a worker that dies is replaced, and its request "
    "gets\na 500 that says so. Bodies, batches and the time per request are limited (see the "
    "options).\n\nExample: lexcase serve --port 8000 --workers 2",
    "serve.host": "The address to listen on (loopback by default).",
    "serve.port": "The port to listen on.",
    "serve.workers": "Worker processes that evaluate (one request at a time each).",
    "serve.max_body": "Largest request body, in bytes.",
    "serve.max_batch_bytes": "Largest /batch body, in bytes.",
    "serve.max_batch_cases": "Most cases in one /batch.",
    "serve.timeout": "Seconds one request may run in a worker.",
    "memo": "A memo of the case for the client or the court: the facts as understood, each "
    "predicted\noutcome with its reasons and sources (law and practice apart), what is "
    "uncertain, the\ndeadlines, the facts still needed, the rulebook's version and hash.\n\n"
    "Example: lexcase memo seeds/zhilin.yaml --as-of 2022-09-27 --lang ru --format html > "
    "memo.html",
    "memo.lang": "The memo's language (by default the command line's: see lexcase --help).",
    "memo.format": "Markdown, or HTML to print (print CSS included).",
}

RU: dict[str, str] = {
    "app": "Прогноз того, как правовая система поступит в деле человека, с основаниями и "
    "источниками.\n\n{notice}\n\nПример: lexcase evaluate seeds/zhilin.yaml --as-of 2022-09-27\n",
    "lang": "Язык вывода в терминале и --help (en или ru; по умолчанию LEXCASE_LANG, иначе "
    "локаль: LC_ALL, LC_MESSAGES, LANG, начинающиеся с ru). Вывод --json на обоих языках "
    "одинаков.",
    "version": "Показать версию и выйти.",
    "case": "Файл дела (YAML или JSON) или -, чтобы прочитать его со стандартного ввода.",
    "cases": "Файл JSONL (по делу в строке) или папка с файлами дел.",
    "as_of": "Дело, как оно известно на эту дату (ГГГГ-ММ-ДД): более поздние записи не "
    "учитываются.",
    "json": "Вывести результат в JSON и больше ничего.",
    "rules": "Папка с пакетами правил вместо поставляемых.",
    "rules_overlay": "Дополнение к правилам (можно несколько, по порядку): папка с overlay.yaml "
    "и файлами правил, которые добавляют, заменяют или отменяют правила по id.",
    "kind": "Объяснить только исходы этого вида.",
    "evaluate": "Оценить дело: прогноз исходов, каждый с основанием и ссылкой на источник, и "
    "правила,\nоставшиеся нерешёнными, с фактами, которые для них нужны.\n\n"
    "Пример: lexcase evaluate seeds/zhilin.yaml --as-of 2022-09-27",
    "timeline": "Хронология дела: события и датированные записи, а также сроки, которые выводят "
    "правила,\nкаждый с отметкой: соблюдён, пропущен, истёк или идёт (сколько дней осталось)."
    "\n\nПример: lexcase timeline seeds/zhilin.yaml --as-of 2022-12-12",
    "batch": 'Оценить много дел. Каждая строка вывода содержит, откуда взято дело ("input": '
    "файл или\nфайл:строка), и его результат или ошибку, из-за которой его не удалось оценить; "
    "пакет\nпродолжается после плохих дел и после гибели рабочего процесса (его дела пробуются "
    "ещё раз,\nзатем о них сообщается). Результаты пишутся рядом с --out и в конце "
    "переименовываются;\nCtrl-C сохраняет уже записанные целые строки. Код выхода 0, если "
    "оценены все дела, 1, если\nне все, 3 при внутренней ошибке, 130 при прерывании.\n\n"
    "Пример: lexcase batch cases.jsonl --out results.jsonl --workers 2",
    "batch.out": "Файл для записи: по строке JSON на дело, в порядке ввода (- — стандартный "
    "вывод, и тогда итог идёт в stderr).",
    "batch.workers": "Число рабочих процессов (не больше двух на процессор).",
    "batch.dask": "Оценивать на кластере Dask: адрес его планировщика (tcp://host:8786) или "
    "local:N для N рабочих процессов на этой машине. Нужен lexcase[dask].",
    "schema": "Вывести JSON Schema для редакторов и других программ: файлов дел, результатов "
    "(того,\nчто выводит --json) или файлов правил.\n\nПример: lexcase schema > case.schema.json",
    "schema.of": "Чья схема: файлов дел (по умолчанию), результатов или файлов правил.",
    "what_if": "Изменить факты и посмотреть, какие исходы появляются, исчезают или меняются, "
    "каждый с\nответственным правилом и ссылкой; или перебрать значения фактов и увидеть "
    "таблицу.\n\nИзменения применяются к делу, как оно известно на --as-of. При переборе --set "
    "меняет\nкаждую строку, а в ячейке перечислены правила, чьи исходы этого вида действуют (не "
    "больше\n64 сочетаний).\n\n\b\nПример: lexcase what-if seeds/zhilin.yaml --as-of 2022-09-27 "
    "--set crossing.at_checkpoint=true\nПример: lexcase what-if seeds/zhilin.yaml --sweep "
    "crossing.at_checkpoint=true,false \\\n           --sweep "
    "'person.nationalities=[RU],[RU,KZ]'",
    "what_if.set": "Изменить факт (можно несколько): true/false, число, дата, значение типа "
    "факта, RU,KZ для списка или unknown.",
    "what_if.sweep": "Перебрать значения факта (можно несколько): каждое сочетание оценивается "
    "и показывается в таблице. Список пишется в скобках: [RU,KZ].",
    "explain": "Показать, почему предсказан каждый исход: вывод с фактами в листьях, "
    "заключениями, на\nкоторые он опирается, правилом и ссылкой на каждом шаге и правилами, "
    "которые он исключил.\n\n\b\nПример: lexcase explain seeds/zhilin.yaml --kind removal\n"
    "Пример: lexcase explain seeds/zhilin.yaml --why-not protection",
    "explain.why_not": "Для непредсказанного вида исхода: каждое правило, которое могло его "
    "вывести, и что ему помешало.",
    "compare": "Сравнить страны назначения: тот же человек, как если бы его путь закончился в "
    "каждой\nстране пребывания, рядом, каждый исход с основанием и ссылкой, худший в каждой "
    "отмечен.\n\nМеняются страна назначения пересечения и страна пребывания; факты, имевшие "
    "смысл только\nдля реальной страны (её производства, решение об убежище, пребывание, способ "
    "пересечения),\nоткладываются и перечисляются.\n\nПример: lexcase compare seeds/zhilin.yaml "
    "--hosts KZ,AM",
    "compare.hosts": "Страны для сравнения (по умолчанию все страны пребывания, для которых в "
    "lexcase есть правила).",
    "rules_app": "Список правил, одно правило, проверка пакетов правил.\n\n"
    "Пример: lexcase rules lint",
    "rules.list": "Список правил: id, что каждое выводит, основание, название и источник.\n\n"
    "Пример: lexcase rules list --jurisdiction KZ --kind removal",
    "rules.jurisdiction": "Только эта юрисдикция: KZ, RU, INTL...",
    "rules.kind": "Только правила, выводящие этот вид исхода.",
    "rules.show": "Показать одно правило: ссылки, основание и уверенность, условия, что оно "
    "выводит, что\nот него зависит и что его исключает.\n\nПример: lexcase rules show kz.cc.392.1",
    "rules.rule_id": "Id правила.",
    "rules.lint": "Проверить пакеты правил: ошибки загрузки (неизвестные пути фактов, висячие "
    "ссылки,\nповторы id, циклы), отсутствие ссылок, правила, которые не могут действовать, "
    "правила без\nдействия. Код выхода 1, если найдена хоть одна ошибка.\n\n"
    "Пример: lexcase rules lint --rules rules/",
    "counterfactual": "Наименьшие наборы изменений фактов, которые человек мог бы сделать иначе "
    "(отмеченных\nизменяемыми в модели дела), при которых исход исчезает или появляется; каждый "
    "проверен\nнастоящей оценкой и показан как разница «что если».\n\n\b\n"
    "Пример: lexcase counterfactual seeds/zhilin.yaml --avoid prosecution:KZ\n"
    "Пример: lexcase counterfactual seeds/zhilin.yaml --avoid removal --max-changes 3",
    "counterfactual.avoid": "Вид исхода, которого не должно быть (можно несколько; все должны "
    "выполняться).",
    "counterfactual.reach": "Вид исхода, который должен наступить.",
    "counterfactual.max_changes": "Наибольшее число фактов, которое может изменить ответ.",
    "interview": "Спросить по одному факты, которые решат нерешённые правила, начиная с тех, "
    "что меняют\nбольше исходов. Каждый ответ записывается в файл дела (комментарии и порядок "
    "сохраняются;\nпрежний файл остаётся как CASE.bak), и исходы показываются снова. Ответ ? — "
    "неизвестно;\nпустой ответ завершает опрос. --json перечисляет вопросы по порядку, не "
    "спрашивая.\n\n\b\nПример: lexcase interview seeds/zhilina.yaml\n"
    "Пример: lexcase interview seeds/zhilina.yaml --json",
    "impact": "Прогнать массив дел по действующим правилам и по реформе и посчитать по видам "
    "исходов и\nюрисдикциям дела, в которых исход появляется, исчезает или меняется, с "
    "примерами.\n\n\b\nПример: lexcase impact cases.jsonl --overlay docs/examples/kz-392-2025 "
    "\\\n           --rules-overlay docs/examples/kz-392-unamended",
    "impact.overlay": "Реформа: дополнение к правилам (можно несколько, по порядку).",
    "impact.against": "Реформа как целая папка правил.",
    "serve": "Запустить HTTP API (OpenAPI на /docs и /openapi.json) и веб-страницу на /.\n\n"
    "Оценка идёт в рабочих процессах: погибший процесс заменяется, а его запрос получает\n500 с "
    "объяснением. Размер тела, пакета и время на запрос ограничены (см. параметры).\n\n"
    "Пример: lexcase serve --port 8000 --workers 2",
    "serve.host": "Адрес для приёма соединений (по умолчанию только локальный).",
    "serve.port": "Порт для приёма соединений.",
    "serve.workers": "Рабочие процессы для оценки (по одному запросу за раз в каждом).",
    "serve.max_body": "Наибольшее тело запроса, в байтах.",
    "serve.max_batch_bytes": "Наибольшее тело /batch, в байтах.",
    "serve.max_batch_cases": "Наибольшее число дел в одном /batch.",
    "serve.timeout": "Сколько секунд может идти один запрос в рабочем процессе.",
    "memo": "Справка по делу для клиента или суда: факты, как они поняты, каждый предсказанный\n"
    "исход с основаниями и источниками (закон и практика отдельно), что не установлено, сроки,\n"
    "какие факты ещё нужны, версия и хеш свода правил.\n\n"
    "Пример: lexcase memo seeds/zhilin.yaml --as-of 2022-09-27 --lang ru --format html > "
    "memo.html",
    "memo.lang": "Язык справки (по умолчанию язык командной строки: см. lexcase --help).",
    "memo.format": "Markdown или HTML для печати (со стилями для печати).",
}

CATALOGUES: dict[Lang, dict[str, str]] = {Lang.EN: EN, Lang.RU: RU}

# Typer's own words around the help texts (headings, `[default: ...]`, `[required]`). They pass
# through gettext in typer.core with no catalogue of ours to find, so in a Russian run that
# module's `_` is pointed at this table. The words typer's bundled click writes without gettext
# ("Usage:", "Show this message and exit.", its parse errors) stay English.
TYPER_RU: dict[str, str] = {
    "Options": "Параметры",
    "Arguments": "Аргументы",
    "Commands": "Команды",
    "default: {default}": "по умолчанию: {default}",
    "required": "обязательно",
    "env var: {var}": "переменная окружения: {var}",
    "(dynamic)": "(вычисляется)",
    "Missing command.": "Не указана команда.",
    "No such command {name!r}.": "Нет такой команды {name!r}.",
    "Aborted!": "Прервано.",
}


def typer_in(lang: Lang) -> None:
    """Typer's own words in `lang` (English: as typer has them)."""
    if lang is Lang.EN:
        return
    import typer.core

    def russian(message: str) -> str:
        return TYPER_RU.get(message, message)

    typer.core._ = russian  # type: ignore[attr-defined]


def h(key: str) -> str:
    """The help text `key` in the language --help speaks in this process."""
    return CATALOGUES[HELP_LANG].get(key) or EN[key]
