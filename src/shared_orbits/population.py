"""A source-sink model of the low-Earth-orbit population, shell by shell.

After MOCAT-SSEM (D'Ambrosio, Lifson and Linares 2022, "The capacity of low Earth orbit
computed using source-sink modeling", arXiv:2206.05345): LEO is cut into spherical
shells of altitude, and in each shell three species are counted,

- S, active satellites: launched, station-kept against drag, retired after their
  mission lifetime;
- D, derelicts: retired satellites that were not disposed of, pulled down by drag;
- N, debris: fragments (here those of 10 cm and larger), pulled down by drag.

The rates of change in shell k are

    dS/dt = lambda_k - S/dt_life - (collisions involving S)
    dD/dt = (1 - P_M) S/dt_life + drag in - drag out - (collisions involving D)
    dN/dt = drag in - drag out + (fragments from collisions) - (collisions involving N)

Collisions between species i and j in a shell of volume V happen at the rate
phi_ij X_i X_j (half that for i = j) with phi_ij = pi v_imp sigma_ij / V and
sigma_ij = (r_i + r_j)^2 (so pi sigma_ij is the collision cross-section). Each
collision destroys both objects and makes the number of fragments the NASA standard
breakup model gives (:mod:`shared_orbits.breakup`), left in the same shell.
Drag moves objects from a shell into the one below at the rate X |dh/dt| / (shell
width), with |dh/dt| from :mod:`shared_orbits.atmosphere`; from the lowest shell they
re-enter.

The default species properties and avoidance fractions are illustrative round numbers
chosen for teaching, not MOCAT-SSEM's calibrated values.

The module also holds the one-shell model in the spirit of Kessler (1991, Adv. Space
Res. 11(12):63), dN/dt = A + B N + C N^2, whose equilibria exist only when B^2 >= 4AC.
"""

from __future__ import annotations

import numpy as np
from scipy.integrate import solve_ivp

from . import atmosphere, breakup
from ._checks import as_finite, finite_result, in_range, nonnegative, positive, scalar, shape

from .constants import R_EARTH_KM, SECONDS_PER_YEAR

SPECIES = ("S", "D", "N")

#: Impact speed (km/s): two objects bound to the Earth meet at under 25 km/s (twice the
#: escape speed at the surface), the same bound as :data:`shared_orbits.breakup.V_REL_RANGE_M_S`.
V_IMP_RANGE_KM_S = (0.0, 25.0)

#: Collision radius of one object (m): up to 1 km, ten times the span of the largest
#: object ever in orbit (the International Space Station, about 110 m).
RADIUS_RANGE_M = (0.0, 1000.0)

#: Volume of a shell (km^3): from 1 km^3 (a 1 m thick shell at the lowest altitude already
#: holds 5e5 km^3) to 1e15 km^3 (more than the whole sphere out to 40,000 km altitude).
VOLUME_RANGE_KM3 = (1.0, 1e15)

#: Objects of one species in one shell, at the start or injected: at most 1e9, more than
#: all the debris larger than 1 mm estimated in every orbit (about 1e8); beyond, the
#: collision terms make the equations too stiff to integrate.
MAX_COUNT = 1e9

#: Launches into one shell per year: at most 1e6, several hundred times the number of
#: satellites launched worldwide in any year so far.
MAX_LAUNCH_RATE_PER_YR = 1e6

#: Active lifetime of a satellite (years): from about four days to a thousand years.
MISSION_LIFE_RANGE_YR = (0.01, 1000.0)

#: Illustrative species properties: mass (kg), collision radius (m) and ballistic
#: coefficient B = Cd A/m (m^2/kg). Satellites of 250 kg and 1 m radius (Cd 2.2, A = pi m^2);
#: debris of 10 cm (A = 0.0056 m^2 by the breakup model's area law) and 0.1 kg.
DEFAULT_SPECIES = {
    "mass_kg": {"S": 250.0, "D": 250.0, "N": 0.1},
    "radius_m": {"S": 1.0, "D": 1.0, "N": 0.05},
    "ballistic_m2_kg": {"S": 2.2 * np.pi / 250.0, "D": 2.2 * np.pi / 250.0, "N": 2.2 * 0.0056 / 0.1},
}

