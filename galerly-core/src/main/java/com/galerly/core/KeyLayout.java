/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

import com.galerly.core.spi.Checks;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Where uploads, originals and renditions live in the bucket. The default is
 * {@code incoming/{gallery}/{photo}.{ext}} for uploads in quarantine, {@code originals/{gallery}/{photo}.{ext}}
 * for originals that passed the trust path, and {@code renditions/{gallery}/{photo}_{name}.{ext}}.
 *
 * <p>Clients upload only under the incoming (quarantine) prefix, which nothing serves; processing checks the
 * upload and promotes it to the originals prefix. The incoming prefix is what triggers processing.
 * Keys are built only from validated ids, rendition names and extensions, never from a user's file name.
 * The builder refuses prefixes that overlap: a rendition or a promoted original written under the incoming
 * prefix would trigger another run.
 *
 * <pre>{@code
 * KeyLayout layout = KeyLayout.standard();
 * String original = layout.originalKey(gallery, id, "jpg");        // originals/g/01jd....jpg
 * String upload = layout.incomingKey(gallery, id, "jpg");           // incoming/g/01jd....jpg
 * String thumb = layout.renditionKey(gallery, id, "thumbnail", "jpg"); // renditions/g/01jd..._thumbnail.jpg
 * layout.parseOriginal(original);                                    // Optional[Original[g, 01jd..., jpg]]
 * KeyLayout custom = KeyLayout.builder().originalsPrefix("in/").renditionsPrefix("out/").build();
 * }</pre>
 */
public final class KeyLayout {
    /** S3's limit on a key: 1024 bytes of UTF-8. */
    public static final int S3_MAX_KEY_BYTES = 1024;

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");
    private static final Pattern RENDITION_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{6,32}");
    private static final Pattern CONTENT_ADDRESSED =
            Pattern.compile("_[a-z0-9][a-z0-9-]{0,31}\\.[0-9a-f]{6,32}\\.[a-z0-9]{1,8}$");
    private static final KeyLayout STANDARD = builder().build();

    private final String incomingPrefix;
    private final String originalsPrefix;
    private final String renditionsPrefix;
    private final int maxKeyBytes;

    private KeyLayout(Builder b) {
        this.incomingPrefix = b.incomingPrefix;
        this.originalsPrefix = b.originalsPrefix;
        this.renditionsPrefix = b.renditionsPrefix;
        this.maxKeyBytes = b.maxKeyBytes;
    }

    /** {@code incoming/}, {@code originals/} and {@code renditions/}, 1024-byte keys. */
    public static KeyLayout standard() {
        return STANDARD;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static KeyLayout of(Consumer<Builder> settings) {
        Builder builder = builder();
        settings.accept(builder);
        return builder.build();
    }

    public Builder toBuilder() {
        return new Builder().incomingPrefix(incomingPrefix).originalsPrefix(originalsPrefix)
                .renditionsPrefix(renditionsPrefix).maxKeyBytes(maxKeyBytes);
    }

    /** The quarantine prefix uploads land under (and whose ObjectCreated events trigger processing). */
    public String incomingPrefix() {
        return incomingPrefix;
    }

    /** The key an upload of a photo lands under, in quarantine. */
    public String incomingKey(GalleryId gallery, PhotoId photo, String extension) {
        return checkedKey(incomingPrefix + gallery.value() + "/" + photo.value() + "." + extension(extension));
    }

    /** The key an upload in quarantine is promoted to: the original's key of the same photo and extension. */
    public String promotedKey(Original upload) {
        return originalKey(upload.gallery(), upload.photo(), upload.extension());
    }

    /**
     * Reads an upload's key (under the incoming prefix) back into its parts; empty for anything else. Never
     * throws for a non-null key.
     */
    public Optional<Original> parseIncoming(String key) {
        return parse(key, incomingPrefix);
    }

    /** Whether a key is under the incoming (quarantine) prefix. */
    public boolean isIncoming(String key) {
        return key != null && key.startsWith(incomingPrefix);
    }

    public String originalsPrefix() {
        return originalsPrefix;
    }

    public String renditionsPrefix() {
        return renditionsPrefix;
    }

    /** The prefix under which every original of a gallery lives. */
    public String originalsPrefix(GalleryId gallery) {
        return originalsPrefix + gallery.value() + "/";
    }

    /** The prefix under which every rendition of a gallery lives. */
    public String renditionsPrefix(GalleryId gallery) {
        return renditionsPrefix + gallery.value() + "/";
    }

    /** The key of a photo's original, {@code extension} being a short lower-case alphanumeric like {@code jpg}. */
    public String originalKey(GalleryId gallery, PhotoId photo, String extension) {
        return checkedKey(originalsPrefix(gallery) + photo.value() + "." + extension(extension));
    }

    /** The key of one rendition of a photo. */
    public String renditionKey(GalleryId gallery, PhotoId photo, String renditionName, String extension) {
        return checkedKey(renditionsPrefix(gallery) + photo.value() + "_" + renditionName(renditionName) + "."
                + extension(extension));
    }

    /**
     * The key of one rendition with the fingerprint of what produced it ({@code Fingerprints.rendition}):
     * {@code renditions/{gallery}/{photo}_{name}.{fingerprint}.{ext}}. The fingerprint is in the path, so the URL
     * changes exactly when the bytes may (a CDN cache policy that drops query strings still sees it), and the photo's
     * prefix {@link #renditionsPrefix(GalleryId, PhotoId)} still covers it.
     *
     * @param fingerprint 6..32 lower-case hex digits
     */
    public String renditionKey(GalleryId gallery, PhotoId photo, String renditionName, String fingerprint,
                               String extension) {
        if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
            throw new GalerlyException(ErrorCode.INVALID_ARGUMENT,
                    "fingerprint must be 6..32 lower-case hex digits, was " + Checks.quote(fingerprint));
        }
        return checkedKey(renditionsPrefix(gallery) + photo.value() + "_" + renditionName(renditionName) + "."
                + fingerprint + "." + extension(extension));
    }

