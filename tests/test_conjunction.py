"""Tests for shared_orbits.conjunction: 2D probability of collision and screening."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from pathlib import Path

from scipy.optimize import minimize_scalar
from scipy.spatial import cKDTree
from sgp4.api import SatrecArray

from shared_orbits import catalogue
from shared_orbits import conjunction as cj
from properties import finite_or_value_error as _finite_or_value_error, numbers, values
from shared_orbits.propagation import julian_date, satellite_from_elements

ROOT = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------- published Pc cases

# Encounter-plane cases from Orekit's tests (CS-SI/Orekit, src/test/java/org/orekit/ssa/collision/
# shorttermencounter/probability/twod/Chan1997Test.java and Laas2015Test.java): inputs x_m, y_m,
# sigma_x, sigma_y, R in metres; the Chan (1997) series result, the exact (Laas 2015, Serra et al.
# 2016) result, and the absolute tolerances the Orekit tests assert (Chan, exact).
OREKIT_CASES = [
    # name, xm, ym, sx, sy, R, chan1997, laas2015, tol_chan, tol_exact
    ("Chan01", 0, 10, 25, 50, 5, 9.754e-3, 9.742e-3, 1e-6, 1e-6),
    ("Chan02", 10, 0, 25, 50, 5, 9.189e-3, 9.181e-3, 1e-6, 1e-6),
    ("Chan03", 0, 10, 25, 75, 5, 6.586e-3, 6.571e-3, 1e-6, 1e-6),
    ("Chan04", 10, 0, 25, 75, 5, 6.135e-3, 6.125e-3, 1e-6, 1e-6),
    ("Chan05", 0, 1000, 1000, 3000, 10, 1.577e-5, 1.577e-5, 1e-8, 1e-8),
    ("Chan06", 1000, 0, 1000, 3000, 10, 1.011e-5, 1.011e-5, 1e-8, 1e-8),
    ("Chan07", 0, 10000, 1000, 3000, 10, 6.443e-8, 6.443e-8, 1e-11, 1e-11),
    ("Chan08", 10000, 0, 1000, 3000, 10, 3.216e-27, 3.219e-27, 1e-30, 1e-30),
    ("Chan09", 0, 10000, 1000, 10000, 10, 3.033e-6, 3.033e-6, 1e-9, 1e-9),
    ("Chan10", 10000, 0, 1000, 10000, 10, 9.645e-28, 9.656e-28, 1e-31, 1e-31),
    ("Chan11", 0, 5000, 1000, 3000, 50, 1.039e-4, 1.039e-4, 1e-7, 1e-7),
    ("Chan12", 5000, 0, 1000, 3000, 50, 1.556e-9, 1.564e-9, 1e-12, 1e-12),
    ("CSM1", 84.875546, 60.583685, 57.918666, 152.8814468, 10.3, 1.8934e-3, 1.9002e-3, 1e-7, 1e-7),
    ("CSM2", -81.618369, 115.055899, 15.988242, 5756.840725, 1.3, 2.0135e-11, 2.0553e-11, 1e-15, 1e-15),
    ("CSM3", 102.177247, 693.405893, 94.230921, 643.409272, 5.3, 7.2000e-5, 7.2003e-5, 1e-9, 1e-9),
    ("CDM1", -752.672701, 644.939441, 445.859950, 6095.858688, 3.5, 5.3903e-7, 5.3904e-7, 1e-11, 1e-11),
    ("CDM2", -692.362272, 4475.456261, 193.454603, 562.027293, 13.2, 2.2880e-20, 2.2796e-20, 1e-24, 1e-24),
    ("Alfano3", -3.8872073, 0.1591646, 1.4101830, 114.2585190, 15, 3.1264e-2, 1.0038e-1, 1e-6, 1e-5),
    ("Alfano5", -1.2217895, 2.1230067, 0.0373279, 177.8109003, 10, 1.7346e-202, 4.4507e-2, 1e-206, 1e-6),
]


@pytest.mark.parametrize("case", OREKIT_CASES, ids=[c[0] for c in OREKIT_CASES])
def test_exact_method_reproduces_orekit_laas2015(case):
    name, xm, ym, sx, sy, radius, _, expected, _, tol = case
    pc = cj.pc_circle(xm, ym, sx, sy, radius)
    if name == "Alfano5":
        # Orekit's Laas2015Test notes that Alfano's original value 4.4509e-2 was changed to
        # 4.4507e-2 "as this test case is numerically unstable". Our quadrature agrees with the
        # original 4.4509e-2 to Orekit's tolerance of 1e-6, and with 4.4507e-2 to 4e-6; a
        # series expansion of the integral (sigma_y >> R >> sigma_x) gives 4.45100e-2.
        assert abs(pc - 4.4509e-2) <= 1e-6
        assert abs(pc - expected) <= 4e-6
    else:
        assert abs(pc - expected) <= tol, (name, pc, expected)


@pytest.mark.parametrize("case", OREKIT_CASES, ids=[c[0] for c in OREKIT_CASES])
def test_chan_series_reproduces_orekit_chan1997(case):
    name, xm, ym, sx, sy, radius, expected, _, tol, _ = case
    pc = cj.pc_chan(xm, ym, sx, sy, radius)
    assert abs(pc - expected) <= tol, (name, pc, expected)


def test_chan_fails_for_alfano_cases():
    # Alfano's cases 3 and 5: the series (equal-area circle) is far from the exact value.
    for name in ("Alfano3", "Alfano5"):
        case = [c for c in OREKIT_CASES if c[0] == name][0]
        exact = cj.pc_circle(*case[1:6])
        chan = cj.pc_chan(*case[1:6])
        assert chan < 0.5 * exact


@pytest.mark.parametrize("sigma, radius", [(1.0, 1.0), (100.0, 3.0), (1000.0, 10.0), (0.5, 5.0), (25.0, 20.0), (1e4, 0.5)])
def test_isotropic_zero_miss_identity(sigma, radius):
    # Exact identity (reference-cases.md): isotropic sigma, zero miss, Pc = 1 - exp(-R^2 / (2 sigma^2)).
    exact = -np.expm1(-(radius**2) / (2 * sigma**2))
    assert cj.pc_isotropic_zero_miss(sigma, radius) == pytest.approx(exact, rel=1e-15)
    assert cj.pc_circle(0.0, 0.0, sigma, sigma, radius) == pytest.approx(exact, rel=1e-12)


# NASA CARA Pc2D_Foster unit test, "Omitron" case (nasa/CARA_Analysis_Tools,
# DistributedMatlab/ProbabilityOfCollision/UnitTests/Pc2D_Foster_UnitTest.m): ECI states in km
# and km/s, position covariances in km^2, HBR 0.020 km; expected Pc (circle) 2.70601573490125e-05,
# relative tolerance 1e-3.
OMITRON_R1 = [378.39559, 4305.721887, 5752.767554]
OMITRON_V1 = [2.360800244, 5.580331936, -4.322349039]
OMITRON_C1 = [
    [44.5757544811362, 81.6751751052616, -67.8687662707124],
    [81.6751751052616, 158.453402956163, -128.616921644857],
    [-67.8687662707124, -128.616921644857, 105.490542562701],
]
OMITRON_R2 = [374.5180598, 4307.560983, 5751.130418]
OMITRON_V2 = [-5.388125081, -3.946827739, 3.322820358]
OMITRON_C2 = [
    [2.31067077720423, 1.69905293875632, -1.4170164577661],
    [1.69905293875632, 1.24957388457206, -1.04174164279599],
    [-1.4170164577661, -1.04174164279599, 0.869260558223714],
]


def test_cara_omitron_case():
    pc = cj.pc_from_states(OMITRON_R1, OMITRON_V1, OMITRON_C1, OMITRON_R2, OMITRON_V2, OMITRON_C2, 20.0)
    assert pc == pytest.approx(2.70601573490125e-05, rel=1e-3)
    # the result does not depend on which object is called primary
    swapped = cj.pc_from_states(OMITRON_R2, OMITRON_V2, OMITRON_C2, OMITRON_R1, OMITRON_V1, OMITRON_C1, 20.0)
    assert swapped == pytest.approx(pc, rel=1e-10)


def test_encounter_plane_of_simple_geometry():
    # head-on along x, miss of 1 km along z, isotropic 0.1 km covariance: sigma 100*sqrt(2) m
    c = np.eye(3) * 0.01
    xm, ym, sx, sy = cj.encounter_plane([7000, 0, 0], [0, 7.5, 0], c, [7000, 0, 1.0], [0, -7.5, 0], c)
    assert np.hypot(xm, ym) == pytest.approx(1000.0)
    assert sx == pytest.approx(100 * np.sqrt(2)) and sy == pytest.approx(100 * np.sqrt(2))


def test_covariance_from_ric():
    r, v = [7000.0, 0.0, 0.0], [0.0, 7.5, 0.0]
    c = cj.covariance_from_ric(r, v, 0.1, 1.0, 0.2)
    np.testing.assert_allclose(c, np.diag([0.01, 1.0, 0.04]), atol=1e-15)
    with pytest.raises(ValueError, match="not parallel"):
        cj.covariance_from_ric(r, [1.0, 0, 0], 0.1, 1.0, 0.2)
    with pytest.raises(ValueError, match="sigma_intrack_km must not be negative"):
        cj.covariance_from_ric(r, v, 0.1, -1.0, 0.2)


def test_pc_from_states_rejects_bad_covariance():
    not_psd = np.diag([1.0, -0.5, 1.0])
    with pytest.raises(ValueError, match="cov2_km2 must be positive semi-definite"):
        cj.pc_from_states(OMITRON_R1, OMITRON_V1, OMITRON_C1, OMITRON_R2, OMITRON_V2, not_psd, 20.0)
    asym = np.array(OMITRON_C1)
    asym[0, 1] += 1.0
    with pytest.raises(ValueError, match="cov1_km2 must be symmetric"):
        cj.pc_from_states(OMITRON_R1, OMITRON_V1, asym, OMITRON_R2, OMITRON_V2, OMITRON_C2, 20.0)
    with pytest.raises(ValueError, match="cov1_km2 must have shape"):
        cj.pc_from_states(OMITRON_R1, OMITRON_V1, np.eye(2), OMITRON_R2, OMITRON_V2, OMITRON_C2, 20.0)
    with pytest.raises(ValueError, match="relative velocity"):
        cj.pc_from_states(OMITRON_R1, OMITRON_V1, OMITRON_C1, OMITRON_R2, OMITRON_V1, OMITRON_C2, 20.0)
    with pytest.raises(ValueError, match="hard_body_radius_m must be positive"):
        cj.pc_from_states(OMITRON_R1, OMITRON_V1, OMITRON_C1, OMITRON_R2, OMITRON_V2, OMITRON_C2, -1.0)
    with pytest.raises(ValueError, match="method"):
        cj.pc_from_states(OMITRON_R1, OMITRON_V1, OMITRON_C1, OMITRON_R2, OMITRON_V2, OMITRON_C2, 20.0, method="x")


def test_pc_rejects_bad_inputs():
    with pytest.raises(ValueError, match="sigma_x_m must be positive"):
        cj.pc_circle(0, 0, 0.0, 1.0, 1.0)
    with pytest.raises(ValueError, match="miss_y_m must be finite"):
        cj.pc_chan(0, np.nan, 1.0, 1.0, 1.0)


@settings(max_examples=60, deadline=None)
@given(
    st.floats(-500, 500), st.floats(-500, 500), st.floats(1, 1000), st.floats(1, 1000), st.floats(0.5, 50),
)
def test_pc_is_a_probability_and_symmetric(xm, ym, sx, sy, radius):
    pc = cj.pc_circle(xm, ym, sx, sy, radius)
    assert 0.0 <= pc <= 1.0
    # reflecting the miss vector or swapping the axes leaves Pc unchanged
    assert cj.pc_circle(-xm, ym, sx, sy, radius) == pytest.approx(pc, rel=1e-9, abs=1e-300)
    assert cj.pc_circle(ym, xm, sy, sx, radius) == pytest.approx(pc, rel=1e-9, abs=1e-300)
    # never more than the peak density times the disc area
    assert pc <= np.pi * radius**2 / (2 * np.pi * sx * sy) * (1 + 1e-9)


floats = st.floats(allow_nan=True, allow_infinity=True, width=64)
arrays = hnp.arrays(np.float64, hnp.array_shapes(max_dims=2, max_side=3), elements=floats)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@settings(max_examples=60, deadline=None)
@given(floats, floats, floats, floats, floats)
def test_pc_raises_only_value_error(a, b, c, d, e):
    for fn in (cj.pc_circle, cj.pc_chan):
        try:
            out = fn(a, b, c, d, e)
            assert 0.0 <= out <= 1.0
        except ValueError:
            pass
    try:
        cj.pc_isotropic_zero_miss(a, b)
    except ValueError:
        pass


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@settings(max_examples=40, deadline=None)
@given(arrays, arrays, arrays)
def test_state_functions_raise_only_value_error(a, b, c):
    for call in (
        lambda: cj.pc_from_states(a, b, c, OMITRON_R2, OMITRON_V2, OMITRON_C2, 20.0),
        lambda: cj.pc_from_states(OMITRON_R1, OMITRON_V1, c, OMITRON_R2, OMITRON_V2, c, 20.0),
        lambda: cj.encounter_plane(OMITRON_R1, a, OMITRON_C1, OMITRON_R2, b, OMITRON_C2),
        lambda: cj.pc_circle(a, b, 10.0, 10.0, 1.0),
    ):
        try:
            call()
        except ValueError:
            pass


# --------------------------------------------------------------------------- screening


def _shell_population(n, epoch_jd, seed):
    """Synthetic test population: near-circular orbits in a thin shell at 700-710 km."""
    rng = np.random.default_rng(seed)
    return [
        satellite_from_elements(epoch_jd, rng.uniform(700, 710), rng.uniform(0, 0.001), rng.uniform(0, 180),
                                rng.uniform(0, 360), rng.uniform(0, 360), rng.uniform(0, 360), satnum=k + 1)
        for k in range(n)
    ]


def _brute_force_pairs(sats, jd0, fr0, duration_min, threshold_km, dt_s=2.0):
    """Every pair's minimum separation over the window, by comparing all pairs.

    Samples every dt_s seconds, then refines each sampled local minimum that could hide a
    separation under the threshold (sampled distance < threshold + 15 km/s * dt_s / 2) by
    minimising the SGP4 separation.
    """
    t_min = np.arange(0.0, duration_min + 1e-9, dt_s / 60.0)
    err, r, _ = SatrecArray(sats).sgp4(np.full(t_min.shape, jd0), fr0 + t_min / 1440.0)
    assert not err.any()
    n = len(sats)
    found = {}
    slack = 15.0 * dt_s / 2 + 1.0
    for i in range(n - 1):
        d = np.linalg.norm(r[i + 1:] - r[i], axis=2)  # (n - i - 1, T)
        for row in np.nonzero(d.min(axis=1) < threshold_km + slack)[0]:
            j = i + 1 + row
            dd = d[row]
            minima = np.nonzero((dd < threshold_km + slack)
                                & (np.r_[np.inf, dd[:-1]] >= dd) & (np.r_[dd[1:], np.inf] >= dd))[0]
            best = np.inf
            for k in minima:
                lo, hi = t_min[max(k - 1, 0)], t_min[min(k + 1, len(t_min) - 1)]

                def sep(t):
                    fr = fr0 + t / 1440.0
                    return np.linalg.norm(np.subtract(sats[i].sgp4(jd0, fr)[1], sats[j].sgp4(jd0, fr)[1]))

                res = minimize_scalar(sep, bounds=(lo, hi), method="bounded", options={"xatol": 1e-7})
                best = min(best, res.fun, sep(lo), sep(hi))
            if best < threshold_km:
                found[(i, j)] = best
    return found


def test_screening_finds_the_same_pairs_as_brute_force():
    jd, fr = julian_date(2026, 3, 1)
    sats = _shell_population(70, jd + fr, seed=2026)
    threshold = 25.0
    brute = _brute_force_pairs(sats, jd, fr, 240.0, threshold)
    assert len(brute) >= 10, "the test population should hold a good number of close pairs"
    res = cj.screen_conjunctions(sats, jd, fr, 240.0, threshold)
    screened = {}
    for i, j, d in zip(res["i"], res["j"], res["miss_km"]):
        screened[(int(i), int(j))] = min(d, screened.get((int(i), int(j)), np.inf))
    assert set(screened) == set(brute)
    for pair, d in brute.items():
        assert screened[pair] == pytest.approx(d, abs=1e-5)


def _catalogue_sample():
    """Real objects that make screening hard: the two crewed stations with their docked
    visitors, a batch of Starlinks launched together, and unrelated objects at the same
    altitudes (CelesTrak active group, July 2026, the book's own copy)."""
    cat = catalogue.read_gp_csv(ROOT / "notebooks" / "data" / "celestrak-active-2026-07.csv.gz")
    names = cat["OBJECT_NAME"]
    stations = [k for k, n in enumerate(names) if n.startswith(("ISS (ZARYA)", "CSS (", "SOYUZ-MS", "PROGRESS-MS",
                                                                 "CREW DRAGON", "CYGNUS", "TIANZHOU", "SHENZHOU"))]
    batch = cat["launch"][np.flatnonzero(cat["family"] == "Starlink (SpaceX)")[-1]]
    starlinks = list(np.flatnonzero(cat["launch"] == batch)[:25])
    rng = np.random.default_rng(2026)
    leo = np.flatnonzero((cat["perigee_km"] > 350) & (cat["apogee_km"] < 600))
    others = list(rng.choice(leo, 60, replace=False))
    rows = sorted(set(stations + starlinks + others))
    return catalogue.satellites(cat, rows)


def test_screening_the_real_sky_misses_nothing_the_one_by_one_method_or_brute_force_finds():
    sats = _catalogue_sample()
    jd, fr = julian_date(2026, 7, 12)
    duration, threshold = 180.0, 5.0
    fast = cj.screen_conjunctions(sats, jd, fr, duration, threshold)
    slow = cj.screen_conjunctions(sats, jd, fr, duration, threshold, refine="brent")
    brute = _brute_force_pairs(sats, jd, fr, duration, threshold, dt_s=5.0)
    assert len(slow["i"]) >= 10, "docked vehicles and a launch batch give many close pairs"
    found = {}
    for i, j, d in zip(fast["i"], fast["j"], fast["miss_km"]):
        found[(int(i), int(j))] = min(d, found.get((int(i), int(j)), np.inf))
    for i, j, t, d in zip(slow["i"], slow["j"], slow["tca_min"], slow["miss_km"]):
        assert (int(i), int(j)) in found, f"the one-by-one method found {i}-{j} at {t:.2f} min, {d:.3f} km"
        assert found[(int(i), int(j))] <= d + 1e-6
    assert set(found) == set(brute)
    for pair, d in brute.items():
        assert found[pair] == pytest.approx(d, abs=1e-4)


def test_radial_band_holds_each_objects_distance_from_the_earth_within_an_interval():
    # The bound the altitude filter rests on: within one grid interval, an object's SGP4
    # distance from the Earth's centre stays within w of its value at the midpoint.
    # Checked every second on real objects, the eccentric ones (Molniya, transfer orbits)
    # included, whose distance changes by up to kilometres a second.
    cat = catalogue.read_gp_csv(ROOT / "notebooks" / "data" / "celestrak-active-2026-07.csv.gz")
    rng = np.random.default_rng(3)
    eccentric = np.flatnonzero(cat["ECCENTRICITY"] > 0.1)
    rows = sorted(set(rng.choice(len(cat["ECCENTRICITY"]), 300, replace=False)) | set(eccentric))
    sats = catalogue.satellites(cat, rows)
    jd, fr = julian_date(2026, 7, 12)
    t_fine = np.arange(0.0, 60 * 60 + 0.5, 1.0) / 60.0  # one hour, every second
    err, r_fine, v_fine = SatrecArray(sats).sgp4(np.full(t_fine.shape, jd), fr + t_fine / 1440.0)
    ok = np.all(err == 0, axis=1)
    r_fine, v_fine = r_fine[ok], v_fine[ok]
    rho_fine = np.linalg.norm(r_fine, axis=2)
    # as in screen_conjunctions: SGP4 nodes every two minutes, two one-minute intervals each
    nodes = np.arange(0, len(t_fine), 120)
    r, v = r_fine[:, nodes], v_fine[:, nodes]
    radial_acc = cj._radial_acceleration_bound(r, v, np.ones(r.shape[:2], dtype=bool))
    worst = 0.0
    for k in range(len(nodes) - 1):
        for q in range(2):
            pos, vel = cj._hermite(r[:, k], v[:, k], r[:, k + 1], v[:, k + 1], (q + 0.5) / 2, 120.0)
            rho, w = cj._radial_band(pos, vel, radial_acc, 60.0)
            start = nodes[k] + 60 * q
            moved = np.abs(rho_fine[:, start:start + 61] - rho[:, None]).max(axis=1)
            assert np.all(moved <= w + 1e-3), f"interval {k}.{q}: rho moved {moved.max():.3f} km"
            worst = max(worst, float((moved / w).max()))
    assert np.abs(rho_fine[:, 1:] - rho_fine[:, :-1]).max() > 1.0, "the sample should hold fast-climbing objects"
    assert worst > 0.5, "the bound should not be loose everywhere"


def test_altitude_filter_keeps_every_pair_that_comes_close_in_the_interval():
    # The per-interval apogee/perigee filter of screen_conjunctions against brute force on
    # real objects, eccentric ones included (their distance from the Earth's centre moves
    # by kilometres a minute): every pair that a 1-second sampling finds within reach
    # during a one-minute interval must be kept, and the filter must remove pairs.
    cat = catalogue.read_gp_csv(ROOT / "notebooks" / "data" / "celestrak-active-2026-07.csv.gz")
    rng = np.random.default_rng(17)
    leo = np.flatnonzero((cat["perigee_km"] > 350) & (cat["apogee_km"] < 600))
    eccentric = np.flatnonzero(cat["ECCENTRICITY"] > 0.2)
    assert len(eccentric) >= 20
    rows = sorted(set(rng.choice(leo, 1000, replace=False)) | set(eccentric))
    sats = catalogue.satellites(cat, rows)
    jd, fr = julian_date(2026, 7, 12)
    n_int, reach_km = 6, 20.0
    t_fine = np.arange(0.0, n_int * 60.0 + 0.5, 1.0) / 60.0  # minutes, every second
    err, r_fine, v_fine = SatrecArray(sats).sgp4(np.full(t_fine.shape, jd), fr + t_fine / 1440.0)
    ok = np.all(err == 0, axis=1)
    r_fine, v_fine = r_fine[ok], v_fine[ok]
    nodes = np.arange(0, len(t_fine), 120)  # SGP4 nodes every two minutes, as in the screening
    r, v = r_fine[:, nodes], v_fine[:, nodes]
    radial_acc = cj._radial_acceleration_bound(r, v, np.ones(r.shape[:2], dtype=bool))
    v_max = float(np.linalg.norm(v, axis=2).max())
    a_max = 2.0 * cj.MU_EARTH_KM3_S2 / (cj.R_EARTH_KM + 100.0) ** 2
    close_total = removed_total = tree_total = 0
    for k in range(n_int):
        span, q = divmod(k, 2)
        pos, vel = cj._hermite(r[:, span], v[:, span], r[:, span + 1], v[:, span + 1], (q + 0.5) / 2, 120.0)
        a, b = cj._interval_pairs(pos, vel, radial_acc, 60.0, v_max, reach_km, a_max)
        kept = set(zip(a.tolist(), b.tolist()))
        seg = r_fine[:, 60 * k:60 * k + 61]
        for i in range(len(seg) - 1):
            d = np.linalg.norm(seg[i + 1:] - seg[i], axis=2).min(axis=1)
            for j in np.flatnonzero(d <= reach_km) + i + 1:
                close_total += 1
                assert (i, int(j)) in kept, f"interval {k}: pair {i}-{j} comes within {d[j - i - 1]:.1f} km"
        tree = cKDTree(pos).query_pairs(reach_km + 1.01 * v_max * 60.0 + a_max * 60.0**2 / 8.0)
        removed_total += len(tree) - len(kept)
        tree_total += len(tree)
    assert close_total >= 20, f"the sample should hold pairs that come close, found {close_total}"
    assert removed_total >= 0.5 * tree_total, f"the altitude filter removed {removed_total} of {tree_total} pairs"


def test_screening_result_fields_and_geometry():
    jd, fr = julian_date(2026, 3, 1)
    sats = _shell_population(40, jd + fr, seed=7)
    res = cj.screen_conjunctions(sats, jd, fr, 120.0, 50.0, step_s=30.0, substeps=2)
    assert set(res) == {"i", "j", "tca_min", "miss_km", "speed_km_s", "start_min", "end_min"}
    assert np.all(res["start_min"] <= res["tca_min"] + 1.0) and np.all(res["end_min"] >= res["tca_min"] - 1.0)
    n = len(res["i"])
    assert n > 0 and all(len(v) == n for v in res.values())
    assert np.all(res["i"] < res["j"]) and np.all(res["miss_km"] < 50.0)
    assert np.all(np.diff(res["tca_min"]) >= 0)
    assert np.all((res["speed_km_s"] >= 0) & (res["speed_km_s"] < 16.0))
    # each reported TCA is a minimum of the separation
    for i, j, t in zip(res["i"][:5], res["j"][:5], res["tca_min"][:5]):
        t_ca, d_ca = cj.closest_approach(sats[i], sats[j], jd, fr, max(t - 0.2, 0), min(t + 0.2, 120.0))
        assert abs(t_ca - t) < 1e-4


def test_screening_step_choice_does_not_change_the_answer():
    jd, fr = julian_date(2026, 3, 1)
    sats = _shell_population(50, jd + fr, seed=11)
    a = cj.screen_conjunctions(sats, jd, fr, 180.0, 20.0, step_s=60.0, substeps=3)
    b = cj.screen_conjunctions(sats, jd, fr, 180.0, 20.0, step_s=120.0, substeps=12)
    assert set(zip(a["i"], a["j"])) == set(zip(b["i"], b["j"]))
    np.testing.assert_allclose(np.sort(a["miss_km"]), np.sort(b["miss_km"]), atol=1e-5)


def test_screening_rejects_bad_inputs():
    jd, fr = julian_date(2026, 3, 1)
    sats = _shell_population(3, jd + fr, seed=1)
    with pytest.raises(ValueError, match="threshold_km must be positive"):
        cj.screen_conjunctions(sats, jd, fr, 60.0, -1.0)
    with pytest.raises(ValueError, match="step_s"):
        cj.screen_conjunctions(sats, jd, fr, 60.0, 5.0, step_s=0.0)
    with pytest.raises(ValueError, match="satellites"):
        cj.screen_conjunctions([1, 2], jd, fr, 60.0, 5.0)
    with pytest.raises(ValueError, match="duration_min"):
        cj.screen_conjunctions(sats, jd, fr, np.inf, 5.0)


def test_synthetic_population_is_reproducible():
    jd, fr = julian_date(2026, 3, 1)
    a = cj.synthetic_population(20, jd + fr, seed=3)
    b = cj.synthetic_population(20, jd + fr, seed=3)
    assert [s.inclo for s in a] == [s.inclo for s in b]
    alt = np.array([(s.a - 1.0) * s.radiusearthkm for s in a])
    assert np.all((alt > 250) & (alt < 2100))


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@settings(max_examples=30, deadline=None)
@given(floats, floats, floats, floats)
def test_screening_raises_only_value_error(a, b, c, d):
    jd, fr = julian_date(2026, 3, 1)
    sats = _shell_population(3, jd + fr, seed=1)
    for call in (
        lambda: cj.screen_conjunctions(sats, a, b, 10.0, 5.0),
        lambda: cj.screen_conjunctions(sats, jd, fr, min(abs(c), 20.0) if np.isfinite(c) else c, d),
        lambda: cj.closest_approach(sats[0], sats[1], jd, fr, a, b),
        lambda: cj.synthetic_population(c, jd, eccentricity_max=d),
    ):
        try:
            call()
        except ValueError:
            pass


@pytest.mark.filterwarnings("error::RuntimeWarning")
@settings(max_examples=60, deadline=None)
@given(numbers, numbers, numbers, numbers, numbers)
def test_public_functions_return_finite_values_or_raise(a, b, c, d, e):
    # probabilities lie in [0, 1]; covariances and encounter-plane quantities are finite
    for call in (
        lambda: cj.pc_circle(a, b, c, d, e),
        lambda: cj.pc_chan(a, b, c, d, e),
        lambda: cj.pc_circle(a, b, 50.0, 200.0, c),
        lambda: cj.pc_chan(100.0, a, b, 200.0, 10.0),
        lambda: cj.pc_isotropic_zero_miss(a, b),
        lambda: cj.pc_from_states(OMITRON_R1, OMITRON_V1, OMITRON_C1, OMITRON_R2, OMITRON_V2, OMITRON_C2, a),
        lambda: cj.pc_from_states(OMITRON_R1, OMITRON_V1, np.eye(3) * a, OMITRON_R2, OMITRON_V2, np.eye(3) * b, c),
    ):
        _finite_or_value_error(call, low=0.0, high=1.0)
    cov = _finite_or_value_error(lambda: cj.covariance_from_ric(OMITRON_R1, OMITRON_V1, a, b, c))
    if cov is not None:
        assert np.all(np.linalg.eigvalsh(cov) >= -1e-9 * np.abs(cov).max())
    plane = _finite_or_value_error(lambda: cj.encounter_plane(OMITRON_R1, a, OMITRON_C1, OMITRON_R2, b, OMITRON_C2))
    if plane is not None:
        assert plane[2] > 0 and plane[3] > 0


@pytest.mark.filterwarnings("error::RuntimeWarning")
@settings(max_examples=40, deadline=None)
@given(values, values, values, values)
def test_closest_approach_returns_finite_values_or_raises(a, b, c, d):
    jd, fr = julian_date(2026, 3, 1)
    sats = _shell_population(2, jd + fr, seed=1)
    for call in (
        lambda: cj.closest_approach(sats[0], sats[1], a, b, 0.0, 10.0),
        lambda: cj.closest_approach(sats[0], sats[1], jd, fr, c, d),
    ):
        out = _finite_or_value_error(call)
        if out is not None:
            assert out[1] >= 0.0


def test_closest_approach_where_sgp4_fails_is_a_value_error():
    # two objects at 200 km with a huge drag term have decayed (SGP4 error) days later:
    # no distance is known, and an infinite one would be a silent wrong answer
    jd, fr = julian_date(2026, 3, 1)
    a = satellite_from_elements(jd + fr, 200.0, 0.0, 51.6, 0, 0, 0, bstar_per_earth_radius=0.5, satnum=1)
    b = satellite_from_elements(jd + fr, 210.0, 0.0, 51.6, 0, 0, 0, bstar_per_earth_radius=0.5, satnum=2)
    with pytest.raises(ValueError, match="cannot both be propagated"):
        cj.closest_approach(a, b, jd, fr, 1e5, 1e5 + 10.0)


@pytest.mark.parametrize("call, message", [
    (lambda: cj.pc_isotropic_zero_miss(2.5e-238, 5e-324), "sigma_m must lie between"),
    (lambda: cj.covariance_from_ric(OMITRON_R1, OMITRON_V1, 0.5, 1e275, 0.1), "sigma_intrack_km must lie between"),
    (lambda: cj.covariance_from_ric(OMITRON_R1, OMITRON_V1, [0.5, 1.0], 1.0, 0.1), "sigma_radial_km must have shape"),
])
def test_values_outside_the_model_are_value_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_chan_series_never_goes_negative():
    # the series' terms cancel here to about -7e-122 before clipping
    assert cj.pc_chan(0.0, 3304.0, 20580.0, 146.0, 0.0625) >= 0.0
