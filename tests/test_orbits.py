"""shared_orbits.orbits against published values and the physics' own identities."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from shared_orbits import orbits
from properties import finite_or_value_error as _finite_or_value_error, numbers


def test_geostationary_radius_from_one_sidereal_day():
    # Geostationary radius 42,164 km (Vallado, Fundamentals of Astrodynamics and Applications, 2013).
    assert orbits.semi_major_axis_km(orbits.SIDEREAL_DAY_S) == pytest.approx(42164.17, abs=0.1)


def test_sentinel2_repeat_cycle():
    # Sentinel-2: 143 orbits in 10 days -> 100.699 min; published period 100.6 min, altitude 786 km
    # (Sentinel Hub DatasetsInfo, via reference-cases.md; ESA Sentinel Online, Sentinel-2 orbit).
    period = orbits.repeat_period_min(143, 10)
    assert period == pytest.approx(100.699, abs=1e-3)
    altitude = orbits.semi_major_axis_km(period * 60) - orbits.R_EARTH_KM
    assert altitude == pytest.approx(786, abs=15)


def test_sentinel1_repeat_cycle():
    # Sentinel-1: 175 orbits in 12 days (ESA Sentinel Online, revisit and coverage) -> 98.742 min,
    # given as 98.6 min by Sentinel Hub DatasetsInfo (reference-cases.md).
    period = orbits.repeat_period_min(175, 12)
    assert period == pytest.approx(98.742, abs=1e-3)
    assert period == pytest.approx(98.6, abs=0.2)


def test_sun_synchronous_inclination_of_sentinel2():
    # Sentinel-2 orbit: mean altitude 786 km, inclination 98.62 degrees (ESA Sentinel Online, "Sentinel-2: orbit").
    assert orbits.sun_synchronous_inclination_deg(786) == pytest.approx(98.62, abs=0.1)


def test_circular_speed_and_period_at_400_km():
    v = orbits.circular_speed_km_s(400)
    assert v == pytest.approx(math.sqrt(398600.4418 / 6778.137), rel=1e-12)
    assert orbits.circular_period_min(400) == pytest.approx(2 * math.pi * 6778.137 / v / 60, rel=1e-12)


def test_vis_viva_reduces_to_circular_speed():
    r = np.array([6778.137, 26560.0, 42164.0])
    assert np.allclose(orbits.vis_viva_speed_km_s(r, r), np.sqrt(orbits.MU_EARTH_KM3_S2 / r))


def test_hohmann_conserves_energy_and_angular_momentum():
    r1, r2 = orbits.R_EARTH_KM + 300, orbits.R_EARTH_KM + orbits.GEO_ALTITUDE_KM
    dv1, dv2 = orbits.hohmann_delta_v_km_s(r1, r2)
    v_peri = orbits.circular_speed_km_s(300) + dv1
    v_apo = orbits.circular_speed_km_s(orbits.GEO_ALTITUDE_KM) - dv2
    assert r1 * v_peri == pytest.approx(r2 * v_apo, rel=1e-12)  # angular momentum on the ellipse
    a_t = (r1 + r2) / 2
    assert v_peri**2 / 2 - orbits.MU_EARTH_KM3_S2 / r1 == pytest.approx(orbits.specific_energy_mj_kg(a_t), rel=1e-12)
    # The classic LEO-to-GEO figure: about 3.9 km/s in all.
    assert dv1 + dv2 == pytest.approx(3.89, abs=0.02)


def test_hohmann_is_symmetric_and_zero_for_no_change():
    assert orbits.hohmann_delta_v_km_s(7000.0, 7000.0) == pytest.approx((0.0, 0.0), abs=1e-12)
    up = orbits.hohmann_delta_v_km_s(7000.0, 9000.0)
    down = orbits.hohmann_delta_v_km_s(9000.0, 7000.0)
    assert sum(up) == pytest.approx(sum(down), rel=1e-12)


def test_ten_km_s_is_about_twelve_times_tnt():
    # 1 kg of TNT = 4.184 MJ by convention; 1 kg at 10 km/s carries 50 MJ.
    assert orbits.tnt_equivalent_kg(1.0, 10.0) == pytest.approx(50 / 4.184, rel=1e-12)


@pytest.mark.parametrize("perigee, apogee, regime", [
    (415, 420, "LEO"), (786, 786, "LEO"), (20180, 20180, "MEO"), (500, 39800, "HEO"),
    (35786, 35786, "GEO"), (36500, 36500, "other"),
])
def test_orbital_regimes(perigee, apogee, regime):
    assert orbits.orbital_regime(perigee, apogee) == regime


def test_regimes_vectorised():
    assert list(orbits.orbital_regime([400, 35786], [400, 35786])) == ["LEO", "GEO"]


def test_regimes_broadcast():
    """One perigee against many apogees, and a column against a row."""
    assert list(orbits.orbital_regime(500, [600, 20000, 39800])) == ["LEO", "other", "HEO"]
    grid = orbits.orbital_regime(np.array([[400.0], [1500.0]]), np.array([1900.0, 39800.0]))
    assert grid.shape == (2, 2)
    assert grid.tolist() == [["LEO", "HEO"], ["LEO", "HEO"]]


@pytest.mark.parametrize("call, message", [
    (lambda: orbits.circular_speed_km_s(-5), "altitude_km must not be negative"),
    (lambda: orbits.circular_period_min(float("nan")), "altitude_km must be finite"),
    (lambda: orbits.period_s(0), "semi_major_axis_km must be positive"),
    (lambda: orbits.period_s(1e9), "semi_major_axis_km must lie between"),
    (lambda: orbits.hohmann_delta_v_km_s(7000, "far"), "r2_km must be a number"),
    (lambda: orbits.vis_viva_speed_km_s(20000, 7000), "at most twice"),
    (lambda: orbits.orbital_regime(900, 500), "perigee_km must not exceed apogee_km"),
    (lambda: orbits.orbital_regime([400, 500], [400, 500, 600]), "must broadcast"),
    (lambda: orbits.plane_change_delta_v_km_s(7.7, 270), "angle_deg must lie between"),
    (lambda: orbits.sun_synchronous_inclination_deg(8000), "too high"),
    (lambda: orbits.repeat_period_min(143, []), "days must not be empty"),
])
def test_bad_input_is_a_value_error_naming_the_problem(call, message):
    with pytest.raises(ValueError, match=message):
        call()


anything = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=4),
    st.text(max_size=3), st.none(),
)
PUBLIC = [orbits.period_s, orbits.semi_major_axis_km, orbits.circular_period_min, orbits.circular_speed_km_s,
          orbits.specific_energy_mj_kg, orbits.kinetic_energy_mj_kg, orbits.sun_synchronous_inclination_deg]
PAIRS = [orbits.vis_viva_speed_km_s, orbits.tnt_equivalent_kg, orbits.repeat_period_min,
         orbits.hohmann_delta_v_km_s, orbits.hohmann_time_s, orbits.plane_change_delta_v_km_s,
         orbits.orbital_regime]


@settings(max_examples=60, deadline=None)
@given(x=anything)
def test_one_argument_functions_raise_only_value_error(x):
    for func in PUBLIC:
        try:
            result = func(x)
        except ValueError:
            continue
        assert np.all(np.isfinite(np.asarray(result, dtype=float))), (func.__name__, x, result)


@settings(max_examples=60, deadline=None)
@given(x=anything, y=anything)
def test_two_argument_functions_raise_only_value_error(x, y):
    for func in PAIRS:
        try:
            result = func(x, y)
        except ValueError:
            continue
        if func is not orbits.orbital_regime:
            assert np.all(np.isfinite(np.asarray(result, dtype=float))), (func.__name__, x, y, result)


@pytest.mark.filterwarnings("error::RuntimeWarning")
@settings(max_examples=150, deadline=None)
@given(numbers, numbers)
def test_public_functions_return_finite_values_or_raise(x, y):
    # arrays and extreme magnitudes too; an overflow warning counts as a failure
    for func in PUBLIC:
        _finite_or_value_error(lambda: func(x))
    for func in PAIRS:
        if func is orbits.orbital_regime:
            try:
                names = func(x, y)
            except ValueError:
                continue
            assert set(np.ravel(names).tolist()) <= {"LEO", "MEO", "GEO", "HEO", "other"}
        else:  # speeds, masses, periods, delta-v and times are never negative
            _finite_or_value_error(lambda: func(x, y), low=0.0)
    _finite_or_value_error(lambda: orbits.specific_energy_mj_kg(x), high=0.0)


def test_repeat_cycle_needs_at_least_one_orbit():
    with pytest.raises(ValueError, match="orbits must lie between 1"):
        orbits.repeat_period_min(5e-324, 0.5)
