"""The suite's time budget, so that adding a slow test is a visible decision (issue 23).

* A test may take ``DEFAULT_TEST_S`` (setup, call and teardown together) unless it is marked
  ``@pytest.mark.budget(seconds, "reason")``. Shared fixtures (session, package, module or class
  scope) are charged to themselves, not to whichever test happened to need them first, and have
  ``DEFAULT_TEST_S`` too.
* The whole suite (the README's command, or the inner loop ``-m "not slow"``) has a budget as well,
  with a margin ``SUITE_MARGIN`` for a slower machine.
* On CI (``$CI`` set) a test over its budget fails at teardown, saying by how much, and a fixture or
  the suite over budget fails the run. Elsewhere (a laptop doing other work, the CPU-bound neighbour
  of the timing check) overruns are listed, not failed: times there say little about the tests.
* After every run, the five most expensive tests and fixtures are printed with their budgets, and
  each worker's busy time (the suite lasts as long as the busiest worker).

Why wall time and not CPU time: wall time is what every later change pays for, and most of the
expensive work happens in child processes (engines, browsers, Ray workers) that a test's own CPU
time would not show. Under xdist the measurement is made on the worker that ran the test and
travels to the controller in the report's ``user_properties``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import pytest

DEFAULT_TEST_S = 60.0
#: the README's whole command, and the inner loop, on a 2-core machine with nothing else running:
#: what they take now (issue 23's targets, reached), so that from here a slower suite is a
#: failure, not a drift
#: (issue 26 added its corruption matrix, 179 cases, the viewer's 10,000-path property test and a test
#: per hardened defect: a fresh-clone CI suite went 384 -> 442 s; 360 -> 400 s, a decision, not a drift)
#: (issue 27: every command the README lists now runs in a test, 20 tests of experiments and CLI
#: options that ran nowhere (about 75 s of one worker), plus the records, API and migration tests:
#: 400 -> 520 s, a decision the issue asked for; the inner loop keeps its 90 s)
SUITE_S = {"": 520.0, "not slow": 90.0}
SUITE_MARGIN = 0.25  # CI fails beyond budget x (1 + margin): a loaded or slower CI machine is not a regression
SHARED_SCOPES = ("session", "package", "module", "class")
KEY = "engram-budget"


def budget_of(item: pytest.Item) -> tuple[float, str]:
    """The item's budget and why it has it (a mark without a reason is refused: the reason is the point)."""
    mark = item.get_closest_marker("budget")
    if mark is None:
        return DEFAULT_TEST_S, ""
    seconds = mark.args[0] if mark.args else mark.kwargs.get("seconds")
    reason = mark.args[1] if len(mark.args) > 1 else mark.kwargs.get("reason", "")
    if not isinstance(seconds, int | float) or seconds <= 0 or not str(reason).strip():
        raise pytest.UsageError(f"{item.nodeid}: use @pytest.mark.budget(seconds, reason), not {mark}")
    return float(seconds), str(reason)


@dataclass
class Spent:
    """One test's phases, less the shared fixtures it set up."""

    phases: float = 0.0
    shared: float = 0.0


