"""Computations for the labs of *Shared Orbits*.

One module per piece of physics, plain functions over numpy arrays, units in the
argument names. Every public function checks its inputs and raises ``ValueError``
naming the argument and the bad value.
"""

__version__ = "2026.0"
