/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import com.galerly.core.delivery.DeliveryUrls;
import com.galerly.cdn.internal.PercentEncoding;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.Rendition;
import com.galerly.core.spi.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Builds the CloudFront URLs of a photo's original and renditions, versioned so they can be cached for a year. A
 * rendition whose key carries its content's fingerprint ({@link KeyLayout#isContentAddressed}, what the pipeline
 * writes) is versioned by its path alone: {@code https://{domain}/{pathPrefix}{key}}, no query string, so CloudFront's
 * managed CachingOptimized policy (which drops query strings from the cache key) serves it right. Other keys get
 * {@code ?v={version}} by {@link Versioning}. Keys are percent-encoded from UTF-8 (spaces, non-ASCII,
 * and {@code +}, which S3 would read as a space). Also gives the wildcard patterns and cookie paths that let one
 * signature cover a whole gallery or photo. Immutable and thread-safe.
 *
 * <pre>{@code
 * CdnUrls urls = CdnUrls.builder()
 *     .domain("cdn.example.com")
 *     .layout(KeyLayout.standard())
 *     .build();
 * urls.rendition(photo, "small");   // https://cdn.example.com/renditions/g/01jd..._small.5f3a9c20e1b7.jpg
 * urls.renditions(photo);           // {thumbnail=..., small=..., medium=..., large=...}
 * urls.galleryPattern(gallery);     // https://cdn.example.com/renditions/g/*  (for one custom-policy signature)
 * }</pre>
 */
public final class CdnUrls implements DeliveryUrls {
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
            + "(:[1-9][0-9]{0,4})?");

    private final String domain;
    private final String pathPrefix;
    private final KeyLayout layout;
    private final Versioning versioning;
    private final String versionParameter;
    private final String base;

    private CdnUrls(Builder b) {
        this.domain = b.domain;
        this.pathPrefix = b.pathPrefix;
        this.layout = b.layout;
        this.versioning = b.versioning;
        this.versionParameter = b.versionParameter;
        this.base = "https://" + domain + "/";
    }

    public static Builder builder() {
        return new Builder();
    }

    public static CdnUrls of(Consumer<Builder> settings) {
        Builder builder = builder();
        settings.accept(builder);
        return builder.build();
    }

    public Builder toBuilder() {
        return builder().domain(domain).pathPrefix(pathPrefix).layout(layout).versioning(versioning)
                .versionParameter(versionParameter);
    }

    /**
     * The unversioned URL of any stored key.
     *
     * @throws GalerlyException {@code INVALID_ARGUMENT} for an unsafe key (leading {@code /}, {@code ..}, control
     *                          characters...)
     */
    public String url(String key) {
        KeyLayout.requireSafeKey(key, KeyLayout.S3_MAX_KEY_BYTES);
        return base + PercentEncoding.encodePath(pathPrefix + key);
    }

    /** The versioned URL of a photo's original. */
    public String original(Photo photo) {
        Checks.notNull(photo, "photo");
        return versioned(url(photo.originalKey()), photo, null);
    }

    /**
     * The versioned URL of one of a photo's recorded renditions.
     *
     * @throws GalerlyException {@code NOT_FOUND} when the photo has no rendition of that name (yet)
     */
    public String rendition(Photo photo, String name) {
        Checks.notNull(photo, "photo");
        Rendition rendition = photo.rendition(name).orElseThrow(() -> GalerlyException.notFound("photo " + photo.key()
                + " has no rendition " + Checks.quote(name) + " (status " + photo.status() + ", renditions "
                + photo.renditions().keySet() + ")"));
        return versioned(url(rendition.key()), photo, rendition);
    }

    /** The versioned URLs of every recorded rendition, by name, in profile order (empty until processed). */
    public Map<String, String> renditions(Photo photo) {
        Checks.notNull(photo, "photo");
        Map<String, String> urls = new LinkedHashMap<>();
        photo.renditions().forEach((name, rendition) -> urls.put(name, versioned(url(rendition.key()), photo, rendition)));
        return java.util.Collections.unmodifiableMap(urls);
    }

    /** A custom-policy resource covering every rendition of a gallery (and any version parameter). */
    public String galleryPattern(GalleryId gallery) {
        Checks.notNull(gallery, "gallery");
        return base + PercentEncoding.encodePath(pathPrefix + layout.renditionsPrefix(gallery)) + "*";
    }

    /** A custom-policy resource covering every rendition of one photo. */
    public String photoPattern(Photo photo) {
        Checks.notNull(photo, "photo");
        return base + PercentEncoding.encodePath(pathPrefix + layout.renditionsPrefix(photo.gallery(), photo.id())) + "*";
    }

    /** The URL path of a gallery's renditions, for the {@code Path} of its signed cookies. */
    public String galleryPath(GalleryId gallery) {
        Checks.notNull(gallery, "gallery");
        return "/" + PercentEncoding.encodePath(pathPrefix + layout.renditionsPrefix(gallery));
    }

    public String domain() {
        return domain;
    }

    public String pathPrefix() {
        return pathPrefix;
    }

    public KeyLayout layout() {
        return layout;
    }

    public Versioning versioning() {
        return versioning;
    }

    public String versionParameter() {
        return versionParameter;
    }

    private String versioned(String url, Photo photo, Rendition rendition) {
        if (rendition != null && KeyLayout.isContentAddressed(rendition.key())) {
            return url;     // the key carries the content's fingerprint: the path is the version
        }
        String version = switch (versioning) {
            case NONE -> null;
            case RECORD_VERSION -> Long.toString(photo.version());
            case CONTENT -> contentVersion(photo, rendition);
        };
        return version == null ? url : url + "?" + versionParameter + "=" + version;
    }

    private static String contentVersion(Photo photo, Rendition rendition) {
        StringBuilder input = new StringBuilder(128);
        input.append(photo.eTag() != null ? "etag:" + photo.eTag() : "version:" + photo.version());
        if (rendition != null) {
            input.append('\n').append(rendition.key()).append('\n').append(rendition.bytes()).append('\n')
                    .append(rendition.width()).append('x').append(rendition.height()).append('\n')
                    .append(rendition.contentType());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CdnUrls other && domain.equals(other.domain) && pathPrefix.equals(other.pathPrefix)
                && layout.equals(other.layout) && versioning == other.versioning
                && versionParameter.equals(other.versionParameter);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(domain, pathPrefix, layout, versioning, versionParameter);
    }

    @Override
    public String toString() {
        return "CdnUrls[" + base + pathPrefix + ", " + layout + ", versioning=" + versioning + "]";
    }

    /** Builds {@link CdnUrls}; each setting is checked when it is set. */
    public static final class Builder {
        private String domain;
        private String pathPrefix = "";
        private KeyLayout layout = KeyLayout.standard();
        private Versioning versioning = Versioning.RECORD_VERSION;
        private String versionParameter = "v";

        private Builder() {
        }

        /** The distribution's host name, e.g. {@code cdn.example.com} or {@code d111111abcdef8.cloudfront.net}. */
        public Builder domain(String domain) {
            Checks.notNull(domain, "domain");
            String host = domain.toLowerCase(Locale.ROOT);
            if (host.length() > 253 || !HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("domain must be a host name like cdn.example.com (no scheme, no "
                        + "path), was " + Checks.quote(domain));
            }
            this.domain = host;
            return this;
        }

        /**
         * A path the distribution maps onto the bucket root ("" by default); segments ending in {@code /}, without
         * a leading {@code /}, e.g. {@code media/}.
         */
        public Builder pathPrefix(String pathPrefix) {
            Checks.notNull(pathPrefix, "pathPrefix");
            if (!pathPrefix.isEmpty() && (!pathPrefix.endsWith("/") || !KeyLayout.isSafeKey(pathPrefix, 256))) {
                throw new IllegalArgumentException("pathPrefix must be empty or safe path segments ending with '/' "
                        + "and without a leading '/', was " + Checks.quote(pathPrefix));
            }
            this.pathPrefix = pathPrefix;
            return this;
        }

        /** Where renditions live, for gallery and photo patterns (default {@link KeyLayout#standard()}). */
        public Builder layout(KeyLayout layout) {
            this.layout = Checks.notNull(layout, "layout");
            return this;
        }

        /** How URLs change with content (default {@link Versioning#RECORD_VERSION}). */
        public Builder versioning(Versioning versioning) {
            this.versioning = Checks.notNull(versioning, "versioning");
            return this;
        }

        /**
         * The query parameter holding the version (default {@code v}); must not be one of CloudFront's signing
         * parameters.
         */
        public Builder versionParameter(String name) {
            Checks.notNull(name, "versionParameter");
            if (!name.matches("[A-Za-z0-9_.~-]{1,32}")
                    || com.galerly.cdn.internal.UrlRules.SIGNING_PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("versionParameter must be 1..32 URL-safe characters and not a "
                        + "CloudFront signing parameter, was " + Checks.quote(name));
            }
            this.versionParameter = name;
            return this;
        }

        public CdnUrls build() {
            if (domain == null) {
                throw new IllegalArgumentException("domain must be set, e.g. cdn.example.com");
            }
            return new CdnUrls(this);
        }
    }
}
