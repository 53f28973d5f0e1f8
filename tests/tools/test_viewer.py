"""``engram view`` in real headless Chromium (Debian's, through Selenium), and its safety rules.

The viewer runs as the console script in its own process, over two real runs of the same two
games: the offline planner, and the LLM planner against the scripted OpenAI-compatible server,
scripted to play the offline run's first two moves and then look around, so the two plays part
at a step the test knows from the files.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
DIVERGE_AT = 2  # the scripted model copies the offline run's first two moves, then says "look"


def _have_browser() -> bool:
    from importlib.util import find_spec

    return find_spec("selenium") is not None and bool(shutil.which(CHROMIUM)) and bool(shutil.which(CHROMEDRIVER))


class Served:
    def __init__(self, proc: subprocess.Popen[str], url: str) -> None:
        self.proc, self.url = proc, url
        self.host, self.port = url.split("//")[1].rstrip("/").rsplit(":", 1)


def _serve(*args: str) -> Served:
    """``engram view ARGS --port 0`` as a user starts it; returns once it printed its URL."""
    cmd = [sys.executable, "-m", "engram", "view", *args, "--port", "0"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if "http://" not in line:
        proc.kill()
        raise AssertionError(f"engram view did not start: {line}{proc.stderr.read() if proc.stderr else ''}")
    return Served(proc, line.split()[2])


def _stop(served: Served) -> None:
    served.proc.terminate()
    try:
        served.proc.wait(10)
    except subprocess.TimeoutExpired:
        served.proc.kill()


@pytest.fixture(scope="module")
def runs(games_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An offline run and an LLM run over the same two games, both with scene and skills memory (and
    the offline one with the utility counters)."""
    pytest.importorskip("openai")
    from engram.agents.planners.llm import LLMConfig
    from engram.agents.runner import run_games
    from engram.agents.spec import RunSpec
    from engram.envs.alfworld import find_games
    from engram.tools.llm_server import Reply, ScriptedLLMServer, prompt_admissible

    root = tmp_path_factory.mktemp("viewer")
    games = find_games(games_dir)[:2]
    offline = root / "offline"
    run_games(RunSpec(tuple(games), offline, memory="scene,skills,utility", max_steps=30))
    first = [json.loads(x)["action"] for x in (offline / "episodes/ep0000/steps.jsonl").read_text().splitlines()]
    assert len(first) > DIVERGE_AT and "look" not in first[: DIVERGE_AT + 1]
    moves = [*first[:DIVERGE_AT], "look"]

    def model(request: dict[str, Any]) -> Reply:
        if len(request["messages"]) == 1:
            return Reply(content='{"tip": "Search the countertops first."}')
        action = moves.pop(0) if moves else prompt_admissible(request)[0]
        return Reply(content=json.dumps({"action": action, "rationale": f"scripted: {action}"}))

    llm = root / "llm"
    with ScriptedLLMServer(model) as server:
        config = LLMConfig(model="scripted", base_url=server.url, cache=str(root / "cache.sqlite"))
        run_games(RunSpec(tuple(games), llm, planner="llm", llm=config, memory="scene,skills", max_steps=6))
    return offline, llm


@pytest.fixture()
def browser(tmp_path: Path) -> Iterator[Any]:
    if not _have_browser():
        pytest.skip("needs selenium and Debian's chromium + chromedriver")
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium must never try to download a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _page(driver: Any, served: Served, shots: Path, name: str) -> None:
    """Checks every page: no console errors, nothing loaded from anywhere but the viewer; a screenshot."""
    errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert not errors, f"{name}: browser console: {errors}"
    resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(r.startswith(served.url.rstrip("/")) for r in resources), resources
    assert driver.execute_script("return document.readyState") == "complete"
    driver.save_screenshot(str(shots / f"{name}.png"))


