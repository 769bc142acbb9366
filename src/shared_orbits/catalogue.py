"""The real catalogue: CelesTrak's general-perturbations (GP) data as arrays.

CelesTrak (T.S. Kelso) publishes the US catalogue's GP element sets as CCSDS Orbit
Mean-Elements Messages (OMM); ``gp.php?GROUP=active&FORMAT=csv`` gives one row per
working satellite. The book ships the July 2026 file, compressed, as
``notebooks/data/celestrak-active-2026-07.csv.gz`` (provenance on the book's data-sources
page). This module reads such a file into numpy arrays, derives the altitudes of
perigee and apogee from the mean elements, names each object's constellation family from
the name CelesTrak gives it, and builds SGP4 records for propagation and screening.

The altitudes are those of the *mean* elements on a spherical Earth of radius
:data:`~shared_orbits.constants.R_EARTH_KM`: a (km) = (mu / n^2)^(1/3), perigee
a (1 - e) - R_E and apogee a (1 + e) - R_E. They differ from osculating altitudes by up
to about 10 km in low orbit: fine for histograms and regimes, not for conjunctions
(screen with SGP4 instead).
"""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

import numpy as np

from ._checks import in_range, positive
from .constants import MU_EARTH_KM3_S2, R_EARTH_KM
from .orbits import orbital_regime
from .propagation import parse_omm

#: Numeric OMM fields read as float arrays (the rest are kept as strings).
NUMERIC_FIELDS = ("MEAN_MOTION", "ECCENTRICITY", "INCLINATION", "RA_OF_ASC_NODE", "ARG_OF_PERICENTER",
                  "MEAN_ANOMALY", "BSTAR", "MEAN_MOTION_DOT", "MEAN_MOTION_DDOT")

#: Constellation families by the first word of the object's name, as CelesTrak names
#: them. A name says who built or flies a satellite only for the large, uniformly named
#: constellations; everything else is "other".
FAMILIES = {
    "STARLINK": "Starlink (SpaceX)",
    "ONEWEB": "OneWeb (Eutelsat)",
    "KUIPER": "Kuiper (Amazon)",
    "QIANFAN": "Qianfan (Spacesail)",
    "HULIANWANG": "Guowang (China SatNet)",
    "YAOGAN": "Yaogan (China)",
    "FLOCK": "Planet (Flock, SkySat)",
    "SKYSAT": "Planet (Flock, SkySat)",
    "LEMUR": "Spire (Lemur)",
    "IRIDIUM": "Iridium",
    "GLOBALSTAR": "Globalstar",
    "ORBCOMM": "Orbcomm",
    "COSMOS": "Cosmos (Russia)",
    "BEIDOU": "Navigation (BeiDou, GPS, Galileo, GLONASS)",
    "NAVSTAR": "Navigation (BeiDou, GPS, Galileo, GLONASS)",
}
#: Words anywhere in a name that decide its family first (GLONASS satellites are named
#: "COSMOS nnnn [GLONASS-M]", Galileo ones "GSAT0nnn (GALILEO ...)").
FAMILY_WORDS = {"GLONASS": "Navigation (BeiDou, GPS, Galileo, GLONASS)",
                "GALILEO": "Navigation (BeiDou, GPS, Galileo, GLONASS)"}


def read_gp_csv(path) -> dict:
    """Read a CelesTrak OMM CSV file (plain or ``.gz``) into a dict of arrays.

    Every column becomes an array: the fields of :data:`NUMERIC_FIELDS` as floats,
    ``NORAD_CAT_ID`` as integers, the rest as strings. Added columns:
    ``a_km`` (semi-major axis), ``perigee_km`` and ``apogee_km`` (altitudes of the mean
    elements), ``regime`` (:func:`~shared_orbits.orbits.orbital_regime`), ``family``
    (:func:`name_family`) and ``launch`` (the launch part of the international
    designator, ``1998-067`` for ``1998-067A``).
    """
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"path must be an existing CSV file, got {str(path)!r}")
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    if not rows:
        raise ValueError(f"{path.name} holds no OMM rows")
    missing = [f for f in (*NUMERIC_FIELDS, "OBJECT_NAME", "OBJECT_ID", "EPOCH", "NORAD_CAT_ID") if f not in rows[0]]
    if missing:
        raise ValueError(f"{path.name} lacks the OMM column(s) {', '.join(missing)}")
    cat = {key: np.array([r[key] for r in rows]) for key in rows[0]}
    for key in NUMERIC_FIELDS:
        cat[key] = cat[key].astype(float)
    cat["NORAD_CAT_ID"] = cat["NORAD_CAT_ID"].astype(int)
    a, perigee, apogee = mean_altitudes_km(cat["MEAN_MOTION"], cat["ECCENTRICITY"])
    cat["a_km"], cat["perigee_km"], cat["apogee_km"] = a, perigee, apogee
    cat["regime"] = orbital_regime(np.maximum(perigee, 0.0), np.maximum(apogee, 0.0))
    cat["family"] = name_family(cat["OBJECT_NAME"])
    cat["launch"] = np.array([oid[:8] for oid in cat["OBJECT_ID"]])
    return cat


def mean_altitudes_km(mean_motion_rev_day, eccentricity):
    """Semi-major axis, perigee and apogee altitude (km) from mean motion and eccentricity.

    Kepler's third law with n in rad/s: a = (mu / n^2)^(1/3); perigee a (1 - e) - R_E,
    apogee a (1 + e) - R_E. Arrays broadcast.
    """
    n = in_range("mean_motion_rev_day", positive("mean_motion_rev_day", mean_motion_rev_day), 0.01, 20.0)
    e = in_range("eccentricity", eccentricity, 0.0, 0.999)
    n_rad_s = n * 2.0 * np.pi / 86400.0
    a = (MU_EARTH_KM3_S2 / n_rad_s**2) ** (1.0 / 3.0)
    return a, a * (1.0 - e) - R_EARTH_KM, a * (1.0 + e) - R_EARTH_KM


def name_family(names):
    """The constellation family of each name: :data:`FAMILY_WORDS` anywhere in it, else
    :data:`FAMILIES` by its first word, else "other"."""
    out = []
    for name in np.atleast_1d(np.asarray(names, dtype=str)):
        upper = name.upper()
        family = next((f for word, f in FAMILY_WORDS.items() if word in upper), None)
        first = upper.replace("-", " ").split(" ")[0]
        out.append(family or FAMILIES.get(first, "other"))
    return np.array(out)


def satellites(cat: dict, rows=None) -> list:
    """SGP4 records (``Satrec``) for the catalogue's rows (all, or the indices ``rows``)."""
    idx = range(len(cat["OBJECT_NAME"])) if rows is None else np.asarray(rows, dtype=int)
    keys = [k for k in cat if k.isupper()]
    return [parse_omm({k: cat[k][i] for k in keys}) for i in idx]
