"""Where a satellite is: two-line element sets, SGP4 and Earth-fixed coordinates.

The chapter *Space situational awareness* explains how the public catalogue describes
each object by a two-line element set (TLE) or an Orbit Mean-Elements Message (OMM) and
how the SGP4 model turns those mean elements into a position at any time. This module
follows that path:

1. parse a TLE (:func:`parse_tle`, with the format checks of Spacetrack Report #3) or an
   OMM record (:func:`parse_omm`, :func:`read_omm_csv`, :func:`read_omm_json`);
2. propagate many satellites over a time grid in one vectorised call
   (:func:`propagate_teme`, built on ``sgp4.api.SatrecArray``), giving positions in the
   True Equator Mean Equinox (TEME) frame;
3. rotate TEME into an Earth-fixed frame by Greenwich mean sidereal time
   (:func:`gmst_rad`, :func:`teme_to_ecef`), then to geodetic latitude, longitude and
   altitude on the WGS-84 ellipsoid (:func:`ecef_to_geodetic`);
4. draw ground tracks (:func:`ground_track`) and find passes over a ground site
   (:func:`look_angles`, :func:`find_passes`).

References
----------
Hoots, F. R. and Roehrich, R. L. (1980). *Spacetrack Report No. 3: Models for
Propagation of NORAD Element Sets*. (TLE format and checksum.)
Vallado, D. A., Crawford, P., Hujsak, R. and Kelso, T. S. (2006). "Revisiting Spacetrack
Report #3". AIAA 2006-6753. (SGP4 as implemented in the ``sgp4`` package; TEME.)
Vallado, D. A. (2013). *Fundamentals of Astrodynamics and Applications*, 4th ed.
Eq. 3-47 (GMST, IAU-82), Algorithm 12 and Example 3-3 (geodetic latitude),
Example 3-15 (TEME to pseudo-Earth-fixed).
NIMA (2000). *Department of Defense World Geodetic System 1984*. TR8350.2 (WGS-84).

Times are Julian dates split in a whole part ``jd`` and a fraction ``fr`` (as in the
``sgp4`` package) so that sub-millisecond precision survives. UTC stands in for UT1
(the difference is under 0.9 s, about 7 km along track for a low orbit, in where the
Earth has turned to, not in the orbit itself) and polar motion is ignored (tens of
metres): ample for ground tracks and passes, not for precise orbit work.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta

import numpy as np
from scipy.optimize import brentq, minimize_scalar
from sgp4 import omm as _omm
from sgp4.api import WGS72, Satrec, SatrecArray, jday

from ._checks import as_finite, in_range, nonnegative, number, positive, shape

from .constants import EARTH_ROTATION_RAD_S, MINUTES_PER_DAY, MU_EARTH_WGS72_KM3_S2, R_EARTH_WGS72_KM, WGS84_E2, WGS84_F
from .constants import R_EARTH_KM as WGS84_A_KM

#: Julian dates (jd + fr) at which SGP4 is run: 1950 to 2100. The catalogue starts in
#: 1957, the TLE epoch's two-digit year is read as 1957-2056, and SGP4's mean elements
#: mean nothing decades away from their epoch.
JD_RANGE = (2433282.5, 2488069.5)

#: Largest position (km) in the frame conversions: the Earth's sphere of influence
#: (about 1.5 million km), beyond which the Earth-centred frames describe no orbit.
MAX_POSITION_KM = 1.5e6
#: Largest speed (km/s) in the frame conversions, as in :mod:`shared_orbits.orbits`.
MAX_SPEED_KM_S = 1000.0

#: Meaning of the SGP4 error codes (Vallado et al. 2006; sgp4 package documentation).
SGP4_ERRORS = {
    0: "no error",
    1: "mean eccentricity is outside the range 0 <= e < 1",
    2: "mean motion has fallen below zero",
    3: "perturbed eccentricity is outside the range 0 <= e <= 1",
    4: "semi-latus rectum has fallen below zero",
    5: "(no longer used)",
    6: "mean elements show the satellite has decayed into the Earth",
}


# --------------------------------------------------------------------------- TLE and OMM


def tle_checksum(line: str) -> int:
    """Modulo-10 checksum of a TLE line (Spacetrack Report #3).

    Sum the digits of the first 68 characters, counting each minus sign as 1 and every
    other character as 0; the checksum is that sum modulo 10 and is printed in column 69.
    """
    if not isinstance(line, str):
        raise ValueError(f"line must be a string, got {type(line).__name__}")
    total = 0
    for char in line[:68]:
        if char.isdigit():
            total += int(char)
        elif char == "-":
            total += 1
    return total % 10


def _check_tle_line(name: str, line, number: str, verify_checksum: bool) -> str:
    if not isinstance(line, str):
        raise ValueError(f"{name} must be a string, got {type(line).__name__}")
    line = line.rstrip("\r\n ")
    if len(line) != 69:
        raise ValueError(f"{name} must be 69 characters long, got {len(line)}")
    if line[0] != number or line[1] != " ":
        raise ValueError(f"{name} must start with '{number} ', got {line[:2]!r}")
    if verify_checksum:
        if not line[68].isdigit():
            raise ValueError(f"{name} must end in a checksum digit, got {line[68]!r}")
        expected = tle_checksum(line)
        if int(line[68]) != expected:
            raise ValueError(
                f"{name} fails its checksum: column 69 holds {line[68]} but the digits sum to {expected} (mod 10)"
            )
    return line


def parse_tle(line1: str, line2: str, *, verify_checksum: bool = True) -> Satrec:
    """Check a two-line element set and return an initialised ``sgp4`` satellite record.

    Checks (Spacetrack Report #3 format): each line is exactly 69 characters (trailing
    newline and spaces are stripped), starts with its line number and a space, ends in
    the modulo-10 checksum (:func:`tle_checksum`), and both lines carry the same
    satellite number (columns 3-7). ``verify_checksum=False`` skips only the checksum,
    for test files that carry deliberately bad checksums.

    Raises ``ValueError`` naming the line and the problem.
    """
    line1 = _check_tle_line("line1", line1, "1", verify_checksum)
    line2 = _check_tle_line("line2", line2, "2", verify_checksum)
    if line1[2:7] != line2[2:7]:
        raise ValueError(
            f"line1 and line2 must carry the same satellite number, got {line1[2:7]!r} and {line2[2:7]!r}"
        )
    try:
        return Satrec.twoline2rv(line1, line2, WGS72)
    except (ValueError, IndexError) as exc:
        raise ValueError(f"line1/line2 could not be read as a TLE: {exc}") from exc


def read_tles(text: str, *, verify_checksum: bool = True) -> tuple[list[str], list[Satrec]]:
    """Read every TLE in a text (two-line or three-line format, as CelesTrak serves it).

    Lines starting with ``#`` and blank lines are skipped. A line that is neither line 1
    nor line 2 of a TLE is taken as the name of the next object. Returns the names
    (the satellite number when no name line is present) and the satellite records.
    A file downloaded from CelesTrak, e.g. ``gp.php?GROUP=stations&FORMAT=tle``, can be
    read with ``read_tles(open(path).read())``.
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a string, got {type(text).__name__}")
    names, sats = [], []
    pending_name = None
    lines = [ln.rstrip() for ln in text.splitlines()]
    k = 0
    while k < len(lines):
        ln = lines[k]
        if not ln.strip() or ln.startswith("#"):
            k += 1
            continue
        if ln.startswith("1 ") and len(ln) >= 69:
            if k + 1 >= len(lines):
                raise ValueError(f"text line {k + 1}: line 1 of a TLE has no line 2 after it")
            sat = parse_tle(ln[:69], lines[k + 1][:69], verify_checksum=verify_checksum)
            names.append(pending_name if pending_name else ln[2:7].strip())
            sats.append(sat)
            pending_name = None
            k += 2
            continue
        if ln.startswith("2 ") and len(ln) >= 69:
            raise ValueError(f"text line {k + 1}: line 2 of a TLE without a line 1 before it")
        pending_name = ln.strip()[2:].strip() if ln.startswith("0 ") else ln.strip()
        k += 1
    if not sats:
        raise ValueError("text must contain at least one TLE")
    return names, sats


CELESTRAK_GP_URL = "https://celestrak.org/NORAD/elements/gp.php"
_CELESTRAK_FORMATS = {"tle": "tle", "json": "json", "csv": "csv"}


def fetch_celestrak(group: str, fmt: str = "tle", *, save_to=None, timeout_s: float = 20.0,
                    opener=None) -> tuple[list[str], list[Satrec]]:
    """Download today's element sets for a CelesTrak group and read them.

    For readers with a network: the book itself never calls this while it is built. The
    query is CelesTrak's documented GP interface, ``gp.php?GROUP=<group>&FORMAT=<fmt>``
    (T.S. Kelso, "A New Way to Obtain GP Data", CelesTrak, 2020), with ``fmt`` one of
    ``"tle"``, ``"json"`` (OMM) or ``"csv"`` (OMM). ``group`` is a CelesTrak group name
    such as ``"stations"`` or ``"active"``. ``save_to`` keeps a copy of the file so that a
    lab can be re-run offline with the same data. ``opener`` replaces
    ``urllib.request.urlopen`` (the tests pass a fake one). Network failures and answers
    that hold no element sets raise ``ValueError`` with the reason.
    """
    import urllib.error
    import urllib.parse
    import urllib.request

    if not isinstance(group, str) or not re.fullmatch(r"[a-z0-9-]{1,40}", group):
        raise ValueError(f"group must be a CelesTrak group name such as 'stations', got {group!r}")
    if fmt not in _CELESTRAK_FORMATS:
        raise ValueError(f"fmt must be one of {sorted(_CELESTRAK_FORMATS)}, got {fmt!r}")
    positive("timeout_s", timeout_s)
    url = f"{CELESTRAK_GP_URL}?{urllib.parse.urlencode({'GROUP': group, 'FORMAT': fmt})}"
    try:
        with (opener or urllib.request.urlopen)(url, timeout=float(timeout_s)) as response:
            text = response.read().decode("utf-8")
    except (urllib.error.URLError, OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"could not download {url}: {exc}") from exc
    if save_to is not None:
        from pathlib import Path

        Path(save_to).write_text(text, encoding="utf-8")
    readers = {"tle": read_tles, "json": read_omm_json, "csv": read_omm_csv}
    try:
        return readers[fmt](text)
    except ValueError as exc:
        raise ValueError(f"{url} returned no readable element sets ({exc}); first line: {text[:80]!r}") from exc


_OMM_KEYS = (
    "OBJECT_ID", "EPOCH", "MEAN_MOTION", "ECCENTRICITY", "INCLINATION", "RA_OF_ASC_NODE",
    "ARG_OF_PERICENTER", "MEAN_ANOMALY", "NORAD_CAT_ID", "BSTAR", "MEAN_MOTION_DOT",
    "MEAN_MOTION_DDOT",
)


def parse_omm(fields: dict) -> Satrec:
    """Initialise a satellite record from one CCSDS OMM record (CCSDS 502.0-B-3).

    ``fields`` maps OMM keywords to values, as in one object of CelesTrak's JSON output
    (``FORMAT=json``) or one row of its CSV output (``FORMAT=csv``); values may be
    strings or numbers. Uses ``sgp4.omm.initialize`` (WGS-72 constants, as for TLEs).
    """
    if not isinstance(fields, dict):
        raise ValueError(f"fields must be a dict of OMM keywords, got {type(fields).__name__}")
    missing = [key for key in _OMM_KEYS if key not in fields]
    if missing:
        raise ValueError(f"fields is missing OMM keyword(s) {', '.join(missing)}")
    rec = {key: str(value) for key, value in fields.items()}
    rec.setdefault("CLASSIFICATION_TYPE", "U")
    rec.setdefault("EPHEMERIS_TYPE", "0")
    rec.setdefault("ELEMENT_SET_NO", "999")
    rec.setdefault("REV_AT_EPOCH", "0")
    if "." not in rec["EPOCH"]:
        rec["EPOCH"] += ".000000"
    for key in _OMM_KEYS[2:]:
        try:
            value = float(rec[key])
        except ValueError as exc:
            raise ValueError(f"fields[{key!r}] must be a number, got {rec[key]!r}") from exc
        if not np.isfinite(value):
            raise ValueError(f"fields[{key!r}] must be finite, got {value}")
    if not 0.0 <= float(rec["ECCENTRICITY"]) < 1.0:
        raise ValueError(f"fields['ECCENTRICITY'] must lie in [0, 1), got {rec['ECCENTRICITY']}")
    if float(rec["MEAN_MOTION"]) <= 0.0:
        raise ValueError(f"fields['MEAN_MOTION'] must be positive, got {rec['MEAN_MOTION']}")
    sat = Satrec()
    try:
        _omm.initialize(sat, rec)
    except ValueError as exc:
        raise ValueError(f"fields could not be read as an OMM record: {exc}") from exc
    return sat


def read_omm_csv(text: str) -> tuple[list[str], list[Satrec]]:
    """Read CelesTrak's OMM CSV output (``gp.php?GROUP=...&FORMAT=csv``): names and records."""
    if not isinstance(text, str):
        raise ValueError(f"text must be a string, got {type(text).__name__}")
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows:
        raise ValueError("text must contain a header and at least one OMM row")
    return [r.get("OBJECT_NAME", r.get("NORAD_CAT_ID", "")) for r in rows], [parse_omm(r) for r in rows]


def read_omm_json(text: str) -> tuple[list[str], list[Satrec]]:
    """Read CelesTrak's OMM JSON output (``FORMAT=json``): a list of OMM objects."""
    if not isinstance(text, str):
        raise ValueError(f"text must be a string, got {type(text).__name__}")
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"text is not valid JSON: {exc}") from exc
    if isinstance(records, dict):
        records = [records]
    if not isinstance(records, list) or not records:
        raise ValueError("text must hold a JSON list of OMM objects")
    return [str(r.get("OBJECT_NAME", r.get("NORAD_CAT_ID", ""))) for r in records], [parse_omm(r) for r in records]


