"""The NASA standard breakup model: how many fragments a break-up makes, and how they fly.

Implements Johnson, Krisko, Liou and Anz-Meador (2001), "NASA's new breakup model of
EVOLVE 4.0", Advances in Space Research 28(9):1377-1384 ("the paper" below), with the
correction of the non-catastrophic collision mass by Krisko (2011), Orbital Debris
Quarterly News 15(4).

Every quantity follows the paper's symbols:

- ``L_c`` characteristic length of a fragment (m), ``lambda_c = log10(L_c)``;
- ``A`` average cross-sectional area (m^2), ``A/M`` area-to-mass ratio (m^2/kg),
  ``chi = log10(A/M)``;
- ``dv`` the fragment's speed relative to its parent (m/s).

Random draws take a ``numpy.random.Generator`` (``numpy.random.default_rng(2026)``), so
every result can be repeated.
"""

from __future__ import annotations

import numpy as np

from ._checks import as_finite, in_range, nonnegative, positive, scalar, shape

from .constants import MU_EARTH_KM3_S2, R_EARTH_KM

#: Energy-to-mass ratio above which a collision is catastrophic (J/g), the paper's 40 J/g.
CATASTROPHIC_J_G = 40.0

#: Power-law exponents of the cumulative size distribution N(>L_c) (paper, eqs. 2 and 4).
SIZE_EXPONENT = {"explosion": 1.6, "collision": 1.71}

#: Mean of log10(dv in m/s) = slope * chi + offset (paper, eqs. 11 and 12); sigma 0.4.
DELTA_V_LAW = {"explosion": (0.2, 1.85), "collision": (0.9, 2.9)}
DELTA_V_SIGMA = 0.4

#: Range of the characteristic length L_c (m) given as a size threshold (``lc_min_m``,
#: ``lc_max_m``), a bound chosen for this book: 1 mm is the small end of the sizes the
#: model is used for (its area law, eq. 8, has a separate branch only below 1.67 mm), and
#: below it the power laws would be extrapolated far beyond the data they were fitted
#: to; above 200 m a "fragment" would be larger than any object ever put in orbit (the
#: International Space Station spans about 110 m). Smaller thresholds also overflow
#: the count: N = 6 S L_c^-1.6 is infinite for L_c = 1e-300.
LC_RANGE_M = (1e-3, 200.0)

#: Largest L_c (m) of one fragment: an untruncated draw of :func:`sample_sizes_m` reaches
#: at most lc_min_m (2^-53)^(-1/1.6), about 1e10 lc_min_m, so nothing the model draws
#: from sizes within ``LC_RANGE_M`` exceeds 1e13 m; larger values are not fragments.
FRAGMENT_LC_MAX_M = 1e13

#: Range of chi = log10(A/M in m^2/kg): the paper's distributions lie within about -3 to
#: 2; +/-10 (A/M from 1e-10 to 1e10 m^2/kg) leaves every draw of the model inside and
#: keeps the normal densities finite.
CHI_RANGE = (-10.0, 10.0)

#: Masses (kg) of colliding objects: at most 1,000 t, more than the heaviest object ever
#: in orbit (the International Space Station, about 420 t).
MASS_RANGE_KG = (0.0, 1.0e6)

#: Relative speed of two colliding objects (m/s): two objects bound to the Earth each move
#: slower than the escape speed at the surface (11.2 km/s), so they meet at under 25 km/s.
V_REL_RANGE_M_S = (0.0, 25_000.0)

#: The explosion scaling factor S is of order one (S = 1 for a typical rocket body);
#: 10 leaves ample room for any parent.
SCALING_RANGE = (0.0, 10.0)

#: A fragment's speed relative to its parent (m/s) in :func:`cloud_orbits`: below the
#: speed of light, so the velocity arithmetic cannot overflow. (The model's lognormal law
#: draws up to a few hundred km/s for the lightest fragments; those escape.)
DV_MAX_M_S = 299_792_458.0

PARENTS = ("spacecraft", "rocket_body")
EVENTS = ("explosion", "collision")


def _check_choice(name: str, value, choices) -> str:
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return value


def _check_rng(rng) -> np.random.Generator:
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"rng must be a numpy.random.Generator, got {type(rng).__name__}")
    return rng


