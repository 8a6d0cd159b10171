/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import java.time.Instant;

/**
 * What a CloudFront signature grants: a {@link CannedPolicy} (one exact URL until an expiry; the policy itself is
 * not sent, so URLs stay short) or a {@link CustomPolicy} (a resource with {@code *}/{@code ?} wildcards, an
 * optional not-before time and source-IP range; sent base64-encoded with the signature). Times are whole epoch
 * seconds, as CloudFront reads them.
 *
 * <pre>{@code
 * Policy one = Policy.canned("https://cdn.example.com/renditions/g/p_small.jpg?v=3", expiresAt);
 * Policy gallery = Policy.custom("https://cdn.example.com/renditions/g/*", expiresAt);
 * String url = signer.signUrl("https://cdn.example.com/renditions/g/p_small.jpg?v=3", gallery);
 * }</pre>
 */
public sealed interface Policy permits CannedPolicy, CustomPolicy {
    /** The URL (canned) or URL pattern (custom) the policy grants. */
    String resource();

    /** The first second at which the policy no longer grants access (CloudFront's {@code DateLessThan}). */
    Instant expiresAt();

    /** The same policy with another expiry. */
    Policy withExpiresAt(Instant expiresAt);

    /** The policy statement exactly as signed: compact JSON in the byte order CloudFront and the AWS SDK use. */
    String toJson();

    /** A canned policy for one exact https URL. */
    static CannedPolicy canned(String url, Instant expiresAt) {
        return new CannedPolicy(url, expiresAt);
    }

    /** A custom policy for a resource pattern and an expiry; use {@link CustomPolicy#builder()} for more. */
    static CustomPolicy custom(String resource, Instant expiresAt) {
        return CustomPolicy.builder().resource(resource).expiresAt(expiresAt).build();
    }
}
