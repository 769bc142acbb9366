"""Tests for shared_orbits.propagation: TLE/OMM parsing, SGP4 batch propagation, frames, passes."""

from __future__ import annotations

import io
import json
from importlib.resources import files

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from sgp4.api import Satrec, SatrecArray

from shared_orbits import propagation as prop
from properties import finite_or_value_error as _finite_or_value_error, numbers, values

# ISS (ZARYA) TLE printed in the python-sgp4 README (Brandon Rhodes), epoch 2019 Dec 9.
ISS_LINE1 = "1 25544U 98067A   19343.69339541  .00001764  00000-0  38792-4 0  9991"
ISS_LINE2 = "2 25544  51.6439 211.2001 0007417  17.6667  85.6398 15.50103472202482"


# --------------------------------------------------------------------------- verification set


def _verification_cases():
    """Pair the TLEs of SGP4-VER.TLE with the blocks of tcppver.out, in order.

    Both files ship with the sgp4 package (Vallado, Crawford, Hujsak and Kelso 2006,
    AIAA 2006-6753). Satellite 20413 appears twice, so TLEs and blocks are paired by order.
    """
    tle_text = files("sgp4").joinpath("SGP4-VER.TLE").read_text()
    out_text = files("sgp4").joinpath("tcppver.out").read_text().replace("\r", "")
    tles = [ln for ln in tle_text.splitlines() if ln[:2] in ("1 ", "2 ")]
    pairs = list(zip(tles[0::2], tles[1::2]))
    blocks = []
    for ln in out_text.splitlines():
        if ln.strip().endswith("xx"):
            blocks.append((int(ln.split()[0]), []))
        elif ln.strip():
            blocks[-1][1].append([float(x) for x in ln.split()[:7]])
    assert len(pairs) == len(blocks) == 33
    return [(l1, l2, satnum, np.array(rows)) for (l1, l2), (satnum, rows) in zip(pairs, blocks)]


CASES = _verification_cases()

# Satellites whose tcppver.out block stops early because SGP4 reports an error, with the
# code expected at the first time missing from the block. Source: the python-sgp4 test
# suite (sgp4/tests.py, run_satellite_against_tcppver: errors [1, 1, 6, 6, 4, 3, 6] in file
# order) and the comments of SGP4-VER.TLE (Vallado et al. 2006): 22312 and 28350 reach a
# mean eccentricity out of range, 28872 and 29141 decay, 33333 "check error code 4",
# 33334 fails at t = 0 (its block only repeats the previous line), 20413 (second copy) decays.
EXPECTED_ERRORS = {
    (22312, 0): 1,
    (28350, 0): 1,
    (28872, 0): 6,
    (29141, 0): 6,
    (33333, 0): 4,
    (33334, 0): 3,
    (20413, 1): 6,
}
# TLEs in the verification set with deliberately wrong checksums (sgp4/tests.py test_tle_export).
BAD_CHECKSUM = {33333, 33334, 33335}


def _grid(line2: str) -> np.ndarray:
    """Times (min) of a case: t = 0, then start..stop by step, and stop (tcppver convention)."""
    start, stop, step = (float(x) for x in line2[69:].split())
    times = [0.0] if start != 0.0 else []
    t = start
    while t <= stop:
        times.append(t)
        t += step
    if t - stop < step - 1e-6:
        times.append(stop)
    return np.array(times)


def _case_ids():
    seen = {}
    ids = []
    for _, _, satnum, _ in CASES:
        k = seen.get(satnum, 0)
        seen[satnum] = k + 1
        ids.append(f"{satnum}-{k}")
    return ids


