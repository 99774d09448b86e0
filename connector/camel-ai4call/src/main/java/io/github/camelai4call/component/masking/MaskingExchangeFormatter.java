package io.github.camelai4call.component.masking;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExchangeFormatter;

import io.github.camelai4call.component.support.SecretMasker;

/** An exchange formatter (the tracer's) whose text goes through {@link SecretMasker#maskLogText(String)}. */
final class MaskingExchangeFormatter implements ExchangeFormatter {

    private final ExchangeFormatter delegate;

    MaskingExchangeFormatter(ExchangeFormatter delegate) {
        this.delegate = delegate;
    }

    @Override
    public String format(Exchange exchange) {
        return SecretMasker.maskLogText(delegate.format(exchange));
    }
}
