"""The Chromium browsers behind MiniWoB envs: one started per env, a closed env's kept for the next.

Why keep them: starting Chromium and chromedriver costs 0.7-1.4 s on 2 cores, more than a whole
MiniWoB episode. A process that makes one env after another (a study over many tasks, the
conformance checks, a notebook) paid it every time. A closed env *parks* its browser here, if the
browser still answers (at most :data:`PARKED` per process); the next env of any task takes it and
loads its own task page, which resets everything a MiniWoB page holds (the tasks keep no state
outside the page). A parked browser that stopped answering is quit, never handed out.

Nothing outlives the process: parked browsers are quit at interpreter exit
(:func:`release_browsers`, also callable at any time), and a small watchdog process kills the
browsers a process started if it is killed outright (SIGKILL runs no exit handler).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import subprocess
import sys
import threading
from functools import cache
from typing import Any

import gymnasium as gym

#: Browsers kept per process after their envs closed (each idle one holds about 150 MB).
PARKED = 1

_PARKED: list[Any] = []
_LOCK = threading.Lock()


def _answers(driver: Any) -> bool:
    try:
        driver.execute_script("return 1")
        return True
    except Exception:  # any failure of a dead or hung browser: it is not handed out
        return False


def _quit(driver: Any) -> None:
    with contextlib.suppress(Exception):  # already dead: nothing to close
        driver.quit()


def _take() -> Any | None:
    with _LOCK:
        drivers = list(_PARKED)
        _PARKED.clear()
    found = None
    for driver in drivers:
        if found is None and _answers(driver):
            found = driver
        else:
            _quit(driver)
    return found


def _park(driver: Any) -> None:
    if _answers(driver):
        with _LOCK:
            if len(_PARKED) < PARKED:
                _PARKED.append(driver)
                return
    _quit(driver)


@atexit.register
def release_browsers() -> None:
    """Quit every parked browser now (the next env starts a fresh one)."""
    with _LOCK:
        drivers = list(_PARKED)
        _PARKED.clear()
    for driver in drivers:
        _quit(driver)


def parked_pids() -> set[int]:
    """The processes of the parked browsers (chromedriver and everything under it)."""
    import psutil

    out: set[int] = set()
    with _LOCK:
        drivers = list(_PARKED)
    for driver in drivers:
        try:
            root = psutil.Process(driver.service.process.pid)
            out |= {root.pid, *(p.pid for p in root.children(recursive=True))}
        except (AttributeError, psutil.Error):
            continue
    return out


@cache
def _instance_class() -> type:
    """miniwob's SeleniumInstance, starting from a parked browser when there is one."""
    from miniwob.selenium_instance import SeleniumInstance
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.expected_conditions import element_to_be_clickable
    from selenium.webdriver.support.wait import WebDriverWait

    class KeptInstance(SeleniumInstance):
        died: bool

        def create_driver(self) -> None:
            driver = _take() if self.headless else None
            if driver is not None:
                try:
                    driver.get(self.url)
                    WebDriverWait(driver, 5).until(element_to_be_clickable((By.ID, self.SYNC_SCREEN_ID)))
                    self.inner_width, self.inner_height = driver.execute_script(
                        "return [window.innerWidth, window.innerHeight];"
                    )
                    self.driver = driver
                    return
                except Exception:  # it died while being handed over: start a fresh one instead
                    _quit(driver)
            before = _browser_pids()
            super().create_driver()
            _watch(sorted(_browser_pids() - before))

        def close(self) -> None:
            driver = getattr(self, "driver", None)
            if driver is not None and self.headless and not self.died:
                _park(driver)
                self.died = True
            else:
                super().close()

    return KeptInstance


@cache
def _env_class(base: type) -> type:
    def _hard_reset_instance(self: Any) -> None:
        if getattr(self, "instance", None):
            self.instance.close()
        self.instance = _instance_class()(index=0, **self.instance_kwargs)
        self.instance.start()
        self.instance.wait()

    return type(base.__name__, (base,), {"_hard_reset_instance": _hard_reset_instance})


def make_task(task: str) -> gym.Env:
    """miniwob's own env for ``task`` (``miniwob/<task>-v1``), its browser taken from the parked ones
    when one is there."""
    import miniwob
    from gymnasium.envs.registration import load_env_creator

    gym.register_envs(miniwob)
    spec = gym.spec(f"miniwob/{task}-v1")
    base = load_env_creator(spec.entry_point) if isinstance(spec.entry_point, str) else spec.entry_point
    if not isinstance(base, type):
        raise TypeError(f"miniwob/{task}-v1 is not made by a class: {base!r}")
    return _env_class(base)(render_mode=None, **spec.kwargs)


#: Run in a separate, detached process: when the engram process is gone (killed, even with
#: SIGKILL, so that no atexit runs), kill the browser it started.
_WATCHDOG = """
import os, sys, time
parent, pids = int(sys.argv[1]), [int(p) for p in sys.argv[2:]]
while True:
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        break
    if not any(os.path.exists(f"/proc/{p}") for p in pids):
        sys.exit(0)
    time.sleep(1)
for p in pids:
    try:
        os.kill(p, 9)
    except (ProcessLookupError, PermissionError):
        pass
"""


def _browser_pids() -> set[int]:
    try:
        import psutil
    except ImportError:
        return set()
    out = set()
    for p in psutil.Process().children(recursive=True):
        try:
            if "chrom" in p.name():
                out.add(p.pid)
        except psutil.Error:
            pass
    return out


def _watch(pids: list[int]) -> None:
    if pids:
        subprocess.Popen([sys.executable, "-c", _WATCHDOG, str(os.getpid()), *map(str, pids)],
                         start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)  # fmt: skip
