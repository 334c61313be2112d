#!/usr/bin/python3
"""Subsets Debian's Noto Sans CJK SC into the fonts LearnWeek ships.

  base.otf           GB2312 (6,763 hanzi + symbols) + ASCII/Latin-1 + CJK punctuation and
                     full-width forms: loaded before the first frame.
  shard-NN.otf       every other glyph of the SC face (rare name characters such as 喆 堃 玥,
                     Extension A/B, kana, symbols) in code-point order, 512 glyphs each: fetched
                     only when a character outside the base font is first drawn.
  shards.json        [{"file", "first", "last"}] so the app knows which shard holds a code point.

Usage: make_fonts.py OUT_DIR   (run with Debian's /usr/bin/python3, which has fontTools)
"""
import io
import json
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

SRC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FACE_SC = 2  # face index of "Noto Sans CJK SC" in the collection
SHARD_GLYPHS = 512


def gb2312():
    cps = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                cps.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return cps


def base_set(cmap):
    cps = gb2312()
    cps |= set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    cps |= set(range(0x2000, 0x2070))  # general punctuation: — … “ ” ‘ ’ ‰ ※
    cps |= set(range(0x2100, 0x2200))  # letterlike: ℃ № ™
    cps |= set(range(0x2460, 0x2500))  # ①②③ enclosed numbers
    cps |= set(range(0x3000, 0x3040))  # CJK symbols and punctuation
    cps |= set(range(0xFF00, 0xFFF0))  # full-width forms
    cps |= {0xFFFD}
    return {c for c in cps if c in cmap}


def is_hangul(c):
    return 0x1100 <= c <= 0x11FF or 0x3130 <= c <= 0x318F or 0xA960 <= c <= 0xA97F or 0xAC00 <= c <= 0xD7FF


def write_subset(unicodes, path):
    opts = subset.Options()
    opts.font_number = FACE_SC
    opts.hinting = False          # the app rasterizes with stb_truetype, which ignores hints
    opts.layout_features = []     # no shaping in Dear ImGui: GSUB/GPOS only cost bytes
    opts.name_IDs = [0, 1, 2, 4, 13, 14]  # keep copyright and OFL licence
    opts.notdef_outline = True
    font = TTFont(SRC, fontNumber=FACE_SC, lazy=True)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted(unicodes))
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    with open(path, "wb") as f:
        f.write(buf.getvalue())
    return len(buf.getvalue())


def main(out):
    os.makedirs(out, exist_ok=True)
    cmap = TTFont(SRC, fontNumber=FACE_SC, lazy=True).getBestCmap()
    base = base_set(cmap)
    size = write_subset(base, os.path.join(out, "base.otf"))
    print(f"base.otf: {len(base)} code points, {size} bytes")
    rest = sorted(c for c in cmap if c not in base and c >= 0x100 and not is_hangul(c))
    shards = []
    for n, i in enumerate(range(0, len(rest), SHARD_GLYPHS)):
        part = rest[i:i + SHARD_GLYPHS]
        name = f"shard-{n:02d}.otf"
        write_subset(part, os.path.join(out, name))
        shards.append({"file": name, "first": part[0], "last": part[-1]})
    with open(os.path.join(out, "shards.json"), "w") as f:
        json.dump(shards, f, separators=(",", ":"))
    print(f"{len(shards)} shards, {len(rest)} code points")


if __name__ == "__main__":
    main(sys.argv[1])
