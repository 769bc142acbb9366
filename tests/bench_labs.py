"""Benchmarks for the lab computations (not a pytest file).

Run from the project root:  .venv/bin/python tests/bench_labs.py

1. Propagation throughput: shared_orbits.propagation.propagate_teme against calling
   sgp4's SatrecArray.sgp4 directly, 10,000 satellites x 1,440 one-minute steps.
   The 10,000 satellites are SYNTHETIC: the 33 TLEs of the sgp4 verification set
   (SGP4-VER.TLE), each copied with its mean anomaly, node and mean motion perturbed.
2. Screening time of shared_orbits.conjunction.screen_conjunctions for 2,000, 4,000,
   8,000 and 16,000 objects over one day (threshold 5 km), and the exponent k of a
   least-squares fit time ~ N^k. The populations are SYNTHETIC, drawn by
   shared_orbits.conjunction.synthetic_population to resemble the catalogue's
   altitude/inclination structure in low Earth orbit; they are not the catalogue.
3. 2D probability of collision: exact method and Chan's series, evaluations per second.

Prints a table. Takes two to three minutes on one core.
"""

from __future__ import annotations

import time
from importlib.resources import files

import numpy as np
from sgp4.api import Satrec, SatrecArray, WGS72

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
        r, v, e = prop.propagate_teme(array, jd, fr)
        best_ours = min(best_ours, time.perf_counter() - t)
        del e, r, v
    evals = n_sats * n_steps
    return evals / best_direct, evals / best_ours, best_direct, best_ours


def bench_screening(sizes=(2000, 4000, 8000, 16000), duration_min: float = 1440.0, threshold_km: float = 5.0):
    jd0, fr0 = prop.julian_date(2026, 1, 1)
    rows = []
    for n in sizes:
        sats = cj.synthetic_population(n, jd0 + fr0, seed=2026)
        t = time.perf_counter()
        res = cj.screen_conjunctions(sats, jd0, fr0, duration_min, threshold_km)
        rows.append((n, time.perf_counter() - t, len(res["i"])))
    n_arr = np.array([r[0] for r in rows], dtype=float)
    t_arr = np.array([r[1] for r in rows])
    exponent = np.polyfit(np.log(n_arr), np.log(t_arr), 1)[0]
    return rows, exponent


def bench_pc(seconds: float = 2.0):
    rng = np.random.default_rng(2026)
    cases = np.column_stack([rng.normal(0, 200, 500), rng.normal(0, 200, 500),
                             rng.uniform(10, 500, 500), rng.uniform(50, 3000, 500), rng.uniform(2, 20, 500)])
    rates = {}
    for name, fn in (("exact (pc_circle)", cj.pc_circle), ("Chan series (pc_chan)", cj.pc_chan)):
        n = 0
        t = time.perf_counter()
        while time.perf_counter() - t < seconds:
            for c in cases:
                fn(*c)
            n += len(cases)
        rates[name] = n / (time.perf_counter() - t)
    # vectorised Chan over all cases at once
    t = time.perf_counter()
    reps = 200
    for _ in range(reps):
        cj.pc_chan(*cases.T)
    rates["Chan series, 500 per call"] = reps * len(cases) / (time.perf_counter() - t)
    return rates


def main():
    t_start = time.perf_counter()
    print("Shared Orbits lab benchmarks (synthetic inputs; see the module docstring)\n")

    direct, ours, t_direct, t_ours = bench_propagation()
    print("Propagation, 10,000 synthetic satellites x 1,440 steps (best of 3)")
    print(f"  {'call':34s} {'time s':>8s} {'props/s':>14s}")
    print(f"  {'SatrecArray.sgp4 (direct)':34s} {t_direct:8.2f} {direct:14,.0f}")
    print(f"  {'propagation.propagate_teme':34s} {t_ours:8.2f} {ours:14,.0f}")
    print(f"  ratio ours / direct = {ours / direct:.3f}  (target >= 0.8)\n")

    rows, exponent = bench_screening()
    print("Screening over one day, threshold 5 km, synthetic LEO populations")
    print(f"  {'objects':>8s} {'time s':>8s} {'encounters':>11s}")
    for n, t, found in rows:
        print(f"  {n:8d} {t:8.2f} {found:11d}")
    print(f"  fitted exponent k in time ~ N^k: {exponent:.2f}  (target <= 1.3)\n")

    rates = bench_pc()
    print("2D probability of collision")
    for name, rate in rates.items():
        print(f"  {name:34s} {rate:12,.0f} evaluations/s")
    print(f"\nTotal run time {time.perf_counter() - t_start:.0f} s")


if __name__ == "__main__":
    main()
