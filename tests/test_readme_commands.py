"""Every command line the README shows is run by a test (issue 27): ``COVERED`` maps each one to the
tests that run it, and this file fails when the README gains a command with no entry, or an entry
names a test that no longer exists, or outlives its README line.

Why a hand-kept map and not a search of the tests for the command: a test that merely mentions a
subcommand (its ``--help``, a refusal before anything runs) is not one that runs it; a person
deciding which test runs a line, and writing it down here, is the check. The README's lines are
keyed as written (comments dropped, spaces collapsed, ``&&``/``;`` chains split), so a changed
command line asks for its test to be named again.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHELL_FENCES = {"bash", "sh", "shell", "console"}

# The suite's test files, as node-id prefixes.
CLI = "tests/tools/test_cli.py"
CLI_README = "tests/tools/test_cli_readme.py"
EXPERIMENTS = "tests/experiments/test_experiments.py"
VIEWER = "tests/tools/test_viewer.py"
CONFORMANCE = "tests/envs/test_conformance.py"
RUN_WITH_VIEWER = f"{VIEWER}::test_a_run_started_with_its_viewer_shows_it_live_and_keeps_serving_until_ctrl_c"
BROWSE = f"{VIEWER}::test_a_user_browses_runs_episodes_steps_and_compares_two_runs"
LLM_RUN = f"{CLI}::test_run_with_the_llm_planner_against_an_openai_compatible_server"
LLM_FORMATS = f"{CLI_README}::test_llm_formats_prompt_budget_prices_and_a_shared_cache_from_the_command_line"
GENERATE_OPTIONS = f"{CLI_README}::test_generate_streams_of_multi_room_held_out_houses_with_habits"
SPLIT_RUNS = "tests/memory/test_restart.py::test_split_runs_equal_one_run"
UNDAMAGED = "tests/tools/test_corruption.py::test_every_command_passes_on_the_undamaged_runs"

#: README command line -> the tests that run it (at tiny sizes; the README's sizes are the study's)
COVERED: dict[str, tuple[str, ...]] = {
    # the bundled stream, no --games (two of its games, under its live viewer)
    "engram run": (RUN_WITH_VIEWER,),
    "engram generate OUT --houses 10 --tasks-per-house 6 --seed 0": (
        f"{CLI}::test_generate_writes_games_and_is_deterministic",
    ),
    "engram generate OUT --stream --houses 2 --tasks-per-house 10 --perturb 0.2": (GENERATE_OPTIONS,),
    "engram generate OUT --stream --rooms-per-house 2 ...": (GENERATE_OPTIONS,),
    "engram validate OUT": (
        "tests/envs/test_household_generator.py::test_corrupted_problems_are_rejected_and_the_checker_survives",
    ),
    "engram run --games OUT --run-dir RUN": (
        "tests/agents/test_resume.py::test_sigkill_mid_episode_resumes_with_the_same_trajectory",
    ),
    "engram run --games OUT --memory none": (
        "tests/envs/test_tw_speedup.py::test_episodes_are_the_same_with_and_without_the_caches",
    ),
    "engram run --games OUT --memory scene,skills": (
        "tests/memory/test_skills.py::test_poisoning_guard_failed_episodes_create_no_skills",
    ),
    "engram run --games OUT --memory all --memory-dir MEM --limit 5": (SPLIT_RUNS,),
    "engram run --games OUT --memory all --memory-dir MEM --offset 5 --run-dir R2": (SPLIT_RUNS,),
    "engram run --games OUT --backend ray --workers 4": (
        "tests/agents/test_parallel.py::test_a_stream_of_two_houses_on_two_workers_learns_across_them",
    ),
    "engram memory show MEM": (UNDAMAGED,),
    "engram memory import RUN --memory-dir MEM": (
        UNDAMAGED,
        "tests/memory/test_concurrent.py::test_four_writers_at_once_merge_every_episode_and_sum_the_counters",
    ),
    "python -m engram.experiments.bench_parallel --part offline": (
        f"{EXPERIMENTS}::test_bench_parallel_times_serial_against_ray",
    ),
    "engram stream --houses 10 --tasks 10 --perturb 0.2 --seed 0 --memory all --run-dir RUN": (
        f"{CLI}::test_stream_generates_runs_and_resumes",
    ),
    "python -m engram.experiments.memory_ablation --out OUT": (
        f"{EXPERIMENTS}::test_memory_ablation_runs_each_setting_and_writes_the_comparison",
    ),
    "python -m engram.experiments.converge --out OUT": (f"{EXPERIMENTS}::test_converge_plays_each_game_repeatedly",),
    "python -m engram.experiments.household_gap --out OUT": (f"{EXPERIMENTS}::test_household_gap_and_its_bound",),
    "python -m engram.experiments.household_bound --gap OUT/gap.json": (
        f"{EXPERIMENTS}::test_household_gap_and_its_bound",
        "tests/envs/test_alfworld_real.py::test_household_bound_replays_the_expert_and_the_memoryless_order",
    ),
    "python -m engram.experiments.bench_memory": (
        f"{EXPERIMENTS}::test_bench_memory_times_recall_for_every_module_it_can_fill",
    ),
    "python -m engram.experiments.scene_accuracy --games STREAM": (
        f"{EXPERIMENTS}::test_scene_accuracy_compares_scene_memory_with_the_engine",
    ),
    "engram stream --env engram/TextWorld-v0 --worlds 10 --quests 8 --seed 0 --run-dir RUN": (
        f"{CLI}::test_stream_runs_textworld_persistent_worlds_like_households",
    ),
    "engram run --games WORLDS": (
        f"{CLI_README}::test_run_plays_a_folder_of_textworld_games_without_being_told_the_env",
    ),
    "engram experience train RUN/memory": (f"{CLI}::test_experience_bank_collects_trains_and_reports",),
    "engram experience show RUN/memory": (f"{CLI}::test_experience_bank_collects_trains_and_reports",),
    "engram generate OUT --split test ...": (GENERATE_OPTIONS,),
    "engram generate OUT --habits ...": (GENERATE_OPTIONS,),
    "python -m engram.experiments.transfer --out OUT": (
        f"{EXPERIMENTS}::test_transfer_trains_a_bank_and_evaluates_both_arms",
    ),
    "python -m engram.experiments.bench_gnn": (
        f"{EXPERIMENTS}::test_bench_gnn_times_building_inference_training_and_retrieval",
    ),
    "engram view RUN [RUN2 ...]": (BROWSE,),
    "engram view RUN --live": (f"{VIEWER}::test_live_pages_follow_a_run_as_it_writes",),
    "engram run --view 8765 ...": (RUN_WITH_VIEWER,),
    "engram show RUN": (f"{CLI}::test_show_prints_an_episode_and_the_overview",),
    "engram show RUN ep0003 --facts": (f"{CLI}::test_show_prints_an_episode_and_the_overview",),
    "engram replay RUN": (f"{CONFORMANCE}::test_an_installed_packages_entry_points_register_its_envs", UNDAMAGED),
    "engram envs": (f"{CLI}::test_the_console_script_is_the_cli_with_its_exit_codes",),
    # the command on a plug-in's env; ALFWorld's own check (the same function) for every registered id
    "engram check-env engram/ALFWorld-v0": (
        f"{CONFORMANCE}::test_an_installed_packages_entry_points_register_its_envs",
        f"{CONFORMANCE}::test_every_registered_env_conforms",
    ),
    "engram run --env ID --episodes N --run-dir RUN": (
        f"{CONFORMANCE}::test_engram_run_works_for_every_registered_env",
    ),
    "engram run --planner llm --model M --base-url URL": (LLM_RUN,),
    "engram replay RUN --llm-cache RUN/llm_cache.sqlite": (
        "tests/tools/test_llm_replay.py::test_a_recorded_run_reruns_identically_from_the_cache_with_the_server_stopped",
    ),
    "python -m engram.experiments.fuzz_llm_outputs": (
        f"{EXPERIMENTS}::test_fuzz_llm_outputs_puts_malformed_completions_through_the_stack",
    ),
    "python -m engram.experiments.context_curve": (
        f"{EXPERIMENTS}::test_context_curve_counts_prompt_tokens_against_full_history",
    ),
    "python -m engram.experiments.bench_step": (
        f"{EXPERIMENTS}::test_bench_step_interleaves_repeats_and_reports_the_median_ratio",
    ),
    # OpenAI itself needs a key and the network: the same command against the scripted server, and
    # the refusal without a key or --base-url
    "engram run --planner llm --model gpt-4o-mini": (LLM_RUN,),
    "engram run --planner llm --model qwen2.5:7b --base-url http://localhost:11434/v1": (LLM_RUN,),
    "engram run --planner llm --model M --base-url URL --llm-format tools --prompt-budget 1500 --price-in 0.15 "
    "--price-out 0.6 --llm-cache ~/.cache/engram/llm.sqlite": (LLM_FORMATS,),
    "engram run --planner llm --model MODEL --base-url http://127.0.0.1:8000/v1 --llm-format schema": (
        LLM_FORMATS,
        "tests/agents/test_real_model.py::test_a_real_model_answers_in_every_format_and_only_admissible_commands_run",
    ),
    "python -m engram.experiments.real_model --local-model qwen1.5b --threads 1 --batch-threads 2 --formats schema "
    "--sources alfworld-real,tw-quest --per-type 2 --episodes 5 --max-steps 30 --max-tokens 64 "
    "--memory prefilled,none,prefilled-shuffled,all --out /tmp/study24": (
        "tests/agents/test_llm_answers.py::test_the_real_model_study_runs_against_any_openai_compatible_server",
    ),
    "python -m engram.experiments.babyai --episodes 50": (
        f"{EXPERIMENTS}::test_babyai_compares_the_grid_planner_with_the_bot",
    ),
    "python -m engram.experiments.miniwob --episodes 20": (
        f"{EXPERIMENTS}::test_miniwob_reports_reward_steps_and_browser_memory_per_setting",
    ),
    # all 128 tasks is the study; the test runs one task with both settings, and every installed
    # task is registered (what --tasks all expands to) is checked by the conformance test
    "python -m engram.experiments.miniwob --tasks all --episodes 5 --memory all,none": (
        f"{EXPERIMENTS}::test_miniwob_reports_reward_steps_and_browser_memory_per_setting",
        f"{CONFORMANCE}::test_every_installed_miniwob_task_is_registered",
    ),
    "python -m engram.experiments.gui_shortcuts": (
        f"{EXPERIMENTS}::test_gui_shortcuts_counts_planner_calls_with_and_without",
    ),
    "engram view runs/none runs/all": (BROWSE,),
}


def readme_commands(text: str) -> list[str]:
    """The command lines of the README's shell blocks that start with ``engram`` or ``python -m
    engram.``: continuation lines joined, comments dropped, ``&&``/``;`` chains split, spaces
    collapsed (a ``# comment`` line and prose are not commands)."""
    commands: list[str] = []
    fence: str | None = None
    pending = ""
    for raw in text.splitlines():
        if raw.lstrip().startswith("```"):
            fence = None if fence is not None else (raw.strip()[3:].strip() or "text")
            pending = ""
            continue
        if fence not in SHELL_FENCES:
            continue
        line = pending + raw.strip()
        pending = ""
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        code = "" if line.startswith("#") else re.split(r"\s#", line, maxsplit=1)[0]
        for part in re.split(r"&&|;", code):
            command = " ".join(part.split())
            if command == "engram" or command.startswith(("engram ", "python -m engram.")):
                commands.append(command)
    return commands


def _test_exists(node: str) -> bool:
    path, _, name = node.partition("::")
    file = ROOT / path
    return file.is_file() and re.search(rf"^(async )?def {re.escape(name)}\(", file.read_text(), re.M) is not None


def test_every_readme_command_has_a_test_that_runs_it() -> None:
    commands = readme_commands((ROOT / "README.md").read_text())
    assert len(commands) > 40, "the README's command blocks were not found: has the parser gone wrong?"
    missing = [c for c in commands if c not in COVERED]
    assert not missing, "README commands no test runs (add a test and name it in COVERED):\n" + "\n".join(missing)
    stale = sorted(set(COVERED) - set(commands))
    assert not stale, "COVERED names commands the README no longer shows:\n" + "\n".join(stale)


def test_every_test_named_for_a_command_exists() -> None:
    gone = sorted({node for nodes in COVERED.values() for node in nodes if not _test_exists(node)})
    assert not gone, "COVERED names tests that do not exist:\n" + "\n".join(gone)
    assert all(COVERED.values()), "a command mapped to no test"


def test_the_parser_reads_shell_blocks_only_and_joins_continuations() -> None:
    text = (
        "Run `engram run` (prose, not a command).\n"
        "```bash\n"
        "engram show RUN   # a comment\n"
        "# engram view RUN: a comment line\n"
        "pip install x && engram run --games G\n"
        "python -m engram.experiments.bench_step --limit 1 \\\n"
        "    --repeats 5\n"
        "```\n"
        "```python\n"
        "engram = 1\n"
        "```\n"
        "```\n"
        "engram run   # an untyped block is not a shell block\n"
        "```\n"
    )
    assert readme_commands(text) == [
        "engram show RUN",
        "engram run --games G",
        "python -m engram.experiments.bench_step --limit 1 --repeats 5",
    ]
