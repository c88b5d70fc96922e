package org.scokg.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.expr.E_StrContains;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;

/**
 * One file {@code queries/NAME.rq}: the query, what it answers, and the parameters it
 * takes. The header is the file's leading comment block:
 * <pre>
 * # Every mention of a named document, oldest first.
 * # @param title string  any spelling of the title (required)
 * # @param year  year    only mentions in sources of that year (optional)
 * # @param title:search title  binds ?search, so that ?title can be an output column
 * </pre>
 * A parameter {@code title} is the variable {@code ?title} in the query, unless the header
 * names another variable after a colon ({@code title:search} binds {@code ?search}). Values are
 * checked against the declared {@link ParamType} and bound as RDF terms with Jena's
 * substitution, so no value can change the shape of the query. An optional parameter
 * that is not given leaves its variable unbound. Every SELECT query also takes {@code limit} and
 * {@code offset} ({@link Page}), which no header may declare. The header line {@code # @page keys}
 * says that a page is taken of the query's key subquery before the rest is looked up
 * ({@link Page#applyTo(Query, boolean)}); the query's shape is checked when the file is parsed
 * ({@link Page#keySubquery}). {@code # @page keys ?var} says more: a server may keep the
 * order of the key rows by their {@code ?var} ({@link PageIndex}, built once per state of the
 * data) and compute a page from the rows of the few values it holds, instead of sorting every
 * key row for each page. The variable must be one that every key row binds (checked on parse).
 *
 * <p>The header line {@code # @contains found <PROPERTY-IRI> search} says that the query's
 * top-level pattern holds {@code ?found <PROPERTY-IRI> ?v} and {@code FILTER(CONTAINS(?v, ?search))}
 * (checked when the file is parsed). A server may then narrow {@code ?found} to the subjects a
 * {@link ContainsIndex} of that property finds for the value bound to {@code ?search}, put first
 * in the pattern as a VALUES block ({@link Narrowing}): the FILTER still decides, so the answer
 * is the same, and the store is not scanned for the values that contain the string.
 */
public final class CannedQuery {
    /** One declared parameter. */
    public record Param(String name, String variable, ParamType type, boolean required, String description) {}

    /** A {@code # @contains} line: {@code ?subject}'s {@code property} value must contain {@code ?needle}. */
    public record Contains(Var subject, Node property, Var needle) {}

    /**
     * What a server gives {@link #prepare(Dataset, Map, Page, long, Narrowing)}: the indexes it
     * keeps, each current for the caller's read transaction, or null for none.
     */
    @FunctionalInterface
    public interface Narrowing {
        /** The index of {@code property}'s values, or null. */
        ContainsIndex index(Node property);

        /**
         * The {@link PageIndex} of {@code query} with {@code values} bound (built from
         * {@link CannedQuery#prepareKeyOrder} for the data the caller's transaction sees), or null.
         */
        default PageIndex pageIndex(CannedQuery query, Binding values) { return null; }
    }

    /** Past this many values of the page variable in one page, a page is not narrowed by a {@link PageIndex}. */
    public static final int MAX_PAGE_VALUES = 10_000;

    /** Past this many candidates a query is not narrowed: the VALUES block would cost more than the scan. */
    public static final int MAX_CANDIDATES = 500;

    private static final Pattern PARAM_LINE =
        Pattern.compile("#\\s*@param\\s+([A-Za-z][A-Za-z0-9_]*)(?::([A-Za-z][A-Za-z0-9_]*))?\\s+([a-z0-9]+)\\s*(.*)");
    private static final Pattern PAGE_LINE = Pattern.compile("#\\s*@page\\b\\s*(.*)");
    private static final Pattern PAGE_KEYS = Pattern.compile("keys(?:\\s+\\?([A-Za-z_][A-Za-z0-9_]*))?");
    private static final Pattern CONTAINS_LINE = Pattern.compile("#\\s*@contains\\s+([A-Za-z][A-Za-z0-9_]*)\\s+<([^>\\s]+)>\\s+([A-Za-z][A-Za-z0-9_]*)\\s*");

