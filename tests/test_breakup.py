"""Tests of the NASA standard breakup model (shared_orbits.breakup)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from shared_orbits import breakup as bu
from properties import finite_or_value_error as _finite_or_value_error, numbers, anything, floats

# Fragment-count cases. Sources:
# CARA: nasa/CARA_Analysis_Tools, DistributedMatlab/CollisionConsequence/UnitTests/
#   CollisionConsequenceNumPieces_UnitTest.m (N rounded to the nearest integer).
# ESA: esa/NASA-breakup-model-cpp, test/simulation/CollisionTest.cpp,
#   NonCatastrophicCollisionTest.cpp, ExplosionTest.cpp (N truncated to an integer).
# Columns: m1_kg, m2_kg, v_rel_m_s, lc_min_m, expected catastrophic, expected N.
CARA_COLLISIONS = [
    (2000, 0, 10000, 0.05, False, 0),
    (2000, 0.01, 10000, 0.05, False, 17),
    (2000, 1.6, 10000, 0.05, False, 755),
    (2000, 1000, 10000, 0.05, True, 6801),
    (2000, 3000, 10000, 0.05, True, 9977),
]
ESA_COLLISIONS = [
    (560, 950, 11700, 0.05, True, 4064),
    (560, 950, 100, 0.05, False, 61),
]


@pytest.mark.parametrize("m1, m2, v, lc, cat, n_expected", CARA_COLLISIONS)
def test_cara_collision_counts_rounded(m1, m2, v, lc, cat, n_expected):
    assert bu.is_catastrophic(m1, m2, v) is cat
    assert round(bu.collision_fragment_count(m1, m2, v, lc)) == n_expected


@pytest.mark.parametrize("m1, m2, v, lc, cat, n_expected", ESA_COLLISIONS)
def test_esa_collision_counts_truncated(m1, m2, v, lc, cat, n_expected):
    assert bu.is_catastrophic(m1, m2, v) is cat
    assert int(bu.collision_fragment_count(m1, m2, v, lc)) == n_expected


def test_esa_explosion_count_truncated():
    # ESA ExplosionTest.cpp: 839 kg rocket body, S = 1, L_c = 5 cm -> 724 fragments.
    assert int(bu.explosion_fragment_count(0.05, scaling=1.0)) == 724


def test_catastrophic_threshold_is_strict():
    # 0.5 * 1 kg * v^2 / 1000 kg = 40 J/g exactly at v = sqrt(80e6) m/s: not catastrophic.
    v = math.sqrt(2 * 40_000 * 1000 / 1)
    assert bu.energy_to_mass_ratio_j_g(1000, 1, v) == pytest.approx(40.0)
    assert bu.is_catastrophic(1000, 1, v * (1 - 1e-12)) is False
    assert bu.is_catastrophic(1000, 1, v * (1 + 1e-9)) is True


def test_non_catastrophic_mass_uses_v_squared_in_km_s():
    # Krisko (2011): M = m_small * v_km_s^2. 0.01 kg at 10 km/s -> M = 1 kg.
    assert bu.collision_mass_kg(2000, 0.01, 10_000) == pytest.approx(1.0)
    assert bu.collision_mass_kg(2000, 1000, 10_000) == pytest.approx(3000.0)


def test_count_is_symmetric_in_the_masses():
    assert bu.collision_fragment_count(950, 560, 11700, 0.1) == bu.collision_fragment_count(560, 950, 11700, 0.1)


def test_area_law_both_branches_and_near_continuity():
    # Paper, eq. 8.
    assert bu.area_m2(0.001) == pytest.approx(0.540424e-6)
    assert bu.area_m2(1.0) == pytest.approx(0.556945)
    below, above = bu.area_m2(0.00167 * (1 - 1e-9)), bu.area_m2(0.00167)
    assert abs(above / below - 1) < 0.01


def test_sizes_follow_the_power_law():
    rng = np.random.default_rng(2026)
    lc = bu.sample_sizes_m(200_000, 0.1, "collision", rng)
    assert lc.min() >= 0.1
    # fraction above 1 m should be 10^-1.71 = 0.0195
    assert np.mean(lc > 1.0) == pytest.approx(10**-1.71, rel=0.05)
    lc = bu.sample_sizes_m(10_000, 0.1, "explosion", rng, lc_max_m=2.0)
    assert lc.max() <= 2.0


@pytest.mark.parametrize("parent", bu.PARENTS)
@pytest.mark.parametrize("lc", [0.002, 0.05, 0.09, 0.2, 1.5])
def test_area_to_mass_pdf_integrates_to_one(parent, lc):
    chi = np.linspace(-6, 4, 20001)
    assert np.trapezoid(bu.area_to_mass_pdf(chi, lc, parent), chi) == pytest.approx(1.0, abs=1e-6)


def test_area_to_mass_samples_match_the_pdf_mean():
    rng = np.random.default_rng(2026)
    lc = np.full(100_000, 0.5)
    chi = np.log10(bu.sample_area_to_mass_m2_kg(lc, "spacecraft", rng))
    x = np.linspace(-6, 4, 20001)
    mean_pdf = np.trapezoid(x * bu.area_to_mass_pdf(x, 0.5, "spacecraft"), x)
    assert chi.mean() == pytest.approx(mean_pdf, abs=0.01)


def test_delta_v_median_follows_the_law():
    rng = np.random.default_rng(2026)
    am = np.full(50_000, 0.1)  # chi = -1
    dv = bu.sample_delta_v_m_s(am, "collision", rng)
    assert np.median(np.log10(dv)) == pytest.approx(0.9 * -1 + 2.9, abs=0.01)
    assert np.std(np.log10(dv)) == pytest.approx(0.4, abs=0.01)
    dv = bu.sample_delta_v_m_s(am, "explosion", rng)
    assert np.median(np.log10(dv)) == pytest.approx(0.2 * -1 + 1.85, abs=0.01)


def test_fragment_cloud_is_reproducible_and_consistent():
    c1 = bu.fragment_cloud(500, 0.1, "collision", "spacecraft", np.random.default_rng(2026))
    c2 = bu.fragment_cloud(500, 0.1, "collision", "spacecraft", np.random.default_rng(2026))
    np.testing.assert_array_equal(c1["dv_m_s"], c2["dv_m_s"])
    np.testing.assert_allclose(c1["mass_kg"] * c1["area_to_mass_m2_kg"], c1["area_m2"])
    assert bu.fragment_cloud(0, 0.1, "explosion", "rocket_body", np.random.default_rng(1))["lc_m"].size == 0


def test_cloud_orbits_zero_dv_stays_circular():
    o = bu.cloud_orbits(789.0, np.zeros(3), np.random.default_rng(2026))
    np.testing.assert_allclose(o["a_km"], bu.R_EARTH_KM + 789.0)
    np.testing.assert_allclose(o["e"], 0.0, atol=1e-12)


def test_cloud_orbits_straddle_the_breakup_altitude():
    rng = np.random.default_rng(2026)
    o = bu.cloud_orbits(789.0, np.full(2000, 100.0), rng)
    assert np.all(o["perigee_km"] <= 789.0 + 1e-6)
    assert np.all(o["apogee_km"] >= 789.0 - 1e-6)
    # a prograde kick of dv raises the apogee by about 4 * dv / v * r (about 390 km here)
    o = bu.cloud_orbits(789.0, np.full(1, 100.0), rng)
    assert o["bound"].all()


def test_escape_is_flagged():
    o = bu.cloud_orbits(500.0, np.full(50, 20_000.0), np.random.default_rng(2026))
    assert not o["bound"].any()
    assert np.isnan(o["a_km"]).all()


@pytest.mark.parametrize(
    "call",
    [
        lambda: bu.collision_fragment_count(-1, 10, 10_000, 0.1),
        lambda: bu.collision_fragment_count(1, 10, np.nan, 0.1),
        lambda: bu.collision_fragment_count(1, 10, 10_000, 0.0),
        lambda: bu.collision_fragment_count(0, 0, 10_000, 0.1),
        lambda: bu.explosion_fragment_count(np.inf),
        lambda: bu.sample_sizes_m(-3, 0.1, "collision", np.random.default_rng(1)),
        lambda: bu.sample_sizes_m(3.5, 0.1, "collision", np.random.default_rng(1)),
        lambda: bu.sample_sizes_m(3, 0.1, "implosion", np.random.default_rng(1)),
        lambda: bu.sample_sizes_m(3, 0.1, "collision", 2026),
        lambda: bu.sample_sizes_m(3, 0.1, "collision", np.random.default_rng(1), lc_max_m=0.05),
        lambda: bu.area_to_mass_pdf(0.0, 0.1, "satellite"),
        lambda: bu.cloud_orbits(-5, [1.0], np.random.default_rng(1)),
        lambda: bu.cloud_orbits(500, [[1.0, 2.0]], np.random.default_rng(1)),
    ],
)
def test_bad_inputs_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_error_message_names_the_argument():
    with pytest.raises(ValueError, match="v_rel_m_s"):
        bu.collision_fragment_count(1, 10, -5, 0.1)


@settings(max_examples=60, deadline=None)
@given(anything, anything, anything, anything)
def test_counts_raise_only_value_error(m1, m2, v, lc):
    try:
        bu.collision_fragment_count(m1, m2, v, lc)
    except ValueError:
        pass


@settings(max_examples=60, deadline=None)
@given(anything, anything, st.sampled_from(["spacecraft", "rocket_body", "x"]))
def test_distributions_raise_only_value_error(chi, lc, parent):
    rng = np.random.default_rng(0)
    for call in (
        lambda: bu.area_to_mass_pdf(chi, lc, parent),
        lambda: bu.sample_area_to_mass_m2_kg(lc, parent, rng),
        lambda: bu.sample_delta_v_m_s(lc, "collision", rng),
        lambda: bu.area_m2(lc),
        lambda: bu.explosion_fragment_count(lc, chi),
    ):
        try:
            call()
        except ValueError:
            pass


@settings(max_examples=60, deadline=None)
@given(anything, anything)
def test_cloud_orbits_raise_only_value_error(h, dv):
    try:
        with np.errstate(all="ignore"):
            bu.cloud_orbits(h, dv, np.random.default_rng(0))
    except ValueError:
        pass


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.integers(-5, 50), floats), anything, st.one_of(st.none(), anything))
def test_sampling_raises_only_value_error(n, lc_min, lc_max):
    try:
        bu.fragment_cloud(n, lc_min, "explosion", "rocket_body", np.random.default_rng(0), lc_max)
    except ValueError:
        pass


@pytest.mark.filterwarnings("error::RuntimeWarning")
@settings(max_examples=150, deadline=None)
@given(numbers, numbers, numbers, numbers)
def test_public_functions_return_finite_values_or_raise(a, b, c, d):
    # counts, masses, areas, densities and speeds are finite and never negative;
    # the catastrophic flag is a plain boolean
    for call in (
        lambda: bu.explosion_fragment_count(a, b),
        lambda: bu.energy_to_mass_ratio_j_g(a, b, c),
        lambda: bu.is_catastrophic(a, b, c),
        lambda: bu.collision_mass_kg(a, b, c),
        lambda: bu.collision_fragment_count(a, b, c, d),
        lambda: bu.area_m2(a),
        lambda: bu.area_to_mass_pdf(a, b, "spacecraft"),
        lambda: bu.area_to_mass_pdf(a, b, "rocket_body"),
        lambda: bu.sample_area_to_mass_m2_kg(a, "rocket_body", np.random.default_rng(0)),
        lambda: bu.sample_delta_v_m_s(a, "explosion", np.random.default_rng(0)),
        lambda: bu.sample_delta_v_m_s(a, "collision", np.random.default_rng(0)),
        lambda: bu.sample_sizes_m(5, a, "collision", np.random.default_rng(0), b),
        lambda: bu.fragment_cloud(5, a, "collision", "spacecraft", np.random.default_rng(0), b),
    ):
        _finite_or_value_error(call, low=0.0)
    for parent in bu.PARENTS:
        _finite_or_value_error(lambda: bu.area_to_mass_parameters(a, parent))
    _finite_or_value_error(lambda: bu.small_area_to_mass_parameters(a))
    # sizes within the thresholds
    sizes = _finite_or_value_error(lambda: bu.sample_sizes_m(5, a, "explosion", np.random.default_rng(0)), low=0.0)
    if sizes is not None:
        assert np.all(sizes >= float(a))


@pytest.mark.filterwarnings("error::RuntimeWarning")
@settings(max_examples=100, deadline=None)
@given(numbers, numbers)
def test_cloud_orbits_finite_for_every_bound_fragment_or_raise(h, dv):
    try:
        o = bu.cloud_orbits(h, dv, np.random.default_rng(0))
    except ValueError:
        return
    bound = o["bound"]
    assert bound.dtype == bool
    for key in ("a_km", "e", "perigee_km", "apogee_km", "period_min"):
        assert np.all(np.isfinite(o[key][bound])), (key, h, dv)
        assert np.all(np.isnan(o[key][~bound])), (key, h, dv)  # escaped: flagged, not a number
    assert np.all((o["e"][bound] >= 0) & (o["e"][bound] < 1))
    assert np.all(o["period_min"][bound] > 0)


@pytest.mark.parametrize("call, message", [
    (lambda: bu.explosion_fragment_count(1e-300), "lc_min_m must lie between"),
    (lambda: bu.explosion_fragment_count(0.1, scaling=1e300), "scaling must lie between"),
    (lambda: bu.collision_fragment_count(1e300, 10, 10_000, 0.1), "m1_kg must lie between"),
    (lambda: bu.energy_to_mass_ratio_j_g(1, 10, 1e200), "v_rel_m_s must lie between"),
    (lambda: bu.area_m2(1e200), "lc_m must lie between"),
    (lambda: bu.area_to_mass_pdf(1e200, 0.1, "spacecraft"), "chi must lie between"),
    (lambda: bu.sample_delta_v_m_s(1e-300, "collision", np.random.default_rng(0)), "area_to_mass_m2_kg must lie"),
    (lambda: bu.cloud_orbits(500.0, [1e300], np.random.default_rng(0)), "dv_m_s must lie between"),
])
def test_values_outside_the_model_are_value_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()
