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
# # LEO capacity: launches, disposal and the Kessler threshold
#
# ## Overview
#
# How many satellites can low Earth orbit (LEO) hold? There is no single number: the
# answer depends on how fast we launch, how reliably dead satellites are removed, and how
# much debris breakups add. **Source-sink models** make those dependencies explicit. They
# count objects in altitude shells and add up what flows in (launches, fragments) and out
# (disposal, drag, collisions). In this lab you will:
#
# 1. build a shell model of LEO after MOCAT-3, the source-sink model of D'Ambrosio, Lifson
#    and Linares [@dambrosio2022capacity];
# 2. compare scenarios of launch rate and post-mission disposal;
# 3. add the debris of an anti-satellite (ASAT) test at two altitudes and compare with the
#    observed decay of the Kosmos 1408 and Fengyun-1C debris;
# 4. find the Kessler threshold of a one-shell model, beyond which collisions make debris
#    faster than drag removes it.
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | [Mitigation, remediation and the capacity of LEO](../../debris/mitigation-and-capacity.md) | Necessary | The chapter this lab belongs to |
# | [Breakup lab](../breakup/index.md) | Helpful | Where the fragment counts come from |
# | [Orbital lifetime lab](../lifetime/index.md) | Helpful | Where the drag rates come from |
# | Rates of change | Helpful | A rate times a time step gives a change |
#
# ## Time to learn
#
# About 40 minutes.

# %%
import numpy as np
import matplotlib.pyplot as plt

from shared_orbits import atmosphere, breakup, population
from shared_orbits.constants import R_EARTH_KM
from shared_orbits.plotting import book_style
from shared_orbits.published import compare_with_published

book_style()
rng = np.random.default_rng(2026)

# %% [markdown]
# ## Shells and species
#
# We cut LEO between 200 and 2,000 km into shells 50 km thick. In each shell we count
# three **species**: active satellites $S$, derelicts $D$ (dead satellites left in
# orbit) and debris fragments $N$ of 10 cm or larger. In each shell:
#
# $$
# \begin{aligned}
# \frac{dS}{dt} &= \lambda - \frac{S}{\Delta t} - \text{collisions},\\
# \frac{dD}{dt} &= (1 - P_M)\,\frac{S}{\Delta t} + \text{drag in} - \text{drag out} - \text{collisions},\\
# \frac{dN}{dt} &= \text{drag in} - \text{drag out} + \text{fragments from collisions} - \text{collisions}.
# \end{aligned}
# $$
#
# - $\lambda$ is the launch rate into the shell; satellites work for $\Delta t$ = 5 years.
# - A fraction $P_M$ (the **post-mission disposal compliance**) of retiring satellites is
#   removed; the rest become derelicts.
# - Drag moves derelicts and debris down from shell to shell at the rates of the
#   lifetime lab; active satellites keep their altitude.
# - Two objects of radii $r_i, r_j$ in a shell of volume $V$ collide at the rate
#   $\phi_{ij} X_i X_j$ with $\phi_{ij} = \pi v\, (r_i + r_j)^2 / V$ and an impact speed $v$
#   of 10 km/s. Each collision destroys both and makes the number of fragments the
#   breakup model gives [@johnson2001breakup]. Active satellites dodge most tracked objects.
#
# The species sizes and the dodging fractions are round numbers chosen for teaching,
# not MOCAT-3's calibrated values:

# %%
edges = population.shell_edges_km(200.0, 2000.0, 50.0)
centre = 0.5 * (edges[:-1] + edges[1:])
print(f"{centre.size} shells")
for name, values in population.DEFAULT_SPECIES.items():
    print(name, {k: round(v, 4) for k, v in values.items()})
print("fraction of collisions an active satellite fails to avoid:", population.DEFAULT_FAILURE)
print(f"fragments per collision of two 250 kg satellites: {breakup.collision_fragment_count(250, 250, 10_000, 0.1):.0f}")

