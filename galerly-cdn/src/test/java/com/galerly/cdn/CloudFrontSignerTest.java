/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.delivery.UrlSigner;
import com.galerly.testkit.cdn.CloudFrontEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudFrontSignerTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");
    private static final String URL = "https://cdn.example.com/renditions/g/p_small.jpg";
    private static final CloudFrontEmulator CLOUDFRONT = new CloudFrontEmulator(Map.of(
            "RSA", TestKeys.RSA_2048.getPublic(), "EC", TestKeys.EC_P256.getPublic()));

    private final MutableClock clock = new MutableClock(NOW);
    private final CloudFrontSigner signer = CloudFrontSigner.builder()
            .keyPair("RSA", SigningKey.of(TestKeys.RSA_2048.getPrivate()))
            .clock(clock)
            .build();

    @Test
    void isTheCoreUrlSignerPort() {
        UrlSigner port = signer;
        String signed = port.sign(URL + "?v=4", NOW.plusSeconds(600));
        assertTrue(signed.startsWith(URL + "?v=4&Expires=" + NOW.plusSeconds(600).getEpochSecond() + "&Signature="),
                signed);
        assertTrue(CLOUDFRONT.checkUrl(signed, NOW, "192.0.2.1").allowed());
    }

    @Test
    void signsAPageOfUrlsWithOneSharedWildcardPolicy() {
        UrlSigner port = signer;
        String scope = "https://cdn.example.com/renditions/g/*";
        List<String> page = List.of(URL, "https://cdn.example.com/renditions/g/q_large.jpg?v=2");
        List<String> signed = port.signAll(scope, page, NOW.plusSeconds(600));
        assertEquals(2, signed.size());
        for (int i = 0; i < page.size(); i++) {
            assertTrue(signed.get(i).startsWith(page.get(i) + (page.get(i).contains("?") ? "&" : "?") + "Policy="),
                    signed.get(i));
            assertTrue(CLOUDFRONT.checkUrl(signed.get(i), NOW, "192.0.2.1").allowed());
        }
        String signature = signed.get(0).replaceAll(".*Signature=([^&]*).*", "$1");
        assertEquals(signature, signed.get(1).replaceAll(".*Signature=([^&]*).*", "$1"), "one signature for the page");
        assertThrows(GalerlyException.class,
                () -> port.signAll(scope, List.of("https://cdn.example.com/renditions/other/x.jpg"), NOW.plusSeconds(600)));
    }

    @Test
    void signsForADurationFromTheInjectedClock() {
        String signed = signer.sign(URL, Duration.ofMinutes(30));
        assertTrue(signed.contains("Expires=" + NOW.plus(Duration.ofMinutes(30)).getEpochSecond()), signed);
    }

    @Test
    void tamperingIsDetected() {
        String signed = signer.sign(URL, NOW.plusSeconds(600));
        assertFalse(CLOUDFRONT.checkUrl(signed.replace("p_small", "p_large"), NOW, "192.0.2.1").allowed());
        assertFalse(CLOUDFRONT.checkUrl(signed.replace("Expires=" + NOW.plusSeconds(600).getEpochSecond(),
                "Expires=" + NOW.plusSeconds(6000).getEpochSecond()), NOW, "192.0.2.1").allowed());
    }

    @Test
    void expiryRoundingGivesTheSameUrlWithinAWindow() {
        CloudFrontSigner rounding = signer.toBuilder().expiryRounding(Duration.ofMinutes(15)).build();
        String first = rounding.sign(URL, Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(4));
        String second = rounding.sign(URL, Duration.ofHours(1));
        assertEquals(first, second, "10:15:30 and 10:19:30 + 1 h both round up to 11:30");
        assertTrue(first.contains("Expires=" + Instant.parse("2026-11-02T11:30:00Z").getEpochSecond()), first);
        clock.advance(Duration.ofMinutes(11));
        assertNotEquals(first, rounding.sign(URL, Duration.ofHours(1)), "the next window gives a new URL");
        CloudFrontSigner ecdsa = CloudFrontSigner.builder().keyPair("EC", SigningKey.of(TestKeys.EC_P256.getPrivate()))
                .expiryRounding(Duration.ofMinutes(15)).clock(clock).build();
        String ecFirst = ecdsa.sign(URL, Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(ecFirst, ecdsa.sign(URL, Duration.ofHours(1)), "ECDSA signatures are deterministic too");
        String aligned = rounding.sign(URL, Instant.parse("2026-11-02T12:00:00Z"));
        assertTrue(aligned.contains("Expires=" + Instant.parse("2026-11-02T12:00:00Z").getEpochSecond()),
                "an expiry on a window boundary stays put");
    }

    @Test
    void rotationSwitchesKeyPairsAtTheirActivationTimeAndAPinOverrides() {
        Instant switchAt = NOW.plus(Duration.ofDays(1));
        CloudFrontSigner rotating = signer.toBuilder()
                .keyPair("EC", SigningKey.of(TestKeys.EC_P256.getPrivate()), switchAt)
                .build();
        assertEquals("RSA", rotating.activeKeyPairId());
        assertTrue(rotating.sign(URL, Duration.ofHours(1)).endsWith("&Key-Pair-Id=RSA"));
        clock.set(switchAt);
        assertEquals("EC", rotating.activeKeyPairId());
        String signed = rotating.sign(URL, Duration.ofHours(1));
        assertTrue(signed.endsWith("&Key-Pair-Id=EC"), signed);
        assertTrue(CLOUDFRONT.checkUrl(signed, switchAt, "192.0.2.1").allowed());
        assertEquals("RSA", rotating.toBuilder().activeKeyPair("RSA").build().activeKeyPairId());
        assertEquals(List.of("RSA", "EC"), List.copyOf(rotating.keyPairIds()));
    }

    @Test
    void aGallerySignatureIsReusedForEveryUrlItCovers() {
        SignedPolicy gallery = signer.signPolicy(Policy.custom("https://cdn.example.com/renditions/g/*",
                NOW.plus(Duration.ofHours(2))));
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            urls.add(gallery.appendTo("https://cdn.example.com/renditions/g/p" + i + "_small.jpg?v=" + (i % 7)));
        }
        for (String url : urls) {
            assertTrue(url.endsWith(gallery.queryString()));
        }
        assertTrue(CLOUDFRONT.checkUrl(urls.get(0), NOW, "192.0.2.1").allowed());
        assertTrue(CLOUDFRONT.checkUrl(urls.get(999), NOW, "192.0.2.1").allowed());
        GalerlyException outside = assertThrows(GalerlyException.class,
                () -> gallery.appendTo("https://cdn.example.com/renditions/other/p_small.jpg"));
        assertTrue(outside.getMessage().contains("not covered"), outside.getMessage());
        assertFalse(gallery.toString().contains(gallery.signature()), "the signature is a credential");
    }

    @Test
    void signedCookiesComeWithReadySetCookieHeaders() {
        SignedCookies cookies = signer.cookies(Policy.custom("https://cdn.example.com/renditions/g/*",
                Instant.parse("2026-11-02T18:05:09Z")));
        List<String> headers = cookies.setCookieHeaders(CookieAttributes.builder().domain("example.com")
                .path("/renditions/g/").build());
        assertEquals(3, headers.size());
        String attributes = "; Domain=example.com; Path=/renditions/g/; Expires=Mon, 02 Nov 2026 18:05:09 GMT; "
                + "Max-Age=28179; Secure; HttpOnly; SameSite=Lax";
        assertEquals("CloudFront-Policy=" + cookies.values().get("CloudFront-Policy") + attributes, headers.get(0));
        assertEquals("CloudFront-Signature=" + cookies.values().get("CloudFront-Signature") + attributes, headers.get(1));
        assertEquals("CloudFront-Key-Pair-Id=RSA" + attributes, headers.get(2));

        List<String> session = cookies.setCookieHeaders(CookieAttributes.of(a -> a.persistent(false).httpOnly(false)
                .sameSite(CookieAttributes.SameSite.STRICT)));
        assertEquals("CloudFront-Key-Pair-Id=RSA; Path=/; Secure; SameSite=Strict", session.get(2));
        assertTrue(cookies.cookieHeader().startsWith("CloudFront-Policy="));
        assertFalse(cookies.toString().contains(cookies.values().get("CloudFront-Signature")));
    }

    @Test
    void cookieAttributesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> CookieAttributes.of(a -> a.domain("exa mple.com")));
        assertThrows(IllegalArgumentException.class, () -> CookieAttributes.of(a -> a.path("renditions/")));
        assertThrows(IllegalArgumentException.class, () -> CookieAttributes.of(a -> a.path("/a;b")));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> CookieAttributes.of(a -> a.secure(false).sameSite(CookieAttributes.SameSite.NONE)));
        assertTrue(none.getMessage().contains("secure"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://cdn.example.com/a.jpg|must start with https://",
            "https://cdn.example.com/a.jpg#top|fragment",
            "https://cdn.example.com/a b.jpg|space at 25",
            "https://cdn.example.com/caf\u00e9.jpg|must be percent-encoded",
            "https://cdn.example.com/a.jpg?Expires=1|signing parameter Expires",
            "https://cdn.example.com/a.jpg?x=1&Key-Pair-Id=K|signing parameter Key-Pair-Id",
            "https://cdn.example.com/a%2.jpg|malformed percent escape",
            "https:///a.jpg|no host",
            "https://cdn.example.com/*.jpg|wildcard"})
    void refusesUrlsCloudFrontCannotServeSigned(String row) {
        String[] parts = row.split("\\|");
        assertInvalid(() -> signer.sign(parts[0], NOW.plusSeconds(60)), parts[1]);
    }

    @Test
    void refusesExpiriesThatAreNotInTheFuture() {
        assertInvalid(() -> signer.sign(URL, NOW), "is not after the current time");
        assertInvalid(() -> signer.sign(URL, NOW.minusSeconds(1)), "is not after the current time");
        assertInvalid(() -> signer.cookies(Policy.custom("https://cdn.example.com/*", NOW.minusSeconds(5))),
                "is not after the current time");
        assertInvalid(() -> Policy.canned(URL, Instant.EPOCH), "after 1970");
    }

    @Test
    void refusesANotBeforeThatIsNotBeforeTheExpiry() {
        assertInvalid(() -> CustomPolicy.builder().resource(URL).expiresAt(NOW.plusSeconds(60))
                .notBefore(NOW.plusSeconds(60)).build(), "notBefore");
        assertInvalid(() -> CustomPolicy.builder().resource(URL).expiresAt(NOW.plusSeconds(60))
                .notBefore(NOW.plusSeconds(3600)).build(), "must be before expiresAt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "256.1.1.1/8", "10.0.0/8", "10.0.0.0/", "10.0.0.0/08", "example.com",
            "2001:db8::/129", "2001:db8:::1/64", "::g/64", " 10.0.0.0/8", "10.0.0.1/-1"})
    void refusesBadCidrRanges(String cidr) {
        assertInvalid(() -> CustomPolicy.builder().sourceIp(cidr), "sourceIp");
    }

    @Test
    void acceptsCidrRangesAndBareAddresses() {
        assertEquals("203.0.113.0/24", sourceIp("203.0.113.0/24"));
        assertEquals("203.0.113.7/32", sourceIp("203.0.113.7"));
        assertEquals("2001:db8::/32", sourceIp("2001:db8::/32"));
        assertEquals("2001:db8::1/128", sourceIp("2001:db8::1"));
        assertEquals("0.0.0.0/0", sourceIp("0.0.0.0/0"));
    }

    @Test
    void refusesBadPolicyResources() {
        assertInvalid(() -> Policy.custom("ftp://cdn.example.com/*", NOW.plusSeconds(60)), "must start with https://");
        assertInvalid(() -> Policy.custom("https://cdn.example.com/a\"b", NOW.plusSeconds(60)), "percent-encoded");
        assertInvalid(() -> Policy.custom("https://cdn.example.com/a#b", NOW.plusSeconds(60)), "fragment");
        assertEquals("http*://cdn.example.com/*", Policy.custom("http*://cdn.example.com/*", NOW.plusSeconds(60))
                .resource());
    }

    @Test
    void aCannedPolicyMustNameTheUrlItSigns() {
        SignedPolicy canned = signer.signPolicy(Policy.canned(URL, NOW.plusSeconds(60)));
        assertInvalid(() -> canned.appendTo(URL + "?v=2"), "not covered");
        assertEquals(URL + "?" + canned.queryString(), canned.appendTo(URL));
    }

    @Test
    void builderSettingsAreValidatedWhenSet() {
        SigningKey key = SigningKey.of(TestKeys.RSA_2048.getPrivate());
        assertThrows(IllegalArgumentException.class, () -> CloudFrontSigner.builder().build());
        assertThrows(IllegalArgumentException.class, () -> CloudFrontSigner.builder().keyPair("K 1", key));
        assertThrows(IllegalArgumentException.class, () -> CloudFrontSigner.builder().keyPair("K1", key).keyPair("K1", key));
        assertThrows(IllegalArgumentException.class, () -> CloudFrontSigner.builder().expiryRounding(Duration.ofMillis(1500)));
        assertThrows(IllegalArgumentException.class, () -> CloudFrontSigner.builder().expiryRounding(Duration.ofDays(2)));
        IllegalArgumentException pin = assertThrows(IllegalArgumentException.class,
                () -> CloudFrontSigner.builder().keyPair("K1", key).activeKeyPair("K2").build());
        assertTrue(pin.getMessage().contains("K2"), pin.getMessage());
        GalerlyException none = assertThrows(GalerlyException.class, () -> CloudFrontSigner.builder()
                .keyPair("K1", key, NOW.plusSeconds(10)).clock(clock).build().sign(URL, NOW.plusSeconds(60)));
        assertEquals(ErrorCode.CONFIGURATION, none.code());
    }

    @Test
    void signsConcurrentlyWithoutMixingUpResults() throws Exception {
        CloudFrontSigner both = CloudFrontSigner.builder().keyPair("EC", SigningKey.of(TestKeys.EC_P256.getPrivate()))
                .hashAlgorithm(HashAlgorithm.SHA256).clock(clock).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String url = URL + "?n=" + i;
                results.add(pool.submit(() -> both.sign(url, NOW.plusSeconds(600))));
            }
            for (int i = 0; i < results.size(); i++) {
                String signed = results.get(i).get();
                assertTrue(signed.startsWith(URL + "?n=" + i + "&"), signed);
                assertTrue(CLOUDFRONT.checkUrl(signed, NOW, "192.0.2.1").allowed(), signed);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String sourceIp(String cidr) {
        return CustomPolicy.builder().resource(URL).expiresAt(NOW.plusSeconds(60)).sourceIp(cidr).build().sourceIp()
                .orElseThrow();
    }

    private static void assertInvalid(Executable executable, String expected) {
        GalerlyException e = assertThrows(GalerlyException.class, executable);
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        void advance(Duration duration) {
            now.updateAndGet(t -> t.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
