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
# # Lab: Orbits by the numbers
#
# ## Overview
#
# This lab puts numbers on the chapter [Orbits for everyone](../../domain/orbits-for-everyone.md).
# You will:
#
# 1. compute the period, speed and energy of circular orbits from 200 km to geostationary altitude;
# 2. place real missions in their orbital regimes;
# 3. work out why a collision in low Earth orbit releases more energy than the same mass of explosive;
# 4. price a trip from low Earth orbit to geostationary orbit in delta-v with a Hohmann transfer;
# 5. check the results against orbits that space agencies publish.
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | [Kepler's third law and circular speed](../../domain/orbits-for-everyone.md) | Necessary | The two equations this lab evaluates |
# | Python lists, functions and `print` | Helpful | Every calculation is one function call |
# | Reading a logarithmic axis | Helpful | Used in one figure |
#
# ## Time to learn
#
# About 30 minutes; the lab runs in a few seconds.

# %%
import numpy as np
import matplotlib.pyplot as plt

from pathlib import Path

import shared_orbits
from shared_orbits import catalogue, orbits
from shared_orbits.constants import MU_EARTH_KM3_S2, R_EARTH_KM
from shared_orbits.plotting import book_style
from shared_orbits.published import compare_with_published

book_style()
# the data folder beside this notebook, or the one in the book's repository
DATA = Path("data")
if not (DATA / "celestrak-active-2026-07.csv.gz").exists():
    DATA = Path(shared_orbits.__file__).resolve().parents[2] / "notebooks" / "data"

# %% [markdown]
# ## Period, speed and energy against altitude
#
# For a circular orbit of radius $r = R_E + h$, Kepler's third law gives the period
# $T = 2\pi\sqrt{r^3/\mu}$ and the speed is $v = \sqrt{\mu/r}$, with
# $\mu = 398\,600.4418\ \text{km}^3/\text{s}^2$ and $R_E = 6\,378.137$ km (WGS-84)
# [@nima2000wgs84]. The package functions take altitudes in kilometres and accept whole
# arrays at once.

# %%
altitudes_km = np.array([200, 400, 550, 800, 1200, 2000, 20200, 35786])
periods_min = orbits.circular_period_min(altitudes_km)
speeds_km_s = orbits.circular_speed_km_s(altitudes_km)
energies_mj_kg = orbits.specific_energy_mj_kg(orbits.R_EARTH_KM + altitudes_km)

print(f"{'altitude (km)':>14} {'period (min)':>13} {'speed (km/s)':>13} {'energy (MJ/kg)':>15}")
for h, t, v, e in zip(altitudes_km, periods_min, speeds_km_s, energies_mj_kg):
    print(f"{h:>14,} {t:>13.1f} {v:>13.2f} {e:>15.1f}")

# %% [markdown]
# ## Type the formula yourself
#
# Before trusting a function, do one case by hand, the way Vallado's worked examples
# show every intermediate value [@vallado2013]. Type Kepler's third law for
# an orbit 400 km up, step by step, then compare with the package. `R_EARTH_KM` and
# `MU_EARTH_KM3_S2` come from the package's one table of constants.

# %%
h_km = 400.0
r_km = R_EARTH_KM + h_km                      # radius of the orbit, km
r_cubed = r_km**3                              # km^3
ratio = r_cubed / MU_EARTH_KM3_S2              # s^2
T_s = 2 * np.pi * np.sqrt(ratio)               # <- type T = 2 pi sqrt(r^3 / mu) here
v_km_s = np.sqrt(MU_EARTH_KM3_S2 / r_km)       # <- and v = sqrt(mu / r)
print(f"r = {r_km:,.3f} km;  r^3 = {r_cubed:.6e} km^3;  r^3/mu = {ratio:,.3f} s^2")
print(f"T = {T_s:,.2f} s = {T_s / 60:.3f} min;  v = {v_km_s:.4f} km/s")
print(f"package: T = {orbits.circular_period_min(h_km):.3f} min, v = {orbits.circular_speed_km_s(h_km):.4f} km/s")
print("agree:", np.isclose(T_s / 60, orbits.circular_period_min(h_km)) and np.isclose(v_km_s, orbits.circular_speed_km_s(h_km)))

# %% [markdown]
# Two things stand out. An orbit at 400 km, where the International Space Station flies,
# takes about an hour and a half, while one at 35,786 km takes a sidereal day: that is what
# makes a geostationary satellite hang over one spot. And a higher orbit is *slower* but
# has *more* energy (less negative): climbing costs energy even though you end up moving
# more slowly.

# %% alt="Two-panel line chart against altitude from 200 to 36,000 km on a logarithmic axis. Left: orbital period rises from about 88 minutes in low orbit to 1,436 minutes at geostationary altitude. Right: circular speed falls from 7.8 km/s to 3.1 km/s. Higher orbits are slower and take longer."
h = np.geomspace(200, 36000, 200)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 3.6))
ax1.plot(h, orbits.circular_period_min(h))
ax1.set(xscale="log", yscale="log", xlabel="altitude (km)", ylabel="period (min)", title="Period")
ax2.plot(h, orbits.circular_speed_km_s(h), color="C1")
ax2.set(xscale="log", xlabel="altitude (km)", ylabel="speed (km/s)", title="Circular speed")
for ax, y in ((ax1, orbits.circular_period_min(h)), (ax2, orbits.circular_speed_km_s(h))):
    ax.axvspan(200, 2000, color="C2", alpha=0.12)
    ax.text(260, y.min() + 0.05 * (y.max() - y.min()), "LEO", color="C2")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Regimes of real orbits
