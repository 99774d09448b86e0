package io.github.camelai4call.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Cold start in fresh JVMs: runs {@link ColdStartComparison} in child JVMs, alternating its route sets (Camel alone,
 * Camel with one ai4call endpoint per operation, and the two sets that say where the difference goes), on the
 * classpath an application using the connector has (the runtime closure of camel-ai4call, camel-direct and
 * camel-core-languages, not the harness's own long classpath).
 * <p>
 * Each JVM runs with its defaults and with a class cache made by one training run: on the harness's Java an
 * application class-data sharing archive ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}); on
 * a Java 25 or later, when one is found, its ahead-of-time cache ({@code -XX:AOTCacheOutput}, then
 * {@code -XX:AOTCache}), which also keeps the classes linked. Each run gives the time from {@code main()} to the
 * context started, and the wall-clock time of the whole process (JVM boot and shutdown included).
 */
final class ColdStarts {

    /** The first Java whose AOT cache is made in one training run ({@code -XX:AOTCacheOutput}, JEP 514). */
    static final int AOT_CACHE_JAVA = 25;
    /** Routes per context: one per operation of the connector's catalog. */
    static final int ENDPOINTS = io.github.camelai4call.component.Ai4callOperation.values().length;

    /** How the JVM's classes are prepared before the run. */
    enum ClassCache {
        NONE("JVM defaults"),
        APP_CDS("AppCDS archive"),
        AOT_CACHE("AOT cache");

        final String label;

        ClassCache(String label) {
            this.label = label;
        }
    }

    /** A Java installation the cold starts run on. */
    record Java(String command, int feature, String version) {
        /** The Java this harness runs on, from its own properties (a JRE may have no release file). */
        static Java current() {
            return new Java(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    Runtime.version().feature(), System.getProperty("java.version"));
        }

        static Java of(Path home) throws IOException {
            Path release = home.resolve("release");
            String version = Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                    .map(l -> l.substring("JAVA_VERSION=".length()).replace("\"", "")).findFirst()
                    .orElseThrow(() -> new IOException("no JAVA_VERSION in " + release));
            String feature = version.split("[.+-]")[0];
            return new Java(home.resolve("bin").resolve("java").toString(), Integer.parseInt(feature), version);
        }
    }

    /** One way of starting the JVM. */
    record Variant(Java java, ClassCache cache, ColdStartComparison.Routes routes, List<String> jvmOptions) {
        String label() {
            return "Java " + java.feature() + ", " + cache.label + ", " + routes.label(ENDPOINTS);
        }

        /** The same JVM and class cache, whatever the route set. */
        boolean sameJvm(Variant other) {
            return java.equals(other.java) && cache == other.cache;
        }
    }

    /** The runs of one variant: milliseconds from main() to started, and process wall-clock milliseconds. */
    record Result(Variant variant, Samples mainToStarted, Samples process) {
    }

    /**
     * A share the report gives: the median start-up of one route set over another's, on the same JVM and class
     * cache. Only {@link #CONNECTOR} is judged ({@link Goals#STARTUP_SHARE}); the other two say where it goes.
     */
    enum Share {
        /** The connector's share: its endpoints, options in each URI, against Camel alone. */
        CONNECTOR(ColdStartComparison.Routes.AI4CALL, ColdStartComparison.Routes.DIRECT),
        /** The same endpoints against Camel alone binding as many URI options: what is left is the connector's own. */
        OVER_CAMEL_OPTIONS(ColdStartComparison.Routes.AI4CALL, ColdStartComparison.Routes.DIRECT_WITH_OPTIONS),
        /** The endpoints with their options set once on the component, against Camel alone. */
        COMPONENT_OPTIONS(ColdStartComparison.Routes.AI4CALL_COMPONENT_OPTIONS, ColdStartComparison.Routes.DIRECT);

        final ColdStartComparison.Routes measured;
        final ColdStartComparison.Routes against;

        Share(ColdStartComparison.Routes measured, ColdStartComparison.Routes against) {
            this.measured = measured;
            this.against = against;
        }
    }

