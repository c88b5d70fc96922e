package org.scokg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scokg.query.CannedQueries;

/** Where the canned queries come from, and the --param option. */
final class Queries {
    private Queries() {}

    /**
     * System property naming a directory of {@code NAME.rq} files to use instead of the
     * queries packed in the jar (for developing queries without rebuilding).
     */
    static final String DIR_PROPERTY = "scokg.queries";

    static CannedQueries catalogue() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) return CannedQueries.builtIn();
        Path p = Path.of(dir);
        if (!Files.isDirectory(p)) throw new Base.UserError("-D" + DIR_PROPERTY + "=" + dir + " is not a directory");
        try {
            return CannedQueries.fromDirectory(p);
        } catch (IOException e) {
            throw new Base.UserError("cannot read queries from " + dir + ": " + e.getMessage());
        }
    }

    /** Parses KEY=VALUE pairs; a repeated key is an error. */
    static Map<String, String> params(List<String> raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null) return m;
        for (String kv : raw) {
            int eq = kv.indexOf('=');
            if (eq <= 0)
                throw new Base.UserError("--param must be KEY=VALUE, got: " + (kv.length() > 60 ? kv.substring(0, 57) + "..." : kv));
            String k = kv.substring(0, eq).strip();
            if (m.put(k, kv.substring(eq + 1)) != null) throw new Base.UserError("--param " + k + " given twice");
        }
        return m;
    }
}
