package org.scokg.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
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
import org.scokg.extract.Facts.Unresolved;
import org.scokg.extract.Gazetteer.Entry;
import org.scokg.extract.Gazetteer.Kind;
import org.scokg.normalize.NormalizedText;
import org.scokg.normalize.StrayCharacters;
import org.scokg.rules.Rule;
import org.scokg.rules.RuleBook;
import org.scokg.rules.RuleMatch;
import org.scokg.rules.RuleSyntaxException;
import org.scokg.text.SourceText;
import org.scokg.vocab.Iris;
import org.scokg.vocab.Slugs;

/**
 * Turns one source text into {@link Facts.Document}: drop noise, normalise, then run the
 * rules of {@code src/main/resources/rules/} stage by stage ({@link #STAGES}) and resolve
 * what their matches produce against the gazetteer. The rules say what text means and what
 * each match produces; this class only knows what to do with each kind of production.
 * Immutable and thread-safe.
 */
public final class Extractor {
    /** The class path directory of the built-in rule files. */
    public static final String RULES = "rules";

    /**
     * The stages, in the order they run, each with what its rules may produce. A rule file
     * naming another stage or production is refused when the rules are read.
     */
    public static final Map<String, Set<String>> STAGES = stages();

    private static Map<String, Set<String>> stages() {
        Map<String, Set<String>> s = new LinkedHashMap<>();
        s.put("noise", Set.of("noise"));                       // the original text: spans to drop
        s.put("head", Set.of("title", "meeting"));             // the opening: title line, dateline, date line
        s.put("meeting", Set.of("meeting"));                   // each sentence: meeting sentences
        s.put("tail", Set.of("meeting", "list"));              // after the last full stop: closing line, signatures
        s.put("attendance", Set.of("list", "veto", "bullet")); // each sentence: is it a list of delegates? each line's bullet
        s.put("delegates", Set.of("attendee", "capacity"));    // each list: its delegates and their capacity
        s.put("chair", Set.of("chair"));                       // each sentence: who chaired
        s.put("facts", Set.of("chairmanship", "next-meeting", "event")); // each sentence
        s.put("term", Set.of("years"));                        // a chairmanship statement: its term's years
        s.put("mention-before", Set.of("act"));                // the text just before a 《title》
        s.put("mention-after", Set.of("act"));                 // the text just after it
        s.put("references", Set.of("state-reference", "document-reference", "meeting-reference"));
        s.put("title-key", Set.of("short-title"));             // a title's key: is it a short form?
        return java.util.Collections.unmodifiableMap(s);
    }

    /** How much of the text the `head` stage reads. */
    static final int HEAD = 400;

    /** The ordinal inside an event name: 第八次, 第三届, 首次, 首届, 例行. */
    private static final Pattern ORDINAL = Pattern.compile("第([0-9一二三四五六七八九十百零〇]{1,6})[次届]|首次|首届|例行");

    private final Gazetteer gazetteer;
    private final RuleBook rules;
    /** The stages run on every sentence, read together: each sentence is read once for all of them ({@link Run#scanOf}). */
    private final RuleBook.Together sentenceStages;

    /** An extractor running the built-in rules. */
    public Extractor(Gazetteer gazetteer) {
        this(gazetteer, List.of());
    }

    /**
     * An extractor running the built-in rules and the {@code *.rules} files of {@code extraRules}
     * (a user's own phrasings).
     *
     * @throws RuleSyntaxException naming the file and line of a rule that cannot be read, or
     *         of a rule whose stage or production is unknown
     */
    public Extractor(Gazetteer gazetteer, List<Path> extraRules) {
        this.gazetteer = gazetteer;
        this.rules = RuleBook.fromClasspathDirectory(gazetteer.lexicons(), RULES, extraRules);
        for (Rule r : rules.rules()) {
            Set<String> kinds = STAGES.get(r.stage());
            String[] at = r.origin().split(":(?=[0-9]+$)");
            int line = at.length > 1 ? Integer.parseInt(at[1]) : 0;
            if (kinds == null) throw new RuleSyntaxException(at[0], line, "rule " + r.name() + ": unknown stage " + r.stage() + "; stages: " + STAGES.keySet());
            if (!kinds.contains(r.produce()))
                throw new RuleSyntaxException(at[0], line, "rule " + r.name() + ": stage " + r.stage() + " produces " + kinds + ", not " + r.produce());
        }
        this.sentenceStages = rules.together(rules.stage("facts"), rules.stage("meeting"), rules.stage("chair"),
            rules.stage("attendance", "veto"), rules.stage("attendance", "list"));
    }

    /** The rules this extractor runs (for listing and for the rule-example tests). */
    public RuleBook rules() { return rules; }

    /**
     * The IRI of the state or organisation an affiliation written {@code spelling} names, as the
     * extraction of a delegate resolves it, or null when the gazetteer does not know it.
     */
    public String affiliationIri(String spelling) {
        NormalizedText empty = NormalizedText.of("", List.of());
        Run run = new Run("", empty, empty);
        Run.Affiliation a = run.affiliation(spelling, "");
        return a == null || a.entry() == null ? null : a.iri();
    }

    public Facts.Document extract(SourceText source) {
        String original = source.text();
        List<int[]> noiseSpans = new ArrayList<>();
        // Noise rules are written in simplified script; the conversion keeps offsets.
        String simplified = NormalizedText.toSimplified(original);
        for (RuleMatch m : rules.findAll(rules.stage("noise"), simplified, 0)) noiseSpans.add(new int[] {m.start(), m.end()});
        noiseSpans.addAll(StrayCharacters.spans(simplified));
        NormalizedText nt = NormalizedText.of(original, simplified, noiseSpans);
        // The whole text, noise kept, as the sentence nodes show it: the same normalisation when there was no noise.
        NormalizedText whole = noiseSpans.isEmpty() ? nt : NormalizedText.of(original, simplified, List.of());
        return new Run(source.fileName(), nt, whole).extract();
    }

    /** The state of one extraction: the text, its sentences, and what was found so far. */
    private final class Run {
        final String fileName;
        final NormalizedText nt;
        final String text;
        final List<int[]> sentences;
        final List<String> warnings = new ArrayList<>();
        /** Affiliations, councils and places minted for names the gazetteer lacks, by IRI. */
        final Map<String, Unresolved> unresolved = new LinkedHashMap<>();
        /** Unnamed delegations from rules that say yields=named: dropped where the state's named delegate is listed too. */
        final Set<String> yieldingToNamed = new HashSet<>();
        /** The normalised index of each mention's opening mark, in mention order. */
        final List<Integer> mentionAt = new ArrayList<>();
        /** Where the text after the last full stop begins. */
        final int tailStart;

