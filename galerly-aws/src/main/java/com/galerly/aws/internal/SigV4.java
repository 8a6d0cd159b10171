/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The parts of AWS Signature Version 4 a POST policy needs (the SDK signs HTTP requests only): the signing key
 * chain and the hex HMAC of the string to sign, which for a POST is the base64 policy itself.
 */
public final class SigV4 {
    /** The algorithm name written into credentials and forms. */
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SigV4() {
    }

    /** {@code yyyyMMdd} in UTC, the credential scope's date. */
    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'}, the {@code x-amz-date} format. */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** {@code accessKey/date/region/service/aws4_request}. */
    public static String credential(String accessKeyId, String date, String region, String service) {
        return accessKeyId + "/" + date + "/" + region + "/" + service + "/aws4_request";
    }

    /** HMAC chain: "AWS4" + secret, then date, region, service and "aws4_request". */
    public static byte[] signingKey(String secretAccessKey, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    /** The hex HMAC-SHA256 of {@code stringToSign} under {@code signingKey}. */
    public static String signature(byte[] signingKey, String stringToSign) {
        byte[] mac = hmac(signingKey, stringToSign);
        char[] out = new char[mac.length * 2];
        for (int i = 0; i < mac.length; i++) {
            out[2 * i] = HEX[(mac[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[mac[i] & 0xf];
        }
        return new String(out);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