# %% [markdown]
# ## Type the formula yourself
#
# The collision rate coefficient is the heart of the model. Type it for two objects of
# 1 m radius meeting at 10 km/s in the shell from 750 to 800 km, printing each step:
# $\phi = \pi v (r_1 + r_2)^2 / V$, with the shell's volume
# $V = \tfrac{4}{3}\pi (r_\text{out}^3 - r_\text{in}^3)$. Keep the units straight:
# radii in km, speed in km per year.

# %%
r_in, r_out = R_EARTH_KM + 750.0, R_EARTH_KM + 800.0
V_km3 = 4 / 3 * np.pi * (r_out**3 - r_in**3)          # <- type the shell volume
v_km_yr = 10.0 * 365.25 * 86400.0                      # 10 km/s in km per year
sigma_km2 = np.pi * (0.001 + 0.001) ** 2               # collision cross-section, km^2
phi = v_km_yr * sigma_km2 / V_km3                      # <- type phi = pi v (r1 + r2)^2 / V
print(f"V = {V_km3:.4e} km^3;  v = {v_km_yr:.4e} km/yr;  sigma = {sigma_km2:.4e} km^2;  phi = {phi:.4e} per year")
print(f"package: {population.collision_rate_coefficient_per_yr(10.0, 1.0, 1.0, population.shell_volume_km3(np.array([750.0, 800.0]))[0]):.4e}")

# %% [markdown]
# **Starting point.** To keep the lab self-contained we start from an illustrative legacy
# population, not the real catalogue: 100 derelicts and 500 fragments in each shell from
# 700 to 1,000 km. A constellation is then launched into the shells between 500 and
# 600 km.

# %%
legacy = (centre > 700) & (centre < 1000)
initial = {"initial_D": np.where(legacy, 100.0, 0.0), "initial_N": np.where(legacy, 500.0, 0.0)}
constellation = (centre > 500) & (centre < 600)


def launches(per_year):
    """Spread ``per_year`` launches evenly over the constellation's shells."""
    return np.where(constellation, per_year / constellation.sum(), 0.0)


base = population.simulate(100.0, edges, launches(1000.0), disposal_compliance=0.9, **initial)

# %% alt="Line chart of the number of active satellites, derelicts and debris fragments over 100 years for 1,000 launches a year with 90% disposal: active satellites approach 5,000 within about 20 years, derelicts rise from 600 to about 1,200, and the legacy debris falls slowly from 3,000 to about 1,200 as drag clears it."
fig, ax = plt.subplots()
for s, label in zip(population.SPECIES, ("Active satellites", "Derelicts", "Debris (10 cm and larger)")):
    ax.plot(base["t_yr"], base[s].sum(axis=1), label=label)
ax.set_xlabel("Years")
ax.set_ylabel("Objects in LEO")
ax.legend()
plt.show()

# %% [markdown]
# The active population settles at launch rate times mission life, $1{,}000 \times 5 =
# 5{,}000$. The legacy debris decays slowly, because at 700 to 1,000 km drag takes decades
# to centuries.
#
# ## Scenarios: launch rate and disposal compliance
#
# Now vary the launch rate and the compliance with post-mission disposal. The table gives
# the number of objects after 100 years and the number of collisions on the way.

# %%
rates = (1000.0, 2000.0, 5000.0)
compliances = (0.5, 0.9, 0.99)
runs = {}
print(f"{'launches/yr':>11s} {'P_M':>5s} {'active':>8s} {'derelict':>9s} {'debris':>8s} {'collisions':>11s}")
for rate in rates:
    for pm in compliances:
        r = population.simulate(100.0, edges, launches(rate), disposal_compliance=pm, **initial)
        runs[rate, pm] = r
        collisions = r["destroyed"][-1] / 2
        print(f"{rate:11,.0f} {pm:5.2f} {r['S'][-1].sum():8,.0f} {r['D'][-1].sum():9,.0f} "
              f"{r['N'][-1].sum():8,.0f} {collisions:11,.1f}")

