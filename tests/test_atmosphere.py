"""Tests of the density models and orbital lifetimes (shared_orbits.atmosphere)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from shared_orbits import atmosphere as at
from properties import finite_or_value_error as _finite_or_value_error, numbers, anything, floats

# Vallado, Fundamentals of Astrodynamics and Applications, Table 8-4 (exponential
# atmosphere): base altitude h0 (km), density at h0 (kg/m^3), scale height H (km).
VALLADO_TABLE_8_4 = [
    (0, 1.225, 7.249),
    (25, 3.899e-2, 6.349),
    (30, 1.774e-2, 6.682),
    (40, 3.972e-3, 7.554),
    (50, 1.057e-3, 8.382),
    (60, 3.206e-4, 7.714),
    (70, 8.770e-5, 6.549),
    (80, 1.905e-5, 5.799),
    (90, 3.396e-6, 5.382),
    (100, 5.297e-7, 5.877),
    (110, 9.661e-8, 7.263),
    (120, 2.438e-8, 9.473),
    (130, 8.484e-9, 12.636),
    (140, 3.845e-9, 16.149),
    (150, 2.070e-9, 22.523),
    (180, 5.464e-10, 29.740),
    (200, 2.789e-10, 37.105),
    (250, 7.248e-11, 45.546),
    (300, 2.418e-11, 53.628),
    (350, 9.518e-12, 53.298),
    (400, 3.725e-12, 58.515),
    (450, 1.585e-12, 60.828),
    (500, 6.967e-13, 63.822),
    (600, 1.454e-13, 71.835),
    (700, 3.614e-14, 88.667),
    (800, 1.170e-14, 124.64),
    (900, 5.245e-15, 181.05),
    (1000, 3.019e-15, 268.00),
]


@pytest.mark.parametrize("h0, rho0, scale_km", VALLADO_TABLE_8_4)
def test_vallado_table_8_4_rows(h0, rho0, scale_km):
    # at the base of the band: the tabulated density
    assert at.exponential_density_kg_m3(h0) == pytest.approx(rho0, rel=1e-12)
    # 1 km up the band: one scale-height law
    assert at.exponential_density_kg_m3(h0 + 1.0) == pytest.approx(rho0 * math.exp(-1.0 / scale_km), rel=1e-12)


def test_exponential_density_is_vectorised_and_decreasing():
    h = np.linspace(0, 2000, 401)
    rho = at.exponential_density_kg_m3(h)
    assert rho.shape == h.shape
    assert np.all(np.diff(rho) < 0)


def test_nrlmsise00_pymsis_reference_point():
    # pymsis test: 2010-01-01 12:00 UTC, 0 deg N 0 deg E, 200 km, F10.7 = F10.7a = 150, Ap = 3,
    # NRLMSISE-00 (pymsis version=0) -> 2.790941e-10 kg/m^3.
    rho = at.msis_density_kg_m3(200.0, f107=150.0, f107a=150.0, ap=3.0, date="2010-01-01T12:00")
    assert rho == pytest.approx(2.790941e-10, rel=1e-5)


def test_msis_solar_maximum_is_denser():
    low = at.msis_mean_density_kg_m3(600.0, f107=70.0, ap=4.0)
    high = at.msis_mean_density_kg_m3(600.0, f107=250.0, ap=30.0)
    assert high > 5 * low


def test_ips_density_formula():
    # IPS "Satellite Orbital Decay Calculations": at h = 175 km rho = 6e-10 for any T.
    assert at.ips_density_kg_m3(175.0, 70.0, 0.0) == pytest.approx(6e-10)
    # h = 200 km, F10.7 = 70, Ap = 0: T = 900 K, H = 900 / 27 km
    assert at.ips_density_kg_m3(200.0, 70.0, 0.0) == pytest.approx(6e-10 * math.exp(-25 / (900 / 27)))


def _ips_step_loop(h_km, area_to_mass, f107, ap, dt_days=0.01):
    """The IPS note's own time-stepping: P -= 3 pi (A/m) a rho dt until h < 180 km."""
    mu = at.MU_EARTH_M3_S2
    a = (at.R_EARTH_KM + h_km) * 1000.0
    period = 2 * math.pi * math.sqrt(a**3 / mu)
    t = 0.0
    while (a / 1000.0 - at.R_EARTH_KM) > 180.0:
        h = a / 1000.0 - at.R_EARTH_KM
        rho = at.ips_density_kg_m3(h, f107, ap)
        period -= 3 * math.pi * area_to_mass * a * rho * dt_days * 86400.0
        a = (mu * period**2 / (4 * math.pi**2)) ** (1 / 3)
        t += dt_days
    return t / 365.25


