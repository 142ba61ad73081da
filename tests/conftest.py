"""Suite-wide checks and shared test settings: Dutch CLI output, hypothesis profiles, a hang guard.

Hypothesis profiles (``python -m pytest --hypothesis-profile=NAME``):

* ``default`` — the normal run: a modest number of examples, no deadline (the machine is shared);
* ``fuzz`` — long runs of the fuzz suite (``tests/test_fuzz.py``): 20,000 examples per property;
* ``ci`` — like default, derandomised so a CI failure reproduces. It is the profile whenever the
  environment has ``CI`` set (``.ci/run`` sets it), so CI runs the README's command unchanged and a change
  cannot turn main red by drawing a new example; new examples are drawn by the normal local run and by
  ``fuzz``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner, Result
from dutch_output import english_in
from hang import no_hang
from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("default"), derandomize=True)
settings.register_profile("fuzz", parent=settings.get_profile("default"), max_examples=20_000)
settings.load_profile("ci" if os.environ.get("CI") else "default")

HANG_LIMIT = 120  # seconds, for whole hardening tests: far above any correct run on a busy machine, far below "forever"


@pytest.fixture(autouse=True)
def _cli_output_is_dutch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every command run through CliRunner anywhere in the suite prints no English (issue 12)."""
    original = CliRunner.invoke

    def invoke(self: CliRunner, *args: Any, **kwargs: Any) -> Result:
        result = original(self, *args, **kwargs)
        found = english_in(result.output)
        if found:
            pytest.fail(f"English in the output of {args[1:2]}: {found}\n{result.output[-2000:]}", pytrace=False)
        return result

    monkeypatch.setattr(CliRunner, "invoke", invoke)
    yield


@pytest.fixture
def hang_guard() -> Iterator[None]:
    """Fail (instead of hanging the suite) when a test runs past HANG_LIMIT seconds.

    Not a speed test: the inputs are chosen so a regression takes minutes or forever.
    """
    with no_hang(HANG_LIMIT, "the test"):
        yield
