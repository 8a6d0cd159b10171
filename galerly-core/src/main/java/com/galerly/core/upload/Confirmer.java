/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.upload;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.KeyLayout;
import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.photo.ClaimRequest;
import com.galerly.core.photo.ClaimResult;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.spi.Checks;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.BlobStore;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link UploadService#confirm(String)} for every implementation: runs the {@link Quarantine} on an upload when
 * confirm comes before processing (or reports what processing decided when it came first), under the same claim
 * the rendition pipeline takes, so the two never promote one upload twice. With a repository, the photo's PENDING
 * record (made when the upload was presigned, {@link PendingUploads}) is claimed; an upload with no record to
 * claim (never requested, expired, or its photo deleted) is deleted and refused with {@code UNKNOWN_UPLOAD}. After
 * promotion the claim is released so the upload's ObjectCreated event renders the promoted original.
 *
 * <pre>{@code
 * Confirmer confirmer = new Confirmer(quarantine, blobs, Optional.of(photos));
 * UploadConfirmation result = confirmer.confirm("incoming/g/01jd....jpg");
 * }</pre>
 */
public final class Confirmer {
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final Quarantine quarantine;
    private final BlobStore blobs;
    private final Optional<PhotoRepository> photos;

    /**
     * @param quarantine the trust path
     * @param blobs      where uploads and originals are
     * @param photos     the records, if the service keeps them (then only uploads with a PENDING record pass)
     */
    public Confirmer(Quarantine quarantine, BlobStore blobs, Optional<PhotoRepository> photos) {
        this.quarantine = Checks.notNull(quarantine, "quarantine");
        this.blobs = Checks.notNull(blobs, "blobs");
        this.photos = Checks.notNull(photos, "photos");
    }

    /** The upload key parsed, or INVALID_ARGUMENT naming the layout. */
    public KeyLayout.Original upload(String key) {
        KeyLayout.requireSafeKey(key, KeyLayout.S3_MAX_KEY_BYTES);
        return quarantine.layout().parseIncoming(key).orElseThrow(() -> GalerlyException.invalid(
                Checks.quote(key) + " is not an upload's key in " + quarantine.layout()));
    }

    public UploadConfirmation confirm(String key) {
        KeyLayout.Original upload = upload(key);
        Optional<BlobMetadata> head = blobs.head(key);
        Optional<BlobMetadata> promoted = quarantine.promoted(upload);
        if (head.isEmpty()) {
            return afterTheFact(key, upload, promoted);
        }
        BlobMetadata incoming = head.get();
        if (promoted.isPresent() && Quarantine.isReplay(promoted.get(), incoming)) {
            quarantine.discard(key);
            return refused(key, incoming.size(), ErrorCode.CONFLICT, "photo " + upload.photo().value()
                    + " was already promoted from another upload; this replayed upload was deleted and the"
                    + " promoted original stays");
        }
        if (photos.isEmpty()) {
            return confirmation(key, incoming, quarantine.admit(upload, incoming));
        }
        PhotoRepository repository = photos.get();
        PhotoKey photo = upload.key();
        ClaimResult claim = repository.claim(new ClaimRequest(photo, quarantine.layout().promotedKey(upload),
                incoming.eTag(), null, incoming.size(), incoming.contentType(), UUID.randomUUID().toString(), LEASE,
                ClaimRequest.DEFAULT_MAX_ATTEMPTS, false));
        switch (claim.verdict()) {
            case GONE:
                quarantine.discard(key);
                return refused(key, incoming.size(), ErrorCode.UNKNOWN_UPLOAD, unknownUpload(photo, claim.photo()));
            case GAVE_UP:
                quarantine.discard(key);
                return fromRecord(key, claim.photo());
            case DUPLICATE:
                if (claim.photo().status() == PhotoStatus.REJECTED) {
                    quarantine.discard(key);
                }
                return fromRecord(key, claim.photo());
            case BUSY:
                throw new GalerlyException(ErrorCode.CONFLICT, "upload " + key + " is being checked by another worker;"
                        + " confirm again shortly", null, true);
            case STALE:
                throw new GalerlyException(ErrorCode.CONFLICT, "a newer upload of photo " + photo + " exists", null,
                        false);
            case CLAIMED:
            default:
                return admitClaimed(key, incoming, upload, repository, claim.photo().lease());
        }
    }

