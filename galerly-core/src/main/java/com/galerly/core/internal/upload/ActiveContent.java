/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.internal.upload;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds content a browser could execute: SVG, HTML or XML documents (whatever they were declared as), and
 * script hidden inside an image (a polyglot a browser might sniff as HTML).
 */
public final class ActiveContent {
    private static final Set<String> ACTIVE_TYPES = Set.of("image/svg+xml", "text/html", "application/xhtml+xml",
            "text/xml", "application/xml", "text/javascript", "application/javascript");
    /** What browsers sniff: the first 512 bytes; markup may follow a BOM and whitespace. */
    private static final int SNIFF = 512;
    private static final String[] DOCUMENT_STARTS = {"<?xml", "<svg", "<!doctype", "<html", "<script", "<head",
        "<body", "<iframe", "<!--", "<object", "<embed", "<a ", "<div", "<p>", "<style", "<title"};
    /** Long, case-insensitive markers: a random match in compressed data is vanishingly rare. */
    private static final String[] HIDDEN = {"<script", "<iframe", "javascript:", "<svg:script"};

    private ActiveContent() {
    }

    /** Why the content is a markup document, or empty. */
    public static Optional<String> markup(byte[] bytes, String declaredType) {
        if (ACTIVE_TYPES.contains(declaredType)) {
            return Optional.of("declared " + declaredType + ": SVG, HTML and XML can carry script that runs in a"
                    + " browser, so Galerly never stores or renders them as photos");
        }
        String head = new String(bytes, 0, Math.min(SNIFF, bytes.length), StandardCharsets.ISO_8859_1);
        int i = head.startsWith("\u00ef\u00bb\u00bf") ? 3 : 0;          // UTF-8 BOM
        while (i < head.length() && Character.isWhitespace(head.charAt(i))) {
            i++;
        }
        String start = head.substring(i).toLowerCase(Locale.ROOT);
        for (String marker : DOCUMENT_STARTS) {
            if (start.startsWith(marker)) {
                return Optional.of("the upload is a markup document (starts with \"" + marker.trim()
                        + "\"), not a photo: SVG, HTML and XML can carry script that runs in a browser, so Galerly"
                        + " never stores or renders them");
            }
        }
        return Optional.empty();
    }

    /** Why the (scrubbed) image still carries script, or empty. */
    public static Optional<String> script(byte[] bytes) {
        for (String marker : HIDDEN) {
            int at = indexOfIgnoreCase(bytes, marker);
            if (at >= 0) {
                return Optional.of("the image carries \"" + marker + "\" at byte " + at
                        + ": script hidden in an image (a polyglot) is refused, never served");
            }
        }
        return Optional.empty();
    }

    private static int indexOfIgnoreCase(byte[] bytes, String lowerAscii) {
        int n = lowerAscii.length();
        char first = lowerAscii.charAt(0);
        for (int i = 0; i + n <= bytes.length; i++) {
            if (lower(bytes[i]) != first) {
                continue;
            }
            int k = 1;
            while (k < n && lower(bytes[i + k]) == lowerAscii.charAt(k)) {
                k++;
            }
            if (k == n) {
                return i;
            }
        }
        return -1;
    }

    private static int lower(byte b) {
        int c = b & 0xFF;
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
