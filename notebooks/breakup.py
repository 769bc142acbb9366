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
# # Breakup: what a collision or explosion leaves behind
#
# ## Overview
#
# When a satellite explodes or two objects collide, the pieces do not simply stay where
# the parent was. Each fragment has its own size, its own area-to-mass ratio and its own
# small kick of speed, so the pieces spread into a cloud of new orbits. In this lab you
# will use the **NASA standard breakup model** of Johnson, Krisko, Liou and Anz-Meador
# [@johnson2001breakup] to:
#
# 1. count the fragments an explosion or a collision makes, and see why a collision above
#    40 joules per gram is called catastrophic;
# 2. draw the fragments' sizes, area-to-mass ratios and speeds from the model;
# 3. turn those speeds into orbits and draw the cloud as a Gabbard diagram;
# 4. compare the model with the 1,632 catalogued fragments of the 2009 collision between
#    Iridium 33 and Cosmos 2251 [@wang2010-iridium].
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | [Fragmentation and anti-satellite tests](../../debris/fragmentation-and-asat-tests.md) | Necessary | The chapter this lab belongs to |
# | Orbital period and speed | Helpful | A circular orbit at 789 km takes about 100 minutes |
# | Logarithms and power laws | Helpful | Counts fall as a power of size: a straight line on log-log axes |
#
# ## Time to learn
#
# About 30 minutes.

# %%
import numpy as np
import matplotlib.pyplot as plt

from shared_orbits import breakup
from shared_orbits.plotting import book_style
from shared_orbits.published import compare_with_published

book_style()
rng = np.random.default_rng(2026)

# %% [markdown]
# ## How many fragments?
#
# The model counts fragments larger than a **characteristic length** $L_c$ (roughly the
# average of a piece's three dimensions, in metres). For an explosion the number larger
# than $L_c$ is
#
# $$
# N(>L_c) = 6\,S\,L_c^{-1.6},
# $$
#
# where $S$ is a scaling factor that depends on the kind of object (1 for a typical rocket
# body). For a collision it is
#
# $$
# N(>L_c) = 0.1\,M^{0.75}\,L_c^{-1.71},
# $$
#
# where $M$ (kg) depends on how violent the impact is. Compare the kinetic energy of the
# smaller object with the mass of the larger one. If that **energy-to-mass ratio** is
# above 40 J/g, the collision is **catastrophic**: both objects are shattered and
# $M = m_1 + m_2$. Below it only the small object and a crater's worth of the large one
# break up, and $M = m_\text{small}\,v^2$ with $v$ in km/s (Krisko [@krisko2011breakup] corrected
# the square, which was missing from the 2001 paper).
#
# Iridium 33 (about 560 kg) and Cosmos 2251 (about 950 kg) met at 11.7 km/s.

# %%
m_iridium, m_cosmos, v_rel = 560.0, 950.0, 11_700.0  # kg, kg, m/s

emr = breakup.energy_to_mass_ratio_j_g(m_iridium, m_cosmos, v_rel)
n_10cm = breakup.collision_fragment_count(m_iridium, m_cosmos, v_rel, 0.10)
print(f"Energy-to-mass ratio: {emr:,.0f} J/g (threshold 40 J/g)")
print(f"Catastrophic: {breakup.is_catastrophic(m_iridium, m_cosmos, v_rel)}")
print(f"Fragments of 10 cm or larger predicted: {n_10cm:,.0f}")
print(f"Fragments of 1 cm or larger predicted:  {breakup.collision_fragment_count(m_iridium, m_cosmos, v_rel, 0.01):,.0f}")

# %% [markdown]
# ## Type the formula yourself
#
# Do the count by hand first, showing each intermediate value. Type the energy-to-mass
# ratio, $\tfrac{1}{2} m_\text{small} v^2 / m_\text{large}$, and the collision law
# $N = 0.1\,M^{0.75}\,L_c^{-1.71}$, then compare with the package.

