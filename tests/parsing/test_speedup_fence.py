"""The fence around the speed-ups: a replacement that no longer fits its dependency is switched off, never a crash."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

from quotes.parsing import speedups
from quotes.parsing.speedups import SpeedUp, Target
from tests.conftest import CORPORA


def _fake_module(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    module = types.ModuleType("quotes_fake_dependency")

    def work(text: str, limit: int) -> str:
        return text[:limit]

    module.work = work  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    return module


@pytest.fixture
def clean_register() -> Iterator[None]:
    """No speed-up state leaks into or out of a test."""
    saved = dict(speedups._disabled)
    yield
    for name in list(speedups._originals):
        if name not in {s.name for s in speedups.REGISTRY}:
            speedups.uninstall(name)
    speedups._disabled.clear()
    speedups._disabled.update(saved)


@pytest.mark.usefixtures("clean_register")
class TestChecks:
    def test_a_changed_signature_is_reported(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A replaced function that takes other parameters than the speed-up was written for fails the check."""
        _fake_module(monkeypatch)
        speedup = SpeedUp("fake", "x", lambda: None, (Target("quotes_fake_dependency", "work", ("text", "max")),), "t")
        reason = speedups.check(speedup)
        assert reason is not None and "takes (text, limit), not (text, max)" in reason

    def test_a_missing_attribute_is_reported(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A private function that was removed or renamed fails the check."""
        _fake_module(monkeypatch)
        speedup = SpeedUp("fake", "x", lambda: None, (Target("quotes_fake_dependency", "gone"),), "t")
        assert speedups.check(speedup) == "quotes_fake_dependency.gone is missing"

    def test_every_registered_speedup_fits_the_installed_dependencies(self) -> None:
        """The tested versions are installed here, so every check passes."""
        assert {s.name: speedups.check(s) for s in speedups.REGISTRY} == {s.name: None for s in speedups.REGISTRY}

    def test_a_failing_install_restores_the_original_and_warns_once(
            self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        """An install that raises half-way leaves the dependency as it was and prints one line."""
        module = _fake_module(monkeypatch)
        original = module.work

        def half_install() -> None:
            module.work = lambda text, limit: text  # type: ignore[attr-defined]
            raise AttributeError("'Trainer' object has no attribute 'vocab'\nmore detail")

        speedup = SpeedUp("fake", "x", half_install, (Target("quotes_fake_dependency", "work"),), "t")
        assert speedups.install(speedup) is False
        assert module.work is original
        speedups.disable("fake", "again")
        err = capsys.readouterr().err
        assert err == ("quotes: speed-up 'fake' disabled (installing it failed: AttributeError: 'Trainer' object "
                       "has no attribute 'vocab'); results are the same, slower\n")

    def test_uninstall_puts_the_original_back(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Switching a speed-up off restores every attribute it overwrote."""
        module = _fake_module(monkeypatch)
        original = module.work

        def install() -> None:
            module.work = lambda text, limit: text  # type: ignore[attr-defined]

        speedup = SpeedUp("fake", "x", install, (Target("quotes_fake_dependency", "work"),), "t")
        assert speedups.install(speedup) and module.work is not original
        speedups.uninstall("fake")
        assert module.work is original

    def test_the_environment_variable_switches_all_off(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """QUOTES_NO_SPEEDUPS=1 installs nothing and removes what was installed."""
        monkeypatch.setenv(speedups.DISABLE_ENV, "1")
        assert speedups.switched_off_by_user()
        monkeypatch.setenv(speedups.DISABLE_ENV, "0")
        assert not speedups.switched_off_by_user()


def _rows(article: Any) -> list[tuple[Any, ...]]:
    return [(a.kind, a.content.start, a.content.end, a.cue.span.text if a.cue else None,
             a.speaker.name if a.speaker else None) for a in article.attributions]


def _raiser(*args: Any, **kwargs: Any) -> Any:
    raise TypeError("simulated change in a private API")


@pytest.fixture(scope="module")
def showcase() -> str:
    return (CORPORA / "showcase.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def expected(extractor: Any, showcase: str) -> list[tuple[Any, ...]]:
    return _rows(extractor.extract(showcase))


@pytest.fixture
def restore_speedups() -> Iterator[None]:
    """After a test that broke speed-ups, install them again as the pipeline does, for the tests after it."""
    yield
    from quotes.parsing.pipeline import _install_speedups
    from quotes.parsing.speedups import encoder_cache

    speedups.reset()
    _install_speedups(encoder_cache.native_bf16())


@pytest.mark.integration
@pytest.mark.usefixtures("restore_speedups")
class TestBrokenSpeedups:
    @pytest.mark.parametrize("name", [s.name for s in speedups.REGISTRY])
    def test_a_broken_speedup_is_switched_off_and_the_results_stay(
            self, name: str, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str],
            showcase: str, expected: list[tuple[Any, ...]]) -> None:
        """A speed-up whose replacement raises is found by the probe, disabled with one line, and the showcase's
        attributions come out the same through Stanza's own code."""
        from quotes.extractor import Extractor

        speedup = speedups.by_name(name)

        def broken_install() -> None:
            speedup.install()
            for target in speedup.targets:
                setattr(target.owner(), target.name, _raiser)

        speedups.reset()
        registry = tuple(attrs.evolve(s, install=broken_install) if s.name == name else s for s in speedups.REGISTRY)
        monkeypatch.setattr(speedups, "REGISTRY", registry)
        capfd.readouterr()
        rows = _rows(Extractor(method="rules").extract(showcase))
        err = capfd.readouterr().err
        assert f"quotes: speed-up '{name}' disabled (a probe sentence failed: TypeError: simulated change" in err
        assert err.count("quotes: speed-up") == 1 and "Traceback" not in err
        assert name not in speedups.active() and len(speedups.active()) == len(registry) - 1
        assert rows == expected

    def test_a_failure_after_the_probe_falls_back_for_that_text(
            self, capfd: pytest.CaptureFixture[str], showcase: str, expected: list[tuple[Any, ...]]) -> None:
        """A speed-up that breaks only on a real text switches all of them off and the text is parsed again."""
        from quotes.extractor import Extractor

        extractor = Extractor(method="rules")
        target = speedups.by_name("tokenizer_windows").targets[0]
        setattr(target.owner(), target.name, _raiser)
        capfd.readouterr()
        rows = _rows(extractor.extract(showcase))
        err = capfd.readouterr().err
        assert "quotes: speed-up 'tokenizer_windows' disabled (the pipeline failed with speed-ups on" in err
        assert "Traceback" not in err and speedups.active() == []
        assert rows == expected

    def test_no_speedups_gives_the_same_attributions(
            self, monkeypatch: pytest.MonkeyPatch, showcase: str, expected: list[tuple[Any, ...]]) -> None:
        """With QUOTES_NO_SPEEDUPS set, Stanza's own code runs everywhere and the attributions are the same."""
        from quotes.extractor import Extractor

        monkeypatch.setenv(speedups.DISABLE_ENV, "1")
        speedups.reset()
        extractor = Extractor(method="rules")
        assert speedups.active() == []
        assert _rows(extractor.extract(showcase)) == expected


@pytest.mark.integration
def test_a_long_url_is_one_token_with_its_own_text(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """`quotes parse` prints a 300-character URL as one token whose form is the URL, not Stanza's <UNK>."""
    from quotes.app.cli import main

    url = "https://example.org/reports/" + "a1b2c3d4e5" * 28
    text = f"His work is at {url} and nowhere else. The minister said it was fine.\n"
    path = tmp_path / "url.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["parse", str(path)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines() if line and not line.startswith("#")]
    forms = [row[1] for row in rows]
    assert url in forms and "<UNK>" not in forms
    row = rows[forms.index(url)]
    start, end = (int(part.split("=")[1]) for part in row[9].split("|")[:2])
    assert text[start:end] == url
