"""The rule folder's record in the rule cache (`cache.cached_folder`): while every rule file has
the status recorded, the files are not read again; any change of a file, a file added, removed
or replaced, a folder named from elsewhere, or a folder changed just before it was recorded,
and the files are read and hashed as always."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import ONE_KZ_RULE as RULE
from conftest import RuleFolder, kz_rules
from lexcase.errors import RuleFileError
from lexcase.law import cache as rulecache
from lexcase.law import loader
from lexcase.law.files import FolderSnapshot, folder_status, read_folder
from lexcase.law.loader import load_rulebook

STEP = 0.05  # longer than any file system's clock step, so that a write gets a new change time


def reads_counted(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders whose files are read from here on."""
    read: list[Path] = []

    def counting(root: Path) -> FolderSnapshot:
        read.append(root)
        return read_folder(root)

    monkeypatch.setattr(loader, "read_folder", counting)
    return read


@pytest.fixture
def steady(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as steady at once (they would after STEADY_NS): a test need not wait."""
    monkeypatch.setattr(rulecache, "STEADY_NS", 0)


def test_an_unchanged_folder_is_not_read_again(
    cache: Path, rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch, steady: None
) -> None:
    root = rule_folder(kz=kz_rules(RULE))
    read = reads_counted(monkeypatch)
    first, second, third = load_rulebook(root), load_rulebook(root), load_rulebook(root)
    assert read == [root]
    assert first == second == third
    assert first.sha256 == second.sha256 == read_folder(root).sha256
    assert second.files == first.files == (str(root / "rulebook.yaml"), str(root / "kz/code.yaml"))
    assert len(list(cache.glob("folder-*.json"))) == 1


def test_any_change_of_the_files_is_read(
    cache: Path, rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch, steady: None
) -> None:
    root = rule_folder(kz=kz_rules(RULE))
    read = reads_counted(monkeypatch)
    load_rulebook(root)
    code = root / "kz" / "code.yaml"
    text = code.read_text()

    def changed(change: str) -> list[str]:
        time.sleep(STEP)
        read.clear()
        summaries = [r.outcome.summary for r in load_rulebook(root).rules if r.outcome]
        assert read == [root], change
        load_rulebook(root)  # recorded again: the next start reads nothing
        assert read == [root], change
        return summaries

    code.write_text(text.replace("Appeal.", "Appeal!"))  # the same size
    assert changed("edited") == ["Appeal!"]
    stamp = os.stat(code)
    code.write_text(text)
    os.utime(code, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # modification time set back
    assert changed("written back") == ["Appeal."]
    (root / "kz" / "more.yaml").write_text(kz_rules(RULE.replace("kz.a", "kz.b"))["code.yaml"])
    assert changed("added") == ["Appeal.", "Appeal."]
    (root / "kz" / "more.yaml").unlink()
    assert changed("removed") == ["Appeal."]
    spare = root / "kz" / "spare.txt"
    spare.write_text(text.replace("Appeal.", "Appeal?"))
    os.replace(spare, code)  # another file in its place
    assert changed("replaced") == ["Appeal?"]
    (root / "notes.txt").write_text("not a rule file")  # nothing lexcase reads
    time.sleep(STEP)
    read.clear()
    load_rulebook(root)
    assert read == []


def test_a_folder_changed_just_before_it_was_read_is_not_recorded(
    cache: Path, rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file changed within the clock's step of its last change may keep its change time: a
    folder is recorded only once its files have not changed for STEADY_NS."""
    root = rule_folder(kz=kz_rules(RULE))
    read = reads_counted(monkeypatch)
    load_rulebook(root)
    load_rulebook(root)
    assert read == [root, root]
    assert not list(cache.glob("folder-*.json"))


def test_a_folder_named_from_elsewhere_gets_its_own_labels(
    cache: Path,
    rule_folder: RuleFolder,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    steady: None,
) -> None:
    """The record does not depend on the working directory: the files' labels (and so the
    entry's key) are worked out from where the command runs, the files still not read."""
    root = rule_folder(kz=kz_rules(RULE))
    monkeypatch.chdir(tmp_path)
    here = load_rulebook(Path("rules"))
    assert here.files == ("rules/rulebook.yaml", "rules/kz/code.yaml")
    monkeypatch.chdir(root / "kz")
    read = reads_counted(monkeypatch)
    there = load_rulebook(root)
    assert there.files == (str(root / "rulebook.yaml"), "code.yaml")
    assert read == [root]  # another key (other labels): its entry read from the files once
    read.clear()
    assert load_rulebook(root).files == there.files
    monkeypatch.chdir(tmp_path)
    assert load_rulebook(Path("rules")).files == here.files
    assert read == []
    assert len(list(cache.glob("folder-*.json"))) == 1


def test_entries_read_folder_reports_are_never_recorded(
    cache: Path, rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch, steady: None
) -> None:
    root = rule_folder(kz=kz_rules(RULE))
    load_rulebook(root)
    (root / "kz" / "gone.yaml").symlink_to(root / "nowhere.yaml")
    assert folder_status(root) is None
    with pytest.raises(RuleFileError, match="a symbolic link to nothing"):
        load_rulebook(root)
    (root / "kz" / "gone.yaml").unlink()
    (root / "kz" / "folder.yaml").mkdir()  # a folder named like a rule file
    assert folder_status(root) is None
    read = reads_counted(monkeypatch)
    load_rulebook(root)
    load_rulebook(root)
    assert read == [root, root]
