package io.github.camelai4call.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** The recharges feed: top-ups of the account balance. */
final class RechargeHistory extends SyntheticHistory {
    private static final int[] AMOUNTS = {20, 50, 100, 200};
    private static final String[] METHODS = {"card", "card", "bank_transfer", "voucher"};

    RechargeHistory(Subjects ctx, String idPrefix, long n, long start, long end) {
        super(ctx, idPrefix, n, start, end);
    }

    @Override
    String ownField(long i, String name) {
        return null;
    }

    @Override
    void write(JsonGenerator g, long i) throws IOException {
        int amount = AMOUNTS[pick(i, 1, AMOUNTS.length)];
        writeHead(g, i);
        g.writeNumberField("amount", (double) amount);
        g.writeStringField("currency", Tariffs.CURRENCY);
        g.writeStringField("method", METHODS[pick(i, 2, METHODS.length)]);
        g.writeNumberField("balanceAfter", Tariffs.round(amount + (r(i, 3) % 5000) / 100.0, 2));
        g.writeEndObject();
    }
}
