/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.galerly.aws.s3.PostPolicy;
import com.galerly.aws.s3.PostPolicy.Condition;
import com.galerly.testkit.property.Cases;
import com.galerly.testkit.property.Generator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;

/** The POST policy signature against AWS's published example, and the signing key against the SDK's own. */
class SigV4Test {
    /** "Example: Browser-Based Upload using HTTP POST (Using AWS Signature Version 4)", as published by AWS. */
    static final String AWS_EXAMPLE_POLICY = "eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9";
    static final String AWS_EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String AWS_EXAMPLE_SIGNATURE = "8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void signsAwsBrowserPostExampleByteForByte() {
        byte[] key = SigV4.signingKey(AWS_EXAMPLE_SECRET, "20151229", "us-east-1", "s3");
        assertEquals(AWS_EXAMPLE_SIGNATURE, SigV4.signature(key, AWS_EXAMPLE_POLICY));
    }

    @Test
    void credentialAndDatesUseAwsFormats() {
        Instant instant = Instant.parse("2015-12-29T00:00:00Z");
        assertEquals("20151229", SigV4.date(instant));
        assertEquals("20151229T000000Z", SigV4.dateTime(instant));
        assertEquals("AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request",
                SigV4.credential("AKIAIOSFODNN7EXAMPLE", "20151229", "us-east-1", "s3"));
    }

    /**
     * The example's conditions, rebuilt with {@link PostPolicy}, say the same thing as AWS's document (which is
     * hand-formatted with CRLFs, so the comparison is of the parsed JSON). Galerly always adds a
     * content-length-range, which the example lacks; it is left out of the comparison.
     */
    @Test
    void rebuildsAwsExampleConditions() throws Exception {
        PostPolicy policy = PostPolicy.builder()
                .keyStartsWith("user/user1/")
                .field("acl", "public-read")
                .field("success_action_redirect", "http://sigv4examplebucket.s3.amazonaws.com/successful_upload.html")
                .contentTypeStartsWith("image/")
                .metadata("uuid", "14365123651274")
                .field("x-amz-server-side-encryption", "AES256")
                .fieldStartsWith("x-amz-meta-tag", "")
                .contentLengthRange(1, 10_485_760)
                .build();
        List<Condition> conditions = new ArrayList<>();
        conditions.add(Condition.eq("bucket", "sigv4examplebucket"));
        policy.conditions().stream()
                .filter(c -> c.operator() != PostPolicy.Operator.CONTENT_LENGTH_RANGE).forEach(conditions::add);
        conditions.add(Condition.eq("x-amz-credential", "AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request"));
        conditions.add(Condition.eq("x-amz-algorithm", "AWS4-HMAC-SHA256"));
        conditions.add(Condition.eq("x-amz-date", "20151229T000000Z"));
        String ours = PostPolicyJson.write(Instant.parse("2015-12-30T12:00:00Z"), conditions);

        JsonNode expected = JSON.readTree(Base64.getDecoder().decode(AWS_EXAMPLE_POLICY));
        assertEquals(expected, JSON.readTree(ours));
        // and the same key signs our compact document as the SDK-independent chain would
        byte[] key = SigV4.signingKey(AWS_EXAMPLE_SECRET, "20151229", "us-east-1", "s3");
        String encoded = Base64.getEncoder().encodeToString(ours.getBytes(StandardCharsets.UTF_8));
        assertEquals(64, SigV4.signature(key, encoded).length());
    }

    private record Scope(String secret, String region, Instant instant) {
    }

    @Test
    void signingKeyMatchesTheSdkDerivation() {
        Cases.check(200, g -> new Scope(g.string(Generator.ALPHANUMERIC + "/+", 1, 60),
                g.string(Generator.ALPHANUMERIC, 1, 20), Instant.ofEpochSecond(g.longs(0, 4_102_444_800L))), s -> {
                    CredentialScope scope = new CredentialScope(s.region(), "s3", s.instant());
                    byte[] sdk = SignerUtils.deriveSigningKey(AwsBasicCredentials.create("AKIDEXAMPLE", s.secret()),
                            scope);
                    assertArrayEquals(sdk, SigV4.signingKey(s.secret(), SigV4.date(s.instant()), s.region(), "s3"));
                });
    }
}