def satellite_from_elements(
    epoch_jd: float,
    altitude_km: float,
    eccentricity: float,
    inclination_deg: float,
    raan_deg: float,
    arg_perigee_deg: float,
    mean_anomaly_deg: float,
    bstar_per_earth_radius: float = 0.0,
    satnum: int = 99999,
) -> Satrec:
    """An SGP4 satellite from mean elements, for synthetic populations.

    ``altitude_km`` is the mean semi-major axis minus the WGS-72 equatorial radius; the
    mean motion follows from Kepler's third law (n = sqrt(mu / a^3)). Uses
    ``Satrec.sgp4init`` with WGS-72 constants and the epoch counted from 1949-12-31 0h.
    """
    epoch_jd = number("epoch_jd", in_range("epoch_jd", epoch_jd, 2433282.5, 2488069.5))  # 1950 to 2099
    alt = number("altitude_km", nonnegative("altitude_km", altitude_km))
    if alt > 400_000.0:
        raise ValueError(f"altitude_km must be below 400000 (an Earth orbit), got {alt}")
    ecc = number("eccentricity", in_range("eccentricity", eccentricity, 0.0, 0.999))
    inc = np.radians(number("inclination_deg", in_range("inclination_deg", inclination_deg, 0.0, 180.0)))
    raan = np.radians(number("raan_deg", as_finite("raan_deg", raan_deg)))
    argp = np.radians(number("arg_perigee_deg", as_finite("arg_perigee_deg", arg_perigee_deg)))
    mean_anom = np.radians(number("mean_anomaly_deg", as_finite("mean_anomaly_deg", mean_anomaly_deg)))
    bstar = number("bstar_per_earth_radius", as_finite("bstar_per_earth_radius", bstar_per_earth_radius))
    a_km = R_EARTH_WGS72_KM + alt  # WGS-72 radius, as SGP4 uses
    n_rad_min = np.sqrt(MU_EARTH_WGS72_KM3_S2 / a_km**3) * 60.0
    sat = Satrec()
    sat.sgp4init(WGS72, "i", int(satnum) % 100000, epoch_jd - 2433281.5, bstar, 0.0, 0.0,
                 ecc, argp, inc, mean_anom, n_rad_min, raan)
    return sat


