/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.ProcessedImage;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    @Test
    void theBundledSampleRendersThroughTheStandardLadder() {
        ProcessedImage out = WarmUp.run();
        assertNotNull(out, "the warm-up sample is bundled and renders");
        assertEquals(96, out.info().width());
        assertEquals(64, out.info().height());
        assertFalse(out.renditions().isEmpty());
    }

    @Test
    void onlyARenderIsWarmedUp() throws InterruptedException {
        assertNull(WarmUp.start(new String[] {"sign-url", "--help"}));
        assertNull(WarmUp.start(new String[0]));
        Thread t = WarmUp.start(new String[] {"render", "--out", "x", "a.jpg"});
        assertNotNull(t);
        assertTrue(t.isDaemon(), "never keeps the CLI alive");
        t.join(60_000);
        assertFalse(t.isAlive());
    }
}
