"""Tests of resolution, swath and revisit (shared_orbits.sensing)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from shared_orbits import sensing as se
from properties import finite_or_value_error as _finite_or_value_error, numbers, anything, floats


def test_worldview1_diffraction_coarser_than_gsd():
    # reference-cases.md, WorldView-1: 60 cm aperture, 0.45-0.90 um band (mid 0.675 um),
    # 496 km orbit, 0.50 m GSD at nadir. Diffraction: 1.22 x 0.675 um x 496 km / 0.6 m = 0.68 m.
    res = se.diffraction_ground_resolution_m(0.675e-6, 0.60, 496.0)
    assert res == pytest.approx(0.68, abs=0.005)
    # 8 um pixels giving 0.50 m from 496 km need f = p h / GSD = 7.936 m
    gsd = se.ground_sample_distance_m(8e-6, 496.0, 8e-6 * 496e3 / 0.50)
    assert gsd == pytest.approx(0.50)
    assert res > gsd  # the optics, not the detector, limit the sharpness


def test_rayleigh_angle():
    # 1.22 x 550 nm / 1 m = 0.671 microradian
    assert se.diffraction_angle_rad(550e-9, 1.0) == pytest.approx(6.71e-7)


def test_fact_bank_worked_example():
    # Shared reference fact R03 (Rayleigh, lambda = 550 nm, h = 500 km): 1.0 m aperture
    # about 0.34 m; 0.5 m aperture about 0.67 m.
    assert se.diffraction_ground_resolution_m(550e-9, 1.0, 500.0) == pytest.approx(0.34, abs=0.005)
    assert se.diffraction_ground_resolution_m(550e-9, 0.5, 500.0) == pytest.approx(0.67, abs=0.005)
    assert se.aperture_for_resolution_m(0.3355, 500.0) == pytest.approx(1.0, rel=1e-3)


def test_slant_range_at_nadir_and_horizon():
    assert se.slant_range_km(500.0, 0.0) == pytest.approx(500.0)
    # at the horizon the range is sqrt((R+h)^2 - R^2)
    horizon = math.degrees(math.asin(se.R_EARTH_KM / (se.R_EARTH_KM + 500.0)))
    rho = se.slant_range_km(500.0, horizon - 1e-6)
    assert rho == pytest.approx(math.sqrt((se.R_EARTH_KM + 500.0) ** 2 - se.R_EARTH_KM**2), rel=1e-3)
    with pytest.raises(ValueError, match="horizon"):
        se.slant_range_km(500.0, horizon + 0.5)


def test_off_nadir_degradation_grows():
    along, across = se.off_nadir_factor(500.0, np.array([0.0, 15.0, 30.0, 45.0]))
    np.testing.assert_allclose([along[0], across[0]], [1.0, 1.0])
    assert np.all(np.diff(along) > 0) and np.all(across >= along)
    # flat-Earth limit for a low orbit: along ~ 1/cos, across ~ 1/cos^2
    a, c = se.off_nadir_factor(1.0, 30.0)
    assert a == pytest.approx(1 / math.cos(math.radians(30)), rel=1e-3)
    assert c == pytest.approx(1 / math.cos(math.radians(30)) ** 2, rel=1e-3)


def test_swath_small_field_matches_flat_earth():
    assert se.swath_km(496.0, 2.0) == pytest.approx(2 * 496.0 * math.tan(math.radians(1.0)), rel=1e-3)


def test_orbits_per_day_iss_like():
    # a 400 km circular orbit has a period of about 92.6 min: 15.5 revolutions a day
    assert se.orbits_per_day(400.0) == pytest.approx(1440 / 92.56, rel=2e-3)


def test_revisit_improves_with_satellites_and_off_nadir():
    lat = np.array([0.0, 30.0, 60.0])
    one = se.mean_revisit_days(lat, 500.0, 97.4, 30.0, 1)
    four = se.mean_revisit_days(lat, 500.0, 97.4, 30.0, 4)
    np.testing.assert_allclose(four, one / 4)
    assert np.all(se.mean_revisit_days(lat, 500.0, 97.4, 45.0) < one)
    assert np.all(se.mean_revisit_days(lat, 500.0, 97.4, 30.0, daylight_only=False) < one)
    # higher latitudes are revisited more often by a polar orbiter
    assert one[2] < one[1] < one[0]


def test_latitude_out_of_reach_is_never_seen():
    assert se.mean_revisit_days(70.0, 400.0, 51.6, 10.0) == math.inf
    assert se.coverage_fraction(30.0, 70.0, 400.0, 51.6, 10.0) == 0.0
    assert se.coverage_fraction(0.0, 10.0, 400.0, 51.6, 10.0) == 0.0


def test_coverage_approaches_one():
    c = se.coverage_fraction(np.array([1.0, 10.0, 100.0]), 40.0, 500.0, 97.4, 30.0)
    assert np.all(np.diff(c) > 0) and c[-1] > 0.999


@pytest.mark.parametrize(
    "call",
    [
        lambda: se.diffraction_angle_rad(-550e-9, 1.0),
        lambda: se.diffraction_angle_rad(550e-9, 0.0),
        lambda: se.ground_sample_distance_m(8e-6, np.nan, 8.0),
        lambda: se.ground_sample_distance_m(8e-6, 500.0, 8.0, off_nadir_deg=95.0),
        lambda: se.swath_km(500.0, -3.0),
        lambda: se.mean_revisit_days(91.0, 500.0, 97.4, 30.0),
        lambda: se.mean_revisit_days(40.0, 500.0, 97.4, 30.0, n_satellites=0),
        lambda: se.coverage_fraction(-1.0, 40.0, 500.0, 97.4, 30.0),
    ],
)
def test_bad_inputs_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_error_message_names_the_argument():
    with pytest.raises(ValueError, match="aperture_m"):
        se.diffraction_angle_rad(550e-9, -1.0)


@settings(max_examples=80, deadline=None)
@given(anything, anything, anything, anything)
def test_public_functions_raise_only_value_error(a, b, c, d):
    for call in (
        lambda: se.diffraction_ground_resolution_m(a, b, c, d),
        lambda: se.ground_sample_distance_m(a, b, c, d),
        lambda: se.swath_km(a, b),
        lambda: se.off_nadir_factor(a, b),
        lambda: se.aperture_for_resolution_m(a, b, c),
        lambda: se.mean_revisit_days(a, b, c, d),
        lambda: se.coverage_fraction(a, b, c, d, 30.0),
    ):
        try:
            with np.errstate(all="ignore"):
                call()
        except ValueError:
            pass


@pytest.mark.filterwarnings("error::RuntimeWarning")
@settings(max_examples=150, deadline=None)
@given(numbers, numbers, numbers, numbers)
def test_public_functions_return_finite_values_or_raise(a, b, c, d):
    # angles, ranges, resolutions, swaths and rates are finite and never negative
    for call in (
        lambda: se.diffraction_angle_rad(a, b),
        lambda: se.slant_range_km(a, b),
        lambda: se.incidence_angle_deg(a, b),
        lambda: se.off_nadir_factor(a, b),
        lambda: se.diffraction_ground_resolution_m(a, b, c, d),
        lambda: se.ground_sample_distance_m(a, b, c, d),
        lambda: se.aperture_for_resolution_m(a, b, c),
        lambda: se.earth_central_angle_deg(a, b),
        lambda: se.swath_km(a, b),
        lambda: se.orbits_per_day(a),
    ):
        _finite_or_value_error(call, low=0.0)
    # coverage is a probability
    _finite_or_value_error(lambda: se.coverage_fraction(a, b, c, d, 30.0), low=0.0, high=1.0)
    _finite_or_value_error(lambda: se.coverage_fraction(10.0, a, 500.0, b, c, d), low=0.0, high=1.0)
    # a revisit time is positive, and infinite only where the latitude is never in reach
    for call in (lambda: se.mean_revisit_days(a, b, c, d), lambda: se.mean_revisit_days(a, 500.0, b, c, d)):
        try:
            revisit = np.asarray(call())
        except ValueError:
            continue
        assert np.all(revisit > 0) and not np.any(np.isnan(revisit)), revisit


@pytest.mark.parametrize("call, message", [
    (lambda: se.diffraction_angle_rad(4e179, 1.0), "wavelength_m must lie between"),
    (lambda: se.orbits_per_day(2e131), "altitude_km must lie between"),
    (lambda: se.mean_revisit_days(40.0, 500.0, 97.4, 30.0, n_satellites=1e-300), "n_satellites must lie between"),
    (lambda: se.ground_sample_distance_m(1e-275, 500.0, 1e-287), "pixel_pitch_m must lie between"),
])
def test_values_outside_the_model_are_value_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()
