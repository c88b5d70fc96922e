package org.scokg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.scokg.model.SentenceNodes;
import org.scokg.normalize.NormalizedText;
import org.scokg.text.SourceReader;
import org.scokg.vocab.Sco;

/**
 * The comparison that chose the full-text analyser (docs/QUERIES.md, "Full-text search"): Lucene's
 * smartcn and HanLP's segmentation as {@link SentenceAnalyzer}'s words, and its own pairs of
 * characters (Lucene's CJK bigrams), on the sentences of seeds/ and src/test/resources/dev. A sentence is
 * relevant to a query when its text, as the rules read it, contains the query's (上海合作组织 read as
 * 上合组织); each query is a phrase, as the canned query {@code search} asks. Prints precision and
 * recall per query, the index size on disk and the time to index (best of 5).
 *
 * <p>Run from the repository root: {@code mvn -q -o test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt && java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * org.scokg.store.AnalyserComparison}
 */
public final class AnalyserComparison {
    static final List<String> QUERIES = List.of(
        "粮食安全", "糧食安全", "数字经济", "反恐", "电子商务", "人工智能", "禁毒", "减贫", "能源",
        "米舒斯京", "撒马尔罕", "比什凯克", "阿富汗", "上合组织", "上海合作组织", "上合组织成员国政府间国际道路运输便利化协定",
        "國際道路運輸便利化協定", "联合国2030年可持续发展议程", "关于粮食安全的声明", "地区反恐怖机构");

    public static void main(String[] args) throws Exception {
        List<String> sentences = sentences(List.of(Path.of("seeds"), Path.of("src/test/resources/dev")));
        System.out.println(sentences.size() + " sentences");
        Map<String, Supplier<Analyzer>> analysers = new LinkedHashMap<>();
        analysers.put("smartcn", () -> words(org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer::new));
        analysers.put("HanLP", () -> words(HanLpTokenizer::new));
        analysers.put("CJK bigrams (the index's)", SentenceAnalyzer::new);
        for (var a : analysers.entrySet()) {
            Path dir = Files.createTempDirectory("analyser");
            long best = Long.MAX_VALUE;
            for (int run = 0; run < 5; run++) best = Math.min(best, index(sentences, a.getValue().get(), dir));
            long size;
            try (Stream<Path> files = Files.list(dir)) {
                size = files.mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf("%n== %s: index %d KB, indexing %d ms%n", a.getKey(), size / 1024, best);
            int tp = 0, hits = 0, relevant = 0;
            try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
                IndexSearcher searcher = new IndexSearcher(reader);
                QueryParser parser = new QueryParser("text", a.getValue().get());
                for (String q : QUERIES) {
                    Set<Integer> truth = new HashSet<>(), found = new HashSet<>();
                    for (int i = 0; i < sentences.size(); i++) if (fold(sentences.get(i)).contains(fold(q))) truth.add(i);
                    for (ScoreDoc d : searcher.search(parseQuiet(parser, q), 100_000).scoreDocs)
                        found.add(searcher.storedFields().document(d.doc).getField("n").numericValue().intValue());
                    int t = (int) found.stream().filter(truth::contains).count();
                    tp += t;
                    hits += found.size();
                    relevant += truth.size();
                    if (System.getProperty("misses") != null)
                        truth.stream().filter(i -> !found.contains(i)).limit(3).forEach(i -> System.out.println("   missed: " + sentences.get(i)));
                    System.out.printf("%-28s relevant %4d found %4d  P %.3f R %.3f%n", q, truth.size(), found.size(),
                        found.isEmpty() ? 1.0 : (double) t / found.size(), truth.isEmpty() ? 1.0 : (double) t / truth.size());
                }
            }
            System.out.printf("all queries: P %.3f R %.3f%n", (double) tp / hits, (double) tp / relevant);
        }
    }

    /** Words cut by a segmenter instead of pairs of characters, after the same normalisation; punctuation dropped by smartcn's stop set, its place kept. */
    static Analyzer words(Supplier<org.apache.lucene.analysis.Tokenizer> segmenter) {
        return new Analyzer() {
            @Override protected java.io.Reader initReader(String field, java.io.Reader in) { return SentenceAnalyzer.normalised(in); }
            @Override protected TokenStreamComponents createComponents(String field) {
                var t = segmenter.get();
                return new TokenStreamComponents(t, new org.apache.lucene.analysis.LowerCaseFilter(
                    new org.apache.lucene.analysis.StopFilter(t, org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer.getDefaultStopSet())));
            }
        };
    }

    private static org.apache.lucene.search.Query parseQuiet(QueryParser parser, String q) {
        try {
            return parser.parse("\"" + q + "\"");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String fold(String s) {
        return NormalizedText.of(s, List.of()).text().replace("上海合作组织", "上合组织");
    }

    /** The time to index {@code sentences} into a fresh index at {@code dir}, in ms. */
    private static long index(List<String> sentences, Analyzer analyser, Path dir) throws IOException {
        long start = System.nanoTime();
        try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(analyser).setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            for (int i = 0; i < sentences.size(); i++) {
                Document d = new Document();
                d.add(new TextField("text", sentences.get(i), Field.Store.NO));
                d.add(new StoredField("n", i));
                w.addDocument(d);
            }
            w.commit();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The sco:text of every sentence of every text under {@code dirs}. */
    static List<String> sentences(List<Path> dirs) throws Exception {
        List<String> out = new ArrayList<>();
        SourceReader reader = new SourceReader();
        for (Path dir : dirs)
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    Model m = ModelFactory.createDefaultModel();
                    SentenceNodes.add(m, reader.read(f).text());
                    m.listObjectsOfProperty(Sco.text).forEachRemaining(o -> out.add(o.asLiteral().getLexicalForm()));
                }
            }
        return out;
    }
}
