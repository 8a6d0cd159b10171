/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import com.galerly.core.GalerlyException;
import com.galerly.core.spi.Checks;
import java.util.Locale;

/**
 * The hash CloudFront verifies signatures with. SHA-1 is CloudFront's default and needs no announcement; SHA-256
 * (supported by CloudFront since 2026) is announced by a {@code Hash-Algorithm=SHA256} URL parameter or a
 * {@code CloudFront-Hash-Algorithm} cookie, which Galerly adds.
 *
 * <pre>{@code
 * CloudFrontSigner signer = CloudFrontSigner.builder()
 *     .keyPair("K2JCJMDEHXQW5F", key)
 *     .hashAlgorithm(HashAlgorithm.SHA256)
 *     .build();
 * HashAlgorithm fromFlag = HashAlgorithm.parse("sha-256");   // SHA256
 * }</pre>
 */
public enum HashAlgorithm {
    /** SHA-1: CloudFront's default; nothing is added to URLs or cookies. */
    SHA1("SHA1"),
    /** SHA-256: adds {@code Hash-Algorithm=SHA256} to URLs and {@code CloudFront-Hash-Algorithm=SHA256} to cookies. */
    SHA256("SHA256");

    private final String jcaName;

    HashAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The value of CloudFront's {@code Hash-Algorithm} parameter and cookie. */
    public String parameterValue() {
        return name();
    }

    /** Whether CloudFront must be told (every algorithm but its default SHA-1). */
    public boolean announced() {
        return this != SHA1;
    }

    String jcaName() {
        return jcaName;
    }

    /**
     * Reads {@code SHA1}, {@code SHA-1}, {@code SHA256} or {@code SHA-256}, in any case.
     *
     * @throws GalerlyException {@code INVALID_ARGUMENT} for anything else
     */
    public static HashAlgorithm parse(String text) {
        Checks.notNull(text, "hash algorithm");
        return switch (text.trim().toUpperCase(Locale.ROOT).replace("-", "")) {
            case "SHA1" -> SHA1;
            case "SHA256" -> SHA256;
            default -> throw GalerlyException.invalid("hash algorithm must be SHA1 or SHA256, was " + Checks.quote(text));
        };
    }
}
