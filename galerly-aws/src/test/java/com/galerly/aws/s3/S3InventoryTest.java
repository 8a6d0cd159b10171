/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.reconcile.StoredObject;
import com.galerly.core.storage.PutOptions;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.S3InventoryFiles;
import com.galerly.testkit.S3InventoryFiles.Row;
import com.galerly.testkit.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link S3Inventory} reads the CSV report as S3 lays it out: manifest, gzipped files, URL-encoded keys, MD5s. */
class S3InventoryTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void currentObjectsAreStreamedAcrossFilesWithDecodedKeys() {
        List<Row> rows = List.of(
                Row.current("originals/g/with space+plus.jpg", 10, T),
                new Row("renditions/g/old.jpg", "v1", false, false, 5, T),     // an older version
                new Row("renditions/g/gone.jpg", "v2", true, true, 0, T),      // deleted: its marker is latest
                Row.current("renditions/g/日本語_thumbnail.jpg", 20, T.plusSeconds(1)),
                Row.current("renditions/g/q\"uote%25.jpg", 30, T.plusSeconds(2)));
        Path manifest = S3InventoryFiles.write(dir, "photos", "daily", T, rows, 2);
        S3Inventory inventory = S3Inventory.read(manifest);
        assertEquals("photos", inventory.sourceBucket());
        assertEquals(T, inventory.created());
        assertEquals(3, inventory.files().size());
        assertEquals(List.of(new StoredObject("originals/g/with space+plus.jpg", 10, T),
                new StoredObject("renditions/g/日本語_thumbnail.jpg", 20, T.plusSeconds(1)),
                new StoredObject("renditions/g/q\"uote%25.jpg", 30, T.plusSeconds(2))), list(inventory));
        assertEquals(3, list(inventory).size(), "each pass reads the files again");
    }

    @Test
    void aReportInTheDestinationBucketReadsThroughTheBlobStore() throws IOException {
        Path manifest = S3InventoryFiles.write(dir, "photos", "daily", T, List.of(Row.current("originals/g/a.jpg", 1, T)), 10);
        InMemoryBlobStore destination = new InMemoryBlobStore(TestClock.standard());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                destination.put(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f), PutOptions.of("application/octet-stream"));
            }
        }
        S3Inventory inventory = S3Inventory.read(destination, dir.relativize(manifest).toString().replace('\\', '/'));
        assertEquals(List.of(new StoredObject("originals/g/a.jpg", 1, T)), list(inventory));
    }

    @Test
    void aFileThatDoesNotMatchItsMd5IsRefused() throws IOException {
        Path manifest = S3InventoryFiles.write(dir, "photos", "daily", T, List.of(Row.current("originals/g/a.jpg", 1, T)), 10);
        Path data = dir.resolve("photos/daily/data/00000000.csv.gz");
        byte[] other = Files.readAllBytes(S3InventoryFiles.write(dir.resolve("other"), "photos", "daily", T,
                List.of(Row.current("originals/g/b.jpg", 1, T)), 10).getParent().getParent().resolve("data/00000000.csv.gz"));
        Files.write(data, other);
        GalerlyException e = assertThrows(GalerlyException.class, () -> list(S3Inventory.read(manifest)));
        assertEquals(ErrorCode.IO_ERROR, e.code());
    }

    @Test
    void otherFormatsAndMissingFilesAreExplained() throws IOException {
        Path manifest = S3InventoryFiles.write(dir, "photos", "daily", T, List.of(Row.current("originals/g/a.jpg", 1, T)), 10);
        Files.writeString(manifest, Files.readString(manifest).replace("\"CSV\"", "\"Parquet\""));
        GalerlyException format = assertThrows(GalerlyException.class, () -> S3Inventory.read(manifest));
        assertEquals(ErrorCode.INVALID_ARGUMENT, format.code());
        Files.writeString(manifest, Files.readString(manifest).replace("\"Parquet\"", "\"CSV\""));
        Files.delete(dir.resolve("photos/daily/data/00000000.csv.gz"));
        assertEquals(ErrorCode.IO_ERROR, assertThrows(GalerlyException.class, () -> list(S3Inventory.read(manifest))).code());
    }

    private static List<StoredObject> list(S3Inventory inventory) {
        List<StoredObject> out = new ArrayList<>();
        inventory.objects().forEach(out::add);
        return out;
    }
}
