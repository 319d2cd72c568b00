"""Search queries: parsed by marsad, compiled to a safe FTS5 expression.

The query language (``docs/store.md``)::

    الموصل داعش            words side by side: any of them, articles with more of them first
    "التحالف الدولي"        a phrase: these words in this order
    انتخاب*                 a prefix (at least 2 letters): انتخابات، انتخابية، الانتخابي …
    داعش AND الموصل         both
    داعش OR الدولة          either (the same as side by side, but explicit)
    داعش NOT سوريا          leave out articles with سوريا (also: داعش -سوريا)
    (داعش OR القاعدة) AND العراق

``NOT`` binds tightest, then words side by side, then ``AND``, then ``OR``. Each word is matched
through its stem (clitics, diacritics, letter variants and digits seen through), and an exact
form scores higher than a form that only shares the stem (a query term is its stem OR its
word, over all index columns: no column filters, which cost position lists). A phrase is a
phrase of the index's stem-pair tokens (``ـتحالفـدول``), a prefix of 2 to 4 letters is one
prefix token (``انتـ``), a longer one an FTS5 prefix query (:mod:`marsad.store.terms`). The
user's text never reaches SQL:
an odd number of quotation marks makes them all punctuation (a stray one in a pasted
headline), every term is a quoted FTS5 string built from normalized letters and digits, and anything the
parser cannot read is a :class:`QueryError` that says where and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.errors import MarsadError
from marsad.store.terms import pair_tokens, prefix_token, terms, word_form

#: distinct terms a query may have (a pasted article is cut to its first ones).
MAX_TERMS = 64
MIN_PREFIX = 2
#: a query with this many plain words or more is a pasted text: ``-word`` is a hyphen there.
HYPHEN_FROM = 5
#: words side by side with this many words or more, one of them plain, count their phrases'
#: words too (:func:`_loosen`).
LOOSE_FROM = 3
OPERATORS = ("AND", "OR", "NOT")

_LEX = re.compile(r'\s+|(?P<lp>\()|(?P<rp>\))|(?P<q>"[^"]*")|(?P<word>[^\s()"]+)')


class QueryError(MarsadError):
    """A search query marsad cannot read (the message says where and why)."""

    code = "query"

    def __init__(self, query: str, reason: str) -> None:
        super().__init__(f"bad query {query!r}: {reason}")
        self.query = query
        self.reason = reason


# -- the syntax tree ------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    stem: str
    word: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    stems: tuple[str, ...]
    words: tuple[str, ...]


@dataclass(frozen=True)
class Neg:
    node: Node


@dataclass(frozen=True)
class Group:
    """``op`` is ``soft`` (side by side: any, ranked), ``and`` or ``or``."""

    op: str
    items: tuple[Node, ...]


Node = Term | Phrase | Neg | Group


@dataclass
class Compiled:
    """A query ready to run: the FTS5 expression and the terms to highlight."""

    text: str
    fts: str
    tree: Node | None = None
    stems: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    prefixes: list[str] = field(default_factory=list)

    def matches(self, stem: str, word: str) -> bool:
        return stem in self.stems or word in self.words or word.startswith(tuple(self.prefixes))


# -- parsing --------------------------------------------------------------------------------

def _lex(query: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    # an odd number of quotation marks (a pasted headline's stray one) makes them all
    # punctuation: which of them the user meant to pair cannot be known
    text = query.replace('"', " ") if query.count('"') % 2 else query
    for m in _LEX.finditer(text):
        kind = m.lastgroup
        if kind is None:
            continue
        value = m.group()
        if kind == "word" and value in OPERATORS:
            kind = value
        out.append((kind, value))
    return out


def _hyphens(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A pasted text (at least :data:`HYPHEN_FROM` plain words, no ``AND``, ``OR`` or
    brackets) writes ``-word`` for a hyphen between names (قطار تونس -عنابة، المباراة الودية
    تونس -الجزائر), not to leave the word out: there, ``-word`` is the word (``NOT`` still
    leaves it out)."""
    if any(kind in ("AND", "OR", "lp", "rp") for kind, _value in tokens):
        return tokens  # a query with operators or brackets means its -word
    plain = sum(1 for kind, value in tokens if kind == "word" and not value.startswith("-")
                and not value.endswith("*") and any(c.isalnum() for c in value))
    if plain < HYPHEN_FROM:
        return tokens
    return [("word", v.lstrip("-")) if k == "word" and v.startswith("-") and v.strip("-") else
            (k, v) for k, v in tokens]


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _hyphens(_lex(query))
        self.i = 0

    def peek(self) -> str | None:
        return self.tokens[self.i][0] if self.i < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def fail(self, reason: str) -> QueryError:
        return QueryError(self.query, reason)

    def parse(self) -> Node | None:
        if not self.tokens:
            return None
        node = self.or_expr()
        if self.peek() is not None:
            raise self.fail("a closing parenthesis has no opening one")
        if isinstance(node, Group) and node.op == "soft":
            return Group("soft", _loosen(node.items))
        return node

    def or_expr(self) -> Node | None:
        items = [self.and_expr()]
        while self.peek() == "OR":
            self.take()
            items.append(self.and_expr())
        return _group("or", items, self)

    def and_expr(self) -> Node | None:
        items = [self.seq()]
        while self.peek() == "AND":
            self.take()
            items.append(self.seq())
        return _group("and", items, self)

    def seq(self) -> Node | None:
        items: list[Node | None] = []
        while self.peek() not in (None, "OR", "AND", "rp"):
            items.append(self.unary())
        if not items:
            where = self.peek()
            prev = self.tokens[self.i - 1][0] if self.i else None
            if prev in ("AND", "OR"):
                raise self.fail(f"{prev} needs a word, phrase or group on each side")
            if where in ("AND", "OR"):
                raise self.fail(f"{where} needs a word, phrase or group on each side")
            raise self.fail(f"unexpected {_name(where)}")
        return _group("soft", items, self)

    def unary(self) -> Node | None:
        kind, value = self.tokens[self.i]
        if kind == "NOT" or (kind == "word" and value.startswith("-") and len(value) > 1):
            if kind == "NOT":
                self.take()
                if self.peek() in (None, "OR", "AND", "rp"):
                    raise self.fail("NOT needs a word, phrase or group after it")
            else:
                self.tokens[self.i] = ("word", value[1:])
            inner = self.unary()
            return None if inner is None else Neg(inner)
        return self.primary()

    def primary(self) -> Node | None:
        kind, value = self.take()
        if kind == "lp":
            if self.peek() == "rp":
                raise self.fail("empty parentheses")
            node = self.or_expr()
            if self.peek() != "rp":
                raise self.fail("a parenthesis is not closed")
            self.take()
            return node
        if kind == "q":
            return _phrase(value[1:-1])
        if kind == "word":
            return self.word(value)
        raise self.fail(f"unexpected {_name(kind)}")

    def word(self, value: str) -> Node | None:
        prefix = value.endswith("*")
        body = value.rstrip("*")
        if "*" in body:
            raise self.fail(f"* may only end a word ({value!r})")
        if prefix:
            forms = terms(body)[1]
            if len(forms) != 1:
                raise self.fail(f"a prefix must be one word ({value!r})")
            form = word_form(body) if body.isalpha() else forms[0]
            if len(form) < MIN_PREFIX:
                raise self.fail(f"the prefix {value!r} is too short (at least {MIN_PREFIX} letters)")
            return Term(form, form, prefix=True)
        return _phrase(body)


