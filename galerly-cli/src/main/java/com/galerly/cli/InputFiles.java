/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.ImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files {@code render} works on: named files as given, directories recursed for files with an image
 * extension (the content is sniffed later, never trusted by extension), each with a unique id.
 */
final class InputFiles {
    /**
     * Extensions picked up in directories, case-insensitive: those of every decoder the render engine has (the
     * built-ins and the CLI's plugins, such as PEF, SRW and NRW from the RAW plugin), so the filter never lags behind
     * the decoders. Computed when a directory is first walked: a render of named files never needs them.
     */
    static Set<String> imageExtensions() {
        return Extensions.ALL;
    }

    private static final class Extensions {
        static final Set<String> ALL = extensions();

        private static Set<String> extensions() {
            List<ImageDecoder> decoders = new ArrayList<>(GalerlyImaging.builtInDecoders());
            decoders.addAll(RenderCommand.plugins());
            return GalerlyImaging.fileExtensions(decoders);
        }
    }

    /** One input and the id its renditions are written under. */
    record Input(Path path, String id) {
    }

    private InputFiles() {
    }

    static List<Input> collect(List<Path> arguments) {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                try (Stream<Path> walk = Files.walk(argument)) {
                    walk.filter(Files::isRegularFile).filter(InputFiles::imageExtension).sorted().forEach(files::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new UserException("cannot read directory " + argument + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(argument)) {
                files.add(argument);
            } else {
                throw new UserException("no such file or directory: " + argument);
            }
        }
        if (files.isEmpty()) {
            throw new UserException("no image files found in " + arguments);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<Input> inputs = new ArrayList<>(files.size());
        for (Path file : files) {
            String base = idOf(file);
            int n = seen.merge(base.toLowerCase(Locale.ROOT), 1, Integer::sum);
            inputs.add(new Input(file, n == 1 ? base : base + "-" + n));
        }
        return inputs;
    }

    /**
     * The file name without its extension, made safe as a directory name and URL path segment: characters other
     * than letters, digits, '.', '_' and '-' become '_', and a leading dot becomes '_' (so "..jpg" cannot
     * escape --out).
     */
    static String idOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String id = dot > 0 ? name.substring(0, dot) : name;
        StringBuilder safe = new StringBuilder(id.length());
        id.codePoints().forEach(c -> safe.appendCodePoint(Character.isLetterOrDigit(c) || c == '.' || c == '_'
                || c == '-' ? c : '_'));
        if (safe.length() > 0 && safe.charAt(0) == '.') {
            safe.setCharAt(0, '_');
        }
        return safe.length() == 0 ? "image" : safe.toString();
    }

    private static boolean imageExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && imageExtensions().contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