# --------------------------------------------------------------------------- time


def julian_date(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: float = 0.0):
    """Julian date of a UTC calendar instant as (whole, fraction), via ``sgp4.api.jday``."""
    year = number("year", in_range("year", year, 1900, 2100))
    month = number("month", in_range("month", month, 1, 12))
    day = number("day", in_range("day", day, 1, 31))
    hour = number("hour", in_range("hour", hour, 0, 24))
    minute = number("minute", in_range("minute", minute, 0, 60))
    second = number("second", in_range("second", second, 0, 61))
    jd, fr = jday(int(year), int(month), int(day), int(hour), int(minute), float(second))
    return jd, fr


def time_grid(jd_start: float, fr_start: float, duration_min: float, step_min: float):
    """Julian dates (whole, fraction arrays) from a start, every ``step_min`` for ``duration_min``."""
    jd_start = number("jd_start", as_finite("jd_start", jd_start))
    fr_start = number("fr_start", as_finite("fr_start", fr_start))
    duration = number("duration_min", nonnegative("duration_min", duration_min))
    step = number("step_min", positive("step_min", step_min))
    ratio = duration / step
    if not ratio < 50_000_000:
        raise ValueError(f"step_min {step} gives too many times for duration_min {duration}")
    n = int(np.floor(ratio + 1e-9)) + 1
    minutes = np.arange(n) * step
    return np.full(n, jd_start), fr_start + minutes / MINUTES_PER_DAY


