/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.cloudfront;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in of CloudFront's {@code CreateInvalidation} (REST-XML, API version 2020-05-31) that answers as
 * the service documents: 201 with the invalidation, the earlier invalidation again for a repeated caller reference
 * with the same paths, 409 {@code InvalidationBatchAlreadyExists} for other paths, 404 {@code NoSuchDistribution}
 * for another distribution; and 400 {@code TooManyInvalidationsInProgress} when told to. It checks that the
 * request's {@code Quantity} matches its paths.
 */
final class CloudFrontApiStub implements AutoCloseable {
    private static final String NS = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private static final Pattern PATH = Pattern.compile("<Path>(.*?)</Path>");

    private final HttpServer server;
    private final String distributionId;
    private final Map<String, Created> byReference = new LinkedHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger tooMany = new AtomicInteger();
    private final List<String> problems = new ArrayList<>();

    CloudFrontApiStub(String distributionId) throws IOException {
        this.distributionId = distributionId;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** CreateInvalidation requests received. */
    int requests() {
        return requests.get();
    }

    /** The next {@code n} requests are answered TooManyInvalidationsInProgress. */
    void tooManyInProgress(int n) {
        tooMany.set(n);
    }

    /** Anything malformed seen in requests (empty when the client spoke the API correctly). */
    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        if (!"POST".equals(exchange.getRequestMethod()) || !path.matches("/2020-05-31/distribution/[^/]+/invalidation")) {
            problems.add(exchange.getRequestMethod() + " " + path);
            error(exchange, 400, "InvalidArgument", "unexpected request");
            return;
        }
        requests.incrementAndGet();
        if (!path.equals("/2020-05-31/distribution/" + distributionId + "/invalidation")) {
            error(exchange, 404, "NoSuchDistribution", "The specified distribution does not exist.");
            return;
        }
        if (tooMany.get() > 0) {
            tooMany.decrementAndGet();
            error(exchange, 400, "TooManyInvalidationsInProgress", "Processing your request would cause the maximum "
                    + "number of in-progress wildcard invalidations to be exceeded.");
            return;
        }
        String reference = one(body, "CallerReference");
        List<String> paths = new ArrayList<>();
        for (Matcher m = PATH.matcher(body); m.find(); ) {
            paths.add(m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"));
        }
        if (reference == null || !String.valueOf(paths.size()).equals(one(body, "Quantity"))) {
            problems.add("malformed batch: " + body);
            error(exchange, 400, "MalformedInput", "quantity does not match");
            return;
        }
        Created existing = byReference.get(reference);
        if (existing != null && !existing.paths.equals(paths)) {
            error(exchange, 409, "InvalidationBatchAlreadyExists", "Invalidation batch specified already exists.");
            return;
        }
        if (existing == null) {
            existing = new Created(String.format("I%013d", byReference.size() + 1), paths);
            byReference.put(reference, existing);
        }
        StringBuilder items = new StringBuilder();
        existing.paths.forEach(p -> items.append("<Path>").append(p).append("</Path>"));
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Invalidation xmlns=\"" + NS + "\"><Id>" + existing.id
                + "</Id><Status>InProgress</Status><CreateTime>2026-12-03T08:00:00.000Z</CreateTime><InvalidationBatch>"
                + "<Paths><Quantity>" + existing.paths.size() + "</Quantity><Items>" + items + "</Items></Paths>"
                + "<CallerReference>" + reference + "</CallerReference></InvalidationBatch></Invalidation>";
        exchange.getResponseHeaders().add("Location", "https://cloudfront.amazonaws.com/2020-05-31/distribution/"
                + distributionId + "/invalidation/" + existing.id);
        send(exchange, 201, xml);
    }

    private static String one(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">(.*?)</" + element + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(exchange, status, "<?xml version=\"1.0\"?><ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + message + "</Message></Error><RequestId>stub-1</RequestId></ErrorResponse>");
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.getResponseHeaders().add("x-amz-request-id", "stub-1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record Created(String id, List<String> paths) {
    }
}
