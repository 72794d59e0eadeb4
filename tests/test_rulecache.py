"""The cache of loaded rulebooks: faster start-up, never a stale rulebook."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import RuleFolder, kz_rules
from lexcase.errors import RuleFileError
from lexcase.law import cache as rulecache
from lexcase.law.loader import load_rulebook

RULE = """\
- id: kz.a
  title: A rule
  cite: {article: '1'}
  basis: law
  when:
    host_state: KZ
  then:
    outcome: {kind: remedy, summary: 'Appeal.', detail: {action: appeal}}
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LEXCASE_CACHE_DIR", str(folder))
    monkeypatch.delenv("LEXCASE_NO_CACHE", raising=False)
    return folder


def loads_counted(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders really parsed from here on."""
    parsed: list[Path] = []
    real = rulecache.cached

    def counting(root: Path, load: object) -> object:
        def parse(folder: Path) -> object:
            parsed.append(folder)
            return load(folder)  # type: ignore[operator]

        return real(root, parse)  # type: ignore[arg-type]

    monkeypatch.setattr(rulecache, "cached", counting)
    return parsed


def test_an_unchanged_folder_is_read_from_the_cache(
    cache: Path, rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = rule_folder(kz=kz_rules(RULE))
    parsed = loads_counted(monkeypatch)
    first = load_rulebook(root)
    second = load_rulebook(root)
    assert parsed == [root]
    assert second == first and second.sha256 == first.sha256
    assert len(list(cache.glob("rulebook-*.pickle"))) == 1


def test_a_changed_rule_is_read_again(
    cache: Path, rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = rule_folder(kz=kz_rules(RULE))
    parsed = loads_counted(monkeypatch)
    before = load_rulebook(root)
    code = root / "kz" / "code.yaml"
    code.write_text(code.read_text().replace("Appeal.", "Appeal at once."))
    after = load_rulebook(root)
    assert parsed == [root, root]
    assert after.sha256 != before.sha256
    assert (
        after.rules[0].outcome is not None and after.rules[0].outcome.summary == "Appeal at once."
    )
    # A rule file that breaks is reported as always, not hidden by the cached good version.
    code.write_text(code.read_text().replace("host_state: KZ", "host_stat: KZ"))
    with pytest.raises(RuleFileError, match="'host_stat' is not a fact"):
        load_rulebook(root)


def test_a_broken_entry_or_no_cache_only_means_parsing_again(
    cache: Path, rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = rule_folder(kz=kz_rules(RULE))
    good = load_rulebook(root)
    (entry,) = cache.glob("rulebook-*.pickle")
    entry.write_bytes(b"not a pickle")
    parsed = loads_counted(monkeypatch)
    assert load_rulebook(root) == good
    monkeypatch.setenv("LEXCASE_NO_CACHE", "1")
    assert load_rulebook(root) == good
    assert parsed == [root, root]
    assert entry.read_bytes() != b"not a pickle"  # the broken entry was written again


def test_a_cache_folder_that_cannot_be_written_only_means_parsing(
    tmp_path: Path, rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("LEXCASE_CACHE_DIR", str(blocker / "cache"))  # below a file: unwritable
    root = rule_folder(kz=kz_rules(RULE))
    parsed = loads_counted(monkeypatch)
    first, second = load_rulebook(root), load_rulebook(root)
    assert first == second and [r.id for r in first.rules] == ["kz.a"]
    assert parsed == [root, root]


def test_changing_any_module_at_any_depth_gives_a_new_key(
    rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A stale cached rulebook is never read by changed code, wherever the code lives."""
    root = rule_folder(kz=kz_rules(RULE))
    package = tmp_path / "lexcase"
    for path in rulecache.code_files():
        target = package / path.relative_to(rulecache.PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    monkeypatch.setattr(rulecache, "PACKAGE", package)
    modules = sorted(package.rglob("*.py"))
    assert any(len(m.relative_to(package).parts) > 1 for m in modules)  # sub-packages are there
    keys = {rulecache._key(root)}
    for module in modules:
        original = module.read_bytes()
        module.write_bytes(original + b"\n# changed\n")
        keys.add(rulecache._key(root))
        module.write_bytes(original)
    assert len(keys) == len(modules) + 1
    assert rulecache._key(root) in keys
