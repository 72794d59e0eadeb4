"""Rule files on disk: the folder of the shipped packs, its manifest, the files it holds, and the
SHA-256 that stamps every result evaluated with them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from lexcase.errors import Place, RuleFileError

MANIFEST = "rulebook.yaml"
TREATIES = "treaties.yaml"  # at the top of the folder: which states each treaty binds, and when
PACK = "pack.yaml"  # in a jurisdiction's folder: the state, its role and the pack's coverage
RULE_SUFFIXES = (".yaml", ".yml", ".json")


def default_rules_dir() -> Path:
    """The shipped rule packs: inside the installed package, or the checkout's rules/."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "rules", package.parent.parent / "rules"):
        if (candidate / MANIFEST).is_file():
            return candidate
    raise RuleFileError(
        "the shipped rule packs are missing",
        Place(str(package / "rules")),
        expected=f"a folder with {MANIFEST}",
    )


def rule_files(root: Path) -> list[Path]:
    """The rule files under `root`, in name order (its manifest and data files apart)."""
    data = set(data_files(root)) | {root / MANIFEST}
    return sorted(
        p
        for p in root.rglob("*")
        if p.suffix in RULE_SUFFIXES and p not in data and p.name != PACK and p.is_file()
    )


def data_files(root: Path) -> list[Path]:
    """The files beside the rules: the treaty table and each folder's pack description."""
    table = [root / TREATIES] if (root / TREATIES).is_file() else []
    return table + sorted(p for p in root.glob(f"*/{PACK}") if p.is_file())


def digest(root: Path, files: list[Path]) -> str:
    """The SHA-256 of the files with their names relative to `root`: the rulebook's stamp."""
    sha = hashlib.sha256()
    for path in sorted(files):
        sha.update(path.relative_to(root).as_posix().encode())
        sha.update(b"\0")
        sha.update(path.read_bytes())
        sha.update(b"\0")
    return sha.hexdigest()
