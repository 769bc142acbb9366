"""What an imaging satellite can see: resolution, swath and how often it comes back.

- Optics: the Rayleigh criterion theta = 1.22 lambda / D (radians) is the smallest
  angle a telescope of aperture D resolves at wavelength lambda; from altitude h it
  spans about theta h on the ground (e.g. Jenkins and White, *Fundamentals of Optics*).
- Sampling: one detector pixel of pitch p behind a lens of focal length f covers
  GSD = p h / f on the ground (ground sample distance).
- Geometry: a spherical Earth of radius R_E; looking off nadir lengthens the range
  to the ground and tilts the ground away from the line of sight, so both
  resolutions coarsen.
- Revisit: a simple, documented estimate of how often a constellation can image a
  place at a given latitude (see :func:`mean_revisit_days`).
"""

from __future__ import annotations

import numpy as np

from ._checks import in_range, nonnegative, positive, scalar

from .constants import MU_EARTH_KM3_S2, R_EARTH_KM, SIDEREAL_DAY_S

#: Altitude of the sensor (km): above the ground (the geometry holds at any height, which
#: gives the flat-Earth limit at low ones) and within the Earth's sphere of influence
#: (1.5 million km), beyond which the orbit formulas no longer apply.
ALTITUDE_RANGE_KM = (0.0, 1.5e6)
#: Wavelength (m): extreme ultraviolet (10 nm) to far infrared (1 mm), where imaging
#: optics obey the Rayleigh criterion; with the aperture range, theta stays below 1 rad.
WAVELENGTH_RANGE_M = (1e-8, 1e-3)
#: Aperture or focal length of a space telescope (m): 1 mm to 100 m.
OPTICS_RANGE_M = (1e-3, 100.0)
#: Detector pixel pitch (m): 0.1 micrometre to 1 mm.
PIXEL_PITCH_RANGE_M = (1e-7, 1e-3)
#: Ground resolution asked for (m): 1 mm to 1,000 km.
RESOLUTION_RANGE_M = (1e-3, 1e6)
#: Satellites in a constellation: at least one (fewer is no constellation), at most a million.
N_SATELLITES_RANGE = (1.0, 1e6)
#: Time window for coverage (days): up to a million days (2,700 years).
DAYS_RANGE = (0.0, 1e6)


def _altitude(value):
    return in_range("altitude_km", positive("altitude_km", value), *ALTITUDE_RANGE_KM)


def diffraction_angle_rad(wavelength_m, aperture_m):
    """Rayleigh criterion: the smallest resolvable angle, theta = 1.22 lambda / D (rad)."""
    lam = in_range("wavelength_m", positive("wavelength_m", wavelength_m), *WAVELENGTH_RANGE_M)
    d = in_range("aperture_m", positive("aperture_m", aperture_m), *OPTICS_RANGE_M)
    return scalar(1.22 * lam / d)


def slant_range_km(altitude_km, off_nadir_deg=0.0):
    """Distance (km) from the satellite to the ground when looking ``off_nadir_deg`` off nadir.

    Spherical Earth: the law of sines in the triangle Earth centre - satellite - ground
    point. Raises if the line of sight misses the Earth (beyond the horizon).
    """
    h = _altitude(altitude_km)
    eta = np.radians(in_range("off_nadir_deg", off_nadir_deg, 0.0, 89.999))
    r = R_EARTH_KM + h
    sin_inc = r / R_EARTH_KM * np.sin(eta)  # sine of the incidence angle at the ground
    if np.any(sin_inc >= 1.0):
        raise ValueError("off_nadir_deg must be below the horizon angle for this altitude_km")
    inc = np.arcsin(sin_inc)
    earth_angle = inc - eta  # angle at the Earth's centre
    rho2 = R_EARTH_KM**2 + r**2 - 2.0 * R_EARTH_KM * r * np.cos(earth_angle)  # law of cosines
    return scalar(np.sqrt(np.maximum(rho2, h**2)))