    /**
     * Whether a rendition key carries the fingerprint of its content ({@code ..._{name}.{fingerprint}.{ext}}, as
     * {@link #renditionKey(GalleryId, PhotoId, String, String, String)} writes it): its URL then changes exactly when
     * its bytes may, and needs no version parameter.
     */
    public static boolean isContentAddressed(String renditionKey) {
        return renditionKey != null && CONTENT_ADDRESSED.matcher(renditionKey).find();
    }

    /** The key prefix shared by every rendition of one photo (for listing and deleting them). */
    public String renditionsPrefix(GalleryId gallery, PhotoId photo) {
        return renditionsPrefix(gallery) + photo.value() + "_";
    }

    /**
     * Reads an original's key back into its parts. Empty for anything that is not exactly an original of this
     * layout: renditions, other prefixes, hostile or malformed keys. Never throws for a non-null key.
     */
    public Optional<Original> parseOriginal(String key) {
        return parse(key, originalsPrefix);
    }

    private Optional<Original> parse(String key, String prefix) {
        if (key == null || !key.startsWith(prefix) || !isSafeKey(key, maxKeyBytes)) {
            return Optional.empty();
        }
        String rest = key.substring(prefix.length());
        int slash = rest.indexOf('/');
        int dot = rest.lastIndexOf('.');
        if (slash <= 0 || dot < slash || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        String gallery = rest.substring(0, slash);
        String photo = rest.substring(slash + 1, dot);
        String ext = rest.substring(dot + 1);
        if (!EXTENSION.matcher(ext).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Original(GalleryId.of(gallery), PhotoId.of(photo), ext));
        } catch (GalerlyException notAnId) {
            return Optional.empty();
        }
    }

    /** Whether a key is under the renditions prefix (and so must never be processed). */
    public boolean isRendition(String key) {
        return key != null && key.startsWith(renditionsPrefix);
    }

    /**
     * Refuses keys that could escape a prefix or confuse S3 and CloudFront: empty, a leading {@code /},
     * a {@code .} or {@code ..} segment, an empty segment ({@code //}), a backslash, control characters,
     * or more than {@code maxKeyBytes} bytes of UTF-8.
     *
     * @return the key, unchanged
     * @throws GalerlyException with {@link ErrorCode#INVALID_ARGUMENT} naming the problem
     */
    public static String requireSafeKey(String key, int maxKeyBytes) {
        String problem = keyProblem(key, maxKeyBytes);
        if (problem != null) {
            throw new GalerlyException(ErrorCode.INVALID_ARGUMENT, "unsafe key " + Checks.quote(key) + ": " + problem);
        }
        return key;
    }

    /** Whether {@link #requireSafeKey(String, int)} would accept the key. */
    public static boolean isSafeKey(String key, int maxKeyBytes) {
        return keyProblem(key, maxKeyBytes) == null;
    }

