/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.scan.ContentScanner;
import com.galerly.core.scan.ScanVerdict;
import com.galerly.core.spi.FileNames;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.upload.ContentIndex;
import com.galerly.core.upload.DuplicatePolicy;
import com.galerly.core.upload.PendingUploads;
import com.galerly.core.upload.Quarantine;
import com.galerly.core.upload.UploadConfirmation;
import com.galerly.core.upload.UploadForm;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadService;
import com.galerly.core.upload.UploadTicket;
import com.galerly.testkit.image.ExifData;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.SyntheticImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link UploadService} must show, the trust path included: the in-memory fake and the S3
 * implementation (on S3Proxy, which checks signatures) both extend it. Each test plays the client with the
 * {@link Harness}: it sends what a ticket or form says, and the storage refuses what S3 would refuse.
 *
 * <pre>{@code
 * class InMemoryUploadServiceTest extends UploadServiceContract {
 *     @Override
 *     protected Harness harness(Settings settings) { ... }
 * }
 * }</pre>
 */
public abstract class UploadServiceContract {
    /** The gallery the tests upload to. */
    protected static final GalleryId GALLERY = GalleryId.of("contract");

    /** How an implementation is set up for one test. */
    protected record Settings(Clock clock, PhotoRepository photos, ContentScanner scanner, ContentIndex index,
                              DuplicatePolicy duplicates, long maxBytes) {
    }

    /** One implementation, its storage, and a client sending what tickets and forms say. */
    protected interface Harness {
        UploadService uploads();

        /** The storage behind the service (to look at what is stored). */
        BlobStore blobs();

        /** The key layout the service uses. */
        KeyLayout layout();

        /** Sends the presigned PUT with exactly its headers; throws when the storage refuses it. */
        void put(UploadTicket ticket, byte[] body);

        /** Sends the browser form; throws when the storage refuses it. */
        void post(UploadForm form, byte[] body);

        /** Downloads through a presigned GET; throws when refused. */
        byte[] get(URI url);
    }

    /** The implementation under test, built with {@code settings}. */
    protected abstract Harness harness(Settings settings);

    private Settings settings() {
        return new Settings(Clock.systemUTC(), new InMemoryPhotoRepository(Clock.systemUTC()), ContentScanner.none(),
                null, DuplicatePolicy.REJECT, 2 * 1024 * 1024);
    }

    private static final ExifData PRIVATE = ExifData.builder().orientation(6).make("ContractCam")
            .model("Serial-8842").gps(51.5007, -0.1246).build();

    /** A real JPEG with GPS, maker and model in its EXIF and a comment. */
    protected static byte[] privateJpeg(long seed) {
        byte[] plain = ImageFiles.jpeg(SyntheticImages.photo(64, 48, seed), 85);
        return JpegMarkers.insert(plain, JpegMarkers.exif(PRIVATE), JpegMarkers.comment("home sweet home"));
    }

    private static UploadTicket ticket(UploadService uploads, String type, byte[] body) {
        return uploads.presignPut(UploadRequest.of(r -> r.gallery(GALLERY).contentType(type).contentLength(body.length)
                .fileName("IMG_0001.JPG")));
    }

    /** Presigns a PUT for {@code body} and sends it: the upload waits in quarantine for its confirmation. */
    private static UploadTicket uploaded(Harness h, String type, byte[] body) {
        UploadTicket ticket = ticket(h.uploads(), type, body);
        h.put(ticket, body);
        return ticket;
    }

    private static String promotedKey(Harness h, String uploadKey) {
        return h.layout().promotedKey(h.layout().parseIncoming(uploadKey).orElseThrow());
    }

    private static byte[] read(BlobStore blobs, String key) {
        try (var content = blobs.get(key); InputStream in = content.stream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] scanData(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                return Arrays.copyOfRange(jpeg, i, jpeg.length);
            }
        }
        throw new AssertionError("no SOS");
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    @Test
    void aPresignedPutNeedsTheLengthWhichIsSigned() {
        Harness h = harness(settings());
        GalerlyException noLength = assertThrows(GalerlyException.class, () -> h.uploads().presignPut(
                UploadRequest.of(r -> r.gallery(GALLERY).contentType("image/jpeg"))));
        assertEquals(ErrorCode.INVALID_ARGUMENT, noLength.code());
        byte[] jpeg = privateJpeg(1);
        UploadTicket ticket = ticket(h.uploads(), "image/jpeg", jpeg);
        assertTrue(h.layout().parseIncoming(ticket.key()).isPresent(), "uploads land in quarantine: " + ticket.key());
        byte[] longer = Arrays.copyOf(jpeg, jpeg.length + 1000);
        assertThrows(RuntimeException.class, () -> h.put(ticket, longer), "a body longer than signed is refused");
        assertTrue(h.blobs().head(ticket.key()).isEmpty());
    }

