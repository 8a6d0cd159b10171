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
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.ProcessorSettings;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.upload.UploadConfirmation;
import com.galerly.core.upload.UploadForm;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadTicket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The fakes other than the two with contract suites: they must refuse what the real parts refuse. */
class FakesTest {
    private final TestClock clock = TestClock.standard();

    @Nested
    class FaultInjection {
        @Test
        void plannedFaultsApplyToTheirOperationInOrderThenStop() {
            Faults faults = new Faults().failNext("put", 1, Fault.THROTTLED).failNext(1, Fault.PERMANENT);
            GalerlyException e = assertThrows(GalerlyException.class, () -> faults.check("get"));
            assertEquals(ErrorCode.INTERNAL, e.code());
            assertFalse(e.retryable());
            GalerlyException throttled = assertThrows(GalerlyException.class, () -> faults.check("put"));
            assertEquals(ErrorCode.THROTTLED, throttled.code());
            assertTrue(throttled.retryable());
            faults.check("put");
            assertEquals(2, faults.injected());
            assertEquals(2, faults.calls("put"), "failed calls count too");
            assertEquals(1, faults.calls("get"));
            assertEquals(0, faults.calls("list"));
        }

        @Test
        void randomFaultsAreReproducibleFromTheirSeed() {
            int[] failures = new int[2];
            for (int run = 0; run < 2; run++) {
                Faults faults = new Faults().failRandomly(0.3, Fault.TRANSIENT, 99);
                for (int i = 0; i < 1000; i++) {
                    try {
                        faults.check("x");
                    } catch (GalerlyException e) {
                        failures[run]++;
                    }
                }
            }
            assertEquals(failures[0], failures[1]);
            assertTrue(failures[0] > 230 && failures[0] < 370, "about 30%: " + failures[0]);
        }

        @Test
        void refusesNonsense() {
            assertThrows(IllegalArgumentException.class, () -> new Faults().failNext(0, Fault.TRANSIENT));
            assertThrows(IllegalArgumentException.class, () -> new Faults().failRandomly(1.5, Fault.TRANSIENT, 1));
        }
    }

