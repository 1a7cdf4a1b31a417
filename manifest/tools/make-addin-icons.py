#!/usr/bin/env python3
"""Draws the Outlook ribbon icons of the add-in (functions/TeamsAmdl.Functions/wwwroot/addin/icon-{16,32,80}.png).

Run once after changing the design: python3 manifest/tools/make-addin-icons.py
Same glyph as the Teams app icons (make-icons.py), on the same blue: Outlook shows these on the ribbon, which needs
16, 32 and 80 pixels.
"""
import importlib.util
import os

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("make_icons", os.path.join(here, "make-icons.py"))
icons = importlib.util.module_from_spec(spec)
spec.loader.exec_module(icons)


def main():
    out = os.path.join(os.path.dirname(os.path.dirname(here)), "functions", "TeamsAmdl.Functions", "wwwroot", "addin")
    for size in (16, 32, 80):
        data = icons.render(size, icons.BLUE, icons.glyph((0.15, 0.15, 0.7)), icons.WHITE)
        with open(os.path.join(out, f"icon-{size}.png"), "wb") as f:
            f.write(data)
        print(f"wrote wwwroot/addin/icon-{size}.png ({len(data)} bytes)")


if __name__ == "__main__":
    main()