def _name(kind: str | None) -> str:
    return {None: "the end of the query", "rp": "')'", "lp": "'('"}.get(kind or None, kind or "")


def _phrase(text: str) -> Node | None:
    stems, words = terms(text)
    if not stems:
        return None
    if len(stems) == 1:
        return Term(stems[0], words[0])
    return Phrase(tuple(stems), tuple(words))


def _loosen(items: tuple[Node, ...]) -> tuple[Node, ...]:
    """The items of a whole query of words side by side that reads as running text (a plain
    word among them, no ``NOT`` and no bracketed ``AND``/``OR``, at least :data:`LOOSE_FROM` distinct words in all), with the
    words of each phrase added after them: an article with the phrase ranks first but one with
    some of its words still counts. A pasted headline's quotation marks quote a speaker or a
    name (``الطاهر بن حسين : "عادل العلمي إرهابي بلا كلاشينكوف"``); they are rarely meant as an
    operator, and a story that words the quote differently would otherwise get nothing from
    it. The phrases' words come last, so that :data:`MAX_TERMS` cuts them before the plain
    words."""
    plain = [n for n in items if isinstance(n, Term) and not n.prefix]
    phrases = [n for n in items if isinstance(n, Phrase)]
    if not plain or not phrases or any(isinstance(n, Neg | Group) for n in items):
        return items
    added = [Term(s, w) for p in phrases for s, w in zip(p.stems, p.words, strict=True)]
    if len({t.stem for t in plain + added}) < LOOSE_FROM:
        return items
    return items + tuple(dict.fromkeys(t for t in added if t not in items))