#: Fraction of potential collisions an active satellite fails to avoid, against another
#: active satellite and against a derelict or a tracked fragment.
DEFAULT_FAILURE = {"active": 0.01, "other": 0.2}

_PAIRS = (("S", "S"), ("S", "D"), ("S", "N"), ("D", "D"), ("D", "N"), ("N", "N"))
_ACCOUNTS = ("launched", "disposed", "reentered", "destroyed", "created")


def shell_edges_km(low_km=200.0, high_km=2000.0, width_km=50.0):
    """Edges (km) of altitude shells of equal width from ``low_km`` to ``high_km``."""
    lo = float(shape("low_km", in_range("low_km", low_km, 80.0, 40000.0), ()))
    hi = float(shape("high_km", in_range("high_km", high_km, 80.0, 40000.0), ()))
    w = float(shape("width_km", positive("width_km", width_km), ()))
    if hi <= lo:
        raise ValueError(f"high_km must be above low_km, got {hi} <= {lo}")
    n = int(round((hi - lo) / w))
    if n < 1 or n > 2000 or abs(lo + n * w - hi) > 1e-6 * w:
        raise ValueError(f"width_km must divide high_km - low_km into 1 to 2000 shells, got {w}")
    return lo + w * np.arange(n + 1)


def _edges(edges_km):
    e = shape("edges_km", in_range("edges_km", edges_km, 80.0, 40000.0), (None,))
    if e.size < 2 or np.any(np.diff(e) <= 0):
        raise ValueError("edges_km must hold at least two strictly increasing altitudes")
    return e


def shell_volume_km3(edges_km):
    """Volume (km^3) of each spherical shell between consecutive edges: 4/3 pi (r_hi^3 - r_lo^3)."""
    r = R_EARTH_KM + _edges(edges_km)
    return 4.0 / 3.0 * np.pi * (r[1:] ** 3 - r[:-1] ** 3)


def collision_rate_coefficient_per_yr(v_imp_km_s, radius1_m, radius2_m, volume_km3):
    """phi = pi v_imp sigma / V (per year per pair of objects), sigma = (r1 + r2)^2.

    Kinetic-gas estimate: an object sweeps a volume pi (r1 + r2)^2 v per unit time; the
    chance that a given other object sits in it is that volume over the shell's volume.
    Bounds: :data:`V_IMP_RANGE_KM_S`, :data:`RADIUS_RANGE_M`, :data:`VOLUME_RANGE_KM3`.
    """
    v = in_range("v_imp_km_s", nonnegative("v_imp_km_s", v_imp_km_s), *V_IMP_RANGE_KM_S)
    r1 = in_range("radius1_m", nonnegative("radius1_m", radius1_m), *RADIUS_RANGE_M)
    r2 = in_range("radius2_m", nonnegative("radius2_m", radius2_m), *RADIUS_RANGE_M)
    vol = in_range("volume_km3", positive("volume_km3", volume_km3), *VOLUME_RANGE_KM3)
    sigma_km2 = ((r1 + r2) / 1000.0) ** 2
    return scalar(np.pi * v * sigma_km2 / vol * SECONDS_PER_YEAR)


def fragments_to_shells(altitude_km, edges_km):
    """Count fragments per shell from their altitudes (km); those outside are dropped.

    Use the mean altitude (perigee + apogee) / 2 of each fragment of a breakup cloud
    (:func:`shared_orbits.breakup.cloud_orbits`) to turn a cloud into an injection.
    """
    h = as_finite("altitude_km", altitude_km).ravel()
    counts, _ = np.histogram(h, bins=_edges(edges_km))
    return counts.astype(float)


def _per_shell(name, value, n, high=MAX_COUNT):
    arr = in_range(name, nonnegative(name, value), 0.0, high)
    if arr.ndim == 0:
        return np.full(n, float(arr))
    return shape(name, arr, (n,)).astype(float)


