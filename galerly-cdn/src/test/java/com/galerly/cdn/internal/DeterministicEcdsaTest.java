/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.galerly.cdn.HashAlgorithm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6979 appendix A.2.5 (P-256) known answers: deterministic nonces exactly as the RFC derives them. */
class DeterministicEcdsaTest {
    private static final BigInteger D = new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16);

    @ParameterizedTest
    @CsvSource({
            "SHA1, sample, 61340C88C3AAEBEB4F6D667F672CA9759A6CCAA9FA8811313039EE4A35471D32, "
                    + "6D7F147DAC089441BB2E2FE8F7A3FA264B9C475098FDCF6E00D7C996E1B8B7EB",
            "SHA256, sample, EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716, "
                    + "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"})
    void matchesTheRfc6979Vectors(HashAlgorithm hash, String message, String r, String s) {
        byte[] signature = new DeterministicEcdsa(D, hash).sign(message.getBytes(StandardCharsets.US_ASCII));
        assertEquals(der(r, s), HexFormat.of().withUpperCase().formatHex(signature));
    }

    private static String der(String r, String s) {
        String body = integer(r) + integer(s);
        return "30" + String.format("%02X", body.length() / 2) + body;
    }

    private static String integer(String hex) {
        String value = new BigInteger(hex, 16).testBit(255) ? "00" + hex : hex;
        return "02" + String.format("%02X", value.length() / 2) + value;
    }
}
