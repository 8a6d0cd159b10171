/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import java.util.Locale;
import java.util.Optional;

/** Image formats Galerly knows by name; which ones it can read or write depends on the installed plugins. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    GIF("image/gif", "gif"),
    BMP("image/bmp", "bmp"),
    TIFF("image/tiff", "tif"),
    HEIF("image/heic", "heic"),
    AVIF("image/avif", "avif"),
    /** A camera RAW file (CR2, CR3, NEF, ARW, DNG, ORF, RAF, RW2...), rendered from its embedded preview. */
    RAW("image/x-raw", "raw");

    private final String contentType;
    private final String extension;

    ImageFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The MIME type a rendition or original of this format is served with. */
    public String contentType() {
        return contentType;
    }

    /** The extension used in keys and file names. */
    public String extension() {
        return extension;
    }

    /** The lower-case name used in manifests and the CLI ({@code jpeg}, {@code webp}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How many leading bytes {@link #sniff(byte[], int)} needs to recognise every format. */
    public static final int SNIFF_BYTES = 32;

    /**
     * Recognises a format from the first bytes of the content (never from a name or declared type).
     * TIFF-based camera RAW files (NEF, ARW, DNG...) sniff as TIFF here; RAW plugins refine that.
     *
     * @param head   the first bytes of the content
     * @param length how many of them are valid
     * @return the format, or empty when the bytes match none
     */
    public static Optional<ImageFormat> sniff(byte[] head, int length) {
        int n = Math.min(length, head.length);
        if (starts(head, n, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(head, n, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(head, n, 0, 'G', 'I', 'F', '8') && n >= 6 && (head[4] == '7' || head[4] == '9') && head[5] == 'a') {
            return Optional.of(GIF);
        }
        if (starts(head, n, 0, 'R', 'I', 'F', 'F') && starts(head, n, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        if (starts(head, n, 0, 'F', 'U', 'J', 'I', 'F', 'I', 'L', 'M', 'C', 'C', 'D', '-', 'R', 'A', 'W')
                || starts(head, n, 0, 'I', 'I', 'R', 'O') || starts(head, n, 0, 'I', 'I', 'R', 'S')
                || starts(head, n, 0, 'I', 'I', 'U', 0)
                || (starts(head, n, 0, 'I', 'I', '*', 0) && starts(head, n, 8, 'C', 'R'))) {
            return Optional.of(RAW);
        }
        if (starts(head, n, 0, 'I', 'I', '*', 0) || starts(head, n, 0, 'M', 'M', 0, '*')
                || starts(head, n, 0, 'I', 'I', '+', 0) || starts(head, n, 0, 'M', 'M', 0, '+')) {      // BigTIFF: 43
            return Optional.of(TIFF);
        }
        if (starts(head, n, 0, 'B', 'M') && n >= 18) {
            int dib = (head[14] & 0xFF) | (head[15] & 0xFF) << 8 | (head[16] & 0xFF) << 16 | (head[17] & 0xFF) << 24;
            if (dib == 12 || dib == 16 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124) {
                return Optional.of(BMP);                      // a known DIB header size: not just text starting "BM"
            }
            return Optional.empty();
        }
        if (starts(head, n, 4, 'f', 't', 'y', 'p') && n >= 12) {
            return isoMedia(head, n);
        }
        return Optional.empty();
    }

    /**
     * An ISO media file by the brands of its {@code ftyp} box (the major brand, then the compatible ones within the
     * bytes given): a HEVC-coded HEIF brand wins, then an AV1 one, then a generic image brand ({@code mif1},
     * {@code msf1}, {@code mif2}) as HEIF; a Canon CR3 ({@code crx}) is RAW.
     */
    private static Optional<ImageFormat> isoMedia(byte[] head, int n) {
        long size = (head[0] & 0xFFL) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | (head[3] & 0xFF);
        java.util.List<String> brands = new java.util.ArrayList<>();
        brands.add(new String(head, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        for (int at = 16; at + 4 <= Math.min(n, size); at += 4) {
            brands.add(new String(head, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        if (brands.get(0).equals("crx ")) {
            return Optional.of(RAW);
        }
        if (brands.stream().anyMatch(HEVC_BRANDS::contains)) {
            return Optional.of(HEIF);
        }
        if (brands.stream().anyMatch(AV1_BRANDS::contains)) {
            return Optional.of(AVIF);
        }
        if (brands.stream().anyMatch(GENERIC_IMAGE_BRANDS::contains)) {
            return Optional.of(HEIF);
        }
        return Optional.empty();
    }

    private static final java.util.Set<String> HEVC_BRANDS = java.util.Set.of("heic", "heix", "hevc", "hevx", "heim",
            "heis");
    private static final java.util.Set<String> AV1_BRANDS = java.util.Set.of("avif", "avis");
    private static final java.util.Set<String> GENERIC_IMAGE_BRANDS = java.util.Set.of("mif1", "msf1", "mif2");

    private static boolean starts(byte[] head, int length, int offset, int... expected) {
        if (length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads {@link #id()} or the enum name, case-insensitively. */
    public static Optional<ImageFormat> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String upper = id.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("JPG")) {
            return Optional.of(JPEG);
        }
        for (ImageFormat f : values()) {
            if (f.name().equals(upper)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
