"""TextWorld as engram's second text world: real textworld games, generated offline, played by
textworld's engine; persistent worlds; what the agent perceives; memory across a world's quests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engram.agents.runner import run_games
from engram.agents.spec import RunSpec
from engram.envs.core import Goal, Outcome
from engram.envs.textworld_env import (
    TextWorldEnv,
    TextWorldGameError,
    clean_text,
    find_games,
    game_info,
    targets_in,
    things,
)
from engram.memory.skills import SkillMemory
from engram.tools.replay import replay_run


def _walkthrough(game: Path) -> list[str]:
    return list(json.loads(game.with_suffix(".json").read_text())["metadata"]["walkthrough"])


def test_quests_of_a_world_start_in_the_same_world_and_differ(tw_stream: Path) -> None:
    games = find_games(tw_stream)
    assert len(games) == 6
    env = TextWorldEnv()
    starts: dict[str, set[tuple]] = {}
    goals: dict[str, set[str]] = {}
    for game in games:
        obs, info = env.reset(options={"game": str(game)})
        starts.setdefault(info["world_id"], set()).add(tuple(obs.facts))
        goals.setdefault(info["world_id"], set()).add(Goal.from_json(info["goal"]).text)
    env.close()
    assert len(starts) == 2  # two worlds
    for world, begun in starts.items():
        assert len(begun) == 1, f"{world}: its quests start from different states"
        assert len(goals[world]) == 3, f"{world}: quests repeat"


def test_the_walkthrough_wins_and_each_step_reports_its_outcome(tw_stream: Path) -> None:
    game = find_games(tw_stream)[0]
    env = TextWorldEnv()
    obs, info = env.reset(options={"game": str(game)})
    goal = Goal.from_json(info["goal"])
    assert goal.task_type == "tw-custom" and len(goal.targets) == 2
    assert all(any(t in a for a in _walkthrough(game)) for t in goal.targets)
    assert "\n>" not in obs.text and "$$" not in obs.text  # no banner, no status line
    _, _, _, _, info = env.step("look")
    assert info["outcome"] == Outcome.NO_EFFECT
    _, _, _, _, info = env.step("take the moon")
    assert info["outcome"] == Outcome.FAILURE
    walk = _walkthrough(game)
    for i, command in enumerate(walk):
        assert command in obs.admissible, f"{command!r} not offered at step {i}"
        obs, reward, terminated, _, info = env.step(command)
        assert info["outcome"] == Outcome.PROGRESS
    assert terminated and info["won"] and reward > 0
    env.close()


def test_facts_are_what_the_player_perceives(tw_stream: Path) -> None:
    env = TextWorldEnv()
    obs, _ = env.reset(options={"game": str(find_games(tw_stream)[0])})
    state = env._state  # the engine's full state, to compare with
    here = next(f.object for f in obs.facts if f.subject == "agent" and f.relation == "at")
    rooms = {str(v.name) for p in state["facts"] for v in p.arguments if v.type == "r"}
    elsewhere = {str(p.arguments[0].name) for p in state["facts"] if p.name == "at" and p.arguments[1].name != here
                 and p.arguments[0].type not in ("P", "d")}  # fmt: skip
    mentioned = {f.subject for f in obs.facts} | {f.object for f in obs.facts if f.object}
    assert here in rooms and elsewhere and not (elsewhere & mentioned)
    assert all(f.relation in ("at", "in", "on", "holds", "category", "open", "locked", "searched") for f in obs.facts)
    env.close()


def test_a_run_replays_exactly_in_a_new_env(tw_stream: Path, tmp_path: Path) -> None:
    games = find_games(tw_stream)[:2]
    run_games(RunSpec(tuple(games), tmp_path / "run", env_id="engram/TextWorld-v0", memory="none", max_steps=15))
    report = replay_run(str(tmp_path / "run"))
    assert report.episodes == 2 and report.observations > 10 and not report.differences


def test_bad_games_are_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(TextWorldGameError, match="no textworld games"):
        find_games(tmp_path)
    lonely = tmp_path / "lonely.z8"
    lonely.write_bytes(b"\x08")
    with pytest.raises(TextWorldGameError, match="missing or unreadable"):
        game_info(lonely)
    assert clean_text("  _____\n |  $$ |\n\nHello.\n\n\n>  -= Room =-0/3") == "Hello."


@pytest.mark.slow
def test_memory_shortens_the_later_quests_of_a_world(tw_stream: Path, tmp_path: Path) -> None:
    """The generic planner with memory against the plain explorer on the same games: a world's first
    quest is exploration either way; from the second on, memory knows where things are and how to
    get there. (The study in experiments/ measures it at 10 worlds x 8 quests.)"""
    games = find_games(tw_stream)
    steps = {}
    for memory in ("none", "all"):
        spec = RunSpec(tuple(games), tmp_path / memory, env_id="engram/TextWorld-v0", memory=memory, max_steps=60)
        summary = run_games(spec)
        assert summary.success_rate >= 0.8
        steps[memory] = [e.steps for e in summary.episodes]
    later = [i for i in range(len(games)) if game_info(games[i])["quest"] > 0]
    assert sum(steps["all"][i] for i in later) < sum(steps["none"][i] for i in later), steps
    # TextWorld names no domain: its shortcuts were cut from the facts, typed by their categories.
    skills = SkillMemory()
    skills.load(tmp_path / "all" / "memory" / "skills.sqlite")
    typed = [s.steps for s in skills.shortcuts.values() if "{receptacle}" in " ".join(s.steps)]
    assert typed and all("{object}" in " ".join(t) or "{door}" in " ".join(t) for t in typed), skills.shortcuts


@pytest.mark.slow  # two processes and a game compiled from scratch (~10 s)
def test_two_processes_asking_for_one_seed_game_make_it_once(tmp_path: Path) -> None:
    """Test workers (and runs) share the game cache: the second waits for the first's game
    instead of compiling its own and replacing the files under a running engine."""
    import subprocess
    import sys

    code = ("import sys; from engram.envs.textworld_gen import seed_game; "
            "p = seed_game(3, sys.argv[1]); print(p.stat().st_ino, p.stat().st_mtime_ns)")  # fmt: skip
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
             for _ in range(2)]  # fmt: skip
    outs = [p.communicate(timeout=300)[0].split() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert outs[0] == outs[1]  # the same file, written once
    env = TextWorldEnv(games=[tmp_path / "textworld" / "seed_3" / "quest_00.z8"])
    obs, _ = env.reset(seed=0)
    assert obs.admissible
    env.close()


def test_commands_that_crash_or_hang_the_z_machine_are_refused_as_data(tw_stream: Path) -> None:
    """Jericho's frotz runs in-process: random printable strings (what gymnasium's check_env sends
    as ``action_space.sample()``) segfaulted it, and a backslash made it wait for input forever. In a
    child process, so that a regression fails this test instead of taking the test worker down."""
    import subprocess
    import sys

    game = find_games(tw_stream)[0]
    code = f"""
