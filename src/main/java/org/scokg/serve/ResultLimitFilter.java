package org.scokg.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;

/**
 * Bounds the size of SPARQL results: ARQ has no setting for it, so a query sent to the
 * dataset's query endpoints gets {@code LIMIT maxRows} when it has no LIMIT or a larger one
 * (SELECT, CONSTRUCT, DESCRIBE). The response then carries {@code Scokg-Result-Limit}. A
 * query that does not parse goes on unchanged, for Fuseki to answer 400.
 */
final class ResultLimitFilter extends HttpFilter {
    static final String HEADER = "Scokg-Result-Limit";
    private final String datasetPath;
    private final long maxRows;

    ResultLimitFilter(String datasetPath, long maxRows) {
        this.datasetPath = datasetPath;
        this.maxRows = maxRows;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        String path = req.getRequestURI();
        if (path == null || !(path.equals(datasetPath) || path.equals(datasetPath + "/") || path.equals(datasetPath + "/" + ScokgServer.SPARQL))) {
            chain.doFilter(req, resp);
            return;
        }
        String contentType = req.getContentType() == null ? "" : req.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (req.getMethod().equals("POST") && contentType.startsWith("application/sparql-query")) {
            String body = new String(req.getInputStream().readAllBytes(), charset(req));
            String limited = limit(body);
            if (limited != null) resp.setHeader(HEADER, Long.toString(maxRows));
            chain.doFilter(new BodyRequest(req, limited != null ? limited : body), resp);
            return;
        }
        String query = req.getParameter("query");
        String limited = query == null ? null : limit(query);
        if (limited == null) {
            chain.doFilter(req, resp);
            return;
        }
        resp.setHeader(HEADER, Long.toString(maxRows));
        chain.doFilter(new ParamRequest(req, limited), resp);
    }

    private static java.nio.charset.Charset charset(HttpServletRequest req) {
        try {
            return req.getCharacterEncoding() == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(req.getCharacterEncoding());
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The query with the limit applied, or null when it needs none (or does not parse). */
    String limit(String queryString) {
        Query q;
        try {
            q = QueryFactory.create(queryString, Syntax.syntaxARQ);
        } catch (RuntimeException e) {
            return null;
        }
        if (!(q.isSelectType() || q.isConstructType() || q.isDescribeType())) return null;
        if (q.hasLimit() && q.getLimit() <= maxRows) return null;
        q.setLimit(maxRows);
        return q.serialize(Syntax.syntaxARQ);
    }

    /** A request whose {@code query} parameter is replaced. */
    private static final class ParamRequest extends HttpServletRequestWrapper {
        private final Map<String, String[]> params;

        ParamRequest(HttpServletRequest req, String query) {
            super(req);
            Map<String, String[]> m = new LinkedHashMap<>(req.getParameterMap());
            m.put("query", new String[] {query});
            params = Collections.unmodifiableMap(m);
        }

        @Override public String getParameter(String name) {
            String[] v = params.get(name);
            return v == null || v.length == 0 ? null : v[0];
        }
        @Override public Map<String, String[]> getParameterMap() { return params; }
        @Override public Enumeration<String> getParameterNames() { return Collections.enumeration(params.keySet()); }
        @Override public String[] getParameterValues(String name) { return params.get(name); }
    }

    /** A request with another body (application/sparql-query). */
    private static final class BodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyRequest(HttpServletRequest req, String body) {
            super(req);
            this.body = body.getBytes(StandardCharsets.UTF_8);
        }

        @Override public String getCharacterEncoding() { return "UTF-8"; }
        @Override public int getContentLength() { return body.length; }
        @Override public long getContentLengthLong() { return body.length; }
        @Override public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException(); }
            };
        }
        @Override public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }
    }
}
