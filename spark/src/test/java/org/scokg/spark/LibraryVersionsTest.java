package org.scokg.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipFile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The job runs the product's classes (unpacked from target/scokg.jar) with libraries this
 * module declares itself: they must be the versions the product jar was built with.
 */
class LibraryVersionsTest {
    static final Path JAR = Path.of(System.getProperty("scokg.jar", "../target/scokg.jar"));

    @ParameterizedTest
    @CsvSource({"org.apache.jena, jena-arq", "org.apache.jena, jena-core", "com.hankcs, hanlp", "org.jsoup, jsoup",
                "org.apache.commons, commons-lang3", "commons-io, commons-io", "commons-codec, commons-codec",
                "org.apache.commons, commons-compress", "org.apache.commons, commons-collections4"})
    void theModuleUsesTheProductsVersion(String group, String artifact) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "the product jar is built first (mvn package at the root): " + JAR);
        String entry = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        Properties product = new Properties(), here = new Properties();
        try (ZipFile z = new ZipFile(JAR.toFile()); InputStream in = z.getInputStream(z.getEntry(entry))) {
            product.load(in);
        }
        // the module's class path: the library's own jar (other jars, Hadoop's client for one, carry shaded copies)
        var own = java.util.Collections.list(LibraryVersionsTest.class.getClassLoader().getResources(entry)).stream()
            .filter(u -> u.toString().contains("/" + artifact + "-")).toList();
        assertEquals(1, own.size(), own.toString());
        try (InputStream in = own.get(0).openStream()) {
            here.load(in);
        }
        assertEquals(product.getProperty("version"), here.getProperty("version"), group + ":" + artifact + " (spark/pom.xml)");
    }
}
