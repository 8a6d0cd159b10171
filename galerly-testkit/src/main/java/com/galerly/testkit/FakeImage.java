/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.image.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny stand-in for an image file that {@link FakeImageProcessor} "decodes" in microseconds: a text header
 * with the format, size and EXIF orientation it pretends to have. Use it for pipeline and handler tests that
 * need many photos and no pixels; use real images (and the real processor) where pixels matter.
 *
 * <pre>{@code
 * byte[] original = FakeImage.of(6000, 4000).orientation(6).toBytes();
 * byte[] broken = FakeImage.corruptBytes();        // the fake refuses it with CORRUPT_IMAGE
 * }</pre>
 *
 * @param format      the format it claims
 * @param width       stored width
 * @param height      stored height
 * @param orientation EXIF orientation 1..8
 */
public record FakeImage(ImageFormat format, int width, int height, int orientation) {
    /** Every fake image starts with these bytes. */
    public static final String MAGIC = "GALERLY-FAKE-IMAGE:";

    public FakeImage {
        if (width < 1 || height < 1 || orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("invalid fake image " + width + "x" + height + " o" + orientation);
        }
    }

    /** A JPEG of that size, orientation 1. */
    public static FakeImage of(int width, int height) {
        return new FakeImage(ImageFormat.JPEG, width, height, 1);
    }

    public FakeImage orientation(int orientation) {
        return new FakeImage(format, width, height, orientation);
    }

    public FakeImage format(ImageFormat format) {
        return new FakeImage(format, width, height, orientation);
    }

    public byte[] toBytes() {
        return (MAGIC + "format=" + format.id() + ";width=" + width + ";height=" + height + ";orientation="
                + orientation + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Content with the synthetic magic but a broken header: the fake fails it with CORRUPT_IMAGE. */
    public static byte[] corruptBytes() {
        return (MAGIC + "format=jpeg;width=12").getBytes(StandardCharsets.US_ASCII);
    }

    /** The format a fake image claims, from its first bytes; empty if they are not synthetic. */
    public static Optional<ImageFormat> sniff(byte[] head) {
        String text = new String(head, StandardCharsets.US_ASCII);
        String prefix = MAGIC + "format=";
        if (!text.startsWith(prefix)) {
            return Optional.empty();
        }
        int end = text.indexOf(';', prefix.length());
        return ImageFormat.fromId(text.substring(prefix.length(), end < 0 ? text.length() : end));
    }

    /** Reads bytes made by {@link #toBytes()}: empty if they are not synthetic, an error if corrupt. */
    static Optional<FakeImage> parse(byte[] bytes) throws IllegalArgumentException {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.startsWith(MAGIC)) {
            return Optional.empty();
        }
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("truncated fake-image header");
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : text.substring(MAGIC.length(), text.length() - 1).split(";")) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("malformed field " + pair);
            }
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        try {
            return Optional.of(new FakeImage(
                    ImageFormat.fromId(fields.get("format")).orElseThrow(() -> new IllegalArgumentException("format")),
                    Integer.parseInt(fields.get("width")), Integer.parseInt(fields.get("height")),
                    Integer.parseInt(fields.getOrDefault("orientation", "1"))));
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("malformed fake-image header", e);
        }
    }
}
