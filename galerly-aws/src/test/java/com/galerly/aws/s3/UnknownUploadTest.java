/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.PhotoStatus;
import com.galerly.core.gallery.AccessPolicy;
import com.galerly.core.gallery.GalleryService;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadTicket;
import com.galerly.testkit.FakeImage;
import com.galerly.testkit.FakeImageProcessor;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.TestClock;
import com.galerly.testkit.s3.S3ProxyExtension;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * No replayed upload and no upload nobody requested becomes a photo, on S3Proxy (presigned PUTs sent over HTTP,
 * signatures checked): the pipeline claims only a PENDING record, a deleted photo's tombstone outlives its URLs.
 */
class UnknownUploadTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("unknown").emptyBucketsBeforeEach().build();

    private static final GalleryId GALLERY = GalleryId.of("g");

    private final TestClock clock = TestClock.at(Instant.now());
    private final KeyLayout layout = KeyLayout.standard();
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
    private S3Client client;
    private S3UploadService uploads;
    private RenditionPipeline pipeline;
    private long sequencer = 0x1000;

    @BeforeEach
    void start() {
        S3Bucket bucket = S3Bucket.builder().name("unknown").region("us-east-1").endpoint(S3.endpoint()).build();
        client = bucket.clientBuilder(S3.credentialsProvider()).build();
        // as the demo, the starter and the examples wire it: the upload service keeps no records, GalleryService does
        uploads = S3UploadService.builder().bucket(bucket).credentialsProvider(S3.credentialsProvider())
                .client(client).clock(clock).build();
        pipeline = RenditionPipeline.builder().processor(new FakeImageProcessor()).blobs(uploads.blobs())
                .photos(photos).layout(layout).clock(clock).build();
    }

    @AfterEach
    void stop() {
        uploads.close();
        client.close();
    }

    private static void send(UploadTicket ticket, byte[] body) {
        HttpResponse<String> put = HttpUploads.send(ticket.method(), ticket.url(), ticket.headers(), body);
        assertEquals(200, put.statusCode(), put.body());
    }

    private Outcome event(String key) {
        BlobMetadata head = uploads.blobs().head(key).orElseThrow();
        return pipeline.handle(new ObjectCreated("unknown", key, head.size(), head.eTag(), null,
                Long.toHexString(sequencer += 16)));
    }

    private List<String> everything() {
        return client.listObjectsV2(r -> r.bucket("unknown")).contents().stream().map(o -> o.key()).toList();
    }

    @Test
    void aPresignedPutReplayedAfterTheDeleteIsRefusedAndThePhotoStaysDeleted() {
        GalleryService gallery = GalleryService.builder().uploads(uploads).photos(photos).blobs(uploads.blobs())
                .layout(layout).urls(key -> "https://cdn.test/" + key).access(AccessPolicy.allowAll()).clock(clock)
                .build();
        byte[] body = FakeImage.of(1600, 1200).toBytes();
        UploadTicket ticket = gallery.requestUpload("alice", UploadRequest.of(r -> r.gallery(GALLERY)
                .contentType("image/jpeg").contentLength(body.length)));
        send(ticket, body);
        assertEquals(Outcome.Kind.PROCESSED, event(ticket.key()).kind());
        assertEquals(PhotoStatus.ACTIVE, photos.get(ticket.photo()).orElseThrow().status());
        gallery.delete("alice", ticket.photo());
        assertTrue(everything().isEmpty(), "deleted: " + everything());

        send(ticket, body);                                       // the URL has not expired: S3 takes the bytes
        Outcome replay = event(ticket.key());
        assertEquals(Outcome.Kind.REJECTED, replay.kind(), replay.toString());
        assertEquals(ErrorCode.UNKNOWN_UPLOAD, replay.code());
        assertTrue(replay.detail().contains("was deleted"), replay.detail());
        assertTrue(everything().isEmpty(), "the replay is deleted and nothing promoted: " + everything());
        assertTrue(photos.get(ticket.photo()).isEmpty());
        assertTrue(gallery.list("alice", GALLERY, PageRequest.first(10)).photos().isEmpty());
        assertTrue(photos.all().stream().allMatch(p -> p.status() == PhotoStatus.DELETED
                && !p.expiresAt().isBefore(ticket.expiresAt())), "the tombstone outlives the URL");
    }

    @Test
    void anUploadNobodyRecordedIsRefusedAndDeleted() {
        byte[] body = FakeImage.of(800, 600).toBytes();
        UploadTicket ticket = uploads.presignPut(UploadRequest.of(r -> r.gallery(GALLERY).contentType("image/jpeg")
                .contentLength(body.length)));                     // straight from the upload service: no record
        send(ticket, body);
        Outcome outcome = event(ticket.key());
        assertEquals(Outcome.Kind.REJECTED, outcome.kind(), outcome.toString());
        assertEquals(ErrorCode.UNKNOWN_UPLOAD, outcome.code());
        assertFalse(uploads.blobs().head(ticket.key()).isPresent(), "the upload is deleted");
        assertTrue(everything().isEmpty(), "nothing promoted or rendered: " + everything());
        assertTrue(photos.get(ticket.photo()).isEmpty(), "no record made");
    }
}
