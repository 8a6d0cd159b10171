/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3BucketTest {
    @Test
    void awsBucketsAreVirtualHosted() {
        S3Bucket bucket = S3Bucket.of("photos", "eu-west-1");
        assertFalse(bucket.pathStyle());
        assertEquals(URI.create("https://photos.s3.eu-west-1.amazonaws.com/"), bucket.uri());
        assertEquals(URI.create("https://photos.s3.eu-west-1.amazonaws.com/originals/g/a%20b%2Bc%C3%A9.jpg"),
                bucket.objectUri("originals/g/a b+cé.jpg"));
    }

    @Test
    void dottedNamesAndEndpointsArePathStyle() {
        assertEquals(URI.create("https://s3.us-east-1.amazonaws.com/my.photos/k"),
                S3Bucket.of("my.photos", "us-east-1").objectUri("k"));
        S3Bucket local = S3Bucket.builder().name("photos").region("us-east-1")
                .endpoint(URI.create("http://127.0.0.1:9000/")).build();
        assertTrue(local.pathStyle());
        assertEquals(URI.create("http://127.0.0.1:9000/photos"), local.uri());
        assertEquals(URI.create("http://127.0.0.1:9000/photos/a/b.jpg"), local.objectUri("a/b.jpg"));
        S3Bucket hosted = local.toBuilder().pathStyle(false).build();
        assertEquals(URI.create("http://photos.127.0.0.1:9000/a"), hosted.objectUri("a"));
    }

    @Test
    void otherPartitionsUseTheirDomain() {
        assertEquals(URI.create("https://photos.s3.cn-north-1.amazonaws.com.cn/"),
                S3Bucket.of("photos", "cn-north-1").uri());
    }

    @Test
    void refusesWhatS3Refuses() {
        assertThrows(IllegalArgumentException.class, () -> S3Bucket.of("Photos", "eu-west-1"));
        assertThrows(IllegalArgumentException.class, () -> S3Bucket.of("ab", "eu-west-1"));
        assertThrows(IllegalArgumentException.class, () -> S3Bucket.of("a..b", "eu-west-1"));
        assertThrows(IllegalArgumentException.class, () -> S3Bucket.of("photos", "EU WEST"));
        IllegalArgumentException endpoint = assertThrows(IllegalArgumentException.class,
                () -> S3Bucket.builder().name("photos").region("us-east-1").endpoint(URI.create("ftp://x")));
        assertTrue(endpoint.getMessage().contains("ftp://x"), endpoint.getMessage());
        assertThrows(IllegalStateException.class, () -> S3Bucket.builder().name("photos").build());
    }
}