@pytest.mark.parametrize("case", range(len(CASES)), ids=_case_ids())
def test_verification_case_through_batch_call(case):
    line1, line2, satnum, rows = CASES[case]
    occurrence = [c[2] for c in CASES[:case]].count(satnum)
    verify = satnum not in BAD_CHECKSUM
    if not verify:
        with pytest.raises(ValueError, match="checksum"):
            prop.parse_tle(line1[:69], line2[:69])
    sat = prop.parse_tle(line1[:69], line2[:69], verify_checksum=verify)
    assert sat.satnum == satnum

    grid = _grid(line2)
    jd, fr = prop.minutes_since_epoch_grid(sat, grid)
    err, r, v = prop.propagate_teme([sat], jd, fr)
    assert r.shape == (1, len(grid), 3) and err.shape == (1, len(grid))

    expected_error = EXPECTED_ERRORS.get((satnum, occurrence), 0)
    if expected_error and err[0, 0] != 0:
        # Fails at t = 0 (33334): tcppver.out only repeats the previous block's line.
        assert err[0, 0] == expected_error
        return
    n_ok = len(rows)
    # the published rows are at the first n_ok times of the grid
    np.testing.assert_allclose(grid[:n_ok], rows[:, 0], atol=1e-6)
    assert np.all(err[0, :n_ok] == 0)
    np.testing.assert_allclose(r[0, :n_ok], rows[:, 1:4], rtol=0, atol=1e-6)
    np.testing.assert_allclose(v[0, :n_ok], rows[:, 4:7], rtol=0, atol=1e-9)
    if expected_error:
        assert n_ok < len(grid), "block should stop early"
        assert err[0, n_ok] == expected_error
    else:
        assert n_ok == len(grid)


def test_batch_matches_per_satellite_calls():
    sats = [prop.parse_tle(c[0][:69], c[1][:69], verify_checksum=False) for c in CASES]
    jd, fr = prop.time_grid(2453736.5, 0.25, 720.0, 60.0)
    err, r, v = prop.propagate_teme(sats, jd, fr)
    assert r.shape == (33, 13, 3)
    for k in (0, 5, 20):
        e1, r1, v1 = sats[k].sgp4_array(jd, fr)
        np.testing.assert_array_equal(r[k], r1)
        np.testing.assert_array_equal(err[k], e1)
    # a SatrecArray is accepted as is
    _, r2, _ = prop.propagate_teme(SatrecArray(sats), jd, fr)
    np.testing.assert_array_equal(r, r2)


# --------------------------------------------------------------------------- TLE checks


def test_checksum_of_published_lines():
    assert prop.tle_checksum(ISS_LINE1) == 1
    assert prop.tle_checksum(ISS_LINE2) == 2


def test_parse_tle_accepts_good_lines_with_newlines():
    sat = prop.parse_tle(ISS_LINE1 + "\n", ISS_LINE2 + "\r\n")
    assert sat.satnum == 25544
    assert abs(np.degrees(sat.inclo) - 51.6439) < 1e-9


@pytest.mark.parametrize(
    "line1, line2, message",
    [
        (ISS_LINE1[:68] + "7", ISS_LINE2, "line1 fails its checksum"),
        (ISS_LINE1, ISS_LINE2[:68] + "0", "line2 fails its checksum"),
        (ISS_LINE1[:68], ISS_LINE2, "line1 must be 69 characters"),
        (ISS_LINE1, ISS_LINE2 + "5", "line2 must be 69 characters"),
        (ISS_LINE2, ISS_LINE1, "line1 must start with '1 '"),
        (ISS_LINE1, ISS_LINE2.replace("2 25544", "2 25545")[:68] + "3", "same satellite number"),
        (ISS_LINE1[:68] + "x", ISS_LINE2, "checksum digit"),
        (None, ISS_LINE2, "line1 must be a string"),
    ],
)
def test_parse_tle_rejects(line1, line2, message):
    with pytest.raises(ValueError, match=message):
        prop.parse_tle(line1, line2)


def test_read_tles_three_line_format():
    text = f"ISS (ZARYA)\n{ISS_LINE1}\n{ISS_LINE2}\n\n# comment\n{ISS_LINE1}\n{ISS_LINE2}\n"
    names, sats = prop.read_tles(text)
    assert names == ["ISS (ZARYA)", "25544"]
    assert len(sats) == 2
    with pytest.raises(ValueError, match="at least one TLE"):
        prop.read_tles("nothing here")
    with pytest.raises(ValueError, match="without a line 1"):
        prop.read_tles(ISS_LINE2)


# --------------------------------------------------------------------------- OMM


def _iss_omm():
    # The same ISS elements as ISS_LINE1/2, written as the OMM keywords CelesTrak serves.
    return {
        "OBJECT_NAME": "ISS (ZARYA)", "OBJECT_ID": "1998-067A", "EPOCH": "2019-12-09T16:38:29.363424",
        "MEAN_MOTION": 15.50103472, "ECCENTRICITY": 0.0007417, "INCLINATION": 51.6439,
        "RA_OF_ASC_NODE": 211.2001, "ARG_OF_PERICENTER": 17.6667, "MEAN_ANOMALY": 85.6398,
        "EPHEMERIS_TYPE": 0, "CLASSIFICATION_TYPE": "U", "NORAD_CAT_ID": 25544, "ELEMENT_SET_NO": 999,
        "REV_AT_EPOCH": 20248, "BSTAR": 3.8792e-05, "MEAN_MOTION_DOT": 1.764e-05, "MEAN_MOTION_DDOT": 0,
    }