def datetime_from_jd(jd: float, fr: float = 0.0) -> datetime:
    """UTC ``datetime`` (naive) of a Julian date given as whole part and fraction."""
    jd = number("jd", in_range("jd", jd, 1721426.0, 5373484.0))  # years 1 to 9999
    fr = number("fr", in_range("fr", fr, -1e5, 1e5))
    try:
        return datetime(2000, 1, 1, 12) + timedelta(days=(jd - 2451545.0) + fr)
    except OverflowError as exc:
        raise ValueError(f"jd + fr must fall between the years 1 and 9999, got {jd + fr}") from exc


# --------------------------------------------------------------------------- propagation


def _as_satrec_array(satellites):
    if isinstance(satellites, SatrecArray):
        return satellites
    if isinstance(satellites, Satrec):
        return SatrecArray([satellites])
    try:
        sats = list(satellites)
    except TypeError as exc:
        raise ValueError(f"satellites must be a Satrec, a list of Satrec or a SatrecArray, got {type(satellites).__name__}") from exc
    if not sats:
        raise ValueError("satellites must not be empty")
    for k, s in enumerate(sats):
        if not isinstance(s, Satrec):
            raise ValueError(f"satellites[{k}] must be a Satrec, got {type(s).__name__}")
    return SatrecArray(sats)


