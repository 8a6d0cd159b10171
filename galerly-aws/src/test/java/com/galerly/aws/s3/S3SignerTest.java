/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.GalerlyException;
import com.galerly.core.upload.UploadRequest.Checksum;
import com.galerly.core.upload.UploadRequest.ChecksumAlgorithm;
import com.galerly.testkit.s3.S3ProxyExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Presigned PUT, GET and POST sent with a plain HTTP client to S3Proxy, which checks SigV4: what was signed
 * goes through, anything else is refused.
 */
class S3SignerTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("photos").build();

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final byte[] BODY = "not really a jpeg, but S3 does not care".getBytes(StandardCharsets.UTF_8);

    /** What most PUTs sign: JPEG and the body's length. */
    private static final ObjectHeaders JPEG = ObjectHeaders.builder().contentType("image/jpeg")
            .contentLength(BODY.length).build();

    private static S3Signer signer() {
        return signer(Clock.systemUTC());
    }

    private static S3Signer signer(Clock clock) {
        return S3Signer.builder()
                .bucket(S3Bucket.builder().name("photos").region("us-east-1").endpoint(S3.endpoint()).build())
                .credentialsProvider(S3.credentialsProvider())
                .clock(clock)
                .build();
    }

    private static ResponseBytes<GetObjectResponse> stored(String key) {
        return S3.client().getObjectAsBytes(r -> r.bucket("photos").key(key));
    }

    private static boolean exists(String key) {
        try {
            S3.client().headObject(r -> r.bucket("photos").key(key));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Nested
    class PresignedPut {
        @Test
        void uploadsWithTheSignedHeaders() {
            PresignedRequest put = signer().presignPut("put/ok.jpg", ObjectHeaders.builder().contentType("image/jpeg")
                    .contentLength(BODY.length).cacheControl("no-cache").metadata("filename", "DSC_0042.JPG").build(),
                    TEN_MINUTES);

            assertEquals(200, HttpUploads.send(put, BODY).statusCode());
            ResponseBytes<GetObjectResponse> object = stored("put/ok.jpg");
            assertArrayEquals(BODY, object.asByteArray());
            assertEquals("image/jpeg", object.response().contentType());
            assertEquals("no-cache", object.response().cacheControl());
            assertEquals("DSC_0042.JPG", object.response().metadata().get("filename"));
        }

        @Test
        void signsContentTypeLengthAndMetadataAndListsThemForTheClient() {
            PresignedRequest put = signer().presignPut("put/headers.jpg", ObjectHeaders.builder()
                    .contentType("image/jpeg").contentLength(12).metadata("owner", "alice").build(), TEN_MINUTES);
            String query = put.url().getRawQuery();
            assertTrue(query.contains("X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost%3Bx-amz-meta-owner"),
                    query);
            assertEquals(Map.of("Content-Type", "image/jpeg", "Content-Length", "12", "x-amz-meta-owner", "alice"),
                    put.headers());
            assertEquals("PUT", put.method());
        }

        @Test
        void refusesATamperedSignature() {
            PresignedRequest put = signer().presignPut("put/tampered.jpg", JPEG, TEN_MINUTES);
            String url = put.url().toString();
            char last = url.charAt(url.length() - 1);
            URI tampered = URI.create(url.substring(0, url.length() - 1) + (last == '0' ? '1' : '0'));

            HttpResponse<String> response = HttpUploads.send("PUT", tampered, put.headers(), BODY);
            assertEquals(403, response.statusCode(), response.body());
            assertTrue(response.body().contains("SignatureDoesNotMatch"), response.body());
            assertFalse(exists("put/tampered.jpg"));
        }

        @Test
        void refusesAnotherKey() {
            PresignedRequest put = signer().presignPut("put/signed.jpg", JPEG, TEN_MINUTES);
            URI other = URI.create(put.url().toString().replace("put/signed.jpg", "put/other.jpg"));

            assertEquals(403, HttpUploads.send("PUT", other, put.headers(), BODY).statusCode());
            assertFalse(exists("put/other.jpg"));
        }

        @Test
        void refusesAnExpiredUrl() {
            Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
            PresignedRequest put = signer(anHourAgo).presignPut("put/expired.jpg", JPEG,
                    Duration.ofMinutes(5));
            assertTrue(put.expiresAt().isBefore(Instant.now()));

            HttpResponse<String> response = HttpUploads.send(put, BODY);
            assertEquals(403, response.statusCode(), response.body());
            assertTrue(response.body().contains("AccessDenied"), response.body());
            assertFalse(exists("put/expired.jpg"));
        }

        @Test
        void refusesAnotherContentType() {
            PresignedRequest put = signer().presignPut("put/type.jpg", JPEG, TEN_MINUTES);
            Map<String, String> html = new LinkedHashMap<>(put.headers());
            html.put("Content-Type", "text/html");

            assertEquals(403, HttpUploads.send(put.method(), put.url(), html, BODY).statusCode());
            assertFalse(exists("put/type.jpg"));
        }

        @Test
        void refusesAMissingContentType() {
            PresignedRequest put = signer().presignPut("put/none.jpg", JPEG, TEN_MINUTES);

            assertEquals(403, HttpUploads.send(put.method(), put.url(), Map.of(), BODY).statusCode());
            assertFalse(exists("put/none.jpg"));
        }

        @Test
        void refusesABodyOfAnotherLength() {
            PresignedRequest put = signer().presignPut("put/length.jpg", ObjectHeaders.builder()
                    .contentType("image/jpeg").contentLength(BODY.length).build(), TEN_MINUTES);
            byte[] longer = (new String(BODY, StandardCharsets.UTF_8) + "!").getBytes(StandardCharsets.UTF_8);

            assertEquals(403, HttpUploads.send(put, longer).statusCode());
            assertFalse(exists("put/length.jpg"));
        }

        @Test
        void refusesABodyThatDoesNotMatchTheSignedChecksum() throws Exception {
            Checksum checksum = new Checksum(ChecksumAlgorithm.SHA256, sha256(BODY));
            ObjectHeaders headers = ObjectHeaders.builder().contentType("image/jpeg").contentLength(BODY.length)
                    .checksum(checksum).build();
            PresignedRequest put = signer().presignPut("put/checksum.jpg", headers, TEN_MINUTES);
            byte[] other = BODY.clone();
            other[0] ^= 1;

            HttpResponse<String> wrong = HttpUploads.send(put, other);
            assertEquals(400, wrong.statusCode(), wrong.body());
            assertFalse(exists("put/checksum.jpg"));
            assertEquals(200, HttpUploads.send(put, BODY).statusCode());
            assertTrue(exists("put/checksum.jpg"));
        }

        @Test
        void encodesKeysLikeS3() {
            String key = "put/ünïcode name (1)+&=.jpg";
            PresignedRequest put = signer().presignPut(key, JPEG, TEN_MINUTES);

            assertEquals(200, HttpUploads.send(put, BODY).statusCode());
            assertArrayEquals(BODY, stored(key).asByteArray());
        }

        @Test
        void refusesToPresignWithoutASignedLength() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> signer().presignPut("put/any.jpg", ObjectHeaders.of("image/jpeg"), TEN_MINUTES));
            assertTrue(e.getMessage().contains("Content-Length"), e.getMessage());
        }

        @Test
        void neverOutlivesTheSessionCredentialsThatSignIt() {
            Instant now = Instant.parse("2026-03-01T10:00:00Z");
            S3Signer expiring = signer(Clock.fixed(now, java.time.ZoneOffset.UTC)).toBuilder()
                    .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.builder()
                            .accessKeyId("ASIAEXAMPLE").secretAccessKey("secret").sessionToken("token")
                            .expirationTime(now.plusSeconds(180)).build())).build();
            PresignedRequest put = expiring.presignPut("put/capped.jpg", JPEG, TEN_MINUTES);
            assertTrue(put.expiryCapped());
            assertEquals(now.plusSeconds(180), put.expiresAt());
            assertTrue(put.url().getRawQuery().contains("X-Amz-Expires=180"), put.url().toString());
            PresignedPost form = expiring.presignPost(PostPolicy.builder().key("p/a.jpg").contentType("image/jpeg")
                    .contentLengthRange(1, 5).build(), TEN_MINUTES);
            assertTrue(form.expiryCapped());
            assertEquals(now.plusSeconds(180), form.expiresAt());
            assertFalse(signer(Clock.fixed(now, java.time.ZoneOffset.UTC)).presignPut("put/long.jpg", JPEG, TEN_MINUTES)
                    .expiryCapped(), "long-term keys have no expiration");

            S3Signer expired = signer(Clock.fixed(now, java.time.ZoneOffset.UTC)).toBuilder()
                    .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.builder()
                            .accessKeyId("ASIAEXAMPLE").secretAccessKey("secret").sessionToken("token")
                            .expirationTime(now.minusSeconds(1)).build())).build();
            assertEquals(com.galerly.core.ErrorCode.UNAUTHORIZED, assertThrows(GalerlyException.class,
                    () -> expired.presignPut("put/x.jpg", JPEG, TEN_MINUTES)).code());
        }

        @Test
        void refusesUnsafeKeysAndExpiries() {
            assertThrows(GalerlyException.class,
                    () -> signer().presignPut("../escape.jpg", JPEG, TEN_MINUTES));
            assertThrows(GalerlyException.class,
                    () -> signer().presignPut("a/\u0000.jpg", JPEG, TEN_MINUTES));
            assertThrows(IllegalArgumentException.class,
                    () -> signer().presignPut("a.jpg", JPEG, Duration.ofDays(8)));
            assertThrows(IllegalArgumentException.class,
                    () -> signer().presignPut("a.jpg", JPEG, Duration.ZERO));
        }

        @Test
        void sameClockSameUrl() {
            Clock fixed = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
            ObjectHeaders headers = JPEG;
            PresignedRequest a = signer(fixed).presignPut("k.jpg", headers, TEN_MINUTES);
            PresignedRequest b = signer(fixed).presignPut("k.jpg", headers, TEN_MINUTES);
            assertEquals(a, b);
            assertEquals(Instant.parse("2026-03-01T10:10:00Z"), a.expiresAt());
            assertTrue(a.url().getRawQuery().contains("X-Amz-Date=20260301T100000Z"));
        }
    }

    @Nested
    class PresignedGet {
        @Test
        void downloadsUnderTheOriginalFileName() {
            S3.client().putObject(r -> r.bucket("photos").key("get/a.jpg").contentType("image/jpeg"),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(BODY));
            PresignedRequest get = signer().presignGet("get/a.jpg", TEN_MINUTES, Optional.of("Été à Paris \"1\".jpg"));

            HttpResponse<byte[]> response = HttpUploads.get(get.url());
            assertEquals(200, response.statusCode());
            assertArrayEquals(BODY, response.body());
            assertEquals("attachment; filename=\"_t_ _ Paris _1_.jpg\"; "
                            + "filename*=UTF-8''%C3%89t%C3%A9%20%C3%A0%20Paris%20%221%22.jpg",
                    response.headers().firstValue("Content-Disposition").orElseThrow());
        }

        @Test
        void theSameObjectPresignedTwiceInAWindowGivesTheSameUrl() {
            S3.client().putObject(r -> r.bucket("photos").key("get/w.jpg"),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(BODY));
            Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            PresignedRequest early = signer(Clock.fixed(start.plusSeconds(10), java.time.ZoneOffset.UTC))
                    .presignGet("get/w.jpg", TEN_MINUTES, Optional.empty());
            PresignedRequest late = signer(Clock.fixed(start.plusSeconds(290), java.time.ZoneOffset.UTC))
                    .presignGet("get/w.jpg", TEN_MINUTES, Optional.empty());
            PresignedRequest next = signer(Clock.fixed(start.plusSeconds(301), java.time.ZoneOffset.UTC))
                    .presignGet("get/w.jpg", TEN_MINUTES, Optional.empty());
            assertEquals(early.url(), late.url(), "one 5-minute window, one URL");
            assertFalse(early.url().equals(next.url()), "the next window signs anew");
            assertTrue(!late.expiresAt().isBefore(start.plusSeconds(290).plus(TEN_MINUTES)),
                    "valid at least the expiry asked for");
            PresignedRequest now = signer().presignGet("get/w.jpg", TEN_MINUTES, Optional.empty());
            assertEquals(200, HttpUploads.get(now.url()).statusCode(), "a URL dated at the window's start works");
        }

        @Test
        void plainGetAndTamperedGet() {
            S3.client().putObject(r -> r.bucket("photos").key("get/b.jpg"),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(BODY));
            PresignedRequest get = signer().presignGet("get/b.jpg", TEN_MINUTES, Optional.empty());
            HttpResponse<byte[]> ok = HttpUploads.get(get.url());
            assertEquals(200, ok.statusCode());
            assertTrue(ok.headers().firstValue("Content-Disposition").isEmpty());

            URI other = URI.create(get.url().toString().replace("get/b.jpg", "get/a.jpg"));
            assertEquals(403, HttpUploads.get(other).statusCode());
        }
    }

    @Nested
    class BrowserPost {
        private PostPolicy.Builder jpegUnder(String prefix) {
            return PostPolicy.builder().keyStartsWith(prefix).contentType("image/jpeg").contentLengthRange(1, 64);
        }

        private Map<String, String> with(Map<String, String> fields, String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(fields);
            copy.put(name, value);
            return copy;
        }

        @Test
        void uploadsAnExactKey() {
            PresignedPost form = signer().presignPost(PostPolicy.builder().key("post/exact.jpg")
                    .contentType("image/jpeg").contentLengthRange(1, 64).metadata("filename", "a.jpg").build(),
                    TEN_MINUTES);

            HttpResponse<String> response = HttpUploads.post(form.url(), form.fields(), "a.jpg", "image/jpeg", BODY);
            assertEquals(204, response.statusCode(), response.body());
            HeadObjectResponse head = S3.client().headObject(r -> r.bucket("photos").key("post/exact.jpg"));
            assertEquals("image/jpeg", head.contentType());
            assertEquals("a.jpg", head.metadata().get("filename"));
        }

        @Test
        void uploadsAnyKeyUnderTheSignedPrefix() {
            PresignedPost form = signer().presignPost(jpegUnder("post/alice/").build(), TEN_MINUTES);
            assertEquals("post/alice/${filename}", form.fields().get("key"));

            HttpResponse<String> response = HttpUploads.post(form.url(),
                    with(form.fields(), "key", "post/alice/holiday.jpg"), "holiday.jpg", "image/jpeg", BODY);
            assertEquals(204, response.statusCode(), response.body());
            assertTrue(exists("post/alice/holiday.jpg"));
        }

        @Test
        void refusesAKeyOutsideTheSignedPrefix() {
            PresignedPost form = signer().presignPost(jpegUnder("post/alice/").build(), TEN_MINUTES);

            HttpResponse<String> response = HttpUploads.post(form.url(),
                    with(form.fields(), "key", "post/bob/stolen.jpg"), "x.jpg", "image/jpeg", BODY);
            assertEquals(403, response.statusCode(), response.body());
            assertFalse(exists("post/bob/stolen.jpg"));
        }

        @Test
        void refusesATooLargeAndAnEmptyFile() {
            PresignedPost form = signer().presignPost(PostPolicy.builder().key("post/size.jpg")
                    .contentType("image/jpeg").contentLengthRange(1, BODY.length - 1).build(), TEN_MINUTES);

            HttpResponse<String> large = HttpUploads.post(form.url(), form.fields(), "x.jpg", "image/jpeg", BODY);
            assertEquals(400, large.statusCode(), large.body());
            assertTrue(large.body().contains("EntityTooLarge"), large.body());
            HttpResponse<String> empty = HttpUploads.post(form.url(), form.fields(), "x.jpg", "image/jpeg", new byte[0]);
            assertEquals(400, empty.statusCode(), empty.body());
            assertTrue(empty.body().contains("EntityTooSmall"), empty.body());
            assertFalse(exists("post/size.jpg"));
        }

        @Test
        void refusesAnotherContentType() {
            PresignedPost form = signer().presignPost(PostPolicy.builder().key("post/type.jpg")
                    .contentType("image/jpeg").contentLengthRange(1, 64).build(), TEN_MINUTES);

            HttpResponse<String> response = HttpUploads.post(form.url(), with(form.fields(), "Content-Type",
                    "text/html"), "x.html", "text/html", BODY);
            assertEquals(403, response.statusCode(), response.body());
            assertFalse(exists("post/type.jpg"));
        }

        @Test
        void refusesATamperedPolicyOrSignature() {
            PresignedPost form = signer().presignPost(jpegUnder("post/t/").build(), TEN_MINUTES);
            String policy = new String(Base64.getDecoder().decode(form.fields().get("policy")), StandardCharsets.UTF_8);
            String widened = Base64.getEncoder().encodeToString(policy.replace("\"post/t/\"", "\"post/\"")
                    .getBytes(StandardCharsets.UTF_8));
            Map<String, String> tamperedPolicy = with(with(form.fields(), "policy", widened), "key", "post/x.jpg");
            assertEquals(403, HttpUploads.post(form.url(), tamperedPolicy, "x.jpg", "image/jpeg", BODY).statusCode());

            String signature = form.fields().get("x-amz-signature");
            Map<String, String> tamperedSignature = with(with(form.fields(), "x-amz-signature",
                    (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1)), "key", "post/t/x.jpg");
            assertEquals(403, HttpUploads.post(form.url(), tamperedSignature, "x.jpg", "image/jpeg", BODY).statusCode());
            assertFalse(exists("post/x.jpg"));
            assertFalse(exists("post/t/x.jpg"));
        }

        @Test
        void refusesAnExpiredPolicy() {
            Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
            PresignedPost form = signer(anHourAgo).presignPost(PostPolicy.builder().key("post/expired.jpg")
                    .contentType("image/jpeg").contentLengthRange(1, 64).build(), Duration.ofMinutes(5));

            HttpResponse<String> response = HttpUploads.post(form.url(), form.fields(), "x.jpg", "image/jpeg", BODY);
            assertEquals(403, response.statusCode(), response.body());
            assertFalse(exists("post/expired.jpg"));
        }

        @Test
        void refusesAFieldTheSignedPolicyDoesNotMention() {
            PresignedPost form = signer().presignPost(PostPolicy.builder().key("post/extra.jpg")
                    .contentType("image/jpeg").contentLengthRange(1, 64).build(), TEN_MINUTES);

            HttpResponse<String> response = HttpUploads.post(form.url(),
                    with(form.fields(), "x-amz-meta-injected", "yes"), "x.jpg", "image/jpeg", BODY);
            assertEquals(403, response.statusCode(), response.body());
            assertFalse(exists("post/extra.jpg"));
        }

        @Test
        void answersWithTheSignedSuccessStatus() {
            PresignedPost form = signer().presignPost(PostPolicy.builder().key("post/status.jpg")
                    .contentType("image/jpeg").contentLengthRange(1, 64).successActionStatus(201).build(), TEN_MINUTES);

            HttpResponse<String> response = HttpUploads.post(form.url(), form.fields(), "x.jpg", "image/jpeg", BODY);
            assertEquals(201, response.statusCode(), response.body());
            assertTrue(response.body().contains("<Key>post/status.jpg</Key>"), response.body());
        }

        @Test
        void writesFieldsInFormOrderEndingWithPolicyAndSignature() {
            Clock fixed = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
            PresignedPost form = signer(fixed).presignPost(PostPolicy.builder().key("k.jpg").contentType("image/jpeg")
                    .contentLengthRange(1, 5).build(), TEN_MINUTES);
            assertEquals(java.util.List.of("key", "Content-Type", "x-amz-algorithm", "x-amz-credential", "x-amz-date",
                    "policy", "x-amz-signature"), java.util.List.copyOf(form.fields().keySet()));
            assertEquals(S3.accessKey() + "/20260301/us-east-1/s3/aws4_request", form.fields().get("x-amz-credential"));
            assertEquals("20260301T100000Z", form.fields().get("x-amz-date"));
            assertEquals(Instant.parse("2026-03-01T10:10:00Z"), form.expiresAt());
            assertEquals(URI.create(S3.endpoint() + "/photos"), form.url());
            String policy = new String(Base64.getDecoder().decode(form.fields().get("policy")), StandardCharsets.UTF_8);
            assertEquals("{\"expiration\":\"2026-03-01T10:10:00.000Z\",\"conditions\":[{\"bucket\":\"photos\"},"
                    + "{\"key\":\"k.jpg\"},{\"Content-Type\":\"image/jpeg\"},[\"content-length-range\",1,5],"
                    + "{\"x-amz-credential\":\"" + S3.accessKey() + "/20260301/us-east-1/s3/aws4_request\"},"
                    + "{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"},{\"x-amz-date\":\"20260301T100000Z\"}]}", policy);
        }

        @Test
        void carriesTheSessionTokenOfTemporaryCredentials() {
            S3Signer session = signer().toBuilder().credentialsProvider(StaticCredentialsProvider.create(
                    AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "token/123"))).build();
            PresignedPost form = session.presignPost(jpegUnder("p/").build(), TEN_MINUTES);
            assertEquals("token/123", form.fields().get("x-amz-security-token"));
            String policy = new String(Base64.getDecoder().decode(form.fields().get("policy")), StandardCharsets.UTF_8);
            assertTrue(policy.contains("{\"x-amz-security-token\":\"token/123\"}"), policy);
            PresignedRequest put = session.presignPut("p/a.jpg", JPEG, TEN_MINUTES);
            assertTrue(put.url().getRawQuery().contains("X-Amz-Security-Token=token%2F123"), put.url().toString());
        }

        @Test
        void signsWithTheProvidersCurrentKeys() {
            S3Signer wrong = signer().toBuilder().credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(S3.accessKey(), "not-the-secret"))).build();
            PresignedPost form = wrong.presignPost(jpegUnder("post/w/").build(), TEN_MINUTES);
            assertEquals(403, HttpUploads.post(form.url(), with(form.fields(), "key", "post/w/a.jpg"), "a.jpg",
                    "image/jpeg", BODY).statusCode());
        }
    }
}
