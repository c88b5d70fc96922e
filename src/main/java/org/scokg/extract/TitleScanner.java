package org.scokg.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Finds titles in 《…》 and the titles nested in them (〈…〉, or an OCR-style inner 《…》)
 * in one linear pass with a stack, so that unbalanced or deeply nested brackets cost no
 * more than the text's length. A title may not run past a sentence end (。) or over
 * {@value #MAX_TITLE} characters: an opening mark without its close is dropped and
 * reported.
 */
public final class TitleScanner {
    private TitleScanner() {}

    static final int MAX_TITLE = 160;

    /**
     * One title.
     *
     * @param open   index of the opening mark
     * @param close  index of the closing mark
     * @param parent index in the result list of the enclosing title, or -1
     */
    public record Span(int open, int close, int parent) {}

    /** The result: titles in order of their opening mark, and the unclosed opening marks. */
    public record Result(List<Span> spans, List<Integer> unclosed) {}

    public static Result scan(CharSequence text) {
        List<int[]> found = new ArrayList<>();   // open, close, depth
        List<Integer> unclosed = new ArrayList<>();
        Deque<int[]> stack = new ArrayDeque<>();  // open index, kind (0 = 《, 1 = 〈)
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!stack.isEmpty() && (c == '。' || i - stack.peekLast()[0] > MAX_TITLE)) {
                while (!stack.isEmpty()) unclosed.add(stack.removeLast()[0]);
            }
            if (c == '《' || c == '〈') {
                stack.addLast(new int[] {i, c == '《' ? 0 : 1});
            } else if (c == '》' || c == '〉') {
                if (stack.isEmpty()) continue;
                int kind = c == '》' ? 0 : 1;
                // A close of the wrong kind closes the nearest open of its kind, if any;
                // marks opened inside it and never closed are dropped.
                int[] open = null;
                for (var it = stack.descendingIterator(); it.hasNext(); ) {
                    int[] o = it.next();
                    if (o[1] == kind) { open = o; break; }
                }
                if (open == null) continue;
                while (stack.peekLast() != open) unclosed.add(stack.removeLast()[0]);
                stack.removeLast();
                found.add(new int[] {open[0], i, stack.size()});
            }
        }
        while (!stack.isEmpty()) unclosed.add(stack.removeLast()[0]);
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        // Titles are well nested, so one sweep in order of opening finds each one's parent:
        // the innermost earlier title that is still open.
        List<Span> spans = new ArrayList<>(found.size());
        Deque<Integer> open = new ArrayDeque<>();
        for (int k = 0; k < found.size(); k++) {
            int[] f = found.get(k);
            while (!open.isEmpty() && found.get(open.peekLast())[1] < f[0]) open.removeLast();
            spans.add(new Span(f[0], f[1], open.isEmpty() ? -1 : open.peekLast()));
            open.addLast(k);
        }
        // Empty titles (《》) carry nothing: drop them, re-pointing parents.
        List<Span> kept = new ArrayList<>();
        int[] newIndex = new int[spans.size()];
        for (int k = 0; k < spans.size(); k++) {
            Span s = spans.get(k);
            if (s.close() - s.open() <= 1) { newIndex[k] = -1; continue; }
            newIndex[k] = kept.size();
            kept.add(new Span(s.open(), s.close(), s.parent() < 0 ? -1 : newIndex[s.parent()]));
        }
        return new Result(kept, unclosed);
    }
}
