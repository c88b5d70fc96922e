package org.scokg.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;

/**
 * One file {@code queries/NAME.rq}: the query, what it answers, and the parameters it takes.
 * The header is the file's leading comment block:
 * <pre>
 * # Every mention of a named document, oldest first.      (first paragraph: the description)
 * #
 * # @param title:search title  any spelling of the title
 * # @param year year  only mentions in sources of that year (optional)
 * # …more comment lines: the columns, for the reader
 * </pre>
 * A parameter {@code year} is the variable {@code ?year} in the query, unless the header names
 * another variable after a colon ({@code title:search} binds {@code ?search}, so that {@code ?title}
 * can stay a column). A parameter is required unless its description says {@code (optional)}.
 * Values are checked against the declared {@link ParamType} and bound as RDF terms by Jena's
 * substitution, never spliced into the text, so no value can change the shape of the query; an
 * optional parameter that is not given leaves its variable unbound. Every SELECT query also takes
 * {@code limit} and {@code offset} ({@link Page}), which no header may declare.
 */
public final class CannedQuery {
    /** One declared parameter. */
    public record Param(String name, String variable, ParamType type, boolean required, String description) {}

    private static final Pattern PARAM_LINE =
        Pattern.compile("#\\s*@param\\s+([A-Za-z][A-Za-z0-9_]*)(?::([A-Za-z][A-Za-z0-9_]*))?\\s+([a-z0-9]+)\\s*(.*)");

    private final String name;
    private final String description;
    private final List<Param> params;
    private final Query query;
    private final String text;

    private CannedQuery(String name, String description, List<Param> params, Query query, String text) {
        this.name = name;
        this.description = description;
        this.params = params;
        this.query = query;
        this.text = text;
    }

    /**
     * Parses a canned query file.
     *
     * @throws IllegalArgumentException when the header or the SPARQL is malformed
     */
    public static CannedQuery parse(String name, String text) {
        StringBuilder description = new StringBuilder();
        boolean inDescription = true;
        List<Param> params = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            if (!t.startsWith("#")) break;
            String comment = t.substring(1).strip();
            if (comment.startsWith("@")) {
                inDescription = false;
                Matcher m = PARAM_LINE.matcher(t);
                if (!m.matches())
                    throw new IllegalArgumentException("queries/" + name + ".rq: a header line starting with @ is"
                        + " '# @param NAME[:VAR] TYPE description', got: " + t);
                if (m.group(1).equals(Page.LIMIT) || m.group(1).equals(Page.OFFSET))
                    throw new IllegalArgumentException("queries/" + name + ".rq declares the parameter '" + m.group(1)
                        + "', which every query takes for paging");
                String desc = m.group(4).strip();
                String variable = m.group(2) == null ? m.group(1) : m.group(2);
                params.add(new Param(m.group(1), variable, ParamType.of(m.group(3)), !desc.contains("(optional)"), desc));
            } else if (comment.isEmpty()) {
                inDescription = false;
            } else if (inDescription) {
                if (description.length() > 0) description.append(' ');
                description.append(comment);
            }
        }
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("queries/" + name + ".rq is not valid SPARQL: " + e.getMessage(), e);
        }
        return new CannedQuery(name, description.toString(), List.copyOf(params), query, text);
    }

    public String name() { return name; }
    /** The first paragraph of the header. */
    public String description() { return description; }
    public List<Param> params() { return params; }
    /** The query text as written in the file. */
    public String text() { return text; }
    /** The result variables, in order: the columns. */
    public List<String> columns() { return List.copyOf(query.getResultVars()); }
    /** True for a SELECT query: one that can be paged. */
    public boolean isSelect() { return query.isSelectType(); }

    /**
     * The query Jena runs for {@code page} of the answer, unbound: a copy of the parsed query,
     * paged by {@link Page#applyTo}.
     *
     * @throws IllegalArgumentException when {@code page} is not {@link Page#ALL} and this is not a SELECT query
     */
    public Query query(Page page) { return page.applyTo(query.cloneQuery()); }

    /**
     * Checks the given values against the declared parameters and returns the binding to
     * substitute.
     *
     * @throws IllegalArgumentException one line naming the offending parameter: unknown
     *         parameter, missing required parameter, or a value of the wrong shape
     */
    public Binding bind(Map<String, String> values) {
        Map<String, String> given = values == null ? new LinkedHashMap<>() : new LinkedHashMap<>(values);
        BindingBuilder b = BindingBuilder.create();
        for (Param p : params) {
            String raw = given.remove(p.name());
            if (raw == null) {
                if (p.required())
                    throw new IllegalArgumentException("query '" + name + "' needs parameter '" + p.name() + "' (" + p.description() + ")");
                continue;
            }
            b.add(Var.alloc(p.variable()), p.type().toNode(p.name(), raw));
        }
        if (!given.isEmpty())
            throw new IllegalArgumentException("query '" + name + "' has no parameter " + String.join(", ", given.keySet())
                + "; it takes " + (params.isEmpty() ? "only " : String.join(", ", params.stream().map(Param::name).toList()) + ", ")
                + Page.LIMIT + " and " + Page.OFFSET + " (paging)");
        return b.build();
    }

    /**
     * A ready execution of {@code page} of this query over {@code dataset} with {@code values}
     * bound. The caller runs it inside a read transaction and closes it.
     *
     * @param timeoutMillis overall timeout, or a value &lt;= 0 for none
     * @throws IllegalArgumentException for bad parameters (one line), or a page of a query that is not a SELECT
     */
    public QueryExecution prepare(Dataset dataset, Map<String, String> values, Page page, long timeoutMillis) {
        Binding binding = bind(values);
        var builder = QueryExecution.dataset(dataset).query(query(page)).substitution(binding);
        if (timeoutMillis > 0) builder = builder.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        return builder.build();
    }
}
