"""The book's figure style, so every lab's plots look alike and read in both colour schemes.

Figures are drawn as SVG with text kept as text (small files, sharp on any screen) on a
white background; the site shows images on a light card in the dark scheme too.
The colour cycle is Okabe and Ito's palette, which stays distinguishable for readers
with colour-vision deficiencies.
"""

from __future__ import annotations

import matplotlib as mpl

OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]


def book_style() -> None:
    """Apply the book's matplotlib style and ask the notebook for SVG output."""
    mpl.rcParams.update(
        {
            "figure.figsize": (7.0, 4.0),
            "figure.dpi": 100,
            "figure.facecolor": "white",
            "axes.facecolor": "white",
            "axes.prop_cycle": mpl.cycler(color=OKABE_ITO),
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "font.size": 11,
            "svg.fonttype": "none",
            "svg.hashsalt": "shared-orbits",  # stable ids: identical figures give identical files
            "savefig.bbox": "tight",
            "path.simplify": True,
        }
    )
    try:  # only inside a Jupyter kernel
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("svg")
    except ImportError:  # pragma: no cover - plain Python has no inline backend
        pass
