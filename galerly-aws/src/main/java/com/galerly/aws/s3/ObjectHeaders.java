/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import com.galerly.core.upload.UploadRequest.Checksum;
import com.galerly.core.upload.UploadRequest.ChecksumAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The headers an upload is signed with and stored under: the content type, and where known the exact length and
 * a checksum (so S3 refuses any other body), a Cache-Control, and user metadata ({@code x-amz-meta-*}).
 *
 * <pre>{@code
 * ObjectHeaders headers = ObjectHeaders.builder()
 *     .contentType("image/jpeg")
 *     .contentLength(8_421_337)
 *     .checksum(new Checksum(ChecksumAlgorithm.SHA256, "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="))
 *     .metadata("filename", "DSC_0042.JPG")
 *     .build();
 * }</pre>
 *
 * <p>Metadata names are lower case ({@code a-z 0-9 -}); values are printable US-ASCII (S3 stores header
 * values as ASCII: encode anything else first); names and values together stay within S3's 2 KB.
 */
public final class ObjectHeaders {
    /** S3's limit on user metadata: names and values, in bytes. */
    public static final int MAX_METADATA_BYTES = 2048;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+");
    private static final Pattern CONTENT_TYPE =
            Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\\s*;[\\x20-\\x7e]*)?");
    private static final Pattern METADATA_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]*");

    private final String contentType;
    private final long contentLength;
    private final Checksum checksum;
    private final String cacheControl;
    private final Map<String, String> metadata;

    private ObjectHeaders(Builder b) {
        this.contentType = b.contentType;
        this.contentLength = b.contentLength;
        this.checksum = b.checksum;
        this.cacheControl = b.cacheControl;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    /** Just a content type. */
    public static ObjectHeaders of(String contentType) {
        return builder().contentType(contentType).build();
    }

    /** Nothing signed but the key: the client may send any content type (S3 then stores its default). */
    public static ObjectHeaders none() {
        return builder().build();
    }

    public static ObjectHeaders of(Consumer<Builder> settings) {
        Builder builder = builder();
        settings.accept(builder);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.contentType = contentType;
        b.contentLength = contentLength;
        b.checksum = checksum;
        b.cacheControl = cacheControl;
        b.metadata.putAll(metadata);
        return b;
    }

    /** The content type, or empty when the upload may send any. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** The exact body length, or -1 when not signed. */
    public long contentLength() {
        return contentLength;
    }

    public Optional<Checksum> checksum() {
        return Optional.ofNullable(checksum);
    }

    public Optional<String> cacheControl() {
        return Optional.ofNullable(cacheControl);
    }

    /** User metadata, names without the {@code x-amz-meta-} prefix. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The HTTP headers these settings become, in the order they are signed and listed. */
    public Map<String, String> httpHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (contentLength >= 0) {
            headers.put("Content-Length", Long.toString(contentLength));
        }
        if (checksum != null) {
            headers.put(checksumHeader(checksum.algorithm()), checksum.base64());
        }
        if (cacheControl != null) {
            headers.put("Cache-Control", cacheControl);
        }
        metadata.forEach((name, value) -> headers.put("x-amz-meta-" + name, value));
        return headers;
    }

    /** The header (and POST field) S3 reads a checksum from: {@code x-amz-checksum-sha256} and so on. */
    public static String checksumHeader(ChecksumAlgorithm algorithm) {
        return "x-amz-checksum-" + algorithm.id();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectHeaders other && Objects.equals(contentType, other.contentType)
                && contentLength == other.contentLength && Objects.equals(checksum, other.checksum)
                && Objects.equals(cacheControl, other.cacheControl) && metadata.equals(other.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, contentLength, checksum, cacheControl, metadata);
    }

    @Override
    public String toString() {
        return "ObjectHeaders" + httpHeaders();
    }

    /** Checks a metadata name and value the way {@link Builder#metadata(String, String)} does. */
    static void checkMetadata(String name, String value) {
        Objects.requireNonNull(name, "metadata name must not be null");
        Objects.requireNonNull(value, "metadata value must not be null");
        if (!METADATA_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metadata name must be 1..128 characters of a-z 0-9 -, was \""
                    + printable(name) + "\"");
        }
        if (!PRINTABLE.matcher(value).matches()) {
            throw new IllegalArgumentException("metadata " + name
                    + " must be printable US-ASCII (encode other characters first), was \"" + printable(value) + "\"");
        }
    }

    static String checkContentType(String contentType) {
        Objects.requireNonNull(contentType, "contentType must not be null");
        if (contentType.length() > 256 || !CONTENT_TYPE.matcher(contentType).matches()) {
            throw new IllegalArgumentException("contentType must be a media type like image/jpeg, was \""
                    + printable(contentType) + "\"");
        }
        return contentType;
    }

    static boolean isToken(String s) {
        return TOKEN.matcher(s).matches();
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(s.length(), 64); i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return s.length() > 64 ? out + "...(" + s.length() + " chars)" : out.toString();
    }

    /** Builds {@link ObjectHeaders}; every setting is optional. */
    public static final class Builder {
        private String contentType;
        private long contentLength = -1;
        private Checksum checksum;
        private String cacheControl;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder contentType(String contentType) {
            this.contentType = checkContentType(contentType);
            return this;
        }

        /** The exact body length; -1 to leave it unsigned. */
        public Builder contentLength(long contentLength) {
            if (contentLength < -1) {
                throw new IllegalArgumentException("contentLength must be -1 (unsigned) or at least 0, was "
                        + contentLength);
            }
            this.contentLength = contentLength;
            return this;
        }

        /** The body's checksum, or null for none. */
        public Builder checksum(Checksum checksum) {
            this.checksum = checksum;
            return this;
        }

        public Builder cacheControl(String cacheControl) {
            if (cacheControl != null && !PRINTABLE.matcher(cacheControl).matches()) {
                throw new IllegalArgumentException("cacheControl must be printable US-ASCII, was \""
                        + printable(cacheControl) + "\"");
            }
            this.cacheControl = cacheControl;
            return this;
        }

        /** One {@code x-amz-meta-} entry; the name is the part after the prefix. */
        public Builder metadata(String name, String value) {
            checkMetadata(name, value);
            metadata.put(name, value);
            int bytes = 0;
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                bytes += e.getKey().length() + e.getValue().getBytes(StandardCharsets.US_ASCII).length;
            }
            if (bytes > MAX_METADATA_BYTES) {
                metadata.remove(name);
                throw new IllegalArgumentException("metadata must total at most " + MAX_METADATA_BYTES
                        + " bytes, was " + bytes + " with " + name);
            }
            return this;
        }

        public Builder metadata(Map<String, String> metadata) {
            Objects.requireNonNull(metadata, "metadata must not be null").forEach(this::metadata);
            return this;
        }

        public ObjectHeaders build() {
            return new ObjectHeaders(this);
        }
    }
}