def _lc_threshold(name: str, value) -> np.ndarray:
    """A size threshold L_c (m) within :data:`LC_RANGE_M`."""
    return in_range(name, positive(name, value), *LC_RANGE_M)


def _lc_fragment(name: str, value) -> np.ndarray:
    """A fragment's size L_c (m): at least the smallest threshold, at most
    :data:`FRAGMENT_LC_MAX_M` (the largest size the sampler can draw)."""
    return in_range(name, positive(name, value), LC_RANGE_M[0], FRAGMENT_LC_MAX_M)


def _mass(name: str, value) -> np.ndarray:
    return in_range(name, nonnegative(name, value), *MASS_RANGE_KG)


def _v_rel(name: str, value) -> np.ndarray:
    return in_range(name, nonnegative(name, value), *V_REL_RANGE_M_S)


def _check_count(name: str, value) -> int:
    arr = nonnegative(name, value)
    if arr.ndim != 0 or float(arr) != int(arr) or float(arr) > 10_000_000:
        raise ValueError(f"{name} must be a whole number between 0 and 10,000,000, got {value!r}")
    return int(arr)


# ---------------------------------------------------------------------------------------
# How many fragments
# ---------------------------------------------------------------------------------------


def explosion_fragment_count(lc_min_m, scaling=1.0):
    """Number of explosion fragments larger than ``lc_min_m`` (paper, eq. 2).

    N(>L_c) = 6 S L_c^-1.6, with S a dimensionless scaling factor for the type of
    parent (S = 1 for a typical rocket body). Returned as a real number: the ESA
    implementation truncates it to an integer, NASA CARA's rounds it.
    ``lc_min_m`` lies within :data:`LC_RANGE_M`, ``scaling`` within :data:`SCALING_RANGE`.
    """
    lc = _lc_threshold("lc_min_m", lc_min_m)
    s = in_range("scaling", nonnegative("scaling", scaling), *SCALING_RANGE)
    return scalar(6.0 * s * lc ** -SIZE_EXPONENT["explosion"])


def energy_to_mass_ratio_j_g(m1_kg, m2_kg, v_rel_m_s):
    """Specific energy of a collision: (1/2) m_small v^2 / m_large, in J/g (paper, sec. 2).

    The kinetic energy of the smaller object (the "projectile") divided by the mass of
    the larger one (the "target"). Masses lie within :data:`MASS_RANGE_KG`, the speed
    within :data:`V_REL_RANGE_M_S`.
    """
    m1 = _mass("m1_kg", m1_kg)
    m2 = _mass("m2_kg", m2_kg)
    v = _v_rel("v_rel_m_s", v_rel_m_s)
    m_small, m_large = np.minimum(m1, m2), np.maximum(m1, m2)
    if (m_large <= 0).any():
        raise ValueError("m1_kg and m2_kg must not both be zero")
    return scalar(0.5 * m_small * v**2 / m_large / 1000.0)  # J/kg -> J/g


def is_catastrophic(m1_kg, m2_kg, v_rel_m_s):
    """True where the collision is catastrophic: energy-to-mass ratio strictly above 40 J/g.

    A catastrophic collision breaks up both objects completely; below the threshold only
    the projectile and a crater's worth of the target are fragmented.
    """
    emr = np.asarray(energy_to_mass_ratio_j_g(m1_kg, m2_kg, v_rel_m_s))
    out = emr > CATASTROPHIC_J_G
    return bool(out) if out.ndim == 0 else out


def collision_mass_kg(m1_kg, m2_kg, v_rel_m_s):
    """The mass M that sets the number of collision fragments (paper, eq. 4 and Krisko 2011).

    Catastrophic: M = m1 + m2. Non-catastrophic: M = m_small v^2 with v in km/s (the
    square was missing from the paper; Krisko 2011 corrected it).
    """
    m1 = _mass("m1_kg", m1_kg)
    m2 = _mass("m2_kg", m2_kg)
    v = _v_rel("v_rel_m_s", v_rel_m_s)
    cat = np.asarray(is_catastrophic(m1, m2, v))
    m_small = np.minimum(m1, m2)
    return scalar(np.where(cat, m1 + m2, m_small * (v / 1000.0) ** 2))


