package org.scokg.extract;

import java.util.List;

import org.scokg.extract.Dates.Range;
import org.scokg.extract.Dates.TypedDate;
import org.scokg.normalize.NormalizedText;

/**
 * What extraction found in one document, before it becomes RDF. Offsets are code points
 * of the original text; every fact carries the rule that produced it and its sentence.
 */
public final class Facts {
    private Facts() {}

    /** Where a fact came from. */
    public record Provenance(String rule, int begin, int end, String sentence) {}

    /** A person, identified by affiliation and name. */
    public record PersonRef(String key, String name) {}

    /** A place named in the text: a gazetteer IRI, or one minted for a name it lacks. */
    public record PlaceRef(String iri, String label, boolean known) {}

    /**
     * The meeting a document reports.
     *
     * @param councilIri   the council (a gazetteer entry, or minted and listed as {@link Unresolved})
     * @param councilKey   the last segment of the council's IRI (heads-of-state, council-…)
     * @param councilLabel the council's preferred label, or its name as written when minted
     * @param label        the meeting's label: the council's, its ordinal, 会议
     */
    public record Meeting(String councilIri, String councilKey, String councilLabel, String label, Integer ordinal,
                          Range dates, PlaceRef place, boolean online, Provenance provenance) {}

    /**
     * Who chaired the meeting.
     *
     * @param person   the chair, or null when the text names only the chairing state (会议由中方主持)
     * @param stateIri the state (or organisation) the chair represents
     * @param title    the chair's title as written, or null
     */
    /**
     * Who chaired the meeting: the person (null when the text names only a state), what they
     * represent (a state or a body), and the state of the chair (null when none can be told:
     * a body's officer who holds no state's chair).
     */
    public record Chair(PersonRef person, String representsIri, String stateIri, String title, Provenance provenance) {
        Chair withState(String state) { return new Chair(person, representsIri, state, title, provenance); }
    }

    public record Attendance(PersonRef person, String representsIri, String title, String capacity, String mode,
                             Provenance provenance) {}

    public record Chairmanship(String stateIri, Integer fromYear, Integer toYear, String status, String ofIri,
                               Provenance provenance) {}

    public record NextMeeting(String councilIri, int year, String hostStateIri, Provenance provenance) {}

    /**
     * One 《…》 in the text.
     *
     * @param nestedIn index in the mention list of the enclosing title, or -1
     */
    public record Mention(String surface, String anchor, String key, int begin, int end, int nestedIn,
                          String action, TypedDate date, PlaceRef place, Provenance provenance) {}

    /**
     * An event the text cites (a ministerial meeting, a forum), of a series.
     *
     * @param seriesName the name without its ordinal, the key of the series
     */
    public record Event(String name, String seriesName, Integer ordinal, Range dates, PlaceRef place, boolean online,
                        Provenance provenance) {}

    /**
     * A reference made without a name: 中方 (a state), 该协定 (a document just cited),
     * 团长们 (the heads of delegation of the reported meeting).
     *
     * @param targetIri what it refers to
     * @param anchor    the characters as written
     */
    public record Reference(String targetIri, String anchor, Provenance provenance) {}

    /**
     * A state, organisation or council the text names but the gazetteer lacks: extracted all
     * the same under an IRI minted from its name, and flagged so that someone can add it.
     *
     * @param iri   the minted IRI
     * @param kind  {@code state}, {@code organisation} or {@code council}
     * @param label the name as written (simplified script)
     */
    public record Unresolved(String iri, String kind, String label) {}

    /**
     * Everything found in one document.
     *
     * @param wholeText the whole source text normalised as the rules read it, but with its
     *                  noise kept (what the full-text index shows): the normalisation extraction
     *                  made, handed on so that the model need not make it again
     */
    public record Document(String fileName, int characterCount, String title, TypedDate closingDate,
                           Meeting meeting, Chair chair, List<Attendance> attendances,
                           List<Chairmanship> chairmanships, List<NextMeeting> nextMeetings,
                           List<Mention> mentions, List<Event> events, List<Reference> references,
                           List<Unresolved> unresolved, List<String> warnings, NormalizedText wholeText) {}
}
