/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import com.galerly.core.KeyLayout;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ProcessorSettings;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.spi.Checks;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@link RenditionHandler}'s no-argument constructor reads from the function's environment. Every
 * variable but {@code GALERLY_TABLE} has a default; a bad value fails the cold start with a message naming
 * the variable.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code GALERLY_TABLE}</td><td>DynamoDB table of photo records</td><td>required</td></tr>
 *   <tr><td>{@code GALERLY_BUCKETS}</td><td>comma-separated buckets the function may process (others are refused)</td><td>any</td></tr>
 *   <tr><td>{@code GALERLY_INCOMING_PREFIX}</td><td>quarantine prefix uploads land under (the S3 trigger prefix)</td><td>{@code incoming/}</td></tr>
 *   <tr><td>{@code GALERLY_ORIGINALS_PREFIX}</td><td>prefix of promoted originals (backfills process these)</td><td>{@code originals/}</td></tr>
 *   <tr><td>{@code GALERLY_RENDITIONS_PREFIX}</td><td>prefix of renditions</td><td>{@code renditions/}</td></tr>
 *   <tr><td>{@code GALERLY_FORMAT}</td><td>rendition format, {@code jpeg} or {@code webp}</td><td>{@code jpeg}</td></tr>
 *   <tr><td>{@code GALERLY_QUALITY}</td><td>encoder quality 1..100</td><td>85</td></tr>
 *   <tr><td>{@code GALERLY_MAX_MEGAPIXELS}</td><td>largest image accepted</td><td>200</td></tr>
 *   <tr><td>{@code GALERLY_MAX_BYTES}</td><td>largest original accepted</td><td>536870912</td></tr>
 *   <tr><td>{@code GALERLY_LEASE_SECONDS}</td><td>claim duration: at least the function timeout</td><td>900</td></tr>
 *   <tr><td>{@code GALERLY_CLAMD}</td><td>clamd to scan uploads with before promotion: {@code tcp://host:port} or {@code unix:/path} (read by the wiring)</td><td>no scan</td></tr>
 *   <tr><td>{@code GALERLY_CLAMD_MAX_BYTES}</td><td>clamd's StreamMaxLength</td><td>26214400</td></tr>
 *   <tr><td>{@code GALERLY_METRICS_NAMESPACE}</td><td>CloudWatch namespace of EMF metrics; {@code off} disables</td><td>{@code Galerly}</td></tr>
 *   <tr><td>{@code GALERLY_SERVICE}</td><td>the {@code Service} dimension of the metrics (with {@code FunctionName} from {@code AWS_LAMBDA_FUNCTION_NAME})</td><td>the namespace</td></tr>
 * </table>
 *
 * <pre>{@code
 * LambdaSettings settings = LambdaSettings.fromEnvironment(System.getenv());
 * }</pre>
 *
 * @param table            the DynamoDB table
 * @param buckets          buckets allowed; empty for any
 * @param layout           key layout
 * @param profile          rendition profile
 * @param processor        processor limits
 * @param lease            lease duration
 * @param metricsNamespace EMF namespace, or null for none
 */
public record LambdaSettings(String table, Set<String> buckets, KeyLayout layout, RenditionProfile profile,
                             ProcessorSettings processor, Duration lease, String metricsNamespace) {
    public LambdaSettings {
        Checks.notBlank(table, "table");
        buckets = Set.copyOf(buckets);
        Checks.notNull(layout, "layout");
        Checks.notNull(profile, "profile");
        Checks.notNull(processor, "processor");
        Checks.notNull(lease, "lease");
    }

    public static LambdaSettings fromEnvironment(Map<String, String> env) {
        Function<String, String> get = name -> {
            String value = env.get(name);
            return value == null || value.isBlank() ? null : value.trim();
        };
        String table = get.apply("GALERLY_TABLE");
        if (table == null) {
            throw new IllegalArgumentException("GALERLY_TABLE must name the DynamoDB table of photo records");
        }
        String buckets = get.apply("GALERLY_BUCKETS");
        KeyLayout.Builder layout = KeyLayout.builder();
        setting(env, "GALERLY_INCOMING_PREFIX", layout::incomingPrefix);
        setting(env, "GALERLY_ORIGINALS_PREFIX", layout::originalsPrefix);
        setting(env, "GALERLY_RENDITIONS_PREFIX", layout::renditionsPrefix);
        RenditionProfile profile = RenditionProfile.standard();
        String format = get.apply("GALERLY_FORMAT");
        if (format != null) {
            ImageFormat f = ImageFormat.fromId(format).filter(x -> x == ImageFormat.JPEG || x == ImageFormat.WEBP)
                    .orElseThrow(() -> new IllegalArgumentException("GALERLY_FORMAT must be jpeg or webp, was " + format));
            profile = profile.withFormat(f);
        }
        String quality = get.apply("GALERLY_QUALITY");
        if (quality != null) {
            profile = profile.withQuality((int) integer("GALERLY_QUALITY", quality));
        }
        ProcessorSettings.Builder processor = ProcessorSettings.builder();
        String mp = get.apply("GALERLY_MAX_MEGAPIXELS");
        if (mp != null) {
            try {
                processor.maxMegapixels(Double.parseDouble(mp));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("GALERLY_MAX_MEGAPIXELS: " + e.getMessage(), e);
            }
        }
        String bytes = get.apply("GALERLY_MAX_BYTES");
        if (bytes != null) {
            processor.maxBytes(integer("GALERLY_MAX_BYTES", bytes));
        }
        String lease = get.apply("GALERLY_LEASE_SECONDS");
        Duration leaseDuration = Duration.ofSeconds(lease == null ? 900 : integer("GALERLY_LEASE_SECONDS", lease));
        String namespace = get.apply("GALERLY_METRICS_NAMESPACE");
        namespace = namespace == null ? "Galerly" : namespace.equalsIgnoreCase("off") ? null : namespace;
        return new LambdaSettings(table,
                buckets == null ? Set.of() : Arrays.stream(buckets.split(",")).map(String::trim)
                        .filter(b -> !b.isEmpty()).collect(Collectors.toSet()),
                wrap(layout::build, "GALERLY_RENDITIONS_PREFIX"), profile, processor.build(), leaseDuration, namespace);
    }

    private static void setting(Map<String, String> env, String name, Function<String, ?> apply) {
        String value = env.get(name);
        if (value != null) {
            wrap(() -> apply.apply(value.trim()), name);
        }
    }

    private static <T> T wrap(java.util.function.Supplier<T> action, String name) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static long integer(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + Checks.quote(value));
        }
    }
}
