/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import com.galerly.aws.s3.S3Bucket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/** Builds bucket and object URLs the way S3 canonicalises them, so the URL signed is the URL sent. */
public final class ObjectUris {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ObjectUris() {
    }

    /** The bucket's root: where browser forms POST. */
    public static URI bucketUri(S3Bucket bucket) {
        return URI.create(bucket.pathStyle() ? base(bucket) + "/" + bucket.name() : base(bucket) + "/");
    }

    /** The object's URL, the key encoded segment by segment. */
    public static URI objectUri(S3Bucket bucket, String key) {
        String root = bucket.pathStyle() ? base(bucket) + "/" + bucket.name() : base(bucket);
        return URI.create(root + "/" + encodeKey(key));
    }

    /**
     * Percent-encodes a key as SigV4 canonical URIs do for S3: every byte of its UTF-8 except the unreserved
     * characters {@code A-Z a-z 0-9 - . _ ~} and the separator {@code /}.
     */
    public static String encodeKey(String key) {
        return encode(key, true);
    }

    /** Percent-encodes a query parameter value (RFC 3986: everything but the unreserved characters). */
    public static String encodeQueryValue(String value) {
        return encode(value, false);
    }

    private static String encode(String value, boolean keepSlash) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static String base(S3Bucket bucket) {
        URI endpoint = bucket.endpoint();
        if (endpoint == null) {
            String host = "s3." + bucket.region() + "." + PartitionMetadata.of(Region.of(bucket.region())).dnsSuffix();
            return "https://" + (bucket.pathStyle() ? host : bucket.name() + "." + host);
        }
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        String authority = endpoint.getRawAuthority();
        if (!bucket.pathStyle()) {
            authority = bucket.name() + "." + authority;
        }
        return endpoint.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + authority + path;
    }
}
