package org.tl4j.core;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The taxonomy as data follows Tables 1 and 2 of the white paper (after Pan &amp; Yang). */
class TaxonomyTest {

    @Test
    void settingsUseTheApproachesTheSurveyLists() {
        assertEquals(EnumSet.allOf(Approach.class), Setting.INDUCTIVE.approaches());
        assertEquals(EnumSet.of(Approach.INSTANCE, Approach.FEATURE_REPRESENTATION), Setting.TRANSDUCTIVE.approaches());
        assertEquals(EnumSet.of(Approach.FEATURE_REPRESENTATION), Setting.UNSUPERVISED.approaches());
    }

    @Test
    void labelAvailabilityMatchesTable2() {
        assertEquals(Setting.Availability.AVAILABLE, Setting.INDUCTIVE.targetLabels());
        assertEquals(Setting.Availability.EITHER, Setting.INDUCTIVE.sourceLabels());
        assertEquals(Setting.Availability.AVAILABLE, Setting.TRANSDUCTIVE.sourceLabels());
        assertEquals(Setting.Availability.UNAVAILABLE, Setting.TRANSDUCTIVE.targetLabels());
        assertEquals(Setting.Availability.UNAVAILABLE, Setting.UNSUPERVISED.sourceLabels());
        assertEquals(Setting.Availability.UNAVAILABLE, Setting.UNSUPERVISED.targetLabels());
        assertEquals(java.util.List.of("Domain Adaptation", "Sample Selection Bias", "Co-variate Shift"),
                Setting.TRANSDUCTIVE.relatedAreas());
        assertEquals(java.util.List.of("Clustering", "Dimensionality Reduction"), Setting.UNSUPERVISED.learningTasks());
    }

    @Test
    void domainAndTaskRelationsMatchTable1() {
        assertEquals(Setting.Relation.DIFFERENT_BUT_RELATED, Setting.TRANSDUCTIVE.domains());
        assertEquals(Setting.Relation.SAME, Setting.TRANSDUCTIVE.tasks());
        assertEquals(Setting.Relation.DIFFERENT_BUT_RELATED, Setting.INDUCTIVE.tasks());
    }

    @Test
    void namesParseFromLabelsModulesAndConstants() {
        assertEquals(Approach.INSTANCE, Approach.parse("instance"));
        assertEquals(Approach.FEATURE_REPRESENTATION, Approach.parse("feature-transfer"));
        assertEquals(Approach.RELATIONAL_KNOWLEDGE, Approach.parse("relational-knowledge-transfer"));
        assertEquals(Setting.TRANSDUCTIVE, Setting.parse("Transductive"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Approach.parse("magic"));
        assertEquals("Unknown approach 'magic': expected one of instance, feature-representation, parameter, relational-knowledge", e.getMessage());
    }

    @Test
    void strategiesAcceptProblemsOfCompatibleSettings() {
        StrategyDescriptor transductive = new StrategyDescriptor("x", Approach.INSTANCE, EnumSet.of(Setting.TRANSDUCTIVE),
                "m", "k", "d");
        StrategyDescriptor inductive = new StrategyDescriptor("y", Approach.PARAMETER, EnumSet.of(Setting.INDUCTIVE),
                "m", "k", "d");
        assertEquals(true, transductive.acceptsSetting(Setting.INDUCTIVE));
        assertEquals(true, transductive.acceptsSetting(Setting.TRANSDUCTIVE));
        assertEquals(false, inductive.acceptsSetting(Setting.TRANSDUCTIVE));
        assertEquals(false, inductive.acceptsSetting(Setting.UNSUPERVISED));
        assertThrows(IllegalArgumentException.class, () -> new StrategyDescriptor("Bad Name", null,
                EnumSet.of(Setting.INDUCTIVE), "m", "k", "d"));
    }
}