def collision_fragment_count(m1_kg, m2_kg, v_rel_m_s, lc_min_m):
    """Number of collision fragments larger than ``lc_min_m`` (paper, eq. 4).

    N(>L_c) = 0.1 M^0.75 L_c^-1.71, with M from :func:`collision_mass_kg`. Real-valued;
    round (NASA CARA) or truncate (ESA) to count whole fragments. ``lc_min_m`` lies
    within :data:`LC_RANGE_M`.
    """
    lc = _lc_threshold("lc_min_m", lc_min_m)
    m = np.asarray(collision_mass_kg(m1_kg, m2_kg, v_rel_m_s))
    return scalar(0.1 * m**0.75 * lc ** -SIZE_EXPONENT["collision"])


# ---------------------------------------------------------------------------------------
# Sizes, areas, area-to-mass ratios and speeds of the fragments
# ---------------------------------------------------------------------------------------


def sample_sizes_m(n, lc_min_m, event, rng, lc_max_m=None):
    """Draw ``n`` characteristic lengths (m) from the paper's power law.

    The cumulative number above L falls as L^-b (b = 1.6 for explosions, 1.71 for
    collisions), so L = L_min u^(-1/b) for u uniform on (0, 1]; with ``lc_max_m`` the
    law is truncated at that size (inverse transform of the truncated distribution).
    Both sizes lie within :data:`LC_RANGE_M`.
    """
    n = _check_count("n", n)
    lmin = float(shape("lc_min_m", _lc_threshold("lc_min_m", lc_min_m), ()))
    b = SIZE_EXPONENT[_check_choice("event", event, EVENTS)]
    rng = _check_rng(rng)
    r = 0.0
    if lc_max_m is not None:
        lmax = float(shape("lc_max_m", _lc_threshold("lc_max_m", lc_max_m), ()))
        if lmax <= lmin:
            raise ValueError(f"lc_max_m must be larger than lc_min_m, got {lmax} <= {lmin}")
        r = (lmax / lmin) ** -b
    u = rng.random(n)
    return lmin * (1.0 - u * (1.0 - r)) ** (-1.0 / b)


def area_m2(lc_m):
    """Average cross-sectional area of a fragment of size L_c (paper, eq. 8).

    A = 0.540424 L_c^2 for L_c < 1.67 mm, otherwise A = 0.556945 L_c^2.0047077 (m^2).
    ``lc_m`` lies between 1 mm and :data:`FRAGMENT_LC_MAX_M`.
    """
    lc = _lc_fragment("lc_m", lc_m)
    return scalar(np.where(lc < 0.00167, 0.540424 * lc**2, 0.556945 * lc**2.0047077))


def _ramp(x, x_lo, x_hi, y_lo, y_hi, slope):
    """The paper's piecewise-linear coefficients: y_lo below x_lo, y_hi above x_hi."""
    return np.where(x <= x_lo, y_lo, np.where(x >= x_hi, y_hi, y_lo + slope * (x - x_lo)))


def area_to_mass_parameters(lc_m, parent):
    """Coefficients of the area-to-mass distribution of fragments larger than 11 cm.

    Returns (alpha, mu1, sigma1, mu2, sigma2) of the paper's bimodal normal distribution
    in chi = log10(A/M) (paper, eqs. 5 and 6):
    D(chi) = alpha N(mu1, sigma1) + (1 - alpha) N(mu2, sigma2).
    """
    lam = np.log10(_lc_fragment("lc_m", lc_m))
    parent = _check_choice("parent", parent, PARENTS)
    if parent == "spacecraft":
        alpha = _ramp(lam, -1.95, 0.55, 0.0, 1.0, 0.4)  # 0.3 + 0.4 (lambda + 1.2)
        mu1 = _ramp(lam, -1.1, 0.0, -0.6, -0.95, -0.318)
        sigma1 = _ramp(lam, -1.3, -0.3, 0.1, 0.3, 0.2)
        mu2 = _ramp(lam, -0.7, -0.1, -1.2, -2.0, -1.333)
        sigma2 = _ramp(lam, -0.5, -0.3, 0.5, 0.3, -1.0)
    else:
        alpha = _ramp(lam, -1.4, 0.0, 1.0, 0.5, -0.3571)
        mu1 = _ramp(lam, -0.5, 0.0, -0.45, -0.9, -0.9)
        sigma1 = np.full_like(lam, 0.55)
        mu2 = np.full_like(lam, -0.9)
        sigma2 = _ramp(lam, -1.0, 0.1, 0.28, 0.1, -0.1636)
    return alpha, mu1, sigma1, mu2, sigma2