    @Test
    void anAcceptedUploadIsPromotedCleanAndLeavesQuarantine() {
        Harness h = harness(settings());
        byte[] jpeg = privateJpeg(2);
        UploadTicket ticket = uploaded(h, "image/jpeg", jpeg);
        assertTrue(h.layout().parseOriginal(ticket.key()).isEmpty(), "nothing serves the upload before promotion");

        UploadConfirmation confirmation = h.uploads().confirm(ticket.key());
        assertTrue(confirmation.accepted(), String.valueOf(confirmation.message()));
        assertEquals(ImageFormat.JPEG, confirmation.format());
        assertTrue(h.blobs().head(ticket.key()).isEmpty(), "the incoming object is removed");
        byte[] original = read(h.blobs(), promotedKey(h, ticket.key()));
        assertFalse(contains(original, "ContractCam"), "maker removed");
        assertFalse(contains(original, "Serial-8842"), "serial removed");
        assertFalse(contains(original, "home sweet home"), "comment removed");
        assertArrayEquals(scanData(jpeg), scanData(original), "compressed data unchanged");
        assertTrue(h.uploads().confirm(ticket.key()).accepted(), "confirming again reports the promotion");
    }

    @Test
    void aDeclaredTypeThatLiesIsRejectedAndTheRecordSaysWhy() {
        Settings settings = settings();
        Harness h = harness(settings);
        byte[] png = ImageFiles.png(SyntheticImages.photo(16, 16, 3));
        UploadTicket ticket = uploaded(h, "image/jpeg", png);
        UploadConfirmation confirmation = h.uploads().confirm(ticket.key());
        assertFalse(confirmation.accepted());
        assertEquals(ErrorCode.CONTENT_MISMATCH, confirmation.errorCode());
        assertTrue(confirmation.message().contains("declared image/jpeg but the bytes are png"), confirmation.message());
        assertTrue(h.blobs().head(ticket.key()).isEmpty());
        assertTrue(h.blobs().head(promotedKey(h, ticket.key())).isEmpty());
        Photo record = settings.photos().get(ticket.photo()).orElseThrow();
        assertEquals(PhotoStatus.REJECTED, record.status());
        assertEquals(ErrorCode.CONTENT_MISMATCH, record.errorCode());
    }

    @Test
    void svgAndHtmlAreRefusedAsActiveContentWhateverTheyClaim() {
        Harness h = harness(settings());
        byte[] svg = ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"
                + "<script>alert(document.cookie)</script></svg>").getBytes(StandardCharsets.UTF_8);
        UploadTicket ticket = uploaded(h, "image/png", svg);
        UploadConfirmation confirmation = h.uploads().confirm(ticket.key());
        assertEquals(ErrorCode.ACTIVE_CONTENT, confirmation.errorCode());
        assertTrue(confirmation.message().contains("script"), confirmation.message());
        assertTrue(h.blobs().head(ticket.key()).isEmpty());

