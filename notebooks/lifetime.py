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
# # Orbital lifetime: how long does drag take?
#
# ## Overview
#
# Low Earth orbit cleans itself, slowly. The thin upper atmosphere drags on everything
# that moves through it, and an object that loses energy sinks into denser air, where it
# loses energy faster, until it burns up. How long that takes decides whether a dead
# satellite or a fragment is a problem for months or for millennia. In this lab you will:
#
# 1. compare three models of air density in orbit, including NRLMSISE-00;
# 2. compute orbital lifetime against altitude at solar minimum and solar maximum;
# 3. see how the area-to-mass ratio changes the answer;
# 4. compare lifetimes with the 25-year post-mission disposal guideline of the
#    Inter-Agency Space Debris Coordination Committee (IADC) [@iadc-sdm] and the US Federal
#    Communications Commission's (FCC's) 5-year rule, adopted in 2022 [@fcc2022debris]: satellites licensed
#    by the FCC or seeking access to the US market that end their missions below 2,000 km
#    and dispose of themselves by uncontrolled re-entry must re-enter "as soon as
#    practicable and no more than five years" after the end of their mission.
#
# ## Prerequisites
#
# | Concept | Importance | Notes |
# | --- | --- | --- |
# | [Mitigation, remediation and the capacity of LEO](../../debris/mitigation-and-capacity.md) | Necessary | The chapter this lab belongs to |
# | [Breakup lab](../breakup/index.md) | Helpful | Where fragments and their area-to-mass ratios come from |
# | Exponential functions | Helpful | Density falls by a factor $e$ every scale height |
#
# ## Time to learn
#
# About 30 minutes.

# %%
import numpy as np
import matplotlib.pyplot as plt

from shared_orbits import atmosphere, breakup
from shared_orbits.constants import MU_EARTH_M3_S2, R_EARTH_KM, SECONDS_PER_YEAR
from shared_orbits.plotting import book_style
from shared_orbits.published import compare_with_published

book_style()

# %% [markdown]
# ## How thin is the air in orbit?
#
# Near a given altitude the density falls roughly exponentially,
# $\rho(h) = \rho_0\, e^{-(h - h_0)/H}$, with a **scale height** $H$ of tens of
# kilometres. Vallado's textbook tabulates $\rho_0$ and $H$ in altitude bands for an
# average atmosphere [@vallado2013, Table 8-4]. At 400 km:

# %%
print(f"Exponential model at 400 km: {atmosphere.exponential_density_kg_m3(400.0):.3e} kg/m^3")
print(f"Sea level: {atmosphere.exponential_density_kg_m3(0.0):.3f} kg/m^3")

# %% [markdown]
# That is about three million-millionths of the density of air at sea level: little
# enough for a satellite to coast for years, but not nothing.
#
# The real upper atmosphere swells and shrinks with the Sun. Ultraviolet light from an
# active Sun heats it, and the heated gas expands upwards, so density at a fixed
# altitude rises. The **F10.7 index** (the Sun's radio flux at 10.7 cm wavelength, in
# solar flux units) tracks this activity: about 70 near solar minimum and 200 or more
# near a strong maximum. The **Ap index** measures geomagnetic activity; geomagnetic
# storms heat the atmosphere too. The NRLMSISE-00 model [@picone2002nrlmsise] takes both
# as inputs. Here it is averaged over latitude and local time, since a satellite samples
# both on every orbit.

# %%
solar = {"Solar minimum (F10.7 = 70, Ap = 4)": (70.0, 4.0),
         "Solar maximum (F10.7 = 200, Ap = 15)": (200.0, 15.0)}
h = np.arange(200.0, 1501.0, 10.0)

# %% alt="Log-scale line chart of air density against altitude from 200 to 1,500 km: the exponential model lies between NRLMSISE-00 at solar minimum and at solar maximum, and the maximum is about thirty times denser than the minimum at 600 km."
fig, ax = plt.subplots()
ax.semilogy(h, atmosphere.exponential_density_kg_m3(h), label="Exponential (Vallado)", color="0.3", ls="--")
for label, (f107, ap) in solar.items():
    ax.semilogy(h, atmosphere.msis_mean_density_kg_m3(h, f107, ap=ap), label="NRLMSISE-00, " + label.lower())
