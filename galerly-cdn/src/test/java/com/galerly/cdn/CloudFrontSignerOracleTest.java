/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.testkit.cdn.CloudFrontEmulator;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCannedPolicy;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCustomPolicy;

/**
 * Compares the signer with the AWS SDK for Java v2's {@code CloudFrontUtilities} (2.44.4) on the same inputs:
 * RSA output byte for byte, ECDSA output (the SDK's is randomised, ours deterministic) by structure and by
 * verifying both with the public key; SHA-256 (which the SDK lacks) by verification. Every result also passes
 * {@link CloudFrontEmulator}, which checks it the way CloudFront does.
 */
class CloudFrontSignerOracleTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:15:30.250Z");
    private static final Instant EXPIRES = Instant.parse("2026-11-02T12:15:30Z");
    private static final String KEY_ID = "K2JCJMDEHXQW5F";
    private static final CloudFrontUtilities SDK = CloudFrontUtilities.create();
    private static final CloudFrontEmulator CLOUDFRONT = new CloudFrontEmulator(Map.of(
            "RSA", TestKeys.RSA_2048.getPublic(), "EC", TestKeys.EC_P256.getPublic(),
            KEY_ID, TestKeys.RSA_2048.getPublic()));

    static Stream<String> urls() {
        return Stream.of(
                "https://d111111abcdef8.cloudfront.net/renditions/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza_small.jpg",
                "https://cdn.example.com/renditions/g/p_large.jpg?v=3",
                "https://cdn.example.com/a/b.jpg?size=large&color=red",
                "https://cdn.example.com/my%20gallery/caf%C3%A9%2Bcr%C3%A8me.jpg",
                "https://cdn.example.com:8443/x.jpg");
    }

    static Stream<Arguments> customPolicies() {
        String url = "https://cdn.example.com/renditions/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza_small.jpg?v=7";
        Instant notBefore = Instant.parse("2026-11-02T10:00:00Z");
        return Stream.of(
                Arguments.of(url, url, null, null),
                Arguments.of(url, "https://cdn.example.com/renditions/smith-wedding/*", null, null),
                Arguments.of(url, "https://cdn.example.com/renditions/smith-wedding/*", notBefore, null),
                Arguments.of(url, "https://cdn.example.com/renditions/*/01jd6v2k8m3q9x7c5t4r2n0bza_?????.jpg*", null,
                        "203.0.113.0/24"),
                Arguments.of(url, "*", notBefore, "2001:db8::/32"));
    }

    private static CloudFrontSigner signer(String keyPairId, KeyPair pair, HashAlgorithm hash) {
        return CloudFrontSigner.builder().keyPair(keyPairId, SigningKey.of(pair.getPrivate())).hashAlgorithm(hash)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @ParameterizedTest
    @MethodSource("urls")
    void cannedRsaUrlIsByteIdenticalToTheSdk(String url) {
        String ours = signer(KEY_ID, TestKeys.RSA_2048, HashAlgorithm.SHA1).sign(url, EXPIRES);
        String sdk = SDK.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(url).privateKey(TestKeys.RSA_2048.getPrivate())
                .keyPairId(KEY_ID).expirationDate(EXPIRES)).url();
        assertEquals(sdk, ours);
        assertTrue(CLOUDFRONT.checkUrl(ours, NOW, "198.51.100.7").allowed());
        assertFalse(CLOUDFRONT.checkUrl(ours, EXPIRES, "198.51.100.7").allowed(), "expired at DateLessThan");
    }

    @ParameterizedTest
    @MethodSource("urls")
    void cannedRsaCookiesAreByteIdenticalToTheSdk(String url) {
        SignedCookies ours = signer(KEY_ID, TestKeys.RSA_2048, HashAlgorithm.SHA1).cookies(Policy.canned(url, EXPIRES));
        CookiesForCannedPolicy sdk = SDK.getCookiesForCannedPolicy(r -> r.resourceUrl(url)
                .privateKey(TestKeys.RSA_2048.getPrivate()).keyPairId(KEY_ID).expirationDate(EXPIRES));
        assertEquals(List.of(sdk.expiresHeaderValue(), sdk.signatureHeaderValue(), sdk.keyPairIdHeaderValue()),
                headerValues(ours));
        assertTrue(CLOUDFRONT.checkCookies(url, ours.values(), NOW, "198.51.100.7").allowed());
    }

    @ParameterizedTest
    @MethodSource("customPolicies")
    void customRsaUrlAndCookiesAreByteIdenticalToTheSdk(String url, String resource, Instant notBefore, String ip) {
        CloudFrontSigner signer = signer(KEY_ID, TestKeys.RSA_2048, HashAlgorithm.SHA1);
        CustomPolicy policy = CustomPolicy.builder().resource(resource).expiresAt(EXPIRES).notBefore(notBefore)
                .sourceIp(ip).build();
        String ours = signer.signUrl(url, policy);
        String sdk = SDK.getSignedUrlWithCustomPolicy(r -> r.resourceUrl(url).resourceUrlPattern(resource)
                .privateKey(TestKeys.RSA_2048.getPrivate()).keyPairId(KEY_ID).expirationDate(EXPIRES)
                .activeDate(notBefore).ipRange(ip)).url();
        assertEquals(sdk, ours);

        SignedCookies cookies = signer.cookies(policy);
        CookiesForCustomPolicy sdkCookies = SDK.getCookiesForCustomPolicy(r -> r.resourceUrl(url)
                .resourceUrlPattern(resource).privateKey(TestKeys.RSA_2048.getPrivate()).keyPairId(KEY_ID)
                .expirationDate(EXPIRES).activeDate(notBefore).ipRange(ip));
        assertEquals(List.of(sdkCookies.policyHeaderValue(), sdkCookies.signatureHeaderValue(),
                sdkCookies.keyPairIdHeaderValue()), headerValues(cookies));

        String client = ip != null && ip.contains(":") ? "2001:db8::1" : "203.0.113.9";
        CloudFrontEmulator.Decision decision = CLOUDFRONT.checkUrl(ours, NOW, client);
        assertTrue(decision.allowed(), decision.reason());
        assertEquals(policy.toJson(), decision.policyJson(), "the decoded policy is the one we built");
        assertTrue(CLOUDFRONT.checkCookies(url, cookies.values(), NOW, client).allowed());
        if (ip != null) {
            assertFalse(CLOUDFRONT.checkUrl(ours, NOW, client.contains(":") ? "2001:db9::1" : "198.51.100.1").allowed(),
                    "a client outside the range is refused");
        }
        if (notBefore != null) {
            assertFalse(CLOUDFRONT.checkUrl(ours, notBefore, client).allowed(), "not valid before DateGreaterThan");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void rsaKeysLoadedFromPemFilesSignLikeTheSdkLoadingTheSameFile(boolean pkcs8, @TempDir Path dir) throws Exception {
        Path file = TestKeys.write(dir, "key.pem", pkcs8 ? TestKeys.pkcs8Pem(TestKeys.RSA_2048)
                : TestKeys.traditionalPem(TestKeys.RSA_2048));
        String url = "https://cdn.example.com/renditions/g/p_small.jpg";
        String ours = CloudFrontSigner.builder().keyPair(KEY_ID, SigningKey.fromPem(file))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().sign(url, EXPIRES);
        String sdk = SDK.getSignedUrlWithCannedPolicy(r -> {
            try {
                r.resourceUrl(url).privateKey(file).keyPairId(KEY_ID).expirationDate(EXPIRES);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).url();
        assertEquals(sdk, ours);
    }

    @Test
    void ecdsaSignaturesAreDeterministicAndVerifyLikeTheSdksRandomisedOnes() {
        String url = "https://cdn.example.com/renditions/g/p_small.jpg?v=2";
        CloudFrontSigner signer = signer("EC", TestKeys.EC_P256, HashAlgorithm.SHA1);
        String ours = signer.sign(url, EXPIRES);
        String sdk = SDK.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(url).privateKey(TestKeys.EC_P256.getPrivate())
                .keyPairId("EC").expirationDate(EXPIRES)).url();
        String sdkAgain = SDK.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(url)
                .privateKey(TestKeys.EC_P256.getPrivate()).keyPairId("EC").expirationDate(EXPIRES)).url();

        assertEquals(ours, signer.sign(url, EXPIRES), "RFC 6979 nonces: the same policy gives the same URL");
        assertNotEquals(sdk, sdkAgain, "the SDK draws a random nonce per signature");
        assertEquals(withoutSignature(sdk), withoutSignature(ours));
        assertTrue(CLOUDFRONT.checkUrl(sdk, NOW, "198.51.100.7").allowed(), "the oracle's own output verifies");
        assertTrue(CLOUDFRONT.checkUrl(ours, NOW, "198.51.100.7").allowed());
        assertTrue(signature(ours).length() < signature(signer(KEY_ID, TestKeys.RSA_2048, HashAlgorithm.SHA1)
                .sign(url, EXPIRES)).length() / 3, "ECDSA signatures are much shorter than RSA ones");
    }

    @Test
    void ecdsaCustomPolicyCookiesMatchTheSdkApartFromTheSignature() {
        String resource = "https://cdn.example.com/renditions/g/*";
        CustomPolicy policy = CustomPolicy.builder().resource(resource).expiresAt(EXPIRES).sourceIp("203.0.113.0/24")
                .build();
        SignedCookies ours = signer("EC", TestKeys.EC_P256, HashAlgorithm.SHA1).cookies(policy);
        CookiesForCustomPolicy sdk = SDK.getCookiesForCustomPolicy(r -> r.resourceUrl(resource)
                .resourceUrlPattern(resource).privateKey(TestKeys.EC_P256.getPrivate()).keyPairId("EC")
                .expirationDate(EXPIRES).ipRange("203.0.113.0/24"));
        assertEquals(sdk.policyHeaderValue(), headerValues(ours).get(0));
        assertEquals(sdk.keyPairIdHeaderValue(), headerValues(ours).get(2));
        String photo = "https://cdn.example.com/renditions/g/p_thumbnail.jpg?v=1";
        assertTrue(CLOUDFRONT.checkCookies(photo, ours.values(), NOW, "203.0.113.200").allowed());
        assertFalse(CLOUDFRONT.checkCookies("https://cdn.example.com/renditions/other/p.jpg", ours.values(), NOW,
                "203.0.113.200").allowed(), "another gallery is not covered");
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void sha256IsAnnouncedAndVerifiesOnlyAsSha256(KeyType type) {
        String keyId = type == KeyType.RSA_2048 ? "RSA" : "EC";
        String url = "https://cdn.example.com/renditions/g/p_small.jpg?v=2";
        String ours = signer(keyId, TestKeys.of(type), HashAlgorithm.SHA256).sign(url, EXPIRES);

        assertTrue(ours.endsWith("&Key-Pair-Id=" + keyId + "&Hash-Algorithm=SHA256"), ours);
        assertTrue(CLOUDFRONT.checkUrl(ours, NOW, "198.51.100.7").allowed());
        String claimingSha1 = ours.substring(0, ours.length() - "&Hash-Algorithm=SHA256".length());
        assertFalse(CLOUDFRONT.checkUrl(claimingSha1, NOW, "198.51.100.7").allowed(),
                "the signature is over SHA-256, not SHA-1");
        if (type == KeyType.RSA_2048) {
            String sdkSha1 = SDK.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(url)
                    .privateKey(TestKeys.RSA_2048.getPrivate()).keyPairId(keyId).expirationDate(EXPIRES)).url();
            assertEquals(withoutSignature(sdkSha1) + "&Hash-Algorithm=SHA256", withoutSignature(ours));
        }

        SignedCookies cookies = signer(keyId, TestKeys.of(type), HashAlgorithm.SHA256)
                .cookies(Policy.custom("https://cdn.example.com/renditions/g/*", EXPIRES));
        assertEquals(List.of("CloudFront-Policy", "CloudFront-Signature", "CloudFront-Key-Pair-Id",
                "CloudFront-Hash-Algorithm"), List.copyOf(cookies.values().keySet()));
        assertEquals("SHA256", cookies.values().get("CloudFront-Hash-Algorithm"));
        assertTrue(CLOUDFRONT.checkCookies(url, cookies.values(), NOW, "198.51.100.7").allowed());
    }

    private static List<String> headerValues(SignedCookies cookies) {
        return cookies.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static String signature(String signedUrl) {
        int start = signedUrl.indexOf("Signature=") + "Signature=".length();
        return signedUrl.substring(start, signedUrl.indexOf('&', start));
    }

    private static String withoutSignature(String signedUrl) {
        return signedUrl.replace(signature(signedUrl), "");
    }
}
