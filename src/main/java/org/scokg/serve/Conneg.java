package org.scokg.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Server-driven content negotiation on an {@code Accept} header, with q-values. */
final class Conneg {
    private Conneg() {}

    private record Range(String type, String subtype, double q) {
        int specificity() { return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2; }
        boolean matches(String t, String s) {
            return (type.equals("*") || type.equals(t)) && (subtype.equals("*") || subtype.equals(s));
        }
    }

    /**
     * The offer (a media type such as {@code text/turtle}) the client prefers; ties go to
     * the earlier offer. A missing or blank header accepts the first offer.
     *
     * @return the chosen offer, or null when the client accepts none of them
     */
    static String choose(String accept, List<String> offers) {
        if (accept == null || accept.isBlank()) return offers.get(0);
        List<Range> ranges = parse(accept);
        if (ranges.isEmpty()) return offers.get(0);
        String best = null;
        double bestQ = 0;
        for (String offer : offers) {
            int slash = offer.indexOf('/');
            String t = offer.substring(0, slash), s = offer.substring(slash + 1);
            Range match = null;
            for (Range r : ranges)
                if (r.matches(t, s) && (match == null || r.specificity() > match.specificity())) match = r;
            if (match != null && match.q() > bestQ) {
                best = offer;
                bestQ = match.q();
            }
        }
        return best;
    }

    private static List<Range> parse(String accept) {
        List<Range> out = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] bits = part.split(";");
            String mt = bits[0].strip().toLowerCase(Locale.ROOT);
            if (mt.equals("*")) mt = "*/*";
            int slash = mt.indexOf('/');
            if (slash <= 0 || slash == mt.length() - 1) continue;
            double q = 1.0;
            for (int i = 1; i < bits.length; i++) {
                String p = bits[i].strip();
                if (p.startsWith("q=") || p.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            out.add(new Range(mt.substring(0, slash), mt.substring(slash + 1), Math.max(0, Math.min(1, q))));
        }
        return out;
    }
}