from engram.envs.core import ActionSpace
from engram.envs.textworld_env import TextWorldEnv
env, space = TextWorldEnv([{str(game)!r}]), ActionSpace()
space.seed(5)
env.reset(seed=0)
refused = 0
for command in ["\\\\help", "look\\nlook", "x" * 300, *(space.sample() for _ in range(150))]:
    obs, reward, done, _, info = env.step(command)
    if obs.text.startswith("The game cannot take this command"):
        refused += 1
        assert reward == 0.0 and info["outcome"] == "failure" and obs.facts == env._last.facts
    if done:
        env.reset(seed=0)
obs, *_ = env.step("  look  ")  # whitespace runs are one space: typed as "look"
print(refused, not obs.text.startswith("The game cannot take"))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=240)
    assert out.returncode == 0, (out.returncode, out.stderr[-2000:])  # -11 (segfault) before
    refused, looked = out.stdout.split()
    assert int(refused) >= 3 and looked == "True"
    env = TextWorldEnv([game])
    env.reset(seed=0)
    obs, *_ = env.step("open\tthe\x0cdoor\\")
    assert obs.text == "The game cannot take this command: it has characters a text game cannot take ('\\\\')."
    env.close()


def test_goal_targets_are_things_never_exits_or_rooms(tw_stream: Path) -> None:
    """textworld's entity list has the exits too: an objective written as steps ("venture south ...")
    made ``south`` a goal target, and memory searched holders for it."""
    env = TextWorldEnv()
    _, info = env.reset(options={"game": str(find_games(tw_stream)[0])})
    names = things(list(env._state["facts"]))
    env.close()
    goal = Goal.from_json(info["goal"])
    assert set(goal.targets) <= set(names) and not {"north", "south", "east", "west"} & set(names)
    steps = f"First venture south. Then take a trip east, and put it on the {goal.targets[-1]}."
    assert targets_in(steps, names) == (goal.targets[-1],)
