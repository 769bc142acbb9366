"""Two-body orbits: period, speed, energy, regimes and the Hohmann transfer.

The equations of the chapter "Orbits for everyone", for a point-mass Earth:

- Kepler's third law, T = 2 pi sqrt(a^3 / mu);
- the vis-viva equation, v^2 = mu (2/r - 1/a), so v = sqrt(mu / r) on a circle;
- the specific orbital energy, epsilon = -mu / (2a);
- the Hohmann transfer between coplanar circles (Hohmann 1925; Vallado, *Fundamentals of
  Astrodynamics and Applications*, 4th ed. 2013, section 6.3);
- the sun-synchronous inclination from the J2 nodal drift (Vallado 2013, eq. 9-41).

Constants are WGS-84 (NIMA TR8350.2, 3rd ed. 2000). Distances are km, speeds km/s,
times s unless the name says otherwise, energies MJ/kg (numerically equal to km^2/s^2).
"""

from __future__ import annotations

import numpy as np

from ._checks import as_finite, in_range, positive, scalar

from .constants import J2_EARTH, MU_EARTH_KM3_S2, R_EARTH_KM, SIDEREAL_DAY_S, TNT_MJ_PER_KG, TROPICAL_YEAR_S

# Beyond this distance the Moon and Sun, not the Earth, govern motion (the Earth's Hill
# sphere is about 1.5 million km), so the two-body formulas here no longer apply.
MAX_DISTANCE_KM = 1.5e6
MAX_SPEED_KM_S = 1000.0

# Altitude bounds of the regimes as the chapter defines them (km above the equator).
LEO_MAX_KM = 2000.0
GEO_ALTITUDE_KM = 35786.0
GEO_BAND_KM = 200.0


def _check_altitude(altitude_km, name: str = "altitude_km") -> np.ndarray:
    """Altitudes must be above the surface (negative ones are an error, not a tunnel)
    and within the Earth's sphere of influence."""
    alt = as_finite(name, altitude_km)
    if (alt < 0).any():
        raise ValueError(f"{name} must not be negative, got {float(alt[alt < 0].flat[0])}")
    return in_range(name, alt, 0.0, MAX_DISTANCE_KM)


def _distance(name: str, value) -> np.ndarray:
    """A positive distance from the Earth's centre (at least 1 km, so that nothing divides
    by a vanishing radius), within the Earth's sphere of influence."""
    positive(name, value)
    return in_range(name, value, 1.0, MAX_DISTANCE_KM)


def _speed(name: str, value) -> np.ndarray:
    return in_range(name, value, -MAX_SPEED_KM_S, MAX_SPEED_KM_S)


def period_s(semi_major_axis_km):
    """Orbital period from Kepler's third law, T = 2 pi sqrt(a^3 / mu), in seconds."""
    a = _distance("semi_major_axis_km", semi_major_axis_km)
    return scalar(2.0 * np.pi * np.sqrt(a**3 / MU_EARTH_KM3_S2))


def semi_major_axis_km(period_s):
    """Semi-major axis for a given period: Kepler's third law solved for a."""
    t = in_range("period_s", positive("period_s", period_s), 0.0, 1e9)
    return scalar((MU_EARTH_KM3_S2 * (t / (2.0 * np.pi)) ** 2) ** (1.0 / 3.0))


def circular_period_min(altitude_km):
    """Period in minutes of a circular orbit at ``altitude_km`` above the equatorial radius."""
    alt = _check_altitude(altitude_km)
    return scalar(np.asarray(period_s(R_EARTH_KM + alt)) / 60.0)


def circular_speed_km_s(altitude_km):
    """Speed on a circular orbit, v = sqrt(mu / r)."""
    r = R_EARTH_KM + _check_altitude(altitude_km)
    return scalar(np.sqrt(MU_EARTH_KM3_S2 / r))


def vis_viva_speed_km_s(radius_km, semi_major_axis_km):
    """Speed at distance r on an orbit of semi-major axis a: v^2 = mu (2/r - 1/a).

    The orbit must reach r: for an ellipse r <= 2a (else v^2 < 0 and there is no such point).
    """
    r = _distance("radius_km", radius_km)
    a = _distance("semi_major_axis_km", semi_major_axis_km)
    v2 = MU_EARTH_KM3_S2 * (2.0 / r - 1.0 / a)
    if (v2 < 0).any():
        raise ValueError("radius_km must be at most twice semi_major_axis_km: the orbit never gets that far")
    return scalar(np.sqrt(v2))


def specific_energy_mj_kg(semi_major_axis_km):
    """Specific orbital energy epsilon = -mu / (2a), in MJ per kg (negative: bound orbit)."""
    a = _distance("semi_major_axis_km", semi_major_axis_km)
    return scalar(-MU_EARTH_KM3_S2 / (2.0 * a))


def kinetic_energy_mj_kg(speed_km_s):
    """Kinetic energy per kilogram, v^2 / 2, in MJ/kg."""
    v = _speed("speed_km_s", speed_km_s)
    return scalar(0.5 * v**2)


