/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import com.galerly.cdn.internal.UrlRules;
import com.galerly.cdn.internal.Wildcards;
import com.galerly.core.GalerlyException;
import com.galerly.core.spi.Checks;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy signed once and reusable: append it to every URL the policy covers, or hand it out as cookies. With a
 * wildcard {@link CustomPolicy} (e.g. {@link CdnUrls#galleryPattern}) one RSA signature serves a whole gallery
 * page; {@link #appendTo} is then a string operation per URL.
 *
 * <p>The signature is a bearer credential: {@link #toString()} leaves it out.
 *
 * <pre>{@code
 * SignedPolicy gallery = signer.signPolicy(Policy.custom(urls.galleryPattern(galleryId), expiresAt));
 * for (Photo photo : page.photos()) {
 *     String thumb = gallery.appendTo(urls.rendition(photo, "thumbnail"));   // no further signing
 * }
 * }</pre>
 */
public final class SignedPolicy {
    private final Policy policy;
    private final String keyPairId;
    private final HashAlgorithm hashAlgorithm;
    private final String signature;
    private final String encodedPolicy;
    private final Instant issuedAt;
    private final String queryString;

    SignedPolicy(Policy policy, String keyPairId, HashAlgorithm hashAlgorithm, String signature, String encodedPolicy,
                 Instant issuedAt) {
        this.policy = policy;
        this.keyPairId = keyPairId;
        this.hashAlgorithm = hashAlgorithm;
        this.signature = signature;
        this.encodedPolicy = encodedPolicy;
        this.issuedAt = issuedAt;
        StringBuilder query = new StringBuilder(signature.length() + (encodedPolicy == null ? 0 : encodedPolicy.length())
                + 64);
        queryParameters().forEach((name, value) -> query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                .append(value));
        this.queryString = query.toString();
    }

    /** The policy as signed (its expiry rounded when the signer rounds). */
    public Policy policy() {
        return policy;
    }

    /** The CloudFront key-pair (public key) id the signature verifies with. */
    public String keyPairId() {
        return keyPairId;
    }

    public HashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    /** The signature in CloudFront's URL-safe base64. */
    public String signature() {
        return signature;
    }

    /** The policy JSON in CloudFront's URL-safe base64; empty for a canned policy (which is not sent). */
    public Optional<String> encodedPolicy() {
        return Optional.ofNullable(encodedPolicy);
    }

    /**
     * The signing query parameters in CloudFront's order: {@code Expires} or {@code Policy}, {@code Signature},
     * {@code Key-Pair-Id}, and {@code Hash-Algorithm} unless SHA-1.
     */
    public Map<String, String> queryParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encodedPolicy == null) {
            parameters.put("Expires", Long.toString(policy.expiresAt().getEpochSecond()));
        } else {
            parameters.put("Policy", encodedPolicy);
        }
        parameters.put("Signature", signature);
        parameters.put("Key-Pair-Id", keyPairId);
        if (hashAlgorithm.announced()) {
            parameters.put("Hash-Algorithm", hashAlgorithm.parameterValue());
        }
        return parameters;
    }

    /** {@link #queryParameters()} joined as a query string (without {@code ?}). */
    public String queryString() {
        return queryString;
    }

    /** Whether the policy grants {@code url}: equal to a canned policy's URL, or matching a custom pattern. */
    public boolean covers(String url) {
        return policy instanceof CannedPolicy ? policy.resource().equals(url) : Wildcards.matches(policy.resource(), url);
    }

    /**
     * The URL with the signing parameters appended after any query string it has.
     *
     * @throws GalerlyException {@code INVALID_ARGUMENT} when the URL cannot be signed (not https, a fragment,
     *                          signing parameters already present) or the policy does not cover it
     */
    public String appendTo(String url) {
        UrlRules.requireSignableUrl(url, "URL");
        if (!covers(url)) {
            throw GalerlyException.invalid("URL " + Checks.quote(url) + " is not covered by the signed "
                    + (policy instanceof CannedPolicy ? "canned policy for " : "policy resource ")
                    + Checks.quote(policy.resource()));
        }
        int query = url.indexOf('?');
        String separator = query < 0 ? "?" : query == url.length() - 1 || url.endsWith("&") ? "" : "&";
        return url + separator + queryString;
    }

    /** The same grant as CloudFront signed cookies. */
    public SignedCookies cookies() {
        Map<String, String> cookies = new LinkedHashMap<>();
        queryParameters().forEach((name, value) -> cookies.put("CloudFront-" + name, value));
        return new SignedCookies(cookies, issuedAt, policy.expiresAt());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedPolicy other && policy.equals(other.policy) && keyPairId.equals(other.keyPairId)
                && hashAlgorithm == other.hashAlgorithm && signature.equals(other.signature)
                && issuedAt.equals(other.issuedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(policy, keyPairId, hashAlgorithm, signature);
    }

    @Override
    public String toString() {
        return "SignedPolicy[" + policy + ", keyPairId=" + keyPairId + ", " + hashAlgorithm + "]";
    }
}
