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
# # Lab: Conjunctions, screening and the probability of collision
#
# ## Overview
#
# This lab works through the two steps of conjunction assessment described in the chapter
# [Close approaches and collisions](../../debris/close-approaches.md). You will:
#
# 1. screen a population of 2,000 objects for close approaches over six hours, without
#    comparing every pair at every instant;
# 2. turn one close approach into a probability of collision, from the two state vectors
#    and their uncertainties;
# 3. see how the probability depends on the miss distance and on the size of the
#    uncertainty, including the paradox of probability dilution;
# 4. compare Chan's fast series with the exact integral, and find where the series fails;
# 5. check the calculation against a published NASA test case.
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | [Conjunctions and screening](../../debris/close-approaches.md#conjunctions-and-screening) | Necessary | What a conjunction, a TCA and a miss distance are |
# | [The encounter plane](../../debris/close-approaches.md#the-encounter-plane) | Necessary | Why the problem becomes two-dimensional |
# | [The two-dimensional probability of collision](../../debris/close-approaches.md#the-two-dimensional-probability-of-collision) | Necessary | The integral this lab evaluates |
# | [Probability dilution](../../debris/close-approaches.md#probability-dilution) | Helpful | Taken up in the third section |
# | [Propagation lab](../propagation/index.md) | Helpful | How positions come from element sets |
#
# ## Time to learn
#
# About 45 minutes; the lab runs in about ten seconds.

# %%
import matplotlib.pyplot as plt
import numpy as np

from shared_orbits import conjunction as cj
from shared_orbits import propagation as prop
from shared_orbits.plotting import book_style

book_style()
rng = np.random.default_rng(2026)

# %% [markdown]
# ## Screening a population
#
# To find every close approach among $N$ objects, the obvious method compares all
# $N(N-1)/2$ pairs at every time step. For 2,000 objects that is about two million pairs,
# and over six hours at one-minute steps some 720 million distance checks, most of them
# between objects on opposite sides of the Earth.
#
# `screen_conjunctions` avoids that. At short intervals (by default every 20 seconds, between
# positions interpolated from the one-minute SGP4 grid) it puts all positions in a **k-d
# tree**, a structure that sorts points by space so that it can list only the pairs closer
# than a given distance. That distance is the screening threshold plus how far two objects
# can close in half an interval (at most twice the fastest orbital speed times the
# half-interval) and a small margin for curved paths, so no approach between intervals is
# missed. The few pairs that pass are then refined: the
# time and distance of closest approach (TCA and miss distance) are found by minimising
# the propagated separation.
#
# The population is **synthetic**: 2,000 objects drawn by `synthetic_population` from a
# mixture of orbit families shaped like the catalogue's structure in low Earth orbit (a
# crowded constellation shell near 550 km, sun-synchronous orbits, the debris belts near
# 800 km, a shell near 1,200 km). It resembles the real catalogue, but it is not it; the
# mixture is listed in `shared_orbits.conjunction.SYNTHETIC_COMPONENTS`.

# %%
jd0, fr0 = prop.julian_date(2026, 1, 1, 0, 0, 0)
population = cj.synthetic_population(2000, jd0 + fr0, seed=rng)

jd, fr = prop.time_grid(jd0, fr0, 0.0, 1.0)
_, _, alt0 = prop.ground_track(population, jd, fr)
incl_deg = np.degrees([s.inclo for s in population])

events = cj.screen_conjunctions(population, jd0, fr0, 360.0, threshold_km=5.0)
n_pairs = 2000 * 1999 // 2
print(f"pairs of objects: {n_pairs:,}; brute-force distance checks at 1-min steps over 6 h: {n_pairs * 360:,}")
print(f"close approaches under 5 km in 6 hours: {len(events['i'])}")

order = np.argsort(events["miss_km"])[:8]
print(f"\n{'objects':>12} {'TCA (min)':>10} {'miss (km)':>10} {'speed (km/s)':>13} {'altitude (km)':>14}")
for k in order:
    i, j = events["i"][k], events["j"][k]
    print(f"{i:5d}-{j:<6d} {events['tca_min'][k]:10.2f} {events['miss_km'][k]:10.3f} "
          f"{events['speed_km_s'][k]:13.2f} {alt0[i, 0]:14.0f}")

# %% alt="Histogram of the relative speed of the 159 close approaches under 5 km found in the synthetic population over six hours. Speeds spread from under 1 km/s to about 15 km/s, with about two thirds between 10 and 15 km/s and the tallest bar just below 15 km/s: in this population most encounters are fast, near head-on crossings."
fig, ax = plt.subplots()
ax.hist(events["speed_km_s"], bins=np.arange(0, 16, 0.5), color="C0")
ax.set(xlabel="relative speed at closest approach (km/s)", ylabel="number of close approaches",
       title="How fast objects meet (synthetic population, 6 h, < 5 km)")
plt.show()

# %% [markdown]
# Most encounters happen at 10 to 15 km/s: two objects on crossing orbits at similar
# altitude meet at an angle, and a head-on crossing approaches twice the orbital speed of
# about 7.5 km/s. Slow encounters are between objects in nearly the same orbit, such as
# satellites of one constellation shell. Where the approaches happen is shown next:
# crowded altitudes produce most of them, because the rate grows with the square of the
# local density.

# %% alt="Two histograms against altitude from 300 to 2,000 km: in grey the synthetic population's objects, with a tall peak near 550 km and smaller ones near 800 and 1,200 km; in colour the altitudes of its close approaches under 5 km over six hours, concentrated even more strongly at the 550 km peak. Crowded shells produce a disproportionate share of close approaches."
lat_e, lon_e, alt_e = [], [], []
for i, t in zip(events["i"], events["tca_min"]):
    jd_t, fr_t = prop.time_grid(jd0, fr0 + t / 1440.0, 0.0, 1.0)
    alt_e.append(prop.ground_track(population[i], jd_t, fr_t)[2][0, 0])
bins = np.arange(300, 2001, 25)
fig, ax = plt.subplots()
ax.hist(alt0[:, 0], bins=bins, color="0.6", label="objects", density=True)
ax.hist(alt_e, bins=bins, color="C1", alpha=0.7, label="close approaches", density=True)
ax.set(xlabel="altitude (km)", ylabel="share per km", title="Crowded shells host most close approaches")
ax.legend()
plt.show()

# %% [markdown]
# ## From a close approach to a probability
#
# A miss distance alone does not say whether to act, because positions are uncertain.
# Take the closest approach found above. At its TCA we have both state vectors. We
# attach an illustrative uncertainty to each object, given, as operators usually give it,
# in the **radial / in-track / cross-track** frame of its orbit: 50 m radial, 500 m along
# the track (where errors grow fastest) and 50 m cross-track. `covariance_from_ric` turns
# each into a 3 × 3 covariance matrix in the inertial frame.
#
# `pc_from_states` then does what the chapter describes: it builds the **encounter
# plane** perpendicular to the relative velocity, projects the combined covariance onto
# it, and integrates the two-dimensional Gaussian over the disc of the combined
# **hard-body radius**, taken here as 20 m.

# %%
k = order[0]
i, j, t_ca = events["i"][k], events["j"][k], events["tca_min"][k]
jd_t, fr_t = np.array([jd0]), np.array([fr0 + t_ca / 1440.0])
r, v, _ = prop.propagate_teme([population[i], population[j]], jd_t, fr_t)
r1, v1, r2, v2 = r[0, 0], v[0, 0], r[1, 0], v[1, 0]
cov1 = cj.covariance_from_ric(r1, v1, 0.05, 0.5, 0.05)
cov2 = cj.covariance_from_ric(r2, v2, 0.05, 0.5, 0.05)

xm, ym, sx, sy = cj.encounter_plane(r1, v1, cov1, r2, v2, cov2)
pc = cj.pc_from_states(r1, v1, cov1, r2, v2, cov2, hard_body_radius_m=20.0)
print(f"miss distance {np.hypot(xm, ym):.1f} m, relative speed {np.linalg.norm(v2 - v1):.2f} km/s")
print(f"combined uncertainty in the encounter plane: sigma_x = {sx:.0f} m, sigma_y = {sy:.0f} m")
print(f"probability of collision Pc = {pc:.2e}  (NASA CARA's mitigation threshold: 1e-4)")

# %% [markdown]
# The along-track uncertainty of each object, seen from the encounter plane, becomes an
# ellipse whose long axis depends on the crossing angle. Change the three sigmas or the
# radius and run the cell again: the answer moves by orders of magnitude.
#
# ## Probability against miss distance and uncertainty
#
# The chapter's worked example takes a zero miss distance, a 20 m hard-body radius and an
# isotropic (circular) uncertainty. There the integral has a closed form,
# $P_c = 1 - \exp(-R^2 / 2\sigma^2)$, and the package's exact integral must agree with it:

# %%
for sigma_m in (200.0, 2000.0):
    exact = cj.pc_circle(0.0, 0.0, sigma_m, sigma_m, 20.0)
    closed = cj.pc_isotropic_zero_miss(sigma_m, 20.0)
    print(f"sigma = {sigma_m:6.0f} m: integral {exact:.4e}, closed form {closed:.4e}")

# %% [markdown]
# With a miss distance that is not zero, the probability first rises and then falls as
# the uncertainty grows. The figure repeats the chapter's dilution curve (200 m miss) and
# adds two more miss distances.

# %% alt="Log-log line chart of probability of collision against combined isotropic uncertainty sigma from 10 m to 5 km, for a 20 m hard-body radius and miss distances of 100, 200 and 500 m. Each curve rises steeply, peaks where sigma is about the miss distance divided by the square root of 2 (about 3.7 times 10 to the minus 3 for the 200 m miss), then falls; beyond the peak, poorer knowledge gives a lower probability. A dashed line marks the 10 to the minus 4 threshold."
sigmas = np.geomspace(10, 5000, 200)
fig, ax = plt.subplots()
for miss_m in (100.0, 200.0, 500.0):
    curve = cj.pc_circle(miss_m, 0.0, sigmas, sigmas, 20.0)
    ax.plot(sigmas, curve, label=f"miss {miss_m:.0f} m")
    ax.plot(miss_m / np.sqrt(2), cj.pc_circle(miss_m, 0.0, miss_m / np.sqrt(2), miss_m / np.sqrt(2), 20.0), "k.")
ax.axhline(1e-4, color="0.4", ls="--", lw=1, label="$10^{-4}$ threshold")
ax.set(xscale="log", yscale="log", ylim=(1e-8, 1e-1), xlabel="combined uncertainty sigma (m)",
       ylabel="probability of collision", title="Probability dilution (R = 20 m)")
ax.legend(loc="lower right", fontsize=9)
plt.show()

# %% [markdown]
# Left of each peak the objects are well tracked and the probability is low because we
# are confident they will miss. Right of the peak, the **dilution region**, the
# probability is low because we know too little: the uncertainty is spread over so large
# an area that little of it falls on the small hard-body disc. A low $P_c$ there is a
# statement about the data, not about safety.
#
# The same happens with a realistic, elongated covariance. Below, the covariances of our
# screened encounter are scaled up and down together by a factor $s$ (standard
# deviations times $s$), while the geometry stays the same.

# %% alt="Log-log line chart of the probability of collision of the closest screened encounter against a scale factor applied to both objects' position uncertainties, from 0.01 to 100 times the assumed values. The curve rises from negligible values to a single peak and then falls as the uncertainty keeps growing: the same dilution behaviour as in the isotropic case."
scales = np.geomspace(0.01, 100, 120)
pcs = [cj.pc_from_states(r1, v1, cov1 * s**2, r2, v2, cov2 * s**2, 20.0) for s in scales]
fig, ax = plt.subplots()
ax.plot(scales, np.maximum(pcs, 1e-30))
ax.axvline(1.0, color="C1", ls=":", label="assumed uncertainty")
ax.axhline(1e-4, color="0.4", ls="--", lw=1, label="$10^{-4}$ threshold")
ax.set(xscale="log", yscale="log", ylim=(1e-12, 1), xlabel="scale factor on the standard deviations",
       ylabel="probability of collision", title="Closest screened encounter")
ax.legend(loc="lower center", fontsize=9)
plt.show()

# %% [markdown]
# ## Chan's series against the exact integral
#
# Many tools replace the integral by a series. Chan (1997) replaces the uncertainty ellipse by a circle of the same area and
# sums a rapidly converging series (`pc_chan`). It is excellent when the hard-body disc is
# small compared with the uncertainty ellipse, and it can fail badly when one axis of the
# ellipse is *smaller* than the disc. The table shows cases from the test suites of the
# open-source library Orekit, with the exact values from the method of Serra et al. (2016).

# %%
cases = [  # name, x_m, y_m, sigma_x, sigma_y, R (metres); from Orekit's Chan1997Test and Laas2015Test
    ("Chan 01", 0, 10, 25, 50, 5),
    ("Chan 05", 0, 1000, 1000, 3000, 10),
    ("CSM 1", 84.875546, 60.583685, 57.918666, 152.8814468, 10.3),
    ("CDM 1", -752.672701, 644.939441, 445.859950, 6095.858688, 3.5),
    ("Alfano 3", -3.8872073, 0.1591646, 1.4101830, 114.2585190, 15),
    ("Alfano 5", -1.2217895, 2.1230067, 0.0373279, 177.8109003, 10),
]
print(f"{'case':10} {'sigma_x/R':>9} {'exact':>11} {'Chan':>11} {'Chan/exact':>11}")
for name, *args in cases:
    e, c = cj.pc_circle(*args), cj.pc_chan(*args)
    print(f"{name:10} {args[2] / args[4]:9.3f} {e:11.4e} {c:11.4e} {c / e:11.3g}")

# %% [markdown]
# Alfano's cases 3 and 5 are thin, needle-like ellipses narrower than the disc; there the
# series is off by a factor of three and by two hundred orders of magnitude, both times
# too low. The error can go the other way too: the figure shows the ratio for a zero miss
# distance as the ellipse gets longer, for three widths of its narrow axis.

# %% alt="Line chart of the ratio of Chan's series to the exact probability of collision against the aspect ratio of the uncertainty ellipse from 1 to 1,000, for a 10 m hard-body radius, zero miss distance and narrow axes of 2, 10 and 50 m. With a narrow axis of 50 m the ratio stays at 1; with 10 m it rises to about 1.1; with 2 m, narrower than the disc, Chan's value climbs to more than three times the exact one. Chan's equal-area circle fails when the ellipse is thinner than the object."
aspect = np.geomspace(1, 1000, 60)
fig, ax = plt.subplots()
for narrow_m in (2.0, 10.0, 50.0):
    ratio = cj.pc_chan(0.0, 0.0, narrow_m, narrow_m * aspect, 10.0) / cj.pc_circle(0.0, 0.0, narrow_m, narrow_m * aspect, 10.0)
    ax.plot(aspect, ratio, label=f"narrow axis {narrow_m:.0f} m")
ax.axhline(1.0, color="0.4", lw=1)
ax.set(xscale="log", xlabel="aspect ratio of the uncertainty ellipse", ylabel="Chan / exact",
       title="Where the series breaks down (R = 10 m, zero miss)")
ax.legend(fontsize=9)
plt.show()

# %% [markdown]
# ## Check against published results
#
# - **NASA CARA**, `Pc2D_Foster` unit test, "Omitron" case: two state vectors in km and
#   km/s, position covariances in km² and a 20 m hard-body radius give
#   $P_c = 2.70601573490125 \times 10^{-5}$; NASA's test accepts a relative difference of
#   $10^{-3}$.
# - **Orekit**, Laas2015Test, Chan test case 01: $x_m = 0$, $y_m = 10$ m, $\sigma_x = 25$ m,
#   $\sigma_y = 50$ m, $R = 5$ m give $9.742 \times 10^{-3}$ (Orekit's test accepts an
#   absolute difference of $10^{-6}$).
# - **The chapter's worked example**: $R = 20$ m, $\sigma = 200$ m, zero miss:
#   $4.99 \times 10^{-3}$.

# %%
omitron_r1 = [378.39559, 4305.721887, 5752.767554]
omitron_v1 = [2.360800244, 5.580331936, -4.322349039]
omitron_c1 = [[44.5757544811362, 81.6751751052616, -67.8687662707124],
              [81.6751751052616, 158.453402956163, -128.616921644857],
              [-67.8687662707124, -128.616921644857, 105.490542562701]]
omitron_r2 = [374.5180598, 4307.560983, 5751.130418]
omitron_v2 = [-5.388125081, -3.946827739, 3.322820358]
omitron_c2 = [[2.31067077720423, 1.69905293875632, -1.4170164577661],
              [1.69905293875632, 1.24957388457206, -1.04174164279599],
              [-1.4170164577661, -1.04174164279599, 0.869260558223714]]
pc_omitron = cj.pc_from_states(omitron_r1, omitron_v1, omitron_c1, omitron_r2, omitron_v2, omitron_c2, 20.0)
pc_chan01 = cj.pc_circle(0.0, 10.0, 25.0, 50.0, 5.0)
pc_worked = cj.pc_circle(0.0, 0.0, 200.0, 200.0, 20.0)
print(f"Omitron case: {pc_omitron:.10e} (published 2.70601573490125e-05)")
print(f"Chan case 01: {pc_chan01:.6e} (published 9.742e-03)")
print(f"worked example: {pc_worked:.4e} (chapter: 4.99e-03)")
assert abs(pc_omitron / 2.70601573490125e-05 - 1) < 1e-3
assert abs(pc_chan01 - 9.742e-3) < 1e-6
assert abs(pc_worked - 4.99e-3) < 5e-6
print("Check against NASA CARA (Pc2D_Foster unit test) and Orekit (Laas2015Test): passed")

# %% [markdown]
# ## Summary
#
# - Screening finds close approaches without comparing every pair: a k-d tree lists only
#   the pairs that could come within the threshold before the next step, and the
#   closest approach of each is then refined.
# - In the synthetic low-Earth-orbit population most encounters are fast, 10 to 15 km/s,
#   and crowded shells host a disproportionate share of them.
# - The probability of collision is the Gaussian uncertainty's mass over the hard-body
#   disc in the encounter plane; it needs both objects' states and covariances.
# - For a circular uncertainty and zero miss, $P_c = 1 - \exp(-R^2/2\sigma^2)$.
# - Growing uncertainty first raises and then lowers $P_c$: in the dilution region a low
#   probability reflects poor data, not safety.
# - Chan's series is fast and accurate for broad ellipses but fails when the ellipse is
#   narrower than the objects; the exact integral does not.
#
# ## What's next
#
# The next step in the chapter is the decision: thresholds, who moves, and the cases
# where avoidance failed. The [Catalogue statistics lab](../catalogue-statistics/index.md)
# looks at the population itself: how many objects there are, of what kind and where.
#
# **Try it.** Raise the screening threshold to 10 km: does the number of approaches grow
# as the threshold, or as its square? Give one object of the screened encounter a
# 5 km along-track uncertainty (a stale element set) and watch what happens to $P_c$.
