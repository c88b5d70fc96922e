package org.scokg.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/** The requests made of the repository's canned queries, and their plain-SPARQL baselines. */
class QueryFilesTest {
    static final Path QUERIES = Path.of("../queries");
    static final URI BASE = URI.create("http://127.0.0.1:3030/");

    @Test void theWholeStoreQueriesAreThoseWithoutARequiredParameter() throws Exception {
        List<String> whole = new QueryFiles(QUERIES).wholeStore();
        assertTrue(whole.containsAll(List.of("meetings", "attendees", "mentions", "documents", "presidency", "next-meeting")), whole.toString());
        assertFalse(whole.contains("agreement-trace"), "agreement-trace needs a title");
    }

    @Test void aPlainPageIsTheFileWithItsLimitAndOffset() throws Exception {
        QueryFiles q = new QueryFiles(QUERIES);
        Query page = QueryFactory.create(q.plainText("mentions", 100, 250));
        assertEquals(100, page.getLimit());
        assertEquals(250, page.getOffset());
        Query whole = QueryFactory.create(q.plainText("mentions", -1, 0));
        assertFalse(whole.hasLimit());
        assertEquals(q.parse("mentions").getResultVars(), whole.getResultVars(), "the same columns as the file");
        assertEquals(page.getOrderBy().size(), whole.getOrderBy().size(), "the file's own order");
    }

    @Test void theCountQueryParsesAndCountsTheWholeAnswer() throws Exception {
        QueryFiles q = new QueryFiles(QUERIES);
        for (String name : ServingBench.PAGED) {
            Query count = QueryFactory.create(q.countText(name));
            assertEquals(List.of("n"), count.getResultVars());
            assertFalse(count.hasLimit());
        }
    }

    @Test void urlsOfTheDocumentedRoutes() throws Exception {
        assertEquals("http://127.0.0.1:3030/scokg/query/documents?limit=100&offset=7", QueryFiles.canned(BASE, "documents", 100, 7).toString());
        assertEquals("http://127.0.0.1:3030/scokg/query/meetings", QueryFiles.canned(BASE, "meetings", -1, 0).toString());
        assertEquals("http://127.0.0.1:3030/scokg/sparql?query=ASK+%7B%7D", QueryFiles.plain(BASE, "ASK {}").toString());
        assertThrows(IllegalArgumentException.class, () -> new QueryFiles(QUERIES).parse("no-such-query"));
    }
}