def tnt_equivalent_kg(mass_kg, speed_km_s):
    """Mass of TNT that releases the kinetic energy of ``mass_kg`` moving at ``speed_km_s``."""
    m = in_range("mass_kg", positive("mass_kg", mass_kg), 0.0, 1e9)
    return scalar(m * np.asarray(kinetic_energy_mj_kg(speed_km_s)) / TNT_MJ_PER_KG)


def repeat_period_min(orbits, days):
    """Period of an orbit that repeats its ground track after ``orbits`` revolutions in ``days`` days.

    Missions publish their repeat cycles (Sentinel-2: 143 orbits in 10 days), which fixes
    the nodal period; this ignores the small difference between nodal and Keplerian period.
    A repeat cycle holds at least one revolution, so ``orbits`` lies between 1 and 1e6
    (fewer than one would make the period longer than the cycle itself).
    """
    n = in_range("orbits", positive("orbits", orbits), 1.0, 1e6)
    d = in_range("days", positive("days", days), 0.0, 1e6)
    return scalar(d * 1440.0 / n)


def hohmann_delta_v_km_s(r1_km, r2_km):
    """Two burns of a Hohmann transfer between circular coplanar orbits of radii r1 and r2.

    Returns ``(dv1, dv2)``: the burn leaving r1 and the burn circularising at r2, both
    positive magnitudes in km/s. The transfer ellipse has a = (r1 + r2) / 2.
    """
    r1 = _distance("r1_km", r1_km)
    r2 = _distance("r2_km", r2_km)
    a_t = 0.5 * (r1 + r2)
    v1 = np.sqrt(MU_EARTH_KM3_S2 / r1)
    v2 = np.sqrt(MU_EARTH_KM3_S2 / r2)
    v_peri = np.sqrt(MU_EARTH_KM3_S2 * (2.0 / r1 - 1.0 / a_t))
    v_apo = np.sqrt(MU_EARTH_KM3_S2 * (2.0 / r2 - 1.0 / a_t))
    return scalar(np.abs(v_peri - v1)), scalar(np.abs(v2 - v_apo))


def hohmann_time_s(r1_km, r2_km):
    """Time of flight of a Hohmann transfer: half the period of the transfer ellipse."""
    r1 = _distance("r1_km", r1_km)
    r2 = _distance("r2_km", r2_km)
    return scalar(0.5 * np.asarray(period_s(0.5 * (r1 + r2))))


def plane_change_delta_v_km_s(speed_km_s, angle_deg):
    """Delta-v to turn a velocity of ``speed_km_s`` through ``angle_deg``: 2 v sin(angle / 2)."""
    v = positive("speed_km_s", speed_km_s)
    _speed("speed_km_s", v)
    angle = in_range("angle_deg", angle_deg, 0.0, 180.0)
    return scalar(2.0 * v * np.sin(np.radians(angle) / 2.0))


def sun_synchronous_inclination_deg(altitude_km):
    """Inclination whose J2 nodal drift keeps pace with the Sun (one turn per year).

    From dOmega/dt = -(3/2) J2 (R/p)^2 n cos i (Vallado 2013, eq. 9-41) with a circular
    orbit (p = a) and dOmega/dt = 2 pi per tropical year. Altitudes too high for any
    inclination to give that drift (about 5,900 km and above) raise ``ValueError``.
    """
    a = R_EARTH_KM + _check_altitude(altitude_km)
    n = np.sqrt(MU_EARTH_KM3_S2 / a**3)
    drift = 2.0 * np.pi / TROPICAL_YEAR_S
    cos_i = -drift / (1.5 * J2_EARTH * (R_EARTH_KM / a) ** 2 * n)
    if (cos_i < -1).any():
        raise ValueError("altitude_km is too high for a sun-synchronous orbit")
    return scalar(np.degrees(np.arccos(cos_i)))


def orbital_regime(perigee_km, apogee_km):
    """Name the regime of an orbit from its perigee and apogee altitudes (km).

    LEO: apogee below 2,000 km. GEO: both within 200 km of 35,786 km. MEO: perigee at or
    above 2,000 km and apogee below the GEO band. HEO: perigee below 2,000 km (or in MEO)
    and apogee above 35,786 km - 200 km, i.e. a highly elliptical orbit such as Molniya.
    Anything else (for example a circular orbit above GEO) is "other". The two arguments
    broadcast like numpy arrays (one perigee against many apogees, a whole catalogue at
    once); an array in gives an array of names out.
    """
    p = _check_altitude(perigee_km)
    q = _check_altitude(apogee_km)
    try:
        p, q = np.broadcast_arrays(p, q)
    except ValueError as exc:
        raise ValueError(f"perigee_km and apogee_km must broadcast, got shapes {p.shape} and {q.shape}") from exc
    if (p > q).any():
        raise ValueError("perigee_km must not exceed apogee_km")
    geo_low, geo_high = GEO_ALTITUDE_KM - GEO_BAND_KM, GEO_ALTITUDE_KM + GEO_BAND_KM
    names = np.select(
        [
            q < LEO_MAX_KM,
            (p >= geo_low) & (q <= geo_high),
            (p >= LEO_MAX_KM) & (q < geo_low),
            (p < geo_low) & (q >= geo_low),
        ],
        ["LEO", "GEO", "MEO", "HEO"],
        default="other",
    )
    return str(names) if names.ndim == 0 else names
