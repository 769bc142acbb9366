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
# # Lab: Catalogue statistics, counting what is in orbit
#
# ## Overview
#
# Numbers about space objects are everywhere, and they rarely agree. This lab puts into
# practice the advice of the chapter [Who is in space](../../domain/who-is-in-space.md#reading-space-statistics)
# on the real data: the element sets CelesTrak published in July 2026 for the 15,985
# satellites it counted as working [@celestrak2026active]. You will:
#
# 1. load the catalogue and say exactly what it counts, and what it leaves out;
# 2. count the working satellites by orbital regime and by constellation;
# 3. plot them by altitude and by inclination, and watch the constellation shells stand
#    out;
# 4. see how young the working fleet is, by launch year;
# 5. check the shells you find against the orbits the operators were licensed to use.
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | [Reading space statistics](../../domain/who-is-in-space.md#reading-space-statistics) | Necessary | The four questions to ask of any figure |
# | [Where debris is: the altitude distribution](../../debris/debris-environment.md#where-debris-is-the-altitude-distribution) | Helpful | Why altitude decides how long objects stay |
# | [Orbits lab](../orbits/index.md) | Helpful | Period, altitude and inclination |
# | Histograms and percentages | Helpful | Used throughout |
#
# ## Time to learn
#
# About 30 minutes; the lab runs in a few seconds.

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

import shared_orbits
from shared_orbits import catalogue
from shared_orbits.constants import MU_EARTH_KM3_S2, R_EARTH_KM
from shared_orbits.plotting import book_style
from shared_orbits.published import compare_with_published

book_style()
# the data folder beside this notebook, or the one in the book's repository
DATA = Path("data")
if not (DATA / "celestrak-active-2026-07.csv.gz").exists():
    DATA = Path(shared_orbits.__file__).resolve().parents[2] / "notebooks" / "data"

# %% [markdown]
# ## The data: who counted, what, when, by which rule
#
# Ask the chapter's four questions before using any number:
#
# - **Who counted?** CelesTrak, run by T.S. Kelso, which republishes the US catalogue's
#   general perturbations (GP) element sets [@celestrak2026active].
# - **What?** Its `active` group: satellites it judges to be working. No rocket bodies,
#   no debris, no dead satellites. ESA's yearly Space Environment Report [@esa2026ser]
#   counts all tracked objects, debris included, which is a much larger and different
#   number.
# - **When?** Element sets with epochs from 16 June to 12 July 2026.
# - **By which rule?** One row per catalogue number; a station catalogued module by
#   module (the ISS, Tiangong) appears several times.
#
# `catalogue.read_gp_csv` reads the book's compressed copy into arrays, one entry per
# satellite, and adds each one's perigee and apogee altitude, orbital regime and
# constellation family (from the name CelesTrak gives it).

# %%
cat = catalogue.read_gp_csv(DATA / "celestrak-active-2026-07.csv.gz")
n_all = len(cat["OBJECT_NAME"])
print(f"{n_all:,} working satellites; element set epochs {min(cat['EPOCH'])[:10]} to {max(cat['EPOCH'])[:10]}")
print("columns:", ", ".join(k for k in cat if k.isupper()))

# %% [markdown]
# ## Type the formula yourself
#
# The file gives each satellite's **mean motion** $n$ (revolutions per day), not its
# altitude. Kepler's third law turns one into the other: $a = (\mu / n^2)^{1/3}$ with $n$
# in radians per second, and the altitude is $a - R_E$ for a circular orbit. Type it for
# the first Starlink in the file, printing each step, and compare with the `a_km` column.

# %%
k = int(np.flatnonzero(cat["family"] == "Starlink (SpaceX)")[0])
n_rev_day = cat["MEAN_MOTION"][k]
n_rad_s = n_rev_day * 2 * np.pi / 86400.0       # rad/s
a_km = (MU_EARTH_KM3_S2 / n_rad_s**2) ** (1 / 3)  # <- type a = (mu / n^2)^(1/3) here
print(f"{cat['OBJECT_NAME'][k]}: n = {n_rev_day:.8f} rev/day = {n_rad_s:.6e} rad/s")
print(f"a = {a_km:,.3f} km, altitude = {a_km - R_EARTH_KM:,.1f} km;  package: a = {cat['a_km'][k]:,.3f} km")

# %% [markdown]
# ## By regime and by constellation

# %%
regimes, counts = np.unique(cat["regime"], return_counts=True)
for k in np.argsort(counts)[::-1]:  # largest first
    print(f"{regimes[k]:6} {counts[k]:7,}  {counts[k] / n_all:6.1%}")

# %% alt="Horizontal bar chart of the 15,985 working satellites of July 2026 by constellation family, from CelesTrak's active group: Starlink 10,743, other satellites about 3,100, OneWeb 651, Kuiper 393, Qianfan 200, Guowang 173 and smaller families. Two working satellites in three are Starlinks."
families, fam_counts = np.unique(cat["family"], return_counts=True)
order = np.argsort(fam_counts)
fig, ax = plt.subplots(figsize=(7.5, 4.2))
ax.barh(families[order], fam_counts[order], color="C0")
for y, c in enumerate(fam_counts[order]):
    ax.text(c + 80, y, f"{c:,}", va="center", fontsize=9)
ax.set(xscale="log", xlim=(5, 40000), xlabel="working satellites (log scale)",
       title="Working satellites by family, July 2026 (CelesTrak)")
ax.tick_params(axis="y", labelsize=9)
plt.show()

# %%
share = fam_counts[families == "Starlink (SpaceX)"][0] / n_all
print(f"Starlink's share of working satellites: {share:.1%}")

# %% [markdown]
# One operator flies two working satellites in three. The families are read from names,
# which is crude: "other" holds everything without a uniform constellation name, from
# weather satellites to cubesats.
#
# ## Where the working satellites are: altitude
#
# In low Earth orbit a histogram of altitudes shows where operators put their satellites.

# %% alt="Histogram of the altitudes of working satellites in low Earth orbit, July 2026, in 10 km bins from 200 to 2,000 km: tall peaks between about 340 and 570 km from the Starlink shells, a smaller one near 630 km from Kuiper, a band of sun-synchronous orbits at 500 to 800 km, Qianfan near 1,070 km and OneWeb near 1,200 km."
leo = cat["regime"] == "LEO"
mean_alt = cat["a_km"][leo] - R_EARTH_KM
bins = np.arange(200, 2001, 10)
fig, ax = plt.subplots(figsize=(8, 3.8))
ax.hist(mean_alt, bins=bins, color="0.6", label="all working satellites")
ax.hist(mean_alt[cat["family"][leo] == "Starlink (SpaceX)"], bins=bins, color="C0", label="Starlink")
ax.set(yscale="log", xlabel="mean altitude (km)", ylabel="satellites per 10 km",
       title="Working satellites in LEO by altitude, July 2026")
ax.legend()
plt.show()

# %%
counts_10km, _ = np.histogram(mean_alt, bins=bins)
top = np.argsort(counts_10km)[::-1][:5]
print("most crowded 10 km bins:", ", ".join(f"{bins[b]:.0f}-{bins[b] + 10:.0f} km ({counts_10km[b]:,})" for b in sorted(top)))
print(f"below 600 km: {np.mean(mean_alt < 600):.0%} of working LEO satellites")

# %% [markdown]
# Most working satellites fly below 600 km, where drag brings a dead satellite down
# within years (see the [Orbital lifetime lab](../lifetime/index.md)). This file holds
# no debris, so the debris belts of 700 to 900 km, left by the Fengyun-1C test and the
# Iridium-Cosmos collision, do not show here: a plot of *everything* tracked needs the
# whole catalogue, debris included.
#
# ## Altitude and inclination: the shells stand out
#
# A constellation flies many satellites at one altitude and one inclination, a
# **shell**. Plotted by both, the shells become dense spots.

# %% alt="Scatter chart of inclination against mean altitude for working satellites in low Earth orbit, July 2026. Dense clusters mark constellation shells: Starlink at 43, 53.2, 70 and about 97 degrees between 340 and 570 km, Kuiper at 51.9 degrees and 630 km, Qianfan near 89 degrees and 1,070 km, OneWeb at 87.9 degrees and 1,200 km, and a diffuse band of sun-synchronous satellites near 97 to 98 degrees."
fig, ax = plt.subplots(figsize=(8, 4.5))
for fam, colour in (("other", "0.6"), ("Starlink (SpaceX)", "C0"), ("OneWeb (Eutelsat)", "C1"),
                    ("Kuiper (Amazon)", "C2"), ("Qianfan (Spacesail)", "C3"), ("Guowang (China SatNet)", "C4")):
    m = cat["family"][leo] == fam
    ax.scatter(mean_alt[m], cat["INCLINATION"][leo][m], s=2, color=colour, label=fam, rasterized=True)
ax.set(xlabel="mean altitude (km)", ylabel="inclination (deg)", xlim=(200, 1400), ylim=(0, 110),
       title="Constellation shells, July 2026")
ax.legend(fontsize=8, markerscale=4, loc="lower right")
plt.show()

# %% [markdown]
# The shells can be listed by grouping the satellites of one family by inclination,
# rounded to a tenth of a degree:

# %%
def shells(family, min_count=50):
    """Inclinations (deg) holding at least ``min_count`` satellites of a family, with their median altitude."""
    m = cat["family"] == family
    inc = np.round(cat["INCLINATION"][m], 1)
    out = []
    for value, count in zip(*np.unique(inc, return_counts=True)):
        if count >= min_count:
            alt = np.median(cat["a_km"][m][inc == value] - R_EARTH_KM)
            out.append((value, count, alt))
    return out


for fam in ("Starlink (SpaceX)", "OneWeb (Eutelsat)", "Kuiper (Amazon)", "Qianfan (Spacesail)"):
    for inc, count, alt in shells(fam):
        print(f"{fam:22} inclination {inc:5.1f} deg  {count:5,} satellites  median altitude {alt:6.0f} km")

# %% [markdown]
# ## By launch year
#
# The international designator (`OBJECT_ID`, such as `1998-067A`) starts with the launch
# year, so the file also says how old the working fleet is.

# %% alt="Bar chart, on a logarithmic scale, of the working satellites of July 2026 by launch year, from 1990 to 2026: up to about 200 per launch year before 2020, then a steep rise to 1,030 from 2021, 2,288 from 2023 and 4,304 from 2025. Four in five working satellites were launched in 2022 or later."
years = np.array([int(oid[:4]) for oid in cat["OBJECT_ID"]])
span = np.arange(1990, 2027)
per_year = np.array([np.count_nonzero(years == y) for y in span])
fig, ax = plt.subplots(figsize=(8, 3.6))
ax.bar(span, per_year, color="C0")
ax.set(yscale="log", xlabel="launch year", ylabel="working satellites, July 2026",
       title="How old is the working fleet?")
plt.show()
print(f"launched since 2022: {np.mean(years >= 2022):.0%}; before 2010: {np.count_nonzero(years < 2010):,} satellites")

# %% [markdown]
# ## Check against published results
#
# Operators must be licensed for the orbits they fly. The US Federal Communications
# Commission (FCC) published the shells it authorised, so the shells found in the data
# must sit at the licensed inclinations:
#
# - **Starlink, first generation**: shells at 53.0, 53.2, 70 and 97.6 degrees
#   [@fcc2021starlink]; the 53.2 and 70 degree shells are the two large ones above.
# - **Starlink, second generation**: shells at 53, 43 and 33 degrees [@fcc2022starlink].
# - **OneWeb**: 87.9 degrees at 1,200 km [@fcc2017oneweb].
# - **Kuiper**: 51.9 degrees at 630 km, among three shells [@fcc2020kuiper].
#
# The inclinations of the satellites in orbit are measured, the licences are paper:
# agreement within 0.05 degree says the catalogue, the parser and the grouping all work.

# %%
def median_inclination(family, low, high):
    m = (cat["family"] == family) & (cat["INCLINATION"] > low) & (cat["INCLINATION"] < high)
    return float(np.median(cat["INCLINATION"][m]))


oneweb = cat["family"] == "OneWeb (Eutelsat)"
kuiper = cat["family"] == "Kuiper (Amazon)"
compare_with_published("Starlink 53.2 degree shell (deg)", median_inclination("Starlink (SpaceX)", 53.1, 53.3),
                       53.2, source="fcc2021starlink", abs_tol=0.05)
compare_with_published("Starlink 70 degree shell (deg)", median_inclination("Starlink (SpaceX)", 69.5, 70.5),
                       70.0, source="fcc2021starlink", abs_tol=0.05)
compare_with_published("Starlink 43 degree shell (deg)", median_inclination("Starlink (SpaceX)", 42.5, 43.5),
                       43.0, source="fcc2022starlink", abs_tol=0.05)
compare_with_published("OneWeb inclination (deg)", np.median(cat["INCLINATION"][oneweb]), 87.9,
                       source="fcc2017oneweb", abs_tol=0.05)
compare_with_published("OneWeb altitude (km)", np.median(cat["a_km"][oneweb] - R_EARTH_KM), 1200.0,
                       source="fcc2017oneweb", abs_tol=10.0)
compare_with_published("Kuiper inclination (deg)", np.median(cat["INCLINATION"][kuiper]), 51.9,
                       source="fcc2020kuiper", abs_tol=0.05)
compare_with_published("Kuiper altitude (km)", np.median(cat["a_km"][kuiper] - R_EARTH_KM), 630.0,
                       source="fcc2020kuiper", abs_tol=10.0)
print("Check against the FCC's Starlink, OneWeb and Kuiper authorisations: passed")

# %% [markdown]
# Two things the check does not cover, and worth noticing. The Starlink 53.2 and
# 43 degree shells fly near 470 to 480 km, lower than the altitudes first licensed;
# altitudes change with later modifications and operations, inclinations much less.
# And the sun-synchronous Starlinks sit near 97.3 degrees, not the 97.6 licensed for the
# first generation: a reminder to read every licence together with its later changes.
#
# ## Try it yourself
#
# !!! question "Try it yourself"
#
#     In the altitude histogram cell, replace `"Starlink (SpaceX)"` by
#     `"OneWeb (Eutelsat)"`. Where does the coloured histogram sit, and why does that
#     matter for how long a dead OneWeb satellite stays in orbit?
#
# ??? success "Answer"
#
#     Near 1,200 km. There drag is so weak that a dead satellite stays for centuries or
#     longer, against a few years near 500 km: OneWeb satellites must be lowered at the
#     end of their mission to meet any disposal rule.
#
# !!! question "Try it yourself"
#
#     Call `shells("Guowang (China SatNet)", min_count=10)` in a new cell. At what
#     inclinations does China's Guowang constellation fly?
#
# ??? success "Answer"
#
#     Its satellites cluster at a few inclinations, each with more than ten satellites;
#     the function prints them with their median altitudes. Compare them with the
#     Starlink shells: different operators choose different planes and heights, which is
#     how constellations share low Earth orbit.
#
# !!! question "Try it yourself"
#
#     What share of *working* satellites is in geostationary orbit (regime "GEO")? Use
#     the regime table. Why is the share of GEO satellites in the value of the satellite
#     industry much larger?
#
# ??? success "Answer"
#
#     About 3.4 per cent (548 of 15,985). Geostationary satellites are few but large and
#     expensive, each serving a third of the Earth for 15 years or more, while low-orbit
#     constellations use thousands of small ones: counting satellites is not the same as
#     weighing capability.
#
# ## Summary
#
# - Every count of space objects belongs to a counter, a definition and a date:
#   CelesTrak's 15,985 are *working* satellites in July 2026, not all tracked objects.
# - About 95 per cent of working satellites are in low Earth orbit, and two in three are
#   Starlinks.
# - Most working satellites fly below 600 km, in shells one operator fills at one
#   altitude and inclination; the shells in the data sit at the licensed inclinations.
# - Names tell constellations apart only roughly; catalogue numbers and international
#   designators are the reliable keys.
#
# ## What's next
#
# To see what crowding means for collision risk, screen the same catalogue in the
# [Conjunctions lab](../conjunctions/index.md). For fresh data, download today's file
# from CelesTrak (see [Data sources](../../reference/data-sources.md)) and pass its path
# to `catalogue.read_gp_csv`.

# %% [markdown]
# ## References
#
# <!-- references -->