# %%
m_small, m_large, v_m_s, lc = 560.0, 950.0, 11_700.0, 0.10
emr_j_g = 0.5 * m_small * v_m_s**2 / m_large / 1000.0   # <- type (1/2) m v^2 / M, in J per gram
M = m_small + m_large if emr_j_g > 40 else m_small * (v_m_s / 1000) ** 2
N = 0.1 * M**0.75 * lc**-1.71                           # <- type N = 0.1 M^0.75 Lc^-1.71
print(f"EMR = {emr_j_g:,.0f} J/g; M = {M:,.0f} kg; M^0.75 = {M**0.75:,.1f}; Lc^-1.71 = {lc**-1.71:.2f}; N = {N:,.0f}")
print(f"package: {breakup.collision_fragment_count(m_small, m_large, v_m_s, lc):,.0f}")

# %% [markdown]
# The energy-to-mass ratio is a thousand times the threshold: the collision was
# catastrophic by a wide margin. Notice how fast the count grows as the size limit
# shrinks: ten times smaller pieces are $10^{1.71} \approx 51$ times more numerous.
#
# The same law makes a small projectile far less destructive. Below, a 2,000 kg target
# is hit at 10 km/s by projectiles of growing mass: the count jumps where the impact
# becomes catastrophic.

# %% alt="Log-log line chart of the number of fragments of 10 cm or larger against projectile mass for a 2,000 kg target hit at 10 km/s: the count rises as a straight line to about 230, jumps to about 1,500 at 1.6 kg, where the impact becomes catastrophic, then climbs slowly to about 2,600 as the projectile approaches 2,000 kg."
projectile_kg = np.logspace(-3, 3.3, 400)
counts = breakup.collision_fragment_count(2000.0, projectile_kg, 10_000.0, 0.10)
threshold_kg = 2 * 40_000.0 * 2000.0 / 10_000.0**2  # 0.5 m v^2 / M = 40 J/g

fig, ax = plt.subplots()
ax.loglog(projectile_kg, counts)
ax.axvline(threshold_kg, color="0.4", ls="--")
ax.text(threshold_kg * 1.2, 3, "catastrophic above\n40 J/g", color="0.3")
ax.set_xlabel("Projectile mass (kg)")
ax.set_ylabel("Fragments of 10 cm or larger")
ax.set_title("A 2,000 kg target hit at 10 km/s")
plt.show()

# %% [markdown]
# An explosion of a rocket body ($S = 1$) and the Iridium-Cosmos collision, compared
# across sizes. Both are straight lines on log-log axes, with slightly different slopes.

# %% alt="Log-log line chart of the cumulative number of fragments larger than a given size, from 1 cm to 1 m: the Iridium-Cosmos collision makes about 1,200 pieces above 10 cm and an explosion with S = 1 about 240; both fall as straight lines."
lc = np.logspace(-2, 0, 100)
fig, ax = plt.subplots()
ax.loglog(lc * 100, breakup.collision_fragment_count(m_iridium, m_cosmos, v_rel, lc), label="Collision: Iridium 33 and Cosmos 2251")
ax.loglog(lc * 100, breakup.explosion_fragment_count(lc, 1.0), label="Explosion, S = 1")
ax.set_xlabel("Characteristic length $L_c$ (cm)")
ax.set_ylabel("Number of fragments larger than $L_c$")
ax.legend()
plt.show()

# %% [markdown]
# ## Sizes, areas and masses
#
# To follow individual fragments we draw them at random from the model. Sizes follow the
# power law above. Each fragment's average cross-sectional area is
# $A = 0.556945\,L_c^{2.0047}$ (m², for $L_c$ above 1.67 mm), and its area-to-mass ratio
# $A/M$ comes from a probability distribution of $\chi = \log_{10}(A/M)$ fitted to ground
# tests and on-orbit events. For pieces larger than 11 cm that distribution has two humps
# (a mixture of two normal distributions), one for dense chunks and one for light, flat
# pieces; for pieces below 8 cm it has one.
#
# Here is the cloud of fragments of 10 cm or larger from the collision.

# %%
n_frag = int(round(n_10cm))
cloud = breakup.fragment_cloud(n_frag, 0.10, "collision", "spacecraft", rng, lc_max_m=5.0)
print(f"{n_frag} fragments drawn")
print(f"median size {np.median(cloud['lc_m']) * 100:.1f} cm, largest {cloud['lc_m'].max():.2f} m")
print(f"median area-to-mass ratio {np.median(cloud['area_to_mass_m2_kg']):.3f} m^2/kg")
print(f"total mass of the sample {cloud['mass_kg'].sum():,.0f} kg (parents: {m_iridium + m_cosmos:,.0f} kg)")

