package org.scokg.extract;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.scokg.vocab.Iris;
import org.scokg.vocab.Sco;

/**
 * The names the rules recognise, read from {@code ontology/gazetteer.ttl}: states (with
 * their ISO codes, short names such as 中 for 中方, and SCO standing by year), cities (with
 * the state each is in), SCO councils and bodies, and other organisations. Every Chinese
 * label is a spelling the rules match; all spellings of an entity resolve to it.
 */
public final class Gazetteer {
    /** What an entity is, as far as the rules care (CITY: any place below a state, a city or an administrative area). */
    public enum Kind { STATE, CITY, COUNCIL, SCO_BODY, SCO, ORGANISATION }

    /**
     * One entity of the gazetteer.
     *
     * @param iri          its IRI
     * @param kind         what it is
     * @param label        its preferred Chinese label
     * @param isoCode      ISO 3166-1 alpha-3 for a state, else null
     * @param stateIri     for a city, the state it is in, else null
     * @param memberSince  day the state joined the SCO ({@link #day}: yyyymmdd, a year alone yyyy0000), or 0
     * @param observerSince day the state became an observer (likewise), or 0
     * @param parentIri    the organisation this one is part of (org:subOrganizationOf), or null
     * @param firstMeetingYear for a council meeting once a year, the year of its first meeting, or 0
     */
    public record Entry(String iri, Kind kind, String label, String isoCode, String stateIri,
                        int memberSince, int observerSince, String parentIri, int firstMeetingYear) {}

    private final Map<String, Entry> bySpelling = new HashMap<>();
    private final Map<String, Entry> byShortName = new HashMap<>();
    private final Map<String, Entry> byIri = new HashMap<>();
    private final Map<String, List<String>> lexicons = new LinkedHashMap<>();

    private static volatile Gazetteer builtIn;

    /** The gazetteer packed with scokg, parsed against the current resource base. */
    public static Gazetteer builtIn() {
        Gazetteer g = builtIn;
        if (g == null || !g.base.equals(Iris.base())) {
            g = builtIn = new Gazetteer(loadModel());
        }
        return g;
    }

