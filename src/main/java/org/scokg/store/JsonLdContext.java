package org.scokg.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdVersion;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.serialization.QuadsToJsonld;
import com.apicatalog.rdf.api.RdfConsumerException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.scokg.vocab.Iris;

/**
 * The published JSON-LD 1.1 context ({@code ontology/context.jsonld}, served at
 * {@code /scokg/context.jsonld}) and a compact JSON-LD writer that uses it.
 *
 * <p>Jena's JSON-LD 1.1 writer builds its context from the prefixes only, so the data is
 * turned into expanded JSON-LD and compacted with Titanium (the library Jena itself uses)
 * against this context. The context is embedded in every document written, so a dump
 * parses without fetching anything. Its {@code id} prefix is the resource base in force
 * ({@link Iris#base()}).
 */
public final class JsonLdContext {
    private JsonLdContext() {}

    /** Classpath location of the context. */
    public static final String RESOURCE = "ontology/context.jsonld";

    /** The context document ({@code {"@context": {...}}}) with {@code id} set to the current base. */
    public static JsonObject document() {
        try (InputStream in = JsonLdContext.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            JsonObject doc = Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8))).readObject();
            JsonObject ctx = doc.getJsonObject("@context");
            return Json.createObjectBuilder()
                .add("@context", Json.createObjectBuilder(ctx).add("id", Iris.base()))
                .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The context document as pretty-printed JSON. */
    public static String documentText() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writeJson(document(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes a dataset (named graphs kept) as compact JSON-LD with the context. */
    public static void write(DatasetGraph dsg, OutputStream out) {
        QuadsToJsonld q = JsonLd.fromRdf().mode(JsonLdVersion.V1_1);
        Iterator<Quad> it = dsg.find();
        while (it.hasNext()) {
            Quad quad = it.next();
            add(q, quad.getSubject(), quad.getPredicate(), quad.getObject(),
                quad.isDefaultGraph() ? null : quad.getGraph());
        }
        compact(q, out);
    }

    /** Writes one graph as compact JSON-LD with the context. */
    public static void write(Graph g, OutputStream out) {
        QuadsToJsonld q = JsonLd.fromRdf().mode(JsonLdVersion.V1_1);
        Iterator<Triple> it = g.find();
        while (it.hasNext()) {
            Triple t = it.next();
            add(q, t.getSubject(), t.getPredicate(), t.getObject(), null);
        }
        compact(q, out);
    }

    private static void compact(QuadsToJsonld q, OutputStream out) {
        try {
            JsonArray expanded = q.toJsonLd();
            JsonObject compacted = JsonLd.compact(JsonDocument.of(expanded), JsonDocument.of(document())).ordered(true).get();
            // the context first, for people reading the file
            jakarta.json.JsonObjectBuilder ordered = Json.createObjectBuilder();
            if (compacted.containsKey("@context")) ordered.add("@context", compacted.get("@context"));
            compacted.forEach((k, v) -> { if (!k.equals("@context")) ordered.add(k, v); });
            writeJson(ordered.build(), out);
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD compaction failed: " + e.getMessage(), e);
        }
    }

    private static void add(QuadsToJsonld q, Node s, Node p, Node o, Node g) {
        try {
            String graph = g == null ? null : term(g);
            if (o.isLiteral()) {
                String lang = o.getLiteralLanguage();
                q.quad(term(s), term(p), o.getLiteralLexicalForm(), o.getLiteralDatatypeURI(),
                    lang == null || lang.isEmpty() ? null : lang, null, graph);
            } else {
                q.quad(term(s), term(p), term(o), null, null, null, graph);
            }
        } catch (RdfConsumerException e) {
            throw new IllegalStateException("cannot convert to JSON-LD: " + e.getMessage(), e);
        }
    }

    private static String term(Node n) {
        if (n.isURI()) return n.getURI();
        if (n.isBlank()) return "_:" + n.getBlankNodeLabel();
        throw new IllegalArgumentException("JSON-LD cannot write " + n);
    }

    private static void writeJson(JsonObject json, OutputStream out) {
        try (JsonWriter w = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(new java.io.FilterOutputStream(out) {
                    @Override public void close() throws IOException { flush(); }   // never close the caller's stream
                }, StandardCharsets.UTF_8)) {
            w.write(json);
        }
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
