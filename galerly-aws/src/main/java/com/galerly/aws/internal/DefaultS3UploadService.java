/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import com.galerly.aws.s3.CompletedPart;
import com.galerly.aws.s3.MultipartTicket;
import com.galerly.aws.s3.ObjectHeaders;
import com.galerly.aws.s3.PostPolicy;
import com.galerly.aws.s3.PresignedPost;
import com.galerly.aws.s3.PresignedRequest;
import com.galerly.aws.s3.S3BlobStore;
import com.galerly.aws.s3.S3Signer;
import com.galerly.aws.s3.S3UploadService;
import com.galerly.core.ConflictException;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.KeyLayout;
import com.galerly.core.LimitExceededException;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.Rendition;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.spi.FileNames;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.upload.PendingUploads;
import com.galerly.core.upload.UploadConfirmation;
import com.galerly.core.upload.UploadForm;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadTicket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.Part;

/** {@link S3UploadService}: keys from the layout, signatures from {@link S3Signer}, checks through the blob store. */
public final class DefaultS3UploadService implements S3UploadService {
    /** Metadata holding the sanitised, percent-encoded file name. */
    public static final String FILENAME_METADATA = "filename";
    /** Metadata holding the uploader's id, percent-encoded. */
    public static final String OWNER_METADATA = "owner";

    private static final int MAX_OWNER_LENGTH = 256;

    /** Logs keys, content types and expiries: never a URL, a policy, a signature or a credential. */
    private static final Logger LOG = LoggerFactory.getLogger(S3UploadService.class);

    private final UploadSettings s;

    public DefaultS3UploadService(UploadSettings settings) {
        this.s = settings;
    }

    @Override
    public S3Signer signer() {
        return s.signer();
    }

    @Override
    public S3BlobStore blobs() {
        return s.blobs();
    }

    @Override
    public UploadTicket presignPut(UploadRequest request) {
        return presignPut(request, s.expiry());
    }

    @Override
    public UploadTicket presignPut(UploadRequest request, Duration expiry) {
        if (request.contentLength() < 1) {
            throw GalerlyException.invalid("a presigned PUT needs the request's contentLength: the length is always"
                    + " signed, since without it a client could upload up to 5 GiB");
        }
        Target target = target(request, MAX_SINGLE_UPLOAD_BYTES, "a single PUT (use a multipart upload)");
        ObjectHeaders.Builder headers = ObjectHeaders.builder()
                .contentType(request.contentType())
                .contentLength(request.contentLength())
                .checksum(request.checksum().orElse(null));
        metadata(request).forEach(headers::metadata);
        PresignedRequest put = s.signer().presignPut(target.key(), headers.build(), expiry);
        recordPending(request, target, put.expiresAt());
        LOG.debug("presigned PUT of {} ({}) until {}", target.key(), request.contentType(), put.expiresAt());
        return new UploadTicket(target.photo(), target.key(), put.method(), put.url(), put.headers(), put.expiresAt());
    }

    @Override
    public UploadForm presignPost(UploadRequest request) {
        return presignPost(request, policy -> { });
    }

    @Override
    public UploadForm presignPost(UploadRequest request, Consumer<PostPolicy.Builder> customize) {
        Target target = target(request, MAX_SINGLE_UPLOAD_BYTES, "a POST upload (use a multipart upload)");
        long declared = request.contentLength();
        PostPolicy.Builder policy = PostPolicy.builder()
                .key(target.key())
                .contentType(request.contentType())
                .contentLengthRange(declared > 0 ? declared : 1,
                        declared > 0 ? declared : Math.min(s.maxBytes(), MAX_SINGLE_UPLOAD_BYTES));
        metadata(request).forEach(policy::metadata);
        request.checksum().ifPresent(policy::checksum);
        customize.accept(policy);
        PostPolicy built = policy.build();
        if (!target.key().equals(built.fields().get("key"))) {
            throw new IllegalArgumentException("the policy customisation must keep the generated key "
                    + target.key());
        }
        PresignedPost post = s.signer().presignPost(built, s.expiry());
        recordPending(request, target, post.expiresAt());
        LOG.debug("presigned POST form for {} ({}) until {}", target.key(), request.contentType(), post.expiresAt());
        return new UploadForm(target.photo(), target.key(), post.url(), post.fields(), post.expiresAt());
    }