    private UploadConfirmation admitClaimed(String key, BlobMetadata incoming, KeyLayout.Original upload,
                                            PhotoRepository repository, Lease lease) {
        PhotoKey photo = upload.key();
        Admission admission;
        try {
            admission = quarantine.admit(upload, incoming);
        } catch (RuntimeException e) {
            try {
                repository.release(photo, lease);
            } catch (RuntimeException releaseFailed) {
                e.addSuppressed(releaseFailed);
            }
            throw e;
        }
        if (admission instanceof Admission.Refused refused) {
            repository.fail(photo, lease, refused.code(), refused.message());
        } else if (admission instanceof Admission.Linked) {
            repository.delete(photo);
        } else {
            repository.release(photo, lease);            // the upload's event renders the promoted original
        }
        return confirmation(key, incoming, admission);
    }

    /** The upload is gone: processing promoted or refused it already. */
    private UploadConfirmation afterTheFact(String key, KeyLayout.Original upload, Optional<BlobMetadata> promoted) {
        Optional<Photo> record = photos.flatMap(r -> r.get(upload.key()));
        if (record.isPresent() && (record.get().status() == PhotoStatus.REJECTED
                || record.get().status() == PhotoStatus.FAILED)) {
            return fromRecord(key, record.get());
        }
        if (promoted.isPresent()) {
            BlobMetadata original = promoted.get();
            byte[] first = blobs.getRange(original.key(), 0, ImageFormat.SNIFF_BYTES);
            return new UploadConfirmation(key, true, ImageFormat.sniff(first, first.length).orElse(null),
                    original.size(), null, null);
        }
        throw GalerlyException.notFound("no upload at " + key + " (not sent yet, expired, or refused without a record)");
    }

    /**
     * Why an upload with no claimable record is refused: {@code tombstone} is the deleted photo's record, or null when
     * there is none. Shared with the rendition pipeline.
     */
    public static String unknownUpload(PhotoKey photo, Photo tombstone) {
        return tombstone != null
                ? "photo " + photo + " was deleted: a replayed upload is never processed"
                : "no PENDING record for photo " + photo + ": uploads are processed only when requested through an "
                + "upload service or gallery service that records them (give the upload service the PhotoRepository), "
                + "and before the record expires";
    }

    private static UploadConfirmation fromRecord(String key, Photo photo) {
        if (photo.errorCode() != null) {
            return refused(key, photo.size(), photo.errorCode(), photo.errorMessage() != null ? photo.errorMessage()
                    : "refused");
        }
        Optional<ImageFormat> format = ImageFormat.fromId(photo.contentType() == null ? null
                : photo.contentType().substring(photo.contentType().indexOf('/') + 1));
        return new UploadConfirmation(key, true, format.orElse(null), photo.size(), null, null);
    }

    private static UploadConfirmation confirmation(String key, BlobMetadata incoming, Admission admission) {
        if (admission instanceof Admission.Refused refused) {
            return refused(key, incoming.size(), refused.code(), refused.message());
        }
        if (admission instanceof Admission.Linked linked) {
            return new UploadConfirmation(key, true, null, incoming.size(), null,
                    "the same bytes are already photo " + linked.existing().id().value() + "; the upload was deleted",
                    linked.existing());
        }
        Admission.Promoted promoted = (Admission.Promoted) admission;
        return new UploadConfirmation(key, true, promoted.format(), incoming.size(), null, null);
    }

    private static UploadConfirmation refused(String key, long size, ErrorCode code, String message) {
        return new UploadConfirmation(key, false, null, size, code, message + "; deleted");
    }
}
