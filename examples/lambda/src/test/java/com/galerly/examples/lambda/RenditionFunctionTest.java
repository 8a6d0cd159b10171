/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ImageProcessors;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SnapStart priming hook renders the bundled sample with the real processor, touching nothing remote. */
class RenditionFunctionTest {
    @Test
    void beforeCheckpointRendersTheBundledSampleThroughTheFunctionsProfile() {
        RenditionFunction function = new RenditionFunction(ImageProcessors.load(), RenditionProfile.standard(),
                bucket -> {
                    throw new AssertionError("priming must not build a pipeline (no S3, no DynamoDB): " + bucket);
                });
        function.beforeCheckpoint(null);
        assertEquals(1, function.primedCount());

        ProcessedImage out = function.prime();
        assertEquals(1280, out.info().width());
        assertEquals(853, out.info().height());
        List<String> names = out.renditions().stream().map(EncodedRendition::name).toList();
        assertEquals(List.of("thumbnail", "small", "medium", "large"), names);
        assertEquals(400, out.rendition("thumbnail").orElseThrow().width());
        assertEquals(800, out.rendition("small").orElseThrow().width());
        assertNotNull(out.placeholder());
        assertTrue(RenditionFunction.sample().length < 300_000, "the sample stays small: it ships in every jar");
    }

    @Test
    void handlesEventsLikeTheHandlerItExtends() {
        RenditionFunction function = new RenditionFunction(ImageProcessors.load(), RenditionProfile.standard(),
                bucket -> {
                    throw new AssertionError("a test event processes nothing");
                });
        byte[] response = function.handle("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"b\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("{}", new String(response, StandardCharsets.UTF_8));
    }
}
