"""The `lexcase` command's entry point: the command line, started without the garbage collector
scanning what its imports build.

Importing the command line builds thousands of objects that live as long as the process
(modules, pydantic's and typer's classes and schemas) and almost none that die young; the
collector, run every few hundred allocations, scanned them again and again: about a twentieth
of `lexcase evaluate`'s instructions (measured with valgrind). So the collector is off while
they are imported, and what they built is then set aside (`gc.freeze`, as `lexcase batch`
already does for its evaluator) before the collector is turned on again for the command itself.
Only the command does this: `import lexcase` (a library user's process) leaves the collector as
it is.
"""

import gc


def main() -> None:
    gc.disable()
    try:
        from lexcase.interfaces.cli import main as run
    finally:
        gc.freeze()
        gc.enable()
    run()
