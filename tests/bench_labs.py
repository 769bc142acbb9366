"""Benchmarks for the lab computations (not a pytest file).

Run from the project root:  .venv/bin/python tests/bench_labs.py

1. Propagation throughput: shared_orbits.propagation.propagate_teme against calling
   sgp4's SatrecArray.sgp4 directly, 10,000 satellites x 1,440 one-minute steps.
   The 10,000 satellites are SYNTHETIC: the 33 TLEs of the sgp4 verification set
   (SGP4-VER.TLE), each copied with its mean anomaly, node and mean motion perturbed.
2. Screening the REAL catalogue (CelesTrak active group, July 2026, the book's copy in
   notebooks/data/) for one day at 5 km: the time of screen_conjunctions divided by the
   time of SatrecArray.sgp4 propagating the same objects over the same day on a
   one-minute grid, both measured in this run, the propagation just before and just
   after the screening and averaged (target: ratio <= 2). Then random subsets
   of 2,000, 4,000, 8,000 and all 15,985 objects, and the exponent k of a least-squares
   fit time ~ N^k.
3. 2D probability of collision: exact method (vectorised) and Chan's series, evaluations
   per second, for 20,000 cases in one call.

Prints a table. Takes a few minutes on one core.
"""

from __future__ import annotations

import time
from importlib.resources import files
from pathlib import Path

import numpy as np
from sgp4.api import Satrec, SatrecArray, WGS72

from shared_orbits import catalogue
from shared_orbits import conjunction as cj
from shared_orbits import propagation as prop


def synthetic_copies(n: int, seed: int = 2026) -> list[Satrec]:
    """n satellites made by perturbing the elements of the verification-set TLEs."""
    text = files("sgp4").joinpath("SGP4-VER.TLE").read_text()
    lines = [ln[:69] for ln in text.splitlines() if ln[:2] in ("1 ", "2 ")]
    base = [Satrec.twoline2rv(a, b) for a, b in zip(lines[0::2], lines[1::2])]
    # leave out the cases built to fail (bad elements or decaying within hours)
    base = [s for s in base if s.satnum not in (33333, 33334, 33335, 28872, 29141, 22312)]
    rng = np.random.default_rng(seed)
    out = []
    for k in range(n):
        s = base[k % len(base)]
        sat = Satrec()
        sat.sgp4init(WGS72, "i", k % 100000, s.jdsatepoch - 2433281.5 + s.jdsatepochF, s.bstar, s.ndot, s.nddot,
                     s.ecco, s.argpo, s.inclo, (s.mo + rng.uniform(0, 2 * np.pi)) % (2 * np.pi),
                     s.no_kozai * (1 + rng.uniform(-1e-3, 1e-3)), (s.nodeo + rng.uniform(0, 2 * np.pi)) % (2 * np.pi))
        out.append(sat)
    return out


def bench_propagation(n_sats: int = 10_000, n_steps: int = 1440, repeats: int = 3):
    sats = synthetic_copies(n_sats)
    array = SatrecArray(sats)
    jd0, fr0 = prop.julian_date(2006, 6, 26)
    jd, fr = prop.time_grid(jd0, fr0, (n_steps - 1) * 1.0, 1.0)
    best_direct = best_ours = np.inf
    for _ in range(repeats):
        t = time.perf_counter()
        e, r, v = array.sgp4(jd, fr)
        best_direct = min(best_direct, time.perf_counter() - t)
        del e, r, v
        t = time.perf_counter()
        e, r, v = prop.propagate_teme(array, jd, fr)
        best_ours = min(best_ours, time.perf_counter() - t)
        del e, r, v
    evals = n_sats * n_steps
    return evals / best_direct, evals / best_ours, best_direct, best_ours


def real_catalogue():
    root = Path(__file__).resolve().parent.parent
    cat = catalogue.read_gp_csv(root / "notebooks" / "data" / "celestrak-active-2026-07.csv.gz")
    return catalogue.satellites(cat)