# %% alt="Line chart of debris fragments over 100 years for 5,000 launches a year with disposal compliance of 50, 90 and 99 per cent: with 50 per cent the debris grows to about 9,600 after some 30 years and is still about 8,700 after a century; with 90 per cent it peaks near 3,400 and falls to about 2,200; with 99 per cent it falls to about 1,400."
fig, ax = plt.subplots()
for pm in compliances:
    r = runs[5000.0, pm]
    ax.plot(r["t_yr"], r["N"].sum(axis=1), label=f"$P_M$ = {pm:.0%}")
ax.set_xlabel("Years")
ax.set_ylabel("Debris fragments in LEO")
ax.set_title("5,000 launches a year")
ax.legend()
plt.show()

# %% [markdown]
# Disposal matters more as the launch rate grows. Each derelict left in orbit is a
# target that cannot dodge; collisions grow as the *product* of the populations, so
# doubling both targets and debris roughly quadruples the collision rate. At 5,000
# launches a year the difference between 50 and 99 per cent compliance is a factor of
# about six in debris after a century.
#
# Where does the debris sit? Fragments from collisions in the constellation's shells
# pile up there and drift down below them; the legacy debris stays higher up.

# %% alt="Bar-like step chart of debris per 50 km shell after 100 years for 5,000 launches a year, with 50 and 99 per cent disposal: with 50 per cent up to 3,000 fragments per shell pile up in and below the constellation's shells at 400 to 600 km; with 99 per cent about 100 per shell at most remain there; the legacy debris at 700 to 1,000 km, at most about 250 per shell, is the same in both runs, so the two lines overlap there."
fig, ax = plt.subplots()
for pm in (0.5, 0.99):
    ax.stairs(runs[5000.0, pm]["N"][-1], edges, label=f"$P_M$ = {pm:.0%}")
ax.set_xlim(200, 1400)
ax.set_xlabel("Altitude (km)")
ax.set_ylabel("Debris per 50 km shell after 100 years")
ax.legend()
plt.show()

# %% [markdown]
# ## An anti-satellite test
#
# A destructive ASAT test adds a cloud of fragments in one go. How long it matters
# depends above all on altitude. Two tests give real examples:
#
# - Russia's test against **Kosmos 1408** on 15 November 2021, in a 465 to 490 km orbit.
#   The Secure World Foundation (SWF) counts 1,807 catalogued fragments [@swf2026counterspace, Table 5-1], 5 of them
#   still in orbit in February 2026.
# - China's test against **Fengyun-1C** on 11 January 2007, at about 865 km. SWF counts
#   3,532 catalogued fragments, 2,351 still in orbit in February 2026.
#
# We draw each cloud from the breakup model, place each fragment in the shell of its mean
# altitude, and let drag act (solar activity held at F10.7 = 150, NRLMSISE-00 density;
# no collisions, no launches). A few fragments are lost at once: those thrown onto
# orbits that dip into the atmosphere, or whose mean altitude is outside the shells.

# %%
def asat_cloud(altitude_km, n_fragments):
    """Fragments per shell of a breakup cloud at ``altitude_km``."""
    cloud = breakup.fragment_cloud(n_fragments, 0.10, "collision", "spacecraft", rng)
    orbits = breakup.cloud_orbits(altitude_km, cloud["dv_m_s"], rng)
    keep = orbits["bound"] & (orbits["perigee_km"] > 100.0)
    return population.fragments_to_shells(orbits["a_km"][keep] - R_EARTH_KM, edges)


tests = {"Kosmos 1408 (480 km, 2021)": (480.0, 1807, 4.25, 5 / 1807),
         "Fengyun-1C (865 km, 2007)": (865.0, 3532, 19.1, 2351 / 3532)}
decay = {}
for name, (h, n, years_to_2026, observed) in tests.items():
    counts = asat_cloud(h, n)
    r = population.simulate(30.0, edges, 0.0, initial_N=counts, collisions=False,
                            density_model="msis", f107=150.0, ap=15.0)
    decay[name] = (r["t_yr"], r["N"].sum(axis=1) / n, years_to_2026, observed)

