"""Fuzz the LLM path: thousands of random and malformed completions, through the real stack.

A scripted loopback server answers every request of real episodes (the real ``openai`` client, real
HTTP, the LangGraph controller, the real ALFWorld engine, memory on) with a completion drawn from
a catalogue of what models and servers get wrong: truncated or nested JSON, wrong types, prose,
commands in the wrong dialect or not admissible at all, tool calls with broken arguments, skill
calls with bad arguments, unicode junk, huge answers, empty answers, bodies that are not JSON,
responses without choices, 429 and 500. A tenth of the answers are valid, so episodes move.

Measured: **crashes** (an exception out of the run, or an episode without a result) and
**non-admissible** decisions (an action outside the observation's admissible list, whether the
controller executed it or refused it). Both must be 0. Reported too: how decisions came about
(ok, repaired, re-asked, fallback).

    python -m engram.experiments.fuzz_llm_outputs --cases 10000 [--limit N: the first N bundled games]

Final line: ``fuzz: cases=N crashes=C non_admissible=K``.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

from engram.agents.planners.llm import LLMConfig
from engram.agents.rundir import RunDir
from engram.agents.runner import run_games
from engram.agents.spec import RunSpec
from engram.envs.alfworld import find_games
from engram.tools.cli import default_games
from engram.tools.llm_server import Reply, ScriptedLLMServer, prompt_admissible

WORDS = [
    "the",
    "go",
    "to",
    "fridge",
    "look",
    "open",
    "take",
    "apple",
    "cabinet",
    "put",
    "in",
    "on",
    "drawer",
    "sure",
    "here",
    "is",
    "my",
    "answer",
    "json",
    "action",
]
BAD_TOOL_ARGS = ["{", "[]", '"look"', '{"action": 5}', '{"act": "look"}', "null"]
BAD_SKILL_NAMES = ["fetch {obj} from {drawer}", "", "x"]
JUNK = ["\x00\x01\x02", "\ud83d\ude00" * 3, "ÿþý", "\u202e\u200b", "{{{{", "]]]]", "\\u0000", "null", "NaN", "🙂"]


def _mangle(command: str, rng: random.Random) -> str:
    """A command as a model might misspell it."""
    choice = rng.randrange(7)
    if choice == 0:
        return command.upper()
    if choice == 1:
        return f"  {command}. "
    if choice == 2 and command.startswith("move "):
        obj, _, target = command[5:].partition(" to ")
        return f"put {obj} {rng.choice(['in', 'on', 'in/on', 'into'])} {target}"
    if choice == 3:
        return command.rsplit(" ", 1)[0] if command[-1].isdigit() else command  # number left out
    if choice == 4:
        i = rng.randrange(len(command))
        return command[:i] + command[i + 1 :]  # a letter dropped
    if choice == 5:
        return command.replace(" ", "  ")
    return f"'{command}'"


def fuzz_reply(request: dict[str, Any], rng: random.Random) -> tuple[str, Reply]:
    """One random completion for ``request`` (the chat request's JSON, as the server received it:
    open), and the name of its kind."""
    admissible = prompt_admissible(request) or ["look"]
    good = rng.choice(admissible)
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30)))
    valid = json.dumps({"action": good, "rationale": words})
    wrong_types: list[Any] = [1, 2.5, None, [good], {"a": good}, True]
    bad_skill_args: list[Any] = [{}, {"obj": 3}, ["a"], {"drawer": good}, {"obj": "pen 1", "drawer": "fridge 1"}]
    kinds = {
        "valid": lambda: Reply(content=valid),
        "mangled": lambda: Reply(content=json.dumps({"action": _mangle(good, rng)})),
        "not_admissible": lambda: Reply(content=json.dumps({"action": words})),
        "truncated_json": lambda: Reply(content=valid[: rng.randrange(1, len(valid))]),
        "prose": lambda: Reply(content=words),
        "prose_with_commands": lambda: Reply(content=f"{words} {good}. Or {rng.choice(admissible)}"),
        "wrong_types": lambda: Reply(content=json.dumps({"action": rng.choice(wrong_types)})),
        "json_not_object": lambda: Reply(content=json.dumps(rng.choice([[good], good, 3, None, [{"action": good}]]))),
        "nested": lambda: Reply(content=json.dumps({"answer": {"action": good}, "x": [1, {"y": None}]})),
        "deep_nesting": lambda: Reply(content="{" * rng.randint(50, 3000) + "}" * rng.randint(0, 3000)),
        "fenced": lambda: Reply(content=f"```json\n{valid}\n```\n{words}"),
        "two_objects": lambda: Reply(content=f'{{"action": "{words}"}} {valid}'),
        "junk": lambda: Reply(content="".join(rng.choice(JUNK) for _ in range(rng.randint(1, 40)))),
        "huge": lambda: Reply(content=json.dumps({"action": good * rng.randint(100, 2000)})),
        "empty": lambda: Reply(content=rng.choice(["", " ", "\n", None])),
        "tool_ok": lambda: Reply(tool_calls=[{"name": "act", "arguments": {"action": good}}]),
        "tool_bad_args": lambda: Reply(tool_calls=[{"name": "act", "arguments": rng.choice(BAD_TOOL_ARGS)}]),
        "tool_unknown": lambda: Reply(tool_calls=[{"name": rng.choice(["shell", "", "ACT"]), "arguments": "{}"}]),
        "skill_bad": lambda: Reply(
            content=json.dumps({"skill": rng.choice(BAD_SKILL_NAMES), "args": rng.choice(bad_skill_args)})
        ),
        "skill_tool_bad": lambda: Reply(tool_calls=[{"name": "use_skill", "arguments": {"name": words, "args": 7}}]),
        "body_not_json": lambda: Reply(body=rng.choice(["<html>bad gateway</html>", "", "{", "[]", "null"])),
        "no_choices": lambda: Reply(body=json.dumps({"id": "x", "object": "chat.completion", "choices": []})),
        "no_message": lambda: Reply(body=json.dumps({"choices": [{"index": 0}], "usage": {"prompt_tokens": "x"}})),
        "http_429": lambda: Reply(status=429, content="rate limited", headers={"retry-after-ms": "1"}),
        "http_500": lambda: Reply(status=500, content="internal error", headers={"retry-after-ms": "1"}),
        "tip": lambda: Reply(content=rng.choice([json.dumps({"tip": words}), json.dumps({"tip": 3}), words])),
        # cut off at the token limit (finish_reason "length"), with or without a complete action
        "cut_off": lambda: Reply(content=valid[: rng.randrange(0, len(valid))], finish_reason="length"),
        "cut_off_after_action": lambda: Reply(
            content=f'{{"action": "{good}", "rationale": "{words}', finish_reason="length"
        ),
        "cut_off_args": lambda: Reply(
            content=f'{{"skill": "x", "args": {{"obj": "{good}"}}, "rationale": "{words}', finish_reason="length"
        ),
        # reasoning models: thinking inline or in its own field, closed or still going
        "think": lambda: Reply(content=f"<think>{words} {rng.choice(admissible)}</think>\n{valid}"),
        "think_unclosed": lambda: Reply(content=f"<think>{words} {good}", finish_reason=rng.choice(["length", "stop"])),
        "reasoning_field": lambda: Reply(content=rng.choice([valid, words, None]), reasoning=f"{words} {good}"),
    }
    # a tenth valid, so that episodes go somewhere; the rest spread over the failure kinds
    kind = "valid" if rng.random() < 0.1 else rng.choice([k for k in kinds if k != "valid"])
    return kind, kinds[kind]()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=10_000, help="completions to serve (at least)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-steps", type=int, default=40)
    ap.add_argument("--memory", default="working,scene,skills")
    ap.add_argument("--formats", default="json,tools,schema", help="answer formats, one per run in turn")
    ap.add_argument("--out", type=Path, default=None, help="keep the runs here (default: a temp dir)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N bundled games per run (default: all)")
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    kinds: Counter[str] = Counter()

    def script(request: dict[str, Any]) -> Reply:  # the chat request's JSON, as received: open
        kind, reply = fuzz_reply(request, rng)
        kinds[kind] += 1
        return reply

    out = args.out or Path(tempfile.mkdtemp(prefix="engram-fuzz-"))
    games = find_games(default_games())[: args.limit]
    crashes, non_admissible, refused, episodes, steps = 0, 0, 0, 0, 0
    outcomes: Counter[str] = Counter()
    t0 = time.perf_counter()
    with ScriptedLLMServer(script) as server:
        formats = args.formats.split(",")
        chunk = 0
        while len(server.requests) < args.cases:
            config = LLMConfig(model="fuzz", base_url=server.url, timeout=5.0, max_retries=0, budget=1500,
                               format=formats[chunk % len(formats)])  # fmt: skip
            run_dir = out / f"run{chunk:03d}"
            try:
                run_games(RunSpec(tuple(map(str, games)), str(run_dir), planner="llm", memory=args.memory,
                                  max_steps=args.max_steps, seed=args.seed + chunk, llm=config))  # fmt: skip
            except Exception:
                crashes += 1
                traceback.print_exc()
            run = RunDir(run_dir)
            for eid in run.episode_ids():
                ep = run.episode(eid)
                episodes += 1
                if not ep.result or ep.initial_observation is None:
                    crashes += 1
                    continue
                offered = ep.initial_observation["admissible"]
                for s in run.steps(eid):
                    steps += 1
                    outcomes[(s.llm or {}).get("outcome", "shortcut")] += 1
                    if s.action not in offered:
                        non_admissible += 1
                        refused += not s.executed
                    offered = s.observation["admissible"]
            chunk += 1
            print(f"  {len(server.requests)} completions served, {episodes} episodes, {steps} steps", flush=True)
        cases = len(server.requests)
    elapsed = time.perf_counter() - t0
    print(f"completion kinds: {json.dumps(dict(sorted(kinds.items())))}")
    print(f"decisions: {json.dumps(dict(sorted(outcomes.items())))} over {steps} steps in {episodes} episodes")
    print(f"non-admissible decisions refused by the controller: {refused}; elapsed {elapsed:.0f} s; runs in {out}")
    print(f"fuzz: cases={cases} crashes={crashes} non_admissible={non_admissible}")


if __name__ == "__main__":
    main()
