package io.github.camelai4call.component;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.http.HttpCallResult;
import io.github.camelai4call.model.AssistantPage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The answer stage alone: a recorded answer onto a message, in each output type. */
class AnswerMapperTest {

    private static final String PAGE = "{\"items\":[{\"name\":\"Sales\",\"assistantApiKey\":\"ast_sales_0123\"}],"
                                       + "\"page\":{\"nextCursor\":\"c2\",\"hasMore\":true}}";

    private static HttpCallResult answer(String body) {
        return new HttpCallResult(200, Map.of("x-request-id", "req-1"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static Message apply(Ai4callOutputType type, String body) throws Exception {
        Message message = new DefaultMessage(new DefaultCamelContext());
        message.setHeader(Ai4callConstants.NEXT_CURSOR, "stale");
        AnswerMapper.apply(Ai4callOperation.listAssistants, type, answer(body), message);
        return message;
    }

    @Test
    void aPageArrivesInEachOutputTypeWithItsPagingHeaders() throws Exception {
        for (Ai4callOutputType type : Ai4callOutputType.values()) {
            Message m = apply(type, PAGE);
            assertEquals(200, m.getHeader(Ai4callConstants.HTTP_STATUS), type.name());
            assertEquals("req-1", m.getHeader(Ai4callConstants.REQUEST_ID), type.name());
            assertEquals("c2", m.getHeader(Ai4callConstants.NEXT_CURSOR), type.name());
            assertEquals(true, m.getHeader(Ai4callConstants.HAS_MORE), type.name());
        }
        assertEquals("Sales", assertInstanceOf(AssistantPage.class, apply(Ai4callOutputType.model, PAGE).getBody())
                .getItems().get(0).getName());
        assertInstanceOf(Map.class, apply(Ai4callOutputType.map, PAGE).getBody());
        assertInstanceOf(JsonNode.class, apply(Ai4callOutputType.jsonNode, PAGE).getBody());
        assertEquals(PAGE, apply(Ai4callOutputType.string, PAGE).getBody());
    }

    @Test
    void theLastPageRemovesACursorLeftOnTheMessage() throws Exception {
        Message m = apply(Ai4callOutputType.model, "{\"items\":[],\"page\":{\"hasMore\":false}}");
        assertNull(m.getHeader(Ai4callConstants.NEXT_CURSOR));
        assertFalse(m.getHeader(Ai4callConstants.HAS_MORE, Boolean.class));
    }

    @Test
    void anEmptyAnswerLeavesNoBodyAndABrokenOneFailsNamingTheOperation() throws Exception {
        assertNull(apply(Ai4callOutputType.model, "").getBody());
        Ai4callException e = assertThrows(Ai4callException.class, () -> apply(Ai4callOutputType.model, "{\"items\":"));
        assertEquals(200, e.getStatusCode());
        assertEquals("INVALID_RESPONSE", e.getErrorCode());
        assertEquals("listAssistants", e.getOperation());
    }
}