        /** The whole source text normalised, noise kept ({@link Facts.Document#wholeText}). */
        final NormalizedText whole;
        /** Each sentence read for the sentence stages, when first asked for ({@link #scanOf}). */
        private final RuleBook.Scan[] scans;

        /** Sentence {@code k} read once for every stage run on sentences (facts, meeting, chair, attendance). */
        RuleBook.Scan scanOf(int k) {
            RuleBook.Scan scan = scans[k];
            if (scan == null) {
                int[] s = sentences.get(k);
                scans[k] = scan = sentenceStages.scan(text.substring(s[0], s[1]));
            }
            return scan;
        }

        Run(String fileName, NormalizedText nt, NormalizedText whole) {
            this.fileName = fileName;
            this.nt = nt;
            this.whole = whole;
            this.text = nt.text();
            this.sentences = Sentences.split(nt);
            this.scans = new RuleBook.Scan[sentences.size()];
            int lastStop = 0;
            for (int[] s : sentences) if (text.charAt(s[1] - 1) == '。') lastStop = s[1];
            this.tailStart = lastStop;
        }

        Facts.Document extract() {
            String head = text.substring(0, Math.min(text.length(), HEAD));
            RuleMatch titleLine = rules.findFirst(rules.stage("head", "title"), head, 0);
            String title = titleLine == null ? null : titleLine.group("title");
            Meeting meeting = meeting(head);
            List<Attendance> attendances = meeting == null ? List.of() : attendances(meeting);
            Chair chairFound = meeting == null ? null : chair(attendances);
            if (chairFound != null && chairFound.person() != null
                && attendances.stream().noneMatch(a -> a.person() != null && a.representsIri().equals(chairFound.representsIri())
                    && sameName(a.person().name(), chairFound.person().name()))) {
                // Who chaired the meeting attended it, listed or not.
                Entry e = gazetteer.byIri(chairFound.representsIri());
                Kind kind = e != null ? (e.kind() == Kind.COUNCIL ? Kind.SCO_BODY : e.kind()) : Kind.STATE;
                attendances = new ArrayList<>(attendances);
                attendances.add(new Attendance(chairFound.person(), chairFound.representsIri(), chairFound.title(),
                    capacity(kind, e, null, Gazetteer.day(meeting.dates().start().lexical())), "attended", chairFound.provenance()));
            }
            List<Chairmanship> chairmanships = new ArrayList<>();
            List<NextMeeting> next = new ArrayList<>();
            List<Facts.Event> events = new ArrayList<>();
            for (RuleMatch m : bySentence("facts")) {
                switch (m.rule().produce()) {
                    case "chairmanship" -> { Chairmanship c = chairmanship(m, meeting); if (c != null) addChairmanship(chairmanships, c); }
                    case "next-meeting" -> { NextMeeting n = nextMeeting(m, meeting); if (n != null) next.add(n); }
                    case "event" -> { Facts.Event e = event(m, meeting); if (e != null) events.add(e); }
                    default -> throw new IllegalStateException(m.rule().produce());
                }
            }
            Chair chair = chairState(chairFound, chairmanships);
            List<Mention> mentions = mentions(meeting);
            TypedDate closing = closingDate();
            List<Facts.Reference> references = references(meeting, mentions);
            if (meeting == null) warnings.add(fileName + ": no meeting found (no date of a meeting in the text)");
            if (meeting == null && mentions.isEmpty() && chairmanships.isEmpty())
                warnings.add(fileName + ": no facts found; is this a document of the genre?");
            return new Facts.Document(fileName, nt.original().codePointCount(0, nt.original().length()), title, closing,
                meeting, chair, attendances, chairmanships, next, mentions, events, references,
                List.copyOf(unresolved.values()), warnings, whole);
        }

        /**
         * The matches of a stage's rules, sentence by sentence: no rule of these stages reads
         * across a full stop, and a sentence without the words a rule needs (举行, 主席国)
         * costs it nothing.
         */
        List<RuleMatch> bySentence(String stage) {
            List<RuleMatch> out = new ArrayList<>();
            List<Rule> selected = rules.stage(stage);
            for (int k = 0; k < sentences.size(); k++) out.addAll(rules.findAll(selected, scanOf(k), sentences.get(k)[0]));
            return out;
        }

        Provenance prov(RuleMatch m) {
            return prov(m.rule().name(), m.start(), m.end());
        }

