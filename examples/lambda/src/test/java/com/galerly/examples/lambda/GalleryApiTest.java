/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

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

    private JsonNode call(String method, String path, String query, String body, String user) {
        String event = """
                {"version":"2.0","rawPath":"%s","rawQueryString":"%s","body":%s,"isBase64Encoded":false,
                 "requestContext":{"http":{"method":"%s"}%s}}"""
                .formatted(path, query, body == null ? "null" : "\"" + body.replace("\"", "\\\"") + "\"", method,
                        user == null ? "" : ",\"authorizer\":{\"jwt\":{\"claims\":{\"sub\":\"" + user + "\"}}}");
        return JsonNode.parser().parse(new String(api.handle(event.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    private static int status(JsonNode response) {
        return Integer.parseInt(response.field("statusCode").orElseThrow().asNumber());
    }

    private static JsonNode body(JsonNode response) {
        return JsonNode.parser().parse(response.field("body").orElseThrow().text());
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
        ticket.field("headers").orElseThrow().asObject().forEach((n, v) -> headers.put(n, v.text()));
        BlobMetadata head = uploads.put(URI.create(ticket.field("url").orElseThrow().text()), headers, image);
        pipeline.handle(new ObjectCreated("b", head.key(), head.size(), head.eTag(), null, "01"));

        JsonNode listing = call("GET", "/galleries/alice/photos", "limit=10", null, "bob");
        assertEquals(200, status(listing));
        JsonNode photo = body(listing).field("photos").orElseThrow().asArray().get(0);
        assertEquals("ACTIVE", photo.field("status").orElseThrow().text());
        assertEquals("DSC_1.JPG", photo.field("fileName").orElseThrow().text());
        String thumb = photo.field("urls").orElseThrow().field("thumbnail").orElseThrow().text();
        assertTrue(signer.verify(thumb), thumb);
        assertTrue(body(listing).field("nextToken").orElseThrow().isNull());

        String id = ticket.field("photoId").orElseThrow().text();
        assertEquals(403, status(call("DELETE", "/galleries/alice/photos/" + id, "", null, "bob")));
        assertEquals(204, status(call("DELETE", "/galleries/alice/photos/" + id, "", null, "alice")));
        assertEquals(404, status(call("GET", "/galleries/alice/photos/" + id, "", null, "alice")));
        assertTrue(blobs.keys().isEmpty());
    }

    @Test
    void errorsCarryStableCodesAndStatuses() {
        JsonNode anonymous = call("GET", "/galleries/alice/photos", "", null, null);
        assertEquals(401, status(anonymous));
        assertEquals("UNAUTHENTICATED", body(anonymous).field("error").orElseThrow().field("code").orElseThrow().text());
        JsonNode notOwner = call("POST", "/galleries/alice/uploads", "", "{\"contentType\":\"image/jpeg\"}", "bob");
        assertEquals(403, status(notOwner));
        assertEquals("UNAUTHORIZED", body(notOwner).field("error").orElseThrow().field("code").orElseThrow().text());
        assertEquals(400, status(call("POST", "/galleries/alice/uploads", "", "{\"contentType\":\"text/html\"}", "alice")));
        assertEquals(400, status(call("GET", "/galleries/alice/photos", "token=forged", null, "alice")));
        assertEquals(400, status(call("GET", "/galleries/..%2F/photos", "", null, "alice")));
        assertEquals(404, status(call("GET", "/nothing/here/at-all", "", null, "alice")));
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(GalleryApi.status(code) >= 400, code.name());
        }
    }
}
