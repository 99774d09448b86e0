package io.github.camelai4call.component.masking;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.spi.Tracer;

/**
 * Registers the AI4CALL keys with Camel's masking hooks, so that a user needs no setting for them:
 * <ul>
 * <li>the context's sensitive keywords: the start-up summaries of Camel Main ({@code camel.component.ai4call.portal-api-key
 * = xxxxxx}, Kamelet properties), endpoint URIs and Camel's log mask of JSON and key=value messages;</li>
 * <li>the log mask used by {@code log} steps when {@code logMask} is on ({@link Ai4callMaskingFormatter}, unless the
 * application binds its own {@link MaskingFormatter#CUSTOM_LOG_MASK_REF});</li>
 * <li>the tracer's exchange formatter, whether or not {@code logMask} is on.</li>
 * </ul>
 * Every method may be called more than once.
 */
public final class LogMasking {

    /**
     * The option, property and JSON names that hold a key, as Camel's keyword lists spell them (lower case); "portal"
     * and "assistant" also catch misspelled options ({@code assistantApiKye=...}) in the endpoint URIs Camel prints;
     * "webhooksecret" is the secret that signs what AI4CALL sends (camel.component.ai4call.webhook-secret).
     */
    public static final List<String> KEYWORDS = List.of("portalapikey", "assistantapikey", "portal", "assistant", "webhooksecret");

    private LogMasking() {
    }

    /** Keywords and the log mask: before routes are created (a Camel context service plugin). */
    public static void beforeRoutes(CamelContext context) {
        addSensitiveKeywords(context);
        if (context.getRegistry().lookupByName(MaskingFormatter.CUSTOM_LOG_MASK_REF) == null) {
            context.getRegistry().bind(MaskingFormatter.CUSTOM_LOG_MASK_REF, MaskingFormatter.class,
                    new Ai4callMaskingFormatter(context));
        }
    }

    /** Keywords again (a configuration may have replaced them since) and the tracer: when the component starts. */
    public static void onComponentStart(CamelContext context) {
        addSensitiveKeywords(context);
        if (context.isTracing() || context.isTracingStandby()) {
            Tracer tracer = context.getTracer();
            if (tracer.getExchangeFormatter() != null
                    && !(tracer.getExchangeFormatter() instanceof MaskingExchangeFormatter)) {
                tracer.setExchangeFormatter(new MaskingExchangeFormatter(tracer.getExchangeFormatter()));
            }
        }
    }

    /** Appends {@link #KEYWORDS} to the context's additional sensitive keywords, keeping the application's. */
    public static void addSensitiveKeywords(CamelContext context) {
        ExtendedCamelContext ecc = context.getCamelContextExtension();
        Set<String> words = new LinkedHashSet<>();
        String current = ecc.getAdditionalSensitiveKeywords();
        if (current != null && !current.isBlank()) {
            for (String word : current.split(",")) {
                if (!word.isBlank()) {
                    words.add(word.trim());
                }
            }
        }
        Set<String> lower = new LinkedHashSet<>();
        words.forEach(w -> lower.add(w.toLowerCase(Locale.ROOT)));
        if (lower.containsAll(KEYWORDS)) {
            return;
        }
        words.addAll(KEYWORDS);
        ecc.setAdditionalSensitiveKeywords(String.join(",", words));
    }
}
