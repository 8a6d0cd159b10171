/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an S3 Inventory report in CSV format the way S3 lays it out under a destination prefix, for tests of
 * whatever reads one (a reconciliation, say): {@code <root>/<sourceBucket>/<configId>/data/<n>.csv.gz} files of
 * quoted, URL-encoded rows, and {@code <root>/<sourceBucket>/<configId>/<yyyy-MM-ddTHH-mmZ>/manifest.json} naming
 * them with their MD5, plus the {@code manifest.checksum} beside it.
 *
 * <pre>{@code
 * Path manifest = S3InventoryFiles.write(dir, "photos", "daily", clock.instant(),
 *         List.of(Row.current("originals/g/01jd....jpg", 1234, clock.instant())), 50_000);
 * }</pre>
 */
public final class S3InventoryFiles {
    /** The columns written, in S3's order. */
    public static final String SCHEMA = "Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag";

    private S3InventoryFiles() {
    }

    /**
     * One row of the report.
     *
     * @param key          the object key (written URL-encoded, as S3 does)
     * @param versionId    its version id, or null
     * @param latest       whether it is the current version
     * @param deleteMarker whether it is a delete marker
     * @param size         bytes
     * @param lastModified when it was written
     */
    public record Row(String key, String versionId, boolean latest, boolean deleteMarker, long size, Instant lastModified) {
        public Row {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(lastModified, "lastModified");
        }

        /** The current version of an object on an unversioned bucket. */
        public static Row current(String key, long size, Instant lastModified) {
            return new Row(key, null, true, false, size, lastModified);
        }
    }

    /** Writes the report, {@code rowsPerFile} rows a data file; returns the manifest's path. */
    public static Path write(Path root, String sourceBucket, String configId, Instant created, List<Row> rows,
                             int rowsPerFile) {
        if (rowsPerFile < 1) {
            throw new IllegalArgumentException("rowsPerFile must be at least 1, was " + rowsPerFile);
        }
        try {
            Path config = root.resolve(sourceBucket).resolve(configId);
            Files.createDirectories(config.resolve("data"));
            List<String> files = new ArrayList<>();
            int count = Math.max(1, (rows.size() + rowsPerFile - 1) / rowsPerFile);
            for (int n = 0; n < count; n++) {
                int from = n * rowsPerFile;
                String key = sourceBucket + "/" + configId + "/data/" + String.format("%08d", n) + ".csv.gz";
                Path file = root.resolve(key);
                MessageDigest md5 = MessageDigest.getInstance("MD5");
                try (OutputStream raw = new DigestOutputStream(Files.newOutputStream(file), md5);
                     Writer out = new java.io.OutputStreamWriter(new GZIPOutputStream(raw), StandardCharsets.UTF_8)) {
                    for (Row r : rows.subList(from, Math.min(rows.size(), from + rowsPerFile))) {
                        out.write(csv(sourceBucket, URLEncoder.encode(r.key(), StandardCharsets.UTF_8),
                                r.versionId() == null ? "" : r.versionId(), String.valueOf(r.latest()),
                                String.valueOf(r.deleteMarker()), r.deleteMarker() ? "" : String.valueOf(r.size()),
                                r.lastModified().toString(), r.deleteMarker() ? "" : "0123456789abcdef0123456789abcdef"));
                    }
                }
                files.add("{\"key\" : \"" + key + "\", \"size\" : " + Files.size(file) + ", \"MD5checksum\" : \""
                        + HexFormat.of().formatHex(md5.digest()) + "\"}");
            }
            Path dated = config.resolve(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm'Z'").withZone(ZoneOffset.UTC)
                    .format(created));
            Files.createDirectories(dated);
            String manifest = "{\n  \"sourceBucket\" : \"" + sourceBucket + "\",\n  \"destinationBucket\" : "
                    + "\"arn:aws:s3:::inventory-destination\",\n  \"version\" : \"2016-11-30\",\n"
                    + "  \"creationTimestamp\" : \"" + created.toEpochMilli() + "\",\n  \"fileFormat\" : \"CSV\",\n"
                    + "  \"fileSchema\" : \"" + SCHEMA + "\",\n  \"files\" : [ " + String.join(", ", files) + " ]\n}\n";
            Path path = dated.resolve("manifest.json");
            Files.writeString(path, manifest);
            Files.writeString(dated.resolve("manifest.checksum"), HexFormat.of().formatHex(
                    MessageDigest.getInstance("MD5").digest(manifest.getBytes(StandardCharsets.UTF_8))));
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String csv(String... fields) {
        StringBuilder line = new StringBuilder();
        for (String f : fields) {
            line.append(line.length() == 0 ? "" : ",").append('"').append(f.replace("\"", "\"\"")).append('"');
        }
        return line.append('\n').toString();
    }
}
