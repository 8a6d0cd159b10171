#!/usr/bin/env python3
# Copyright 2026 The Galerly Authors
# SPDX-License-Identifier: Apache-2.0
"""Writes the WebP fixtures of WebpLibwebpTest and their references, decoded by libwebp's own dwebp.

Run once by hand (needs Debian's `webp` package: cwebp, dwebp, webpmux); the output is committed, so the build
never needs the package. Every source picture is generated here from a fixed seed. Files:
  NAME.webp       the fixture
  NAME.png        libwebp's decode of it (dwebp; for an animation, its first frame composited on the canvas)
  fixtures.txt    one line per fixture: NAME, then what it exercises
"""
import math, os, random, struct, subprocess, sys, tempfile, zlib

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__),
                                                           '../resources/com/galerly/imaging/webp')
TMP = tempfile.mkdtemp()
INDEX = []


def png(path, w, h, rows, alpha):
    """rows: list of bytearrays, RGB or RGBA."""
    raw = b''.join(b'\0' + bytes(r) for r in rows)
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6 if alpha else 2, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def pam(path):
    data = open(path, 'rb').read()
    end = data.index(b'ENDHDR\n') + 7
    head = dict(l.split(' ', 1) for l in data[:end].decode().splitlines()[1:-1])
    w, h, d = int(head['WIDTH']), int(head['HEIGHT']), int(head['DEPTH'])
    px = data[end:]
    return w, h, [bytearray(px[y * w * d:(y + 1) * w * d]) for y in range(h)]


def photo(w, h, seed, alpha=False):
    """Smooth colour fields, a few discs and fine noise: what a lossy codec meets in a photo."""
    rnd = random.Random(seed)
    discs = [(rnd.uniform(0, w), rnd.uniform(0, h), rnd.uniform(3, max(4, w / 4)),
              [rnd.randrange(256) for _ in range(3)]) for _ in range(6)]
    rows = []
    for y in range(h):
        row = bytearray()
        for x in range(w):
            r = 128 + 100 * math.sin(x / (w + 1) * 3.1 + seed)
            g = 128 + 90 * math.cos(y / (h + 1) * 2.7 - seed)
            b = 128 + 80 * math.sin((x + y) / (w + h + 1) * 5.0)
            for cx, cy, cr, col in discs:
                if (x - cx) ** 2 + (y - cy) ** 2 < cr * cr:
                    r, g, b = col
            n = rnd.randint(-12, 12)
            px = [max(0, min(255, int(v) + n)) for v in (r, g, b)]
            if alpha:
                d = math.hypot(x - w / 2, y - h / 2) / (math.hypot(w / 2, h / 2) + 1e-9)
                px.append(255 if d < 0.35 else 0 if d > 0.85 else int(255 * (0.85 - d) / 0.5))
            row += bytes(px)
        rows.append(row)
    return rows


def write_source(name, w, h, rows, alpha):
    path = os.path.join(TMP, name + '.png')
    png(path, w, h, rows, alpha)
    return path


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def reference(name):
    """dwebp's decode of NAME.webp, as NAME.png (RGBA when the file has alpha)."""
    webp = os.path.join(OUT, name + '.webp')
    tmp = os.path.join(TMP, name + '.pam')
    run('dwebp', webp, '-pam', '-o', tmp)
    w, h, rows = pam(tmp)
    alpha = any(r[i] != 255 for r in rows for i in range(3, len(r), 4)) or has_alpha_flag(webp)
    if not alpha:
        rows = [bytearray(b for i, b in enumerate(r) if i % 4 != 3) for r in rows]
    png(os.path.join(OUT, name + '.png'), w, h, rows, alpha)
    return w, h, rows


def has_alpha_flag(webp):
    d = open(webp, 'rb').read()
    return d[12:16] == b'VP8X' and d[20] & 0x10 != 0 or d[12:16] == b'VP8L' and d[24] & 0x10 != 0


def cwebp(name, source, what, *options):
    run('cwebp', '-quiet', *options, source, '-o', os.path.join(OUT, name + '.webp'))
    reference(name)
    INDEX.append((name, what))


def chunks(data):
    """(fourcc, payload) of a RIFF WEBP file."""
    at, out = 12, []
    while at + 8 <= len(data):
        tag, size = data[at:at + 4], struct.unpack('<I', data[at + 4:at + 8])[0]
        out.append((tag, data[at + 8:at + 8 + size]))
        at += 8 + size + (size & 1)
    return out


def chunk(tag, payload):
    return tag + struct.pack('<I', len(payload)) + payload + (b'\0' if len(payload) & 1 else b'')