        byte[] html = "\n  <!DOCTYPE html><html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8);
        UploadTicket other = uploaded(h, "image/jpeg", html);
        assertEquals(ErrorCode.ACTIVE_CONTENT, h.uploads().confirm(other.key()).errorCode());
    }

    @Test
    void aReplayedPutAfterPromotionCannotReplaceTheOriginal() {
        Settings settings = settings();
        Harness h = harness(settings);
        byte[] first = privateJpeg(4);
        UploadTicket ticket = uploaded(h, "image/jpeg", first);
        assertTrue(h.uploads().confirm(ticket.key()).accepted());
        String promoted = promotedKey(h, ticket.key());
        byte[] promotedBytes = read(h.blobs(), promoted);

        // the attacker kept the presigned URL and sends other bytes of the same length before it expires
        byte[] evil = privateJpeg(5);
        byte[] sameLength = Arrays.copyOf(evil, first.length);
        h.put(ticket, sameLength);
        UploadConfirmation replay = h.uploads().confirm(ticket.key());
        assertFalse(replay.accepted());
        assertEquals(ErrorCode.CONFLICT, replay.errorCode());
        assertTrue(h.blobs().head(ticket.key()).isEmpty(), "the replayed upload is deleted");
        assertArrayEquals(promotedBytes, read(h.blobs(), promoted), "the promoted original is unchanged");
    }

    @Test
    void everyPresignedUploadIsRecordedPendingWithWhatTheRequestDeclared() {
        Settings settings = settings();
        Harness h = harness(settings);
        byte[] jpeg = privateJpeg(6);
        UploadTicket ticket = h.uploads().presignPut(UploadRequest.of(r -> r.gallery(GALLERY).contentType("image/jpeg")
                .contentLength(jpeg.length).fileName("C:\\Users\\al\u202Ece\\IMG_0001.JPG").owner("user-7")));
        Photo pending = settings.photos().get(ticket.photo()).orElseThrow(() -> new AssertionError("no record"));
        assertEquals(PhotoStatus.PENDING, pending.status());
        assertEquals("user-7", pending.owner());
        assertEquals("IMG_0001.JPG", pending.fileName(), "path and bidi controls stripped");
        String raw = "  ..holiday\u200B   at  the beach.jpg ";
        UploadTicket named = h.uploads().presignPut(UploadRequest.of(r -> r.gallery(GALLERY).contentType("image/jpeg")
                .contentLength(jpeg.length).fileName(raw)));
        assertEquals("holiday at the beach.jpg", settings.photos().get(named.photo()).orElseThrow().fileName(),
                "the record keeps the name as FileNames cleans it for the upload's metadata and downloads");
        assertEquals(FileNames.sanitize(raw).orElseThrow(), settings.photos().get(named.photo()).orElseThrow()
                .fileName());
        assertEquals(jpeg.length, pending.size());
        assertEquals(promotedKey(h, ticket.key()), pending.originalKey());
        assertEquals(ticket.expiresAt().plus(PendingUploads.DEFAULT_TTL), pending.expiresAt(),
                "it waits for its upload a day past the URL's expiry");
        UploadForm form = h.uploads().presignPost(UploadRequest.of(r -> r.gallery(GALLERY).contentType("image/png")));
        assertEquals(PhotoStatus.PENDING, settings.photos().get(form.photo()).orElseThrow().status());
        assertEquals(form.expiresAt().plus(PendingUploads.DEFAULT_TTL),
                settings.photos().get(form.photo()).orElseThrow().expiresAt());
    }

    @Test
    void anUploadWithNoRecordIsRefusedAndDeletedNeverPromoted() {
        Settings base = settings();
        PhotoRepository forgetful = forgettingCreates(base.photos());
        Harness h = harness(new Settings(base.clock(), forgetful, base.scanner(), null, DuplicatePolicy.REJECT,
                base.maxBytes()));
        byte[] jpeg = privateJpeg(7);
        UploadTicket ticket = ticket(h.uploads(), "image/jpeg", jpeg);
        assertTrue(forgetful.get(ticket.photo()).isEmpty(), "the record was lost (or never made)");
        h.put(ticket, jpeg);
        UploadConfirmation confirmation = h.uploads().confirm(ticket.key());
        assertFalse(confirmation.accepted());
        assertEquals(ErrorCode.UNKNOWN_UPLOAD, confirmation.errorCode());
        assertTrue(h.blobs().head(ticket.key()).isEmpty(), "the upload is deleted");
        assertTrue(h.blobs().head(promotedKey(h, ticket.key())).isEmpty(), "nothing promoted");
        assertTrue(forgetful.get(ticket.photo()).isEmpty(), "no record made");
    }

    @Test
    void aPutReplayedAfterThePhotoWasDeletedIsRefusedAndDeleted() {
        Settings settings = settings();
        Harness h = harness(settings);
        byte[] jpeg = privateJpeg(8);
        UploadTicket ticket = ticket(h.uploads(), "image/jpeg", jpeg);
        assertTrue(settings.photos().delete(ticket.photo()), "the owner deletes the photo before it is confirmed");
        h.put(ticket, jpeg);                                    // the URL is still valid: someone replays it
        UploadConfirmation confirmation = h.uploads().confirm(ticket.key());
        assertFalse(confirmation.accepted());
        assertEquals(ErrorCode.UNKNOWN_UPLOAD, confirmation.errorCode());
        assertTrue(confirmation.message().contains("deleted"), confirmation.message());
        assertTrue(h.blobs().head(ticket.key()).isEmpty());
        assertTrue(h.blobs().head(promotedKey(h, ticket.key())).isEmpty());
        assertTrue(settings.photos().get(ticket.photo()).isEmpty(), "the photo stays deleted");
    }

    /** A repository that silently drops every {@code create}: uploads it should have recorded have no record. */
    private static PhotoRepository forgettingCreates(PhotoRepository photos) {
        return (PhotoRepository) Proxy.newProxyInstance(PhotoRepository.class.getClassLoader(),
                new Class<?>[] {PhotoRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("create")) {
                        return null;
                    }
                    try {
                        return method.invoke(photos, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void anInfectedUploadIsRejectedWithTheVerdict() {
        ContentScanner flagsEverything = new ContentScanner() {
            @Override
            public ScanVerdict scan(String name, long length, InputStream content) {
                return ScanVerdict.infected("Contract-Test-Signature", name());
            }

            @Override
            public String name() {
                return "contract-scanner";
            }
        };
        Settings base = settings();
        Settings settings = new Settings(base.clock(), base.photos(), flagsEverything, null, DuplicatePolicy.REJECT,
                base.maxBytes());
        Harness h = harness(settings);
        byte[] jpeg = privateJpeg(6);
        UploadTicket ticket = uploaded(h, "image/jpeg", jpeg);
        UploadConfirmation confirmation = h.uploads().confirm(ticket.key());
        assertEquals(ErrorCode.INFECTED, confirmation.errorCode());
        assertTrue(confirmation.message().contains("Contract-Test-Signature"), confirmation.message());
        Photo record = settings.photos().get(ticket.photo()).orElseThrow();
        assertEquals(PhotoStatus.REJECTED, record.status());
        assertTrue(record.errorMessage().contains("Contract-Test-Signature"));
        assertTrue(h.blobs().head(promotedKey(h, ticket.key())).isEmpty());
    }

    @Test
    void aScannerThatCannotAnswerKeepsTheUploadInQuarantine() {
        ContentScanner down = new ContentScanner() {
            @Override
            public ScanVerdict scan(String name, long length, InputStream content) {
                throw new GalerlyException(ErrorCode.SCANNER_UNAVAILABLE, "clamd is down");
            }

            @Override
            public String name() {
                return "down";
            }
        };
        Settings base = settings();
        Settings settings = new Settings(base.clock(), base.photos(), down, null, DuplicatePolicy.REJECT, base.maxBytes());
        Harness h = harness(settings);
        byte[] jpeg = privateJpeg(7);
        UploadTicket ticket = uploaded(h, "image/jpeg", jpeg);
        GalerlyException e = assertThrows(GalerlyException.class, () -> h.uploads().confirm(ticket.key()));
        assertEquals(ErrorCode.SCANNER_UNAVAILABLE, e.code());
        assertTrue(e.retryable());
        assertTrue(h.blobs().head(ticket.key()).isPresent(), "still in quarantine, never promoted as clean");
        assertTrue(h.blobs().head(promotedKey(h, ticket.key())).isEmpty());
        assertTrue(settings.photos().get(ticket.photo()).map(p -> p.status() != PhotoStatus.REJECTED).orElse(true));
    }

    @Test
    void duplicatesAreRejectedOrLinkedPerGallery() {
        Settings base = settings();
        InMemoryContentIndex index = new InMemoryContentIndex();
        Harness h = harness(new Settings(base.clock(), base.photos(), base.scanner(), index, DuplicatePolicy.REJECT,
                base.maxBytes()));
        byte[] jpeg = privateJpeg(8);
        UploadTicket first = uploaded(h, "image/jpeg", jpeg);
        assertTrue(h.uploads().confirm(first.key()).accepted());
        UploadTicket second = uploaded(h, "image/jpeg", jpeg);
        UploadConfirmation duplicate = h.uploads().confirm(second.key());
        assertEquals(ErrorCode.DUPLICATE, duplicate.errorCode());
        assertTrue(duplicate.message().contains(first.photo().id().value()), duplicate.message());
        assertTrue(h.blobs().head(promotedKey(h, second.key())).isEmpty(), "no second copy");

        UploadTicket elsewhere = h.uploads().presignPut(UploadRequest.of(r -> r.gallery(GalleryId.of("other"))
                .contentType("image/jpeg").contentLength(jpeg.length)));
        h.put(elsewhere, jpeg);
        assertTrue(h.uploads().confirm(elsewhere.key()).accepted(), "dedup is per gallery");

        Harness linking = harness(new Settings(base.clock(), new InMemoryPhotoRepository(base.clock()), base.scanner(),
                new InMemoryContentIndex(), DuplicatePolicy.LINK, base.maxBytes()));
        UploadTicket a = uploaded(linking, "image/jpeg", jpeg);
        assertTrue(linking.uploads().confirm(a.key()).accepted());
        UploadTicket b = uploaded(linking, "image/jpeg", jpeg);
        UploadConfirmation linked = linking.uploads().confirm(b.key());
        assertTrue(linked.accepted());
        assertEquals(Optional.of(a.photo()), linked.linkedTo());
        assertTrue(linking.blobs().head(b.key()).isEmpty());
        assertTrue(linking.blobs().head(promotedKey(linking, b.key())).isEmpty(), "no second copy");
    }

    @Test
    void aFormIsBoundedToItsKeyTypeAndSize() {
        Harness h = harness(settings());
        byte[] jpeg = privateJpeg(9);
        UploadForm form = h.uploads().presignPost(UploadRequest.of(r -> r.gallery(GALLERY).contentType("image/jpeg")
                .contentLength(jpeg.length)));
        assertTrue(h.layout().parseIncoming(form.key()).isPresent(), form.key());
        assertThrows(RuntimeException.class, () -> h.post(form, Arrays.copyOf(jpeg, jpeg.length + 1)));
        h.post(form, jpeg);
        assertTrue(h.uploads().confirm(form.key()).accepted());
    }

    @Test
    void requestsOverTheLimitOrOfOtherTypesAreNotSigned() {
        Harness h = harness(settings());
        assertEquals(ErrorCode.LIMIT_EXCEEDED, assertThrows(GalerlyException.class, () -> h.uploads().presignPut(
                UploadRequest.of(r -> r.gallery(GALLERY).contentType("image/jpeg").contentLength(3 * 1024 * 1024))))
                .code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalerlyException.class, () -> h.uploads().presignPut(
                UploadRequest.of(r -> r.gallery(GALLERY).contentType("image/svg+xml").contentLength(100)))).code());
    }

    /** One table of accepted types and key extensions for every implementation: the trust path's defaults. */
    @Test
    void theAcceptedTypesAndTheirKeyExtensionsAreTheTrustPathDefaults() {
        Harness h = harness(settings());
        for (Map.Entry<String, String> type : Quarantine.defaultContentTypes().entrySet()) {
            UploadTicket put = h.uploads().presignPut(UploadRequest.of(r -> r.gallery(GALLERY)
                    .contentType(type.getKey()).contentLength(100)));
            assertTrue(put.key().endsWith("." + type.getValue()), type + ": " + put.key());
            UploadForm form = h.uploads().presignPost(UploadRequest.of(r -> r.gallery(GALLERY)
                    .contentType(type.getKey())));
            assertTrue(form.key().endsWith("." + type.getValue()), type + ": " + form.key());
        }
        for (String other : List.of("image/x-raw", "image/svg+xml", "text/html", "application/octet-stream")) {
            GalerlyException e = assertThrows(GalerlyException.class, () -> h.uploads().presignPut(
                    UploadRequest.of(r -> r.gallery(GALLERY).contentType(other).contentLength(100))), other);
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), other);
        }
    }

    @Test
    void downloadNamesAreSanitised() {
        Harness h = harness(settings());
        byte[] jpeg = privateJpeg(10);
        UploadTicket ticket = uploaded(h, "image/jpeg", jpeg);
        assertTrue(h.uploads().confirm(ticket.key()).accepted());
        String promoted = promotedKey(h, ticket.key());
        URI url = h.uploads().presignGet(promoted, Duration.ofMinutes(5),
                Optional.of("../../etc/passwd\r\nSet-Cookie: x=1\";.jpg"));
        String query = URLDecoder.decode(url.getRawQuery(), StandardCharsets.UTF_8);
        String disposition = query.substring(query.indexOf("response-content-disposition="));
        assertFalse(disposition.contains("\r") || disposition.contains("\n"), disposition);
        assertFalse(disposition.contains("../"), disposition);
        assertTrue(disposition.startsWith("response-content-disposition=attachment"), disposition);
        assertArrayEquals(read(h.blobs(), promoted), h.get(url));
        PhotoKey unused = ticket.photo();
        assertEquals(GALLERY, unused.gallery());
    }
}
