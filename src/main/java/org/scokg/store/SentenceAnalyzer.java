package org.scokg.store;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.scokg.normalize.NormalizedText;

/**
 * The analyser of the full-text index, for the sentences indexed and for the queries: the text as
 * the rules read it ({@link NormalizedText}: traditional script folded to simplified, whitespace
 * dropped, punctuation and digits folded) with 上海合作组织 read as 上合组织, cut into words by
 * Lucene's smartcn ({@link HMMChineseTokenizer}); punctuation is dropped (its place kept, so a
 * phrase never runs across it) and Latin letters lower-cased. Why smartcn and not HanLP's
 * segmentation: docs/QUERIES.md, "Full-text search".
 */
public final class SentenceAnalyzer extends Analyzer {
    private final Supplier<Tokenizer> words;

    public SentenceAnalyzer() { this(HMMChineseTokenizer::new); }

    /** The same analysis with another word segmenter (the comparison in the tests). */
    public SentenceAnalyzer(Supplier<Tokenizer> words) { this.words = words; }

    @Override
    protected Reader initReader(String field, Reader in) {
        StringWriter text = new StringWriter();
        try {
            in.transferTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StringReader(NormalizedText.of(text.toString(), List.of()).text().replace("上海合作组织", "上合组织"));
    }

    @Override
    protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = words.get();
        return new TokenStreamComponents(t, new LowerCaseFilter(new StopFilter(t, SmartChineseAnalyzer.getDefaultStopSet())));
    }
}
