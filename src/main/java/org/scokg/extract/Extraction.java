package org.scokg.extract;

import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.vocabulary.RDF;
import org.scokg.model.Iris;
import org.scokg.model.Sco;
import org.scokg.text.SourceText;

/** The one door into extraction: a decoded source text in, its named graph out. Thread-safe. */
public final class Extraction {
    private Extraction() {}

    // TEMPORARY skeleton: replaced by the rule-based pipeline.
    public static ExtractedDocument extract(SourceText source) {
        Model m = ModelFactory.createDefaultModel();
        m.createResource(Iris.source(source.fileName()))
         .addProperty(RDF.type, Sco.SourceText)
         .addProperty(Sco.fileName, source.fileName());
        return new ExtractedDocument(source.fileName(), Iris.graph(source.fileName()), m, List.of());
    }
}
