"""Suite-wide checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner, Result
from dutch_output import english_in


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
