/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import com.galerly.aws.internal.InventoryReader;
import com.galerly.core.GalerlyException;
import com.galerly.core.reconcile.StoredObject;
import com.galerly.core.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * An Amazon S3 Inventory report in CSV format, as S3 writes it: a {@code manifest.json} naming gzipped CSV files
 * whose columns its {@code fileSchema} lists. Read it from a local copy of the destination prefix (for example after
 * {@code aws s3 sync}) or from the destination bucket through a {@link BlobStore}; {@link #objects()} then streams
 * the current objects of the source bucket (rows whose {@code IsLatest} is false or whose {@code IsDeleteMarker} is
 * true are skipped; URL-encoded keys are decoded), checking each file against the manifest's MD5. This is what a
 * {@link com.galerly.core.reconcile.Reconciler} reads so that a bucket of millions is never listed.
 *
 * <pre>{@code
 * S3Inventory inventory = S3Inventory.read(Path.of("inventory/photos/daily/2026-12-03T01-00Z/manifest.json"));
 * ReconcileReport report = reconciler.check(inventory.objects());
 * }</pre>
 *
 * <p>Only the CSV format is read (ORC and Parquet are refused with {@code INVALID_ARGUMENT}); {@code Key} is the
 * only column required, {@code Size} and {@code LastModifiedDate} are used when present.
 */
public final class S3Inventory {
    private final InventoryReader reader;

    private S3Inventory(InventoryReader reader) {
        this.reader = reader;
    }

    /** A report from a local copy: data files are looked up by their key under an ancestor of the manifest's folder. */
    public static S3Inventory read(Path manifest) {
        byte[] json;
        try {
            json = Files.readAllBytes(manifest);
        } catch (IOException e) {
            throw GalerlyException.invalid("cannot read inventory manifest " + manifest + ": " + e.getMessage());
        }
        return new S3Inventory(InventoryReader.local(json, manifest.toAbsolutePath().getParent(), manifest.toString()));
    }

    /** A report in the destination bucket: {@code manifestKey} and the data files it names are read from {@code destination}. */
    public static S3Inventory read(BlobStore destination, String manifestKey) {
        byte[] json;
        try (InputStream in = destination.get(manifestKey).stream()) {
            json = in.readAllBytes();
        } catch (IOException e) {
            throw GalerlyException.io("cannot read inventory manifest " + manifestKey + ": " + e.getMessage(), e);
        }
        return new S3Inventory(InventoryReader.remote(json, destination, manifestKey));
    }

    /** The bucket the report lists. */
    public String sourceBucket() {
        return reader.sourceBucket();
    }

    /** When S3 created the report. */
    public Instant created() {
        return reader.created();
    }

    /** The data files' keys, as the manifest names them. */
    public List<String> files() {
        return reader.files();
    }

    /** The current objects, streamed file by file (each pass reads the files again). */
    public Iterable<StoredObject> objects() {
        return reader::objects;
    }
}
