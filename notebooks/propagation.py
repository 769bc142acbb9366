# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Lab: Propagation, from element sets to ground tracks
#
# ## Overview
#
# This lab follows the path described in the chapter
# [Watching the sky: space situational awareness](../../debris/space-situational-awareness.md),
# from the published catalogue entry of a satellite to where it is and when you can see it.
# You will:
#
# 1. read two-line element sets (TLEs) and check them the way software must: line length,
#    line numbers and the checksum;
# 2. read the same orbit as an Orbit Mean-Elements Message (OMM), the format replacing the TLE;
# 3. propagate several satellites over a day in **one** call of the SGP4 model;
# 4. turn the positions into latitude, longitude and altitude and draw ground tracks;
# 5. predict the passes of the International Space Station (ISS) over Vienna;
# 6. check the propagation against the published SGP4 verification results.
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | [Two-line element sets](../../debris/space-situational-awareness.md#two-line-element-sets) | Necessary | What the fields of a TLE mean |
# | [SGP4: from elements to positions](../../debris/space-situational-awareness.md#sgp4-from-elements-to-positions) | Necessary | Why a TLE must be used with SGP4, and how accurate it is |
# | [Orbits for everyone](../../domain/orbits-for-everyone.md) | Helpful | Inclination, period and orbital regimes |
# | Python lists, functions and `print` | Helpful | Every step is a short function call |
#
# ## Time to learn
#
# About 40 minutes; the lab runs in a few seconds.

# %%
from importlib.resources import files
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

from skyfield.api import EarthSatellite, load, load_file, wgs84

import shared_orbits
from shared_orbits import catalogue
from shared_orbits import propagation as prop
from shared_orbits.constants import MU_EARTH_KM3_S2, R_EARTH_KM
from shared_orbits.plotting import book_style
from shared_orbits.published import compare_with_published

book_style()
# the data folder beside this notebook, or the one in the book's repository
DATA = Path("data")
if not (DATA / "example-tles.txt").exists():
    DATA = Path(shared_orbits.__file__).resolve().parents[2] / "notebooks" / "data"

# %% [markdown]
# ## Reading and checking a TLE
#
# The file `data/example-tles.txt` holds two public element sets for the ISS, each
# preceded by a name line: the September 2008 set worked through in the chapter, and one
# from December 2019. The comment lines at the top of the file say where each came from.
# `read_tles` reads a whole file; every TLE in it passes through `parse_tle`, which refuses a
# line that is not exactly 69 characters long, does not start with its line number, or
# fails its **checksum**.

# %%
names, satellites = prop.read_tles((DATA / "example-tles.txt").read_text())
iss = satellites[0]
print(names)
print(f"catalogue number {iss.satnum}, epoch {prop.datetime_from_jd(iss.jdsatepoch, iss.jdsatepochF):%Y-%m-%d %H:%M:%S} UTC")
print(f"inclination {np.degrees(iss.inclo):.4f} deg, eccentricity {iss.ecco:.7f}, "
      f"mean motion {iss.no_kozai * 1440 / (2 * np.pi):.8f} rev/day")

# %% [markdown]
# The checksum is the last digit of each line: add up all the digits of the first 68
# characters, count each minus sign as 1, and keep the last digit of the sum. It catches a
# single mistyped or garbled digit. Here is line 1 of the 2008 set, then the same line with
# one digit of the epoch changed:

# %%
line1 = "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927"
line2 = "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537"
print("checksum of line 1:", prop.tle_checksum(line1), "(column 69 holds", line1[68] + ")")

garbled = line1.replace("08264.517", "08264.518")
try:
    prop.parse_tle(garbled, line2)
except ValueError as err:
    print("rejected:", err)

# %% [markdown]
# ## Type the formula yourself
#
# A TLE does not give the altitude; it gives the **mean motion** $n$, revolutions per
# day. Kepler's third law turns it into the semi-major axis, $a = (\mu / n^2)^{1/3}$ with
# $n$ in radians per second, and the eccentricity $e$ gives perigee and apogee,
# $a(1 - e) - R_E$ and $a(1 + e) - R_E$. Type it for the 2008 ISS element set, with every
# intermediate value printed as in Vallado's examples [@vallado2013], then
# compare with `catalogue.mean_altitudes_km`.

# %%
n_rev_day = 15.72125391                        # from column 53-63 of line 2
e = 0.0006703                                  # columns 27-33, with the leading "0." added
n_rad_s = n_rev_day * 2 * np.pi / 86400.0      # rad/s
a_km = (MU_EARTH_KM3_S2 / n_rad_s**2) ** (1 / 3)   # <- type a = (mu / n^2)^(1/3) here
perigee_km, apogee_km = a_km * (1 - e) - R_EARTH_KM, a_km * (1 + e) - R_EARTH_KM
print(f"n = {n_rad_s:.9e} rad/s;  a = {a_km:,.3f} km;  perigee {perigee_km:.1f} km, apogee {apogee_km:.1f} km")
print("package:", [round(float(x), 3) for x in catalogue.mean_altitudes_km(n_rev_day, e)])

# %% [markdown]
# ## The same orbit as an OMM record
#
# An OMM carries the same mean elements as named fields, in JSON, XML, CSV or plain text,
# with a four-digit year and room for catalogue numbers beyond 99999. CelesTrak serves it
# with `FORMAT=json` or `FORMAT=csv`. Below, the 2008 ISS elements are written as the
# keywords of one JSON object; `parse_omm` turns them into an SGP4 satellite record. The
# numbers are the same, only the packaging differs, so the two predictions agree exactly.

# %%
iss_omm = {
    "OBJECT_NAME": "ISS (ZARYA)", "OBJECT_ID": "1998-067A", "EPOCH": "2008-09-20T12:25:40.104192",
    "MEAN_MOTION": 15.72125391, "ECCENTRICITY": 0.0006703, "INCLINATION": 51.6416,
    "RA_OF_ASC_NODE": 247.4627, "ARG_OF_PERICENTER": 130.5360, "MEAN_ANOMALY": 325.0288,
    "NORAD_CAT_ID": 25544, "BSTAR": -1.1606e-05, "MEAN_MOTION_DOT": -2.182e-05, "MEAN_MOTION_DDOT": 0,
}
iss_from_omm = prop.parse_omm(iss_omm)
jd, fr = prop.minutes_since_epoch_grid(iss, np.arange(0.0, 1441.0, 10.0))
_, r_tle, _ = prop.propagate_teme(iss, jd, fr)
_, r_omm, _ = prop.propagate_teme(iss_from_omm, jd, fr)
print(f"largest difference over one day: {np.max(np.linalg.norm(r_tle - r_omm, axis=-1)) * 1000:.1f} m")

# %% [markdown]
# ## Many satellites, one call
#
# The `sgp4` package ships the verification set of Vallado, Crawford, Hujsak and Kelso
# (2006): 33 element sets, most of them of real objects and a few edited to trigger the
# model's error codes, chosen to exercise its branches.
# We take four of them from late June 2006, one per orbital regime, and propagate all four
# over the same day, every minute, in a single call of `propagate_teme`. Like `sgp4`'s own
# `SatrecArray.sgp4`, it returns the error codes first, then positions and velocities:
# `err, r, v`. The positions are an array of shape (satellites, times, 3) of positions in the TEME frame, the inertial frame
# in which SGP4 works.

# %%
ver_text = files("sgp4").joinpath("SGP4-VER.TLE").read_text()
ver_lines = [ln[:69] for ln in ver_text.splitlines() if ln[:2] in ("1 ", "2 ")]
ver = {}
for a, b in zip(ver_lines[0::2], ver_lines[1::2]):
    sat = prop.parse_tle(a, b, verify_checksum=False)  # three edited test cases fail their checksums
    ver.setdefault(sat.satnum, sat)

# names and regimes as given in the comments of SGP4-VER.TLE
chosen = {
    28057: "CBERS 2 (sun-synchronous LEO)",
    28129: "NAVSTAR 53 (GPS, MEO)",
    24208: "ITALSAT 2 (geostationary)",
    8195: "MOLNIYA 2-14 (highly elliptical)",
}
regime_sats = [ver[k] for k in chosen]
jd0, fr0 = prop.julian_date(2006, 6, 26, 0, 0, 0)
jd, fr = prop.time_grid(jd0, fr0, 1440.0, 1.0)
err, r, v = prop.propagate_teme(regime_sats, jd, fr)
print("positions:", r.shape, " velocities:", v.shape, " SGP4 errors:", int(np.count_nonzero(err)))

lat, lon, alt = prop.ground_track(regime_sats, jd, fr)
print(f"\n{'satellite':34} {'period (min)':>12} {'min alt (km)':>13} {'max alt (km)':>13} {'max lat (deg)':>14}")
for k, (num, label) in enumerate(chosen.items()):
    period = 2 * np.pi / regime_sats[k].no_kozai
    print(f"{label:34} {period:12.1f} {alt[k].min():13,.0f} {alt[k].max():13,.0f} {np.abs(lat[k]).max():14.1f}")

# %% [markdown]
# The table sorts the four into the regimes of the chapter
# [Orbits for everyone](../../domain/orbits-for-everyone.md): a 100-minute orbit at about
# 790 km, a 12-hour navigation orbit at about 20,200 km, a geostationary satellite near
# 35,700 km whose period of about a day keeps it over one longitude, and a Molniya orbit that
# swings between about 2,000 km and 38,400 km. The highest latitude reached is set by the
# inclination: a satellite never flies over latitudes higher than its inclination (or 180°
# minus it, for retrograde orbits such as sun-synchronous ones).
#
# ## From TEME to the map
#
# To draw a ground track we need the Earth-fixed position. The Earth turns under the
# inertial frame by the **Greenwich mean sidereal time** (GMST), an angle that grows by a
# little more than 360° a day; `teme_to_ecef` rotates by it, using the IAU-82 formula of
# Vallado's textbook. `ecef_to_geodetic` then finds latitude, longitude and altitude above
# the WGS-84 ellipsoid, the Earth model GPS uses, by a short iteration. `ground_track`
# does both steps.
#
# Here are three orbits of the ISS from its 2008 element set. The track shifts west by
# about 23° each orbit because the Earth turns under it during the 91.6 minutes an orbit
# takes.

# %%
def split_at_dateline(lon_deg, lat_deg):
    """Insert NaN where the track jumps from +180 to -180 deg, so lines do not cross the map."""
    jumps = np.nonzero(np.abs(np.diff(lon_deg)) > 180)[0] + 1
    return np.insert(lon_deg, jumps, np.nan), np.insert(lat_deg, jumps, np.nan)


jd_iss, fr_iss = prop.minutes_since_epoch_grid(iss, np.arange(0.0, 3 * 91.6, 0.5))
lat_iss, lon_iss, alt_iss = prop.ground_track(iss, jd_iss, fr_iss)
VIENNA = (48.2082, 16.3738, 0.2)  # latitude, longitude (deg), altitude (km): seat of UNOOSA

# %% alt="Map-style line chart of longitude against latitude showing three orbits of the ISS from its 20 September 2008 element set: three sine-like tracks between 51.6 degrees north and south, each shifted about 23 degrees west of the one before. Vienna is marked at 48 degrees north, inside the band the tracks cover."
fig, ax = plt.subplots(figsize=(8, 4))
for k in range(3):
    part = slice(int(k * 91.6 * 2), int((k + 1) * 91.6 * 2) + 1)
    x, y = split_at_dateline(lon_iss[0, part], lat_iss[0, part])
    ax.plot(x, y, color=f"C{k}", label=f"orbit {k + 1}")
ax.plot(VIENNA[1], VIENNA[0], "k*", markersize=10, label="Vienna")
ax.set(xlim=(-180, 180), ylim=(-90, 90), xticks=range(-180, 181, 60), yticks=range(-90, 91, 30),
       xlabel="longitude (deg)", ylabel="latitude (deg)", title="ISS ground track, 20 September 2008")
ax.legend(loc="lower left", fontsize=9, ncol=4)
plt.show()

# %% [markdown]
# The four regimes look very different on the same kind of map over one day. The
# sun-synchronous satellite covers the whole globe; the GPS satellite, going round twice a
# day, traces a figure that repeats daily; the geostationary satellite hardly moves; and the Molniya satellite
# hangs for hours near its apogee over the northern hemisphere, which is what the orbit was
# designed for.

# %% alt="Map-style scatter chart of one day of ground tracks for four satellites in June 2006: the sun-synchronous CBERS 2 scatters points over the whole globe up to about 82 degrees north and south; the GPS satellite NAVSTAR 53 traces a pattern between 55 degrees north and south; the geostationary ITALSAT 2 stays near one point on the equator; MOLNIYA 2-14 crowds its points at high northern latitudes. Each orbit type serves a different purpose."
fig, ax = plt.subplots(figsize=(8, 4))
for k, label in enumerate(chosen.values()):
    ax.scatter(lon[k, ::4], lat[k, ::4], s=3, color=f"C{k}", label=label)
ax.set(xlim=(-180, 180), ylim=(-90, 90), xticks=range(-180, 181, 60), yticks=range(-90, 91, 30),
       xlabel="longitude (deg)", ylabel="latitude (deg)", title="One day of ground tracks, 26 June 2006")
ax.legend(loc="lower left", fontsize=8, markerscale=3)
plt.show()

# %% [markdown]
# ## When can Vienna see the ISS?
#
# A **pass** is the time a satellite spends above a chosen elevation over a ground
# site's horizon; 10° is a common mask, because near the horizon buildings, hills and the
# thick lower atmosphere get in the way. `look_angles` gives the azimuth, elevation and
# range from the site; `find_passes` samples the elevation every 30 seconds, then pins
# down the rise and the set with a root finder and the highest point (culmination) with a
# minimiser. A pass
# says only that the ISS is above the horizon: to *see* it by eye the sky must also be
# dark and the station in sunlight, which this lab does not check.

# %%
passes = prop.find_passes(iss, *VIENNA, iss.jdsatepoch, iss.jdsatepochF, 1440.0, min_elevation_deg=10.0)
print(f"{'rise (UTC)':>20} {'culmination':>12} {'set':>9} {'max elev (deg)':>15} {'azimuth rise -> set':>20}")
def utc_after_epoch(minutes):
    """The UTC date and time a number of minutes after the ISS element set's epoch."""
    return prop.datetime_from_jd(iss.jdsatepoch, iss.jdsatepochF + minutes / 1440)


for p in passes:
    t_rise = utc_after_epoch(p["rise_min"])
    t_top = utc_after_epoch(p["culmination_min"])
    t_set = utc_after_epoch(p["set_min"])
    print(f"{t_rise:%Y-%m-%d %H:%M:%S} {t_top:%H:%M:%S} {t_set:%H:%M:%S} {p['max_elevation_deg']:15.1f} "
          f"{p['rise_azimuth_deg']:9.0f} -> {p['set_azimuth_deg']:3.0f}")
print(f"{len(passes)} passes above 10 deg in the 24 hours after the epoch")

# %%
minutes = np.arange(0.0, 1440.0, 0.25)
jd_day, fr_day = prop.minutes_since_epoch_grid(iss, minutes)
_, r_day, v_day = prop.propagate_teme(iss, jd_day, fr_day)
r_ecef, _ = prop.teme_to_ecef(r_day[0], v_day[0], jd_day, fr_day)
azimuth_deg, elevation_deg, range_km = prop.look_angles(r_ecef, *VIENNA)

# %% alt="Line chart of the ISS's elevation seen from Vienna over the 24 hours after the 20 September 2008 epoch. The curve spends most of the day below the horizon, with five short peaks above the 10 degree mask between about 6 and 12 hours after the epoch, each lasting a few minutes; the highest reaches 87 degrees, nearly overhead. The passes come in one group, about 90 minutes (one orbit) apart."
fig, ax = plt.subplots()
ax.plot(minutes / 60, elevation_deg, lw=1)
ax.axhline(10, color="C1", ls="--", label="10° mask")
for p in passes:
    ax.plot(p["culmination_min"] / 60, p["max_elevation_deg"], "o", color="C2")
ax.set(xlabel="hours after the element set's epoch", ylabel="elevation (deg)", ylim=(-90, 90),
       title="ISS seen from Vienna")
ax.legend(loc="lower right")
plt.show()

# %% [markdown]
# A pass lasts a few minutes, and passes come in groups spaced by one orbit, because the
# ground track walks west by about 23° each orbit and crosses the region around Vienna on
# a few consecutive orbits before moving on. Remember the accuracy limits from the chapter:
# a public TLE is good to about a kilometre at epoch and drifts by one to three kilometres
# a day, so pass times computed from an old element set slip by seconds to minutes.
#
# ## The real sky: the ISS over Vienna on 12 July 2026
#
# The book also ships CelesTrak's element sets for every working satellite in July 2026
# [@celestrak2026active]. The ISS's set there has its epoch on 10 July 2026, so it is
# good for the following days. `find_passes` gives its passes over Vienna on 12 July.

# %%
cat = catalogue.read_gp_csv(DATA / "celestrak-active-2026-07.csv.gz")
k_iss = int(np.flatnonzero(cat["OBJECT_NAME"] == "ISS (ZARYA)")[0])
iss_2026 = catalogue.satellites(cat, [k_iss])[0]
jd_12, fr_12 = prop.julian_date(2026, 7, 12)
passes_2026 = prop.find_passes(iss_2026, *VIENNA, jd_12, fr_12, 1440.0, min_elevation_deg=10.0)
print(f"element set epoch {cat['EPOCH'][k_iss]} UTC")
for p in passes_2026:
    print(f"rise {prop.datetime_from_jd(jd_12, fr_12 + p['rise_min'] / 1440):%H:%M:%S} UTC, "
          f"highest {p['max_elevation_deg']:5.1f} deg")

# %% [markdown]
# ### Compare with the professional tool
#
# Skyfield [@rhodes2019skyfield] is a widely used astronomy library that wraps the same
# SGP4 code but does everything else its own way: its own time scales (with UT1 from
# the IERS), its own frame rotations and its own event search. Its `find_events` must
# give the same rise, culmination and set times to within a few seconds (our code
# ignores the sub-second difference between UT1 and UTC and polar motion). Skyfield
# also answers what our package does not: is the station **in sunlight**, and is the
# sky at Vienna **dark** (Sun more than 6 degrees below the horizon)? Only then can you
# see it. Skyfield's data files come from the `skyfield-data` package, so nothing is
# downloaded: the JPL DE421 ephemeris gives the Sun's position.

# %%
ts = load.timescale(builtin=True)
eph = load_file(str(files("skyfield_data").joinpath("data", "de421.bsp")))
sky_iss = EarthSatellite.from_satrec(iss_2026, ts)
site = wgs84.latlon(VIENNA[0], VIENNA[1], elevation_m=VIENNA[2] * 1000)
times, kinds = sky_iss.find_events(site, ts.utc(2026, 7, 12), ts.utc(2026, 7, 13), altitude_degrees=10.0)
sunlit = sky_iss.at(times).is_sunlit(eph)
sun_alt = (eph["earth"] + site).at(times).observe(eph["sun"]).apparent().altaz()[0].degrees
ours = np.array([[p["rise_min"], p["culmination_min"], p["set_min"]] for p in passes_2026]).ravel()
theirs = (times - ts.utc(2026, 7, 12)) * 1440.0  # minutes after midnight UTC, like ours
print(f"{'event':>11} {'skyfield (UTC)':>15} {'ours - skyfield (s)':>20} {'sunlit':>7} {'Sun alt (deg)':>14}")
for ti, kind, ours_min, theirs_min, lit, sa in zip(times, kinds, ours, theirs, sunlit, sun_alt):
    label = ("rise", "culminate", "set")[kind]
    print(f"{label:>11} {ti.utc_strftime('%H:%M:%S'):>15} {(ours_min - theirs_min) * 60:20.2f} {str(bool(lit)):>7} {sa:14.1f}")
visible = []
for ti, kind, lit, sa in zip(times, kinds, sunlit, sun_alt):
    if kind == 1 and lit and sa < -6.0:  # at culmination: station in sunlight, sky dark
        visible.append(ti.utc_strftime("%H:%M UTC"))
print("visible passes (station sunlit, sky dark), at culmination:", visible)

# %% [markdown]
# The two codes agree to a fraction of a second. Of the five passes above 10 degrees,
# only those late in the evening are visible: in the afternoon the sky is still bright,
# and in the middle of the night the station is in the Earth's shadow. Vienna is two
# hours ahead of UTC in July, so a pass at 21:03 UTC is at 23:03 local time.
#
# ### Using current data
#
# To predict tonight's passes, you need today's element sets. With a network, set
# `FETCH_FRESH = True` in the cell below: `fetch_celestrak` asks CelesTrak for a group of
# satellites (here `stations`; `FORMAT=json` or `csv` give OMM), saves a copy in `data/`
# so that you can re-run offline, and reads it. Without a network, download
# `https://celestrak.org/NORAD/elements/gp.php?GROUP=stations&FORMAT=tle` in a browser,
# save it as `data/stations.txt`, and the cell reads that file. The book itself is built
# without network access and keeps the old element sets, so every reader gets the same
# numbers on this page.

# %%
FETCH_FRESH = False  # True: download today's element sets (needs a network)
fresh = DATA / "stations.txt"
if FETCH_FRESH:
    fresh_names, fresh_sats = prop.fetch_celestrak("stations", save_to=fresh)
    print(f"downloaded {len(fresh_sats)} element sets; first: {fresh_names[0]}")
elif fresh.exists():
    fresh_names, fresh_sats = prop.read_tles(fresh.read_text())
    print(f"read {len(fresh_sats)} element sets from {fresh}; first: {fresh_names[0]}")
else:
    print(f"no {fresh.name} in data/: set FETCH_FRESH = True, or download it from CelesTrak")

# %% [markdown]
# ## Check against published results
#
# Two published references, neither of them produced by the code this lab runs:
#
# - **SGP4.** Spacetrack Report No. 3 [@hoots1980str3], the report that first published
#   SGP4, prints the positions its own FORTRAN code computed in 1980 for a test satellite,
#   number 88888: at the epoch, x = 2,328.97048951 km, y = -5,995.22076416 km,
#   z = 1,719.97067261 km, and 360 minutes later x = 2,456.10705566 km,
#   y = -6,071.93853760 km, z = 1,222.89727783 km. The modern code that `sgp4` wraps was
#   corrected in places since [@vallado2006str3], so we expect agreement to metres, not
#   millimetres: 10 m is the tolerance.
# - **Sidereal time.** Vallado's textbook, Example 3-5: on 20 August 1992 at 12:14 UT1,
#   GMST = 152.578787810 degrees [@vallado2013].

# %%
str3 = prop.parse_tle("1 88888U          80275.98708465  .00073094  13844-3  66816-4 0    87",
                      "2 88888  72.8435 115.9689 0086731  52.6988 110.5714 16.05824518  1058", verify_checksum=False)
jd_v, fr_v = prop.minutes_since_epoch_grid(str3, [0.0, 360.0])
err_v, r_v, _ = prop.propagate_teme(str3, jd_v, fr_v)
jd_g, fr_g = prop.julian_date(1992, 8, 20, 12, 14, 0.0)
gmst_deg = np.degrees(prop.gmst_rad(jd_g, fr_g))

compare_with_published("88888 at epoch, x (km)", r_v[0, 0, 0], 2328.97048951, source="hoots1980str3", abs_tol=0.01)
compare_with_published("88888 at epoch, y (km)", r_v[0, 0, 1], -5995.22076416, source="hoots1980str3", abs_tol=0.01)
compare_with_published("88888 at epoch, z (km)", r_v[0, 0, 2], 1719.97067261, source="hoots1980str3", abs_tol=0.01)
compare_with_published("88888 at 360 min, x (km)", r_v[0, 1, 0], 2456.10705566, source="hoots1980str3", abs_tol=0.01)
compare_with_published("88888 at 360 min, y (km)", r_v[0, 1, 1], -6071.93853760, source="hoots1980str3", abs_tol=0.01)
compare_with_published("88888 at 360 min, z (km)", r_v[0, 1, 2], 1222.89727783, source="hoots1980str3", abs_tol=0.01)
compare_with_published("GMST 1992-08-20 12:14 UT1 (deg)", gmst_deg, 152.578787810, source="vallado2013", abs_tol=1e-6)
print("Check against Spacetrack Report No. 3 (1980) and Vallado (2013), Example 3-5: passed")

# %% [markdown]
# ## Try it yourself
#
# !!! question "Try it yourself"
#
#     In the "Type the formula yourself" cell, use the 2026 ISS mean motion instead:
#     `n_rev_day = 15.50` (about what CelesTrak gives in July 2026). How much lower is
#     the station than in 2008, and why?
#
# ??? success "Answer"
#
#     A lower mean motion means a longer period and a higher orbit: 15.50 revolutions a
#     day puts the ISS at about 412 to 421 km, some 65 km higher than its 348 to 357 km
#     in September 2008. Drag is weaker higher up, so the orbit decays more slowly there.
#
# !!! question "Try it yourself"
#
#     Change `VIENNA` to your own town (latitude, longitude in degrees, altitude in km)
#     and rerun the cells of the 2026 passes and the skyfield comparison. Do the two codes
#     still agree to a second?
#
# ??? success "Answer"
#
#     Yes, anywhere: the agreement does not depend on the site. South of about 52
#     degrees north or south you get passes most days; far beyond 52 degrees, near the
#     poles, the ISS never rises 10 degrees above the horizon, because its inclination is
#     51.6 degrees.
#
# !!! question "Try it yourself"
#
#     In the check cell, propagate satellite 88888 to 720 minutes as well (add 720.0 to
#     the list of times) and compare with the report's third row, x = 2,567.56195068 km.
#     Is it still within 10 m?
#
# ??? success "Answer"
#
#     Yes, by less than a metre at 720 minutes; over the whole day the modern code and
#     the 1980 report differ by less than 10 m. The differences come from corrections made to the code after 1980, not from
#     the model itself.

# %% [markdown]
# ## Summary
#
# - A TLE is two 69-character lines of mean elements; software must check the length, the
#   line numbers and the modulo-10 checksum before trusting it.
# - The OMM carries the same elements as named fields and is replacing the TLE as the
#   catalogue outgrows five-digit numbers.
# - SGP4 turns mean elements into positions; one vectorised call propagates many
#   satellites over many times, and reproduces the published verification results to a
#   millimetre.
# - The Earth-fixed position follows from a rotation by sidereal time, and latitude,
#   longitude and altitude from the WGS-84 ellipsoid.
# - Ground tracks reveal the orbital regime: inclination bounds the latitude, and the
#   Earth's rotation shifts each orbit west.
# - Pass predictions are only as good as the element set: about a kilometre of error at
#   epoch, growing by one to three kilometres a day.
#
# ## What's next
#
# Propagating many objects is the first step of conjunction screening. The
# [Conjunctions lab](../conjunctions/index.md) uses the same batch propagation to find
# close approaches in a population of thousands of objects and to compute the probability
# that they collide, following the chapter
# [Close approaches and collisions](../../debris/close-approaches.md).

# %% [markdown]
# ## References
#
# <!-- references -->
