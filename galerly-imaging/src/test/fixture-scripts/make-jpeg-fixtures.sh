#!/bin/sh
# Copyright 2026 The Galerly Authors
# SPDX-License-Identifier: Apache-2.0
#
# Writes the arithmetic-coded JPEG fixtures of JpegVariantsTest with libjpeg-turbo's cjpeg (Debian's
# libjpeg-turbo-progs). Run once by hand; the output is committed. The picture: 64x48 quadrants, red / green
# over blue / white (SyntheticImages.quadrants).
set -eu
out="${1:-$(dirname "$0")/../resources/com/galerly/imaging/jpeg}"
tmp=$(mktemp -d)
python3 - "$tmp/q.ppm" <<'PY'
import sys
w, h = 64, 48
rows = []
for y in range(h):
    for x in range(w):
        rows.append((255, 0, 0) if x < w // 2 and y < h // 2 else (0, 255, 0) if y < h // 2 else
                    (0, 0, 255) if x < w // 2 else (255, 255, 255))
open(sys.argv[1], 'wb').write(b'P6\n%d %d\n255\n' % (w, h) + bytes(c for p in rows for c in p))
PY
cjpeg -arithmetic -quality 90 -outfile "$out/arithmetic.jpg" "$tmp/q.ppm"
cjpeg -arithmetic -progressive -quality 90 -outfile "$out/arithmetic-progressive.jpg" "$tmp/q.ppm"
rm -r "$tmp"
