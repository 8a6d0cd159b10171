/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.gallery.GalleryService;
import com.galerly.testkit.HmacUrlSigner;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.InMemoryUploadService;
import com.galerly.testkit.TestClock;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@link SecretCache} and {@link SecretBoundGallery} against a fake Secrets Manager endpoint speaking the real
 * wire protocol (JSON 1.1, {@code X-Amz-Target: secretsmanager.GetSecretValue}) through the AWS SDK's client.
 */
class SecretCacheTest {
    private static final String KEY_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:galerly/cf-key-AbCdEf";
    private static final String TOKEN_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:galerly/page-token-GhIjKl";

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final AtomicInteger failWith = new AtomicInteger();
    private final TestClock clock = TestClock.standard();
    private HttpServer server;
    private SecretsManagerClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = body.replaceAll("(?s).*\"SecretId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            requested.add(target + " " + id);
            int status;
            String answer;
            if (failWith.get() != 0) {
                status = failWith.get();
                answer = "{\"__type\":\"" + (status == 400 ? "AccessDeniedException" : "InternalServiceError")
                        + "\",\"message\":\"injected\"}";
            } else if (!values.containsKey(id)) {
                status = 400;
                answer = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}";
            } else {
                status = 200;
                answer = "{\"ARN\":\"" + id + "\",\"Name\":\"n\",\"SecretString\":\"" + values.get(id).replace("\n", "\\n")
                        + "\",\"VersionId\":\"v1\",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.7647488E9}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        client = SecretsManagerClient.builder().region(Region.EU_WEST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void fetchesOncePerTtlThenRefreshes() {
        values.put(KEY_ARN, "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----");
        SecretCache cache = new SecretCache(client, Duration.ofMinutes(15), clock);
        assertEquals(values.get(KEY_ARN), cache.get(KEY_ARN));
        clock.advance(Duration.ofMinutes(14));
        assertEquals(values.get(KEY_ARN), cache.get(KEY_ARN));
        assertEquals(List.of("secretsmanager.GetSecretValue " + KEY_ARN), requested, "one call inside the TTL");

        values.put(KEY_ARN, "rotated");
        clock.advance(Duration.ofMinutes(2));
        assertEquals("rotated", cache.get(KEY_ARN));
        assertEquals(2, requested.size());
        cache.invalidate();
        cache.get(KEY_ARN);
        assertEquals(3, requested.size());
    }

    @Test
    void failuresAreTypedAndATransientOneServesTheLastGoodValue() {
        SecretCache cache = new SecretCache(client, Duration.ofMinutes(15), clock);
        GalerlyException missing = assertThrows(GalerlyException.class, () -> cache.get(KEY_ARN));
        assertEquals(ErrorCode.CONFIGURATION, missing.code());
        assertTrue(missing.getMessage().contains(KEY_ARN), missing.getMessage());

        failWith.set(400);
        GalerlyException denied = assertThrows(GalerlyException.class, () -> cache.get(TOKEN_ARN));
        assertEquals(ErrorCode.CONFIGURATION, denied.code());
        assertTrue(denied.getMessage().contains("AccessDeniedException"), denied.getMessage());

        failWith.set(500);
        GalerlyException down = assertThrows(GalerlyException.class, () -> cache.get(TOKEN_ARN));
        assertEquals(ErrorCode.IO_ERROR, down.code());
        assertTrue(down.retryable());

        failWith.set(0);
        values.put(TOKEN_ARN, "c2l4dGVlbiBieXRlcyBrZXkh");
        assertEquals("c2l4dGVlbiBieXRlcyBrZXkh", cache.get(TOKEN_ARN));
        clock.advance(Duration.ofHours(1));
        failWith.set(500);
        assertEquals("c2l4dGVlbiBieXRlcyBrZXkh", cache.get(TOKEN_ARN), "an outage does not take a warm function down");
        assertThrows(IllegalArgumentException.class, () -> new SecretCache(client, Duration.ZERO, clock));
    }

    @Test
    void theGalleryIsRebuiltOnlyWhenASecretChanges() {
        values.put(KEY_ARN, "pem-1");
        values.put(TOKEN_ARN, "c2l4dGVlbiBieXRlcyBrZXkh");
        AtomicInteger builds = new AtomicInteger();
        List<String> built = new CopyOnWriteArrayList<>();
        SecretBoundGallery gallery = new SecretBoundGallery(new SecretCache(client, Duration.ofMinutes(15), clock),
                KEY_ARN, TOKEN_ARN, (pem, tokenKey) -> {
                    builds.incrementAndGet();
                    built.add(pem + "/" + new String(tokenKey, StandardCharsets.UTF_8));
                    return service();
                });
        GalleryService first = gallery.get();
        assertSame(first, gallery.get());
        clock.advance(Duration.ofMinutes(20));
        assertSame(first, gallery.get(), "same values after the TTL: no rebuild");
        values.put(KEY_ARN, "pem-2");
        clock.advance(Duration.ofMinutes(20));
        GalleryService rotated = gallery.get();
        assertFalse(first == rotated);
        assertEquals(List.of("pem-1/sixteen bytes key!", "pem-2/sixteen bytes key!"), built);
        assertEquals(2, builds.get());
        assertEquals(6, requested.size(), "two secrets, fetched at start and after each TTL");

        values.put(TOKEN_ARN, "not base64 at all!");
        clock.advance(Duration.ofMinutes(20));
        assertEquals(ErrorCode.CONFIGURATION, assertThrows(GalerlyException.class, gallery::get).code());
    }

    private GalleryService service() {
        InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
        return GalleryService.builder().uploads(InMemoryUploadService.builder().blobs(blobs).clock(clock).build())
                .photos(new InMemoryPhotoRepository(clock)).blobs(blobs).urls(key -> "https://cdn.test/" + key)
                .signer(new HmacUrlSigner(clock)).access(new OwnerAccess()).clock(clock).build();
    }
}
