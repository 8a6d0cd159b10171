/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli.demo;

import com.galerly.testkit.image.ExifData;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Photo-like sample images for the demo when no --photos folder is given: landscapes, a phone portrait stored
 * sideways with EXIF orientation 6 and a GPS tag, a PNG with alpha, a panorama.
 */
public final class SamplePhotos {
    /**
     * A sample file.
     *
     * @param name  file name
     * @param bytes encoded content
     */
    public record Sample(String name, byte[] bytes) {
    }

    private SamplePhotos() {
    }

    /** {@code count} samples, varied and reproducible. */
    public static List<Sample> generate(int count) {
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Random random = new Random(1000 + i);
            switch (i % 4) {
                case 0 -> samples.add(new Sample("sunset-" + i + ".jpg", jpeg(landscape(3000, 2000, random))));
                case 1 -> samples.add(new Sample("portrait-" + i + ".jpg", rotatedByExif(landscape(1600, 2400, random))));
                case 2 -> samples.add(new Sample("logo-" + i + ".png", png(badge(1200, 1200, random))));
                default -> samples.add(new Sample("panorama-" + i + ".jpg", jpeg(landscape(4800, 1600, random))));
            }
        }
        return samples;
    }

    /** A JPEG unlike every sample of {@link #generate}: new bytes for a photo being replaced. */
    public static byte[] replacement() {
        return jpeg(landscape(2400, 1600, new Random(77_777)));
    }

    private static BufferedImage landscape(int w, int h, Random random) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        float hue = (random.nextInt(12) / 12f + random.nextFloat() * 0.05f) % 1f;
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.6f, 0.95f), 0, h * 0.7f,
                Color.getHSBColor(hue + 0.1f, 0.8f, 0.55f)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(255, 240, 200));
        double sun = Math.min(w, h) * 0.18;
        g.fill(new Ellipse2D.Double(w * (0.2 + 0.6 * random.nextDouble()), h * 0.2, sun, sun));
        for (int layer = 0; layer < 3; layer++) {
            Path2D hills = new Path2D.Double();
            hills.moveTo(0, h);
            double base = h * (0.55 + 0.12 * layer);
            for (int x = 0; x <= w; x += Math.max(1, w / 40)) {
                hills.lineTo(x, base + Math.sin(x * 0.004 * (layer + 1) + random.nextDouble() * 0.2) * h * 0.06);
            }
            hills.lineTo(w, h);
            hills.closePath();
            g.setColor(Color.getHSBColor(hue + 0.35f, 0.5f, 0.45f - 0.12f * layer));
            g.fill(hills);
        }
        g.setStroke(new BasicStroke(Math.max(1, w / 800f)));
        g.setColor(new Color(255, 255, 255, 90));
        for (int i = 0; i < 200; i++) {            // fine detail, so resampling quality shows
            int x = random.nextInt(w);
            int y = random.nextInt(h / 2);
            g.drawLine(x, y, x + w / 200, y);
        }
        g.dispose();
        return image;
    }

    /**
     * A portrait the way a phone stores it: landscape pixels plus EXIF orientation 6, with a camera model and a
     * GPS position the renditions must not carry.
     */
    private static byte[] rotatedByExif(BufferedImage upright) {
        BufferedImage stored = SyntheticImages.storedFor(upright, 6);
        return JpegMarkers.insert(jpeg(stored), JpegMarkers.exif(ExifData.builder().orientation(6)
                .make("Galerly").model("Demo Phone").gps(48.8584, 2.2945).build()));
    }

    private static BufferedImage badge(int w, int h, Random random) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.getHSBColor(random.nextFloat(), 0.7f, 0.9f));
        g.fill(new Ellipse2D.Double(w * 0.1, h * 0.1, w * 0.8, h * 0.8));
        g.setColor(new Color(20, 20, 20, 200));
        g.setStroke(new BasicStroke(w / 30f));
        g.draw(new Ellipse2D.Double(w * 0.25, h * 0.25, w * 0.5, h * 0.5));
        g.dispose();
        return image;
    }

    private static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    private static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
