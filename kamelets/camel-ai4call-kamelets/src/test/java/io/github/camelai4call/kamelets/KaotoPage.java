package io.github.camelai4call.kamelets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Kaoto web UI page of {@code src/test/kaoto-ui}, built into {@code target/kaoto-ui}: its npm packages installed
 * with {@code npm ci} from the committed lock file (exact versions), then bundled with Vite. Also finds the tools it
 * needs (node, npm, a Chromium), so that the test can be skipped where they are absent.
 */
final class KaotoPage {

    static final Path SOURCES = KameletFiles.MODULE.resolve("src/test/kaoto-ui");
    static final Path WORK = KameletFiles.MODULE.resolve("target/kaoto-ui");

    private KaotoPage() {
    }

    /** The node executable when {@code node --version} runs, else empty. */
    static Optional<String> node() {
        return runs("node", "--version") && runs("npm", "--version") ? Optional.of("node") : Optional.empty();
    }

    /** The Chromium to drive: {@code -Dchromium=...}, else {@code chromium} or {@code chromium-browser} on the PATH. */
    static Optional<String> chromium() {
        String configured = System.getProperty("chromium", System.getenv("CHROMIUM"));
        if (configured != null && !configured.isBlank()) {
            return Files.isExecutable(Path.of(configured)) ? Optional.of(configured) : Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }

    /** Copies the page's sources into {@code target/kaoto-ui}, installs its packages and bundles it into {@code dist}. */
    static Path build() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path source : files.toList()) {
                copy(source, WORK.resolve(source.getFileName().toString()));
            }
        }
        Path installed = WORK.resolve("node_modules/.package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed)
                .compareTo(Files.getLastModifiedTime(WORK.resolve("package-lock.json"))) < 0) {
            run(WORK, 1800, "npm", "ci", "--no-audit", "--no-fund", "--legacy-peer-deps");
        }
        run(WORK, 1200, "node", "node_modules/vite/bin/vite.js", "build");
        return WORK.resolve("dist");
    }

    /** Runs the page driver, returning what it printed last (one JSON line). */
    static String drive(String pageUrl, String libraryUrl, String chromium, Path screenshots, Path route)
            throws IOException, InterruptedException {
        Files.createDirectories(screenshots);
        String output = run(WORK, 600, "node", "drive.mjs", pageUrl, libraryUrl, chromium, screenshots.toString(),
                route.toString());
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static void copy(Path source, Path target) throws IOException {
        if (Files.isDirectory(source)) {
            Files.createDirectories(target);
            try (Stream<Path> children = Files.list(source)) {
                for (Path child : children.toList()) {
                    copy(child, target.resolve(child.getFileName().toString()));
                }
            }
        } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(Path dir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        List<String> niced = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            niced.add("/usr/bin/nice");
        }
        niced.addAll(List.of(command));
        Path log = Files.createTempFile(WORK, "run-", ".log");
        Process p = new ProcessBuilder(niced).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (!done || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + (done ? " failed (exit " + p.exitValue() + ")"
                    : " did not finish in " + timeoutSeconds + " s") + ":\n" + tail(output));
        }
        return output;
    }

    private static String tail(String output) {
        return output.length() > 6000 ? "..." + output.substring(output.length() - 6000) : output;
    }
}
