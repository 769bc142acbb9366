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
# 1. screen the real working satellites of July 2026 for close approaches over one day,
#    without comparing every pair at every instant, and learn to tell docked vehicles and
#    formation flyers from real encounters;
# 2. turn one close approach into a probability of collision, from the two state vectors
#    and their uncertainties;
# 3. see how the probability depends on the miss distance and on the size of the
#    uncertainty, including the paradox of probability dilution;
# 4. compare Chan's fast series with the exact integral, and find where the series fails;
# 5. check the calculation against published NASA and Orekit test cases.
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
# About 50 minutes; the lab runs in about half a minute.

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

import shared_orbits
from shared_orbits import catalogue
from shared_orbits import conjunction as cj
from shared_orbits import propagation as prop
from shared_orbits.plotting import book_style
from shared_orbits.published import compare_with_published

book_style()
# the data folder beside this notebook, or the one in the book's repository
DATA = Path("data")
if not (DATA / "celestrak-active-2026-07.csv.gz").exists():
    DATA = Path(shared_orbits.__file__).resolve().parents[2] / "notebooks" / "data"

# %% [markdown]
# ## Screening the real sky
#
# To find every close approach among $N$ objects, the obvious method compares all
# $N(N-1)/2$ pairs at every time step. For the 15,985 working satellites of July 2026
# [@celestrak2026active] that is about 128 million pairs, and over a day at one-minute
# steps some 180 billion distance checks, almost all between objects on opposite sides of
# the Earth.
#
# `screen_conjunctions` avoids that. It propagates every object with SGP4 every two
# minutes, interpolates the positions in between, and for each minute puts all positions
# in a **k-d tree**, a structure that sorts points by space so that it can list only the
# pairs that could come within the screening threshold before the next minute. It drops
# the pairs whose distances from the Earth's centre stay too far apart to meet (objects
# in different shells), interpolates the orbits of the few left every 20 seconds and
# keeps the pairs whose closest approach could be under the threshold. Then it refines all of them at once: the time and distance of closest
# approach (TCA and miss distance) are where the relative velocity is perpendicular to
# the relative position, found by Newton's method on the propagated positions.
#
# To keep the book's build fast we screen one shell for one day: the objects whose orbits
# pass between 350 and 450 km, where both crewed stations fly, about 1,450 of them.
# Screening the whole catalogue for a day takes a few times longer; `make bench` does it
# and reports the time beside the propagation time.

# %%
cat = catalogue.read_gp_csv(DATA / "celestrak-active-2026-07.csv.gz")
rows = np.flatnonzero((cat["perigee_km"] < 450) & (cat["apogee_km"] > 350))
names, launch = cat["OBJECT_NAME"][rows], cat["launch"][rows]
shell = catalogue.satellites(cat, rows)
jd0, fr0 = prop.julian_date(2026, 7, 12)
DAY_MIN = 1440.0
events = cj.screen_conjunctions(shell, jd0, fr0, DAY_MIN, threshold_km=5.0)
n = len(shell)
print(f"{n:,} objects, {n * (n - 1) // 2:,} pairs; close approaches under 5 km on 12 July 2026: {len(events['i'])}")

# %% [markdown]
# ## Docked, flying together, or meeting?
#
# Look at the closest "encounters" first. Many are at exactly 0 m and 0 km/s: the modules
# of the International Space Station (catalogued one by one) and the spacecraft docked to
# it, and China's Tiangong station (CSS) with its Shenzhou and Tianzhou visitors. They
# share one element set, so SGP4 puts them at the same point all day. Operators remove
# such pairs before assessing risk: a pair that stays within the threshold for the whole
# window is **co-located** (docked, or flying in formation), not approaching.
# `screen_conjunctions` reports for each encounter the first and last minute the pair was
# close (`start_min`, `end_min`), which makes the rule easy to write. A second filter
# takes out pairs from the same launch (the same international designator, such as
# `2026-031`), which fly together for weeks after deployment and are manoeuvred by one
# operator.

# %%
span = events["end_min"] - events["start_min"]
co_located = span > 0.9 * DAY_MIN
same_launch = (launch[events["i"]] == launch[events["j"]]) & ~co_located
unrelated = ~co_located & ~same_launch
print(f"co-located all day: {co_located.sum()}; same launch: {same_launch.sum()}; unrelated: {unrelated.sum()}")
for k in np.flatnonzero(co_located)[:6]:
    print(f"  {names[events['i'][k]]:>24} + {names[events['j'][k]]:<24} miss {events['miss_km'][k] * 1000:5.1f} m")
