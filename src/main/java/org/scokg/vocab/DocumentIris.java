package org.scokg.vocab;

/**
 * The IRI of a named document, {@code id:document/SLUG}, minted from its title key
 * ({@code org.scokg.extract.TitleKey}): every spelling of one title that folds to one key is
 * one document.
 *
 * <p>Tuning the key function changes the IRI of every document whose key changes, so the
 * key function is versioned. {@link #KEY_VERSION} is written with every extraction
 * ({@code sco:titleKeyVersion} on its {@code sco:ExtractionActivity}); a test pins the seeds'
 * document IRIs under the current version ({@code src/test/resources/document-iris/seeds-vN.txt}),
 * so a change of the key that moves an IRI fails it until the version is raised, the new
 * IRIs are pinned in a file of their own and docs/MODEL.md says what the version changed.
 * Sources extracted under different versions cite one document under different IRIs: a
 * write that leaves the store with more than one version warns (rebuild them together).
 */
public final class DocumentIris {
    private DocumentIris() {}

    /** The version of the title key function the document IRIs are minted with (docs/MODEL.md). */
    public static final int KEY_VERSION = 2;

    /** The IRI of the document whose title key is {@code key}. */
    public static String of(String key) {
        return Iris.document(Slugs.documentSlug(key));
    }
}
