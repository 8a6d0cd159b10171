/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.spi;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * An uploader's file name, made harmless: the one rule for every place that keeps one (the photo's record, S3
 * metadata, a download's {@code Content-Disposition}), so they never disagree. It is metadata only (keys are
 * generated), but it is shown to people and sent back in headers, so it loses any path, control and formatting
 * characters (bidi overrides, zero-width joiners), leading and trailing dots and spaces, runs of white space
 * become one space, and it is capped at 255 bytes of UTF-8 keeping its extension. Part of the SPI for module
 * authors: an upload service or signer of another store sanitises names with it.
 *
 * <pre>{@code
 * FileNames.sanitize("C:\\Users\\alice\\DSC_0042.JPG");   // Optional[DSC_0042.JPG]
 * FileNames.sanitize("  .hidden   name.jpg ");              // Optional[hidden name.jpg]
 * FileNames.sanitize("..");                                 // Optional.empty
 * }</pre>
 */
public final class FileNames {
    /** Longest name kept, in bytes of UTF-8 (as most file systems); the extension survives shortening. */
    public static final int MAX_UTF8_BYTES = 255;

    private static final int MAX_EXTENSION = 16;

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
}
