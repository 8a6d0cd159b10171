/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import com.galerly.cdn.internal.PolicyJson;
import com.galerly.cdn.internal.UrlRules;
import com.galerly.core.GalerlyException;
import com.galerly.core.spi.Checks;
import java.time.Instant;

/**
 * CloudFront's canned policy: access to one exact URL (its query string included) until an expiry. The
 * signed URL carries {@code Expires} instead of the policy, so it is the shortest form; it cannot hold wildcards,
 * a not-before time or an IP range (use {@link CustomPolicy}).
 *
 * <pre>{@code
 * CannedPolicy policy = new CannedPolicy("https://cdn.example.com/renditions/g/p_small.jpg", expiresAt);
 * String url = signer.signUrl(policy.resource(), policy);
 * }</pre>
 *
 * @param resource  the https URL, percent-encoded, without fragment or CloudFront signing parameters
 * @param expiresAt when access ends; truncated to the second
 */
public record CannedPolicy(String resource, Instant expiresAt) implements Policy {
    public CannedPolicy {
        UrlRules.requireSignableUrl(resource, "URL");
        if (resource.indexOf('*') >= 0) {
            throw GalerlyException.invalid("a canned policy grants one exact URL and cannot hold the wildcard '*': "
                    + Checks.quote(resource) + "; use a CustomPolicy");
        }
        expiresAt = CustomPolicy.epochSeconds(expiresAt, "expiresAt");
    }

    @Override
    public CannedPolicy withExpiresAt(Instant expiresAt) {
        return new CannedPolicy(resource, expiresAt);
    }

    @Override
    public String toJson() {
        return PolicyJson.statement(resource, expiresAt.getEpochSecond(), null, -1);
    }
}
