# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Remote sensing: how sharp, how often?
#
# ## Overview
#
# Claims about what satellites "can see" are everywhere in debates about surveillance
# from space. Two numbers settle most of them: how small a detail a satellite can
# resolve, and how often it can come back to look. Both follow from a few lines of
# physics. In this lab you will:
#
# 1. compute the diffraction limit of a telescope and what it means on the ground;
# 2. compare it with the ground sample distance set by the detector, using WorldView-1
#    as the example;
# 3. see how looking off to the side coarsens an image;
# 4. estimate how often a constellation can revisit a place, and how that depends on
#    latitude.
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | [Eyes in orbit: remote sensing, surveillance and intelligence](../../security/eyes-in-orbit.md) | Necessary | The chapter this lab belongs to |
# | Angles in radians | Helpful | A small angle times a distance gives a length |
# | Orbital period | Helpful | A satellite at 500 km circles the Earth about 15 times a day |
#
# ## Time to learn
#
# About 30 minutes.

# %%
import numpy as np
import matplotlib.pyplot as plt

from shared_orbits import sensing
from shared_orbits.plotting import book_style

book_style()

# %% [markdown]
# ## The diffraction limit
#
# Light passing through a telescope's opening spreads a little, so even a perfect
# telescope blurs a point into a small disc. Two points can be told apart when they are
# at least the **Rayleigh limit** apart in angle:
#
# $$
# \theta = 1.22\,\frac{\lambda}{D},
# $$
#
# with $\lambda$ the wavelength and $D$ the aperture (the diameter of the main mirror).
# From altitude $h$, looking straight down, that angle spans $\theta h$ on the ground.
# For green light ($\lambda$ = 550 nm) and a 1 m mirror at 500 km:

# %%
print(f"theta = {sensing.diffraction_angle_rad(550e-9, 1.0) * 1e6:.2f} microradians")
print(f"ground resolution = {sensing.diffraction_ground_resolution_m(550e-9, 1.0, 500.0):.2f} m")
print(f"with a 0.5 m mirror: {sensing.diffraction_ground_resolution_m(550e-9, 0.5, 500.0):.2f} m")

# %% [markdown]
# Resolution improves in proportion to the aperture and worsens in proportion to the
# altitude. There is no way round this with better electronics: a finer image needs a
# larger mirror or a lower orbit.

# %% alt="Log-log line chart of diffraction-limited ground resolution against aperture diameter from 0.1 to 3 m, for altitudes of 300, 500 and 800 km in green light (550 nm): at 500 km a 1 m mirror resolves about 0.34 m, and 30 cm needs about 1.1 m; WorldView-1 (0.6 m at 496 km) is marked at about 0.56 m."
aperture = np.logspace(-1, np.log10(3.0), 100)
fig, ax = plt.subplots()
for h in (300.0, 500.0, 800.0):
    ax.loglog(aperture, sensing.diffraction_ground_resolution_m(550e-9, aperture, h), label=f"{h:.0f} km")
wv1 = sensing.diffraction_ground_resolution_m(550e-9, 0.6, 496.0)
ax.plot(0.6, wv1, "ko")
ax.annotate("WorldView-1", (0.6, wv1), xytext=(0.7, 1.5), arrowprops={"arrowstyle": "-"})
ax.axhline(0.3, color="0.5", ls=":")
ax.text(0.11, 0.32, "30 cm", color="0.3")
ax.set_xlabel("Aperture diameter $D$ (m)")
ax.set_ylabel("Ground resolution at nadir (m)")
ax.legend(title="Altitude")
plt.show()

# %%
for h in (500.0, 600.0):
    print(f"Aperture for a 30 cm diffraction limit from {h:.0f} km: {sensing.aperture_for_resolution_m(0.3, h):.2f} m")