def test_ips_quadrature_matches_the_notes_time_stepping():
    t_loop = _ips_step_loop(300.0, 0.01, 150.0, 15.0)
    t_quad = at.orbital_lifetime_years(300.0, 0.01, drag_coefficient=1.0, model="ips", f107=150.0, ap=15.0)
    assert t_quad == pytest.approx(t_loop, rel=0.01)


def test_lifetime_matches_a_direct_ode_solution():
    from scipy.integrate import solve_ivp

    b = 2.2 * 0.01

    def rhs(_t, y):
        h = max(y[0] / 1000.0 - at.R_EARTH_KM, 120.0)
        return [-math.sqrt(at.MU_EARTH_M3_S2 * y[0]) * at.exponential_density_kg_m3(h) * b]

    def landed(_t, y):
        return y[0] / 1000.0 - at.R_EARTH_KM - 120.0

    landed.terminal = True
    sol = solve_ivp(rhs, [0, 50 * at.SECONDS_PER_YEAR], [(at.R_EARTH_KM + 450.0) * 1000.0],
                    events=landed, rtol=1e-8, max_step=86400.0 * 5)
    t_ode = sol.t_events[0][0] / at.SECONDS_PER_YEAR
    assert at.orbital_lifetime_years(450.0, 0.01, 2.2) == pytest.approx(t_ode, rel=2e-3)


def test_nasa_odpo_qualitative_anchors():
    # NASA ODPO orbital debris FAQ: below 600 km debris "normally fall back to Earth within
    # several years"; at 800 km decay is "often measured in centuries"; above 1,000 km
    # objects circle "for a thousand years or more". Typical A/m = 0.01 m^2/kg, Cd = 2.2.
    t = at.orbital_lifetime_years(np.array([400.0, 600.0, 800.0, 1000.0]), 0.01, 2.2)
    assert t[0] < 5
    assert 1 < t[1] < 30
    assert 100 <= t[2] < 1000
    assert t[3] >= 1000
    t_min = at.orbital_lifetime_years(800.0, 0.01, 2.2, model="msis", f107=70.0, ap=4.0)
    t_max = at.orbital_lifetime_years(800.0, 0.01, 2.2, model="msis", f107=250.0, ap=30.0)
    assert t_max < 100 < t_min


def test_lifetime_scales_as_one_over_ballistic_coefficient():
    t1 = at.orbital_lifetime_years(700.0, 0.01)
    t2 = at.orbital_lifetime_years(700.0, 0.02)
    assert t2 == pytest.approx(t1 / 2)


def test_lifetime_broadcasts_and_increases_with_altitude():
    h = np.linspace(200, 1500, 27)[:, None]
    am = np.array([0.005, 0.05])[None, :]
    t = at.orbital_lifetime_years(h, am)
    assert t.shape == (27, 2)
    assert np.all(np.diff(t, axis=0) > 0)
    assert at.orbital_lifetime_years(100.0) == 0.0


def test_decay_rate_units():
    # at 400 km, B = 0.022: sqrt(mu a) rho B in m/s, converted to km/yr
    a = (at.R_EARTH_KM + 400.0) * 1000.0
    expected = math.sqrt(at.MU_EARTH_M3_S2 * a) * 3.725e-12 * 0.022 * at.SECONDS_PER_YEAR / 1000.0
    assert at.decay_rate_km_per_year(400.0, 0.022) == pytest.approx(expected)


@pytest.mark.parametrize(
    "call",
    [
        lambda: at.exponential_density_kg_m3(-1.0),
        lambda: at.exponential_density_kg_m3(np.nan),
        lambda: at.exponential_density_kg_m3("high"),
        lambda: at.msis_density_kg_m3(200.0, f107=-5),
        lambda: at.msis_density_kg_m3(200.0, date="yesterday"),
        lambda: at.msis_density_kg_m3(200.0, f107=[100, 200]),
        lambda: at.orbital_lifetime_years(500.0, -0.01),
        lambda: at.orbital_lifetime_years(500.0, 0.01, model="jacchia"),
        lambda: at.orbital_lifetime_years(np.zeros(3) + 500, np.ones(2) * 0.01),
        lambda: at.decay_rate_km_per_year(500.0, 0.0),
    ],
)
def test_bad_inputs_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_error_message_names_the_argument():
    with pytest.raises(ValueError, match="area_to_mass_m2_kg"):
        at.orbital_lifetime_years(500.0, -1.0)


