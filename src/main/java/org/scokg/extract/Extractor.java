package org.scokg.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.hankcs.hanlp.HanLP;
import org.scokg.extract.Dates.Range;
import org.scokg.extract.Dates.TypedDate;
import org.scokg.extract.Facts.Attendance;
import org.scokg.extract.Facts.Chair;
import org.scokg.extract.Facts.Chairmanship;
import org.scokg.extract.Facts.Meeting;
import org.scokg.extract.Facts.Mention;
import org.scokg.extract.Facts.NextMeeting;
import org.scokg.extract.Facts.PersonRef;
import org.scokg.extract.Facts.PlaceRef;
import org.scokg.extract.Facts.Provenance;
import org.scokg.extract.Gazetteer.Entry;
import org.scokg.extract.Gazetteer.Kind;
import org.scokg.model.Iris;
import org.scokg.normalize.NormalizedText;
import org.scokg.rules.Rule;
import org.scokg.rules.RuleBook;
import org.scokg.rules.RuleMatch;
import org.scokg.text.SourceText;

/**
 * Turns one source text into {@link Facts.Document}: normalise, then run the rule groups
 * of {@code src/main/resources/rules/} in order — title and meeting, attendance, chair,
 * chairmanship, next meeting, document mentions — and resolve what they capture against
 * the gazetteer. The rules say what text means; this class only says what to do with a
 * match of each group. Immutable and thread-safe.
 */
public final class Extractor {
    static final String[] RULE_FILES = {
        "rules/pieces.rules", "rules/meeting.rules", "rules/attendance.rules",
        "rules/chairmanship.rules", "rules/mention.rules", "rules/event.rules", "rules/coref.rules"};

    private static final Map<String, String> VERBS = Map.of(
        "签署", "signed", "通过", "adopted", "批准", "approved", "发表", "issued", "发布", "issued");

    /** The ordinal inside an event name: 第八次, 第三届, 首次, 首届, 例行. */
    private static final java.util.regex.Pattern ORDINAL =
        java.util.regex.Pattern.compile("第([0-9一二三四五六七八九十百零〇]{1,6})[次届]|首次|首届|例行");

    /** A full date in the signature block: 2023年10月26日 or 二〇二一年十一月二十五日. */
    private static final java.util.regex.Pattern CLOSING_DATE = java.util.regex.Pattern.compile(
        "([12][0-9]{3}|[〇零一二][〇零一二三四五六七八九]{3})年([0-9]{1,2}|十[一二]?|[一二三四五六七八九])月([0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日");

    private final Gazetteer gazetteer;
    private final RuleBook rules;
    private final RuleBook noise;

