"""The picture of each choice on a picture scale (faces, thumbs, stars), as SVG.

Pictures are decoration beside the choice's text label, which is its accessible name; they carry
the meaning by shape (the mouth, the thumb's direction, the number of stars), not by colour alone.
"""

from __future__ import annotations

from base64 import b64encode

from feedback.rounds import faces
from feedback.rounds.scales import Scale

_OUTLINE = "#1f2937"
_STAR = "M50 6 L62 38 L96 38 L68 58 L79 92 L50 71 L21 92 L32 58 L4 38 L38 38 Z"


def svg(scale: Scale, value: int) -> str | None:
    """The picture of `value` on `scale`, or None for scales shown as numbers."""
    if scale in (Scale.FACES5, Scale.FACES3):
        return faces.svg(value)
    if scale is Scale.THUMBS:
        return _thumb(up=value == 5)
    if scale is Scale.STARS:
        return _stars(value)
    return None


def data_uri(scale: Scale, value: int) -> str | None:
    """The picture as a `data:` URI, for CSS backgrounds and <img> tags."""
    picture = svg(scale, value)
    return (
        None
        if picture is None
        else "data:image/svg+xml;base64," + b64encode(picture.encode()).decode()
    )


def _thumb(*, up: bool) -> str:
    fill = "#8fd19e" if up else "#f28b82"
    turn = "" if up else ' transform="rotate(180 50 50)"'
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" aria-hidden="true">'
        f'<g{turn} fill="{fill}" stroke="{_OUTLINE}" stroke-width="5" stroke-linejoin="round">'
        '<rect x="8" y="44" width="20" height="48" rx="4"/>'
        '<path d="M28 48 L46 14 Q52 6 58 12 Q62 18 58 30 L55 42 L84 42 Q94 44 92 54 '
        'L86 84 Q84 92 74 92 L28 92 Z"/>'
        "</g></svg>"
    )


def _stars(count: int) -> str:
    # Five stars in a row: `count` filled, the rest outlined, so the number shows without colour.
    shapes = "".join(
        f'<path transform="translate({i * 100} 0)" d="{_STAR}" '
        f'fill="{"#fbbf24" if i < count else "#ffffff"}" stroke="{_OUTLINE}" stroke-width="6" '
        'stroke-linejoin="round"/>'
        for i in range(5)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 500 100" aria-hidden="true">'
        f"{shapes}</svg>"
    )