@settings(max_examples=60, deadline=None)
@given(anything, anything, anything, anything)
def test_public_functions_raise_only_value_error(h, am, f107, ap):
    for call in (
        lambda: at.exponential_density_kg_m3(h),
        lambda: at.ips_density_kg_m3(h, f107, ap),
        lambda: at.decay_rate_km_per_year(h, am),
        lambda: at.orbital_lifetime_years(h, am),
        lambda: at.orbital_lifetime_years(h, am, model="ips", f107=f107, ap=ap),
    ):
        try:
            call()
        except ValueError:
            pass


@settings(max_examples=25, deadline=None)
@given(anything, anything, anything)
def test_msis_raises_only_value_error(h, f107, ap):
    for call in (
        lambda: at.msis_density_kg_m3(h, f107, None, ap),
        lambda: at.msis_mean_density_kg_m3(h, f107, None, ap),
    ):
        try:
            call()
        except ValueError:
            pass


@pytest.mark.filterwarnings("error::RuntimeWarning")
@settings(max_examples=120, deadline=None)
@given(numbers, numbers, numbers, numbers)
def test_public_functions_return_finite_values_or_raise(h, am, f107, ap):
    # densities, decay rates and lifetimes are finite and never negative
    for call in (
        lambda: at.exponential_density_kg_m3(h),
        lambda: at.ips_density_kg_m3(h, f107, ap),
        lambda: at.density_kg_m3(h, "ips", f107, None, ap),
        lambda: at.decay_rate_km_per_year(h, am),
        lambda: at.decay_rate_km_per_year(h, am, "ips", f107, None, ap),
        lambda: at.orbital_lifetime_years(h, am),
        lambda: at.orbital_lifetime_years(h, 0.01, am),
        lambda: at.orbital_lifetime_years(h, am, 1.0, "ips", f107, None, ap),
        lambda: at.orbital_lifetime_years(600.0, 0.01, 2.2, reentry_altitude_km=h),
    ):
        _finite_or_value_error(call, low=0.0)


@pytest.mark.filterwarnings("error::RuntimeWarning")
@settings(max_examples=20, deadline=None)
@given(numbers, st.one_of(floats, st.sampled_from([60.0, 150.0, 400.0])),
       st.one_of(st.none(), floats, st.sampled_from([50.0, 400.0])), st.sampled_from([0.0, 15.0, 400.0]))
def test_msis_returns_finite_densities_or_raises(h, f107, f107a, ap):
    for call in (
        lambda: at.msis_density_kg_m3(h, f107, f107a, ap),
        lambda: at.msis_mean_density_kg_m3(h, f107, f107a, ap),
    ):
        _finite_or_value_error(call, low=0.0)


@pytest.mark.parametrize("call, message", [
    (lambda: at.decay_rate_km_per_year(400.0, 1e300), "ballistic_coefficient_m2_kg must lie between"),
    (lambda: at.orbital_lifetime_years(400.0, 1e-300), "area_to_mass_m2_kg must lie between"),
    (lambda: at.orbital_lifetime_years(400.0, 0.01, 1e-300), "drag_coefficient must lie between"),
    (lambda: at.msis_mean_density_kg_m3(500.0, 500.0), "f107 must lie between"),
])
def test_values_outside_the_model_are_value_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_a_nan_from_nrlmsise_is_a_value_error(monkeypatch):
    """pymsis returns NaN for some solar inputs far from its data (e.g. F10.7 = 60 with an
    81-day mean of 400); that must reach the reader as ValueError, not as a NaN density.
    The NaN is injected here, since the Fortran model prints to the terminal when it fails."""
    import pymsis

    def nan_model(dates, lons, lats, alts, **kwargs):
        return np.full((np.size(lons), np.size(lats), np.size(alts), 11), np.nan)

    monkeypatch.setattr(pymsis, "calculate", nan_model)
    at._msis_mean_profile.cache_clear()
    with pytest.raises(ValueError, match="NRLMSISE-00"):
        at.msis_density_kg_m3(500.0, 60.0, 400.0, 0.0)
    with pytest.raises(ValueError, match="NRLMSISE-00"):
        at.msis_mean_density_kg_m3(500.0, 61.0, 399.0, 0.0)
    at._msis_mean_profile.cache_clear()
