"""The knowledge base of actors and places, the gazetteer, and entity linking.

>>> from marsad.kb import load
>>> kb = load()
>>> [e.id for e in kb.lookup("سوريا")]
['Q858']

* :func:`load` — the compiled knowledge base (plus the user's file), cached.
* :class:`~marsad.kb.base.KB` / :class:`~marsad.kb.base.Entry` — entries and aliases.
* :class:`~marsad.kb.gazetteer.Gazetteer` — finds KB names in a normalized text.
* :class:`~marsad.kb.link.Linker` — links matches and NER spans, with refs.

``marsad kb build`` recompiles ``marsad/kb/data/*.tsv`` into the index (``docs/kb.md``).
"""

from __future__ import annotations

from marsad.kb.base import KB, Entry, alias_key, load, load_user_file, read_index

__all__ = ["KB", "Entry", "alias_key", "load", "load_user_file", "read_index"]