def _time_arrays(jd, fr):
    jd = as_finite("jd", jd)
    fr = as_finite("fr", fr)
    jd = np.atleast_1d(jd)
    fr = np.atleast_1d(fr)
    shape("jd", jd, (None,))
    shape("fr", fr, (jd.shape[0],))
    in_range("jd + fr", jd + fr, *JD_RANGE)
    return np.ascontiguousarray(jd), np.ascontiguousarray(fr)


def propagate_teme(satellites, jd, fr):
    """Positions and velocities of many satellites at many times, in one SGP4 call.

    Parameters
    ----------
    satellites : Satrec, list of Satrec, or ``sgp4.api.SatrecArray`` (fastest: reuse it)
    jd, fr : arrays of shape (T,)
        UTC Julian dates as whole part and fraction, shared by every satellite; jd + fr
        within :data:`JD_RANGE` (1950 to 2100).

    Returns
    -------
    error : (N, T) SGP4 error codes (0 = success; meanings in :data:`SGP4_ERRORS`)
    r_teme_km : (N, T, 3) positions in the TEME frame, km
    v_teme_km_s : (N, T, 3) velocities in the TEME frame, km/s

    in the order of ``sgp4``'s own ``SatrecArray.sgp4``: ``e, r, v = propagate_teme(...)``.

    SGP4 is the model of Hoots and Roehrich (1980) as revised by Vallado et al. (2006);
    the work is done by ``SatrecArray.sgp4`` from the ``sgp4`` package in compiled code.
    """
    array = _as_satrec_array(satellites)
    jd, fr = _time_arrays(jd, fr)
    return array.sgp4(jd, fr)


def minutes_since_epoch_grid(satellite: Satrec, minutes):
    """Julian dates (whole, fraction) at ``minutes`` after a satellite's element epoch."""
    if not isinstance(satellite, Satrec):
        raise ValueError(f"satellite must be a Satrec, got {type(satellite).__name__}")
    minutes = np.atleast_1d(as_finite("minutes", minutes))
    shape("minutes", minutes, (None,))
    return np.full(minutes.shape, satellite.jdsatepoch), satellite.jdsatepochF + minutes / MINUTES_PER_DAY


# --------------------------------------------------------------------------- frames


