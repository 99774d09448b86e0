package io.github.camelai4call.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the project a reader builds from a documentation page: each fenced code block right under a line that
 * holds only a file name in backquotes (e.g. {@code `pom.xml`}) becomes that file. With {@code --routes}, every
 * {@code java} block of another page (the README) is written as the body of a {@code RouteBuilder}'s
 * {@code configure()}, so that the project also compiles those snippets.
 *
 * <p>Arguments: {@code <page.md> <project dir> [--routes <page.md> <package>]}.
 */
public final class PageProject {

    private static final Pattern FILE_LABEL = Pattern.compile("^`([A-Za-z0-9_./-]+)`:?$");
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

    private PageProject() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 5) {
            throw new IllegalArgumentException("usage: <page.md> <project dir> [--routes <page.md> <package>]");
        }
        Path project = Path.of(args[1]);
        Map<String, String> files = labelledBlocks(Path.of(args[0]));
        if (!files.containsKey("pom.xml")) {
            throw new IllegalStateException(args[0] + " shows no `pom.xml`");
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            write(project.resolve(file.getKey()), file.getValue());
        }
        if (args.length == 5) {
            String pkg = args[4];
            List<String> routes = blocks(Path.of(args[3]), "java");
            for (int i = 0; i < routes.size(); i++) {
                String name = "SnippetRoutes" + (i + 1);
                write(project.resolve("src/main/java/" + pkg.replace('.', '/') + "/" + name + ".java"),
                        routeBuilder(pkg, name, routes.get(i)));
            }
        }
        System.out.println("Wrote " + files.keySet() + " to " + project);
    }

    /** The blocks under a file label, by file name; a name shown twice is an error (which one would a reader take?). */
    static Map<String, String> labelledBlocks(Path page) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        String label = null;
        StringBuilder block = null;
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            if (block != null) {
                if (line.startsWith("```")) {
                    if (label != null && files.put(label, block.toString()) != null) {
                        throw new IllegalStateException(page + " shows `" + label + "` twice");
                    }
                    block = null;
                    label = null;
                } else {
                    block.append(line).append('\n');
                }
            } else if (FENCE.matcher(line).matches()) {
                block = new StringBuilder();
            } else if (!line.isBlank()) {
                Matcher m = FILE_LABEL.matcher(line.trim());
                label = m.matches() ? m.group(1) : null;
            }
        }
        return files;
    }

    /** Every fenced block of the given language. */
    static List<String> blocks(Path page, String language) throws IOException {
        List<String> found = new ArrayList<>();
        boolean inBlock = false;
        StringBuilder block = null;
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            if (inBlock) {
                if (line.startsWith("```")) {
                    if (block != null) {
                        found.add(block.toString());
                    }
                    inBlock = false;
                } else if (block != null) {
                    block.append(line).append('\n');
                }
            } else {
                Matcher m = FENCE.matcher(line);
                if (m.matches()) {
                    inBlock = true;
                    block = m.group(1).equals(language) ? new StringBuilder() : null;
                }
            }
        }
        return found;
    }

    private static String routeBuilder(String pkg, String name, String body) {
        return "package " + pkg + ";\n\n"
               + "import org.apache.camel.builder.RouteBuilder;\n\n"
               + "import io.github.camelai4call.component.dsl.Ai4callEndpointBuilderFactory;\n\n"
               + "/** Written by the build from a snippet of the README: it must compile. */\n"
               + "public class " + name + " extends RouteBuilder implements Ai4callEndpointBuilderFactory.Ai4callBuilders {\n"
               + "    @Override\n"
               + "    public void configure() {\n"
               + body.indent(8)
               + "    }\n"
               + "}\n";
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent() == null ? Path.of(".") : file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
