"""Prompt size over a long episode: engram's memory-built prompt against a full-history prompt.

A scripted model (loopback server, real ``openai`` client, real ALFWorld engine, every memory
module on) wanders a large kitchen for 50 steps: it goes to receptacles, opens and closes them and
looks into them, and never takes anything, so the episode runs its full length. Every prompt the
planner sends is counted with tiktoken (cl100k). For contrast, the same run's trajectory is also
rendered the way a naive agent would prompt (system text, the task, *every* action and
observation so far, the admissible commands) and counted the same way.

    python -m engram.experiments.context_curve --steps 50

Final line: ``context: step5=A step50=B ratio=B/A baseline_step5=C baseline_step50=D``
(target: ratio <= 1.2).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any

from engram.agents.planners.llm import LLMConfig
from engram.agents.planners.llm_response import Message
from engram.agents.planners.prompt import message_tokens, render_admissible, template
from engram.agents.records import EpisodeRecord, StepRecord
from engram.agents.rundir import RunDir
from engram.agents.runner import run_games
from engram.agents.spec import RunSpec
from engram.envs.alfworld import find_games
from engram.tools.cli import default_games
from engram.tools.llm_server import Reply, ScriptedLLMServer, prompt_admissible


def wanderer(request: dict[str, Any]) -> Reply:
    """Visit, open, look, close; never take or move (so the task is never done). ``request``: the
    chat request's JSON as the server received it (open: whatever the client sent)."""
    if len(request["messages"]) == 1:
        return Reply(content=json.dumps({"tip": "Search receptacles systematically and take the object when seen."}))
    options = [a for a in prompt_admissible(request) if a.split(" ", 1)[0] in ("go", "open", "close", "examine")]
    h = int(hashlib.sha256(json.dumps(request["messages"][1:], sort_keys=True).encode()).hexdigest(), 16)
    action = options[h % len(options)] if options else "look"
    return Reply(content=json.dumps({"action": action, "rationale": "exploring", "subgoal": "explore the room"}))


def full_history_messages(episode: EpisodeRecord, steps: list[StepRecord], t: int) -> list[Message]:
    """The prompt a memory-less agent would send at step ``t``: everything so far, verbatim."""
    first = episode.initial_observation
    if first is None:
        raise SystemExit(f"episode {episode.id} ended before its reset: no observation to start from")
    obs = first if t == 0 else steps[t - 1].observation
    history = [f"> {s.action}\n{s.observation['text'].strip()}" for s in steps[:t]]
    user = (
        f"## Task\n{episode.goal.get('text', '')}\n\n## Everything so far\n"
        f"{first['text'].strip()}\n" + "\n".join(history) + "\n\n"
        f"## Latest observation\n{obs['text'].strip()}\n\n"
        f"## Admissible commands\n{render_admissible(obs['admissible'])}"
    )
    system = template("system").substitute(format=template("format_json").template)
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--steps", type=int, default=50)
    ap.add_argument("--memory", default="all")
    ap.add_argument("--budget", type=int, default=2000)
    ap.add_argument("--game", type=int, default=0, help="index into the bundled stream (0: an 18-cabinet kitchen)")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="engram-context-"))
    game = find_games(default_games())[args.game]
    with ScriptedLLMServer(wanderer) as server:
        config = LLMConfig(model="wanderer", base_url=server.url, budget=args.budget, max_retries=0)
        run_games(RunSpec((str(game),), str(out), planner="llm", memory=args.memory, max_steps=args.steps, llm=config))
    run = RunDir(out)
    episode, steps = run.episode("ep0000"), run.steps("ep0000")
    ours = [s.llm["counted_prompt_tokens"] if s.llm else None for s in steps]
    naive = [message_tokens(full_history_messages(episode, steps, t)) for t in range(len(steps))]
    print(f"{len(steps)} steps, memory {args.memory}, budget {args.budget}; run in {out}")
    print(f"{'step':>5} {'engram':>7} {'full-history':>13}")
    for t in range(len(steps)):
        if (t + 1) % 5 == 0 or t == 0:
            print(f"{t + 1:>5} {ours[t] if ours[t] is not None else '-':>7} {naive[t]:>13}")
    at = {n: ours[n - 1] for n in (5, len(steps)) if n <= len(steps)}
    if None in at.values() or len(at) < 2:
        raise SystemExit("a measured step was run by a shortcut, not the model; use another --game")
    a, b = at[5], at[len(steps)]
    assert a is not None and b is not None
    print(f"peak engram prompt {max(x for x in ours if x is not None)} tokens; full history at the end {naive[-1]}")
    print(
        f"context: step5={a} step{len(steps)}={b} ratio={b / a:.3f} "
        f"baseline_step5={naive[4]} baseline_step{len(steps)}={naive[-1]}"
    )


if __name__ == "__main__":
    main()
