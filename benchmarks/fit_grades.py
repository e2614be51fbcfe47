"""Fit the grading models (fagui/align/weights.py) on the hand-checked
alignments and measure them leave-one-pair-out.

    python benchmarks/fit_grades.py [--write] [--pairs a,b,...] [--hold-out x,y] [--no-held-out]

For each kind of claim (a pair of a counterpart group, a *shares* link, an
article left alone) the features of :mod:`fagui.align.grading` are collected
from every gold pair with the engine's proposals (every pass but
``grade_links``) and labelled against the gold: a link is right when the gold
links the two articles (any strength), a claim that an article has no
correspondence is right unless the gold links it surely. A logistic
regression (L2, Newton steps, pure Python) per kind gives the probability a
claim is right; the cut-offs are the lowest probabilities at which

* ``sure``: every training pair's precision of sure claims of that kind is at
  least ``SURE_PRECISION``;
* ``unsure`` (versions): every training version pair's precision of all links
  shown (sure and unsure) is at least ``SHOWN_PRECISION``; (jurisdictions):
  the probability ``UNSURE_FLOOR`` (below it a link is likelier wrong than
  right... by the model).

Leave-one-pair-out: for each pair, models and cut-offs are fitted on the other
pairs, the pair is compared with them (the real engine, the fold's weights)
and scored; those are the figures printed (and in docs/comparison.md). With
``--write`` the models fitted on every pair (``--hold-out`` pairs left out)
are written to fagui/align/weights.py.
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import fagui.align.grading as grading  # noqa: E402
from fagui.align import JURISDICTION_PASSES, VERSION_PASSES, stock_background  # noqa: E402
from fagui.align.context import State, make_context  # noqa: E402
from fagui.model import Claim, Side  # noqa: E402
from fagui.model.params import PARAMS  # noqa: E402
from fagui.compare import compare  # noqa: E402
from gold import GradeFigures, gold_pairs, grade_figures, load_gold, text_of  # noqa: E402

HELD_OUT = ("consumer-zhejiang", "women-2018-2022")
"""Gold pairs annotated after the models were fitted: never fitted on, only
measured (``--hold-out`` replaces the list)."""

SURE_PRECISION = 0.99
PAIR_PRECISION = 0.97
SHOWN_PRECISION = 0.96
UNSURE_FLOOR = 0.3
L2 = 0.1
KINDS = {
    Claim.COUNTERPART: grading.COUNTERPART_FEATURES,
    Claim.SHARES: grading.SHARE_FEATURES,
    Claim.ALONE: grading.ALONE_FEATURES,
}


def background():
    return stock_background()


def collect(name: str, bg) -> dict[str, list[tuple[tuple[float, ...], bool]]]:
    """{kind: [(features, right)]} for one gold pair."""
    gold = load_gold(name)
    left, right = text_of(gold["left"]), text_of(gold["right"])
    ctx = make_context(left, right, gold["mode"], PARAMS, bg)
    state = State()
    chain = VERSION_PASSES if gold["mode"] == "versions" else JURISDICTION_PASSES
    for pass_name, run in chain:
        if pass_name != "grade_links":
            state = run(ctx, state)
    every = {(g["left"], g["right"]) for g in gold["links"]}
    sure_l = {g["left"] for g in gold["links"] if g["sure"]}
    sure_r = {g["right"] for g in gold["links"] if g["sure"]}
    la = [x.article.label for x in ctx.left]
    ra = [x.article.label for x in ctx.right]
    out = {
        Claim.COUNTERPART: [(f, (la[i], ra[j]) in every) for (i, j), f in grading.counterpart_features(ctx, state).items()],
        Claim.SHARES: [(f, (la[i], ra[j]) in every) for (i, j), f in grading.share_features(ctx, state).items()],
        Claim.ALONE: [
            (f, (la[k] not in sure_l) if side is Side.LEFT else (ra[k] not in sure_r))
            for (side, k), f in grading.alone_features(ctx, state).items()
        ],
    }
    return out


def fit(rows: list[tuple[tuple[float, ...], bool]], n: int) -> dict:
    """Logistic regression on standardised features, L2 ``L2``, Newton steps."""
    xs = [r[0] for r in rows]
    ys = [1.0 if r[1] else 0.0 for r in rows]
    mean = [sum(x[k] for x in xs) / len(xs) for k in range(n)]
    scale = [math.sqrt(sum((x[k] - mean[k]) ** 2 for x in xs) / len(xs)) or 1.0 for k in range(n)]
    zs = [[1.0] + [(x[k] - mean[k]) / scale[k] for k in range(n)] for x in xs]
    w = [0.0] * (n + 1)
    for _ in range(50):
        grad = [0.0] * (n + 1)
        hess = [[0.0] * (n + 1) for _ in range(n + 1)]
        for z, y in zip(zs, ys):
            p = 1 / (1 + math.exp(-max(-60, min(60, sum(a * b for a, b in zip(w, z))))))
            for a in range(n + 1):
                grad[a] += (p - y) * z[a]
                for b in range(n + 1):
                    hess[a][b] += p * (1 - p) * z[a] * z[b]
        for a in range(1, n + 1):
            grad[a] += L2 * w[a]
            hess[a][a] += L2
        hess[0][0] += 1e-9
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(map(abs, step)) < 1e-8:
            break
    return {"intercept": w[0], "weights": w[1:], "mean": mean, "scale": scale}


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [v] for row, v in zip(a, b)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n + 1):
                m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def prob(model: dict, f) -> float:
    z = model["intercept"] + sum(w * (x - m) / s for w, x, m, s in zip(model["weights"], f, model["mean"], model["scale"]))
    return 1 / (1 + math.exp(-max(-60, min(60, z))))


def lowest_cutoff(per_pair: list[list[tuple[float, bool]]], target: float) -> float:
    """The lowest probability c such that the claims of all pairs with
    probability >= c are right at least ``target`` of the time, and on every
    pair at least ``PAIR_PRECISION`` of the time (a pair's one wrong claim
    among fewer than ``1 / (1 - PAIR_PRECISION)`` does not count)."""
    candidates = sorted({p for rows in per_pair for p, _ in rows} | {0.0, 1.0})
    for c in candidates:
        pooled = [y for rows in per_pair for p, y in rows if p >= c]
        if pooled and sum(pooled) / len(pooled) < target - 1e-12:
            continue
        ok = True
        for rows in per_pair:
            kept = [y for p, y in rows if p >= c]
            wrong = len(kept) - sum(kept)
            if wrong > (1 - PAIR_PRECISION) * len(kept):
                ok = False
                break
        if ok:
            return c
    return 1.0


def models_for(data: dict[str, dict], modes: dict[str, str]) -> dict:
    """Models and cut-offs fitted on ``data`` ({pair: {kind: rows}})."""
    out = {}
    for kind, names in KINDS.items():
        rows = [r for d in data.values() for r in d[kind]]
        model = fit(rows, len(names))
        scored = {pair: [(prob(model, f), y) for f, y in d[kind]] for pair, d in data.items()}
        sure = {}
        for mode in ("versions", "jurisdictions"):
            sure[mode] = lowest_cutoff([scored[p] for p in data if modes[p] == mode] or [[]], SURE_PRECISION)
        if kind is Claim.ALONE:
            unsure = {"versions": 0.0, "jurisdictions": 0.0}
        else:
            shown = lowest_cutoff([scored[p] for p in data if modes[p] == "versions"] or [[]], SHOWN_PRECISION)
            unsure = {"versions": max(shown, UNSURE_FLOOR), "jurisdictions": UNSURE_FLOOR}
        out[kind] = model | {"sure": sure, "unsure": unsure}
    # links are shown together: in versions the counterpart and shares cut-offs both hold
    return out


def figures(name: str, models: dict, bg) -> GradeFigures:
    """The pair compared with ``models``: the issue's figures."""
    gold = load_gold(name)
    saved = grading.MODELS
    grading.MODELS = models
    try:
        c = compare(text_of(gold["left"]), text_of(gold["right"]), gold["mode"], background=bg)
    finally:
        grading.MODELS = saved
    return grade_figures(gold, c)


