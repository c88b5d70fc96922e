package org.scokg.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scokg.vocab.Iris;

/** The global {@code --base} option (docs/MODEL.md: IRI patterns). */
class BaseOptionTest {
    @AfterEach
    void reset() {
        Iris.setBase(Iris.DEFAULT_BASE);
    }

    @Test
    void baseChangesTheMintedIris() {
        CliRun r = CliRun.run("--base", "http://example.org/kg/", "extract", "seeds/000_4d1f60703d6d6267.txt");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("<http://example.org/kg/meeting/"), r.out().substring(0, Math.min(2000, r.out().length())));
        assertFalse(r.out().contains(Iris.DEFAULT_BASE + "meeting/"));
    }

    @Test
    void baseIsAlsoAcceptedAfterTheCommand() {
        CliRun r = CliRun.run("extract", "--base", "http://example.org/kg2/", "seeds/000_4d1f60703d6d6267.txt");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("http://example.org/kg2/"));
    }

    @Test
    void aBadBaseIsAUsageError() {
        CliRun r = CliRun.run("--base", "not-an-iri", "extract", "seeds");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("scokg: error: base IRI must be"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
