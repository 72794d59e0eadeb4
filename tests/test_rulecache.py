"""The cache of loaded rulebooks: faster start-up, never a stale rulebook, never code.

An entry is JSON of lexcase's rule models with a checksum and the stamp of the rule files it was
loaded from; what is planted, damaged or written for other rules is a miss, and the folder is
parsed again. Each attack of issue 16 is reproduced here: a planted pickle, an altered entry in a
folder others can write, a FIFO or a link planted as an entry, byte flips, a file saved during
the load.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

from conftest import ONE_KZ_RULE as RULE
from conftest import ROOT, SEEDS, RuleFolder, kz_rules
from lexcase.errors import RuleFileError
from lexcase.law import cache as rulecache
from lexcase.law import loader
from lexcase.law.files import FolderSnapshot
from lexcase.law.loader import load_rulebook
from lexcase.law.rulebook import Rulebook


def loads_counted(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders really parsed from here on."""
    parsed: list[Path] = []
    real = rulecache.cached

    def counting(snapshot: FolderSnapshot, load: Any) -> Rulebook:
        def parse(seen: FolderSnapshot) -> Rulebook:
            parsed.append(seen.root)
            result: Rulebook = load(seen)
            return result

        return real(snapshot, parse)

    monkeypatch.setattr(rulecache, "cached", counting)
    return parsed


def summary_of(rulebook: Rulebook) -> str:
    outcome = rulebook.rules[0].outcome
    assert outcome is not None
    return outcome.summary


