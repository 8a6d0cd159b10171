/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * CloudFront's URL-safe base64: standard base64 with {@code +} to {@code -}, {@code =} to {@code _} and
 * {@code /} to {@code ~}. It is not RFC 4648's base64url (which uses {@code _} for {@code /} and drops padding), so
 * the JDK's URL encoder would produce signatures CloudFront rejects.
 */
public final class CloudFrontBase64 {
    private CloudFrontBase64() {
    }

    public static String encode(byte[] bytes) {
        byte[] encoded = Base64.getEncoder().encode(bytes);
        for (int i = 0; i < encoded.length; i++) {
            switch (encoded[i]) {
                case '+' -> encoded[i] = '-';
                case '=' -> encoded[i] = '_';
                case '/' -> encoded[i] = '~';
                default -> { }
            }
        }
        return new String(encoded, StandardCharsets.US_ASCII);
    }

    /**
     * The bytes behind a CloudFront base64 value.
     *
     * @throws IllegalArgumentException when the text is not CloudFront base64
     */
    public static byte[] decode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            switch (bytes[i]) {
                case '-' -> bytes[i] = '+';
                case '_' -> bytes[i] = '=';
                case '~' -> bytes[i] = '/';
                case '+', '=', '/' -> throw new IllegalArgumentException(
                        "not CloudFront base64: standard base64 character '" + (char) bytes[i] + "' at " + i);
                default -> { }
            }
        }
        return Base64.getDecoder().decode(bytes);
    }
}
