/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.upload.UploadForm;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadTicket;
import com.galerly.testkit.property.Cases;
import com.galerly.testkit.property.Generator;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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
    private static final String CONTROLS_AND_SEPARATORS = Generator.chars('\u0000', '\u001f') + "/\\.\u202e";
    private static final String BEYOND_LATIN1 = Generator.chars('\u0100', '\uffff');

    @AfterAll
    static void close() {
        UPLOADS.close();
    }

    /** Any name; controls and path separators; long names beyond Latin-1; known tricks, a quarter each. */
    private static String hostileName(Generator g) {
        return switch (g.oneOf(0, 1, 2, 3)) {
            case 0 -> g.string(Generator.ANY_CHARS, 0, 2048);
            case 1 -> g.string(CONTROLS_AND_SEPARATORS, 0, 64);
            case 2 -> g.string(BEYOND_LATIN1, 600, 2048);
            default -> g.oneOf("../../etc/passwd", "..", "/", "a/../../b.jpg", "..\\..\\boot.ini",
                    "%2e%2e%2fescape.jpg", "\u0000.jpg", "x\r\nx-amz-acl: public-read");
        };
    }

    @Test
    void aFileNameNeverReachesTheKey() {
        Cases.check(300, UploadKeyProperties::hostileName, UploadKeyProperties::neverReachesTheKey);
    }

    private static void neverReachesTheKey(String fileName) {
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
