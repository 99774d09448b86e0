package io.github.camelai4call.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The customers of the simulated platform and their credentials: who a request is, and whether its IP may call. */
final class Customers {

    private static final Logger LOG = LoggerFactory.getLogger(Customers.class);
    private static final byte[] NO_KEY = "\u0000no-such-customer\u0000".getBytes(StandardCharsets.UTF_8);

    private final SimulatorConfig config;
    private volatile Map<String, CustomerState> byEmail;

    Customers(SimulatorConfig config) {
        this.config = config;
        reset();
    }

    /** Back to the demo customers. */
    void reset() {
        Map<String, CustomerState> map = new LinkedHashMap<>();
        for (CustomerState c : Catalog.demoCustomers(config)) map.put(c.email.toLowerCase(Locale.ROOT), c);
        byEmail = Collections.unmodifiableMap(map);
    }

    /** The customer of an email (case-insensitive), or null. */
    CustomerState find(String email) {
        return email == null ? null : byEmail.get(email.toLowerCase(Locale.ROOT));
    }

    /** Whether this state is still the customer's (not replaced by a reset since). */
    boolean isCurrent(CustomerState c) {
        return find(c.email) == c;
    }

    /** The customer of these credentials, or null; compares the key in constant time. */
    CustomerState authenticate(String email, String portalApiKey) {
        CustomerState c = find(email);
        byte[] given = portalApiKey == null ? new byte[0] : portalApiKey.getBytes(StandardCharsets.UTF_8);
        boolean equal = MessageDigest.isEqual(given, c == null ? NO_KEY : c.portalApiKey);
        if (!equal || c == null || portalApiKey == null) {
            LOG.debug("Rejected credentials for {} (key {})", email, Json.mask(portalApiKey));
            return null;
        }
        return c;
    }

    /**
     * The customer of these credentials, calling from this address: 401 for wrong credentials, 403 when the
     * customer's allow-list does not allow the address.
     */
    CustomerState require(String email, String portalApiKey, InetAddress remote) {
        CustomerState c = authenticate(email, portalApiKey);
        if (c == null) throw ApiException.unauthorized();
        if (!c.allowList.allows(remote)) throw ApiException.ipNotAllowed();
        return c;
    }

    /**
     * Sets the arguments an assistant passes to one of its webhook tools in the simulated calls (instead of the
     * examples of the tool's parameters); 404 for an unknown customer, assistant or tool.
     */
    void setToolArguments(String email, String assistantApiKey, String toolId, com.fasterxml.jackson.databind.node.ObjectNode arguments) {
        CustomerState c = find(email);
        if (c == null) throw ApiException.notFound("Unknown customer " + email, "customer");
        synchronized (c) {
            CustomerState.AssistantState a = c.assistant(assistantApiKey);
            if (Catalog.find(c.tools, "toolId", toolId) == null) throw ApiException.notFound("Unknown tool " + toolId, "toolId");
            a.toolArguments.put(toolId, arguments.deepCopy());
        }
    }

    /** Disables the IP allow-list of every customer (undoes a lock-out). */
    void disableAllowLists() {
        for (CustomerState c : byEmail.values()) c.allowList = IpAllowList.DISABLED;
    }
}