def small_area_to_mass_parameters(lc_m):
    """Mean and sigma of chi = log10(A/M) for fragments below 8 cm (paper, eq. 7).

    The same for every kind of parent: mu = -0.3 below lambda_c = -1.75, -1.0 above
    -1.25, linear between; sigma = 0.2 below lambda_c = -3.5, then 0.2 + 0.1333 (lambda_c + 3.5).
    """
    lam = np.log10(_lc_fragment("lc_m", lc_m))
    mu = _ramp(lam, -1.75, -1.25, -0.3, -1.0, -1.4)
    sigma = np.where(lam <= -3.5, 0.2, 0.2 + 0.1333 * (lam + 3.5))
    return mu, sigma


def _bridge_weight(lc):
    """Weight of the large-fragment law: 0 below 8 cm, 1 above 11 cm, linear in L_c between."""
    return np.clip((lc - 0.08) / 0.03, 0.0, 1.0)


def area_to_mass_pdf(chi, lc_m, parent):
    """Probability density of chi = log10(A/M in m^2/kg) for a fragment of size ``lc_m``.

    Below 8 cm the single normal of eq. 7, above 11 cm the bimodal law of eqs. 5-6.
    Between 8 and 11 cm the paper leaves the transition open; here the density is a
    mixture of the two laws whose weight moves linearly in L_c from one to the other
    (:func:`_bridge_weight`), a choice of this book. ESA's implementation
    (NASA-breakup-model-cpp) does it differently: it draws a value from each law and
    blends the sampled values. Integrates to 1 over chi. ``chi`` lies within
    :data:`CHI_RANGE`.
    """
    x = in_range("chi", chi, *CHI_RANGE)
    lc = _lc_fragment("lc_m", lc_m)
    alpha, mu1, s1, mu2, s2 = area_to_mass_parameters(lc, parent)
    mu0, s0 = small_area_to_mass_parameters(lc)

    def normal(m, s):
        return np.exp(-0.5 * ((x - m) / s) ** 2) / (s * np.sqrt(2 * np.pi))

    large = alpha * normal(mu1, s1) + (1 - alpha) * normal(mu2, s2)
    w = _bridge_weight(lc)
    return scalar(w * large + (1 - w) * normal(mu0, s0))


def sample_area_to_mass_m2_kg(lc_m, parent, rng):
    """Draw one area-to-mass ratio (m^2/kg) per fragment size, from :func:`area_to_mass_pdf`.

    The bimodal law is sampled as a mixture: with probability alpha from N(mu1, sigma1),
    otherwise from N(mu2, sigma2).
    """
    lc = np.atleast_1d(_lc_fragment("lc_m", lc_m))
    rng = _check_rng(rng)
    alpha, mu1, s1, mu2, s2 = area_to_mass_parameters(lc, parent)
    mu0, s0 = small_area_to_mass_parameters(lc)
    first = rng.random(lc.shape) < alpha
    chi_large = np.where(first, rng.normal(mu1, s1), rng.normal(mu2, s2))
    chi_small = rng.normal(mu0, s0)
    use_large = rng.random(lc.shape) < _bridge_weight(lc)
    return 10.0 ** np.where(use_large, chi_large, chi_small)


def sample_delta_v_m_s(area_to_mass_m2_kg, event, rng):
    """Draw each fragment's speed relative to its parent (paper, eqs. 11 and 12).

    log10(dv in m/s) is normal with sigma 0.4 and mean 0.2 chi + 1.85 (explosions) or
    0.9 chi + 2.9 (collisions), chi = log10(A/M). Light, flat fragments fly fastest.
    log10 of ``area_to_mass_m2_kg`` lies within :data:`CHI_RANGE`.
    """
    am = np.atleast_1d(in_range("area_to_mass_m2_kg", positive("area_to_mass_m2_kg", area_to_mass_m2_kg),
                                10.0 ** CHI_RANGE[0], 10.0 ** CHI_RANGE[1]))
    slope, offset = DELTA_V_LAW[_check_choice("event", event, EVENTS)]
    rng = _check_rng(rng)
    return 10.0 ** rng.normal(slope * np.log10(am) + offset, DELTA_V_SIGMA)