# %% alt="Line chart of the fraction of ASAT fragments still in orbit over 30 years: the Kosmos 1408-like cloud at 480 km falls to about 15 per cent within 4 years and keeps falling, the Fengyun-1C-like cloud at 865 km still holds about 70 per cent after 19 years; markers show the observed fractions in February 2026, 0.3 and 67 per cent."
fig, ax = plt.subplots()
for k, (name, (t, frac, t_obs, observed)) in enumerate(decay.items()):
    ax.plot(t, frac * 100, label=f"Model: {name}", color=f"C{k}")
    ax.plot(t_obs, observed * 100, "o", color=f"C{k}", label=f"Observed, Feb 2026 (SWF)")
ax.set_xlabel("Years after the test")
ax.set_ylabel("Fragments still in orbit (%)")
ax.set_ylim(0, 100)
ax.legend(fontsize=9)
plt.show()

# %%
for name, (t, frac, t_obs, observed) in decay.items():
    model = np.interp(t_obs, t, frac)
    print(f"{name}: model {model:.0%} left after {t_obs:.1f} years, observed {observed:.1%}")

# %% [markdown]
# The model gets the contrast right: the low test's debris is mostly gone within a few
# years, while two thirds of the high test's debris is still up after nearly two decades.
# It keeps too much of the Kosmos 1408 debris, for reasons worth naming:
#
# - it treats each fragment as if on a circular orbit at its mean altitude, but drag acts
#   mostly near perigee, so fragments on eccentric orbits come down faster;
# - it gives all debris one ballistic coefficient, while real fragments span a wide range
#   of area-to-mass ratios (see the breakup lab), and the light ones decay first;
# - it holds solar activity fixed, and it throws fragments in random directions, while a
#   real intercept has a preferred direction.
#
# Now add the same two clouds to the baseline scenario (1,000 launches a year, 90 per
# cent disposal) five years in:

# %%
print(f"{'scenario':32s} {'debris after 50 yr':>19s} {'collisions in 50 yr':>20s}")
for name, h, n in (("no test", None, 0), ("Kosmos 1408-like at 480 km", 480.0, 1807),
                   ("Fengyun-1C-like at 865 km", 865.0, 3532)):
    injections = [] if h is None else [(5.0, asat_cloud(h, n))]
    r = population.simulate(50.0, edges, launches(1000.0), disposal_compliance=0.9,
                            injections=injections, **initial)
    print(f"{name:32s} {r['N'][-1].sum():19,.0f} {r['destroyed'][-1] / 2:20.1f}")

# %% [markdown]
# ## The Kessler threshold
#
# Kessler [@kessler1991] asked when collisions start to feed themselves. Take one shell and let
# $N$ count objects big enough to break up a satellite. Launches add $A$ a year, drag
# removes a fraction $-B = 1/\tau$ a year ($\tau$ is the time drag takes to move an object
# out of the shell), and collisions happen at $\tfrac{1}{2}\phi N^2$ a year, each removing
# 2 objects and adding $f$ new ones big enough to matter:
#
# $$
# \frac{dN}{dt} = A + B N + C N^2, \qquad B = -\frac{1}{\tau},\quad C = \tfrac{1}{2}\,\phi\,(f - 2).
# $$
#
# The population is in equilibrium where $dN/dt = 0$:
# $N^* = \dfrac{-B \mp \sqrt{B^2 - 4AC}}{2C}$. Equilibria **exist only when
# $B^2 \ge 4AC$**. The lower one is stable; the upper one is the **critical population**:
# above it collisions outrun drag and the count runs away. With no launches ($A = 0$) the
# critical population is $N_c = -B/C$, and $N_c / V$ is the **critical density**.
#
# For the 750 to 800 km shell, with objects of 1 m radius, $\tau$ from the satellites'
# drag rate, and an assumed $f = 10$ new objects large enough to cause further
# catastrophic collisions (most of the ~540 fragments of 10 cm are too small to break up
# a satellite):

