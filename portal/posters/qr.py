"""QR codes for posters: matrix from the ``qrcode`` library, drawn as one vector path.

Pure module (no Flask). The matrix is computed by ``qrcode`` at error correction
level M (15 % of the code may be damaged or dirty and it still scans). Dark modules
are merged into rectangles (horizontal runs, then identical runs on consecutive rows
are stacked) and filled with a single ``fill`` operator, which is fast to write and
renders without hairline seams between modules.

Keep URLs short: an all-uppercase URL ("HTTPS://WERK.EXAMPLE.NL/V/K7Q2MX/ZDM") only
uses characters of the QR alphanumeric set, so it is encoded at 5.5 bits per character
instead of 8 and fits in version 2 at level M (25 x 25 modules), large modules that
scan from a metre away. Mixed-case URLs fall back to byte mode (one version larger).
"""

from __future__ import annotations

from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 4  # modules of white around the code, required by ISO/IEC 18004

Matrix = tuple[tuple[bool, ...], ...]


def _make(url: str) -> qrcode.QRCode:
    if not url:
        raise ValueError("QR target URL is empty")
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    qr.add_data(url)
    qr.make(fit=True)
    return qr


@lru_cache(maxsize=256)
def _matrix_and_version(url: str) -> tuple[Matrix, int]:
    qr = _make(url)
    return tuple(tuple(bool(m) for m in row) for row in qr.modules), qr.version


def qr_matrix(url: str) -> Matrix:
    """Module matrix (True = dark) of the QR code for ``url``, without quiet zone."""
    return _matrix_and_version(url)[0]


def qr_version(url: str) -> int:
    """QR version (1..40) needed for ``url`` at error correction level M."""
    return _matrix_and_version(url)[1]


def qr_rectangles(matrix: Matrix) -> list[tuple[int, int, int, int]]:
    """Cover the dark modules with few rectangles ``(col, row, width, height)``.

    Horizontal runs of dark modules become one rectangle; a run that repeats exactly
    on the next row (same start and end) extends the rectangle downwards. Rows and
    columns count from the top-left corner.
    """
    rects: list[list[int]] = []
    open_runs: dict[tuple[int, int], list[int]] = {}
    for r, row in enumerate(matrix):
        runs: list[tuple[int, int]] = []
        start = -1
        for c, dark in enumerate(row):
            if dark and start < 0:
                start = c
            elif not dark and start >= 0:
                runs.append((start, c))
                start = -1
        if start >= 0:
            runs.append((start, len(row)))
        next_open: dict[tuple[int, int], list[int]] = {}
        for run in runs:
            rect = open_runs.get(run)
            if rect is not None:
                rect[3] += 1
            else:
                rect = [run[0], r, run[1] - run[0], 1]
                rects.append(rect)
            next_open[run] = rect
        open_runs = next_open
    return [tuple(rect) for rect in rects]  # type: ignore[misc]


def qr_modules_total(url: str) -> int:
    """Side of the code in modules, including the quiet zone on both sides."""
    return len(qr_matrix(url)) + 2 * QUIET_ZONE


def draw_qr(canvas, url: str, x: float, y: float, size: float, color=None) -> float:
    """Draw the QR code for ``url`` into the square (x, y, size) in PDF points.

    ``(x, y)`` is the bottom-left corner of the square, which includes the 4-module
    quiet zone (painted white, so the code also works on a tinted background).
    Returns the module size in points.
    """
    matrix = qr_matrix(url)
    n = len(matrix)
    module = size / (n + 2 * QUIET_ZONE)
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    if color is None:
        canvas.setFillColorRGB(0, 0, 0)
    else:
        canvas.setFillColor(color)
    left = x + QUIET_ZONE * module
    top = y + size - QUIET_ZONE * module
    path = canvas.beginPath()
    for col, row, w, h in qr_rectangles(matrix):
        path.rect(left + col * module, top - (row + h) * module, w * module, h * module)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    return module