def riff(body):
    return b'RIFF' + struct.pack('<I', 4 + len(body)) + b'WEBP' + body


def vp8x(flags, w, h):
    return chunk(b'VP8X', bytes([flags, 0, 0, 0]) + (w - 1).to_bytes(3, 'little') + (h - 1).to_bytes(3, 'little'))


def residuals(alpha, w, h, method):
    """The ALPH filters of the WebP container spec: what an encoder stores for each method."""
    def a(x, y):
        return alpha[y * w + x]
    out = bytearray(w * h)
    for y in range(h):
        for x in range(w):
            if method == 0:
                p = 0
            elif x == 0 and y == 0:
                p = 0
            elif y == 0:
                p = a(x - 1, 0)
            elif x == 0:
                p = a(0, y - 1)
            elif method == 1:
                p = a(x - 1, y)
            elif method == 2:
                p = a(x, y - 1)
            else:
                p = max(0, min(255, a(x - 1, y) + a(x, y - 1) - a(x - 1, y - 1)))
            out[y * w + x] = (a(x, y) - p) & 0xFF
    return out


def alph_variants(base, w, h, rows):
    """Every ALPH compression (none, lossless) x every filter (none, horizontal, vertical, gradient)."""
    source = write_source(base + '-rgb', w, h, [bytearray(b for i, b in enumerate(r) if i % 4 != 3) for r in rows],
                          False)
    vp8 = os.path.join(TMP, base + '.webp')
    run('cwebp', '-quiet', '-q', '80', source, '-o', vp8)
    image = [c for c in chunks(open(vp8, 'rb').read()) if c[0] == b'VP8 ']
    alpha = bytearray(r[i] for r in rows for i in range(3, len(r), 4))
    names = ['none', 'horizontal', 'vertical', 'gradient']
    for method in range(4):
        res = residuals(alpha, w, h, method)
        # uncompressed: the filtered bytes as they are
        body = vp8x(0x10, w, h) + chunk(b'ALPH', bytes([method << 2]) + bytes(res)) + chunk(b'VP8 ', image[0][1])
        name = '%s-alph-raw-%s' % (base, names[method])
        open(os.path.join(OUT, name + '.webp'), 'wb').write(riff(body))
        check_alpha(name, alpha)
        INDEX.append((name, 'lossy, ALPH uncompressed, %s filter, %dx%d' % (names[method], w, h)))
        # lossless: the residuals in the green channel of a VP8L image stream without its 5-byte header
        grey = write_source('res', w, h, [bytearray(b for v in res[y * w:(y + 1) * w] for b in (0, v, 0))
                                           for y in range(h)], False)
        ll = os.path.join(TMP, 'res.webp')
        run('cwebp', '-quiet', '-lossless', '-exact', '-z', '9', grey, '-o', ll)
        vp8l = [c for c in chunks(open(ll, 'rb').read()) if c[0] == b'VP8L'][0][1]
        body = vp8x(0x10, w, h) + chunk(b'ALPH', bytes([1 | method << 2]) + vp8l[5:]) + chunk(b'VP8 ', image[0][1])
        name = '%s-alph-lossless-%s' % (base, names[method])
        open(os.path.join(OUT, name + '.webp'), 'wb').write(riff(body))
        check_alpha(name, alpha)
        INDEX.append((name, 'lossy, ALPH lossless-compressed, %s filter, %dx%d' % (names[method], w, h)))


def check_alpha(name, alpha):
    w, h, rows = reference(name)
    got = bytearray(r[i] for r in rows for i in range(3, len(r), 4))
    if got != alpha:
        raise SystemExit(name + ': dwebp decodes another alpha plane than the one written')


