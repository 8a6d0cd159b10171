/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import java.nio.charset.StandardCharsets;

/** Magic bytes of the formats Galerly reads, and names for common ones it does not (for error messages). */
final class Signatures {
    private Signatures() {
    }

    static boolean jpeg(byte[] h) {
        return h.length >= 3 && u(h, 0) == 0xFF && u(h, 1) == 0xD8 && u(h, 2) == 0xFF;
    }

    static boolean png(byte[] h) {
        return startsWith(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    }

    static boolean gif(byte[] h) {
        return ascii(h, 0, "GIF87a") || ascii(h, 0, "GIF89a");
    }

    static boolean bmp(byte[] h) {
        if (!ascii(h, 0, "BM") || h.length < 18) {
            return false;
        }
        int dib = u(h, 14) | u(h, 15) << 8 | u(h, 16) << 16 | u(h, 17) << 24;
        return dib == 12 || dib == 16 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124;
    }

    static boolean tiff(byte[] h) {
        return startsWith(h, 0, 'I', 'I', 42, 0) || startsWith(h, 0, 'M', 'M', 0, 42)
                || startsWith(h, 0, 'I', 'I', 43, 0) || startsWith(h, 0, 'M', 'M', 0, 43);
    }

    static boolean webp(byte[] h) {
        return ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP");
    }

    /** A name for what the bytes look like, including formats no built-in decoder reads. */
    static String describe(byte[] h) {
        if (h.length == 0) {
            return "empty";
        }
        if (jpeg(h)) {
            return "JPEG";
        }
        if (png(h)) {
            return "PNG";
        }
        if (gif(h)) {
            return "GIF";
        }
        if (webp(h)) {
            return "WebP";
        }
        if (tiff(h)) {
            return "TIFF";
        }
        if (bmp(h)) {
            return "BMP";
        }
        if (h.length >= 12 && ascii(h, 4, "ftyp")) {
            String brand = new String(h, 8, 4, StandardCharsets.US_ASCII);
            return switch (brand) {
                case "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1" -> "HEIF";
                case "avif", "avis" -> "AVIF";
                case "crx " -> "CR3";
                default -> "ISO media (" + printable(brand) + ")";
            };
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

    private static boolean ascii(byte[] h, int offset, String s) {
        if (h.length < offset + s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (h[offset + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u(byte[] h, int i) {
        return h[i] & 0xFF;
    }
}
