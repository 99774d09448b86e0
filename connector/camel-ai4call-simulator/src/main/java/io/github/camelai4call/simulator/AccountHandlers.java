package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.github.camelai4call.simulator.Http.Ctx;
import static io.github.camelai4call.simulator.Http.Response;

/** Auth and Account: portal login, health, allowed IPs, call limits, number routing and plugins. */
final class AccountHandlers {

    private final Customers customers;

    AccountHandlers(Customers customers) {
        this.customers = customers;
    }

    void registerIn(Handlers.Table table) {
        table.put("portalLogin", this::portalLogin);
        table.put("health", c -> health());
        table.put("getAllowedIps", c -> Response.ok(c.customer.allowList.toJson()));
        table.put("updateAllowedIps", AccountHandlers::updateAllowedIps);
        table.put("getCallLimits", c -> {
            synchronized (c.customer) {
                return Response.ok(c.customer.callLimits.deepCopy());
            }
        });
        table.put("updateCallLimits", AccountHandlers::updateCallLimits);
        table.put("getNumberRouting", c -> {
            synchronized (c.customer) {
                return Response.ok(routing(c.customer));
            }
        });
        table.put("updateNumberRouting", AccountHandlers::updateNumberRouting);
        table.put("listAvailablePlugins", c -> ListPage.of(c, Catalog.PLUGINS));
        table.put("listPluginInstances", c -> {
            synchronized (c.customer) {
                List<JsonNode> list = new ArrayList<>();
                c.customer.plugins.values().forEach(p -> list.add(p.instance.deepCopy()));
                return ListPage.of(c, list);
            }
        });
        table.put("getPluginConfiguration", c -> {
            synchronized (c.customer) {
                return Response.ok(plugin(c, c.q("instanceId")).configuration());
            }
        });
        table.put("updatePluginConfiguration", AccountHandlers::updatePluginConfiguration);
        table.put("purchasePlugin", AccountHandlers::purchasePlugin);
    }

    private Response portalLogin(Ctx c) {
        ObjectNode b = c.objectBody();
        CustomerState cust = customers.require(Json.text(b, "email"), Json.text(b, "portalApiKey"), c.remote);
        ObjectNode o = Json.obj();
        o.put("authenticated", true);
        o.put("customerId", cust.customerId);
        o.put("email", cust.email);
        o.put("companyName", cust.companyName);
        o.put("plan", cust.plan);
        return Response.ok(o);
    }

    private static Response health() {
        ObjectNode o = Json.obj();
        o.put("status", "UP");
        o.put("version", "1.0.0");
        o.put("time", Json.now());
        return Response.ok(o);
    }

    private static Response updateAllowedIps(Ctx c) {
        ObjectNode b = c.objectBody();
        List<String> ips = new ArrayList<>();
        b.withArray("ips").forEach(ip -> ips.add(ip.asText()));
        IpAllowList list = IpAllowList.parse(b.has("enabled") ? b.get("enabled").asBoolean() : null, ips);
        c.customer.allowList = list;
        return Response.ok(list.toJson());
    }

    private static Response updateCallLimits(Ctx c) {
        ObjectNode b = c.objectBody();
        synchronized (c.customer) {
            ObjectNode limits = c.customer.callLimits;
            int contracted = limits.get("contractedMaxConcurrentCalls").asInt();
            if (b.has("maxConcurrentCalls") && b.get("maxConcurrentCalls").asInt() > contracted) {
                throw ApiException.unprocessable("maxConcurrentCalls exceeds the contracted capacity of " + contracted, "maxConcurrentCalls");
            }
            long perHour = b.has("maxCallsPerHour") ? b.get("maxCallsPerHour").asLong() : limits.get("maxCallsPerHour").asLong();
            long perDay = b.has("maxCallsPerDay") ? b.get("maxCallsPerDay").asLong() : limits.get("maxCallsPerDay").asLong();
            if (perHour > perDay) {
                throw ApiException.unprocessable("maxCallsPerHour cannot exceed maxCallsPerDay", b.has("maxCallsPerHour") ? "maxCallsPerHour" : "maxCallsPerDay");
            }
            for (String f : List.of("maxConcurrentCalls", "maxCallsPerHour", "maxCallsPerDay", "maxCallDurationSeconds")) {
                if (b.has(f)) limits.put(f, b.get(f).asInt());
            }
            return Response.ok(limits.deepCopy());
        }
    }

    private static ObjectNode routing(CustomerState cust) {
        ObjectNode o = Json.obj();
        o.set("routes", cust.routes.deepCopy());
        return o;
    }

    private static Response updateNumberRouting(Ctx c) {
        ObjectNode b = c.objectBody();
        synchronized (c.customer) {
            Set<String> numbers = new LinkedHashSet<>();
            ArrayNode routes = Json.F.arrayNode();
            int i = 0;
            for (JsonNode r : b.withArray("routes")) {
                String number = r.get("number").asText();
                String key = r.get("assistantApiKey").asText();
                if (!c.customer.assistants.containsKey(key)) {
                    throw ApiException.unprocessable("Unknown assistant " + Json.mask(key), "routes[" + i + "].assistantApiKey");
                }
                if (!numbers.add(number)) {
                    throw ApiException.unprocessable("Number routed twice: " + number, "routes[" + i + "].number");
                }
                routes.add(Catalog.route(number, key));
                i++;
            }
            c.customer.routes = routes;
            return Response.ok(routing(c.customer));
        }
    }

    private static CustomerState.PluginInstance plugin(Ctx c, String instanceId) {
        CustomerState.PluginInstance p = instanceId == null ? null : c.customer.plugins.get(instanceId);
        if (p == null) throw ApiException.notFound("Plugin instance not found", "instanceId");
        return p;
    }

    private static Response updatePluginConfiguration(Ctx c) {
        ObjectNode b = c.objectBody();
        synchronized (c.customer) {
            CustomerState.PluginInstance p = plugin(c, Json.text(b, "instanceId"));
            JsonNode settings = b.get("settings");
            p.settings = settings instanceof ObjectNode o ? o.deepCopy() : Json.obj();
            return Response.ok(p.configuration());
        }
    }

    private static Response purchasePlugin(Ctx c) {
        ObjectNode b = c.objectBody();
        String pluginId = Json.text(b, "pluginId");
        if (Catalog.find(Catalog.PLUGINS, "pluginId", pluginId) == null) {
            throw ApiException.notFound("Plugin not found", "pluginId");
        }
        if (b.has("acceptTerms") && !b.get("acceptTerms").asBoolean()) {
            throw ApiException.unprocessable("The terms must be accepted to purchase a plugin", "acceptTerms");
        }
        synchronized (c.customer) {
            for (CustomerState.PluginInstance p : c.customer.plugins.values()) {
                if (p.pluginId().equals(pluginId)) throw ApiException.conflict("Plugin already purchased", "pluginId");
            }
            String instanceId = String.format(Locale.ROOT, "pli_%s_%02d", c.customer.tag, ++c.customer.pluginSeq);
            ObjectNode inst = Json.obj();
            inst.put("instanceId", instanceId);
            inst.put("pluginId", pluginId);
            inst.put("status", "active");
            inst.put("createdAt", Json.now());
            c.customer.plugins.put(instanceId, new CustomerState.PluginInstance(inst, Json.obj()));
            return Response.ok(inst.deepCopy());
        }
    }
}
