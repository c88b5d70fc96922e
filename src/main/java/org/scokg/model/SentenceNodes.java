package org.scokg.model;

import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.scokg.normalize.NormalizedText;
import org.scokg.text.SourceText;
import org.scokg.vocab.Iris;
import org.scokg.vocab.Sco;

/**
 * Every sentence of a source text as a {@code nif:Sentence}, for full-text search: its text as the
 * rules read it ({@link NormalizedText}: simplified script, no whitespace) in {@code sco:text}, and
 * the code-point offsets of its span in the original. A sentence ends after 。！？ (with the closing
 * quotes or brackets that follow) or at the end of a line, so a heading or a line of a list is one.
 * Extraction splits sentences for its rules too, joining lines wrapped inside a sentence; search
 * needs no more than this, and reading the text again here leaves extraction as it is.
 */
public final class SentenceNodes {
    private SentenceNodes() {}

    private static final String ENDS = "。！？", CLOSERS = "”’）」』";

    /** Adds the sentences of {@code source} to {@code m}, normalising its text first. */
    public static void add(Model m, SourceText source) {
        String text = source.text();
        add(m, source.fileName(), NormalizedText.of(text, NormalizedText.toSimplified(text), List.of()));
    }

    /**
     * Adds the sentences of a source text to {@code m}.
     *
     * @param fileName the source's file name
     * @param nt       its whole text normalised, no noise dropped ({@link org.scokg.extract.Facts.Document#wholeText})
     */
    public static void add(Model m, String fileName, NormalizedText nt) {
        String t = nt.text();
        Resource src = m.createResource(Iris.source(fileName));
        int start = 0;
        boolean stopped = false;
        for (int i = 0; i <= t.length(); i++) {
            if (i > start && (i == t.length() || nt.isLineStart(i) || stopped && CLOSERS.indexOf(t.charAt(i)) < 0)) {
                int begin = nt.codePointOffset(start);
                m.createResource(Iris.sentence(fileName, begin))
                    .addProperty(RDF.type, Sco.NifSentence)
                    .addProperty(Sco.referenceContext, src)
                    .addProperty(Sco.text, t.substring(start, i))
                    .addLiteral(Sco.beginIndex, m.createTypedLiteral(begin))
                    .addLiteral(Sco.endIndex, m.createTypedLiteral(nt.codePointOffset(i - 1) + 1));
                start = i;
            }
            stopped = i < t.length() && (ENDS.indexOf(t.charAt(i)) >= 0 || stopped && CLOSERS.indexOf(t.charAt(i)) >= 0);
        }
    }
}
