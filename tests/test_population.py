"""Tests of the shell source-sink model and the one-shell Kessler model (shared_orbits.population)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from shared_orbits import population as po
from properties import finite_or_value_error as _finite_or_value_error, numbers, values, anything, floats

EDGES = po.shell_edges_km(400.0, 1000.0, 100.0)  # 6 shells


def test_shell_edges_and_volumes():
    np.testing.assert_allclose(EDGES, [400, 500, 600, 700, 800, 900, 1000])
    r = po.R_EARTH_KM + np.array([400.0, 1000.0])
    assert po.shell_volume_km3(EDGES).sum() == pytest.approx(4 / 3 * math.pi * (r[1] ** 3 - r[0] ** 3))


def test_collision_rate_coefficient_formula():
    # phi = pi v sigma / V: v = 10 km/s, r1 + r2 = 2 m, V = 1e11 km^3 -> per year
    phi = po.collision_rate_coefficient_per_yr(10.0, 1.0, 1.0, 1e11)
    assert phi == pytest.approx(math.pi * 10.0 * (2e-3) ** 2 / 1e11 * po.SECONDS_PER_YEAR)


def test_conservation_without_collisions_and_drag():
    # Objects are only added by launches and removed by disposal: S follows
    # S(t) = lambda tau + (S0 - lambda tau) exp(-t / tau); S + D + N = total(0) + launched - disposed.
    lam, tau, pm = 200.0, 5.0, 0.6
    r = po.simulate(30.0, EDGES, lam, initial_S=100.0, initial_D=20.0, initial_N=50.0,
                    mission_life_yr=tau, disposal_compliance=pm, collisions=False, drag=False)
    t = r["t_yr"]
    s_exact = lam * tau + (100.0 - lam * tau) * np.exp(-t / tau)
    np.testing.assert_allclose(r["S"][:, 0], s_exact, rtol=1e-6)
    np.testing.assert_allclose(r["N"], 50.0)
    launched = 6 * lam * t
    disposed = 6 * pm * (lam * t + (100.0 - lam * tau) * (1 - np.exp(-t / tau)))
    np.testing.assert_allclose(r["launched"], launched, rtol=1e-8)
    np.testing.assert_allclose(r["disposed"], disposed, rtol=1e-6)
    total0 = 6 * (100.0 + 20.0 + 50.0)
    np.testing.assert_allclose(po.total_objects(r), total0 + launched - disposed, rtol=1e-7)
    assert np.all(r["reentered"] == 0) and np.all(r["destroyed"] == 0) and np.all(r["created"] == 0)


def test_full_model_books_balance():
    lam = np.array([0, 500.0, 500.0, 0, 0, 0])
    inj = np.zeros(6)
    inj[4] = 1000.0
    r = po.simulate(50.0, EDGES, lam, initial_D=100.0, initial_N=300.0, injections=[(10.0, inj)])
    total = po.total_objects(r)
    books = total[0] + r["launched"] - r["disposed"] - r["reentered"] - r["destroyed"] + r["created"] + r["injected"]
    np.testing.assert_allclose(total, books, rtol=1e-6)
    assert r["injected"][-1] == pytest.approx(1000.0)
    assert r["created"][-1] > 0 and r["reentered"][-1] > 0


def test_drag_empties_low_shells_faster():
    r = po.simulate(20.0, EDGES, 0.0, initial_N=1000.0, collisions=False)
    n = r["N"][-1]
    assert n[0] < 0.5 * 1000.0  # 400-500 km clears within decades
    assert n[-1] > 0.7 * 1000.0  # 900-1000 km keeps most of its debris
    assert np.all(np.diff(r["N"].sum(axis=1)) <= 1e-9)  # no sources: never grows


def test_more_launches_more_objects_and_compliance_helps():
    base = dict(initial_D=100.0, initial_N=300.0)
    low = po.simulate(50.0, EDGES, 100.0, **base)
    high = po.simulate(50.0, EDGES, 400.0, **base)
    assert po.total_objects(high)[-1] > po.total_objects(low)[-1]
    poor = po.simulate(50.0, EDGES, 400.0, disposal_compliance=0.5, **base)
    good = po.simulate(50.0, EDGES, 400.0, disposal_compliance=0.99, **base)
    assert good["D"][-1].sum() < poor["D"][-1].sum()
    assert good["N"][-1].sum() < poor["N"][-1].sum()


def test_asat_injection_raises_debris():
    inj = np.array([0, 0, 0, 0, 2000.0, 0])
    quiet = po.simulate(30.0, EDGES, 100.0, initial_N=100.0)
    test = po.simulate(30.0, EDGES, 100.0, initial_N=100.0, injections=[(5.0, inj)])
    assert np.all(test["N"].sum(axis=1) >= quiet["N"].sum(axis=1) - 1e-6)
    assert test["N"][-1].sum() > quiet["N"][-1].sum() + 1000.0


def test_fragments_to_shells():
    counts = po.fragments_to_shells([450.0, 455.0, 850.0, 1200.0, 100.0], EDGES)
    np.testing.assert_array_equal(counts, [2, 0, 0, 0, 1, 0])


def test_kessler_equilibria_exist_only_when_discriminant_allows():
    a, b, c = 10.0, -0.1, 1e-4  # B^2 = 0.01 >= 4AC = 0.004
    eq = po.kessler_equilibria(a, b, c)
    assert eq.size == 2
    for n in eq:
        assert po.kessler_rate(n, a, b, c) == pytest.approx(0.0, abs=1e-9)
    # stable below, unstable above: the rate is negative between the roots
    assert po.kessler_rate(eq.mean(), a, b, c) < 0
    assert po.kessler_rate(eq[1] * 1.01, a, b, c) > 0
    assert po.kessler_rate(eq[0] * 0.99, a, b, c) > 0
    # beyond the critical source rate B^2 / 4C = 25 there is no equilibrium
    assert po.kessler_critical_source_per_yr(b, c) == pytest.approx(25.0)
    assert po.kessler_equilibria(25.1, b, c).size == 0
    assert po.kessler_equilibria(24.9, b, c).size == 2
    eq = po.kessler_equilibria(25.0, b, c)
    assert eq.size == 2 and eq[0] == pytest.approx(eq[1])


def test_kessler_without_sources_and_coefficients():
    a, b, c = po.kessler_coefficients(0.0, 20.0, 1e-6, 102.0)
    assert (a, b, c) == pytest.approx((0.0, -0.05, 5e-5))
    assert po.kessler_critical_count(b, c) == pytest.approx(1000.0)
    np.testing.assert_allclose(po.kessler_equilibria(a, b, c), [0.0, 1000.0])
    assert po.kessler_equilibria(5.0, -0.5, 0.0) == pytest.approx([10.0])


@pytest.mark.parametrize(
    "call",
    [
        lambda: po.shell_edges_km(500.0, 400.0),
        lambda: po.shell_edges_km(400.0, 1000.0, 0.0),
        lambda: po.shell_volume_km3([500.0, 400.0]),
        lambda: po.shell_volume_km3([[400.0, 500.0]]),
        lambda: po.simulate(-1.0, EDGES, 10.0),
        lambda: po.simulate(10.0, EDGES, -10.0),
        lambda: po.simulate(10.0, EDGES, [1.0, 2.0]),
        lambda: po.simulate(10.0, EDGES, 10.0, disposal_compliance=1.5),
        lambda: po.simulate(10.0, EDGES, 10.0, mission_life_yr=np.nan),
        lambda: po.simulate(10.0, EDGES, 10.0, injections=[(20.0, 5.0)]),
        lambda: po.simulate(10.0, EDGES, 10.0, injections=[5.0]),
        lambda: po.simulate(10.0, EDGES, 10.0, species={"mass_kg": {"S": -1.0}}),
        lambda: po.simulate(10.0, EDGES, 10.0, failure={"sometimes": 0.1}),
        lambda: po.kessler_equilibria(np.inf, -1.0, 1.0),
        lambda: po.kessler_critical_count(0.1, 1.0),
        lambda: po.kessler_coefficients(1.0, 0.0, 1e-6, 100.0),
    ],
)
def test_bad_inputs_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_error_message_names_the_argument():
    with pytest.raises(ValueError, match="disposal_compliance"):
        po.simulate(10.0, EDGES, 10.0, disposal_compliance=-0.1)


@settings(max_examples=80, deadline=None)
@given(anything, anything, anything, anything)
def test_small_functions_raise_only_value_error(a, b, c, d):
    for call in (
        lambda: po.kessler_rate(a, b, c, d),
        lambda: po.kessler_equilibria(a, b, c),
        lambda: po.kessler_coefficients(a, b, c, d),
        lambda: po.kessler_critical_source_per_yr(a, b),
        lambda: po.kessler_critical_count(a, b),
        lambda: po.collision_rate_coefficient_per_yr(a, b, c, d),
        lambda: po.shell_volume_km3(a),
        lambda: po.fragments_to_shells(a, EDGES),
        lambda: po.shell_edges_km(a, b, c),
    ):
        try:
            with np.errstate(all="ignore"):
                call()
        except ValueError:
            pass


@settings(max_examples=15, deadline=None)
@given(anything, anything, anything, st.floats(allow_nan=True, allow_infinity=True))
def test_simulate_raises_only_value_error(years, launches, initial, compliance):
    try:
        with np.errstate(all="ignore"):
            po.simulate(years if np.ndim(years) else min(abs(years), 5.0) if np.isfinite(years) else years,
                        EDGES, launches, initial_N=initial, disposal_compliance=compliance, n_out=5)
    except ValueError:
        pass


@pytest.mark.filterwarnings("error::RuntimeWarning")
@settings(max_examples=150, deadline=None)
@given(numbers, numbers, numbers, numbers)
def test_public_functions_return_finite_values_or_raise(a, b, c, d):
    # rates and coefficients are finite; counts, volumes, edges and equilibria never negative
    for call, low in (
        (lambda: po.kessler_rate(a, b, c, d), -np.inf),
        (lambda: po.kessler_coefficients(a, b, c, d), -np.inf),
        (lambda: po.kessler_equilibria(a, b, c), 0.0),
        (lambda: po.kessler_critical_source_per_yr(a, b), 0.0),
        (lambda: po.kessler_critical_count(a, b), 0.0),
        (lambda: po.collision_rate_coefficient_per_yr(a, b, c, d), 0.0),
        (lambda: po.shell_volume_km3(a), 0.0),
        (lambda: po.fragments_to_shells(a, EDGES), 0.0),
        (lambda: po.shell_edges_km(a, b, c), 0.0),
    ):
        _finite_or_value_error(call, low=low)


@pytest.mark.filterwarnings("error::RuntimeWarning")
@settings(max_examples=15, deadline=None)
@given(values, numbers, numbers, values)
def test_simulate_returns_finite_counts_or_raises(years, launches, initial, v_imp):
    out = _finite_or_value_error(lambda: po.simulate(
        min(abs(years), 20.0) if np.isfinite(years) else years, EDGES, launches, initial_N=initial,
        v_imp_km_s=v_imp, n_out=5))
    if out is not None:
        for s in po.SPECIES:  # counts, up to the integrator's absolute tolerance
            assert np.all(out[s] >= -1e-6), (s, out[s])


@pytest.mark.parametrize("call, message", [
    (lambda: po.collision_rate_coefficient_per_yr(10.0, 1.0, 1.0, 1e-300), "volume_km3 must lie between"),
    (lambda: po.collision_rate_coefficient_per_yr(1e300, 1.0, 1.0, 1e10), "v_imp_km_s must lie between"),
    (lambda: po.kessler_critical_count(-1e300, 1e-300), "b_per_yr and c_per_yr are outside"),
    (lambda: po.kessler_coefficients(0.0, 5e-324, 1.0, 10.0), "removal_time_yr"),
    (lambda: po.kessler_rate(1e300, 1.0, 1e300, 1e300), "outside the range"),
])
def test_values_outside_the_model_are_value_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()