def incidence_angle_deg(altitude_km, off_nadir_deg):
    """Angle between the line of sight and the local vertical at the ground (deg)."""
    h = _altitude(altitude_km)
    eta = np.radians(in_range("off_nadir_deg", off_nadir_deg, 0.0, 89.999))
    sin_inc = (R_EARTH_KM + h) / R_EARTH_KM * np.sin(eta)
    if np.any(sin_inc >= 1.0):
        raise ValueError("off_nadir_deg must be below the horizon angle for this altitude_km")
    return scalar(np.degrees(np.arcsin(sin_inc)))


def off_nadir_factor(altitude_km, off_nadir_deg):
    """How much coarser a ground resolution is off nadir than at nadir: (along, across).

    Along the track the footprint grows with the range: rho / h. Across it the ground is
    also tilted by the incidence angle i: rho / (h cos i). Multiply a nadir GSD or
    diffraction spot by these factors; their geometric mean is a single summary.
    """
    rho = np.asarray(slant_range_km(altitude_km, off_nadir_deg))
    h = _altitude(altitude_km)
    inc = np.radians(np.asarray(incidence_angle_deg(altitude_km, off_nadir_deg)))
    along = rho / h
    return scalar(along), scalar(along / np.cos(inc))


def diffraction_ground_resolution_m(wavelength_m, aperture_m, altitude_km, off_nadir_deg=0.0):
    """Smallest ground separation the optics resolve (m): 1.22 lambda rho / D.

    ``rho`` is the slant range (the altitude at nadir). Off nadir this is the along-track
    value; divide by cos(incidence) for the across-track one (:func:`off_nadir_factor`).
    """
    theta = np.asarray(diffraction_angle_rad(wavelength_m, aperture_m))
    rho_km = np.asarray(slant_range_km(altitude_km, off_nadir_deg))
    return scalar(theta * rho_km * 1000.0)


def ground_sample_distance_m(pixel_pitch_m, altitude_km, focal_length_m, off_nadir_deg=0.0):
    """Ground sample distance (m): GSD = p rho / f, the ground seen by one pixel.

    ``rho`` is the slant range (the altitude at nadir), so this is the along-track GSD;
    the across-track GSD is larger by 1/cos(incidence).
    """
    p = in_range("pixel_pitch_m", positive("pixel_pitch_m", pixel_pitch_m), *PIXEL_PITCH_RANGE_M)
    f = in_range("focal_length_m", positive("focal_length_m", focal_length_m), *OPTICS_RANGE_M)
    rho_km = np.asarray(slant_range_km(altitude_km, off_nadir_deg))
    return scalar(p * rho_km * 1000.0 / f)


def aperture_for_resolution_m(resolution_m, altitude_km, wavelength_m=550e-9):
    """Aperture (m) whose diffraction limit at nadir is ``resolution_m``: D = 1.22 lambda h / x."""
    x = in_range("resolution_m", positive("resolution_m", resolution_m), *RESOLUTION_RANGE_M)
    h = _altitude(altitude_km)
    lam = in_range("wavelength_m", positive("wavelength_m", wavelength_m), *WAVELENGTH_RANGE_M)
    return scalar(1.22 * lam * h * 1000.0 / x)


def earth_central_angle_deg(altitude_km, off_nadir_deg):
    """Angle at the Earth's centre between the sub-satellite point and the viewed point (deg).

    Incidence minus off-nadir angle, never negative (the incidence is at least the
    off-nadir angle; rounding could otherwise leave -1e-324 for a tiny angle).
    """
    inc = np.asarray(incidence_angle_deg(altitude_km, off_nadir_deg))
    return scalar(np.maximum(inc - in_range("off_nadir_deg", off_nadir_deg, 0.0, 89.999), 0.0))


def swath_km(altitude_km, field_of_view_deg):
    """Width (km, along the ground) of the strip seen by a nadir-pointing sensor.

    The sensor sees +/- half the field of view either side of nadir; on a spherical
    Earth the swath is 2 R_E lambda, lambda the Earth-central angle at the edge. For
    small fields it is close to the flat-Earth 2 h tan(FOV / 2).
    """
    fov = in_range("field_of_view_deg", field_of_view_deg, 0.0, 179.998)
    lam = np.radians(np.asarray(earth_central_angle_deg(altitude_km, fov / 2.0)))
    return scalar(2.0 * R_EARTH_KM * lam)


