/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.raw.RawDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render DIR} picks files by the extensions the installed decoders declare, not by a list kept by hand. */
class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void everyExtensionOfEveryInstalledDecoderIsPicked() {
        for (ImageDecoder d : GalerlyImaging.builtInDecoders()) {
            assertTrue(InputFiles.imageExtensions().containsAll(d.fileExtensions()), d.name());
        }
        assertTrue(InputFiles.imageExtensions().containsAll(new RawDecoder().fileExtensions()));
        assertTrue(InputFiles.imageExtensions().containsAll(List.of("pef", "srw", "nrw", "heic", "avif", "webp")),
                InputFiles.imageExtensions().toString());
        // the CLI names its plugins instead of discovering them: the same extensions as discovery gives
        assertEquals(GalerlyImaging.fileExtensions(), InputFiles.imageExtensions());
    }

    @Test
    void rawFilesOfEveryMakerAreFoundInADirectory() throws IOException {
        for (String name : List.of("a.PEF", "b.srw", "c.nrw", "d.dng", "e.heic", "f.jpg", "notes.txt", "g.xmp")) {
            Files.write(dir.resolve(name), new byte[] {1});
        }
        List<String> picked = InputFiles.collect(List.of(dir)).stream()
                .map(i -> i.path().getFileName().toString()).toList();
        assertEquals(List.of("a.PEF", "b.srw", "c.nrw", "d.dng", "e.heic", "f.jpg"), picked);
    }
}
