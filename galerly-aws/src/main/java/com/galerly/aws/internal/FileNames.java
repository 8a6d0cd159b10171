/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * An uploader's file name, made harmless. It is metadata only (keys are generated), but it is shown to people
 * and sent back in {@code Content-Disposition}, so it loses any path, control and formatting characters
 * (bidi overrides, zero-width joiners), leading and trailing dots and spaces, and is capped at 255 bytes.
 * For S3 metadata, which is ASCII, it is percent-encoded.
 */
public final class FileNames {
    /** Longest name kept, in bytes of UTF-8 (as most file systems); the extension survives shortening. */
    public static final int MAX_UTF8_BYTES = 255;

    private static final int MAX_EXTENSION = 16;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FileNames() {
    }

    /** The cleaned name, or empty when nothing printable is left. */
    public static Optional<String> sanitize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(cut + 1);
        StringBuilder kept = new StringBuilder(Math.min(name.length(), 256));
        boolean space = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (!printable(cp)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!space) {
                    kept.append(' ');
                }
                space = true;
                continue;
            }
            space = false;
            kept.appendCodePoint(cp);
        }
        String cleaned = strip(kept.toString());
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(shorten(cleaned));
    }

    /** Percent-encodes every byte outside printable ASCII, and {@code %} itself, for an ASCII header. */
    public static String toAscii(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** Reverses {@link #toAscii(String)}; malformed escapes are kept as they are. */
    public static String fromAscii(String ascii) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c == '%' && i + 2 < ascii.length() && hex(ascii.charAt(i + 1)) >= 0 && hex(ascii.charAt(i + 2)) >= 0) {
                out.write(hex(ascii.charAt(i + 1)) * 16 + hex(ascii.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * {@code attachment; filename="ascii"; filename*=UTF-8''encoded} (RFC 6266): browsers that read
     * {@code filename*} get the real name, older ones an ASCII stand-in.
     */
    public static String contentDisposition(String sanitizedName) {
        StringBuilder ascii = new StringBuilder(sanitizedName.length());
        sanitizedName.codePoints().forEach(cp ->
                ascii.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' && cp != '%' ? (char) cp : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + ObjectUris.encodeQueryValue(sanitizedName);
    }

    private static boolean printable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || s.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String shorten(String name) {
        if (utf8Length(name) <= MAX_UTF8_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        String base = ext.isEmpty() ? name : name.substring(0, dot);
        int budget = MAX_UTF8_BYTES - utf8Length(ext);
        int end = 0;
        int used = 0;
        while (end < base.length()) {
            int cp = base.codePointAt(end);
            int bytes = utf8Length(new String(Character.toChars(cp)));
            if (used + bytes > budget) {
                break;
            }
            used += bytes;
            end += Character.charCount(cp);
        }
        return strip(base.substring(0, end)) + ext;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
