/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.cdn;

import com.galerly.core.GalerlyException;
import com.galerly.core.storage.BlobContent;
import com.galerly.core.storage.BlobStore;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for a private CloudFront distribution in front of a bucket: an HTTP server on loopback that
 * serves objects of a {@link BlobStore} only to requests CloudFront would serve. Like a distribution whose cache
 * behaviour trusts a key group, it answers 403 to a request carrying neither a valid signed URL nor valid signed
 * cookies (checked by {@link CloudFrontEmulator} with the public keys only); like a bucket policy granting the
 * origin access control {@code renditions/*} alone, it answers 403 for keys outside the served prefixes, signed
 * or not. Served objects carry their stored {@code Content-Type} and {@code Cache-Control}.
 *
 * <pre>{@code
 * try (LocalCloudFront cdn = LocalCloudFront.builder().blobs(blobStore).publicKey("KDEMO", keyPair.getPublic())
 *         .servedPrefix("renditions/").start()) {
 *     String base = cdn.baseUrl();                // http://127.0.0.1:PORT/
 *     // GET base + "renditions/g/p_small.jpg"   -> 403 without signature, 200 with signed cookies
 * }
 * }</pre>
 */
public final class LocalCloudFront implements AutoCloseable {
    private final BlobStore blobs;
    private final CloudFrontEmulator verifier;
    private final List<String> servedPrefixes;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Served> log = Collections.synchronizedList(new ArrayList<>());

    /**
     * One request as the stand-in answered it.
     *
     * @param path   the request path
     * @param status the HTTP status
     * @param reason {@code ok}, or why it was refused
     */
    public record Served(String path, int status, String reason) {
    }

    private LocalCloudFront(Builder b) throws IOException {
        this.blobs = b.blobs;
        this.verifier = new CloudFrontEmulator(b.publicKeys);
        this.servedPrefixes = List.copyOf(b.servedPrefixes);
        this.clock = b.clock;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", b.port), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "local-cloudfront");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT/}: object keys are appended to it, as to a distribution's domain. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request answered so far, in order. */
    public List<Served> served() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                answer(exchange, path, 405, "method not allowed");
                return;
            }
            String requestUrl = baseUrl() + path.substring(1);
            String query = uri.getRawQuery();
            CloudFrontEmulator.Decision decision;
            String client = exchange.getRemoteAddress().getAddress().getHostAddress();
            if (query != null && query.contains("Signature=")) {
                decision = verifier.checkUrl(requestUrl + "?" + query, clock.instant(), client);
            } else {
                Map<String, String> cookies = cookies(exchange.getRequestHeaders().get("Cookie"));
                decision = cookies.keySet().stream().anyMatch(n -> n.startsWith("CloudFront-"))
                        ? verifier.checkCookies(requestUrl + (query == null ? "" : "?" + query), cookies, clock.instant(), client)
                        : CloudFrontEmulator.Decision.deny("MissingKey: no signed URL and no signed cookies");
            }
            if (!decision.allowed()) {
                answer(exchange, path, 403, decision.reason());
                return;
            }
            String key = URLDecoder.decode(path.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            if (servedPrefixes.stream().noneMatch(key::startsWith)) {
                answer(exchange, path, 403, "AccessDenied: the origin grants " + servedPrefixes + " only");
                return;
            }
            try (BlobContent content = blobs.get(key)) {
                var headers = exchange.getResponseHeaders();
                headers.set("Content-Type", Objects.requireNonNullElse(content.metadata().contentType(),
                        "application/octet-stream"));
                if (content.metadata().cacheControl() != null) {
                    headers.set("Cache-Control", content.metadata().cacheControl());
                }
                if (content.metadata().eTag() != null) {
                    headers.set("ETag", "\"" + content.metadata().eTag() + "\"");
                }
                headers.set("X-Cache", "Miss from local-cloudfront");
                boolean head = exchange.getRequestMethod().equals("HEAD");
                exchange.sendResponseHeaders(200, head ? -1 : content.metadata().size());
                if (!head) {
                    try (InputStream in = content.stream(); OutputStream out = exchange.getResponseBody()) {
                        in.transferTo(out);
                    }
                }
                log.add(new Served(path, 200, "ok"));
            } catch (GalerlyException e) {
                answer(exchange, path, e.code() == com.galerly.core.ErrorCode.NOT_FOUND ? 404 : 502, e.getMessage());
            }
        }
    }

    private void answer(HttpExchange exchange, String path, int status, String reason) throws IOException {
        log.add(new Served(path, status, reason));
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + (status == 403 ? "AccessDenied"
                : status == 404 ? "NoSuchKey" : "Error") + "</Code><Message>" + escape(reason) + "</Message></Error>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
        if (!exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Map<String, String> cookies(List<String> headers) {
        Map<String, String> cookies = new LinkedHashMap<>();
        if (headers != null) {
            for (String header : headers) {
                for (String pair : header.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                    }
                }
            }
        }
        return cookies;
    }

    /** Settings of a {@link LocalCloudFront}. */
    public static final class Builder {
        private BlobStore blobs;
        private final Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
        private final List<String> servedPrefixes = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private int port;

        private Builder() {
        }

        /** The origin: where objects are read. */
        public Builder blobs(BlobStore blobs) {
            this.blobs = Objects.requireNonNull(blobs, "blobs");
            return this;
        }

        /** A trusted key (one entry of the distribution's key group). */
        public Builder publicKey(String keyPairId, PublicKey key) {
            if (keyPairId == null || keyPairId.isBlank()) {
                throw new IllegalArgumentException("keyPairId must not be blank");
            }
            publicKeys.put(keyPairId, Objects.requireNonNull(key, "key"));
            return this;
        }

        /** A key prefix the origin lets the distribution read (default: {@code renditions/}). */
        public Builder servedPrefix(String prefix) {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("servedPrefix must not be empty");
            }
            servedPrefixes.add(prefix);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The loopback port, 0 (the default) for any free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Starts the server. */
        public LocalCloudFront start() throws IOException {
            if (blobs == null) {
                throw new IllegalStateException("blobs is required");
            }
            if (publicKeys.isEmpty()) {
                throw new IllegalStateException("at least one publicKey is required (a distribution trusts a key group)");
            }
            if (servedPrefixes.isEmpty()) {
                servedPrefixes.add("renditions/");
            }
            LocalCloudFront cdn = new LocalCloudFront(this);
            cdn.server.start();
            return cdn;
        }
    }
}
