package org.scokg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.aggregate.AggregatorFactory;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementSubQuery;

/**
 * The canned queries as the repository states them ({@code queries/NAME.rq}, the contract), and
 * the requests the bench makes of them: the canned route {@code /scokg/query/NAME} and, as its
 * baseline, the same query sent as plain SPARQL to {@code /scokg/sparql}. The plain text is the
 * file parsed by Jena and written back (comments dropped, so that it fits in a URL), with the
 * page, if any, applied by Jena's {@link Query#setLimit}/{@link Query#setOffset}: what a user
 * who copied the file would send. Nothing here knows how a server answers a canned query.
 */
final class QueryFiles {
    private final Map<String, String> texts = new TreeMap<>();

    QueryFiles(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".rq")).toList()) {
                String name = f.getFileName().toString();
                texts.put(name.substring(0, name.length() - 3), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        if (texts.isEmpty()) throw new IllegalArgumentException("no queries (*.rq) in " + dir);
    }

    /**
     * The queries that need no parameter, by name: those whose every {@code # @param} line says
     * {@code (optional)}. Their answers are the whole store.
     */
    List<String> wholeStore() {
        List<String> names = new ArrayList<>();
        for (var e : texts.entrySet())
            if (e.getValue().lines().filter(l -> l.startsWith("# @param")).allMatch(l -> l.strip().endsWith("(optional)")))
                names.add(e.getKey());
        return names;
    }

    /** The file {@code name}.rq parsed by Jena. */
    Query parse(String name) {
        String text = texts.get(name);
        if (text == null) throw new IllegalArgumentException("no query " + name + ".rq");
        return QueryFactory.create(text);
    }

    /** {@code /scokg/query/NAME}, with {@code limit} and {@code offset} when {@code limit >= 0}. */
    static URI canned(URI base, String name, long limit, long offset) {
        String page = limit < 0 ? "" : "?limit=" + limit + "&offset=" + offset;
        return base.resolve("/scokg/query/" + name + page);
    }

    /** {@code /scokg/sparql?query=…}: {@code sparql} as plain SPARQL. */
    static URI plain(URI base, String sparql) {
        return base.resolve("/scokg/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8));
    }

    /** The plain SPARQL of {@code name}: its whole answer, or a page of it when {@code limit >= 0}. */
    String plainText(String name, long limit, long offset) {
        Query q = parse(name);
        if (limit >= 0) {
            q.setLimit(limit);
            q.setOffset(offset);
        }
        return q.serialize();
    }

    /** {@code SELECT (COUNT(*) AS ?n) { { the query } }}: the number of rows of its whole answer. */
    String countText(String name) {
        Query q = parse(name);
        Query count = new Query();
        count.setPrefixMapping(new PrefixMappingImpl().setNsPrefixes(q.getPrefixMapping()));
        // Written once, at the top: SPARQL has no prologue inside a subquery.
        q.getPrefixMapping().clearNsPrefixMap();
        count.setQuerySelectType();
        Expr n = count.allocAggregate(AggregatorFactory.createCount(false));
        count.addResultVar("n", n);
        ElementGroup where = new ElementGroup();
        where.addElement(new ElementSubQuery(q));
        count.setQueryPattern(where);
        return count.serialize();
    }
}
