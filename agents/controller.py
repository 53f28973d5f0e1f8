"""The controller: a LangGraph ``StateGraph`` looping perceive -> plan -> act -> reflect.

State is a TypedDict; nodes return partial updates; list channels declare their reducer. Every
super-step is checkpointed synchronously to SQLite, so a process killed at any point resumes from
its last checkpoint: the environment is rebuilt by replaying the checkpoint's actions on a fresh
engine (ALFWorld is deterministic), ``steps.jsonl`` is cut back to the checkpoint's step count, and
the graph carries on. Model and environment errors are recorded in the step; bugs raise.
"""

from __future__ import annotations

import operator
import time
from typing import Annotated, Any, TypedDict, cast

import gymnasium as gym
from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph

from engram.agents.planners.base import DecisionJSON, Planner, PlannerState, RunningSkill
from engram.agents.records import EpisodeRecord, EpisodeResult, ShownGraph, StepRecord, Timings, ledger
from engram.agents.rundir import RunDir
from engram.agents.shortcuts import continue_skill, events_after
from engram.envs.core import Fact, Goal, GoalJSON, Observation, ObservationJSON
from engram.memory.base import (
    MemoryModule,
    MemoryStep,
    Perceived,
    PerceivedJSON,
    Recall,
    RecallJSON,
    RecallQuery,
    SkillEvent,
)
from engram.memory.graphview import ShowsGraph, graph_delta
from engram.memory.utility import Judges


class Pending(TypedDict, total=False):
    """The step record being built between perceive and reflect (checkpointed with the state)."""

    t_start: float
    started_at: float
    memory_graphs: dict[str, ShownGraph]  # module -> what it held when the step was planned
    plan_s: float
    skill_events: list[SkillEvent]
    planned: bool
    executed: bool
    observation: ObservationJSON
    reward: float
    terminated: bool
    truncated: bool
    env_failed: bool
    env_s: float
    error: str | None


class EpisodeState(TypedDict, total=False):
    """The graph's state: plain JSON, since LangGraph's strict serializer checkpoints it; the nodes
    read it through typed views (:class:`Goal`, :class:`Observation`, :class:`Perceived`)."""

    episode_id: str
    world_id: str
    game: str
    seed: int
    goal: GoalJSON
    max_steps: int
    observation: ObservationJSON  # the latest observation
    history: Annotated[list[PerceivedJSON], operator.add]  # every observation with the action behind it
    actions: Annotated[list[str], operator.add]  # actions the env executed (replayed on resume)
    decision: DecisionJSON
    recalls: list[RecallJSON]
    pending: Pending
    t: int  # steps completed and logged
    won: bool
    done: bool
    error: str | None
    started: float
    skill: RunningSkill | None  # the shortcut running, if any
    skill_events: list[SkillEvent]  # shortcut starts, completions and aborts of the last step


def reset_options(game: str) -> dict[str, str] | None:
    """An episode is a game file (ALFWorld) or, for environments that generate their own tasks, just
    a seed (``game`` empty): only the former passes a ``game`` option to ``reset``."""
    return {"game": game} if game else None


def _final_entry(decision: DecisionJSON, obs: ObservationJSON, skill_events: list[SkillEvent]) -> Perceived:
    """What memory observes of an episode's last step (there is no perceive after it)."""
    return Perceived(decision["action"], obs["text"], _facts(obs), obs["info"].get("outcome"),
                     decision.get("subgoal", ""), decision.get("follows", ""), tuple(skill_events))  # fmt: skip


def _facts(obs: ObservationJSON) -> tuple[Fact, ...]:
    return tuple(Fact.from_json(f) for f in obs.get("facts", ()))


