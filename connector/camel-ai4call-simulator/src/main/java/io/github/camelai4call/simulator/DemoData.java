package io.github.camelai4call.simulator;

/**
 * The credentials and ids of the demo data every simulator starts with (and returns to on
 * {@link Ai4callSimulator#resetState()}).
 * <p>
 * Outbound calls placed on the simulator get an outcome chosen by the last digit of {@code to}:
 * 7 = no_answer, 8 = busy, 9 = voicemail, anything else = completed.
 * <p>
 * Each account has a webhook secret: the simulator signs with it what it sends to the customer's URLs during and
 * after a call (tool calls, call ended, conversation saved, the pre-call MCP requests), as the contract's
 * {@code webhookSignature} scheme states.
 */
public final class DemoData {

    private DemoData() {
    }

    /** Customer 1: the one of the public API documentation. */
    public static final String DEMO_EMAIL = "demo@ai4call.local";
    public static final String DEMO_PORTAL_API_KEY = "portal_demo_key_123456789";
    public static final String DEMO_CUSTOMER_ID = "cus_demo";
    public static final String DEMO_COMPANY = "Demo S.r.l.";
    public static final String DEMO_ASSISTANT_SALES = "ast_demo_sales_01";
    public static final String DEMO_ASSISTANT_SALES_NAME = "Sales qualifier";
    public static final String DEMO_ASSISTANT_SUPPORT = "ast_demo_support_01";
    public static final String DEMO_ASSISTANT_SUPPORT_NAME = "Support desk";
    /** The caller id of the demo customer (sales line). */
    public static final String DEMO_NUMBER_SALES = "+390200000001";
    public static final String DEMO_NUMBER_SUPPORT = "+390200000002";
    public static final String DEMO_PBX_TRUNK = "trunk_main";
    /** The demo account's webhook secret: the key of the X-Ai4call-Signature HMAC. */
    public static final String DEMO_WEBHOOK_SECRET = "whsec_demo_5e1f0c9a7b3d4e2f8a6c";

    /** Customer 2: for isolation tests. */
    public static final String ACME_EMAIL = "acme@ai4call.local";
    public static final String ACME_PORTAL_API_KEY = "portal_acme_key_987654321";
    public static final String ACME_CUSTOMER_ID = "cus_acme";
    public static final String ACME_COMPANY = "ACME Corp.";
    public static final String ACME_ASSISTANT_RECEPTION = "ast_acme_reception_01";
    public static final String ACME_ASSISTANT_RECEPTION_NAME = "Reception";
    public static final String ACME_NUMBER_RECEPTION = "+41440000001";
    public static final String ACME_PBX_TRUNK = "trunk_acme";
    public static final String ACME_WEBHOOK_SECRET = "whsec_acme_9d8c7b6a5f4e3d2c1b0a";

    /** RAG (demo customer). */
    public static final String RAG_COLLECTION_PRODUCT_FAQ = "product-faq";
    public static final String RAG_COLLECTION_SUPPORT_KB = "support-kb";
    public static final String RAG_DOCUMENT_PRICING = "doc_000001";
    public static final String RAG_DOCUMENT_FAQ = "doc_000002";

    /**
     * Tools (every customer). Book appointment is a webhook tool: bound to an assistant with a webhookUrl
     * (updateTools), it is invoked during each answered call with the examples of its parameters
     * ({@code {"date": "2026-12-03", "slot": "10:30"}}) unless the admin API sets other arguments.
     */
    public static final String TOOL_BOOK_APPOINTMENT = "tool_book_appointment";
    public static final String TOOL_CRM_LOOKUP = "tool_crm_lookup";
    public static final String TOOL_TRANSFER_HUMAN = "tool_transfer_human";
    public static final String TOOL_SEND_SMS = "tool_send_sms";

    /** Plugins: the demo customer owns one instance of the HubSpot plugin. */
    public static final String PLUGIN_CRM_HUBSPOT = "plg_crm_hubspot";
    public static final String PLUGIN_SMS_GATEWAY = "plg_sms_gateway";
    public static final String PLUGIN_CALENDAR_GOOGLE = "plg_calendar_google";
    public static final String PLUGIN_SALESFORCE = "plg_crm_salesforce";
    public static final String DEMO_PLUGIN_INSTANCE = "pli_demo_crm_01";

    /** The plan capacity of both customers: updateCallLimits above it answers 422. */
    public static final int CONTRACTED_MAX_CONCURRENT_CALLS = 20;
}