# %% [markdown]
# The total mass of a random sample need not match the parents: the model describes
# averages, not a mass budget. Implementations such as ESA's add or drop fragments until
# the masses agree.
#
# The area-to-mass distribution changes with size. Small fragments are light for their
# area; large ones come in two families.

# %% alt="Line chart of the probability density of log10 area-to-mass ratio for spacecraft fragments of 1 cm, 10 cm and 1 m: the 1 cm curve peaks near 0.5 m2/kg; the 1 m curve has a main hump near 0.1 m2/kg and a smaller one near 0.01 m2/kg."
chi = np.linspace(-3.5, 1.5, 500)
fig, ax = plt.subplots()
for size in (0.01, 0.10, 1.0):
    ax.plot(chi, breakup.area_to_mass_pdf(chi, size, "spacecraft"), label=f"$L_c$ = {size * 100:g} cm")
ax.set_xlabel(r"$\chi = \log_{10}(A/M)$ with $A/M$ in m$^2$/kg")
ax.set_ylabel("Probability density")
ax.legend()
plt.show()

# %% [markdown]
# ## How fast do the fragments fly?
#
# Each fragment leaves with a speed $\Delta v$ relative to its parent. The model draws
# $\log_{10}(\Delta v)$ from a normal distribution with standard deviation 0.4 and mean
# $0.9\,\chi + 2.9$ for collisions ($0.2\,\chi + 1.85$ for explosions), so light, flat
# fragments fly fastest.

# %% alt="Histogram of fragment speeds relative to the parent on a logarithmic axis: most Iridium-Cosmos fragments of 10 cm or larger leave at a few tens to a few hundreds of metres per second, with a tail above 1 km/s."
fig, ax = plt.subplots()
bins = np.logspace(0, 4, 60)
ax.hist(cloud["dv_m_s"], bins=bins, color="C0")
ax.set_xscale("log")
ax.set_xlabel(r"Speed relative to the parent $\Delta v$ (m/s)")
ax.set_ylabel("Number of fragments")
plt.show()
print(f"median dv {np.median(cloud['dv_m_s']):.0f} m/s; {np.mean(cloud['dv_m_s'] > 1000) * 100:.1f}% above 1 km/s")

# %% [markdown]
# A hundred metres per second is small next to the orbital speed of 7.5 km/s, but it is
# enough to change the orbit a great deal.
#
# ## The cloud's orbits: a Gabbard diagram
#
# Add each fragment's $\Delta v$, in a random direction, to the parent's circular
# velocity at 789 km. The new speed gives a new semi-major axis (vis-viva equation), and
# the new direction an eccentricity. A **Gabbard diagram** plots, for every fragment, its
# apogee and its perigee altitude against its orbital period. Every fragment passes
# through the break-up point, so its apogee is above 789 km and its perigee below: the
# two branches form an X centred on the parent.

# %% alt="Gabbard diagram: apogee and perigee altitude against orbital period for about 1,150 simulated Iridium-Cosmos fragments; the points form an X crossing at 789 km and about 100.6 minutes; most apogees lie between 790 and 2,300 km and most perigees between 300 and 790 km."
orbits = breakup.cloud_orbits(789.0, cloud["dv_m_s"], rng)
ok = orbits["bound"] & (orbits["perigee_km"] > 0)
fig, ax = plt.subplots()
ax.scatter(orbits["period_min"][ok], orbits["apogee_km"][ok], s=4, label="Apogee", color="C1", rasterized=True)
ax.scatter(orbits["period_min"][ok], orbits["perigee_km"][ok], s=4, label="Perigee", color="C0", rasterized=True)
ax.axhline(789, color="0.5", lw=0.8)
ax.set_xlim(85, 125)
ax.set_ylim(0, 2500)
ax.set_xlabel("Orbital period (min)")
ax.set_ylabel("Altitude (km)")
ax.legend(markerscale=3)
plt.show()

# %%
gabbard_x = np.all(orbits["perigee_km"][ok] <= 789.0 + 1e-6) and np.all(orbits["apogee_km"][ok] >= 789.0 - 1e-6)
print("every fragment's orbit passes through the break-up altitude:", gabbard_x)
print(f"{(~ok).sum()} of {ok.size} fragments are thrown onto orbits that dip below the ground (they re-enter at once) or escape")
print(f"perigee below 600 km: {np.mean(orbits['perigee_km'][ok] < 600) * 100:.0f}% of fragments")
print(f"apogee above 1,000 km: {np.mean(orbits['apogee_km'][ok] > 1000) * 100:.0f}% of fragments")

