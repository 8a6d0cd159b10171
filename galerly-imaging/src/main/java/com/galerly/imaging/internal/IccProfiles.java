/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

/** Reads the description of an ICC profile from its bytes, bounded (the profile comes from an untrusted file). */
final class IccProfiles {
    private IccProfiles() {
    }

    /** The profile's description ({@code "Display P3"}, {@code "Adobe RGB (1998)"}), or a fallback naming its class. */
    static String description(byte[] icc) {
        if (icc == null || icc.length < 132) {
            return "ICC profile";
        }
        try {
            int count = int32(icc, 128);
            for (int i = 0; i < Math.min(count, 256); i++) {
                int at = 132 + 12 * i;
                if (at + 12 > icc.length) {
                    break;
                }
                if (int32(icc, at) == 0x64657363) {                  // 'desc'
                    String d = text(icc, int32(icc, at + 4), int32(icc, at + 8));
                    if (d != null && !d.isBlank()) {
                        return d.trim();
                    }
                }
            }
        } catch (RuntimeException e) {
            // fall through: an unreadable description is not an unreadable image
        }
        return "ICC profile";
    }

    /**
     * The profile a decoder left unapplied, for the engine to convert from: the pixels say sRGB but the container
     * carries another RGB profile. Null when there is none, it is sRGB, or it cannot be used (a broken profile
     * renders as sRGB rather than failing the photo).
     */
    static ICC_Profile unapplied(byte[] icc, BufferedImage pixels) {
        if (icc == null || !pixels.getColorModel().getColorSpace().isCS_sRGB() || srgb(description(icc))) {
            return null;
        }
        try {
            ICC_Profile profile = ICC_Profile.getInstance(icc);
            return profile.getColorSpaceType() == ColorSpace.TYPE_RGB
                    && pixels.getColorModel().getNumColorComponents() == 3 ? profile : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether a profile of that description needs no conversion to sRGB. */
    static boolean srgb(String description) {
        String d = description.toLowerCase(java.util.Locale.ROOT);
        return d.startsWith("srgb") || d.contains("iec61966-2.1") || d.contains("iec 61966-2-1");
    }

    private static String text(byte[] icc, int offset, int size) {
        if (offset < 0 || size < 12 || offset + size > icc.length || size > 65_536) {
            return null;
        }
        int type = int32(icc, offset);
        if (type == 0x64657363) {                                     // 'desc' (v2 textDescriptionType)
            int n = int32(icc, offset + 8);
            if (n <= 0 || offset + 12 + n > icc.length) {
                return null;
            }
            int end = offset + 12;
            while (end < offset + 12 + n && icc[end] != 0) {
                end++;
            }
            return new String(icc, offset + 12, end - offset - 12, StandardCharsets.US_ASCII);
        }
        if (type == 0x6D6C7563 && size >= 28) {                       // 'mluc' (v4)
            int len = int32(icc, offset + 20);
            int at = int32(icc, offset + 24);
            if (len <= 0 || at < 0 || offset + at + len > icc.length) {
                return null;
            }
            return new String(icc, offset + at, len, StandardCharsets.UTF_16BE);
        }
        return null;
    }

    private static int int32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
    }
}
