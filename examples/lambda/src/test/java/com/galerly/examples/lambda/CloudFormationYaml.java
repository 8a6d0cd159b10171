/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM template written in YAML with the short intrinsic tags ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, {@code !If} ...) into the JSON form CloudFormation itself uses: {@code !Ref X} becomes
 * {@code {"Ref": "X"}}, {@code !GetAtt A.B} becomes {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Condition C}
 * becomes {@code {"Condition": "C"}}, and every other {@code !Name v} becomes {@code {"Fn::Name": v}}.
 */
final class CloudFormationYaml {
    private static final List<String> FUNCTIONS = List.of("Sub", "GetAtt", "If", "Equals", "Not", "And", "Or",
            "Join", "Select", "Split", "FindInMap", "Base64", "ImportValue", "GetAZs", "Cidr", "Length", "ToJsonString");

    private CloudFormationYaml() {
    }

    static Map<String, Object> load(Path template) throws IOException {
        try (Reader reader = Files.newBufferedReader(template)) {
            return new Yaml(new IntrinsicConstructor()).load(reader);
        }
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    value = name.equals("Fn::GetAtt") ? List.of(text.substring(0, text.indexOf('.')),
                            text.substring(text.indexOf('.') + 1)) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(name, value);
            }
        }
    }
}
