package org.scokg.query;

import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIx;

/**
 * The types a canned-query parameter may declare. Each checks a raw string and turns it
 * into a typed RDF term; nothing a user passes is ever spliced into query text.
 */
public enum ParamType {
    /** Any text up to 500 characters; bound as a plain string literal. */
    STRING(Pattern.compile("(?s).{1,500}"), null),
    /** Text in any script, up to 500 characters; bound as a plain literal in simplified script, as the graph writes names and sentences. */
    TEXT(Pattern.compile("(?s).{1,500}"), null),
    /** An ISO 3166-1 alpha-3 code such as CHN. */
    ISO3(Pattern.compile("[A-Z]{3}"), null),
    /** A year such as 2021; bound as xsd:gYear. */
    YEAR(Pattern.compile("[12][0-9]{3}"), XSDDatatype.XSDgYear),
    /** A date such as 2021-11-25; bound as xsd:date. */
    DATE(Pattern.compile("[12][0-9]{3}-[01][0-9]-[0-3][0-9]"), XSDDatatype.XSDdate),
    /** A non-negative integer up to 9 digits. */
    INTEGER(Pattern.compile("[0-9]{1,9}"), XSDDatatype.XSDinteger),
    /**
     * A document title in any spelling, or a part of one; bound as the string literal of
     * its canonical key ({@link org.scokg.extract.TitleKey}), so a query compares keys.
     */
    TITLE(Pattern.compile("(?s).{1,500}"), null),
    /** An absolute http(s) IRI. */
    IRI(Pattern.compile("https?://\\S{1,2000}"), null);

    private final Pattern shape;
    private final XSDDatatype datatype;

    ParamType(Pattern shape, XSDDatatype datatype) {
        this.shape = shape;
        this.datatype = datatype;
    }

    /** Parses a type name as written in a query header ("string", "iso3"...). */
    public static ParamType of(String name) {
        return ParamType.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Checks {@code raw} and returns it as an RDF term.
     *
     * @throws IllegalArgumentException with a one-line message when the value does not fit
     */
    public Node toNode(String paramName, String raw) {
        String value = raw == null ? "" : raw.strip();
        if (!shape.matcher(value).matches())
            throw new IllegalArgumentException("parameter '" + paramName + "' must be " + describe() + ", got: " + abbreviate(value));
        if (this == IRI) {
            try {
                // a reference: a scheme, and a fragment allowed (an absolute IRI in RFC 3987 terms has none)
                if (!IRIx.create(value).isReference()) throw new IllegalArgumentException();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("parameter '" + paramName + "' is not a valid IRI: " + abbreviate(value));
            }
            return NodeFactory.createURI(value);
        }
        if (this == TEXT) return NodeFactory.createLiteralString(org.scokg.normalize.NormalizedText.toSimplified(value));
        if (this == TITLE) {
            String key = org.scokg.extract.TitleKey.of(value);
            if (key.isEmpty()) throw new IllegalArgumentException("parameter '" + paramName + "' has no title characters: " + abbreviate(value));
            return NodeFactory.createLiteralString(key);
        }
        return datatype == null ? NodeFactory.createLiteralString(value) : NodeFactory.createLiteralDT(value, datatype);
    }

    private String describe() {
        return switch (this) {
            case STRING, TEXT, TITLE -> "1 to 500 characters";
            case ISO3 -> "an ISO 3166-1 alpha-3 code such as CHN";
            case YEAR -> "a year such as 2021";
            case DATE -> "a date such as 2021-11-25";
            case INTEGER -> "a whole number";
            case IRI -> "an absolute http(s) IRI";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
