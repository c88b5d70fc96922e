package org.scokg.store;

import java.util.Locale;

/** The dump formats of {@code scokg export}. */
public enum ExportFormat {
    /** The union of all graphs as one Turtle graph (graph names are lost). */
    TTL("ttl"),
    /** Every named graph, as TriG. */
    TRIG("trig"),
    /** Every named graph, as N-Quads (streamed; the cheapest for large stores). */
    NQ("nq"),
    /** The dataset as JSON-LD 1.1, pretty-printed, one entry per named graph. */
    JSONLD("jsonld");

    private final String name;

    ExportFormat(String name) { this.name = name; }

    /** The name used on the command line. */
    public String cliName() { return name; }

    /** @throws IllegalArgumentException naming the accepted values */
    public static ExportFormat of(String s) {
        if (s != null)
            for (ExportFormat f : values()) if (f.name.equals(s.trim().toLowerCase(Locale.ROOT))) return f;
        throw new IllegalArgumentException("unknown export format '" + s + "'; use ttl, trig, nq or jsonld");
    }

    @Override
    public String toString() { return name; }
}
