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
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * CloudFront's custom policy: a resource pattern ({@code *} any run of characters, {@code ?} one character), an
 * expiry, and optionally a not-before time and a source-IP range. One signature over a wildcard policy covers
 * every URL the pattern matches, so a gallery page of 10,000 photos costs one signature, as URLs or as cookies.
 *
 * <p>Every value is checked when it is set ({@code INVALID_ARGUMENT} naming the value): the resource must be
 * https (or start with a wildcard) without a fragment, the range an IPv4/IPv6 CIDR (a bare address means
 * {@code /32} or {@code /128}), the not-before time before the expiry.
 *
 * <pre>{@code
 * CustomPolicy policy = CustomPolicy.builder()
 *     .resource("https://cdn.example.com/renditions/smith-wedding/*")
 *     .notBefore(clock.instant())
 *     .expiresAt(clock.instant().plus(Duration.ofHours(2)))
 *     .sourceIp("203.0.113.0/24")
 *     .build();
 * }</pre>
 */
public final class CustomPolicy implements Policy {
    private final String resource;
    private final Instant expiresAt;
    private final Instant notBefore;
    private final String sourceIp;

    private CustomPolicy(Builder b) {
        this.resource = b.resource;
        this.expiresAt = b.expiresAt;
        this.notBefore = b.notBefore;
        this.sourceIp = b.sourceIp;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static CustomPolicy of(Consumer<Builder> settings) {
        Builder builder = builder();
        settings.accept(builder);
        return builder.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.resource = resource;
        b.expiresAt = expiresAt;
        b.notBefore = notBefore;
        b.sourceIp = sourceIp;
        return b;
    }

    @Override
    public String resource() {
        return resource;
    }

    @Override
    public Instant expiresAt() {
        return expiresAt;
    }

    /** CloudFront's {@code DateGreaterThan}: access starts after this second. */
    public Optional<Instant> notBefore() {
        return Optional.ofNullable(notBefore);
    }

    /** CloudFront's {@code IpAddress}/{@code AWS:SourceIp}: the CIDR range viewers must come from. */
    public Optional<String> sourceIp() {
        return Optional.ofNullable(sourceIp);
    }

    @Override
    public CustomPolicy withExpiresAt(Instant expiresAt) {
        return toBuilder().expiresAt(expiresAt).build();
    }

    @Override
    public String toJson() {
        return PolicyJson.statement(resource, expiresAt.getEpochSecond(), sourceIp,
                notBefore == null ? -1 : notBefore.getEpochSecond());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomPolicy other && resource.equals(other.resource) && expiresAt.equals(other.expiresAt)
                && Objects.equals(notBefore, other.notBefore) && Objects.equals(sourceIp, other.sourceIp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resource, expiresAt, notBefore, sourceIp);
    }

    @Override
    public String toString() {
        return "CustomPolicy[resource=" + resource + ", expiresAt=" + expiresAt
                + (notBefore != null ? ", notBefore=" + notBefore : "")
                + (sourceIp != null ? ", sourceIp=" + sourceIp : "") + "]";
    }

    static Instant epochSeconds(Instant instant, String name) {
        Checks.notNull(instant, name);
        if (instant.getEpochSecond() <= 0) {
            throw GalerlyException.invalid(name + " must be after 1970-01-01T00:00:00Z, was " + instant);
        }
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Builds a {@link CustomPolicy}; each value is checked when set, the time window in {@link #build()}. */
    public static final class Builder {
        private String resource;
        private Instant expiresAt;
        private Instant notBefore;
        private String sourceIp;

        private Builder() {
        }

        /** The https URL or pattern granted, percent-encoded; {@code *} and {@code ?} are wildcards. */
        public Builder resource(String resource) {
            this.resource = UrlRules.requireResource(resource, "policy resource");
            return this;
        }

        /** When access ends (truncated to the second). */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = epochSeconds(expiresAt, "expiresAt");
            return this;
        }

        /** When access starts (truncated to the second), or null for at once. */
        public Builder notBefore(Instant notBefore) {
            this.notBefore = notBefore == null ? null : epochSeconds(notBefore, "notBefore");
            return this;
        }

        /** An IPv4 or IPv6 CIDR range ({@code 203.0.113.0/24}), a bare address, or null for any viewer. */
        public Builder sourceIp(String cidr) {
            this.sourceIp = cidr == null ? null : UrlRules.requireCidr(cidr, "sourceIp");
            return this;
        }

        public CustomPolicy build() {
            if (resource == null) {
                throw GalerlyException.invalid("a custom policy needs a resource");
            }
            if (expiresAt == null) {
                throw GalerlyException.invalid("a custom policy needs expiresAt");
            }
            if (notBefore != null && !notBefore.isBefore(expiresAt)) {
                throw GalerlyException.invalid("notBefore " + notBefore + " must be before expiresAt " + expiresAt);
            }
            return new CustomPolicy(this);
        }
    }
}