    @Override
    public MultipartTicket startMultipart(UploadRequest request) {
        if (request.contentLength() < 1) {
            throw GalerlyException.invalid("a multipart upload needs the request's contentLength");
        }
        Target target = target(request, MAX_OBJECT_BYTES, "an S3 object");
        MultipartPlan plan = MultipartPlan.of(request.contentLength(), s.partSize());
        Map<String, String> metadata = metadata(request);
        CreateMultipartUploadResponse created;
        try {
            created = client().createMultipartUpload(r -> r.bucket(bucketName()).key(target.key())
                    .contentType(request.contentType()).metadata(metadata.isEmpty() ? null : metadata));
        } catch (SdkException e) {
            throw S3Errors.map("CREATE MULTIPART", s3(target.key()), e);
        }
        MultipartTicket ticket = partTickets(target.photo(), target.key(), created.uploadId(), plan);
        recordPending(request, target, ticket.expiresAt());
        return ticket;
    }

    @Override
    public MultipartTicket refreshParts(MultipartTicket ticket) {
        KeyLayout.Original upload = uploadOf(ticket.key());
        if (!upload.key().equals(ticket.photo())) {
            throw new GalerlyException(ErrorCode.UNAUTHORIZED, "ticket for " + ticket.key()
                    + " names another photo: not a ticket this service issued");
        }
        if (!s.tickets().verify(ticket)) {
            throw new GalerlyException(ErrorCode.UNAUTHORIZED, "multipart ticket for " + ticket.key()
                    + " was not issued by this service (or was altered): its authenticator does not verify");
        }
        if (ticket.contentLength() > s.maxBytes()) {
            throw new LimitExceededException("multipart ticket plans " + ticket.contentLength()
                    + " bytes, over the limit of " + s.maxBytes() + " bytes");
        }
        return partTickets(ticket.photo(), ticket.key(), ticket.uploadId(),
                new MultipartPlan(ticket.contentLength(), ticket.partSize()));
    }

    @Override
    public String completeMultipart(String key, String uploadId, List<CompletedPart> parts) {
        uploadOf(key);
        if (parts.isEmpty()) {
            throw GalerlyException.invalid("completing " + key + " needs at least one part");
        }
        List<software.amazon.awssdk.services.s3.model.CompletedPart> sorted = parts.stream()
                .sorted(Comparator.comparingInt(CompletedPart::partNumber))
                .map(p -> software.amazon.awssdk.services.s3.model.CompletedPart.builder()
                        .partNumber(p.partNumber()).eTag(p.eTag()).build())
                .toList();
        try {
            CompleteMultipartUploadResponse done = client().completeMultipartUpload(r -> r.bucket(bucketName())
                    .key(key).uploadId(uploadId).multipartUpload(m -> m.parts(sorted)));
            return DefaultS3BlobStore.unquote(done.eTag());
        } catch (SdkException e) {
            throw S3Errors.map("COMPLETE MULTIPART", s3(key) + " upload " + uploadId, e);
        }
    }

    @Override
    public String completeMultipart(String key, String uploadId) {
        uploadOf(key);
        List<CompletedPart> parts = new ArrayList<>();
        try {
            for (Part part : client().listPartsPaginator(r -> r.bucket(bucketName()).key(key).uploadId(uploadId))
                    .parts()) {
                parts.add(new CompletedPart(part.partNumber(), part.eTag()));
            }
        } catch (SdkException e) {
            throw S3Errors.map("LIST PARTS", s3(key) + " upload " + uploadId, e);
        }
        return completeMultipart(key, uploadId, parts);
    }

    @Override
    public void abortMultipart(String key, String uploadId) {
        uploadOf(key);
        try {
            client().abortMultipartUpload(r -> r.bucket(bucketName()).key(key).uploadId(uploadId));
        } catch (AwsServiceException e) {
            if (e.statusCode() != 404) {
                throw S3Errors.map("ABORT MULTIPART", s3(key) + " upload " + uploadId, e);
            }
        } catch (SdkException e) {
            throw S3Errors.map("ABORT MULTIPART", s3(key) + " upload " + uploadId, e);
        }
    }

    @Override
    public UploadConfirmation confirm(String key) {
        return s.confirmer().confirm(key);
    }

    @Override
    public URI presignGet(String key, Duration expiry, Optional<String> downloadName) {
        return s.signer().presignGet(key, expiry, downloadName).url();
    }

    @Override
    public Map<String, URI> presignGetAll(Collection<String> keys, Duration expiry) {
        Map<String, URI> urls = new LinkedHashMap<>();
        for (String key : keys) {
            urls.computeIfAbsent(key, k -> presignGet(k, expiry, Optional.empty()));
        }
        return urls;
    }

    @Override
    public Map<PhotoKey, URI> presignRenditions(Collection<Photo> photos, String renditionName, Duration expiry) {
        Map<PhotoKey, URI> urls = new LinkedHashMap<>();
        for (Photo photo : photos) {
            photo.rendition(renditionName).map(Rendition::key)
                    .ifPresent(key -> urls.put(photo.key(), presignGet(key, expiry, Optional.empty())));
        }
        return urls;
    }