def test_omm_json_and_csv_match_tle():
    tle_sat = prop.parse_tle(ISS_LINE1, ISS_LINE2)
    names, sats = prop.read_omm_json(json.dumps([_iss_omm()]))
    assert names == ["ISS (ZARYA)"]
    omm = _iss_omm()
    header = ",".join(omm)
    row = ",".join(str(v) for v in omm.values())
    _, csv_sats = prop.read_omm_csv(header + "\n" + row + "\n")
    jd, fr = prop.minutes_since_epoch_grid(tle_sat, np.arange(0, 1440, 60.0))
    _, r_tle, _ = prop.propagate_teme(tle_sat, jd, fr)
    for sat in (sats[0], csv_sats[0]):
        _, r_omm, _ = prop.propagate_teme(sat, jd, fr)
        # the TLE epoch is printed to 1e-8 day: agreement to well under a kilometre
        assert np.max(np.abs(r_omm - r_tle)) < 0.05


def test_omm_rejects_bad_records():
    bad = _iss_omm()
    del bad["MEAN_MOTION"]
    with pytest.raises(ValueError, match="MEAN_MOTION"):
        prop.parse_omm(bad)
    bad = _iss_omm() | {"ECCENTRICITY": 1.5}
    with pytest.raises(ValueError, match="ECCENTRICITY"):
        prop.parse_omm(bad)
    bad = _iss_omm() | {"INCLINATION": "abc"}
    with pytest.raises(ValueError, match="INCLINATION"):
        prop.parse_omm(bad)
    with pytest.raises(ValueError, match="JSON"):
        prop.read_omm_json("{not json")


# --------------------------------------------------------------------------- frames


def test_gmst_vallado_example_3_5():
    # Vallado (2013), Example 3-5: 1992 August 20, 12:14 UT1 -> GMST = 152.578787810 deg.
    jd, fr = prop.julian_date(1992, 8, 20, 12, 14, 0.0)
    assert abs(np.degrees(prop.gmst_rad(jd, fr)) - 152.578787810) < 1e-7


def test_gmst_at_j2000():
    # GMST at J2000.0 (2000 Jan 1 12h UT1) = 67310.54841 s = 280.46061837504 deg (Vallado Eq. 3-47).
    assert abs(np.degrees(prop.gmst_rad(2451545.0, 0.0)) - 280.46061837504) < 1e-9


def test_teme_to_pef_vallado_example_3_15():
    # Vallado (2013), Example 3-15 / Table 3-6; Vallado et al. (2006): 2004 April 6,
    # 07:51:28.386009 UTC, JD_UT1 = 2453101.827406783 (dUT1 = -0.4399619 s).
    r_teme = [5094.18016210, 6127.64465950, 6380.34453270]
    v_teme = [-4.7461314870, 0.7858180410, 5.5319312880]
    r_pef, v_pef = prop.teme_to_ecef(r_teme, v_teme, 2453101.5, 0.327406783)
    np.testing.assert_allclose(r_pef, [-1033.47503130, 7901.30558560, 6380.34453270], atol=2e-5)
    np.testing.assert_allclose(v_pef, [-3.2256327470, -2.8724425110, 5.5319312880], atol=1e-7)


def test_ecef_to_geodetic_vallado_example_3_3():
    # Vallado (2013), Example 3-3: r = (6524.834, 6862.875, 6448.296) km ->
    # latitude 34.352496 deg, longitude 46.4464 deg, altitude 5085.22 km.
    lat, lon, alt = prop.ecef_to_geodetic([6524.834, 6862.875, 6448.296])
    assert abs(lat - 34.352496) < 2e-6
    assert abs(lon - 46.4464) < 1e-4
    assert abs(alt - 5085.22) < 2e-3


