/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageProcessors;
import com.galerly.core.image.ImageSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code galerly inspect FILE...}: header information as one JSON array; exit 1 when some file is unreadable. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print what each image's header says (format, size, orientation, colour, ICC, EXIF) as one "
                + "JSON array.", "Exit 0 when every file was read, 1 when some were not, 2 on usage errors."})
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Image files.")
    List<Path> files;

    @Override
    public Integer call() throws JsonProcessingException {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UserException("no such file: " + file);
            }
        }
        ImageProcessor processor = ImageProcessors.load();
        List<Map<String, Object>> results = new ArrayList<>();
        boolean failed = false;
        for (Path file : files) {
            try {
                results.add(ImageJson.inspected(file.toString(), processor.inspect(ImageSource.of(file))));
            } catch (GalerlyException e) {
                Map<String, Object> head = new LinkedHashMap<>();
                head.put("source", file.toString());
                results.add(ImageJson.failed(head, e));
                failed = true;
            }
        }
        spec.commandLine().getOut().println(ImageJson.mapper().writeValueAsString(results));
        spec.commandLine().getOut().flush();
        return failed ? 1 : 0;
    }
}
