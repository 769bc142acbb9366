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
# 2. compare it with the ground sample distance set by the detector, using the French
#    Pléiades satellites as the example, and tell a native resolution from a resampled
#    product;
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
from shared_orbits.constants import R_EARTH_KM
from shared_orbits.plotting import book_style
from shared_orbits.published import compare_with_published

book_style()

# %% [markdown]
# ## The diffraction limit
#
# Light passing through a telescope's opening spreads a little, so even a perfect
# telescope blurs a point into a small disc. Two points can be told apart when they are
# at least the **Rayleigh limit** apart in angle [@jenkins1976optics]:
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

# %% alt="Log-log line chart of diffraction-limited ground resolution against aperture diameter from 0.1 to 3 m, for altitudes of 300, 500 and 800 km in green light (550 nm): at 500 km a 1 m mirror resolves about 0.34 m, and 30 cm needs about 1.1 m; Pléiades (0.65 m at 694 km) is marked at about 0.72 m."
aperture = np.logspace(-1, np.log10(3.0), 100)
fig, ax = plt.subplots()
for h in (300.0, 500.0, 800.0):
    ax.loglog(aperture, sensing.diffraction_ground_resolution_m(550e-9, aperture, h), label=f"{h:.0f} km")
ple = sensing.diffraction_ground_resolution_m(550e-9, 0.65, 694.0)
ax.plot(0.65, ple, "ko")
ax.annotate("Pléiades", (0.65, ple), xytext=(0.75, 1.6), arrowprops={"arrowstyle": "-"})
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
# launched on 2 May 2024, as the highest resolution commercially available
# [@spacenews2024-legion]. For 30 cm
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
# The two Pléiades satellites of the French space agency CNES fly at 694 km. Their
# telescope has a 0.65 m aperture and a 12.905 m focal length, and its panchromatic
# detectors have a pitch of 13 micrometres, in a band from 0.47 to 0.83 micrometres
# [@gleyzes2012pleiades]. CNES gives the native resolution as 0.70 m
# [@gleyzes2012pleiades; @eoportal-pleiades], while the images sold are resampled to
# 0.50 m.
#
# ## Type the formula yourself
#
# Type the ground sample distance with each intermediate value, then compare with the
# package:

# %%
pixel_m, focal_m, h_ple_km, aperture_ple = 13e-6, 12.905, 694.0, 0.65
angle_rad = pixel_m / focal_m                 # the angle one pixel sees, radians
gsd_m = angle_rad * h_ple_km * 1000.0         # <- type GSD = p h / f (h in metres)
print(f"pixel angle = {angle_rad:.4e} rad = {angle_rad * 1e6:.3f} microradians;  GSD = {gsd_m:.3f} m")
print(f"package: {sensing.ground_sample_distance_m(pixel_m, h_ple_km, focal_m):.3f} m")

# %%
diff_ple = sensing.diffraction_ground_resolution_m(0.65e-6, aperture_ple, h_ple_km)
print(f"diffraction limit at 0.65 um (middle of the band): {diff_ple:.2f} m")
print(f"native pixel: {gsd_m:.2f} m; product sold: 0.50 m; ratio diffraction / native pixel: {diff_ple / gsd_m:.2f}")

# %% [markdown]
# Three numbers describe one camera. The optics blur a point over about 0.85 m; each
# native pixel covers 0.70 m, a little finer, so the pixels do not add blur of their
# own; and the product is resampled to 0.50 m pixels, which makes images easier to use
# but adds no detail. When you read "50 cm resolution", ask which of the three it is.
#
# ## Looking to the side
#
# Imaging satellites point off to the side to reach places away from their ground
# track. The ground is then further away, and tilted, so each pixel covers more ground:
# along the track by the ratio of slant range to altitude, and across it by a further
# $1/\cos i$ for the incidence angle $i$ at which the line of sight meets the ground.

