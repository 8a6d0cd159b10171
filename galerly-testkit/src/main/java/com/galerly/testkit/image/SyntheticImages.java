/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.image;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Images with known content, generated in memory (no files, no network): photo-like scenes for quality
 * comparisons, four-colour quadrants for orientation checks, and alpha shapes on transparent black.
 *
 * <pre>{@code
 * BufferedImage photo = SyntheticImages.photo(1200, 800, 42);       // same seed, same pixels
 * BufferedImage q = SyntheticImages.quadrants(64, 48);              // red | green / blue | white
 * }</pre>
 */
public final class SyntheticImages {
    /** Top-left quadrant colour (RGB) of {@link #quadrants}. */
    public static final int TOP_LEFT = 0xFF0000;
    /** Top-right quadrant colour. */
    public static final int TOP_RIGHT = 0x00FF00;
    /** Bottom-left quadrant colour. */
    public static final int BOTTOM_LEFT = 0x0000FF;
    /** Bottom-right quadrant colour. */
    public static final int BOTTOM_RIGHT = 0xFFFFFF;

    private SyntheticImages() {
    }

    /**
     * A photo-like RGB scene: a sky-like gradient, soft blurred blobs, hard-edged shapes and fine lines, and
     * low-amplitude sensor-like noise. Deterministic for a seed on a given JDK.
     */
    public static BufferedImage photo(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new LinearGradientPaint(0, 0, width * 0.3f, height, new float[] {0f, 0.55f, 1f},
                    new Color[] {new Color(70, 120, 200), new Color(190, 200, 210), new Color(90, 110, 60)}));
            g.fillRect(0, 0, width, height);
            float min = Math.min(width, height);
            for (int i = 0; i < 14; i++) {
                float r = min * (0.08f + random.nextFloat() * 0.3f);
                Point2D c = new Point2D.Float(random.nextFloat() * width, random.nextFloat() * height);
                Color inner = new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 200);
                Color outer = new Color(inner.getRed(), inner.getGreen(), inner.getBlue(), 0);
                g.setPaint(new RadialGradientPaint(c, r, new float[] {0f, 1f}, new Color[] {inner, outer},
                        MultipleGradientPaint.CycleMethod.NO_CYCLE));
                g.fill(new Ellipse2D.Double(c.getX() - r, c.getY() - r, 2 * r, 2 * r));
            }
            for (int i = 0; i < 8; i++) {
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
                int w = (int) (min * (0.05 + random.nextDouble() * 0.2));
                int h = (int) (min * (0.05 + random.nextDouble() * 0.4));
                g.fillRect(random.nextInt(Math.max(1, width - w)), random.nextInt(Math.max(1, height - h)), w, h);
            }
            g.setStroke(new BasicStroke(Math.max(1f, min / 400f)));
            for (int i = 0; i < 20; i++) {
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
                g.drawLine(random.nextInt(width), random.nextInt(height), random.nextInt(width), random.nextInt(height));
            }
        } finally {
            g.dispose();
        }
        byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            int v = (data[i] & 0xFF) + random.nextInt(7) - 3;
            data[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return image;
    }

    /** Four flat quadrants: {@link #TOP_LEFT} | {@link #TOP_RIGHT} over {@link #BOTTOM_LEFT} | {@link #BOTTOM_RIGHT}. */
    public static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean left = x < width / 2;
                boolean top = y < height / 2;
                image.setRGB(x, y, top ? (left ? TOP_LEFT : TOP_RIGHT) : (left ? BOTTOM_LEFT : BOTTOM_RIGHT));
            }
        }
        return image;
    }

    /**
     * A white opaque disc on transparent black (ARGB 0x00000000), with an anti-aliased rim: resizing it
     * without premultiplied alpha shows a dark fringe once flattened on white.
     */
    public static BufferedImage discOnTransparentBlack(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setColor(new Color(0, 0, 0, 0));
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(width * 0.2, height * 0.2, width * 0.6, height * 0.6));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A flat image of one RGB colour. */
    public static BufferedImage solid(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(rgb));
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The stored pixels of an image that shows {@code displayed} once EXIF {@code orientation} (1..8) is
     * applied: the inverse of what a viewer does, built from explicit flips and quarter turns.
     */
    public static BufferedImage storedFor(BufferedImage displayed, int orientation) {
        return switch (orientation) {
            case 1 -> displayed;
            case 2 -> map(displayed, false, (x, y, w, h) -> displayed.getRGB(w - 1 - x, y));
            case 3 -> map(displayed, false, (x, y, w, h) -> displayed.getRGB(w - 1 - x, h - 1 - y));
            case 4 -> map(displayed, false, (x, y, w, h) -> displayed.getRGB(x, h - 1 - y));
            case 5 -> map(displayed, true, (x, y, w, h) -> displayed.getRGB(y, x));
            // a viewer turns orientation 6 clockwise, so it is stored turned counter-clockwise
            case 6 -> map(displayed, true, (x, y, w, h) -> displayed.getRGB(w - 1 - y, x));
            case 7 -> map(displayed, true, (x, y, w, h) -> displayed.getRGB(w - 1 - y, h - 1 - x));
            // a viewer turns orientation 8 counter-clockwise, so it is stored turned clockwise
            case 8 -> map(displayed, true, (x, y, w, h) -> displayed.getRGB(y, h - 1 - x));
            default -> throw new IllegalArgumentException("orientation must be 1..8, was " + orientation);
        };
    }

    private interface Mapping {
        int rgb(int x, int y, int w, int h);
    }

    private static BufferedImage map(BufferedImage in, boolean swap, Mapping mapping) {
        int w = in.getWidth();
        int h = in.getHeight();
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, mapping.rgb(x, y, w, h));
            }
        }
        return out;
    }
}