# %%
shell = np.array([750.0, 800.0])
volume = population.shell_volume_km3(shell)[0]
phi = population.collision_rate_coefficient_per_yr(10.0, 1.0, 1.0, volume)
drag_km_yr = atmosphere.decay_rate_km_per_year(775.0, population.DEFAULT_SPECIES["ballistic_m2_kg"]["D"])
tau = 50.0 / drag_km_yr
f_eff = 10.0
_, b, c = population.kessler_coefficients(0.0, tau, phi, f_eff)
n_crit = population.kessler_critical_count(b, c)
a_crit = population.kessler_critical_source_per_yr(b, c)
print(f"shell volume {volume:.3e} km^3, phi = {phi:.2e} per year, tau = {tau:.0f} years")
print(f"critical population with no launches: {n_crit:,.0f} objects, density {n_crit / volume:.1e} per km^3")
print(f"largest launch rate with an equilibrium: {a_crit:,.0f} objects a year")

# %% alt="Line chart of the population growth rate dN/dt against population N for one shell at 750-800 km, for launch rates of half, exactly, and one and a half times the critical rate: the lowest curve crosses zero twice (a stable and an unstable equilibrium), the middle one touches zero once, the highest never reaches zero, so the population runs away."
n = np.linspace(0.0, 2.0 * n_crit, 400)
fig, ax = plt.subplots()
for share in (0.5, 1.0, 1.5):
    a = share * a_crit
    ax.plot(n, population.kessler_rate(n, a, b, c), label=f"A = {share:g} x critical ({a:,.0f}/yr)")
    for eq in population.kessler_equilibria(a, b, c):
        ax.plot(eq, 0.0, "ko", ms=4)
ax.axhline(0.0, color="0.3", lw=0.8)
ax.set_xlabel("Objects in the shell, N")
ax.set_ylabel("Growth rate dN/dt (objects per year)")
ax.legend(fontsize=9)
plt.show()

# %% [markdown]
# Because drag weakens with altitude, $\tau$ grows and the critical density falls: higher
# shells tolerate fewer objects before collisions take over.

# %% alt="Log-scale line chart of the critical density with no launches against shell altitude from 400 to 1,400 km, for 10 and 50 effective fragments per collision: the critical density falls by about a thousandfold between 400 and 1,000 km."
alts = np.arange(400.0, 1401.0, 50.0)
fig, ax = plt.subplots()
for f in (10.0, 50.0):
    dens = []
    for h in alts:
        vol = population.shell_volume_km3(np.array([h - 25.0, h + 25.0]))[0]
        ph = population.collision_rate_coefficient_per_yr(10.0, 1.0, 1.0, vol)
        t = 50.0 / atmosphere.decay_rate_km_per_year(h, population.DEFAULT_SPECIES["ballistic_m2_kg"]["D"])
        _, bb, cc = population.kessler_coefficients(0.0, t, ph, f)
        dens.append(population.kessler_critical_count(bb, cc) / vol)
    ax.semilogy(alts, dens, label=f"f = {f:.0f}")
ax.set_xlabel("Shell altitude (km)")
ax.set_ylabel("Critical density (objects per km$^3$)")
ax.legend(title="New objects per collision")
plt.show()

# %% [markdown]
# Two properties of the model itself, not checks against a publication: the one-shell
# model has the structure Kessler's argument needs (equilibria only when
# $B^2 \ge 4AC$), and the shell model keeps exact books (every object launched, disposed
# of, re-entered, destroyed or created is accounted for).

# %%
print("equilibria just below and above the critical launch rate:",
      population.kessler_equilibria(0.99 * a_crit, b, c).size, population.kessler_equilibria(1.01 * a_crit, b, c).size)
total = population.total_objects(base)
books = total[0] + base["launched"] - base["disposed"] - base["reentered"] - base["destroyed"] + base["created"]
print("books balance:", bool(np.allclose(total, books, rtol=1e-6)))

