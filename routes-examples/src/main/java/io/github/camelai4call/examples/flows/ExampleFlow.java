package io.github.camelai4call.examples.flows;

import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** The example flows of docs/examples.md, each in Java DSL and YAML DSL. */
public enum ExampleFlow {

    CRM_LEADS_TO_CALLS("crm-leads-to-calls", CrmLeadsToCalls::new),
    CALL_OUTCOMES_TO_CRM("call-outcomes-to-crm", CallOutcomesToCrm::new),
    CALL_HISTORY_REPORT("call-history-report", CallHistoryReport::new),
    PROMPTS_GITOPS("prompts-gitops", PromptsGitOps::new),
    KNOWLEDGE_BASE_SYNC("knowledge-base-sync", KnowledgeBaseSync::new),
    MULTI_TENANT_CALLS("multi-tenant-calls", MultiTenantCalls::new),
    APPOINTMENT_BOOKING("appointment-booking", AppointmentBooking::new);

    /** The two DSLs every flow is written in. */
    public enum Dsl { JAVA, YAML }

    private final String id;
    private final Supplier<RoutesBuilder> java;

    ExampleFlow(String id, Supplier<RoutesBuilder> java) {
        this.id = id;
        this.java = java;
    }

    public String id() {
        return id;
    }

    /** The classpath location of the YAML version. */
    public String yamlResource() {
        return "classpath:routes/" + id + ".camel.yaml";
    }

    /** Adds the flow's routes (and beans) to the context, in the given DSL. */
    public void addTo(CamelContext camel, Dsl dsl) throws Exception {
        if (dsl == Dsl.JAVA) {
            camel.addRoutes(java.get());
        } else {
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel, yamlResource()));
        }
    }

    public static ExampleFlow byId(String id) {
        for (ExampleFlow f : values()) {
            if (f.id.equals(id) || f.name().equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown example flow " + id);
    }
}