# %% [markdown]
# Maxar describes the 30 cm imagery of its WorldView Legion satellites, the first two
# launched on 2 May 2024, as the highest resolution commercially available. For 30 cm
# to be the diffraction limit from 500 to 600 km, a mirror more than a metre across is
# needed. Air turbulence, motion and the detector blur images further.
#
# ## Pixels and optics: ground sample distance
#
# A camera samples the image with a grid of detector pixels. One pixel of pitch $p$
# behind optics of focal length $f$ sees a patch of ground
#
# $$
# \text{GSD} = \frac{p\,h}{f},
# $$
#
# the **ground sample distance**. It is the number usually quoted as "resolution" in
# brochures, but it is not the same thing: fine pixels cannot show detail the optics
# have already blurred.
#
# WorldView-1 has a 60 cm aperture, 8 micrometre pixels, a panchromatic band of 0.45 to
# 0.90 micrometres and a 0.50 m GSD at nadir from 496 km. Its focal length follows from
# those numbers, and its diffraction limit at the middle of the band (0.675 micrometres):

# %%
pixel, h_wv1, gsd_wv1, aperture_wv1 = 8e-6, 496.0, 0.50, 0.60
focal = pixel * h_wv1 * 1000 / gsd_wv1
diff_wv1 = sensing.diffraction_ground_resolution_m(0.675e-6, aperture_wv1, h_wv1)
print(f"implied focal length: {focal:.2f} m")
print(f"GSD: {sensing.ground_sample_distance_m(pixel, h_wv1, focal):.2f} m")
print(f"diffraction limit at 0.675 um: {diff_wv1:.2f} m")
print(f"ratio diffraction / GSD: {diff_wv1 / gsd_wv1:.2f}")

# %% [markdown]
# The optics blur a point over 0.68 m, wider than one 0.50 m pixel. The design samples
# the image more finely than the optics resolve, which keeps the pixels from adding
# blur of their own, but it means the "50 cm" figure describes the pixels, not the
# smallest details that can be told apart. When you read a resolution claim, ask which
# of the two it is.
#
# ## Looking to the side
#
# Imaging satellites point off to the side to reach places away from their ground
# track. The ground is then further away, and tilted, so each pixel covers more ground:
# along the track by the ratio of slant range to altitude, and across it by a further
# $1/\cos i$ for the incidence angle $i$ at which the line of sight meets the ground.

# %% alt="Line chart of WorldView-1's ground sample distance against off-nadir angle from 0 to 50 degrees: along-track GSD grows from 0.50 m to about 0.8 m and across-track GSD to about 1.5 m at 50 degrees."
off = np.linspace(0.0, 50.0, 101)
along, across = sensing.off_nadir_factor(h_wv1, off)
fig, ax = plt.subplots()
ax.plot(off, gsd_wv1 * along, label="Along track")
ax.plot(off, gsd_wv1 * across, label="Across track")
ax.plot(off, gsd_wv1 * np.sqrt(along * across), label="Geometric mean", ls="--")
ax.set_xlabel("Off-nadir angle (degrees)")
ax.set_ylabel("Ground sample distance (m)")
ax.legend()
plt.show()

# %%
off_1m = np.interp(1.0, gsd_wv1 * np.sqrt(along * across), off)
reach_km = np.radians(sensing.earth_central_angle_deg(h_wv1, off_1m)) * sensing.R_EARTH_KM
print(f"The mean GSD reaches 1 m at {off_1m:.0f} degrees off nadir, {reach_km:.0f} km from the ground track")

# %% [markdown]
# ## How often can a satellite come back?
#
# A satellite's ground track moves west on each orbit as the Earth turns beneath it. A
# place can be imaged whenever a track passes within reach, that is, within the
# off-nadir angle the operator accepts. A simple estimate of the average time between
# opportunities (`sensing.mean_revisit_days`):
#
# - each orbit crosses a parallel of latitude twice, but only one crossing is in
#   daylight for a sun-synchronous optical imager;
# - on each crossing the reachable strip covers part of that parallel, more at high
#   latitudes, where parallels are short and tracks run nearly east-west;
# - passes fall at random longitudes, so the revisit is one over the expected number of
#   looks per day.
#
# It ignores clouds, orbit phasing and the satellite's time spent on other targets, so
# it is an optimistic average, not a schedule.

# %% alt="Line chart of mean revisit time against latitude from 0 to 80 degrees for 1, 4 and 16 satellites in sun-synchronous 500 km orbits with a 30 degree pointing limit: one satellite returns every 4 to 5 days near the equator and about 2 days at 60 degrees; sixteen satellites bring this below a third of a day."
lat = np.linspace(0.0, 80.0, 161)
fig, ax = plt.subplots()
for n in (1, 4, 16):
    ax.semilogy(lat, sensing.mean_revisit_days(lat, 500.0, 97.4, 30.0, n), label=f"{n} satellite{'s' if n > 1 else ''}")