    /** The measured variants, and the file names of the application classpath they ran on. */
    record Outcome(List<Result> results, List<String> classpath) {

        /** For each JVM and class cache measured with both of the share's route sets, the two results. */
        List<Pair> pairs(Share share) {
            List<Pair> pairs = new ArrayList<>();
            for (Result measured : results) {
                if (measured.variant().routes() == share.measured) {
                    results.stream().filter(r -> r.variant().routes() == share.against
                            && r.variant().sameJvm(measured.variant())).findFirst()
                            .ifPresent(against -> pairs.add(new Pair(measured, against)));
                }
            }
            return pairs;
        }

        /** Runs per variant (each after one discarded run). */
        int runs() {
            return results.isEmpty() ? 0 : results.get(0).mainToStarted().count();
        }
    }

    /** A share's two route sets, measured on one JVM and class cache (e.g. the connector's context and Camel alone). */
    record Pair(Result measured, Result against) {
        double share() {
            return measured.mainToStarted().median() / against.mainToStarted().median();
        }
    }

    private final Path workDir;
    private final List<Path> applicationClasspath;
    private String classpath;

    /**
     * @param workDir              where the jars and class caches are written
     * @param applicationClasspath what an application with the connector has on its classpath
     */
    ColdStarts(Path workDir, List<Path> applicationClasspath) {
        this.workDir = workDir;
        this.applicationClasspath = applicationClasspath;
    }

    /**
     * The Java 25+ to measure the AOT cache on: {@code -Dbench.aotJava=<JDK home>}, else the harness's own Java if
     * it is recent enough, else the newest such JDK installed beside it (e.g. under /usr/lib/jvm).
     */
    static Optional<Java> aotJava(String configured, List<String> problems) {
        try {
            if (!configured.isBlank()) {
                Java java = Java.of(Path.of(configured));
                if (java.feature() < AOT_CACHE_JAVA) {
                    problems.add("-Dbench.aotJava=" + configured + " is Java " + java.version() + "; the AOT cache needs Java "
                                 + AOT_CACHE_JAVA + " or later.");
                    return Optional.empty();
                }
                return Optional.of(java);
            }
            Path home = Path.of(System.getProperty("java.home"));
            Java own = Java.current();
            if (own.feature() >= AOT_CACHE_JAVA) {
                return Optional.of(own);
            }
            List<Java> candidates = new ArrayList<>();
            try (Stream<Path> siblings = Files.list(home.toRealPath().getParent())) {
                for (Path dir : (Iterable<Path>) siblings::iterator) {
                    if (Files.isRegularFile(dir.resolve("release")) && Files.isExecutable(dir.resolve("bin").resolve("java"))) {
                        Java java = Java.of(dir);
                        if (java.feature() >= AOT_CACHE_JAVA) {
                            candidates.add(java);
                        }
                    }
                }
            }
            return candidates.stream().max(Comparator.comparingInt(Java::feature));
        } catch (IOException | RuntimeException e) {
            problems.add("No Java " + AOT_CACHE_JAVA + "+ for the AOT cache variant: " + e);
            return Optional.empty();
        }
    }