ax.set_xlabel("Altitude (km)")
ax.set_ylabel("Density (kg/m$^3$)")
ax.legend()
plt.show()

# %%
for label, (f107, ap) in solar.items():
    print(f"{label}: {atmosphere.msis_mean_density_kg_m3(600.0, f107, ap=ap):.2e} kg/m^3 at 600 km")

# %% [markdown]
# ## From density to lifetime
#
# Drag takes energy from the orbit, so its semi-major axis $a$ shrinks. For a nearly
# circular orbit
#
# $$
# \frac{da}{dt} = -\sqrt{\mu a}\;\rho(a)\;B, \qquad B = \frac{C_d A}{m},
# $$
#
# where $\mu$ is the Earth's gravitational parameter and $B$ the **ballistic
# coefficient**: drag coefficient $C_d$ (about 2.2 for a satellite) times
# cross-sectional area over mass. Since the rate depends only on altitude, the lifetime
# is the sum of the time spent crossing each kilometre on the way down. A typical
# satellite has $A/m \approx 0.01$ m²/kg; the breakup lab showed that fragments are often
# ten times lighter for their area.

# %% [markdown]
# ## Type the formula yourself
#
# Before integrating, work out one decay rate by hand, printing each intermediate value.
# Take a satellite with $A/m = 0.01$ m²/kg and $C_d = 2.2$ at 400 km, with Vallado's
# density there, $3.725 \times 10^{-12}$ kg/m³. Work in SI units (metres, seconds), then
# convert to kilometres per year.

# %%
a_m = (R_EARTH_KM + 400.0) * 1000.0               # semi-major axis, m
rho = 3.725e-12                                   # kg/m^3 (Vallado, Table 8-4)
B = 2.2 * 0.01                                    # ballistic coefficient Cd A/m, m^2/kg
da_dt = -np.sqrt(MU_EARTH_M3_S2 * a_m) * rho * B  # <- type da/dt = -sqrt(mu a) rho B, in m/s
km_per_year = da_dt * SECONDS_PER_YEAR / 1000.0
print(f"sqrt(mu a) = {np.sqrt(MU_EARTH_M3_S2 * a_m):.4e} m^2/s;  da/dt = {da_dt:.4e} m/s = {km_per_year:.1f} km/year")
print(f"package: {atmosphere.decay_rate_km_per_year(400.0, B):.1f} km/year")

# %%
am_satellite = 0.01  # m^2/kg
life = {"Exponential (average Sun)": atmosphere.orbital_lifetime_years(h, am_satellite)}
for label, (f107, ap) in solar.items():
    life[label] = atmosphere.orbital_lifetime_years(h, am_satellite, model="msis", f107=f107, ap=ap)

# %% alt="Log-scale line chart of orbital lifetime against altitude for a satellite with area-to-mass ratio 0.01 m2/kg: lifetimes grow from about a day at 200 km to about a decade at 600 km and more than a thousand years above 1,000 km for an average Sun, with solar minimum giving the longest lifetimes and solar maximum the shortest; horizontal lines at 25 and 5 years cross the curves between about 450 and 750 km."
fig, ax = plt.subplots()
styles = ["--", "-", "-"]
for (label, years), ls in zip(life.items(), styles):
    ax.semilogy(h, years, ls=ls, label=label, color="0.3" if ls == "--" else None)
ax.axhline(25, color="black", lw=1, ls=":")
ax.axhline(5, color="C2", lw=1, ls="-.")
ax.text(205, 32, "25-year guideline", color="black")
ax.text(205, 6.3, "FCC 5-year rule", color="C2")
ax.set_ylim(1e-3, 1e5)
ax.set_xlabel("Starting altitude (km)")
ax.set_ylabel("Years to re-entry")
ax.legend(loc="lower right")
plt.show()

