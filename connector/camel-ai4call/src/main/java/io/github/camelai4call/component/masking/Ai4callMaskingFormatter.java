package io.github.camelai4call.component.masking;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.support.processor.DefaultMaskingFormatter;

import io.github.camelai4call.component.support.SecretMasker;

/**
 * The log mask of a context with the AI4CALL component ({@code camel.main.logMask=true}): Camel's own formatter
 * (passwords, tokens and the context's sensitive keywords, in messages that are JSON, XML or key=value text), then the
 * AI4CALL keys wherever they stand in the message, for example in {@code "sent ${body}"} where the body is JSON.
 */
public final class Ai4callMaskingFormatter implements MaskingFormatter {

    private final CamelContext context;
    private volatile MaskingFormatter camelFormatter;

    public Ai4callMaskingFormatter(CamelContext context) {
        this.context = context;
    }

    @Override
    public String format(String source) {
        if (source == null) {
            return null;
        }
        return SecretMasker.maskLogText(camelFormatter().format(source));
    }

    /** Built at the first message, when the application's sensitive keywords are configured. */
    private MaskingFormatter camelFormatter() {
        MaskingFormatter f = camelFormatter;
        if (f == null) {
            f = new DefaultMaskingFormatter(context);
            camelFormatter = f;
        }
        return f;
    }
}