tiangong = co_located & (np.char.find(names[events["i"]].astype(str), "CSS") >= 0)
for k in np.flatnonzero(tiangong)[:4]:
    print(f"  {names[events['i'][k]]:>24} + {names[events['j'][k]]:<24} miss {events['miss_km'][k] * 1000:5.1f} m")

# %% [markdown]
# Now the encounters that matter, between unrelated objects. The table lists the closest.

# %%
real = np.flatnonzero(unrelated)
order = real[np.argsort(events["miss_km"][real])]
print(f"{'objects':>50} {'TCA (UTC)':>10} {'miss (km)':>10} {'speed (km/s)':>13}")
for k in order[:8]:
    pair = f"{names[events['i'][k]]} / {names[events['j'][k]]}"
    when = prop.datetime_from_jd(jd0, fr0 + events["tca_min"][k] / 1440)
    print(f"{pair:>50} {when:%H:%M:%S} {events['miss_km'][k]:10.3f} {events['speed_km_s'][k]:13.2f}")

# %% alt="Histogram of the relative speed at closest approach of the close approaches under 5 km between unrelated working satellites in the 350 to 450 km shell on 12 July 2026. Most lie between 5 and 15 km/s, crossings at an angle; a few are below 1 km/s, slow encounters between satellites in nearly the same orbit."
fig, ax = plt.subplots()
ax.hist(events["speed_km_s"][real], bins=np.arange(0, 16, 0.5), color="C0")
ax.set(xlabel="relative speed at closest approach (km/s)", ylabel="close approaches",
       title="How fast unrelated satellites meet (12 July 2026, < 5 km)")
plt.show()

# %% [markdown]
# Most encounters are fast: two objects on crossing orbits at similar altitude meet at an
# angle, and a head-on crossing approaches twice the orbital speed of about 7.7 km/s.
# A few are slow, between satellites in nearly the same orbit.
#
# !!! warning "Slow encounters break the short-encounter assumption"
#
#     The two-dimensional probability of collision below assumes a **short encounter**:
#     the objects pass through each other's uncertainty in seconds, along straight lines,
#     so the problem collapses onto the encounter plane. At 10 m/s two objects take
#     minutes to cross a few hundred metres of uncertainty, their paths curve meanwhile,
#     and the 2D formula no longer describes what happens. Such encounters need a 3D
#     (long-encounter) method, one that follows the probability over time.

# %%
slow = real[events["speed_km_s"][real] < 1.0]
for k in slow:
    crossing_s = 2 * 0.5 / events["speed_km_s"][k]  # time to cross 1 km of uncertainty
    print(f"{names[events['i'][k]]} / {names[events['j'][k]]}: {events['speed_km_s'][k] * 1000:.0f} m/s, "
          f"about {crossing_s:.0f} s to cross 1 km: {'long: check it with a 3D method' if crossing_s > 30 else 'short enough for 2D'}")

# %% [markdown]
# ## From a close approach to a probability
#
# A miss distance alone does not say whether to act, because positions are uncertain.
# Take the closest fast approach between unrelated objects found above. At its TCA we have both state vectors. We
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
fast = order[events["speed_km_s"][order] > 1.0]  # unrelated encounters faster than 1 km/s, closest first
k = fast[0]
i, j, t_ca = events["i"][k], events["j"][k], events["tca_min"][k]
jd_t, fr_t = np.array([jd0]), np.array([fr0 + t_ca / 1440.0])
_, r, v = prop.propagate_teme([shell[i], shell[j]], jd_t, fr_t)
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
# ## Type the formula yourself
#
# The chapter's worked example takes a zero miss distance, a 20 m hard-body radius and an
# isotropic (circular) uncertainty of 200 m. There the integral has a closed form,
# $P_c = 1 - \exp(-R^2 / 2\sigma^2)$ [@chan2008-collision-probability], and the package's exact integral
# must agree with it. Type the formula, with each intermediate value printed:

