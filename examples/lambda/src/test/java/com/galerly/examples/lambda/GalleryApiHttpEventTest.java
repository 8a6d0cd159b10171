/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static com.galerly.examples.lambda.ApiEvents.errorCode;
import static com.galerly.examples.lambda.ApiEvents.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.galerly.core.gallery.GalleryService;
import com.galerly.testkit.HmacUrlSigner;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.InMemoryUploadService;
import com.galerly.testkit.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The API as API Gateway (HTTP API, payload 2.0) calls it behind the JWT authorizer: the full event shape,
 * with the Cognito access token's claims under {@code requestContext.authorizer.jwt.claims}. Without claims
 * (a route deployed without the authorizer) 401; with another user's claims 403; with the owner's 2xx.
 */
class GalleryApiHttpEventTest {
    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final GalleryApi api = new GalleryApi(GalleryService.builder()
            .uploads(InMemoryUploadService.builder().blobs(blobs).clock(clock).build())
            .photos(new InMemoryPhotoRepository(clock)).blobs(blobs).urls(key -> "https://cdn.test/" + key)
            .signer(new HmacUrlSigner(clock)).access(new OwnerAccess()).clock(clock).build());

    private static String event(String method, String path, String query, String body, boolean base64, String sub)
            throws IOException {
        String template;
        try (InputStream in = GalleryApiHttpEventTest.class.getResourceAsStream("http-api-v2-jwt-event.json")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] segments = path.split("/", 4);
        String encodedBody = body == null ? null : base64
                ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body;
        String event = template.replace("${method}", method).replace("${path}", path).replace("${query}", query)
                .replace("${queryParameters}", query.isEmpty() ? "null"
                        : "{\"" + query.replace("=", "\":\"").replace("&", "\",\"") + "\"}")
                .replace("${gallery}", segments[2]).replace("${proxy}", segments[3])
                .replace("${contentLength}", Integer.toString(encodedBody == null ? 0 : encodedBody.length()))
                .replace("${body}", encodedBody == null ? "null" : quote(encodedBody))
                .replace("${base64}", Boolean.toString(base64));
        if (sub == null) {
            // as API Gateway sends it for a route without an authorizer: no authorizer context, no token checked
            event = event.replaceAll("(?s)\"authorizer\": \\{.*?\n    },\n", "");
            assertTrue(!event.contains("\"claims\""), "the authorizer block was removed");
            return event;
        }
        return event.replace("${sub}", sub);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Through the runtime's deserialiser, the typed handler and the runtime's serialiser, as Lambda runs it. */
    private JsonNode call(String event) {
        return ApiEvents.wire(api.handleRequest(ApiEvents.event(event), null));
    }

    @Test
    void withoutJwtClaimsEveryRouteAnswers401() throws IOException {
        for (String[] route : new String[][] {{"GET", "/galleries/alice/photos", ""},
                {"POST", "/galleries/alice/uploads", ""}, {"DELETE", "/galleries/alice/photos/01JF00000000000000000000AA", ""},
                {"GET", "/galleries/alice/photos/01JF00000000000000000000AA", ""}}) {
            JsonNode response = call(event(route[0], route[1], route[2],
                    route[0].equals("POST") ? "{\"contentType\":\"image/jpeg\"}" : null, false, null));
            assertEquals(401, status(response), route[0] + " " + route[1]);
            assertEquals("UNAUTHENTICATED", errorCode(response));
            assertEquals("Bearer", response.get("headers").get("www-authenticate").asText());
        }
    }

    @Test
    void anotherUsersTokenIsForbiddenTheOwnersIsServed() throws IOException {
        String upload = "{\"contentType\":\"image/jpeg\",\"fileName\":\"IMG_0001.JPG\",\"contentLength\":52000}";
        JsonNode forbidden = call(event("POST", "/galleries/alice/uploads", "", upload, false, "bob"));
        assertEquals(403, status(forbidden));
        assertEquals("UNAUTHORIZED", errorCode(forbidden));

        // API Gateway base64-encodes bodies it does not consider text; the handler reads both forms
        JsonNode created = call(event("POST", "/galleries/alice/uploads", "", upload, true, "alice"));
        assertEquals(201, status(created), created.toString());
        String photoId = ApiEvents.body(created).get("photoId").asText();

        JsonNode listing = call(event("GET", "/galleries/alice/photos", "limit=10", null, false, "bob"));
        assertEquals(200, status(listing));
        JsonNode photos = ApiEvents.body(listing).get("photos");
        assertEquals(photoId, photos.get(0).get("id").asText());

        assertEquals(403, status(call(event("DELETE", "/galleries/alice/photos/" + photoId, "", null, false, "bob"))));
        assertEquals(204, status(call(event("DELETE", "/galleries/alice/photos/" + photoId, "", null, false, "alice"))));
    }
}