class Budget:
    """The plugin: measures on whichever process runs tests, judges the suite on the controller."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.spent: dict[str, Spent] = {}
        self.tests: list[tuple[float, float, str, str]] = []  # (seconds, budget, reason, nodeid)
        self.fixtures: dict[str, float] = {}  # shared fixture -> its longest setup, on any worker
        self.busy: dict[str, float] = {}  # xdist worker -> seconds of tests and fixtures it ran
        self.started = time.monotonic()
        self.current: str | None = None
        self.pending_fixtures: list[tuple[str, float]] = []  # shared fixtures the current test set up

    # -- on the process that runs the test ------------------------------------------------------
    @pytest.hookimpl(hookwrapper=True)
    def pytest_fixture_setup(self, fixturedef: pytest.FixtureDef[Any], request: pytest.FixtureRequest) -> Generator:
        t0 = time.monotonic()
        yield
        if fixturedef.scope in SHARED_SCOPES and self.current is not None:
            took = time.monotonic() - t0
            self.spent[self.current].shared += took
            name = f"{fixturedef.argname} ({fixturedef.scope})"
            self.pending_fixtures.append((name, took))

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None) -> Generator:
        self.current = item.nodeid
        self.spent[item.nodeid] = Spent()
        self.pending_fixtures = []
        yield
        self.current = None
        self.spent.pop(item.nodeid, None)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Generator:
        outcome = yield
        report: pytest.TestReport = outcome.get_result()
        spent = self.spent.get(item.nodeid)
        if spent is None:
            return
        spent.phases += call.duration
        if call.when != "teardown":
            return
        budget, reason = budget_of(item)
        seconds = max(0.0, spent.phases - spent.shared)
        report.user_properties.append((KEY, {"seconds": seconds, "budget": budget, "reason": reason,
                                             "fixtures": self.pending_fixtures}))  # fmt: skip
        if seconds > budget and report.outcome == "passed" and os.environ.get("CI"):
            report.outcome = "failed"
            report.longrepr = (
                f"{item.nodeid} took {seconds:.1f} s, over its budget of {budget:g} s "
                f"({'marked: ' + reason if reason else 'the default for a test'}). Make it cheaper, or mark it "
                "@pytest.mark.budget(seconds, reason) if what it proves needs the time."
            )

    # -- on the controller (or the only process) ------------------------------------------------
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        for key, value in report.user_properties:
            if key == KEY:
                self.tests.append((value["seconds"], value["budget"], value["reason"], report.nodeid))
                worker = getattr(getattr(getattr(report, "node", None), "gateway", None), "id", "main")
                spent = value["seconds"] + sum(took for _, took in value["fixtures"])
                self.busy[worker] = self.busy.get(worker, 0.0) + spent
                for name, took in value["fixtures"]:
                    self.fixtures[name] = max(self.fixtures.get(name, 0.0), took)

    def suite_budget(self) -> float | None:
        """The budget of this run, if it is one of the runs that have one: the whole suite as the
        README runs it, or the inner loop."""
        if self.config.args_source != pytest.Config.ArgsSource.TESTPATHS or self.config.getoption("keyword"):
            return None
        return SUITE_S.get(self.config.getoption("markexpr") or "")

    def overruns(self) -> list[str]:
        """What went over budget; on CI each one fails the run."""
        out = [f"shared fixture {name} took {took:.1f} s, over {DEFAULT_TEST_S:g} s"
               for name, took in self.fixtures.items() if took > DEFAULT_TEST_S]  # fmt: skip
        out += [f"{nodeid} took {seconds:.1f} s, over {limit:g} s" for seconds, limit, _, nodeid in self.tests
                if seconds > limit]  # fmt: skip
        budget = self.suite_budget()
        wall = time.monotonic() - self.started
        if budget is not None and wall > budget * (1 + SUITE_MARGIN):
            out.append(f"the suite took {wall:.0f} s, over its budget of {budget:g} s by more than "
                       f"{SUITE_MARGIN:.0%}")  # fmt: skip
        return out

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if hasattr(self.config, "workerinput") or not self.tests:
            return
        write = terminalreporter.write_line
        terminalreporter.section("time budget")
        budget = self.suite_budget()
        wall = time.monotonic() - self.started
        write(f"suite: {wall:.0f} s" + (f" of {budget:g} s (CI fails beyond +{SUITE_MARGIN:.0%})" if budget else ""))
        # How evenly the workers were loaded: the suite lasts as long as the busiest one.
        write("busy: " + ", ".join(f"{w} {s:.0f} s" for w, s in sorted(self.busy.items())))
        for seconds, limit, reason, nodeid in sorted(self.tests, reverse=True)[:5]:
            write(f"{seconds:7.1f} s of {limit:4g} s  {nodeid}" + (f"  [{reason}]" if reason else ""))
        for name, took in sorted(self.fixtures.items(), key=lambda kv: -kv[1])[:5]:
            write(f"{took:7.1f} s of {DEFAULT_TEST_S:4g} s  fixture {name}")
        enforced = bool(os.environ.get("CI"))
        for problem in self.overruns():
            write(f"OVER BUDGET{'' if enforced else ' (fails on CI)'}: {problem}", red=True, bold=True)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if hasattr(self.config, "workerinput") or not os.environ.get("CI"):
            return
        if self.overruns() and session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