def simulate(years, edges_km, launch_rate_per_yr, initial_S=0.0, initial_D=0.0, initial_N=0.0, *,
             mission_life_yr=5.0, disposal_compliance=0.9, v_imp_km_s=10.0,
             species=None, failure=None, collisions=True, drag=True, injections=(),
             density_model="exponential", f107=150.0, ap=15.0, n_out=201):
    """Integrate the shell model for ``years`` years with scipy's ``solve_ivp``.

    Parameters (per-shell arrays have one value per shell, or a single number for all):
    ``launch_rate_per_yr`` satellites launched into each shell per year; ``initial_S``,
    ``initial_D``, ``initial_N`` starting counts; ``mission_life_yr`` active lifetime;
    ``disposal_compliance`` P_M, the fraction of retiring satellites removed at once;
    ``collisions`` and ``drag`` switch those processes; ``injections`` a sequence of
    ``(year, counts_per_shell)`` adding debris at that time (e.g. an anti-satellite
    test, see :func:`fragments_to_shells`); ``density_model``, ``f107`` and ``ap`` are
    passed to :func:`shared_orbits.atmosphere.decay_rate_km_per_year`. Counts are at most
    :data:`MAX_COUNT`, launch rates :data:`MAX_LAUNCH_RATE_PER_YR`, the mission life within
    :data:`MISSION_LIFE_RANGE_YR` and the impact speed within :data:`V_IMP_RANGE_KM_S`.

    Returns a dict: ``t_yr`` (n_out,), ``S``, ``D``, ``N`` (n_out, n_shells), and the
    running totals ``launched``, ``disposed``, ``reentered``, ``destroyed`` (objects lost
    in collisions), ``created`` (fragments made) and ``injected``, which balance exactly:
    total(t) = total(0) + launched - disposed - reentered - destroyed + created + injected.
    """
    t_end = float(shape("years", in_range("years", years, 0.0, 10000.0), ()))
    edges = _edges(edges_km)
    n = edges.size - 1
    lam = _per_shell("launch_rate_per_yr", launch_rate_per_yr, n, MAX_LAUNCH_RATE_PER_YR)
    y0 = np.concatenate([_per_shell(f"initial_{s}", v, n) for s, v in zip(SPECIES, (initial_S, initial_D, initial_N))])
    life = float(shape("mission_life_yr", in_range("mission_life_yr", positive("mission_life_yr", mission_life_yr),
                                                    *MISSION_LIFE_RANGE_YR), ()))
    pm = float(shape("disposal_compliance", in_range("disposal_compliance", disposal_compliance, 0.0, 1.0), ()))
    v = float(shape("v_imp_km_s", in_range("v_imp_km_s", nonnegative("v_imp_km_s", v_imp_km_s), *V_IMP_RANGE_KM_S), ()))
    n_out = int(shape("n_out", in_range("n_out", n_out, 2, 100000), ()))
    sp = {k: dict(DEFAULT_SPECIES[k]) for k in DEFAULT_SPECIES}
    for key, values in (species or {}).items():
        if key not in sp or not isinstance(values, dict) or not set(values) <= set(SPECIES):
            raise ValueError(f"species must map mass_kg/radius_m/ballistic_m2_kg to S/D/N values, got {key!r}")
        for s, val in values.items():
            sp[key][s] = float(shape(f"species[{key}][{s}]", positive(f"species[{key}][{s}]", val), ()))
    fail = dict(DEFAULT_FAILURE)
    for key, val in (failure or {}).items():
        if key not in fail:
            raise ValueError(f"failure keys must be 'active' and 'other', got {key!r}")
        fail[key] = float(shape(f"failure[{key}]", in_range(f"failure[{key}]", val, 0.0, 1.0), ()))
    kicks = []
    for item in injections:
        try:
            when, counts = item
        except (TypeError, ValueError) as exc:
            raise ValueError("injections must be a sequence of (year, counts_per_shell) pairs") from exc
        when = float(shape("injection year", in_range("injection year", when, 0.0, t_end), ()))
        kicks.append((when, _per_shell("injection counts", counts, n)))
    kicks.sort(key=lambda k: k[0])

    centre = 0.5 * (edges[:-1] + edges[1:])
    width = np.diff(edges)
    volume = shell_volume_km3(edges)
    # drag: fraction of each species leaving each shell per year (S is station-kept)
    out_rate = {"S": np.zeros(n)}
    for s in ("D", "N"):
        if drag:
            rate = atmosphere.decay_rate_km_per_year(np.clip(centre, 80.0, atmosphere.MAX_ALTITUDE_KM),
                                                     sp["ballistic_m2_kg"][s], density_model, f107, None, ap)
            out_rate[s] = np.atleast_1d(rate) / width
        else:
            out_rate[s] = np.zeros(n)
    # collisions: rate coefficient, avoidance factor and fragments per collision, per pair
    pair_terms = []
    if collisions:
        for a, b in _PAIRS:
            phi = np.atleast_1d(collision_rate_coefficient_per_yr(v, sp["radius_m"][a], sp["radius_m"][b], volume))
            if a == "S" and b == "S":
                phi = phi * fail["active"]
            elif "S" in (a, b):
                phi = phi * fail["other"]
            if a == b:
                phi = phi * 0.5
            frags = breakup.collision_fragment_count(sp["mass_kg"][a], sp["mass_kg"][b], v * 1000.0, 0.1) if v > 0 else 0.0
            pair_terms.append((SPECIES.index(a), SPECIES.index(b), phi, float(frags)))

    def rhs(_t, y):
        x = np.maximum(y[: 3 * n].reshape(3, n), 0.0)
        d = np.zeros((3, n))
        retire = x[0] / life
        d[0] += lam - retire
        d[1] += (1.0 - pm) * retire
        reentered = 0.0
        for k, s in enumerate(SPECIES):
            leave = out_rate[s] * x[k]
            d[k] -= leave
            d[k, :-1] += leave[1:]
            reentered += leave[0]
        destroyed = created = 0.0
        for i, j, phi, frags in pair_terms:
            rate = phi * x[i] * x[j]
            d[i] -= rate
            d[j] -= rate
            d[2] += frags * rate
            destroyed += 2.0 * rate.sum()
            created += frags * rate.sum()
        accounts = [lam.sum(), pm * retire.sum(), reentered, destroyed, created]
        return np.concatenate([d.ravel(), accounts])

    t_eval = np.linspace(0.0, t_end, n_out)
    state = np.concatenate([y0, np.zeros(len(_ACCOUNTS))])
    injected = np.zeros(n_out)
    pieces_t, pieces_y = [], []
    bounds = [0.0] + [k[0] for k in kicks] + [t_end]
    total_injected = 0.0
    for seg, (t0, t1) in enumerate(zip(bounds[:-1], bounds[1:])):
        if seg > 0:
            state[2 * n: 3 * n] += kicks[seg - 1][1]
            total_injected += kicks[seg - 1][1].sum()
        last = seg == len(bounds) - 2
        mask = (t_eval >= t0) & ((t_eval <= t1) if last else (t_eval < t1))
        if t1 > t0:
            times = np.union1d(t_eval[mask], [t1])
            sol = solve_ivp(rhs, (t0, t1), state, method="LSODA", t_eval=times, rtol=1e-8, atol=1e-8)
            if not sol.success:  # pragma: no cover - LSODA copes with these smooth equations
                raise ValueError(f"integration failed: {sol.message}")
            keep = np.isin(sol.t, t_eval[mask])
            pieces_t.append(sol.t[keep])
            pieces_y.append(sol.y[:, keep])
            injected[mask] = total_injected
            state = sol.y[:, -1].copy()
        elif mask.any():
            pieces_t.append(t_eval[mask])
            pieces_y.append(np.repeat(state[:, None], mask.sum(), axis=1))
            injected[mask] = total_injected
    y = np.concatenate(pieces_y, axis=1)
    out = {"t_yr": np.concatenate(pieces_t)}
    for k, s in enumerate(SPECIES):
        out[s] = y[k * n: (k + 1) * n].T
    for k, name in enumerate(_ACCOUNTS):
        out[name] = y[3 * n + k]
    out["injected"] = injected
    out["edges_km"] = edges
    return out


