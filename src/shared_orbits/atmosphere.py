"""Air density in low Earth orbit and how long drag takes to bring an object down.

Three density models, from the simplest to the most complete:

- ``"exponential"``: the static exponential atmosphere of Vallado, *Fundamentals of
  Astrodynamics and Applications*, Table 8-4 (US Standard Atmosphere 1976 below 25 km,
  CIRA-72 above): rho = rho0 exp(-(h - h0) / H) within each band of the table.
- ``"ips"``: the model of the Australian IPS Radio and Space Services note "Satellite
  Orbital Decay Calculations": T = 900 + 2.5 (F10.7 - 70) + 1.5 Ap (K),
  H = T / (27 - 0.012 (h - 200)) km, rho = 6e-10 exp(-(h - 175) / H) kg/m^3. The note
  gives it for altitudes below 500 km.
- ``"msis"``: NRLMSISE-00 (Picone et al. 2002) through the ``pymsis`` package, run offline
  with the solar flux F10.7, its 81-day mean F10.7a and the geomagnetic index Ap given
  explicitly, and averaged over latitude and local time.

Lifetime: for a near-circular orbit drag shrinks the semi-major axis at
da/dt = -sqrt(mu a) rho(a) B, with B = Cd A/m the ballistic coefficient (m^2/kg) (e.g.
Vallado, sec. 9.6; the IPS note's dP = 3 pi (A/m) a rho dt is the same law written for
the period, with B = A/m). Because the rate depends on the altitude alone, the time to
fall from h0 to the re-entry altitude is the integral
t = int dh / (sqrt(mu a) rho(h) B), evaluated here for many starting altitudes at once.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ._checks import as_finite, in_range, nonnegative, positive, scalar, shape

from .constants import MU_EARTH_M3_S2, R_EARTH_KM, SECONDS_PER_YEAR

MODELS = ("exponential", "ips", "msis")
MAX_ALTITUDE_KM = 3000.0

#: Daily solar flux F10.7 (and its 81-day mean) accepted by NRLMSISE-00, in solar flux
#: units: from below the quietest solar minimum (about 65) to above the daily values of
#: strong solar maxima (around 300). Far outside (0 or 700, say) pymsis returns NaN;
#: combinations inside that still give NaN (a daily flux far from its 81-day mean) are
#: caught by checking the result.
MSIS_F107_RANGE = (50.0, 400.0)

#: Area-to-mass ratio A/m (m^2/kg) of an object losing altitude to drag: from a dense
#: solid sphere of a metre or so (about 1e-4) down by a factor of 100, up to a drag sail
#: or a sheet of foil (about 10 to 100) up by a factor of 10. Outside, the lifetime
#: integral over- or underflows.
AREA_TO_MASS_RANGE_M2_KG = (1e-6, 1e3)

#: Drag coefficient Cd: about 2 to 2.5 for satellites in free-molecular flow; 0.1 to 10
#: brackets any shape (and the IPS note's Cd = 1).
DRAG_COEFFICIENT_RANGE = (0.1, 10.0)

#: Ballistic coefficient B = Cd A/m (m^2/kg): the products of the two ranges above.
BALLISTIC_RANGE_M2_KG = (1e-7, 1e4)

# Vallado, Fundamentals of Astrodynamics and Applications, Table 8-4:
# base altitude h0 (km), density at h0 (kg/m^3), scale height H (km).
_VALLADO_H0_KM = np.array(
    [0, 25, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 180, 200, 250, 300,
     350, 400, 450, 500, 600, 700, 800, 900, 1000], dtype=float)
_VALLADO_RHO0 = np.array(
    [1.225, 3.899e-2, 1.774e-2, 3.972e-3, 1.057e-3, 3.206e-4, 8.770e-5, 1.905e-5, 3.396e-6,
     5.297e-7, 9.661e-8, 2.438e-8, 8.484e-9, 3.845e-9, 2.070e-9, 5.464e-10, 2.789e-10,
     7.248e-11, 2.418e-11, 9.518e-12, 3.725e-12, 1.585e-12, 6.967e-13, 1.454e-13, 3.614e-14,
     1.170e-14, 5.245e-15, 3.019e-15])
_VALLADO_H_KM = np.array(
    [7.249, 6.349, 6.682, 7.554, 8.382, 7.714, 6.549, 5.799, 5.382, 5.877, 7.263, 9.473,
     12.636, 16.149, 22.523, 29.740, 37.105, 45.546, 53.628, 53.298, 58.515, 60.828,
     63.822, 71.835, 88.667, 124.64, 181.05, 268.00])


def _altitude(name, value, low=0.0, high=MAX_ALTITUDE_KM):
    return in_range(name, value, low, high)


def _scalar_input(name, value, check, *args):
    arr = check(name, value, *args)
    return float(shape(name, arr, ()))


def _msis_result(rho, f107, f107a, ap):
    """NRLMSISE-00 densities, or ``ValueError`` where pymsis gives no finite positive value
    (it returns NaN for some solar inputs far from the data it was fitted to, such as a
    daily F10.7 far from its 81-day mean)."""
    rho = np.asarray(rho, dtype=float)
    if not (np.all(np.isfinite(rho)) and np.all(rho > 0)):
        raise ValueError(f"f107={f107}, f107a={f107a} and ap={ap} are outside the range where "
                         "NRLMSISE-00 gives a density (pymsis returned NaN)")
    return rho


def exponential_density_kg_m3(altitude_km):
    """Density (kg/m^3) of Vallado's static exponential atmosphere (Table 8-4).

    rho = rho0 exp(-(h - h0) / H) with (h0, rho0, H) from the band with h0 <= h below the
    next h0; above 1,000 km the last band (H = 268 km) is extended.
    """
    h = _altitude("altitude_km", altitude_km)
    i = np.searchsorted(_VALLADO_H0_KM, h, side="right") - 1
    return scalar(_VALLADO_RHO0[i] * np.exp(-(h - _VALLADO_H0_KM[i]) / _VALLADO_H_KM[i]))


def ips_density_kg_m3(altitude_km, f107=150.0, ap=15.0):
    """Density (kg/m^3) of the IPS "Satellite Orbital Decay Calculations" model.

    T = 900 + 2.5 (F10.7 - 70) + 1.5 Ap (exospheric temperature, K);
    H = T / (27 - 0.012 (h - 200)) (scale height, km); rho = 6e-10 exp(-(h - 175) / H).
    Stated for 180 km < h < 500 km; beyond that it is an extrapolation.
    """
    h = _altitude("altitude_km", altitude_km, 0.0, 1500.0)  # keeps 27 - 0.012 (h - 200) > 0
    f = in_range("f107", f107, 0.0, 1000.0)
    a = in_range("ap", ap, 0.0, 400.0)
    t = 900.0 + 2.5 * (f - 70.0) + 1.5 * a
    scale_km = t / (27.0 - 0.012 * (h - 200.0))
    return scalar(6e-10 * np.exp(-(h - 175.0) / scale_km))


def msis_density_kg_m3(altitude_km, f107=150.0, f107a=None, ap=15.0, *,
                       date="2010-01-01T12:00", lat_deg=0.0, lon_deg=0.0):
    """NRLMSISE-00 total mass density (kg/m^3) at one place and time, via pymsis.

    Runs offline: the daily F10.7 (of the previous day), its 81-day mean ``f107a``
    (defaults to ``f107``) and the daily Ap are given, not looked up. ``version=0``
    selects NRLMSISE-00 in pymsis (its default is the newer MSIS 2.1). ``f107`` and
    ``f107a`` lie within :data:`MSIS_F107_RANGE`.
    """
    import pymsis

    h = _altitude("altitude_km", altitude_km, 0.0, 1000.0 + MAX_ALTITUDE_KM)
    f = _scalar_input("f107", f107, in_range, *MSIS_F107_RANGE)
    fa = f if f107a is None else _scalar_input("f107a", f107a, in_range, *MSIS_F107_RANGE)
    a = _scalar_input("ap", ap, in_range, 0.0, 400.0)
    lat = _scalar_input("lat_deg", lat_deg, in_range, -90.0, 90.0)
    lon = _scalar_input("lon_deg", lon_deg, in_range, -180.0, 360.0)
    try:
        when = np.datetime64(date, "m")
    except (TypeError, ValueError) as exc:
        raise ValueError(f"date must be an ISO date such as '2010-01-01T12:00', got {date!r}") from exc
    flat = np.atleast_1d(h).ravel()
    out = pymsis.calculate(when, lon, lat, flat, f107s=f, f107as=fa, aps=[[a] * 7], version=0)
    rho = np.asarray(out[..., pymsis.Variable.MASS_DENSITY], dtype=float).reshape(np.shape(h))
    return scalar(_msis_result(rho, f, fa, a))


@lru_cache(maxsize=32)
def _msis_mean_profile(f107, f107a, ap, date):
    """Latitude- and local-time-averaged NRLMSISE-00 density on a 2 km altitude grid."""
    import pymsis

    alts = np.arange(80.0, MAX_ALTITUDE_KM + 2.0, 2.0)
    lats = np.array([-75.0, -45.0, -15.0, 15.0, 45.0, 75.0])
    lons = np.arange(0.0, 360.0, 45.0)  # at a fixed UT, longitude sweeps local time
    out = pymsis.calculate(np.datetime64(date, "m"), lons, lats, alts, f107s=f107, f107as=f107a,
                           aps=[[ap] * 7], version=0)
    rho = np.asarray(out[..., pymsis.Variable.MASS_DENSITY], dtype=float).reshape(
        lons.size, lats.size, alts.size)
    weights = np.cos(np.radians(lats))[None, :, None]
    mean = (rho * weights).sum(axis=(0, 1)) / (weights.sum() * lons.size)
    return alts, np.log(mean)


def msis_mean_density_kg_m3(altitude_km, f107=150.0, f107a=None, ap=15.0, *, date="2010-03-20T12:00"):
    """NRLMSISE-00 density averaged over latitude (area-weighted) and local time.

    A lifetime depends on the density met around whole orbits, day and night, so this
    global mean (6 latitudes x 8 local times, interpolated in log density between 2 km
    altitude steps) is what :func:`orbital_lifetime_years` uses for ``model="msis"``.
    ``f107`` and ``f107a`` lie within :data:`MSIS_F107_RANGE`.
    """
    h = _altitude("altitude_km", altitude_km, 80.0, MAX_ALTITUDE_KM)
    f = _scalar_input("f107", f107, in_range, *MSIS_F107_RANGE)
    fa = f if f107a is None else _scalar_input("f107a", f107a, in_range, *MSIS_F107_RANGE)
    a = _scalar_input("ap", ap, in_range, 0.0, 400.0)
    try:
        when = str(np.datetime64(date, "m"))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"date must be an ISO date such as '2010-01-01T12:00', got {date!r}") from exc
    alts, log_rho = _msis_mean_profile(f, fa, a, when)
    _msis_result(np.exp(log_rho), f, fa, a)
    return scalar(np.exp(np.interp(h, alts, log_rho)))


def density_kg_m3(altitude_km, model="exponential", f107=150.0, f107a=None, ap=15.0):
    """Density from one of the three models (see the module notes); ``model`` in MODELS."""
    if not isinstance(model, str) or model not in MODELS:
        raise ValueError(f"model must be one of {', '.join(MODELS)}, got {model!r}")
    if model == "exponential":
        return exponential_density_kg_m3(altitude_km)
    if model == "ips":
        return ips_density_kg_m3(altitude_km, f107, ap)
    return msis_mean_density_kg_m3(altitude_km, f107, f107a, ap)


def decay_rate_km_per_year(altitude_km, ballistic_coefficient_m2_kg, model="exponential",
                           f107=150.0, f107a=None, ap=15.0):
    """How fast a circular orbit sinks: |da/dt| = sqrt(mu a) rho B, in km per year.

    ``ballistic_coefficient_m2_kg`` is B = Cd A/m (m^2/kg), within :data:`BALLISTIC_RANGE_M2_KG`.
    """
    h = _altitude("altitude_km", altitude_km, 80.0, MAX_ALTITUDE_KM)
    b = in_range("ballistic_coefficient_m2_kg",
                 positive("ballistic_coefficient_m2_kg", ballistic_coefficient_m2_kg), *BALLISTIC_RANGE_M2_KG)
    rho = np.asarray(density_kg_m3(h, model, f107, f107a, ap))
    a_m = (R_EARTH_KM + h) * 1000.0
    return scalar(np.sqrt(MU_EARTH_M3_S2 * a_m) * rho * b * SECONDS_PER_YEAR / 1000.0)


def orbital_lifetime_years(altitude_km, area_to_mass_m2_kg=0.01, drag_coefficient=2.2,
                           model="exponential", f107=150.0, f107a=None, ap=15.0,
                           reentry_altitude_km=None):
    """Years for drag to bring a circular orbit down from ``altitude_km`` to re-entry.

    Integrates dt = dh / (sqrt(mu a) rho(h) B), B = Cd A/m, from the re-entry altitude
    (default 180 km for ``model="ips"``, where the IPS note stops, and 120 km otherwise;
    the last stretch takes hours) up to each starting altitude. Vectorised: arrays of
    altitudes and area-to-mass ratios broadcast against each other. For ``model="ips"``
    use ``drag_coefficient=1`` to reproduce the note's dP = 3 pi (A/m) a rho dt exactly.

    Solar activity is held constant (F10.7, Ap); real lifetimes of decades average over
    solar cycles, so bracket them with solar-minimum and solar-maximum runs.
    ``area_to_mass_m2_kg`` lies within :data:`AREA_TO_MASS_RANGE_M2_KG` and
    ``drag_coefficient`` within :data:`DRAG_COEFFICIENT_RANGE`.
    """
    if not isinstance(model, str) or model not in MODELS:
        raise ValueError(f"model must be one of {', '.join(MODELS)}, got {model!r}")
    h = _altitude("altitude_km", altitude_km, 0.0, MAX_ALTITUDE_KM)
    am = in_range("area_to_mass_m2_kg", positive("area_to_mass_m2_kg", area_to_mass_m2_kg),
                  *AREA_TO_MASS_RANGE_M2_KG)
    cd = in_range("drag_coefficient", positive("drag_coefficient", drag_coefficient), *DRAG_COEFFICIENT_RANGE)
    if reentry_altitude_km is None:
        h_end = 180.0 if model == "ips" else 120.0
    else:
        h_end = _scalar_input("reentry_altitude_km", reentry_altitude_km, in_range, 80.0, 1000.0)
    try:
        b = np.broadcast_arrays(h, am * cd)
    except ValueError as exc:
        raise ValueError(
            f"altitude_km and area_to_mass_m2_kg must broadcast together, got shapes {h.shape} and {am.shape}"
        ) from exc
    h, bc = b
    grid = np.arange(h_end, max(float(h.max()), h_end) + 0.5, 0.25)
    rho = np.asarray(density_kg_m3(grid, model, f107, f107a, ap))
    a_m = (R_EARTH_KM + grid) * 1000.0
    dt_dh = 1000.0 / (np.sqrt(MU_EARTH_M3_S2 * a_m) * rho)  # s per km, for B = 1 m^2/kg
    # exact for a log-linear integrand between grid points
    f0, f1 = dt_dh[:-1], dt_dh[1:]
    ratio = f1 / f0
    with np.errstate(divide="ignore", invalid="ignore"):
        seg = np.where(np.abs(ratio - 1) > 1e-9, (f1 - f0) / np.log(ratio), f0) * np.diff(grid)
    cumulative = np.concatenate([[0.0], np.cumsum(seg)])
    t = np.interp(h, grid, cumulative) / bc / SECONDS_PER_YEAR
    return scalar(np.where(h <= h_end, 0.0, t))
