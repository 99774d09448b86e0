package io.github.camelai4call.benchmarks;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runtime dependency weight of the connector: the runtime closure of camel-ai4call, and of what every Camel
 * application already has (camel-core-engine + camel-support), over the artifacts of this module's classpath
 * ({@link ClasspathArtifacts}) and the edges their POMs declare ({@link PomDependencies}); the difference is what a
 * Camel user adds by depending on camel-ai4call. Sizes are the jar file sizes.
 * <p>
 * Not {@code mvn dependency:list}: that lists one project's whole resolution, whereas these figures are the closures
 * of single artifacts within this module's resolution, one of them (camel-ai4call) a reactor module that is never
 * installed, so no separate project could resolve it.
 */
final class DependencySize {

    /** The weighed jars and their total sizes in bytes, the largest first. */
    record Result(List<ClasspathArtifacts.Jar> added, long addedBytes, List<ClasspathArtifacts.Jar> closure,
            long closureBytes, List<ClasspathArtifacts.Jar> baseline, long baselineBytes) {
    }

    private final ClasspathArtifacts classpath;
    private final PomDependencies poms;

    DependencySize(Path repository, String javaClassPath) throws Exception {
        this.classpath = new ClasspathArtifacts(repository, javaClassPath);
        this.poms = new PomDependencies(repository);
    }

    Result compute(String connectorGa, List<String> baselineGas) throws Exception {
        Set<String> connector = closure(List.of(connectorGa));
        Set<String> base = closure(baselineGas);
        List<ClasspathArtifacts.Jar> all = jars(connector);
        List<ClasspathArtifacts.Jar> added = all.stream().filter(j -> !base.contains(j.ga())).toList();
        List<ClasspathArtifacts.Jar> baseJars = jars(base);
        return new Result(added, sum(added), all, sum(all), baseJars, sum(baseJars));
    }

    /**
     * The classpath entries of the runtime closure of these artifacts, in classpath order: what an application
     * depending on exactly them would have on its classpath (a reactor module may give its target/classes directory).
     */
    List<Path> classpathOf(List<String> roots) throws Exception {
        Set<String> gas = closure(roots);
        return classpath.all().stream().filter(j -> gas.contains(j.ga())).map(ClasspathArtifacts.Jar::entry).toList();
    }

    /** The artifacts, the largest first. */
    private List<ClasspathArtifacts.Jar> jars(Set<String> gas) {
        return gas.stream().map(classpath::get)
                .sorted(Comparator.comparingLong(ClasspathArtifacts.Jar::bytes).reversed()).toList();
    }

    private static long sum(List<ClasspathArtifacts.Jar> jars) {
        return jars.stream().mapToLong(ClasspathArtifacts.Jar::bytes).sum();
    }

    /** The roots and everything they need at run time, among the artifacts Maven put on the classpath. */
    private Set<String> closure(List<String> roots) throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        Deque<PomDependencies.Dependency> todo = new ArrayDeque<>();
        for (String r : roots) {
            if (classpath.get(r) == null) {
                throw new IllegalStateException(r + " is not on the classpath");
            }
            todo.add(new PomDependencies.Dependency(r, Set.of()));
        }
        while (!todo.isEmpty()) {
            PomDependencies.Dependency d = todo.poll();
            if (!seen.add(d.ga())) {
                continue;
            }
            Path pom = classpath.get(d.ga()).pom();
            if (pom == null) {
                continue;
            }
            for (PomDependencies.Dependency child : poms.of(pom)) {
                if (d.excludes(child.ga()) || classpath.get(child.ga()) == null) {
                    continue; // excluded, or not selected by Maven (pom-only, test, ...)
                }
                Set<String> ex = new HashSet<>(d.exclusions());
                ex.addAll(child.exclusions());
                todo.add(new PomDependencies.Dependency(child.ga(), ex));
            }
        }
        return seen;
    }
}