def fragment_cloud(n, lc_min_m, event, parent, rng, lc_max_m=None):
    """Sample a whole cloud of ``n`` fragments: the paper's steps in order.

    Returns a dict of arrays, one entry per fragment: ``lc_m`` (size), ``area_m2``,
    ``area_to_mass_m2_kg``, ``mass_kg`` = A / (A/M) and ``dv_m_s``. The paper's model
    does not conserve mass fragment by fragment; compare ``mass_kg.sum()`` with the
    parent mass to see how far a sample is off.
    """
    lc = sample_sizes_m(n, lc_min_m, event, rng, lc_max_m)
    if lc.size == 0:
        empty = np.empty(0)
        return {k: empty.copy() for k in ("lc_m", "area_m2", "area_to_mass_m2_kg", "mass_kg", "dv_m_s")}
    am = sample_area_to_mass_m2_kg(lc, parent, rng)
    area = np.atleast_1d(area_m2(lc))
    dv = sample_delta_v_m_s(am, event, rng)
    return {"lc_m": lc, "area_m2": area, "area_to_mass_m2_kg": am, "mass_kg": area / am, "dv_m_s": dv}


# ---------------------------------------------------------------------------------------
# Where the fragments go: the cloud's orbits
# ---------------------------------------------------------------------------------------


def random_directions(n, rng):
    """``n`` unit vectors spread uniformly over the sphere (shape (n, 3))."""
    n = _check_count("n", n)
    rng = _check_rng(rng)
    z = rng.uniform(-1.0, 1.0, n)
    phi = rng.uniform(0.0, 2 * np.pi, n)
    s = np.sqrt(1.0 - z**2)
    return np.column_stack([s * np.cos(phi), s * np.sin(phi), z])


def cloud_orbits(altitude_km, dv_m_s, rng):
    """Orbits of fragments thrown from a parent on a circular orbit (a Gabbard diagram).

    Each fragment leaves the break-up point with the parent's circular velocity plus
    its ``dv_m_s`` in a random direction (isotropic). From the new velocity the
    vis-viva equation gives the semi-major axis a = 1 / (2/r - v^2/mu), and the angular
    momentum h = |r x v| gives the eccentricity e = sqrt(1 - h^2 / (mu a)).

    Returns a dict of arrays: ``a_km``, ``e``, ``perigee_km`` and ``apogee_km``
    (altitudes above the equatorial radius), ``period_min`` and ``bound`` (False for a
    fragment thrown onto an escape trajectory; its other entries are NaN). Plotting
    period against apogee and perigee altitude is Gabbard's diagram: every fragment's
    two points straddle the break-up altitude. ``dv_m_s`` is at most :data:`DV_MAX_M_S`.
    """
    h0 = float(shape("altitude_km", in_range("altitude_km", altitude_km, 0.0, 1.0e6), ()))
    dv = np.atleast_1d(in_range("dv_m_s", nonnegative("dv_m_s", dv_m_s), 0.0, DV_MAX_M_S)) / 1000.0  # km/s
    if dv.ndim != 1:
        raise ValueError(f"dv_m_s must be a number or a 1-d array, got shape {dv.shape}")
    rng = _check_rng(rng)
    r0 = R_EARTH_KM + h0
    v0 = np.sqrt(MU_EARTH_KM3_S2 / r0)
    u = random_directions(dv.size, rng)
    vel = np.column_stack([dv * u[:, 0], v0 + dv * u[:, 1], dv * u[:, 2]])
    v2 = np.sum(vel**2, axis=1)
    energy_term = 2.0 / r0 - v2 / MU_EARTH_KM3_S2
    bound = energy_term > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        a = np.where(bound, 1.0 / energy_term, np.nan)
        # position is (r0, 0, 0): |r x v| = r0 * sqrt(vy^2 + vz^2)
        h2 = r0**2 * (vel[:, 1] ** 2 + vel[:, 2] ** 2)
        e = np.sqrt(np.clip(1.0 - h2 / (MU_EARTH_KM3_S2 * a), 0.0, None))
        period = 2 * np.pi * np.sqrt(a**3 / MU_EARTH_KM3_S2) / 60.0
    return {
        "a_km": a,
        "e": e,
        "perigee_km": a * (1 - e) - R_EARTH_KM,
        "apogee_km": a * (1 + e) - R_EARTH_KM,
        "period_min": period,
        "bound": bound,
    }
