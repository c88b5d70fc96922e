package org.scokg.extract;

/**
 * The canonical key of a document title: what two spellings of one document have in
 * common. TEMPORARY skeleton: the document rules fill in the normalisation.
 */
public final class TitleKey {
    private TitleKey() {}

    /** The key of a title written any way (traditional script, variant wording, spaces, brackets). */
    public static String of(String title) {
        return title == null ? "" : title.replaceAll("\\s+", "");
    }
}
