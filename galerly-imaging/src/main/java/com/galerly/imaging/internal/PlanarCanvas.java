/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.image.Region;
import com.galerly.core.image.RenditionSpec;
import com.galerly.core.image.Size;
import com.galerly.imaging.EncodeRequest;
import com.galerly.imaging.ImageEncoder;
import com.galerly.imaging.internal.colour.RgbTransform;
import com.galerly.imaging.internal.jpeg.JpegPlanarEncoder;
import com.galerly.imaging.internal.planar.BoxFilter;
import com.galerly.imaging.internal.planar.Plane;
import com.galerly.imaging.internal.planar.PlanarImage;
import com.galerly.imaging.internal.planar.PlaneResampler;
import com.galerly.imaging.internal.planar.Taps;
import com.galerly.imaging.internal.planar.YCbCr;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * A grey or YCbCr image kept as planes: luma is resampled at full resolution and chroma straight to the 4:2:0
 * grid of the output (half the samples of RGB, no upsampling, no colour conversion), and the planes go to the
 * JPEG encoder as they are. The decoded image stays in its stored orientation: each plane is resampled in stored
 * coordinates and written out upright ({@link PlaneResampler} rotates for free while transposing back).
 *
 * @param image       the planes
 * @param frame       the size of the coordinate system the image covers: the stored size of the original for a
 *                    decoded image, its displayed size for a rendition
 * @param scaleX      image pixels per frame pixel (1/8 when decoded at 1/8)
 * @param scaleY      the same vertically
 * @param orientation the EXIF orientation to apply (1 for renditions)
 * @param colour      the conversion of the image's colours to sRGB (an embedded ICC profile), applied to each
 *                    rendition made from it, at output resolution; null when the image is sRGB already
 */
