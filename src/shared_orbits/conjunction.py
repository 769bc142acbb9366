"""Close approaches: screening a population and the probability of collision.

The chapter *Close approaches* describes the two steps every conjunction service takes:

1. **Screening.** Find the pairs of objects that come within a threshold distance of each
   other over the next days, without comparing every pair at every instant
   (:func:`screen_conjunctions`). Positions are propagated with SGP4 on a coarse grid,
   interpolated with cubic Hermite polynomials onto a finer one, and at the middle of
   each coarse step a k-d tree (``scipy.spatial.cKDTree.query_pairs``) returns only the
   pairs closer than the threshold plus the distance two objects can close in half a
   step. An apogee/perigee filter (Hoots et al. 1984) and a linear closest-approach test
   prune those, and Newton's method on the propagated separation refines the time and
   distance of closest approach (TCA) of all of them at once.
2. **Probability of collision (Pc).** With the two objects' position uncertainty as
   Gaussian covariances, the short-encounter Pc is the probability mass of the combined
   uncertainty inside a disc of the combined hard-body radius, in the *encounter plane*
   perpendicular to the relative velocity (Foster and Estes 1992; Chan 1997; Alfano 2005).
   :func:`pc_circle` integrates it numerically (the exact method), :func:`pc_chan` sums
   Chan's series, and :func:`pc_from_states` builds the encounter plane from two state
   vectors and their 3x3 position covariances.

References
----------
Foster, J. L. and Estes, H. S. (1992). *A parametric analysis of orbital debris collision
probability and maneuver rate for space vehicles*. NASA JSC-25898.
Chan, F. K. (1997). "Collision probability analyses for Earth-orbiting satellites".
Advances in the Astronautical Sciences 96: 1033-1048; and Chan, F. K. (2008).
*Spacecraft Collision Probability*. Aerospace Press.
Alfano, S. (2005). "A numerical implementation of spherical object collision probability".
Journal of the Astronautical Sciences 53(1): 103-109.
Serra, R., Arzelier, D., Joldes, M., Lasserre, J.-B., Rondepierre, A. and Salvy, B. (2016).
"Fast and accurate computation of orbital collision probability for short-term encounters".
Journal of Guidance, Control, and Dynamics 39(5): 1009-1021 (the exact values used in tests).
Hoots, F. R., Crawford, L. L. and Roehrich, R. L. (1984). "An analytic method to determine
future close approaches between satellites". Celestial Mechanics 33: 143-158 (screening).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.spatial import cKDTree
from scipy.special import erf, erfc
from sgp4.api import Satrec, SatrecArray

from ._checks import as_finite, in_range, nonnegative, number, positive, shape
from .constants import MINUTES_PER_DAY, MU_EARTH_KM3_S2, R_EARTH_KM
from .propagation import _as_satrec_array, satellite_from_elements

# --------------------------------------------------------------------------- 2D Pc

#: Largest position uncertainty (km) in a covariance: the Earth's sphere of influence
#: (1.5 million km); an object known no better than that is not in Earth orbit at all.
MAX_SIGMA_KM = 1.5e6

#: Largest position (km) and speed (km/s) in a state vector, as in
#: :mod:`shared_orbits.propagation`: the Earth's sphere of influence and 1,000 km/s.
MAX_POSITION_KM = 1.5e6
MAX_SPEED_KM_S = 1000.0


def _erf_difference(a, b):
    """erf(b) - erf(a) for b >= a, through erfc where both arguments share a sign.

    For large arguments erf is 1 to within rounding and the plain difference loses every
    digit; erfc keeps them (reference-cases.md: "compute the erf difference through erfc").
    """
    return np.where(a >= 0.0, erfc(a) - erfc(b), np.where(b <= 0.0, erfc(-b) - erfc(-a), erf(b) - erf(a)))


_GL_NODES, _GL_WEIGHTS = np.polynomial.legendre.leggauss(12)


def _pc_circle_many(xm, ym, sx, sy, radius):
    """The exact 2D Pc for flat arrays of inputs, all at once.

    Each case is integrated by composite Gauss-Legendre quadrature (12 nodes a panel) in
    theta with x = R sin(theta), which removes the square-root end-point behaviour of the
    chord. The panels are short enough that neither factor changes by more than about e
    within one: the Gaussian in x over sigma_x^2 / |x - x_m|, the erf bracket over
    sigma_y^2 / |y_m +- c|. Cases are grouped by their number of panels, rounded up to a
    power of two (1 to 2048), and each group is one array computation.
    """
    swap = sx > sy  # integrate along the narrower axis; the disc is symmetric under the swap
    xm, ym, sx, sy = (np.where(swap, ym, xm), np.where(swap, -xm, ym),
                      np.where(swap, sy, sx), np.where(swap, sx, sy))
    # keep only |x - x*| <= 20 sigma_x, with x* the point of the disc nearest the miss:
    # beyond, the Gaussian factor is below exp(-200) times its value at x*
    nearest = np.clip(xm, -radius, radius)
    lo = np.maximum(-radius, nearest - 20.0 * sx)
    hi = np.minimum(radius, nearest + 20.0 * sx)
    out = np.zeros(xm.shape)
    live = lo < hi
    th_lo = np.arcsin(np.clip(lo / radius, -1.0, 1.0))
    th_hi = np.arcsin(np.clip(hi / radius, -1.0, 1.0))
    scale = np.minimum.reduce([sx, sx * sx / (np.abs(xm) + radius), sy * sy / (np.abs(ym) + radius)])
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        wanted = np.ceil(radius * (th_hi - th_lo) / scale)
    wanted = np.clip(np.nan_to_num(wanted, nan=1.0), 1, 2000)
    n_panels = 2 ** np.ceil(np.log2(wanted)).astype(int)
    for n in np.unique(n_panels[live]):
        rows = np.nonzero(live & (n_panels == n))[0]
        unit = np.linspace(0.0, 1.0, n + 1)
        # at most about 4 million quadrature nodes in memory at once
        for part in np.array_split(rows, max(1, len(rows) * n * 12 // 4_000_000)):
            a, b = th_lo[part, None], th_hi[part, None]
            edges = a + (b - a) * unit[None, :]
            half = 0.5 * (edges[:, 1:] - edges[:, :-1])
            mid = 0.5 * (edges[:, 1:] + edges[:, :-1])
            theta = (mid[:, :, None] + half[:, :, None] * _GL_NODES).reshape(len(part), -1)
            weights = (half[:, :, None] * _GL_WEIGHTS).reshape(len(part), -1)
            r = radius[part, None]
            x = r * np.sin(theta)
            chord = r * np.cos(theta)
            sxp, syp = sx[part, None], sy[part, None]
            xmp, ymp = xm[part, None], ym[part, None]
            root2_sy = np.sqrt(2.0) * syp
            with np.errstate(over="ignore", under="ignore"):  # a miss far beyond the window: the Gaussian is 0
                gauss_x = np.exp(-((x - xmp) ** 2) / (2.0 * sxp * sxp))
            bracket = _erf_difference((ymp - chord) / root2_sy, (ymp + chord) / root2_sy)
            integral = np.sum(weights * gauss_x * bracket * chord, axis=1)
            out[part] = integral / (np.sqrt(8.0 * np.pi) * sx[part])
    return out


def _scaled_by_radius(xm, ym, sx, sy, radius):
    """Lengths in units of the hard-body radius (Pc depends only on the ratios)."""
    with np.errstate(over="ignore", under="ignore"):
        scaled = [xm / radius, ym / radius, sx / radius, sy / radius, np.ones_like(radius)]
    for name, value in zip(("sigma_x_m", "sigma_y_m"), scaled[2:4]):
        if np.any(value < 1e-9) or np.any(value > 1e12):
            raise ValueError(f"{name} must lie between 1e-9 and 1e12 times hard_body_radius_m")
    if np.any(np.maximum(scaled[2], scaled[3]) / np.minimum(scaled[2], scaled[3]) > 1e12):
        raise ValueError("sigma_x_m / sigma_y_m must lie between 1e-12 and 1e12")
    scaled[0] = np.clip(scaled[0], -1e150, 1e150)  # beyond, Pc underflows to zero anyway
    scaled[1] = np.clip(scaled[1], -1e150, 1e150)
    return scaled



def _encounter_inputs(miss_x_m, miss_y_m, sigma_x_m, sigma_y_m, hard_body_radius_m):
    """Check the five encounter-plane inputs and broadcast them to one shape."""
    xm = as_finite("miss_x_m", miss_x_m)
    ym = as_finite("miss_y_m", miss_y_m)
    sx = positive("sigma_x_m", sigma_x_m)
    sy = positive("sigma_y_m", sigma_y_m)
    radius = positive("hard_body_radius_m", hard_body_radius_m)
    try:
        return np.broadcast_arrays(xm, ym, sx, sy, radius)
    except ValueError as exc:
        raise ValueError(f"miss_x_m, miss_y_m, sigma_x_m, sigma_y_m and hard_body_radius_m must broadcast: {exc}") from exc

def pc_circle(miss_x_m, miss_y_m, sigma_x_m, sigma_y_m, hard_body_radius_m):
    """Probability of collision, exact 2D method, in the encounter plane's principal axes.

    Pc = 1 / (sqrt(8 pi) sigma_x) * integral_{-R}^{R} exp(-(x - x_m)^2 / (2 sigma_x^2))
         * [erf((y_m + sqrt(R^2 - x^2)) / (sqrt(2) sigma_y)) - erf((y_m - sqrt(R^2 - x^2)) / (sqrt(2) sigma_y))] dx

    (Foster and Estes 1992; Alfano 2005; Chan 2008, ch. 4), the probability mass of a
    Gaussian with standard deviations sigma_x, sigma_y centred at the miss vector
    (x_m, y_m) inside the disc of radius R. The erf difference is taken through erfc;
    the integral is done by composite Gauss-Legendre quadrature in theta with
    x = R sin(theta), on panels short enough for both factors to vary smoothly, for
    all the inputs at once (no Python loop over elements). Any
    length unit works if all five inputs share it; metres are the convention. Arrays
    broadcast.
    """
    arrays = _scaled_by_radius(*_encounter_inputs(miss_x_m, miss_y_m, sigma_x_m, sigma_y_m, hard_body_radius_m))
    flat = [np.array(a, dtype=float).ravel() for a in arrays]
    out = np.clip(_pc_circle_many(*flat), 0.0, 1.0).reshape(arrays[0].shape)
    return out if out.ndim else float(out)


def pc_chan(miss_x_m, miss_y_m, sigma_x_m, sigma_y_m, hard_body_radius_m):
    """Probability of collision by Chan's series (Chan 1997; Chan 2008, Eq. 5.37).

    With u = R^2 / (sigma_x sigma_y) and v = x_m^2 / sigma_x^2 + y_m^2 / sigma_y^2,

    Pc = sum_{m=0}^{M-1} exp(-v/2) (v/2)^m / m! * [1 - exp(-u/2) sum_{k=0}^{m} (u/2)^k / k!]

    with the number of terms M (3, 10, 20 or 60) chosen from u and v as Chan recommends
    (as in Orekit's ``Chan1997``). The series replaces the ellipse of the combined
    covariance by a circle of the same area, so it fails when the covariance is very
    elongated compared with the hard-body radius (Alfano's cases 3 and 5).
    """
    xm, ym, sx, sy, radius = _scaled_by_radius(
        *_encounter_inputs(miss_x_m, miss_y_m, sigma_x_m, sigma_y_m, hard_body_radius_m))
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        u = radius**2 / (sx * sy)
        v = (xm / sx) ** 2 + (ym / sy) ** 2
        terms = np.where(
            (u <= 0.01) | (v <= 1), 3, np.where((u <= 1) | (v <= 9), 10, np.where((u <= 25) | (v <= 25), 20, 60))
        )
        ev = np.exp(-0.5 * v)
        euv = np.exp(-0.5 * (u + v))
        t = np.ones_like(u)
        s = np.ones_like(u)
        partial = np.ones_like(u)
        value = ev * t - euv * t * partial
        result = np.where(terms == 1, value, 0.0)
        for i in range(1, 60):
            t = t * (0.5 * v) / i
            s = s * (0.5 * u) / i
            partial = partial + s
            value = value + ev * t - euv * t * partial
            result = np.where(terms == i + 1, value, result)
    result = np.nan_to_num(result, nan=0.0, posinf=1.0, neginf=0.0)
    # the alternating terms can cancel to a rounding error below zero: a probability is not
    result = np.clip(result, 0.0, 1.0)
    return float(result) if result.ndim == 0 else result


def pc_isotropic_zero_miss(sigma_m, hard_body_radius_m):
    """Closed form for a circular covariance and zero miss: Pc = 1 - exp(-R^2 / (2 sigma^2)).

    The Rayleigh distribution of the miss distance gives this identity (Chan 2008, ch. 2);
    it checks :func:`pc_circle`. Computed with ``expm1`` to keep digits for small R / sigma.
    As for :func:`pc_circle`, ``sigma_m`` lies between 1e-9 and 1e12 times ``hard_body_radius_m``.
    """
    sigma = positive("sigma_m", sigma_m)
    radius = positive("hard_body_radius_m", hard_body_radius_m)
    try:
        sigma, radius = np.broadcast_arrays(sigma, radius)
    except ValueError as exc:
        raise ValueError(f"sigma_m and hard_body_radius_m must broadcast: {exc}") from exc
    with np.errstate(over="ignore", under="ignore"):
        ratio = sigma / radius
    if np.any(ratio < 1e-9) or np.any(ratio > 1e12):
        raise ValueError("sigma_m must lie between 1e-9 and 1e12 times hard_body_radius_m")
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        q = radius**2 / (2.0 * sigma**2)
        # where a square under- or overflows, take the ratio first (finite within the bounds)
        q = np.where(np.isfinite(q) & (radius**2 > 0) & (sigma**2 > 0), q, 0.5 / ratio**2)
    out = -np.expm1(-q)
    return float(out) if np.ndim(out) == 0 else out


def _check_covariance(name: str, cov) -> np.ndarray:
    """A 3x3 symmetric positive semi-definite covariance (km^2), entries at most
    :data:`MAX_SIGMA_KM` squared in size."""
    c = in_range(name, cov, -MAX_SIGMA_KM**2, MAX_SIGMA_KM**2)
    shape(name, c, (3, 3))
    scale = float(np.max(np.abs(c)))
    if not np.allclose(c, c.T, rtol=1e-9, atol=1e-12 * max(scale, 1e-300)):
        raise ValueError(f"{name} must be symmetric")
    eig = np.linalg.eigvalsh(0.5 * (c + c.T))
    if eig.min() < -1e-10 * max(scale, 1e-300):
        raise ValueError(f"{name} must be positive semi-definite, got an eigenvalue of {eig.min():.6g}")
    return 0.5 * (c + c.T)


def encounter_plane(r1_km, v1_km_s, cov1_km2, r2_km, v2_km_s, cov2_km2):
    """Miss vector and combined covariance in the encounter plane's principal axes.

    The encounter (conjunction) plane is perpendicular to the relative velocity
    v = v2 - v1. Its first axis points along the part of the relative position
    r = r2 - r1 perpendicular to v, the second completes the right-handed set with v.
    The combined covariance C1 + C2 (positions assumed uncorrelated) is projected onto the
    plane, C_p = P (C1 + C2) P^T, and rotated to its principal axes (Chan 2008, ch. 3).

    Returns ``miss_x_m, miss_y_m, sigma_x_m, sigma_y_m`` (metres), ready for
    :func:`pc_circle` and :func:`pc_chan`. Components of positions are bounded by
    :data:`MAX_POSITION_KM`, of velocities by :data:`MAX_SPEED_KM_S`.
    """
    vectors = []
    for name, value in (("r1_km", r1_km), ("v1_km_s", v1_km_s), ("r2_km", r2_km), ("v2_km_s", v2_km_s)):
        limit = MAX_POSITION_KM if name.startswith("r") else MAX_SPEED_KM_S
        vectors.append(shape(name, in_range(name, value, -limit, limit), (3,)))
    r1, v1, r2, v2 = vectors
    c = _check_covariance("cov1_km2", cov1_km2) + _check_covariance("cov2_km2", cov2_km2)
    r = r2 - r1
    v = v2 - v1
    speed = np.linalg.norm(v)
    if not speed > 1e-9:
        raise ValueError("v2_km_s - v1_km_s must not be zero: the encounter plane needs a relative velocity")
    z_hat = v / speed
    r_perp = r - np.dot(r, z_hat) * z_hat
    miss = np.linalg.norm(r_perp)
    if miss > 1e-12 * max(np.linalg.norm(r), 1.0):
        x_hat = r_perp / miss
    else:  # zero miss: any direction in the plane
        trial = np.eye(3)[np.argmin(np.abs(z_hat))]
        x_hat = np.cross(z_hat, trial)
        x_hat /= np.linalg.norm(x_hat)
    y_hat = np.cross(z_hat, x_hat)
    project = np.vstack([x_hat, y_hat])
    c_plane = project @ c @ project.T
    eigval, eigvec = np.linalg.eigh(c_plane)
    if eigval.min() <= 1e-30 * max(eigval.max(), 1e-300) or eigval.max() <= 0:
        raise ValueError("cov1_km2 + cov2_km2 must not be singular in the encounter plane")
    miss_vec = eigvec.T @ np.array([miss, 0.0])
    sig = np.sqrt(eigval)
    return miss_vec[0] * 1e3, miss_vec[1] * 1e3, sig[0] * 1e3, sig[1] * 1e3


def covariance_from_ric(r_km, v_km_s, sigma_radial_km, sigma_intrack_km, sigma_crosstrack_km):
    """A 3x3 inertial position covariance (km^2) from standard deviations in the RIC frame.

    Orbit uncertainty is usually quoted in the radial / in-track / cross-track (RIC) frame
    of the orbit: radial along r, cross-track along r x v, in-track completing the set.
    C_eci = Q diag(s_R^2, s_I^2, s_C^2) Q^T, with Q's columns the RIC unit vectors
    (Vallado 2013, section 3.3). Uncorrelated axes, as in an illustrative example.
    Each sigma is at most :data:`MAX_SIGMA_KM`.
    """
    r = shape("r_km", in_range("r_km", r_km, -MAX_POSITION_KM, MAX_POSITION_KM), (3,))
    v = shape("v_km_s", in_range("v_km_s", v_km_s, -MAX_SPEED_KM_S, MAX_SPEED_KM_S), (3,))
    sig = [number(n, in_range(n, nonnegative(n, x), 0.0, MAX_SIGMA_KM)) for n, x in (("sigma_radial_km", sigma_radial_km),
                                                  ("sigma_intrack_km", sigma_intrack_km),
                                                  ("sigma_crosstrack_km", sigma_crosstrack_km))]
    h = np.cross(r, v)
    if not (np.linalg.norm(r) > 0 and np.linalg.norm(h) > 0):
        raise ValueError("r_km and v_km_s must be non-zero and not parallel")
    radial = r / np.linalg.norm(r)
    cross = h / np.linalg.norm(h)
    intrack = np.cross(cross, radial)
    q = np.column_stack([radial, intrack, cross])
    return q @ np.diag(np.square(sig)) @ q.T


def pc_from_states(r1_km, v1_km_s, cov1_km2, r2_km, v2_km_s, cov2_km2, hard_body_radius_m, method="exact"):
    """Probability of collision from two state vectors at closest approach and their covariances.

    Builds the encounter plane (:func:`encounter_plane`) and evaluates the 2D Pc there,
    by the exact method (``method="exact"``, :func:`pc_circle`) or Chan's series
    (``method="chan"``, :func:`pc_chan`). Positions in km, velocities in km/s,
    covariances 3x3 in km^2 (any inertial frame, both in the same one), hard-body radius
    (the sum of the two objects' radii) in metres. A covariance that is not symmetric
    positive semi-definite raises ``ValueError``.
    """
    if method not in ("exact", "chan"):
        raise ValueError(f"method must be 'exact' or 'chan', got {method!r}")
    radius = number("hard_body_radius_m", positive("hard_body_radius_m", hard_body_radius_m))
    xm, ym, sx, sy = encounter_plane(r1_km, v1_km_s, cov1_km2, r2_km, v2_km_s, cov2_km2)
    if method == "chan":
        return pc_chan(xm, ym, sx, sy, radius)
    return pc_circle(xm, ym, sx, sy, radius)


# --------------------------------------------------------------------------- screening


def _hermite(r0, v0, r1, v1, s, h_s):
    """Cubic Hermite interpolation between two states h_s seconds apart, at fraction s."""
    s2, s3 = s * s, s * s * s
    h00 = 2 * s3 - 3 * s2 + 1
    h10 = s3 - 2 * s2 + s
    h01 = -2 * s3 + 3 * s2
    h11 = s3 - s2
    pos = h00 * r0 + (h10 * h_s) * v0 + h01 * r1 + (h11 * h_s) * v1
    d00 = (6 * s2 - 6 * s) / h_s
    d10 = 3 * s2 - 4 * s + 1
    d01 = (-6 * s2 + 6 * s) / h_s
    d11 = 3 * s2 - 2 * s
    vel = d00 * r0 + d10 * v0 + d01 * r1 + d11 * v1
    return pos, vel


def _separation_km(sat_a: Satrec, sat_b: Satrec, jd0: float, fr0: float, t_min: float) -> float:
    fr = fr0 + t_min / MINUTES_PER_DAY
    ea, ra, _ = sat_a.sgp4(jd0, fr)
    eb, rb, _ = sat_b.sgp4(jd0, fr)
    if ea or eb:
        return np.inf
    return float(np.sqrt((ra[0] - rb[0]) ** 2 + (ra[1] - rb[1]) ** 2 + (ra[2] - rb[2]) ** 2))


def closest_approach(sat_a: Satrec, sat_b: Satrec, jd_start: float, fr_start: float, t_low_min: float, t_high_min: float):
    """Time (minutes after the start) and distance (km) of the closest approach in a bracket.

    Minimises the SGP4-propagated separation with ``scipy.optimize.minimize_scalar``
    (bounded Brent method) to 1e-7 min (6 microseconds). The bracket should hold a single
    minimum, as the screening in :func:`screen_conjunctions` ensures.
    """
    for name, sat in (("sat_a", sat_a), ("sat_b", sat_b)):
        if not isinstance(sat, Satrec):
            raise ValueError(f"{name} must be a Satrec, got {type(sat).__name__}")
    jd0 = number("jd_start", as_finite("jd_start", jd_start))
    fr0 = number("fr_start", as_finite("fr_start", fr_start))
    lo = number("t_low_min", as_finite("t_low_min", t_low_min))
    hi = number("t_high_min", as_finite("t_high_min", t_high_min))
    if not hi > lo:
        raise ValueError(f"t_high_min must exceed t_low_min, got {hi} <= {lo}")
    if hi - lo > 1e7:
        raise ValueError(f"t_high_min - t_low_min must be under 1e7 minutes, got {hi - lo}")
    res = minimize_scalar(lambda t: _separation_km(sat_a, sat_b, jd0, fr0, t), bounds=(lo, hi),
                          method="bounded", options={"xatol": 1e-7})
    best_t, best_d = float(res.x), float(res.fun)
    for edge in (lo, hi):  # a minimum at the bracket's edge
        d = _separation_km(sat_a, sat_b, jd0, fr0, edge)
        if d < best_d:
            best_t, best_d = edge, d
    if not np.isfinite(best_d):
        raise ValueError("sat_a and sat_b cannot both be propagated (SGP4 error) anywhere the search "
                         "looked between t_low_min and t_high_min after jd_start + fr_start")
    return best_t, best_d


def _states(sats, which, jd0: float, fr0: float, t_min):
    """SGP4 positions and velocities of ``sats[which[k]]`` at ``t_min[k]`` minutes, for all k.

    One ``sgp4_array`` call per distinct satellite (not per pair): the refinement's cost
    grows with the number of objects involved, not with the number of encounters.
    Failed propagations give NaN.
    """
    which = np.asarray(which, dtype=int)
    r = np.full((len(which), 3), np.nan)
    v = np.full((len(which), 3), np.nan)
    order = np.argsort(which, kind="stable")
    bounds = np.flatnonzero(np.diff(which[order])) + 1
    for part in np.split(order, bounds):
        if len(part) == 0:
            continue
        fr = fr0 + np.asarray(t_min, dtype=float)[part] / MINUTES_PER_DAY
        e, rr, vv = sats[which[part[0]]].sgp4_array(np.full(len(part), jd0), fr)
        good = e == 0
        r[part[good]] = rr[good]
        v[part[good]] = vv[good]
    return r, v


def _refine_newton(sats, i, j, jd0, fr0, t_start, lo, hi, iterations=8):
    """Vectorised closest approach: Newton's method on f(t) = dr . dv = 0 for all pairs at once.

    dr, dv are the exact SGP4 relative position and velocity; f'(t) = |dv|^2 + dr . da,
    with the relative acceleration da from two-body gravity (close enough for the step;
    the root itself is exact). Steps are kept within each pair's bracket [lo, hi]; where
    f' <= 0 (not near a minimum) the step moves a tenth of the bracket downhill. Returns
    the time (minutes) and distance (km) of the best point seen per pair, edges included.
    """
    t = np.clip(t_start, lo, hi)
    best_t = t.copy()
    best_d = np.full(len(t), np.inf)
    n = len(t)
    live = np.arange(n)
    for _ in range(iterations + 1):
        if len(live) == 0:
            break
        r, v = _states(sats, np.concatenate([i[live], j[live]]), jd0, fr0, np.concatenate([t[live], t[live]]))
        dr, dv = r[len(live):] - r[:len(live)], v[len(live):] - v[:len(live)]
        ra, rb = r[:len(live)], r[len(live):]
        d = np.linalg.norm(dr, axis=1)
        better = d < best_d[live]
        best_d[live[better]] = d[better]
        best_t[live[better]] = t[live[better]]
        da = -MU_EARTH_KM3_S2 * (rb / np.linalg.norm(rb, axis=1, keepdims=True) ** 3
                                 - ra / np.linalg.norm(ra, axis=1, keepdims=True) ** 3)
        f = np.einsum("ij,ij->i", dr, dv)  # km^2/s
        fp = np.einsum("ij,ij->i", dv, dv) + np.einsum("ij,ij->i", dr, da)  # km^2/s^2
        with np.errstate(divide="ignore", invalid="ignore"):
            step = np.where(fp > 0, -f / fp / 60.0, -np.sign(f) * 0.1 * (hi[live] - lo[live]))
        step = np.nan_to_num(step, nan=0.0)
        t_new = np.clip(t[live] + step, lo[live], hi[live])
        moved = np.abs(t_new - t[live]) > 1e-9  # minutes: 60 microseconds
        t[live] = t_new
        live = live[moved]
    for edge in (lo, hi):  # a minimum at the bracket's edge, as the one-by-one search allows
        r, v = _states(sats, np.concatenate([i, j]), jd0, fr0, np.concatenate([edge, edge]))
        d = np.linalg.norm(r[n:] - r[:n], axis=1)
        better = d < best_d
        best_d[better], best_t[better] = d[better], edge[better]
    return best_t, best_d


def _radial_acceleration_bound(r, v, ok):
    """A bound (km/s^2) on each object's |d^2 rho / dt^2| over a block of grid nodes.

    ``r``, ``v`` have shape (objects, nodes, 3); ``ok`` marks the propagated nodes. In
    the two-body problem d^2 rho / dt^2 = (|v|^2 - rho_dot^2) / rho - mu / rho^2, which
    is zero on a circular orbit. The bound is 1.5 times its largest value at the nodes,
    plus 1e-4 km/s^2 for what the two-body value leaves out: J2 (radial acceleration
    under 3e-5 km/s^2 in low orbit), drag, and the change between nodes.
    """
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        rho = np.linalg.norm(r, axis=2)
        rho_dot = np.einsum("ijk,ijk->ij", r, v) / rho
        rho_ddot = (np.einsum("ijk,ijk->ij", v, v) - rho_dot**2) / rho - MU_EARTH_KM3_S2 / rho**2
    rho_ddot = np.where(ok, np.abs(rho_ddot), 0.0)
    return 1.5 * rho_ddot.max(axis=1) + 1e-4


def _radial_band(pos, vel, radial_acc, dt_s):
    """Distance from the Earth's centre at an interval's midpoint, rho, and how far it
    can move within the interval, w = |rho_dot| dt / 2 + radial_acc dt^2 / 8 (km).

    Taylor's theorem about the midpoint, with |d^2 rho / dt^2| <= radial_acc.
    """
    rho = np.sqrt(np.einsum("ij,ij->i", pos, pos))
    w = np.abs(np.einsum("ij,ij->i", pos, vel)) / rho * (0.5 * dt_s) + radial_acc * (dt_s**2 / 8.0)
    return rho, w


def _interval_pairs(pos, vel, radial_acc, dt_s, v_max, reach_km, a_max):
    """Pairs (a, b), a < b, of objects that may come within ``reach_km`` during one grid interval.

    ``pos`` and ``vel`` are the states at the interval's midpoint and ``radial_acc`` a
    bound on each object's |d^2 rho / dt^2| (km/s^2) over the interval, rho being the
    distance from the Earth's centre. Two filters, the second only on the first's output:

    1. Space: two objects that meet during the interval are at most
       ``reach_km + v_max * dt_s`` plus the curvature allowance apart at its midpoint
       (they close at most at 2 v_max for half the interval). A k-d tree
       (``cKDTree.query_pairs``) lists those pairs.
    2. Altitude, the apogee/perigee filter of Hoots et al. (1984) applied interval by
       interval: by Taylor's theorem an object's rho stays within
       w = |rho_dot| dt / 2 + radial_acc dt^2 / 8 of its midpoint value, and two
       objects closer than ``reach_km`` have rho within ``reach_km`` of each other, so a
       pair with |rho_a - rho_b| > reach_km + w_a + w_b cannot meet. Nearly all working
       satellites are on nearly circular orbits (w under a kilometre for a one-minute
       interval), so this removes most pairs in a populated sky: those between
       neighbouring shells, such as the constellations' shells 10 km apart.
    """
    rho, w = _radial_band(pos, vel, radial_acc, dt_s)
    reach = reach_km + 1.01 * v_max * dt_s + a_max * dt_s**2 / 8.0
    pairs = cKDTree(pos, balanced_tree=False, compact_nodes=False).query_pairs(reach, output_type="ndarray")
    a, b = pairs[:, 0], pairs[:, 1]
    radial = np.abs(rho[a] - rho[b]) <= reach_km + w[a] + w[b]
    return a[radial], b[radial]


def screen_conjunctions(
    satellites,
    jd_start: float,
    fr_start: float,
    duration_min: float,
    threshold_km: float,
    step_s: float = 60.0,
    substeps: int = 3,
    refine="newton",
):
    """Find every close approach closer than ``threshold_km`` in a time window.

    1. Propagate all objects with SGP4 every 2 ``step_s`` seconds, in one batch call per
       block of time (``SatrecArray``).
    2. Between these nodes, interpolate positions and velocities with cubic Hermite
       polynomials: at the middle of each search interval of ``step_s`` seconds, and
       onto ``substeps`` sub-steps of h = step_s / substeps seconds. Over two minutes
       the interpolation error is about 7 m in low orbit (the margins below allow for
       it), and the refinement in step 5 uses SGP4 itself.
    3. At the midpoint of each search interval, ask a k-d tree (``cKDTree.query_pairs``)
       for the pairs closer than threshold + v_max * step + margins, where v_max is the
       largest speed in the population: two objects close at most at 2 v_max for half
       the interval, and the margins cover the curvature of the paths (relative
       acceleration under 2 g) and the interpolation error. No pair that comes within the
       threshold during the interval can be missed. The work per interval grows as
       N log N plus the number of close pairs, not as N^2. Then the apogee/perigee
       filter of Hoots et al. (1984), interval by interval: drop the pairs whose
       distances from the Earth's centre cannot come within the threshold of each other
       during the interval, from each object's own radial speed and a bound on its radial
       acceleration (:func:`_interval_pairs`). On the real catalogue this removes about
       five pairs in six of those the tree lists (the constellations fly in shells a few
       kilometres to tens of kilometres apart).
    4. Keep the pairs whose straight-line closest approach within the interval, plus the
       curvature allowance, is under the threshold; for those few, repeat the test on
       each sub-step (the straight-line closest approach within the sub-step under the
       threshold plus the curvature margin).
    5. Merge the candidates of one pair less than a sub-step apart into one encounter
       and refine its time and distance of closest approach on the SGP4 separation,
       starting from the candidate with the smallest straight-line distance:
       ``refine="newton"`` (the default) refines all encounters at once by Newton's
       method on dr . dv = 0 (:func:`_refine_newton`); ``refine="brent"`` refines them
       one by one with :func:`closest_approach` (slower, the same answers);
       ``refine=False`` keeps the interpolated estimate. Encounters under the threshold
       are kept.

    Returns a dict of equal-length arrays, one entry per encounter, sorted by time:
    ``i`` and ``j`` (indices into ``satellites``, i < j), ``tca_min`` (minutes after the
    start), ``miss_km``, ``speed_km_s`` (relative speed at TCA), and ``start_min``,
    ``end_min``: the first and last sub-step in which the pair was a candidate. A pair
    that stays close for the whole window (docked vehicles, formation flyers) shows as
    one encounter with ``start_min`` near 0 and ``end_min`` near ``duration_min``.
    Objects that fail to propagate (SGP4 error) are left out at the times they fail.

    Why this method, and what it costs. Measured on the 15,985 working satellites of
    July 2026, in processor time relative to propagating the same minute with
    ``SatrecArray`` (``make bench`` reports the whole-day ratio in wall time): building
    the tree costs about 0.3 of a propagation and listing its 137,000 pairs about 1.0
    (0.5 even when the radius, and the list, is ten times smaller), so one tree a minute
    already costs about as much as the propagation; each interpolation of all objects
    costs about 0.2, and the filters of steps 3 and 4, on the pairs listed, 0.3 to 0.5.
    Hence two choices. SGP4 runs every two search intervals, not every one, which halves
    the propagation. And fewer, larger trees do not help: the number of pairs grows as
    the square of the interval, so a tree every two minutes made screening about 1.6
    times slower and every three minutes 3 times; putting rho into the tree as a fourth
    coordinate made its query slower than the pairs it saved. The filter of step 3 runs
    on the tree's output instead and cuts the work of step 4 by about three.
    """
    array = _as_satrec_array(satellites)
    if isinstance(satellites, SatrecArray):
        raise ValueError("satellites must be a list of Satrec for screening (refinement needs each record)")
    if refine not in ("newton", "brent", True, False):
        raise ValueError(f"refine must be 'newton', 'brent' or False, got {refine!r}")
    refine = "newton" if refine is True else refine
    sats = [satellites] if isinstance(satellites, Satrec) else list(satellites)
    n_obj = len(sats)
    jd0 = number("jd_start", as_finite("jd_start", jd_start))
    fr0 = number("fr_start", as_finite("fr_start", fr_start))
    duration = number("duration_min", positive("duration_min", duration_min))
    threshold = number("threshold_km", positive("threshold_km", threshold_km))
    step = number("step_s", in_range("step_s", step_s, 1.0, 600.0))
    n_sub = int(number("substeps", in_range("substeps", substeps, 1, 1000)))
    if duration > 60.0 * 24.0 * 30.0:
        raise ValueError(f"duration_min must be at most 30 days (43200 min), got {duration}")
    keys = ("i", "j", "tca_min", "miss_km", "speed_km_s", "start_min", "end_min")
    empty = {k: np.zeros(0, dtype=int if k in ("i", "j") else float) for k in keys}
    if n_obj < 2:
        return empty

    h = step / n_sub  # seconds
    span = 2.0 * step  # seconds between SGP4 nodes: two search intervals each
    n_spans = int(np.ceil(duration * 60.0 / span - 1e-9))
    node_min = np.minimum(np.arange(n_spans + 1) * span / 60.0, duration)
    a_max = 2.0 * MU_EARTH_KM3_S2 / (R_EARTH_KM + 100.0) ** 2  # km/s^2: two objects at 100 km altitude
    # curvature within half a sub-step, a_max (h / 2)^2 / 2, counted twice for safety, and
    # the Hermite interpolation error between SGP4 nodes, for two objects: span^4 / 384
    # times the fourth derivative of the position, about omega^4 r: 1.3e-8 km/s^4 on a
    # circular low orbit, 4.4e-8 at a perigee 6,500 km from the Earth's centre passed at
    # 10.5 km/s; 1e-7 covers both with room. The interpolation error (0.11 km at the
    # default two-minute span) goes into the curvature's safety half where it fits, so
    # that the defaults keep the candidate threshold of one-minute nodes
    hermite = 2.0 * 1e-7 * span**4 / 384.0
    margin = a_max * h * h / 4.0 + max(0.0, hermite - a_max * h * h / 8.0) + 2.0 * 1.5e-8 * step**4 / 384.0 + 1e-3

    cand_i, cand_j, cand_t, cand_d = [], [], [], []
    block = 30
    for b0 in range(0, n_spans, block):
        b1 = min(b0 + block, n_spans)
        t_nodes = node_min[b0:b1 + 1]
        jd = np.full(t_nodes.shape, jd0)
        fr = fr0 + t_nodes / MINUTES_PER_DAY
        err, r, v = array.sgp4(jd, fr)
        ok = (err == 0) & np.all(np.isfinite(r), axis=2)
        speeds = np.linalg.norm(np.where(ok[..., None], v, 0.0), axis=2)
        v_max = float(speeds.max()) if ok.any() else 0.0
        radial_acc = _radial_acceleration_bound(r, v, ok)
        for k in range(b1 - b0):
            dt_s = (t_nodes[k + 1] - t_nodes[k]) * 60.0
            if dt_s <= 0:
                continue
            both = ok[:, k] & ok[:, k + 1]
            idx = np.nonzero(both)[0]
            if len(idx) < 2:
                continue
            if len(idx) == n_obj:  # all propagated: views, not copies
                r0, v0, r1, v1 = r[:, k], v[:, k], r[:, k + 1], v[:, k + 1]
            else:
                r0, v0, r1, v1 = r[idx, k], v[idx, k], r[idx, k + 1], v[idx, k + 1]
            n_parts = max(1, int(np.ceil(dt_s / step - 1e-9)))  # search intervals in this span
            part_s = dt_s / n_parts
            n_here = max(1, int(np.ceil(part_s / h - 1e-9)))  # sub-steps in each
            h_here = part_s / n_here
            for q in range(n_parts):
                pos, vel = _hermite(r0, v0, r1, v1, (q + 0.5) / n_parts, dt_s)
                a, bb = _interval_pairs(pos, vel, radial_acc[idx], part_s, v_max, threshold + margin + 1e-3, a_max)
                if len(a) == 0:
                    continue
                # the straight-line closest approach within the interval, with room for
                # the paths' curvature (relative acceleration under a_max, times 1.5 for safety)
                slack = threshold + margin + 1.5 * a_max * part_s**2 / 8.0 + 1e-3
                dp = pos[bb] - pos[a]
                dv = vel[bb] - vel[a]
                w2 = np.einsum("ij,ij->i", dv, dv)
                pd = np.einsum("ij,ij->i", dp, dv)
                t_star = np.clip(-pd / np.maximum(w2, 1e-30), -0.5 * part_s, 0.5 * part_s)
                d2 = np.einsum("ij,ij->i", dp, dp) + t_star * (2.0 * pd + t_star * w2)
                near = d2 <= slack**2
                if not near.any():
                    continue
                a, bb = a[near], bb[near]
                # the few survivors: the sub-step test, on their own states only
                ends = np.concatenate([a, bb])
                e_r0, e_v0, e_r1, e_v1 = r0[ends], v0[ends], r1[ends], v1[ends]
                for m in range(n_here):
                    s = (q + (m + 0.5) / n_here) / n_parts
                    p_s, v_s = _hermite(e_r0, e_v0, e_r1, e_v1, s, dt_s)
                    dp = p_s[len(a):] - p_s[:len(a)]
                    dv = v_s[len(a):] - v_s[:len(a)]
                    w2 = np.einsum("ij,ij->i", dv, dv)
                    t_star = np.clip(-np.einsum("ij,ij->i", dp, dv) / np.maximum(w2, 1e-30),
                                     -0.5 * h_here, 0.5 * h_here)
                    d_star = np.linalg.norm(dp + dv * t_star[:, None], axis=1)
                    keep = d_star <= threshold + margin
                    if keep.any():
                        ia, ib = idx[a[keep]], idx[bb[keep]]
                        cand_i.append(np.minimum(ia, ib))
                        cand_j.append(np.maximum(ia, ib))
                        cand_t.append(t_nodes[k] + (s * dt_s + t_star[keep]) / 60.0)
                        cand_d.append(d_star[keep])
    if not cand_i:
        return empty
    ci = np.concatenate(cand_i)
    cj = np.concatenate(cand_j)
    ct = np.concatenate(cand_t)
    cd = np.concatenate(cand_d)
    order = np.lexsort((ct, cj, ci))
    ci, cj, ct, cd = ci[order], cj[order], ct[order], cd[order]
    # one candidate per encounter: merge repeats of a pair less than a sub-step apart
    new = np.ones(len(ci), dtype=bool)
    new[1:] = (ci[1:] != ci[:-1]) | (cj[1:] != cj[:-1]) | (ct[1:] - ct[:-1] > 1.5 * h / 60.0)
    starts = np.nonzero(new)[0]
    ends = np.append(starts[1:], len(ci))
    gi, gj = ci[starts], cj[starts]
    first, last = ct[starts], ct[ends - 1]
    lo = np.maximum(0.0, first - h / 60.0)
    hi = np.minimum(duration, last + h / 60.0)
    # the candidate with the smallest straight-line distance starts each refinement
    group = np.cumsum(new) - 1
    by_distance = np.lexsort((cd, group))
    seed_t = ct[by_distance[np.searchsorted(group[by_distance], np.arange(len(starts)))]]
    if refine == "newton":
        t_ca, d_ca = _refine_newton(sats, gi, gj, jd0, fr0, seed_t, lo, np.maximum(hi, lo))
    else:
        t_ca, d_ca = np.empty(len(starts)), np.empty(len(starts))
        for g in range(len(starts)):
            i, j = int(gi[g]), int(gj[g])
            if refine == "brent" and hi[g] > lo[g]:
                t_ca[g], d_ca[g] = closest_approach(sats[i], sats[j], jd0, fr0, lo[g], hi[g])
            else:
                t_ca[g] = seed_t[g] if refine is False else lo[g]
                d_ca[g] = _separation_km(sats[i], sats[j], jd0, fr0, t_ca[g])
    keep = d_ca < threshold
    if not keep.any():
        return empty
    gi, gj, t_ca, d_ca, first, last = gi[keep], gj[keep], t_ca[keep], d_ca[keep], first[keep], last[keep]
    _, v = _states(sats, np.concatenate([gi, gj]), jd0, fr0, np.concatenate([t_ca, t_ca]))
    speed = np.linalg.norm(v[len(gi):] - v[:len(gi)], axis=1)
    result = {"i": gi.astype(int), "j": gj.astype(int), "tca_min": t_ca, "miss_km": d_ca, "speed_km_s": speed,
              "start_min": first, "end_min": last}
    # the same encounter found from two neighbouring brackets: keep one
    order = np.lexsort((result["tca_min"], result["j"], result["i"]))
    result = {k: v[order] for k, v in result.items()}
    dup = np.zeros(len(order), dtype=bool)
    dup[1:] = (
        (result["i"][1:] == result["i"][:-1]) & (result["j"][1:] == result["j"][:-1])
        & (np.abs(result["tca_min"][1:] - result["tca_min"][:-1]) < 1e-4)
    )
    result = {k: v[~dup] for k, v in result.items()}
    order = np.argsort(result["tca_min"], kind="stable")
    return {k: v[order] for k, v in result.items()}


# --------------------------------------------------------------------------- synthetic population

#: Components of the synthetic population: (weight, altitude range km, inclination deg,
#: inclination spread deg). A rough caricature of the public catalogue's structure in
#: low Earth orbit as the book describes it (large constellation shells near 550 km and
#: 53 deg, sun-synchronous orbits at 500-800 km, the debris clouds near 780-850 km from
#: the 2007 Fengyun-1C test and the 2009 Iridium 33 / Cosmos 2251 collision, a shell near
#: 1,200 km at 88 deg). The weights are our choice for a teaching example, not counts.
SYNTHETIC_COMPONENTS = (
    (0.35, (540.0, 570.0), 53.0, 0.2),
    (0.08, (540.0, 570.0), 43.0, 0.2),
    (0.05, (560.0, 580.0), 97.6, 0.1),
    (0.15, (480.0, 800.0), 97.8, 0.5),
    (0.10, (750.0, 900.0), 98.8, 0.5),
    (0.07, (760.0, 820.0), 86.4, 0.3),
    (0.05, (760.0, 820.0), 74.0, 0.3),
    (0.07, (1150.0, 1250.0), 87.9, 0.2),
    (0.08, (300.0, 2000.0), 60.0, 30.0),
)


def synthetic_population(n_objects: int, epoch_jd: float, seed=2026, eccentricity_max: float = 0.01):
    """A synthetic population of SGP4 satellites drawn from :data:`SYNTHETIC_COMPONENTS`.

    Each object draws a component by weight, an altitude uniformly within its range, an
    inclination from a normal distribution about its centre (clipped to 0-180 deg), an
    eccentricity uniformly in [0, eccentricity_max), and uniform node, perigee argument
    and mean anomaly. For screening benchmarks and teaching; it is **synthetic**, shaped
    to resemble, not to reproduce, the real catalogue. ``seed`` is an integer or a
    ``numpy.random.Generator``.
    """
    n = int(number("n_objects", in_range("n_objects", n_objects, 1, 1_000_000)))
    emax = number("eccentricity_max", in_range("eccentricity_max", eccentricity_max, 0.0, 0.5))
    rng = np.random.default_rng(seed)
    weights = np.array([c[0] for c in SYNTHETIC_COMPONENTS])
    comp = rng.choice(len(SYNTHETIC_COMPONENTS), size=n, p=weights / weights.sum())
    sats = []
    for k in range(n):
        _, (h_lo, h_hi), inc, spread = SYNTHETIC_COMPONENTS[comp[k]]
        sats.append(
            satellite_from_elements(
                epoch_jd,
                rng.uniform(h_lo, h_hi),
                rng.uniform(0.0, emax),
                float(np.clip(rng.normal(inc, spread), 0.0, 180.0)),
                rng.uniform(0, 360),
                rng.uniform(0, 360),
                rng.uniform(0, 360),
                satnum=k + 1,
            )
        )
    return sats
