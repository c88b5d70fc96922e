package org.scokg.pipeline;

import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.scokg.extract.Extraction;
import org.scokg.extract.Facts;
import org.scokg.model.RdfMapper;
import org.scokg.model.SentenceNodes;
import org.scokg.text.SourceText;
import org.scokg.vocab.Iris;
import org.scokg.vocab.Prefixes;

/**
 * One source document as RDF: the door from a decoded text to its named graph
 * ({@link #extract}). Extraction ({@link Extraction#facts}) finds the facts; the model
 * ({@link RdfMapper}) writes them in the ontology's terms. Documents are independent: what
 * depends on the whole corpus (the canonical titles) is computed later, once, by the store.
 *
 * @param fileName  the source file's name
 * @param graphName the IRI of the named graph the model belongs in ({@code Iris.graph(fileName)})
 * @param model     the triples extracted from the document
 * @param warnings  one line each, for the user (e.g. "no meeting sentence found")
 */
public record ExtractedDocument(String fileName, String graphName, Model model, List<String> warnings) {

    /** Extracts one document, and its sentences ({@link SentenceNodes}), into the named graph {@code Iris.graph(fileName)}. Thread-safe. */
    public static ExtractedDocument extract(SourceText source) {
        Objects.requireNonNull(source, "source");
        Facts.Document d = Extraction.facts(source);
        Model model = RdfMapper.toModel(d);
        SentenceNodes.add(model, source.fileName(), d.wholeText());
        return new ExtractedDocument(source.fileName(), Iris.graph(source.fileName()), model, d.warnings());
    }

    /**
     * Writes documents, one named graph each, as TriG ({@link Lang#TRIG}) or N-Quads
     * ({@link Lang#NQUADS}), with the prefixes of docs/MODEL.md; what {@code scokg extract}
     * prints. The documents are copied into one in-memory dataset first (TriG groups by graph).
     */
    public static void write(List<ExtractedDocument> docs, Lang lang, OutputStream out) {
        Objects.requireNonNull(docs, "docs");
        if (!Lang.TRIG.equals(lang) && !Lang.NQUADS.equals(lang))
            throw new IllegalArgumentException("documents are written as TriG or N-Quads, not " + lang);
        DatasetGraph ds = DatasetGraphFactory.create();
        Prefixes.standard().getNsPrefixMap().forEach(ds.prefixes()::add);
        for (ExtractedDocument d : docs) {
            Node g = NodeFactory.createURI(d.graphName());
            d.model().getGraph().find().forEachRemaining(t -> ds.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        }
        RDFDataMgr.write(out, ds, Lang.TRIG.equals(lang) ? RDFFormat.TRIG_BLOCKS : RDFFormat.NQUADS);
    }
}