def orbits_per_day(altitude_km):
    """Revolutions per day of a circular orbit: 86,400 s / (2 pi sqrt(a^3 / mu))."""
    h = _altitude(altitude_km)
    a = R_EARTH_KM + h
    return scalar(86400.0 / (2 * np.pi * np.sqrt(a**3 / MU_EARTH_KM3_S2)))


def mean_revisit_days(latitude_deg, altitude_km, inclination_deg, max_off_nadir_deg,
                      n_satellites=1, daylight_only=True):
    """Average time (days) between opportunities to image a point at ``latitude_deg``.

    A deliberately simple estimate, for comparing designs rather than planning:

    1. Each satellite can image a strip of width W = 2 R_E lambda either side of its
       ground track, lambda the Earth-central angle at ``max_off_nadir_deg``.
    2. Each orbit crosses the parallel of latitude phi twice (northbound and southbound)
       while |phi| < inclination; with ``daylight_only`` only one crossing is in sunlight
       (as for a sun-synchronous imager).
    3. A crossing track meets the parallel at an angle set by its heading, cos(az)^2 =
       1 - cos(i)^2 / cos(phi)^2, so the strip covers W / |cos(az)| of the parallel's
       length 2 pi R_E cos(phi) (capped at the whole parallel).
    4. Passes are spread at random in longitude, so a point is seen
       n_sat x crossings/day x covered fraction times a day on average; the revisit is the
       inverse. Earth rotation, orbit phasing and weather are ignored.

    Returns ``inf`` where the latitude is never in reach.
    """
    phi = np.radians(in_range("latitude_deg", latitude_deg, -90.0, 90.0))
    inc = np.radians(in_range("inclination_deg", inclination_deg, 0.0, 180.0))
    n = in_range("n_satellites", positive("n_satellites", n_satellites), *N_SATELLITES_RANGE)
    half_width_rad = np.radians(np.asarray(earth_central_angle_deg(altitude_km, max_off_nadir_deg)))
    w_km = 2.0 * R_EARTH_KM * half_width_rad
    crossings = orbits_per_day(altitude_km) * (1.0 if daylight_only else 2.0)
    i_eff = np.minimum(inc, np.pi - inc)  # retrograde orbits reach the same latitudes
    cos_phi = np.cos(phi)
    with np.errstate(divide="ignore", invalid="ignore"):
        cos_az2 = 1.0 - (np.cos(i_eff) / cos_phi) ** 2
        cos_az = np.sqrt(np.clip(cos_az2, 0.0, 1.0))
        covered = np.where(cos_az > 0, w_km / cos_az, np.inf) / (2 * np.pi * R_EARTH_KM * cos_phi)
    covered = np.minimum(np.nan_to_num(covered, nan=1.0, posinf=1.0), 1.0)
    reachable = np.abs(phi) <= i_eff + half_width_rad
    rate = np.where(reachable, n * crossings * covered, 0.0)
    with np.errstate(divide="ignore"):
        return scalar(np.where(rate > 0, 1.0 / np.where(rate > 0, rate, 1.0), np.inf))


def coverage_fraction(days, latitude_deg, altitude_km, inclination_deg, max_off_nadir_deg,
                      n_satellites=1, daylight_only=True):
    """Expected fraction of places at ``latitude_deg`` seen at least once within ``days``.

    With opportunities arriving at random at the mean rate of :func:`mean_revisit_days`,
    the chance of no opportunity in time T is exp(-T / revisit), so the coverage is
    1 - exp(-T / revisit).
    """
    t = in_range("days", nonnegative("days", days), *DAYS_RANGE)
    revisit = np.asarray(mean_revisit_days(latitude_deg, altitude_km, inclination_deg,
                                           max_off_nadir_deg, n_satellites, daylight_only))
    return scalar(1.0 - np.exp(-t / revisit))
