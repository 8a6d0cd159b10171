/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.upload.UploadForm;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadTicket;
import java.net.URI;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Whatever file name a client sends, the upload's key is a generated one inside the gallery's originals
 * prefix, and the name reaches S3 only as ASCII metadata. Signing is local: no server is needed.
 */
class UploadKeyProperties {
    private static final GalleryId GALLERY = GalleryId.of("g-1");
    private static final S3UploadService UPLOADS = S3UploadService.builder()
            .bucket(S3Bucket.builder().name("photos").region("eu-west-1").endpoint(URI.create("http://127.0.0.1:9"))
                    .build())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
            .build();

    @AfterContainer
    static void close() {
        UPLOADS.close();
    }

    @Provide
    Arbitrary<String> hostileNames() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(2048),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('/', '\\', '.', '\u202e')
                        .ofMaxLength(64),
                Arbitraries.strings().withCharRange('\u0100', '\uffff').ofMinLength(600).ofMaxLength(2048),
                Arbitraries.of("../../etc/passwd", "..", "/", "a/../../b.jpg", "..\\..\\boot.ini",
                        "%2e%2e%2fescape.jpg", "\u0000.jpg", "x\r\nx-amz-acl: public-read"));
    }

    @Property(tries = 300)
    void aFileNameNeverReachesTheKey(@ForAll("hostileNames") String fileName) {
        UploadRequest request = UploadRequest.builder().gallery(GALLERY).contentType("image/jpeg").fileName(fileName)
                .contentLength(1000).build();
        UploadTicket ticket = UPLOADS.presignPut(request);
        UploadForm form = UPLOADS.presignPost(request);

        for (String key : new String[] {ticket.key(), form.key()}) {
            KeyLayout.Original original = KeyLayout.standard().parseIncoming(key).orElseThrow();
            assertEquals(GALLERY, original.gallery());
            assertTrue(key.startsWith("incoming/g-1/") && key.endsWith(".jpg"), key);
        }
        assertEquals("/photos/" + ticket.key(), ticket.url().getRawPath());
        assertEquals(form.key(), form.fields().get("key"));
        String metadata = ticket.headers().getOrDefault("x-amz-meta-filename", "");
        assertTrue(metadata.chars().allMatch(c -> c >= 0x20 && c < 0x7f), metadata);
        assertEquals(metadata, form.fields().getOrDefault("x-amz-meta-filename", ""));
    }
}