class Controller:
    """Runs episodes of one environment with one planner, logging to one run directory."""

    def __init__(
        self,
        env: gym.Env[Any, Any],
        planner: Planner,
        run: RunDir,
        checkpointer: BaseCheckpointSaver[Any],
        memory: list[MemoryModule] | None = None,
        max_steps: int = 60,
        step_delay: float = 0.0,
        run_id: str = "",
    ) -> None:
        self.env, self.planner, self.run = env, planner, run
        self.run_id = run_id
        self.memory = memory or []
        self._seen: dict[str, list[Perceived]] = {}  # per episode: its history, typed (see _history)
        self._goals: dict[str, Goal] = {}
        self._graphs = [m for m in self.memory if isinstance(m, ShowsGraph)]  # their deltas go in the steps
        self._judges = [m for m in self.memory if isinstance(m, Judges)]
        self.max_steps, self.step_delay = max_steps, step_delay
        graph = StateGraph(EpisodeState)
        graph.add_node("perceive", self._perceive)
        graph.add_node("plan", self._plan)
        graph.add_node("act", self._act)
        graph.add_node("reflect", self._reflect)
        graph.add_edge(START, "perceive")
        graph.add_edge("perceive", "plan")
        graph.add_edge("plan", "act")
        graph.add_edge("act", "reflect")
        graph.add_conditional_edges("reflect", lambda s: END if s["done"] else "perceive")
        self.graph = graph.compile(checkpointer=checkpointer)

    # -- typed views of the checkpointed JSON -------------------------------------------------
    def _history(self, state: EpisodeState) -> list[Perceived]:
        """The episode's history as :class:`Perceived` steps. The JSON list only ever grows within
        an episode, so the typed one is kept and only its new entries are read."""
        raw = state.get("history", [])
        seen = self._seen.get(state["episode_id"])
        if seen is None or len(seen) > len(raw):
            seen = self._seen[state["episode_id"]] = []
        seen.extend(Perceived.from_json(entry) for entry in raw[len(seen) :])
        return seen

    def _goal(self, state: EpisodeState) -> Goal:
        key = state["episode_id"]
        goal = self._goals.get(key)
        if goal is None:
            goal = self._goals[key] = Goal.from_json(state["goal"])
        return goal

    def _view(self, state: EpisodeState) -> PlannerState:
        return PlannerState(
            goal=self._goal(state),
            observation=Observation.from_json(state["observation"]),
            history=tuple(self._history(state)),
            t=state["t"],
            max_steps=state["max_steps"],
            episode_id=state["episode_id"],
            world_id=state.get("world_id", ""),
            seed=state["seed"],
            run_id=self.run_id,
        )

    # -- nodes ------------------------------------------------------------------------------
    def _perceive(self, state: EpisodeState) -> EpisodeState:
        obs = state["observation"]
        t = state["t"]
        decision = state["decision"] if t else DecisionJSON()
        entry = PerceivedJSON(action=decision["action"] if t else None, text=obs["text"], facts=obs["facts"],
                              outcome=obs["info"].get("outcome") if t else None, subgoal=decision.get("subgoal", ""),
                              follows=decision.get("follows", ""),
                              skill_events=state.get("skill_events", []) if t else [])  # fmt: skip
        world = state.get("world_id", "")
        before = {m.name: m.graph_view(world) for m in self._graphs}
        self._observe(state, Perceived.from_json(entry), t)
        # What graph-shaped memory held when this step was planned: the episode's start, then deltas.
        shown: dict[str, ShownGraph] = {}
        for m in self._graphs:
            delta = graph_delta(before[m.name], m.graph_view(world))
            shown[m.name] = ShownGraph(start=before[m.name], delta=delta) if not t else ShownGraph(delta=delta)
        pending = Pending(t_start=time.perf_counter(), started_at=time.time(), memory_graphs=shown)
        return {"history": [entry], "pending": pending}

    def _observe(
        self,
        state: EpisodeState,
        seen: Perceived,
        t: int,
        modules: list[MemoryModule] | None = None,
        won: bool = False,
        lost: bool = False,
    ) -> None:
        step = MemoryStep.of(seen, state["episode_id"], state.get("world_id", ""), t, self._goal(state), won, lost)
        for module in self.memory if modules is None else modules:
            module.observe(step)

    def _plan(self, state: EpisodeState) -> EpisodeState:
        t0 = time.perf_counter()
        view = self._view(state)
        running, aborted = state.get("skill"), list[SkillEvent]()
        decision, why = continue_skill(running, view) if running else (None, "")
        recalls: list[Recall] = []
        if decision is None:
            if running:
                aborted = [SkillEvent(name=running["name"], template=running["template"], event="aborted", why=why)]
            query = RecallQuery(view.episode_id, view.world_id, view.goal, view.observation, view.t)
            recalls = [r for m in self.memory for r in m.recall(query)]
            for judge in self._judges:  # what following each kind did decides whether it is offered
                recalls = judge.judge(query, recalls)
            decision = self.planner.decide(view, recalls)
        plan_s = time.perf_counter() - t0
        planned = not running or bool(aborted)  # False: a running shortcut supplied the step
        pending = Pending(**state["pending"])
        pending.update(Pending(plan_s=plan_s, skill_events=aborted, planned=planned))
        return {"decision": decision.to_json(), "recalls": [r.to_json() for r in recalls], "pending": pending}

    def _act(self, state: EpisodeState) -> EpisodeState:
        action = state["decision"]["action"]
        obs = state["observation"]
        pending = Pending(**state["pending"])
        error = state["decision"].get("error")
        if self.step_delay:
            time.sleep(self.step_delay)
        if action not in obs["admissible"]:
            # Only admissible actions reach the environment; the refusal is recorded as data.
            refused = f"not admissible, not executed: {action!r}"
            pending.update(Pending(executed=False, observation=obs, reward=0.0, terminated=False, truncated=False,
                                   error=refused, env_s=0.0))  # fmt: skip
            return {"pending": pending}
        t0 = time.perf_counter()
        try:
            new_obs, reward, terminated, truncated, _info = self.env.step(action)
        except Exception as exc:  # the environment crashed: record it and end the episode
            crashed = f"environment error: {type(exc).__name__}: {exc}"
            pending.update(Pending(executed=False, observation=obs, reward=0.0, terminated=False, truncated=False,
                                   env_failed=True, error=crashed, env_s=time.perf_counter() - t0))  # fmt: skip
            return {"pending": pending}
        pending.update(
            Pending(
                executed=True,
                observation=new_obs.to_json(),
                reward=float(reward),
                terminated=bool(terminated),
                truncated=bool(truncated),
                env_s=time.perf_counter() - t0,
                error=error,
            )
        )
        return {"pending": pending, "actions": [action]}

    def _reflect(self, state: EpisodeState) -> EpisodeState:
        p = state["pending"]
        t = state["t"]
        decision = state["decision"]
        obs = p["observation"]
        known = {tuple(f) for h in state["history"] for f in h.get("facts", ())}
        # ``won`` when the env says so; otherwise gymnasium's convention: terminated with a reward.
        won_now = obs["info"].get("won", p["terminated"] and p["reward"] > 0)
        won = bool(won_now) if p["executed"] else state.get("won", False)
        lost = bool(obs["info"].get("lost")) and p["executed"]
        env_failed = bool(p.get("env_failed"))
        done = won or lost or p["terminated"] or p["truncated"] or env_failed or t + 1 >= state["max_steps"]
        events, running = events_after(decision, p["executed"], obs["info"].get("outcome"))
        skill_events = [*p.get("skill_events", []), *events]
        record = StepRecord(
            t=t,
            action=decision["action"],
            executed=p["executed"],
            observation=obs,
            facts_delta=[f for f in obs["facts"] if tuple(f) not in known],
            reward=p["reward"],
            outcome=obs["info"].get("outcome") if p["executed"] else None,
            won=won,
            done=done,
            subgoal=decision.get("subgoal", ""),
            follows=decision.get("follows", ""),
            rationale=decision.get("rationale", ""),
            skill_events=skill_events,
            recalls=state.get("recalls", []),
            planner_called=p.get("planned", True),
            tokens=decision.get("tokens", {}),
            llm=decision.get("llm"),
            memory_graphs=p.get("memory_graphs", {}),
            timings=Timings(
                plan_s=p.get("plan_s", 0.0),
                env_s=p.get("env_s", 0.0),
                step_s=time.perf_counter() - p["t_start"],
                started_at=p["started_at"],
            ),
            error=p["error"],
        )
        self.run.append_step(state["episode_id"], record)
        update = EpisodeState(observation=obs, t=t + 1, won=won, done=done, skill=running, skill_events=skill_events)
        if p["error"]:
            update["error"] = p["error"]
        if done:
            # The loop ends here, so memory sees the last observation now rather than in perceive.
            lost_now = bool(obs.get("info", {}).get("lost"))
            self._observe(state, _final_entry(decision, obs, skill_events), t + 1, won=won, lost=lost_now)
            self._finish(state, t + 1, won, p["error"] if env_failed else None)
        return update

    def _finish(self, state: EpisodeState, steps: int, won: bool, error: str | None) -> None:
        episode = self.run.episode(state["episode_id"])
        records = self.run.steps(state["episode_id"])
        # A model-backed planner writes a lesson now (Reflexion, ExpeL); memory keeps it as a tip.
        reflect = getattr(self.planner, "reflect", None)
        reflection = reflect(self._goal(state), records, won) if callable(reflect) else None
        if reflection:
            episode.reflection = reflection
        episode.result = EpisodeResult(won, steps, time.time() - state["started"], error, ledger(records, reflection))
        self.run.write_episode(episode)
        self._seen.pop(state["episode_id"], None)
        ended = episode.ended()
        for module in self.memory:
            module.consolidate(ended)

    def _refeed(self, values: EpisodeState, episode: EpisodeRecord, modules: list[MemoryModule] | None = None) -> None:
        """Give a finished episode to the modules whose saved state lacks it.

        That happens when a process was killed after the episode ended but before the runner saved
        memory: the checkpoint says "done", yet the memory loaded from disk never saw the episode.
        It happens too when another writer committed to a shared memory directory first: the
        modules reloaded from its commit lack this writer's episode (:mod:`engram.memory.shared`).
        """
        pool = self.memory if modules is None else modules
        ended = episode.ended()
        behind = [m for m in pool if ended.key not in m.consolidated]
        if not behind:
            return
        for t, entry in enumerate(self._history(values)):
            self._observe(values, entry, t, behind)
        final = _final_entry(values["decision"], values["observation"], values.get("skill_events", []))
        lost = bool(values["observation"].get("info", {}).get("lost"))
        self._observe(values, final, values["t"], behind, won=values["won"], lost=lost)
        for module in behind:
            module.consolidate(ended)

    def refeed(self, episode_id: str, modules: list[MemoryModule]) -> None:
        """Feed a finished episode of this run, from its checkpoint, to those of ``modules`` that
        lack it (a shared memory directory's merge, :meth:`MemoryDirectory.commit`)."""
        snapshot = self.graph.get_state(self.config(episode_id))
        if snapshot.values and snapshot.values.get("done"):
            self._refeed(cast(EpisodeState, snapshot.values), self.run.episode(episode_id), modules)

    # -- episodes ---------------------------------------------------------------------------
    def config(self, episode_id: str) -> RunnableConfig:
        # One LangGraph thread per episode; four nodes per step bound the super-steps.
        return {"configurable": {"thread_id": episode_id}, "recursion_limit": 4 * self.max_steps + 20}

    def run_episode(self, episode_id: str, game: str, seed: int, task_type: str = "unknown") -> EpisodeRecord:
        """Run (or resume, or skip if finished) one episode; returns its record. ``task_type`` is
        what an episode is filed under when the env's goal names none."""
        config = self.config(episode_id)
        self._seen.pop(episode_id, None)  # typed views of an earlier try of this episode are stale
        self._goals.pop(episode_id, None)
        # ``get_state`` is live: it folds in the writes of nodes that finished after the last
        # checkpoint (a kill can land between a node's saved writes and the next checkpoint).
        # LangGraph will not re-run such a node, so ``actions`` and ``t`` must come from this live
        # view, and "finished" is our own ``done`` flag: an empty ``next`` only means that every
        # task of the current step has saved writes.
        snapshot = self.graph.get_state(config)
        if snapshot.values and snapshot.values.get("done"):
            episode = self.run.episode(episode_id)
            self._refeed(cast(EpisodeState, snapshot.values), episode)
            return episode
        if snapshot.values:
            values = cast(EpisodeState, snapshot.values)
            self.env.reset(seed=values["seed"], options=reset_options(values["game"]))
            for action in values.get("actions", []):
                self.env.step(action)
            self.run.truncate_steps(episode_id, values["t"])
            # Memory was saved at the last episode end; give it back what this episode perceived.
            for t, entry in enumerate(self._history(values)):
                self._observe(values, entry, t)
            self.graph.invoke(None, config, durability="sync")
            return self.run.episode(episode_id)
        t0 = time.perf_counter()
        obs, info = self.env.reset(seed=seed, options=reset_options(game))
        reset_s = time.perf_counter() - t0
        assert isinstance(obs, Observation)
        goal = Goal.from_json(info.get("goal"))
        # The env says which world the episode plays in and what kind of task it is; the runner's
        # ``task_type`` only fills in for environments that say nothing.
        # An env that names no world gets one per seed: gymnasium's contract is that a seed fixes
        # the episode, so only episodes of the same seed are known to share a layout.
        world = str(info.get("world_id") or f"seed-{seed}")
        task_type = goal.task_type if goal.task_type != "unknown" else task_type
        self.run.truncate_steps(episode_id, 0)
        self.run.write_episode(
            EpisodeRecord(
                id=episode_id,
                game=game,
                seed=seed,
                run_id=self.run_id,
                task_type=task_type,
                world_id=world,
                goal=goal.to_json(),
                initial_observation=obs.to_json(),
                reset_s=reset_s,
            )
        )
        initial: EpisodeState = {
            "episode_id": episode_id,
            "world_id": world,
            "game": game,
            "seed": seed,
            "goal": goal.to_json(),
            "max_steps": self.max_steps,
            "observation": obs.to_json(),
            "history": [],
            "actions": [],
            "t": 0,
            "won": False,
            "done": False,
            "error": None,
            "started": time.time(),
        }
        self.graph.invoke(initial, config, durability="sync")
        return self.run.episode(episode_id)
