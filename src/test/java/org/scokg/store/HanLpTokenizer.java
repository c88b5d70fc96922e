package org.scokg.store;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Iterator;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * HanLP's segmentation (its default segmenter, with offsets) as a Lucene tokenizer: the
 * alternative to smartcn that {@link AnalyserComparison} measures. Every word is a token,
 * punctuation included (the analyser's stop filter drops it, as it does smartcn's).
 */
final class HanLpTokenizer extends Tokenizer {
    private static final Segment SEGMENT = HanLP.newSegment().enableOffset(true);
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private Iterator<Term> terms;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (terms == null) {
            StringWriter text = new StringWriter();
            input.transferTo(text);
            terms = SEGMENT.seg(text.toString()).iterator();
        }
        if (!terms.hasNext()) return false;
        Term t = terms.next();
        term.append(t.word);
        offset.setOffset(correctOffset(t.offset), correctOffset(t.offset + t.word.length()));
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        terms = null;
    }
}
