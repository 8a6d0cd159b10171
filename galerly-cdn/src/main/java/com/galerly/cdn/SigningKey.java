/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import com.galerly.cdn.internal.PemKeys;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.spi.Checks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A private key CloudFront can verify signatures of: RSA-2048 or ECDSA P-256, parsed and checked once.
 * Loads PEM in PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), SEC1 ({@code BEGIN EC PRIVATE KEY}) or PKCS#8
 * ({@code BEGIN PRIVATE KEY}) form, from a file or from a string as kept in AWS Secrets Manager or an environment
 * variable (escaped {@code \n} and one-line PEM are accepted), or wraps a {@link PrivateKey} you already hold.
 * Encrypted, wrong-type and wrong-size keys are refused with {@code INVALID_ARGUMENT}.
 *
 * <p>The key material never appears in {@link #toString()}, logs or exception messages; {@code toString()} shows
 * the type and a fingerprint of the public key.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.fromPem(secretsManager.getSecretValue(r -> r.secretId("cdn-key")).secretString());
 * key.type();                 // EC_P256
 * key.publicKeyPem();         // Optional[-----BEGIN PUBLIC KEY-----...]: what to upload to CloudFront
 * }</pre>
 */
public final class SigningKey {
    /** PEM files are a few kilobytes; anything much larger is not a key file. */
    private static final long MAX_PEM_BYTES = 64 * 1024;

    private final PrivateKey privateKey;
    private final KeyType type;
    private final PublicKey publicKey;

    private SigningKey(PemKeys.LoadedKey loaded) {
        this.privateKey = loaded.privateKey();
        this.type = loaded.type();
        this.publicKey = loaded.publicKey();
    }

    /**
     * Parses a PEM private key from text.
     *
     * @throws GalerlyException {@code INVALID_ARGUMENT} when the text holds no usable private key
     */
    public static SigningKey fromPem(String pem) {
        Checks.notNull(pem, "pem");
        return new SigningKey(PemKeys.fromPem(pem, "(PEM text)"));
    }

    /**
     * Reads a PEM private key file: a regular file (not a device, pipe or directory) of at most 64 KiB, read with
     * that bound whatever its size claims.
     *
     * @throws GalerlyException {@code NOT_FOUND} when the file does not exist, {@code IO_ERROR} when it cannot be
     *                          read, {@code INVALID_ARGUMENT} when it is not a regular file, is too large or holds
     *                          no usable private key
     */
    public static SigningKey fromPem(Path file) {
        Checks.notNull(file, "file");
        String source = "file " + file;
        try {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            if (!Files.isRegularFile(file)) {
                throw GalerlyException.invalid("private key " + source + " is not a regular file");
            }
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_PEM_BYTES + 1);
            }
            if (bytes.length > MAX_PEM_BYTES) {
                throw GalerlyException.invalid("private key " + source + " is over " + MAX_PEM_BYTES
                        + " bytes; a PEM private key is a few kilobytes");
            }
            return new SigningKey(PemKeys.fromPem(new String(bytes, StandardCharsets.UTF_8), source));
        } catch (NoSuchFileException e) {
            throw GalerlyException.notFound("private key " + source + " does not exist");
        } catch (IOException e) {
            throw new GalerlyException(ErrorCode.IO_ERROR, "cannot read private key " + source + ": "
                    + e.getClass().getSimpleName(), e, false);
        }
    }

    /**
     * A warning when the key file can be read by its group or by others (POSIX permissions beyond {@code 600}),
     * naming the file and the fix; empty when only the owner can read it or the file system has no POSIX
     * permissions. Tools that load a key print it; the key still loads.
     */
    public static Optional<String> permissionWarning(Path file) {
        Checks.notNull(file, "file");
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            boolean exposed = perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
                    || perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
            return exposed ? Optional.of("warning: private key " + file + " is readable by "
                    + (perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ) ? "others" : "its group")
                    + " (" + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "); run: chmod 600 "
                    + file) : Optional.empty();
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Wraps a JDK private key ({@link java.security.interfaces.RSAPrivateKey} of 2048 bits or
     * {@link java.security.interfaces.ECPrivateKey} on P-256).
     *
     * @throws GalerlyException {@code INVALID_ARGUMENT} for any other key
     */
    public static SigningKey of(PrivateKey privateKey) {
        Checks.notNull(privateKey, "privateKey");
        return new SigningKey(PemKeys.fromPrivateKey(privateKey, "(" + privateKey.getAlgorithm() + " PrivateKey)"));
    }

    /** RSA-2048 or ECDSA P-256. */
    public KeyType type() {
        return type;
    }

    /**
     * The matching public key, derived from the private key; empty only for an RSA key given without its
     * public exponent (a non-CRT {@code RSAPrivateKey}).
     */
    public Optional<PublicKey> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    /** The public key as a {@code BEGIN PUBLIC KEY} PEM block, the form CloudFront's public-key upload takes. */
    public Optional<String> publicKeyPem() {
        return publicKey().map(key -> "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    }

    /** SHA-256 of the DER public key, hex; empty when the public key is unknown. */
    public Optional<String> fingerprint() {
        return publicKey().map(key -> {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every JVM", e);
            }
        });
    }

    /** For the signer only: the key stays inside this module. */
    PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * Keys are equal when they are the same key pair: same type and public key (encodings of the private key
     * differ between PEM forms), or, without a public key, equal private keys.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKey other && type == other.type && (publicKey != null && other.publicKey != null
                ? publicKey.equals(other.publicKey) : privateKey.equals(other.privateKey));
    }

    @Override
    public int hashCode() {
        return publicKey != null ? publicKey.hashCode() : type.hashCode();
    }

    /** Type and public fingerprint only, never key material. */
    @Override
    public String toString() {
        return "SigningKey[" + type.displayName() + ", public key "
                + fingerprint().map(f -> "sha256:" + f.substring(0, 16)).orElse("unknown") + "]";
    }
}