    /** The gazetteer as RDF, parsed against the current resource base. */
    public static Model loadModel() {
        Model m = ModelFactory.createDefaultModel();
        try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream("ontology/gazetteer.ttl")) {
            if (in == null) throw new IllegalStateException("ontology/gazetteer.ttl is missing from the build");
            RDFParser.source(in).lang(Lang.TURTLE).base(Iris.base()).parse(m);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read ontology/gazetteer.ttl: " + e.getMessage(), e);
        }
        return m;
    }

    private final String base = Iris.base();

    Gazetteer(Model m) {
        for (String lex : List.of("state", "state_short", "city", "council", "scobody", "org"))
            lexicons.put(lex, new ArrayList<>());
        read(m, Sco.State, Kind.STATE, "state");
        read(m, Sco.City, Kind.CITY, "city");
        // A region below a state where meetings are held (Goa): spelled and resolved like a city.
        read(m, Sco.AdministrativeArea, Kind.CITY, "city");
        read(m, Sco.Council, Kind.COUNCIL, "council");
        read(m, Sco.SCOBody, Kind.SCO_BODY, "scobody");
        read(m, Sco.Organisation, Kind.ORGANISATION, "org");
    }

    private void read(Model m, Resource type, Kind kind, String lexicon) {
        for (Resource r : m.listResourcesWithProperty(RDF.type, type).toList()) {
            String label = zh(r, Sco.prefLabel);
            Kind k = kind;
            // The SCO itself is not one of the "other organisations" a delegate may represent.
            if (kind == Kind.ORGANISATION && r.getURI().endsWith("/org/sco")) k = Kind.SCO;
            Entry e = new Entry(r.getURI(), k, label, string(r, Sco.isoCode),
                r.hasProperty(Sco.containedInPlace) ? r.getPropertyResourceValue(Sco.containedInPlace).getURI() : null,
                day(r, "memberSince"), day(r, "observerSince"),
                r.hasProperty(Sco.subOrganizationOf) ? r.getPropertyResourceValue(Sco.subOrganizationOf).getURI() : null,
                day(r, "firstMeetingYear") / 10000);
            byIri.put(e.iri(), e);
            List<String> spellings = new ArrayList<>();
            for (Statement s : r.listProperties(Sco.prefLabel).toList()) addZh(s.getObject(), spellings);
            for (Statement s : r.listProperties(Sco.altLabel).toList()) addZh(s.getObject(), spellings);
            for (String sp : spellings) {
                bySpelling.putIfAbsent(sp, e);
                if (k != Kind.SCO) lexicons.get(lexicon).add(sp);
            }
            String shortName = zh(r, Sco.shortName);
            if (shortName != null) {
                byShortName.putIfAbsent(shortName, e);
                lexicons.get("state_short").add(shortName);
            }
        }
    }

    private static void addZh(RDFNode n, List<String> out) {
        if (n.isLiteral() && n.asLiteral().getLanguage().startsWith("zh")) out.add(n.asLiteral().getString());
    }

    private static String zh(Resource r, org.apache.jena.rdf.model.Property p) {
        for (Statement s : r.listProperties(p).toList()) {
            RDFNode o = s.getObject();
            if (o.isLiteral() && o.asLiteral().getLanguage().startsWith("zh")) return o.asLiteral().getString();
        }
        return null;
    }

    private static String string(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement s = r.getProperty(p);
        return s == null ? null : s.getString();
    }

    /**
     * A date as a number yyyymmdd that orders as the date does; a year or month alone ends in
     * zeros, so that it comes before every day of its year or month (2017 → 20170000: a state
     * that joined in 2017 counts as a member at every meeting of 2017 unless the day is known).
     */
    public static int day(String lexical) {
        String digits = lexical.replace("-", "");
        if (!digits.matches("[0-9]{4,8}")) return 0;
        return Integer.parseInt((digits + "0000").substring(0, 8));
    }

    private static int day(Resource r, String local) {
        Statement s = r.getProperty(r.getModel().createProperty(Sco.NS + local));
        return s == null ? 0 : day(s.getLiteral().getLexicalForm());
    }

    /** The lexicons the rule files reference: state, state_short, city, council, scobody, org. */
    public Map<String, List<String>> lexicons() { return lexicons; }

    private volatile java.util.regex.Pattern namePattern;

    /** A pattern that matches any spelling of any entity, longest first, but not a given name before a name dot. */
    public java.util.regex.Pattern namePattern() {
        java.util.regex.Pattern p = namePattern;
        if (p == null) p = namePattern = java.util.regex.Pattern.compile(org.scokg.rules.RuleBook.alternation(bySpelling.keySet())
            + org.scokg.rules.RuleBook.NOT_A_GIVEN_NAME); // 苏丹·拉耶夫 is a person (Sultan), not Sudan
        return p;
    }

    /** The entity a spelling names, or null. */
    public Entry lookup(String spelling) { return spelling == null ? null : bySpelling.get(spelling); }

    /** The state of a short name such as 中 (from 中方), or null. */
    public Entry byShortName(String shortName) { return byShortName.get(shortName); }

    /** The state named by its short name and 方 at {@code at} of {@code text} (中方, 哈方), or null. */
    public Entry bySide(CharSequence text, int at) {
        return at + 1 < text.length() && text.charAt(at + 1) == '方' ? byShortName.get(String.valueOf(text.charAt(at))) : null;
    }

    /** The entity with this IRI, or null. */
    public Entry byIri(String iri) { return byIri.get(iri); }

    /** The state of an organisation or council slug such as "sco-secretariat". */
    public Entry org(String slug) { return byIri.get(Iris.org(slug)); }
}
