package io.github.camelai4call.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The runtime dependency weight of the connector, computed from the classpath Maven resolved for this module.
 * <p>
 * Every classpath entry is mapped back to its groupId:artifactId and its POM (next to the jar in the local
 * repository, or the module's pom.xml for a reactor module's target/classes directory or target/*.jar). From those POMs (and their parents)
 * the harness walks the compile and runtime, non-optional dependency edges, honouring exclusions, and keeps only
 * artifacts Maven actually put on the classpath (so versions are the ones Maven chose). That gives the runtime
 * closure of camel-ai4call, and of camel-core-engine + camel-support (what every Camel application already has);
 * the difference is what a Camel user adds by depending on camel-ai4call. Sizes are the jar file sizes.
 */
final class DependencySize {

    /** One artifact: {@code entry} is how it appears on the classpath, {@code file} the jar that is weighed. */
    record Jar(String ga, Path entry, Path file, long bytes, Path pom) {
    }

    record Result(List<Jar> added, long addedBytes, List<Jar> closure, long closureBytes, List<Jar> baseline,
            long baselineBytes) {
    }

    private record Dep(String ga, Set<String> exclusions) {
    }

    private final Path repo;
    private final Map<String, Jar> classpath = new LinkedHashMap<>();
    private final Map<Path, List<Dep>> depsCache = new HashMap<>();

    DependencySize(Path repo, String javaClassPath) throws Exception {
        this.repo = repo.toAbsolutePath().normalize();
        for (String entry : javaClassPath.split(File.pathSeparator)) {
            if (entry.isBlank()) continue;
            Jar jar = identify(Paths.get(entry).toAbsolutePath().normalize());
            if (jar != null) classpath.putIfAbsent(jar.ga(), jar);
        }
    }

    Result compute(String connectorGa, List<String> baselineGas) throws Exception {
        Set<String> connector = closure(List.of(connectorGa));
        Set<String> base = closure(baselineGas);
        List<Jar> added = new ArrayList<>();
        List<Jar> all = new ArrayList<>();
        List<Jar> baseJars = new ArrayList<>();
        for (String ga : connector) {
            all.add(classpath.get(ga));
            if (!base.contains(ga)) added.add(classpath.get(ga));
        }
        for (String ga : base) baseJars.add(classpath.get(ga));
        Comparator<Jar> bySize = Comparator.comparingLong(Jar::bytes).reversed();
        added.sort(bySize);
        all.sort(bySize);
        baseJars.sort(bySize);
        return new Result(added, sum(added), all, sum(all), baseJars, sum(baseJars));
    }

    /**
     * The classpath entries of the runtime closure of these artifacts, in classpath order: what an application
     * depending on exactly them would have on its classpath (a reactor module may give its target/classes directory).
     */
    List<Path> classpathOf(List<String> roots) throws Exception {
        Set<String> gas = closure(roots);
        return classpath.values().stream().filter(j -> gas.contains(j.ga())).map(Jar::entry).toList();
    }

    private static long sum(List<Jar> jars) {
        return jars.stream().mapToLong(Jar::bytes).sum();
    }

    private Set<String> closure(List<String> roots) throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        Deque<Dep> todo = new ArrayDeque<>();
        for (String r : roots) {
            if (!classpath.containsKey(r)) throw new IllegalStateException(r + " is not on the classpath");
            todo.add(new Dep(r, Set.of()));
        }
        while (!todo.isEmpty()) {
            Dep d = todo.poll();
            if (!seen.add(d.ga())) continue;
            Jar jar = classpath.get(d.ga());
            if (jar.pom() == null) continue;
            for (Dep child : deps(jar.pom())) {
                if (d.exclusions().contains(child.ga()) || d.exclusions().contains("*:*")
                        || d.exclusions().contains(child.ga().substring(0, child.ga().indexOf(':')) + ":*")) {
                    continue;
                }
                if (!classpath.containsKey(child.ga())) continue; // not selected by Maven (excluded, pom-only, ...)
                Set<String> ex = new HashSet<>(d.exclusions());
                ex.addAll(child.exclusions());
                todo.add(new Dep(child.ga(), ex));
            }
        }
        return seen;
    }

    /** Where a classpath entry comes from. */
    private Jar identify(Path entry) throws Exception {
        if (Files.isRegularFile(entry) && entry.startsWith(repo)) {
            Path rel = repo.relativize(entry);
            int n = rel.getNameCount();
            if (n < 4) return null;
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
            Path module = entry.getParent().getParent();
            Path pom = module.resolve("pom.xml");
            Element project = parse(pom).getDocumentElement();
            String artifactId = text(project, "artifactId");
            String groupId = text(project, "groupId");
            String version = text(project, "version");
            Element parent = child(project, "parent");
            if (groupId == null && parent != null) groupId = text(parent, "groupId");
            if (version == null && parent != null) version = text(parent, "version");
            Path jar = reactorJar ? entry : module.resolve("target").resolve(artifactId + "-" + version + ".jar");
            long bytes;
            if (Files.isRegularFile(jar)) {
                bytes = Files.size(jar);
            } else {
                try (Stream<Path> s = Files.walk(entry)) {
                    bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
                }
                jar = entry;
            }
            return new Jar(groupId + ":" + artifactId, entry, jar, bytes, pom);
        }
        if (Files.isRegularFile(entry)) {
            return new Jar("?:" + entry.getFileName(), entry, entry, Files.size(entry), null);
        }
        return null;
    }

    /** The compile/runtime, non-optional dependencies a POM and its parents declare. */
    private List<Dep> deps(Path pom) throws Exception {
        List<Dep> cached = depsCache.get(pom);
        if (cached != null) return cached;
        List<Dep> out = new ArrayList<>();
        Map<String, String> props = new HashMap<>();
        List<Element> chain = new ArrayList<>();
        Path current = pom;
        while (current != null && Files.isRegularFile(current)) {
            Element project = parse(current).getDocumentElement();
            chain.add(project);
            Element parent = child(project, "parent");
            current = null;
            if (parent != null) {
                String g = text(parent, "groupId");
                String a = text(parent, "artifactId");
                String v = text(parent, "version");
                Path local = repo.resolve(g.replace('.', File.separatorChar)).resolve(a).resolve(v).resolve(a + "-" + v + ".pom");
                current = Files.isRegularFile(local) ? local : null;
            }
        }
        // properties: the nearest definition wins
        for (int i = chain.size() - 1; i >= 0; i--) {
            Element project = chain.get(i);
            Element p = child(project, "properties");
            if (p != null) {
                for (Node c = p.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element e) props.put(e.getTagName(), e.getTextContent().trim());
                }
            }
            String g = text(project, "groupId");
            Element parent = child(project, "parent");
            if (g == null && parent != null) g = text(parent, "groupId");
            props.put("project.groupId", g);
            props.put("pom.groupId", g);
            props.put("groupId", g);
            if (parent != null) props.put("project.parent.groupId", text(parent, "groupId"));
        }
        for (Element project : chain) {
            Element deps = child(project, "dependencies");
            if (deps == null) continue;
            for (Node c = deps.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (!(c instanceof Element d) || !"dependency".equals(d.getTagName())) continue;
                String scope = text(d, "scope");
                if (scope != null && !scope.equals("compile") && !scope.equals("runtime")) continue;
                if ("true".equals(resolve(text(d, "optional"), props))) continue;
                Set<String> exclusions = new HashSet<>();
                Element ex = child(d, "exclusions");
                if (ex != null) {
                    for (Node x = ex.getFirstChild(); x != null; x = x.getNextSibling()) {
                        if (x instanceof Element e) {
                            exclusions.add(resolve(text(e, "groupId"), props) + ":" + resolve(text(e, "artifactId"), props));
                        }
                    }
                }
                out.add(new Dep(resolve(text(d, "groupId"), props) + ":" + resolve(text(d, "artifactId"), props), exclusions));
            }
        }
        depsCache.put(pom, out);
        return out;
    }

    private static String resolve(String s, Map<String, String> props) {
        if (s == null) return null;
        for (int i = 0; i < 5 && s.contains("${"); i++) {
            int a = s.indexOf("${");
            int b = s.indexOf('}', a);
            if (b < 0) break;
            String v = props.get(s.substring(a + 2, b));
            if (v == null) break;
            s = s.substring(0, a) + v + s.substring(b + 1);
        }
        return s;
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(pom.toFile());
    }

    private static Element child(Element parent, String name) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
