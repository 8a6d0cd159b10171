/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.upload;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.internal.upload.ActiveContent;
import com.galerly.core.internal.upload.DeclaredTypes;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.scan.ContentScanner;
import com.galerly.core.scan.ScanVerdict;
import com.galerly.core.scrub.MetadataScrubber;
import com.galerly.core.scrub.ScrubResult;
import com.galerly.core.spi.Checks;
import com.galerly.core.storage.BlobContent;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

/**
 * The trust path between an upload in quarantine ({@link KeyLayout#incomingPrefix()}) and an original the
 * gallery serves. {@link #admit} runs, in this order:
 *
 * <ol>
 *   <li>size: empty or over {@code maxBytes} is refused ({@code UNSUPPORTED_FORMAT}, {@code LIMIT_EXCEEDED});</li>
 *   <li>active content: SVG, HTML, XML or script is refused ({@code ACTIVE_CONTENT}), whatever it was declared as;</li>
 *   <li>format: the bytes are sniffed; not an image is {@code UNSUPPORTED_FORMAT}; a declared content type
 *       that differs from the sniffed format is {@code CONTENT_MISMATCH};</li>
 *   <li>header limits (with an {@link ImageProcessor}): dimensions over the pixel limit, a corrupt header;</li>
 *   <li>scan: the {@link ContentScanner}'s verdict; infected is {@code INFECTED} with the signature; a scanner
 *       that cannot answer throws {@code SCANNER_UNAVAILABLE} (retryable) and the upload stays in quarantine;</li>
 *   <li>scrub: private metadata is removed without re-encoding ({@link MetadataScrubber}); script hidden in
 *       what remains (a polyglot) is {@code ACTIVE_CONTENT};</li>
 *   <li>dedup (with a {@link ContentIndex}): the SHA-256 of the uploaded bytes is recorded per gallery with a
 *       conditional write; a duplicate is refused ({@code DUPLICATE}), linked, or kept, per {@link DuplicatePolicy};</li>
 *   <li>promotion: the original is written to {@link KeyLayout#promotedKey} (a server-side copy when the
 *       scrubber changed nothing), marked with the incoming object's ETag, and the incoming object is deleted.</li>
 * </ol>
 * A refused upload is deleted. The promoted original remembers which upload it came from
 * ({@value #SOURCE_ETAG_METADATA} metadata), so a presigned PUT replayed after promotion is recognised
 * ({@link #isReplay}) and can never replace it.
 *
 * <pre>{@code
 * Quarantine quarantine = Quarantine.builder().blobs(blobs).layout(layout)
 *     .scanner(ClamAvScanner.builder().tcp("127.0.0.1", 3310).build())
 *     .maxBytes(50 * 1024 * 1024).build();
 * Admission admission = quarantine.admit(upload, head);
 * }</pre>
 */
public final class Quarantine {
    /** Metadata on a promoted original: the ETag of the incoming object it was promoted from. */
    public static final String SOURCE_ETAG_METADATA = "galerly-source-etag";
    /** Metadata on a promoted original: the lower-case hex SHA-256 of the uploaded bytes. */
    public static final String SHA256_METADATA = "galerly-sha256";

    private final BlobStore blobs;
    private final KeyLayout layout;
    private final ContentScanner scanner;
    private final MetadataScrubber scrubber;
    private final long maxBytes;
    private final Set<String> contentTypes;
    private final ImageProcessor processor;
    private final ContentIndex index;
    private final DuplicatePolicy duplicates;
    private final PhotoRepository photos;

    private Quarantine(Builder b) {
        this.blobs = b.blobs;
        this.layout = b.layout;
        this.scanner = b.scanner;
        this.scrubber = b.scrubber;
        this.maxBytes = b.maxBytes;
        this.contentTypes = b.contentTypes;
        this.processor = b.processor;
        this.index = b.index;
        this.duplicates = b.duplicates;
        this.photos = b.photos;
    }

    public static Builder builder() {
        return new Builder();
    }