def gmst_rad(jd_ut1, fr_ut1=0.0):
    """Greenwich mean sidereal time (rad), IAU-82 model (Vallado 2013, Eq. 3-47).

    GMST = 67310.54841 s + (876600 h + 8640184.812866 s) T + 0.093104 s T^2 - 6.2e-6 s T^3,
    with T the Julian centuries of UT1 since J2000.0 (JD 2451545.0), reduced to [0, 2 pi).
    Vallado's Example 3-5: 1992 August 20, 12:14 UT1 gives 152.578787810 deg.
    """
    jd = in_range("jd_ut1", jd_ut1, 0.0, 1e8)
    fr = in_range("fr_ut1", fr_ut1, -1e8, 1e8)
    t = ((jd - 2451545.0) + fr) / 36525.0
    seconds = 67310.54841 + (876600.0 * 3600.0 + 8640184.812866) * t + 0.093104 * t**2 - 6.2e-6 * t**3
    angle = np.mod(np.radians(np.mod(seconds, 86400.0) / 240.0), 2.0 * np.pi)
    return float(angle) if np.ndim(angle) == 0 else angle


def teme_to_ecef(r_teme_km, v_teme_km_s, jd, fr):
    """Rotate TEME vectors to the Earth-fixed frame (pseudo-Earth-fixed, polar motion ignored).

    r_ecef = R3(GMST) r_teme and v_ecef = R3(GMST) v_teme - omega x r_ecef, with
    omega = 7.292115146706979e-5 rad/s about the z axis (Vallado 2013, Example 3-15;
    Vallado et al. 2006, Eq. 1). ``r_teme_km`` and ``v_teme_km_s`` have shape (..., T, 3)
    and the times (``jd``, ``fr``, shape (T,)) match the second-to-last axis. Components
    are bounded by :data:`MAX_POSITION_KM` and :data:`MAX_SPEED_KM_S`.
    """
    r = in_range("r_teme_km", r_teme_km, -MAX_POSITION_KM, MAX_POSITION_KM)
    v = in_range("v_teme_km_s", v_teme_km_s, -MAX_SPEED_KM_S, MAX_SPEED_KM_S)
    if r.ndim < 1 or r.shape[-1] != 3:
        raise ValueError(f"r_teme_km must have shape (..., 3), got {r.shape}")
    if v.shape != r.shape:
        raise ValueError(f"v_teme_km_s must have the shape of r_teme_km {r.shape}, got {v.shape}")
    theta = np.asarray(gmst_rad(jd, fr))
    n_times = r.shape[-2] if r.ndim >= 2 else 1
    if theta.ndim > 1 or (theta.ndim == 1 and theta.shape[0] not in (1, n_times)):
        raise ValueError(f"jd must be a scalar or have one entry per time ({n_times}), got shape {theta.shape}")
    if r.ndim == 1:
        theta = theta.reshape(())
    c, s = np.cos(theta), np.sin(theta)
    x, y, z = r[..., 0], r[..., 1], r[..., 2]
    xe = c * x + s * y
    ye = -s * x + c * y
    vx = c * v[..., 0] + s * v[..., 1] + EARTH_ROTATION_RAD_S * ye
    vy = -s * v[..., 0] + c * v[..., 1] - EARTH_ROTATION_RAD_S * xe
    return np.stack([xe, ye, z], axis=-1), np.stack([vx, vy, v[..., 2]], axis=-1)


def ecef_to_geodetic(r_ecef_km):
    """Geodetic latitude (deg), longitude (deg, -180 to 180) and altitude (km) on WGS-84.

    Fixed-point iteration on latitude (Vallado 2013, Algorithm 12), in the form
    phi <- atan2(z + e^2 N sin(phi), p) with N = a / sqrt(1 - e^2 sin^2 phi), which stays
    well behaved at the poles; h = p cos(phi) + z sin(phi) - a sqrt(1 - e^2 sin^2 phi).
    Converges to 1e-12 rad in a few steps for any point outside the Earth's core.
    Components are bounded by :data:`MAX_POSITION_KM`.
    """
    r = in_range("r_ecef_km", r_ecef_km, -MAX_POSITION_KM, MAX_POSITION_KM)
    if r.ndim < 1 or r.shape[-1] != 3:
        raise ValueError(f"r_ecef_km must have shape (..., 3), got {r.shape}")
    x, y, z = r[..., 0], r[..., 1], r[..., 2]
    p = np.hypot(x, y)
    lat = np.arctan2(z, p * (1.0 - WGS84_E2))
    for _ in range(10):
        sin_lat = np.sin(lat)
        n = WGS84_A_KM / np.sqrt(1.0 - WGS84_E2 * sin_lat**2)
        new = np.arctan2(z + WGS84_E2 * n * sin_lat, p)
        done = np.all(np.abs(new - lat) < 1e-13)
        lat = new
        if done:
            break
    sin_lat = np.sin(lat)
    alt = p * np.cos(lat) + z * sin_lat - WGS84_A_KM * np.sqrt(1.0 - WGS84_E2 * sin_lat**2)
    lon = np.degrees(np.arctan2(y, x))
    out = np.degrees(lat), lon, alt
    return tuple(float(a) if np.ndim(a) == 0 else a for a in out)


