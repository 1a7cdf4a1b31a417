#!/usr/bin/env python3
"""Draws the two Teams app icons (manifest/color.png 192x192, manifest/outline.png 32x32).

Run once after changing the design: python3 manifest/tools/make-icons.py
Standard library only (zlib + struct), no PIL. Shapes are anti-aliased by 8x8 supersampling.

Design: three rising rounded bars on a baseline (occupancy / Auslastung of the Maßnahmen).
- color.png: full-bleed calm blue square (Teams rounds the corners itself), white glyph inside the
  central safe area, as the Teams icon guidelines ask.
- outline.png: the same glyph in white on a transparent background.
"""
import os
import struct
import zlib

BLUE = (0x1F, 0x5F, 0x99)  # same value as accentColor in manifest.json
WHITE = (0xFF, 0xFF, 0xFF)
SS = 8  # supersampling factor per axis


def rounded_rect(x0, y0, x1, y1, r):
    """Containment test for a rounded rectangle in unit coordinates (0..1)."""
    def inside(x, y):
        if x < x0 or x > x1 or y < y0 or y > y1:
            return False
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    return inside


def glyph(box):
    """The glyph inside box = (left, top, size) in unit coordinates.

    Drawn on a 28x28 design grid so that the 32x32 outline icon (28 px glyph + 2 px margin) lands on
    whole pixels: three bars 6 wide with 5 gaps, 11/17/23 high, 2 above a 3 high baseline.
    """
    left, top, size = box
    g = size / 28
    shapes = []
    for i, h in enumerate((11, 17, 23)):
        x = left + (i * 11) * g
        shapes.append(rounded_rect(x, top + (23 - h) * g, x + 6 * g, top + 23 * g, 2 * g))
    shapes.append(rounded_rect(left, top + 25 * g, left + 28 * g, top + 28 * g, 1.2 * g))
    return lambda x, y: any(s(x, y) for s in shapes)


def render(size, background, shape, fg):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type None
        for px in range(size):
            hits = 0
            for sy in range(SS):
                for sx in range(SS):
                    if shape((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size):
                        hits += 1
            a = hits / (SS * SS)
            if background is None:
                row += bytes((*fg, round(255 * a)))
            else:
                row += bytes(tuple(round(b + (f - b) * a) for b, f in zip(background, fg)) + (255,))
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def png(width, height, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA, not interlaced
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.dirname(here)
    # Color icon: glyph within the central 96x96 of 192 (0.25..0.75), background full bleed.
    color = render(192, BLUE, glyph((0.25, 0.25, 0.5)), WHITE)
    # Outline icon: glyph fills the 32x32 canvas with a 2 px margin.
    outline = render(32, None, glyph((2 / 32, 2 / 32, 28 / 32)), WHITE)
    for name, data in (("color.png", color), ("outline.png", outline)):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"wrote manifest/{name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
