"""Physical constants shared by every module of the package, units in their names.

One definition each, so that the labs and the modules agree to the last digit.

- WGS-84 (NIMA TR8350.2, 3rd ed. 2000, Table 3.1 and 3.4): the Earth's equatorial radius,
  flattening, gravitational parameter GM and rotation rate; J2 from EGM96.
- The sidereal day and the tropical year as in Vallado, *Fundamentals of Astrodynamics
  and Applications*, 4th ed. (2013), sections 3.5 and 9.6.

SGP4 itself uses the WGS-72 constants built into the ``sgp4`` package, as its element
sets require (Vallado et al. 2006); nothing here changes that.
"""

from __future__ import annotations

#: WGS-84 equatorial radius of the Earth (km).
R_EARTH_KM = 6378.137
#: WGS-84 flattening of the ellipsoid and its first eccentricity squared.
WGS84_F = 1.0 / 298.257223563
WGS84_E2 = WGS84_F * (2.0 - WGS84_F)
#: WGS-84 gravitational parameter GM of the Earth, in km^3/s^2 and in m^3/s^2.
MU_EARTH_KM3_S2 = 398600.4418
MU_EARTH_M3_S2 = MU_EARTH_KM3_S2 * 1e9
#: Second zonal harmonic of the Earth's gravity field (EGM96, unnormalised).
J2_EARTH = 1.08262668e-3
#: Rotation rate of the Earth relative to the stars (rad/s), WGS-84.
EARTH_ROTATION_RAD_S = 7.292115146706979e-5
#: One rotation of the Earth relative to the stars (s).
SIDEREAL_DAY_S = 86164.0905
#: The tropical year (s), the period the node of a sun-synchronous orbit must keep.
TROPICAL_YEAR_S = 365.2421897 * 86400.0
#: The Julian year (s), the year of the lifetime and population models.
SECONDS_PER_YEAR = 365.25 * 86400.0
MINUTES_PER_DAY = 1440.0
#: Energy of one kilogram of TNT by convention (MJ).
TNT_MJ_PER_KG = 4.184
#: WGS-72 radius (km) and GM (km^3/s^2), the constants SGP4's element sets are fitted with
#: (Vallado et al. 2006); used only to turn an altitude into a mean motion for SGP4.
R_EARTH_WGS72_KM = 6378.135
MU_EARTH_WGS72_KM3_S2 = 398600.8
