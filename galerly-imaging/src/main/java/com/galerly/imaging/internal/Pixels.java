/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.imaging.DecodedImage;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Normalises whatever a decoder returned to 8-bit sRGB: common layouts (8-bit RGB/BGR/grey with or without
 * alpha, packed ints) are read in place without a copy; palettes, 16-bit samples, premultiplied alpha and
 * non-sRGB colour spaces (ICC profiles) are converted once into packed ints.
 */
final class Pixels {
    private static final int[] RGB_MASKS = {0xFF0000, 0xFF00, 0xFF};
    private static final int[] ARGB_MASKS = {0xFF0000, 0xFF00, 0xFF, 0xFF000000};

    private Pixels() {
    }

    /** An sRGB view of the decoded image (stored orientation). */
    static PixelSource srgb(DecodedImage decoded) {
        BufferedImage image = decoded.pixels();
        if (decoded.profile() != null) {
            BufferedImage tagged = retag(image, decoded.profile());
            if (tagged != null) {
                return convert(tagged);
            }
        }
        PixelSource direct = direct(image);
        return direct != null ? direct : convert(image);
    }

    /** Packed ARGB ints of {@code width x height} as a source (renditions are read back this way). */
    static PixelSource packed(int[] argb, int width, int height, boolean alpha) {
        return new Packed(argb, 0, width, width, height, alpha);
    }

    /** A {@link BufferedImage} sharing {@code argb} (no copy): TYPE_INT_ARGB-like with alpha, TYPE_INT_RGB-like without. */
    static BufferedImage image(int[] argb, int width, int height, boolean alpha) {
        DataBufferInt buffer = new DataBufferInt(argb, argb.length);
        int[] masks = alpha ? ARGB_MASKS : RGB_MASKS;
        WritableRaster raster = Raster.createPackedRaster(buffer, width, height, width, masks, null);
        ColorModel cm = alpha ? ColorModel.getRGBdefault() : new DirectColorModel(24, masks[0], masks[1], masks[2]);
        return new BufferedImage(cm, raster, false, null);
    }

    private static PixelSource direct(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        boolean srgb = cm.getColorSpace().isCS_sRGB();
        boolean gray = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        if (cm.isAlphaPremultiplied() || raster.getParent() != null) {
            return null;
        }
        if (cm instanceof DirectColorModel dcm && srgb && raster.getDataBuffer() instanceof DataBufferInt db
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm && db.getNumBanks() == 1
                && dcm.getRedMask() == 0xFF0000 && dcm.getGreenMask() == 0xFF00 && dcm.getBlueMask() == 0xFF
                && (!dcm.hasAlpha() || dcm.getAlphaMask() == 0xFF000000)) {
            return new Packed(db.getData(), db.getOffset(), sm.getScanlineStride(), image.getWidth(), image.getHeight(),
                    dcm.hasAlpha());
        }
        if (cm instanceof ComponentColorModel && (srgb || gray) && raster.getDataBuffer() instanceof DataBufferByte db
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel sm && db.getNumBanks() == 1) {
            int bands = sm.getNumBands();
            boolean alpha = cm.hasAlpha();
            int colours = bands - (alpha ? 1 : 0);
            if ((gray && colours == 1) || (srgb && colours == 3)) {
                return new Interleaved(db.getData(), db.getOffset(), sm, image.getWidth(), image.getHeight(), colours == 1,
                        alpha);
            }
        }
        return null;
    }

    /** Reads the same raster as pixels in {@code profile}'s colour space, for conversion; null when it cannot. */
    private static BufferedImage retag(BufferedImage image, ICC_Profile profile) {
        ColorModel cm = image.getColorModel();
        ICC_ColorSpace cs;
        try {
            cs = new ICC_ColorSpace(profile);
        } catch (RuntimeException e) {
            return null;
        }
        ColorModel tagged;
        if (cm instanceof ComponentColorModel && cm.getNumColorComponents() == 3
                && image.getRaster().getSampleModel() instanceof ComponentSampleModel) {
            tagged = new ComponentColorModel(cs, cm.hasAlpha(), cm.isAlphaPremultiplied(), cm.getTransparency(),
                    cm.getTransferType());
        } else if (cm instanceof DirectColorModel dcm && dcm.getNumColorComponents() == 3) {
            tagged = new DirectColorModel(cs, dcm.getPixelSize(), dcm.getRedMask(), dcm.getGreenMask(), dcm.getBlueMask(),
                    dcm.getAlphaMask(), dcm.isAlphaPremultiplied(), dcm.getTransferType());
        } else {
            return null;
        }
        if (!tagged.isCompatibleRaster(image.getRaster())) {
            return null;
        }
        return new BufferedImage(tagged, image.getRaster(), tagged.isAlphaPremultiplied(), null);
    }

    /** Converts anything else once into packed sRGB ints. */
    private static PixelSource convert(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = cm.hasAlpha() && cm.getTransparency() != Transparency.OPAQUE;
        int[] out = new int[Math.multiplyExact(w, h)];
        ColorSpace cs = cm.getColorSpace();
        if (cm instanceof IndexColorModel icm) {
            palette(image.getRaster(), icm, out, w, h);
        } else if (cs.isCS_sRGB() || cs.getType() == ColorSpace.TYPE_GRAY) {
            samples(image.getRaster(), cm, out, w, h);
        } else {
            BufferedImage target = image(out, w, h, alpha);
            new ColorConvertOp(null).filter(image, target);
            if (!alpha) {
                for (int i = 0; i < out.length; i++) {
                    out[i] |= 0xFF000000;
                }
            }
        }
        return new Packed(out, 0, w, w, h, alpha);
    }

