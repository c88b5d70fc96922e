package org.scokg.extract;

import java.util.List;

import org.apache.jena.rdf.model.Model;

/**
 * What extraction made of one source document.
 *
 * @param fileName  the source file's name
 * @param graphName the IRI of the named graph the model belongs in
 * @param model     the triples extracted from the document
 * @param warnings  one line each, for the user (e.g. "no meeting sentence found")
 */
public record ExtractedDocument(String fileName, String graphName, Model model, List<String> warnings) {}
