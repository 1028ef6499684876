package dev.khabar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.khabar.article.Section;
import dev.khabar.support.Api;

class SeedLayoutTest {

    @Test
    void seedRoundTripsExactly() {
        assertEquals(Api.SEED, SeedLayout.render(SeedLayout.parse(Api.SEED).text()));
    }

    @Test
    void parsesEveryPart() {
        StructuredText text = SeedLayout.parse("Cat\nTitle\n\nSub\nLead\nH1\n- a\n- b\nH2\n- c\nEnd").text();
        assertEquals(new StructuredText("Cat", "Title", "Sub", "Lead",
                List.of(new Section("H1", List.of("a", "b")), new Section("H2", List.of("c"))), "End"), text);
    }

    @Test
    void articleWithoutSectionsIsAccepted() {
        assertEquals(List.of(), SeedLayout.parse("Cat\nTitle\n\nSub\nLead\nEnd").text().sections());
    }

    @Test
    void missingLeadIsReportedAtTheHeading() {
        LayoutException e = assertThrows(LayoutException.class,
                () -> SeedLayout.parse("Cat\nTitle\n\nSub\nHeading\n- a\nEnd"));
        assertEquals(5, e.line());
    }

    @Test
    void bulletInHeaderPartIsReported() {
        LayoutException e = assertThrows(LayoutException.class, () -> SeedLayout.parse("Cat\n- Title\n\nSub\nLead\nEnd"));
        assertEquals(2, e.line());
    }

    @Test
    void shortTextIsReportedAfterItsLastLine() {
        LayoutException e = assertThrows(LayoutException.class, () -> SeedLayout.parse("Cat\nTitle\n\nSub"));
        assertEquals(5, e.line());
    }
}
