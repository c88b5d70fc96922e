package org.scokg.text;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReaderTest {
    static final String TEXT = "上海合作组织\r\n成员国《宪章》\rend\n";

    @TempDir Path dir;

    Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test void utf8WithoutBomKeepsLineEnds() throws Exception {
        var o = new SourceReader().read(write("a.txt", TEXT.getBytes(StandardCharsets.UTF_8)));
        assertFalse(o.skipped());
        assertEquals(TEXT, o.text().text());
        assertEquals("a.txt", o.text().fileName());
        assertEquals("UTF-8", o.encoding());
    }

    @Test void utf8WithBomDropsBom() throws Exception {
        byte[] b = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8));
        assertEquals(TEXT, new SourceReader().read(write("b.txt", b)).text().text());
    }

    @Test void utf16LeAndBeWithBom() throws Exception {
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE));
        var r = new SourceReader();
        assertEquals(TEXT, r.read(write("le.txt", le)).text().text());
        assertEquals(TEXT, r.read(write("be.txt", be)).text().text());
        assertEquals("UTF-16BE (BOM)", r.read(dir.resolve("be.txt")).encoding());
    }

    @Test void gb18030Fallback() throws Exception {
        byte[] gb = TEXT.getBytes(Charset.forName("GB18030"));
        var o = new SourceReader().read(write("gb.txt", gb));
        assertEquals(TEXT, o.text().text());
        assertEquals("GB18030", o.encoding());
    }

    @Test void binaryIsRefusedWithFileName() {
        byte[] bin = {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02};
        var e = assertThrows(SourceException.class, () -> new SourceReader().read(write("x.txt", bin)));
        assertTrue(e.getMessage().contains("x.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test void controlCharactersAreRefused() {
        byte[] ctl = new byte[40];
        for (int i = 0; i < ctl.length; i++) ctl[i] = (byte) (i % 2 == 0 ? 0x01 : 'a');
        assertThrows(SourceException.class, () -> new SourceReader().read(write("ctl.txt", ctl)));
    }

    @Test void undecodableIsRefused() {
        // a lone UTF-8 continuation byte followed by an invalid GB18030 sequence
        byte[] bad = {'a', (byte) 0x80, (byte) 0xFF, 'b'};
        var e = assertThrows(SourceException.class, () -> new SourceReader().read(write("bad.txt", bad)));
        assertTrue(e.getMessage().contains("bad.txt") && e.getMessage().contains("decode"), e.getMessage());
    }

    @Test void emptyAndBlankAreSkipped() throws Exception {
        var r = new SourceReader();
        var empty = r.read(write("e.txt", new byte[0]));
        assertTrue(empty.skipped());
        assertEquals("empty", empty.skipReason());
        assertTrue(r.read(write("w.txt", " \n\t\r\n　".getBytes(StandardCharsets.UTF_8))).skipped());
    }

    @Test void oversizeIsRefused() throws Exception {
        Path p = write("big.txt", "0123456789".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(SourceException.class, () -> new SourceReader(5).read(p));
        assertTrue(e.getMessage().contains("too large") && e.getMessage().contains("big.txt"), e.getMessage());
        assertEquals(10, new SourceReader(10).read(p).text().text().length());
        assertThrows(IllegalArgumentException.class, () -> new SourceReader(0));
    }

    @Test void fileNameWithSpacesAndChinese() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("子 目录"));
        Path p = sub.resolve("上合 宣言 2023.txt");
        Files.writeString(p, TEXT, StandardCharsets.UTF_8);
        var o = new SourceReader().read(p);
        assertEquals("上合 宣言 2023.txt", o.text().fileName());
    }

    @Test void missingFileIsASourceException() {
        var e = assertThrows(SourceException.class, () -> new SourceReader().read(dir.resolve("nope.txt")));
        assertTrue(e.getMessage().contains("nope.txt"));
    }

    @Test void walkerIsSortedSkipsHiddenAndBinaryExtensions() throws Exception {
        Files.createDirectories(dir.resolve("b/.hidden"));
        Files.writeString(dir.resolve("b/z.txt"), "z");
        Files.writeString(dir.resolve("b/a.md"), "a");
        Files.writeString(dir.resolve("b/README"), "r");
        Files.writeString(dir.resolve("b/.secret.txt"), "s");
        Files.writeString(dir.resolve("b/.hidden/h.txt"), "h");
        Files.write(dir.resolve("b/pic.png"), new byte[] {1});
        Files.write(dir.resolve("b/lib.jar"), new byte[] {1});
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("a/x.html"), "x");
        var l = InputWalker.walk(List.of(dir.resolve("b"), dir.resolve("a"), dir.resolve("missing")));
        List<String> names = l.files().stream().map(p -> dir.relativize(p).toString()).toList();
        assertEquals(List.of("b/README", "b/a.md", "b/z.txt", "a/x.html"), names);
        assertEquals(1, l.failures().size());
        assertTrue(l.failures().get(0).message().contains("missing"));
    }
}
