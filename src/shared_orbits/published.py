"""Checking a lab's result against a published value.

Every lab ends with a "Check against published results" cell that calls
:func:`compare_with_published` once per number: the value the lab computed, the value
someone else published (typed as a literal, with the source's bibliography key), and a
tolerance. The book's tests read those cells and refuse a check whose published value is
not a literal, whose source is not cited, or whose tolerance could never fail.
"""

from __future__ import annotations

import math


def compare_with_published(label: str, computed, published, *, source: str, rel_tol=None, abs_tol=None) -> float:
    """Print and check ``computed`` against ``published`` within one tolerance.

    ``rel_tol`` (a fraction below 1) or ``abs_tol`` (in the value's unit, smaller than
    the published value), exactly one of them. ``source`` is the bibliography key of the
    publication. Returns the difference computed - published; raises ``AssertionError``
    naming the check when the difference is outside the tolerance, and ``ValueError`` for
    bad arguments.
    """
    if not isinstance(label, str) or not label:
        raise ValueError(f"label must be a non-empty string, got {label!r}")
    if not isinstance(source, str) or not source:
        raise ValueError(f"source must be a bibliography key, got {source!r}")
    values = {}
    for name, value in (("computed", computed), ("published", published)):
        try:
            values[name] = float(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{name} must be a number, got {value!r}") from exc
        if not math.isfinite(values[name]):
            raise ValueError(f"{name} must be finite, got {values[name]}")
    if (rel_tol is None) == (abs_tol is None):
        raise ValueError("give exactly one of rel_tol and abs_tol")
    if rel_tol is not None:
        if not (isinstance(rel_tol, (int, float)) and 0 < rel_tol < 1):
            raise ValueError(f"rel_tol must lie strictly between 0 and 1, got {rel_tol!r}")
        limit = rel_tol * abs(values["published"])
        text = f"{rel_tol:.0e} relative" if rel_tol < 1e-2 else f"{rel_tol:.0%}"
    else:
        if not (isinstance(abs_tol, (int, float)) and 0 < abs_tol < max(abs(values["published"]), 1e-300)):
            raise ValueError(f"abs_tol must be positive and smaller than the published value, got {abs_tol!r}")
        limit = abs_tol
        text = f"{abs_tol:g}"
    diff = values["computed"] - values["published"]
    ok = abs(diff) <= limit
    print(f"{label}: computed {values['computed']:.10g}, published {values['published']:.10g} [{source}], "
          f"tolerance {text}: {'ok' if ok else 'FAILED'}")
    if not ok:
        raise AssertionError(f"{label}: computed {values['computed']!r} differs from the published "
                             f"{values['published']!r} ({source}) by {diff:.3g}, more than {limit:.3g}")
    return diff