# %% [markdown]
# Three things stand out:
#
# - **Altitude dominates.** Each 100 km higher multiplies the lifetime: several times
#   below about 800 km, less than twice above 1,000 km.
# - **The Sun matters.** At the same altitude between 300 and 1,500 km a satellite lasts
#   about 4 to 30 times longer at solar minimum than at maximum in this model. A real
#   decay of many years averages over the 11-year solar cycle and falls between the two
#   curves.
# - **The rules bite between about 450 and 750 km.** Below that, drag alone clears a dead
#   satellite within the guidelines; above it, a satellite must carry propellant to lower
#   its orbit at the end of its mission, or be removed.
#
# Where does each rule stop being met by drag alone?

# %%
def highest_altitude(years, limit):
    """Highest starting altitude whose lifetime is below ``limit`` years."""
    return np.interp(np.log(limit), np.log(years), h)


print(f"{'':38s} {'25 years':>9s} {'5 years':>9s}")
for label, years in life.items():
    print(f"{label:38s} {highest_altitude(years, 25):7.0f} km {highest_altitude(years, 5):7.0f} km")

# %% [markdown]
# ## Lighter for their size: area-to-mass ratio
#
# Lifetime is inversely proportional to $B$: double the area per kilogram and the object
# comes down twice as fast. That is why thin fragments and spent foil decay quickly while
# dense chunks linger, and why a dragsail can shorten a satellite's life.

# %% alt="Log-log line chart of lifetime against area-to-mass ratio from 0.001 to 1 m2/kg for starting altitudes of 500, 700 and 900 km: each line falls by a factor of ten for each tenfold increase in area-to-mass ratio."
am = np.logspace(-3, 0, 50)
fig, ax = plt.subplots()
for h0 in (500.0, 700.0, 900.0):
    ax.loglog(am, atmosphere.orbital_lifetime_years(h0, am), label=f"{h0:.0f} km")
ax.axhline(25, color="black", lw=1, ls=":")
ax.text(1.1e-3, 32, "25-year guideline")
ax.set_xlabel("Area-to-mass ratio $A/m$ (m$^2$/kg)")
ax.set_ylabel("Years to re-entry (average Sun)")
ax.legend(title="Starting altitude")
plt.show()

# %% [markdown]
# ## A simpler model: the IPS recipe
#
# The Australian IPS Radio and Space Services published a short recipe [@ips-decay] for
# decay below about 500 km, with a density that depends on F10.7 and Ap through an exospheric
# temperature $T = 900 + 2.5\,(F10.7 - 70) + 1.5\,Ap$ kelvin. Its step
# $\Delta P = 3\pi (A/m)\, a\, \rho\, \Delta t$ for the period is the same law as above with
# $B = A/m$. With the same ballistic coefficient in both, the recipe agrees with
# NRLMSISE-00 to within about 15 per cent at these altitudes:

# %%
h_low = np.array([300.0, 350.0, 400.0, 450.0])
ips = atmosphere.orbital_lifetime_years(h_low, am_satellite, drag_coefficient=2.2, model="ips", f107=150.0, ap=15.0)
msis = atmosphere.orbital_lifetime_years(h_low, am_satellite, drag_coefficient=2.2, model="msis", f107=150.0, ap=15.0,
                                         reentry_altitude_km=180.0)
for hk, a, b in zip(h_low, ips, msis):
    print(f"{hk:4.0f} km: IPS {a * 365.25:7.0f} days, NRLMSISE-00 {b * 365.25:7.0f} days (F10.7 = 150, Ap = 15)")

# %% [markdown]
# ## Check against published results
#
# Two published references, neither computed by the models this lab runs:
#
# - **Density.** Vallado's Table 8-4, built from the CIRA-72 reference atmosphere, gives
#   $3.725 \times 10^{-12}$ kg/m³ at 400 km for an average atmosphere
#   [@vallado2013]. NRLMSISE-00, a different and newer model, averaged over
#   the globe at moderate solar activity (F10.7 = 150), must agree within a factor of
#   two: the two models describe the same air.
# - **Lifetime.** NASA's Orbital Debris Program Office says that at 800 km "the time for
#   orbital decay is often measured in decades" [@nasa-odpo-faq]: between 10 and 100
#   years, that is, $\log_{10}$ of the lifetime in years between 1 and 2. NASA speaks of
#   debris, so we take a typical fragment of 10 cm: the median area-to-mass ratio that the
#   NASA standard breakup model gives such fragments [@johnson2001breakup] (the
#   [Breakup lab](../breakup/index.md) samples the same distribution). A whole satellite,
#   with $A/m$ = 0.01 m²/kg, stays about ten times longer: centuries, not decades.

