"""One set of constants: every module uses the values of shared_orbits.constants."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shared_orbits import atmosphere, breakup, conjunction, constants, orbits, population, propagation, sensing

SRC = Path(constants.__file__).parent


@pytest.mark.parametrize("module", [atmosphere, breakup, orbits, population, sensing])
def test_modules_take_the_earth_radius_from_constants(module):
    assert module.R_EARTH_KM is constants.R_EARTH_KM


def test_gravitational_parameter_in_both_units_is_one_value():
    assert orbits.MU_EARTH_KM3_S2 is constants.MU_EARTH_KM3_S2
    assert atmosphere.MU_EARTH_M3_S2 == pytest.approx(constants.MU_EARTH_KM3_S2 * 1e9, rel=1e-15)
    assert propagation.WGS84_A_KM == constants.R_EARTH_KM
    assert conjunction.MU_EARTH_KM3_S2 is constants.MU_EARTH_KM3_S2


@pytest.mark.parametrize("path", sorted(p for p in SRC.glob("*.py") if p.name != "constants.py"), ids=lambda p: p.name)
def test_no_module_types_its_own_earth_constants(path):
    """The digits of R_E, mu and their WGS-72 cousins appear only in constants.py."""
    code = path.read_text()
    for digits in ("6378.13", "398600.", "3.986004", "86164.09", "298.257"):
        assert digits not in code, f"{path.name} repeats the constant {digits}...: import it from constants"
    assert not re.search(r"^(R_EARTH|MU_EARTH)\w* = ", code, re.M)
