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

With the switch set by the command, pydantic's plugin loader never reads a distribution, but
it imports `importlib.metadata` at its top (with `email`, `zipfile`, `csv` and more: about a
thirtieth of `lexcase evaluate`'s instructions) for its one name `entry_points`. So the command
imports the loader with that name standing in: a function that imports `importlib.metadata` when
first called and hands the call on (pydantic never calls it with the switch set). Any other
module importing `importlib.metadata` gets the real one, as always.

When the command is done, the process ends at once (`leave`): the exit functions run and the
standard streams are flushed as at any exit, but Python does not then free, one by one, the
modules and objects the command built (about a fortieth of `lexcase evaluate`). Only where
nothing else can still be running: another thread alive, or an exit that is not a plain code,
and the process ends as Python ends it.

Only the command does this: `import lexcase` (a library user's process) leaves the collector,
the environment, the imports and the exit as they are.
"""

import atexit
import gc
import os
import sys
import types
from typing import Any

PLUGINS_SWITCH = "PYDANTIC_DISABLE_PLUGINS"


def main() -> None:
    if PLUGINS_SWITCH not in os.environ and not pydantic_plugins_possible():
        os.environ[PLUGINS_SWITCH] = "__all__"
        _plugin_loader_without_metadata()
    gc.disable()
    try:
        from lexcase.interfaces.cli import main as run
    finally:
        gc.freeze()
        gc.enable()
    try:
        run()
    except SystemExit as ended:
        leave(ended.code)
        raise


def leave(code: Any) -> None:
    """End the process with `code` at once, as Python would end it but without freeing what the
    command built, when that is safe; else return, and Python ends it."""
    import threading

    if not (code is None or isinstance(code, int)) or threading.active_count() > 1:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # a closed pipe, say: Python's own exit reports it as it always has
    atexit._run_exitfuncs()  # what the command or its libraries registered, as at any exit
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # written by an exit function, to a stream closed since: lost at any exit
    os._exit(code or 0)


def _plugin_loader_without_metadata() -> None:
    """Import pydantic's plugin loader with its `entry_points` standing in for
    `importlib.metadata`'s, importing that module only when called (never, with the switch
    set); nothing is done where the module is already imported or the loader is."""
    name = "importlib.metadata"
    if name in sys.modules or "pydantic.plugin._loader" in sys.modules:
        return
    stand_in = types.ModuleType(name)
    stand_in.entry_points = _entry_points  # type: ignore[attr-defined]
    sys.modules[name] = stand_in
    try:
        import pydantic.plugin._loader  # noqa: F401
    except ImportError:
        sys.modules.pop("pydantic.plugin._loader", None)  # it wants more: imported as always
    finally:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]


def _entry_points(**selection: Any) -> Any:
    from importlib.metadata import entry_points

    return entry_points(**selection)


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
