/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.cdn.internal.CloudFrontBase64;
import com.galerly.cdn.internal.PercentEncoding;
import com.galerly.cdn.internal.Wildcards;
import com.galerly.testkit.property.Cases;
import com.galerly.testkit.property.Generator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.cloudfront.internal.utils.SigningUtils;

/** Properties of the rules with many inputs: policy JSON, CloudFront base64, percent-encoding, wildcards, rounding. */
class CdnProperties {
    private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");
    private static final String KEY_CHARS = Generator.chars('\u0020', '\u007e') + Generator.chars('\u00a0', '\u024f')
            + Generator.chars('\u4e00', '\u4e2f') + '\u2713';
    private static final String PATH_CHARS = Generator.chars('a', 'z') + Generator.chars('0', '9') + "-_.~/%";

    /** Our policy JSON is byte-identical to the AWS SDK's for any resource, window and range, and parses back. */
    @Test
    void policyJsonMatchesTheSdkAndParsesBack() {
        Cases.check(300, CdnProperties::policy, policy -> {
            String json = policy.toJson();
            assertEquals(SigningUtils.buildCustomPolicy(policy.resource(), policy.notBefore().orElse(null),
                    policy.expiresAt(), policy.sourceIp().orElse(null)), json);

            JsonNode statement = JsonNode.parser().parse(json).field("Statement").orElseThrow().asArray().get(0);
            assertEquals(policy.resource(), statement.field("Resource").orElseThrow().asString());
            JsonNode condition = statement.field("Condition").orElseThrow();
            assertEquals(Long.toString(policy.expiresAt().getEpochSecond()),
                    condition.field("DateLessThan").orElseThrow().field("AWS:EpochTime").orElseThrow().asNumber());
            assertEquals(policy.notBefore().map(t -> Long.toString(t.getEpochSecond())),
                    condition.field("DateGreaterThan").map(n -> n.field("AWS:EpochTime").orElseThrow().asNumber()));
            assertEquals(policy.sourceIp(), condition.field("IpAddress")
                    .map(n -> n.field("AWS:SourceIp").orElseThrow().asString()));
        });
    }

    private record Canned(String url, long expires) {
    }

    @Test
    void cannedPolicyJsonMatchesTheSdk() {
        Cases.check(300, g -> new Canned(url(g), g.longs(1, 4_102_444_800L)), canned -> {
            Instant expiresAt = Instant.ofEpochSecond(canned.expires());
            assertEquals(SigningUtils.buildCannedPolicy(canned.url(), expiresAt),
                    Policy.canned(canned.url(), expiresAt).toJson());
        });
    }

    @Test
    void cloudFrontBase64RoundTripsAndIsUrlSafe() {
        Cases.check(1000, g -> g.bytes(0, 300), bytes -> {
            String encoded = CloudFrontBase64.encode(bytes);
            assertTrue(encoded.matches("[A-Za-z0-9~_-]*"), encoded);
            assertArrayEquals(bytes, CloudFrontBase64.decode(encoded));
            assertEquals(SigningUtils.makeBytesUrlSafe(bytes), encoded);
        });
    }

    @Test
    void percentEncodingRoundTripsAnyKeyAndLeavesOnlyUrlCharacters() {
        Cases.check(1000, g -> g.string(KEY_CHARS, 0, 40), key -> {
            String encoded = PercentEncoding.encodePath(key);
            assertTrue(encoded.matches("[A-Za-z0-9._~/%-]*"), encoded);
            assertEquals(key, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        });
    }

    private record Glob(String pattern, String text) {
    }

    @Test
    void wildcardsAgreeWithARegularExpression() {
        Cases.check(1000, g -> new Glob(g.string("ab*?", 0, 8), g.string("ab?/", 0, 10)), glob -> {
            StringBuilder regex = new StringBuilder();
            for (char c : glob.pattern().toCharArray()) {
                regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            assertEquals(Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(glob.text()).matches(),
                    Wildcards.matches(glob.pattern(), glob.text()));
        });
    }

    private record Text(String text, int seed) {
    }

    @Test
    void aPatternMadeFromATextMatchesIt() {
        Cases.check(1000, g -> new Text(g.string("ab?/", 0, 10), g.ints(0, 1000)), t -> {
            String text = t.text();
            StringBuilder pattern = new StringBuilder();
            java.util.Random random = new java.util.Random(t.seed());
            for (int i = 0; i < text.length(); i++) {
                int r = random.nextInt(6);
                if (r == 0) {
                    pattern.append('?');
                } else if (r == 1) {
                    pattern.append('*');
                    i += random.nextInt(3);
                } else {
                    pattern.append(text.charAt(i));
                }
            }
            assertTrue(Wildcards.matches(pattern.toString(), text), pattern + " vs " + text);
        });
    }

    private record Expiry(long window, long ttl) {
    }

    @Test
    void roundingMovesTheExpiryUpToTheNextWindowAndNoFurther() {
        Cases.check(200, g -> new Expiry(g.longs(1, 86_400), g.longs(1, 30 * 86_400)), e -> {
            CloudFrontSigner signer = CloudFrontSigner.builder()
                    .keyPair("EC", SigningKey.of(TestKeys.EC_P256.getPrivate()))
                    .expiryRounding(Duration.ofSeconds(e.window())).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
            Instant requested = NOW.plusSeconds(e.ttl());
            long rounded = signer.signPolicy(Policy.canned("https://cdn.example.com/a.jpg", requested)).policy()
                    .expiresAt().getEpochSecond();
            assertTrue(rounded >= requested.getEpochSecond());
            assertTrue(rounded - requested.getEpochSecond() < e.window());
            assertEquals(0, rounded % e.window());
        });
    }

    private static CustomPolicy policy(Generator g) {
        String resource = "https://" + host(g) + "/" + path(g, true) + g.oneOf("", "*", "?v=1", "?*");
        long expires = g.longs(1_000_000, 4_102_444_800L);
        Long before = g.chance(0.4) ? null : g.longs(1, 999_999);
        String ip = g.bool() ? null : g.ints(0, 255) + "." + g.ints(0, 255) + "." + g.ints(0, 255) + "."
                + g.ints(0, 255) + "/" + g.ints(0, 32);
        return CustomPolicy.builder().resource(resource).expiresAt(Instant.ofEpochSecond(expires))
                .notBefore(before == null ? null : Instant.ofEpochSecond(expires - before)).sourceIp(ip).build();
    }

    private static String url(Generator g) {
        return "https://" + host(g) + "/" + path(g, false) + g.oneOf("", "?v=3", "?a=1&b=%20");
    }

    private static String host(Generator g) {
        return g.string(Generator.chars('a', 'z'), 1, 12) + ".example.com";
    }

    private static String path(Generator g, boolean wildcards) {
        String plain = g.string(PATH_CHARS, 0, 30).replace("%", "%2B");
        return wildcards ? plain.replace('~', '*') : plain;
    }
}