record PlanarCanvas(PlanarImage image, Size frame, double scaleX, double scaleY, int orientation, RgbTransform colour)
        implements Canvas {
    @Override
    public Rendering render(Region crop, Size out, Parallel parallel) {
        double[] r = stored(crop);
        boolean transposed = orientation >= 5;
        int sw = transposed ? out.height() : out.width();
        int sh = transposed ? out.width() : out.height();
        boolean flipX = orientation == 2 || orientation == 3 || orientation == 7 || orientation == 8;
        boolean flipY = orientation == 3 || orientation == 4 || orientation == 6 || orientation == 7;
        int n = image.planeCount();
        Plane[] planes = new Plane[n];
        List<Runnable> work = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int factor = i == 0 ? 1 : 2;
            int ow = (out.width() + factor - 1) / factor;
            int oh = (out.height() + factor - 1) / factor;
            int osw = transposed ? oh : ow;
            int osh = transposed ? ow : oh;
            Plane src = image.plane(i);
            Taps wx = taps(r[0], r[2], sw, osw, factor, flipX, scaleX / image.factorX(i), src.width());
            Taps wy = taps(r[1], r[3], sh, osh, factor, flipY, scaleY / image.factorY(i), src.height());
            Plane dst = Plane.allocate(ow, oh);
            planes[i] = dst;
            int bands = Math.min(parallel.threads(), Math.max(1, osh / 64));
            for (int b = 0; b < bands; b++) {
                int from = osh * b / bands;
                int to = osh * (b + 1) / bands;
                work.add(() -> PlaneResampler.resample(src, wx, wy, dst, orientation, from, to));
            }
        }
        parallel.run(work);
        PlanarImage rendered = PlanarImage.of(out.width(), out.height(), planes);
        if (colour != null && !rendered.grey()) {
            int rows = rendered.plane(1).height();
            int bands = Math.min(parallel.threads(), Math.max(1, rows / 32));
            List<Runnable> converting = new ArrayList<>();
            for (int b = 0; b < bands; b++) {
                int from = rows * b / bands;
                int to = rows * (b + 1) / bands;
                converting.add(() -> YCbCr.transform(rendered, colour, from, to));
            }
            parallel.run(converting);
        }
        return new Planar(rendered, parallel.pool());
    }

    /** The crop in the image's stored coordinates: x, y, width, height. */
    private double[] stored(Region c) {
        double sw = frame.width();
        double sh = frame.height();
        double x = c.x();
        double y = c.y();
        double w = c.width();
        double h = c.height();
        return switch (orientation) {
            case 2 -> new double[] {sw - x - w, y, w, h};
            case 3 -> new double[] {sw - x - w, sh - y - h, w, h};
            case 4 -> new double[] {x, sh - y - h, w, h};
            case 5 -> new double[] {y, x, h, w};
            case 6 -> new double[] {y, sh - x - w, h, w};
            case 7 -> new double[] {sw - y - h, sh - x - w, h, w};
            case 8 -> new double[] {sw - y - h, x, h, w};
            default -> new double[] {x, y, w, h};
        };
    }

    /**
     * Taps along one axis: the span {@code [start, start + length)} of the frame onto {@code samples} output samples,
     * each covering {@code factor} of the {@code pixels} output pixels (2 for 4:2:0 chroma). When the axis is
     * flipped on output and the pixel count is odd, the chroma grid starts half a sample early, so that it lines up
     * with the upright image's grid, which starts at the other end.
     */
    static Taps taps(double start, double length, int pixels, int samples, int factor, boolean flipped,
                     double perFrame, int planeSize) {
        double pixel = length / pixels;
        double shift = flipped ? pixels - (double) factor * samples : 0;
        double from = (start + shift * pixel) * perFrame;
        double span = samples * factor * pixel * perFrame;
        int lo = Math.max(0, Math.min(planeSize - 1, (int) Math.floor(start * perFrame + 1e-9)));
        int hi = Math.max(lo + 1, Math.min(planeSize, (int) Math.ceil((start + length) * perFrame - 1e-9)));
        return Taps.lanczos3(from, span, samples, lo, hi);
    }

    /** A rendition's planes; {@code helpers}, when not null, take parts of its JPEG encoding. */
    private record Planar(PlanarImage image, Executor helpers) implements Rendering {
        @Override
        public Size size() {
            return new Size(image.width(), image.height());
        }

        @Override
        public Canvas canvas(Size oriented) {
            return new PlanarCanvas(image, oriented, (double) image.width() / oriented.width(),
                    (double) image.height() / oriented.height(), 1, null);
        }

        @Override
        public byte[] encode(ImageEncoder encoder, RenditionSpec spec, boolean progressive, Map<String, String> keep,
                             int background) throws IOException {
            if (encoder instanceof JpegEncoder && !progressive) {
                // grey is written as YCbCr with neutral chroma: Java's ImageIO reads a one-component JPEG as
                // linear grey and brightens it, browsers do not; three components read the same everywhere
                return JpegPlanarEncoder.encode(image.grey() ? neutralChroma(image) : image, spec.quality(),
                        Exif.app1(keep), helpers);
            }
            if (encoder instanceof WebpEncoder webp) {
                return webp.encode(image, spec.quality());      // RGB bytes straight from the planes
            }
            int[] argb = YCbCr.argb(image);
            return encoder.encode(new EncodeRequest(Pixels.image(argb, image.width(), image.height(), false), spec,
                    progressive, keep));
        }

        @Override
        public int[] miniature(int width, int height, int background) {
            Plane[] small = new Plane[image.planeCount()];
            for (int i = 0; i < small.length; i++) {
                small[i] = BoxFilter.plane(image.plane(i), width, height);
            }
            int[] one = new int[small.length];
            java.util.Arrays.fill(one, 1);
            return YCbCr.argb(new PlanarImage(width, height, small, one, one));
        }

        private static PlanarImage neutralChroma(PlanarImage grey) {
            int cw = (grey.width() + 1) / 2;
            int ch = (grey.height() + 1) / 2;
            byte[] neutral = new byte[cw * ch];
            java.util.Arrays.fill(neutral, (byte) 128);
            Plane c = new Plane(neutral, cw, ch, cw);
            return PlanarImage.of(grey.width(), grey.height(), grey.plane(0), c, c);
        }
    }
}
