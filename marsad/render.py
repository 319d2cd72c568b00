"""The terminal view of a Doc.

Most terminals do not reorder right-to-left text, and those that do reorder whole lines, so a
line that mixes Arabic and aligned columns comes out scrambled in one or the other. The view
therefore keeps every line's Arabic in one run at the *end* of the line, after the columns
that hold numbers, codes and offsets:

* the text, one sentence a line, its spans highlighted (colour on a terminal; ``⟦…⟧`` brackets
  when the output is not a terminal or colour is off), each line led by its sentence number;
* per span group, a table: id, offsets and the attributes written in Latin letters and digits
  first, then the attributes in Arabic, then the span's text;
* attributions and events in their own tables — who said what (kind, direct, the speaker's
  entity, then cue | speaker | content), and who did what to whom, where, when (PLOVER type,
  date, flags, entity ids, then the trigger, actors, recipients and place); in the text, only
  their cue or trigger is marked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from marsad.model import Attribution, Doc, Event, Span

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_STYLES = {
    "quantities": "\x1b[1;33m",
    "dates": "\x1b[1;36m",
    "durations": "\x1b[36m",
    "ordinals": "\x1b[33m",
    "entities": "\x1b[1;32m",
    "attributions": "\x1b[1;35m",
    "events": "\x1b[1;31m",
}
_RESET = "\x1b[0m"
_PREFIX = {
    "quantities": "Q",
    "dates": "D",
    "durations": "T",
    "ordinals": "O",
    "entities": "E",
    "attributions": "A",
    "events": "V",
}


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, Span):
        return f"{value.start}-{value.end}"
    if isinstance(value, tuple):
        return ",".join(_fmt(v) for v in value) or "-"
    return str(value)


def _marked(name: str, span: Span) -> Span:
    """The part of a span the text view marks: the cue of an attribution, the trigger of an
    event (their extents span whole clauses), the span itself otherwise."""
    if isinstance(span, Attribution):
        return span.cue
    if isinstance(span, Event):
        return span.trigger
    return span


def _highlight(doc: Doc, color: bool, groups: Iterable[str]) -> list[str]:
    text = doc.text
    marks: list[tuple[int, int, str]] = []
    for name in groups:
        marks.extend((m.start, m.end, name) for m in (_marked(name, s) for s in doc.group(name)))
    marks.sort(key=lambda m: (m[0], -m[1]))
    sentences = doc.sentences or ((0, len(text)),)
    lines = []
    for n, (s_start, s_end) in enumerate(sentences, 1):
        out: list[str] = []
        pos = s_start
        for start, end, name in marks:
            if start < pos or start >= s_end:
                continue  # overlapping or outside: shown in the tables only
            end = min(end, s_end)
            out.append(text[pos:start])
            span_text = text[start:end]
            out.append(f"{_STYLES[name]}{span_text}{_RESET}" if color else f"⟦{span_text}⟧")
            pos = end
        out.append(text[pos:s_end])
        lines.append(f"{n:>4}  " + "".join(out).replace("\n", " "))
    return lines


def _table(name: str, spans: tuple[Span, ...], text: str) -> list[str]:
    prefix = _PREFIX.get(name, name[:1].upper())
    rows: list[tuple[list[str], list[str]]] = []
    attr_names = list(spans[0].attrs()) if spans else []
    latin_cols = [a for a in attr_names if not any(_ARABIC.search(_fmt(s.attrs()[a])) for s in spans)]
    arabic_cols = [a for a in attr_names if a not in latin_cols]
    header_l = ["id", "offsets", *latin_cols]
    for i, s in enumerate(spans, 1):
        attrs = s.attrs()
        left = [f"{prefix}{i}", f"{s.start}-{s.end}", *(_fmt(attrs[a]) for a in latin_cols)]
        right = [f"{a}={_fmt(attrs[a])}" for a in arabic_cols if attrs[a] is not None]
        right.append(text[s.start : s.end].replace("\n", " "))
        rows.append((left, right))
    widths = [max(len(h), *(len(r[0][k]) for r in rows)) for k, h in enumerate(header_l)]
    lines = [f"{name} ({len(spans)})", "  " + "  ".join(h.ljust(w) for h, w in zip(header_l, widths, strict=True)) + "  text"]
    for left, right in rows:
        lines.append(
            "  " + "  ".join(c.ljust(w) for c, w in zip(left, widths, strict=True)) + "  " + "  ".join(right)
        )
    return lines


def _clip(text: str, span: Span | None, width: int = 80) -> str:
    if span is None:
        return "-"
    s = text[span.start:span.end].replace("\n", " ")
    return s if len(s) <= width else s[: width - 1] + "…"


def _attributions(spans: tuple[Span, ...], text: str) -> list[str]:
    """Who said what: flags and ids first, then cue | speaker | content in Arabic."""
    lines = [f"who said what ({len(spans)})",
             "  id   offsets      kind          direct  speaker-kb         continues  "
             "cue | speaker | content"]
    for i, a in enumerate(spans, 1):
        assert isinstance(a, Attribution)
        speaker = _clip(text, a.speaker, 40) if a.speaker is not None else (
            f"← A{a.continues + 1}" if a.continues is not None else "-")
        left = (f"  A{i:<3} {f'{a.start}-{a.end}':<12} {a.kind + (' anon' if a.anonymous else ''):<13}"
                f" {_fmt(a.direct):<7} {_fmt(a.speaker_kb_id):<18} "
                f"{'A' + str(a.continues + 1) if a.continues is not None else '-':<10} ")
        lines.append(left + f"{_clip(text, a.cue, 20)} | {speaker} | {_clip(text, a.content)}")
    return lines


def _events(spans: tuple[Span, ...], text: str) -> list[str]:
    """Who did what to whom, where, when: codes first, then the Arabic words."""
    lines = [f"who did what to whom ({len(spans)})",
             "  id   type/mode               date (source)             flags          "
             "actors → recipients @ place   الحدث: الفاعل ← المفعول به، المكان"]
    for i, e in enumerate(spans, 1):
        assert isinstance(e, Event)
        flags = ",".join(f for f in ("negated", "hypothetical", "reported", "historical")
                         if getattr(e, f)) or "-"
        ids = (",".join(p.kb_id or "-" for p in e.actors) or "-") + " → " + (
            ",".join(p.kb_id or "-" for p in e.recipients) or "-") + " @ " + (
            e.place.kb_id or "-" if e.place is not None else "-")
        when = f"{e.date or '-'} ({e.date_source or '-'})"
        left = (f"  V{i:<3} {e.type + '/' + (e.mode or '-'):<23} {when:<25} {flags:<14} "
                f"{ids:<29} ")
        arabic = _clip(text, e.trigger, 30)
        arabic += ": " + ("، ".join(_clip(text, p, 40) for p in e.actors) or "-")
        arabic += " ← " + ("، ".join(_clip(text, p, 40) for p in e.recipients) or "-")
        if e.place is not None:
            arabic += "، " + _clip(text, e.place, 40)
        lines.append(left + arabic)
    return lines


_SECTIONS = {"attributions": _attributions, "events": _events}


def render(doc: Doc, color: bool = False, source: str | None = None) -> str:
    """The terminal view of ``doc`` (see the module docstring)."""
    a = doc.article
    head = [f"# {source or a.title or a.id}"]
    info = [f"id {a.id}"]
    if a.encoding:
        info.append(f"encoding {a.encoding}")
    anchor = doc.meta.get("anchor")
    if anchor:
        info.append(f"dates resolved against {anchor['date']} ({anchor['source']})")
    head.append("  " + " · ".join(info))
    groups = [g for g in doc.spans if doc.spans[g]]
    lines = head + [""] + _highlight(doc, color, groups)
    for name in groups:
        section = _SECTIONS.get(name, lambda spans, text, n=name: _table(n, spans, text))
        lines += [""] + section(doc.spans[name], doc.text)
    for f in doc.failures:
        lines.append(f"! stage {f.stage} failed ({f.code}): {f.message}")
    return "\n".join(lines) + "\n"
