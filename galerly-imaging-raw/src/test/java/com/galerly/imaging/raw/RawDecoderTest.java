/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.raw.RawFixtures.Container;
import com.galerly.imaging.raw.RawFixtures.Fixture;
import com.galerly.testkit.image.RenditionAssertions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every container renders from its largest preview, with the RAW's own orientation applied once. */
class RawDecoderTest {
    static final ImageProcessor PROCESSOR = GalerlyImaging.processor();

    static List<Arguments> containersAndOrientations() {
        List<Arguments> out = new ArrayList<>();
        for (Container c : Container.values()) {
            for (int orientation : new int[] {1, 6, 3, 8}) {
                out.add(Arguments.of(c, orientation));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} orientation {1}")
    @MethodSource("containersAndOrientations")
    void rendersTheLargestPreviewTheRightWayUp(Container container, int orientation) {
        Fixture f = RawFixtures.of(container, orientation);
        ProcessedImage out = PROCESSOR.process(ImageSource.of(f.name(), f.bytes()), RenditionProfile.standard());
        ImageInfo info = out.info();
        assertEquals(ImageFormat.RAW, info.format());
        assertEquals(f.storedWidth(), info.width(), "the preview's stored width");
        assertEquals(f.storedHeight(), info.height(), "the preview's stored height");
        assertEquals(orientation, info.orientation());
        assertEquals(container.name(), info.metadata().get("RawFormat"));
        assertNotNull(info.metadata().get("Make"), "camera make: " + info.metadata());
        assertEquals(4, out.renditions().size());
        BufferedImage large = RenditionAssertions.largest(out);
        RenditionAssertions.assertSize(RawFixtures.W, RawFixtures.H, large);
        RenditionAssertions.assertQuadrants(large, 24, f.name());
        assertNotNull(out.placeholder());
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void inspectReportsThePreviewAndTheCameraWithoutDecoding(Container container) {
        Fixture f = RawFixtures.of(container, 6);
        ImageInfo info = PROCESSOR.inspect(ImageSource.of(f.name(), f.bytes()));
        assertEquals(ImageFormat.RAW, info.format());
        assertEquals(RawFixtures.H + "x" + RawFixtures.W, info.width() + "x" + info.height());
        assertEquals(6, info.orientation());
        assertEquals("RGB", info.colorModel());
        assertFalse(info.metadata().containsKey("GPSLatitude"));
    }

    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"NEF", "ARW", "DNG", "PEF", "ORF", "RW2", "CR3"})
    void reportsTheSensorSizeWhenTheContainerStatesIt(Container container) {
        Fixture f = RawFixtures.of(container, 1);
        Map<String, String> m = PROCESSOR.inspect(ImageSource.of(f.name(), f.bytes())).metadata();
        String sensor = m.get("SensorSize");
        assertNotNull(sensor, m.toString());
        String[] wh = sensor.split("x");
        assertTrue(Long.parseLong(wh[0]) * Long.parseLong(wh[1]) > (long) RawFixtures.W * RawFixtures.H, sensor);
    }

    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"NEF", "CR3", "CR2", "RAF", "ORF"})
    void aFileAStreamAndBytesGiveTheSameImage(Container container, @TempDir Path dir) throws IOException {
        Fixture f = RawFixtures.of(container, 6);
        Path file = dir.resolve(f.name());
        Files.write(file, f.bytes());
        ImageSource[] sources = {
            ImageSource.of(file),
            ImageSource.of(f.name(), f.bytes()),
            ImageSource.ofStream(f.name(), f.bytes().length, new ByteArrayInputStream(f.bytes())),
            ImageSource.ofStream(f.name(), -1, new ByteArrayInputStream(f.bytes())),
        };
        for (ImageSource source : sources) {
            ProcessedImage out = PROCESSOR.process(source, RenditionProfile.standard());
            assertEquals(6, out.info().orientation(), source.toString());
            RenditionAssertions.assertQuadrants(RenditionAssertions.largest(out), 24, source.toString());
        }
    }
}
