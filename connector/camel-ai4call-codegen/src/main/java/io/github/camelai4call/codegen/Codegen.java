package io.github.camelai4call.codegen;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point the build calls through exec-maven-plugin: {@code Codegen <task> <args...>}.
 * <ul>
 * <li>{@code catalog <contract.yaml> <sourceRoot>}: the operation enum, parameter options and headers;</li>
 * <li>{@code endpoint-dsl <component.json> <sourceRoot>}: the type-safe Java endpoint DSL builder;</li>
 * <li>{@code docs <contract.yaml> <operations.md>}: the operation reference page;</li>
 * <li>{@code reference <component.json> <component-reference.md>}: the options and headers reference page;</li>
 * <li>{@code kamelets <contract.yaml> <kameletDir> <kamelets.md> <version>}: the Kamelets and their reference page;</li>
 * <li>{@code kaoto-catalog <kameletDir> <catalogDir> <libraryName> [component.json...]}: a Kaoto custom catalog of
 * the Camel catalog on the classpath with the Kamelets of the folder and the given components merged in.</li>
 * </ul>
 */
public final class Codegen {

    private Codegen() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("Usage: Codegen <catalog|endpoint-dsl|docs|reference|kamelets|kaoto-catalog> <input> <output> [...] (got "
                    + Arrays.toString(args) + ")");
        }
        Path input = Path.of(args[1]);
        Path output = Path.of(args[2]);
        switch (args[0]) {
            case "catalog" -> new OperationCatalogWriter(Contract.load(input), "io.github.camelai4call.component",
                    "io.github.camelai4call.model").write(output);
            case "docs" -> new OperationsDocWriter(Contract.load(input)).write(output);
            case "reference" -> new ComponentReferenceWriter(input).write(output);
            case "kamelets" -> new KameletWriter(Contract.load(input), args.length > 4 ? args[4] : "0.1.0-SNAPSHOT")
                    .write(output, args.length > 3 ? Path.of(args[3]) : null);
            case "kaoto-catalog" -> new KaotoCatalogWriter(input, args.length > 3 ? args[3] : "AI4CALL catalog",
                    Arrays.stream(args).skip(4).map(Path::of).toList()).write(output);
            case "endpoint-dsl" -> new EndpointDslWriter(input, "io.github.camelai4call.component.dsl").write(output);
            default -> throw new IllegalArgumentException("Unknown codegen task: " + args[0]);
        }
    }
}
