package org.scokg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scokg.text.SourceText;

/**
 * The next meeting a text announces, on short texts written for the test: its year (said, or
 * counted from the reported meeting's) and host state, and no meeting that comes before the
 * reported one.
 */
class NextMeetingTest {
    static List<String> next(String text) {
        return Extraction.facts(new SourceText("next.txt", text)).nextMeetings().stream()
            .map(n -> n.year() + " " + (n.hostStateIri() == null ? "-" : n.hostStateIri().replaceAll(".*/", ""))).toList();
    }

    static final String OPENING = "2009年3月20日，上海合作组织成员国国家协调员理事会会议在叶卡捷琳堡举行。";

    @Test
    void aLaterMonthOfTheMeetingsYear() {
        assertEquals(List.of("2009 RUS"), next(OPENING + "会议同意，国家协调员理事会下一次会议将于5月中旬在莫斯科举行。"));
    }

    @Test
    void aMonthNotAfterTheMeetingsIsNoNextMeeting() {
        assertEquals(List.of(), next(OPENING + "会议同意，国家协调员理事会下一次会议将于2月在莫斯科举行。"));
    }

    @Test
    void nextYearCountedFromTheMeetings() {
        assertEquals(List.of("2010 RUS"), next(OPENING + "会议决定，下一次国家协调员理事会会议将于明年在俄罗斯举行。"));
    }
}
