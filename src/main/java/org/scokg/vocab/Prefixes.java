package org.scokg.vocab;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;

/** The prefixes of docs/MODEL.md, used when writing Turtle, TriG and JSON-LD. */
public final class Prefixes {
    private Prefixes() {}

    /** A fresh, locked mapping: sco, id (the current {@link Iris#base()}), schema, org, dct, skos, prov, nif, owl, rdf, rdfs, xsd. */
    public static PrefixMapping standard() {
        PrefixMapping pm = PrefixMapping.Factory.create();
        pm.setNsPrefix("sco", Sco.NS);
        pm.setNsPrefix("id", Iris.base());
        pm.setNsPrefix("schema", Sco.SCHEMA);
        pm.setNsPrefix("org", Sco.ORG);
        pm.setNsPrefix("dct", Sco.DCT);
        pm.setNsPrefix("skos", Sco.SKOS);
        pm.setNsPrefix("prov", Sco.PROV);
        pm.setNsPrefix("nif", Sco.NIF);
        pm.setNsPrefix("owl", OWL.getURI());
        pm.setNsPrefix("rdf", RDF.getURI());
        pm.setNsPrefix("rdfs", RDFS.getURI());
        pm.setNsPrefix("xsd", XSD.getURI());
        return pm.lock();
    }
}