@settings(max_examples=60, deadline=None)
@given(
    st.floats(-90, 90), st.floats(-180, 180), st.floats(-5, 40000),
)
def test_geodetic_round_trip(lat, lon, alt):
    r = prop.geodetic_to_ecef(lat, lon, alt)
    lat2, lon2, alt2 = prop.ecef_to_geodetic(r)
    assert abs(lat2 - lat) < 1e-8
    assert abs(alt2 - alt) < 1e-6
    if abs(lat) < 89.9999:
        assert abs((lon2 - lon + 180) % 360 - 180) < 1e-8


def test_ground_track_and_errors_are_nan():
    sat = prop.parse_tle(ISS_LINE1, ISS_LINE2)
    jd, fr = prop.minutes_since_epoch_grid(sat, np.arange(0, 93, 1.0))
    lat, lon, alt = prop.ground_track([sat], jd, fr)
    assert lat.shape == (1, 93)
    assert 51.6 < np.nanmax(lat) < 52.0  # geodetic latitude peaks a little above the inclination, 51.64 deg
    assert 400 < np.nanmin(alt) and np.nanmax(alt) < 440
    decayed = [c for c in CASES if c[2] == 28872][0]
    dsat = prop.parse_tle(decayed[0][:69], decayed[1][:69])
    jd, fr = prop.minutes_since_epoch_grid(dsat, [0.0, 60.0])
    lat, lon, alt = prop.ground_track(dsat, jd, fr)
    assert np.isfinite(lat[0, 0]) and np.isnan(lat[0, 1])


def test_look_angles_overhead_and_horizon():
    site = (40.0, -75.0, 0.0)
    above = prop.geodetic_to_ecef(40.0, -75.0, 500.0)
    az, el, rng = prop.look_angles(above, *site)
    assert abs(el - 90) < 1e-6 and abs(rng - 500) < 1e-6
    north = prop.geodetic_to_ecef(50.0, -75.0, 0.0)
    az, el, rng = prop.look_angles(north, *site)
    assert abs(az) < 1e-6 or abs(az - 360) < 1e-6
    assert el < 0


def test_passes_rise_culminate_set():
    sat = prop.parse_tle(ISS_LINE1, ISS_LINE2)
    site = (51.48, 0.0, 0.05)  # Greenwich
    passes = prop.find_passes(sat, *site, sat.jdsatepoch, sat.jdsatepochF, 1440.0, min_elevation_deg=10.0)
    assert passes, "the ISS passes over 51.5 deg N several times a day"
    for p in passes:
        assert p["rise_min"] < p["culmination_min"] < p["set_min"]
        assert p["max_elevation_deg"] >= 10.0
        assert p["set_min"] - p["rise_min"] < 12.0  # a LEO pass lasts minutes
        if p["complete"]:
            for key, target in (("rise_min", 10.0), ("set_min", 10.0)):
                jd, fr = prop.minutes_since_epoch_grid(sat, [p[key] + (sat.jdsatepochF - sat.jdsatepochF)])
                jd = np.array([sat.jdsatepoch])
                fr = np.array([sat.jdsatepochF + p[key] / 1440.0])
                _, r, v = prop.propagate_teme(sat, jd, fr)
                r_ecef, _ = prop.teme_to_ecef(r[0], v[0], jd, fr)
                _, el, _ = prop.look_angles(r_ecef, *site)
                assert abs(el[0] - target) < 1e-4
    # a brute-force scan at 5 s agrees on the highest elevation of the day
    minutes = np.arange(0, 1440, 5 / 60)
    jd, fr = prop.minutes_since_epoch_grid(sat, minutes)
    _, r, v = prop.propagate_teme(sat, jd, fr)
    r_ecef, _ = prop.teme_to_ecef(r[0], v[0], jd, fr)
    _, el, _ = prop.look_angles(r_ecef, *site)
    assert max(p["max_elevation_deg"] for p in passes) == pytest.approx(el.max(), abs=0.3)
    assert max(p["max_elevation_deg"] for p in passes) >= el.max() - 1e-6


# --------------------------------------------------------------------------- bad input


