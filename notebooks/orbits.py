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

from shared_orbits import orbits
from shared_orbits.plotting import book_style

book_style()

# %% [markdown]
# ## Period, speed and energy against altitude
#
# For a circular orbit of radius $r = R_E + h$, Kepler's third law gives the period
# $T = 2\pi\sqrt{r^3/\mu}$ and the speed is $v = \sqrt{\mu/r}$, with
# $\mu = 398\,600.4418\ \text{km}^3/\text{s}^2$ and $R_E = 6\,378.137$ km (WGS-84).
# The package functions take altitudes in kilometres and accept whole arrays at once.

# %%
altitudes_km = np.array([200, 400, 550, 800, 1200, 2000, 20200, 35786])
periods_min = orbits.circular_period_min(altitudes_km)
speeds_km_s = orbits.circular_speed_km_s(altitudes_km)
energies_mj_kg = orbits.specific_energy_mj_kg(orbits.R_EARTH_KM + altitudes_km)

print(f"{'altitude (km)':>14} {'period (min)':>13} {'speed (km/s)':>13} {'energy (MJ/kg)':>15}")
for h, t, v, e in zip(altitudes_km, periods_min, speeds_km_s, energies_mj_kg):
    print(f"{h:>14,} {t:>13.1f} {v:>13.2f} {e:>15.1f}")

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
# The regime of an orbit follows from its perigee and apogee altitudes. The orbits below
# are rounded values of the kind an operator publishes; `orbital_regime` applies the
# boundaries used in the chapter (LEO below 2,000 km; GEO at 35,786 km, which the function
# takes to mean within 200 km of that altitude).

# %%
examples = {
    "International Space Station": (415, 420),
    "Sentinel-2 (sun-synchronous)": (786, 786),
    "A GPS satellite": (20180, 20180),
    "A Molniya communications satellite": (500, 39800),
    "A geostationary weather satellite": (35786, 35786),
}
for name, (perigee, apogee) in examples.items():
    print(f"{name:<36} {orbits.orbital_regime(perigee, apogee)}")

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
targets = {"1,000 km": 1000.0, "MEO 20,200 km": 20200.0, "GEO": orbits.GEO_ALTITUDE_KM, "5,000 km": 5000.0}
targets = dict(sorted(targets.items(), key=lambda kv: kv[1]))
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
# Orbits that agencies publish let us test the functions.
#
# - **Geostationary radius.** A geostationary orbit has the period of one sidereal day,
#   86,164.09 s; its radius is 42,164 km (Vallado 2013, section 1.3).
# - **Sentinel-2.** ESA gives Sentinel-2 a mean altitude of 786 km and an inclination of
#   98.62 degrees (ESA Sentinel Online, "Sentinel-2: orbit"); it repeats its ground track
#   after 143 orbits in 10 days, with a period of about 100.6 minutes (Sentinel Hub,
#   dataset documentation). The repeat cycle gives 100.70 minutes, and Kepler's
#   third law then gives the altitude. The small difference comes from treating the
#   Earth as a point mass; the real orbit is shaped by the equatorial bulge too.
# - **Sentinel-1.** ESA gives Sentinel-1 a 12-day repeat cycle of 175 orbits (ESA Sentinel
#   Online, "Sentinel-1 SAR: revisit and coverage"): a period of 98.74 minutes, which
#   Sentinel Hub's dataset documentation rounds to 98.6 minutes.
# - **Sun-synchronous inclination.** At 786 km, the inclination that keeps pace with the Sun
#   should match Sentinel-2's published 98.62 degrees.

# %%
geo_radius = orbits.semi_major_axis_km(orbits.SIDEREAL_DAY_S)
s2_period = orbits.repeat_period_min(143, 10)
s2_alt = orbits.semi_major_axis_km(s2_period * 60) - orbits.R_EARTH_KM
s1_period = orbits.repeat_period_min(175, 12)
s1_alt = orbits.semi_major_axis_km(s1_period * 60) - orbits.R_EARTH_KM
s2_incl = orbits.sun_synchronous_inclination_deg(786)

print(f"GEO radius           {geo_radius:,.1f} km   (published 42,164 km)")
print(f"Sentinel-2 period    {s2_period:.2f} min  (published about 100.6 min)")
print(f"Sentinel-2 altitude  {s2_alt:.0f} km      (published 786 km)")
print(f"Sentinel-1 period    {s1_period:.2f} min   (175 orbits in 12 days)")
print(f"Sentinel-1 altitude  {s1_alt:.0f} km      (from the period)")
print(f"Sentinel-2 SSO incl. {s2_incl:.2f} deg    (published 98.62 deg)")

assert abs(geo_radius - 42164) < 1, geo_radius
assert abs(s2_period - 100.6) < 0.15, s2_period
assert abs(s2_alt - 786) < 15, s2_alt
assert abs(s1_period - 98.6) < 0.2, s1_period
assert abs(s2_incl - 98.62) < 0.1, s2_incl
print("Check against Vallado (2013), ESA Sentinel Online and Sentinel Hub: passed")

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
