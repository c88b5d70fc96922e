package org.scokg.store;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.scokg.normalize.NormalizedText;

/**
 * The analyser of the full-text index, for the sentences indexed and for the queries: the text as
 * the rules read it ({@link NormalizedText}: traditional script folded to simplified, whitespace
 * dropped, punctuation and digits folded) with 上海合作组织 read as 上合组织, cut into overlapping
 * pairs of Chinese characters (Lucene's {@link CJKBigramFilter}; Latin words and numbers whole,
 * lower-cased). Punctuation is no token but leaves a gap, so a phrase never runs across it. A
 * phrase of pairs matches exactly where its characters stand in that order: a search finds every
 * sentence that holds it, whatever a word segmenter would have cut. The trade-off: a single
 * Chinese character finds only the sentences where it stands alone between punctuation. Why pairs
 * and not smartcn's or HanLP's words, measured: docs/QUERIES.md, "Full-text search".
 */
public final class SentenceAnalyzer extends Analyzer {
    @Override
    protected Reader initReader(String field, Reader in) { return normalised(in); }

    /** The text of {@code in} as the index reads it: as the rules read it, 上海合作组织 read as 上合组织. */
    public static Reader normalised(Reader in) {
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
        Tokenizer t = new StandardTokenizer();
        return new TokenStreamComponents(t, new GapAtPunctuation(new LowerCaseFilter(new CJKBigramFilter(t))));
    }

    /** One empty position where the text between two tokens (punctuation: the text has no whitespace) was skipped. */
    static final class GapAtPunctuation extends TokenFilter {
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private int lastEnd = -1;

        GapAtPunctuation(TokenStream in) { super(in); }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) return false;
            int start = offset.startOffset();
            if (lastEnd >= 0 && start > lastEnd) position.setPositionIncrement(position.getPositionIncrement() + 1);
            lastEnd = Math.max(lastEnd, offset.endOffset());
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            lastEnd = -1;
        }
    }
}
