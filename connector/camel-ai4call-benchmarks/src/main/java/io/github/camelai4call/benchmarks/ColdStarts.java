package io.github.camelai4call.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Cold start in fresh JVMs: runs {@link ColdStartComparison} in child JVMs (same java, same classpath), alternating
 * Camel alone and Camel with 55 ai4call endpoints, with the JVM's defaults and with an application class-data
 * sharing archive (AppCDS: {@code -XX:SharedArchiveFile}, made by one training run with
 * {@code -XX:ArchiveClassesAtExit}). Each run gives the time from {@code main()} to the context started, and the
 * wall-clock time of the whole process (JVM boot and shutdown included).
 */
final class ColdStarts {

    /** One way of starting the JVM. */
    record Variant(String label, String mode, boolean appCds, List<String> jvmOptions) {
    }

    /** The runs of one variant: milliseconds from main() to started, and process wall-clock milliseconds. */
    record Result(Variant variant, double[] mainToStarted, double[] process) {
        double median() {
            return BenchmarkMain.median(mainToStarted);
        }

        double processMedian() {
            return BenchmarkMain.median(process);
        }
    }

    private final String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final Path workDir;
    private String classpath;

    ColdStarts(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * The harness's classpath with every directory (Maven's target/classes) packed into a jar: class-data sharing
     * archives only classes that come from jars.
     */
    private String jarOnlyClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = workDir.resolve("classes-" + (n++) + ".jar");
                try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                     Stream<Path> files = Files.walk(path)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                        out.putNextEntry(new JarEntry(path.relativize(f).toString().replace(File.separatorChar, '/')));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
                entries.add(jar.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Runs every variant {@code runs} times, interleaved; a variant whose JVM refuses its options is left out. */
    List<Result> measure(int runs, List<String> problems) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        classpath = jarOnlyClasspath();
        Path archive = workDir.resolve("ai4call-cold-start.jsa");
        Files.deleteIfExists(archive);
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("JVM defaults, Camel alone (55 `direct:` routes)", "direct", false, List.of()),
                new Variant("JVM defaults, 55 `ai4call:` endpoints", "ai4call", false, List.of())));
        // the training run writes the archive of every class it loaded, for both modes to use
        Run training = run("ai4call", List.of("-XX:ArchiveClassesAtExit=" + archive));
        if (training.ok() && Files.exists(archive)) {
            List<String> cds = List.of("-XX:SharedArchiveFile=" + archive);
            variants.add(new Variant("AppCDS archive, Camel alone", "direct", true, cds));
            variants.add(new Variant("AppCDS archive, 55 `ai4call:` endpoints", "ai4call", true, cds));
        } else {
            problems.add("No AppCDS archive could be made (" + training.output().strip() + "); only JVM defaults measured.");
        }
        double[][] main = new double[variants.size()][runs];
        double[][] wall = new double[variants.size()][runs];
        run("direct", List.of()); // one discarded run: file-system caches warm for every variant alike
        for (int r = 0; r < runs; r++) {
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                Run run = run(variant.mode(), variant.jvmOptions());
                if (!run.ok()) {
                    throw new IllegalStateException("cold start run failed: " + run.output());
                }
                main[v][r] = run.mainToStarted();
                wall[v][r] = run.wallMillis();
                BenchmarkMain.log(String.format(java.util.Locale.ROOT, "cold start %-48s %6.0f ms (process %4.0f ms)",
                        variant.label(), main[v][r], wall[v][r]));
            }
        }
        List<Result> results = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            results.add(new Result(variants.get(v), main[v], wall[v]));
        }
        return results;
    }

    private record Run(boolean ok, double mainToStarted, double wallMillis, String output) {
    }

    private Run run(String mode, List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.addAll(jvmOptions);
        command.addAll(Arrays.asList("-cp", classpath, ColdStartComparison.class.getName(), mode));
        long t = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        double wall = (System.nanoTime() - t) / 1e6;
        double ms = out.lines().filter(l -> l.startsWith("cold-start-ms=")).mapToDouble(l -> Double.parseDouble(
                l.substring("cold-start-ms=".length()))).findFirst().orElse(Double.NaN);
        return new Run(code == 0 && !Double.isNaN(ms), ms, wall, out);
    }
}