def animation():
    """Two frames; the first smaller than the canvas, at an offset, half transparent."""
    w1, h1, x1, y1 = 40, 30, 10, 6
    f1rows = photo(w1, h1, 11, alpha=True)
    f1 = os.path.join(TMP, 'f1.webp')
    run('cwebp', '-quiet', '-q', '85', write_source('f1', w1, h1, f1rows, True), '-o', f1)
    f2 = os.path.join(TMP, 'f2.webp')
    run('cwebp', '-quiet', '-q', '85', write_source('f2', 97, 61, photo(97, 61, 12), False), '-o', f2)
    out = os.path.join(OUT, 'animated-offset.webp')
    run('webpmux', '-frame', f1, '+100+%d+%d+0-b' % (x1, y1), '-frame', f2, '+100+0+0',
        '-loop', '0', '-bgcolor', '255,255,0,0', '-o', out)
    tmp = os.path.join(TMP, 'f1.pam')
    run('dwebp', f1, '-pam', '-o', tmp)
    _, _, frame = pam(tmp)
    canvas = [bytearray(97 * 4) for _ in range(61)]                 # transparent, as libwebp's animation decoder
    for y in range(h1):
        canvas[y1 + y][x1 * 4:(x1 + w1) * 4] = frame[y]
    png(os.path.join(OUT, 'animated-offset.png'), 97, 61, canvas, True)
    INDEX.append(('animated-offset', 'animated, first frame 40x30 at (10,6) on a 97x61 canvas, lossy with alpha'))
    f3 = os.path.join(TMP, 'f3.webp')
    run('cwebp', '-quiet', '-lossless', write_source('f3', 64, 48, photo(64, 48, 13), False), '-o', f3)
    f4 = os.path.join(TMP, 'f4.webp')
    run('cwebp', '-quiet', '-q', '70', write_source('f4', 64, 48, photo(64, 48, 14), False), '-o', f4)
    out = os.path.join(OUT, 'animated-lossless.webp')
    run('webpmux', '-frame', f3, '+80', '-frame', f4, '+80', '-loop', '0', '-o', out)
    run('dwebp', f3, '-o', os.path.join(OUT, 'animated-lossless.png'))
    INDEX.append(('animated-lossless', 'animated, first frame lossless and full-canvas 64x48'))


def main():
    os.makedirs(OUT, exist_ok=True)
    cwebp('lossy', write_source('p1', 256, 171, photo(256, 171, 1), False), 'lossy 256x171 q85', '-q', '85')
    cwebp('lossy-low', write_source('p2', 97, 61, photo(97, 61, 2), False), 'lossy 97x61 q20 (strong filtering)',
          '-q', '20')
    cwebp('lossy-sharp-yuv', write_source('p3', 101, 67, photo(101, 67, 3), False), 'lossy 101x67, sharp YUV, m6',
          '-q', '90', '-sharp_yuv', '-m', '6')
    rgba = photo(120, 90, 4, alpha=True)
    src = write_source('p4', 120, 90, rgba, True)
    cwebp('lossy-alpha-cwebp', src, 'lossy, alpha as cwebp writes it (lossless ALPH, fast filter)', '-q', '80')
    cwebp('lossy-alpha-cwebp-best', src, 'lossy, alpha, best filter, alpha_q 50 (level reduction)', '-q', '80',
          '-alpha_filter', 'best', '-alpha_q', '50')
    cwebp('lossy-alpha-cwebp-raw', src, 'lossy, alpha uncompressed (alpha_method 0)', '-q', '80',
          '-alpha_method', '0')
    alph_variants('alpha', 59, 37, photo(59, 37, 5, alpha=True))
    cwebp('lossless', write_source('p6', 128, 85, photo(128, 85, 6), False), 'lossless 128x85', '-lossless')
    cwebp('lossless-z9', write_source('p7', 128, 85, photo(128, 85, 7), False), 'lossless -z 9 (all transforms)',
          '-z', '9')
    cwebp('lossless-alpha', src, 'lossless with alpha, exact', '-lossless', '-exact')
    cwebp('lossless-near', write_source('p8', 90, 60, photo(90, 60, 8), False), 'near-lossless 40', '-lossless',
          '-near_lossless', '40')
    solid = [bytearray([30, 144, 255] * 100) for _ in range(100)]
    cwebp('lossless-solid', write_source('solid', 100, 100, solid, False), 'lossless one colour 100x100',
          '-lossless', '-z', '0')
    animation()
    cwebp('odd-1x1-lossy', write_source('o1', 1, 1, [bytearray([200, 40, 90])], False), 'lossy 1x1', '-q', '80')
    cwebp('odd-1x1-lossless', write_source('o2', 1, 1, [bytearray([200, 40, 90, 128])], True),
          'lossless 1x1 with alpha', '-lossless', '-exact')
    cwebp('odd-3x5-alpha', write_source('o3', 3, 5, photo(3, 5, 9, alpha=True), True), 'lossy 3x5 with alpha',
          '-q', '80')
    cwebp('odd-1x257', write_source('o4', 1, 257, photo(1, 257, 10), False), 'lossy 1x257', '-q', '80')
    cwebp('odd-255x3-lossless', write_source('o5', 255, 3, photo(255, 3, 11), False), 'lossless 255x3',
          '-lossless')
    with open(os.path.join(OUT, 'fixtures.txt'), 'w') as f:
        f.write('# name: what it exercises (made by src/test/fixture-scripts/make-webp-fixtures.py, '
                'references by dwebp %s)\n' % subprocess.run(['dwebp', '-version'], capture_output=True,
                                                             text=True).stdout.strip())
        for name, what in INDEX:
            f.write('%s: %s\n' % (name, what))


main()
