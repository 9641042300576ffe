"""Corpus mode through the real CLI and bundled models: kill -9 mid-run, resume, every document once."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CORPORA

pytestmark = pytest.mark.integration


def test_real_run_killed_and_resumed(tmp_path: Path) -> None:
    """`quotes DIR --output F` killed with SIGKILL after two documents, then `--resume`, ends complete.

    ``--batch-words 100`` makes each of these short articles a batch of its own, so that lines come one at a time.
    """
    articles = tmp_path / "articles"
    articles.mkdir()
    for path in sorted(CORPORA.glob("*.txt")):
        shutil.copy(path, articles / path.name)
    output = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "quotes", str(articles), "--output", str(output), "--batch-words", "100"]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        if output.exists() and output.read_bytes().count(b"\n") >= 2:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    done_before = output.read_bytes().count(b"\n")
    assert 2 <= done_before < 7

    subprocess.run([*command, "--resume"], check=True, timeout=600, stderr=subprocess.DEVNULL)

    lines = output.read_text(encoding="utf-8").splitlines()
    documents = [Path(json.loads(line)["document"]).name for line in lines]
    assert sorted(documents) == sorted(p.name for p in CORPORA.glob("*.txt"))
    assert all("error" not in json.loads(line) for line in lines)
