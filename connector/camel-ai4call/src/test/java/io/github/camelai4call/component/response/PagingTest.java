package io.github.camelai4call.component.response;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.support.JsonMapper;
import io.github.camelai4call.model.AssistantPage;
import io.github.camelai4call.model.PageInfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PagingTest {

    private static final String JSON = "{\"items\":[],\"page\":{\"nextCursor\":\"c2\",\"hasMore\":true}}";

    @Test
    void thePageIsReadFromEveryOutputShape() throws Exception {
        Paging expected = new Paging("c2", true);
        assertEquals(expected, Paging.ofTree(JsonMapper.get().readTree(JSON)));
        assertEquals(expected, Paging.ofMap(JsonMapper.get().readValue(JSON, Map.class)));
        assertEquals(expected, Paging.ofModel(JsonMapper.get().readValue(JSON, AssistantPage.class)));
    }

    @Test
    void theLastPageHasNoCursor() throws Exception {
        Paging last = new Paging(null, false);
        assertEquals(last, Paging.ofTree(JsonMapper.get().readTree("{\"items\":[]}")));
        assertEquals(last, Paging.ofMap(Map.of("items", List.of())));
        AssistantPage page = new AssistantPage();
        page.setPage(new PageInfo());
        assertEquals(last, Paging.ofModel(page));
    }
}
