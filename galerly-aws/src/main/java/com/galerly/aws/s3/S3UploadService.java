/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import com.galerly.aws.internal.DefaultS3UploadService;
import com.galerly.aws.internal.MultipartTickets;
import com.galerly.aws.internal.UploadSettings;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.scan.ContentScanner;
import com.galerly.core.scrub.MetadataScrubber;
import com.galerly.core.upload.Confirmer;
import com.galerly.core.upload.ContentIndex;
import com.galerly.core.upload.DuplicatePolicy;
import com.galerly.core.upload.PendingUploads;
import com.galerly.core.upload.Quarantine;
import com.galerly.core.upload.UploadForm;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadService;
import com.galerly.core.upload.UploadTicket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads straight to S3: clients get a presigned PUT, a browser POST form or a presigned multipart upload for
 * a generated key in quarantine ({@code incoming/{gallery}/{photo}.{ext}} by default), send the bytes to S3
 * themselves, and the trust path ({@link Quarantine}) checks the upload and promotes it to
 * {@code originals/{gallery}/{photo}.{ext}} when processing or {@link #confirm(String)} runs, whichever comes
 * first. Downloads are presigned GETs, one or a page at a time.
 *
 * <ul>
 *   <li>Only the allowed content types are signed, each mapped to the key's extension; the content type and the
 *       length are always signed (a PUT without a declared length is refused), the checksum when the request
 *       declares one.</li>
 *   <li>Multipart tickets carry an HMAC: {@link #refreshParts} re-signs only tickets this service (or one with
 *       the same {@link Builder#ticketKey}) issued, and only within {@code maxBytes}.</li>
 *   <li>POST policies always carry a {@code content-length-range}: the declared length exactly, or
 *       1..{@code maxBytes}.</li>
 *   <li>The uploader's file name is sanitised and stored as metadata ({@code x-amz-meta-filename},
 *       percent-encoded), never used in a key.</li>
 *   <li>{@link #confirm(String)} runs the trust path (size, active content, declared type against the sniffed
 *       format, scan, metadata scrub, dedup, promotion); a refused upload is deleted and reported with its code.
 *       With a {@link PhotoRepository} every presigned upload (PUT, POST, multipart) gets its PENDING record
 *       ({@link com.galerly.core.upload.PendingUploads}), the only record processing and confirm claim; a refused
 *       upload's record says why (REJECTED or FAILED), and an upload with no record is deleted
 *       ({@code UNKNOWN_UPLOAD}).</li>
 * </ul>
 *
 * <pre>{@code
 * S3UploadService uploads = S3UploadService.builder()
 *     .bucket(S3Bucket.of("photos", "eu-west-1"))
 *     .maxBytes(50 * 1024 * 1024)
 *     .expiry(Duration.ofMinutes(10))
 *     .repository(photos)                              // PENDING records when presigned
 *     .build();
 * UploadForm form = uploads.presignPost(UploadRequest.of(r -> r.gallery(gallery).contentType("image/jpeg")
 *     .fileName("DSC_0042.JPG")));
 * // the browser POSTs form.fields() and the file to form.url(), then tells the app form.key()
 * UploadConfirmation ok = uploads.confirm(form.key());
 * }</pre>
 */
public interface S3UploadService extends UploadService, AutoCloseable {
    /** Default largest upload: 200 MiB. */
    long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;
    /** S3's largest single PUT or POST: 5 GiB (larger objects need a multipart upload). */
    long MAX_SINGLE_UPLOAD_BYTES = 5L * 1024 * 1024 * 1024;
    /** S3's largest object: 5 TiB. */
    long MAX_OBJECT_BYTES = 5L * 1024 * 1024 * 1024 * 1024;
    /** Default validity of presigned URLs and forms: 15 minutes. */
    Duration DEFAULT_EXPIRY = Duration.ofMinutes(15);
    /** Default multipart part size: 16 MiB. */
    long DEFAULT_PART_SIZE = 16L * 1024 * 1024;

    static Builder builder() {
        return new Builder();
    }

    static S3UploadService of(Consumer<Builder> settings) {
        Builder builder = builder();
        settings.accept(builder);
        return builder.build();
    }

    /** The content types signed by default, each with the extension its keys get: {@link Quarantine#defaultContentTypes()}. */
    static Map<String, String> defaultContentTypes() {
        return Quarantine.defaultContentTypes();
    }

    /** The signer this service presigns with (same bucket, credentials and clock). */
    S3Signer signer();

    /** The store {@link #confirm(String)} reads and deletes through. */
    S3BlobStore blobs();

    /** {@link #presignPut(UploadRequest)} valid for {@code expiry} instead of the configured one. */
    UploadTicket presignPut(UploadRequest request, Duration expiry);

    /**
     * {@link #presignPost(UploadRequest)} with the policy adjusted before signing, e.g. a success redirect:
     * {@code p -> p.successActionRedirect(URI.create("https://app.example/uploaded"))}.
     */
    UploadForm presignPost(UploadRequest request, Consumer<PostPolicy.Builder> customize);

    /**
     * Starts a multipart upload for a large original (the request must declare its content length) and
     * presigns a PUT per part, each with its exact length signed.
     */
    MultipartTicket startMultipart(UploadRequest request);

    /** Re-signs every part URL of a started upload with a fresh expiry. */
    MultipartTicket refreshParts(MultipartTicket ticket);

    /** Completes a multipart upload from the parts the client reports; returns the object's ETag. */
    String completeMultipart(String key, String uploadId, List<CompletedPart> parts);

    /** Completes a multipart upload with the parts S3 lists as uploaded; returns the object's ETag. */
    String completeMultipart(String key, String uploadId);

    /** Aborts a multipart upload and frees its parts; aborting an unknown upload succeeds. */
    void abortMultipart(String key, String uploadId);

    /** Presigned GETs for many keys in one call, in the order given (keys are signed locally: no request). */
    Map<String, URI> presignGetAll(Collection<String> keys, Duration expiry);

    /** Presigned GETs of one rendition of a page of photos; photos without that rendition are left out. */
    Map<PhotoKey, URI> presignRenditions(Collection<Photo> photos, String renditionName, Duration expiry);

    /**
     * Presigned GETs of the originals of a page of photos; with {@code asDownload}, each is served as an
     * attachment under the photo's original file name (when recorded).
     */
    Map<PhotoKey, URI> presignOriginals(Collection<Photo> photos, Duration expiry, boolean asDownload);

    /** Closes the S3 client if the builder created it. */
    @Override
    void close();

    Builder toBuilder();

    /** Builds an {@link S3UploadService}; the bucket is required, each setting is checked when set. */
    final class Builder {
        private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");

        private S3Bucket bucket;
        private AwsCredentialsProvider credentials;
        private Clock clock = Clock.systemUTC();
        private S3Client client;
        private KeyLayout layout = KeyLayout.standard();
        private PhotoId.Generator ids;
        private Map<String, String> contentTypes = defaultContentTypes();
        private long maxBytes = DEFAULT_MAX_BYTES;
        private Duration expiry = DEFAULT_EXPIRY;
        private long partSize = DEFAULT_PART_SIZE;
        private PhotoRepository repository;
        private Duration pendingExpiry = PendingUploads.DEFAULT_TTL;
        private ContentScanner scanner = ContentScanner.none();
        private MetadataScrubber scrubber = MetadataScrubber.standard();
        private ContentIndex contentIndex;
        private DuplicatePolicy duplicates = DuplicatePolicy.REJECT;
        private Quarantine quarantine;
        private byte[] ticketKey;

        private Builder() {
        }

        /** The malware scanner confirm runs before promotion; default none (see {@code ClamAvScanner}). */
        public Builder scanner(ContentScanner scanner) {
            this.scanner = Objects.requireNonNull(scanner, "scanner must not be null");
            return this;
        }

        /** What promotion removes from originals; default {@link MetadataScrubber#standard()}. */
        public Builder scrubber(MetadataScrubber scrubber) {
            this.scrubber = Objects.requireNonNull(scrubber, "scrubber must not be null");
            return this;
        }

        /** Records each original's SHA-256 per gallery to find duplicates (optional). */
        public Builder contentIndex(ContentIndex contentIndex) {
            this.contentIndex = Objects.requireNonNull(contentIndex, "contentIndex must not be null");
            return this;
        }

        /** What a duplicate upload becomes (with a content index); default REJECT. */
        public Builder duplicates(DuplicatePolicy duplicates) {
            this.duplicates = Objects.requireNonNull(duplicates, "duplicates must not be null");
            return this;
        }

        /**
         * The whole trust path, replacing scanner, scrubber, content index and duplicates; its layout must be this
         * service's and its size limit at most {@code maxBytes}.
         */
        public Builder quarantine(Quarantine quarantine) {
            this.quarantine = Objects.requireNonNull(quarantine, "quarantine must not be null");
            return this;
        }

        /**
         * The HMAC key multipart tickets are authenticated with, at least 32 bytes; every instance that refreshes
         * tickets must share it. Default: a random key per instance (tickets refresh only on the instance that
         * issued them).
         */
        public Builder ticketKey(byte[] ticketKey) {
            Objects.requireNonNull(ticketKey, "ticketKey must not be null");
            if (ticketKey.length < 32) {
                throw new IllegalArgumentException("ticketKey must be at least 32 bytes, was " + ticketKey.length);
            }
            this.ticketKey = ticketKey.clone();
            return this;
        }

        public Builder bucket(S3Bucket bucket) {
            this.bucket = Objects.requireNonNull(bucket, "bucket must not be null");
            return this;
        }

        /** Signing credentials; default: the AWS default chain (environment, profile, container, instance). */
        public Builder credentialsProvider(AwsCredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentialsProvider must not be null");
            return this;
        }

        /** Time for signatures, ids and records. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * The client for HEAD, GET, DELETE and multipart calls; default: one built by
         * {@link S3Bucket#clientBuilder} (closed by {@link #close()}).
         */
        public Builder client(S3Client client) {
            this.client = Objects.requireNonNull(client, "client must not be null");
            return this;
        }

        public Builder layout(KeyLayout layout) {
            this.layout = Objects.requireNonNull(layout, "layout must not be null");
            return this;
        }

        /** Where photo ids come from; default: {@code PhotoId.generator(clock)}. */
        public Builder ids(PhotoId.Generator ids) {
            this.ids = Objects.requireNonNull(ids, "ids must not be null");
            return this;
        }

        /** Replaces the allowed content types: content type (lower case) to key extension. */
        public Builder contentTypes(Map<String, String> contentTypes) {
            Objects.requireNonNull(contentTypes, "contentTypes must not be null");
            if (contentTypes.isEmpty()) {
                throw new IllegalArgumentException("contentTypes must not be empty: no upload could be signed");
            }
            Map<String, String> copy = new LinkedHashMap<>();
            contentTypes.forEach((type, ext) -> copy.put(checkType(type), checkExtension(type, ext)));
            this.contentTypes = copy;
            return this;
        }

        /** Allows one more content type, stored under keys ending in {@code .extension}. */
        public Builder contentType(String contentType, String extension) {
            Map<String, String> copy = new LinkedHashMap<>(contentTypes);
            copy.put(checkType(contentType), checkExtension(contentType, extension));
            this.contentTypes = copy;
            return this;
        }

        /** The largest upload accepted, in bytes: 1 to 5 TiB (above 5 GiB only by multipart). */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes < 1 || maxBytes > MAX_OBJECT_BYTES) {
                throw new IllegalArgumentException("maxBytes must be 1.." + MAX_OBJECT_BYTES + ", was " + maxBytes);
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /** How long presigned URLs and forms stay valid: 1 second to 7 days. */
        public Builder expiry(Duration expiry) {
            this.expiry = S3Signer.checkExpiry(expiry);
            return this;
        }

        /** The preferred multipart part size: 5 MiB to 5 GiB (raised when an object would need over 10,000 parts). */
        public Builder partSize(long partSize) {
            if (partSize < 5L * 1024 * 1024 || partSize > MAX_SINGLE_UPLOAD_BYTES) {
                throw new IllegalArgumentException("partSize must be 5 MiB..5 GiB, was " + partSize);
            }
            this.partSize = partSize;
            return this;
        }

        /**
         * Records every presigned upload as a PENDING photo (optional; without it, a {@code GalleryService} or the
         * application must record uploads, or the rendition pipeline refuses them with {@code UNKNOWN_UPLOAD}).
         */
        public Builder repository(PhotoRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository must not be null");
            return this;
        }

        /**
         * How long a PENDING record waits for its upload after the upload URL expired, if processing never claims it
         * ({@link PendingUploads#checkTtl}: 1 minute..30 days; default 1 day).
         */
        public Builder pendingExpiry(Duration pendingExpiry) {
            this.pendingExpiry = PendingUploads.checkTtl(pendingExpiry);
            return this;
        }

        public S3UploadService build() {
            if (bucket == null) {
                throw new IllegalStateException("bucket is required");
            }
            AwsCredentialsProvider creds = credentials != null ? credentials
                    : DefaultCredentialsProvider.builder().build();
            boolean ownsClient = client == null;
            S3Client s3 = ownsClient ? bucket.clientBuilder(creds).build() : client;
            S3Signer signer = S3Signer.builder().bucket(bucket).credentialsProvider(creds).clock(clock).build();
            S3BlobStore blobs = S3BlobStore.create(s3, bucket.name());
            Quarantine trust = quarantine;
            if (trust == null) {
                Quarantine.Builder q = Quarantine.builder().blobs(blobs).layout(layout).scanner(scanner)
                        .scrubber(scrubber).maxBytes(Math.min(maxBytes, Integer.MAX_VALUE - 16))
                        .duplicates(duplicates)
                        .contentTypes(contentTypes.keySet().stream()
                                .filter(Quarantine.knownContentTypes()::contains)
                                .collect(java.util.stream.Collectors.toSet()));
                if (contentIndex != null) {
                    q.contentIndex(contentIndex);
                }
                if (repository != null) {
                    q.photos(repository);
                }
                trust = q.build();
            } else if (!trust.layout().equals(layout)) {
                throw new IllegalStateException("the quarantine's layout " + trust.layout() + " differs from " + layout);
            }
            Confirmer confirmer = new Confirmer(trust, blobs, java.util.Optional.ofNullable(repository));
            byte[] key = ticketKey != null ? ticketKey : randomKey();
            return new DefaultS3UploadService(new UploadSettings(signer, creds, clock, blobs, ownsClient, layout,
                    ids != null ? ids : PhotoId.generator(clock), contentTypes, maxBytes, expiry, partSize,
                    repository, pendingExpiry, trust, confirmer, new MultipartTickets(key), key));
        }

        private static byte[] randomKey() {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            return key;
        }

        private static String checkType(String contentType) {
            String type = ObjectHeaders.checkContentType(contentType);
            if (!type.equals(type.toLowerCase(Locale.ROOT)) || type.contains(";")) {
                throw new IllegalArgumentException("content type must be lower case without parameters, was \""
                        + contentType + "\"");
            }
            return type;
        }

        private static String checkExtension(String contentType, String extension) {
            if (extension == null || !EXTENSION.matcher(extension).matches()) {
                throw new IllegalArgumentException("extension of " + contentType
                        + " must be 1..8 characters of a-z 0-9, was \"" + extension + "\"");
            }
            return extension;
        }
    }
}
