"""Input checks shared by every public function.

Each helper takes the argument's name and its value, and returns the value as a float
numpy array (or float) when it passes. A failure raises ``ValueError`` with a message
that names the argument and says what was wrong, so a reader never gets a silent NaN.
"""

from __future__ import annotations

import numpy as np


def as_finite(name: str, value) -> np.ndarray:
    """Return ``value`` as a float array; raise if it is not numeric or holds NaN/inf."""
    if isinstance(value, (str, bytes)) or value is None:
        raise ValueError(f"{name} must be a number or an array of numbers, got {value!r}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be a number or an array of numbers, got {value!r}") from exc
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty")
    bad = ~np.isfinite(arr)
    if bad.any():
        raise ValueError(f"{name} must be finite, got {float(arr[bad].flat[0])}")
    return arr


def positive(name: str, value) -> np.ndarray:
    """Finite and strictly greater than zero."""
    arr = as_finite(name, value)
    if (arr <= 0).any():
        raise ValueError(f"{name} must be positive, got {float(arr[arr <= 0].flat[0])}")
    return arr


def nonnegative(name: str, value) -> np.ndarray:
    """Finite and greater than or equal to zero."""
    arr = as_finite(name, value)
    if (arr < 0).any():
        raise ValueError(f"{name} must not be negative, got {float(arr[arr < 0].flat[0])}")
    return arr


def in_range(name: str, value, low: float, high: float) -> np.ndarray:
    """Finite and within the closed interval [low, high]."""
    arr = as_finite(name, value)
    out = (arr < low) | (arr > high)
    if out.any():
        raise ValueError(f"{name} must lie between {low} and {high}, got {float(arr[out].flat[0])}")
    return arr


def shape(name: str, arr: np.ndarray, expected: tuple) -> np.ndarray:
    """Check an array's shape; ``None`` in ``expected`` matches any length."""
    ok = arr.ndim == len(expected) and all(e is None or e == s for e, s in zip(expected, arr.shape))
    if not ok:
        want = "(" + ", ".join("n" if e is None else str(e) for e in expected) + ")"
        raise ValueError(f"{name} must have shape {want}, got {arr.shape}")
    return arr


def scalar(arr: np.ndarray):
    """Return a Python float for 0-d arrays, else the array unchanged."""
    return float(arr) if np.ndim(arr) == 0 else arr


def number(name: str, arr) -> float:
    """A single number (a 0-d array), as a Python float; arrays raise ``ValueError``."""
    return float(shape(name, np.asarray(arr, dtype=float), ()))


def finite_result(names: str, value):
    """Return ``value`` if every entry is finite, else raise ``ValueError`` naming the inputs.

    For formulas whose inputs have no natural bound of their own (the coefficients of an
    algebraic model): finite inputs can still overflow, and the caller must hear that the
    combination lies outside the range where the formula gives a number.
    """
    arr = np.asarray(value, dtype=float)
    bad = ~np.isfinite(arr)
    if bad.any():
        raise ValueError(f"{names} are outside the range where the model gives a finite result "
                         f"(got {float(arr[bad].flat[0])})")
    return value