def test_bad_inputs_raise_value_error():
    sat = prop.parse_tle(ISS_LINE1, ISS_LINE2)
    with pytest.raises(ValueError, match="jd must be finite"):
        prop.propagate_teme(sat, [np.nan], [0.0])
    with pytest.raises(ValueError, match="fr must have shape"):
        prop.propagate_teme(sat, [2458827.5, 2458827.5], [0.0])
    with pytest.raises(ValueError, match="satellites"):
        prop.propagate_teme([1, 2], [2458827.5], [0.0])
    with pytest.raises(ValueError, match="lat_deg"):
        prop.geodetic_to_ecef(91.0, 0.0, 0.0)
    with pytest.raises(ValueError, match="r_ecef_km must have shape"):
        prop.ecef_to_geodetic([1.0, 2.0])
    with pytest.raises(ValueError, match="altitude_km"):
        prop.satellite_from_elements(2458827.5, -5.0, 0.0, 50.0, 0, 0, 0)
    with pytest.raises(ValueError, match="duration_min"):
        prop.find_passes(sat, 0, 0, 0, 2458827.5, 0.0, -1.0)


floats = st.floats(allow_nan=True, allow_infinity=True, width=64)
arrays = hnp.arrays(np.float64, hnp.array_shapes(max_dims=3, max_side=4), elements=floats)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@settings(max_examples=40, deadline=None)
@given(arrays, arrays)
def test_frames_raise_only_value_error(a, b):
    for call in (
        lambda: prop.teme_to_ecef(a, b, 2451545.0, 0.0),
        lambda: prop.ecef_to_geodetic(a),
        lambda: prop.gmst_rad(a, 0.0),
        lambda: prop.look_angles(a, 10.0, 20.0, 0.0),
        lambda: prop.geodetic_to_ecef(a, b, 0.0),
    ):
        try:
            call()
        except ValueError:
            pass


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@settings(max_examples=40, deadline=None)
@given(floats, floats, floats, floats)
def test_scalar_entry_points_raise_only_value_error(x, y, z, w):
    sat = prop.parse_tle(ISS_LINE1, ISS_LINE2)
    for call in (
        lambda: prop.propagate_teme(sat, [x], [y]),
        lambda: prop.ground_track(sat, [x, x], [y, z]),
        lambda: prop.satellite_from_elements(x, y, z, w, 0.0, 0.0, 0.0),
        lambda: prop.time_grid(x, y, z, w),
        lambda: prop.find_passes(sat, x, y, 0.0, 2458827.5, 0.5, 30.0, z, 1.0),
        lambda: prop.datetime_from_jd(x, y),
        lambda: prop.julian_date(x, 1, 1, 0, 0, y),
        lambda: prop.minutes_since_epoch_grid(sat, [x, y]),
        lambda: prop.gmst_rad(x, y),
    ):
        try:
            call()
        except ValueError:
            pass


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_parse_tle_raises_only_value_error(a, b):
    for call in (
        lambda: prop.parse_tle(a, b),
        lambda: prop.read_tles(a + "\n" + b),
        lambda: prop.tle_checksum(a),
        lambda: prop.read_omm_json(a),
        lambda: prop.read_omm_csv(a + "\n" + b),
        lambda: prop.parse_omm(_iss_omm() | {"EPOCH": a}),
        lambda: prop.parse_omm(_iss_omm() | {"NORAD_CAT_ID": b}),
    ):
        try:
            call()
        except ValueError:
            pass


@pytest.mark.filterwarnings("error::RuntimeWarning")
@settings(max_examples=100, deadline=None)
@given(numbers, numbers, numbers)
def test_public_functions_return_finite_values_or_raise(a, b, c):
    sat = prop.parse_tle(ISS_LINE1, ISS_LINE2)
    for call in (
        lambda: prop.gmst_rad(a, b),
        lambda: prop.teme_to_ecef(a, b, 2451545.0, 0.0),
        lambda: prop.teme_to_ecef([7000.0, 0.0, 0.0], [0.0, 7.5, 0.0], a, b),
        lambda: prop.ecef_to_geodetic(a),
        lambda: prop.geodetic_to_ecef(a, b, c),
        lambda: prop.look_angles(a, 10.0, 20.0, 0.0),
        lambda: prop.look_angles([7000.0, 0.0, 0.0], a, b, c),
        lambda: prop.time_grid(2458827.5, a, b, c),
        lambda: prop.minutes_since_epoch_grid(sat, a),
        lambda: prop.julian_date(2020, 1, 1, a, 0, b),
    ):
        _finite_or_value_error(call)
    # SGP4 output: finite wherever the error code is 0 (elsewhere the code says why)
    for call in (lambda: prop.propagate_teme(sat, a, b), lambda: prop.propagate_teme(sat, [2458827.5], a)):
        try:
            err, r, v = call()
        except ValueError:
            continue
        ok = err == 0
        assert np.all(np.isfinite(r[ok])) and np.all(np.isfinite(v[ok]))
    try:
        lat, lon, alt = prop.ground_track(sat, a, b)
    except ValueError:
        pass
    else:
        known = ~np.isnan(lat)
        assert np.all(np.abs(lat[known]) <= 90) and np.all(np.abs(lon[known]) <= 180)
        assert np.all(np.isnan(lon[~known]) & np.isnan(alt[~known]))