# %% alt="Line chart of Pléiades' native ground sample distance against off-nadir angle from 0 to 50 degrees: along-track GSD grows from 0.70 m to about 1.1 m and across-track GSD to about 2.2 m at 50 degrees."
off = np.linspace(0.0, 50.0, 101)
along, across = sensing.off_nadir_factor(h_ple_km, off)
fig, ax = plt.subplots()
ax.plot(off, gsd_m * along, label="Along track")
ax.plot(off, gsd_m * across, label="Across track")
ax.plot(off, gsd_m * np.sqrt(along * across), label="Geometric mean", ls="--")
ax.set_xlabel("Off-nadir angle (degrees)")
ax.set_ylabel("Ground sample distance (m)")
ax.legend()
plt.show()

# %%
off_1m = np.interp(1.0, gsd_m * np.sqrt(along * across), off)
reach_km = np.radians(sensing.earth_central_angle_deg(h_ple_km, off_1m)) * R_EARTH_KM
print(f"The mean native GSD reaches 1 m at {off_1m:.0f} degrees off nadir, {reach_km:.0f} km from the ground track")

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
# - **Native resolution.** From the published pixel pitch, focal length and altitude, the
#   formula must give the native resolution CNES publishes, 0.70 m
#   [@gleyzes2012pleiades], to within 2 cm.
# - **Revisit.** The two Pléiades satellites, phased on one orbit, offer a daily
#   revisit of any point on Earth when pointing up to 47 degrees off nadir
#   [@gleyzes2012pleiades; @eoportal-pleiades]. Our simple revisit model, at a mid-latitude
#   of 40 degrees in their sun-synchronous orbit (inclination 98.2 degrees), must agree
#   within 50 per cent: it ignores phasing, clouds and competing targets.

# %%
revisit_ple = sensing.mean_revisit_days(40.0, h_ple_km, 98.2, 47.0, 2)
compare_with_published("Pléiades native GSD (m)", sensing.ground_sample_distance_m(pixel_m, h_ple_km, focal_m), 0.70,
                       source="gleyzes2012pleiades", abs_tol=0.02)
compare_with_published("Pléiades revisit, two satellites, 47 deg (days)", revisit_ple, 1.0,
                       source="eoportal-pleiades", rel_tol=0.5)
print("Check against the published Pléiades specifications: passed")

# %% [markdown]
# The model's revisit is shorter than the published "daily": it is an average over
# random longitudes, optimistic by design, and a real schedule must also wait for the
# satellite's phase along the orbit.
#
# ## Try it yourself
#
# !!! question "Try it yourself"
#
#     In the "Type the formula yourself" cell, lower the satellite to 500 km. What is the
#     native GSD now, and what happens to the diffraction limit?
#
# ??? success "Answer"
#
#     About 0.50 m: GSD is proportional to altitude, and so is the diffraction limit
#     (about 0.61 m at 0.65 micrometres). Both improve by the same factor; only a larger
#     mirror improves the optics relative to the pixels.
#
# !!! question "Try it yourself"
#
#     What aperture would make the diffraction limit at 694 km equal to the 0.50 m of the
#     product sold? Use `sensing.aperture_for_resolution_m(0.5, 694.0, 0.65e-6)`.
#
# ??? success "Answer"
#
#     About 1.1 m, nearly twice Pléiades' 0.65 m. A true 50 cm camera from that altitude
#     would need a mirror about twice as wide, and a heavier, dearer satellite.
#
# !!! question "Try it yourself"
#
#     In the check cell, change the number of satellites in `mean_revisit_days` from 2
#     to 4. By how much does the model's revisit shrink?
#
# ??? success "Answer"
#
#     It halves: in this model the revisit is inversely proportional to the number of
#     satellites, because each adds the same number of looks per day.

# ## Summary
#
# - The diffraction limit $1.22\,\lambda h / D$ sets the finest detail: about 0.34 m for a
#   1 m mirror at 500 km in green light.
# - Ground sample distance $p h / f$ describes the pixels. Pléiades' images are sold at
#   0.50 m, its native pixels cover 0.70 m and its optics blur about 0.85 m: a "50 cm"
#   image is a resampled product, not 50 cm of detail.
# - Looking off nadir lengthens the range and tilts the ground: at 45 degrees the mean
#   GSD is almost twice its nadir value.
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

# %% [markdown]
# ## References
#
# <!-- references -->