ax.set_xlabel("Latitude (degrees)")
ax.set_ylabel("Mean revisit (days)")
ax.legend()
plt.show()

# %% [markdown]
# Doubling the number of satellites halves the revisit; so does a wider pointing limit,
# at the price of coarser pixels. The curves also show why polar regions are watched
# most often by polar-orbiting imagers.
#
# The same rate gives the share of places at a latitude that have been seen at least
# once after some days, $1 - e^{-T/\text{revisit}}$:

# %% alt="Line chart of the fraction of places at 40 degrees latitude imaged at least once against elapsed days, for 1, 4 and 16 satellites: sixteen satellites cover almost everything within a day, one satellite needs about two weeks."
days = np.linspace(0.0, 14.0, 141)
fig, ax = plt.subplots()
for n in (1, 4, 16):
    ax.plot(days, sensing.coverage_fraction(days, 40.0, 500.0, 97.4, 30.0, n), label=f"{n} satellite{'s' if n > 1 else ''}")
ax.set_xlabel("Days")
ax.set_ylabel("Fraction of places seen at 40° latitude")
ax.set_ylim(0, 1.02)
ax.legend()
plt.show()

# %% [markdown]
# ## Check against published results
#
# WorldView-1's published figures (a 60 cm aperture, a 0.50 m GSD at nadir from 496 km and
# a revisit of 1.7 days at 1 m GSD or better) and the diffraction limit they imply, about
# 0.68 m at mid-band. For the revisit we let our model point as
# far off nadir as a 1 m mean GSD allows, at a mid-latitude of 40 degrees, in a
# sun-synchronous orbit (inclination about 97.4 degrees).

# %%
revisit_wv1 = sensing.mean_revisit_days(40.0, h_wv1, 97.4, off_1m)
print(f"Model revisit at 40 degrees latitude: {revisit_wv1:.1f} days (published: 1.7 days)")
assert abs(diff_wv1 - 0.68) < 0.005
assert abs(sensing.ground_sample_distance_m(pixel, h_wv1, focal) - 0.50) < 1e-9
assert diff_wv1 > gsd_wv1
# the simple revisit model agrees with the published average to within 30 per cent
assert abs(revisit_wv1 / 1.7 - 1) < 0.3
print("Check against WorldView-1 published specifications: passed")

# %% [markdown]
# That the simple model lands so close to the published 1.7 days is partly luck: the
# published figure does not state a latitude, and our model ignores clouds and
# competing targets. It shows that the order of magnitude follows from geometry alone.
#
# ## Summary
#
# - The diffraction limit $1.22\,\lambda h / D$ sets the finest detail: about 0.34 m for a
#   1 m mirror at 500 km in green light.
# - Ground sample distance $p h / f$ describes the pixels; a "50 cm" satellite may resolve
#   only about 0.7 m, as our estimate of WorldView-1's diffraction limit at mid-band shows.
# - Looking off nadir lengthens the range and tilts the ground: at 45 degrees WorldView-1's
#   mean GSD is almost twice its nadir value (about 0.9 m against 0.50 m).
# - Revisit time falls in proportion to the number of satellites and improves with
#   latitude for polar orbits; in this optimistic model a dozen satellites offer about three
#   looks a day or more at most places.
#
# ## What's next
#
# Revisit and resolution set what can be monitored from orbit, which returns in the
# chapter's discussion of commercial imagery in conflicts and of surveillance concerns.
# For how satellites share their orbits with debris, see the
# [breakup lab](../breakup/index.md).
#
# ## References
#
# - Jenkins, F. A. and White, H. E. *Fundamentals of Optics*: the Rayleigh criterion.
# - WorldView-1 specifications (DigitalGlobe, now Maxar), as given by ESA's eoPortal and
#   NASA's Global Change Master Directory (GCMD): 60 cm aperture, 8 um pixels, 0.45-0.90 um
#   panchromatic band, 496 km orbit, 0.50 m GSD at nadir, 1.7-day revisit at 1 m GSD or
#   better.
# - SpaceNews (2 May 2024), "SpaceX launches Maxar's first WorldView Legion imaging
#   satellites".
