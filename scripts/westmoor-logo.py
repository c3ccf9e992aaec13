#!/usr/bin/env python3
# Writes house-styles/westmoor-logo.png, the Westmoor example logo (docs/house-style.md): a sun over two rolling green hills, on white. RGB, no alpha (PDF/A-1b).
import math, os, struct, zlib
W, H = 360, 240
S = 4  # supersampling for smooth edges
white = (255, 255, 255); green = (0, 112, 60); light = (88, 170, 110); gold = (242, 180, 28)
def colour(x, y):
    # back hill (lighter), front hill (accent green)
    front = 168 + 40 * math.cos((x - 70) / 360 * 2 * math.pi) * 0.9
    back = 150 + 34 * math.cos((x - 110) / 420 * 2 * math.pi)
    if y >= front:
        return green
    if y >= back:
        return light
    # the sun, behind the hills
    if (x - 250) ** 2 + (y - 92) ** 2 <= 44 ** 2:
        return gold
    return white
rows = []
for y in range(H):
    row = bytearray([0])
    for x in range(W):
        acc = [0, 0, 0]
        for sy in range(S):
            for sx in range(S):
                c = colour(x + (sx + 0.5) / S, y + (sy + 0.5) / S)
                for i in range(3): acc[i] += c[i]
        row += bytes(round(a / (S * S)) for a in acc)
    rows.append(bytes(row))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "house-styles", "westmoor-logo.png")
with open(out, "wb") as f:
    f.write(png)