# %% [markdown]
# The cloud spreads over hundreds of kilometres of altitude within one orbit. Fragments
# whose perigee dips into denser air will decay within years; those thrown higher stay
# for decades or centuries (see the lab on orbital lifetime). Over the following months
# the fragments also drift apart in the orbit's plane and orientation, until they form a
# shell around the Earth.
#
# ## Model and observation: Iridium 33 and Cosmos 2251
#
# Wang [@wang2010-iridium] reports that by 1 December 2009 the US space surveillance network had
# catalogued 1,632 fragments from the collision. The catalogue holds objects large enough
# to be tracked, usually quoted as about 10 cm in low Earth orbit. The model predicts:

# %%
observed = 1632  # catalogued by 1 Dec 2009 (Wang 2010)
n_wang_masses = breakup.collision_fragment_count(556.0, 900.0, v_rel, 0.10)
lc_matching = (observed / (0.1 * (m_iridium + m_cosmos) ** 0.75)) ** (-1 / 1.71)
print(f"Model, 560 + 950 kg, L_c >= 10 cm: {n_10cm:,.0f}")
print(f"Model, Wang's dry masses 556 + 900 kg: {n_wang_masses:,.0f}")
print(f"Observed (catalogued by 1 Dec 2009): {observed:,}")
print(f"Ratio observed / model: {observed / n_10cm:.2f}")
print(f"Size limit at which the model gives 1,632 pieces: {lc_matching * 100:.1f} cm")

# %% [markdown]
# The model predicts about 1,240 pieces of 10 cm or larger, about a quarter fewer than
# were catalogued. How should we read the difference?
#
# - **The size limit is not sharp.** The catalogue does not stop exactly at 10 cm: what
#   the radars detect depends on a piece's shape, material and orbit. Because the count
#   rises steeply as size falls, a limit of about 8.5 cm would explain the whole gap.
# - **The model is a fit to averages.** Its laws were fitted to a small number of ground
#   tests and on-orbit break-ups, and individual events scatter about them. A factor of
#   1.3 is within the spread one would expect.
# - **Not all satellites break alike.** Wang [@wang2010-iridium] argues that satellites'
#   appendages, such as solar panels, were not considered in earlier analyses; light,
#   flat pieces of modern materials add to the count.
# - **The count keeps changing.** Fragments are catalogued over months as their orbits
#   are determined, and low ones re-enter; a count depends on its date.
#
# The model is a tool for estimating environments and comparing scenarios, not a
# prediction of any single event to better than tens of per cent.

# %% [markdown]
# ## Check against published results
#
# Two independent implementations of the model publish test cases with their expected
# counts of fragments larger than 5 cm, and Wang's count is an observation:
#
# - **NASA CARA's Analysis Tools** [@cara2026numpieces], unit test of
#   `CollisionConsequenceNumPieces`: a 2,000 kg satellite hit at 10 km/s by 0.01 kg gives
#   17 pieces, by 1.6 kg 755 (both not catastrophic), by 1,000 kg 6,801 and by 3,000 kg
#   9,977 (both catastrophic). The counts are rounded to whole pieces.
# - **ESA's implementation** (NASA-breakup-model-cpp) [@esa-breakup-cpp], its
#   simulation tests: the Iridium 33 and Cosmos 2251 collision (560 and 950 kg at
#   11.7 km/s) gives 4,064 pieces; the explosion of an 839 kg rocket body with $S = 1$
#   gives 724. ESA truncates to whole pieces.
# - **Wang** [@wang2010-iridium]: 1,632 catalogued fragments by 1 December 2009. The model's count
#   above 10 cm should agree within the 35 per cent that the size limit and the model's
#   scatter allow.

# %%
def cara_case(m2_kg):
    """Fragments larger than 5 cm when a 2,000 kg satellite is hit at 10 km/s by m2_kg."""
    return breakup.collision_fragment_count(2000.0, m2_kg, 10_000.0, 0.05)


