package io.github.camelai4call.docs;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the published camel-ai4call jar tells tools, as Camel's own component jars do. */
class ComponentJarTest {

    @Test
    void listsItsComponentInComponentProperties() throws Exception {
        List<Properties> ours = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/services/org/apache/camel/component.properties"))) {
            Properties p = new Properties();
            try (InputStream in = url.openStream()) {
                p.load(in);
            }
            if ("camel-ai4call".equals(p.getProperty("artifactId"))) {
                ours.add(p);
            }
        }
        assertEquals(1, ours.size(), "one component.properties from camel-ai4call");
        assertEquals("ai4call", ours.get(0).getProperty("components"));
        assertEquals("io.github.camel-ai4call", ours.get(0).getProperty("groupId"));
    }
}