def show(name: str, f: GradeFigures, mode: str) -> str:
    def p(x):
        v, n = x
        return f"{v:.3f} ({n})" if v is not None else f"  n/a ({n})"

    return (
        f"| {name}{' (versions)' if mode == 'versions' else ''} | {p(f.sure)} | {p(f.unsure)} | {p(f.shown)} | "
        f"{f.recall:.3f} | {f.recall_with_candidates:.3f} | {f.wrong_sure_claims} / {f.wrong_claims} of {f.claims} |"
    )


def write(models: dict) -> None:
    path = ROOT / "fagui" / "align" / "weights.py"
    lines = [
        '"""The grading models of :mod:`fagui.align.grading`: written by',
        "``python benchmarks/fit_grades.py --write`` from the hand-checked alignments",
        "(tests/fixtures/alignment; figures leave-one-pair-out in docs/comparison.md).",
        'Do not edit by hand: change the features or the script and re-run it."""',
        "",
        "MODELS = {",
    ]
    for kind, m in models.items():
        lines.append(f"    {kind.value!r}: {{")
        lines.append(f"        # features: {', '.join(KINDS[kind])}")
        for key in ("intercept", "weights", "mean", "scale", "sure", "unsure"):
            v = m[key]
            if isinstance(v, list):
                v = [round(x, 6) for x in v]
            elif isinstance(v, float):
                v = round(v, 6)
            else:
                v = {k: round(x, 6) for k, x in v.items()}
            lines.append(f"        {key!r}: {v!r},")
        lines.append("    },")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--pairs", default="")
    ap.add_argument("--no-held-out", action="store_true", help="fit and measure without looking at the held-out pairs")
    ap.add_argument("--hold-out", default=",".join(HELD_OUT))
    args = ap.parse_args()
    held = set(filter(None, args.hold_out.split(",")))
    show_held = not args.no_held_out
    names = [n for n in (args.pairs.split(",") if args.pairs else gold_pairs()) if n not in held]
    bg = background()
    modes = {n: load_gold(n)["mode"] for n in names + sorted(held)}
    data = {n: collect(n, bg) for n in names}
    print("| pair | sure P (n) | unsure P (n) | shown P (n) | recall s+u | recall s+u+cand | wrong one-sided: sure / all of claims |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for n in names:
        fold = models_for({k: v for k, v in data.items() if k != n}, modes)
        print(show(n, figures(n, fold, bg), modes[n]), flush=True)
    final = models_for(data, modes)
    for kind, m in final.items():
        print(kind, "sure", m["sure"], "unsure", m["unsure"])
        print("   ", ", ".join(f"{f}={w:+.2f}" for f, w in zip(KINDS[kind], m["weights"])))
    for n in sorted(held) if show_held else ():
        print(show(n, figures(n, final, bg), modes[n]) + " held out")
    if args.write:
        write(final)


if __name__ == "__main__":
    main()