        Provenance prov(String rule, int start, int end) {
            int[] s = sentenceAt(start);
            return new Provenance(rule, nt.codePointOffset(start), nt.codePointOffset(end), text.substring(s[0], s[1]));
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

        /**
         * The days of {@code dated}'s day (range), with the month and the year of the best
         * evidence that gives them (its own groups, or a date it gives in full); null if none does.
         */
        private Range dayInContext(RuleMatch dated, List<RuleMatch> evidence) {
            String mm = dated.group("month"), yy = dated.group("year");
            // Month and year written for the purpose (a dateline, the page's date) first: a
            // full date is often another meeting's (根据2024年5月16日…会议的决定，…于15日…举行).
            for (RuleMatch m : evidence) {
                if (mm == null) mm = m.group("month");
                if (yy == null) yy = m.group("year");
            }
            for (RuleMatch m : evidence) {
                Range full = Dates.parse(m.group("date"));
                if (full == null) continue;
                if (mm == null) mm = full.start().lexical().substring(5, 7);
                if (yy == null) yy = String.valueOf(full.start().year());
            }
            if (yy == null) yy = yearOfOrdinal(evidence);
            if (mm == null || yy == null) return null;
            String end = dated.group("endDay") == null ? ""
                : "至" + (dated.group("endMonth") == null ? "" : dated.group("endMonth") + "月") + dated.group("endDay") + "日";
            return Dates.parse(yy + "年" + mm + "月" + dated.group("day") + "日" + end);
        }

        /**
         * The meeting, assembled from every piece of `meeting` evidence of the head, the whole
         * text and the tail: each field from the evidence of highest priority that has it,
         * the earlier in the text where priorities tie. No date, no meeting.
         */
        Meeting meeting(String head) {
            List<RuleMatch> evidence = new ArrayList<>(rules.findAll(rules.stage("head", "meeting"), head, 0));
            evidence.addAll(bySentence("meeting"));
            if (tailStart < text.length())
                evidence.addAll(rules.findAll(rules.stage("tail", "meeting"), text.substring(tailStart), tailStart));
            evidence.sort(Comparator.comparingInt((RuleMatch m) -> -m.rule().priority()).thenComparingInt(RuleMatch::start));
            // The best evidence that dates it: in full, or by a news report's day (12日) whose month
            // and year come from the best evidence that gives them (the dateline, the page's date)
            // or from the year the council's meeting of that ordinal was held (sco:firstMeetingYear).
            // A day of the reported meeting outranks a full date of one named in passing (根据…).
            RuleMatch dated = first(evidence, m -> Dates.parse(m.group("date")) != null || m.group("day") != null);
            Range dates = dated == null ? null : Dates.parse(dated.group("date"));
            if (dated != null && dates == null) dates = dayInContext(dated, evidence);
            if (dates == null) {
                dated = first(evidence, m -> Dates.parse(m.group("date")) != null);
                if (dated == null) return null;
                dates = Dates.parse(dated.group("date"));
            }
            // One day, where weaker evidence spans days that hold it: the days of the meeting (a
            // closing line dates a two-day meeting by its last day, 根据6月15日至16日…举行的…会议).
            if (dates.start().equals(dates.end())) {
                Range day = dates;
                RuleMatch spanning = first(evidence, m -> {
                    Range r = Dates.parse(m.group("date"));
                    return r != null && !r.start().equals(r.end()) && Dates.within(day.start(), r);
                });
                if (spanning != null) { dated = spanning; dates = Dates.parse(spanning.group("date")); }
            }
            // One day, and the day the meeting opened earlier that week (…21日…闭幕。会议于20日开幕), or
            // how many days it lasted when that day is the one it closed (…29日在北京闭幕。为期两天的会议…):
            // the meeting ran from the opening day.
            String closed = dates.start().lexical();
            if (dates.start().equals(dates.end()) && closed.length() == 10) {
                RuleMatch opened = first(evidence, m -> m.group("openedDay") != null);
                RuleMatch lasting = first(evidence, m -> m.group("lastingDays") != null);
                String openingDay = opened != null ? opened.group("openedDay") : null;
                if (openingDay == null && lasting != null && dated != null
                    && rules.table("closing_verb").keySet().stream().anyMatch(dated.text()::contains)) {
                    int day = Integer.parseInt(closed.substring(8)) - ChineseNumerals.parse(lasting.group("lastingDays")) + 1;
                    if (day >= 1) openingDay = String.valueOf(day);
                }
                Range span = openingDay == null ? null
                    : Dates.parse(closed.substring(0, 4) + "年" + closed.substring(5, 7) + "月" + openingDay + "日至" + closed.substring(8) + "日");
                if (span != null && span.start().lexical().compareTo(closed) < 0 && Gazetteer.day(closed) - Gazetteer.day(span.start().lexical()) <= 6)
                    dates = span;
            }
            RuleMatch named = first(evidence, m -> m.group("council") != null || m.value("council") != null);
            // The ordinal from evidence at least as strong as the one that names the council, else
            // one written inside the council's name (成员国第十四次经贸部长会议), else any: a meeting
            // named in passing (根据…第十四次会议) does not number the reported one.
            int namedPriority = named == null ? Integer.MIN_VALUE : named.rule().priority();
            RuleMatch numbered = first(evidence, m -> m.group("ordinal") != null && m.rule().priority() >= namedPriority);
            String insideOrdinal = null;
            if (named != null && named.group("council") != null) {
                Matcher inside = ORDINAL.matcher(named.group("council"));
                if (inside.find() && !inside.group().equals("例行")) insideOrdinal = inside.group(1) != null ? inside.group(1) : "首";
            }
            if (numbered == null && insideOrdinal == null) numbered = first(evidence, m -> m.group("ordinal") != null);
            RuleMatch placed = first(evidence, m -> m.group("venue") != null || m.group("online") != null);
            Entry council = named == null ? null : council(named);
            String councilIri, councilKey, councilLabel;
            if (council != null) {
                councilIri = council.iri();
                councilKey = councilIri.substring(councilIri.lastIndexOf('/') + 1);
                councilLabel = council.label();
            } else {
                // A council the gazetteer lacks (成员国国防部长会议, 经济论坛): minted from its name, flagged.
                String written = named == null ? "" : ORDINAL.matcher(named.group("council")).replaceAll("")
                    .replaceAll("（(?:(?:以下|下文|下)?(?:简称|称)[^（）]*|(?!总理|总统)[\\p{IsHan}A-Za-z]{2,6})）", "").replaceFirst("^(上海合作组织|上合组织|本组织)", "");
                String word = named == null || named.group("word") == null ? "会议" : named.group("word");
                // An event's name is its council (经济论坛), unless a meeting of it is written after it (论坛第九次会议).
                boolean event = written.matches(".*(会议|峰会|会晤)$")
                    || written.matches(".*(论坛|研讨会|博览会|对话会)$") && (named == null || named.group("word") == null);
                String name = event ? written : written + word;
                councilKey = "council-" + Slugs.pinyin(name);
                councilIri = Iris.org(councilKey);
                councilLabel = name;
                unresolved(councilIri, "council", name);
            }
            if (numbered == null) numbered = first(evidence, m -> m.group("ordinalBefore") != null);
            String ordinalText = numbered == null ? null : numbered.group("ordinal") != null ? numbered.group("ordinal") : numbered.group("ordinalBefore");
            if (ordinalText == null) ordinalText = insideOrdinal;
            if ("首".equals(ordinalText)) ordinalText = "一";
            Integer ordinal = ordinalText == null ? null : ChineseNumerals.parse(ordinalText);
            boolean online = placed != null && placed.group("online") != null;
            PlaceRef place = placed == null || online ? null : place(placed.group("venue"));
            String label = councilLabel.matches(".*(论坛|峰会|研讨会|博览会|对话会)$")
                ? (ordinalText != null ? "第" + ordinalText + "届" : "") + councilLabel
                : councilLabel.replaceAll("(会议|会晤)$", "") + (ordinalText != null ? "第" + ordinalText + "次" : "")
                  + (councilLabel.endsWith("会晤") ? "会晤" : "会议");
            Set<RuleMatch> used = new LinkedHashSet<>();
            for (RuleMatch m : new RuleMatch[] {dated, named, numbered, placed}) if (m != null) used.add(m);
            String rule = String.join("+", used.stream().map(m -> m.rule().name()).toList());
            RuleMatch at = dated;
            return new Meeting(councilIri, councilKey, councilLabel, label, ordinal, dates, place, online, prov(rule, at.start(), at.end()));
        }

        /** The year of the meeting the evidence names by council and ordinal, when the council meets once a year. */
        String yearOfOrdinal(List<RuleMatch> evidence) {
            RuleMatch named = first(evidence, m -> m.group("council") != null || m.value("council") != null);
            RuleMatch numbered = first(evidence, m -> m.group("ordinal") != null);
            Entry council = named == null ? null : council(named);
            if (council == null || council.firstMeetingYear() == 0 || numbered == null) return null;
            Integer n = ChineseNumerals.parse(numbered.group("ordinal"));
            return n == null || n < 1 ? null : String.valueOf(council.firstMeetingYear() + n - 1);
        }

        RuleMatch first(List<RuleMatch> ms, Predicate<RuleMatch> has) {
            for (RuleMatch m : ms) if (has.test(m)) return m;
            return null;
        }

        /** The council a piece of evidence names: by a spelling of the gazetteer, or by a rule's value. */
        Entry council(RuleMatch m) {
            String slug = m.value("council");
            if (slug != null) return gazetteer.org(slug);
            Entry e = gazetteer.lookup(m.group("council"));
            return e != null && e.kind() == Kind.COUNCIL ? e : null;
        }

        PlaceRef place(String name) {
            if (name == null || name.isEmpty()) return null;
            String bare = name.endsWith("市") && name.length() > 2 ? name.substring(0, name.length() - 1) : name;
            for (String n : List.of(name, bare)) {
                Entry e = gazetteer.lookup(n);
                if (e != null && (e.kind() == Kind.CITY || e.kind() == Kind.STATE)) return new PlaceRef(e.iri(), e.label(), true);
            }
            warnings.add(fileName + ": place '" + bare + "' is not in the gazetteer; minted a new place (add it to ontology/gazetteer.ttl)");
            return new PlaceRef(Iris.place(Slugs.pinyin(bare)), bare, false);
        }

        // ------------------------------------------------------------ attendance

        List<Attendance> attendances(Meeting meeting) {
            Map<String, Attendance> byKey = new LinkedHashMap<>();
            int day = Gazetteer.day(meeting.dates().start().lexical());
            for (int k = 0; k < sentences.size(); k++) {
                int[] s = sentences.get(k).clone();
                if (s[0] >= tailStart && tailStart > 0) break;
                if (rules.findFirst(rules.stage("attendance", "veto"), scanOf(k), s[0]) != null) continue;
                RuleMatch list = rules.findFirst(rules.stage("attendance", "list"), scanOf(k), s[0]);
                if (list == null) continue;
                // A list printed one delegate a line runs on over the lines after it that start
                // with a bullet, a number or a state's or an organisation's name (a line ending in
                // a bracket ends a "sentence" of its own), and over a paragraph whose heading line
                // (本组织常设机构代表) stands over such lines; not into a sentence a veto rule
                // rejects (the head of state who received the delegates).
                while (k + 1 < sentences.size() && text.charAt(s[1] - 1) != '。' && continuesList(k + 1)
                       && (s[1] < tailStart || tailStart == 0)) s[1] = sentences.get(++k)[1];
                // A list printed one delegate a line has no separators: when two or more lines
                // start like an item, every line is an item.
                boolean lineList = linesStartingAnItem(s[0], s[1]) >= 2;
                int from = s[0];
                String[] marker = {null};
                for (int i = s[0] + 1; i <= s[1]; i++) {
                    // (a name alone on the line under its title goes with the title: 卫生部部长 / 季·萨金巴耶娃)
                    if (i < s[1] && !(lineList && nt.isLineStart(i) && !nameUnderTitle(i, s[1]))) continue;
                    int item = lineList && nt.isLineStart(from) ? afterBullet(from, i) : from;
                    delegates(text.substring(item, i), item, day, list, byKey, marker);
                    from = i;
                }
            }
            if (tailStart < text.length()) {
                String tail = text.substring(tailStart);
                RuleMatch list = rules.findFirst(rules.stage("tail", "list"), tail, tailStart);
                // A signature block has no separators: its items are its lines, but a name alone
                // on a line (not like an item, no column gap in it) continues the title above it.
                if (list != null) {
                    int from = tailStart;
                    String[] marker = {null};
                    for (int i = tailStart + 1; i <= text.length(); i++) {
                        if (i < text.length() && !(nt.isLineStart(i) && (startsAnItem(i, text.length()) || !nameAlone(i)))) continue;
                        delegates(text.substring(from, i), from, day, list, byKey, marker);
                        from = i;
                    }
                }
            }
            // A state's delegation named with others' (印度、蒙古国和巴基斯坦派代表列席) and then by its
            // head (其中蒙古国…甘·巴特苏赫率团与会): one delegate, the named one (rules say yields=named).
            Set<String> named = new HashSet<>();
            for (Attendance a : byKey.values()) if (a.person() != null) named.add(a.representsIri());
            byKey.entrySet().removeIf(e -> yieldingToNamed.contains(e.getKey()) && named.contains(e.getValue().representsIri()));
            return new ArrayList<>(byKey.values());
        }

        /**
         * A line that starts with a bullet or number, with a state's or an organisation's name
         * (or a state's short name before 方),
         * with a role phrase before delegates (观察员国…, 主席国客人…) or with a delegate
         * (胡怀邦（中国国家开发银行董事长）).
         */
        boolean startsAnItem(int at, int to) {
            if (!nt.isLineStart(at)) return false;
            int item = afterBullet(at, to);
            if (item > at || gazetteer.namePattern().matcher(text).region(item, to).lookingAt()) return true;
            // a state by its short name (哈方分委会主席、…)
            if (item + 1 < to && gazetteer.bySide(text, item) != null) return true;
            String head = text.substring(item, Math.min(to, item + 48));
            RuleMatch role = rules.findFirst(rules.stage("delegates", "capacity"), head, item);
            if (role != null && role.start() == item) return true;
            RuleMatch delegate = rules.findFirst(rules.stage("delegates", "attendee"), head, item);
            return delegate != null && delegate.start() == item;
        }

        /** Whether sentence {@code k} goes on with the list before it (see {@link #attendances}). */
        boolean continuesList(int k) {
            int[] next = sentences.get(k);
            boolean items = startsAnItem(next[0], text.length())
                || text.charAt(next[1] - 1) != '。' && linesStartingAnItem(next[0], next[1]) >= 1;
            return items && rules.findFirst(rules.stage("attendance", "veto"), scanOf(k), next[0]) == null;
        }

        /**
         * Whether the line starting at {@code at} (before {@code to}) is a person's name alone, printed
         * under the title on the line before: short, one run, no state's or organisation's name, no
         * delegate of its own.
         */
        boolean nameUnderTitle(int at, int to) {
            int end = at + 1;
            while (end < to && !nt.isLineStart(end)) end++;
            if (end - at > 16 || startsAnItem(at, end) || !nameAlone(at)) return false;
            String line = text.substring(at, end);
            return line.chars().allMatch(c -> Sentences.isHan((char) c) || c == '·')
                && !gazetteer.namePattern().matcher(line).find()
                && rules.findFirst(rules.stage("delegates"), line, at) == null;
        }

        /** Whether the line starting at {@code at} is one run of text: no column gap (a run of spaces) in it. */
        boolean nameAlone(int at) {
            for (int i = at + 1; i < text.length() && !nt.isLineStart(i); i++) if (nt.isBreak(i)) return false;
            return true;
        }

        int linesStartingAnItem(int from, int to) {
            int n = 0;
            for (int i = from + 1; i < to; i++) if (startsAnItem(i, to)) n++;
            return n;
        }

        /** Past the bullet or number a list may print before each line's item (——哈萨克斯坦共和国…, 1.哈萨克斯坦共和国…). */
        int afterBullet(int at, int to) {
            RuleMatch bullet = rules.findFirst(rules.stage("attendance", "bullet"), text.substring(at, Math.min(to, at + 8)), at);
            return bullet == null || bullet.start() != at ? at : bullet.end();
        }

        /**
         * The delegates of one list (or one line of it), left to right. A capacity marker
         * applies to the delegates after it, on this line and the next ones ({@code marker[0]}
         * carries it); one that says applies=before, to those of its clause before it.
         */
        void delegates(String sentence, int base, int day, RuleMatch list, Map<String, Attendance> out, String[] carried) {
            String mode = list.value("mode", "attended");
            String marker = carried[0];
            List<String> clause = new ArrayList<>();
            int clauseEnd = -1;
            Affiliation previous = null;
            for (RuleMatch m : rules.findAll(rules.stage("delegates"), sentence, base)) {
                if (m.start() > clauseEnd && clauseEnd >= 0 && sentence.substring(clauseEnd - base, m.start() - base).matches(".*[，；].*")) clause.clear();
                if (m.rule().produce().equals("capacity")) {
                    String capacity = m.value("capacity");
                    if ("before".equals(m.value("applies"))) {
                        for (String key : clause) {
                            Attendance a = out.get(key);
                            Entry e = a == null ? null : gazetteer.byIri(a.representsIri());
                            // A capacity said after its clause is a state's: an organisation stays one.
                            if (a != null && (e == null || e.kind() == Kind.STATE))
                                out.put(key, new Attendance(a.person(), a.representsIri(), a.title(), capacity, a.mode(), a.provenance()));
                        }
                    } else {
                        marker = capacity;
                        carried[0] = capacity;
                    }
                    clause.clear();
                    clauseEnd = m.end();
                    continue;
                }
                Provenance p = prov(list.rule().name() + "+" + m.rule().name(), m.start(), m.end());
                String title = m.group("title");
                if (m.group("states") != null || m.group("orgs") != null) {
                    String items = m.group("states") != null ? m.group("states") : m.group("orgs");
                    // Split by the names themselves, not by 、和及: 埃及 contains 及.
                    List<String> named = gazetteer.namePattern().matcher(items).results().map(MatchResult::group).toList();
                    for (String name : named) {
                        Affiliation a = affiliation(name, title);
                        Entry e = a == null ? null : a.entry();
                        if (e == null) continue;
                        String key = (e.kind() == Kind.STATE ? "state-" : "org-") + slugOf(e.iri(), e);
                        // Several delegations said again together (印度和巴基斯坦代表以视频方式与会):
                        // one already listed is not a second delegate.
                        if (named.size() > 1 && represented(out, e.iri())) continue;
                        // An organ before the title is the title's only when one organisation holds it.
                        String full = named.size() == 1 ? a.titlePrefix() + title : title;
                        if (out.putIfAbsent(key, new Attendance(null, e.iri(), full, capacity(e.kind(), e, marker, day), mode, p)) == null
                            && "named".equals(m.value("yields"))) yieldingToNamed.add(key);
                        clause.add(key);
                    }
                    clauseEnd = m.end();
                    continue;
                }
                // A rule may name the affiliation the text leaves out (set: affiliation=…), or say
                // it is the one of the delegate just before (affiliation=previous: 部长李学举、副部长李立国).
                Affiliation a = "previous".equals(m.value("affiliation"))
                    ? (m.start() - clauseEnd <= 1 ? previous : null)
                    : affiliation(m.groupOrValue("affiliation"), m.group("name"));
                if (a == null) continue;
                previous = a;
                if (m.group("name") == null) {
                    // A delegate named by affiliation and title only: one unnamed delegate per
                    // affiliation; none, where the list says so, for one already represented.
                    if ("if-new".equals(list.value("unnamed", "")) && represented(out, a.iri())) {
                        clauseEnd = m.end();
                        continue;
                    }
                    String key = (a.kind() == Kind.STATE ? "state-" : "org-") + slugOf(a.iri(), a.entry());
                    if (out.putIfAbsent(key, new Attendance(null, a.iri(), a.titlePrefix() + title, capacity(a.kind(), a.entry(), marker, day), mode, p)) == null)
                        clause.add(key);
                    clauseEnd = m.end();
                    continue;
                }
                PersonRef person = person(a, m.group("name"));
                // One person written twice, with and without the initials of a first name
                // (弗拉基米尔·普京 in the list, 弗·普京 in the signature block): listed once; so is a
                // person listed before whose second mention names an affiliation the gazetteer
                // lacks (执行委员会主任米尔扎耶夫: an organ named without its organisation).
                String same = out.values().stream().filter(x -> x.person() != null && (x.representsIri().equals(a.iri()) || a.entry() == null)
                    && sameName(x.person().name(), person.name())).map(x -> x.person().key()).findFirst().orElse(null);
                if (same != null) {
                    clauseEnd = m.end();
                    continue;
                }
                String fullTitle = a.titlePrefix() + title;
                if (out.putIfAbsent(person.key(), new Attendance(person, a.iri(), fullTitle, capacity(a.kind(), a.entry(), marker, day), mode, p)) == null)
                    clause.add(person.key());
                clauseEnd = m.end();
            }
        }

        /** Does some delegate of the list so far represent {@code iri}? */
        boolean represented(Map<String, Attendance> out, String iri) {
            return out.values().stream().anyMatch(x -> x.representsIri().equals(iri));
        }

        /**
         * What an affiliation as written stands for.
         *
         * @param iri         the entity's IRI (minted when the gazetteer lacks it)
         * @param kind        STATE, SCO_BODY or ORGANISATION
         * @param entry       the gazetteer's entry, or null for a minted one
         * @param titlePrefix an organ written before the title (理事会 of 上合组织银行联合体理事会轮值主席)
         */
        record Affiliation(String iri, Kind kind, Entry entry, String titlePrefix) {}

        /**
         * Resolves an affiliation: a spelling of the gazetteer; an organ of a known
         * organisation (table `organ`: the organisation, the organ beginning the title); else a
         * state (…国) or an organisation the gazetteer lacks, minted, flagged and warned about.
         */
        Affiliation affiliation(String spelling, String forWhom) {
            if (spelling == null) return null;
            String meant = rules.table("context_name").get(spelling);
            if (meant != null) spelling = meant;
            // A context name before a body of the organisation (本组织实业家委员会, 本组织银行联合体理事会):
            // the body under its full name, when the gazetteer knows it or the organisation it is an organ of.
            else for (Map.Entry<String, String> c : rules.table("context_name").entrySet()) {
                if (!spelling.startsWith(c.getKey()) || spelling.length() == c.getKey().length()) continue;
                String full = c.getValue() + spelling.substring(c.getKey().length());
                if (gazetteer.lookup(full) != null || organOf(full) != null) { spelling = full; break; }
            }
            Entry e = gazetteer.lookup(spelling);
            // An organ written after its organisation begins the title, whether or not the
            // gazetteer also knows the organ (独联体执行委员会主席 represents the CIS, as
            // 地区反恐怖机构执行委员会主任 represents the Regional Anti-Terrorist Structure).
            Affiliation organ = organOf(spelling);
            if (organ != null) return organ;
            if (e != null) return known(e, "");
            // A state named by its short name and 方 (中方国家协调员): the state.
            Entry side = spelling.length() == 2 ? gazetteer.bySide(spelling, 0) : null;
            if (side != null) return known(side, "");
            // A state's own institution (俄罗斯联邦中央银行, 哈萨克斯坦总统府战略研究所, 中国国家开发银行):
            // its delegate speaks for the state, and the institution begins the title.
            Matcher lead = gazetteer.namePattern().matcher(spelling);
            if (lead.lookingAt() && lead.end() < spelling.length()) {
                Entry st = gazetteer.lookup(lead.group());
                // (a form of government after the state's short name is the state's: 亚塞拜然共和国)
                String rest = spelling.substring(lead.end());
                if (st != null && st.kind() == Kind.STATE)
                    return new Affiliation(st.iri(), Kind.STATE, st, rules.table("government_form").containsKey(rest) ? "" : rest);
            }
            boolean state = spelling.endsWith("国") && !spelling.endsWith("联合国");
            Kind kind = state ? Kind.STATE : Kind.ORGANISATION;
            String iri = state ? Iris.state("x-" + Slugs.pinyin(spelling)) : Iris.org(Slugs.pinyin(spelling));
            if (!unresolved.containsKey(iri))
                warnings.add(fileName + ": " + (state ? "state" : "organisation") + " '" + spelling + "' (of " + forWhom
                    + ") is not in the gazetteer; extracted as unresolved: add it to ontology/gazetteer.ttl");
            unresolved(iri, state ? "state" : "organisation", spelling);
            return new Affiliation(iri, kind, null, "");
        }

        /**
         * {@code spelling} as an organ (a key of the rules' organ table) after an organisation the
         * gazetteer knows (独联体执行委员会): that organisation, the organ beginning the title; or
         * null. The SCO's own organs (its Secretariat) are affiliations of their own, and a state
         * has no organs here.
         */
        Affiliation organOf(String spelling) {
            for (String organ : rules.table("organ").keySet()) {
                if (!spelling.endsWith(organ) || spelling.length() == organ.length()) continue;
                Entry parent = gazetteer.lookup(spelling.substring(0, spelling.length() - organ.length()));
                if (parent != null && parent.kind() != Kind.STATE && parent.kind() != Kind.CITY && parent.kind() != Kind.SCO) return known(parent, organ);
            }
            return null;
        }

        Affiliation known(Entry e, String titlePrefix) {
            // The SCO itself speaks through its Secretary-General: 上合组织秘书长 represents the Secretariat.
            if (e.kind() == Kind.SCO) e = gazetteer.org("sco-secretariat");
            Kind k = e.kind() == Kind.COUNCIL ? Kind.SCO_BODY : e.kind();
            return new Affiliation(e.iri(), k, e, titlePrefix);
        }

        void unresolved(String iri, String kind, String label) {
            unresolved.putIfAbsent(iri, new Unresolved(iri, kind, label));
        }

        /** A delegate's capacity on the meeting's {@code day} (yyyymmdd, {@link Gazetteer#day}). */
        String capacity(Kind kind, Entry e, String marker, int day) {
            return switch (kind) {
                case SCO_BODY, SCO, COUNCIL -> "sco_body";
                case ORGANISATION, CITY -> "organization";
                case STATE -> {
                    if (marker != null && !marker.equals("organization")) yield marker;
                    if (e != null && e.memberSince() > 0 && e.memberSince() <= day) yield "member";
                    if (e != null && e.observerSince() > 0 && e.observerSince() <= day) yield "observer";
                    yield "guest";
                }
            };
        }

        PersonRef person(Affiliation a, String name) {
            String clean = NormalizedText.toSimplified(name.replace("•", "·").replace("．", "·"));
            // The name's hash after its pinyin: homophones (罗娥, 洛鄂) are different people.
            return new PersonRef(slugOf(a.iri(), a.entry()).toLowerCase(Locale.ROOT) + "-" + Slugs.pinyin(clean)
                + "-" + Slugs.sha1Prefix(clean), clean);
        }

        String slugOf(String iri, Entry e) {
            if (e != null && e.kind() == Kind.STATE) return e.isoCode().toLowerCase(Locale.ROOT);
            return iri.substring(iri.lastIndexOf('/') + 1);
        }

        // ------------------------------------------------------------ chair

        /**
         * One name written with or without its initials: 纳·马赫穆德佐达 and 马赫穆德佐达, 弗·普京
         * and 弗拉基米尔·普京 (the same last part; each first part the same, or an initial of it).
         */
        boolean sameName(String a, String b) {
            if (a.equals(b) || a.endsWith("·" + b) || b.endsWith("·" + a)) return true;
            String[] x = a.split("·"), y = b.split("·");
            if (x.length != y.length || x.length < 2 || !x[x.length - 1].equals(y[y.length - 1])) return false;
            for (int i = 0; i < x.length - 1; i++)
                if (!(x[i].equals(y[i]) || x[i].length() == 1 && y[i].startsWith(x[i]) || y[i].length() == 1 && x[i].startsWith(y[i])))
                    return false;
            return true;
        }

        Chair chair(List<Attendance> attendances) {
            // Sentence by sentence: a sentence without the rules' verb costs nothing.
            RuleMatch m = null;
            for (int k = 0; k < sentences.size(); k++) {
                int[] s = sentences.get(k);
                RuleMatch found = rules.findFirst(rules.stage("chair"), scanOf(k), s[0]);
                // A sentence run on over a list printed a delegate a line: the chair may open one of its lines.
                for (int i = s[0] + 1; found == null && i < s[1]; i++)
                    if (nt.isLineStart(i)) found = rules.findFirst(rules.stage("chair"), text.substring(i, s[1]), i);
                if (found != null && (m == null || found.rule().priority() > m.rule().priority())) m = found;
            }
            if (m == null) return null;
            // A rule may name the affiliation the text leaves out (set: affiliation=…).
            String affiliation = m.groupOrValue("affiliation");
            Entry state = m.group("short") != null ? gazetteer.byShortName(m.group("short")) : gazetteer.lookup(affiliation);
            if (m.group("name") != null && affiliation == null) {
                // Named by surname only (会议由卡里莫夫总统主持): the attendee list says who that is.
                String name = m.group("name");
                for (Attendance a : attendances)
                    if (a.person() != null && sameName(a.person().name(), name))
                        return chair(new PersonRef(a.person().key(), name), a.representsIri(), m.group("title"), m);
                warnings.add(fileName + ": the chair (" + m.text() + ") is not in the attendee list");
                return null;
            }
            if (m.group("name") != null) {
                Affiliation a = affiliation(affiliation, m.group("name"));
                if (a == null) return null;
                // (a state's institution begins the title: 总统直属战略研究中心主任)
                String title = m.group("title") == null ? null : a.titlePrefix() + m.group("title");
                return chair(person(a, m.group("name")), a.iri(), title, m);
            }
            if (state == null) return null;
            if (m.group("title") == null) return chair(null, state.iri(), null, m);
            // Named by state and title only: the attendee list says who that is.
            for (Attendance a : attendances)
                if (a.person() != null && a.representsIri().equals(state.iri()))
                    return chair(a.person(), state.iri(), m.group("title"), m);
            warnings.add(fileName + ": the chair (" + m.text() + ") is not in the attendee list");
            return chair(null, state.iri(), m.group("title"), m);
        }

        /** A chair; its state is what it represents when that is a state (see {@link #chairState}). */
        Chair chair(PersonRef person, String represents, String title, RuleMatch m) {
            Entry e = gazetteer.byIri(represents);
            boolean state = e != null ? e.kind() == Kind.STATE : represents.contains("/state/");
            return new Chair(person, represents, state ? represents : null, title, prov(m));
        }

        /**
         * The state of a chair who represents a body: a state the title names (轮值主席、俄方分委会主席),
         * else, for the body's rotating chair (实业家委员会轮值主席), the one state whose term the text
         * says is in office or ending. A body's own officer (秘书长) holds no state's chair.
         */
        Chair chairState(Chair chair, List<Chairmanship> chairmanships) {
            if (chair == null || chair.stateIri() != null || chair.title() == null) return chair;
            Matcher named = gazetteer.namePattern().matcher(chair.title());
            while (named.find()) {
                Entry e = gazetteer.lookup(named.group());
                if (e != null && e.kind() == Kind.STATE) return chair.withState(e.iri());
            }
            for (int i = 0; i + 1 < chair.title().length(); i++) {
                Entry side = gazetteer.bySide(chair.title(), i);
                if (side != null) return chair.withState(side.iri());
            }
            if (rules.table("rotating_chair").keySet().stream().noneMatch(chair.title()::contains)) return chair;
            Set<String> inOffice = new HashSet<>();
            for (Chairmanship c : chairmanships) if (c.status().equals("outgoing")) inOffice.add(c.stateIri());
            return inOffice.size() == 1 ? chair.withState(inOffice.iterator().next()) : chair;
        }

        // ------------------------------------------------------------ chairmanship, next meeting, events

        /**
         * Adds a chairmanship statement; one already found for the same state, status and body
         * (two sentences, or two rules, saying one thing) takes the years it lacked instead.
         */
        void addChairmanship(List<Chairmanship> found, Chairmanship c) {
            for (int i = 0; i < found.size(); i++) {
                Chairmanship x = found.get(i);
                if (x.stateIri().equals(c.stateIri()) && x.status().equals(c.status()) && java.util.Objects.equals(x.ofIri(), c.ofIri())) {
                    if (x.fromYear() == null && c.fromYear() != null)
                        found.set(i, new Chairmanship(x.stateIri(), c.fromYear(), c.toYear(), x.status(), x.ofIri(), x.provenance()));
                    return;
                }
            }
            found.add(c);
        }

        /** A chairmanship statement; {@code of=meeting}: of the reported meeting's council. */
        Chairmanship chairmanship(RuleMatch m, Meeting meeting) {
            Entry state = m.group("short") != null ? gazetteer.byShortName(m.group("short")) : gazetteer.lookup(m.group("state"));
            if (state == null) return null;
            String ofValue = m.value("of", "sco");
            String of = m.group("council") != null ? iriOf(m.group("council"))
                : ofValue.equals("meeting") ? (meeting != null ? meeting.councilIri() : null)
                : gazetteer.org(ofValue).iri();
            // Years its pattern did not read where it expects them (支持X在2019—2020年担任…): the term's.
            RuleMatch years = m.group("from") != null ? m : rules.findFirst(rules.stage("term", "years"), m.text(), m.start());
            Integer from = years == null ? null : year(years.group("from")), to = years == null ? null : year(years.group("to"));
            return new Chairmanship(state.iri(), from, to, m.value("status", "incoming"), of, prov(m));
        }

        NextMeeting nextMeeting(RuleMatch m, Meeting meeting) {
            Integer y = year(m.group("year"));
            Integer held = meeting == null ? null : meeting.dates().start().year();
            // A year said from the meeting's (明年: the rule sets years-after=1).
            if (y == null && m.value("years-after") != null && held != null) y = held + Integer.parseInt(m.value("years-after"));
            if (y == null) return null;
            // No next meeting comes before the reported one; a rule that reads any meeting held
            // in a given year as the next says it must be a later year (set: later=year).
            if (held != null && (y < held || "year".equals(m.value("later")) && y <= held)) return null;
            // A month in the reported meeting's year must come after the meeting's month.
            if (held != null && y.equals(held) && m.group("month") != null) {
                Range month = Dates.parse(y + "年" + m.group("month") + "月");
                if (month == null || month.start().lexical().compareTo(meeting.dates().start().lexical().substring(0, 7)) <= 0) return null;
            }
            Entry host = gazetteer.lookup(m.group("host"));
            String hostState = host == null ? null : host.kind() == Kind.STATE ? host.iri() : host.stateIri();
            return new NextMeeting(m.group("council") == null ? null : iriOf(m.group("council")), y, hostState, prov(m));
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

        Facts.Event event(RuleMatch m, Meeting meeting) {
            Range dates = Dates.parse(m.group("date"));
            if (dates == null) return null;
            String name = m.group("name");
            // The reported meeting cites itself in no way worth a second entity.
            if (meeting != null && meeting.dates().start().equals(dates.start()) && name.contains("理事会")) return null;
            Matcher ord = ORDINAL.matcher(name);
            Integer ordinal = null;
            if (ord.find() && ord.group(1) != null) ordinal = ChineseNumerals.parse(ord.group(1));
            else if (name.contains("首次") || name.contains("首届")) ordinal = 1;
            String series = ORDINAL.matcher(name).replaceAll("").replace("上海合作组织", "上合组织");
            boolean online = m.group("online") != null;
            return new Facts.Event(name, series, ordinal, dates, online ? null : place(m.group("venue")), online, prov(m));
        }

        // ------------------------------------------------------------ references without a name

        List<Facts.Reference> references(Meeting meeting, List<Mention> mentions) {
            List<Facts.Reference> out = new ArrayList<>();
            for (RuleMatch m : rules.findAll(rules.stage("references"), text, 0)) {
                String target = switch (m.rule().produce()) {
                    case "state-reference" -> {
                        Entry e = gazetteer.byShortName(m.group("short"));
                        yield e == null ? null : e.iri();
                    }
                    case "meeting-reference" -> meeting == null ? null : Iris.meeting(meeting.councilKey(), meeting.dates().start().lexical());
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
            return key == null ? null : Iris.document(Slugs.documentSlug(key));
        }

        /**
         * The key of the one top-level title cited before {@code at}, in its sentence or the one
         * before, that {@code fits}; null when none or several distinct keys fit.
         */
        String onlyKeyCitedJustBefore(int at, List<Mention> mentions, Predicate<String> fits) {
            int[] here = sentenceAt(at);
            int from = here[0] > 0 ? sentenceAt(here[0] - 1)[0] : here[0];
            Set<String> keys = new LinkedHashSet<>();
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
            Mention lastTop = null;
            int previousEnd = 0;
            int meetingActedIn = -1; // the start of the sentence in which the reported meeting last acted on a title
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
                // A title right after another, with nothing between (通过了《A》《B》和《C》): a list.
                boolean listed = false;
                if (s.parent() < 0) {
                    int from = Math.max(Math.max(sentence[0], previousEnd), s.open() - 80);
                    before = text.substring(from, s.open());
                    listed = before.isEmpty() && lastTop != null && previousEnd == s.open() && previousEnd > sentence[0];
                    previousEnd = s.close() + 1;
                } else {
                    // A nested title reads only what its container says right after it.
                    after = text.substring(s.close() + 1, scan.spans().get(s.parent()).close());
                }
                RuleMatch b = before.isEmpty() && !listed ? null : firstIn(rules.stage("mention-before"), before);
                RuleMatch a = after.isEmpty() ? null : firstIn(rules.stage("mention-after"), after);
                if (a != null && "other".equals(a.value("object"))) {
                    // What was acted on is something the title is part of (《…》行动计划): no act here.
                    rule = (b == null ? "" : b.rule().name() + "+") + a.rule().name();
                } else if (b != null || a != null) {
                    rule = b != null && a != null ? b.rule().name() + "+" + a.rule().name() : (b != null ? b : a).rule().name();
                    String act = b != null && b.value("action") != null ? b.value("action") : a != null ? a.value("action") : null;
                    if (act != null) action = act;
                    RuleMatch dated = a != null && a.group("date") != null ? a : b != null && b.group("date") != null ? b : null;
                    String when = b != null && b.value("when") != null ? b.value("when") : a == null ? null : a.value("when");
                    // A later title of a sentence whose reported meeting acted on an earlier one, acted
                    // on in the past (会议批准了《A》，以及…的决议，并通过了《B》): the same subject acted again.
                    if (when == null && b != null && b.group("verb") != null && b.text().contains(b.group("verb") + "了")
                        && s.parent() < 0 && meetingActedIn == sentence[0]) when = "meeting";
                    if ("meeting".equals(when) && s.parent() < 0) meetingActedIn = sentence[0];
                    if (dated == null && "previous-act".equals(when) && lastTop != null) {
                        // A title listed after another (批准了《A》、《B》): the same act, date and place.
                        if (act == null) action = lastTop.action();
                        date = lastTop.date();
                        place = lastTop.place();
                    } else if (dated == null && "previous".equals(when) && lastTop != null) {
                        // The same occasion as the title just before it (和签署的《…》).
                        date = lastTop.date();
                        place = lastTop.place();
                    } else if (dated == null && "meeting-year".equals(when) && meeting != null) {
                        // A day without its year (于6月16日签署): the reported meeting's year.
                        Range r = Dates.parse(meeting.dates().start().year() + "年" + b.group("month") + "月" + b.group("day") + "日");
                        if (r != null) date = r.start();
                        place = b.group("venue") != null ? place(b.group("venue")) : meeting.place();
                    } else if (dated != null) {
                        // An act on a range of days happened on one of them: keep what the range supports.
                        Range r = Dates.parse(dated.group("date"));
                        if (r != null) date = meetingDate(r);
                        place = place(dated.group("venue") != null ? dated.group("venue") : dated.group("place"));
                    } else if ("meeting".equals(when) && meeting != null) {
                        date = meetingDate(meeting.dates());
                        place = meeting.place();
                    } else if (b != null && b.group("venue") != null) {
                        // A place without a date (在上海签署的《…》).
                        place = place(b.group("venue"));
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
                Mention mention = new Mention(surface, anchor, key, p.begin(), p.end(), s.parent(), action, date, place, p);
                out.add(mention);
                if (s.parent() < 0) lastTop = mention;
            }
            return out;
        }

        /** The first rule of {@code stage} (in file order) that matches the window. */
        RuleMatch firstIn(List<Rule> stage, String window) {
            return rules.findFirstInOrder(stage, window, 0);
        }

        /**
         * The key of the one title cited in this sentence or the one before whose short form
         * {@code key} is (stage title-key: 《日历》 for 《上合组织文化交流日历》); null when
         * {@code key} is not a short form or when none or several titles fit.
         */
        String titleShortened(String key, int open, List<Mention> earlier) {
            if (firstIn(rules.stage("title-key", "short-title"), key) == null) return null;
            return onlyKeyCitedJustBefore(open, earlier, k -> k.length() > key.length() && k.endsWith(key));
        }

        /**
         * The date of an act during a meeting or a range of days, as precise as the text
         * allows: the day of a one-day meeting, else the month (or year) its days share.
         */
        TypedDate meetingDate(Range dates) {
            TypedDate s = dates.start(), e = dates.end();
            if (s.equals(e)) return s;
            if (s.lexical().substring(0, 7).equals(e.lexical().substring(0, 7)))
                return new TypedDate(s.lexical().substring(0, 7), XSDDatatype.XSDgYearMonth);
            return new TypedDate(s.lexical().substring(0, 4), XSDDatatype.XSDgYear);
        }

        /** The original characters of a normalised span, without whitespace: the title as written. */
        String asWritten(int start, int end) {
            StringBuilder sb = new StringBuilder(end - start);
            for (int i = start; i < end; i++) sb.append(nt.original().charAt(nt.toOriginal(i)));
            return sb.toString();
        }

        /** The last full date after the last full stop: the date a document was signed or issued. */
        TypedDate closingDate() {
            if (tailStart >= text.length()) return null;
            TypedDate found = null;
            for (RuleMatch m : rules.findAll(rules.stage("tail", "meeting"), text.substring(tailStart), tailStart)) {
                Range r = Dates.parse(m.group("date"));
                if (r != null && r.start().datatype() == XSDDatatype.XSDdate) found = r.start();
            }
            return found;
        }
    }
}
