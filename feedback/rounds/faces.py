"""Smiley faces as small SVG pictures, the same on every device (no emoji font needed).

The face's shape carries the meaning (the mouth), the colour only repeats it, and every face has
a dark outline so that it stands out from a white page (WCAG 1.4.11 non-text contrast).
"""

from __future__ import annotations

from base64 import b64encode

# value -> (fill colour, mouth control point y); the mouth runs from (32, 66) to (68, 66).
_FACES = {
    1: ("#f28b82", 44),
    2: ("#fbbc77", 56),
    3: ("#fde68a", 66),
    4: ("#bfe3a0", 78),
    5: ("#8fd19e", 90),
}


def svg(value: int) -> str:
    """The face for score `value` (1 = very bad … 5 = very good) as SVG markup."""
    fill, mouth = _FACES[value]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" aria-hidden="true">'
        f'<circle cx="50" cy="50" r="45" fill="{fill}" stroke="#1f2937" stroke-width="5"/>'
        '<circle cx="36" cy="40" r="6" fill="#1f2937"/>'
        '<circle cx="64" cy="40" r="6" fill="#1f2937"/>'
        f'<path d="M32 66 Q50 {mouth} 68 66" fill="none" stroke="#1f2937" '
        'stroke-width="6" stroke-linecap="round"/>'
        "</svg>"
    )


def data_uri(value: int) -> str:
    """The face as a `data:` URI, for CSS backgrounds and <img> tags."""
    return "data:image/svg+xml;base64," + b64encode(svg(value).encode()).decode()
