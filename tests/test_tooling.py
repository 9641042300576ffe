"""The linters run with the tests: ruff (its rule set in pyproject.toml) on quotes/ and tests/, mypy on quotes/."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("command", [["ruff", "check", "quotes", "tests"], ["mypy", "quotes"]], ids=lambda c: c[0])
def test_clean(command: list[str]) -> None:
    """No finding (both are in the test extra: pip install -e '.[test]')."""
    done = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
