package org.scokg.serve;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells the server when a request to the dataset may have written to it: after every request
 * under the dataset's path whose method can write (SPARQL Update, Graph Store Protocol) and that
 * succeeded. Whether the data really changed is the callee's to check (a query sent by POST
 * writes nothing): this filter only knows HTTP.
 */
final class AfterWritesFilter extends HttpFilter {
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private final String datasetPath;
    private final Runnable afterWrite;

    AfterWritesFilter(String datasetPath, Runnable afterWrite) {
        this.datasetPath = datasetPath;
        this.afterWrite = afterWrite;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(req, resp);
        String path = req.getRequestURI();
        if (READ_METHODS.contains(req.getMethod()) || path == null
            || !(path.equals(datasetPath) || path.startsWith(datasetPath + "/"))) return;
        if (resp.getStatus() >= 200 && resp.getStatus() < 300) afterWrite.run();
    }
}
