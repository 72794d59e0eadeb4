"""The layout keeps its layering: data flows model -> law -> inference -> evaluation -> analysis ->
batch -> interfaces, and nothing imports a layer above its own (see README, "Layout")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "engine" / "lexcase"
# errors.py and source.py serve every layer, and so do reading.py (files within the input limits)
# and simple_yaml.py and yaml_scanner.py (which source.py parses with); the package's own
# __init__/__main__ stand above all.
LAYERS = ["model", "law", "inference", "evaluation", "analysis", "batch", "interfaces"]
SHARED = {"errors", "source", "reading", "simple_yaml", "yaml_scanner"}


def layer_of(module: str) -> int:
    """The rank of a dotted module name of lexcase (-1: shared; len(LAYERS): the package top)."""
    parts = module.split(".")
    assert parts[0] == "lexcase", module
    if len(parts) == 1:
        return len(LAYERS)
    head = parts[1]
    if head in SHARED:
        return -1
    if head in ("__init__", "__main__"):
        return len(LAYERS)
    return LAYERS.index(head)


def imports(path: Path) -> list[tuple[str, int]]:
    """Every module `path` imports (at any depth of its code, lazy imports too), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
            if node.module == "lexcase":  # from lexcase import x: x is a sub-package
                found += [(f"lexcase.{alias.name}", node.lineno) for alias in node.names]
    return found


def module_name(path: Path, package: Path = PACKAGE) -> str:
    relative = path.relative_to(package.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def violations(package: Path = PACKAGE) -> list[str]:
    problems = []
    for path in sorted(package.rglob("*.py")):
        name = module_name(path, package)
        rank = layer_of(name)
        for target, line in imports(path):
            where = f"{path.relative_to(package.parent)}:{line}"
            root = target.split(".")[0]
            if root in ("durable", "durable_rules_engine") and not name.startswith(
                "lexcase.inference"
            ):
                problems.append(f"{where}: only lexcase.inference may import {target}")
            if root != "lexcase" or target == "lexcase":
                continue
            if target.startswith("lexcase.interfaces") and not (
                name.startswith("lexcase.interfaces") or name == "lexcase.__main__"
            ):
                problems.append(f"{where}: {name} imports {target}; only __main__ may")
            elif layer_of(target) > rank:
                problems.append(f"{where}: {name} imports {target}, a layer above its own")
    return problems


def test_no_module_imports_a_layer_above_its_own() -> None:
    assert violations() == []


def test_every_sub_package_says_what_it_holds() -> None:
    for layer in LAYERS:
        init = PACKAGE / layer / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc.splitlines()) == 1, f"{init}: a one-line docstring"


@pytest.mark.parametrize(
    ("module", "line", "problem"),
    [
        ("model/back.py", "from lexcase.inference.compiler import compile_rulebook", "above"),
        ("law/back.py", "from lexcase.interfaces import views", "only __main__"),
        ("evaluation/back.py", "import durable_rules_engine", "only lexcase.inference"),
        ("analysis/back.py", "    from lexcase.batch.local import run_batch", "above"),
    ],
)
def test_a_back_import_is_caught(tmp_path: Path, module: str, line: str, problem: str) -> None:
    copy = tmp_path / "lexcase"
    for path in PACKAGE.rglob("*.py"):
        target = copy / path.relative_to(PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    body = f"def lazy() -> None:\n{line}\n" if line.startswith(" ") else f"{line}\n"
    (copy / module).write_text(body, encoding="utf-8")
    [found] = violations(copy)
    assert module in found and problem in found
