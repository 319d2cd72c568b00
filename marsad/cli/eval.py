"""``marsad eval KIND --data FILE [--json]``: score an extractor against gold data.

Each KIND is provided by a module listed in :data:`EVALUATORS` that has a function
``register_eval(subparsers, name)`` adding the sub-command (``set_defaults(run=...)``).
Heavy imports belong inside the run function.
"""

from __future__ import annotations

import importlib
from typing import Any

#: kind -> module providing ``register_eval``.
EVALUATORS: dict[str, str] = {
    "numbers": "marsad.extract.evaluate",
    "dates": "marsad.extract.evaluate",
    "ner": "marsad.ner.cli",
    "ner-neural": "marsad.ner.neural_cli",
    "entities": "marsad.kb.evaluate",
    "events": "marsad.extract.eval_events",
    "quotes": "marsad.extract.eval_quotes",
    "search": "marsad.store.evaluate",
}


def register(sub: Any) -> None:
    p = sub.add_parser("eval", help="score an extractor against gold data",
                       description="Score an extractor against gold data.")
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    for name, module in EVALUATORS.items():
        importlib.import_module(module).register_eval(kinds, name)
