/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.galerly.cdn.CloudFrontSigner;
import com.galerly.cdn.CustomPolicy;
import com.galerly.cdn.HashAlgorithm;
import com.galerly.cdn.Policy;
import com.galerly.cdn.SigningKey;
import com.galerly.core.GalerlyException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options {@code sign-url} and {@code sign-cookies} share, named as in the AWS CLI's {@code aws cloudfront
 * sign}, and the rule that picks a canned or a custom policy.
 */
final class CloudFrontSigningOptions {
    /** The command this mixin is part of: its output streams. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--key-pair-id", required = true, order = 10, paramLabel = "ID",
            description = "CloudFront public key id (key-pair id) the signature verifies with.")
    String keyPairId;

    @Option(names = "--private-key", required = true, order = 11, paramLabel = "PEM_FILE",
            description = "Private key file: RSA-2048 or ECDSA P-256, PEM PKCS#1, SEC1 or PKCS#8 (type detected).")
    Path privateKey;

    @Option(names = "--date-less-than", required = true, order = 12, paramLabel = "TIME",
            converter = TimeConverter.class,
            description = "Expiry: epoch seconds or ISO-8601 (a date means 00:00 UTC; a date-time needs a zone "
                    + "or offset).")
    Instant dateLessThan;

    @Option(names = "--date-greater-than", order = 13, paramLabel = "TIME", converter = TimeConverter.class,
            description = "Not valid before this time (makes the policy custom).")
    Instant dateGreaterThan;

    @Option(names = "--ip-address", order = 14, paramLabel = "CIDR",
            description = "Viewer IP range, IPv4 or IPv6 CIDR (makes the policy custom).")
    String ipAddress;

    @Option(names = "--hash-algorithm", order = 15, paramLabel = "SHA1|SHA256",
            converter = HashConverter.class, defaultValue = "SHA1",
            description = "Signature hash (default: ${DEFAULT-VALUE}); SHA256 adds Hash-Algorithm=SHA256.")
    HashAlgorithm hashAlgorithm;

    @Option(names = "--verbose", order = 16, description = "On an error, also print the stack trace.")
    boolean verbose;

    /**
     * Canned unless a not-before time or an IP range is given, the signed resource has a {@code *}, or the
     * resource differs from the URL being signed ({@code url} null for cookies).
     */
    Policy policy(String url, String resource) {
        boolean custom = dateGreaterThan != null || ipAddress != null || resource.indexOf('*') >= 0
                || (url != null && !resource.equals(url));
        if (!custom) {
            return Policy.canned(resource, dateLessThan);
        }
        return CustomPolicy.builder().resource(resource).expiresAt(dateLessThan).notBefore(dateGreaterThan)
                .sourceIp(ipAddress).build();
    }

    CloudFrontSigner signer() {
        return signer(null);
    }

    /** Signs with the key file, warning on the command's stderr when the file is readable by others. */
    CloudFrontSigner commandSigner() {
        return signer(command.commandLine().getErr());
    }

    /** Prints one line on the command's stdout. */
    void println(String line) {
        command.commandLine().getOut().println(line);
        command.commandLine().getOut().flush();
    }

    /** As {@link #signer()}, printing to {@code warnings} (when given) that the key file is readable by others. */
    CloudFrontSigner signer(java.io.PrintWriter warnings) {
        SigningKey key = SigningKey.fromPem(privateKey);
        if (warnings != null) {
            SigningKey.permissionWarning(privateKey).ifPresent(w -> {
                warnings.println(w);
                warnings.flush();
            });
        }
        try {
            return CloudFrontSigner.builder().keyPair(keyPairId, key).hashAlgorithm(hashAlgorithm).build();
        } catch (IllegalArgumentException e) {
            throw new UserException("--key-pair-id: " + e.getMessage());
        }
    }

    /** Epoch seconds, an ISO date (00:00 UTC), or an ISO date-time with a zone or offset. */
    static final class TimeConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String text) {
            String value = text.trim();
            if (value.matches("-?[0-9]{1,12}")) {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : ZonedDateTime.parse(value).toInstant();
            } catch (DateTimeException e) {
                if (isLocalDateTime(value)) {
                    throw new CommandLine.TypeConversionException("'" + text + "' has no zone or offset; add Z or "
                            + "+hh:mm, e.g. " + value + "Z");
                }
                throw new CommandLine.TypeConversionException("'" + text + "' is not epoch seconds or ISO-8601 "
                        + "(e.g. 1767225600, 2026-12-31, 2026-12-31T23:00:00Z, 2026-12-31T23:00:00+01:00)");
            }
        }

        private static boolean isLocalDateTime(String value) {
            try {
                LocalDateTime.parse(value);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }

    /** SHA1 or SHA256, in any case, with or without the dash. */
    static final class HashConverter implements CommandLine.ITypeConverter<HashAlgorithm> {
        @Override
        public HashAlgorithm convert(String text) {
            try {
                return HashAlgorithm.parse(text);
            } catch (GalerlyException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not SHA1 or SHA256");
            }
        }
    }
}
