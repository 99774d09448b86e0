package io.github.camelai4call.kamelets.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the repository's files: the Kamelets folder, the Pipe examples, the built component. */
final class Repository {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path ROOT = root();
    /** The committed Kamelets, the folder users point Kamelet Main and Camel JBang at. */
    static final Path KAMELETS = ROOT.resolve("kamelets/camel-ai4call-kamelets/src/main/resources/kamelets");
    static final Path PIPES = ROOT.resolve("routes-examples/pipes");

    private Repository() {
    }

    private static Path root() {
        for (Path p = MODULE; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("connector/contract"))) {
                return p;
            }
        }
        throw new IllegalStateException("No repository root above " + MODULE);
    }
}