#
# The regime of an orbit follows from its perigee and apogee altitudes. The book ships
# CelesTrak's element sets for the 15,985 satellites it counted as working in July 2026
# [@celestrak2026active] (see [Data sources](../../reference/data-sources.md)).
# `catalogue.read_gp_csv` reads them and works out each one's perigee and apogee from its
# mean motion and eccentricity; `orbital_regime` applies the chapter's boundaries (LEO
# below 2,000 km; GEO within 200 km of 35,786 km) to all of them in one call.

# %%
cat = catalogue.read_gp_csv(DATA / "celestrak-active-2026-07.csv.gz")
for name in ("ISS (ZARYA)", "SENTINEL-2A", "NAVSTAR 81 (USA 319)", "XMM-NEWTON", "METEOSAT-12 (MTG-I1)"):
    k = np.flatnonzero(cat["OBJECT_NAME"] == name)
    if len(k):
        k = k[0]
        print(f"{name:24} perigee {cat['perigee_km'][k]:8,.0f} km  apogee {cat['apogee_km'][k]:8,.0f} km  "
              f"period {1440 / cat['MEAN_MOTION'][k]:7.1f} min  {cat['regime'][k]}")
regimes, counts = np.unique(cat["regime"], return_counts=True)
print("\nworking satellites by regime, July 2026:", dict(zip(regimes.tolist(), counts.tolist())))

# %% [markdown]
# Nineteen in twenty working satellites are in low Earth orbit; the geostationary ring
# holds about 550, the navigation constellations most of the rest; the few highly
# elliptical orbits belong to observatories such as ESA's XMM-Newton.
#
# %% [markdown]
# Sun-synchronous orbits are a special case of LEO: the Earth's equatorial bulge (the
# $J_2$ term of its gravity field) turns the orbit's plane by about one degree a day, and at
# the right inclination that turn keeps pace with the Sun, so the satellite crosses each
# latitude at the same local time. The inclination needed grows with altitude:

# %%
for h_sso in (500, 600, 700, 786, 800, 1000):
    print(f"{h_sso:>5} km: sun-synchronous at {orbits.sun_synchronous_inclination_deg(h_sso):.2f} degrees")

# %% [markdown]
# ## Why collisions in LEO are violent
#
# Two objects in different orbital planes at the same altitude can meet at a relative
# speed of up to twice their orbital speed. The chapter uses 10 km/s as a typical value.
# The kinetic energy of each kilogram at that speed, $v^2/2$, is 50 MJ: about twelve times
# the energy released by a kilogram of TNT (4.184 MJ).

# %%
for mass_kg in (0.001, 0.01, 1.0):
    tnt = orbits.tnt_equivalent_kg(mass_kg, 10.0)
    print(f"{mass_kg * 1000:>7.0f} g at 10 km/s carries the energy of {tnt * 1000:,.0f} g of TNT")

# %% [markdown]
# ## Delta-v: the price of moving in orbit
#
# A Hohmann transfer goes from one circular orbit to another with two burns: one to enter
# an ellipse that touches both circles, and one to circularise at the far side.
# From a 300 km parking orbit to geostationary altitude:

# %%
r_leo = orbits.R_EARTH_KM + 300.0
r_geo = orbits.R_EARTH_KM + orbits.GEO_ALTITUDE_KM
dv1, dv2 = orbits.hohmann_delta_v_km_s(r_leo, r_geo)
t_transfer_h = orbits.hohmann_time_s(r_leo, r_geo) / 3600
print(f"first burn  {dv1:.3f} km/s")
print(f"second burn {dv2:.3f} km/s")
print(f"total       {dv1 + dv2:.3f} km/s, coasting {t_transfer_h:.2f} hours")

# %% [markdown]
# Changing the plane of an orbit is even dearer: turning a 7.7 km/s velocity through
# just 10 degrees costs $2v\sin(\Delta i/2)$, about 1.3 km/s. That is why satellites are
# launched into the plane they need rather than moved there later.

# %%
v_leo = orbits.circular_speed_km_s(300.0)
for angle in (1, 10, 28.5):
    print(f"plane change of {angle:>4} degrees at 300 km: {orbits.plane_change_delta_v_km_s(v_leo, angle):.2f} km/s")

