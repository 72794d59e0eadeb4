"""Russian wording of the values a result carries in a language-neutral form: dates, periods,
counts of days, and the tests of a rule's conditions in words.

A result (the JSON the API gives) stays the same in every language; the memo and the web page
word it here when they speak Russian. The English forms these functions read are the ones
`lexcase.model.dates.describe` and `lexcase.model.rules.Test.describe` write; anything they do not
recognise is left as it is, so an unforeseen form shows in English rather than wrongly.
"""

from __future__ import annotations

import re

from lexcase.interfaces.i18n import VALUES_RU

ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# Every ISO date inside a text: "on or after 2022-09-24".
ISO_IN_TEXT = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

# Unit: (one, a few, many), as Russian counts them: 1 день, 2 дня, 5 дней.
UNITS = {
    "hour": ("час", "часа", "часов"),
    "day": ("день", "дня", "дней"),
    "month": ("месяц", "месяца", "месяцев"),
    "year": ("год", "года", "лет"),
}
PERIOD = re.compile(r"^(?P<count>\S+) (?P<unit>hour|day|month|year)s?(?: in any (?P<window>\d+))?$")


def plural(count: int, forms: tuple[str, str, str]) -> str:
    """The form of a noun after `count`: 1 день, 3 дня, 11 дней, 21 день."""
    if count % 10 == 1 and count % 100 != 11:
        return forms[0]
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return forms[1]
    return forms[2]


def days(count: int) -> str:
    return f"{count} {plural(count, UNITS['day'])}"


def date(value: str) -> str:
    """An ISO date as Russian writes it: 2022-09-26 → 26.09.2022, 2022-09 → 09.2022."""
    if found := ISO_DAY.match(value):
        year, month, day = found.groups()
        return f"{day}.{month}.{year}"
    if found := ISO_MONTH.match(value):
        year, month = found.groups()
        return f"{month}.{year}"
    return value


def dates_in(text: str) -> str:
    """`text` with every ISO date in it written the Russian way."""
    return ISO_IN_TEXT.sub(lambda m: f"{m.group(3)}.{m.group(2)}.{m.group(1)}", text)


def period(text: str) -> str:
    """A deadline's period: `24 hours` → 24 часа, `90 days in any 180` → 90 дней в любые 180."""
    found = PERIOD.match(text)
    if found is None:
        return text
    count, unit, window = found.group("count"), found.group("unit"), found.group("window")
    # A period read from a fact ({host_proceedings.sentence.months} months) has no number yet.
    forms = UNITS[unit]
    word = plural(int(count), forms) if count.isdigit() else forms[2]
    shown = f"{count} {word}"
    if window is not None:
        shown += f" в любые {window}"
    return shown


# The tests of a condition, longest words first so that `is not` is not read as `is`.
TESTS = (
    ("is not recorded", "не указано"),
    ("is recorded", "указано"),
    ("is known", "известно"),
    ("on or after", "не ранее"),
    ("on or before", "не позднее"),
    ("contains any", "содержит одно из"),
    ("not contains", "не содержит"),
    ("contains", "содержит"),
    ("is not", "≠"),
    ("is", "="),
    ("not in", "не из"),
    ("in", "из"),
    ("at least", "≥"),
    ("at most", "≤"),
    ("more than", ">"),
    ("less than", "<"),
    ("after", "позже"),
    ("before", "раньше"),
)
RELATIONAL = re.compile(
    r"^(?P<path>\S+) (?P<words>within|more than) (?P<days>\d+) day\(s\) after (?P<other>\S+)$"
)
IN_FORCE = re.compile(r"^the law in force on (?P<path>\S+) \((?P<tests>.*)\)$")
VALUE_WORDS = {"true": "да", "false": "нет", "null": "неизвестно"}


def test(text: str) -> str:
    """A condition in words (`Test.describe`, `Condition.in_words`) in Russian:
    `home_state is RU` → home_state = RU; `the law in force on crossing.date (...)` →
    редакция закона, действующая на crossing.date (...)."""
    found = IN_FORCE.match(text)
    if found is not None:
        return f"редакция закона, действующая на {found['path']} ({test(found['tests'])})"
    return " и ".join(_one_test(part) for part in text.split(" and "))


def _one_test(text: str) -> str:
    found = RELATIONAL.match(text)
    if found is not None:
        words = "не позднее чем через" if found["words"] == "within" else "более чем через"
        return f"{found['path']} {words} {days(int(found['days']))} после {found['other']}"
    path, _, rest = text.partition(" ")
    for english, russian in TESTS:
        if rest == english or rest.startswith(english + " "):
            value = rest[len(english) :].strip()
            return " ".join(part for part in (path, russian, _value(value)) if part)
    return text


def _value(value: str) -> str:
    if value.startswith("[") and value.endswith("]"):
        return "[" + ", ".join(_value(v) for v in value[1:-1].split(", ")) + "]"
    if value.startswith("{") and value.endswith("}"):  # {basis: extradition_custody}
        pairs = (pair.partition(": ") for pair in value[1:-1].split(", "))
        return "{" + ", ".join(f"{k}{sep}{_value(v)}" for k, sep, v in pairs) + "}"
    if value in VALUE_WORDS:
        return VALUE_WORDS[value]
    if value in VALUES_RU:
        return VALUES_RU[value]
    return dates_in(value)
