/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.Photo;
import com.galerly.core.PhotoStatus;
import com.galerly.core.image.ImageProcessors;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.scan.ClamAvScanner;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.upload.Quarantine;
import com.galerly.core.upload.UploadConfirmation;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadTicket;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.clamav.ClamdExtension;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.SyntheticImages;
import com.galerly.testkit.s3.S3ProxyExtension;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The trust path end to end on S3Proxy (signatures checked) with a real clamd: uploads sent over HTTP as a
 * client sends them, processed by the rendition pipeline from their ObjectCreated event.
 */
class TrustPathTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("trust").emptyBucketsBeforeEach().build();
    @RegisterExtension
    static final ClamdExtension CLAMD = new ClamdExtension();

    private static final GalleryId GALLERY = GalleryId.of("trust");

    private S3Client client;
    private InMemoryPhotoRepository photos;
    private S3UploadService uploads;
    private RenditionPipeline pipeline;

    @BeforeEach
    void start() {
        S3Bucket bucket = S3Bucket.builder().name("trust").region("us-east-1").endpoint(S3.endpoint()).build();
        client = bucket.clientBuilder(S3.credentialsProvider()).build();
        photos = new InMemoryPhotoRepository(Clock.systemUTC());
        ClamAvScanner clamav = ClamAvScanner.builder().tcp("127.0.0.1", CLAMD.port()).build();
        uploads = S3UploadService.builder().bucket(bucket).credentialsProvider(S3.credentialsProvider())
                .client(client).repository(photos).scanner(clamav).maxBytes(2 * 1024 * 1024).build();
        var processor = ImageProcessors.load();
        pipeline = RenditionPipeline.builder().processor(processor).blobs(uploads.blobs()).photos(photos)
                .quarantine(Quarantine.builder().blobs(uploads.blobs()).processor(processor).photos(photos)
                        .scanner(clamav).maxBytes(2 * 1024 * 1024).build())
                .build();
    }

    @AfterEach
    void stop() {
        uploads.close();
        client.close();
    }

    private static byte[] photo(long seed, String comment) {
        byte[] jpeg = ImageFiles.jpeg(SyntheticImages.photo(120, 80, seed), 85);
        return comment == null ? jpeg : JpegMarkers.insert(jpeg, JpegMarkers.comment(comment));
    }

    private UploadTicket upload(byte[] body) {
        UploadTicket ticket = uploads.presignPut(UploadRequest.of(r -> r.gallery(GALLERY).contentType("image/jpeg")
                .contentLength(body.length)));
        send(ticket, body);
        return ticket;
    }

    private static void send(UploadTicket ticket, byte[] body) {
        HttpResponse<String> put = HttpUploads.send(ticket.method(), ticket.url(), ticket.headers(), body);
        assertEquals(200, put.statusCode(), put.body());
    }

    private Outcome event(String key) {
        BlobMetadata head = uploads.blobs().head(key).orElseThrow();
        return pipeline.handle(new ObjectCreated("trust", key, head.size(), head.eTag(), null,
                Long.toHexString(System.nanoTime())));
    }

    private String promoted(UploadTicket ticket) {
        return ticket.key().replace("incoming/", "originals/");
    }

    @Test
    void anInfectedUploadEndsRejectedWithTheScannersVerdict() {
        UploadTicket ticket = upload(photo(1, "x " + ClamdExtension.MARKER + " x"));
        Outcome outcome = event(ticket.key());
        assertEquals(Outcome.Kind.REJECTED, outcome.kind());
        assertEquals(ErrorCode.INFECTED, outcome.code());
        Photo record = photos.get(ticket.photo()).orElseThrow();
        assertEquals(PhotoStatus.REJECTED, record.status());
        assertEquals(ErrorCode.INFECTED, record.errorCode());
        assertTrue(record.errorMessage().contains(ClamdExtension.MARKER_SIGNATURE + ".UNOFFICIAL"), record.errorMessage());
        assertFalse(uploads.blobs().head(ticket.key()).isPresent(), "deleted");
        assertFalse(uploads.blobs().head(promoted(ticket)).isPresent(), "never promoted");

        UploadTicket viaConfirm = upload(photo(2, ClamdExtension.MARKER));
        UploadConfirmation confirmation = uploads.confirm(viaConfirm.key());
        assertEquals(ErrorCode.INFECTED, confirmation.errorCode());
        assertEquals(PhotoStatus.REJECTED, photos.get(viaConfirm.photo()).orElseThrow().status());
    }

    @Test
    void aCleanUploadIsScannedScrubbedPromotedAndRendered() {
        UploadTicket ticket = upload(photo(3, "GPS and a serial number"));
        BlobMetadata head = uploads.blobs().head(ticket.key()).orElseThrow();
        ObjectCreated created = new ObjectCreated("trust", ticket.key(), head.size(), head.eTag(), null, "00AB12");
        Outcome outcome = pipeline.handle(created);
        assertEquals(Outcome.Kind.PROCESSED, outcome.kind(), outcome.detail());
        Photo record = photos.get(ticket.photo()).orElseThrow();
        assertEquals(PhotoStatus.ACTIVE, record.status());
        assertEquals(promoted(ticket), record.originalKey());
        assertEquals(64, record.sha256().length());
        byte[] original = client.getObjectAsBytes(r -> r.bucket("trust").key(promoted(ticket))).asByteArray();
        assertFalse(new String(original, java.nio.charset.StandardCharsets.ISO_8859_1).contains("serial number"));
        assertFalse(uploads.blobs().head(ticket.key()).isPresent());
        assertEquals(Outcome.Kind.DUPLICATE, pipeline.handle(created).kind(), "a redelivered event renders nothing twice");
    }

    @Test
    void aReplayedPresignedPutAfterPromotionCannotReplaceTheOriginal() {
        byte[] first = photo(4, null);
        UploadTicket ticket = upload(first);
        assertEquals(Outcome.Kind.PROCESSED, event(ticket.key()).kind());
        byte[] promotedBytes = client.getObjectAsBytes(r -> r.bucket("trust").key(promoted(ticket))).asByteArray();

        byte[] evil = Arrays.copyOf(photo(5, "other bytes"), first.length);     // the signed length
        send(ticket, evil);                                                      // S3 accepts: the URL is valid
        Outcome replay = event(ticket.key());
        assertEquals(Outcome.Kind.STALE, replay.kind());
        assertTrue(replay.detail().contains("replayed"), replay.detail());
        assertFalse(uploads.blobs().head(ticket.key()).isPresent(), "the replay is deleted");
        assertArrayEquals(promotedBytes, client.getObjectAsBytes(r -> r.bucket("trust").key(promoted(ticket)))
                .asByteArray(), "the promoted original is unchanged");
        assertEquals(PhotoStatus.ACTIVE, photos.get(ticket.photo()).orElseThrow().status());
    }

    @Test
    void aMislabelledUploadIsRejectedAndAClamdThatIsDownKeepsItInQuarantine() throws Exception {
        byte[] png = ImageFiles.png(SyntheticImages.photo(40, 30, 6));
        UploadTicket mislabelled = upload(png);
        Outcome outcome = event(mislabelled.key());
        assertEquals(ErrorCode.CONTENT_MISMATCH, outcome.code());
        assertEquals(PhotoStatus.REJECTED, photos.get(mislabelled.photo()).orElseThrow().status());

        UploadTicket ticket = upload(photo(7, null));
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        var processor = ImageProcessors.load();
        pipeline = RenditionPipeline.builder().processor(processor).blobs(uploads.blobs()).photos(photos)
                .quarantine(Quarantine.builder().blobs(uploads.blobs()).processor(processor).photos(photos)
                        .scanner(ClamAvScanner.builder().tcp("127.0.0.1", closed).build()).build())
                .build();                                            // clamd down
        GalerlyException down = assertThrows(GalerlyException.class, () -> event(ticket.key()));
        assertEquals(ErrorCode.SCANNER_UNAVAILABLE, down.code());
        assertTrue(down.retryable());
        assertTrue(uploads.blobs().head(ticket.key()).isPresent(), "still in quarantine");
        assertFalse(uploads.blobs().head(promoted(ticket)).isPresent(), "never promoted unscanned");
        assertEquals(PhotoStatus.PROCESSING, photos.get(ticket.photo()).orElseThrow().status());
    }
}
