"""Start to usable caseload (office size, key already unlocked) against a bare PySide6 window
with an empty table — both as fresh processes, measured in the same run (QUALITY.md).

"Key already unlocked" is the keychain path: the data key is cached in a (test, in-memory)
keychain, so no passphrase KDF runs.

How it is measured, the same way for both scripts: the parent notes ``time.time()`` just
before it spawns the child; the child prints ``USABLE <time.time()>`` at the moment it is
usable, and the figure is the difference. What happens after that moment (closing the
store, stopping threads, interpreter teardown) is not start-up and is not counted, for
either script. "Usable" means:

* baseline: the window is shown, the event loop has run once, and the whole window has been
  painted (``repaint()``, synchronous);
* ours: the caseload model holds its rows (``CaseloadPage.loaded``) and the whole window has
  been painted the same way, so the table's visible rows are laid out and drawn. Work the
  program deliberately starts only after that first screen (``MainWindow.ready``: sync
  activation, the full page check) falls after the marker here, as it does for a person.

The store is opened once before timing, so upgrading a store written by an older release
(a one-off) is not timed.

Runs are interleaved (baseline, ours, baseline, ...) so both see the same machine; medians
are reported.

Bytecode: an installed program starts from compiled bytecode (pip compiles a wheel's modules
on install, PyInstaller bundles them compiled), and so does PySide6 from the virtualenv. A
development checkout run with ``PYTHONDONTWRITEBYTECODE=1`` would instead compile every one
of the program's modules from source on every start (~40 ms here), so the program's package
is compiled once with :mod:`compileall` before timing, as it would be when installed.

Run: ``.venv/bin/python -m benchmarks.bench_startup [--size office] [--runs 5]``
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time

import mentor_desk
from benchmarks.common import PASSPHRASE, sized_store, unlock
from mentor_desk.store.keys import read_key_file, unwrap

BASELINE = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
win = QMainWindow()
table = QTableView()
table.setModel(QStandardItemModel(0, 9))
win.setCentralWidget(table)
win.resize(1280, 800)
win.show()

def usable():
    win.repaint()
    print(f"USABLE {time.time():.6f}", flush=True)
    app.quit()

QTimer.singleShot(0, usable)
app.exec()
"""

# The bare window plus what any keychain unlock must do before it can open a store: import
# ``keyring`` and read the key from it (the same in-memory backend as below). No program can
# start from the keychain in less than this; it shows how much of the 1.5× the keychain
# library alone uses up (docs/benchmarks.md, "Start-up").
FLOOR = BASELINE.replace(
    "import sys, time\n",
    """import os, sys, time
import keyring
from keyring.backend import KeyringBackend

class Memory(KeyringBackend):
    priority = 1
    def get_password(self, s, u): return os.environ["BENCH_KEY"]
    def set_password(self, s, u, p): pass
    def delete_password(self, s, u): pass

keyring.set_keyring(Memory())
assert len(keyring.get_password("mentor-desk", "profile:x")) == 64
""",
)

OURS = r"""
import os, sys, time
from pathlib import Path
import keyring
from keyring.backend import KeyringBackend
from PySide6.QtWidgets import QApplication

class Memory(KeyringBackend):
    priority = 1
    def __init__(self):
        super().__init__(); self.items = {}
    def get_password(self, s, u): return self.items.get((s, u))
    def set_password(self, s, u, p): self.items[(s, u)] = p
    def delete_password(self, s, u): self.items.pop((s, u), None)

backend = Memory()
entry = ("mentor-desk", "profile:" + os.environ["BENCH_PROFILE_ID"])
backend.items[entry] = os.environ["BENCH_KEY"]
keyring.set_keyring(backend)
from mentor_desk.app import AppConfig, build
from mentor_desk.ui.shell.theme import apply_theme
app = QApplication(sys.argv)
apply_theme(app)
services = build(AppConfig(profile_dir=Path(os.environ["BENCH_PROFILE_DIR"])))
window = services.window

def usable():
    if window.caseload.model.rowCount() == 0:
        return
    window.repaint()
    print(f"USABLE {time.time():.6f}", flush=True)
    import resource
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"RSS {rss}", flush=True)
    app.quit()

window.caseload.loaded.connect(usable)
window.resize(1280, 800)
window.show()
window.start()
app.exec()
services.shutdown()
"""


RSS: list[int] = []


def run(script: str, env: dict[str, str]) -> float:
    """Seconds from spawning ``script`` to its ``USABLE`` marker."""
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = out.stdout.splitlines()
    RSS.extend(int(line.split()[1]) for line in lines if line.startswith("RSS"))
    marks = [float(line.split()[1]) for line in lines if line.startswith("USABLE")]
    if not marks:
        raise RuntimeError(f"the script never became usable:\n{out.stdout}\n{out.stderr}")
    return marks[0] - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="office")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    profile, _ = sized_store(args.size)
    key_file = read_key_file(profile.key_path)
    if not key_file.use_keychain:
        # Mark the profile as keychain-enabled (the real keychain is not touched here).
        from mentor_desk.store.keys import KeyFile, write_key_file

        write_key_file(
            profile.key_path,
            KeyFile(
                key_file.profile_id,
                key_file.salt,
                key_file.nonce,
                key_file.wrapped,
                key_file.kdf,
                True,
            ),
        )
        key_file = read_key_file(profile.key_path)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "BENCH_PROFILE_DIR": str(profile.directory),
        "BENCH_PROFILE_ID": key_file.profile_id,
        "BENCH_KEY": unwrap(key_file, PASSPHRASE).hex(),
    }
    # A store written by an older release is upgraded the first time it is opened; do that
    # now, not in the first timed run.
    unlock(profile).close()
    # As installed: compiled bytecode (see the module docstring).
    compileall.compile_dir(os.path.dirname(mentor_desk.__file__), quiet=1)
    base, floor, ours = [], [], []
    for _ in range(args.runs):  # interleaved, so all three see the same machine
        base.append(run(BASELINE, env))
        floor.append(run(FLOOR, env))
        ours.append(run(OURS, env))
    b, f, o = statistics.median(base), statistics.median(floor), statistics.median(ours)
    print(f"bare PySide6 window with an empty table: median {b * 1000:.0f} ms")
    print(
        f"the same window after importing keyring and reading a key from it: median "
        f"{f * 1000:.0f} ms → ratio {f / b:.2f}× before any of the program runs"
    )
    print(
        f"start to usable caseload ({args.size}, keychain unlock): median {o * 1000:.0f} ms "
        f"→ ratio {o / b:.2f}× (target ≤ 1.5×)"
    )
    if RSS:
        print(f"memory, office-size caseload open: peak RSS {max(RSS)} MB (target ≤ 300 MB)")


if __name__ == "__main__":
    main()