    public KeyLayout layout() {
        return layout;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public ContentScanner scanner() {
        return scanner;
    }

    public MetadataScrubber scrubber() {
        return scrubber;
    }

    /** The content index, if duplicates are looked for. */
    public Optional<ContentIndex> contentIndex() {
        return Optional.ofNullable(index);
    }

    public DuplicatePolicy duplicates() {
        return duplicates;
    }

    /** The promoted original of an upload, if it was promoted (by whichever upload). */
    public Optional<BlobMetadata> promoted(KeyLayout.Original upload) {
        return blobs.head(layout.promotedKey(upload));
    }

    /**
     * Whether {@code incoming} arrived after its photo was promoted from another upload: a replayed presigned
     * PUT or POST. Such an upload must be deleted, never promoted.
     */
    public static boolean isReplay(BlobMetadata promoted, BlobMetadata incoming) {
        return !incoming.eTag().equals(promoted.userMetadata().get(SOURCE_ETAG_METADATA));
    }

    /** Deletes an upload that must not be promoted (replayed, or its photo is already refused). */
    public void discard(String incomingKey) {
        blobs.delete(incomingKey);
    }

    /**
     * Runs the trust path on the upload whose HEAD is {@code head} and promotes it, or refuses and deletes it.
     *
     * @param upload the upload's key, parsed ({@link KeyLayout#parseIncoming})
     * @param head   a HEAD of the incoming object
     * @return what was decided
     * @throws GalerlyException a retryable failure (storage, scanner unavailable): the upload stays in quarantine
     */
    public Admission admit(KeyLayout.Original upload, BlobMetadata head) {
        Checks.notNull(upload, "upload");
        Checks.notNull(head, "head");
        String key = head.key();
        if (head.size() == 0) {
            return refuse(key, ErrorCode.UNSUPPORTED_FORMAT, "the upload is empty");
        }
        if (head.size() > maxBytes) {
            return refuse(key, ErrorCode.LIMIT_EXCEEDED, "the upload has " + head.size()
                    + " bytes, over the limit of " + maxBytes + " bytes");
        }
        String declared = DeclaredTypes.base(head.contentType());
        byte[] bytes = read(head);
        Optional<String> active = ActiveContent.markup(bytes, declared);
        if (active.isPresent()) {
            return refuse(key, ErrorCode.ACTIVE_CONTENT, active.get());
        }
        Optional<ImageFormat> sniffed = ImageFormat.sniff(bytes, bytes.length);
        boolean inspected = false;
        if (sniffed.isEmpty() && processor != null) {
            // a format only an installed plugin recognises
            Optional<Admission> refused = inspect(key, bytes);
            if (refused.isPresent()) {
                return refused.get();
            }
            sniffed = Optional.of(processor.inspect(ImageSource.of(key, bytes)).format());
            inspected = true;
        }
        if (sniffed.isEmpty()) {
            return refuse(key, ErrorCode.UNSUPPORTED_FORMAT, "the bytes are not an image format Galerly reads"
                    + " (declared " + (declared.isEmpty() ? "no content type" : declared) + ")");
        }
        ImageFormat format = sniffed.get();
        if (!contentTypes.contains(declared)) {
            return refuse(key, ErrorCode.CONTENT_MISMATCH, "declared content type \"" + declared
                    + "\" is not one of the accepted image types " + contentTypes + "; the bytes are " + format.id());
        }
        if (!DeclaredTypes.matches(declared, format)) {
            return refuse(key, ErrorCode.CONTENT_MISMATCH, "declared " + declared + " but the bytes are "
                    + format.id() + " (" + format.contentType() + "); the stored type must match the content");
        }
        if (processor != null && !inspected) {
            Optional<Admission> refused = inspect(key, bytes);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        ScanVerdict verdict;
        try {
            verdict = scanner.scan(key, bytes.length, new ByteArrayInputStream(bytes));
        } catch (GalerlyException e) {
            if (e.retryable()) {
                throw e;
            }
            return refuse(key, e.code(), e.getMessage());
        }
        if (!verdict.clean()) {
            return refuse(key, ErrorCode.INFECTED, "the scanner found " + verdict.signature() + " (" + verdict + ")");
        }
        ScrubResult scrubbed = scrubber.scrub(bytes, format);
        Optional<String> hidden = ActiveContent.script(scrubbed.bytes());
        if (hidden.isPresent()) {
            return refuse(key, ErrorCode.ACTIVE_CONTENT, hidden.get());
        }
        String sha256 = sha256(bytes);
        PhotoKey photo = upload.key();
        if (index != null) {
            PhotoKey holder = holder(sha256, photo);
            if (!holder.equals(photo)) {
                switch (duplicates) {
                    case REJECT:
                        return refuse(key, ErrorCode.DUPLICATE, "the same bytes (SHA-256 " + sha256
                                + ") are already photo " + holder.id().value() + " of gallery " + holder.gallery().value());
                    case LINK:
                        blobs.delete(key);
                        return new Admission.Linked(holder, sha256);
                    case KEEP_BOTH:
                    default:
                        break;
                }
            }
        }
        BlobMetadata promoted = promote(upload, head, scrubbed, sha256);
        blobs.delete(key);
        return new Admission.Promoted(promoted, format, sha256, verdict, scrubbed.removed());
    }

    /** Reads the header: over the pixel limit, corrupt or unreadable is a refusal; transient errors propagate. */
    private Optional<Admission> inspect(String key, byte[] bytes) {
        try {
            processor.inspect(ImageSource.of(key, bytes));
            return Optional.empty();
        } catch (GalerlyException e) {
            if (e.retryable()) {
                throw e;
            }
            return Optional.of(refuse(key, e.code(), e.getMessage()));
        }
    }

    private PhotoKey holder(String sha256, PhotoKey photo) {
        PhotoKey holder = index.putIfAbsent(sha256, photo);
        if (holder.equals(photo) || photos == null) {
            return holder;
        }
        Optional<Photo> existing = photos.get(holder);
        if (existing.isEmpty() || existing.get().status() == PhotoStatus.REJECTED
                || existing.get().status() == PhotoStatus.FAILED) {
            return index.replace(sha256, holder, photo);       // the holder is gone or never became a photo
        }
        return holder;
    }

    private BlobMetadata promote(KeyLayout.Original upload, BlobMetadata head, ScrubResult scrubbed, String sha256) {
        PutOptions.Builder options = PutOptions.builder().contentType(DeclaredTypes.base(head.contentType()));
        head.userMetadata().forEach(options::metadata);
        options.metadata(SOURCE_ETAG_METADATA, head.eTag());
        options.metadata(SHA256_METADATA, sha256);
        String target = layout.promotedKey(upload);
        return scrubbed.changed()
                ? blobs.put(target, scrubbed.bytes(), options.build())
                : blobs.copy(head.key(), target, options.build());
    }

    private Admission refuse(String key, ErrorCode code, String message) {
        blobs.delete(key);
        return new Admission.Refused(code, message);
    }

    private byte[] read(BlobMetadata head) {
        try (BlobContent content = blobs.get(head.key())) {
            if (!head.eTag().equals(content.metadata().eTag())) {
                throw new GalerlyException(ErrorCode.CONFLICT, "upload " + head.key()
                        + " was replaced while being checked", null, true);
            }
            byte[] bytes = content.stream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new GalerlyException(ErrorCode.CONFLICT, "upload " + head.key() + " grew while being checked",
                        null, true);
            }
            return bytes;
        } catch (IOException e) {
            throw GalerlyException.io("reading upload " + head.key() + " failed", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "Quarantine[" + layout.incomingPrefix() + " -> " + layout.originalsPrefix() + ", maxBytes=" + maxBytes
                + ", scanner=" + scanner.name() + ", " + scrubber + (index != null ? ", duplicates=" + duplicates : "")
                + "]";
    }

    /** Builds a {@link Quarantine}; the blob store is required, each setting is checked when set. */
    public static final class Builder {
        private BlobStore blobs;
        private KeyLayout layout = KeyLayout.standard();
        private ContentScanner scanner = ContentScanner.none();
        private MetadataScrubber scrubber = MetadataScrubber.standard();
        private long maxBytes = 200L * 1024 * 1024;
        private Set<String> contentTypes = DeclaredTypes.IMAGE_TYPES;
        private ImageProcessor processor;
        private ContentIndex index;
        private DuplicatePolicy duplicates = DuplicatePolicy.REJECT;
        private PhotoRepository photos;

        private Builder() {
        }

        public Builder blobs(BlobStore blobs) {
            this.blobs = Checks.notNull(blobs, "blobs");
            return this;
        }

        public Builder layout(KeyLayout layout) {
            this.layout = Checks.notNull(layout, "layout");
            return this;
        }

        /** The malware scanner; default {@link ContentScanner#none()}. */
        public Builder scanner(ContentScanner scanner) {
            this.scanner = Checks.notNull(scanner, "scanner");
            return this;
        }

        /** What is removed from originals; default {@link MetadataScrubber#standard()} (keeps orientation). */
        public Builder scrubber(MetadataScrubber scrubber) {
            this.scrubber = Checks.notNull(scrubber, "scrubber");
            return this;
        }

        /** The largest upload, in bytes (read into memory to be checked): 1 byte to 2 GiB, default 200 MiB. */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("maxBytes must be 1.." + (Integer.MAX_VALUE - 16) + ", was " + maxBytes);
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * The declared content types accepted (lower case, without parameters); default every image type Galerly
         * knows. Each must be a type whose format can be sniffed.
         */
        public Builder contentTypes(Set<String> contentTypes) {
            Checks.notNull(contentTypes, "contentTypes");
            for (String type : contentTypes) {
                if (!DeclaredTypes.IMAGE_TYPES.contains(type)) {
                    throw new IllegalArgumentException("contentTypes: " + Checks.quote(type)
                            + " is not an image type Galerly can check; known: " + DeclaredTypes.IMAGE_TYPES);
                }
            }
            if (contentTypes.isEmpty()) {
                throw new IllegalArgumentException("contentTypes must not be empty: every upload would be refused");
            }
            this.contentTypes = Set.copyOf(contentTypes);
            return this;
        }

        /** Reads headers to refuse images over the pixel limit or with a corrupt header before promotion (optional). */
        public Builder processor(ImageProcessor processor) {
            this.processor = Checks.notNull(processor, "processor");
            return this;
        }

        /** Records each original's SHA-256 per gallery to find duplicates (optional: no dedup without it). */
        public Builder contentIndex(ContentIndex index) {
            this.index = Checks.notNull(index, "contentIndex");
            return this;
        }

        /** What a duplicate becomes; default {@link DuplicatePolicy#REJECT}. Needs a content index. */
        public Builder duplicates(DuplicatePolicy duplicates) {
            this.duplicates = Checks.notNull(duplicates, "duplicates");
            return this;
        }

        /** The photo records, to tell a live duplicate from the index entry of a deleted or refused photo. */
        public Builder photos(PhotoRepository photos) {
            this.photos = Checks.notNull(photos, "photos");
            return this;
        }

        public Quarantine build() {
            if (blobs == null) {
                throw new IllegalStateException("blobs is required");
            }
            return new Quarantine(this);
        }
    }

    /**
     * The content types an upload service accepts by default, each with the extension its keys get (in this order):
     * JPEG, PNG, WebP, GIF, BMP, TIFF, HEIC/HEIF, AVIF and the common camera RAW types. One table for every
     * {@link UploadService}, the S3 one and the test kit's fake alike ({@code UploadServiceContract} checks it).
     *
     * <pre>{@code
     * Quarantine.defaultContentTypes().get("image/x-nikon-nef");   // "nef"
     * }</pre>
     */
    public static Map<String, String> defaultContentTypes() {
        return DEFAULT_CONTENT_TYPES;
    }

    private static final Map<String, String> DEFAULT_CONTENT_TYPES = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> types = new java.util.LinkedHashMap<>();
        types.put("image/jpeg", "jpg");
        types.put("image/png", "png");
        types.put("image/webp", "webp");
        types.put("image/gif", "gif");
        types.put("image/bmp", "bmp");
        types.put("image/tiff", "tif");
        types.put("image/heic", "heic");
        types.put("image/heif", "heif");
        types.put("image/avif", "avif");
        types.put("image/x-adobe-dng", "dng");
        types.put("image/x-canon-cr2", "cr2");
        types.put("image/x-canon-cr3", "cr3");
        types.put("image/x-nikon-nef", "nef");
        types.put("image/x-sony-arw", "arw");
        types.put("image/x-olympus-orf", "orf");
        types.put("image/x-fuji-raf", "raf");
        types.put("image/x-panasonic-rw2", "rw2");
        return java.util.Collections.unmodifiableMap(types);
    }

    /** Every declared content type the trust path can check against the content (the accepted ones by default). */
    public static Set<String> knownContentTypes() {
        return DeclaredTypes.IMAGE_TYPES;
    }

    /** The SHA-256 hex digest the trust path records (exposed for tests and tools). */
    public static String sha256Hex(byte[] bytes) {
        return sha256(Checks.notNull(bytes, "bytes"));
    }
}
