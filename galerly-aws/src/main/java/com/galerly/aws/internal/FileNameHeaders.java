/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import com.galerly.core.spi.FileNames;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A sanitised file name ({@link FileNames#sanitize}) in ASCII-only places: S3 user metadata (percent-encoded)
 * and a download's {@code Content-Disposition} (RFC 6266).
 */
public final class FileNameHeaders {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FileNameHeaders() {
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

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