# %%
rho_msis_400 = atmosphere.msis_mean_density_kg_m3(400.0, 150.0, ap=15.0)
am_fragment = float(np.median(breakup.sample_area_to_mass_m2_kg(np.full(20_000, 0.1), "spacecraft",
                                                                 np.random.default_rng(2026))))
t_800 = atmosphere.orbital_lifetime_years(800.0, am_fragment)
compare_with_published("density at 400 km, NRLMSISE-00 mean (kg/m^3)", rho_msis_400, 3.725e-12,
                       source="vallado2013", rel_tol=0.5)
compare_with_published("log10 of a 10 cm fragment's lifetime at 800 km (years)", np.log10(t_800), 1.5,
                       source="nasa-odpo-faq", abs_tol=0.5)
print(f"median A/m of 10 cm fragments: {am_fragment:.3f} m^2/kg; lifetime at 800 km: {t_800:.0f} years; "
      f"a satellite with A/m = 0.01 m^2/kg: {atmosphere.orbital_lifetime_years(800.0, am_satellite):.0f} years")
print("Check against Vallado (2013), Table 8-4, and NASA ODPO: passed")

# %% [markdown]
# ## Try it yourself
#
# !!! question "Try it yourself"
#
#     In the "Type the formula yourself" cell, change the altitude to 700 km and the
#     density to Vallado's value there, $3.614 \times 10^{-14}$ kg/m³. How much slower is
#     the decay than at 400 km?
#
# ??? success "Answer"
#
#     About a hundred times slower (about 1.3 km a year against about 134 km a year),
#     almost entirely because the air is a hundred times thinner; $\sqrt{\mu a}$
#     changes by only 2 per cent.
#
# !!! question "Try it yourself"
#
#     Double the area-to-mass ratio: set `am_satellite = 0.02` and rerun the lifetime
#     cells. How does the highest altitude that meets the 25-year guideline move?
#
# ??? success "Answer"
#
#     Up, by about 50 km (from about 650 to about 700 km for an average Sun): lifetime
#     halves at every altitude, and because
#     lifetime grows steeply with altitude, a factor of two is made up by a modest
#     climb. A drag sail works the same way, on a much larger scale.
#
# !!! question "Try it yourself"
#
#     In the check cell, use solar minimum instead: `msis_mean_density_kg_m3(400.0, 70.0,
#     ap=4.0)`. Does the check still pass? What does that tell you about quoting "the"
#     density at 400 km?
#
# ??? success "Answer"
#
#     No: at solar minimum NRLMSISE-00 gives about a fifth of Vallado's average, outside
#     the factor-of-two tolerance. The density at a given altitude changes several-fold
#     over the solar cycle, so any single value needs its solar conditions.

# %% [markdown]
# ## Summary
#
# - Drag shrinks an orbit at $da/dt = -\sqrt{\mu a}\,\rho B$; the lifetime adds up the time
#   spent at each altitude on the way down.
# - Density, and so lifetime, changes by orders of magnitude with altitude: about a day at
#   200 km, about a decade at 600 km, centuries at 800 km, millennia above 1,000 km.
# - Solar activity changes lifetimes by up to about thirty-fold in this model; real decays
#   average over solar cycles.
# - Lifetime is inversely proportional to area-to-mass ratio.
# - The 25-year guideline and the FCC's 5-year rule are met by drag alone only below
#   roughly 450 to 750 km, depending on the Sun; higher satellites need a disposal
#   manoeuvre.
#
# ## What's next
#
# The [LEO capacity lab](../leo-capacity/index.md) uses these decay rates to move objects
# down through altitude shells in a model of the whole population.

# %% [markdown]
# ## References
#
# <!-- references -->
