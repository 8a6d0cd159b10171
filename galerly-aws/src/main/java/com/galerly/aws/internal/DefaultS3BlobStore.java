/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import com.galerly.aws.s3.S3BlobStore;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.KeyLayout;
import com.galerly.core.storage.BlobContent;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.BlobVersion;
import com.galerly.core.storage.PutOptions;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link S3BlobStore} on the SDK's synchronous client. */
public final class DefaultS3BlobStore implements S3BlobStore {
    /** S3's most entries per ListObjectVersions page (and keys per DeleteObjects request). */
    private static final int VERSIONS_PAGE = 1000;

    private final S3Client client;
    private final String bucket;
    private final int versionsPage;

    public DefaultS3BlobStore(S3Client client, String bucket) {
        this(client, bucket, VERSIONS_PAGE);
    }

    /** With {@code versionsPage} entries per ListObjectVersions page at most (tests use small pages). */
    public DefaultS3BlobStore(S3Client client, String bucket, int versionsPage) {
        this.client = client;
        this.bucket = bucket;
        this.versionsPage = Math.max(1, Math.min(VERSIONS_PAGE, versionsPage));
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public S3Client client() {
        return client;
    }

    @Override
    public Optional<BlobMetadata> head(String key) {
        checkKey(key);
        try {
            HeadObjectResponse head = client.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(metadata(key, head.contentLength(), head.contentType(), head.eTag(), head.versionId(),
                    head.lastModified(), head.cacheControl(), head.metadata()));
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw S3Errors.map("HEAD", target(key), e);
        } catch (SdkException e) {
            throw S3Errors.map("HEAD", target(key), e);
        }
    }

    @Override
    public BlobContent get(String key) {
        checkKey(key);
        try {
            ResponseInputStream<GetObjectResponse> in = client.getObject(r -> r.bucket(bucket).key(key));
            GetObjectResponse r = in.response();
            return new BlobContent(metadata(key, r.contentLength(), r.contentType(), r.eTag(), r.versionId(),
                    r.lastModified(), r.cacheControl(), r.metadata()), in);
        } catch (SdkException e) {
            throw S3Errors.map("GET", target(key), e);
        }
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        checkKey(key);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative, were " + offset + ", "
                    + length);
        }
        if (length == 0) {
            head(key).orElseThrow(() -> GalerlyException.notFound("GET " + target(key) + ": not found"));
            return new byte[0];
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(r -> r.bucket(bucket).key(key).range(range))) {
            if (in.response().contentRange() == null && offset > 0) {
                in.skipNBytes(offset);     // a server that ignored the range sent the whole object
            }
            return in.readNBytes(length);
        } catch (AwsServiceException e) {
            if (e.statusCode() == 416) {
                return new byte[0];        // the object exists but ends before offset
            }
            throw S3Errors.map("GET", target(key) + " " + range, e);
        } catch (SdkException e) {
            throw S3Errors.map("GET", target(key) + " " + range, e);
        } catch (IOException e) {
            throw GalerlyException.io("GET " + target(key) + " " + range + ": " + e.getMessage(), e);
        }
    }

    @Override
    public BlobMetadata put(String key, byte[] bytes, PutOptions options) {
        checkKey(key);
        options.metadata().forEach((name, value) -> {
            if (!(name + value).chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw GalerlyException.invalid("metadata " + name + " of " + target(key)
                        + " must be printable US-ASCII (S3 stores header values as ASCII)");
            }
        });
        String checksum = Base64.getEncoder().encodeToString(sha256(bytes));
        PutObjectResponse written;
        try {
            written = client.putObject(r -> r.bucket(bucket).key(key)
                    .contentType(options.contentType())
                    .contentLength((long) bytes.length)
                    .cacheControl(options.cacheControl())
                    .metadata(options.metadata().isEmpty() ? null : options.metadata())
                    .checksumSHA256(checksum), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw S3Errors.map("PUT", target(key), e);
        }
        // S3's answer names the object this write created (ETag, version) and when (its Date): no HEAD needed,
        // which would also see a concurrent writer's object instead of this one
        Optional<Instant> answered = written.sdkHttpResponse().firstMatchingHeader("Date")
                .flatMap(DefaultS3BlobStore::httpDate);
        if (written.eTag() == null || answered.isEmpty()) {
            return head(key).orElseThrow(() -> new GalerlyException(ErrorCode.IO_ERROR,
                    "PUT " + target(key) + " succeeded but the object is not there (deleted concurrently?)"));
        }
        return metadata(key, (long) bytes.length, options.contentType(), written.eTag(), written.versionId(),
                answered.get(), options.cacheControl(), options.metadata());
    }

    /** A server-side CopyObject (up to 5 GiB): the bytes never pass through this process. */
    @Override
    public BlobMetadata copy(String sourceKey, String targetKey, PutOptions options) {
        checkKey(sourceKey);
        checkKey(targetKey);
        try {
            client.copyObject(r -> r.sourceBucket(bucket).sourceKey(sourceKey).destinationBucket(bucket)
                    .destinationKey(targetKey).metadataDirective(MetadataDirective.REPLACE)
                    .contentType(options.contentType()).cacheControl(options.cacheControl())
                    .metadata(options.metadata().isEmpty() ? null : options.metadata()));
        } catch (NoSuchKeyException e) {
            throw GalerlyException.notFound("no object at " + target(sourceKey) + " to copy");
        } catch (SdkException e) {
            throw S3Errors.map("COPY", target(sourceKey) + " to " + target(targetKey), e);
        }
        return head(targetKey).orElseThrow(() -> new GalerlyException(ErrorCode.IO_ERROR,
                "COPY to " + target(targetKey) + " succeeded but the object is not there (deleted concurrently?)"));
    }

    /** An HTTP date (RFC 7231 IMF-fixdate, as S3 writes it), empty when it does not parse. */
    public static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim(), Instant::from));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        checkKey(key);
        try {
            client.deleteObject(r -> r.bucket(bucket).key(key));
        } catch (AwsServiceException e) {
            if (e.statusCode() != 404) {
                throw S3Errors.map("DELETE", target(key), e);
            }
        } catch (SdkException e) {
            throw S3Errors.map("DELETE", target(key), e);
        }
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(keys));
        unique.forEach(DefaultS3BlobStore::checkKey);
        deleteBatches(unique.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList());
    }

    /**
     * Lists with ListObjectVersions (1,000 entries a page), which on a versioned bucket returns every version and
     * delete marker.
     */
    @Override
    public List<BlobVersion> versions(String prefix) {
        java.util.Objects.requireNonNull(prefix, "prefix");
        List<BlobVersion> out = new ArrayList<>();
        try {
            for (ListObjectVersionsResponse page : client.listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(prefix)
                    .maxKeys(versionsPage))) {
                out.addAll(ordered(page));
            }
        } catch (SdkException e) {
            throw S3Errors.map("LIST VERSIONS", "s3://" + bucket + "/" + prefix, e);
        }
        out.sort(java.util.Comparator.comparing(BlobVersion::key));    // stable: newest first within a key stays
        return out.stream().map(DefaultS3BlobStore::published).toList();
    }

    /**
     * Rounds of: list the first page of versions under the prefix (ListObjectVersions), delete exactly those with
     * DeleteObjects naming each version id (a delete that names the version removes it for good instead of adding a
     * marker). It stops when a listing comes back empty, so the last request confirms that nothing is left, and it
     * never follows a continuation marker: a version written meanwhile is found by the next round, and a server whose
     * paging is unreliable (Adobe S3Mock 4.11.0 drops entries across pages) still ends empty. S3's {@code "null"}
     * version (written before versioning was enabled, or on an unversioned bucket) is deleted by that id too. Cost:
     * one list and one delete per 1,000 versions, plus the final list.
     */
    @Override
    public List<BlobVersion> erase(String prefix) {
        BlobStore.requireErasablePrefix(prefix);
        List<BlobVersion> removed = new ArrayList<>();
        java.util.Set<BlobVersion> seen = new java.util.HashSet<>();
        while (true) {
            List<BlobVersion> page;
            try {
                page = ordered(client.listObjectVersions(r -> r.bucket(bucket).prefix(prefix).maxKeys(versionsPage)));
            } catch (SdkException e) {
                throw S3Errors.map("LIST VERSIONS", "s3://" + bucket + "/" + prefix, e);
            }
            if (page.isEmpty()) {
                return removed.stream().map(DefaultS3BlobStore::published).toList();
            }
            if (!seen.addAll(page)) {
                throw new GalerlyException(ErrorCode.IO_ERROR, "ERASE s3://" + bucket + "/" + prefix
                        + ": versions deleted a moment ago are listed again (an object lock or a retention rule?), first "
                        + page.get(0));
            }
            deleteBatches(page.stream().map(v -> ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build())
                    .toList());
            removed.addAll(page);
        }
    }

    /**
     * A page's versions and markers as S3 names them (a {@code "null"} version id kept as is, for deleting it), newest
     * first within a key: S3 lists versions and markers apart; they are merged back by key, IsLatest, LastModified,
     * then S3's own order within each list.
     */
    private static List<BlobVersion> ordered(ListObjectVersionsResponse page) {
        List<Listed> out = new ArrayList<>();
        for (ObjectVersion v : page.versions()) {
            out.add(new Listed(new BlobVersion(v.key(), v.versionId(), false), Boolean.TRUE.equals(v.isLatest()),
                    v.lastModified(), out.size()));
        }
        for (DeleteMarkerEntry m : page.deleteMarkers()) {
            out.add(new Listed(new BlobVersion(m.key(), m.versionId(), true), Boolean.TRUE.equals(m.isLatest()),
                    m.lastModified(), out.size()));
        }
        out.sort(java.util.Comparator.comparing((Listed l) -> l.version().key())
                .thenComparing(Listed::latest, java.util.Comparator.reverseOrder())
                .thenComparing(Listed::lastModified, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
                .thenComparingInt(Listed::order));
        return out.stream().map(Listed::version).toList();
    }

    /** As the port reports it: S3's {@code "null"} version id is no version id. */
    private static BlobVersion published(BlobVersion raw) {
        return "null".equals(raw.versionId()) ? BlobVersion.unversioned(raw.key()) : raw;
    }

    private record Listed(BlobVersion version, boolean latest, Instant lastModified, int order) {
    }

    private void deleteBatches(List<ObjectIdentifier> identifiers) {
        for (int from = 0; from < identifiers.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = identifiers.subList(from, Math.min(identifiers.size(), from + DELETE_BATCH));
            DeleteObjectsResponse response;
            try {
                response = client.deleteObjects(r -> r.bucket(bucket)
                        .delete(Delete.builder().objects(batch).quiet(true).build()));
            } catch (SdkException e) {
                throw S3Errors.map("DELETE", batch.size() + " keys in s3://" + bucket, e);
            }
            List<S3Error> failed = response.errors().stream()
                    .filter(err -> !"NoSuchKey".equals(err.code()) && !"NoSuchVersion".equals(err.code())).toList();
            if (!failed.isEmpty()) {
                S3Error first = failed.get(0);
                throw new GalerlyException(ErrorCode.IO_ERROR, "DELETE of " + failed.size() + " of " + batch.size()
                        + " keys in s3://" + bucket + " failed, first " + first.key() + ": " + first.code());
            }
        }
    }

    @Override
    public List<String> list(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null (use \"\" for every key)");
        }
        try {
            List<String> keys = new ArrayList<>();
            for (S3Object object : client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
                keys.add(object.key());
            }
            keys.sort(null);       // S3 orders by UTF-8 bytes; the port promises String order
            return keys;
        } catch (SdkException e) {
            throw S3Errors.map("LIST", "s3://" + bucket + "/" + prefix, e);
        }
    }

    @Override
    public Builder toBuilder() {
        return S3BlobStore.builder().client(client).bucket(bucket);
    }

    @Override
    public String toString() {
        return "S3BlobStore[" + bucket + "]";
    }

    private String target(String key) {
        return "s3://" + bucket + "/" + key;
    }

    private static void checkKey(String key) {
        KeyLayout.requireSafeKey(key, KeyLayout.S3_MAX_KEY_BYTES);
    }

    private static BlobMetadata metadata(String key, Long size, String contentType, String eTag, String versionId,
                                         Instant lastModified, String cacheControl, Map<String, String> metadata) {
        return new BlobMetadata(key, size == null ? 0 : size, contentType, unquote(eTag),
                "null".equals(versionId) ? null : versionId, lastModified, cacheControl, metadata);
    }

    /** An ETag without the quotes S3 puts around it. */
    static String unquote(String eTag) {
        return eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1) : eTag;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