def test_a_user_browses_runs_episodes_steps_and_compares_two_runs(runs, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    offline, llm = runs
    shots = tmp_path / "screenshots"
    shots.mkdir()
    served = _serve(str(offline), str(llm))
    d = browser
    try:
        # Runs, side by side.
        d.get(served.url + "?all=1")
        _page(d, served, shots, "runs")
        cards = d.find_elements(By.CSS_SELECTOR, "section.card h2 a.run-link")
        assert [c.text for c in cards] == ["offline", "llm"]
        assert d.find_elements(By.CSS_SELECTOR, "svg.curve polyline"), "no learning curve"
        assert "model calls" in d.page_source

        # One run: its episodes; open the first.
        cards[0].click()
        _page(d, served, shots, "run")
        links = d.find_elements(By.CSS_SELECTOR, "a.episode-link")
        assert [a.text for a in links] == ["ep0000", "ep0001"]
        links[0].click()
        _page(d, served, shots, "episode")
        steps = [json.loads(x) for x in (offline / "episodes/ep0000/steps.jsonl").read_text().splitlines()]
        rows = d.find_elements(By.CSS_SELECTOR, "#timeline tr[id^='t']")
        assert len(rows) == len(steps)
        assert steps[0]["action"] in rows[0].text

        # Step through the episode with the pager, to its last step.
        d.find_element(By.CSS_SELECTOR, "a.step-link").click()
        for t, step in enumerate(steps):
            assert f"step {t} of {len(steps)}" in d.find_element(By.CSS_SELECTOR, ".crumbs").text
            assert d.find_element(By.CSS_SELECTOR, "#decision .action").text.startswith(step["action"])
            assert d.find_element(By.ID, "observation").text == step["observation"]["text"].strip()
            if t + 1 < len(steps):
                d.find_element(By.ID, "next").click()
        assert not d.find_elements(By.ID, "next")
        _page(d, served, shots, "step-last")

        # The scene graph at a step: every node memory held, what the step changed marked.
        d.get(f"{served.url}run/0/ep/ep0000/step/{DIVERGE_AT}")
        graph = d.find_element(By.ID, "graph-scene")
        drawn = {g.get_attribute("data-node") for g in graph.find_elements(By.CSS_SELECTOR, "g.node")}
        here = next(f[2] for f in steps[DIVERGE_AT - 1]["observation"]["facts"] if f[:2] == ["agent", "at"])
        assert "agent" in drawn and here in drawn
        assert graph.find_elements(By.CSS_SELECTOR, ".changed"), "nothing marked as changed by this step"
        groups = [h.text.split(" (")[0] for h in d.find_elements(By.CSS_SELECTOR, "#recalls h3")]
        assert {"scene", "skills"} & set(groups)
        _page(d, served, shots, "step-graph")

        # The LLM run's step: its prompt, the raw answer, and what it was grounded to.
        d.get(f"{served.url}run/1/ep/ep0000/step/0")
        prompt = d.find_element(By.ID, "prompt-0")
        assert not prompt.find_element(By.TAG_NAME, "pre").is_displayed()
        prompt.find_element(By.TAG_NAME, "summary").click()
        assert "Admissible commands" in prompt.text
        answer = d.find_element(By.CSS_SELECTOR, "#llm pre.answer").text
        assert json.loads(answer)["action"] == steps[0]["action"]
        assert steps[0]["action"] in d.find_element(By.CSS_SELECTOR, "#llm table.grounding").text
        shaped = d.find_element(By.CSS_SELECTOR, "#llm table.memory-choices").text  # what memory did to the list
        assert "listed" in shaped and "first:" in shaped
        _page(d, served, shots, "step-prompt")

        # Compare the two runs, then go to the first divergence of the first game.
        d.find_element(By.ID, "nav-compare").click()
        _page(d, served, shots, "compare")
        pairs = d.find_elements(By.CSS_SELECTOR, "#pairs a.pair-link")
        assert len(pairs) == 2
        pairs[0].click()
        d.find_element(By.ID, "divergence-link").click()
        assert d.current_url.endswith(f"#t{DIVERGE_AT}")
        row = d.find_element(By.ID, f"t{DIVERGE_AT}")
        assert "diverge" in row.get_attribute("class") and "look" in row.text
        assert "diverge" not in d.find_element(By.ID, f"t{DIVERGE_AT - 1}").get_attribute("class")
        _page(d, served, shots, "divergence")

        # Memory: shortcuts with their counters.
        d.get(served.url + "run/0")
        d.find_element(By.ID, "memory-link").click()
        _page(d, served, shots, "memory")
        assert d.find_element(By.ID, "store-skills").is_displayed()
        assert "succeeded" in d.find_element(By.ID, "store-skills").text
        # ... and what following each kind of recall did, with its standing.
        assert "standing" in d.find_element(By.ID, "store-utility").text
    finally:
        _stop(served)
    assert {p.name for p in shots.iterdir()} >= {"runs.png", "run.png", "episode.png", "step-prompt.png"}


def _get(served: Served, raw_path: str, method: str = "GET") -> int:
    """The status of a request for ``raw_path`` exactly as written (no client-side normalising)."""
    conn = http.client.HTTPConnection(served.host, int(served.port), timeout=10)
    try:
        conn.putrequest(method, raw_path, skip_accept_encoding=True)
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


def _outside_address() -> str | None:
    """An IPv4 address of this machine that is not loopback (None when it has none)."""
    import psutil

    for addrs in psutil.net_if_addrs().values():
        for a in addrs:
            if a.family == socket.AF_INET and not a.address.startswith("127."):
                return str(a.address)
    return None


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=3):
            return True
    except OSError:
        return False


