package io.github.camelai4call.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The runtime dependency edges a POM declares: its compile and runtime, non-optional dependencies and those of its
 * parents (found in the local repository), with their exclusions, and properties resolved nearest-first. Versions
 * are not read: which version is used is what Maven put on the classpath ({@link ClasspathArtifacts}).
 */
final class PomDependencies {

    /** One declared dependency: its groupId:artifactId and the groupId:artifactId patterns it excludes. */
    record Dependency(String ga, Set<String> exclusions) {

        /** Whether this dependency's exclusions keep {@code child} out of its closure. */
        boolean excludes(String child) {
            return exclusions.contains(child) || exclusions.contains("*:*")
                   || exclusions.contains(child.substring(0, child.indexOf(':')) + ":*");
        }
    }

    private final Path repository;
    private final Map<Path, List<Dependency>> cache = new HashMap<>();

    PomDependencies(Path repository) {
        this.repository = repository;
    }

    /** The compile/runtime, non-optional dependencies a POM and its parents declare. */
    List<Dependency> of(Path pom) throws Exception {
        List<Dependency> cached = cache.get(pom);
        if (cached != null) {
            return cached;
        }
        List<Element> chain = parentChain(pom);
        Map<String, String> props = properties(chain);
        List<Dependency> out = new ArrayList<>();
        for (Element project : chain) {
            Element deps = child(project, "dependencies");
            if (deps == null) {
                continue;
            }
            for (Node c = deps.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (!(c instanceof Element d) || !"dependency".equals(d.getTagName())) {
                    continue;
                }
                String scope = text(d, "scope");
                if (scope != null && !scope.equals("compile") && !scope.equals("runtime")
                        || "true".equals(resolve(text(d, "optional"), props))) {
                    continue;
                }
                Set<String> exclusions = new HashSet<>();
                Element ex = child(d, "exclusions");
                if (ex != null) {
                    for (Node x = ex.getFirstChild(); x != null; x = x.getNextSibling()) {
                        if (x instanceof Element e) {
                            exclusions.add(resolve(text(e, "groupId"), props) + ":" + resolve(text(e, "artifactId"), props));
                        }
                    }
                }
                out.add(new Dependency(resolve(text(d, "groupId"), props) + ":" + resolve(text(d, "artifactId"), props),
                        exclusions));
            }
        }
        cache.put(pom, out);
        return out;
    }

    /** The POM, then its parent, its parent's parent, ... as far as the local repository has them. */
    private List<Element> parentChain(Path pom) throws Exception {
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
                Path local = repository.resolve(g.replace('.', File.separatorChar)).resolve(a).resolve(v)
                        .resolve(a + "-" + v + ".pom");
                current = Files.isRegularFile(local) ? local : null;
            }
        }
        return chain;
    }

    /** The properties of the chain, the nearest definition winning, with the groupId ones Maven defines. */
    private static Map<String, String> properties(List<Element> chain) {
        Map<String, String> props = new HashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Element project = chain.get(i);
            Element p = child(project, "properties");
            if (p != null) {
                for (Node c = p.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element e) {
                        props.put(e.getTagName(), e.getTextContent().trim());
                    }
                }
            }
            Element parent = child(project, "parent");
            String g = text(project, "groupId");
            if (g == null && parent != null) {
                g = text(parent, "groupId");
            }
            props.put("project.groupId", g);
            props.put("pom.groupId", g);
            props.put("groupId", g);
            if (parent != null) {
                props.put("project.parent.groupId", text(parent, "groupId"));
            }
        }
        return props;
    }

    private static String resolve(String s, Map<String, String> props) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < 5 && s.contains("${"); i++) {
            int a = s.indexOf("${");
            int b = s.indexOf('}', a);
            if (b < 0) {
                break;
            }
            String v = props.get(s.substring(a + 2, b));
            if (v == null) {
                break;
            }
            s = s.substring(0, a) + v + s.substring(b + 1);
        }
        return s;
    }

    static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(pom.toFile());
    }

    static Element child(Element parent, String name) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
