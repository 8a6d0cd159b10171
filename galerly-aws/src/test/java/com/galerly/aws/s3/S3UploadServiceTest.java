/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoStatus;
import com.galerly.core.Rendition;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.upload.UploadConfirmation;
import com.galerly.core.upload.UploadForm;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadRequest.ChecksumAlgorithm;
import com.galerly.core.upload.UploadTicket;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.s3.S3ProxyExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The upload flows end to end against S3Proxy: ask for a ticket or form, send the bytes with a plain HTTP
 * client as a browser or app would, confirm.
 */
class S3UploadServiceTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("gallery").build();

    private static final GalleryId GALLERY = GalleryId.of("smith-wedding");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static S3Client client;
    private static InMemoryPhotoRepository photos;
    private static S3UploadService uploads;

    @BeforeAll
    static void start() {
        S3Bucket bucket = S3Bucket.builder().name("gallery").region("us-east-1").endpoint(S3.endpoint()).build();
        client = bucket.clientBuilder(S3.credentialsProvider()).build();
        photos = new InMemoryPhotoRepository(Clock.systemUTC());
        uploads = S3UploadService.builder()
                .bucket(bucket)
                .credentialsProvider(S3.credentialsProvider())
                .client(client)
                .maxBytes(6 * 1024 * 1024)
                .repository(photos)
                .build();
    }

    @AfterAll
    static void stop() {
        uploads.close();
        client.close();
    }

    private static UploadRequest.Builder jpeg() {
        return UploadRequest.builder().gallery(GALLERY).contentType("image/jpeg");
    }

    private static boolean exists(String key) {
        return uploads.blobs().head(key).isPresent();
    }

    private static String base64(String algorithm, byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    @Nested
    class PresignedPut {
        @Test
        void uploadThenConfirmRecordsAPendingPhoto() {
            byte[] image = TestImages.jpeg();
            UploadTicket ticket = uploads.presignPut(jpeg().fileName("DSC_0042.JPG").owner("alice")
                    .contentLength(image.length).build());

            assertTrue(KeyLayout.standard().parseIncoming(ticket.key()).isPresent(), ticket.key());
            assertTrue(ticket.key().startsWith("incoming/smith-wedding/") && ticket.key().endsWith(".jpg"));
            assertEquals(Map.of("Content-Type", "image/jpeg", "Content-Length", Integer.toString(image.length),
                    "x-amz-meta-filename", "DSC_0042.JPG", "x-amz-meta-owner", "alice"), ticket.headers());
            HttpResponse<String> put = HttpUploads.send(ticket.method(), ticket.url(), ticket.headers(), image);
            assertEquals(200, put.statusCode(), put.body());

            UploadConfirmation confirmation = uploads.confirm(ticket.key());
            assertTrue(confirmation.accepted(), confirmation.toString());
            assertEquals(ImageFormat.JPEG, confirmation.format());
            assertEquals(image.length, confirmation.size());

            Photo pending = photos.get(ticket.photo()).orElseThrow();
            assertEquals(PhotoStatus.PROCESSING, pending.status(), "promoted; its ObjectCreated event renders it");
            assertEquals("DSC_0042.JPG", pending.fileName());
            assertEquals("alice", pending.owner());
            String promoted = ticket.key().replace("incoming/", "originals/");
            assertEquals(promoted, pending.originalKey());
            assertTrue(exists(promoted) && !exists(ticket.key()), "promoted out of quarantine");
            assertEquals("image/jpeg", pending.contentType());
            assertEquals(image.length, pending.size());

            assertTrue(uploads.confirm(ticket.key()).accepted(), "confirming twice is harmless");
        }

        @Test
        void aDeclaredChecksumIsSignedSoOnlyThatBodyIsAccepted() throws Exception {
            byte[] image = TestImages.png();
            UploadTicket ticket = uploads.presignPut(UploadRequest.builder().gallery(GALLERY).contentType("image/png")
                    .contentLength(image.length).checksumSha256(base64("SHA-256", image)).build());
            assertEquals(base64("SHA-256", image), ticket.headers().get("x-amz-checksum-sha256"));
            byte[] other = image.clone();
            other[other.length - 1] ^= 1;

            assertEquals(400, HttpUploads.send(ticket.method(), ticket.url(), ticket.headers(), other).statusCode());
            assertFalse(exists(ticket.key()));
            assertEquals(200, HttpUploads.send(ticket.method(), ticket.url(), ticket.headers(), image).statusCode());
            assertTrue(uploads.confirm(ticket.key()).accepted());
        }

        @Test
        void aDeclaredCrcIsSignedToo() {
            byte[] image = TestImages.png();
            CRC32 crc = new CRC32();
            crc.update(image);
            byte[] value = java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
            UploadTicket ticket = uploads.presignPut(UploadRequest.builder().gallery(GALLERY).contentType("image/png")
                    .contentLength(image.length).checksum(ChecksumAlgorithm.CRC32, Base64.getEncoder().encodeToString(value)).build());
            assertTrue(ticket.url().getRawQuery().contains("x-amz-checksum-crc32"), ticket.url().toString());
            byte[] other = image.clone();
            other[0] ^= 1;

            assertEquals(400, HttpUploads.send(ticket.method(), ticket.url(), ticket.headers(), other).statusCode());
            assertEquals(200, HttpUploads.send(ticket.method(), ticket.url(), ticket.headers(), image).statusCode());
        }

        @Test
        void anotherContentTypeIsRefused() {
            UploadTicket ticket = uploads.presignPut(jpeg().contentLength(TestImages.jpeg().length).build());
            Map<String, String> headers = new LinkedHashMap<>(ticket.headers());
            headers.put("Content-Type", "text/html");
            assertEquals(403, HttpUploads.send("PUT", ticket.url(), headers, TestImages.jpeg()).statusCode());
            assertFalse(exists(ticket.key()));
        }

        @Test
        void anExpiredTicketIsRefused() {
            Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
            try (S3UploadService past = uploads.toBuilder().clock(twoHoursAgo).build()) {
                UploadTicket ticket = past.presignPut(jpeg().contentLength(TestImages.jpeg().length).build());
                assertEquals(403, HttpUploads.send(ticket.method(), ticket.url(), ticket.headers(),
                        TestImages.jpeg()).statusCode());
                assertFalse(exists(ticket.key()));
            }
        }

        @Test
        void refusesTypesAndSizesItWouldNotSign() {
            GalerlyException type = assertThrows(GalerlyException.class,
                    () -> uploads.presignPut(UploadRequest.builder().gallery(GALLERY).contentType("text/html")
                            .contentLength(10).build()));
            assertEquals(ErrorCode.INVALID_ARGUMENT, type.code());
            assertTrue(type.getMessage().contains("image/jpeg"), type.getMessage());
            GalerlyException noLength = assertThrows(GalerlyException.class, () -> uploads.presignPut(jpeg().build()));
            assertEquals(ErrorCode.INVALID_ARGUMENT, noLength.code());
            assertTrue(noLength.getMessage().contains("contentLength"), noLength.getMessage());
            GalerlyException size = assertThrows(GalerlyException.class,
                    () -> uploads.presignPut(jpeg().contentLength(6 * 1024 * 1024 + 1).build()));
            assertEquals(ErrorCode.LIMIT_EXCEEDED, size.code());
            assertTrue(size.getMessage().contains("6291457") && size.getMessage().contains("6291456"),
                    size.getMessage());
        }

        @Test
        void contentTypesMapToTheirExtensions() {
            assertTrue(uploads.presignPut(UploadRequest.builder().gallery(GALLERY).contentType("image/heic").contentLength(10).build())
                    .key().endsWith(".heic"));
            assertTrue(uploads.presignPut(UploadRequest.builder().gallery(GALLERY).contentType("IMAGE/PNG").contentLength(10).build())
                    .key().endsWith(".png"));
            try (S3UploadService raw = uploads.toBuilder().contentType("application/x-sony-arw", "arw").build()) {
                assertTrue(raw.presignPut(UploadRequest.builder().gallery(GALLERY)
                        .contentType("application/x-sony-arw").contentLength(10).build()).key().endsWith(".arw"));
            }
        }
    }

    @Nested
    class BrowserPost {
        @Test
        void formUploadThenConfirm() {
            byte[] image = TestImages.jpeg();
            UploadForm form = uploads.presignPost(jpeg().fileName("Été 2026 — plage.jpg").build());

            assertTrue(form.key().startsWith("incoming/smith-wedding/"), form.key());
            assertEquals(form.key(), form.fields().get("key"));
            assertEquals("%C3%89t%C3%A9 2026 %E2%80%94 plage.jpg", form.fields().get("x-amz-meta-filename"));
            HttpResponse<String> post = HttpUploads.post(form.url(), form.fields(), "plage.jpg", "image/jpeg", image);
            assertEquals(204, post.statusCode(), post.body());

            UploadConfirmation confirmation = uploads.confirm(form.key());
            assertTrue(confirmation.accepted(), confirmation.toString());
            assertEquals("Été 2026 — plage.jpg", photos.get(form.photo()).orElseThrow().fileName());
        }

        @Test
        void thePolicyAlwaysBoundsTheSize() throws Exception {
            UploadForm open = uploads.presignPost(jpeg().build());
            assertEquals(List.of(1L, 6L * 1024 * 1024), lengthRange(open));
            UploadForm exact = uploads.presignPost(jpeg().contentLength(1234).build());
            assertEquals(List.of(1234L, 1234L), lengthRange(exact));
        }

        @Test
        void aBodyOverTheDeclaredLengthIsRefused() {
            byte[] image = TestImages.jpeg();
            UploadForm form = uploads.presignPost(jpeg().contentLength(image.length - 1).build());
            HttpResponse<String> post = HttpUploads.post(form.url(), form.fields(), "a.jpg", "image/jpeg", image);
            assertEquals(400, post.statusCode(), post.body());
            assertFalse(exists(form.key()));
        }

        @Test
        void anotherKeyIsRefused() {
            UploadForm form = uploads.presignPost(jpeg().build());
            Map<String, String> fields = new LinkedHashMap<>(form.fields());
            fields.put("key", "originals/other-gallery/01jd6v2k8m3q9x7c5t4r2n0bza.jpg");
            assertEquals(403, HttpUploads.post(form.url(), fields, "a.jpg", "image/jpeg", TestImages.jpeg())
                    .statusCode());
            assertFalse(exists("originals/other-gallery/01jd6v2k8m3q9x7c5t4r2n0bza.jpg"));
        }

        @Test
        void scriptIsRefusedAsActiveContentAndTheRecordSaysWhy() {
            UploadForm form = uploads.presignPost(jpeg().build());
            byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
            assertEquals(204, HttpUploads.post(form.url(), form.fields(), "x.jpg", "image/jpeg", script).statusCode());

            UploadConfirmation confirmation = uploads.confirm(form.key());
            assertFalse(confirmation.accepted());
            assertEquals(ErrorCode.ACTIVE_CONTENT, confirmation.errorCode());
            assertNull(confirmation.format());
            assertFalse(exists(form.key()), "a refused upload is deleted");
            Photo record = photos.get(form.photo()).orElseThrow();
            assertEquals(PhotoStatus.REJECTED, record.status());
            assertEquals(ErrorCode.ACTIVE_CONTENT, record.errorCode());
        }

        @Test
        void aCustomisedPolicyCanRedirectOrAnswer201ButNotChangeTheKey() {
            UploadForm form = uploads.presignPost(jpeg().build(), p -> p.successActionStatus(201));
            HttpResponse<String> post = HttpUploads.post(form.url(), form.fields(), "a.jpg", "image/jpeg",
                    TestImages.jpeg());
            assertEquals(201, post.statusCode(), post.body());
            assertTrue(post.body().contains(form.key()), post.body());

            UploadForm redirect = uploads.presignPost(jpeg().build(),
                    p -> p.successActionRedirect(URI.create("https://app.example/uploaded")));
            assertEquals("https://app.example/uploaded", redirect.fields().get("success_action_redirect"));

            assertThrows(IllegalArgumentException.class,
                    () -> uploads.presignPost(jpeg().build(), p -> p.keyStartsWith("originals/")));
        }

        private List<Long> lengthRange(UploadForm form) throws Exception {
            JsonNode policy = JSON.readTree(Base64.getDecoder().decode(form.fields().get("policy")));
            for (JsonNode condition : policy.get("conditions")) {
                if (condition.isArray() && condition.get(0).asText().equals("content-length-range")) {
                    return List.of(condition.get(1).asLong(), condition.get(2).asLong());
                }
            }
            throw new AssertionError("no content-length-range in " + policy);
        }
    }

    @Nested
    class Multipart {
        private final int partSize = 5 * 1024 * 1024;

        private byte[] large() {
            byte[] jpeg = TestImages.jpeg();
            byte[] bytes = new byte[partSize + 4321];
            System.arraycopy(jpeg, 0, bytes, 0, jpeg.length);
            return bytes;
        }

        private String putPart(PresignedRequest part, byte[] bytes, int from, int to) {
            HttpResponse<String> response = HttpUploads.send(part, java.util.Arrays.copyOfRange(bytes, from, to));
            assertEquals(200, response.statusCode(), response.body());
            return response.headers().firstValue("ETag").orElseThrow();
        }

        @Test
        void partsUploadThenCompleteThenConfirm() {
            byte[] bytes = large();
            MultipartTicket ticket;
            try (S3UploadService small = uploads.toBuilder().partSize(partSize).build()) {
                ticket = small.startMultipart(jpeg().contentLength(bytes.length).fileName("IMG_0001.JPG").build());
            }
            assertEquals(2, ticket.partCount());
            assertEquals(Long.toString(partSize), ticket.parts().get(0).headers().get("Content-Length"));
            assertEquals("4321", ticket.parts().get(1).headers().get("Content-Length"));

            List<CompletedPart> parts = new ArrayList<>();
            parts.add(new CompletedPart(1, putPart(ticket.parts().get(0), bytes, 0, partSize)));
            parts.add(new CompletedPart(2, putPart(ticket.parts().get(1), bytes, partSize, bytes.length)));
            String eTag = uploads.completeMultipart(ticket.key(), ticket.uploadId(), parts);

            HeadObjectResponse head = client.headObject(r -> r.bucket("gallery").key(ticket.key()));
            assertEquals(bytes.length, head.contentLength());
            assertEquals("image/jpeg", head.contentType());
            assertEquals("IMG_0001.JPG", head.metadata().get("filename"));
            assertEquals(eTag, head.eTag().replace("\"", ""));
            assertArrayEquals(bytes, client.getObjectAsBytes(r -> r.bucket("gallery").key(ticket.key())).asByteArray());
            assertTrue(uploads.confirm(ticket.key()).accepted());
        }

        @Test
        void aPartOfAnotherLengthOrWithATamperedUrlIsRefused() {
            byte[] bytes = large();
            MultipartTicket ticket = uploads.toBuilder().partSize(partSize).build()
                    .startMultipart(jpeg().contentLength(bytes.length).build());
            PresignedRequest last = ticket.parts().get(1);

            assertEquals(403, HttpUploads.send(last, new byte[4322]).statusCode(), "signed length is exact");
            URI tampered = URI.create(last.url().toString().replace("partNumber=2", "partNumber=3"));
            assertEquals(403, HttpUploads.send("PUT", tampered, last.headers(), new byte[4321]).statusCode());
            uploads.abortMultipart(ticket.key(), ticket.uploadId());
        }

        @Test
        void completesWithTheListedPartsAndAbortsIdempotently() {
            byte[] bytes = large();
            MultipartTicket ticket = uploads.toBuilder().partSize(partSize).build()
                    .startMultipart(jpeg().contentLength(bytes.length).build());
            putPart(ticket.parts().get(0), bytes, 0, partSize);
            putPart(ticket.parts().get(1), bytes, partSize, bytes.length);
            uploads.completeMultipart(ticket.key(), ticket.uploadId());
            assertEquals(bytes.length, uploads.blobs().head(ticket.key()).orElseThrow().size());

            MultipartTicket aborted = uploads.toBuilder().partSize(partSize).build()
                    .startMultipart(jpeg().contentLength(bytes.length).build());
            assertTrue(inProgress(aborted.uploadId()));
            uploads.abortMultipart(aborted.key(), aborted.uploadId());
            uploads.abortMultipart(aborted.key(), aborted.uploadId());
            assertFalse(inProgress(aborted.uploadId()), "an aborted upload is gone");
        }

        private boolean inProgress(String uploadId) {
            return client.listMultipartUploads(r -> r.bucket("gallery")).uploads().stream()
                    .anyMatch(u -> u.uploadId().equals(uploadId));
        }

        @Test
        void needsTheLengthAndRefreshesItsUrls() {
            assertEquals(ErrorCode.INVALID_ARGUMENT,
                    assertThrows(GalerlyException.class, () -> uploads.startMultipart(jpeg().build())).code());
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3));
            MultipartTicket ticket = uploads.startMultipart(jpeg().contentLength(3_000_000).build());
            try (S3UploadService afterwards = uploads.toBuilder().clock(later).build()) {
                MultipartTicket refreshed = afterwards.refreshParts(ticket);
                assertTrue(refreshed.expiresAt().isAfter(ticket.expiresAt()));
                assertEquals(ticket.uploadId(), refreshed.uploadId());
            }
            uploads.abortMultipart(ticket.key(), ticket.uploadId());
        }

        @Test
        void onlyTicketsItIssuedAreRefreshedAndOnlyWithinMaxBytes() {
            MultipartTicket ticket = uploads.startMultipart(jpeg().contentLength(3_000_000).build());
            try {
                MultipartTicket forged = new MultipartTicket(ticket.photo(), ticket.key(), ticket.uploadId(),
                        50L * 1024 * 1024 * 1024 * 1024, 5L * 1024 * 1024 * 1024, ticket.parts(), ticket.expiresAt(),
                        ticket.authenticator());
                assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(GalerlyException.class,
                        () -> uploads.refreshParts(forged)).code(), "a 50 TB plan under a real authenticator");
                MultipartTicket unsigned = new MultipartTicket(ticket.photo(), ticket.key(), ticket.uploadId(),
                        ticket.contentLength(), ticket.partSize(), ticket.parts(), ticket.expiresAt());
                assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(GalerlyException.class,
                        () -> uploads.refreshParts(unsigned)).code());
                try (S3UploadService stranger = uploads.toBuilder().ticketKey(new byte[32]).build()) {
                    assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(GalerlyException.class,
                            () -> stranger.refreshParts(ticket)).code(), "another service's key");
                }
                try (S3UploadService smaller = uploads.toBuilder().maxBytes(1_000_000).build()) {
                    assertEquals(ErrorCode.LIMIT_EXCEEDED, assertThrows(GalerlyException.class,
                            () -> smaller.refreshParts(ticket)).code(), "the plan is checked against maxBytes");
                }
                assertEquals(ticket.partCount(), uploads.refreshParts(ticket).partCount());
            } finally {
                uploads.abortMultipart(ticket.key(), ticket.uploadId());
            }
        }
    }

    @Nested
    class Confirmation {
        private String stored(byte[] bytes, String contentType) {
            String key = KeyLayout.standard().incomingKey(GALLERY, com.galerly.core.PhotoId.generator(Clock.systemUTC())
                    .next(), "jpg");
            client.putObject(r -> r.bucket("gallery").key(key).contentType(contentType), RequestBody.fromBytes(bytes));
            return key;
        }

        @Test
        void aMissingUploadIsNotFound() {
            String key = KeyLayout.standard().incomingKey(GALLERY, com.galerly.core.PhotoId.generator(Clock.systemUTC())
                    .next(), "jpg");
            assertEquals(ErrorCode.NOT_FOUND, assertThrows(GalerlyException.class, () -> uploads.confirm(key)).code());
        }

        @Test
        void anOversizedUploadIsDeleted() {
            String key = stored(TestImages.jpeg(), "image/jpeg");
            try (S3UploadService tiny = uploads.toBuilder().maxBytes(100).build()) {
                UploadConfirmation confirmation = tiny.confirm(key);
                assertFalse(confirmation.accepted());
                assertEquals(ErrorCode.LIMIT_EXCEEDED, confirmation.errorCode());
                assertTrue(confirmation.message().contains("100"), confirmation.message());
            }
            assertFalse(exists(key));
        }

        @Test
        void aDisallowedStoredTypeIsDeleted() {
            String html = stored(TestImages.jpeg(), "text/html");
            assertEquals(ErrorCode.ACTIVE_CONTENT, uploads.confirm(html).errorCode());
            assertFalse(exists(html));
            String octets = stored(TestImages.jpeg(), "application/octet-stream");
            assertEquals(ErrorCode.CONTENT_MISMATCH, uploads.confirm(octets).errorCode());
            assertFalse(exists(octets));
        }

        @Test
        void theFormatIsSniffedAndMustMatchTheDeclaredType() {
            String key = stored(TestImages.png(), "image/jpeg");
            UploadConfirmation confirmation = uploads.confirm(key);
            assertFalse(confirmation.accepted());
            assertEquals(ErrorCode.CONTENT_MISMATCH, confirmation.errorCode());
            assertTrue(confirmation.message().contains("declared image/jpeg but the bytes are png"),
                    confirmation.message());
            assertFalse(exists(key));
            assertFalse(exists(key.replace("incoming/", "originals/")), "never promoted");
        }

        @Test
        void onlyOriginalsOfTheLayoutAreConfirmed() {
            assertEquals(ErrorCode.INVALID_ARGUMENT,
                    assertThrows(GalerlyException.class, () -> uploads.confirm("renditions/g/x_thumbnail.jpg")).code());
            assertEquals(ErrorCode.INVALID_ARGUMENT,
                    assertThrows(GalerlyException.class, () -> uploads.confirm("originals/../secret.jpg")).code());
            assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalerlyException.class,
                    () -> uploads.confirm("originals/g/01jd6v2k8m3q9x7c5t4r2n0bza.jpg")).code(),
                    "only uploads in quarantine are confirmed");
        }
    }

    @Nested
    class Downloads {
        @Test
        void presignedGetsForOneKeyAPageOfRenditionsAndOriginals() {
            byte[] image = TestImages.jpeg();
            UploadTicket ticket = uploads.presignPut(jpeg().fileName("Mariée & témoins.jpg").contentLength(image.length)
                    .build());
            HttpUploads.send(ticket.method(), ticket.url(), ticket.headers(), image);
            assertTrue(uploads.confirm(ticket.key()).accepted());
            String original = photos.get(ticket.photo()).orElseThrow().originalKey();
            image = client.getObjectAsBytes(r -> r.bucket("gallery").key(original)).asByteArray();
            String thumbKey = KeyLayout.standard().renditionKey(GALLERY, ticket.photo().id(), "thumbnail", "jpg");
            client.putObject(r -> r.bucket("gallery").key(thumbKey).contentType("image/jpeg"),
                    RequestBody.fromBytes(new byte[] {1, 2, 3}));
            Photo photo = photos.get(ticket.photo()).orElseThrow().toBuilder()
                    .renditions(List.of(new Rendition("thumbnail", thumbKey, 40, 30, 3, "image/jpeg"))).build();
            Photo other = photo.toBuilder().id(com.galerly.core.PhotoId.generator(Clock.systemUTC()).next())
                    .renditions(List.of()).build();

            URI single = uploads.presignGet(original, Duration.ofMinutes(5), Optional.empty());
            assertArrayEquals(image, HttpUploads.get(single).body());

            Map<com.galerly.core.PhotoKey, URI> thumbs = uploads.presignRenditions(List.of(photo, other), "thumbnail",
                    Duration.ofMinutes(5));
            assertEquals(List.of(photo.key()), List.copyOf(thumbs.keySet()), "photos without it are left out");
            assertArrayEquals(new byte[] {1, 2, 3}, HttpUploads.get(thumbs.get(photo.key())).body());

            URI download = uploads.presignOriginals(List.of(photo), Duration.ofMinutes(5), true).get(photo.key());
            HttpResponse<byte[]> response = HttpUploads.get(download);
            assertArrayEquals(image, response.body());
            assertTrue(response.headers().firstValue("Content-Disposition").orElseThrow()
                    .contains("filename*=UTF-8''Mari%C3%A9e%20%26%20t%C3%A9moins.jpg"));

            Map<String, URI> batch = uploads.presignGetAll(List.of(thumbKey, original, thumbKey),
                    Duration.ofMinutes(5));
            assertEquals(List.of(thumbKey, original), List.copyOf(batch.keySet()));
        }
    }
}