    private static void palette(Raster raster, IndexColorModel icm, int[] out, int w, int h) {
        int[] lut = new int[1 << Math.max(1, icm.getPixelSize())];
        int size = icm.getMapSize();
        for (int i = 0; i < lut.length; i++) {
            lut[i] = i < size ? icm.getRGB(i) : 0xFF000000;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int index = row[x];
                out[o + x] = index >= 0 && index < lut.length ? lut[index] : 0xFF000000;
            }
        }
    }

    /** Component samples of any depth (8, 16, 32 bits) in sRGB or grey, alpha optionally premultiplied. */
    private static void samples(Raster raster, ColorModel cm, int[] out, int w, int h) {
        int bands = raster.getNumBands();
        int colours = cm.getNumColorComponents();
        boolean alpha = cm.hasAlpha();
        boolean pre = cm.isAlphaPremultiplied();
        double[] scale = new double[bands];
        for (int b = 0; b < bands; b++) {
            int bits = cm.getComponentSize(Math.min(b, cm.getNumComponents() - 1));
            scale[b] = 255.0 / ((1L << Math.min(bits, 31)) - 1);
        }
        boolean floating = raster.getTransferType() == DataBuffer.TYPE_FLOAT
                || raster.getTransferType() == DataBuffer.TYPE_DOUBLE;
        float[] frow = floating ? new float[w * bands] : null;
        int[] row = floating ? null : new int[w * bands];
        for (int y = 0; y < h; y++) {
            if (floating) {
                raster.getPixels(0, y, w, 1, frow);
            } else {
                raster.getPixels(0, y, w, 1, row);
            }
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int p = x * bands;
                double r;
                double g;
                double b;
                double a = 255;
                if (floating) {
                    r = frow[p] * 255.0;
                    g = colours >= 3 ? frow[p + 1] * 255.0 : r;
                    b = colours >= 3 ? frow[p + 2] * 255.0 : r;
                    if (alpha) {
                        a = frow[p + colours] * 255.0;
                    }
                } else {
                    r = (row[p] & 0xFFFFFFFFL) * scale[0];
                    g = colours >= 3 ? (row[p + 1] & 0xFFFFFFFFL) * scale[1] : r;
                    b = colours >= 3 ? (row[p + 2] & 0xFFFFFFFFL) * scale[2] : r;
                    if (alpha) {
                        a = (row[p + colours] & 0xFFFFFFFFL) * scale[colours];
                    }
                }
                if (pre && a > 0) {
                    double k = 255.0 / a;
                    r *= k;
                    g *= k;
                    b *= k;
                }
                out[o + x] = clamp(a) << 24 | clamp(r) << 16 | clamp(g) << 8 | clamp(b);
            }
        }
    }

    static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5);
    }

    /** Packed ints, as TYPE_INT_RGB / TYPE_INT_ARGB and Galerly's own renditions store them. */
    private record Packed(int[] data, int offset, int stride, int width, int height, boolean alpha)
            implements PixelSource {
        @Override
        public int pixel(int x, int y) {
            int p = data[offset + y * stride + x];
            return alpha ? p : p | 0xFF000000;
        }

        @Override
        public void row(int y, int x, int n, int[] out) {
            int at = offset + y * stride + x;
            if (alpha) {
                System.arraycopy(data, at, out, 0, n);
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = data[at + i] | 0xFF000000;
                }
            }
        }
    }

    /** 8-bit interleaved bytes (BGR, ABGR, RGB, RGBA, grey, grey+alpha) read in place. */
    private static final class Interleaved implements PixelSource {
        private final byte[] data;
        private final int width;
        private final int height;
        private final int pixelStride;
        private final int scanlineStride;
        private final int r;
        private final int g;
        private final int b;
        private final int a;
        private final boolean alpha;

        Interleaved(byte[] data, int offset, PixelInterleavedSampleModel sm, int width, int height, boolean gray,
                    boolean alpha) {
            int[] bands = sm.getBandOffsets();
            this.data = data;
            this.width = width;
            this.height = height;
            this.pixelStride = sm.getPixelStride();
            this.scanlineStride = sm.getScanlineStride();
            this.r = offset + bands[0];
            this.g = offset + (gray ? bands[0] : bands[1]);
            this.b = offset + (gray ? bands[0] : bands[2]);
            this.a = alpha ? offset + bands[gray ? 1 : 3] : -1;
            this.alpha = alpha;
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public boolean alpha() {
            return alpha;
        }

        @Override
        public int pixel(int x, int y) {
            int p = y * scanlineStride + x * pixelStride;
            int av = alpha ? data[a + p] & 0xFF : 0xFF;
            return av << 24 | (data[r + p] & 0xFF) << 16 | (data[g + p] & 0xFF) << 8 | data[b + p] & 0xFF;
        }

        @Override
        public void row(int y, int x, int n, int[] out) {
            int p = y * scanlineStride + x * pixelStride;
            for (int i = 0; i < n; i++, p += pixelStride) {
                int av = alpha ? data[a + p] & 0xFF : 0xFF;
                out[i] = av << 24 | (data[r + p] & 0xFF) << 16 | (data[g + p] & 0xFF) << 8 | data[b + p] & 0xFF;
            }
        }
    }
}
