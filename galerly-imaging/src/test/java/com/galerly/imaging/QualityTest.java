/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.Fit;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.Region;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.ResizePlan;
import com.galerly.core.image.Size;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rendition of a photo-like image against a reference made in this test by a direct, double-precision
 * Lanczos-3 resample of the original's crop: mean SSIM on luma must be at least 0.99. The engine's renditions
 * come from the decoded image or from larger renditions, in float, with reduced decoding where allowed; this
 * test bounds what those shortcuts may cost. Renditions are encoded at quality 100 so that the comparison
 * measures the resampling rather than JPEG quantisation of the fixture's sensor-like noise.
 */
class QualityTest {
    private static final int W = 2400;
    private static final int H = 1600;
    private static BufferedImage original;
    private static byte[] png;

    @BeforeAll
    static void photo() {
        original = SyntheticImages.photo(W, H, 11);
        png = ImageFiles.png(original);
    }

    @Test
    void everyStandardRenditionMatchesADirectLanczosReference() {
        ProcessedImage out = Outputs.process("photo.png", png, RenditionProfile.standard().withQuality(100));
        for (EncodedRendition r : out.renditions()) {
            double ssim = ssimAgainstReference(r);
            assertTrue(ssim >= 0.99, r.name() + " SSIM " + ssim);
        }
    }

    @Test
    void aReducedDecodeForSmallRenditionsKeepsTheQuality() {
        // a profile of small renditions lets the decoder subsample 4x (nearest neighbour) before Lanczos
        RenditionProfile thumbs = RenditionProfile.builder().name("thumbs")
                .add(s -> s.name("thumb").box(100, 100).fit(Fit.COVER).quality(100))
                .add(s -> s.name("mini").box(150, 100).fit(Fit.INSIDE).quality(100))
                .build();
        ProcessedImage out = Outputs.process("photo.png", png, thumbs);
        for (EncodedRendition r : out.renditions()) {
            double ssim = ssimAgainstReference(r);
            assertTrue(ssim >= 0.99, r.name() + " SSIM " + ssim);
        }
    }

    private static double ssimAgainstReference(EncodedRendition r) {
        ResizePlan plan = r.spec().plan(new Size(W, H));
        assertEquals(plan.output(), r.size());
        double[][] reference = lanczos(luma(original), plan.crop(), plan.output());
        BufferedImage decoded = Outputs.decode(r);
        return ssim(reference, luma(decoded));
    }

    static double[][] luma(BufferedImage image) {
        double[][] y = new double[image.getHeight()][image.getWidth()];
        for (int j = 0; j < image.getHeight(); j++) {
            for (int i = 0; i < image.getWidth(); i++) {
                int p = image.getRGB(i, j);
                y[j][i] = 0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF);
            }
        }
        return y;
    }

    /** Lanczos-3 of the crop in double precision, taps limited to the crop and normalised. */
    static double[][] lanczos(double[][] src, Region crop, Size out) {
        double[][] rows = new double[crop.height()][out.width()];
        double[][] wx = weights(crop.width(), out.width());
        int[] sx = starts(crop.width(), out.width());
        for (int y = 0; y < crop.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                double v = 0;
                for (int k = 0; k < wx[x].length; k++) {
                    v += wx[x][k] * src[crop.y() + y][crop.x() + sx[x] + k];
                }
                rows[y][x] = v;
            }
        }
        double[][] wy = weights(crop.height(), out.height());
        int[] sy = starts(crop.height(), out.height());
        double[][] result = new double[out.height()][out.width()];
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                double v = 0;
                for (int k = 0; k < wy[y].length; k++) {
                    v += wy[y][k] * rows[sy[y] + k][x];
                }
                result[y][x] = Math.max(0, Math.min(255, v));
            }
        }
        return result;
    }

    private static int[] starts(int in, int out) {
        double scale = (double) in / out;
        double support = 3 * Math.max(scale, 1);
        int[] s = new int[out];
        for (int i = 0; i < out; i++) {
            s[i] = Math.max(0, (int) Math.floor((i + 0.5) * scale - support));
        }
        return s;
    }

    private static double[][] weights(int in, int out) {
        double scale = (double) in / out;
        double fs = Math.max(scale, 1);
        double support = 3 * fs;
        double[][] w = new double[out][];
        for (int i = 0; i < out; i++) {
            double centre = (i + 0.5) * scale;
            int first = Math.max(0, (int) Math.floor(centre - support));
            int last = Math.min(in - 1, (int) Math.ceil(centre + support));
            w[i] = new double[last - first + 1];
            double sum = 0;
            for (int j = first; j <= last; j++) {
                double x = Math.abs((j + 0.5 - centre) / fs);
                double k = x < 1e-12 ? 1 : x >= 3 ? 0 : 3 * Math.sin(Math.PI * x) * Math.sin(Math.PI * x / 3)
                        / (Math.PI * Math.PI * x * x);
                w[i][j - first] = k;
                sum += k;
            }
            for (int j = 0; j < w[i].length; j++) {
                w[i][j] /= sum;
            }
        }
        return w;
    }

    /** Mean SSIM over 8x8 windows (stride 4), constants of Wang et al. for 8-bit data. */
    static double ssim(double[][] a, double[][] b) {
        int h = Math.min(a.length, b.length);
        int w = Math.min(a[0].length, b[0].length);
        double c1 = Math.pow(0.01 * 255, 2);
        double c2 = Math.pow(0.03 * 255, 2);
        int win = Math.min(8, Math.min(w, h));
        double total = 0;
        int n = 0;
        for (int y = 0; y + win <= h; y += 4) {
            for (int x = 0; x + win <= w; x += 4) {
                double ma = 0;
                double mb = 0;
                for (int j = 0; j < win; j++) {
                    for (int i = 0; i < win; i++) {
                        ma += a[y + j][x + i];
                        mb += b[y + j][x + i];
                    }
                }
                int count = win * win;
                ma /= count;
                mb /= count;
                double va = 0;
                double vb = 0;
                double cov = 0;
                for (int j = 0; j < win; j++) {
                    for (int i = 0; i < win; i++) {
                        double da = a[y + j][x + i] - ma;
                        double db = b[y + j][x + i] - mb;
                        va += da * da;
                        vb += db * db;
                        cov += da * db;
                    }
                }
                va /= count - 1;
                vb /= count - 1;
                cov /= count - 1;
                total += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
                n++;
            }
        }
        return total / n;
    }
}
