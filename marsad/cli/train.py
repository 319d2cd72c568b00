"""``marsad train KIND --data FILE``: train one of marsad's models.

Each KIND is provided by a module listed in :data:`TRAINERS` that has a function
``register_train(subparsers, name)`` adding the sub-command (``set_defaults(run=...)``).
"""

from __future__ import annotations

import importlib
from typing import Any

#: kind -> module providing ``register_train``.
TRAINERS: dict[str, str] = {"ner": "marsad.ner.cli", "clusters": "marsad.ner.cli",
                            "ner-neural": "marsad.ner.neural_cli"}


def register(sub: Any) -> None:
    p = sub.add_parser("train", help="train one of marsad's models",
                       description="Train one of marsad's models.")
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    for name, module in TRAINERS.items():
        importlib.import_module(module).register_train(kinds, name)
