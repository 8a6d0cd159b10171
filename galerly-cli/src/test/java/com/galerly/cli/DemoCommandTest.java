/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.testkit.dynamodb.DynaliteExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * End to end on the real parts: S3Proxy on loopback, presigned uploads over HTTP, S3 events through the
 * SQS-shaped handler, the real imaging engine, records in the embedded SQL store (the default) or in dynalite
 * (DynamoDB API), signed listings. The chaos contract holds on every store.
 */
class DemoCommandTest {
    @TempDir
    Path out;

    private String[] run(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = GalerlyCli.run(args, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        return new String[] {Integer.toString(code), stdout.toString(), stderr.toString()};
    }

    @Test
    void chaosDeliveryEndsWithEveryPhotoActiveOnceAndNoOrphans() throws Exception {
        String[] result = run("demo", "--chaos", "--samples", "4", "--seed", "7", "--out", out.toString());
        assertChaosContract(result);
        assertTrue(result[1].contains("records: the embedded SQL store"), result[1]);
        String html = Files.readString(out.resolve("gallery.html"));
        assertTrue(html.contains("recorded in the embedded SQL store"), "gallery.html says which store");
    }

    @Test
    void bothDynamoDbOptionsAreAUsageError() {
        String[] result = run("demo", "--dynamodb", "--dynamodb-endpoint", "http://127.0.0.1:1");
        assertEquals("2", result[0]);
        assertEquals("galerly: --dynamodb and --dynamodb-endpoint are exclusive", result[2].strip());
    }

    /** The same demo with its records in DynamoDB's API (dynalite): skipped with the reason when node is missing. */
    @Nested
    class OnDynamoDb {
        @RegisterExtension
        static final DynaliteExtension DDB = DynaliteExtension.create();

        @Test
        void chaosContractHoldsOnADynamoDbEndpoint() throws Exception {
            String[] result = run("demo", "--chaos", "--samples", "4", "--seed", "11", "--out", out.toString(),
                    "--dynamodb-endpoint", DDB.endpoint().toString());
            assertChaosContract(result);
            assertTrue(result[1].contains("records: DynamoDB at " + DDB.endpoint()), result[1]);
        }

        @Test
        void dynamodbStartsDynaliteItself() throws Exception {
            String[] result = run("demo", "--samples", "2", "--out", out.toString(), "--dynamodb");
            assertEquals("0", result[0], result[2]);
            assertTrue(result[1].contains("2 photos, 2 active, 0 failed"), result[1]);
            assertTrue(result[1].contains("records: dynalite (DynamoDB API) at http://127.0.0.1:"), result[1]);
        }
    }

    private void assertChaosContract(String[] result) throws Exception {
        assertEquals("0", result[0], result[2]);
        List<String> lines = result[1].strip().lines().toList();
        JsonNode summary = JsonNode.parser().parse(lines.get(lines.size() - 1));
        assertEquals("4", summary.field("photos").orElseThrow().asNumber());
        assertEquals("4", summary.field("active").orElseThrow().asNumber());
        assertEquals("0", summary.field("failed").orElseThrow().asNumber());
        assertEquals("0", summary.field("orphans").orElseThrow().asNumber());
        assertTrue(Long.parseLong(summary.field("duplicatesSuppressed").orElseThrow().asNumber()) >= 4,
                "every event was delivered twice: " + summary);
        assertTrue(result[1].contains("Key-Pair-Id=KDEMOGALERLY01"), "the listing carries signed CloudFront URLs");
        String html = Files.readString(out.resolve("gallery.html"));
        assertEquals(4, html.split("<figure>", -1).length - 1);
        try (var files = Files.list(out.resolve("renditions"))) {
            assertEquals(16, files.count(), "four renditions of each photo");
        }
    }

    @Test
    void lifecycleOnAVersionedBucketEndsWithEveryFieldRight() throws Exception {
        String[] result = run("demo", "--lifecycle", "--samples", "2", "--out", out.toString());
        assertEquals("0", result[0], result[2]);
        JsonNode summary = lastLine(result[1]);
        assertEquals(List.of("photos", "replacedUrlsChanged", "unchangedUrlsStable", "staleServed", "reprofiled",
                "secondBackfillWrites", "objectsLeft", "recordsLeft", "orphans"), List.copyOf(summary.asObject().keySet()),
                "the fields CLI.md names, in its order");
        assertEquals("2", summary.field("photos").orElseThrow().asNumber());
        assertTrue(summary.field("replacedUrlsChanged").orElseThrow().asBoolean());
        assertTrue(summary.field("unchangedUrlsStable").orElseThrow().asBoolean());
        assertEquals("0", summary.field("staleServed").orElseThrow().asNumber());
        assertEquals("2", summary.field("reprofiled").orElseThrow().asNumber());
        assertEquals("0", summary.field("secondBackfillWrites").orElseThrow().asNumber());
        assertEquals("0", summary.field("objectsLeft").orElseThrow().asNumber());
        assertEquals("0", summary.field("recordsLeft").orElseThrow().asNumber());
        assertEquals("0", summary.field("orphans").orElseThrow().asNumber());
        assertTrue(result[2].contains("Adobe S3Mock (versioned bucket) at http://127.0.0.1:"), result[2]);
        assertTrue(result[1].contains("backfill 1 {PROCESSED=2}") && result[1].contains("backfill 2 {DUPLICATE=2} with 0 writes"),
                result[1]);
        assertTrue(result[2].contains("the replaced photo's old URL still answers 200 (Hit from local-cloudfront)"),
                "the edge cache keyed by path is there, so a stale URL would be caught: " + result[2]);
    }

    @Test
    void aPlainDeleteOnTheVersionedBucketLeavesVersionsAndFailsTheLifecycle() throws Exception {
        String[] result = run("demo", "--lifecycle", "--fault", "PLAIN_DELETE", "--samples", "2", "--out", out.toString());
        assertEquals("1", result[0], result[2]);
        JsonNode summary = lastLine(result[1]);
        // a plain DELETE on a versioned bucket adds delete markers and keeps every version: the original, the
        // upload's copy in quarantine and each rendition stay restorable
        assertTrue(Long.parseLong(summary.field("objectsLeft").orElseThrow().asNumber()) > 0, summary.toString());
        assertEquals("0", summary.field("recordsLeft").orElseThrow().asNumber());
        assertEquals("0", summary.field("orphans").orElseThrow().asNumber());
        assertTrue(summary.field("replacedUrlsChanged").orElseThrow().asBoolean());
        assertTrue(result[2].contains("galerly demo: lifecycle: objectsLeft: "), result[2]);
    }

    @Test
    void lifecycleIsExclusiveWithChaosAndTheFaultNeedsIt() {
        String[] both = run("demo", "--lifecycle", "--chaos");
        assertEquals("2", both[0]);
        assertEquals("galerly: --lifecycle, --chaos and --serve are exclusive", both[2].strip());
        String[] fault = run("demo", "--fault", "PLAIN_DELETE");
        assertEquals("2", fault[0]);
        assertEquals("galerly: --fault needs --lifecycle", fault[2].strip());
    }

    private static JsonNode lastLine(String stdout) {
        List<String> lines = stdout.strip().lines().toList();
        return JsonNode.parser().parse(lines.get(lines.size() - 1));
    }

    @Test
    void userPhotosIncludingABrokenOneAreReportedNotFatal() throws Exception {
        Path photos = Files.createDirectories(out.resolve("in"));
        Files.write(photos.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16});
        Files.writeString(photos.resolve("notes.txt"), "not a photo, not even picked");
        String[] result = run("demo", "--photos", photos.toString(), "--out", out.resolve("o").toString());
        assertEquals("0", result[0], result[2]);
        assertTrue(result[1].contains("CORRUPT_IMAGE"), result[1]);
        assertTrue(result[1].contains("1 photos, 0 active, 1 failed"), result[1]);
    }

    @Test
    void aFolderWithoutImagesIsAUsageError() throws Exception {
        Path empty = Files.createDirectories(out.resolve("empty"));
        String[] result = run("demo", "--photos", empty.toString());
        assertEquals("2", result[0]);
        assertTrue(result[2].startsWith("galerly: no image files in"), result[2]);
    }
}
