package org.scokg.serve;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scokg routes, placed before Fuseki's dataset dispatch (which would otherwise claim
 * every path under {@code /scokg}):
 * <ul>
 * <li>{@code /} exactly: the landing page</li>
 * <li>{@code /scokg/query} and {@code /scokg/query/NAME}: canned queries</li>
 * <li>resource paths ({@code /scokg/id/...} for the default base) and {@code /scokg/ontology}: linked data</li>
 * </ul>
 * Everything else (the SPARQL endpoint, {@code /$/...}, the UI files) passes on down the chain.
 */
final class ScokgFilter extends HttpFilter {
    private static final Logger LOG = LoggerFactory.getLogger(ScokgFilter.class);
    static final String QUERY_PATH = "/scokg/query";

    private final LandingPage landing;
    private final CannedQueryHandler queries;
    private final LinkedData linkedData;

    ScokgFilter(LandingPage landing, CannedQueryHandler queries, LinkedData linkedData) {
        this.landing = landing;
        this.queries = queries;
        this.linkedData = linkedData;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI();
        if (path == null) {
            chain.doFilter(req, resp);
            return;
        }
        int route = path.equals("/") ? 1
            : path.equals(QUERY_PATH) || path.startsWith(QUERY_PATH + "/") ? 2
            : linkedData.handles(path) ? 3 : 0;
        if (route == 0) {
            chain.doFilter(req, resp);
            return;
        }
        String method = req.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            if (method.equals("OPTIONS")) {
                resp.setHeader("Allow", "GET, HEAD, OPTIONS");
                resp.setStatus(204);
                return;
            }
            resp.setHeader("Allow", "GET, HEAD, OPTIONS");
            Responses.plain(resp, 405, method + " is not allowed here; this resource is read-only (GET, HEAD)");
            return;
        }
        req.setCharacterEncoding("UTF-8");
        try {
            switch (route) {
                case 1 -> landing.handle(req, resp);
                case 2 -> {
                    String rest = path.length() <= QUERY_PATH.length() + 1 ? "" : path.substring(QUERY_PATH.length() + 1);
                    queries.handle(req, resp, java.net.URLDecoder.decode(rest.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
                }
                default -> linkedData.handle(req, resp);
            }
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", method, path, e);
            Responses.plain(resp, 500, "internal error: " + QueryRunner.oneLine(e));
        }
    }
}