compare_with_published("CARA: hit by 0.01 kg", cara_case(0.01), 17.0, source="cara2026numpieces", abs_tol=0.5)
compare_with_published("CARA: hit by 1.6 kg", cara_case(1.6), 755.0, source="cara2026numpieces", abs_tol=0.5)
compare_with_published("CARA: hit by 1,000 kg", cara_case(1000.0), 6801.0, source="cara2026numpieces", abs_tol=0.5)
compare_with_published("CARA: hit by 3,000 kg", cara_case(3000.0), 9977.0, source="cara2026numpieces", abs_tol=0.5)
compare_with_published("ESA: Iridium 33 and Cosmos 2251, pieces > 5 cm",
                       breakup.collision_fragment_count(560.0, 950.0, 11_700.0, 0.05), 4064.5,
                       source="esa-breakup-cpp", abs_tol=0.5)
compare_with_published("ESA: explosion, S = 1, pieces > 5 cm", breakup.explosion_fragment_count(0.05, 1.0), 724.5,
                       source="esa-breakup-cpp", abs_tol=0.5)
compare_with_published("Wang (2010): catalogued fragments, model above 10 cm", n_10cm, 1632.0,
                       source="wang2010-iridium", rel_tol=0.35)
print("Check against NASA CARA's and ESA's test cases of the model and Wang (2010): passed")

# %% [markdown]
# (ESA's counts are truncated: 4,064 means a value from 4,064 up to 4,065, which is why
# the check compares with 4,064.5 to within half a piece.)
#
# ## Try it yourself
#
# !!! question "Try it yourself"
#
#     In the "Type the formula yourself" cell, make the collision non-catastrophic: set
#     `m_small = 1.0` (a 1 kg object hitting the 950 kg Cosmos). What is the
#     energy-to-mass ratio, which mass $M$ does the law use, and how many fragments of
#     10 cm or more does it give?
#
# ??? success "Answer"
#
#     About 72 J/g, above 40 J/g: still catastrophic, so $M = 951$ kg and about 880
#     fragments. Try `m_small = 0.5`: 36 J/g, not catastrophic, $M = 0.5 \times 11.7^2
#     \approx 68$ kg and only about 120 fragments. A factor of two in the projectile's
#     mass changes the count sevenfold at the threshold.
#
# !!! question "Try it yourself"
#
#     In the same cell, set `lc = 0.085`. How close does the model come to the 1,632
#     fragments catalogued by December 2009?
#
# ??? success "Answer"
#
#     About 1,640: a size limit of about 8.5 cm instead of 10 cm closes the whole gap,
#     because the count rises steeply (as $L_c^{-1.71}$) as the size falls.
#
# !!! question "Try it yourself"
#
#     Redraw the Gabbard diagram for a break-up at 480 km, the altitude of the Kosmos
#     1408 test: change `789.0` to `480.0` in the `cloud_orbits` call (and in the
#     horizontal line). What share of the fragments now has a perigee below 300 km?
#
# ??? success "Answer"
#
#     About one in seven fragments (against about one in twenty from 789 km), and more
#     are thrown straight into the ground: every fragment thrown backwards loses altitude
#     at perigee, and from 480 km a smaller kick reaches the dense air below 300 km, where
#     a fragment re-enters within months.
#
# ## Summary
#
# - The NASA standard breakup model gives the number of fragments above a size as a power
#   law: $6 S L_c^{-1.6}$ for explosions and $0.1 M^{0.75} L_c^{-1.71}$ for collisions.
# - A collision is catastrophic when the projectile's kinetic energy exceeds 40 J per
#   gram of target; then both objects shatter and the fragment count depends on their
#   total mass.
# - Fragments' area-to-mass ratios and speeds are drawn from fitted distributions;
#   light fragments fly fastest.
# - A few hundred m/s spreads a cloud over hundreds of kilometres of altitude, which a
#   Gabbard diagram shows as an X centred on the break-up point.
# - For Iridium 33 and Cosmos 2251 the model predicts about 1,240 fragments of 10 cm or
#   more against 1,632 catalogued by December 2009: agreement within the model's
#   expected scatter and the fuzziness of the tracking limit.
#
# ## What's next
#
# How long will these fragments stay up? The
# [orbital lifetime lab](../lifetime/index.md) answers that for each altitude, and the
# [LEO capacity lab](../leo-capacity/index.md) feeds fragments like these into a model of
# the whole low-Earth-orbit population.

# %% [markdown]
# ## References
#
# <!-- references -->
