/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CloudFront signed cookies: {@code CloudFront-Expires} (canned) or {@code CloudFront-Policy} (custom),
 * {@code CloudFront-Signature}, {@code CloudFront-Key-Pair-Id}, and {@code CloudFront-Hash-Algorithm} when the
 * hash is not SHA-1; as name/value pairs and as ready {@code Set-Cookie} header values.
 *
 * <p>The values are bearer credentials: {@link #toString()} shows the cookie names and expiry only.
 *
 * <pre>{@code
 * SignedCookies cookies = signer.cookies(Policy.custom(urls.galleryPattern(gallery), expiresAt));
 * for (String header : cookies.setCookieHeaders(CookieAttributes.of(a -> a.domain("example.com")
 *         .path(urls.galleryPath(gallery))))) {
 *     response.addHeader("Set-Cookie", header);
 * }
 * }</pre>
 */
public final class SignedCookies {
    public static final String EXPIRES = "CloudFront-Expires";
    public static final String POLICY = "CloudFront-Policy";
    public static final String SIGNATURE = "CloudFront-Signature";
    public static final String KEY_PAIR_ID = "CloudFront-Key-Pair-Id";
    public static final String HASH_ALGORITHM = "CloudFront-Hash-Algorithm";

    /** IMF-fixdate (RFC 9110), the {@code Expires} format; the JDK's RFC_1123 formatter drops the day's zero. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Map<String, String> values;
    private final Instant issuedAt;
    private final Instant expiresAt;

    SignedCookies(Map<String, String> values, Instant issuedAt, Instant expiresAt) {
        this.values = Collections.unmodifiableMap(values);
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** Cookie name to value, in CloudFront's order. */
    public Map<String, String> values() {
        return values;
    }

    /** When the signature stops granting access. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** With {@link CookieAttributes#defaults()}. */
    public List<String> setCookieHeaders() {
        return setCookieHeaders(CookieAttributes.defaults());
    }

    /** One {@code Set-Cookie} header value per cookie. {@code Max-Age} counts from when the cookies were signed. */
    public List<String> setCookieHeaders(CookieAttributes attributes) {
        StringBuilder suffix = new StringBuilder(96);
        if (attributes.domain() != null) {
            suffix.append("; Domain=").append(attributes.domain());
        }
        suffix.append("; Path=").append(attributes.path());
        if (attributes.persistent()) {
            long maxAge = Math.max(0, Duration.between(issuedAt, expiresAt).getSeconds());
            suffix.append("; Expires=").append(HTTP_DATE.format(expiresAt)).append("; Max-Age=").append(maxAge);
        }
        if (attributes.secure()) {
            suffix.append("; Secure");
        }
        if (attributes.httpOnly()) {
            suffix.append("; HttpOnly");
        }
        suffix.append("; SameSite=").append(attributes.sameSite().attribute());
        List<String> headers = new ArrayList<>(values.size());
        values.forEach((name, value) -> headers.add(name + "=" + value + suffix));
        return List.copyOf(headers);
    }

    /** The cookies as one {@code Cookie} request header value, for server-side fetches and tests. */
    public String cookieHeader() {
        StringBuilder header = new StringBuilder();
        values.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=')
                .append(value));
        return header.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedCookies other && values.equals(other.values) && issuedAt.equals(other.issuedAt)
                && expiresAt.equals(other.expiresAt);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + expiresAt.hashCode();
    }

    @Override
    public String toString() {
        return "SignedCookies[" + values.keySet() + ", expiresAt=" + expiresAt + "]";
    }
}
