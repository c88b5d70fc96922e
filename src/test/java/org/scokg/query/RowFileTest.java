package org.scokg.query;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RowFile}: rows written page by page come back as they were, by number. */
class RowFileTest {
    static final Var DOC = Var.alloc("doc"), TITLE = Var.alloc("title"), DATE = Var.alloc("date"), OFFSET = Var.alloc("offset");
    static final List<Var> VARS = List.of(DOC, TITLE, DATE, OFFSET);

    @TempDir Path tmp;

    static Binding row(Node doc, Node title, Node date, Node offset) {
        BindingBuilder b = BindingBuilder.create();
        if (doc != null) b.add(DOC, doc);
        if (title != null) b.add(TITLE, title);
        if (date != null) b.add(DATE, date);
        if (offset != null) b.add(OFFSET, offset);
        return b.build();
    }

    /** Terms of every kind the canned queries answer with, and text that TSV must escape. */
    static List<Binding> rows() {
        List<Binding> rows = new ArrayList<>();
        String[] titles = {"上海合作组织成员国政府间国际道路运输便利化协定", "tab\there", "line\nbreak", "quote \" and \\ backslash",
            "  spaces  ", "", "上合组织\r\n页眉"};
        for (int i = 0; i < 40; i++) {
            Node doc = NodeFactory.createURI("https://w3id.org/scokg/id/document/d" + i);
            Node title = i % 5 == 4 ? null : i % 3 == 0
                ? NodeFactory.createLiteralLang(titles[i % titles.length], i % 2 == 0 ? "zh" : "zh-Latn")
                : NodeFactory.createLiteralString(titles[i % titles.length]);
            Node date = switch (i % 4) {
                case 0 -> NodeFactory.createLiteralDT("2021-09-17", XSDDatatype.XSDdate);
                case 1 -> NodeFactory.createLiteralDT("2023-07", XSDDatatype.XSDgYearMonth);
                case 2 -> NodeFactory.createLiteralDT("2025", XSDDatatype.XSDgYear);
                default -> null;
            };
            Node offset = i % 7 == 6 ? NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)
                : NodeFactory.createLiteralDT(Integer.toString(i * 37), XSDDatatype.XSDinteger);
            rows.add(row(doc, title, date, offset));
        }
        return rows;
    }

    static RowFile write(Path file, List<Binding> rows, int pageSize) throws IOException {
        try (RowFile.Writer w = RowFile.create(file, VARS)) {
            for (int i = 0; i < rows.size(); i += pageSize) w.append(rows.subList(i, Math.min(rows.size(), i + pageSize)));
            return w.finish();
        }
    }

    @Test
    void everySliceIsTheRowsAsWritten() throws IOException {
        List<Binding> rows = rows();
        for (int pageSize : new int[] {1, 6, 40}) {
            try (RowFile f = write(tmp.resolve("rows-" + pageSize + ".tsv"), rows, pageSize)) {
                assertEquals(rows.size(), f.rows());
                assertEquals(List.of("doc", "title", "date", "offset"), f.vars());
                for (int from = 0; from <= rows.size(); from += 3)
                    for (int len : new int[] {0, 1, 5, 100})
                        assertEquals(rows.subList(from, Math.min(rows.size(), from + len)), f.read(from, from + len),
                            "written " + pageSize + " at a time; rows " + from + " +" + len);
            }
        }
    }

    @Test
    void rowsByNumberComeInTheirOrderWhetherAdjacentOrNot() throws IOException {
        List<Binding> rows = rows();
        try (RowFile f = write(tmp.resolve("numbers.tsv"), rows, 7)) {
            int[] numbers = {0, 1, 2, 5, 9, 10, 11, 39};
            List<Binding> expected = new ArrayList<>();
            for (int n : numbers) expected.add(rows.get(n));
            assertEquals(expected, f.read(numbers));
            assertEquals(List.of(rows.get(39)), f.read(new int[] {39}));
            assertEquals(List.of(), f.read(new int[0]));
            assertThrows(IllegalArgumentException.class, () -> f.read(new int[] {3, 2}), "not ascending");
            assertThrows(IllegalArgumentException.class, () -> f.read(new int[] {4, 4}), "twice");
            assertThrows(IllegalArgumentException.class, () -> f.read(new int[] {40}), "past the end");
        }
    }

    @Test
    void anEmptyAnswerHasNoRows() throws IOException {
        try (RowFile f = write(tmp.resolve("empty.tsv"), List.of(), 10)) {
            assertEquals(0, f.rows());
            assertEquals(List.of(), f.read(0, 10));
        }
    }

    @Test
    void blankNodesAreRefusedAndTheHalfWrittenFileIsDeleted() throws IOException {
        Path file = tmp.resolve("bnodes.tsv");
        try (RowFile.Writer w = RowFile.create(file, VARS)) {
            w.append(rows().subList(0, 3));
            Binding bnode = row(NodeFactory.createBlankNode(), null, null, null);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.append(List.of(bnode)));
            assertTrue(e.getMessage().contains("?doc"), e.getMessage());
        }
        assertFalse(Files.exists(file), "closed without finish: deleted");
    }

    @Test
    void closingDeletesTheFileAndLaterReadsFail() throws IOException {
        Path file = tmp.resolve("closed.tsv");
        RowFile f = write(file, rows(), 10);
        assertTrue(Files.size(file) > 0);
        f.close();
        assertFalse(Files.exists(file));
        assertThrows(IOException.class, () -> f.read(0, 5));
    }

    @Test
    void badSlicesAreRefused() throws IOException {
        try (RowFile f = write(tmp.resolve("bad.tsv"), rows(), 10)) {
            assertThrows(IllegalArgumentException.class, () -> f.read(-1, 3));
            assertThrows(IllegalArgumentException.class, () -> f.read(5, 3));
            assertEquals(List.of(), f.read(40, 45), "past the end: nothing");
        }
    }
}
