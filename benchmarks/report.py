"""Shared by the benchmark scripts: write one section of docs/benchmarks.md; the ANT texts
and the peak memory that several of them measure.

Each script owns a section delimited by ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``
and rewrites only that section, so scripts can be rerun in any order.
"""

from __future__ import annotations

import platform
import re
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
SHARED_DATA = ROOT.parent / "shared" / "data"
HEADER = """# Benchmarks

Every figure here was produced by a script in `benchmarks/`; each section names the command
that produced it, the machine and the commit, so anyone can rerun it. Speed is compared side by
side in one run against a baseline, since shared machines are noisy: read the ratios first.
"""


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
        cpu = model
    except (OSError, StopIteration):
        pass
    return f"{cpu}, Python {platform.python_version()}, {platform.system()}"


def commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                             capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def write_section(name: str, body: str) -> None:
    """Replace (or append) the section ``name`` of docs/benchmarks.md with ``body``."""
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else HEADER
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{body.strip()}\n\n_Machine: {machine()}; commit {commit()}._\n{end}"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")


def require_shared(what: str) -> Path:
    if not SHARED_DATA.exists():
        sys.exit(f"{what}: ../shared/data is absent (see docs/benchmarks.md); nothing measured")
    return SHARED_DATA


def peak_rss_mb() -> float:
    """This process's peak resident memory, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ant_texts(limit: int, what: str) -> list[str]:
    """The ``<TEXT>`` bodies of the first ``limit`` ANT articles (files in path order)."""
    field = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
    files = sorted((require_shared(what) / "news" / "ant").rglob("*.txt"))
    texts: list[str] = []
    for f in files:
        texts += [t.strip() for t in field.findall(f.read_text(encoding="utf-8")) if t.strip()]
        if len(texts) >= limit:
            break
    return texts[:limit]