def _group(op: str, items: list[Node | None], parser: _Parser) -> Node | None:
    kept = [n for n in items if n is not None]
    if op == "soft":  # (a b) c is a b c: words side by side in brackets are still side by side
        kept = [m for n in kept for m in (n.items if isinstance(n, Group) and n.op == "soft" and (
            not any(isinstance(x, Neg) for x in n.items)) else (n,))]  # (not (b NOT c))
    if not kept:
        return None
    if op == "or" and len(kept) > 1 and any(isinstance(n, Neg) for n in kept):
        raise parser.fail("NOT cannot be one side of OR (write: A NOT B, or (A OR B) NOT C)")
    if len(kept) == 1:
        return kept[0]
    return Group(op, tuple(kept))


def parse(query: str) -> Node | None:
    """The syntax tree of ``query`` (None when it has no word to look for)."""
    return _Parser(query).parse()


# -- compiling ------------------------------------------------------------------------------

def _quote(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


class _Compiler:
    def __init__(self, query: str) -> None:
        self.query = query
        self.out = Compiled(query, "")
        self.count = 0

    def node(self, n: Node) -> str:
        if isinstance(n, Term):
            return self.term(n)
        if isinstance(n, Phrase):
            self.out.stems.update(n.stems)
            self.out.words.update(n.words)
            return phrase_fts(n)
        if isinstance(n, Neg):
            raise QueryError(self.query, "a query needs a word to look for, not only NOT")
        return self.group(n)

    def term(self, t: Term) -> str:
        self.count += 1
        if t.prefix:
            self.out.prefixes.append(t.word)
        else:
            self.out.stems.add(t.stem)
            self.out.words.add(t.word)
        return term_fts(t)

    def group(self, g: Group) -> str:
        pos = [n for n in g.items if not isinstance(n, Neg)]
        neg = [n.node for n in g.items if isinstance(n, Neg)]
        if not pos:
            raise QueryError(self.query, "a query needs a word to look for, not only NOT")
        parts: list[str] = []
        seen: set[Term | Phrase | Neg | Group] = set()
        for n in pos:
            if n in seen or (g.op == "soft" and self.count >= MAX_TERMS):
                continue
            seen.add(n)
            parts.append(self.node(n))
        joiner = " AND " if g.op == "and" else " OR "
        expr = parts[0] if len(parts) == 1 else "(" + joiner.join(parts) + ")"
        for excluded in neg:
            expr = f"({expr} NOT {self.node(excluded)})"
        return expr


def phrase_fts(p: Phrase) -> str:
    """A phrase: its stems' pair tokens, in order."""
    return _quote(" ".join(pair_tokens(list(p.stems))))


def term_fts(t: Term, stem: bool = True, word: bool = True) -> str:
    """A word: its stem OR its word form (either may be left out); a prefix: its token, or
    an FTS5 prefix query when its length has no token."""
    if t.prefix:
        token = prefix_token(t.word)
        return _quote(token) if token else f"{_quote(t.word)} *"
    forms = [t.stem] if stem else []
    if word and t.word not in forms:
        forms.append(t.word)
    if not forms:
        raise ValueError("a term needs its stem or its word")
    if len(forms) == 1:
        return _quote(forms[0])
    return "(" + " OR ".join(_quote(f) for f in forms) + ")"


def compile_query(query: str) -> Compiled | None:
    """The FTS5 expression for ``query``; None when it has nothing to look for."""
    if len(query) > 10_000:
        raise QueryError(query[:40] + "…", "longer than 10,000 characters")
    tree = parse(query)
    if tree is None:
        return None
    return compile_tree(query, tree)


def compile_tree(query: str, tree: Node) -> Compiled:
    compiler = _Compiler(query)
    if isinstance(tree, Neg):
        raise QueryError(query, "a query needs a word to look for, not only NOT")
    compiler.out.fts = compiler.node(tree)
    compiler.out.tree = tree
    return compiler.out


def node_fts(node: Node) -> str:
    """The FTS5 expression of any node of a parsed query."""
    return _Compiler("").node(node)
