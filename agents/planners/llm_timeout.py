"""How long to wait for one model answer, sized from how long this model has taken.

Why: one fixed timeout cannot fit every server. A hosted model answers in a second or two; a small
model on two CPU cores took 3-7 s per call here, and 41 s for its worst one, against a default of
60 s. A generous fixed timeout makes a dead server cost minutes per step; a tight one cuts off a slow
but healthy one, and the client's retries then repeat the same doomed wait.

So, unless the user gives ``--llm-timeout``, the planner starts with a long wait (the first call may
also load the model) and after each answer waits ``factor`` times the slowest answer seen so far,
never less than ``floor`` nor more than ``ceiling``. A call that timed out doubles the wait for the
next, so a server that became slower is not cut off forever. Cached answers say nothing about the
server and are not measured.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class LatencyTimeout:
    """Seconds to allow the next call: fixed when ``fixed`` is set, else sized from measured latency."""

    fixed: float | None = None
    first: float = 300.0  # before any answer: a CPU server's first call may load and warm the model
    floor: float = 30.0
    ceiling: float = 600.0
    factor: float = 4.0
    slowest: float = 0.0  # the slowest answer so far (seconds)
    _current: float = 0.0

    def __post_init__(self) -> None:
        if self.fixed is not None and self.fixed <= 0:
            raise ValueError(f"a timeout must be positive, not {self.fixed}")
        self._current = self.fixed if self.fixed is not None else self.first

    def current(self) -> float:
        return self._current

    def answered(self, latency_s: float) -> None:
        """A fresh answer took ``latency_s``."""
        if self.fixed is not None:
            return
        self.slowest = max(self.slowest, latency_s)
        self._current = min(self.ceiling, max(self.floor, self.factor * self.slowest))

    def timed_out(self) -> None:
        if self.fixed is None:
            self._current = min(self.ceiling, 2 * self._current)
