/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import com.galerly.core.KeyLayout;
import com.galerly.core.upload.UploadRequest.Checksum;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a browser POST upload may contain: the conditions of an S3 SigV4 POST policy and the form fields
 * that satisfy them. {@link S3Signer#presignPost(PostPolicy, java.time.Duration)} adds the expiration, the
 * bucket and the {@code x-amz-*} signing conditions, and signs.
 *
 * <p>Keys and prefixes must pass {@link KeyLayout#requireSafeKey(String, int)}. Every policy pins the key
 * (exactly, or to a prefix) and bounds the size with a
 * {@code content-length-range}: S3 accepts a policy without one, and then a body of any size, so
 * {@link Builder#build()} refuses to build such a policy.
 *
 * <pre>{@code
 * PostPolicy policy = PostPolicy.builder()
 *     .key("originals/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza.jpg")   // or keyStartsWith("uploads/alice/")
 *     .contentType("image/jpeg")
 *     .contentLengthRange(1, 50 * 1024 * 1024)
 *     .metadata("filename", "DSC_0042.JPG")
 *     .successActionStatus(201)
 *     .build();
 * }</pre>
 */
public final class PostPolicy {
    /** The form fields S3 reserves for the signature; the signer writes them. */
    public static final Set<String> SIGNING_FIELDS = Set.of("bucket", "policy", "file", "x-amz-signature",
            "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-security-token");

    private static final String RANGE = "content-length-range";

    private final List<Condition> conditions;
    private final Map<String, String> fields;
    private final long minLength;
    private final long maxLength;

    private PostPolicy(Builder b) {
        this.conditions = List.copyOf(b.conditions.values());
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
        this.minLength = b.minLength;
        this.maxLength = b.maxLength;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static PostPolicy of(Consumer<Builder> settings) {
        Builder builder = builder();
        settings.accept(builder);
        return builder.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        for (Condition c : conditions) {
            b.conditions.put(b.slot(c), c);
        }
        b.fields.putAll(fields);
        b.minLength = minLength;
        b.maxLength = maxLength;
        return b;
    }

    /** The conditions, in order, without the bucket and signing ones the signer adds. */
    public List<Condition> conditions() {
        return conditions;
    }

    /** The form fields that satisfy the conditions, in order (without the signing fields). */
    public Map<String, String> fields() {
        return fields;
    }

    /** The smallest body accepted, in bytes. */
    public long minLength() {
        return minLength;
    }

    /** The largest body accepted, in bytes. */
    public long maxLength() {
        return maxLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostPolicy other && conditions.equals(other.conditions) && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return conditions.hashCode() * 31 + fields.hashCode();
    }

    @Override
    public String toString() {
        return "PostPolicy" + conditions;
    }

    /** How a condition compares a form field. */
    public enum Operator {
        /** The field equals the value exactly ({@code {"field": "value"}}). */
        EQ,
        /** The field starts with the value ({@code ["starts-with", "$field", "value"]}); "" allows anything. */
        STARTS_WITH,
        /** The file's size is within [min, max] ({@code ["content-length-range", min, max]}). */
        CONTENT_LENGTH_RANGE
    }

    /**
     * One policy condition.
     *
     * @param operator how the field is compared
     * @param field    the form field name (as sent), or {@code content-length-range}
     * @param value    the value or prefix; null for a length range
     * @param min      the smallest size for a length range, else 0
     * @param max      the largest size for a length range, else 0
     */
    public record Condition(Operator operator, String field, String value, long min, long max) {
        public Condition {
            Objects.requireNonNull(operator, "operator must not be null");
            Objects.requireNonNull(field, "field must not be null");
            if (operator == Operator.CONTENT_LENGTH_RANGE) {
                if (min < 0 || max < min) {
                    throw new IllegalArgumentException("content-length-range must have 0 <= min <= max, was ["
                            + min + ", " + max + "]");
                }
            } else {
                Objects.requireNonNull(value, () -> "value of " + field + " must not be null");
            }
        }

        public static Condition eq(String field, String value) {
            return new Condition(Operator.EQ, field, value, 0, 0);
        }

        public static Condition startsWith(String field, String prefix) {
            return new Condition(Operator.STARTS_WITH, field, prefix, 0, 0);
        }

        public static Condition contentLengthRange(long min, long max) {
            return new Condition(Operator.CONTENT_LENGTH_RANGE, RANGE, null, min, max);
        }
    }

    /**
     * Builds a {@link PostPolicy}. Setting a field again replaces its condition; {@link #build()} requires a
     * key condition and a content-length-range.
     */
    public static final class Builder {
        private final Map<String, Condition> conditions = new LinkedHashMap<>();
        private final Map<String, String> fields = new LinkedHashMap<>();
        private long minLength = -1;
        private long maxLength = -1;

        private Builder() {
        }

        /** The exact key the upload is stored under. */
        public Builder key(String key) {
            return field("key", requireKey(key));
        }

        /**
         * Any key in the folder {@code prefix}, which must end with {@code /} (so {@code uploads/u7/} never also
         * covers {@code uploads/u7x/}). The form's {@code key} field defaults to {@code prefix + "${filename}"}
         * (S3 substitutes the uploaded file's name); a client may send any key under the prefix instead.
         */
        public Builder keyStartsWith(String prefix) {
            Objects.requireNonNull(prefix, "key prefix must not be null");
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("key prefix must not be empty: it would allow every key");
            }
            if (!prefix.endsWith("/")) {
                throw new IllegalArgumentException("key prefix must be a folder ending in '/', was \"" + prefix
                        + "\": without it \"" + prefix + "\" also covers \"" + prefix + "x/...\"");
            }
            requireKey(prefix);
            put(Condition.startsWith("key", prefix), prefix + "${filename}");
            return this;
        }

        /** The exact Content-Type the object is stored with. */
        public Builder contentType(String contentType) {
            return field("Content-Type", ObjectHeaders.checkContentType(contentType));
        }

        /** Any Content-Type starting with {@code prefix} (e.g. {@code image/}); the client sends the field. */
        public Builder contentTypeStartsWith(String prefix) {
            return fieldStartsWith("Content-Type", prefix);
        }

        /** The allowed file size in bytes, inclusive. Required. */
        public Builder contentLengthRange(long min, long max) {
            Condition range = Condition.contentLengthRange(min, max);
            conditions.remove(RANGE);
            conditions.put(RANGE, range);
            minLength = min;
            maxLength = max;
            return this;
        }

        /** Where S3 redirects the browser after a successful upload (303, with bucket, key and etag). */
        public Builder successActionRedirect(URI redirect) {
            Objects.requireNonNull(redirect, "successActionRedirect must not be null");
            if (!redirect.isAbsolute()) {
                throw new IllegalArgumentException("successActionRedirect must be an absolute URL, was \""
                        + redirect + "\"");
            }
            return field("success_action_redirect", redirect.toString());
        }

        /** The status S3 answers a successful upload with when there is no redirect: 200, 201 or 204. */
        public Builder successActionStatus(int status) {
            if (status != 200 && status != 201 && status != 204) {
                throw new IllegalArgumentException("successActionStatus must be 200, 201 or 204, was " + status);
            }
            return field("success_action_status", Integer.toString(status));
        }

        /** Stores {@code x-amz-meta-<name>}; same rules as {@link ObjectHeaders.Builder#metadata}. */
        public Builder metadata(String name, String value) {
            ObjectHeaders.checkMetadata(name, value);
            return field("x-amz-meta-" + name, value);
        }

        /** The body's checksum: S3 refuses a file whose digest differs. */
        public Builder checksum(Checksum checksum) {
            Objects.requireNonNull(checksum, "checksum must not be null");
            return field(ObjectHeaders.checksumHeader(checksum.algorithm()), checksum.base64());
        }

        /** Any other field that must equal {@code value} ({@code acl}, {@code Cache-Control}, {@code tagging}...). */
        public Builder field(String name, String value) {
            put(Condition.eq(checkName(name), Objects.requireNonNull(value, () -> name + " must not be null")), value);
            return this;
        }

        /** A field that must start with {@code prefix} ("" allows any value); the client sends the field. */
        public Builder fieldStartsWith(String name, String prefix) {
            Objects.requireNonNull(prefix, () -> "prefix of " + name + " must not be null");
            put(Condition.startsWith(checkName(name), prefix), null);
            return this;
        }

        public PostPolicy build() {
            if (!conditions.containsKey("key")) {
                throw new IllegalStateException("a key condition is required: key(...) or keyStartsWith(...)");
            }
            if (!conditions.containsKey(RANGE)) {
                throw new IllegalStateException("a content-length-range is required: without one S3 accepts any size");
            }
            return new PostPolicy(this);
        }

        private void put(Condition condition, String fieldValue) {
            String slot = slot(condition);
            conditions.remove(slot);
            conditions.put(slot, condition);
            fields.keySet().removeIf(name -> name.equalsIgnoreCase(condition.field()));
            if (fieldValue != null) {
                fields.put(condition.field(), fieldValue);
            }
        }

        private String slot(Condition condition) {
            return condition.field().toLowerCase(Locale.ROOT);
        }

        private static String checkName(String name) {
            Objects.requireNonNull(name, "field name must not be null");
            if (!ObjectHeaders.isToken(name) || name.length() > 128) {
                throw new IllegalArgumentException("field name must be an HTTP token, was \"" + name + "\"");
            }
            if (SIGNING_FIELDS.contains(name.toLowerCase(Locale.ROOT)) || name.equalsIgnoreCase(RANGE)) {
                throw new IllegalArgumentException("field " + name + " is written by the signer, not the policy");
            }
            return name;
        }

        private static String requireKey(String key) {
            return KeyLayout.requireSafeKey(Objects.requireNonNull(key, "key must not be null"),
                    KeyLayout.S3_MAX_KEY_BYTES);
        }
    }
}
