"""What several commands share: the ``--stages`` list and the progress bar on stderr."""

from __future__ import annotations

from collections.abc import Callable


def stage_list(value: str | None) -> list[str] | None:
    """The stage names of a ``--stages a,b,c`` option (None: the default stages)."""
    if not value:
        return None
    return [s.strip() for s in value.split(",") if s.strip()]


def progress_bar(enabled: bool, description: str,
                 total: int | None = None) -> Callable[[int | None], None]:
    """A transient progress bar on stderr: call the function returned with the number of
    items done since the last call, and with None at the end. With a ``total`` it is a bar,
    without one a spinner and a count. Disabled: a function that does nothing."""
    if not enabled:
        return lambda _n: None
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

    console = Console(stderr=True)
    bar = (Progress(console=console, transient=True) if total is not None else
           Progress(SpinnerColumn(), description, MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console, transient=True))
    bar.start()
    task = bar.add_task(description, total=total)

    def step(n: int | None) -> None:
        if n is None:
            bar.stop()
        else:
            bar.advance(task, n)

    return step
