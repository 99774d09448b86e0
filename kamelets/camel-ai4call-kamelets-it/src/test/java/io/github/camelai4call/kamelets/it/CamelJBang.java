package io.github.camelai4call.kamelets.it;

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/** The {@code camel} command: what the JBang script of Apache Camel runs, here on a Maven-resolved classpath. */
public final class CamelJBang {

    private CamelJBang() {
    }

    public static void main(String... args) {
        CamelJBangMain.run(args);
    }
}