    private static String keyProblem(String key, int maxKeyBytes) {
        if (key == null || key.isEmpty()) {
            return "empty";
        }
        if (key.startsWith("/")) {
            return "leading '/'";
        }
        if (key.length() > maxKeyBytes || key.getBytes(StandardCharsets.UTF_8).length > maxKeyBytes) {
            return "longer than " + maxKeyBytes + " bytes";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return "control character at " + i;
            }
            if (c == '\\') {
                return "backslash at " + i;
            }
            if (Character.isSurrogate(c) && !validSurrogate(key, i)) {
                return "malformed UTF-16 at " + i;
            }
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return "'" + segment + "' segment";
            }
        }
        if (key.contains("//")) {
            return "empty segment";
        }
        return null;
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private String checkedKey(String key) {
        return requireSafeKey(key, maxKeyBytes);
    }

    private static String extension(String extension) {
        if (extension == null || !EXTENSION.matcher(extension).matches()) {
            throw new GalerlyException(ErrorCode.INVALID_ARGUMENT,
                    "extension must be 1..8 characters of a-z 0-9, was " + Checks.quote(extension));
        }
        return extension;
    }

    private static String renditionName(String name) {
        if (name == null || !RENDITION_NAME.matcher(name).matches()) {
            throw new GalerlyException(ErrorCode.INVALID_ARGUMENT,
                    "rendition name must be 1..32 characters of a-z 0-9 -, starting with a letter or digit, was "
                            + Checks.quote(name));
        }
        return name;
    }

    /** Whether {@code name} can name a rendition in keys. */
    public static boolean isValidRenditionName(String name) {
        return name != null && RENDITION_NAME.matcher(name).matches();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyLayout other && incomingPrefix.equals(other.incomingPrefix)
                && originalsPrefix.equals(other.originalsPrefix)
                && renditionsPrefix.equals(other.renditionsPrefix) && maxKeyBytes == other.maxKeyBytes;
    }

    @Override
    public int hashCode() {
        return ((incomingPrefix.hashCode() * 31 + originalsPrefix.hashCode()) * 31 + renditionsPrefix.hashCode()) * 31
                + maxKeyBytes;
    }

    @Override
    public String toString() {
        return "KeyLayout[incoming=" + incomingPrefix + "{gallery}/{photo}.{ext}, originals=" + originalsPrefix + "{gallery}/{photo}.{ext}, renditions=" + renditionsPrefix
                + "{gallery}/{photo}_{name}.{ext}, maxKeyBytes=" + maxKeyBytes + "]";
    }

    /**
     * An original's key, parsed.
     *
     * @param gallery   the gallery
     * @param photo     the photo id
     * @param extension the key's extension (as uploaded; the content is sniffed anyway)
     */
    public record Original(GalleryId gallery, PhotoId photo, String extension) {
        public PhotoKey key() {
            return new PhotoKey(gallery, photo);
        }
    }

    /** Builds a {@link KeyLayout}; each setting is checked when set, the combination in {@link #build()}. */
    public static final class Builder {
        private String incomingPrefix = "incoming/";
        private String originalsPrefix = "originals/";
        private String renditionsPrefix = "renditions/";
        private int maxKeyBytes = S3_MAX_KEY_BYTES;

        private Builder() {
        }

        /**
         * The quarantine prefix uploads land under, which triggers processing and is never served; safe segments
         * ending in '/'. Default {@code incoming/}.
         */
        public Builder incomingPrefix(String prefix) {
            String checked = prefix(prefix, "incomingPrefix");
            if (checked.isEmpty()) {
                throw new IllegalArgumentException("incomingPrefix must not be empty: quarantine needs its own prefix");
            }
            this.incomingPrefix = checked;
            return this;
        }

        /** The prefix that holds promoted originals; "" or safe segments ending in '/'. */
        public Builder originalsPrefix(String prefix) {
            this.originalsPrefix = prefix(prefix, "originalsPrefix");
            return this;
        }

        /** The prefix that holds renditions; must not overlap the originals prefix. */
        public Builder renditionsPrefix(String prefix) {
            this.renditionsPrefix = prefix(prefix, "renditionsPrefix");
            return this;
        }

        /** Longest key accepted, in UTF-8 bytes: 64..1024 (S3's limit). */
        public Builder maxKeyBytes(int maxKeyBytes) {
            this.maxKeyBytes = Checks.inRange(maxKeyBytes, 64, S3_MAX_KEY_BYTES, "maxKeyBytes");
            return this;
        }

        public KeyLayout build() {
            if (overlap(originalsPrefix, renditionsPrefix)) {
                throw new IllegalArgumentException("renditionsPrefix " + Checks.quote(renditionsPrefix)
                        + " overlaps originalsPrefix " + Checks.quote(originalsPrefix)
                        + ": renditions written there would trigger processing again");
            }
            if (overlap(incomingPrefix, renditionsPrefix) || overlap(incomingPrefix, originalsPrefix)) {
                throw new IllegalArgumentException("incomingPrefix " + Checks.quote(incomingPrefix)
                        + " overlaps " + (overlap(incomingPrefix, renditionsPrefix)
                        ? "renditionsPrefix " + Checks.quote(renditionsPrefix)
                        : "originalsPrefix " + Checks.quote(originalsPrefix))
                        + ": objects written there would trigger processing again, or uploads would skip quarantine");
            }
            return new KeyLayout(this);
        }

        private static boolean overlap(String a, String b) {
            return a.startsWith(b) || b.startsWith(a);
        }

        private static String prefix(String prefix, String name) {
            Checks.notNull(prefix, name);
            if (prefix.isEmpty()) {
                return prefix;
            }
            if (!prefix.endsWith("/")) {
                throw new IllegalArgumentException(name + " must end with '/', was " + Checks.quote(prefix));
            }
            String problem = keyProblem(prefix, 256);
            if (problem != null) {
                throw new IllegalArgumentException(name + " " + Checks.quote(prefix) + " is unsafe: " + problem);
            }
            return prefix;
        }
    }
}