    @Nested
    class UrlSigning {
        @Test
        void verifiesItsOwnSignaturesUntilTheyExpire() {
            HmacUrlSigner signer = new HmacUrlSigner(clock);
            String url = signer.sign("https://cdn.test/renditions/g/p_small.jpg?v=3", clock.instant().plusSeconds(60));
            assertTrue(url.startsWith("https://cdn.test/renditions/g/p_small.jpg?v=3&Expires="), url);
            assertTrue(signer.verify(url));
            assertFalse(signer.verify(url.replace("p_small", "p_large")));
            clock.advance(Duration.ofSeconds(61));
            assertFalse(signer.verify(url));
            assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalerlyException.class,
                    () -> signer.sign("https://cdn.test/x", clock.instant().minusSeconds(1))).code());
        }
    }

    @Nested
    class Uploads {
        private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
        private final InMemoryUploadService uploads = InMemoryUploadService.builder().blobs(blobs).clock(clock)
                .maxBytes(1000).processor(new FakeImageProcessor()).build();
        private final GalleryId gallery = GalleryId.of("g");
        private final byte[] image = FakeImage.of(10, 10).toBytes();

        @Test
        void aPresignedPutStoresTheBodyUnderAGeneratedKey() {
            UploadTicket ticket = uploads.presignPut(UploadRequest.of(r -> r.gallery(gallery).contentType("image/jpeg")
                    .fileName("../../etc/passwd").contentLength(image.length).checksumSha256(sha256(image))));
            assertEquals("incoming/g/" + ticket.photo().id() + ".jpg", ticket.key());
            assertEquals("PUT", ticket.method());
            assertEquals("image/jpeg", ticket.headers().get("content-type"));
            assertEquals(Integer.toString(image.length), ticket.headers().get("content-length"));
            uploads.put(ticket.url(), ticket.headers(), image);
            assertArrayEquals(image, blobs.bytes(ticket.key()).orElseThrow());
            UploadConfirmation confirmation = uploads.confirm(ticket.key());
            assertTrue(confirmation.accepted());
            assertEquals(ImageFormat.JPEG, confirmation.format());
            assertArrayEquals(image, blobs.bytes("originals/g/" + ticket.photo().id() + ".jpg").orElseThrow(),
                    "promoted out of quarantine");
            assertTrue(blobs.head(ticket.key()).isEmpty());
        }

        @Test
        void aPresignedPutRefusesWhatS3WouldRefuse() {
            UploadTicket ticket = uploads.presignPut(UploadRequest.of(r -> r.gallery(gallery).contentType("image/jpeg")
                    .contentLength(image.length)));
            Map<String, String> png = new HashMap<>(ticket.headers());
            png.put("content-type", "image/png");
            assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(GalerlyException.class,
                    () -> uploads.put(ticket.url(), png, image)).code());
            URI tampered = URI.create(ticket.url().toString().replace(ticket.photo().id().value(), "01aaaaaaaaaaaaaaaaaaaaaaaa"));
            assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(GalerlyException.class,
                    () -> uploads.put(tampered, ticket.headers(), image)).code());
            assertThrows(GalerlyException.class, () -> uploads.put(ticket.url(), ticket.headers(), new byte[3]));
            clock.advance(Duration.ofMinutes(16));
            assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(GalerlyException.class,
                    () -> uploads.put(ticket.url(), ticket.headers(), image)).code());
            assertTrue(blobs.keys().isEmpty());
        }

        @Test
        void requestsAreCheckedBeforeAnythingIsSigned() {
            assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalerlyException.class, () -> uploads.presignPut(
                    UploadRequest.of(r -> r.gallery(gallery).contentType("text/html").contentLength(10)))).code());
            assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalerlyException.class, () -> uploads.presignPut(
                    UploadRequest.of(r -> r.gallery(gallery).contentType("image/jpeg")))).code(), "no length");
            assertEquals(ErrorCode.LIMIT_EXCEEDED, assertThrows(GalerlyException.class, () -> uploads.presignPut(
                    UploadRequest.of(r -> r.gallery(gallery).contentType("image/jpeg").contentLength(5000)))).code());
        }

        @Test
        void aFormPostIsBoundedByItsPolicy() {
            UploadForm form = uploads.presignPost(UploadRequest.of(r -> r.gallery(gallery).contentType("image/png")));
            assertEquals(ErrorCode.LIMIT_EXCEEDED, assertThrows(GalerlyException.class,
                    () -> uploads.post(form.fields(), new byte[1001])).code());
            Map<String, String> otherKey = new HashMap<>(form.fields());
            otherKey.put("key", "originals/other/x.png");
            assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(GalerlyException.class,
                    () -> uploads.post(otherKey, image)).code());
            uploads.post(form.fields(), image);
            assertTrue(blobs.head(form.key()).isPresent());
        }

        @Test
        void confirmDeletesWhatIsNotAnImage() {
            byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
            UploadTicket ticket = uploads.presignPut(UploadRequest.of(r -> r.gallery(gallery).contentType("image/jpeg")
                    .contentLength(script.length)));
            uploads.put(ticket.url(), ticket.headers(), script);
            UploadConfirmation confirmation = uploads.confirm(ticket.key());
            assertFalse(confirmation.accepted());
            assertEquals(ErrorCode.ACTIVE_CONTENT, confirmation.errorCode());
            assertTrue(blobs.head(ticket.key()).isEmpty());

            byte[] exe = "MZ\u0090\u0000 executable".getBytes(StandardCharsets.ISO_8859_1);
            UploadTicket other = uploads.presignPut(UploadRequest.of(r -> r.gallery(gallery).contentType("image/jpeg")
                    .contentLength(exe.length)));
            uploads.put(other.url(), other.headers(), exe);
            assertEquals(ErrorCode.UNSUPPORTED_FORMAT, uploads.confirm(other.key()).errorCode());
            assertTrue(blobs.keys().isEmpty());
        }

        @Test
        void presignedGetsServeTheObjectUntilTheyExpire() {
            UploadTicket ticket = uploads.presignPut(UploadRequest.of(r -> r.gallery(gallery).contentType("image/jpeg")
                    .contentLength(image.length)));
            uploads.put(ticket.url(), ticket.headers(), image);
            URI get = uploads.presignGet(ticket.key(), Duration.ofMinutes(1), Optional.of("My \"best\" photo.jpg"));
            assertTrue(get.toString().contains("response-content-disposition="), get.toString());
            assertArrayEquals(image, uploads.get(get));
            clock.advance(Duration.ofMinutes(2));
            assertThrows(GalerlyException.class, () -> uploads.get(get));
        }

        private String sha256(byte[] bytes) {
            try {
                return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Nested
    class ImageProcessing {
        private final FakeImageProcessor processor = new FakeImageProcessor(ProcessorSettings.of(s -> s.maxMegapixels(50)));

        @Test
        void rendersEveryRenditionWithTheRealGeometry() {
            ProcessedImage out = processor.process(ImageSource.of("p.jpg",
                    FakeImage.of(4000, 3000).orientation(8).toBytes()), RenditionProfile.standard());
            assertEquals(4, out.renditions().size());
            assertEquals("400x400", out.rendition("thumbnail").orElseThrow().size().toString());
            assertEquals("450x600", out.rendition("small").orElseThrow().size().toString());
            ImageInfo info = processor.inspect(ImageSource.of("p.jpg", out.rendition("small").orElseThrow().bytes()));
            assertEquals(450, info.width());
            assertEquals(1, info.orientation());
        }

        @Test
        void errorPathsCarryStableCodes() {
            assertEquals(ErrorCode.UNSUPPORTED_FORMAT, assertThrows(GalerlyException.class, () -> processor.process(
                    ImageSource.of("x.jpg", "GIF89a....".getBytes(StandardCharsets.US_ASCII)), RenditionProfile.standard()))
                    .code());
            assertEquals(ErrorCode.CORRUPT_IMAGE, assertThrows(GalerlyException.class, () -> processor.process(
                    ImageSource.of("x.jpg", FakeImage.corruptBytes()), RenditionProfile.standard())).code());
            GalerlyException limit = assertThrows(GalerlyException.class, () -> processor.process(
                    ImageSource.of("big.jpg", FakeImage.of(10_000, 10_000).toBytes()), RenditionProfile.standard()));
            assertEquals(ErrorCode.LIMIT_EXCEEDED, limit.code());
            assertTrue(limit.getMessage().contains("big.jpg") && limit.getMessage().contains("50000000"), limit.getMessage());
        }
    }
}
