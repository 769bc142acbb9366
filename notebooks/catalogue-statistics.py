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
# and the figures of [The debris environment](../../debris/debris-environment.md), using a
# small table of published counts in which every row carries its source and its date.
# You will:
#
# 1. load a documented data table and read its sources;
# 2. break the tracked catalogue down by type of object;
# 3. compare tracked counts with model estimates, and follow both over the years;
# 4. follow the number of working satellites, and see why two organisations' counts differ;
# 5. look at where objects are: low Earth orbit, the geostationary ring, and the debris
#    of five break-ups at different altitudes;
# 6. check the table's totals against the published figures.
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | [Reading space statistics](../../domain/who-is-in-space.md#reading-space-statistics) | Necessary | The four questions to ask of any figure |
# | [How much debris is there?](../../debris/debris-environment.md#how-much-debris-is-there) | Necessary | Tracked counts against model estimates |
# | [Where debris is: the altitude distribution](../../debris/debris-environment.md#where-debris-is-the-altitude-distribution) | Helpful | Why altitude decides how long debris stays |
# | Percentages and logarithmic axes | Helpful | Used throughout |
#
# ## Time to learn
#
# About 30 minutes; the lab runs in a few seconds.

# %%
import csv
import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

import shared_orbits
from shared_orbits.plotting import book_style

book_style()

# the data folder beside this notebook, or the one in the book's repository
DATA = Path("data")
if not (DATA / "catalogue.csv").exists():
    DATA = Path(shared_orbits.__file__).resolve().parents[2] / "notebooks" / "data"

# %% [markdown]
# ## The data table
#
# `data/catalogue.csv` holds published counts only. Each row says what was counted
# (`measure`: *tracked* objects in a catalogue, *catalogued* fragments of one event,
# *active* satellites, or model *estimates*), where (`regime`), the `source` and the date
# the count applies to (`as_of`). Some sources are secondary, a summary or quotation of
# the original report; the `notes` column says so. Before using any number, ask the
# chapter's four questions: who counted, what exactly was counted, as of what date, and
# by which rule.

# %%
with open(DATA / "catalogue.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
for row in rows:
    row["count"] = int(row["count"])


def select(group):
    return [r for r in rows if r["group"] == group]


print(f"{len(rows)} rows in {len({r['group'] for r in rows})} groups\n")
print(f"{'group':17} {'rows':>4}  sources")
for group in dict.fromkeys(r["group"] for r in rows):
    sources = {re.split(r"[,:]", r["source"])[0] for r in select(group)}  # short names
    print(f"{group:17} {len(select(group)):4d}  {'; '.join(sorted(sources))}")

# %% [markdown]
# ## What is tracked, by type
#
# ESA's Space Environment Report 2025 counted 39,246 tracked objects in 2024 and sorted
# them by type. The summary we quote lists the three largest types; the rest (rocket
# bodies, payload fragmentation debris, mission-related objects and others) we show
# together as the difference from the total.

# %%
by_type = select("type_2024")
total_2024 = next(r["count"] for r in by_type if r["label"] == "All tracked objects")
parts = [(r["label"], r["count"]) for r in by_type if r["label"] != "All tracked objects"]
parts.append(("Other types (total minus the rows above)", total_2024 - sum(c for _, c in parts)))
print(f"{'type (ESA, 2024)':42} {'objects':>8} {'share':>7}")
for label, count in parts:
    print(f"{label:42} {count:8,} {count / total_2024:7.1%}")
print(f"{'All tracked objects':42} {total_2024:8,}")

# %% alt="Horizontal bar chart of the 39,246 objects tracked in 2024 by type, from ESA's Space Environment Report 2025: payloads 13,672, unidentified objects 7,967, rocket fragmentation debris 7,767 and other types 9,840. Only about a third of tracked objects are payloads; the rest are debris, rocket bodies and unidentified objects."
fig, ax = plt.subplots(figsize=(7, 3))
labels = [label.replace(" (total minus the rows above)", "\n(difference from total)") for label, _ in parts]
ax.barh(labels[::-1], [c for _, c in parts][::-1], color=["C3", "C2", "C1", "C0"])
for y, (_, c) in enumerate(parts[::-1]):
    ax.text(c + 200, y, f"{c:,}", va="center", fontsize=10)
ax.set(xlabel="tracked objects", xlim=(0, 16000), title="Tracked objects by type, 2024 (ESA)")
plt.show()

# %% [markdown]
# Only about a third of what is tracked is a payload, and ESA counted about 11,000 *active*
# payloads in the same report, so most tracked objects are not working satellites, while
# most payloads are. One object in five is "unidentified": tracked, but not traced to the
# launch or break-up it came from.
#
# ## Tracked against estimated, over the years
#
# The catalogue lists objects that sensors follow, down to about 5 to 10 cm in low Earth
# orbit. Below that size ESA relies on its MASTER model, which combines known sources of
# debris with radar and impact measurements. Here are ESA's published estimates as they
# changed from 2013 to 2024, beside the tracked count.

# %%
estimates = select("estimate_by_year")
years = sorted({r["year"] for r in estimates if r["measure"] == "estimated"})
large = {r["year"]: r["count"] for r in estimates if r["label"] == "Debris larger than 10 cm"}
small = {r["year"]: r["count"] for r in estimates if r["label"] == "Debris 1 to 10 cm"}
print(f"{'as of':>6} {'> 10 cm (estimated)':>20} {'1-10 cm (estimated)':>20}")
for y in years:
    print(f"{y:>6} {large[y]:20,} {small[y]:20,}")
tracked_2024 = next(r["count"] for r in estimates if r["measure"] == "tracked")
print(f"\ntracked in 2024: {tracked_2024:,}; estimated larger than 10 cm: {large['2024']:,} "
      f"({large['2024'] / tracked_2024:.1f} times as many)")

# %% alt="Line chart on a logarithmic scale of ESA's published estimates of debris in orbit in 2013, 2019, 2021 and 2024: objects larger than 10 cm rise from 29,000 to 54,000 and objects of 1 to 10 cm (published as larger than 1 cm in 2013 and 2019) from 670,000 to 1.2 million; a single point marks the 39,246 tracked objects of 2024. The estimated population is many times the tracked one, and every figure needs its date."
fig, ax = plt.subplots()
x = [int(y) for y in years]
ax.plot(x, [small[y] for y in years], "o-", label="estimated, 1 to 10 cm")
ax.plot(x, [large[y] for y in years], "s-", label="estimated, larger than 10 cm")
ax.plot([2024], [tracked_2024], "k^", markersize=9, label="tracked (catalogued)")
ax.set(yscale="log", ylim=(1e4, 3e6), xlabel="year of the published figure", ylabel="objects",
       title="ESA's estimates and the tracked catalogue")
ax.legend(loc="center right", fontsize=9)
plt.show()

# %% [markdown]
# Three cautions. First, an estimate changes both because the population grows and because
# the model improves, so the rise from 29,000 to 54,000 is not all new debris. Second,
# tracked and estimated counts answer different questions: the tracked count includes
# working satellites; the estimates describe debris (though ESA's 2019 figure of 34,000
# objects larger than 10 cm said it included about 2,000 active satellites). Quote them
# side by side, never as one series. Third, the 1 to 10 cm series is not quite one size
# band: ESA published its 2013 and 2019 figures as objects "larger than 1 cm"; the `notes`
# column says so.
#
# ## Working satellites
#
# The number of working satellites has grown quickly, driven largely by the broadband
# constellations: by the end of 2020 Starlink alone made up 26% of the UCS count. Two organisations counted them: the Union of Concerned
# Scientists (UCS) in its Satellite Database, and ESA in its annual report.

# %%
active = select("active_by_year")
print(f"{'as of':>11} {'active':>8}  counted by")
for r in active:
    print(f"{r['as_of']:>11} {r['count']:8,}  {r['source'].split(',')[0]}")
ucs = [r for r in active if "UCS" in r["label"]]
growth = ucs[1]["count"] / ucs[0]["count"]
span_years = 2023 + 4 / 12 - 2021.0  # 31 Dec 2020 to 1 May 2023
doubling = span_years * np.log(2) / np.log(growth)
print(f"\nUCS count grew {growth:.2f} times in {span_years:.1f} years: it doubled about every {doubling:.1f} years")

# %% alt="Bar chart of working satellites as counted by two organisations: 3,372 (UCS, end of 2020), 7,560 (UCS, May 2023) and about 11,000 active payloads (ESA, April 2025). The UCS count more than doubled in under two and a half years, and ESA's later count is higher still; the bars are coloured by who counted, because the two use different definitions."
fig, ax = plt.subplots()
labels = [f"{r['as_of']}\n{'UCS' if 'UCS' in r['label'] else 'ESA'}" for r in active]
ax.bar(labels, [r["count"] for r in active], color=["C0" if "UCS" in r["label"] else "C1" for r in active])
for k, r in enumerate(active):
    ax.text(k, r["count"] + 200, f"{r['count']:,}", ha="center")
ax.set(ylabel="working satellites", ylim=(0, 13000), title="Working satellites: two counters")
plt.show()

# %% [markdown]
# The UCS and ESA counts use different definitions ("actively-operating satellites" in
# one, "active payloads" in the other) and different cut-off dates, so the ESA bar is
# not simply the next point of the UCS series. The trend is clear all the same: a
# doubling roughly every two years.
#
# ## Where objects are
#
# **Low Earth orbit dominates.** In UCS database figures quoted by Bright Ascension in 2022,
# 4,078 of "more than 4,850" working satellites were in low Earth orbit (LEO), generally
# taken as below 2,000 km: about five in six.

# %%
regime = select("regime_2022")
leo = next(r["count"] for r in regime if r["regime"] == "LEO")
all_active = next(r["count"] for r in regime if r["regime"] == "all orbits")
print(f"share of working satellites in LEO (UCS, 2022): at most {leo / all_active:.0%}")

# %% [markdown]
# **The geostationary ring is mostly uncontrolled.** ESA's annual classification of
# objects near the geostationary ring (status on 1 January 2016) found 1,434 objects with
# orbital data, of which only 471 were actively controlled. Most of the rest drift above,
# below or through the ring or oscillate about its stable points (libration), with nothing
# to stop them.

# %% alt="Horizontal bar chart of the 1,434 objects near the geostationary ring on 1 January 2016, from ESA: 471 actively controlled, 747 drifting above, below or through the ring, 190 in libration orbits, 15 highly inclined and 11 undetermined. Two objects in three near the ring are not controlled."
geo = [r for r in select("geo_2016") if r["label"] != "All objects with orbital data"]
fig, ax = plt.subplots(figsize=(7, 3))
ax.barh([r["label"] for r in geo][::-1], [r["count"] for r in geo][::-1], color="C5")
for y, r in enumerate(geo[::-1]):
    ax.text(r["count"] + 10, y, f"{r['count']:,}", va="center", fontsize=10)
ax.set(xlabel="objects", xlim=(0, 900), title="Objects near the geostationary ring, 1 Jan 2016 (ESA)")
plt.show()

# %% [markdown]
# **Altitude decides how long debris stays.** The last group of rows gives, for five
# destructive events in low Earth orbit, the fragments catalogued and, where published,
# how many were still in orbit in February 2026. The chapter quotes NASA's rule of thumb:
# debris below 600 km falls back within several years, while at 800 km decay is "often
# measured in centuries".

# %%
events = select("event")
main = [r for r in events if "still in orbit" not in r["label"]]
remaining = {r["label"].split(":")[0]: r["count"] for r in events if "still in orbit" in r["label"]}
print(f"{'event':48} {'catalogued':>10} {'in orbit Feb 2026':>18}")
for r in main:
    name = r["label"]
    left = remaining.get(name.split(" (")[0])
    left_text = f"{left:,} ({left / r['count']:.1%})" if left is not None else "not in table"
    print(f"{name:48} {r['count']:10,} {left_text:>18}")

# %% alt="Horizontal bar chart of catalogued fragments from five destructive events in low Earth orbit, ordered by altitude, with the part still in orbit in February 2026 overlaid: USA-193 at about 220 to 240 km (175, none left), Mission Shakti at about 283 km (130, none left), Kosmos 1408 at 465 to 490 km (1,807, 5 left), Iridium 33 and Cosmos 2251 at 789 km (1,632 catalogued by December 2009) and Fengyun-1C at about 865 km (3,532, of which 2,351 remain). Debris from the low tests has almost all gone; two thirds of the Fengyun-1C debris is still in orbit 19 years later."
def altitude_in_label(label):
    """The (lowest) altitude in km written in a label such as 'Name (2007; about 865 km)'."""
    return float(re.search(r"; (?:about )?(\d+)", label).group(1))


order = sorted(main, key=lambda r: altitude_in_label(r["label"]))
fig, ax = plt.subplots(figsize=(7.5, 3.6))
names = [r["label"].split(" (")[0].replace(" ASAT test", "").replace(" collision", "") + " (" +
         r["label"].split("; ")[1] for r in order]
ax.barh(names, [r["count"] for r in order], color="0.7", label="catalogued")
left = [remaining.get(r["label"].split(" (")[0], np.nan) for r in order]
ax.barh(names, np.nan_to_num(left), color="C1", label="still in orbit, Feb 2026")
ax.invert_yaxis()  # lowest altitude at the top
ax.set(xlabel="fragments", title="Destructive events by altitude: what remains")
ax.tick_params(axis="y", labelsize=9)
ax.legend(loc="center right")
plt.show()

# %% [markdown]
# The three tests below 500 km left almost nothing after a few years; the Fengyun-1C test
# at about 865 km left two thirds of its catalogued debris in orbit nineteen years later.
# (The table has no 2026 figure for the Iridium 33 and Cosmos 2251 collision, so only its
# 2009 count is shown.) This is why the chapter says the altitude of a test or collision
# matters as much as its size.
#
# ## Check against published results
#
# The table must agree with the figures its sources publish:
#
# - ESA's report, as summarised by The Earth & I, gives the shares of payloads (34.8%),
#   unidentified objects (20.3%) and rocket fragmentation debris (20%) among the 39,246
#   tracked objects;
# - ESA's web article on the report (1 April 2025) rounds the tracked total to "about
#   40 000";
# - ESA's 2016 classification of geostationary objects gives 1,434 objects with orbital
#   data and 1,484 known objects in all, 50 of them without orbital data.

# %%
shares = {label: count / total_2024 for label, count in parts}
checks = [
    ("payload share", shares["Payloads"], 0.348, 0.0005),
    ("unidentified share", shares["Unidentified objects"], 0.203, 0.0005),
    ("rocket fragmentation share", shares["Rocket fragmentation debris"], 0.20, 0.005),
    ("tracked total / 40,000", total_2024 / 40000, 1.0, 0.05),
]
geo_rows = select("geo_2016")
geo_sum = sum(r["count"] for r in geo_rows if r["label"] != "All objects with orbital data")
geo_total = next(r["count"] for r in geo_rows if r["label"] == "All objects with orbital data")
for name, value, published, tol in checks:
    print(f"{name:28} table {value:.4f}  published {published:.3f}")
    assert abs(value - published) <= tol, name
print(f"{'GEO classes summed':28} table {geo_sum:,}  published {geo_total:,}; with 50 without data: {geo_sum + 50:,} (published 1,484)")
assert geo_sum == geo_total == 1434 and geo_sum + 50 == 1484
print("Check against ESA Space Environment Report 2025 and ESA Classification of Geosynchronous Objects (2016): passed")

# %% [markdown]
# ## Summary
#
# - Every count of space objects belongs to a counter, a definition and a date; a number
#   without them is of little use.
# - About a third of the roughly 39,000 tracked objects are payloads, and about 11,000
#   payloads work, so most tracked objects are not working satellites; one tracked object
#   in five is unidentified.
# - Model estimates of debris larger than 10 cm exceed the tracked catalogue, and estimates
#   of 1 to 10 cm debris run to over a million; published estimates change with both the
#   population and the model.
# - The number of working satellites doubled roughly every two years in the early 2020s,
#   and most of them are in low Earth orbit.
# - Near the geostationary ring, two objects in three were uncontrolled in 2016.
# - Altitude decides how long debris stays: low tests cleared within a few years, while
#   most Fengyun-1C debris is still in orbit.
#
# ## What's next
#
# To see what crowding means for collision risk, screen a synthetic population in the
# [Conjunctions lab](../conjunctions/index.md). For fresh data, download catalogue data
# from CelesTrak or space-track.org (see [Data sources](../../reference/data-sources.md)),
# or take counts from a newer ESA Space Environment Report, and add rows to the table with
# their source and date.
#
# **Try it.** Add a row for a newer count you find in an ESA or NASA publication, with its
# source and `as_of` date, and rerun the lab. Which figures in the table are secondary
# quotations? How would you confirm them?
