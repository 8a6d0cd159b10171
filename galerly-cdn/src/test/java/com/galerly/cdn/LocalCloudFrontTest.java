/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.storage.PutOptions;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.TestClock;
import com.galerly.testkit.cdn.LocalCloudFront;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The test kit's CloudFront stand-in, fed by this module's signer: it serves what CloudFront would serve (a valid
 * signed URL or signed cookies, a key under the origin's granted prefix) and refuses the rest with 403.
 */
class LocalCloudFrontTest {
    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);

    private static HttpResponse<byte[]> get(String url, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesSignedRequestsForGrantedKeysOnly() throws Exception {
        blobs.put("renditions/g/p_small.jpg", "jpeg bytes".getBytes(StandardCharsets.UTF_8), PutOptions.builder()
                .contentType("image/jpeg").cacheControl("public, max-age=31536000, immutable").build());
        blobs.put("originals/g/p.jpg", "original".getBytes(StandardCharsets.UTF_8), PutOptions.of("image/jpeg"));
        CloudFrontSigner signer = CloudFrontSigner.builder().keyPair("EC", SigningKey.of(TestKeys.EC_P256.getPrivate()))
                .clock(clock).build();
        try (LocalCloudFront cdn = LocalCloudFront.builder().blobs(blobs).publicKey("EC", TestKeys.EC_P256.getPublic())
                .clock(clock).start()) {
            String rendition = cdn.baseUrl() + "renditions/g/p_small.jpg";
            assertEquals(403, get(rendition, null).statusCode(), "unsigned");

            String cookies = cookies(signer, "http*://127.0.0.1:" + cdn.port() + "/renditions/g/*");
            HttpResponse<byte[]> served = get(rendition, cookies);
            assertEquals(200, served.statusCode(), "signed cookies with a wildcard custom policy");
            assertEquals("jpeg bytes", new String(served.body(), StandardCharsets.UTF_8));
            assertEquals("image/jpeg", served.headers().firstValue("content-type").orElseThrow());
            assertEquals("public, max-age=31536000, immutable", served.headers().firstValue("cache-control").orElseThrow());
            assertEquals(404, get(cdn.baseUrl() + "renditions/g/missing.jpg", cookies).statusCode());
            assertEquals(403, get(cdn.baseUrl() + "renditions/other/p_small.jpg", cookies).statusCode(),
                    "outside the policy's resource");
            assertEquals(403, get(rendition, cookies.replaceAll("CloudFront-Signature=[^;]+", "CloudFront-Signature=AAAA"))
                    .statusCode(), "a forged signature");

            // the origin grants renditions/ only: an original is refused even with a valid signature covering it
            String everything = cookies(signer, "http*://127.0.0.1:" + cdn.port() + "/*");
            assertEquals(200, get(rendition, everything).statusCode());
            assertEquals(403, get(cdn.baseUrl() + "originals/g/p.jpg", everything).statusCode());
            assertTrue(cdn.served().stream().anyMatch(s -> s.status() == 403 && s.reason().startsWith("AccessDenied")));

            clock.advance(Duration.ofMinutes(6));
            assertEquals(403, get(rendition, cookies).statusCode(), "expired");
            assertTrue(cdn.served().stream().anyMatch(s -> s.status() == 403 && s.reason().equals("expired")));
        }
        assertThrows(IllegalStateException.class, () -> LocalCloudFront.builder().blobs(blobs).start());
    }

    /**
     * With the edge cache on, the stand-in behaves as CloudFront with CachingOptimized: the path is the cache key,
     * so an object replaced under the same key is served stale until its max-age ends or it is invalidated; the
     * signature is checked on hits too. Viewer URLs name the distribution's domain.
     */
    @Test
    void theEdgeCacheKeysOnThePathAloneAndServesAReplacedObjectStale() throws Exception {
        String key = "renditions/g/p_small.jpg";
        blobs.put(key, "old".getBytes(StandardCharsets.UTF_8), PutOptions.builder().contentType("image/jpeg")
                .cacheControl("public, max-age=600").build());
        CloudFrontSigner signer = CloudFrontSigner.builder().keyPair("EC", SigningKey.of(TestKeys.EC_P256.getPrivate()))
                .clock(clock).build();
        try (LocalCloudFront cdn = LocalCloudFront.builder().blobs(blobs).publicKey("EC", TestKeys.EC_P256.getPublic())
                .domain("d111111abcdef8.cloudfront.net").cache(true).clock(clock).start()) {
            String viewer = signer.sign("https://d111111abcdef8.cloudfront.net/" + key, Duration.ofMinutes(30));
            String local = cdn.viewerToLocal(viewer);
            assertTrue(local.startsWith(cdn.baseUrl() + key + "?"), local);

            HttpResponse<byte[]> first = get(local, null);
            assertEquals(200, first.statusCode(), "signed for the distribution's domain, checked as CloudFront sees it");
            assertEquals("Miss from local-cloudfront", first.headers().firstValue("x-cache").orElseThrow());

            blobs.put(key, "new".getBytes(StandardCharsets.UTF_8), PutOptions.of("image/jpeg"));
            String resigned = cdn.viewerToLocal(signer.sign("https://d111111abcdef8.cloudfront.net/" + key,
                    Duration.ofMinutes(20)));
            HttpResponse<byte[]> stale = get(resigned, null);
            assertEquals("Hit from local-cloudfront", stale.headers().firstValue("x-cache").orElseThrow(),
                    "another query string, same path: the same cache entry");
            assertEquals("old", new String(stale.body(), StandardCharsets.UTF_8), "served stale, as CloudFront would");
            assertEquals(403, get(cdn.baseUrl() + key, null).statusCode(), "a hit still needs a signature");

            assertEquals(1, cdn.invalidate(List.of("/renditions/g/*")));
            assertEquals("new", new String(get(resigned, null).body(), StandardCharsets.UTF_8), "fresh after invalidation");

            blobs.put(key, "newer".getBytes(StandardCharsets.UTF_8), PutOptions.builder().contentType("image/jpeg")
                    .cacheControl("max-age=60").build());
            clock.advance(Duration.ofDays(2));                      // past the default TTL of the cached answer
            HttpResponse<byte[]> expired = get(cdn.viewerToLocal(signer.sign("https://d111111abcdef8.cloudfront.net/"
                    + key, Duration.ofMinutes(5))), null);
            assertEquals("newer", new String(expired.body(), StandardCharsets.UTF_8));
            assertEquals("Miss from local-cloudfront", expired.headers().firstValue("x-cache").orElseThrow());
            assertEquals(1, cdn.cached());
        }
    }

    private String cookies(CloudFrontSigner signer, String resource) {
        return signer.cookies(CustomPolicy.of(p -> p.resource(resource).expiresAt(clock.instant().plus(Duration.ofMinutes(5)))))
                .values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }
}