    @Override
    public Map<PhotoKey, URI> presignOriginals(Collection<Photo> photos, Duration expiry, boolean asDownload) {
        Map<PhotoKey, URI> urls = new LinkedHashMap<>();
        for (Photo photo : photos) {
            Optional<String> name = asDownload ? Optional.ofNullable(photo.fileName()) : Optional.empty();
            urls.put(photo.key(), presignGet(photo.originalKey(), expiry, name));
        }
        return urls;
    }

    @Override
    public void close() {
        if (s.ownsClient()) {
            client().close();
        }
    }

    @Override
    public Builder toBuilder() {
        Builder b = S3UploadService.builder()
                .bucket(s.signer().bucket()).credentialsProvider(s.credentials()).clock(s.clock()).client(client())
                .layout(s.layout()).ids(s.ids()).contentTypes(s.contentTypes()).maxBytes(s.maxBytes())
                .expiry(s.expiry()).partSize(s.partSize()).pendingExpiry(s.pendingExpiry()).ticketKey(s.ticketKey())
                .scanner(s.quarantine().scanner()).scrubber(s.quarantine().scrubber())
                .duplicates(s.quarantine().duplicates());
        s.quarantine().contentIndex().ifPresent(b::contentIndex);
        return s.repository() != null ? b.repository(s.repository()) : b;
    }

    @Override
    public String toString() {
        return "S3UploadService[" + s.signer().bucket() + ", " + s.layout() + ", maxBytes=" + s.maxBytes() + "]";
    }

    /** The photo and key an upload becomes, after the request passed the type and size checks. */
    private record Target(PhotoKey photo, String key) {
    }

    private Target target(UploadRequest request, long hardLimit, String what) {
        String type = baseType(request.contentType());
        String extension = s.contentTypes().get(type);
        if (extension == null) {
            throw GalerlyException.invalid("content type \"" + request.contentType() + "\" is not allowed; allowed: "
                    + String.join(", ", s.contentTypes().keySet()));
        }
        long length = request.contentLength();
        if (length > s.maxBytes()) {
            throw new LimitExceededException("upload of " + length + " bytes is over the limit of " + s.maxBytes()
                    + " bytes");
        }
        if (length > hardLimit) {
            throw new LimitExceededException("upload of " + length + " bytes is over S3's limit of " + hardLimit
                    + " bytes for " + what);
        }
        PhotoId id = s.ids().next();
        return new Target(new PhotoKey(request.gallery(), id), s.layout().incomingKey(request.gallery(), id, extension));
    }

    private Map<String, String> metadata(UploadRequest request) {
        Map<String, String> metadata = new LinkedHashMap<>();
        request.fileName().flatMap(FileNames::sanitize)
                .ifPresent(name -> metadata.put(FILENAME_METADATA, FileNameHeaders.toAscii(name)));
        request.owner().ifPresent(owner -> {
            if (owner.length() > MAX_OWNER_LENGTH) {
                throw GalerlyException.invalid("owner must be at most " + MAX_OWNER_LENGTH + " characters, was "
                        + owner.length());
            }
            metadata.put(OWNER_METADATA, FileNameHeaders.toAscii(owner));
        });
        return metadata;
    }

    private MultipartTicket partTickets(PhotoKey photo, String key, String uploadId, MultipartPlan plan) {
        List<PresignedRequest> parts = new ArrayList<>(plan.parts());
        for (int n = 1; n <= plan.parts(); n++) {
            parts.add(s.signer().presignUploadPart(key, uploadId, n, plan.partLength(n), s.expiry()));
        }
        Instant expiresAt = parts.get(0).expiresAt();
        return s.tickets().sign(new MultipartTicket(photo, key, uploadId, plan.contentLength(), plan.partSize(), parts,
                expiresAt));
    }

    /**
     * With a repository, the upload's PENDING record ({@link PendingUploads}): processing claims only such a
     * record. Written after signing (nothing is recorded for a request that was refused).
     */
    private void recordPending(UploadRequest request, Target target, Instant urlExpiry) {
        if (s.repository() != null) {
            PendingUploads.create(s.repository(), PendingUploads.record(s.layout(), target.photo(), target.key(),
                    request, request.owner().orElse(null), s.clock().instant(), urlExpiry, s.pendingExpiry()));
        }
    }

    private KeyLayout.Original uploadOf(String key) {
        return s.confirmer().upload(key);
    }

    private static String decoded(BlobMetadata head, String name) {
        String value = head.userMetadata().get(name);
        return value == null ? null : FileNameHeaders.fromAscii(value);
    }

    private static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private S3Client client() {
        return s.blobs().client();
    }

    private String bucketName() {
        return s.blobs().bucket();
    }

    private String s3(String key) {
        return "s3://" + bucketName() + "/" + key;
    }
}
