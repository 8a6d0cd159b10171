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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <p>Two options make it closer to a real distribution:
 * <ul>
 *   <li>{@link Builder#domain(String)}: viewers' URLs name the distribution's host (say
 *       {@code d111111abcdef8.cloudfront.net}) and their signatures cover {@code https://{domain}/...}; the request
 *       is sent to {@link #baseUrl()} instead ({@link #viewerToLocal(String)}, what DNS and TLS do for the real
 *       one) and checked as CloudFront sees it, against {@code https://{domain}/{path}}.</li>
 *   <li>{@link Builder#cache(boolean)}: an edge cache like the managed CachingOptimized policy's: the cache key is
 *       the path alone (no query string, no cookie, no header), a 200 answer is kept for its
 *       {@code Cache-Control} max-age (default one day, at most a year) and served again without asking the
 *       origin ({@code X-Cache: Hit}); signatures are still checked on every request, hit or miss. A replaced
 *       object under the same key is therefore served stale until it expires or is {@link #invalidate invalidated},
 *       exactly what makes path-versioned (fingerprinted) rendition keys necessary. Errors are not cached.</li>
 * </ul>
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
    private final String domain;
    private final boolean caching;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
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

    /** One cached answer: its bytes and headers, until {@code expires}. */
    private record Cached(byte[] body, String contentType, String cacheControl, String eTag, Instant stored,
                          Instant expires) {
    }

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-maxage|max-age)=(\\d+)");
    private static final Duration DEFAULT_TTL = Duration.ofDays(1);
    private static final Duration MAX_TTL = Duration.ofDays(365);

    private LocalCloudFront(Builder b) throws IOException {
        this.blobs = b.blobs;
        this.verifier = new CloudFrontEmulator(b.publicKeys);
        this.servedPrefixes = List.copyOf(b.servedPrefixes);
        this.domain = b.domain;
        this.caching = b.caching;
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

    /**
     * The URL a viewer's {@code https://{domain}/...} URL is sent to here (query string kept); other URLs are
     * returned unchanged.
     */
    public String viewerToLocal(String viewerUrl) {
        String viewerBase = domain == null ? null : "https://" + domain + "/";
        return viewerBase != null && viewerUrl.startsWith(viewerBase)
                ? baseUrl() + viewerUrl.substring(viewerBase.length()) : viewerUrl;
    }

    /**
     * Drops cached answers, as a CloudFront invalidation does: each path starts with {@code /} and may end with
     * {@code *}, matching every cached path it prefixes. Returns how many cached answers were dropped.
     */
    public int invalidate(Collection<String> paths) {
        int dropped = 0;
        for (String path : paths) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("an invalidation path starts with '/', was " + path);
            }
            boolean wildcard = path.endsWith("*");
            String stem = wildcard ? path.substring(0, path.length() - 1) : path;
            for (String cached : List.copyOf(cache.keySet())) {
                if ((wildcard ? cached.startsWith(stem) : cached.equals(stem)) && cache.remove(cached) != null) {
                    dropped++;
                }
            }
        }
        return dropped;
    }

    /** How many answers the edge cache holds now (0 without {@link Builder#cache(boolean)}). */
    public int cached() {
        return cache.size();
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
            String requestUrl = (domain == null ? baseUrl() : "https://" + domain + "/") + path.substring(1);
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
            if (caching) {
                serveCached(exchange, path, key);
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

    /** The edge cache: the path is the key (CachingOptimized: no query string, cookie or header in it). */
    private void serveCached(HttpExchange exchange, String path, String key) throws IOException {
        Instant now = clock.instant();
        Cached hit = cache.get(path);
        boolean fresh = hit != null && now.isBefore(hit.expires());
        if (!fresh) {
            try (BlobContent content = blobs.get(key)) {
                byte[] body = content.stream().readAllBytes();
                String cacheControl = content.metadata().cacheControl();
                hit = new Cached(body, Objects.requireNonNullElse(content.metadata().contentType(),
                        "application/octet-stream"), cacheControl, content.metadata().eTag(), now, now.plus(ttl(cacheControl)));
                cache.put(path, hit);
            } catch (GalerlyException e) {
                cache.remove(path);
                answer(exchange, path, e.code() == com.galerly.core.ErrorCode.NOT_FOUND ? 404 : 502, e.getMessage());
                return;
            }
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", hit.contentType());
        if (hit.cacheControl() != null) {
            headers.set("Cache-Control", hit.cacheControl());
        }
        if (hit.eTag() != null) {
            headers.set("ETag", "\"" + hit.eTag() + "\"");
        }
        headers.set("X-Cache", (fresh ? "Hit" : "Miss") + " from local-cloudfront");
        headers.set("Age", Long.toString(Duration.between(hit.stored(), now).toSeconds()));
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : hit.body().length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(hit.body());
            }
        }
        log.add(new Served(path, 200, fresh ? "ok (cache hit)" : "ok"));
    }

    /** The TTL of a cached answer: its max-age (s-maxage first), else a day; at most a year. */
    private static Duration ttl(String cacheControl) {
        if (cacheControl == null) {
            return DEFAULT_TTL;
        }
        Matcher m = MAX_AGE.matcher(cacheControl.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return DEFAULT_TTL;
        }
        Duration ttl = Duration.ofSeconds(Long.parseLong(m.group(1)));
        return ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl;
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
        private String domain;
        private boolean caching;

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

        /**
         * The host viewers' URLs name, e.g. the distribution's {@code d111111abcdef8.cloudfront.net}: signatures are
         * then checked against {@code https://{domain}/{path}}, as CloudFront sees the request (default: none, the
         * request is checked against {@link LocalCloudFront#baseUrl()} itself).
         */
        public Builder domain(String domain) {
            if (domain == null || !domain.matches("[A-Za-z0-9.-]{1,253}")) {
                throw new IllegalArgumentException("domain must be a host name such as d111111abcdef8.cloudfront.net, was "
                        + domain);
            }
            this.domain = domain.toLowerCase(Locale.ROOT);
            return this;
        }

        /** Whether to keep an edge cache keyed by path, as CachingOptimized does (default: off, every GET reads). */
        public Builder cache(boolean caching) {
            this.caching = caching;
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
