"""Timing helpers shared by the benchmark scripts: medians and ratio tables."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_time(func: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``func`` in seconds over ``repeat`` runs, after one warm-up run."""
    func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def table(title: str, baseline: tuple[str, float], rows: list[tuple[str, float]]) -> None:
    """Print measurements as milliseconds and as a ratio to ``baseline``."""
    name, base = baseline
    print(f"\n{title}")
    print(f"  {'measurement':<46} {'median ms':>10} {'ratio':>8}")
    for label, seconds in [baseline, *rows]:
        ratio = seconds / base if base else float("nan")
        mark = "  (baseline)" if label == name else ""
        print(f"  {label:<46} {seconds * 1000:>10.2f} {ratio:>7.2f}x{mark}")
