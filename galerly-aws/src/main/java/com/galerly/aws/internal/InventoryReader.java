/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import com.galerly.core.GalerlyException;
import com.galerly.core.reconcile.StoredObject;
import com.galerly.core.storage.BlobStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/** Reads an S3 Inventory manifest and streams its gzipped CSV files (for {@code S3Inventory}). */
public final class InventoryReader {
    private final String sourceBucket;
    private final Instant created;
    private final List<DataFile> files;
    private final List<String> schema;
    private final Opener opener;
    private final String manifestName;

    private InventoryReader(byte[] manifestJson, Opener opener, String manifestName) {
        this.opener = opener;
        this.manifestName = manifestName;
        Object manifest;
        try {
            manifest = Json.parse(new String(manifestJson, java.nio.charset.StandardCharsets.UTF_8));
        } catch (GalerlyException e) {
            throw GalerlyException.invalid("inventory manifest " + manifestName + ": " + e.getMessage());
        }
        String format = text(manifest, "fileFormat");
        if (!"CSV".equalsIgnoreCase(format)) {
            throw GalerlyException.invalid("inventory " + manifestName + " is in " + format
                    + " format; only CSV inventories are read (set the inventory configuration's format to CSV)");
        }
        this.sourceBucket = text(manifest, "sourceBucket");
        String timestamp = Json.text(manifest, "creationTimestamp").orElse("0");
        this.created = Instant.ofEpochMilli(Long.parseLong(timestamp.trim()));
        this.schema = List.of(text(manifest, "fileSchema").split("\\s*,\\s*"));
        if (!schema.contains("Key")) {
            throw GalerlyException.invalid("inventory " + manifestName + " has no Key column: " + schema);
        }
        List<DataFile> list = new ArrayList<>();
        if (Json.at(manifest, "files").filter(java.util.List.class::isInstance).isEmpty()) {
            throw GalerlyException.invalid("inventory manifest " + manifestName + " lists no files");
        }
        for (Object f : Json.array(manifest, "files")) {
            list.add(new DataFile(text(f, "key"), Json.text(f, "MD5checksum").orElse(null)));
        }
        this.files = List.copyOf(list);
    }

    /** A manifest read from disk; data files are found by key under an ancestor of {@code folder}. */
    public static InventoryReader local(byte[] manifestJson, Path folder, String manifestName) {
        return new InventoryReader(manifestJson, key -> Files.newInputStream(locate(folder, key)), manifestName);
    }

    /** A manifest read from the destination bucket; data files are read from it by key. */
    public static InventoryReader remote(byte[] manifestJson, BlobStore destination, String manifestName) {
        return new InventoryReader(manifestJson, key -> destination.get(key).stream(), manifestName);
    }

    public String sourceBucket() {
        return sourceBucket;
    }

    public Instant created() {
        return created;
    }

    public List<String> files() {
        return files.stream().map(DataFile::key).toList();
    }

    /** Streams the current objects of every file in turn. */
    public Iterator<StoredObject> objects() {
        return new Iterator<>() {
            private int file = -1;
            private Rows rows;
            private StoredObject next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    if (rows == null) {
                        if (++file >= files.size()) {
                            return false;
                        }
                        rows = new Rows(files.get(file));
                    }
                    next = rows.next();
                    if (next == null) {
                        rows.close();
                        rows = null;
                    }
                }
                return true;
            }

            @Override
            public StoredObject next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                StoredObject out = next;
                next = null;
                return out;
            }
        };
    }

    /** One data file's current objects, its MD5 checked when it ends. */
    private final class Rows {
        private final DataFile file;
        private final MessageDigest md5;
        private final BufferedReader lines;
        private final int key = schema.indexOf("Key");
        private final int size = schema.indexOf("Size");
        private final int modified = schema.indexOf("LastModifiedDate");
        private final int latest = schema.indexOf("IsLatest");
        private final int marker = schema.indexOf("IsDeleteMarker");
        private long line;

        Rows(DataFile file) {
            this.file = file;
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            try {
                InputStream raw = new DigestInputStream(opener.open(file.key()), md5);
                lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 64 * 1024), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw GalerlyException.io("cannot open inventory file " + file.key() + ": " + e.getMessage(), e);
            }
        }

        StoredObject next() {
            try {
                for (String text; (text = lines.readLine()) != null; ) {
                    line++;
                    if (text.isEmpty()) {
                        continue;
                    }
                    List<String> row = csv(text);
                    if (row.size() != schema.size()) {
                        throw GalerlyException.invalid("inventory file " + file.key() + " line " + line + " has "
                                + row.size() + " fields, its schema " + schema.size());
                    }
                    if ((latest >= 0 && "false".equalsIgnoreCase(row.get(latest)))
                            || (marker >= 0 && "true".equalsIgnoreCase(row.get(marker)))) {
                        continue;
                    }
                    return new StoredObject(URLDecoder.decode(row.get(key), StandardCharsets.UTF_8),
                            size >= 0 && !row.get(size).isEmpty() ? Long.parseLong(row.get(size)) : -1,
                            modified >= 0 ? instant(row.get(modified)) : null);
                }
                lines.transferTo(java.io.Writer.nullWriter());
                String actual = HexFormat.of().formatHex(md5.digest());
                if (file.md5() != null && !file.md5().toLowerCase(Locale.ROOT).equals(actual)) {
                    throw new GalerlyException(com.galerly.core.ErrorCode.IO_ERROR, "inventory file " + file.key()
                            + " does not match its manifest's MD5 (" + file.md5() + ", read " + actual
                            + "): incomplete download?");
                }
                return null;
            } catch (IOException e) {
                throw GalerlyException.io("cannot read inventory file " + file.key() + ": " + e.getMessage(), e);
            } catch (NumberFormatException e) {
                throw GalerlyException.invalid("inventory file " + file.key() + " line " + line + ": bad size");
            }
        }

        void close() {
            try {
                lines.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Instant instant(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw GalerlyException.invalid("inventory LastModifiedDate " + value + " is not an ISO-8601 instant");
        }
    }

    /** One CSV line: fields in double quotes (a doubled quote inside is a quote), or bare. */
    static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static Path locate(Path folder, String key) throws IOException {
        for (Path dir = folder; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(key);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        for (Path candidate : List.of(folder.resolve(name), folder.resolveSibling("data").resolve(name))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new java.io.FileNotFoundException("inventory file " + key + " is not under " + folder
                + " or any folder above it");
    }

    private String text(Object node, String field) {
        return Json.text(node, field)
                .orElseThrow(() -> GalerlyException.invalid("inventory manifest " + manifestName + " has no " + field));
    }

    @FunctionalInterface
    private interface Opener {
        InputStream open(String key) throws IOException;
    }

    private record DataFile(String key, String md5) {
    }

    @Override
    public String toString() {
        return "InventoryReader[" + manifestName + ", " + files.size() + " files]";
    }
}
