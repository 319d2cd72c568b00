"""Running the tasks of a batch: in this process (``local``) or on a Dask cluster (``dask``).

The output directory holds one Parquet part file per task that produced Docs
(``part-00042.parquet``), ``_failures.jsonl`` (each input that could not be read, with the
reason) and ``_manifest.json`` (stages, counts, timings). Part files are written atomically
and a task whose part file already exists is skipped, so a batch that was stopped can be run
again to finish the job; ``marsad ingest OUT_DIR`` loads the Docs without analysing again.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from marsad.batch.tasks import Task, TaskResult, plan, run_task
from marsad.errors import ConfigError

ENGINES = ("local", "dask")


@dataclass
class BatchReport:
    tasks: int = 0
    skipped: int = 0
    articles: int = 0
    failures: int = 0
    stage_failures: int = 0
    tokens: int = 0
    seconds: float = 0.0
    workers: int = 0
    engine: str = "local"
    results: list[TaskResult] = field(default_factory=list)

    def add(self, r: TaskResult) -> None:
        self.results.append(r)
        self.articles += r.articles
        self.failures += len(r.failures)
        self.stage_failures += r.stage_failures
        self.tokens += r.tokens


def run_batch(
    inputs: Sequence[str],
    out_dir: str,
    *,
    engine: str = "dask",
    scheduler: str | None = None,
    workers: int = 2,
    stages: Sequence[str] | None = None,
    files_per_task: int | None = None,
    options: Any = None,
    progress: Callable[[TaskResult], None] | None = None,
    client: Any = None,
) -> BatchReport:
    """Analyse ``inputs`` into Parquet under ``out_dir`` (see the module docstring).

    With ``engine="dask"``: ``client`` (a ``distributed.Client``) if given, else one connected
    to ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``), else a ``LocalCluster`` of
    ``workers`` single-threaded processes that is closed at the end.
    """
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    kwargs = {"files_per_task": files_per_task} if files_per_task else {}
    tasks = plan(inputs, **kwargs)
    todo = [t for t in tasks if not (out / f"{t.name}.parquet").exists()]
    report = BatchReport(tasks=len(tasks), skipped=len(tasks) - len(todo), engine=engine)
    t0 = time.perf_counter()
    runner = _run_local if engine == "local" else _run_dask
    for result in runner(todo, str(out), stages, options, scheduler, workers, client, report):
        report.add(result)
        if progress:
            progress(result)
    report.seconds = time.perf_counter() - t0
    _write_outputs(out, report, stages, inputs)
    return report


def _run_local(tasks: list[Task], out: str, stages: Any, options: Any, scheduler: Any,
               workers: int, client: Any, report: BatchReport) -> Any:
    report.workers = 1
    for task in tasks:
        yield run_task(task, out, stages, options)


def _run_dask(tasks: list[Task], out: str, stages: Any, options: Any, scheduler: str | None,
              workers: int, client: Any, report: BatchReport) -> Any:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ConfigError("the dask engine needs the dask extra: pip install 'marsad[dask]'") from None
    own: list[Any] = []
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
            own.append(cluster)
        own.insert(0, client)
    try:
        report.workers = len(client.scheduler_info().get("workers", {}))
        futures = [client.submit(run_task, t, out, stages, options, key=f"marsad-{t.name}-{time.time_ns()}",
                                 pure=False) for t in tasks]
        for future in as_completed(futures):
            yield future.result()
    finally:
        for thing in own:
            thing.close()


def _write_outputs(out: Path, report: BatchReport, stages: Any, inputs: Sequence[str]) -> None:
    with (out / "_failures.jsonl").open("a", encoding="utf-8") as f:
        for r in report.results:
            for failure in r.failures:
                f.write(json.dumps({"task": r.task, **failure}, ensure_ascii=False) + "\n")
    manifest = {k: v for k, v in asdict(report).items() if k != "results"}
    manifest["stages"] = list(stages) if stages else None
    manifest["inputs"] = list(inputs)
    manifest["parts"] = sorted(p.name for p in out.glob("part-*.parquet"))
    (out / "_manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2),
                                        encoding="utf-8")
