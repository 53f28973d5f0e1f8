"""Prove games solvable with ALFWorld's planner expert, in a separate process.

Why a subprocess: FastDownward, which the engine uses to translate and plan, terminates the whole
Python process on a malformed problem instead of raising. So games are checked by a worker process
that reads one JSON request per line on stdin and answers one JSON line on stdout. When the worker dies,
the game it was checking is rejected with the exit status and the tail of its stderr, and a fresh
worker takes the next game: the caller (the generator, or ``engram validate``) survives.

Run as ``python -m engram.envs.household.solver`` to start a worker by hand.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import IO, Any, TypedDict

#: A game whose planning takes longer than this is rejected (ALFWorld resets take seconds, not minutes).
DEFAULT_TIMEOUT_S = 120.0


@dataclass
class Verdict:
    game: str
    ok: bool
    error: str = ""
    walkthrough: list[str] = field(default_factory=list)
    final_facts: list[list[str]] = field(default_factory=list)
    seconds: float = 0.0
    written: bool = False  # the verdict was recorded in the game file (``validate_games``)


class Answer(TypedDict, total=False):
    """The worker's answer to one request (one JSON line): ``ok``, and ``error`` when not."""

    game: str
    ok: bool
    error: str
    walkthrough: list[str]
    final_facts: list[list[str]]  # the engine's final PDDL facts, [name, arg, ...]
    seconds: float


def _engine(expert: bool) -> Any:
    import textworld
    from alfworld.agents.environment.alfred_tw_env import AlfredDemangler, AlfredExpert, AlfredInfos
    from textworld.envs import PddlEnv

    from engram.envs import tw_speedup

    tw_speedup.install()
    infos = textworld.EnvInfos(admissible_commands=True, won=True, policy_commands=expert, extras=["gamefile"])
    env = AlfredInfos(AlfredDemangler(PddlEnv(infos)))
    # Passed by keyword: alfworld's own AlfredTWEnv passes it positionally and always gets "handcoded".
    return AlfredExpert(env, expert_type="planner") if expert else env


def check_in_process(game: str, plan_with: str | None = None) -> Answer:
    """Ask ALFWorld's planner expert for a plan, execute it on ``game`` in the real engine, check the goal.

    ``plan_with`` is an optional projection of the same task (see ``problem_text(relevant_only=True)``)
    for the planner to search instead of the full game; the plan is still executed on the full game,
    so a success proves the full game solvable. Runs inside the worker and may kill the process on
    malformed PDDL (that is why it is a worker).
    """
    start = time.perf_counter()
    planner = _engine(expert=True)
    try:
        planner.load(plan_with or game)
        plan = list(planner.reset()["extra.expert_plan"] or [])
    except Exception as exc:  # the engine's parse/translate errors: a malformed problem, not our bug
        return {"ok": False, "error": f"the engine could not load the problem: {type(exc).__name__}: {exc}"}
    if not plan:
        return {"ok": False, "error": "the planner found no plan from the initial state", "walkthrough": []}
    env = planner if plan_with is None else _engine(expert=False)
    if plan_with is not None:
        env.load(game)
    state = env.reset()
    done = False
    for command in plan:
        state, _, done = env.step(command)
        if state.feedback.strip() == "Nothing happens.":
            return {"ok": False, "error": f"planner step {command!r} had no effect", "walkthrough": plan}
    if not (done and state["won"]):
        return {"ok": False, "error": "executing the plan did not reach the goal", "walkthrough": plan}
    facts = [[p.name, *(v.name for v in p.arguments)] for p in state["_facts"]]
    return {
        "ok": True,
        "walkthrough": plan,
        "final_facts": facts,
        "seconds": time.perf_counter() - start,
    }


def _worker_main() -> None:
    # Keep stdout for protocol lines only: the engine and alfworld print progress chatter.
    proto = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        game = request["game"]
        answer: Answer
        try:
            answer = check_in_process(game, request.get("plan_with"))
        except Exception as exc:  # the engine's errors are the verdict, not a crash of ours
            answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        answer["game"] = game
        proto.write(json.dumps(answer) + "\n")


class Solver:
    """A restartable worker process; use as a context manager."""

    def __init__(self, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self.timeout_s = timeout_s
        self._proc: subprocess.Popen[str] | None = None
        self._stderr: IO[str] | None = None

    def __enter__(self) -> Solver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> subprocess.Popen[str]:
        if self._proc is None or self._proc.poll() is not None:
            self._stderr = tempfile.TemporaryFile("w+")  # noqa: SIM115 - lives as long as the worker
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "engram.envs.household.solver"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                text=True,
                bufsize=1,
            )
        return self._proc

    def _stderr_tail(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        lines = [ln.rstrip() for ln in self._stderr.read().splitlines() if ln.strip()]
        return " | ".join(lines[-4:])

    def check(self, game: str, plan_with: str | None = None) -> Verdict:
        proc = self._start()
        assert proc.stdin is not None and proc.stdout is not None
        start = time.perf_counter()
        request = {"game": os.path.abspath(game), "plan_with": plan_with and os.path.abspath(plan_with)}
        proc.stdin.write(json.dumps(request) + "\n")
        proc.stdin.flush()
        line = _readline_with_timeout(proc, self.timeout_s)
        seconds = time.perf_counter() - start
        if line is None:
            self.close()
            return Verdict(
                game,
                False,
                f"planner timed out after {self.timeout_s:g} s, so solvability is unknown "
                "(engram validate --timeout gives it longer)",
                seconds=seconds,
            )
        if not line:
            code = proc.wait()
            tail = self._stderr_tail()
            self._proc = None
            return Verdict(
                game,
                False,
                f"the engine process exited with status {code} (malformed problem?): {tail}",
                seconds=seconds,
            )
        data = json.loads(line)
        return Verdict(
            game,
            bool(data["ok"]),
            data.get("error", ""),
            data.get("walkthrough", []),
            data.get("final_facts", []),
            seconds,
        )

    def close(self) -> None:
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.kill()
            self._proc.wait()
            for stream in (self._proc.stdin, self._proc.stdout):
                if stream is not None:
                    stream.close()
            self._proc = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None


def _readline_with_timeout(proc: subprocess.Popen[str], timeout_s: float) -> str | None:
    import selectors

    assert proc.stdout is not None
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout_s):
            return None
    return proc.stdout.readline()


if __name__ == "__main__":
    _worker_main()
