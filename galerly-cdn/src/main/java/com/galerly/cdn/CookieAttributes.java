/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import com.galerly.core.spi.Checks;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The attributes of the {@code Set-Cookie} headers that carry CloudFront signed cookies. Defaults: host-only
 * (no {@code Domain}), {@code Path=/}, {@code Secure}, {@code HttpOnly}, {@code SameSite=Lax}, persistent
 * ({@code Max-Age} and {@code Expires} from the policy's expiry).
 *
 * <p>Set {@code Domain} to the parent domain shared by the application and the CDN host (the application at
 * {@code app.example.com} setting cookies for {@code cdn.example.com} uses {@code example.com}), and scope
 * {@code Path} to the gallery ({@link CdnUrls#galleryPath}) so that cookies of two private galleries open in one
 * browser do not overwrite each other.
 *
 * <pre>{@code
 * CookieAttributes attributes = CookieAttributes.builder()
 *     .domain("example.com")
 *     .path(urls.galleryPath(gallery))
 *     .sameSite(CookieAttributes.SameSite.STRICT)
 *     .build();
 * }</pre>
 *
 * @param domain     the {@code Domain} attribute, or null for a host-only cookie
 * @param path       the {@code Path} attribute, starting with {@code /}
 * @param secure     whether to add {@code Secure} (CloudFront signed content is served over https)
 * @param httpOnly   whether to add {@code HttpOnly} (scripts never need these cookies)
 * @param sameSite   the {@code SameSite} attribute
 * @param persistent whether to add {@code Max-Age} and {@code Expires}; false makes session cookies
 */
public record CookieAttributes(String domain, String path, boolean secure, boolean httpOnly, SameSite sameSite,
                               boolean persistent) {
    private static final Pattern DOMAIN = Pattern.compile("\\.?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final CookieAttributes DEFAULTS = builder().build();

    public CookieAttributes {
        if (domain != null && (domain.length() > 253 || !DOMAIN.matcher(domain).matches())) {
            throw new IllegalArgumentException("domain must be a host name like example.com, was " + Checks.quote(domain));
        }
        Checks.notNull(path, "path");
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c < 0x21 || c > 0x7e || c == ';')) {
            throw new IllegalArgumentException("path must start with '/' and hold printable ASCII without ';' or "
                    + "spaces, was " + Checks.quote(path));
        }
        Checks.notNull(sameSite, "sameSite");
        if (sameSite == SameSite.NONE && !secure) {
            throw new IllegalArgumentException("sameSite NONE requires secure: browsers drop such cookies otherwise");
        }
    }

    /** Host-only, {@code Path=/}, Secure, HttpOnly, {@code SameSite=Lax}, persistent. */
    public static CookieAttributes defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static CookieAttributes of(Consumer<Builder> settings) {
        Builder builder = builder();
        settings.accept(builder);
        return builder.build();
    }

    public Builder toBuilder() {
        return builder().domain(domain).path(path).secure(secure).httpOnly(httpOnly).sameSite(sameSite)
                .persistent(persistent);
    }

    /** The {@code SameSite} cookie attribute. */
    public enum SameSite {
        STRICT("Strict"), LAX("Lax"), NONE("None");

        private final String attribute;

        SameSite(String attribute) {
            this.attribute = attribute;
        }

        /** The attribute value as written in {@code Set-Cookie}. */
        public String attribute() {
            return attribute;
        }
    }

    /** Builds {@link CookieAttributes}; {@link #build()} checks every value. */
    public static final class Builder {
        private String domain;
        private String path = "/";
        private boolean secure = true;
        private boolean httpOnly = true;
        private SameSite sameSite = SameSite.LAX;
        private boolean persistent = true;

        private Builder() {
        }

        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        public Builder httpOnly(boolean httpOnly) {
            this.httpOnly = httpOnly;
            return this;
        }

        public Builder sameSite(SameSite sameSite) {
            this.sameSite = sameSite;
            return this;
        }

        public Builder persistent(boolean persistent) {
            this.persistent = persistent;
            return this;
        }

        public CookieAttributes build() {
            return new CookieAttributes(domain, path, secure, httpOnly, sameSite, persistent);
        }
    }
}