@pytest.mark.filterwarnings("error::RuntimeWarning")
@settings(max_examples=60, deadline=None)
@given(values, values, values, values)
def test_scalar_entry_points_return_finite_values_or_raise(x, y, z, w):
    sat = prop.parse_tle(ISS_LINE1, ISS_LINE2)
    for call in (
        lambda: prop.satellite_from_elements(x, y, z, w, 0.0, 0.0, 0.0),
        lambda: prop.satellite_from_elements(2458827.5, x, y, z, w, 0.0, 0.0),
    ):
        try:
            s = call()
        except ValueError:
            continue
        assert np.isfinite([s.no_kozai, s.ecco, s.inclo, s.jdsatepoch]).all()
    passes = _finite_or_value_error(lambda: prop.find_passes(sat, x, y, 0.0, 2458827.5, 0.5, 30.0, z, 1.0))
    for p in passes or []:
        assert p["rise_min"] <= p["culmination_min"] <= p["set_min"]
    _finite_or_value_error(lambda: prop.datetime_from_jd(x, y).timestamp())


@pytest.mark.parametrize("call, message", [
    (lambda: prop.propagate_teme(prop.parse_tle(ISS_LINE1, ISS_LINE2), [1e83], [0.0]), "jd \\+ fr must lie between"),
    (lambda: prop.ecef_to_geodetic([2.9e210, 0.0, 0.0]), "r_ecef_km must lie between"),
    (lambda: prop.look_angles([7000.0, 0.0, 0.0], [10.0, 20.0], 0.0), "site_lat_deg must have shape"),
    (lambda: prop.time_grid([2458827.5], 0.0, 10.0, 1.0), "jd_start must have shape"),
    (lambda: prop.satellite_from_elements(2458827.5, [500.0], 0.0, 50.0, 0, 0, 0), "altitude_km must have shape"),
])
def test_values_outside_the_model_are_value_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


class _FakeResponse(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def test_fetch_celestrak_builds_the_documented_query_and_reads_the_answer(tmp_path):
    # Two lines of the ISS element set from the sgp4 package's README (epoch 2019-12-09).
    iss = ("ISS (ZARYA)\n"
           "1 25544U 98067A   19343.69339541  .00001764  00000-0  38792-4 0  9991\n"
           "2 25544  51.6439 211.2001 0007417  17.6667  85.6398 15.50103472202482\n")
    asked = []

    def opener(url, timeout):
        asked.append((url, timeout))
        return _FakeResponse(iss.encode())

    names, sats = prop.fetch_celestrak("stations", save_to=tmp_path / "stations.txt", opener=opener)
    assert asked == [("https://celestrak.org/NORAD/elements/gp.php?GROUP=stations&FORMAT=tle", 20.0)]
    assert names == ["ISS (ZARYA)"] and sats[0].satnum == 25544
    assert (tmp_path / "stations.txt").read_text() == iss


@pytest.mark.parametrize("kwargs, message", [
    ({"group": "stations; rm"}, "group must be a CelesTrak group name"),
    ({"group": "stations", "fmt": "xml"}, "fmt must be one of"),
    ({"group": "stations", "timeout_s": -1}, "timeout_s must be positive"),
])
def test_fetch_celestrak_rejects_bad_arguments_before_any_download(kwargs, message):
    def opener(url, timeout):  # pragma: no cover - must not be reached
        raise AssertionError("no download expected")

    with pytest.raises(ValueError, match=message):
        prop.fetch_celestrak(opener=opener, **kwargs)


def test_fetch_celestrak_turns_network_failures_and_empty_answers_into_value_errors():
    import urllib.error

    def offline(url, timeout):
        raise urllib.error.URLError("no network")

    with pytest.raises(ValueError, match="could not download"):
        prop.fetch_celestrak("stations", opener=offline)
    with pytest.raises(ValueError, match="returned no readable element sets"):
        prop.fetch_celestrak("stations", opener=lambda url, timeout: _FakeResponse(b"No GP data found\n"))
