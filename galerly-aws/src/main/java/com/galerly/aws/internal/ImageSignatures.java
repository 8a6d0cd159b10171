/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import com.galerly.core.image.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises an image format from the first bytes of a file (its magic numbers), whatever its name or declared
 * content type. Only the header is looked at: whether the rest decodes is the rendition pipeline's business.
 */
public final class ImageSignatures {
    /** How many leading bytes {@link #sniff(byte[])} needs to tell every format apart. */
    public static final int HEADER_BYTES = 64;

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1",
            "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<Integer> BMP_HEADER_SIZES = Set.of(12, 16, 40, 52, 56, 64, 108, 124);

    private ImageSignatures() {
    }

    /** The format the header announces, or empty when it is no image format Galerly knows. */
    public static Optional<ImageFormat> sniff(byte[] head) {
        if (head == null || head.length < 4) {
            return Optional.empty();
        }
        if (u8(head, 0) == 0xFF && u8(head, 1) == 0xD8 && u8(head, 2) == 0xFF) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(head, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Optional.of(ImageFormat.PNG);
        }
        if (ascii(head, 0, 6).equals("GIF87a") || ascii(head, 0, 6).equals("GIF89a")) {
            return Optional.of(ImageFormat.GIF);
        }
        if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return Optional.of(ImageFormat.WEBP);
        }
        if (ascii(head, 0, 15).equals("FUJIFILMCCD-RAW")) {
            return Optional.of(ImageFormat.RAW);
        }
        if (ascii(head, 4, 4).equals("ftyp")) {
            return isoBrand(head);
        }
        String tiff = ascii(head, 0, 4);
        if (tiff.equals("IIRO") || tiff.equals("IIRS") || tiff.equals("MMOR") || tiff.equals("IIU\0")) {
            return Optional.of(ImageFormat.RAW);     // Olympus ORF, Panasonic RW2: TIFF variants
        }
        if (tiff.equals("II*\0") || tiff.equals("MM\0*")) {
            return Optional.of(ascii(head, 8, 2).equals("CR") ? ImageFormat.RAW : ImageFormat.TIFF);
        }
        if (u8(head, 0) == 'B' && u8(head, 1) == 'M' && head.length >= 18
                && BMP_HEADER_SIZES.contains(u8(head, 14) | u8(head, 15) << 8 | u8(head, 16) << 16 | u8(head, 17) << 24)) {
            return Optional.of(ImageFormat.BMP);
        }
        return Optional.empty();
    }

    /** ISO base media files (HEIF, AVIF, Canon CR3) name their kind in the ftyp box's brands. */
    private static Optional<ImageFormat> isoBrand(byte[] head) {
        long boxSize = (long) u8(head, 0) << 24 | u8(head, 1) << 16 | u8(head, 2) << 8 | u8(head, 3);
        int end = (int) Math.min(head.length, Math.max(16, boxSize));
        String major = ascii(head, 8, 4);
        if (major.equals("crx ")) {
            return Optional.of(ImageFormat.RAW);
        }
        boolean heif = HEIF_BRANDS.contains(major);
        for (int at = 16; at + 4 <= end; at += 4) {
            String brand = ascii(head, at, 4);
            if (AVIF_BRANDS.contains(brand)) {
                return Optional.of(ImageFormat.AVIF);
            }
            heif |= HEIF_BRANDS.contains(brand);
        }
        if (AVIF_BRANDS.contains(major)) {
            return Optional.of(ImageFormat.AVIF);
        }
        return heif ? Optional.of(ImageFormat.HEIF) : Optional.empty();
    }

    private static boolean startsWith(byte[] head, int at, byte[] magic) {
        if (head.length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[at + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] head, int at, int length) {
        if (head.length < at + length) {
            return "";
        }
        return new String(head, at, length, StandardCharsets.ISO_8859_1);
    }

    private static int u8(byte[] head, int at) {
        return head[at] & 0xff;
    }
}