    private final String name;
    private final String description;
    private final List<Param> params;
    private final Query query;
    private final String text;
    private final boolean pageKeys;
    /** The variable a {@link PageIndex} of this query remembers its rows by ({@code # @page keys ?var}), or null. */
    private final Var pageIndexVar;
    private final Contains contains;
    /** The parameters that select rows by a column ({@link #columnParams()}). */
    private final List<Param> columnParams;

    private CannedQuery(String name, String description, List<Param> params, Query query, String text, boolean pageKeys,
                        Var pageIndexVar, Contains contains) {
        this.name = name;
        this.description = description;
        this.params = params;
        this.query = query;
        this.text = text;
        this.pageKeys = pageKeys;
        this.pageIndexVar = pageIndexVar;
        this.contains = contains;
        Set<Var> keys = pageKeys ? Page.boundKeyVars(query) : Set.of();
        this.columnParams = params.stream()
            .filter(p -> keys.contains(Var.alloc(p.variable())) && query.getResultVars().contains(p.variable())).toList();
    }

    /**
     * Parses a canned query file.
     *
     * @throws IllegalArgumentException when the header or the SPARQL is malformed
     */
    public static CannedQuery parse(String name, String text) {
        StringBuilder description = new StringBuilder();
        List<Param> params = new ArrayList<>();
        boolean pageKeys = false;
        Var pageIndexVar = null;
        Contains contains = null;
        for (String line : text.split("\r?\n")) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            if (!t.startsWith("#")) break;
            if (t.matches("#\\s*@contains\\b.*")) {
                Matcher c = CONTAINS_LINE.matcher(t);
                if (!c.matches())
                    throw new IllegalArgumentException("queries/" + name + ".rq: a @contains line is '# @contains VAR <PROPERTY-IRI> VAR', got: " + t);
                contains = new Contains(Var.alloc(c.group(1)), NodeFactory.createURI(c.group(2)), Var.alloc(c.group(3)));
                continue;
            }
            Matcher page = PAGE_LINE.matcher(t);
            if (page.matches()) {
                Matcher keys = PAGE_KEYS.matcher(page.group(1).strip());
                if (!keys.matches())
                    throw new IllegalArgumentException("queries/" + name + ".rq: a @page line is '# @page keys' or '# @page keys ?VAR', got: " + t);
                pageKeys = true;
                if (keys.group(1) != null) pageIndexVar = Var.alloc(keys.group(1));
                continue;
            }
            Matcher m = PARAM_LINE.matcher(t);
            if (m.matches()) {
                String desc = m.group(4).strip();
                boolean required = !desc.contains("(optional)");
                if (m.group(1).equals(Page.LIMIT) || m.group(1).equals(Page.OFFSET))
                    throw new IllegalArgumentException("queries/" + name + ".rq declares the parameter '" + m.group(1)
                        + "', which every query takes for paging");
                String variable = m.group(2) == null ? m.group(1) : m.group(2);
                params.add(new Param(m.group(1), variable, ParamType.of(m.group(3)), required, desc));
            } else if (params.isEmpty()) {
                if (description.length() > 0) description.append(' ');
                description.append(t.substring(1).strip());
            }
        }
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("queries/" + name + ".rq is not valid SPARQL: " + e.getMessage(), e);
        }
        if (pageKeys) {
            try {
                Page.keySubquery(query);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("queries/" + name + ".rq says '# @page keys', but " + e.getMessage(), e);
            }
            if (pageIndexVar != null && !Page.boundKeyVars(query).contains(pageIndexVar))
                throw new IllegalArgumentException("queries/" + name + ".rq says '# @page keys ?" + pageIndexVar.getVarName()
                    + "', but ?" + pageIndexVar.getVarName() + " is not a variable of the key subquery that every key row binds"
                    + " (an answer variable bound outside any OPTIONAL)");
        }
        if (contains != null) {
            String why = containsShape(query, contains);
            if (why != null) throw new IllegalArgumentException("queries/" + name + ".rq says '# @contains', but " + why);
        }
        return new CannedQuery(name, description.toString(), List.copyOf(params), query, text, pageKeys, pageIndexVar, contains);
    }

    /**
     * Null when the top-level group of {@code query}'s pattern holds the triple
     * {@code ?subject property ?v} and the filter {@code CONTAINS(?v, ?needle)}; else why not.
     * Both at the top level: then every answer row has a {@code ?subject} whose value contains
     * the needle, and narrowing {@code ?subject} to the subjects that have one changes nothing.
     */
    static String containsShape(Query query, Contains c) {
        if (!(query.getQueryPattern() instanceof ElementGroup group)) return "its pattern is not a group";
        Set<Var> values = new java.util.HashSet<>();
        for (Element e : group.getElements())
            if (e instanceof ElementPathBlock block)
                for (TriplePath tp : block.getPattern().getList())
                    if (tp.isTriple() && c.subject().equals(tp.getSubject()) && c.property().equals(tp.getPredicate()) && tp.getObject().isVariable())
                        values.add(Var.alloc(tp.getObject()));
        if (values.isEmpty()) return "its top-level pattern has no triple ?" + c.subject().getVarName() + " <" + c.property().getURI() + "> ?value";
        for (Element e : group.getElements())
            if (e instanceof ElementFilter f && f.getExpr() instanceof E_StrContains sc
                    && sc.getArg1().isVariable() && values.contains(sc.getArg1().asVar())
                    && sc.getArg2().isVariable() && sc.getArg2().asVar().equals(c.needle()))
                return null;
        return "its top-level pattern has no FILTER(CONTAINS(?value, ?" + c.needle().getVarName() + ")) on that triple's value";
    }

    public String name() { return name; }
    public String description() { return description; }
    public List<Param> params() { return params; }
    /** The query text as written in the file. */
    public String text() { return text; }
    /** The result variables, in order: the columns. */
    public List<String> columns() { return Collections.unmodifiableList(query.getResultVars()); }
    /** A fresh copy of the parsed query, unbound. */
    public Query query() { return query.cloneQuery(); }
    /** The {@code # @contains} line, or null. */
    public Contains contains() { return contains; }

    /** True when the header says {@code # @page keys}: a page is taken of the key subquery. */
    public boolean pagesKeys() { return pageKeys; }

    /** The variable of {@code # @page keys ?var}, which a {@link PageIndex} of this query remembers its rows by; null when none. */
    public Var pageIndexVar() { return pageIndexVar; }

    /**
     * The parameters of a query paged by its keys whose variable is a result column and a key
     * variable that every key row binds (outside any OPTIONAL of the key subquery). Binding one
     * keeps exactly the rows of the whole answer that hold its value in that column, in the same
     * order: the key subquery keeps the key rows with that value, and what follows it depends
     * only on the key row. So a server may answer such a request by selecting rows of the whole
     * answer. A parameter bound only inside an OPTIONAL ({@code attendees}' {@code countryCode})
     * or compared in a FILTER ({@code year}) is not one.
     */
    public List<Param> columnParams() { return columnParams; }

    /**
     * A ready execution of this query's key subquery over {@code dataset}, {@code values} bound,
     * answering every key row in the order of the pages ({@link Page#keyOrder}): what a
     * {@link PageIndex} is built from. The caller runs it inside a read transaction and closes it.
     *
     * @throws IllegalStateException when the query is not paged by its keys
     */
    public QueryExecution prepareKeyOrder(Dataset dataset, Binding values) {
        if (!pageKeys) throw new IllegalStateException("query '" + name + "' is not paged by its keys");
        return QueryExecution.dataset(dataset).query(Page.keyOrder(query)).substitution(values).build();
    }

    /**
     * The query Jena runs for {@code page} of the answer, unbound: {@link #query()} for
     * {@link Page#ALL}, else {@link Page#applyTo(Query, boolean)}, of the key subquery when
     * {@link #pagesKeys()}.
     *
     * @throws IllegalArgumentException when {@code page} is not {@link Page#ALL} and this is not a SELECT query
     */
    public Query query(Page page) { return page.applyTo(query(), pageKeys); }

    /**
     * As {@link #query(Page)}, the page found through a {@link PageIndex} when {@code narrowing}
     * has one: only when the query says {@code # @page keys ?var}, the page is not the whole
     * answer and no parameter binds {@code ?var} (then every row has the one value anyway).
     */
    Query query(Page page, Binding binding, Narrowing narrowing) {
        Page.Within within = null;
        if (pageIndexVar != null && narrowing != null && !page.all() && page.limit() != 0 && !binding.contains(pageIndexVar)) {
            PageIndex index = narrowing.pageIndex(this, binding);
            if (index != null) within = index.within(page, MAX_PAGE_VALUES);
        }
        return page.applyTo(query(), pageKeys, within);
    }

    /**
     * Checks the given values against the declared parameters and returns the binding to
     * substitute.
     *
     * @throws IllegalArgumentException one line naming the offending parameter: unknown
     *         parameter, missing required parameter, or a value of the wrong shape
     */
    public Binding bind(Map<String, String> values) {
        Map<String, String> given = values == null ? Map.of() : new LinkedHashMap<>(values);
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
        if (!given.isEmpty()) {
            Set<String> unknown = given.keySet();
            throw new IllegalArgumentException("query '" + name + "' has no parameter " + String.join(", ", unknown)
                + "; it takes " + (params.isEmpty() ? "only " : String.join(", ", params.stream().map(Param::name).toList()) + ", ")
                + Page.LIMIT + " and " + Page.OFFSET + " (paging)");
        }
        return b.build();
    }

    /**
     * The declared parameters that {@code bound} binds, each as {@code name=value} with the value in
     * N-Triples, in declaration order: the same for equivalent spellings of a value, so a key for
     * what was asked (result cache, page index).
     */
    public List<String> boundParams(Binding bound) {
        List<String> out = new ArrayList<>();
        for (Param p : params) {
            Node n = bound.get(Var.alloc(p.variable()));
            if (n != null) out.add(p.name() + "=" + NodeFmtLib.strNT(n));
        }
        return out;
    }

    /**
     * A ready execution of this query over {@code dataset} with {@code values} bound.
     * The caller runs it inside a read transaction and closes it.
     *
     * @param timeoutMillis overall timeout, or a value &lt;= 0 for none
     */
    public QueryExecution prepare(Dataset dataset, Map<String, String> values, long timeoutMillis) {
        return prepare(dataset, values, Page.ALL, timeoutMillis);
    }

    /**
     * As {@link #prepare(Dataset, Map, long)}, for one {@link Page} of the answer.
     *
     * @throws IllegalArgumentException also when {@code page} is not {@link Page#ALL} and this is not a SELECT query
     */
    public QueryExecution prepare(Dataset dataset, Map<String, String> values, Page page, long timeoutMillis) {
        return prepare(dataset, values, page, timeoutMillis, null);
    }

    /**
     * As {@link #prepare(Dataset, Map, Page, long)}, with the query narrowed by {@code narrowing}
     * (null: not narrowed) when it has a {@code # @contains} line, the needle is bound and the index
     * finds at most {@link #MAX_CANDIDATES} subjects: {@code VALUES ?subject { … }} first in its pattern.
     */
    public QueryExecution prepare(Dataset dataset, Map<String, String> values, Page page, long timeoutMillis, Narrowing narrowing) {
        Binding binding = bind(values);
        Query q = narrowed(query(page, binding, narrowing), binding, narrowing);
        var builder = QueryExecution.dataset(dataset).query(q).substitution(binding);
        if (timeoutMillis > 0) builder = builder.timeout(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        return builder.build();
    }

    /** {@code q}, narrowed in place when {@code narrowing} can (see {@link #prepare(Dataset, Map, Page, long, Narrowing)}). */
    Query narrowed(Query q, Binding binding, Narrowing narrowing) {
        if (contains == null || narrowing == null || !(q.getQueryPattern() instanceof ElementGroup pattern)) return q;
        Node needle = binding.get(contains.needle());
        if (needle == null || !needle.isLiteral()) return q;
        ContainsIndex index = narrowing.index(contains.property());
        if (index == null) return q;
        List<Node> candidates = index.subjectsContaining(needle.getLiteralLexicalForm(), MAX_CANDIDATES);
        if (candidates == null) return q;
        ElementData data = new ElementData(List.of(contains.subject()), new ArrayList<>());
        for (Node n : candidates) data.add(BindingFactory.binding(contains.subject(), n));
        ElementGroup group = new ElementGroup();
        group.addElement(data);
        pattern.getElements().forEach(group::addElement);
        q.setQueryPattern(group);
        return q;
    }
}