# %% alt="Bar chart of the delta-v of a Hohmann transfer from a 300 km orbit to four destinations. The total grows from about 0.6 km/s to 1,000 km to about 3.9 km/s to geostationary orbit, where the circularising burn is a large share."
targets = {"1,000 km": 1000.0, "5,000 km": 5000.0, "MEO 20,200 km": 20200.0, "GEO": orbits.GEO_ALTITUDE_KM}
burns = np.array([orbits.hohmann_delta_v_km_s(r_leo, orbits.R_EARTH_KM + h) for h in targets.values()])
fig, ax = plt.subplots(figsize=(7, 3.6))
ax.bar(list(targets), burns[:, 0], label="first burn (leave 300 km)")
ax.bar(list(targets), burns[:, 1], bottom=burns[:, 0], label="second burn (circularise)")
ax.set(ylabel="delta-v (km/s)", title="Hohmann transfer from a 300 km orbit")
ax.legend(frameon=False)
plt.show()

# %% [markdown]
# ## Check against published results
#
# Orbits that agencies publish let us test the functions against numbers we did not
# compute:
#
# - **Geostationary radius.** A geostationary orbit has the period of one sidereal day,
#   86,164.09 s; its radius is 42,164 km [@vallado2013, sec. 1.3].
# - **Sentinel-2.** ESA gives Sentinel-2 a mean altitude of 786 km and an inclination of
#   98.62 degrees, and a repeat cycle of 143 orbits in 10 days [@esa2026sentinel2]. The
#   repeat cycle fixes the period (100.70 minutes), and Kepler's third law then the
#   altitude, which must land near the published 786 km; the small difference comes from
#   treating the Earth as a point mass.
# - **Sentinel-1.** ESA gives Sentinel-1 an altitude of 693 km and a 12-day repeat cycle
#   of 175 orbits [@esa2026sentinel1].
# - **Sun-synchronous inclination.** At 786 km, the inclination that keeps pace with the
#   Sun must match Sentinel-2's published 98.62 degrees.

# %%
geo_radius = orbits.semi_major_axis_km(orbits.SIDEREAL_DAY_S)
s2_alt = orbits.semi_major_axis_km(orbits.repeat_period_min(143, 10) * 60) - R_EARTH_KM
s1_alt = orbits.semi_major_axis_km(orbits.repeat_period_min(175, 12) * 60) - R_EARTH_KM
s2_incl = orbits.sun_synchronous_inclination_deg(786)

compare_with_published("GEO radius (km)", geo_radius, 42164.0, source="vallado2013", abs_tol=1.0)
compare_with_published("Sentinel-2 altitude from its repeat cycle (km)", s2_alt, 786.0, source="esa2026sentinel2", abs_tol=15.0)
compare_with_published("Sentinel-1 altitude from its repeat cycle (km)", s1_alt, 693.0, source="esa2026sentinel1", abs_tol=15.0)
compare_with_published("Sun-synchronous inclination at 786 km (deg)", s2_incl, 98.62, source="esa2026sentinel2", abs_tol=0.1)
print("Check against Vallado (2013) and ESA's Sentinel-1 and Sentinel-2 mission pages: passed")

# %% [markdown]
# ## Try it yourself
#
# !!! question "Try it yourself"
#
#     In the cell under "Type the formula yourself", change `h_km` to 35786. What period
#     do you get, in hours, and why is it not exactly 24?
#
# ??? success "Answer"
#
#     About 23.93 hours (1,436 minutes): one *sidereal* day, the time the Earth takes to
#     turn once relative to the stars. A solar day is four minutes longer because the
#     Earth also moves along its orbit around the Sun.
#
# !!! question "Try it yourself"
#
#     Look up `"SENTINEL-2B"` in the regimes cell by adding it to the list of names. Is
#     its period within a tenth of a minute of the 100.70 minutes the repeat cycle gives?
#
# ??? success "Answer"
#
#     Yes: CelesTrak's mean motion for Sentinel-2B gives about 100.6 minutes. The
#     catalogue's period is the SGP4 *mean* period, the repeat cycle the nodal period;
#     they differ by a few seconds because of the equatorial bulge.
#
# !!! question "Try it yourself"
#
#     In the delta-v cell, change the parking orbit from 300 km to 500 km. Does the trip
#     to geostationary orbit get cheaper or dearer, and by how much?
#
# ??? success "Answer"
#
#     Cheaper, by about 0.08 km/s (from about 3.89 to about 3.82 km/s in total): the
#     higher start is closer to the target, so both burns shrink a little.

# %% [markdown]
# ## Summary
#
# - Period grows and speed falls with altitude: about 92 minutes and 7.7 km/s at 400 km,
#   one sidereal day and 3.07 km/s at 35,786 km.
# - A mission's published repeat cycle fixes its period, and Kepler's third law its altitude.
# - At 10 km/s every kilogram carries about twelve times the energy of a kilogram of TNT.
# - Reaching geostationary orbit from a 300 km parking orbit costs about 3.9 km/s,
#   and plane changes are dearer still: delta-v is the currency of action in orbit.
#
# ## What's next
#
# The [Propagation lab](../propagation/index.md) moves from ideal circles to real
# satellites, propagating their published orbital elements with SGP4, and the chapter
# [The debris environment](../../debris/debris-environment.md) shows where all those
# orbits have left their debris.

# %% [markdown]
# ## References
#
# <!-- references -->