def total_objects(result):
    """Sum over shells and species of a :func:`simulate` result, one value per output time."""
    return result["S"].sum(axis=1) + result["D"].sum(axis=1) + result["N"].sum(axis=1)


# ---------------------------------------------------------------------------------------
# The one-shell model: dN/dt = A + B N + C N^2
# ---------------------------------------------------------------------------------------


def kessler_rate(n_objects, a_per_yr, b_per_yr, c_per_yr):
    """dN/dt = A + B N + C N^2: sources A, linear loss B (< 0 for drag), collisions C.

    Raises ``ValueError`` if the rate overflows (coefficients far outside any physical range).
    """
    n_ = nonnegative("n_objects", n_objects)
    a = as_finite("a_per_yr", a_per_yr)
    b = as_finite("b_per_yr", b_per_yr)
    c = as_finite("c_per_yr", c_per_yr)
    with np.errstate(over="ignore", invalid="ignore"):
        rate = a + b * n_ + c * n_**2
    return scalar(finite_result("n_objects, a_per_yr, b_per_yr and c_per_yr", rate))


def kessler_coefficients(source_per_yr, removal_time_yr, phi_per_yr, fragments_per_collision):
    """Coefficients (A, B, C) of the one-shell model from physical quantities.

    A = sources (launches, explosions) per year; B = -1 / removal time (drag);
    C = phi (f - 2) / 2: collisions happen at (1/2) phi N^2 a year, each removing 2
    objects and adding f fragments. Raises ``ValueError`` if B or C overflows.
    """
    a = float(shape("source_per_yr", nonnegative("source_per_yr", source_per_yr), ()))
    tau = float(shape("removal_time_yr", positive("removal_time_yr", removal_time_yr), ()))
    phi = float(shape("phi_per_yr", nonnegative("phi_per_yr", phi_per_yr), ()))
    f = float(shape("fragments_per_collision", nonnegative("fragments_per_collision", fragments_per_collision), ()))
    with np.errstate(over="ignore", divide="ignore"):
        b, c = -1.0 / tau, 0.5 * phi * (f - 2.0)
    finite_result("removal_time_yr, phi_per_yr and fragments_per_collision", [b, c])
    return a, b, c