def test_an_unchanged_folder_is_read_from_the_cache(
    cache: Path, rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = rule_folder(kz=kz_rules(RULE))
    parsed = loads_counted(monkeypatch)
    first = load_rulebook(root)
    second = load_rulebook(root)
    assert parsed == [root]
    assert second == first and second.sha256 == first.sha256
    (entry,) = cache.glob("rulebook-*.json")
    assert entry.read_bytes().split(b"\n", 1)[1].startswith(b"{")  # data, not a pickle
    # Private to the user: the folder 0700, the entry 0600.
    assert cache.stat().st_mode & 0o777 == 0o700
    assert entry.stat().st_mode & 0o777 == 0o600


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
    assert summary_of(after) == "Appeal at once."
    # A rule file that breaks is reported as always, not hidden by the cached good version.
    code.write_text(code.read_text().replace("host_state: KZ", "host_stat: KZ"))
    with pytest.raises(RuleFileError, match="'host_stat' is not a fact"):
        load_rulebook(root)


def test_a_broken_entry_or_no_cache_only_means_parsing_again(
    cache: Path, rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = rule_folder(kz=kz_rules(RULE))
    good = load_rulebook(root)
    (entry,) = cache.glob("rulebook-*.json")
    entry.write_bytes(b"not an entry")
    parsed = loads_counted(monkeypatch)
    with pytest.warns(rulecache.CacheWarning, match="damaged"):
        assert load_rulebook(root) == good
    monkeypatch.setenv("LEXCASE_NO_CACHE", "1")
    assert load_rulebook(root) == good
    assert parsed == [root, root]
    assert entry.read_bytes() != b"not an entry"  # the broken entry was written again


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


def copy_of_lexcase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of lexcase's modules under `tmp_path`, taken by the rule cache as lexcase's code."""
    package = tmp_path / "lexcase"
    for path in rulecache.code_files():
        target = package / path.relative_to(rulecache.PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    monkeypatch.setattr(rulecache, "PACKAGE", package)
    return package


def test_changing_any_module_at_any_depth_gives_a_new_key(
    rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A stale cached rulebook is never read by changed code, wherever the code lives."""
    root = rule_folder(kz=kz_rules(RULE))
    package = copy_of_lexcase(tmp_path, monkeypatch)
    modules = sorted(package.rglob("*.py"))
    assert any(len(m.relative_to(package).parts) > 1 for m in modules)  # sub-packages are there
    snapshot = loader.read_folder(root)

    def key() -> str:
        rulecache._code_digest.cache_clear()  # once per process in use; here per change
        return rulecache._key(snapshot)

    keys = {key()}
    for module in modules:
        original = module.read_bytes()
        module.write_bytes(original + b"\n# changed\n")
        keys.add(key())
        module.write_bytes(original)
    assert len(keys) == len(modules) + 1
    assert key() in keys
    rulecache._code_digest.cache_clear()


def test_the_code_digest_is_kept_but_any_written_module_is_hashed_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The digest of lexcase's code is kept beside the entries and used while no module was
    written; a module written back to its old size and modification time is still hashed again
    (its change time moved), and a damaged kept digest is only a reason to hash again."""
    monkeypatch.setenv("LEXCASE_CACHE_DIR", str(tmp_path / "cache"))
    package = copy_of_lexcase(tmp_path, monkeypatch)
    hashed: list[str] = []
    real_open = open

    def counting_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).endswith(".py"):
            hashed.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", counting_open)

    def digest() -> str:
        rulecache._code_digest.cache_clear()
        hashed.clear()
        return rulecache._code_digest()

    first = digest()
    assert hashed  # nothing kept yet: every module read
    assert digest() == first and not hashed  # kept, and used
    module = package / "law" / "cache.py"
    original, status = module.read_bytes(), os.stat(module)
    edited = original.replace(b"KEEP = 32", b"KEEP = 31")
    assert len(edited) == len(original) and edited != original
    module.write_bytes(edited)
    os.utime(module, ns=(status.st_atime_ns, status.st_mtime_ns))  # the old times put back
    changed = digest()
    assert hashed and changed != first
    module.write_bytes(original)
    assert digest() == first and hashed  # the same code, the same digest
    (kept,) = (tmp_path / "cache").glob("code-*.json")
    kept.write_bytes(kept.read_bytes()[:-5] + b"xxxxx")
    with pytest.warns(rulecache.CacheWarning, match="damaged"):
        assert digest() == first and hashed
    rulecache._code_digest.cache_clear()


# --- issue 16, item 4: the cache runs whatever is in it ------------------------------------


class _Planted:
    """A pickle that, when loaded, writes a file: what an attacker's entry would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.write_text, (self.marker, "code ran"))


def test_a_planted_pickle_never_runs(cache: Path, rule_folder: RuleFolder, tmp_path: Path) -> None:
    root = rule_folder(kz=kz_rules(RULE))
    good = load_rulebook(root)
    (entry,) = cache.glob("rulebook-*.json")
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Planted(marker))
    # Under the entry's own name (with a valid checksum line, as an attacker would write), and
    # under the names of the old pickle cache.
    entry.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    (cache / entry.name.replace(".json", ".pickle")).write_bytes(payload)
    with pytest.warns(rulecache.CacheWarning, match="damaged"):
        assert load_rulebook(root) == good
    assert not marker.exists()


def altered_entry(entry: Path) -> None:
    """Rewrite the entry with another outcome, and a checksum that fits: an attacker's edit."""
    body = entry.read_bytes().split(b"\n", 1)[1].replace(b"Appeal.", b"Do not appeal.")
    entry.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


def test_an_altered_entry_in_a_folder_others_can_write_is_not_used(
    cache: Path, rule_folder: RuleFolder
) -> None:
    root = rule_folder(kz=kz_rules(RULE))
    good = load_rulebook(root)
    (entry,) = cache.glob("rulebook-*.json")
    altered_entry(entry)
    cache.chmod(0o777)  # a shared LEXCASE_CACHE_DIR
    with pytest.warns(rulecache.CacheWarning, match="can be written by other users"):
        loaded = load_rulebook(root)
    assert loaded == good and summary_of(loaded) == "Appeal."
    cache.chmod(0o700)
    entry.chmod(0o666)  # an entry others can write, in a private folder
    with pytest.warns(rulecache.CacheWarning, match="can be written by other users"):
        assert summary_of(load_rulebook(root)) == "Appeal."


def test_an_entry_claiming_other_rules_is_not_used(
    cache: Path, rule_folder: RuleFolder, tmp_path: Path
) -> None:
    """An entry copied under the name of another folder's key: its stamp gives it away."""
    root = rule_folder(kz=kz_rules(RULE))
    load_rulebook(root)
    (entry,) = cache.glob("rulebook-*.json")
    code = root / "kz" / "code.yaml"
    code.write_text(code.read_text().replace("Appeal.", "Appeal at once."))
    snapshot = loader.read_folder(root)
    other = cache / f"rulebook-{rulecache._key(snapshot)}.json"
    other.write_bytes(entry.read_bytes())
    other.chmod(0o600)
    with pytest.warns(rulecache.CacheWarning, match="another rulebook"):
        assert summary_of(load_rulebook(root)) == "Appeal at once."


def test_a_link_planted_as_an_entry_is_not_followed(
    cache: Path, rule_folder: RuleFolder, tmp_path: Path
) -> None:
    root = rule_folder(kz=kz_rules(RULE))
    good = load_rulebook(root)
    (entry,) = cache.glob("rulebook-*.json")
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(entry.read_bytes())
    altered_entry(elsewhere)
    elsewhere.chmod(0o600)
    entry.unlink()
    entry.symlink_to(elsewhere)
    with pytest.warns(rulecache.CacheWarning, match="not a regular file"):
        assert load_rulebook(root) == good


def test_a_fifo_planted_as_an_entry_never_blocks(cache: Path, tmp_path: Path) -> None:
    """In a process of its own, so that a regression fails instead of hanging the suite."""
    env = {**os.environ, "LEXCASE_CACHE_DIR": str(cache)}
    lexcase = [sys.executable, "-m", "lexcase"]
    first = subprocess.run(
        [*lexcase, "evaluate", str(SEEDS / "zhilin.yaml")], env=env, capture_output=True
    )
    assert first.returncode == 0, first.stderr
    (entry,) = cache.glob("rulebook-*.json")
    entry.unlink()
    os.mkfifo(entry, 0o600)
    again = subprocess.run(
        [*lexcase, "evaluate", str(SEEDS / "zhilin.yaml")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,  # a guard against hanging only: the answer comes in seconds
        cwd=ROOT,
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout.decode()
    assert "warning: rule cache:" in again.stderr and "not a regular file" in again.stderr
    assert entry.is_file()  # replaced by a good entry


# --- issue 16, item 8: stale or rotten entries ----------------------------------------------


def test_byte_flips_in_an_entry_never_change_the_rules(
    cache: Path, rule_folder: RuleFolder
) -> None:
    root = rule_folder(kz=kz_rules(RULE))
    good = load_rulebook(root)
    (entry,) = cache.glob("rulebook-*.json")
    pristine = entry.read_bytes()
    step = max(1, len(pristine) // 90)
    for position in range(0, len(pristine), step):
        flipped = bytearray(pristine)
        flipped[position] ^= 0x01
        entry.write_bytes(bytes(flipped))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", rulecache.CacheWarning)
            assert load_rulebook(root) == good, position
        # The damaged entry does not stay: it was written again, whole.
        assert entry.read_bytes() == pristine, position


def test_a_file_saved_during_the_load_never_gives_one_version_the_others_stamp(
    cache: Path, rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rule file is rewritten just as it is parsed: the rulebook holds the rules of the
    bytes it parsed under their stamp, and the next load sees the new version, not a cached
    entry holding the other."""
    root = rule_folder(kz=kz_rules(RULE))
    code = root / "kz" / "code.yaml"
    old_text = code.read_text()
    new_text = old_text.replace("Appeal.", "Appeal at once.")
    real_parse = loader.parse_document
    saved = []

    def parse_while_saving(raw: bytes | str, label: str | None, error: Any) -> Any:
        if label is not None and label.endswith("code.yaml") and not saved:
            code.write_text(new_text)  # the editor saves now
            saved.append(True)
        return real_parse(raw, label, error)

    monkeypatch.setattr(loader, "parse_document", parse_while_saving)
    during = load_rulebook(root)
    monkeypatch.setattr(loader, "parse_document", real_parse)
    assert summary_of(during) == "Appeal."
    code.write_text(old_text)
    assert load_rulebook(root).sha256 == during.sha256  # the stamp is of the bytes parsed
    code.write_text(new_text)
    after = load_rulebook(root)
    assert summary_of(after) == "Appeal at once." and after.sha256 != during.sha256


# --- issue 16, item 7: a rule folder skips entries without a word ----------------------------


def test_unreadable_entries_of_a_rule_folder_are_errors(
    cache: Path, rule_folder: RuleFolder, tmp_path: Path
) -> None:
    root = rule_folder(kz=kz_rules(RULE))
    dangling = root / "kz" / "gone.yaml"
    dangling.symlink_to(tmp_path / "nowhere.yaml")
    with pytest.raises(RuleFileError, match=r"gone\.yaml: a symbolic link to nothing"):
        load_rulebook(root)
    dangling.unlink()
    loop = root / "kz" / "loop.yaml"
    loop.symlink_to(loop)
    with pytest.raises(RuleFileError, match=r"loop\.yaml: a symbolic link that loops"):
        load_rulebook(root)
    loop.unlink()
    os.mkfifo(root / "kz" / "pipe.yaml")
    with pytest.raises(RuleFileError, match=r"pipe\.yaml: this is a named pipe \(FIFO\)"):
        load_rulebook(root)
