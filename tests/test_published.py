"""shared_orbits.published: a check that can pass, fail, or refuse a meaningless tolerance."""

from __future__ import annotations

import pytest
from hypothesis import given

from properties import finite_or_value_error, numbers
from shared_orbits.published import compare_with_published


def test_a_close_value_passes_and_returns_the_difference(capsys):
    assert compare_with_published("GEO radius", 42164.2, 42164.0, source="vallado2013", abs_tol=1.0) == pytest.approx(0.2)
    assert "ok" in capsys.readouterr().out


def test_a_distant_value_fails_naming_the_check():
    with pytest.raises(AssertionError, match="GEO radius"):
        compare_with_published("GEO radius", 42200.0, 42164.0, source="vallado2013", rel_tol=1e-4)


@pytest.mark.parametrize("kwargs, message", [
    ({"rel_tol": 1.0}, "rel_tol must lie strictly between 0 and 1"),
    ({"abs_tol": 50000.0}, "abs_tol must be positive and smaller"),
    ({}, "exactly one"),
    ({"rel_tol": 0.1, "abs_tol": 1.0}, "exactly one"),
])
def test_a_tolerance_that_could_never_fail_is_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        compare_with_published("x", 1.0, 42164.0, source="vallado2013", **kwargs)


@given(numbers, numbers)
def test_bad_numbers_are_value_errors(a, b):
    def call():
        try:
            return compare_with_published("x", a, b, source="k", rel_tol=0.5)
        except AssertionError:  # a finite value outside the tolerance: the check did its job
            return 0.0

    finite_or_value_error(call)
