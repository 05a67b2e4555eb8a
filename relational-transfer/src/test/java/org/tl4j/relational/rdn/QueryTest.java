package org.tl4j.relational.rdn;

import org.junit.jupiter.api.Test;
import org.tl4j.relational.data.FactStore;
import org.tl4j.relational.data.GroundAtom;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryTest {
    private final FactStore store = FactStore.of(List.of(
            GroundAtom.of("publication", "t1", "ann"),
            GroundAtom.of("publication", "t1", "bob"),
            GroundAtom.of("publication", "t2", "ann"),
            GroundAtom.of("publication", "t2", "bob"),
            GroundAtom.of("publication", "t3", "cid"),
            GroundAtom.of("professor", "bob"),
            GroundAtom.of("same", "ann", "ann")));

    private BindingTable head(String a, String b) {
        return BindingTable.of(new int[] {store.idOf(a), store.idOf(b)});
    }

    @Test
    void provesConjunctionsThroughNewVariables() {
        Query coauthors = new Query(List.of(new Literal("publication", 2, 0), new Literal("publication", 2, 1)), 2,
                store);
        assertEquals(3, coauthors.endWidth());
        assertTrue(coauthors.holds(head("ann", "bob")));
        assertFalse(coauthors.holds(head("ann", "cid")));
        BindingTable ext = coauthors.extend(head("ann", "bob"));
        assertEquals(2, ext.rows(), "t1 and t2 are both shared");
        assertEquals(store.idOf("t1"), ext.get(0, 2));
        assertEquals(store.idOf("t2"), ext.get(1, 2));
        assertEquals(store.idOf("ann"), ext.get(1, 0), "head slots are carried along");
    }

    @Test
    void boundOnlyLiteralsAreMembershipTests() {
        Query prof = new Query(List.of(new Literal("professor", 1)), 2, store);
        assertTrue(prof.holds(head("ann", "bob")));
        assertFalse(prof.holds(head("bob", "ann")));
        assertEquals(1, prof.extend(head("ann", "bob")).rows());
    }

    @Test
    void aVariableRepeatedInOneLiteralMustMatchItself() {
        Query selfLoop = new Query(List.of(new Literal("same", 2, 2)), 2, store);
        assertTrue(selfLoop.holds(head("ann", "bob")), "same(ann,ann) exists");
        Query diag = new Query(List.of(new Literal("publication", 0, 0)), 2, store);
        assertFalse(diag.holds(head("ann", "bob")));
    }

    @Test
    void literalsWithoutBoundVariablesScanThePredicate() {
        Query any = new Query(List.of(new Literal("publication", 2, 3)), 2, store);
        assertEquals(5, any.extend(head("ann", "bob")).rows());
        Query none = new Query(List.of(new Literal("female", 2)), 2, store);
        assertFalse(none.holds(head("ann", "bob")), "a predicate without facts never holds");
    }

    @Test
    void slotsMustBeNumberedInOrderOfFirstAppearance() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Query(List.of(new Literal("publication", 3, 0)), 2, store));
        assertTrue(e.getMessage().contains("slot 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Query(List.of(new Literal("professor", 1)), 2, store)
                .holds(BindingTable.of(new int[] {0})));
    }
}