def geodetic_to_ecef(lat_deg, lon_deg, alt_km):
    """Earth-fixed position (km) of a geodetic latitude, longitude and altitude on WGS-84.

    x = (N + h) cos(phi) cos(lambda), y = (N + h) cos(phi) sin(lambda),
    z = (N (1 - e^2) + h) sin(phi)  (Vallado 2013, Eq. 3-14).
    """
    lat = np.radians(in_range("lat_deg", lat_deg, -90.0, 90.0))
    lon = np.radians(as_finite("lon_deg", lon_deg))
    h = as_finite("alt_km", alt_km)
    lat, lon, h = np.broadcast_arrays(lat, lon, h)
    n = WGS84_A_KM / np.sqrt(1.0 - WGS84_E2 * np.sin(lat) ** 2)
    return np.stack(
        [(n + h) * np.cos(lat) * np.cos(lon), (n + h) * np.cos(lat) * np.sin(lon), (n * (1 - WGS84_E2) + h) * np.sin(lat)],
        axis=-1,
    )


def ground_track(satellites, jd, fr):
    """Sub-satellite latitude (deg), longitude (deg) and altitude (km), shape (N, T).

    Propagates with :func:`propagate_teme`, rotates with :func:`teme_to_ecef` and converts
    with :func:`ecef_to_geodetic`. Times where SGP4 reports an error are NaN.
    """
    jd, fr = _time_arrays(jd, fr)
    err, r, v = propagate_teme(satellites, jd, fr)
    bad = err != 0
    r = np.where(bad[..., None], 0.0, r)
    r_ecef, _ = teme_to_ecef(r, np.zeros_like(r), jd, fr)
    lat, lon, alt = ecef_to_geodetic(r_ecef + bad[..., None] * WGS84_A_KM)
    lat, lon, alt = (np.where(bad, np.nan, np.asarray(a)) for a in (lat, lon, alt))
    return lat, lon, alt


def look_angles(r_ecef_km, site_lat_deg: float, site_lon_deg: float, site_alt_km: float = 0.0):
    """Azimuth (deg from north, clockwise), elevation (deg) and range (km) from a ground site.

    The line of sight is resolved in the site's east-north-up frame on the WGS-84
    ellipsoid (Vallado 2013, Algorithm 27, with the south-east-zenith axes reordered).
    ``r_ecef_km`` has shape (..., 3), components bounded by :data:`MAX_POSITION_KM`.
    """
    r = in_range("r_ecef_km", r_ecef_km, -MAX_POSITION_KM, MAX_POSITION_KM)
    if r.ndim < 1 or r.shape[-1] != 3:
        raise ValueError(f"r_ecef_km must have shape (..., 3), got {r.shape}")
    lat = np.radians(number("site_lat_deg", in_range("site_lat_deg", site_lat_deg, -90.0, 90.0)))
    lon = np.radians(number("site_lon_deg", in_range("site_lon_deg", site_lon_deg, -360.0, 360.0)))
    site = geodetic_to_ecef(np.degrees(lat), np.degrees(lon), number("site_alt_km", in_range("site_alt_km", site_alt_km, -1.0, 100.0)))
    d = r - site
    sl, cl, so, co = np.sin(lat), np.cos(lat), np.sin(lon), np.cos(lon)
    east = -so * d[..., 0] + co * d[..., 1]
    north = -sl * co * d[..., 0] - sl * so * d[..., 1] + cl * d[..., 2]
    up = cl * co * d[..., 0] + cl * so * d[..., 1] + sl * d[..., 2]
    rng = np.sqrt(east**2 + north**2 + up**2)
    elevation = np.degrees(np.arctan2(up, np.hypot(east, north)))
    azimuth = np.mod(np.degrees(np.arctan2(east, north)), 360.0)
    return azimuth, elevation, rng