# %%
R_m, sigma_m = 20.0, 200.0
u = R_m**2 / (2 * sigma_m**2)                  # dimensionless
pc_typed = 1 - np.exp(-u)                      # <- type Pc = 1 - exp(-R^2 / (2 sigma^2)) here
print(f"R^2 = {R_m**2:.0f} m^2;  2 sigma^2 = {2 * sigma_m**2:,.0f} m^2;  u = {u:.6f};  Pc = {pc_typed:.6e}")
print(f"package, exact integral: {cj.pc_circle(0.0, 0.0, sigma_m, sigma_m, R_m):.6e}")
print(f"for small u, Pc is about u itself: {u:.6e}")

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
# Many tools replace the integral by a series. Chan [@chan1997] replaces the uncertainty ellipse by a circle of the same area and
# sums a rapidly converging series (`pc_chan`). It is excellent when the hard-body disc is
# small compared with the uncertainty ellipse, and it can fail badly when one axis of the
# ellipse is *smaller* than the disc. The table shows cases from the test suites of the
# open-source library Orekit [@orekit2024laas], with the exact values from the method of
# Serra et al. [@serra2016].

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
# Professional tools publish test cases with their expected answers; these are our
# comparison with them:
#
# - **NASA CARA**, the Conjunction Assessment Risk Analysis team, publishes its analysis
#   tools with unit tests. Its `Pc2D_Foster` test, "Omitron" case [@cara2026pc2dfoster]:
#   two state vectors in km and km/s, position covariances in km² and a 20 m hard-body
#   radius give $P_c = 2.70601573490125 \times 10^{-5}$; NASA's test accepts a relative
#   difference of $10^{-3}$.
# - **Orekit**, the open-source flight dynamics library, tests its implementation of the
#   exact method of Serra et al. [@serra2016] on Chan's case 01 [@orekit2024laas]:
#   $x_m = 0$, $y_m = 10$ m, $\sigma_x = 25$ m, $\sigma_y = 50$ m, $R = 5$ m give
#   $9.742 \times 10^{-3}$ (Orekit accepts an absolute difference of $10^{-6}$).

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
compare_with_published("CARA Pc2D_Foster, Omitron case", pc_omitron, 2.70601573490125e-05,
                       source="cara2026pc2dfoster", rel_tol=1e-3)
compare_with_published("Orekit Laas2015Test, Chan case 01", pc_chan01, 9.742e-3, source="orekit2024laas", abs_tol=1e-6)
print("Check against NASA CARA (Pc2D_Foster unit test) and Orekit (Laas2015Test): passed")

# %% [markdown]
# ## Try it yourself
#
# !!! question "Try it yourself"
#
#     In the screening cell, change `threshold_km=5.0` to `threshold_km=10.0` and rerun
#     the screening cells. Does the number of unrelated encounters double, or grow about
#     four times?
#
# ??? success "Answer"
#
#     About four times. Two objects crossing at random meet within a distance $d$ at a
#     rate proportional to the area of a disc of radius $d$ in the encounter plane, so
#     doubling the threshold multiplies the count by about $2^2 = 4$. (Co-located pairs
#     stay the same: they were inside 5 km already.)
#
# !!! question "Try it yourself"
#
#     In the "Type the formula yourself" cell, set `sigma_m = 2000.0`. By what factor
#     does $P_c$ fall, and is the encounter safer?
#
# ??? success "Answer"
#
#     By a factor of about 100 (from about $5.0 \times 10^{-3}$ to $5.0 \times 10^{-5}$),
#     because for small $u$ the probability is about $R^2 / 2\sigma^2$. The encounter is
#     not safer: we simply know less. That is probability dilution.
#
# !!! question "Try it yourself"
#
#     In the cell "From a close approach to a probability", give the first object a 5 km
#     in-track uncertainty (a stale element set): change the first `0.5` to `5.0`. What
#     happens to $P_c$?
#
# ??? success "Answer"
#
#     It changes by orders of magnitude, and which way depends on where the encounter
#     sits on its dilution curve: a miss of a few hundred metres with a larger
#     uncertainty usually lowers $P_c$, which again says more about the data than about
#     safety.

# %% [markdown]
# ## Summary
#
# - Screening finds close approaches without comparing every pair: a k-d tree lists only
#   the pairs that could come within the threshold before the next step, and the
#   closest approach of each is then refined.
# - The first "encounters" in a real screening are docked vehicles and formation flyers
#   at 0 m: operators filter pairs that stay close all window, and pairs from one launch.
# - Between unrelated satellites most encounters are fast, 5 to 15 km/s; slow ones break
#   the short-encounter assumption of the 2D probability.
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

# %% [markdown]
# ## References
#
# <!-- references -->
