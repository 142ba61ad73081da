"""A guard against hangs for tests of inputs that once took minutes or never finished (issue 13).

Not a speed test (speed is measured in ``benchmarks/``): the limit is far above any correct run on a
busy shared machine, and each guarded input is sized so that the old quadratic or exponential code
needs many times the limit. A hang becomes a failure instead of a suite that never ends.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["HANG_LIMIT", "Hang", "no_hang"]

HANG_LIMIT = 30  # seconds


class Hang(Exception):
    """A guarded block ran past its limit: what should finish at once did not."""


@contextmanager
def no_hang(seconds: int = HANG_LIMIT, what: str = "the block") -> Iterator[None]:
    """Fail with :class:`Hang` when the block runs past ``seconds`` (SIGALRM; unguarded where absent)."""
    if not hasattr(signal, "SIGALRM"):  # pragma: no cover - Windows
        yield
        return

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"{what} ran past {seconds} s: a hang (issue 13) is back")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