def kessler_equilibria(a_per_yr, b_per_yr, c_per_yr):
    """Equilibrium populations of dN/dt = A + B N + C N^2 (nonnegative roots, ascending).

    N* = (-B -/+ sqrt(B^2 - 4AC)) / (2C). They exist only when B^2 >= 4AC; with A > 0,
    B < 0 and C > 0 the lower one is stable and the upper one is the critical
    population: start above it and collisions outrun drag. Returns an empty array when
    there is none. Raises ``ValueError`` if a root overflows.
    """
    a = float(shape("a_per_yr", as_finite("a_per_yr", a_per_yr), ()))
    b = float(shape("b_per_yr", as_finite("b_per_yr", b_per_yr), ()))
    c = float(shape("c_per_yr", as_finite("c_per_yr", c_per_yr), ()))
    names = "a_per_yr, b_per_yr and c_per_yr"
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        if c == 0.0:
            roots = [] if b == 0.0 else [-a / b]
        else:
            disc = finite_result(names, b * b - 4.0 * a * c)
            if disc < 0.0:
                return np.empty(0)
            sq = np.sqrt(disc)
            # numerically stable pair of roots
            q = -0.5 * (b + np.copysign(sq, b))
            roots = [q / c, a / q] if q != 0.0 else [0.0, 0.0]
    finite_result(names, roots)
    return np.array(sorted(r for r in roots if np.isfinite(r) and r >= 0.0))


def kessler_critical_source_per_yr(b_per_yr, c_per_yr):
    """Largest source rate A that still allows an equilibrium: A_crit = B^2 / (4C)."""
    b = as_finite("b_per_yr", b_per_yr)
    c = positive("c_per_yr", c_per_yr)
    with np.errstate(over="ignore"):
        out = b**2 / (4.0 * c)
    return scalar(finite_result("b_per_yr and c_per_yr", out))


def kessler_critical_count(b_per_yr, c_per_yr):
    """Population above which collisions alone outpace drag, with no sources: N_c = -B / C.

    Divide by the shell volume for Kessler's critical spatial density.
    """
    b = as_finite("b_per_yr", b_per_yr)
    c = positive("c_per_yr", c_per_yr)
    if np.any(b > 0):
        raise ValueError("b_per_yr must be negative (a loss) for a critical population to exist")
    with np.errstate(over="ignore"):
        out = -b / c
    return scalar(finite_result("b_per_yr and c_per_yr", out))
