/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.planar;

import com.galerly.imaging.internal.colour.RgbTransform;

/**
 * Conversions between packed RGB and planes, with libjpeg's JFIF equations and fixed-point rounding
 * (full-range BT.601). Chroma is upsampled by bilinear interpolation between sample centres (libjpeg's "fancy"
 * upsampling for 2x) and downsampled 2x2 by averaging (libjpeg's {@code h2v2_downsample}).
 */
public final class YCbCr {
    private static final int SCALE = 16;
    private static final int HALF = 1 << (SCALE - 1);
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + HALF) >> SCALE;
            CB_B[i] = (fix(1.77200) * x + HALF) >> SCALE;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + HALF;
        }
    }

    private YCbCr() {
    }

    private static int fix(double v) {
        return (int) (v * (1L << SCALE) + 0.5);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** Opaque packed ARGB ints of the whole image. */
    public static int[] argb(PlanarImage image) {
        int w = image.width();
        int h = image.height();
        int[] out = new int[Math.multiplyExact(w, h)];
        Plane y = image.plane(0);
        byte[] yd = y.data();
        if (image.grey()) {
            for (int j = 0; j < h; j++) {
                for (int i = 0, o = j * y.stride(); i < w; i++) {
                    int v = yd[o + i] & 0xFF;
                    out[j * w + i] = 0xFF000000 | v << 16 | v << 8 | v;
                }
            }
            return out;
        }
        Chroma chroma = new Chroma(image);
        for (int j = 0; j < h; j++) {
            chroma.row(j);
            byte[] cb = chroma.cb;
            byte[] cr = chroma.cr;
            int o = j * y.stride();
            for (int i = 0; i < w; i++) {
                out[j * w + i] = 0xFF000000 | rgb(yd[o + i] & 0xFF, cb[i] & 0xFF, cr[i] & 0xFF);
            }
        }
        return out;
    }

    /**
     * The whole image as interleaved 8-bit R, G, B, row after row ({@code 3 * width} bytes a row): what libwebp
     * imports, written straight from the planes. The same pixels as {@link #argb}.
     */
    public static byte[] rgb(PlanarImage image) {
        int w = image.width();
        int h = image.height();
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(w, 3), h)];
        Plane y = image.plane(0);
        byte[] yd = y.data();
        Chroma chroma = image.grey() ? null : new Chroma(image);
        for (int j = 0, o = 0; j < h; j++) {
            int l = j * y.stride();
            if (chroma == null) {
                for (int i = 0; i < w; i++, o += 3) {
                    byte v = yd[l + i];
                    out[o] = v;
                    out[o + 1] = v;
                    out[o + 2] = v;
                }
                continue;
            }
            chroma.row(j);
            byte[] cb = chroma.cb;
            byte[] cr = chroma.cr;
            for (int i = 0; i < w; i++, o += 3) {
                int p = rgb(yd[l + i] & 0xFF, cb[i] & 0xFF, cr[i] & 0xFF);
                out[o] = (byte) (p >> 16);
                out[o + 1] = (byte) (p >> 8);
                out[o + 2] = (byte) p;
            }
        }
        return out;
    }

    /**
     * Cb and Cr upsampled to full resolution one row at a time, interpolated bilinearly between sample centres.
     * Chroma at full or half resolution (4:4:4, 4:2:2, 4:4:0, 4:2:0, which is every JPEG the planar path keeps)
     * takes integer weights of quarters, the exact values the general interpolation computes in doubles (their
     * weights are 1/4 and 3/4, exact in binary), in a vertical pass over the plane's samples and a horizontal one;
     * other factors take the general interpolation.
     */
    private static final class Chroma {
        private final PlanarImage image;
        private final int[] column;
        final byte[] cb;
        final byte[] cr;

        Chroma(PlanarImage image) {
            this.image = image;
            this.column = new int[Math.max(image.plane(1).width(), image.plane(2).width())];
            this.cb = new byte[image.width()];
            this.cr = new byte[image.width()];
        }

        void row(int j) {
            row(1, j, cb);
            row(2, j, cr);
        }

        private void row(int p, int j, byte[] out) {
            int fx = image.factorX(p);
            int fy = image.factorY(p);
            if (fx > 2 || fy > 2) {
                general(image, p, j, out);
                return;
            }
            Plane plane = image.plane(p);
            byte[] d = plane.data();
            int pw = plane.width();
            int last = plane.height() - 1;
            // sample row y0 and the next, weighted in quarters: (j + 0.5) / 2 - 0.5 = j / 2 - 1/4
            int y0 = fy == 1 ? j : (j & 1) == 0 ? (j >> 1) - 1 : j >> 1;
            int w0 = fy == 1 ? 4 : (j & 1) == 0 ? 1 : 3;
            int r0 = Math.max(0, Math.min(last, y0)) * plane.stride();
            int r1 = Math.max(0, Math.min(last, y0 + 1)) * plane.stride();
            int[] c = column;
            if (w0 == 4) {
                for (int x = 0; x < pw; x++) {
                    c[x] = (d[r0 + x] & 0xFF) << 2;
                }
            } else {
                int w1 = 4 - w0;
                for (int x = 0; x < pw; x++) {
                    c[x] = w0 * (d[r0 + x] & 0xFF) + w1 * (d[r1 + x] & 0xFF);
                }
            }
            int n = out.length;
            if (fx == 1) {
                for (int i = 0; i < n; i++) {
                    out[i] = (byte) ((c[Math.min(i, pw - 1)] << 2) + 8 >> 4);
                }
                return;
            }
            // output pixel 2k lies a quarter before sample k, 2k + 1 a quarter after it; the edges repeat samples
            out[0] = (byte) ((c[0] << 2) + 8 >> 4);
            int k = 0;
            for (int end = Math.min(pw - 1, (n - 1) >> 1); k < end; k++) {
                out[2 * k + 1] = (byte) (3 * c[k] + c[k + 1] + 8 >> 4);
                out[2 * k + 2] = (byte) (c[k] + 3 * c[k + 1] + 8 >> 4);
            }
            for (int i = 2 * k + 1; i < n; i++) {
                int a = Math.min(pw - 1, (i - 1) >> 1);
                int b = Math.min(pw - 1, (i + 1) >> 1);
                out[i] = (byte) (((i & 1) == 0 ? c[a] + 3 * c[b] : 3 * c[a] + c[b]) + 8 >> 4);
            }
        }
    }

    /** Row {@code j} of plane {@code p} at full resolution, interpolated between sample centres (any factors). */
    private static void general(PlanarImage image, int p, int j, byte[] out) {
        Plane plane = image.plane(p);
        int fx = image.factorX(p);
        int fy = image.factorY(p);
        byte[] d = plane.data();
        int stride = plane.stride();
        int pw = plane.width();
        int ph = plane.height();
        double sy = (j + 0.5) / fy - 0.5;
        int y0 = (int) Math.floor(sy);
        double ty = sy - y0;
        int r0 = Math.max(0, Math.min(ph - 1, y0)) * stride;
        int r1 = Math.max(0, Math.min(ph - 1, y0 + 1)) * stride;
        for (int i = 0; i < out.length; i++) {
            double sx = (i + 0.5) / fx - 0.5;
            int x0 = (int) Math.floor(sx);
            double tx = sx - x0;
            int a = Math.max(0, Math.min(pw - 1, x0));
            int b = Math.max(0, Math.min(pw - 1, x0 + 1));
            double top = (d[r0 + a] & 0xFF) * (1 - tx) + (d[r0 + b] & 0xFF) * tx;
            double bottom = (d[r1 + a] & 0xFF) * (1 - tx) + (d[r1 + b] & 0xFF) * tx;
            out[i] = (byte) clamp((int) (top * (1 - ty) + bottom * ty + 0.5));
        }
    }

    /**
     * YCbCr 4:2:0 planes of opaque packed RGB (alpha ignored), or a grey plane when {@code grey}; chroma is
     * {@code ceil(w/2) x ceil(h/2)}, each sample the average of its 2x2 pixels (edge pixels repeated).
     */
    public static PlanarImage planes(int[] rgb, int w, int h, boolean grey) {
        Plane y = Plane.allocate(w, h);
        byte[] yd = y.data();
        if (grey) {
            for (int i = 0; i < rgb.length; i++) {
                yd[i] = (byte) luma(rgb[i]);
            }
            return PlanarImage.of(w, h, y);
        }
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        Plane cb = Plane.allocate(cw, ch);
        Plane cr = Plane.allocate(cw, ch);
        for (int i = 0; i < rgb.length; i++) {
            yd[i] = (byte) luma(rgb[i]);
        }
        byte[] cbd = cb.data();
        byte[] crd = cr.data();
        for (int j = 0; j < ch; j++) {
            int y0 = 2 * j * w;
            int y1 = Math.min(2 * j + 1, h - 1) * w;
            for (int i = 0; i < cw; i++) {
                int x0 = 2 * i;
                int x1 = Math.min(2 * i + 1, w - 1);
                int p00 = rgb[y0 + x0];
                int p01 = rgb[y0 + x1];
                int p10 = rgb[y1 + x0];
                int p11 = rgb[y1 + x1];
                int r = (p00 >> 16 & 0xFF) + (p01 >> 16 & 0xFF) + (p10 >> 16 & 0xFF) + (p11 >> 16 & 0xFF);
                int g = (p00 >> 8 & 0xFF) + (p01 >> 8 & 0xFF) + (p10 >> 8 & 0xFF) + (p11 >> 8 & 0xFF);
                int b = (p00 & 0xFF) + (p01 & 0xFF) + (p10 & 0xFF) + (p11 & 0xFF);
                // averages of 4 carry 2 extra bits: fold them into the fixed-point scale
                cbd[j * cw + i] = (byte) cb4(r, g, b);
                crd[j * cw + i] = (byte) cr4(r, g, b);
            }
        }
        return PlanarImage.of(w, h, y, cb, cr);
    }

    /**
     * Planes of an opaque 8-bit interleaved raster (a decoded PNG) at 1/{@code scale} (1, 2, 4 or 8): luma is the
     * mean of each {@code scale x scale} group of pixels and chroma, 4:2:0 of that, the mean of each
     * {@code 2scale x 2scale} group, as a JPEG decoded at the same scale would give (edge groups average the pixels
     * they have). At scale 1 each luma sample is exactly that of {@link #planes(int[], int, int, boolean)}.
     *
     * @param data        the samples
     * @param offset      index of the first pixel's first sample
     * @param pixelStride samples from one pixel to the next
     * @param rowStride   samples from one row to the next
     * @param bands       the offsets of red, green and blue in a pixel, or of grey alone
     */
    public static PlanarImage planes(byte[] data, int offset, int pixelStride, int rowStride, int[] bands, int w,
                                     int h, int scale) {
        boolean grey = bands.length == 1;
        int lw = (w + scale - 1) / scale;
        int lh = (h + scale - 1) / scale;
        Plane y = Plane.allocate(lw, lh);
        if (scale == 1) {
            lumaRows(data, offset, pixelStride, rowStride, bands, w, h, y.data());
        } else {
            boxed(data, offset, pixelStride, rowStride, bands, w, h, scale, y.data(), null, null);
        }
        if (grey) {
            return PlanarImage.of(lw, lh, y);
        }
        int cw = (lw + 1) / 2;
        int ch = (lh + 1) / 2;
        Plane cb = Plane.allocate(cw, ch);
        Plane cr = Plane.allocate(cw, ch);
        if (scale == 1) {
            chromaRows(data, offset, pixelStride, rowStride, bands, w, h, cb.data(), cr.data());
        } else {
            boxed(data, offset, pixelStride, rowStride, bands, w, h, 2 * scale, null, cb.data(), cr.data());
        }
        return PlanarImage.of(lw, lh, y, cb, cr);
    }

    private static void lumaRows(byte[] d, int offset, int ps, int rs, int[] bands, int w, int h, byte[] out) {
        if (bands.length == 1) {
            for (int j = 0; j < h; j++) {
                int p = offset + j * rs + bands[0];
                int o = j * w;
                for (int i = 0; i < w; i++, p += ps) {
                    out[o + i] = d[p];
                }
            }
            return;
        }
        int kr = fix(0.29900);
        int kg = fix(0.58700);
        int kb = fix(0.11400);
        int r0 = bands[0];
        int g0 = bands[1];
        int b0 = bands[2];
        for (int j = 0; j < h; j++) {
            int p = offset + j * rs;
            int o = j * w;
            for (int i = 0; i < w; i++, p += ps) {
                out[o + i] = (byte) (kr * (d[p + r0] & 0xFF) + kg * (d[p + g0] & 0xFF) + kb * (d[p + b0] & 0xFF) + HALF
                        >> SCALE);
            }
        }
    }

    /** 4:2:0 chroma at full scale: each sample from the sums of its 2x2 pixels (edge pixels repeated). */
    private static void chromaRows(byte[] d, int offset, int ps, int rs, int[] bands, int w, int h, byte[] cbd,
                                   byte[] crd) {
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        int r0 = bands[0];
        int g0 = bands[1];
        int b0 = bands[2];
        for (int j = 0; j < ch; j++) {
            int row0 = offset + 2 * j * rs;
            int row1 = offset + Math.min(2 * j + 1, h - 1) * rs;
            int o = j * cw;
            for (int i = 0; i < cw; i++) {
                int x0 = 2 * i * ps;
                int x1 = Math.min(2 * i + 1, w - 1) * ps;
                int a = row0 + x0;
                int b = row0 + x1;
                int c = row1 + x0;
                int e = row1 + x1;
                int r = (d[a + r0] & 0xFF) + (d[b + r0] & 0xFF) + (d[c + r0] & 0xFF) + (d[e + r0] & 0xFF);
                int g = (d[a + g0] & 0xFF) + (d[b + g0] & 0xFF) + (d[c + g0] & 0xFF) + (d[e + g0] & 0xFF);
                int bl = (d[a + b0] & 0xFF) + (d[b + b0] & 0xFF) + (d[c + b0] & 0xFF) + (d[e + b0] & 0xFF);
                cbd[o + i] = (byte) cb4(r, g, bl);
                crd[o + i] = (byte) cr4(r, g, bl);
            }
        }
    }

    /**
     * Means of {@code box x box} groups (partial groups at the right and bottom edges average what they have):
     * into {@code luma}, or into {@code cb} and {@code cr}, whichever is not null.
     */
    private static void boxed(byte[] d, int offset, int ps, int rs, int[] bands, int w, int h, int box, byte[] luma,
                              byte[] cb, byte[] cr) {
        int ow = (w + box - 1) / box;
        int oh = (h + box - 1) / box;
        boolean grey = bands.length == 1;
        long[] rsum = new long[ow];
        long[] gsum = new long[ow];
        long[] bsum = new long[ow];
        for (int oy = 0; oy < oh; oy++) {
            java.util.Arrays.fill(rsum, 0);
            java.util.Arrays.fill(gsum, 0);
            java.util.Arrays.fill(bsum, 0);
            int y0 = oy * box;
            int y1 = Math.min(h, y0 + box);
            for (int yy = y0; yy < y1; yy++) {
                int p = offset + yy * rs;
                for (int x = 0; x < w; x++, p += ps) {
                    int ox = x / box;
                    if (grey) {
                        rsum[ox] += d[p + bands[0]] & 0xFF;
                    } else {
                        rsum[ox] += d[p + bands[0]] & 0xFF;
                        gsum[ox] += d[p + bands[1]] & 0xFF;
                        bsum[ox] += d[p + bands[2]] & 0xFF;
                    }
                }
            }
            for (int ox = 0; ox < ow; ox++) {
                double n = (double) (Math.min(w, ox * box + box) - ox * box) * (y1 - y0);
                double r = rsum[ox] / n;
                int o = oy * ow + ox;
                if (grey) {
                    luma[o] = (byte) clamp((int) Math.round(r));
                    continue;
                }
                double g = gsum[ox] / n;
                double b = bsum[ox] / n;
                if (luma != null) {
                    luma[o] = (byte) clamp((int) Math.round(0.299 * r + 0.587 * g + 0.114 * b));
                } else {
                    cb[o] = (byte) clamp((int) Math.round(-0.16874 * r - 0.33126 * g + 0.5 * b + 128));
                    cr[o] = (byte) clamp((int) Math.round(0.5 * r - 0.41869 * g - 0.08131 * b + 128));
                }
            }
        }
    }

    /**
     * Converts the colours of a 4:2:0 image in place, chroma rows {@code [from, to)} (and the luma rows they
     * cover): each 2x2 group's pixels are made RGB with the group's chroma sample, converted, and written back as
     * four luma samples and the mean of their chroma. Converting output-sized planes this way costs a fraction of
     * converting the decoded photo. (Upsampling chroma smoothly first was measured too: it blurs chroma once more,
     * upsampled then averaged, and ends further from converting first: delta-E76 mean 0.93 against 0.64.)
     */
    public static void transform(PlanarImage image, RgbTransform t, int from, int to) {
        if (image.grey() || image.factorX(1) != 2 || image.factorY(1) != 2 || image.factorX(2) != 2
                || image.factorY(2) != 2) {
            throw new IllegalArgumentException("colour conversion of planes needs 4:2:0 chroma, was " + image);
        }
        int w = image.width();
        int h = image.height();
        Plane y = image.plane(0);
        Plane cb = image.plane(1);
        Plane cr = image.plane(2);
        byte[] yd = y.data();
        byte[] cbd = cb.data();
        byte[] crd = cr.data();
        int[] rgb = new int[2 * w];
        for (int j = from; j < to; j++) {
            int y0 = 2 * j * y.stride();
            int y1 = Math.min(2 * j + 1, h - 1) * y.stride();
            int c = j * cb.stride();
            int d = j * cr.stride();
            for (int i = 0; i < w; i++) {
                int b = cbd[c + (i >> 1)] & 0xFF;
                int r = crd[d + (i >> 1)] & 0xFF;
                rgb[i] = rgb(yd[y0 + i] & 0xFF, b, r);
                rgb[w + i] = rgb(yd[y1 + i] & 0xFF, b, r);
            }
            t.apply(rgb, 0, 2 * w);
            for (int i = 0; i < w; i++) {
                yd[y0 + i] = (byte) luma(rgb[i]);
                yd[y1 + i] = (byte) luma(rgb[w + i]);    // (the same row again when the image ends here)
            }
            for (int i = 0, n = (w + 1) / 2; i < n; i++) {
                int x0 = 2 * i;
                int x1 = Math.min(2 * i + 1, w - 1);
                int p00 = rgb[x0];
                int p01 = rgb[x1];
                int p10 = rgb[w + x0];
                int p11 = rgb[w + x1];
                int rs = (p00 >> 16 & 0xFF) + (p01 >> 16 & 0xFF) + (p10 >> 16 & 0xFF) + (p11 >> 16 & 0xFF);
                int gs = (p00 >> 8 & 0xFF) + (p01 >> 8 & 0xFF) + (p10 >> 8 & 0xFF) + (p11 >> 8 & 0xFF);
                int bs = (p00 & 0xFF) + (p01 & 0xFF) + (p10 & 0xFF) + (p11 & 0xFF);
                cbd[c + i] = (byte) cb4(rs, gs, bs);
                crd[d + i] = (byte) cr4(rs, gs, bs);
            }
        }
    }

    /** Packed RGB of one pixel (JFIF equations, libjpeg's rounding). */
    private static int rgb(int l, int b, int r) {
        return clamp(l + CR_R[r]) << 16 | clamp(l + (CB_G[b] + CR_G[r] >> SCALE)) << 8 | clamp(l + CB_B[b]);
    }

    /** Cb of the sums of four pixels' R, G and B. */
    private static int cb4(int r, int g, int b) {
        return clamp(-fix(0.16874) * r - fix(0.33126) * g + fix(0.5) * b + (128 << (SCALE + 2)) + (HALF << 2) - 1
                >> (SCALE + 2));
    }

    /** Cr of the sums of four pixels' R, G and B. */
    private static int cr4(int r, int g, int b) {
        return clamp(fix(0.5) * r - fix(0.41869) * g - fix(0.08131) * b + (128 << (SCALE + 2)) + (HALF << 2) - 1
                >> (SCALE + 2));
    }

    private static int luma(int p) {
        return fix(0.29900) * (p >> 16 & 0xFF) + fix(0.58700) * (p >> 8 & 0xFF) + fix(0.11400) * (p & 0xFF) + HALF
                >> SCALE;
    }
}
