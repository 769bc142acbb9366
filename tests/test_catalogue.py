"""shared_orbits.catalogue: the book's copy of CelesTrak's active catalogue, read as arrays."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given

from properties import finite_or_value_error, numbers
from shared_orbits import catalogue, orbits

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "notebooks" / "data" / "celestrak-active-2026-07.csv.gz"


@pytest.fixture(scope="module")
def cat():
    return catalogue.read_gp_csv(FILE)


def test_the_copy_holds_the_documented_rows(cat):
    """data-sources.md: 15,985 objects, epochs 16 June to 12 July 2026, 10,743 named Starlink."""
    assert len(cat["OBJECT_NAME"]) == 15985
    assert min(cat["EPOCH"])[:10] == "2026-06-16" and max(cat["EPOCH"])[:10] == "2026-07-12"
    assert np.count_nonzero(cat["family"] == "Starlink (SpaceX)") == 10743


def test_the_compressed_copy_is_deterministic():
    raw = FILE.read_bytes()
    assert raw[:2] == b"\x1f\x8b" and raw[4:8] == b"\x00\x00\x00\x00", "gzip time stamp must be 0"


def test_altitudes_follow_keplers_third_law(cat):
    k = int(np.flatnonzero(cat["OBJECT_NAME"] == "ISS (ZARYA)")[0])
    period_s = 86400.0 / cat["MEAN_MOTION"][k]
    assert orbits.period_s(cat["a_km"][k]) == pytest.approx(period_s, rel=1e-12)
    assert 380 < cat["perigee_km"][k] < cat["apogee_km"][k] < 440


def test_families_and_regimes(cat):
    names = ["STARLINK-1007", "ONEWEB-0012", "COSMOS 2433 [GLONASS-M]", "GSAT0101 (GALILEO-PFM)", "ISS (ZARYA)"]
    assert list(catalogue.name_family(names)) == ["Starlink (SpaceX)", "OneWeb (Eutelsat)",
                                                  "Navigation (BeiDou, GPS, Galileo, GLONASS)",
                                                  "Navigation (BeiDou, GPS, Galileo, GLONASS)", "other"]
    assert set(cat["regime"]) <= {"LEO", "MEO", "GEO", "HEO", "other"}
    assert np.count_nonzero(cat["regime"] == "LEO") > 15000


def test_bad_files_are_value_errors(tmp_path):
    with pytest.raises(ValueError, match="existing CSV"):
        catalogue.read_gp_csv(tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("OBJECT_NAME,EPOCH\nX,2026-01-01T00:00:00\n")
    with pytest.raises(ValueError, match="lacks the OMM column"):
        catalogue.read_gp_csv(bad)


@given(numbers, numbers)
def test_mean_altitudes_raise_only_value_error(n, e):
    finite_or_value_error(lambda: catalogue.mean_altitudes_km(n, e))
