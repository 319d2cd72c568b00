"""The ``marsad`` command.

Each sub-command lives in its own module of this package with a ``register(subparsers)``
function; heavy imports happen inside the command, so ``marsad --help`` and ``marsad analyze``
start fast.

Exit codes (``docs/cli.md``):

====  ======================================================================
0     success
1     one or more inputs could not be processed (the others were; see stderr)
2     usage error: bad option or argument
3     an unexpected internal error (a bug: please report it)
====  ======================================================================
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

#: sub-command modules, in the order ``--help`` lists them.
COMMANDS = ("analyze", "ingest", "search", "show", "export", "stats", "eval", "train", "kb", "batch")


def build_parser() -> argparse.ArgumentParser:
    from marsad import __version__

    parser = argparse.ArgumentParser(
        prog="marsad",
        description="marsad (مرصد): Arabic news intelligence.",
    )
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"marsad.cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from marsad.errors import ConfigError, MarsadError

    try:
        code: int = args.run(args)
        return code
    except ConfigError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except MarsadError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("marsad: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # stdout closed early (| head): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - last line of defence: no raw traceback
        if args.debug:
            raise
        print(
            f"marsad: internal error: {type(exc).__name__}: {exc} "
            "(run with --debug for the traceback, and please report it)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