def test_only_files_inside_the_run_are_served_and_only_on_loopback(runs, tmp_path: Path) -> None:
    offline, _ = runs
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the viewer")
    (offline / "leak").unlink(missing_ok=True)
    (offline / "leak").symlink_to(secret)
    (offline / "leakdir").unlink(missing_ok=True)
    (offline / "leakdir").symlink_to(tmp_path, target_is_directory=True)
    served = _serve(str(offline))
    try:
        assert _get(served, "/run/0/file/manifest.json") == 200  # the route works...
        assert _get(served, "/run/0/file/episodes/ep0000/steps.jsonl") == 200
        up = os.path.relpath(secret, offline)
        for path in (
            f"/run/0/file/{up}",  # ... but never climbs out
            "/run/0/file/../../../../etc/passwd",
            "/run/0/file/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/run/0/file/..%2f..%2f..%2fetc%2fpasswd",
            "/run/0/file/%252e%252e/%252e%252e/etc/passwd",
            f"/run/0/file/{secret}",  # absolute
            f"/run/0/file/%2F{str(secret).lstrip('/').replace('/', '%2F')}",
            "/run/0/file//etc/passwd",
            "/run/0/file/leak",  # a symlink out of the run
            "/run/0/file/leakdir/secret.txt",  # a directory symlinked out of the run
            "/run/0/file/episodes",  # a directory
            "/run/1/file/manifest.json",  # no such run
            "/run/0/ep/..%2f..%2fsecret",
            "/run/0/ep/../../episodes/ep0000",
            "/run/0/ep/ep0000/step/999",
            "/static/..%2fviewer.py",
            "/static/../viewer.py",
        ):
            assert _get(served, path) == 404, path
        assert _get(served, "/", method="POST") == 405  # read-only
        # DNS rebinding: a page of another site whose name resolves to 127.0.0.1 is refused.
        conn = http.client.HTTPConnection(served.host, int(served.port), timeout=10)
        conn.request("GET", "/run/0/file/manifest.json", headers={"Host": f"attacker.example:{served.port}"})
        assert conn.getresponse().status == 400
        conn.close()
        conn = http.client.HTTPConnection("localhost", int(served.port), timeout=10)
        conn.request("GET", "/run/0")
        assert conn.getresponse().status == 200
        conn.close()
        outside = _outside_address()
        if outside is None:
            pytest.skip("this machine has no non-loopback address to try")
        assert _reachable("127.0.0.1", int(served.port))
        assert not _reachable(outside, int(served.port)), "the viewer answers on a non-loopback address by default"
    finally:
        _stop(served)
    # Asked to, it does listen beyond loopback (so the check above can fail).
    wide = _serve(str(offline), "--host", "0.0.0.0")
    try:
        assert _reachable(outside, int(wide.port))
    finally:
        _stop(wide)


def test_the_graph_a_step_shows_is_what_memory_held_when_that_step_was_planned(games_dir: Path, tmp_path: Path) -> None:
    """The step records keep one start graph and deltas; rebuilding them must give, at every step,
    exactly the graph the scene memory held when the planner was asked."""
    import sqlite3

    from langgraph.checkpoint.sqlite import SqliteSaver

    from engram.agents.controller import Controller
    from engram.agents.planners.household import HouseholdPlanner
    from engram.agents.rundir import RunDir
    from engram.envs.alfworld import find_games
    from engram.envs.registry import make
    from engram.memory.base import RecallQuery
    from engram.memory.scene import SceneGraphMemory
    from engram.tools.viewer_data import graphs_at

    held: list[dict[str, Any]] = []

    class Watched(SceneGraphMemory):
        def recall(self, query: RecallQuery) -> list[Any]:
            held.append(json.loads(json.dumps(self.graph_view(query.world_id))))
            return super().recall(query)

    scene = Watched()
    run = RunDir(tmp_path / "run")
    conn = sqlite3.connect(str(tmp_path / "ck.sqlite"), check_same_thread=False)
    ctl = Controller(make("engram/ALFWorld-v0"), HouseholdPlanner(), run, SqliteSaver(conn), memory=[scene])
    game = find_games(games_dir)[0]
    for i in range(2):  # the same game twice: the second episode starts from what the first left
        ctl.run_episode(f"ep{i}", str(game), i)
        scene.consolidate(run.episode(f"ep{i}").ended())
    steps = run.steps("ep0") + run.steps("ep1")
    assert len(held) == len(steps) > 4
    rebuilt = [graphs_at(run.steps(e), t)["scene"][0] for e in ("ep0", "ep1") for t in range(len(run.steps(e)))]
    assert rebuilt == held
    second = run.steps("ep1")[0].memory_graphs["scene"]["start"]
    assert second["nodes"], "the second episode's start graph should hold what the first one saw"