    /**
     * Runs every variant {@code runs} times, interleaved; a class cache that cannot be made, or a run that fails,
     * is reported in {@code problems} and its variant left out.
     */
    Outcome measure(int runs, Optional<Java> aotJava, List<String> problems)
            throws IOException, InterruptedException, URISyntaxException {
        Files.createDirectories(workDir);
        classpath = jarOnlyClasspath();
        Java own = Java.current();
        List<Variant> variants = new ArrayList<>();
        addVariants(variants, own, ClassCache.NONE, List.of());
        Path archive = workDir.resolve("ai4call-cold-start.jsa");
        if (train(own, List.of("-XX:ArchiveClassesAtExit=" + archive), archive, "AppCDS archive", problems)) {
            addVariants(variants, own, ClassCache.APP_CDS, List.of("-XX:SharedArchiveFile=" + archive));
        }
        if (aotJava.isPresent()) {
            Java java = aotJava.get();
            Path cache = workDir.resolve("ai4call-cold-start.aot");
            if (!java.equals(own)) {
                addVariants(variants, java, ClassCache.NONE, List.of());
            }
            if (train(java, List.of("-XX:AOTCacheOutput=" + cache), cache, "AOT cache", problems)) {
                addVariants(variants, java, ClassCache.AOT_CACHE, List.of("-XX:AOTCache=" + cache));
            }
        }
        double[][] main = new double[variants.size()][runs];
        double[][] wall = new double[variants.size()][runs];
        boolean[] failed = new boolean[variants.size()];
        run(own, ColdStartComparison.Routes.DIRECT, List.of()); // one discarded run: file-system caches warm for every variant alike
        for (int r = 0; r < runs; r++) {
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                if (failed[v]) {
                    continue;
                }
                Run run = run(variant.java(), variant.routes(), variant.jvmOptions());
                if (!run.ok()) {
                    // reported, and the variant left out: the rest of a long run is still worth its report
                    problems.add("A cold start failed (" + variant.label() + "), so that variant is left out: "
                                 + run.output().strip());
                    failed[v] = true;
                    continue;
                }
                main[v][r] = run.mainToStarted();
                wall[v][r] = run.wallMillis();
                Log.line(String.format(Locale.ROOT, "cold start %-56s %6.0f ms (process %4.0f ms)",
                        variant.label(), main[v][r], wall[v][r]));
            }
        }
        List<Result> results = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            if (!failed[v]) {
                results.add(new Result(variants.get(v), new Samples(main[v]), new Samples(wall[v])));
            }
        }
        return new Outcome(results, applicationClasspath.stream().map(p -> p.getFileName().toString()).toList());
    }

    private static void addVariants(List<Variant> variants, Java java, ClassCache cache, List<String> jvmOptions) {
        for (ColdStartComparison.Routes routes : ColdStartComparison.Routes.values()) {
            variants.add(new Variant(java, cache, routes, jvmOptions));
        }
    }

    /** One training run with the ai4call endpoints that writes the class cache; false (and why) if none came. */
    private boolean train(Java java, List<String> jvmOptions, Path cache, String what, List<String> problems)
            throws IOException, InterruptedException {
        Files.deleteIfExists(cache);
        Run training = run(java, ColdStartComparison.Routes.AI4CALL, jvmOptions);
        if (training.ok() && Files.exists(cache)) {
            return true;
        }
        problems.add("No " + what + " could be made on Java " + java.version() + " (" + training.output().strip()
                     + "); its variants are not measured.");
        return false;
    }

    /**
     * The benchmark's own classes (for {@link ColdStartComparison}) and the application classpath, every directory
     * (Maven's target/classes) packed into a jar: class caches keep only classes that come from jars.
     */
    private String jarOnlyClasspath() throws IOException, URISyntaxException {
        List<Path> entries = new ArrayList<>();
        entries.add(Path.of(ColdStartComparison.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        entries.addAll(applicationClasspath);
        List<String> jars = new ArrayList<>();
        int n = 0;
        for (Path path : entries) {
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
                jars.add(jar.toString());
            } else {
                jars.add(path.toString());
            }
        }
        return String.join(File.pathSeparator, jars);
    }

    private record Run(boolean ok, double mainToStarted, double wallMillis, String output) {
    }

    private Run run(Java java, ColdStartComparison.Routes routes, List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.command());
        command.addAll(jvmOptions);
        command.addAll(Arrays.asList("-cp", classpath, ColdStartComparison.class.getName(),
                routes.argument()));
        long t = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        double wall = (System.nanoTime() - t) / 1e6;
        double ms = out.lines().filter(l -> l.startsWith("cold-start-ms=")).mapToDouble(l -> Double.parseDouble(
                l.substring("cold-start-ms=".length()))).findFirst().orElse(Double.NaN);
        // a class cache the JVM could not map is not an error for it, only a line on its output: not a valid run
        boolean cacheRefused = out.contains("[error][aot]") || out.contains("[error][cds]");
        return new Run(code == 0 && !Double.isNaN(ms) && !cacheRefused, ms, wall, out);
    }
}
