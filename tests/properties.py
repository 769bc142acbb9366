"""Shared pieces of the package's property tests.

Every public function of ``shared_orbits`` must either raise ``ValueError`` or return
finite numbers (style.md, "The code"). Each module's tests feed its functions the
``numbers`` strategy below and check the result with ``finite_or_value_error``.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp


# any float or small array of floats, NaN and infinities included
floats = st.floats(allow_nan=True, allow_infinity=True, width=64)
arrays = hnp.arrays(np.float64, hnp.array_shapes(max_dims=2, max_side=4), elements=floats)
anything = st.one_of(floats, arrays)


def numbers_in(result):
    """Every number in a result (arrays, tuples, dicts) as one flat float array."""
    if isinstance(result, dict):
        parts = [numbers_in(v) for v in result.values()]
    elif isinstance(result, (tuple, list)):
        parts = [numbers_in(v) for v in result]
    else:
        return np.asarray(result, dtype=float).ravel()
    return np.concatenate(parts) if parts else np.empty(0)


def finite_or_value_error(call, low=-np.inf, high=np.inf):
    """Run ``call``: a ValueError passes; otherwise every number is finite and within [low, high]."""
    try:
        out = call()
    except ValueError:
        return None
    x = numbers_in(out)
    assert np.all(np.isfinite(x)) and np.all((x >= low) & (x <= high)), out
    return out


# any float, plus plausible magnitudes and the extremes near them, so that one argument
# in its valid range meets another at the edge of double precision
values = st.one_of(st.floats(allow_nan=True, allow_infinity=True, width=64), st.floats(-5000.0, 5000.0), st.sampled_from(
    [0.0, 5e-324, 1e-300, 1e-200, 1e-100, 1e-6, 0.01, 0.1, 1.0, 150.0, 400.0, 1e6, 1e100, 1e200, 1e300, 1.7e308, -1.0]))
small_arrays = hnp.arrays(np.float64, hnp.array_shapes(max_dims=2, max_side=3), elements=values)
numbers = st.one_of(values, small_arrays)
