"""The `lexcase` command's entry point: the command line, started without the garbage collector
scanning what its imports build, and without pydantic searching every installed distribution for
plugins where none can be found.

Importing the command line builds thousands of objects that live as long as the process
(modules, pydantic's and typer's classes and schemas) and almost none that die young; the
collector, run every few hundred allocations, scanned them again and again: about a twentieth
of `lexcase evaluate`'s instructions (measured with valgrind). So the collector is off while
they are imported, and what they built is then set aside (`gc.freeze`, as `lexcase batch`
already does for its evaluator) before the collector is turned on again for the command itself.

Pydantic looks for plugins (entry points of the group `pydantic`) when it builds its first
validator, through `importlib.metadata`: importing it and reading every installed distribution
was about a twentieth of the command again. Where the installed distributions' entry point files
show that no distribution can declare a pydantic plugin, the command tells pydantic so
(`PYDANTIC_DISABLE_PLUGINS`, its own switch): the process runs exactly as pydantic's search
would have left it. Where anything could hide one (a file that names pydantic, a zipped or egg
path, an import hook that lists distributions of its own) pydantic searches as always, and a
value the user set is never touched.

Only the command does this: `import lexcase` (a library user's process) leaves the collector and
the environment as they are.
"""

import gc
import os
import sys

PLUGINS_SWITCH = "PYDANTIC_DISABLE_PLUGINS"


def main() -> None:
    if PLUGINS_SWITCH not in os.environ and not pydantic_plugins_possible():
        os.environ[PLUGINS_SWITCH] = "__all__"
    gc.disable()
    try:
        from lexcase.interfaces.cli import main as run
    finally:
        gc.freeze()
        gc.enable()
    run()


def pydantic_plugins_possible() -> bool:
    """Whether `importlib.metadata.entry_points(group="pydantic")` could find anything: False only
    when every place it searches was read here and none declares an entry point naming pydantic.

    It searches what the import hooks list (`sys.meta_path`; the standard path finder reads the
    `*.dist-info` and `*.egg-info` folders of each `sys.path` entry, a zip file's or an egg's too)
    and reads each distribution's `entry_points.txt`. Any other hook, any path entry that is not a
    plain folder, or any entry point file mentioning pydantic at all answers True."""
    from importlib.machinery import BuiltinImporter, FrozenImporter, PathFinder

    standard = (BuiltinImporter, FrozenImporter, PathFinder)
    for finder in sys.meta_path:
        if getattr(finder, "find_distributions", None) is not None and finder not in standard:
            return True
    for entry in sys.path:
        root = entry or "."
        try:
            children = os.listdir(root)
        except OSError:
            if os.path.exists(root):
                return True  # a zip file, or a folder that cannot be listed here
            continue
        if root.lower().endswith(".egg"):
            return True
        for child in children:
            if child.lower().endswith((".dist-info", ".egg-info")) and _names_pydantic(
                os.path.join(root, child, "entry_points.txt")
            ):
                return True
    return False


def _names_pydantic(path: str) -> bool:
    try:
        with open(path, "rb") as stream:
            return b"pydantic" in stream.read().lower()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return True  # unreadable here; importlib.metadata may read it otherwise