    public Extractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.rules = RuleBook.fromClasspath(gazetteer.lexicons(), RULE_FILES);
        this.noise = RuleBook.fromClasspath(Map.of(), "rules/noise.rules");
    }

    /** The rules this extractor runs (for listing and for the rule-example tests). */
    public RuleBook rules() { return rules; }

    public RuleBook noiseRules() { return noise; }

    public Facts.Document extract(SourceText source) {
        String original = source.text();
        List<int[]> noiseSpans = new ArrayList<>();
        // Noise rules are written in simplified script; the conversion keeps offsets.
        String simplified = NormalizedText.toSimplified(original);
        for (RuleMatch m : noise.findAll(Set.of("noise"), simplified, 0)) noiseSpans.add(new int[] {m.start(), m.end()});
        NormalizedText nt = NormalizedText.of(original, noiseSpans);
        return new Run(source.fileName(), nt).extract();
    }

    /** The state of one extraction: the text, its sentences, and what was found so far. */
    private final class Run {
        final String fileName;
        final NormalizedText nt;
        final String text;
        final List<int[]> sentences;
        final List<String> warnings = new ArrayList<>();
        /** The normalised index of each mention's opening mark, in mention order. */
        final List<Integer> mentionAt = new ArrayList<>();

        Run(String fileName, NormalizedText nt) {
            this.fileName = fileName;
            this.nt = nt;
            this.text = nt.text();
            this.sentences = Sentences.split(nt);
        }

        Facts.Document extract() {
            String title = first("title", text.substring(0, Math.min(text.length(), 200)), "title");
            Meeting meeting = meeting();
            List<Attendance> attendances = meeting == null ? List.of() : attendances(meeting);
            Chair chair = meeting == null ? null : chair(attendances);
            List<Chairmanship> chairmanships = chairmanships();
            List<NextMeeting> next = nextMeetings();
            List<Mention> mentions = mentions(meeting);
            TypedDate closing = closingDate();
            List<Facts.Event> events = events(meeting);
            List<Facts.Reference> references = references(meeting, mentions);
            if (meeting == null) warnings.add(fileName + ": no meeting sentence found");
            if (meeting == null && mentions.isEmpty() && chairmanships.isEmpty())
                warnings.add(fileName + ": no facts found; is this a document of the genre?");
            return new Facts.Document(fileName, original().codePointCount(0, original().length()), title, closing,
                meeting, chair, attendances, chairmanships, next, mentions, events, references, warnings);
        }

        String original() { return nt.original(); }

        String first(String group, String in, String groupName) {
            RuleMatch m = rules.findFirst(Set.of(group), in, 0);
            return m == null ? null : m.group(groupName);
        }

        Provenance prov(RuleMatch m) {
            int[] s = sentenceAt(m.start());
            return new Provenance(m.rule().name(), nt.codePointOffset(m.start()), nt.codePointOffset(m.end()),
                text.substring(s[0], s[1]));
        }

        /** The sentence holding index {@code i}: a binary search over the ordered spans. */
        int[] sentenceAt(int i) {
            int lo = 0, hi = sentences.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int[] s = sentences.get(mid);
                if (i < s[0]) hi = mid - 1;
                else if (i >= s[1]) lo = mid + 1;
                else return s;
            }
            return new int[] {Math.max(0, i), Math.min(text.length(), i + 1)};
        }

        // ------------------------------------------------------------ meeting
        Meeting meeting() {
            RuleMatch m = rules.findFirst(Set.of("meeting"), text, 0);
            if (m == null) return null;
            Entry council = gazetteer.lookup(m.group("council"));
            Range dates = Dates.parse(m.group("date"));
            if (council == null || dates == null) return null;
            Integer ordinal = m.group("ordinal") == null ? null : ChineseNumerals.parse(m.group("ordinal"));
            boolean online = m.group("online") != null;
            PlaceRef place = online ? null : place(m.group("venue"));
            String councilKey = council.iri().substring(council.iri().lastIndexOf('/') + 1);
            String label = council.label() + (m.group("ordinal") != null ? "第" + m.group("ordinal") + "次会议" : "会议");
            return new Meeting(council.iri(), councilKey, label, ordinal, dates, place, online, prov(m));
        }

        PlaceRef place(String name) {
            if (name == null || name.isEmpty()) return null;
            Entry e = gazetteer.lookup(name);
            if (e != null && (e.kind() == Kind.CITY || e.kind() == Kind.STATE)) return new PlaceRef(e.iri(), e.label(), true);
            String bare = name.endsWith("市") && name.length() > 2 ? name.substring(0, name.length() - 1) : name;
            e = gazetteer.lookup(bare);
            if (e != null) return new PlaceRef(e.iri(), e.label(), true);
            warnings.add(fileName + ": place '" + name + "' is not in the gazetteer; minted a new place");
            return new PlaceRef(Iris.place(org.scokg.model.Slugs.pinyin(bare)), bare, false);
        }

        // ------------------------------------------------------------ attendance
        List<Attendance> attendances(Meeting meeting) {
            Map<String, Attendance> byKey = new LinkedHashMap<>();
            int year = meeting.dates().start().year();
            int lastStop = 0;
            for (int[] s : sentences) {
                String sentence = text.substring(s[0], s[1]);
                RuleMatch verb = rules.findFirst(Set.of("attendance"), sentence, s[0]);
                if (verb == null) continue;
                String mode = verb.text().startsWith("列席") ? "sat-in" : "attended";
                collect(sentence, s[0], year, mode, "", byKey);
            }
            // The signature block: what follows the last full stop.
            for (int[] s : sentences) if (text.charAt(s[1] - 1) == '。') lastStop = s[1];
            if (lastStop < text.length()) {
                String tail = text.substring(lastStop);
                collect(tail, lastStop, year, "attended", "signature/", byKey);
            }
            return new ArrayList<>(byKey.values());
        }

        void collect(String sentence, int base, int year, String mode, String rulePrefix, Map<String, Attendance> out) {
            String marker = null;
            for (RuleMatch m : rules.findAll(Set.of("attendee", "capacity"), sentence, base)) {
                if (m.rule().group().equals("capacity")) {
                    marker = m.attribute("capacity", null);
                    continue;
                }
                if (m.group("unknown") != null) {
                    // A known state matches the longer, earlier-listed rules; this is one the gazetteer lacks.
                    if (gazetteer.lookup(m.group("unknown")) == null)
                        warnings.add(fileName + ": delegate " + m.group("name") + " of unknown state '" + m.group("unknown")
                            + "' skipped; add the state to ontology/gazetteer.ttl");
                    continue;
                }
                Provenance p = prov(m);
                p = new Provenance(rulePrefix + p.rule(), p.begin(), p.end(), p.sentence());
                String title = m.group("title");
                String name = m.group("name");
                if (m.group("states") != null || m.group("orgs") != null) {
                    String list = m.group("states") != null ? m.group("states") : m.group("orgs");
                    // Split by the names themselves, not by 、和及: 埃及 contains 及.
                    java.util.regex.Matcher items = gazetteer.namePattern().matcher(list);
                    while (items.find()) {
                        Entry e = gazetteer.lookup(items.group());
                        if (e == null) continue;
                        String cap = capacity(e, marker, year);
                        String key = (e.kind() == Kind.STATE ? "state-" : "org-") + slugOf(e);
                        out.putIfAbsent(key, new Attendance(null, e.iri(), title, cap, mode, p));
                    }
                    continue;
                }
                Entry e = m.group("state") != null ? gazetteer.lookup(m.group("state"))
                    : m.group("org") != null ? gazetteer.lookup(m.group("org"))
                    : gazetteer.org(m.attribute("org", ""));
                if (e == null || name == null) continue;
                PersonRef person = person(e, name);
                out.putIfAbsent(person.key(), new Attendance(person, e.iri(), title, capacity(e, marker, year), mode, p));
            }
        }

        String capacity(Entry e, String marker, int year) {
            return switch (e.kind()) {
                case SCO_BODY, SCO, COUNCIL -> "sco_body";
                case ORGANISATION, CITY -> "organization";
                case STATE -> {
                    if (marker != null) yield marker;
                    if (e.memberSince() > 0 && e.memberSince() <= year) yield "member";
                    if (e.observerSince() > 0 && e.observerSince() <= year) yield "observer";
                    yield "guest";
                }
            };
        }

        PersonRef person(Entry affiliation, String name) {
            String clean = NormalizedText.toSimplified(name.replace("•", "·"));
            // The name's hash after its pinyin: homophones (罗娥, 洛鄂) are different people.
            return new PersonRef(slugOf(affiliation).toLowerCase(java.util.Locale.ROOT) + "-" + org.scokg.model.Slugs.pinyin(clean)
                + "-" + org.scokg.model.Slugs.sha1Prefix(clean), clean);
        }

        String slugOf(Entry e) {
            if (e.kind() == Kind.STATE) return e.isoCode().toLowerCase(java.util.Locale.ROOT);
            return e.iri().substring(e.iri().lastIndexOf('/') + 1);
        }

        // ------------------------------------------------------------ chair
        Chair chair(List<Attendance> attendances) {
            RuleMatch m = rules.findFirst(Set.of("chair"), text, 0);
            if (m == null) return null;
            Entry state = gazetteer.lookup(m.group("state"));
            if (state == null) return null;
            if (m.group("name") != null)
                return new Chair(person(state, m.group("name")), state.iri(), m.group("title"), prov(m));
            // Named by state and title only: the attendee list says who that is.
            for (Attendance a : attendances)
                if (a.person() != null && a.representsIri().equals(state.iri()))
                    return new Chair(a.person(), state.iri(), m.group("title"), prov(m));
            warnings.add(fileName + ": the chair (" + m.text() + ") is not in the attendee list");
            return null;
        }

        // ------------------------------------------------------------ chairmanship, next meeting
        List<Chairmanship> chairmanships() {
            List<Chairmanship> out = new ArrayList<>();
            for (RuleMatch m : rules.findAll(Set.of("chairmanship"), text, 0)) {
                Entry state = gazetteer.lookup(m.group("state"));
                if (state == null) continue;
                String of = m.group("council") != null ? iriOf(m.group("council")) : gazetteer.org(m.attribute("of", "sco")).iri();
                out.add(new Chairmanship(state.iri(), year(m.group("from")), year(m.group("to")),
                    m.attribute("status", "incoming"), of, prov(m)));
            }
            return out;
        }

        String iriOf(String spelling) {
            Entry e = gazetteer.lookup(spelling);
            return e == null ? null : e.iri();
        }

        Integer year(String s) {
            if (s == null) return null;
            int y = ChineseNumerals.parseYear(s);
            return y > 0 ? y : null;
        }

        List<NextMeeting> nextMeetings() {
            List<NextMeeting> out = new ArrayList<>();
            for (RuleMatch m : rules.findAll(Set.of("next"), text, 0)) {
                Integer y = year(m.group("year"));
                if (y == null) continue;
                Entry host = gazetteer.lookup(m.group("host"));
                String hostState = host == null ? null : host.kind() == Kind.STATE ? host.iri() : host.stateIri();
                out.add(new NextMeeting(m.group("council") == null ? null : iriOf(m.group("council")), y, hostState, prov(m)));
            }
            return out;
        }

        // ------------------------------------------------------------ cited events
        List<Facts.Event> events(Meeting meeting) {
            List<Facts.Event> out = new ArrayList<>();
            for (RuleMatch m : rules.findAll(Set.of("event"), text, 0)) {
                Range dates = Dates.parse(m.group("date"));
                if (dates == null) continue;
                String name = m.group("name");
                // The reported meeting cites itself in no way worth a second entity.
                if (meeting != null && meeting.dates().start().equals(dates.start()) && name.contains("理事会")) continue;
                java.util.regex.Matcher ord = ORDINAL.matcher(name);
                Integer ordinal = null;
                if (ord.find() && ord.group(1) != null) ordinal = ChineseNumerals.parse(ord.group(1));
                else if (name.contains("首次") || name.contains("首届")) ordinal = 1;
                String series = ORDINAL.matcher(name).replaceAll("").replace("上海合作组织", "上合组织");
                boolean online = m.group("online") != null;
                out.add(new Facts.Event(name, series, ordinal, dates, online ? null : place(m.group("venue")), online, prov(m)));
            }
            return out;
        }

        // ------------------------------------------------------------ references without a name
        List<Facts.Reference> references(Meeting meeting, List<Mention> mentions) {
            List<Facts.Reference> out = new ArrayList<>();
            for (RuleMatch m : rules.findAll(Set.of("coref"), text, 0)) {
                String target = switch (m.rule().name()) {
                    case "coref.state-side" -> {
                        Entry e = gazetteer.byShortName(m.group("short"));
                        yield e == null ? null : e.iri();
                    }
                    case "coref.heads-of-delegation" -> meeting == null ? null
                        : org.scokg.model.Iris.meeting(meeting.councilKey(), meeting.dates().start().lexical());
                    default -> documentJustCited(m, mentions);
                };
                if (target != null) out.add(new Facts.Reference(target, nt.originalSpan(m.start(), m.end()), prov(m)));
            }
            return out;
        }

        /**
         * The one document cited in this sentence or the one before, before the anaphor, whose
         * genre word fits it (文件 fits any); null when none or several fit.
         */
        String documentJustCited(RuleMatch m, List<Mention> mentions) {
            String head = TitleKey.of(m.group("head"));
            String key = onlyKeyCitedJustBefore(m.start(), mentions,
                k -> head.equals("文件") || k.replaceAll("（[^）]*）$", "").endsWith(head));
            return key == null ? null : org.scokg.model.Iris.document(org.scokg.model.Slugs.documentSlug(key));
        }

        /**
         * The key of the one top-level title cited before {@code at}, in its sentence or the one
         * before, that {@code fits}; null when none or several distinct keys fit.
         */
        String onlyKeyCitedJustBefore(int at, List<Mention> mentions, java.util.function.Predicate<String> fits) {
            int[] here = sentenceAt(at);
            int from = here[0] > 0 ? sentenceAt(here[0] - 1)[0] : here[0];
            java.util.Set<String> keys = new java.util.LinkedHashSet<>();
            for (int i = 0; i < mentions.size(); i++) {
                int cited = mentionAt.get(i);
                Mention x = mentions.get(i);
                if (cited < from || cited >= at || x.nestedIn() >= 0) continue;
                if (fits.test(x.key())) keys.add(x.key());
            }
            return keys.size() == 1 ? keys.iterator().next() : null;
        }

        // ------------------------------------------------------------ mentions
        List<Mention> mentions(Meeting meeting) {
            TitleScanner.Result scan = TitleScanner.scan(text);
            for (int u : scan.unclosed())
                warnings.add(fileName + ": unclosed title mark at offset " + nt.codePointOffset(u) + " ignored");
            List<Mention> out = new ArrayList<>();
            int previousEnd = 0;
            for (TitleScanner.Span s : scan.spans()) {
                String surface = NormalizedText.toSimplified(asWritten(s.open() + 1, s.close()));
                String anchor = nt.originalSpan(s.open(), s.close() + 1);
                String action = "none";
                TypedDate date = null;
                PlaceRef place = null;
                String rule = "mention.title";
                int[] sentence = sentenceAt(s.open());
                int to = Math.min(Math.min(text.length(), sentence[1] + 1), s.close() + 1 + 60);
                String after = text.substring(s.close() + 1, Math.max(s.close() + 1, to));
                String before = "";
                if (s.parent() < 0) {
                    int from = Math.max(Math.max(sentence[0], previousEnd), s.open() - 80);
                    before = text.substring(from, s.open());
                    previousEnd = s.close() + 1;
                } else {
                    // A nested title reads only what its container says right after it.
                    after = text.substring(s.close() + 1, scan.spans().get(s.parent()).close());
                }
                RuleMatch b = firstOf(false, before);
                RuleMatch a = firstOf(true, after);
                if (b != null || a != null) {
                    rule = b != null && a != null ? b.rule().name() + "+" + a.rule().name() : (b != null ? b : a).rule().name();
                    String verb = b != null && b.group("verb") != null ? b.group("verb") : a != null ? a.group("verb") : null;
                    if (verb != null) action = VERBS.getOrDefault(verb, "none");
                    RuleMatch dated = a != null && a.group("date") != null ? a : b != null && b.group("date") != null ? b : null;
                    if (dated != null) {
                        // An act on a range of days happened on one of them: keep what the range supports.
                        Range r = Dates.parse(dated.group("date"));
                        if (r != null) date = meetingDate(r);
                        place = place(dated.group("venue") != null ? dated.group("venue") : dated.group("place"));
                    } else if (b != null && "meeting".equals(b.attribute("when", null)) && meeting != null) {
                        date = meetingDate(meeting.dates());
                        place = meeting.place();
                    }
                }
                mentionAt.add(s.open());
                Provenance p = new Provenance(rule, nt.codePointOffset(s.open()), nt.codePointOffset(s.close()) + 1,
                    text.substring(sentence[0], sentence[1]));
                String key = TitleKey.of(surface);
                if (s.parent() < 0) {
                    String longer = titleShortened(key, s.open(), out);
                    if (longer != null) {
                        key = longer;
                        p = new Provenance(rule + "+short-title.back-reference", p.begin(), p.end(), p.sentence());
                    }
                }
                out.add(new Mention(surface, anchor, key, p.begin(), p.end(), s.parent(),
                    action, date, place, p));
            }
            return out;
        }

        /**
         * The key of the one title cited in this sentence or the one before whose short form
         * {@code key} is (rule short-title.back-reference: 《日历》 for 《上合组织文化交流日历》);
         * null when {@code key} is not a short form or when none or several titles fit.
         */
        String titleShortened(String key, int open, List<Mention> earlier) {
            Rule shortForm = rules.rule("short-title.back-reference");
            if (shortForm == null || RuleBook.find(shortForm, key, 0) == null) return null;
            return onlyKeyCitedJustBefore(open, earlier, k -> k.length() > key.length() && k.endsWith(key));
        }

        /** The first mention rule of one side: "after" rules start with ^, "before" rules end with $. */
        RuleMatch firstOf(boolean afterSide, String window) {
            if (window.isEmpty()) return null;
            for (var r : rules.group(Set.of("mention"))) {
                if (r.source().startsWith("^") != afterSide) continue;
                RuleMatch m = RuleBook.find(r, window, 0);
                if (m != null) return m;
            }
            return null;
        }

        /**
         * The date of an act during a meeting or a range of days, as precise as the text
         * allows: the day of a one-day meeting, else the month (or year) its days share.
         */
        TypedDate meetingDate(Range dates) {
            TypedDate s = dates.start(), e = dates.end();
            if (s.equals(e)) return s;
            if (s.lexical().substring(0, 7).equals(e.lexical().substring(0, 7)))
                return new TypedDate(s.lexical().substring(0, 7), org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYearMonth);
            return new TypedDate(s.lexical().substring(0, 4), org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYear);
        }

        /** The original characters of a normalised span, without whitespace: the title as written. */
        String asWritten(int start, int end) {
            StringBuilder sb = new StringBuilder(end - start);
            for (int i = start; i < end; i++) sb.append(original().charAt(nt.toOriginal(i)));
            return sb.toString();
        }

        TypedDate closingDate() {
            int lastStop = 0;
            for (int[] s : sentences) if (text.charAt(s[1] - 1) == '。') lastStop = s[1];
            java.util.regex.Matcher m = CLOSING_DATE.matcher(text);
            TypedDate found = null;
            m.region(lastStop, text.length());
            while (m.find()) {
                Range r = Dates.parse(m.group());
                if (r != null) found = r.start();
            }
            return found;
        }
    }

}