def _elevation_at(sat_array, jd0, fr0, minutes, site):
    jd = np.full(np.shape(minutes), jd0, dtype=float).reshape(-1)
    fr = (fr0 + np.asarray(minutes, dtype=float) / MINUTES_PER_DAY).reshape(-1)
    err, r, v = sat_array.sgp4(jd, fr)
    r_ecef, _ = teme_to_ecef(np.where(err[0][:, None] == 0, r[0], WGS84_A_KM * 10), v[0] * 0, jd, fr)
    az, el, rng = look_angles(r_ecef, *site)
    el = np.where(err[0] == 0, el, -90.0)
    return az, el, rng


def find_passes(
    satellite: Satrec,
    site_lat_deg: float,
    site_lon_deg: float,
    site_alt_km: float,
    jd_start: float,
    fr_start: float,
    duration_min: float,
    min_elevation_deg: float = 10.0,
    step_min: float = 0.5,
) -> list[dict]:
    """Passes of one satellite above an elevation mask at a ground site.

    The elevation is sampled every ``step_min`` minutes; each crossing of the mask is
    refined with Brent's method and each culmination (highest elevation) with a bounded
    scalar minimisation, both on the propagated elevation. A pass already in progress at
    the start (or still in progress at the end) is cut at the window edge and flagged.
    ``step_min`` must be shorter than the shortest pass worth finding (0.5 min suits LEO).

    Returns a list of dicts with ``rise_min``, ``culmination_min``, ``set_min``
    (minutes after the start), ``max_elevation_deg``, ``rise_azimuth_deg``,
    ``set_azimuth_deg`` and ``complete`` (False when cut by the window).
    """
    if not isinstance(satellite, Satrec):
        raise ValueError(f"satellite must be a Satrec, got {type(satellite).__name__}")
    site = (
        number("site_lat_deg", in_range("site_lat_deg", site_lat_deg, -90.0, 90.0)),
        number("site_lon_deg", in_range("site_lon_deg", site_lon_deg, -360.0, 360.0)),
        number("site_alt_km", in_range("site_alt_km", site_alt_km, -1.0, 100.0)),
    )
    jd0 = number("jd_start", as_finite("jd_start", jd_start))
    fr0 = number("fr_start", as_finite("fr_start", fr_start))
    duration = number("duration_min", positive("duration_min", duration_min))
    mask = number("min_elevation_deg", in_range("min_elevation_deg", min_elevation_deg, -90.0, 90.0))
    step = number("step_min", positive("step_min", step_min))
    if not duration / step <= 5_000_000:
        raise ValueError(f"step_min {step} is too small for duration_min {duration}")
    arr = SatrecArray([satellite])
    grid = np.arange(0.0, duration + 1e-9, step)
    if grid[-1] < duration:
        grid = np.append(grid, duration)
    _, el, _ = _elevation_at(arr, jd0, fr0, grid, site)
    above = el >= mask

    def f(t):
        return float(_elevation_at(arr, jd0, fr0, [t], site)[1][0]) - mask

    passes = []
    k = 0
    n = len(grid)
    while k < n:
        if not above[k]:
            k += 1
            continue
        start = k
        while k < n and above[k]:
            k += 1
        end = k - 1  # last sample above the mask
        rise_cut = start == 0
        set_cut = end == n - 1
        rise = grid[0] if rise_cut else brentq(f, grid[start - 1], grid[start], xtol=1e-7)
        set_ = grid[-1] if set_cut else brentq(f, grid[end], grid[end + 1], xtol=1e-7)
        res = minimize_scalar(lambda t: -f(t), bounds=(rise, set_), method="bounded", options={"xatol": 1e-6})
        t_best = res.x
        i_best = start + int(np.argmax(el[start:end + 1]))
        if el[i_best] - mask > -res.fun:  # sampled peak higher than the refined one: keep the sample
            t_best = grid[i_best]
        az_rise = float(_elevation_at(arr, jd0, fr0, [rise], site)[0][0])
        az_set = float(_elevation_at(arr, jd0, fr0, [set_], site)[0][0])
        passes.append(
            {
                "rise_min": float(rise),
                "culmination_min": float(t_best),
                "set_min": float(set_),
                "max_elevation_deg": f(t_best) + mask,
                "rise_azimuth_deg": az_rise,
                "set_azimuth_deg": az_set,
                "complete": not (rise_cut or set_cut),
            }
        )
    return passes
