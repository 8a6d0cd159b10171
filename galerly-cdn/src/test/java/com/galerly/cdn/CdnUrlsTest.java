/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoStatus;
import com.galerly.core.Rendition;
import com.galerly.testkit.cdn.CloudFrontEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CdnUrlsTest {
    private static final GalleryId GALLERY = GalleryId.of("smith-wedding");
    private static final PhotoId ID = PhotoId.of("01jd6v2k8m3q9x7c5t4r2n0bza");
    private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");
    private static final CdnUrls URLS = CdnUrls.builder().domain("cdn.example.com").build();

    static Photo photo(KeyLayout layout, long version, String eTag, long smallBytes) {
        return Photo.builder().gallery(GALLERY).id(ID).status(PhotoStatus.ACTIVE)
                .originalKey(layout.originalKey(GALLERY, ID, "jpg"))
                .uploadedAt(NOW).version(version).eTag(eTag)
                .renditions(List.of(
                        new Rendition("thumbnail", layout.renditionKey(GALLERY, ID, "thumbnail", "jpg"), 400, 400, 31_000,
                                "image/jpeg"),
                        new Rendition("small", layout.renditionKey(GALLERY, ID, "small", "jpg"), 800, 533, smallBytes,
                                "image/jpeg")))
                .build();
    }

    private static final Photo PHOTO = photo(KeyLayout.standard(), 4, "\"9b2cf535f27731c974343645a3985328\"", 88_000);

    @Test
    void aFingerprintedRenditionKeyIsItsOwnVersionWithoutAQueryString() {
        KeyLayout layout = KeyLayout.standard();
        Photo fingerprinted = PHOTO.toBuilder().renditions(java.util.List.of(
                new Rendition("small", layout.renditionKey(GALLERY, ID, "small", "5f3a9c20e1b7", "jpg"), 800, 533, 88_000,
                        "image/jpeg"))).build();
        for (Versioning versioning : Versioning.values()) {
            CdnUrls urls = CdnUrls.builder().domain("cdn.example.com").versioning(versioning).build();
            assertEquals("https://cdn.example.com/renditions/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza_small.5f3a9c20e1b7.jpg",
                    urls.rendition(fingerprinted, "small"), versioning.name());
            assertEquals(urls.rendition(fingerprinted, "small"),
                    urls.rendition(fingerprinted.toBuilder().version(99).build(), "small"), "record writes keep the URL");
        }
    }

    @Test
    void buildsVersionedUrlsOfRenditionsAndOriginals() {
        String base = "https://cdn.example.com/renditions/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza_";
        assertEquals(base + "small.jpg?v=4", URLS.rendition(PHOTO, "small"));
        assertEquals(Map.of("thumbnail", base + "thumbnail.jpg?v=4", "small", base + "small.jpg?v=4"),
                URLS.renditions(PHOTO));
        assertEquals(List.of("thumbnail", "small"), List.copyOf(URLS.renditions(PHOTO).keySet()), "profile order");
        assertEquals("https://cdn.example.com/originals/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza.jpg?v=4",
                URLS.original(PHOTO));
    }

    @Test
    void aReplacedPhotoGetsNewUrls() {
        Photo replaced = photo(KeyLayout.standard(), 7, "\"0f343b0931126a20f133d67c2b018a3b\"", 91_000);
        assertNotEquals(URLS.rendition(PHOTO, "small"), URLS.rendition(replaced, "small"));

        CdnUrls content = URLS.toBuilder().versioning(Versioning.CONTENT).build();
        assertNotEquals(content.rendition(PHOTO, "small"), content.rendition(replaced, "small"));
        assertNotEquals(content.original(PHOTO), content.original(replaced));
        Photo metadataOnly = PHOTO.with(b -> b.version(12).fileName("renamed.jpg"));
        assertEquals(content.rendition(PHOTO, "small"), content.rendition(metadataOnly, "small"),
                "a metadata-only write keeps content URLs (and their cached copies)");
        Photo reRendered = PHOTO.with(b -> b.renditions(photo(KeyLayout.standard(), 4, PHOTO.eTag(), 87_000)
                .renditions()));
        assertNotEquals(content.rendition(PHOTO, "small"), content.rendition(reRendered, "small"),
                "a re-render with different output changes the URL even for the same original");
        assertTrue(content.rendition(PHOTO, "small").matches(".*_small\\.jpg\\?v=[0-9a-f]{12}"));

        assertEquals("https://cdn.example.com/renditions/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza_small.jpg",
                URLS.toBuilder().versioning(Versioning.NONE).build().rendition(PHOTO, "small"));
        assertTrue(URLS.toBuilder().versionParameter("rev").build().rendition(PHOTO, "small").endsWith("?rev=4"));
    }

    @Test
    void percentEncodesKeysAsS3AndCloudFrontReadThem() {
        assertEquals("https://cdn.example.com/originals/my%20gallery/%C3%BCn%C3%AF%2Bco%E2%9C%93_%F0%9F%93%B7.jpg",
                URLS.url("originals/my gallery/\u00fcn\u00ef+co\u2713_\uD83D\uDCF7.jpg"));
        assertEquals("https://cdn.example.com/a/b-c.d_e~f%25g%3Fh%23i%26j.jpg", URLS.url("a/b-c.d_e~f%g?h#i&j.jpg"));
        CdnUrls prefixed = CdnUrls.of(b -> b.domain("CDN.Example.com").pathPrefix("media files/")
                .layout(KeyLayout.builder().renditionsPrefix("r\u00e9nditions/").build()));
        Photo photo = photo(prefixed.layout(), 1, null, 88_000);
        assertEquals("https://cdn.example.com/media%20files/r%C3%A9nditions/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza_"
                + "small.jpg?v=1", prefixed.rendition(photo, "small"));
    }

    @Test
    void galleryAndPhotoPatternsCoverEveryRenditionWithOneSignature() {
        CdnUrls urls = CdnUrls.of(b -> b.domain("cdn.example.com").pathPrefix("media/")
                .layout(KeyLayout.builder().renditionsPrefix("public renditions/").build()));
        Photo photo = photo(urls.layout(), 3, null, 88_000);
        assertEquals("https://cdn.example.com/media/public%20renditions/smith-wedding/*", urls.galleryPattern(GALLERY));
        assertEquals("/media/public%20renditions/smith-wedding/", urls.galleryPath(GALLERY));
        assertEquals("https://cdn.example.com/media/public%20renditions/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza_*",
                urls.photoPattern(photo));

        CloudFrontSigner signer = CloudFrontSigner.builder().keyPair("EC", SigningKey.of(TestKeys.EC_P256.getPrivate()))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        SignedPolicy gallery = signer.signPolicy(Policy.custom(urls.galleryPattern(GALLERY), NOW.plus(Duration.ofHours(1))));
        CloudFrontEmulator cloudFront = new CloudFrontEmulator(Map.of("EC", TestKeys.EC_P256.getPublic()));
        for (String url : urls.renditions(photo).values()) {
            assertTrue(cloudFront.checkUrl(gallery.appendTo(url), NOW, "192.0.2.1").allowed(), url);
            assertTrue(cloudFront.checkCookies(url, gallery.cookies().values(), NOW, "192.0.2.1").allowed(), url);
        }
        GalerlyException original = assertThrows(GalerlyException.class, () -> gallery.appendTo(urls.original(photo)));
        assertTrue(original.getMessage().contains("not covered"), "originals are outside the renditions pattern");
    }

    @Test
    void aMissingRenditionIsNotFoundAndNamesWhatExists() {
        Photo pending = PHOTO.with(b -> b.status(PhotoStatus.PENDING).renditions(Map.of()));
        GalerlyException e = assertThrows(GalerlyException.class, () -> URLS.rendition(pending, "small"));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("PENDING") && e.getMessage().contains("\"small\""), e.getMessage());
        assertEquals(Map.of(), URLS.renditions(pending));
    }

    @Test
    void refusesUnsafeKeysAndBadSettings() {
        GalerlyException unsafe = assertThrows(GalerlyException.class, () -> URLS.url("renditions/../secrets.txt"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, unsafe.code());
        assertThrows(GalerlyException.class, () -> URLS.url("/leading-slash.jpg"));
        for (String domain : new String[] {"https://cdn.example.com", "cdn.example.com/path", "", "cdn_example.com",
                "cdn.example.com:0"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CdnUrls.builder().domain(domain));
            assertTrue(e.getMessage().startsWith("domain"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> CdnUrls.builder().pathPrefix("/media/"));
        assertThrows(IllegalArgumentException.class, () -> CdnUrls.builder().pathPrefix("media"));
        assertThrows(IllegalArgumentException.class, () -> CdnUrls.builder().versionParameter("Expires"));
        assertThrows(IllegalArgumentException.class, () -> CdnUrls.builder().build());
        assertEquals("cdn.example.com:8443", CdnUrls.of(b -> b.domain("cdn.example.com:8443")).domain());
    }
}
