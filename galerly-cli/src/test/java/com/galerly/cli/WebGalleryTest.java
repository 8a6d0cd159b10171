/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.cli.demo.WebGallery;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * {@code galerly demo --serve} without a browser (DemoServeBrowserTest drives Chromium): the options, the page's
 * signed cookies, the storage server's CORS rule for the page's origin only, and cross-origin writes refused.
 */
class WebGalleryTest {
    private static int run(String... args) {
        return GalerlyCli.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serveOptionsAreCheckedBeforeAnythingStarts() {
        assertEquals(2, run("demo", "--port", "9000"), "--port needs --serve");
        assertEquals(2, run("demo", "--serve", "--chaos"));
        assertEquals(2, run("demo", "--serve", "--port", "70000"));
    }

    @Test
    void thePageGetsHttpOnlySignedCookiesAndTheStorageServerAllowsItsOriginOnly() throws Exception {
        try (WebGallery web = WebGallery.start(0, line -> { })) {
            String origin = web.pageUrl().substring(0, web.pageUrl().length() - 1);
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(web.pageUrl())));
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<input type=\"file\""));
            List<String> cookies = page.headers().allValues("set-cookie");
            assertEquals(List.of("CloudFront-Policy", "CloudFront-Signature", "CloudFront-Key-Pair-Id"),
                    cookies.stream().map(c -> c.substring(0, c.indexOf('='))).toList());
            for (String cookie : cookies) {
                assertTrue(cookie.contains("; Path=/renditions/demo/") && cookie.contains("; HttpOnly")
                        && cookie.contains("; SameSite=Lax"), cookie);
            }

            HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(web.pageUrl() + "api/uploads"))
                    .header("Origin", origin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"fileName\":\"a.jpg\",\"contentType\":\"image/jpeg\"}")));
            assertEquals(201, form.statusCode(), form.body());
            String storage = JsonNode.parser().parse(form.body()).field("url").orElseThrow().text();
            assertTrue(JsonNode.parser().parse(form.body()).field("fields").orElseThrow().field("policy").isPresent());

            // the browser's preflight before the POST upload: allowed for the page's origin, ETag exposed
            HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(storage))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin).header("Access-Control-Request-Method", "POST"));
            assertEquals(200, preflight.statusCode());
            assertEquals(Optional.of(origin), preflight.headers().firstValue("access-control-allow-origin"));
            assertEquals(Optional.of("ETag"), preflight.headers().firstValue("access-control-expose-headers"));
            HttpResponse<String> foreign = send(HttpRequest.newBuilder(URI.create(storage))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST"));
            assertEquals(Optional.empty(), foreign.headers().firstValue("access-control-allow-origin"));

            // another site cannot make the app presign or delete
            HttpResponse<String> crossSite = send(HttpRequest.newBuilder(URI.create(web.pageUrl() + "api/uploads"))
                    .header("Origin", "http://evil.example").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"contentType\":\"image/jpeg\"}")));
            assertEquals(403, crossSite.statusCode());
        }
    }
}
