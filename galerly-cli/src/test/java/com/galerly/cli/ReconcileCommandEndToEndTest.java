/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.galerly.aws.dynamodb.DynamoDbPhotoRepository;
import com.galerly.aws.dynamodb.PhotoTable;
import com.galerly.aws.s3.S3BlobStore;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.Rendition;
import com.galerly.core.image.Fingerprints;
import com.galerly.core.image.ImageProcessors;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.storage.PutOptions;
import com.galerly.testkit.dynamodb.DynaliteExtension;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import com.galerly.testkit.s3.S3ProxyExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code galerly reconcile --gallery} against S3Proxy and dynalite: it reports an orphan rendition and a dead
 * worker's photo, {@code --repair} deletes the orphan and renders the photo through the pipeline, and a second run
 * finds nothing.
 */
class ReconcileCommandEndToEndTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("photos").build();
    @RegisterExtension
    static final DynaliteExtension DDB = DynaliteExtension.create();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", S3.accessKey());
        System.setProperty("aws.secretAccessKey", S3.secretKey());
    }

    @AfterAll
    static void forgetCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private JsonNode run(int expectedExit, String... extra) throws Exception {
        out.getBuffer().setLength(0);
        List<String> args = new ArrayList<>(List.of("reconcile", "--bucket", "photos", "--region", S3.region().id(),
                "--endpoint", S3.endpoint().toString(), "--table", "recon", "--dynamodb-endpoint",
                DDB.endpoint().toString(), "--gallery", "wedding", "--grace", "PT0S"));
        args.addAll(List.of(extra));
        int exit = GalerlyCli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(expectedExit, exit, err + " " + out);
        return JSON.readTree(out.toString());
    }

    @Test
    void reportsRepairsAndThenFindsNothing() throws Exception {
        Clock clock = Clock.systemUTC();
        PhotoTable.create(DDB.client(), "recon");
        DynamoDbPhotoRepository photos = DynamoDbPhotoRepository.create(DDB.client(), "recon", clock);
        S3Client s3 = S3.client();
        S3BlobStore blobs = S3BlobStore.create(s3, "photos");
        KeyLayout layout = KeyLayout.standard();
        GalleryId gallery = GalleryId.of("wedding");
        PhotoId.Generator ids = PhotoId.generator(clock);

        PhotoId healthy = ids.next();
        String healthyThumb = layout.renditionKey(gallery, healthy, "thumbnail", "jpg");
        blobs.put(healthyThumb, new byte[] {1}, PutOptions.immutable("image/jpeg"));
        blobs.put(layout.originalKey(gallery, healthy, "jpg"), new byte[] {2}, PutOptions.of("image/jpeg"));
        photos.create(Photo.builder().gallery(gallery).id(healthy).status(PhotoStatus.ACTIVE)
                .originalKey(layout.originalKey(gallery, healthy, "jpg")).uploadedAt(clock.instant())
                .renditions(List.of(new Rendition("thumbnail", healthyThumb, 10, 10, 1, "image/jpeg")))
                .profileFingerprint(Fingerprints.profile(RenditionProfile.standard(), ImageProcessors.load().outputVersion()))
                .build());
        PhotoId drifted = ids.next();                   // rendered by an older profile: reported, not repaired here
        String driftedOriginal = layout.originalKey(gallery, drifted, "jpg");
        blobs.put(driftedOriginal, new byte[] {4}, PutOptions.of("image/jpeg"));
        photos.create(Photo.builder().gallery(gallery).id(drifted).status(PhotoStatus.ACTIVE).originalKey(driftedOriginal)
                .uploadedAt(clock.instant()).profileFingerprint("0123456789ab").build());
        String orphan = layout.renditionKey(gallery, ids.next(), "small", "jpg");
        blobs.put(orphan, new byte[] {3}, PutOptions.immutable("image/jpeg"));
        PhotoId dead = ids.next();
        String original = layout.originalKey(gallery, dead, "jpg");
        blobs.put(original, ImageFiles.jpeg(SyntheticImages.photo(640, 480, 7), 90), PutOptions.of("image/jpeg"));
        photos.create(Photo.builder().gallery(gallery).id(dead).status(PhotoStatus.PROCESSING).originalKey(original)
                .uploadedAt(clock.instant()).lease(new Lease("dead-worker", clock.instant().minus(Duration.ofMinutes(5))))
                .build());

        JsonNode report = run(1);
        assertEquals(1, report.get("counts").get("ORPHAN_RENDITION").asInt(), report.toString());
        assertEquals(1, report.get("counts").get("EXPIRED_LEASE").asInt(), report.toString());
        assertEquals(1, report.get("counts").get("FINGERPRINT_DRIFT").asInt(), report.toString());
        assertEquals(3, report.get("findings").size(), report.toString());
        assertTrue(blobs.head(orphan).isPresent(), "checking changes nothing");

        photos.delete(new PhotoKey(gallery, drifted));  // (its original is no image: a repair could not render it)
        blobs.delete(driftedOriginal);
        JsonNode repaired = run(0, "--repair");
        assertEquals(2, repaired.get("repaired").asInt(), repaired.toString());
        assertTrue(blobs.head(orphan).isEmpty());
        Photo rendered = photos.get(new PhotoKey(gallery, dead)).orElseThrow();
        assertEquals(PhotoStatus.ACTIVE, rendered.status());
        assertEquals(4, rendered.renditions().size());
        assertTrue(blobs.head(healthyThumb).isPresent());

        JsonNode again = run(0);
        assertEquals(0, again.get("findings").size(), again.toString());
    }
}
