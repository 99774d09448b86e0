package io.github.camelai4call.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown text kept as a resource beside this class, with {@code {{name}}} where a measured value goes: the prose
 * of the report reads as the page it becomes, and the code only makes the values and tables.
 */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)}}");

    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static Template load(String resource) {
        try (InputStream in = Template.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource + " beside " + Template.class.getName());
            }
            return new Template(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text with every placeholder filled by its value, without the value's trailing line breaks (the text has
     * its own); a placeholder without a value, or a value without a placeholder, is an error.
     */
    String fill(Map<String, String> values) {
        Set<String> unused = new TreeSet<>(values.keySet());
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(name + ": no value for {{" + m.group(1) + "}}");
            }
            unused.remove(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value.stripTrailing()));
        }
        m.appendTail(out);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(name + " has no place for " + unused);
        }
        return out.toString();
    }
}
