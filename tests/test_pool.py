"""fagui report on several processes writes the same site, byte for byte,
as on one (fagui.pool), through the real CLI on a real git corpus."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from fagui.pool import POOL_FROM, default_jobs
from fagui.report import plan_report

from corpora import ROOT, commit_all, seed_corpus


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_processes_write_the_same_site_as_one(tmp_path):
    repo = seed_corpus(tmp_path)  # four comparisons, and a history below
    path = repo / "texts" / "zhejiang" / "counterespionage-security-measures.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## 第二条\n\n", "## 第二条\n\n本省", 1), encoding="utf-8")
    commit_all(repo)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    sites = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        done = subprocess.run([sys.executable, "-m", "cli", "report", "--repo", str(repo), "-o", str(out), "-j", jobs],
                              capture_output=True, text=True, env=env, cwd=ROOT)
        assert done.returncode == 0, done.stderr
        sites.append(files(out))
    assert any(name.startswith("history-") for name in sites[0])
    assert sites[0] == sites[1]


def test_a_small_report_stays_in_one_process(tmp_path):
    plan = plan_report(seed_corpus(tmp_path))
    assert len(plan) < POOL_FROM and default_jobs(plan) == 1


def test_a_worker_is_handed_its_comparison_not_the_plan(tmp_path):
    """What a worker process receives is one pending comparison, pickled:
    the two texts it compares and the corpus's folder, not the other texts
    of the plan; made after the round trip (as a worker makes it, opening
    the corpus itself) it is the same comparison."""
    repo = seed_corpus(tmp_path)
    path = repo / "texts" / "zhejiang" / "counterespionage-security-measures.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## 第二条\n\n", "## 第二条\n\n本省", 1), encoding="utf-8")
    commit_all(repo)
    plan = plan_report(repo)
    pending = plan.jurisdictions[0]
    sent = pickle.dumps(pending)
    others = {pairing.derived for pairing in plan.implementation.pairings} - {pending.job.derived.id}
    assert others and not any(other.encode() in sent for other in others)
    assert pickle.loads(sent).make() == pending.make()
    history = plan.versions[0]
    assert pickle.loads(pickle.dumps(history)).make() == history.make()
