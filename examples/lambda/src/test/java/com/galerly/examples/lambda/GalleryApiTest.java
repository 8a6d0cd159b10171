/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static com.galerly.examples.lambda.ApiEvents.body;
import static com.galerly.examples.lambda.ApiEvents.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.galerly.core.ErrorCode;
import com.galerly.core.gallery.GalleryService;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.testkit.FakeImage;
import com.galerly.testkit.FakeImageProcessor;
import com.galerly.testkit.HmacUrlSigner;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.InMemoryUploadService;
import com.galerly.testkit.TestClock;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example API on the test kit's fakes: routes, JSON, access rules, error statuses. */
class GalleryApiTest {
    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
    private final InMemoryUploadService uploads = InMemoryUploadService.builder().blobs(blobs).clock(clock).build();
    private final HmacUrlSigner signer = new HmacUrlSigner(clock);
    private final GalleryApi api = new GalleryApi(GalleryService.builder().uploads(uploads).photos(photos).blobs(blobs)
            .urls(key -> "https://cdn.test/" + key).signer(signer).access(new OwnerAccess()).clock(clock).build());
    private final RenditionPipeline pipeline = RenditionPipeline.builder().processor(new FakeImageProcessor())
            .blobs(blobs).photos(photos).clock(clock).build();

    /** A minimal HTTP API 2.0 event: what the handler reads, nothing more. */
    private JsonNode call(String method, String path, String query, String body, String user) {
        String parameters = query.isEmpty() ? "null"
                : "{\"" + query.replace("=", "\":\"").replace("&", "\",\"") + "\"}";
        String event = """
                {"version":"2.0","rawPath":"%s","rawQueryString":"%s","queryStringParameters":%s,"body":%s,
                 "isBase64Encoded":false,"requestContext":{"http":{"method":"%s"}%s}}"""
                .formatted(path, query, parameters, body == null ? "null" : "\"" + body.replace("\"", "\\\"") + "\"",
                        method, user == null ? "" : ",\"authorizer\":{\"jwt\":{\"claims\":{\"sub\":\"" + user + "\"}}}");
        return ApiEvents.wire(api.handleRequest(ApiEvents.event(event), null));
    }

    @Test
    void uploadProcessListAndDelete() {
        byte[] image = FakeImage.of(3000, 2000).toBytes();
        JsonNode created = call("POST", "/galleries/alice/uploads", "",
                "{\"contentType\":\"image/jpeg\",\"fileName\":\"DSC_1.JPG\",\"contentLength\":" + image.length + "}",
                "alice");
        assertEquals(201, status(created));
        JsonNode ticket = body(created);
        Map<String, String> headers = new HashMap<>();
        ticket.get("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        BlobMetadata head = uploads.put(URI.create(ticket.get("url").asText()), headers, image);
        pipeline.handle(new ObjectCreated("b", head.key(), head.size(), head.eTag(), null, "01"));

        JsonNode listing = call("GET", "/galleries/alice/photos", "limit=10", null, "bob");
        assertEquals(200, status(listing));
        JsonNode photo = body(listing).get("photos").get(0);
        assertEquals("ACTIVE", photo.get("status").asText());
        assertEquals("DSC_1.JPG", photo.get("fileName").asText());
        String thumb = photo.get("urls").get("thumbnail").asText();
        assertTrue(signer.verify(thumb), thumb);
        assertTrue(body(listing).get("nextToken").isNull());

        String id = ticket.get("photoId").asText();
        assertEquals(403, status(call("DELETE", "/galleries/alice/photos/" + id, "", null, "bob")));
        assertEquals(204, status(call("DELETE", "/galleries/alice/photos/" + id, "", null, "alice")));
        assertEquals(404, status(call("GET", "/galleries/alice/photos/" + id, "", null, "alice")));
        assertTrue(blobs.keys().isEmpty());
    }

    @Test
    void errorsCarryStableCodesAndStatuses() {
        JsonNode anonymous = call("GET", "/galleries/alice/photos", "", null, null);
        assertEquals(401, status(anonymous));
        assertEquals("UNAUTHENTICATED", ApiEvents.errorCode(anonymous));
        JsonNode notOwner = call("POST", "/galleries/alice/uploads", "", "{\"contentType\":\"image/jpeg\"}", "bob");
        assertEquals(403, status(notOwner));
        assertEquals("UNAUTHORIZED", ApiEvents.errorCode(notOwner));
        assertEquals(400, status(call("POST", "/galleries/alice/uploads", "", "{\"contentType\":\"text/html\"}", "alice")));
        assertEquals(400, status(call("GET", "/galleries/alice/photos", "token=forged", null, "alice")));
        assertEquals(400, status(call("GET", "/galleries/..%2F/photos", "", null, "alice")));
        assertEquals(404, status(call("GET", "/nothing/here/at-all", "", null, "alice")));
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(GalleryApi.status(code) >= 400, code.name());
        }
    }
}
