package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** A customer's IP allow-list (the AllowedIps of the contract) and its parsed rules. Immutable. */
final class IpAllowList {

    /** The allow-list of a new customer, and after a lock-out is undone: disabled, no addresses. */
    static final IpAllowList DISABLED = new IpAllowList(false, List.of(), List.of());

    final boolean enabled;
    final List<String> ips;
    private final List<IpRule> rules;

    private IpAllowList(boolean enabled, List<String> ips, List<IpRule> rules) {
        this.enabled = enabled;
        this.ips = ips;
        this.rules = rules;
    }

    /**
     * Parses the addresses and ranges of an update.
     *
     * @param enabled null: enabled when there are addresses
     * @throws ApiException 422 naming {@code ips[i]}, the first entry that is not an address or range, or naming
     *                      {@code ips} when the list is enabled without entries
     */
    static IpAllowList parse(Boolean enabled, List<String> ips) {
        List<IpRule> rules = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < ips.size(); i++) {
            try {
                rules.add(IpRule.parse(ips.get(i)));
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable(e.getMessage(), "ips[" + i + "]");
            }
            texts.add(ips.get(i).trim());
        }
        boolean on = enabled != null ? enabled : !rules.isEmpty();
        if (on && rules.isEmpty()) {
            // it would let every address in while saying it is enabled
            throw ApiException.unprocessable("An enabled allow-list needs at least one address or range", "ips");
        }
        return new IpAllowList(on, List.copyOf(texts), List.copyOf(rules));
    }

    /** Whether a caller may use the account: the list is off, or one of its rules matches. */
    boolean allows(InetAddress remote) {
        if (!enabled || remote == null) return true;
        for (IpRule r : rules) {
            if (r.matches(remote)) return true;
        }
        return false;
    }

    ObjectNode toJson() {
        ObjectNode o = Json.obj();
        o.put("enabled", enabled);
        ArrayNode a = o.putArray("ips");
        ips.forEach(a::add);
        return o;
    }
}