def bench_screening(sizes=(2000, 4000, 8000, 15985), duration_min: float = 1440.0, threshold_km: float = 5.0):
    sats = real_catalogue()
    jd0, fr0 = prop.julian_date(2026, 7, 12)
    jd, fr = prop.time_grid(jd0, fr0, duration_min, 1.0)
    rng = np.random.default_rng(2026)
    rows = []
    for n in sizes:
        chosen = sorted(rng.choice(len(sats), size=min(n, len(sats)), replace=False))
        subset = [sats[k] for k in chosen]
        # propagation timed just before and just after the screening, and averaged, so
        # that a change in the machine's load during the run moves both alike
        t_prop = 0.0
        for when in ("before", "after"):
            t = time.perf_counter()
            e, r, v = SatrecArray(subset).sgp4(jd, fr)
            t_prop += 0.5 * (time.perf_counter() - t)
            del e, r, v
            if when == "before":
                t = time.perf_counter()
                res = cj.screen_conjunctions(subset, jd0, fr0, duration_min, threshold_km)
                t_screen = time.perf_counter() - t
        rows.append((len(subset), t_prop, t_screen, len(res["i"])))
    n_arr = np.array([r[0] for r in rows], dtype=float)
    t_arr = np.array([r[2] for r in rows])
    exponent = np.polyfit(np.log(n_arr), np.log(t_arr), 1)[0]
    return rows, exponent


def bench_pc(n: int = 20_000):
    rng = np.random.default_rng(2026)
    cases = [rng.normal(0, 200, n), rng.normal(0, 200, n), rng.uniform(10, 500, n), rng.uniform(50, 3000, n),
             rng.uniform(2, 20, n)]
    rates = {}
    for name, fn in (("exact (pc_circle)", cj.pc_circle), ("Chan series (pc_chan)", cj.pc_chan)):
        best = np.inf
        for _ in range(3):
            t = time.perf_counter()
            fn(*cases)
            best = min(best, time.perf_counter() - t)
        rates[name] = (best, n / best)
    return rates


def main():
    t_start = time.perf_counter()
    print("Shared Orbits lab benchmarks (see the module docstring for the inputs)\n")

    direct, ours, t_direct, t_ours = bench_propagation()
    print("Propagation, 10,000 synthetic satellites x 1,440 steps (best of 3)")
    print(f"  {'call':34s} {'time s':>8s} {'props/s':>14s}")
    print(f"  {'SatrecArray.sgp4 (direct)':34s} {t_direct:8.2f} {direct:14,.0f}")
    print(f"  {'propagation.propagate_teme':34s} {t_ours:8.2f} {ours:14,.0f}")
    print(f"  ratio ours / direct = {ours / direct:.3f}  (target >= 0.8)\n")

    rows, exponent = bench_screening()
    print("Screening the real catalogue (CelesTrak active, July 2026) over one day, threshold 5 km")
    print(f"  {'objects':>8s} {'propagate s':>12s} {'screen s':>9s} {'ratio':>6s} {'encounters':>11s}")
    for n, t_prop, t, found in rows:
        print(f"  {n:8d} {t_prop:12.2f} {t:9.2f} {t / t_prop:6.2f} {found:11d}")
    print(f"  screening / propagation, whole catalogue: {rows[-1][2] / rows[-1][1]:.2f}  (target <= 2)")
    print(f"  fitted exponent k in time ~ N^k: {exponent:.2f}  (target <= 1.3)\n")

    rates = bench_pc()
    print("2D probability of collision, 20,000 cases in one call (best of 3)")
    for name, (seconds, rate) in rates.items():
        print(f"  {name:34s} {seconds:8.3f} s {rate:12,.0f} evaluations/s")
    print(f"\nTotal run time {time.perf_counter() - t_start:.0f} s")


if __name__ == "__main__":
    main()