# %% [markdown]
# ## Check against published results
#
# - **Fragments per collision.** NASA CARA's test of the breakup model
#   [@cara2026numpieces]: a 2,000 kg satellite hit by a 1,000 kg one at 10 km/s makes
#   6,801 fragments larger than 5 cm.
# - **Fengyun-1C.** SWF counts 3,532 catalogued fragments, of which 2,351 (66.6 per cent)
#   were still in orbit in February 2026, 19.1 years after the test
#   [@swf2026counterspace, Table 5-1]. The shell model must keep that share to within 15
#   percentage points.
#
# The same comparison for Kosmos 1408 is *not* a check this model passes: it keeps far
# more of the low debris (about 15 per cent after 4.25 years, against 5 of 1,807, or
# 0.3 per cent, observed). The reasons are listed above: circular orbits at the mean
# altitude, one ballistic coefficient for all debris, fixed solar activity. A model that
# fails a published number is worth more when it says so.

# %%
t, frac, t_obs, observed = decay["Fengyun-1C (865 km, 2007)"]
compare_with_published("CARA: fragments > 5 cm, 2,000 kg hit by 1,000 kg at 10 km/s",
                       breakup.collision_fragment_count(2000, 1000, 10_000, 0.05), 6801.0,
                       source="cara2026numpieces", abs_tol=0.5)
compare_with_published("Fengyun-1C fragments still in orbit after 19.1 years (share)", np.interp(t_obs, t, frac),
                       0.666, source="swf2026counterspace", abs_tol=0.15)
print("Check against NASA CARA and SWF (2026): passed")

# %% [markdown]
# ## Try it yourself
#
# !!! question "Try it yourself"
#
#     In the "Type the formula yourself" cell, move the shell down to 500 to 550 km. Does
#     the collision rate coefficient $\phi$ go up or down, and why only a little?
#
# ??? success "Answer"
#
#     Up, by about 7 per cent: a lower shell of the same thickness has a smaller volume
#     (the volume grows as the square of the radius), so the same objects are packed more
#     densely. The much larger effect of altitude is on drag, not on $\phi$.
#
# !!! question "Try it yourself"
#
#     In the scenario cell, add a compliance of 0.999 to `compliances` and rerun. How much
#     debris is left after 100 years at 5,000 launches a year, compared with 0.99?
#
# ??? success "Answer"
#
#     Somewhat less, but the gain from 99 to 99.9 per cent is far smaller than from 50 to
#     90 per cent: once almost every satellite is removed, the remaining debris comes
#     from the legacy population and from collisions among active satellites.
#
# !!! question "Try it yourself"
#
#     In the Kessler threshold cell, change `f_eff = 10.0` to `50.0`. What happens to the
#     critical population, and what does $f$ stand for physically?
#
# ??? success "Answer"
#
#     It falls six-fold, because $N_c = -B/C$ and $C$ grows with $f - 2$ (from 8 to 48). $f$ is
#     the number of new objects from one collision that are large enough to break up a
#     satellite in turn: the more of them, the sooner collisions feed themselves.

# %% [markdown]
# ## Summary
#
# - A source-sink model counts active satellites, derelicts and debris in altitude shells
#   and balances launches, disposal, drag and collisions.
# - Collisions grow with the product of populations, so the benefit of disposal grows
#   with the launch rate: at 5,000 launches a year, 99 per cent compliance leaves about
#   six times less debris after a century than 50 per cent in this model.
# - Debris from an ASAT test near 480 km mostly re-enters within a few years; from near
#   865 km most of it stays for decades, as the Kosmos 1408 and Fengyun-1C clouds show.
# - The one-shell model $dN/dt = A + BN + CN^2$ has equilibria only when $B^2 \ge 4AC$;
#   beyond the critical population or launch rate, collisions outrun drag.
# - The critical density falls steeply with altitude because drag weakens.
#
# ## What's next
#
# Change the scenarios: a larger constellation higher up, a shorter mission life, or
# active debris removal (a sink on $D$). The chapter
# [Mitigation, remediation and the capacity of LEO](../../debris/mitigation-and-capacity.md)
# discusses what the rules and proposals would change.

# %% [markdown]
# ## References
#
# <!-- references -->
