/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import static com.galerly.imaging.spi.ByteFields.ascii;

import com.galerly.core.image.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Names for what bytes look like, for error messages: the formats {@link ImageFormat#sniff} knows, and common ones
 * Galerly does not read.
 */
final class Signatures {
    private Signatures() {
    }

    static boolean jpeg(byte[] h) {
        return is(h, ImageFormat.JPEG);
    }

    static boolean png(byte[] h) {
        return is(h, ImageFormat.PNG);
    }

    static boolean gif(byte[] h) {
        return is(h, ImageFormat.GIF);
    }

    static boolean webp(byte[] h) {
        return is(h, ImageFormat.WEBP);
    }

    static boolean bmp(byte[] h) {
        return is(h, ImageFormat.BMP);
    }

    /** TIFF, BigTIFF, or a TIFF-structured RAW (a CR2): read as TIFF where no RAW plugin takes it. */
    static boolean tiff(byte[] h) {
        return is(h, ImageFormat.TIFF)
                || is(h, ImageFormat.RAW) && (startsWith(h, 0, 'I', 'I', 42, 0) || startsWith(h, 0, 'M', 'M', 0, 42));
    }

    private static boolean is(byte[] h, ImageFormat format) {
        return ImageFormat.sniff(h, h.length).filter(f -> f == format).isPresent();
    }

    /** A name for what the bytes look like, including formats no built-in decoder reads. */
    static String describe(byte[] h) {
        if (h.length == 0) {
            return "empty";
        }
        Optional<ImageFormat> known = ImageFormat.sniff(h, h.length);    // the one sniffer, shared with uploads
        if (known.isPresent()) {
            return switch (known.get()) {
                case WEBP -> "WebP";
                case RAW -> h.length >= 12 && ascii(h, 8, "crx ") ? "CR3" : "RAW";
                default -> known.get().name();
            };
        }
        if (h.length >= 12 && ascii(h, 4, "ftyp")) {
            return "ISO media (" + printable(new String(h, 8, 4, StandardCharsets.US_ASCII)) + ")";
        }
        if (startsWith(h, 0, 0xFF, 0x0A) || startsWith(h, 0, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ')) {
            return "JPEG XL";
        }
        if (ascii(h, 0, "%PDF")) {
            return "PDF";
        }
        if (startsWith(h, 0, 'P', 'K', 3, 4)) {
            return "ZIP";
        }
        if (ascii(h, 0, "8BPS")) {
            return "PSD";
        }
        if (text(h)) {
            String start = new String(h, 0, Math.min(h.length, 64), StandardCharsets.UTF_8).stripLeading();
            return start.startsWith("<svg") || start.startsWith("<?xml") ? "XML/SVG text" : "text";
        }
        return "unknown binary";
    }

    /** The first bytes in hex, for messages. */
    static String hex(byte[] h, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(max, h.length); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", u(h, i)));
        }
        return sb.toString();
    }

    private static boolean text(byte[] h) {
        for (byte b : h) {
            int c = b & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static boolean startsWith(byte[] h, int offset, int... bytes) {
        if (h.length < offset + bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (u(h, offset + i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u(byte[] h, int i) {
        return h[i] & 0xFF;
    }
}
