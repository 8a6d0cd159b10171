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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.cloudfront.internal.utils.SigningUtils;

/** Properties of the rules with many inputs: policy JSON, CloudFront base64, percent-encoding, wildcards, rounding. */
class CdnProperties {
    private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");

    /** Our policy JSON is byte-identical to the AWS SDK's for any resource, window and range, and parses back. */
    @Property(tries = 300)
    void policyJsonMatchesTheSdkAndParsesBack(@ForAll("policies") CustomPolicy policy) {
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
    }

    @Property(tries = 300)
    void cannedPolicyJsonMatchesTheSdk(@ForAll("urls") String url, @ForAll @LongRange(min = 1, max = 4_102_444_800L)
            long expires) {
        Instant expiresAt = Instant.ofEpochSecond(expires);
        assertEquals(SigningUtils.buildCannedPolicy(url, expiresAt), Policy.canned(url, expiresAt).toJson());
    }

    @Property
    void cloudFrontBase64RoundTripsAndIsUrlSafe(@ForAll @Size(max = 300) byte[] bytes) {
        String encoded = CloudFrontBase64.encode(bytes);
        assertTrue(encoded.matches("[A-Za-z0-9~_-]*"), encoded);
        assertArrayEquals(bytes, CloudFrontBase64.decode(encoded));
        assertEquals(SigningUtils.makeBytesUrlSafe(bytes), encoded);
    }

    @Property
    void percentEncodingRoundTripsAnyKeyAndLeavesOnlyUrlCharacters(@ForAll("keys") String key) {
        String encoded = PercentEncoding.encodePath(key);
        assertTrue(encoded.matches("[A-Za-z0-9._~/%-]*"), encoded);
        assertEquals(key, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    }

    @Property
    void wildcardsAgreeWithARegularExpression(@ForAll("globs") String pattern, @ForAll("texts") String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        assertEquals(Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches(),
                Wildcards.matches(pattern, text), pattern + " vs " + text);
    }

    @Property
    void aPatternMadeFromATextMatchesIt(@ForAll("texts") String text, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        StringBuilder pattern = new StringBuilder();
        java.util.Random random = new java.util.Random(seed);
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
    }

    @Property(tries = 200)
    void roundingMovesTheExpiryUpToTheNextWindowAndNoFurther(
            @ForAll @LongRange(min = 1, max = 86_400) long window, @ForAll @LongRange(min = 1, max = 30 * 86_400) long ttl) {
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .keyPair("EC", SigningKey.of(TestKeys.EC_P256.getPrivate()))
                .expiryRounding(Duration.ofSeconds(window)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        Instant requested = NOW.plusSeconds(ttl);
        long rounded = signer.signPolicy(Policy.canned("https://cdn.example.com/a.jpg", requested)).policy().expiresAt()
                .getEpochSecond();
        assertTrue(rounded >= requested.getEpochSecond());
        assertTrue(rounded - requested.getEpochSecond() < window);
        assertEquals(0, rounded % window);
    }

    @Provide
    Arbitrary<CustomPolicy> policies() {
        Arbitrary<String> resource = Combinators.combine(hosts(), paths(true), Arbitraries.of("", "*", "?v=1", "?*"))
                .as((host, path, tail) -> "https://" + host + "/" + path + tail);
        Arbitrary<Long> expires = Arbitraries.longs().between(1_000_000, 4_102_444_800L);
        Arbitrary<Long> before = Arbitraries.longs().between(1, 999_999);
        Arbitrary<String> ip = Arbitraries.oneOf(Arbitraries.just(null),
                Combinators.combine(Arbitraries.integers().between(0, 255).list().ofSize(4),
                        Arbitraries.integers().between(0, 32))
                        .as((octets, prefix) -> octets.get(0) + "." + octets.get(1) + "." + octets.get(2) + "."
                                + octets.get(3) + "/" + prefix));
        return Combinators.combine(resource, expires, before.injectNull(0.4), ip)
                .as((r, e, b, i) -> CustomPolicy.builder().resource(r).expiresAt(Instant.ofEpochSecond(e))
                        .notBefore(b == null ? null : Instant.ofEpochSecond(e - b)).sourceIp(i).build());
    }

    @Provide
    Arbitrary<String> urls() {
        return Combinators.combine(hosts(), paths(false), Arbitraries.of("", "?v=3", "?a=1&b=%20"))
                .as((host, path, query) -> "https://" + host + "/" + path + query);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().withCharRange('\u0020', '\u007e').withCharRange('\u00a0', '\u024f')
                .withCharRange('\u4e00', '\u4e2f').withChars('\u2713').ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> globs() {
        return Arbitraries.strings().withChars('a', 'b', '*', '?').ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars('a', 'b', '?', '/').ofMaxLength(10);
    }

    private static Arbitrary<String> hosts() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12).map(s -> s + ".example.com");
    }

    private static Arbitrary<String> paths(boolean wildcards) {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .withChars('-', '_', '.', '~', '/', '%').ofMaxLength(30).map(s -> s.replace("%", "%2B"));
        return wildcards ? plain.map(s -> s.replace('~', '*')) : plain;
    }
}