def test_live_pages_follow_a_run_as_it_writes(runs, browser, tmp_path: Path) -> None:
    """With ``--live`` an open page reloads itself when the run changes: here, an episode appears."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    offline, _ = runs
    run = tmp_path / "growing"
    shutil.copytree(offline, run, ignore=shutil.ignore_patterns("leak", "leakdir", "summary.json"))
    shutil.move(run / "episodes" / "ep0001", tmp_path / "later")
    served = _serve(str(run), "--live")
    try:
        browser.get(served.url)
        assert [a.text for a in browser.find_elements(By.CSS_SELECTOR, "a.episode-link")] == ["ep0000"]
        assert browser.find_element(By.CSS_SELECTOR, "nav .live").text == "live"
        shutil.move(tmp_path / "later", run / "episodes" / "ep0001")
        WebDriverWait(browser, 15).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "a.episode-link")) == 2)
        _page(browser, served, tmp_path, "live")
    finally:
        _stop(served)


def test_a_broken_run_file_is_said_on_its_page_and_the_rest_still_opens(runs, tmp_path: Path) -> None:
    """A cut-off ``episode.json`` (a foreign tool, a full disk): its page says what is wrong,
    the run page lists the other episodes, and a torn last step line is left out, not fatal."""
    offline, _ = runs
    run = tmp_path / "broken"
    shutil.copytree(offline, run, ignore=shutil.ignore_patterns("leak", "leakdir", "summary.json"))
    episode = run / "episodes" / "ep0001" / "episode.json"
    episode.write_text(episode.read_text()[:100])
    steps = run / "episodes" / "ep0000" / "steps.jsonl"
    lines = steps.read_text().splitlines()
    steps.write_text("\n".join(lines) + "\n" + lines[-1][:40])
    served = _serve(str(run))
    try:
        conn = http.client.HTTPConnection(served.host, int(served.port), timeout=10)
        conn.request("GET", "/run/0/ep/ep0001")
        answer = conn.getresponse()
        body = answer.read().decode()
        assert answer.status == 500 and "JSONDecodeError" in body and "Traceback" not in body
        conn.request("GET", "/run/0")
        overview = conn.getresponse().read().decode()
        assert "ep0000" in overview and "unreadable episode.json" in overview
        assert _get(served, f"/run/0/ep/ep0000/step/{len(lines) - 1}") == 200
        assert _get(served, f"/run/0/ep/ep0000/step/{len(lines)}") == 404
    finally:
        _stop(served)


def test_names_from_a_world_are_text_in_the_page_never_markup() -> None:
    """Entity names and relations come from environments (a web page's, a user's game): drawn, they
    are escaped, and the page's policy allows no inline script even if one slipped through."""
    from engram.tools.viewer import CSP
    from engram.tools.viewer_svg import graph_svg

    evil = '<img src=x onerror="alert(1)">'
    view = {
        "nodes": {evil: {"states": ["<b>"]}, "box": {}, "me": {}},
        "edges": [[evil, "in", "box"], ["me", "<rel>", "box"]],
    }
    svg = graph_svg(view, {"nodes_set": {evil: {}}, "edges_added": [["me", "<rel>", "box"]], "edges_removed": []})
    assert "<img" not in svg and "<b>" not in svg and "<rel>" not in svg
    assert 'data-node="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"' in svg and "&lt;rel&gt;" in svg
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "default-src 'none'" in CSP


def test_a_run_started_with_its_viewer_shows_it_live_and_keeps_serving_until_ctrl_c(tmp_path: Path) -> None:
    """``engram run --view 0``: the URL works from the start, the page shows the run as it goes and
    after it ends; the summary is printed, then Ctrl-C stops the viewer and the command exits 0."""
    import signal

    run = tmp_path / "run"
    cmd = [sys.executable, "-m", "engram", "run", "--limit", "2", "--memory", "none", "--max-steps", "8",
           "--step-delay", "0.2", "--run-dir", str(run), "--view", "0"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    try:
        line = proc.stdout.readline()
        assert "engram view: http://127.0.0.1:" in line, line
        port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", "/run/0")  # answered once the run has its manifest
        answer = conn.getresponse()
        assert answer.status == 200 and "Run run" in answer.read().decode()
        conn.close()
        out = ""
        while "the viewer stays up" not in out:
            chunk = proc.stdout.readline()
            assert chunk, f"engram run ended early: {out}"
            out += chunk
        assert "run directory:" in out and proc.poll() is None
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", "/run/0")
        page = conn.getresponse().read().decode()
        assert page.count('class="episode-link"') == 2 and "unfinished" not in page
        conn.close()
        # No wait before Ctrl-C: the command takes it from before it says it stays up.
        proc.send_signal(signal.SIGINT)
        assert proc.wait(60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
