package io.github.camelai4call.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.w3c.dom.Element;

/**
 * The artifacts on the classpath Maven resolved for this module, each mapped back to its groupId:artifactId and
 * POM: next to the jar in the local repository, or the module's pom.xml for a reactor module's target/classes
 * directory or target/*.jar. The versions are the ones Maven selected.
 */
final class ClasspathArtifacts {

    /** One artifact: {@code entry} is how it appears on the classpath, {@code file} the jar that is weighed. */
    record Jar(String ga, Path entry, Path file, long bytes, Path pom) {
    }

    private final Path repository;
    private final Map<String, Jar> byGa = new LinkedHashMap<>();

    ClasspathArtifacts(Path repository, String javaClassPath) throws Exception {
        this.repository = repository.toAbsolutePath().normalize();
        for (String entry : javaClassPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                Jar jar = identify(Paths.get(entry).toAbsolutePath().normalize());
                if (jar != null) {
                    byGa.putIfAbsent(jar.ga(), jar);
                }
            }
        }
    }

    /** The artifact with this groupId:artifactId, or null if Maven did not put it on the classpath. */
    Jar get(String ga) {
        return byGa.get(ga);
    }

    /** All of them, in classpath order. */
    Collection<Jar> all() {
        return byGa.values();
    }

    private Jar identify(Path entry) throws Exception {
        if (Files.isRegularFile(entry) && entry.startsWith(repository)) {
            Path rel = repository.relativize(entry);
            int n = rel.getNameCount();
            if (n < 4) {
                return null;
            }
            String version = rel.getName(n - 2).toString();
            String artifactId = rel.getName(n - 3).toString();
            String groupId = rel.subpath(0, n - 3).toString().replace(File.separatorChar, '.');
            Path pom = entry.resolveSibling(artifactId + "-" + version + ".pom");
            return new Jar(groupId + ":" + artifactId, entry, entry, Files.size(entry), Files.isRegularFile(pom) ? pom : null);
        }
        // a module of the reactor (-am): its target/classes, or the jar it packaged in target/ before this ran
        boolean reactorClasses = Files.isDirectory(entry) && entry.endsWith(Paths.get("target", "classes"));
        boolean reactorJar = Files.isRegularFile(entry) && entry.getParent() != null
                && entry.getParent().getFileName().toString().equals("target")
                && Files.isRegularFile(entry.getParent().resolveSibling("pom.xml"));
        if (reactorClasses || reactorJar) {
            return reactorModule(entry, reactorJar);
        }
        if (Files.isRegularFile(entry)) {
            return new Jar("?:" + entry.getFileName(), entry, entry, Files.size(entry), null);
        }
        return null;
    }

    private static Jar reactorModule(Path entry, boolean packaged) throws Exception {
        Path module = entry.getParent().getParent();
        Path pom = module.resolve("pom.xml");
        Element project = PomDependencies.parse(pom).getDocumentElement();
        String artifactId = PomDependencies.text(project, "artifactId");
        String groupId = PomDependencies.text(project, "groupId");
        String version = PomDependencies.text(project, "version");
        Element parent = PomDependencies.child(project, "parent");
        if (groupId == null && parent != null) {
            groupId = PomDependencies.text(parent, "groupId");
        }
        if (version == null && parent != null) {
            version = PomDependencies.text(parent, "version");
        }
        Path jar = packaged ? entry : module.resolve("target").resolve(artifactId + "-" + version + ".jar");
        if (Files.isRegularFile(jar)) {
            return new Jar(groupId + ":" + artifactId, entry, jar, Files.size(jar), pom);
        }
        try (Stream<Path> s = Files.walk(entry)) {
            long bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            return new Jar(groupId + ":" + artifactId, entry, entry, bytes, pom);
        }
    }
}
